import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as newPersonRoute from "~/routes/admin.people.new";
import * as retentionRoute from "~/routes/admin.retention";
import * as loginRoute from "~/routes/login";
import * as themeRoute from "~/routes/theme";
import { createAdmin } from "../../utils/factories";
import { routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

/** Bodies no page's form sends: each is the client's mistake (400), never a 500, and writes nothing. */
const NOT_FORMS: [string | null, string][] = [
  ["text/plain", "name=Mallory&email=mallory@example.com"],
  ["application/json", JSON.stringify({ name: "Mallory", email: "mallory@example.com" })],
  [null, "name=Mallory&email=mallory@example.com"],
];

describe("a page's action sent something that is not a form", () => {
  test("is a 400 for every kind of body, and nothing is written", async () => {
    const admin = await createAdmin();
    const people = await db.user.count();
    const routes = [
      ["/admin/people/new", newPersonRoute.action],
      ["/admin/retention", retentionRoute.action],
      ["/login", loginRoute.action],
      ["/theme", themeRoute.action],
    ] as const;
    for (const [path, action] of routes)
      for (const [type, body] of NOT_FORMS) {
        const request = await signedInRequest(path, admin.id, {
          method: "POST",
          body,
          headers: type ? { "Content-Type": type } : {},
        });
        // Without a type, fetch's Request names text/plain for a string body: strip it.
        if (!type) request.headers.delete("Content-Type");
        const answer = await action(routeArgs(request)).catch((error: unknown) => error);
        expect(statusOf(answer), `${path} ${type}`).toBe(400);
      }
    expect(await db.user.count()).toBe(people);
  });

  test("a form of either kind is read as before", async () => {
    const admin = await createAdmin();
    for (const body of [
      new URLSearchParams({ theme: "dark", redirectTo: "/" }),
      (() => {
        const form = new FormData();
        form.set("theme", "dark");
        form.set("redirectTo", "/");
        return form;
      })(),
    ]) {
      const answer = await themeRoute
        .action(routeArgs(await signedInRequest("/theme", admin.id, { method: "POST", body })))
        .catch((error: unknown) => error);
      expect(statusOf(answer)).toBe(302);
    }
  });
});

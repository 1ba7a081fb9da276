// The header's language switch (POST /language): the person's own choice, then the page they were on.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as languageRoute from "~/routes/language";
import { createPerson } from "../../utils/factories";
import { routeArgs, statusOf } from "../../utils/responses";
import { signedInPost } from "../../utils/session";

/** The route's answer: the redirect it returns, or the refusal it throws. */
async function post(userId: string, fields: Record<string, string>): Promise<unknown> {
  const request = await signedInPost("/language", userId, fields);
  try {
    return await languageRoute.action(routeArgs(request));
  } catch (error) {
    return error;
  }
}

describe("the language switch", () => {
  test("keeps the person's choice and goes back to the page they were on, never another site", async () => {
    const person = await createPerson({ name: "Hana Novak" });
    const back = await post(person.id, { language: "de", redirectTo: "/goals?period=q1" });
    expect(statusOf(back)).toBe(302);
    expect((back as Response).headers.get("Location")).toBe("/goals?period=q1");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).language).toBe("de");

    const away = await post(person.id, { language: "ar", redirectTo: "https://evil.example/" });
    expect((away as Response).headers.get("Location")).toBe("/");

    const refused = await post(person.id, { language: "xx", redirectTo: "/" });
    expect(statusOf(refused)).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).language).toBe("ar");
  });
});

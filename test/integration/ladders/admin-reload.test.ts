import { describe, expect, test } from "vitest";
import * as laddersRoute from "~/routes/admin.ladders";
import { db } from "~/db/client.server";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost } from "../../utils/session";

describe("reloading ladders from the admin page", () => {
  test("an admin reloads without a restart, is told the outcome, and the reload is audited", async () => {
    const admin = await createAdmin();
    const result = await laddersRoute.action(
      routeArgs(await signedInPost("/admin/ladders", admin.id, {})),
    );
    expect(bodyOf<{ message: string }>(result).message).toMatch(
      /^Ladders reloaded: \d+ served, every one without errors\.$/,
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "ladders.reloaded", actorId: admin.id },
      select: { subjectType: true, detail: true },
    });
    expect(event.subjectType).toBe("ladders");
    expect(event.detail).toMatchObject({ problems: [] });
  });

  test("anyone else gets 403 and nothing is reloaded or recorded", async () => {
    const engineer = await createPerson();
    expect(
      statusOf(
        await thrown(async () =>
          laddersRoute.action(routeArgs(await signedInPost("/admin/ladders", engineer.id, {}))),
        ),
      ),
    ).toBe(403);
    expect(
      await db.auditEvent.count({ where: { action: "ladders.reloaded", actorId: engineer.id } }),
    ).toBe(0);
  });
});

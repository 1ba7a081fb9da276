import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as editRoute from "~/routes/admin.people.$personId";
import * as importRoute from "~/routes/admin.people.import";
import * as insightsRoute from "~/routes/insights._index";
import { createAdmin, uniqueEmail } from "../../utils/factories";
import { routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

describe("time at a level before Rungs", () => {
  test("people imported at ic3 with a level since three years back, promoted 30 days after the import, stay about three years at ic3, not 30 days", async () => {
    const admin = await createAdmin();
    const importedAt = Date.now() - 30 * DAY;
    // Four (the organisation's floor), at ic3 since three years before the import, a few days apart.
    const since = [0, 10, 20, 40].map((offset) => isoDay(importedAt - (3 * 365 + offset) * DAY));
    const emails = since.map(() => uniqueEmail("senior"));
    const csv = [
      "name,email,track,level,level since",
      ...emails.map((email, index) => `Senior ${index},${email},ic,ic3,${since[index]}`),
    ].join("\n");
    expect(
      statusOf(
        await importRoute.action(
          routeArgs(
            await signedInPost("/admin/people/import", admin.id, { intent: "import", csv }),
          ),
        ),
      ),
    ).toBe(200);

    // The import was 30 days ago; today each is promoted on the person form.
    const people = await db.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, name: true, email: true },
    });
    await db.user.updateMany({
      where: { id: { in: people.map((person) => person.id) } },
      data: { createdAt: new Date(importedAt) },
    });
    for (const person of people) {
      const request = await signedInPost(`/admin/people/${person.id}`, admin.id, {
        intent: "update",
        name: person.name,
        email: person.email,
        track: "ic",
        level: "ic4",
        levelSince: since[emails.indexOf(person.email)]!,
      });
      expect(statusOf(await editRoute.action(routeArgs(request, { personId: person.id })))).toBe(
        200,
      );
    }

    const view = await insightsRoute.loader(
      routeArgs(await signedInRequest("/insights", admin.id)),
    );
    const ic = view.timeInLevel.find((track) => track.track === "ic")!;
    const ic3 = ic.levels.find((level) => level.level === "ic3")!;
    // Every stay's start is known, all four ended in a promotion, and each entered the curve about three years in.
    expect(ic3).toMatchObject({ n: 4, promotions: 4, unknownStarts: 0, suppressed: false });
    expect(ic3.points.map(([days]) => days)).toEqual([
      3 * 365 + 30,
      3 * 365 + 40,
      3 * 365 + 50,
      3 * 365 + 70,
    ]);
    expect(ic3.median).toBe(3 * 365 + 40);
    // Their stays at ic4 began with the promotion Rungs recorded.
    expect(ic.levels.find((level) => level.level === "ic4")).toMatchObject({
      n: 4,
      promotions: 0,
      unknownStarts: 0,
    });
  });
});

import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { importPeople } from "~/modules/people/import.server";
import * as importRoute from "~/routes/admin.people.import";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost } from "../../utils/session";

/** The import's optional level since column, and what a move to another level does to a person's level since. */

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

async function importCsv(adminId: string, intent: "check" | "import", csv: string) {
  return importRoute.action(
    routeArgs(await signedInPost("/admin/people/import", adminId, { intent, csv })),
  );
}

async function changesOf(personId: string) {
  return db.levelChange.findMany({
    where: { personId },
    orderBy: { id: "asc" },
    select: { fromLevelId: true, toLevelId: true, source: true, fromSince: true },
  });
}

async function levelSinceOf(personId: string) {
  return (
    await db.user.findUniqueOrThrow({ where: { id: personId }, select: { levelSince: true } })
  ).levelSince;
}

describe("the CSV import", () => {
  const header = "name,email,manager_email,team,track,level,level since";

  test("an optional level since column: new people get their day, the check previews it, and a bad or future day is a row error that writes nothing", async () => {
    const admin = await createAdmin();
    const [ana, bo] = [uniqueEmail("ana"), uniqueEmail("bo")];
    const bad = [
      header,
      `Ana,${ana},,,ic,ic3,2021-03-01`,
      `Bo,${bo},,,ic,ic2,03/01/2021`,
      `Cy,${uniqueEmail("cy")},,,ic,ic2,2999-01-01`,
    ].join("\n");
    const refused = await importCsv(admin.id, "import", bad);
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ errors: unknown[] }>(refused).errors).toEqual([
      {
        line: 3,
        field: "level_since",
        message: "write the day as YYYY-MM-DD, for example 2021-03-01",
      },
      {
        line: 4,
        field: "level_since",
        message: "2999-01-01 is in the future: give the day the person reached their level",
      },
    ]);
    expect(await db.user.count({ where: { email: { in: [ana, bo] } } })).toBe(0);

    const csv = [header, `Ana,${ana},,,ic,ic3,2021-03-01`, `Bo,${bo},,,ic,ic2,`].join("\n");
    const checked = await importCsv(admin.id, "check", csv);
    expect(statusOf(checked)).toBe(200);
    expect(
      bodyOf<{ creates: { email: string; levelSince: string | null }[] }>(checked).creates.map(
        (row) => [row.email, row.levelSince],
      ),
    ).toEqual([
      [ana, "2021-03-01"],
      [bo, null],
    ]);
    expect(await db.user.count({ where: { email: { in: [ana, bo] } } })).toBe(0);

    expect(statusOf(await importCsv(admin.id, "import", csv))).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: ana } })).levelSince).toEqual(
      day("2021-03-01"),
    );
    expect((await db.user.findUniqueOrThrow({ where: { email: bo } })).levelSince).toBeNull();
  });

  test("for people already in Rungs: a new day is a change; a move to another level clears it, and the change keeps it", async () => {
    const admin = await createAdmin();
    const moved = await createPerson({ track: "ic", level: "ic3", levelSince: day("2020-05-01") });
    const dated = await createPerson({ track: "ic", level: "ic2" });
    const kept = await createPerson({ track: "ic", level: "ic2", levelSince: day("2019-01-01") });

    // Without the column: the move clears the day, the others keep theirs.
    const withoutColumn = [
      "name,email,track,level",
      `${moved.name},${moved.email},ic,ic4`,
      `${kept.name},${kept.email},ic,ic2`,
    ].join("\n");
    const preview = bodyOf<{ changes: { id: string; changes: unknown[] }[] }>(
      await importCsv(admin.id, "check", withoutColumn),
    ).changes;
    expect(preview).toEqual([
      expect.objectContaining({
        id: moved.id,
        changes: [
          { field: "level", from: "ic3", to: "ic4" },
          { field: "level_since", from: "2020-05-01", to: null },
        ],
      }),
    ]);
    const result = await importPeople(withoutColumn, { actorId: admin.id, dryRun: false });
    expect(result.ok).toBe(true);
    expect(await levelSinceOf(moved.id)).toBeNull();
    expect(await levelSinceOf(kept.id)).toEqual(day("2019-01-01"));
    expect(await changesOf(moved.id)).toEqual([
      { fromLevelId: "ic3", toLevelId: "ic4", source: "imported", fromSince: day("2020-05-01") },
    ]);

    // With it: a day for someone without one; the moved person's old day, from before the move Rungs recorded, is not taken back.
    const withColumn = [
      "name,email,track,level,level_since",
      `${moved.name},${moved.email},ic,ic4,2020-05-01`,
      `${dated.name},${dated.email},ic,ic2,2022-09-01`,
    ].join("\n");
    const second = await importPeople(withColumn, { actorId: admin.id, dryRun: true });
    expect(second.ok && second.plan.changes).toEqual([
      {
        line: 3,
        id: dated.id,
        email: dated.email,
        name: dated.name,
        changes: [{ field: "level_since", from: null, to: "2022-09-01" }],
      },
    ]);
    expect(second.ok && second.summary).toMatchObject({ changed: 1, unchanged: 1 });
    await importPeople(withColumn, { actorId: admin.id, dryRun: false });
    expect(await levelSinceOf(dated.id)).toEqual(day("2022-09-01"));
    // The day, given without a move, is recorded as learned of now (insights date it so), with the one it replaced.
    expect(await changesOf(dated.id)).toEqual([
      { fromLevelId: "ic2", toLevelId: "ic2", source: "level-since", fromSince: null },
    ]);
    expect(await levelSinceOf(moved.id)).toBeNull();
  });
});

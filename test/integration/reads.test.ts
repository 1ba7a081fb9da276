// Raw reads through the one helper (app/db/reads.server.ts), which hands them to Prisma's driver
// adapter with the statement and rows Prisma's $queryRaw makes (decision 171). A read must give
// what $queryRaw gives, see what the app has committed, bind and read back values as Prisma stores
// them whatever the process's time zone, read a Json column the same from both databases, and be
// counted.
import { afterEach, describe, expect, test } from "vitest";
import { db, Prisma } from "~/db/client.server";
import { newestChange, readRows, wholeNumber, words } from "~/db/reads.server";
import { sqlBool, sqlDate, sqlInt } from "~/db/rows";
import { countStatements } from "~/db/statement-count.server";
import { createPerson } from "../utils/factories";

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe("a raw read", () => {
  test("writes the words the code fixes into the statement, for the planner to see (decision 151), and nothing else", async () => {
    const { result, statements } = await countStatements(
      () => readRows`SELECT 'found' AS n WHERE ${"offer"} IN (${words(["screen", "offer"])})`,
    );
    expect(result).toEqual([{ n: "found" }]);
    expect(statements.at(-1)).toContain(`IN ('screen', 'offer')`);
    expect(() => words(["offer') OR ('1' = '1"])).toThrow(/Not a word/);
  });

  test("writes a page's size and offset into the statement, for PostgreSQL to keep one plan (decision 172), and nothing else", async () => {
    const { result, statements } = await countStatements(
      () =>
        readRows`SELECT name FROM "User" WHERE id IN (${Prisma.join(["a", "b"])}) ORDER BY name LIMIT ${wholeNumber(2)} OFFSET ${wholeNumber(0)}`,
    );
    expect(result).toEqual([]);
    expect(statements.at(-1)).toContain("LIMIT 2 OFFSET 0");
    for (const value of [-1, 1.5, Number.NaN, 2 ** 60])
      expect(() => wholeNumber(value)).toThrow(/Not a whole number/);
  });

  test("reads a table's newest change from the end of its index, in one statement with a literal LIMIT (decisions 069 and 172)", async () => {
    expect(await newestChange("HiringCandidate")).toBeNull();
    const first = await createPerson({ name: "Ola Earlier" });
    await createPerson({ name: "Ben Later" });
    const touched = await db.user.update({
      where: { id: first.id },
      data: { name: "Ola Renamed" },
      select: { updatedAt: true },
    });
    const { result, statements } = await countStatements(() => newestChange("User"));
    expect(result).toEqual(touched.updatedAt);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain(`FROM "User" ORDER BY "updatedAt" DESC LIMIT 1`);
  });

  test("gives the rows $queryRaw gives, value for value, for each kind of column and bound value", async () => {
    const lead = await createPerson({ name: "Lee Direct" });
    const person = await createPerson({ name: "Nia Direct", managerId: lead.id });
    await db.user.update({
      where: { id: person.id },
      data: { deactivatedAt: new Date("2026-05-06T07:08:09.010Z"), isAdmin: true },
    });
    const queries = [
      Prisma.sql`SELECT id, name, "isAdmin", "createdAt", "deactivatedAt", "lineDepth", "linePath", attributes, "managerId", language
        FROM "User" WHERE id IN (${Prisma.join([lead.id, person.id])}) ORDER BY name`,
      Prisma.sql`SELECT COUNT(*) AS counted, SUM("lineDepth") AS summed, AVG("lineDepth") AS mean,
        MAX("createdAt") AS newest, MIN(name) AS first, COUNT(*) > 1 AS many
        FROM "User" WHERE id IN (${Prisma.join([lead.id, person.id])})`,
      Prisma.sql`SELECT id FROM "User"
        WHERE id = ${person.id} AND "deactivatedAt" > ${new Date("2026-01-01T00:00:00Z")}
          AND "lineDepth" < ${12} AND "lineDepth" + 0.5 < ${12.5} AND "lineDepth" < ${BigInt(12)}
          AND "isAdmin" = ${true} AND COALESCE(${null}, name) = name AND name LIKE ${"Nia%"}`,
      Prisma.sql`SELECT ${"text"} AS word, ${7} AS seven, ${1.5} AS half`,
    ];
    for (const query of queries) {
      const direct = await readRows(query);
      expect(direct.length).toBeGreaterThan(0);
      expect(direct).toEqual(await db.$queryRaw(query));
    }
  });

  test("sees what the app has just written, changed and deleted", async () => {
    const ada = await createPerson({ name: "Ada Direct" });
    const nameOf = (id: string) => readRows`SELECT name FROM "User" WHERE id = ${id}`;
    expect(await nameOf(ada.id)).toEqual([{ name: "Ada Direct" }]);

    await db.user.update({ where: { id: ada.id }, data: { name: "Ada Renamed" } });
    expect(await nameOf(ada.id)).toEqual([{ name: "Ada Renamed" }]);

    await db.user.delete({ where: { id: ada.id } });
    expect(await nameOf(ada.id)).toEqual([]);
  });

  test("binds and reads back a timestamp as the same instant in a time zone far from UTC", async () => {
    // Prisma keeps timestamps in UTC; node-postgres would read a timestamp without a zone in the
    // process's own zone, and bind a Date with its local offset, which PostgreSQL drops.
    process.env.TZ = "Pacific/Auckland";
    const deactivatedAt = new Date("2026-03-04T05:06:07.089Z");
    const person = await createPerson({ name: "Bo Direct" });
    await db.user.update({ where: { id: person.id }, data: { deactivatedAt, isAdmin: true } });

    const rows =
      await readRows`SELECT id, "deactivatedAt", "isAdmin" FROM "User" WHERE "deactivatedAt" = ${deactivatedAt} AND "isAdmin" = ${true} AND id = ${person.id}`;
    expect(rows).toHaveLength(1);
    const [row] = rows as { deactivatedAt: unknown; isAdmin: unknown }[];
    expect(sqlDate.parse(row!.deactivatedAt).toISOString()).toBe(deactivatedAt.toISOString());
    expect(sqlBool.parse(row!.isAdmin)).toBe(true);
    expect(
      await readRows`SELECT id FROM "User" WHERE id = ${person.id} AND "deactivatedAt" < ${new Date("2026-03-04T05:06:07.000Z")}`,
    ).toEqual([]);
  });

  test("reads a Json column as its value on both databases, and counts as numbers or text the parsers take", async () => {
    const person = await createPerson({ name: "Cy Direct" });
    const marks = { "0": "met", "2": "partly" };
    const assessment = await db.assessment.create({
      data: {
        kind: "self",
        status: "draft",
        subjectId: person.id,
        authorId: person.id,
        ladderVersionId: await anyLadderVersion(),
        trackId: "ic",
        levelId: "ic2",
      },
    });
    await db.assessmentRating.create({
      data: {
        assessmentId: assessment.id,
        competencyId: "code-quality",
        rating: 3,
        nextLevelMarks: marks,
      },
    });

    const rows =
      (await readRows`SELECT "nextLevelMarks", (SELECT COUNT(*) FROM "AssessmentRating" x WHERE x."assessmentId" = ${assessment.id}) AS counted FROM "AssessmentRating" WHERE "assessmentId" = ${assessment.id}`) as {
        nextLevelMarks: unknown;
        counted: unknown;
      }[];
    expect(rows[0]!.nextLevelMarks).toEqual(marks);
    expect(sqlInt.parse(rows[0]!.counted)).toBe(1);
  });

  test("takes a Prisma.sql query with nested parts and lists, and is counted as a statement", async () => {
    const people = await Promise.all(
      ["Di", "Ed", "Flo"].map((name) => createPerson({ name: `${name} Direct` })),
    );
    const { result, statements } = await countStatements(() =>
      readRows(
        Prisma.sql`SELECT name FROM "User" WHERE id IN (${Prisma.join(people.map((person) => person.id))}) ${Prisma.sql`ORDER BY name`}`,
      ),
    );
    expect(result).toEqual([{ name: "Di Direct" }, { name: "Ed Direct" }, { name: "Flo Direct" }]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^SELECT name FROM "User"/);
  });

  test("answers many reads at once, each with its own rows", async () => {
    const people = await Promise.all(
      ["Gus", "Hal", "Ivy", "Jo"].map((name) => createPerson({ name: `${name} Direct` })),
    );
    const names = await Promise.all(
      people.map((person) => readRows`SELECT name FROM "User" WHERE id = ${person.id}`),
    );
    expect(names).toEqual(people.map((person) => [{ name: person.name }]));
  });

  test("a bad statement rejects with the database's message, and the next read works", async () => {
    await expect(readRows`SELECT name FROM "NoSuchTable"`).rejects.toThrow(/NoSuchTable/);
    const person = await createPerson({ name: "Kit Direct" });
    expect(await readRows`SELECT name FROM "User" WHERE id = ${person.id}`).toEqual([
      { name: "Kit Direct" },
    ]);
  });

  test("reads again after Prisma disconnects and reconnects", async () => {
    const person = await createPerson({ name: "Mo Direct" });
    await db.$disconnect();
    expect(await readRows`SELECT name FROM "User" WHERE id = ${person.id}`).toEqual([
      { name: "Mo Direct" },
    ]);
  });
});

async function anyLadderVersion(): Promise<string> {
  const { servedLadderVersion } = await import("~/modules/ladders/registry.server");
  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  return served.versionId;
}

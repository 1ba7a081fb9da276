// SQLite statements are prepared once and reused (app/db/sqlite-statements.server.ts):
// each use must still see its own arguments, and a failed use must not spoil the next.
import { describe, expect, test } from "vitest";
import { db, Prisma } from "~/db/client.server";
import { createPerson, uniqueEmail } from "../utils/factories";

describe("a statement run again", () => {
  test("answers for its own arguments each time", async () => {
    const [ada, bo] = [await createPerson({ name: "Ada Again" }), await createPerson({ name: "Bo Again" })];
    const nameOf = (id: string) => db.$queryRaw<{ name: string }[]>`SELECT name FROM "User" WHERE id = ${id}`;
    expect(await nameOf(ada.id)).toEqual([{ name: "Ada Again" }]);
    expect(await nameOf(bo.id)).toEqual([{ name: "Bo Again" }]);
    expect(await nameOf("nobody")).toEqual([]);
    const both = await Promise.all([nameOf(bo.id), nameOf(ada.id)]);
    expect(both).toEqual([[{ name: "Bo Again" }], [{ name: "Ada Again" }]]);
  });

  test("works after a failed write and after a rolled-back transaction", async () => {
    const email = uniqueEmail();
    await db.user.create({ data: { email, name: "First" } });
    await expect(db.user.create({ data: { email, name: "Duplicate" } })).rejects.toThrow();
    const other = await db.user.create({ data: { email: uniqueEmail(), name: "Second" } });
    expect(other.name).toBe("Second");

    await expect(
      db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: other.id }, data: { name: "Renamed" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Second");
    expect(await db.$queryRaw`SELECT COUNT(*) AS n FROM "User" WHERE email IN (${Prisma.join([email, other.email])})`).toEqual([{ n: 2n }]);
  });
});

describe.runIf(process.env.DATABASE_URL?.startsWith("postgres"))("on PostgreSQL", () => {
  test("a statement is prepared once per connection and reused by name", async () => {
    const person = await createPerson({ name: "Cy Prepared" });
    const prepared = await db.$transaction(async (tx) => {
      // One transaction is one connection: the same text twice, then what that connection holds.
      for (let i = 0; i < 2; i++) await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: { name: true } });
      return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%"User"%'`;
    });
    const forUser = prepared.filter((row) => row.statement.includes('"public"."User"') && row.statement.includes('"name"'));
    expect(forUser.length).toBeGreaterThanOrEqual(1);
    expect(new Set(forUser.map((row) => row.statement)).size).toBe(forUser.length);
    expect(forUser.every((row) => /^r[\w-]{20}$/.test(row.name))).toBe(true);
  });

  test("each connection plans for data held in memory (random_page_cost 1.1 unless PGOPTIONS says otherwise)", async () => {
    const connections = await Promise.all(
      [0, 1, 2].map(() => db.$transaction((tx) => tx.$queryRaw<{ random_page_cost: string }[]>`SHOW random_page_cost`)),
    );
    expect(connections.map(([row]) => row?.random_page_cost)).toEqual(["1.1", "1.1", "1.1"]);
  });
});

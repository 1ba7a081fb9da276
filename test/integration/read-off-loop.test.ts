// Heavy reads run off the event loop (app/db/read-off-loop.server.ts): on SQLite in
// worker threads with their own connections, on PostgreSQL through Prisma. Either way a
// read must see what the app has committed, bind values as Prisma does, and fail
// cleanly without spoiling the next read.
import { describe, expect, test } from "vitest";
import { db, Prisma } from "~/db/client.server";
import { readOffLoop } from "~/db/read-off-loop.server";
import { provider } from "../setup/databases";
import { createPerson } from "../utils/factories";

describe("a read off the event loop", () => {
  test("sees what the app has just written, changed and deleted", async () => {
    const ada = await createPerson({ name: "Ada Offloop" });
    const nameOf = (id: string) => readOffLoop<{ name: string }>(Prisma.sql`SELECT name FROM "User" WHERE id = ${id}`);
    expect(await nameOf(ada.id)).toEqual([{ name: "Ada Offloop" }]);

    await db.user.update({ where: { id: ada.id }, data: { name: "Ada Renamed" } });
    expect(await nameOf(ada.id)).toEqual([{ name: "Ada Renamed" }]);

    await db.user.delete({ where: { id: ada.id } });
    expect(await nameOf(ada.id)).toEqual([]);
  });

  test.runIf(provider === "sqlite")("a read repeated while nothing was committed is answered from the last one; any commit makes it read again", async () => {
    const person = await createPerson({ name: "Ivy Offloop" });
    const draw = () => readOffLoop<{ n: unknown }>(Prisma.sql`SELECT random() AS n, name FROM "User" WHERE id = ${person.id}`);
    const [first] = await draw();
    const [again] = await draw();
    expect(again).toEqual(first);
    // A commit anywhere (here to another table) is a new version of the database.
    await db.team.create({ data: { name: "Offloop team" } });
    const [after] = await draw();
    expect(after!.n).not.toEqual(first!.n);
  });

  test("binds dates, booleans and nulls as Prisma stores them", async () => {
    const deactivatedAt = new Date("2026-03-04T05:06:07.089Z");
    const person = await createPerson({ name: "Bo Offloop" });
    await db.user.update({ where: { id: person.id }, data: { deactivatedAt, isAdmin: true } });

    const found = await readOffLoop<{ id: string; deactivatedAt: unknown }>(
      Prisma.sql`SELECT id, "deactivatedAt" FROM "User" WHERE "deactivatedAt" = ${deactivatedAt} AND "isAdmin" = ${true} AND COALESCE("level", ${null}) IS NULL`,
    );
    expect(found.map((row) => row.id)).toEqual([person.id]);
    expect(new Date(found[0]!.deactivatedAt as string | Date).toISOString()).toBe(deactivatedAt.toISOString());
    expect(await readOffLoop(Prisma.sql`SELECT id FROM "User" WHERE id = ${person.id} AND "isAdmin" = ${false}`)).toEqual([]);
  });

  test("answers many reads at once, each with its own rows", async () => {
    const people = await Promise.all(["Cy", "Di", "Ed", "Flo", "Gus", "Hal"].map((name) => createPerson({ name: `${name} Offloop` })));
    const names = await Promise.all(people.map((person) => readOffLoop<{ name: string }>(Prisma.sql`SELECT name FROM "User" WHERE id = ${person.id}`)));
    expect(names).toEqual(people.map((person) => [{ name: person.name }]));
  });

  test("leaves the event loop free while the database works", async () => {
    // A statement that keeps the database busy for a while (counting two million rows):
    // timers keep firing meanwhile, as they could not if it ran on this thread.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const [row] = await readOffLoop<{ n: unknown }>(
        Prisma.sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${2_000_000}) SELECT COUNT(*) AS n FROM c`,
      );
      expect(Number(row!.n)).toBe(2_000_000);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(5);
  });

  test("a bad statement fails with the database's message, and the next read works", async () => {
    await expect(readOffLoop(Prisma.sql`SELECT id FROM "NoSuchTable"`)).rejects.toThrow(/NoSuchTable/);
    const person = await createPerson({ name: "Ivy Offloop" });
    expect(await readOffLoop(Prisma.sql`SELECT name FROM "User" WHERE id = ${person.id}`)).toEqual([{ name: "Ivy Offloop" }]);
  });

  // The workers' connections are read-only; on PostgreSQL the statement goes through Prisma's connection.
  test.skipIf(provider !== "sqlite")("cannot write on SQLite", async () => {
    const person = await createPerson({ name: "Jo Offloop" });
    await expect(readOffLoop(Prisma.sql`UPDATE "User" SET name = 'Changed' WHERE id = ${person.id} RETURNING id`)).rejects.toThrow(/readonly/i);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Jo Offloop");
  });
});

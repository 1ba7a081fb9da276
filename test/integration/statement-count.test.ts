// The statement counter tests hold pages to (app/db/statement-count.server.ts): every
// statement the database runs is counted once, whichever way it reached the database.
import { describe, expect, test } from "vitest";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { countStatements } from "~/db/statement-count.server";
import { getEnv } from "~/utils/env.server";
import { createPerson, uniqueEmail } from "../utils/factories";

const leadingWord = (sql: string) => sql.trim().split(/\s+/)[0]!.toUpperCase();

describe("counting statements", () => {
  test("a model query counts one statement per table it reads, nested relations included", async () => {
    const manager = await createPerson({ name: "Mo Counted" });
    await createPerson({ name: "Ray Counted", managerId: manager.id });
    const { result, statements } = await countStatements(() =>
      db.user.findUnique({
        where: { id: manager.id },
        select: {
          name: true,
          reports: { select: { name: true } },
          team: { select: { name: true } },
        },
      }),
    );
    expect(result?.reports).toEqual([{ name: "Ray Counted" }]);
    // PostgreSQL's client reads nested relations in the same statement (the relationJoins preview feature, decision 049);
    // SQLite's, without it, reads each relation in a statement of its own.
    expect(statements.map(leadingWord)).toEqual(
      getEnv().databaseProvider === "postgresql" ? ["SELECT"] : ["SELECT", "SELECT", "SELECT"],
    );
    const { statements: again } = await countStatements(() =>
      db.user.findUnique({ where: { id: manager.id }, select: { name: true } }),
    );
    expect(again).toHaveLength(1);
  });

  test("raw queries and raw writes count one each", async () => {
    const person = await createPerson({ name: "Raw Counted" });
    const { statements } = await countStatements(async () => {
      await db.$queryRaw`SELECT name FROM "User" WHERE id = ${person.id}`;
      await db.$executeRaw`UPDATE "User" SET name = ${"Raw Renamed"} WHERE id = ${person.id}`;
    });
    expect(statements.map(leadingWord)).toEqual(["SELECT", "UPDATE"]);
  });

  test("a transaction counts its BEGIN, its statements and its COMMIT or ROLLBACK", async () => {
    const person = await createPerson({ name: "Tx Counted" });
    const { statements: committed } = await countStatements(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "User" SET name = ${"Tx Renamed"} WHERE id = ${person.id}`;
        await tx.$queryRaw`SELECT name FROM "User" WHERE id = ${person.id}`;
      }),
    );
    expect(committed.map(leadingWord)).toEqual(["BEGIN", "UPDATE", "SELECT", "COMMIT"]);

    const { statements: rolledBack } = await countStatements(() =>
      db
        .$transaction(async (tx) => {
          await tx.$executeRaw`UPDATE "User" SET name = ${"Never"} WHERE id = ${person.id}`;
          throw new Error("changed my mind");
        })
        .catch((error: Error) => error.message),
    );
    expect(rolledBack.map(leadingWord)).toEqual(["BEGIN", "UPDATE", "ROLLBACK"]);
  });

  test("a raw read through the one helper counts one statement", async () => {
    const person = await createPerson({ name: "Raw Counted" });
    const { result, statements } = await countStatements(() =>
      readRows(Prisma.sql`SELECT name FROM "User" WHERE id = ${person.id}`),
    );
    expect(result).toEqual([{ name: "Raw Counted" }]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain(`SELECT name FROM "User" WHERE id =`);
  });

  test("counts only while the call runs, and each count sees the statements run within it", async () => {
    const email = uniqueEmail();
    const { statements: outer } = await countStatements(async () => {
      await db.user.create({ data: { email, name: "Outer Counted" }, select: { id: true } });
      const { statements: inner } = await countStatements(() =>
        db.user.count({ where: { email } }),
      );
      expect(inner).toHaveLength(1);
    });
    expect(outer.map(leadingWord)).toContain("INSERT");
    expect(outer.at(-1)).toMatch(/COUNT/);
    const { statements: none } = await countStatements(async () => "no database");
    expect(none).toEqual([]);
  });
});

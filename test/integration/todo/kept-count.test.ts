// The navigation's kept to-do count is written and dropped in one statement each, on either database.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { forgetTodoCount, keepTodoCount } from "~/modules/todo/kept-count.server";
import { createPerson } from "../../utils/factories";

const leadingWord = (sql: string) => sql.trim().split(/\s+/)[0]!.toUpperCase();
const kept = (userId: string) =>
  db.todoCount.findUnique({ where: { userId }, select: { open: true, countedAt: true } });

describe("the kept to-do count", () => {
  test("is written, rewritten and dropped in one statement each", async () => {
    const person = await createPerson({ name: "Kim Counted" });
    const first = new Date("2026-11-20T09:00:00Z");
    const later = new Date("2026-11-20T09:05:00Z");

    const { statements: written } = await countStatements(() => keepTodoCount(person.id, 3, first));
    expect(written.map(leadingWord)).toEqual(["INSERT"]);
    expect(await kept(person.id)).toEqual({ open: 3, countedAt: first });

    const { statements: rewritten } = await countStatements(() =>
      keepTodoCount(person.id, 1, later),
    );
    expect(rewritten.map(leadingWord)).toEqual(["INSERT"]);
    expect(await kept(person.id)).toEqual({ open: 1, countedAt: later });

    const { statements: dropped } = await countStatements(() => forgetTodoCount(person.id));
    expect(dropped.map(leadingWord)).toEqual(["DELETE"]);
    expect(await kept(person.id)).toBeNull();
    // Nothing kept: dropping it again is no error.
    await forgetTodoCount(person.id);
  });
});

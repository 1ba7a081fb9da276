import { describe, expect, test } from "vitest";
import { statementNames } from "~/db/postgres-statements.server";

describe("statement names for PostgreSQL", () => {
  test("the same text gets the same name, in any process; another text another name", () => {
    const [first, second] = [statementNames(), statementNames()];
    const a = first({ sql: 'SELECT 1 FROM "User" WHERE id = $1' });
    expect(a).toMatch(/^r[\w-]{20}$/);
    expect(first({ sql: 'SELECT 1 FROM "User" WHERE id = $1' })).toBe(a);
    expect(second({ sql: 'SELECT 1 FROM "User" WHERE id = $1' })).toBe(a);
    expect(first({ sql: 'SELECT 2 FROM "User" WHERE id = $1' })).not.toBe(a);
  });

  test("past the limit a new text goes unnamed, and the named ones keep their names", () => {
    const names = statementNames(2);
    const a = names({ sql: "SELECT $1" });
    const b = names({ sql: "SELECT $1, $2" });
    expect(names({ sql: "SELECT $1, $2, $3" })).toBeUndefined();
    expect([names({ sql: "SELECT $1" }), names({ sql: "SELECT $1, $2" })]).toEqual([a, b]);
  });
});

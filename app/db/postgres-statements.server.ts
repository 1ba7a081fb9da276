import { createHash } from "node:crypto";

/**
 * PostgreSQL parses and plans every statement that arrives unnamed; for the home page that
 * was most of its ~22 ms in the database, execution under 0.2 ms per statement
 * (docs/benchmarks/README.md). node-postgres prepares a statement that carries a name once per
 * connection and then only binds and executes it; Prisma's adapter asks for names through its
 * `statementNameGenerator` option. The name is a digest of the SQL text, so the same text gets
 * the same name on every connection and in every process.
 *
 * A connection keeps what it prepared until it closes, so the number of names is bounded:
 * after `limit` distinct texts (the app sends a few hundred; lists of ids of varying length make
 * new texts), further texts go unnamed, as before. DATABASE_PREPARED_STATEMENTS=off turns naming
 * off for a connection pooler that cannot keep prepared statements (PgBouncer before 1.21, or
 * in transaction mode without max_prepared_statements).
 */
export function statementNames(limit = 2000): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) {
      name = `r${createHash("sha1").update(sql).digest("base64url").slice(0, 20)}`;
      names.set(sql, name);
    }
    // Unnamed beyond the limit: node-postgres parses it afresh, as it does without names.
    return name as string;
  };
}

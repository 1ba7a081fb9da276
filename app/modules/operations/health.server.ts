import { readRows } from "~/db/reads.server";

export type Health = {
  status: 200 | 503;
  body: { status: "ok" } | { status: "unavailable"; database?: "unreachable"; servers?: "none" };
};

/**
 * 200 when the database answers `SELECT 1`, 503 otherwise: what a load balancer asks of an app server.
 * The statement is the check itself, so it stays here rather than in a queries module: it reads no
 * table (Prisma's model API has no statement that reads none), and any table read would make the
 * check depend on that table and its size.
 */
export async function checkHealth(): Promise<Health> {
  try {
    await readRows`SELECT 1`;
    return { status: 200, body: { status: "ok" } };
  } catch {
    return { status: 503, body: { status: "unavailable", database: "unreachable" } };
  }
}

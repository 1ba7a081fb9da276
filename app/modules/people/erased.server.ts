import { db, type Db } from "~/db/client.server";

/**
 * Whether people were erased (decision 091): the erasure ledger is the one mark, written in the
 * erasure's own transaction and replayed by a restore, so it holds whoever is erased now.
 */
export async function isErased(personId: string, client: Pick<Db, "erasureRecord"> = db): Promise<boolean> {
  return (await client.erasureRecord.count({ where: { personId } })) > 0;
}

/** Which of some people were erased, in one statement: for a list that leaves them out. */
export async function erasedAmong(personIds: readonly string[], client: Pick<Db, "erasureRecord"> = db): Promise<Set<string>> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return new Set();
  const rows = await client.erasureRecord.findMany({ where: { personId: { in: ids } }, select: { personId: true } });
  return new Set(rows.map((row) => row.personId));
}

/** Everyone erased: for a list whose statement leaves them out before it pages. */
export async function erasedIds(client: Pick<Db, "erasureRecord"> = db): Promise<string[]> {
  return (await client.erasureRecord.findMany({ select: { personId: true } })).map((row) => row.personId);
}

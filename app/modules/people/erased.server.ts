import { db, type Db } from "~/db/client.server";

/**
 * Whether people were erased (decision 091): the erasure ledger is the one mark, written in the
 * erasure's own transaction and replayed by a restore, so it holds whoever is erased now.
 */
export async function isErased(
  personId: string,
  client: Pick<Db, "erasureRecord"> = db,
): Promise<boolean> {
  return (await client.erasureRecord.count({ where: { personId } })) > 0;
}

/**
 * Beyond this many people, the ledger is read first: a list of a thousand ids binds a thousand values,
 * and preparing that statement cost a calibration session's page a tenth of its CPU, where the ledger
 * of most organisations holds far fewer people than the list.
 */
const LEDGER_FIRST = 50;

/** Which of some people were erased, for a list that leaves them out: one statement, two when the ledger is longer than a long list. */
export async function erasedAmong(
  personIds: readonly string[],
  client: Pick<Db, "erasureRecord"> = db,
): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  if (personIds.length > LEDGER_FIRST) {
    const ledger = await client.erasureRecord.findMany({
      select: { personId: true },
      take: personIds.length,
    });
    // Fewer rows than were asked for: that is the whole ledger (often empty: then nobody is).
    if (ledger.length < personIds.length) {
      if (!ledger.length) return new Set();
      const asked = new Set(personIds);
      return new Set(ledger.map((row) => row.personId).filter((id) => asked.has(id)));
    }
  }
  const ids = [...new Set(personIds)];
  const rows = await client.erasureRecord.findMany({
    where: { personId: { in: ids } },
    select: { personId: true },
  });
  return new Set(rows.map((row) => row.personId));
}

/** Everyone erased: for a list whose statement leaves them out before it pages. */
export async function erasedIds(client: Pick<Db, "erasureRecord"> = db): Promise<string[]> {
  return (await client.erasureRecord.findMany({ select: { personId: true } })).map(
    (row) => row.personId,
  );
}

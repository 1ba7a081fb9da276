/**
 * Who was in a manager's organisation when, from each person's manager history
 * (manager-history.server.ts). A person is in it while the manager is above them in the line: a move
 * of someone between them and the manager moves everyone under that someone too. Pure.
 */

/** A dated change of manager, `at` in milliseconds. */
export type ManagerMoveAt = { at: number; from: string | null; to: string | null };

/** `manager`: their manager now; `changes`: in order of time. Before the first change their manager was its `from`. */
export type LineHistory = { id: string; manager: string | null; changes: readonly ManagerMoveAt[] };

/** In the organisation from `since` (null: from before anything Rungs recorded) until `until` (exclusive; null: still). */
export type Inside = { since: number | null; until: number | null };

/** A recorded change of a person's manager, as the history keeps it (manager-history.server.ts). */
export type ManagerChangeRecord = {
  personId: string;
  fromManagerId: string | null;
  toManagerId: string | null;
  changedAt: Date;
};

/** Each person's reporting line over time: their manager now and their recorded changes, in the order given. */
export function lineHistories(
  people: readonly { id: string; managerId: string | null }[],
  changes: readonly ManagerChangeRecord[],
): LineHistory[] {
  const changesOf = new Map<string, ManagerChangeRecord[]>();
  for (const change of changes)
    (
      changesOf.get(change.personId) ?? changesOf.set(change.personId, []).get(change.personId)!
    ).push(change);
  return people.map((person) => ({
    id: person.id,
    manager: person.managerId,
    changes: (changesOf.get(person.id) ?? []).map((change) => ({
      at: change.changedAt.getTime(),
      from: change.fromManagerId,
      to: change.toManagerId,
    })),
  }));
}

/** Deeper than any real organisation; stops a cycle in bad data from looping (as the reporting line does). */
const MAX_DEPTH = 64;

/**
 * When each person was under `managerId`, for everyone who ever was (`people` holds them; anyone it
 * does not hold was never under the manager, so a line that reaches them leads outside). People never
 * under the manager get no entry.
 */
export function insideOrganisation(
  managerId: string,
  people: readonly LineHistory[],
): Map<string, Inside[]> {
  const managerOf = new Map(
    people.map((person) => [person.id, person.changes[0]?.from ?? person.manager]),
  );
  const reportsOf = new Map<string, Set<string>>();
  const attach = (id: string, manager: string | null) => {
    if (manager !== null)
      (reportsOf.get(manager) ?? reportsOf.set(manager, new Set()).get(manager)!).add(id);
  };
  for (const [id, manager] of managerOf) attach(id, manager);
  const isInside = (id: string) => {
    let at = managerOf.get(id) ?? null;
    for (let depth = 0; at !== null && depth < MAX_DEPTH; depth++) {
      if (at === managerId) return true;
      at = managerOf.get(at) ?? null;
    }
    return false;
  };

  const found = new Map<string, Inside[]>();
  const status = new Map<string, boolean>();
  for (const { id } of people) {
    const inside = isInside(id);
    status.set(id, inside);
    if (inside) found.set(id, [{ since: null, until: null }]);
  }

  const moves = people
    .flatMap((person) => person.changes.map((change) => ({ ...change, id: person.id })))
    .sort((a, b) => a.at - b.at);
  for (let start = 0; start < moves.length;) {
    const at = moves[start]!.at;
    const touched: string[] = [];
    for (; start < moves.length && moves[start]!.at === at; start++) {
      const move = moves[start]!;
      reportsOf.get(managerOf.get(move.id) ?? "")?.delete(move.id);
      managerOf.set(move.id, move.to);
      attach(move.id, move.to);
      touched.push(move.id);
    }
    // Everyone under a moved person moved with them; under the manager themselves nothing changes.
    const seen = new Set<string>();
    const queue = [...touched];
    while (queue.length) {
      const id = queue.pop()!;
      if (seen.has(id) || id === managerId) continue;
      seen.add(id);
      const inside = isInside(id);
      if (inside !== status.get(id)) {
        status.set(id, inside);
        const list = found.get(id) ?? found.set(id, []).get(id)!;
        if (inside) list.push({ since: at, until: null });
        else list.at(-1)!.until = at;
      }
      // One at a time: a manager's reports as arguments overflow the stack in a very large organisation.
      for (const report of reportsOf.get(id) ?? []) queue.push(report);
    }
  }
  return found;
}

import type { Inside } from "./line-over-time";

/**
 * When a person was in the organisation, from their level history (pure). Deactivating sets a
 * person's deactivatedAt and reactivating clears it, so deactivatedAt alone tells only whether they
 * are away now: read alone, a return would make someone present throughout, rewriting figures read
 * while they were away. A reactivation keeps both ends as rows (`recordReturn`,
 * level-history.server.ts): the leaving dated at the deactivation it erases, the return at the write,
 * when Rungs learned of it, as every other change is dated (decision 075).
 */

/** The sources of the two rows a reactivation writes at the person's place (from it to itself). */
export const LEFT_SOURCE = "deactivated";
export const RETURNED_SOURCE = "reactivated";

/** What a level history row says of presence: a leaving, a return, or nothing (a move or a level since). */
export function presenceOf(source: string): "left" | "returned" | undefined {
  return source === LEFT_SOURCE ? "left" : source === RETURNED_SOURCE ? "returned" : undefined;
}

/**
 * A person's spans of presence (milliseconds, `until` exclusive; null: still there), in order: from
 * their createdAt, ended at each leaving and begun again at each return, the last ended at their
 * deactivation when they are away now. `changes` are their level history rows, in any order.
 */
export function presenceSpans(
  person: { createdAt: Date; deactivatedAt: Date | null },
  changes: readonly { source: string; changedAt: Date }[],
): Inside[] {
  const spans: Inside[] = [];
  let since: number | null = person.createdAt.getTime();
  const close = (at: number) => {
    if (since === null) return;
    if (at > since) spans.push({ since, until: at });
    since = null;
  };
  const ordered = changes.flatMap((change) => {
    const presence = presenceOf(change.source);
    return presence ? [{ presence, at: change.changedAt.getTime() }] : [];
  });
  ordered.sort(
    (a, b) => a.at - b.at || (a.presence === b.presence ? 0 : a.presence === "left" ? -1 : 1),
  );
  for (const { presence, at } of ordered) {
    if (presence === "left") close(at);
    else if (since === null) since = at;
  }
  if (person.deactivatedAt) close(person.deactivatedAt.getTime());
  else if (since !== null) spans.push({ since, until: null });
  return spans;
}

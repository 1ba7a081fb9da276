import { parseAttributes } from "~/modules/people/attributes";

/**
 * Each person's team, imported attributes and reporting line when their session locked. A locked
 * session's figures (its fairness report, the cycle's insights, a manager's insights over their
 * organisation) group its people as they were then: a move of team or manager or a new attribute
 * later must not regroup a report people already read, or the two readings give the mover's outcome. Kept on the lock's own state event, which the database refuses to alter
 * (decision 019), under a field the history never shows. Pure.
 */

/** The field of the lock's state event that holds the groups. */
export const GROUPS_AT_LOCK = "groupsAtLock";

/** `line`: the person's reporting line (their managers' ids, `/a/b/`), which says whose organisation they were in; none on a lock that kept no line. */
export type GroupsAtLock = {
  team: string | null;
  attributes: Record<string, string>;
  line: string | null;
};

/** The groups to keep, by person: the team's name, the attributes as stored on the person and their reporting line. */
export function groupsAtLock(
  people: readonly { personId: string; team: string | null; attributes: string; line: string }[],
): Record<string, GroupsAtLock> {
  return Object.fromEntries(
    people.map((person) => [
      person.personId,
      {
        team: person.team,
        attributes: { ...parseAttributes(person.attributes) },
        line: person.line,
      },
    ]),
  );
}

/** The groups a lock event's change kept, by person; null for a lock that kept none (a session locked before they were kept). */
export function readGroupsAtLock(change: string): Map<string, GroupsAtLock> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(change);
  } catch {
    return null;
  }
  const kept =
    typeof parsed === "object" && parsed !== null
      ? (parsed as Record<string, unknown>)[GROUPS_AT_LOCK]
      : undefined;
  if (typeof kept !== "object" || kept === null || Array.isArray(kept)) return null;
  const groups = new Map<string, GroupsAtLock>();
  for (const [personId, value] of Object.entries(kept)) {
    if (typeof value !== "object" || value === null) continue;
    const { team, attributes, line } = value as {
      team?: unknown;
      attributes?: unknown;
      line?: unknown;
    };
    groups.set(personId, {
      team: typeof team === "string" ? team : null,
      attributes: parseAttributes(JSON.stringify(attributes ?? {})),
      line: typeof line === "string" ? line : null,
    });
  }
  return groups;
}

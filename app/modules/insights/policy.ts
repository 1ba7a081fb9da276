import type { Viewer } from "~/modules/identity/policy";

/**
 * Who sees organisation insights, and whose figures: admins the whole organisation, a manager
 * their own organisation (everyone under them in the reporting line, the people they may see one
 * by one), nobody else. Pure: the server module says whether the viewer has anyone under them.
 */
export type InsightsScope = { kind: "organisation" } | { kind: "reports"; managerId: string };

export function insightsScope(
  viewer: Viewer,
  facts: { hasReports: boolean },
): InsightsScope | null {
  if (viewer.isAdmin) return { kind: "organisation" };
  if (facts.hasReports) return { kind: "reports", managerId: viewer.id };
  return null;
}

/**
 * Whether a person's outcome from a locked session is in a scope: a manager's organisation as it was
 * at the lock (`lineAtLock`, the person's reporting line kept then). A move into or out of it later
 * changes no report already read, or two readings would give the mover's outcome (decision 076).
 */
export function outcomeInScope(scope: InsightsScope, lineAtLock: string): boolean {
  return scope.kind === "organisation" || lineAtLock.includes(`/${scope.managerId}/`);
}

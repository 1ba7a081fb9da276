import type { Viewer } from "~/modules/identity/policy";

/**
 * Who sees organisation insights, and whose figures: admins the whole organisation, a manager
 * their own organisation (everyone under them in the reporting line, the people they may see one
 * by one), nobody else. Pure: the server module says whether the viewer has anyone under them.
 */
export type InsightsScope = { kind: "organisation" } | { kind: "reports"; managerId: string };

export function insightsScope(viewer: Viewer, facts: { hasReports: boolean }): InsightsScope | null {
  if (viewer.isAdmin) return { kind: "organisation" };
  if (facts.hasReports) return { kind: "reports", managerId: viewer.id };
  return null;
}

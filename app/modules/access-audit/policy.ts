import type { Viewer } from "~/modules/identity/policy";

/**
 * Who reads the audit of fair access (who saw, applied for and was chosen for stretch work; who has
 * a sponsor), and over whom: admins the whole organisation, a manager their own organisation (the
 * people under them in the reporting line, whom they may see one by one), nobody else (a 404).
 * Nobody sees a figure for a group whose members they could not see one by one (principle 7). Pure:
 * the service says whether the viewer has anyone under them.
 */
export type AccessAuditScope = { kind: "organisation" } | { kind: "line"; managerId: string };

export function accessAuditScope(
  viewer: Pick<Viewer, "id" | "isAdmin">,
  facts: { hasReports: boolean },
): AccessAuditScope | null {
  if (viewer.isAdmin) return { kind: "organisation" };
  if (facts.hasReports) return { kind: "line", managerId: viewer.id };
  return null;
}

/**
 * Whether a person is counted in a scope: everyone in the organisation's; in a manager's, the people
 * ever in that manager's organisation (`everUnder`, from the reporting line's history), never the
 * manager themself. Within a manager's audit a person counts only while they were under them.
 */
export function countedInScope(
  scope: AccessAuditScope,
  personId: string,
  everUnder: boolean,
): boolean {
  return scope.kind === "organisation" || (personId !== scope.managerId && everUnder);
}

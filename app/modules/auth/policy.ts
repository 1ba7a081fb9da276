/** Who may see what. Pure rules; the server module feeds them facts from the database. */
export type Viewer = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  isHiringAdmin: boolean;
};

export type Role = "admin" | "hiringAdmin";

export function hasRole(viewer: Viewer, role: Role): boolean {
  if (role === "admin") return viewer.isAdmin;
  return viewer.isHiringAdmin || viewer.isAdmin;
}

/**
 * A person's record (and later their assessments) is visible to themselves, to
 * anyone in their manager chain, and to admins.
 */
export function canViewPerson(viewer: Viewer, subjectId: string, subjectManagerChain: readonly string[]): boolean {
  return viewer.id === subjectId || viewer.isAdmin || subjectManagerChain.includes(viewer.id);
}

/** Would making `managerId` the manager of `personId` close a loop in the reporting line? */
export function createsReportingCycle(personId: string, managerId: string | null, managerOf: (id: string) => string | null | undefined): boolean {
  const seen = new Set<string>();
  let current = managerId;
  while (current) {
    if (current === personId) return true;
    if (seen.has(current)) return true;
    seen.add(current);
    current = managerOf(current) ?? null;
  }
  return false;
}

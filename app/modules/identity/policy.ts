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

/**
 * One-time sign-in links set a password. With passwords turned off (single sign-on only), only
 * admins' links work: the way back in when the identity provider is down.
 */
export function maySignInWithLink(passwordLogin: boolean, person: { isAdmin: boolean }): boolean {
  return passwordLogin || person.isAdmin;
}

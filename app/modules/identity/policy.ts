import { readableAsPerson } from "~/modules/people/erased";

/** Who may see what. Pure rules; the server module feeds them facts from the database. */
export type Viewer = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  isHiringAdmin: boolean;
};

export type Role = "admin" | "hiringAdmin";

export function hasRole(viewer: Pick<Viewer, "isAdmin" | "isHiringAdmin">, role: Role): boolean {
  if (role === "admin") return viewer.isAdmin;
  return viewer.isHiringAdmin || viewer.isAdmin;
}

/** What the navigation offers beyond the links everyone has. Each page still checks its own access. */
export type NavLinks = {
  team: boolean;
  calibration: boolean;
  hiring: boolean;
  insights: boolean;
  admin: boolean;
};

/** The facts the navigation is decided on: the person's roles, and what they take part in. */
export type NavFacts = Pick<Viewer, "isAdmin" | "isHiringAdmin"> & {
  isManager: boolean;
  isCalibrator: boolean;
  isInterviewer: boolean;
};

/**
 * Which sections a person is shown: Team to managers; Calibration to managers, admins and anyone
 * calibrating or facilitating; Hiring to hiring admins and interviewers (their interviews are
 * there); Insights to managers and admins; the admin pages to admins.
 */
export function navLinks(viewer: NavFacts): NavLinks {
  return {
    team: viewer.isManager,
    calibration: viewer.isManager || viewer.isAdmin || viewer.isCalibrator,
    hiring: hasRole(viewer, "hiringAdmin") || viewer.isInterviewer,
    insights: viewer.isManager || viewer.isAdmin,
    admin: viewer.isAdmin,
  };
}

/**
 * A person's record (and later their assessments) is visible to themselves, to
 * anyone in their manager chain, and to admins. An erased person's is visible to nobody
 * (readableAsPerson): their pages answer as if they did not exist.
 */
export function canViewPerson(
  viewer: Viewer,
  subjectId: string,
  subjectManagerChain: readonly string[],
  subjectErased: boolean,
): boolean {
  if (!readableAsPerson(subjectErased)) return false;
  return viewer.id === subjectId || viewer.isAdmin || subjectManagerChain.includes(viewer.id);
}

/**
 * One-time sign-in links set a password. With passwords turned off (single sign-on only), only
 * admins' links work: the way back in when the identity provider is down.
 */
export function maySignInWithLink(passwordLogin: boolean, person: { isAdmin: boolean }): boolean {
  return passwordLogin || person.isAdmin;
}

/**
 * A token carried to its page once after it was issued (decision 154), an API token or SCIM's, is
 * shown there only to the person it acts for (SCIM's: the admin who created it), while it works: a
 * cookie naming anyone else's, a revoked one or none at all shows nothing.
 */
export function issuedTokenShownTo(
  viewerId: string,
  token: { personId: string; revokedAt: Date | null },
): boolean {
  return token.personId === viewerId && token.revokedAt === null;
}

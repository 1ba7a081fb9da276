import { db } from "~/db/client.server";
import { ForbiddenError, NotFoundError } from "~/modules/errors";
import { isErased } from "~/modules/people/erased.server";
import { managerChain } from "~/modules/people/reporting-line.server";
import { canViewPerson, hasRole, type Role, type Viewer } from "./policy";
import { requireSignedIn } from "./sessions/session.server";

/**
 * The one permission helper: every loader and action starts here. Role failures
 * are a ForbiddenError; records the viewer may not see are a NotFoundError, exactly as
 * if they did not exist.
 */
export async function requireUser(request: Request): Promise<Viewer> {
  return (await requireSignedIn(request)).viewer;
}

/** The signed-in person and the zone their times are entered and shown on: their own choice, else the organisation's. */
export async function requireUserAndTimeZone(
  request: Request,
): Promise<{ viewer: Viewer; timeZone: string }> {
  const { viewer, timeZone } = await requireSignedIn(request);
  return { viewer, timeZone };
}

export async function requireRole(request: Request, role: Role): Promise<Viewer> {
  const viewer = await requireUser(request);
  if (!hasRole(viewer, role)) {
    throw new ForbiddenError({
      key: role === "admin" ? "common:errors.adminsOnly" : "common:errors.hiringAdminsOnly",
    });
  }
  return viewer;
}

/** Throws NotFoundError unless the person exists and the viewer may see them (self, manager chain, admin; nobody once erased). */
export async function requirePersonVisible(viewer: Viewer, personId: string): Promise<void> {
  const [person, erased] = await Promise.all([
    db.user.findUnique({ where: { id: personId }, select: { id: true } }),
    isErased(personId),
  ]);
  if (!person) throw new NotFoundError();
  // Self and admins need no manager chain: read it only when the rule needs it.
  if (canViewPerson(viewer, personId, [], erased)) return;
  if (!canViewPerson(viewer, personId, await managerChain(personId), erased))
    throw new NotFoundError();
}

import { db } from "~/db/client.server";
import { ForbiddenError, NotFoundError } from "~/modules/errors";
import { canViewPerson, hasRole, type Role, type Viewer } from "./policy";
import { requireSignedIn } from "./session.server";

/**
 * The one permission helper: every loader and action starts here. Role failures
 * are a ForbiddenError; records the viewer may not see are a NotFoundError, exactly as
 * if they did not exist.
 */
export async function requireUser(request: Request): Promise<Viewer> {
  return (await requireSignedIn(request)).viewer;
}

export async function requireRole(request: Request, role: Role): Promise<Viewer> {
  const viewer = await requireUser(request);
  if (!hasRole(viewer, role)) {
    throw new ForbiddenError(role === "admin" ? "This page is for admins." : "This page is for hiring admins.");
  }
  return viewer;
}

const MAX_CHAIN_DEPTH = 64;

/** Ids of the person's manager, their manager's manager, and so on (nearest first). */
export async function managerChain(personId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain(id, "managerId", depth) AS (
      SELECT id, "managerId", 0 FROM "User" WHERE id = ${personId}
      UNION ALL
      SELECT u.id, u."managerId", chain.depth + 1
      FROM "User" u JOIN chain ON u.id = chain."managerId"
      WHERE chain.depth < ${MAX_CHAIN_DEPTH}
    )
    SELECT id FROM chain WHERE depth > 0 ORDER BY depth`;
  return rows.map((row) => row.id);
}

/** Ids of everyone who reports to the person, directly or through others. */
export async function reportsUnder(personId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE below(id, depth) AS (
      SELECT id, 1 FROM "User" WHERE "managerId" = ${personId}
      UNION ALL
      SELECT u.id, below.depth + 1 FROM "User" u JOIN below ON u."managerId" = below.id
      WHERE below.depth < ${MAX_CHAIN_DEPTH}
    )
    SELECT DISTINCT id FROM below`;
  return rows.map((row) => row.id);
}

/** Throws NotFoundError unless the person exists and the viewer may see them (self, manager chain, admin). */
export async function requirePersonVisible(viewer: Viewer, personId: string): Promise<void> {
  const person = await db.user.findUnique({ where: { id: personId }, select: { id: true } });
  if (!person) throw new NotFoundError();
  // Self and admins need no manager chain: read it only when the rule needs it.
  if (canViewPerson(viewer, personId, [])) return;
  if (!canViewPerson(viewer, personId, await managerChain(personId))) throw new NotFoundError();
}

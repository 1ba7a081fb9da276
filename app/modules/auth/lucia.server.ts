import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "~/db/client.server";
import { getEnv } from "~/utils/env.server";

type UserRow = { id: string; email: string; name: string; isAdmin: boolean; isHiringAdmin: boolean; deactivatedAt: Date | null; isManager: boolean };

function toDatabaseUser({ id, ...attributes }: UserRow): DatabaseUser {
  return { id, attributes };
}

function toDatabaseSession(row: { id: string; userId: string; expiresAt: Date }): DatabaseSession {
  return { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
}

type SessionAndUserRow = Omit<UserRow, "id" | "isManager"> & { id: string; userId: string; expiresAt: Date; isManager: unknown };

/** lucia's adapter over our Prisma client (its own Prisma adapter does not support Prisma 7). */
const adapter: Adapter = {
  /**
   * Every request runs this, so it is one flat statement: the session, its person, and
   * whether anyone active reports to them (the navigation shows Team to managers).
   */
  async getSessionAndUser(sessionId) {
    const [row] = await db.$queryRaw<SessionAndUserRow[]>`
      SELECT s.id, s."userId", s."expiresAt", u.email, u.name, u."isAdmin", u."isHiringAdmin", u."deactivatedAt",
        EXISTS (SELECT 1 FROM "User" r WHERE r."managerId" = u.id AND r."deactivatedAt" IS NULL) AS "isManager"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = ${sessionId}`;
    if (!row) return [null, null];
    const { id, userId, expiresAt, isManager, ...user } = row;
    // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
    return [toDatabaseSession({ id, userId, expiresAt }), toDatabaseUser({ id: userId, ...user, isManager: Boolean(Number(isManager)) })];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map(toDatabaseSession);
  },
  async setSession(session) {
    await db.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const lucia = new Lucia(adapter, {
  // lucia extends a session when less than half of this remains (sliding renewal).
  sessionExpiresIn: new TimeSpan(getEnv().SESSION_DAYS, "d"),
  sessionCookie: {
    name: "rungs_session",
    attributes: { secure: getEnv().secureCookies, sameSite: "lax" },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: Omit<UserRow, "id">;
  }
}

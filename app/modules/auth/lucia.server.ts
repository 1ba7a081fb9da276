import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

const userSelect = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  isHiringAdmin: true,
  deactivatedAt: true,
} as const;

type UserRow = { id: string; email: string; name: string; isAdmin: boolean; isHiringAdmin: boolean; deactivatedAt: Date | null };

function toDatabaseUser({ id, ...attributes }: UserRow): DatabaseUser {
  return { id, attributes };
}

function toDatabaseSession(row: { id: string; userId: string; expiresAt: Date }): DatabaseSession {
  return { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
}

/** lucia's adapter over our Prisma client (its own Prisma adapter does not support Prisma 7). */
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db.session.findUnique({
      where: { id: sessionId },
      select: { id: true, userId: true, expiresAt: true, user: { select: userSelect } },
    });
    if (!row) return [null, null];
    return [toDatabaseSession(row), toDatabaseUser(row.user)];
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

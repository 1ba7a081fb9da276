import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "~/db/client.server";
import { getEnv } from "~/utils/env.server";
import { sessionAndUser, type SessionUser } from "./queries.server";

function toDatabaseUser({ id, ...attributes }: SessionUser): DatabaseUser {
  return { id, attributes };
}

function toDatabaseSession(row: { id: string; userId: string; expiresAt: Date }): DatabaseSession {
  return { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
}

/** lucia's adapter over our Prisma client (its own Prisma adapter does not support Prisma 7). */
const adapter: Adapter = {
  /** Every request runs this: one flat statement (queries.server.ts). */
  async getSessionAndUser(sessionId) {
    const found = await sessionAndUser(sessionId);
    if (!found) return [null, null];
    return [toDatabaseSession(found.session), toDatabaseUser(found.user)];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map(toDatabaseSession);
  },
  async setSession(session) {
    await db.session.create({
      data: {
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        idToken: session.attributes.idToken ?? null,
      },
    });
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
    DatabaseUserAttributes: Omit<SessionUser, "id">;
    /** Written when the session starts; not read back with it (the session read stays one flat statement). */
    DatabaseSessionAttributes: { idToken?: string | null };
  }
}

import { z } from "zod";
import { db } from "~/db/client.server";
import { parseRows, sqlBool, sqlDate } from "~/db/rows";

/** The session read's SQL, its row parsed once into a typed object. */

const sessionAndUserRow = z.object({
  id: z.string(),
  userId: z.string(),
  expiresAt: sqlDate,
  email: z.string(),
  name: z.string(),
  isAdmin: sqlBool,
  isHiringAdmin: sqlBool,
  deactivatedAt: sqlDate.nullable(),
  isManager: sqlBool,
  isCalibrator: sqlBool,
  isInterviewer: sqlBool,
});

export type SessionUser = { id: string; email: string; name: string; isAdmin: boolean; isHiringAdmin: boolean; deactivatedAt: Date | null; isManager: boolean; isCalibrator: boolean; isInterviewer: boolean };

/**
 * The session and its person, with whether anyone active reports to them, whether they take
 * part in a calibration session and whether they have interviewed (the navigation shows Team,
 * Calibration and Hiring to whom they concern), in one flat statement of indexed lookups: every
 * request runs it. Null when there is no such session.
 */
export async function sessionAndUser(sessionId: string): Promise<{ session: { id: string; userId: string; expiresAt: Date }; user: SessionUser } | null> {
  const rows = parseRows(sessionAndUserRow, await db.$queryRaw`
    SELECT s.id, s."userId", s."expiresAt", u.email, u.name, u."isAdmin", u."isHiringAdmin", u."deactivatedAt",
      EXISTS (SELECT 1 FROM "User" r WHERE r."managerId" = u.id AND r."deactivatedAt" IS NULL) AS "isManager",
      (EXISTS (SELECT 1 FROM "CalibrationCalibrator" c WHERE c."userId" = u.id)
        OR EXISTS (SELECT 1 FROM "CalibrationSession" f WHERE f."facilitatorId" = u.id)) AS "isCalibrator",
      EXISTS (SELECT 1 FROM "HiringInterview" i WHERE i."interviewerId" = u.id) AS "isInterviewer"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}`);
  const [row] = rows;
  if (!row) return null;
  const { id, userId, expiresAt, ...user } = row;
  return { session: { id, userId, expiresAt }, user: { id: userId, ...user } };
}

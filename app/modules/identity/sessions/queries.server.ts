import { z } from "zod";

import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import { readRows } from "~/db/reads.server";

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
  timeZone: z.string().nullable(),
  language: z.string().nullable(),
  isManager: sqlBool,
  isCalibrator: sqlBool,
  isInterviewer: sqlBool,
  todoOpen: sqlInt.nullable(),
  todoCountedAt: sqlDate.nullable(),
});

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  isHiringAdmin: boolean;
  deactivatedAt: Date | null;
  /** The zone they chose (an IANA name), or null for the organisation's. */
  timeZone: string | null;
  /** The language they chose, or null for their browser's, else the organisation's. */
  language: string | null;
  isManager: boolean;
  isCalibrator: boolean;
  isInterviewer: boolean;
  /** How many to-do items the person had when last counted (app/modules/todo/kept-count.server.ts), or null. */
  todoOpen: number | null;
  todoCountedAt: Date | null;
};

/**
 * The session and its person, with whether anyone active reports to them, whether they take
 * part in a calibration session and whether they have interviewed (the navigation shows Team,
 * Calibration and Hiring to whom they concern) and their kept to-do count (the navigation's
 * figure), in one flat statement of indexed lookups: every request runs it. Null when there is
 * no such session.
 */
export async function sessionAndUser(
  sessionId: string,
): Promise<{ session: { id: string; userId: string; expiresAt: Date }; user: SessionUser } | null> {
  const rows = parseRows(
    sessionAndUserRow,
    await readRows`
    SELECT s.id, s."userId", s."expiresAt", u.email, u.name, u."isAdmin", u."isHiringAdmin", u."deactivatedAt", u."timeZone", u.language,
      EXISTS (SELECT 1 FROM "User" r WHERE r."managerId" = u.id AND r."deactivatedAt" IS NULL) AS "isManager",
      (EXISTS (SELECT 1 FROM "CalibrationCalibrator" c WHERE c."userId" = u.id)
        OR EXISTS (SELECT 1 FROM "CalibrationSession" f WHERE f."facilitatorId" = u.id)) AS "isCalibrator",
      EXISTS (SELECT 1 FROM "HiringInterview" i WHERE i."interviewerId" = u.id) AS "isInterviewer",
      t.open AS "todoOpen", t."countedAt" AS "todoCountedAt"
    FROM "Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "TodoCount" t ON t."userId" = u.id
    WHERE s.id = ${sessionId}`,
  );
  const [row] = rows;
  if (!row) return null;
  const { id, userId, expiresAt, ...user } = row;
  return { session: { id, userId, expiresAt }, user: { id: userId, ...user } };
}

import { z } from "zod";
import { db } from "~/db/client.server";
import { parseRows, sqlInt } from "~/db/rows";

/** Hiring's raw SQL, each row parsed once into a typed object. */

const involvedRow = z.object({ involved: sqlInt });

/**
 * Whether the person interviews on an open, undecided loop or is a hiring admin of an opening, in
 * one statement: the home page asks it of everyone, and most people take part in no hiring at all.
 */
export async function takesPartInHiring(viewerId: string): Promise<boolean> {
  const [row] = parseRows(involvedRow, await db.$queryRaw`
    SELECT CASE WHEN EXISTS (
      SELECT 1 FROM "HiringInterview" i JOIN "HiringLoop" l ON l.id = i."loopId"
      WHERE i."interviewerId" = ${viewerId} AND l.decision IS NULL AND l.state = 'open'
    ) OR EXISTS (SELECT 1 FROM "HiringOpeningAdmin" a WHERE a."userId" = ${viewerId}) THEN 1 ELSE 0 END AS involved`);
  return row?.involved === 1;
}

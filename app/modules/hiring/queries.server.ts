import { z } from "zod";
import { db } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";

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

const boardVersionRow = z.object({ changed: sqlDate.nullable() });

/**
 * What an opening's pipeline board is read from, as one line: the newest change to any candidate,
 * read from an index. A new candidate is a new row; a move writes the candidate's stage in the
 * same transaction (recordMove), and a purge its name; candidates are never deleted. Counting the
 * opening's candidates and their moves instead cost PostgreSQL 2 to 3 ms a request (decision 049).
 */
export async function pipelineBoardVersion(): Promise<string> {
  const [row] = parseRows(boardVersionRow, await db.$queryRaw`SELECT MAX("updatedAt") AS changed FROM "HiringCandidate"`);
  return String(row?.changed?.getTime() ?? "");
}

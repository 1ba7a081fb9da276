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

const boardVersionRow = z.object({ candidates: sqlInt, changed: sqlDate.nullable(), moves: sqlInt });

/**
 * What an opening's pipeline board is read from, as one line: its candidates (how many, and the
 * newest change to any: every move also writes the candidate's stage) and their moves.
 */
export async function pipelineBoardVersion(openingId: string): Promise<string> {
  const [row] = parseRows(boardVersionRow, await db.$queryRaw`
    SELECT COUNT(*) AS candidates, MAX(c."updatedAt") AS changed,
      (SELECT COUNT(*) FROM "HiringPipelineMove" m WHERE m."candidateId" IN (SELECT "candidateId" FROM "HiringLoop" WHERE "openingId" = ${openingId})) AS moves
    FROM "HiringCandidate" c
    WHERE c.id IN (SELECT "candidateId" FROM "HiringLoop" WHERE "openingId" = ${openingId})`);
  return [row?.candidates ?? 0, row?.changed?.getTime() ?? "", row?.moves ?? 0].join("|");
}

import { z } from "zod";
import { Prisma } from "~/db/client.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import type { TodoFacts } from "~/modules/todo/todo";
import { isSessionState, nextState, SESSION_STATE_LABELS } from "./session-state";
import { readRows } from "~/db/reads.server";

type CalibrationFacts = Required<Pick<TodoFacts, "proposalsToMake" | "preReadsToGive" | "proposalsToMark" | "sessionsToRun" | "outcomesToRecord" | "outcomesToRelease">>;

const todoRow = z.object({
  kind: z.enum(["propose", "preread", "release", "run", "record"]),
  id: z.string(),
  name: z.string(),
  state: z.string(),
  blindPreRead: sqlBool,
  dueOn: sqlDate.nullable(),
  total: sqlInt,
  missing: sqlInt,
});

/**
 * The home page's calibration to-dos (app/modules/todo), in one statement, each part the SQL form
 * of a rule in policy.ts:
 * - proposals: the person's reports in sessions open for proposals (or in their pre-read) where the
 *   person calibrates, with the day proposals are due (canPropose);
 * - the blind pre-read: everyone the person may rate independently, and those not rated by them yet;
 *   once live, the proposals they may mark, and those without their mark (canRateIndependently,
 *   canMarkProposal: not their own reports, not themselves nor their managers up the line, whom
 *   they are calibrated beside; admins are withheld nobody);
 * - sessions they facilitate that are not published;
 * - published sessions whose outcomes the person is to show: their reports', and as facilitator
 *   those of people with no active manager (releaseOutcome), due the day promotions take effect;
 * - for admins, live sessions with people whose outcome the facilitator may not record (the
 *   facilitator and their managers up the line, canRecordOutcome and canOpenEntry).
 */
export async function calibrationTodoFacts(viewer: { id: string; isAdmin: boolean }): Promise<CalibrationFacts> {
  const noDay = Prisma.sql`CAST(NULL AS TIMESTAMP)`;
  // The viewer's manager chain is in their kept reporting line, "/<top>/…/<manager>/".
  const withheld = viewer.isAdmin ? Prisma.sql`FALSE` : Prisma.sql`(e."personId" = me.id OR me."linePath" LIKE ('%/' || e."personId" || '/%'))`;
  const rows = parseRows(todoRow, await readRows`
    SELECT 'propose' AS kind, s.id, s.name, s.state, s."blindPreRead", s."proposalsDueOn" AS "dueOn", COUNT(*) AS total,
      SUM(CASE WHEN e."proposedRating" IS NULL THEN 1 ELSE 0 END) AS missing
    FROM "CalibrationEntry" e
    JOIN "CalibrationSession" s ON s.id = e."sessionId"
    JOIN "CalibrationCalibrator" c ON c."sessionId" = s.id AND c."userId" = e."managerId"
    WHERE e."managerId" = ${viewer.id} AND s.state IN ('proposals', 'preread')
    GROUP BY s.id, s.name, s.state, s."blindPreRead", s."proposalsDueOn"
    UNION ALL
    SELECT 'preread', s.id, s.name, s.state, s."blindPreRead", ${noDay}, COUNT(*),
      SUM(CASE WHEN (s.state = 'preread' AND r.rating IS NULL) OR (s.state = 'live' AND r.mark IS NULL) THEN 1 ELSE 0 END)
    FROM "CalibrationCalibrator" c
    JOIN "CalibrationSession" s ON s.id = c."sessionId"
    JOIN "User" me ON me.id = c."userId"
    JOIN "CalibrationEntry" e ON e."sessionId" = s.id
    LEFT JOIN "CalibrationPreRead" r ON r."entryId" = e.id AND r."calibratorId" = c."userId"
    WHERE c."userId" = ${viewer.id} AND s.state IN ('preread', 'live')
      AND (e."managerId" IS NULL OR e."managerId" <> c."userId") AND NOT ${withheld}
      AND (s.state = 'preread' OR e."proposedRating" IS NOT NULL)
    GROUP BY s.id, s.name, s.state, s."blindPreRead"
    UNION ALL
    SELECT 'release', s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn", COUNT(*), COUNT(*)
    FROM "CalibrationEntry" e
    JOIN "CalibrationSession" s ON s.id = e."sessionId"
    WHERE e."managerId" = ${viewer.id} AND s.state = 'published' AND NOT e.released
    GROUP BY s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn"
    UNION ALL
    SELECT 'release', s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn", COUNT(*), COUNT(*)
    FROM "CalibrationSession" s
    JOIN "CalibrationEntry" e ON e."sessionId" = s.id
    WHERE s."facilitatorId" = ${viewer.id} AND s.state = 'published' AND NOT e.released
      AND (e."managerId" IS NULL OR EXISTS (SELECT 1 FROM "User" m WHERE m.id = e."managerId" AND m."deactivatedAt" IS NOT NULL))
      AND (e."managerId" IS NULL OR e."managerId" <> ${viewer.id})
    GROUP BY s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn"
    UNION ALL
    SELECT 'run', s.id, s.name, s.state, s."blindPreRead", ${noDay}, 0, 0
    FROM "CalibrationSession" s
    WHERE s."facilitatorId" = ${viewer.id} AND s.state <> 'published'
    ${
      viewer.isAdmin
        ? Prisma.sql`UNION ALL
    SELECT 'record', s.id, s.name, s.state, s."blindPreRead", ${noDay}, COUNT(*), COUNT(*)
    FROM "CalibrationSession" s
    JOIN "User" f ON f.id = s."facilitatorId"
    JOIN "CalibrationEntry" e ON e."sessionId" = s.id
    WHERE s.state = 'live' AND s."facilitatorId" <> ${viewer.id} AND NOT f."isAdmin" AND e."finalRating" IS NULL
      AND (e."personId" = f.id OR f."linePath" LIKE ('%/' || e."personId" || '/%'))
    GROUP BY s.id, s.name, s.state, s."blindPreRead"`
        : Prisma.empty
    }`);
  const byName = <T extends { session: { name: string; id: string } }>(a: T, b: T) =>
    a.session.name < b.session.name ? -1 : a.session.name > b.session.name ? 1 : a.session.id < b.session.id ? -1 : 1;
  const session = (row: (typeof rows)[number]) => ({ id: row.id, name: row.name });
  const released = new Map<string, CalibrationFacts["outcomesToRelease"][number]>();
  for (const row of rows.filter((row) => row.kind === "release")) {
    const known = released.get(row.id);
    if (known) known.waiting += row.missing;
    else released.set(row.id, { session: session(row), effectiveOn: row.dueOn, waiting: row.missing });
  }
  return {
    proposalsToMake: rows
      .filter((row) => row.kind === "propose" && row.missing > 0)
      .map((row) => ({ session: session(row), dueOn: row.dueOn, total: row.total, missing: row.missing }))
      .sort(byName),
    preReadsToGive: rows
      .filter((row) => row.kind === "preread" && row.state === "preread" && row.missing > 0)
      .map((row) => ({ session: session(row), total: row.total, missing: row.missing }))
      .sort(byName),
    proposalsToMark: rows
      .filter((row) => row.kind === "preread" && row.state === "live" && row.missing > 0)
      .map((row) => ({ session: session(row), total: row.total, missing: row.missing }))
      .sort(byName),
    sessionsToRun: rows
      .filter((row) => row.kind === "run")
      .flatMap((row) => {
        if (!isSessionState(row.state)) return [];
        const next = nextState(row.state, { blindPreRead: row.blindPreRead });
        return [{ session: session(row), stateLabel: SESSION_STATE_LABELS[row.state], nextLabel: next ? SESSION_STATE_LABELS[next] : null }];
      })
      .sort(byName),
    outcomesToRecord: rows.filter((row) => row.kind === "record").map((row) => ({ session: session(row), missing: row.missing })).sort(byName),
    outcomesToRelease: [...released.values()].sort(byName),
  };
}

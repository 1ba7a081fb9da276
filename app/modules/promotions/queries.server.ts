import { z } from "zod";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlDate, sqlInt, versionLine } from "~/db/rows";
import { releasedToPersonSql } from "~/modules/calibration/queries.server";

const auditVersionRow = z.object({
  windows: sqlInt,
  windowsChanged: sqlDate.nullable(),
  eligibleRevisions: sqlInt.nullable(),
  nominations: sqlInt,
  nominationsChanged: sqlDate.nullable(),
  decisions: sqlInt,
  released: sqlDate.nullable(),
  decided: sqlDate.nullable(),
  teams: sqlInt,
  teamsChanged: sqlDate.nullable(),
  peopleChanged: sqlDate.nullable(),
  managerChanges: sqlInt.nullable(),
});

/**
 * A version of everything the promotion audit reads, as one line: a kept view is reused only while
 * it is unchanged. Who is eligible is written only as a window opens, which bumps its revision
 * (never lowered): their sum follows every window's eligible without counting the organisation's
 * rows. People are never deleted and manager changes only grow: their newest says it all. Raw:
 * twelve figures of six tables in one statement, where Prisma's API takes one each.
 */
export async function promotionAuditVersion(): Promise<string> {
  const [row] = parseRows(
    auditVersionRow,
    await readRows`
    SELECT
      (SELECT COUNT(*) FROM "PromotionWindow") AS windows,
      (SELECT MAX("updatedAt") FROM "PromotionWindow") AS "windowsChanged",
      (SELECT SUM(revision) FROM "PromotionWindow") AS "eligibleRevisions",
      (SELECT COUNT(*) FROM "PromotionNomination") AS nominations,
      (SELECT MAX("updatedAt") FROM "PromotionNomination") AS "nominationsChanged",
      (SELECT COUNT(*) FROM "PromotionDecision") AS decisions,
      (SELECT MAX("releasedAt") FROM "PromotionDecision") AS released,
      (SELECT MAX("decidedAt") FROM "PromotionDecision") AS decided,
      (SELECT COUNT(*) FROM "Team") AS teams,
      (SELECT MAX("updatedAt") FROM "Team") AS "teamsChanged",
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT MAX(id) FROM "ManagerChange") AS "managerChanges"`,
  );
  return versionLine(row!);
}

const careerVersionRow = z.object({
  peopleChanged: sqlDate.nullable(),
  teams: sqlInt,
  teamsChanged: sqlDate.nullable(),
  levelChanges: sqlInt.nullable(),
  groupChanges: sqlInt.nullable(),
  managerChanges: sqlInt.nullable(),
  sessions: sqlInt,
  sessionsChanged: sqlDate.nullable(),
  entries: sqlInt,
  entriesChanged: sqlDate.nullable(),
  events: sqlInt,
  eventsAdded: sqlDate.nullable(),
});

/**
 * A version of everything the career audits (time to promotion, the nine-box by group) read beside
 * the promotion audit's own, as one line. Raw: twelve figures of seven tables in one statement.
 */
export async function careerAuditVersion(): Promise<string> {
  const [row] = parseRows(
    careerVersionRow,
    await readRows`
    SELECT
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT COUNT(*) FROM "Team") AS teams,
      (SELECT MAX("updatedAt") FROM "Team") AS "teamsChanged",
      (SELECT MAX(id) FROM "LevelChange") AS "levelChanges",
      (SELECT MAX(id) FROM "GroupChange") AS "groupChanges",
      (SELECT MAX(id) FROM "ManagerChange") AS "managerChanges",
      (SELECT COUNT(*) FROM "CalibrationSession") AS sessions,
      (SELECT MAX("updatedAt") FROM "CalibrationSession") AS "sessionsChanged",
      (SELECT COUNT(*) FROM "CalibrationEntry") AS entries,
      (SELECT MAX("updatedAt") FROM "CalibrationEntry") AS "entriesChanged",
      (SELECT COUNT(*) FROM "CalibrationEvent") AS events,
      (SELECT MAX("createdAt") FROM "CalibrationEvent") AS "eventsAdded"`,
  );
  return versionLine(row!);
}

const releasedOutcomeRow = z.object({
  source: z.enum(["calibration", "committee"]),
  name: z.string(),
  outcome: z.string(),
  on: sqlDate,
});

/**
 * The outcomes released to a person, for their packet's record: the ten newest released entries of
 * published calibration sessions (dated by the session's last change), then the ten newest released
 * committee decisions, each with its session's or window's name. One statement: as nested selects
 * Prisma sends five, three of them reading nothing for most people.
 */
export async function releasedOutcomesOf(personId: string) {
  return parseRows(
    releasedOutcomeRow,
    await readRows`
      SELECT * FROM (
        SELECT 'calibration' AS source, s.name, e."finalOutcome" AS outcome, s."updatedAt" AS "on"
        FROM "CalibrationEntry" e JOIN "CalibrationSession" s ON s.id = e."sessionId"
        WHERE e."personId" = ${personId} AND e."finalOutcome" IS NOT NULL
          AND ${releasedToPersonSql("e", "s")}
        ORDER BY e."updatedAt" DESC, e.id LIMIT 10) AS calibrated
      UNION ALL
      SELECT * FROM (
        SELECT 'committee' AS source, w.name, d.outcome, d."releasedAt" AS "on"
        FROM "PromotionDecision" d JOIN "PromotionNomination" n ON n.id = d."nominationId"
          JOIN "PromotionWindow" w ON w.id = n."windowId"
        WHERE n."nomineeId" = ${personId} AND d."releasedAt" IS NOT NULL
        ORDER BY d."releasedAt" DESC, d."nominationId" LIMIT 10) AS decided`,
  );
}

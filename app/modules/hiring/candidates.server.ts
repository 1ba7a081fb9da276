import { db, type Prisma } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { ConflictError, ForbiddenError } from "~/modules/errors";
import { requireVisibleLoop } from "./access.server";
import { canManageLoop, canSetRetention } from "./policy";
import * as clock from "~/platform/clock.server";

/**
 * Candidate data: purged by a hiring admin of an opening the candidate is in, or automatically
 * once a rejected candidate is older than the organisation's retention period. A purge erases
 * name, email, source, notes and every free text written about them (evidence notes, card
 * summaries, the decision's rationale, dissent, the notes of their pipeline moves); the scores and recommendations stay, anonymous,
 * for statistics. Every purge is in the audit log.
 */

const SETTINGS_ID = "hiring";
const DAY = 24 * 60 * 60 * 1000;

/** Erases one candidate's data in the caller's transaction. */
async function erase(
  tx: Prisma.TransactionClient,
  candidateId: string,
  now: Date,
): Promise<boolean> {
  const erased = await tx.hiringCandidate.updateMany({
    where: { id: candidateId, purgedAt: null },
    data: { name: "", email: "", source: "", notes: "", purgedAt: now },
  });
  if (erased.count === 0) return false;
  const loops = { loop: { candidateId } };
  await tx.hiringScore.updateMany({
    where: { scorecard: { interview: loops } },
    data: { notes: "" },
  });
  await tx.hiringScorecard.updateMany({ where: { interview: loops }, data: { summary: "" } });
  await tx.hiringDissent.updateMany({ where: loops, data: { text: "" } });
  await tx.hiringPipelineMove.updateMany({ where: { candidateId }, data: { note: "" } });
  // A loop still running ends with the purge: nobody can interview someone whose data is gone.
  await tx.hiringLoop.updateMany({ where: { candidateId }, data: { rationale: "" } });
  await tx.hiringLoop.updateMany({
    where: { candidateId, state: "open" },
    data: { state: "withdrawn" },
  });
  return true;
}

/** A person erased (app/modules/retention) loses the candidate record they were hired from, as a purge erases it; true when one was. */
export async function purgeCandidatesHiredAs(
  tx: Prisma.TransactionClient,
  personId: string,
  now: Date,
): Promise<boolean> {
  const hired = await tx.hiringCandidate.findMany({
    where: { hiredPersonId: personId, purgedAt: null },
    select: { id: true },
  });
  for (const candidate of hired) await erase(tx, candidate.id, now);
  return hired.length > 0;
}

/** A hiring admin purges the candidate of a loop of their opening. */
export async function purgeCandidate(
  viewer: Viewer,
  loopId: string,
  now = clock.now(),
): Promise<void> {
  const loop = await requireVisibleLoop(viewer, loopId);
  if (!canManageLoop(viewer, loop.access)) {
    if (loop.access.purged)
      throw new ConflictError({ key: "hiring:settings.errors.alreadyPurged" });
    throw new ForbiddenError({ key: "hiring:settings.errors.purgeAdminsOnly" });
  }
  await db.$transaction(async (tx) => {
    if (!(await erase(tx, loop.candidate.id, now)))
      throw new ConflictError({ key: "hiring:settings.errors.alreadyPurged" });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "candidate.purged",
      subjectType: "candidate",
      subjectId: loop.candidate.id,
      detail: { reason: "hiring admin", loopId },
    });
  });
}

/** The retention period as its settings page shows it: for those who set it. */
export async function retentionSetting(
  viewer: Viewer,
): Promise<{ retentionDays: number | null; updatedAt: string | null; updatedBy: string | null }> {
  if (!canSetRetention(viewer))
    throw new ForbiddenError({ key: "hiring:settings.errors.adminsOnly" });
  return storedRetention();
}

export async function storedRetention(): Promise<{
  retentionDays: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}> {
  const row = await db.hiringSettings.findUnique({
    where: { id: SETTINGS_ID },
    select: { retentionDays: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return {
    retentionDays: row?.retentionDays ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy?.name ?? null,
  };
}

/** The organisation's retention period for rejected candidates; null keeps them until purged by hand. Admins only. */
export async function setRetention(viewer: Viewer, retentionDays: number | null): Promise<void> {
  requireRetentionSetter(viewer);
  await db.$transaction((tx) => writeRetention(tx, viewer, retentionDays));
}

export function requireRetentionSetter(viewer: Viewer): void {
  if (!canSetRetention(viewer))
    throw new ForbiddenError({ key: "hiring:settings.errors.adminsOnly" });
}

/** The period and its audit event, inside a write of the caller's that has checked requireRetentionSetter (the retention page sets it with its rules). */
export async function writeRetention(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  retentionDays: number | null,
): Promise<void> {
  await tx.hiringSettings.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID, retentionDays, updatedById: viewer.id },
    update: { retentionDays, updatedById: viewer.id },
  });
  await recordAuditEvent(tx, {
    actorId: viewer.id,
    action: "hiring.retention_set",
    subjectType: "hiring",
    subjectId: null,
    detail: { retentionDays },
  });
}

/**
 * The candidates rejected in the pipeline longer ago than the retention period (none when no period
 * is set); a reopened candidate is not rejected, and their clock starts again. The retention pass
 * (app/modules/retention) counts these for its page and purges them, one transaction each.
 */
export async function candidatesDueForPurge(
  now: Date,
): Promise<{ retentionDays: number | null; candidateIds: string[] }> {
  const { retentionDays } = await storedRetention();
  if (retentionDays === null) return { retentionDays, candidateIds: [] };
  const due = await db.hiringCandidate.findMany({
    where: {
      purgedAt: null,
      pipelineStage: "rejected",
      rejectedAt: { lt: new Date(now.getTime() - retentionDays * DAY) },
      hiredPersonId: null,
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return { retentionDays, candidateIds: due.map((candidate) => candidate.id) };
}

/** Purges one candidate past the retention period, with its audit event; false when someone purged them first. */
export async function purgeForRetention(
  candidateId: string,
  retentionDays: number,
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await erase(tx, candidateId, now))) return false;
    await recordAuditEvent(tx, {
      actorId: null,
      action: "candidate.purged",
      subjectType: "candidate",
      subjectId: candidateId,
      detail: { reason: "retention", retentionDays },
    });
    return true;
  });
}

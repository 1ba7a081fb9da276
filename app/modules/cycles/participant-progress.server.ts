import { Prisma, type Db } from "~/db/client.server";
import {
  participantFigures,
  type CycleAssessment,
  type ParticipantFigures,
  type ProgressPair,
} from "./cycle-progress";

/**
 * Keeps each participant's row (ReviewCycleParticipant) in step with their assessments
 * in the cycle. The assessments module calls refreshParticipant in the same transaction
 * as every write that can change it (starting, submitting or removing an assessment);
 * seeds and imports that write assessments directly call recomputeCycle afterwards.
 * The figures themselves are participantFigures (cycle-progress.ts).
 */

type Client = Pick<Db, "assessment" | "reviewCycleParticipant">;

const assessmentSelect = {
  id: true,
  kind: true,
  status: true,
  subjectId: true,
  ratings: { select: { competencyId: true, rating: true, _count: { select: { evidence: true } } } },
} satisfies Prisma.AssessmentSelect;

type Row = Prisma.AssessmentGetPayload<{ select: typeof assessmentSelect }>;

function toCycleAssessment(row: Row): CycleAssessment {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ratings: row.ratings.map((rating) => ({
      competencyId: rating.competencyId,
      rating: rating.rating,
      evidence: rating._count.evidence,
    })),
  };
}

function columns(figures: ParticipantFigures) {
  return {
    selfProgress: figures.self,
    managerProgress: figures.manager,
    rated: figures.rated,
    unevidenced: figures.unevidenced,
    disagreements: figures.disagreements,
    flagged: figures.flagged,
  };
}

/** Recomputes one person's row in one cycle (nothing happens when they are not a participant). */
export async function refreshParticipant(
  client: Client,
  cycleId: string,
  userId: string,
): Promise<void> {
  const rows = await client.assessment.findMany({
    where: { cycleId, subjectId: userId },
    select: assessmentSelect,
  });
  const figures = participantFigures(rows.map(toCycleAssessment));
  await client.reviewCycleParticipant.updateMany({
    where: { cycleId, userId },
    data: columns(figures),
  });
}

const BATCH = 250;

/**
 * Recomputes every participant of a cycle, for seeds and imports that wrote assessments
 * directly. Pass the transaction that wrote them, so the figures commit with the rows.
 */
export async function recomputeCycle(client: Client, cycleId: string): Promise<void> {
  const participants = await client.reviewCycleParticipant.findMany({
    where: { cycleId },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  for (let start = 0; start < participants.length; start += BATCH) {
    const userIds = participants
      .slice(start, start + BATCH)
      .map((participant) => participant.userId);
    const rows = await client.assessment.findMany({
      where: { cycleId, subjectId: { in: userIds } },
      select: assessmentSelect,
    });
    const bySubject = new Map<string, CycleAssessment[]>();
    for (const row of rows)
      bySubject.set(row.subjectId, [
        ...(bySubject.get(row.subjectId) ?? []),
        toCycleAssessment(row),
      ]);
    for (const userId of userIds) {
      await client.reviewCycleParticipant.updateMany({
        where: { cycleId, userId },
        data: columns(participantFigures(bySubject.get(userId) ?? [])),
      });
    }
  }
}

/** SQL that holds when a participant's kept progress (the row aliased `alias`) is one of these pairs. */
export function progressInSql(alias: string, pairs: readonly ProgressPair[]): Prisma.Sql {
  if (!pairs.length) return Prisma.sql`1 = 0`;
  const codes = pairs.map((pair) => pair.self * 3 + pair.manager);
  return Prisma.sql`(${Prisma.raw(`${alias}."selfProgress" * 3 + ${alias}."managerProgress"`)}) IN (${Prisma.join(codes)})`;
}

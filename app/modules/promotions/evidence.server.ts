import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import { readableBySubjectSql } from "~/modules/assessments/queries.server";
import { NotFoundError } from "~/modules/errors";
import { feedbackAbout } from "~/modules/feedback/feedback.server";
import { evidenceRef, type EvidenceItem } from "./evidence";

const ratingRow = z.object({
  id: z.string(),
  kind: z.string(),
  competencyId: z.string(),
  rating: sqlInt.nullable(),
  notes: z.string(),
  submittedAt: sqlDate.nullable(),
});

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * Everything Rungs holds that the nominee may put in their packet, for the criteria's
 * competencies: what they may read themselves, and nothing more (their manager is offered a part
 * of it, policy.ts). Peer feedback comes as the nominee reads it, under its own anonymity rules,
 * and without its authors' names whatever those rules allow the nominee.
 */
export async function evidenceOnOffer(
  nomineeId: string,
  competencyIds: readonly string[],
  now: Date,
): Promise<EvidenceItem[]> {
  if (competencyIds.length === 0) return [];
  const wanted = new Set(competencyIds);
  const [ratings, recorded, person, plan, feedbackCycles] = await Promise.all([
    readRows(Prisma.sql`SELECT r.id, a.kind, r."competencyId", r.rating, r.notes, a."submittedAt"
      FROM "Assessment" a JOIN "AssessmentRating" r ON r."assessmentId" = a.id
      WHERE a."subjectId" = ${nomineeId} AND a.status = 'submitted' AND ${readableBySubjectSql("a", now)}
      ORDER BY a."submittedAt" DESC, r.id`).then((rows) => parseRows(ratingRow, rows)),
    db.careerEvidence.findMany({
      where: { personId: nomineeId, competencyId: { in: [...wanted] } },
      select: {
        id: true,
        competencyId: true,
        text: true,
        url: true,
        occurredOn: true,
        shared: true,
      },
      orderBy: [{ occurredOn: "desc" }, { id: "asc" }],
    }),
    db.user.findUniqueOrThrow({ where: { id: nomineeId }, select: { sharesAllEvidence: true } }),
    db.growthPlan.findUnique({
      where: { personId: nomineeId },
      select: { updatedAt: true, focus: { select: { competencyId: true } } },
    }),
    db.feedbackRequest.findMany({
      where: { subjectId: nomineeId, channel: "peer", state: "submitted" },
      distinct: ["cycleId"],
      select: { cycleId: true },
    }),
  ]);
  const items: EvidenceItem[] = [];
  for (const row of ratings) {
    if (!wanted.has(row.competencyId) || (row.rating === null && row.notes.trim() === "")) continue;
    const kind = row.kind === "self" ? "self-rating" : "review-rating";
    items.push({
      ref: evidenceRef(kind, row.id),
      kind,
      competencyId: row.competencyId,
      text: row.notes,
      day: day(row.submittedAt),
      rating: row.rating,
      shared: true,
    });
  }
  for (const row of recorded) {
    const text = row.url ? `${row.text} (${row.url})` : row.text;
    items.push({
      ref: evidenceRef("career-evidence", row.id),
      kind: "career-evidence",
      competencyId: row.competencyId,
      text,
      day: day(row.occurredOn),
      rating: null,
      shared: row.shared || person.sharesAllEvidence,
    });
  }
  for (const focus of plan?.focus ?? []) {
    if (wanted.has(focus.competencyId))
      items.push({
        ref: evidenceRef("growth", focus.competencyId),
        kind: "growth",
        competencyId: focus.competencyId,
        text: "",
        day: day(plan!.updatedAt),
        rating: null,
        shared: true,
      });
  }
  for (const { cycleId } of feedbackCycles) {
    let read;
    try {
      read = await feedbackAbout({ id: nomineeId, isAdmin: false }, cycleId, nomineeId, "peer");
    } catch (error) {
      if (error instanceof NotFoundError) continue; // not released to the nominee yet: nothing of it is theirs to share
      throw error;
    }
    const { release } = read;
    const examples =
      release.view === "named"
        ? release.competencies.map((competency) => ({
            competencyId: competency.competencyId,
            texts: competency.answers.map((answer) => answer.example),
          }))
        : release.view === "anonymous"
          ? release.release.competencies
              .filter((competency) => competency.shown)
              .map((competency) => ({
                competencyId: competency.competencyId,
                texts: competency.answers.map((answer) => answer.example),
              }))
          : [];
    for (const { competencyId, texts } of examples) {
      if (!wanted.has(competencyId)) continue;
      texts.forEach((text, index) => {
        if (text.trim())
          items.push({
            ref: evidenceRef("feedback", `${cycleId}/${competencyId}/${index}`),
            kind: "feedback",
            competencyId,
            text,
            day: null,
            rating: null,
            shared: true,
          });
      });
    }
  }
  return items;
}

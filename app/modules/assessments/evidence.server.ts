import type { Viewer } from "~/modules/identity/policy";
import { db } from "~/db/client.server";
import { NotFoundError } from "~/modules/errors";
import { evidenceDate, MAX_EVIDENCE_PER_COMPETENCY, type EvidenceFormValue } from "./assessment-form";
import { draftRules } from "./assessment-view";
import { withRetry } from "~/db/retry.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { editableMeta, lockedInside, lockReason } from "./assessments.server";

/**
 * Evidence on a competency of the author's own draft: saved at once (not through
 * autosave), refused once the draft is locked.
 */
export type EvidenceOutcome =
  | { status: 200; body: { ok: true; evidenceId: string } }
  | { status: 400; body: { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> } }
  | { status: 409; body: { ok: false; kind: "locked"; message: string } };

const locked = (message: string) => ({ status: 409 as const, body: { ok: false as const, kind: "locked" as const, message } });

export async function addEvidence(viewer: Viewer, assessmentId: string, value: EvidenceFormValue): Promise<EvidenceOutcome> {
  const meta = await editableMeta(viewer, assessmentId);
  const lockedBefore = lockReason(meta);
  if (lockedBefore) return locked(lockedBefore);
  const rules = draftRules(await requireLadderOfVersion(meta.ladderVersionId), meta.trackId, meta.levelId);
  if (!rules.competencies.some((competency) => competency.id === value.competencyId)) {
    return {
      status: 400,
      body: {
        ok: false,
        kind: "invalid",
        message: "This assessment has no such competency.",
        fieldErrors: { competencyId: ["This assessment has no such competency."] },
      },
    };
  }
  return withRetry(() =>
    db.$transaction(async (tx): Promise<EvidenceOutcome> => {
      const lockedNow = await lockedInside(tx, assessmentId);
      if (lockedNow) return locked(lockedNow);
      const rating = await tx.assessmentRating.upsert({
        where: { assessmentId_competencyId: { assessmentId, competencyId: value.competencyId } },
        create: { assessmentId, competencyId: value.competencyId },
        update: {},
        select: { id: true },
      });
      // A plain indexed count: Prisma's relation _count aggregates the whole evidence table.
      if ((await tx.ratingEvidence.count({ where: { ratingId: rating.id } })) >= MAX_EVIDENCE_PER_COMPETENCY) {
        const message = `A competency can have at most ${MAX_EVIDENCE_PER_COMPETENCY} pieces of evidence.`;
        return { status: 400, body: { ok: false, kind: "invalid", message, fieldErrors: { text: [message] } } };
      }
      const created = await tx.ratingEvidence.create({
        data: { ratingId: rating.id, text: value.text, url: value.url ?? null, occurredOn: evidenceDate(value.occurredOn) },
        select: { id: true },
      });
      return { status: 200, body: { ok: true, evidenceId: created.id } };
    })
  );
}

export async function removeEvidence(viewer: Viewer, assessmentId: string, evidenceId: string): Promise<EvidenceOutcome> {
  const meta = await editableMeta(viewer, assessmentId);
  const lockedBefore = lockReason(meta);
  if (lockedBefore) return locked(lockedBefore);
  return withRetry(() =>
    db.$transaction(async (tx): Promise<EvidenceOutcome> => {
      const lockedNow = await lockedInside(tx, assessmentId);
      if (lockedNow) return locked(lockedNow);
      const removed = await tx.ratingEvidence.deleteMany({ where: { id: evidenceId, rating: { assessmentId } } });
      if (removed.count === 0) throw new NotFoundError("That evidence is not on this assessment.");
      return { status: 200, body: { ok: true, evidenceId } };
    })
  );
}

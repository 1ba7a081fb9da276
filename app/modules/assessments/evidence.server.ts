import type { Viewer } from "~/modules/identity/policy";
import * as clock from "~/platform/clock.server";
import { db } from "~/db/client.server";
import { NotFoundError } from "~/modules/errors";
import {
  evidenceDate,
  evidenceSchema,
  MAX_EVIDENCE_PER_COMPETENCY,
  type EvidenceFormValue,
} from "./assessment-form";
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
  | {
      status: 400;
      body: { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> };
    }
  | { status: 409; body: { ok: false; kind: "locked"; message: string } };

const locked = (message: string) => ({
  status: 409 as const,
  body: { ok: false as const, kind: "locked" as const, message },
});

export async function addEvidence(
  viewer: Viewer,
  assessmentId: string,
  value: EvidenceFormValue,
  options: { once?: boolean } = {},
): Promise<EvidenceOutcome> {
  const meta = await editableMeta(viewer, assessmentId);
  const lockedBefore = lockReason(meta);
  if (lockedBefore) return locked(lockedBefore);
  const rules = draftRules(
    await requireLadderOfVersion(meta.ladderVersionId),
    meta.trackId,
    meta.levelId,
  );
  if (!rules.competencies.some((competency) => competency.id === value.competencyId)) {
    return {
      status: 400,
      body: {
        ok: false,
        kind: "invalid",
        message: "assessments:errors.noSuchCompetency",
        fieldErrors: { competencyId: ["assessments:errors.noSuchCompetency"] },
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
      if (options.once) {
        const same = await tx.ratingEvidence.findFirst({
          where: {
            ratingId: rating.id,
            text: value.text,
            url: value.url ?? null,
            occurredOn: evidenceDate(value.occurredOn),
          },
          select: { id: true },
        });
        if (same) return { status: 200, body: { ok: true, evidenceId: same.id } };
      }
      // A plain indexed count: Prisma's relation _count aggregates the whole evidence table.
      if (
        (await tx.ratingEvidence.count({ where: { ratingId: rating.id } })) >=
        MAX_EVIDENCE_PER_COMPETENCY
      ) {
        const message = `A competency can have at most ${MAX_EVIDENCE_PER_COMPETENCY} pieces of evidence.`;
        return {
          status: 400,
          body: { ok: false, kind: "invalid", message, fieldErrors: { text: [message] } },
        };
      }
      const created = await tx.ratingEvidence.create({
        data: {
          ratingId: rating.id,
          text: value.text,
          url: value.url ?? null,
          occurredOn: evidenceDate(value.occurredOn),
        },
        select: { id: true },
      });
      return { status: 200, body: { ok: true, evidenceId: created.id } };
    }),
  );
}

export async function removeEvidence(
  viewer: Viewer,
  assessmentId: string,
  evidenceId: string,
): Promise<EvidenceOutcome> {
  const meta = await editableMeta(viewer, assessmentId);
  const lockedBefore = lockReason(meta);
  if (lockedBefore) return locked(lockedBefore);
  return withRetry(() =>
    db.$transaction(async (tx): Promise<EvidenceOutcome> => {
      const lockedNow = await lockedInside(tx, assessmentId);
      if (lockedNow) return locked(lockedNow);
      const removed = await tx.ratingEvidence.deleteMany({
        where: { id: evidenceId, rating: { assessmentId } },
      });
      if (removed.count === 0)
        throw new NotFoundError({ key: "assessments:errors.evidenceNotFound" });
      return { status: 200, body: { ok: true, evidenceId } };
    }),
  );
}

/**
 * Attaches evidence the person recorded between cycles to the same competency of their own
 * self-assessment draft, as it was recorded (the form's limits apply, nothing is retyped); attaching
 * it again adds nothing. From then on the rating has evidence, as if it had been typed.
 */
export async function attachRecordedEvidence(
  viewer: Viewer,
  assessmentId: string,
  item: { competencyId: string; text: string; url: string | null; occurredOn: Date },
): Promise<EvidenceOutcome> {
  const meta = await editableMeta(viewer, assessmentId);
  if (meta.kind !== "self" || meta.subjectId !== viewer.id)
    throw new NotFoundError({ key: "assessments:errors.assessmentNotFound" });
  const parsed = evidenceSchema(clock.now()).safeParse({
    competencyId: item.competencyId,
    text: item.text,
    url: item.url ?? undefined,
    occurredOn: item.occurredOn.toISOString().slice(0, 10),
  });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "assessments:errors.cannotAttach";
    return { status: 400, body: { ok: false, kind: "invalid", message, fieldErrors: {} } };
  }
  return addEvidence(viewer, assessmentId, parsed.data, { once: true });
}

/** Whether recorded evidence is already on a competency of the assessment: the same words, link and day. */
export function isAttached(
  item: { text: string; url: string | null; occurredOn: Date | string },
  attached: readonly { text: string; url: string | null; occurredOn: Date | string | null }[],
): boolean {
  const day = (date: Date | string | null) =>
    date ? new Date(date).toISOString().slice(0, 10) : null;
  return attached.some(
    (evidence) =>
      evidence.text === item.text.trim() &&
      (evidence.url ?? null) === (item.url?.trim() || null) &&
      day(evidence.occurredOn) === day(item.occurredOn),
  );
}

import { withRichText } from "~/modules/ladders/translations";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import { StaleRevision, withRetry } from "~/db/retry.server";
import type { Message } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { mergeSave, type DraftValues, type FieldConflict } from "~/modules/assessments/draft";
import { type SaveDraftInput } from "~/modules/assessments/draft-input";
import { ConflictError, NotFoundError } from "~/modules/errors";
import { getLevel } from "~/modules/ladders";
import { openingLadder, requireVisibleLoop } from "./access.server";
import { submittedChains, toScorecard } from "./cards";
import { interviewKit } from "./kit";
import { mayScoreStage } from "./panels.server";
import { cardSelect } from "./loops.server";
import {
  canWriteScorecard,
  isOwnInterview,
  loopStateFor,
  toldOfDecision,
  type HiringViewer,
  type LoopAccess,
} from "./policy";
import { amendmentDiff, scorecardSchema } from "./scorecard";
import {
  scorecardInput,
  scorecardValues,
  scorecardWrites,
  validateScorecardChanges,
  type ScorecardRules,
} from "./scorecard-draft";
import * as clock from "~/platform/clock.server";

/**
 * An interviewer's scorecard: a draft autosaved field by field (the reviews' merge, with a
 * revision so a stale tab gets a conflict, not an overwrite), then submitted once and never
 * changed. A correction is a new card amending the last one, itself a draft until submitted.
 * Only the interviewer reads or writes their drafts.
 */

export type SaveOutcome =
  | {
      status: 200;
      body: {
        ok: true;
        revision: number;
        values: DraftValues;
        conflicts: FieldConflict[];
        savedAt: string;
      };
    }
  | {
      status: 400;
      body: { ok: false; kind: "invalid"; message: Message; fieldErrors: Record<string, string[]> };
    }
  | { status: 409; body: { ok: false; kind: "locked"; message: Message } };

export type SubmitOutcome =
  | { status: 200; body: { ok: true; submittedAt: string } }
  | { status: 400; body: { ok: false; kind: "incomplete"; message: Message; errors: string[] } }
  | { status: 409; body: { ok: false; kind: "locked" | "stale"; message: Message } };

const locked = (message: Message) => ({
  status: 409 as const,
  body: { ok: false as const, kind: "locked" as const, message },
});

/** The interview, its loop's access facts, the stage's competencies and the rules a card is checked against. NotFoundError unless it is the viewer's own interview. */
async function ownInterview(
  viewer: Viewer,
  interviewId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const interview = await db.hiringInterview.findUnique({
    where: { id: interviewId },
    select: { id: true, loopId: true, stageId: true, interviewerId: true, scheduledAt: true },
  });
  if (!interview || !isOwnInterview(viewer, interview.interviewerId))
    throw new NotFoundError({ key: "hiring:errors.noInterview" });
  const loop = await requireVisibleLoop(viewer, interview.loopId);
  const stage = loop.opening.stages.find((candidate) => candidate.id === interview.stageId);
  if (!stage) throw new NotFoundError({ key: "hiring:errors.noInterview" });
  const ladder = await openingLadder(loop.opening, language);
  const rules: ScorecardRules = { scale: ladder.scale, competencyIds: stage.competencyIds };
  return { interview, loop, stage, ladder, rules };
}

/** The scorecard page: the stage's kit, the draft being written (a first card or an amendment), and the submitted chain with what each amendment changed. */
export async function interviewPage(
  viewer: Viewer,
  interviewId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const { interview, loop, stage, ladder, rules } = await ownInterview(
    viewer,
    interviewId,
    language,
  );
  const cards = await db.hiringScorecard.findMany({
    where: { interviewId, authorId: viewer.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: cardSelect,
  });
  const draft = cards.find((card) => card.status === "draft") ?? null;
  const chain = submittedChains(cards, () => stage.competencyIds)[0] ?? null;
  const kit = interviewKit(ladder, loop.opening.levelId, stage.competencyIds);
  const purged = loop.candidate.purgedAt !== null;
  const competencyName = Object.fromEntries(
    ladder.competencies.map((competency) => [competency.id, competency.name]),
  );
  const values = draft ? scorecardValues(draft) : chain ? scorecardValues(chain.effective) : {};
  return withRichText(
    {
      interview: { id: interview.id, scheduledAt: interview.scheduledAt?.toISOString() ?? null },
      loop: { id: loop.id, state: loopStateFor(viewer, loop.access, loop.state) },
      opening: {
        id: loop.opening.id,
        title: loop.opening.title,
        level: getLevel(ladder, loop.opening.levelId)?.title ?? loop.opening.levelId,
      },
      candidate: purged ? null : loop.candidate.name,
      stage: { id: stage.id, name: stage.name },
      competencyIds: stage.competencyIds,
      competencyName,
      scale: ladder.scale,
      kit,
      /** draft: writing the first card; submitted: read-only; amending: writing a correction. */
      mode: draft
        ? draft.amendsId
          ? ("amending" as const)
          : ("draft" as const)
        : chain
          ? ("submitted" as const)
          : ("draft" as const),
      revision: draft?.revision ?? 0,
      values,
      pendingDiff:
        draft?.amendsId && chain
          ? amendmentDiff(
              toScorecard(chain.effective, stage.competencyIds),
              toScorecard(draft, stage.competencyIds),
            )
          : null,
      submitted: chain
        ? {
            submittedAt: chain.original.submittedAt?.toISOString() ?? null,
            amendments: chain.amendments.map(({ card, diff }) => ({
              id: card.id,
              submittedAt: card.submittedAt?.toISOString() ?? null,
              diff,
            })),
          }
        : null,
      lockedReason: !canWriteScorecard(viewer, loop.access, interview.interviewerId)
        ? lockedReason(viewer, loop.access)
        : (await mayScoreStage(interview.interviewerId, stage.competencyIds))
          ? null
          : ({ key: "panels:errors.notQualifiedToScore" } satisfies Message),
      rules,
    },
    [ladder],
  );
}

/** A write of the interview's own value takes its row lock on PostgreSQL, so two first saves in two tabs do not both create a draft. */
async function lockInterview(
  tx: Prisma.TransactionClient,
  interview: { id: string; scheduledAt: Date | null },
) {
  await tx.hiringInterview.update({
    where: { id: interview.id },
    data: { scheduledAt: interview.scheduledAt },
    select: { id: true },
  });
}

/** Autosave: applies the changed fields of the viewer's draft in one transaction (creating the first draft on its first save). */
export async function saveScorecardDraft(
  viewer: Viewer,
  interviewId: string,
  input: SaveDraftInput,
  now = clock.now(),
): Promise<SaveOutcome> {
  const { loop, interview, rules } = await ownInterview(viewer, interviewId);
  if (!canWriteScorecard(viewer, loop.access, interview.interviewerId))
    return locked(lockedReason(viewer, loop.access));
  if (!(await mayScoreStage(interview.interviewerId, rules.competencyIds)))
    return locked({ key: "panels:errors.notQualifiedToScore" });
  const fieldErrors = validateScorecardChanges(input.changes, rules);
  if (Object.keys(fieldErrors).length)
    return {
      status: 400,
      body: {
        ok: false,
        kind: "invalid",
        message: { key: "hiring:scorecard.errors.changesInvalid" },
        fieldErrors,
      },
    };
  return withRetry(() =>
    db.$transaction(async (tx): Promise<SaveOutcome> => {
      await lockInterview(tx, interview);
      const cards = await tx.hiringScorecard.findMany({
        where: { interviewId, authorId: viewer.id },
        select: cardSelect,
      });
      let draft = cards.find((card) => card.status === "draft");
      if (!draft) {
        if (cards.length) return locked({ key: "hiring:scorecard.errors.submittedAmend" });
        draft = await tx.hiringScorecard.create({
          data: { interviewId, authorId: viewer.id },
          select: cardSelect,
        });
      }
      const values = scorecardValues(draft);
      const { writes, conflicts } = mergeSave(values, input.changes);
      let revision = draft.revision;
      if (Object.keys(writes).length) {
        const update = scorecardWrites(writes);
        for (const [competencyId, row] of update.scores) {
          await tx.hiringScore.upsert({
            where: { scorecardId_competencyId: { scorecardId: draft.id, competencyId } },
            create: { scorecardId: draft.id, competencyId, ...row },
            update: row,
          });
        }
        const bumped = await tx.hiringScorecard.updateMany({
          where: { id: draft.id, revision: draft.revision, status: "draft" },
          data: {
            revision: { increment: 1 },
            ...(update.summary !== undefined ? { summary: update.summary } : {}),
            ...(update.recommendation !== undefined
              ? { recommendation: update.recommendation }
              : {}),
          },
        });
        if (bumped.count !== 1) throw new StaleRevision();
        revision = draft.revision + 1;
      }
      return {
        status: 200,
        body: {
          ok: true,
          revision,
          values: { ...values, ...writes },
          conflicts,
          savedAt: now.toISOString(),
        },
      };
    }),
  );
}

/**
 * Submits the viewer's draft (a first card or an amendment): every competency of the stage is
 * stored, unscored ones as not assessed; at least one scored and a recommendation chosen. Refuses
 * when the draft changed since `revision`, the one the interviewer last saw.
 */
export async function submitScorecard(
  viewer: Viewer,
  interviewId: string,
  revision: number,
  now = clock.now(),
): Promise<SubmitOutcome> {
  const { loop, interview, rules } = await ownInterview(viewer, interviewId);
  if (!canWriteScorecard(viewer, loop.access, interview.interviewerId))
    return locked(lockedReason(viewer, loop.access));
  if (!(await mayScoreStage(interview.interviewerId, rules.competencyIds)))
    return locked({ key: "panels:errors.notQualifiedToScore" });
  const schema = scorecardSchema(rules.scale, rules.competencyIds);
  return withRetry(() =>
    db.$transaction(async (tx): Promise<SubmitOutcome> => {
      await lockInterview(tx, interview);
      const cards = await tx.hiringScorecard.findMany({
        where: { interviewId, authorId: viewer.id },
        select: cardSelect,
      });
      const draft = cards.find((card) => card.status === "draft");
      if (!draft) {
        if (cards.length) return locked({ key: "hiring:scorecard.errors.alreadySubmitted" });
        return {
          status: 400,
          body: {
            ok: false,
            kind: "incomplete",
            message: { key: "hiring:scorecard.errors.nothingToSubmit" },
            errors: [],
          },
        };
      }
      if (revision !== draft.revision) {
        return {
          status: 409,
          body: { ok: false, kind: "stale", message: { key: "hiring:scorecard.errors.stale" } },
        };
      }
      const parsed = schema.safeParse(scorecardInput(scorecardValues(draft), rules.competencyIds));
      if (!parsed.success) {
        // The schema's messages are keys; `notSubmitted` is worded with them where the refusal is shown.
        const errors = [...new Set(parsed.error.issues.map((issue) => issue.message))];
        return {
          status: 400,
          body: {
            ok: false,
            kind: "incomplete",
            message: { key: "hiring:scorecard.errors.notSubmitted" },
            errors,
          },
        };
      }
      if (draft.amendsId) {
        const original = cards.find((card) => card.id === draft.amendsId);
        if (
          original &&
          !amendmentDiff(toScorecard(original, rules.competencyIds), parsed.data).changed
        ) {
          return {
            status: 400,
            body: {
              ok: false,
              kind: "incomplete",
              message: { key: "hiring:scorecard.errors.amendmentUnchanged" },
              errors: [],
            },
          };
        }
      }
      for (const entry of parsed.data.entries) {
        await tx.hiringScore.upsert({
          where: {
            scorecardId_competencyId: { scorecardId: draft.id, competencyId: entry.competencyId },
          },
          create: {
            scorecardId: draft.id,
            competencyId: entry.competencyId,
            score: entry.score,
            notes: entry.notes,
          },
          update: { score: entry.score, notes: entry.notes },
        });
      }
      await tx.hiringScore.deleteMany({
        where: { scorecardId: draft.id, competencyId: { notIn: [...rules.competencyIds] } },
      });
      const updated = await tx.hiringScorecard.updateMany({
        where: { id: draft.id, revision: draft.revision, status: "draft" },
        data: {
          status: "submitted",
          submittedAt: now,
          recommendation: parsed.data.recommendation,
          summary: parsed.data.summary,
          revision: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new StaleRevision();
      // The loop changes with every card submitted: cached statistics key on its updatedAt (stats.server.ts).
      await tx.hiringLoop.update({
        where: { id: loop.id },
        data: { updatedAt: now },
        select: { id: true },
      });
      return { status: 200, body: { ok: true, submittedAt: now.toISOString() } };
    }),
  );
}

/** Why the interviewer's own card can no longer change: the decision is named only to those told of it. */
function lockedReason(viewer: HiringViewer, loop: LoopAccess): Message {
  if (loop.purged) return { key: "hiring:scorecard.locked.purged" };
  if (!toldOfDecision(viewer, loop)) return { key: "hiring:scorecard.locked.closed" };
  return { key: "hiring:scorecard.locked.decided" };
}

/** Starts a correction of the submitted card: a draft copying the card that counts now, linked to it. */
export async function startAmendment(viewer: Viewer, interviewId: string): Promise<void> {
  const { loop, interview } = await ownInterview(viewer, interviewId);
  if (!canWriteScorecard(viewer, loop.access, interview.interviewerId))
    throw new ConflictError(lockedReason(viewer, loop.access));
  await withRetry(() =>
    db.$transaction(async (tx) => {
      await lockInterview(tx, interview);
      const cards = await tx.hiringScorecard.findMany({
        where: { interviewId, authorId: viewer.id },
        select: cardSelect,
      });
      if (cards.some((card) => card.status === "draft")) return;
      const current = submittedChains(cards)[0]?.effective;
      if (!current) return;
      await tx.hiringScorecard.create({
        data: {
          interviewId,
          authorId: viewer.id,
          amendsId: current.id,
          recommendation: current.recommendation,
          summary: current.summary,
          scores: {
            create: current.scores.map((score) => ({
              competencyId: score.competencyId,
              score: score.score,
              notes: score.notes,
            })),
          },
        },
      });
    }),
  );
}

/** Drops an amendment not yet submitted; the submitted card stands as it was. */
export async function discardAmendment(viewer: Viewer, interviewId: string): Promise<void> {
  await ownInterview(viewer, interviewId);
  await db.hiringScorecard.deleteMany({
    where: { interviewId, authorId: viewer.id, status: "draft", amendsId: { not: null } },
  });
}

import { messageText, type Message } from "~/i18n/messages";
import { ladderStanding } from "~/modules/ladders/points";
import type { Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { isErased } from "~/modules/people/erased.server";
import { managerChain } from "~/modules/people/reporting-line.server";
import { trackOfLevel } from "~/modules/ladders";
import { ladderForPerson } from "~/modules/ladders/registry.server";
import {
  requireLadderOfVersion,
  requireLadderOfVersionIn,
} from "~/modules/ladders/versions.server";
import { withSourceTexts } from "~/modules/ladders/translations";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { refreshParticipant } from "~/modules/cycles/participant-progress.server";
import { db, type Prisma } from "~/db/client.server";
import { StaleRevision, withRetry } from "~/db/retry.server";
import { lockTransaction } from "~/db/locks.server";
import { NotFoundError } from "~/modules/errors";
import { calibratesPersonInCycle } from "~/modules/calibration/queries.server";
import { decideEntry, type EntryDecision, type ExistingAssessment } from "./assessment-entry";
import { draftRules, editedCompetency, ladderContext, ratedCompetencies } from "./assessment-view";
import {
  draftValues,
  mergeSave,
  missingRatings,
  rowUpdates,
  validateChanges,
  type DraftValues,
  type FieldConflict,
} from "./draft";
import { type SaveDraftInput } from "./draft-input";
import {
  canAuthorAssessment,
  canReadAssessment,
  sharedWhenBothSubmitted,
  subjectSelfSubmitted,
  type AssessmentFacts,
  type AssessmentKind,
  type AssessmentStatus,
} from "./policy";
import { assessmentWithRatings } from "./queries.server";
import { reviewSharingFacts } from "./sharing.server";
import * as clock from "~/platform/clock.server";

/**
 * Self-assessments and manager reviews: starting or continuing one, reading one,
 * autosaving a draft, submitting it. Every function authorises the viewer itself.
 *
 * Conventions other modules can rely on when reading assessments directly:
 * - `kind` is "self" | "manager", `status` is "draft" | "submitted"; `submittedAt` is
 *   set exactly when status is "submitted", and a submitted assessment never changes.
 * - An assessment has one AssessmentRating row per competency of its track (in its
 *   recorded ladder version), created with it; `rating` is null until rated.
 * - `nextLevelMarks` keys are positions in the NEXT level's expectation list for that
 *   competency, in the recorded ladder version (`ladderOfVersion(ladderVersionId)`).
 * - In a cycle there is at most one self-assessment and one manager review per
 *   person; outside a cycle (cycleId null) there may be many, at most one a draft.
 */

type Tx = Prisma.TransactionClient;

export type CycleRef = { id: string; name: string };

/**
 * The open cycle the person takes part in that has started (the most recently started), or null:
 * a cycle opened ahead of its first day takes no assessments until then.
 */
export async function openCycleFor(
  personId: string,
  client: Pick<Tx, "reviewCycle"> = db,
  now = clock.now(),
): Promise<CycleRef | null> {
  return client.reviewCycle.findFirst({
    where: { closedAt: null, startsOn: { lte: now }, participants: { some: { userId: personId } } },
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    select: { id: true, name: true },
  });
}

/**
 * The assessments "start or continue" chooses among. A manager review drafted by someone who no
 * longer manages the person (a reorganisation) is left out: it is closed to its author and must not
 * stand in the way of the person's managers now (`chain`, the subject's manager chain).
 */
async function existingFor(
  client: Pick<Tx, "assessment">,
  kind: AssessmentKind,
  subjectId: string,
  cycleId: string | null,
  chain: readonly string[],
): Promise<ExistingAssessment[]> {
  const rows = await client.assessment.findMany({
    where: {
      subjectId,
      kind,
      cycleId,
      ...(kind === "manager"
        ? { OR: [{ status: "submitted" }, { authorId: { in: [...chain] } }] }
        : {}),
    },
    select: {
      id: true,
      authorId: true,
      status: true,
      createdAt: true,
      submittedAt: true,
      author: { select: { name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    authorId: row.authorId,
    authorName: row.author.name,
    status: row.status as AssessmentStatus,
    createdAt: row.createdAt,
    submittedAt: row.submittedAt,
  }));
}

type Subject = {
  id: string;
  name: string;
  ladderId: string | null;
  level: string | null;
  deactivatedAt: Date | null;
};

/**
 * Throws NotFoundError unless the viewer may write this kind of assessment about the subject, with
 * one message whether the person does not exist or is not the viewer's to review: it must not tell
 * which ids are people.
 */
async function requireAuthorable(
  viewer: Viewer,
  kind: AssessmentKind,
  subjectId: string,
): Promise<{ subject: Subject; chain: string[] }> {
  const [subject, erased] = await Promise.all([
    db.user.findUnique({
      where: { id: subjectId },
      select: { id: true, name: true, ladderId: true, level: true, deactivatedAt: true },
    }),
    isErased(subjectId),
  ]);
  const chain = subject && kind !== "self" ? await managerChain(subjectId) : [];
  if (
    !subject ||
    !readableAsPerson(erased) ||
    !canAuthorAssessment(kind, viewer.id, subjectId, chain)
  )
    throw new NotFoundError({ key: "assessments:errors.nobodyToReview" });
  return { subject, chain };
}

/** Why the subject cannot be assessed right now, or null. */
async function unassessableReason(subject: Subject, kind: AssessmentKind): Promise<Message | null> {
  if (subject.deactivatedAt)
    return { key: "assessments:errors.deactivated", values: { name: subject.name } };
  if (!subject.level)
    return { key: "assessments:errors.noLevel", values: { kind, name: subject.name } };
  if (!(await ladderForPerson(subject))) {
    return subject.ladderId
      ? {
          key: "assessments:errors.levelNotInLadder",
          values: { level: subject.level, ladder: subject.ladderId },
        }
      : { key: "assessments:errors.levelInNoLadder", values: { level: subject.level } };
  }
  return null;
}

export type AssessmentEntry = {
  subject: { id: string; name: string };
  cycle: CycleRef | null;
  /** A draft someone else in the chain is writing is named by its author, not its id: the viewer cannot open it. */
  decision: Exclude<EntryDecision, { action: "taken" }> | { action: "taken"; authorName: string };
  /** Set when a new assessment cannot be started (no level, deactivated). */
  unavailable: Message | null;
  /** Outside a cycle: the last submitted assessment of this kind, for a link. */
  lastSubmitted: { id: string; submittedAt: Date | null } | null;
};

/** What "start or continue" would open for the viewer (read only: nothing is created). */
export async function assessmentEntry(
  viewer: Viewer,
  kind: AssessmentKind,
  subjectId: string,
): Promise<AssessmentEntry> {
  const { subject, chain } = await requireAuthorable(viewer, kind, subjectId);
  const cycle = await openCycleFor(subject.id);
  const existing = await existingFor(db, kind, subject.id, cycle?.id ?? null, chain);
  const decision = decideEntry(kind, viewer.id, cycle !== null, existing);
  const submitted = existing.filter((row) => row.status === "submitted");
  const last = !cycle && submitted.length ? submitted[submitted.length - 1]! : null;
  return {
    subject: { id: subject.id, name: subject.name },
    cycle,
    decision:
      decision.action === "taken" ? { action: "taken", authorName: decision.authorName } : decision,
    unavailable: decision.action === "create" ? await unassessableReason(subject, kind) : null,
    lastSubmitted: last ? { id: last.id, submittedAt: last.submittedAt ?? null } : null,
  };
}

export type StartResult =
  | { ok: true; decision: Exclude<EntryDecision, { action: "create" }> }
  | { ok: false; message: Message };

/**
 * Opens the viewer's assessment of this kind about the subject, creating it when
 * there is none to continue. Race-safe: two tabs starting at once get the same one
 * (serialisable transaction; a duplicate that slipped through is removed).
 */
export async function startAssessment(
  viewer: Viewer,
  kind: AssessmentKind,
  subjectId: string,
): Promise<StartResult> {
  const { subject, chain } = await requireAuthorable(viewer, kind, subjectId);
  const cycle = await openCycleFor(subject.id);
  const cycleId = cycle?.id ?? null;
  const before = decideEntry(
    kind,
    viewer.id,
    cycle !== null,
    await existingFor(db, kind, subject.id, cycleId, chain),
  );
  if (before.action !== "create") return { ok: true, decision: before };

  const reason = await unassessableReason(subject, kind);
  if (reason) return { ok: false, message: reason };
  const served = (await ladderForPerson(subject))!;
  const levelId = subject.level!;
  const trackId = trackOfLevel(served.ladder, levelId)!.id;
  const competencies = draftRules(served.ladder, trackId, levelId).competencies;

  // One start at a time for each person: a serializable transaction, retried, refused 18 of 50
  // people starting their own self-assessments at once on PostgreSQL (false conflicts on shared
  // index pages, `npm run bench -- --connections 50`); the lock orders only starts for one person.
  const decision = await db.$transaction(
    async (tx): Promise<Exclude<EntryDecision, { action: "create" }>> => {
      await lockTransaction(tx, "assessmentStart", subject.id);
      const again = decideEntry(
        kind,
        viewer.id,
        cycle !== null,
        await existingFor(tx, kind, subject.id, cycleId, chain),
      );
      if (again.action !== "create") return again;
      const created = await tx.assessment.create({
        data: {
          kind,
          subjectId: subject.id,
          authorId: viewer.id,
          cycleId,
          ladderVersionId: served.versionId,
          trackId,
          levelId,
          ratings: { create: competencies.map((competency) => ({ competencyId: competency.id })) },
        },
        select: { id: true },
      });
      if (cycleId) await refreshParticipant(tx, cycleId, subject.id);
      return { action: "open", assessmentId: created.id };
    },
  );
  return { ok: true, decision };
}

/** Whether the viewer may read this assessment (policy.ts), fetching the facts it needs only when needed. */
export async function viewerCanRead(
  viewer: Viewer,
  assessment: AssessmentFacts & { cycleId: string | null },
  now = clock.now(),
): Promise<boolean> {
  // An erased person's assessments are readable by nobody, their author included: their figures stay only in aggregates.
  if (!readableAsPerson(await isErased(assessment.subjectId))) return false;
  if (viewer.id === assessment.authorId || assessment.status === "draft") {
    return canReadAssessment(assessment, {
      viewerId: viewer.id,
      viewerIsAdmin: viewer.isAdmin,
      subjectManagerChain: [],
      subjectSelfSubmitted: false,
      sharing: sharedWhenBothSubmitted(now),
    });
  }
  const chain =
    viewer.isAdmin || viewer.id === assessment.subjectId
      ? []
      : await managerChain(assessment.subjectId);
  // A subject reading a manager review: the rule reads their own assessments (a handful per person).
  const subjectReadsReview = assessment.kind === "manager" && viewer.id === assessment.subjectId;
  const subjectsAssessments = subjectReadsReview
    ? (
        await db.assessment.findMany({
          where: { subjectId: assessment.subjectId },
          select: { kind: true, status: true, subjectId: true, authorId: true, cycleId: true },
        })
      ).map((row) => ({
        ...row,
        kind: row.kind as AssessmentKind,
        status: row.status as AssessmentStatus,
      }))
    : [];
  const reader = {
    viewerId: viewer.id,
    viewerIsAdmin: viewer.isAdmin,
    subjectManagerChain: chain,
    subjectSelfSubmitted: subjectSelfSubmitted(
      subjectsAssessments,
      assessment.subjectId,
      assessment.cycleId,
    ),
    sharing: subjectReadsReview
      ? (await reviewSharingFacts(assessment.subjectId, [assessment.cycleId], now))(
          assessment.cycleId,
        )
      : sharedWhenBothSubmitted(now),
  };
  if (canReadAssessment(assessment, reader)) return true;
  // Asked only when nothing else lets the viewer read: calibration is the rarer reason.
  const calibratesSubject =
    assessment.cycleId !== null &&
    viewer.id !== assessment.subjectId &&
    (await calibratesPersonInCycle(viewer.id, assessment.subjectId, assessment.cycleId));
  return calibratesSubject && canReadAssessment(assessment, { ...reader, calibratesSubject });
}

/** Why a draft can no longer change, or null when it can. */
export function lockReason(assessment: {
  status: string;
  cycle: { name: string; closedAt: Date | null } | null;
  authorLeftChain?: boolean;
}): string | null {
  // A key with its values (messageText): the page, the autosave status and the save's answer word it.
  if (assessment.status === "submitted") return "assessments:errors.locked.submitted";
  if (assessment.authorLeftChain) return "assessments:errors.locked.authorLeftChain";
  if (assessment.cycle?.closedAt)
    return messageText({
      key: "assessments:errors.locked.cycleClosed",
      values: { cycle: assessment.cycle.name },
    });
  return null;
}

const contentSelect = {
  summary: true,
  revision: true,
  ratings: {
    select: { id: true, competencyId: true, rating: true, notes: true, nextLevelMarks: true },
  },
} satisfies Prisma.AssessmentSelect;

/** The assessment with its people, cycle, ratings and evidence, in two statements (queries.server.ts). */
async function readAssessmentPage(assessmentId: string) {
  const row = await assessmentWithRatings(assessmentId);
  if (!row) return null;
  return {
    ...row,
    subject: { name: row.subjectName },
    author: { name: row.authorName },
    cycle:
      row.cycleId === null
        ? null
        : { id: row.cycleId, name: row.cycleName ?? "", closedAt: row.cycleClosedAt },
  };
}

/**
 * One assessment as its page shows it, the ladder of its version in the reader's language with
 * the texts left in the source listed to mark (`sourceTexts`); NotFoundError unless the viewer may read it.
 */
export async function assessmentPage(
  viewer: Viewer,
  assessmentId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const row = await readAssessmentPage(assessmentId);
  if (!row || !(await viewerCanRead(viewer, row)))
    throw new NotFoundError({ key: "assessments:errors.assessmentNotFound" });
  const translated = await requireLadderOfVersionIn(row.ladderVersionId, language);
  const { ladder } = translated;
  const isAuthor = viewer.id === row.authorId;
  const competencies = ratedCompetencies(ladder, row.trackId, row.levelId, row.ratings);
  const locked = lockReason({ ...row, authorLeftChain: isAuthor && (await authorLeftChain(row)) });
  const page = {
    assessment: {
      id: row.id,
      kind: row.kind,
      status: row.status,
      subject: { id: row.subjectId, name: row.subject.name },
      author: { id: row.authorId, name: row.author.name },
      cycle: row.cycle,
      summary: row.summary,
      revision: row.revision,
      submittedAt: row.submittedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    },
    ladder: ladderContext(ladder, row.trackId, row.levelId),
    /** On a ladder whose levels come from points: what the saved ratings add up to, and where that stands. */
    points: ladderStanding(
      ladder,
      competencies.map((competency) => competency.rating),
    ),
    isAuthor,
    lockedReason: row.status === "draft" ? locked : null,
  };
  // The author edits an unlocked draft, from its values (what was rated, noted and marked, sent once);
  // everyone else (and a locked draft) gets the read view, from the competencies as rated.
  return isAuthor && !locked
    ? withSourceTexts(
        {
          ...page,
          mode: "edit" as const,
          competencies: competencies.map(editedCompetency),
          values: draftValues(row),
        },
        translated,
      )
    : withSourceTexts({ ...page, mode: "read" as const, competencies, values: null }, translated);
}

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
      body: { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> };
    }
  | { status: 409; body: { ok: false; kind: "locked"; message: string } };

/** The assessment's editing facts; NotFoundError unless the viewer is its author. */
export async function editableMeta(viewer: Viewer, assessmentId: string) {
  const meta = await db.assessment.findUnique({
    where: { id: assessmentId },
    select: {
      id: true,
      kind: true,
      authorId: true,
      subjectId: true,
      cycleId: true,
      status: true,
      ladderVersionId: true,
      trackId: true,
      levelId: true,
      cycle: { select: { name: true, closedAt: true } },
    },
  });
  // Only the author writes; to anyone else the draft does not exist.
  if (!meta || meta.authorId !== viewer.id)
    throw new NotFoundError({ key: "assessments:errors.assessmentNotFound" });
  return { ...meta, authorLeftChain: await authorLeftChain(meta) };
}

/** A manager review's draft whose author no longer manages its subject (asked only of manager drafts). */
async function authorLeftChain(assessment: {
  kind: string;
  status: string;
  authorId: string;
  subjectId: string;
}): Promise<boolean> {
  return (
    assessment.kind === "manager" &&
    assessment.status === "draft" &&
    !(await managerChain(assessment.subjectId)).includes(assessment.authorId)
  );
}

const lockedOutcome = (message: string) => ({
  status: 409 as const,
  body: { ok: false as const, kind: "locked" as const, message },
});

/**
 * Autosave: applies the changed fields in one transaction and bumps the revision.
 * A save from a stale copy is merged field by field (see `mergeSave`); nothing is
 * written when any change is invalid.
 */
export async function saveDraft(
  viewer: Viewer,
  assessmentId: string,
  input: SaveDraftInput,
  now = clock.now(),
): Promise<SaveOutcome> {
  const meta = await editableMeta(viewer, assessmentId);
  const locked = lockReason(meta);
  if (locked) return lockedOutcome(locked);
  const rules = draftRules(
    await requireLadderOfVersion(meta.ladderVersionId),
    meta.trackId,
    meta.levelId,
  );
  const fieldErrors = validateChanges(input.changes, rules);
  if (Object.keys(fieldErrors).length) {
    return {
      status: 400,
      body: { ok: false, kind: "invalid", message: "assessments:errors.someInvalid", fieldErrors },
    };
  }

  return withRetry(() =>
    db.$transaction(async (tx): Promise<SaveOutcome> => {
      const current = await tx.assessment.findUniqueOrThrow({
        where: { id: assessmentId },
        select: {
          status: true,
          cycle: { select: { name: true, closedAt: true } },
          ...contentSelect,
        },
      });
      const lockedNow = lockReason(current);
      if (lockedNow) return lockedOutcome(lockedNow);
      const values = draftValues(current);
      const { writes, conflicts } = mergeSave(values, input.changes);
      let revision = current.revision;
      if (Object.keys(writes).length) {
        const updates = rowUpdates(values, writes);
        for (const [competencyId, update] of updates.ratings) {
          await tx.assessmentRating.upsert({
            where: { assessmentId_competencyId: { assessmentId, competencyId } },
            create: { assessmentId, competencyId, ...update },
            update,
          });
        }
        const bumped = await tx.assessment.updateMany({
          where: { id: assessmentId, revision: current.revision, status: "draft" },
          data: {
            revision: { increment: 1 },
            ...(updates.summary !== undefined ? { summary: updates.summary } : {}),
          },
        });
        if (bumped.count !== 1) throw new StaleRevision();
        revision = current.revision + 1;
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

export type SubmitOutcome =
  | { status: 200; body: { ok: true; submittedAt: Date } }
  | {
      status: 400;
      body: {
        ok: false;
        kind: "incomplete";
        message: Message;
        fieldErrors: Record<string, string[]>;
      };
    }
  | { status: 409; body: { ok: false; kind: "locked" | "stale"; message: string | Message } };

/**
 * Submits and locks the author's draft once every competency has a rating; refuses (409) when
 * the draft changed since `revision`, the one the author last saw.
 */
export async function submitAssessment(
  viewer: Viewer,
  assessmentId: string,
  revision: number,
  now = clock.now(),
): Promise<SubmitOutcome> {
  const meta = await editableMeta(viewer, assessmentId);
  const locked = lockReason(meta);
  if (locked) return lockedOutcome(locked);
  const rules = draftRules(
    await requireLadderOfVersion(meta.ladderVersionId),
    meta.trackId,
    meta.levelId,
  );

  return withRetry(() =>
    db.$transaction(async (tx): Promise<SubmitOutcome> => {
      const current = await tx.assessment.findUniqueOrThrow({
        where: { id: assessmentId },
        select: {
          status: true,
          cycle: { select: { name: true, closedAt: true } },
          ...contentSelect,
        },
      });
      const lockedNow = lockReason(current);
      if (lockedNow) return lockedOutcome(lockedNow);
      if (revision !== current.revision) {
        return {
          status: 409,
          body: {
            ok: false,
            kind: "stale",
            message: { key: "assessments:errors.changedElsewhere" },
          },
        };
      }
      const missing = missingRatings(draftValues(current), rules.competencies);
      const count = Object.keys(missing).length;
      if (count) {
        return {
          status: 400,
          body: {
            ok: false,
            kind: "incomplete",
            message: { key: "assessments:errors.unrated", values: { count } },
            fieldErrors: missing,
          },
        };
      }
      const updated = await tx.assessment.updateMany({
        where: { id: assessmentId, revision: current.revision, status: "draft" },
        data: { status: "submitted", submittedAt: now, revision: { increment: 1 } },
      });
      if (updated.count !== 1) throw new StaleRevision();
      if (meta.cycleId) await refreshParticipant(tx, meta.cycleId, meta.subjectId);
      return { status: 200, body: { ok: true, submittedAt: now } };
    }),
  );
}

/**
 * Checks, inside a write transaction, that the author's draft can still change;
 * returns the lock message when it cannot. Used by evidence changes.
 */
export async function lockedInside(
  tx: Pick<Tx, "assessment">,
  assessmentId: string,
): Promise<string | null> {
  const current = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { status: true, cycle: { select: { name: true, closedAt: true } } },
  });
  return lockReason(current);
}

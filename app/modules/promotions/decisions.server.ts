import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
/**
 * The meeting (the window's nominees side by side per criterion, disagreements, agreement), the
 * decision per nominee with its rationale and any dissent, its release, the new level taking effect,
 * and the nominee's answer. The rules are committee-policy.ts's.
 */
import { db } from "~/db/client.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import {
  ALPHA_INTERVAL_TOO_WIDE,
  alphaInterval,
  krippendorffAlpha,
  type Unit,
} from "~/modules/hiring/krippendorff";
import type { Viewer } from "~/modules/identity/policy";
import { getLevel } from "~/modules/ladders";
import {
  requireLadderOfVersion,
  requireLadderOfVersionIn,
} from "~/modules/ladders/versions.server";
import { applyPromotion } from "~/modules/people/promotion.server";
import { managerChain } from "~/modules/people/reporting-line.server";
import * as clock from "~/platform/clock.server";
import { ViewCache } from "~/platform/view-cache.server";
import {
  canDecide,
  canDissent,
  canPlanFromAnswer,
  canReadAnswerPage,
  canReadDecision,
  canReadForCommittee,
  canReadOthersBallots,
  canRelease,
  canStartMeeting,
  decisionRefusal,
  disagreesOn,
  isMark,
  isOutcome,
  MARK_VALUE,
  nextWindowFor,
  readsRedacted,
  takesEffectOn,
  type Mark,
  type Outcome,
} from "./committee-policy";
import {
  accessTo,
  criteriaOf,
  loadWindowFacts,
  recordPromotionEvent,
  requireCommitteeNomination,
  type WindowFacts,
} from "./committee.server";
import { promotionAuditScope } from "./policy";
import { freeTextError, freeTextProblem } from "~/utils/free-text";

export const MAX_RATIONALE = 2000;

type Rationale = Record<string, { mark: Mark; rationale: string }>;

function parseRationale(json: string): Rationale {
  try {
    const value = JSON.parse(json) as Record<string, { mark?: unknown; rationale?: unknown }>;
    return Object.fromEntries(
      Object.entries(value).flatMap(([id, entry]) =>
        isMark(entry?.mark)
          ? [
              [
                id,
                {
                  mark: entry.mark,
                  rationale: typeof entry.rationale === "string" ? entry.rationale : "",
                },
              ],
            ]
          : [],
      ),
    );
  } catch {
    return {};
  }
}

export type MeetingCandidate = {
  id: string;
  /** The nominee's name, or their candidate number while the viewer's first read is still redacted. */
  label: string;
  target: string;
  /** Null while the viewer may not read the ballots on this nominee (their own is not in). */
  marks: { criterionId: string; byMember: (Mark | null)[]; disagreement: boolean }[] | null;
  voters: string[] | null;
  decision: {
    outcome: Outcome;
    summary: string;
    rationale: Rationale;
    revision: number;
    released: boolean;
    dissents: { member: string; text: string }[];
  } | null;
  criteria: { id: string; name: string }[];
  canDecide: boolean;
  canDissent: boolean;
  canRelease: boolean;
  /** Why a decision cannot be recorded yet (a message key), when the viewer could otherwise record it. */
  decisionRefusal: string | null;
  ownBallot: "none" | "draft" | "submitted" | "not-a-voter";
};

export type MeetingPage = {
  window: { id: string; name: string; state: string };
  canStartMeeting: boolean;
  /** The chair and admins read the window's audit from here. */
  readsAudit: boolean;
  /**
   * Agreement across the window (Krippendorff's alpha, ordinal) with its 95% interval from
   * resampling the nominees (null with too few), and whether that interval is too wide to read;
   * null while the viewer may not read every ballot.
   */
  agreement: {
    alpha: number | null;
    units: number;
    interval: [number, number] | null;
    tooWide: boolean;
  } | null;
  candidates: MeetingCandidate[];
};

/**
 * The interval is a thousand resamples of the window's marks, about 0.6 ms of a meeting page, and
 * the same marks always draw the same resamples (it is seeded): kept under the marks themselves,
 * so a changed vote is a new key, never a stale figure.
 */
const intervals = new ViewCache<[number, number] | null>({ entries: 64, maxAgeMs: 86_400_000 });

/** Members read the meeting page from the start of votes (each nominee's marks only once they may); admins always. */
function requireMeetingReader(facts: WindowFacts, viewer: Viewer): { isChair: boolean } {
  const member = facts.members.find((entry) => entry.personId === viewer.id);
  if (!canReadForCommittee(viewer, { isMember: member !== undefined, state: facts.window.state }))
    throw new NotFoundError();
  return { isChair: member?.role === "chair" };
}

export async function meetingPage(
  viewer: Viewer,
  windowId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<MeetingPage> {
  const facts = await loadWindowFacts(windowId, language);
  const { isChair } = requireMeetingReader(facts, viewer);
  const nominationIds = facts.nominations.map((nomination) => nomination.id);
  const [ballots, decisions, dissents] = await Promise.all([
    db.promotionBallot.findMany({
      where: { nominationId: { in: nominationIds }, submittedAt: { not: null } },
      select: {
        nominationId: true,
        memberId: true,
        votes: { select: { competencyId: true, mark: true } },
      },
    }),
    db.promotionDecision.findMany({
      where: { nominationId: { in: nominationIds } },
      select: {
        nominationId: true,
        outcome: true,
        summary: true,
        rationale: true,
        revision: true,
        releasedAt: true,
      },
    }),
    db.promotionDissent.findMany({
      where: { nominationId: { in: nominationIds } },
      orderBy: { createdAt: "asc" },
      select: { nominationId: true, memberId: true, text: true },
    }),
  ]);
  const nameOf = (id: string) => facts.people.get(id)?.name ?? "";
  let readsAll = true;
  // Each nominee's criteria are a cluster of units: marked by the same members, resampled together.
  const clusters: Unit[][] = [];
  const coders = facts.members.map((member) => member.personId);
  const candidates = facts.nominations.map((nomination): MeetingCandidate => {
    const access = accessTo(facts, viewer, nomination);
    const reads = canReadOthersBallots(viewer, access);
    if (!reads) readsAll = false;
    const criteria = criteriaOf(facts.ladder, nomination.targetLevelId).map(({ id, name }) => ({
      id,
      name,
    }));
    const own = ballots.filter((ballot) => ballot.nominationId === nomination.id);
    const voters = nomination.composition.voters.filter((id) =>
      own.some((ballot) => ballot.memberId === id),
    );
    const markOf = (memberId: string, criterionId: string): Mark | null => {
      const vote = own
        .find((ballot) => ballot.memberId === memberId)
        ?.votes.find((entry) => entry.competencyId === criterionId);
      return vote && isMark(vote.mark) ? vote.mark : null;
    };
    clusters.push(
      criteria.map((criterion) =>
        coders
          .map((coder) => (voters.includes(coder) ? (markOf(coder, criterion.id) ?? null) : null))
          .map((mark) => (mark ? MARK_VALUE[mark] : null)),
      ),
    );
    const decision = decisions.find((entry) => entry.nominationId === nomination.id);
    const released = decision?.releasedAt != null;
    const decisionFacts = { state: facts.window.state, isChair, released };
    const refusal = decisionRefusal(facts.rules, {
      problems: nomination.composition.problems.length,
      submitted: voters.length,
    });
    const redacted = readsRedacted(facts.window.redactedFirstRead, access);
    return {
      id: nomination.id,
      label: redacted ? `#${nomination.candidateNumber}` : nameOf(nomination.nomineeId),
      target: getLevel(facts.ladder, nomination.targetLevelId)?.title ?? nomination.targetLevelId,
      marks: reads
        ? criteria.map((criterion) => ({
            criterionId: criterion.id,
            byMember: voters.map((id) => markOf(id, criterion.id)),
            disagreement: disagreesOn(voters.map((id) => markOf(id, criterion.id))),
          }))
        : null,
      voters: reads ? voters.map(nameOf) : null,
      decision:
        reads && decision && isOutcome(decision.outcome)
          ? {
              outcome: decision.outcome,
              summary: decision.summary,
              rationale: parseRationale(decision.rationale),
              revision: decision.revision,
              released,
              dissents: dissents
                .filter((entry) => entry.nominationId === nomination.id)
                .map((entry) => ({ member: nameOf(entry.memberId), text: entry.text })),
            }
          : null,
      criteria,
      canDecide: reads && canDecide(viewer, decisionFacts),
      canDissent:
        canDissent(access) &&
        !dissents.some(
          (entry) => entry.nominationId === nomination.id && entry.memberId === viewer.id,
        ),
      canRelease:
        reads && canRelease(viewer, { ...decisionFacts, decided: decision !== undefined }),
      decisionRefusal: reads && canDecide(viewer, decisionFacts) ? refusal : null,
      ownBallot: !access.isVoter
        ? "not-a-voter"
        : access.ownSubmitted
          ? "submitted"
          : nomination.ballots.has(viewer.id)
            ? "draft"
            : "none",
    };
  });
  const alpha = readsAll ? krippendorffAlpha(clusters.flat(), "ordinal") : null;
  const interval =
    alpha?.alpha != null
      ? await intervals.get(JSON.stringify(clusters), async () =>
          alphaInterval(clusters, "ordinal"),
        )
      : null;
  return {
    window: { id: facts.window.id, name: facts.window.name, state: facts.window.state },
    canStartMeeting: canStartMeeting(viewer, { state: facts.window.state, isChair }),
    // The chair's and admins' way to the window's audit; a manager reaches their own from the process page.
    readsAudit: promotionAuditScope(viewer, { chairOfWindow: isChair, hasReports: false }) !== null,
    agreement: alpha
      ? {
          alpha: alpha.alpha,
          units: alpha.units,
          interval,
          tooWide: interval !== null && interval[1] - interval[0] > ALPHA_INTERVAL_TOO_WIDE,
        }
      : null,
    candidates,
  };
}

/** The chair (or an admin) opens the meeting: the window's votes are revealed to its committee. */
export async function startMeeting(
  viewer: Viewer,
  windowId: string,
  revision: number | null,
): Promise<void> {
  const facts = await loadWindowFacts(windowId);
  const { isChair } = requireMeetingReader(facts, viewer);
  if (!canStartMeeting(viewer, { state: facts.window.state, isChair }))
    throw new ForbiddenError({ key: "promotionsCommittee:errors.cannotStartMeeting" });
  await db.$transaction(async (tx) => {
    const moved = await tx.promotionWindow.updateMany({
      where: { id: windowId, state: "committee", ...(revision !== null ? { revision } : {}) },
      data: { state: "meeting", revision: { increment: 1 } },
    });
    if (moved.count !== 1)
      throw new ConflictError({ key: "promotionsCommittee:errors.windowChanged" });
    await recordPromotionEvent(tx, {
      windowId,
      actorId: viewer.id,
      kind: "state",
      change: { state: ["committee", "meeting"] },
    });
  });
}

export type DecisionInput = {
  outcome: string;
  summary: string;
  marks: Record<string, string>;
  rationales: Record<string, string>;
  revision: number | null;
};

/**
 * What a decision lacks, as message keys per field: a mark on every criterion, a rationale for each
 * criterion not met, and for "not yet" at least one criterion not met (the nominee is told what would
 * change the answer).
 */
export function decisionProblems(
  input: DecisionInput,
  criteria: readonly { id: string }[],
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!isOutcome(input.outcome)) problems.outcome = ["promotionsCommittee:errors.outcomeNeeded"];
  if (input.summary.trim().length > MAX_RATIONALE)
    problems.summary = ["promotionsCommittee:errors.rationaleTooLong"];
  const summaryRefused = freeTextError(input.summary);
  if (summaryRefused) problems.summary = summaryRefused;
  for (const criterion of criteria) {
    const mark = input.marks[criterion.id] ?? "";
    const rationale = (input.rationales[criterion.id] ?? "").trim();
    if (!isMark(mark)) problems[`mark.${criterion.id}`] = ["promotionsCommittee:errors.markNeeded"];
    else if (mark !== "met" && !rationale)
      problems[`rationale.${criterion.id}`] = ["promotionsCommittee:errors.rationaleNeeded"];
    if (rationale.length > MAX_RATIONALE)
      problems[`rationale.${criterion.id}`] = ["promotionsCommittee:errors.rationaleTooLong"];
    const rationaleRefused = freeTextError(input.rationales[criterion.id] ?? "");
    if (rationaleRefused) problems[`rationale.${criterion.id}`] = rationaleRefused;
  }
  if (
    input.outcome === "not-yet" &&
    criteria.every((criterion) => input.marks[criterion.id] === "met")
  )
    problems.outcome = ["promotionsCommittee:errors.notYetNeedsUnmet"];
  return problems;
}

export type DecisionResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

/** Records (or, before its release, changes) the committee's decision on a nominee; each change an event. */
export async function recordDecision(
  viewer: Viewer,
  windowId: string,
  nominationId: string,
  input: DecisionInput,
): Promise<DecisionResult> {
  const facts = await loadWindowFacts(windowId);
  const { nomination, access } = requireCommitteeNomination(facts, viewer, nominationId);
  const existing = await db.promotionDecision.findUnique({
    where: { nominationId },
    select: { outcome: true, rationale: true, summary: true, revision: true, releasedAt: true },
  });
  const decisionFacts = {
    state: facts.window.state,
    isChair: access.isChair,
    released: existing?.releasedAt != null,
  };
  if (!canReadOthersBallots(viewer, access) || !canDecide(viewer, decisionFacts))
    throw new ForbiddenError({ key: "promotionsCommittee:errors.cannotDecide" });
  const submitted = nomination.composition.voters.filter(
    (id) => nomination.ballots.get(id) != null,
  ).length;
  const refusal = decisionRefusal(facts.rules, {
    problems: nomination.composition.problems.length,
    submitted,
  });
  if (refusal) throw new ConflictError({ key: refusal });
  const criteria = criteriaOf(facts.ladder, nomination.targetLevelId);
  const problems = decisionProblems(input, criteria);
  if (Object.keys(problems).length) return { ok: false, fieldErrors: problems };
  if (existing && input.revision !== existing.revision)
    throw new ConflictError({ key: "promotionsCommittee:errors.decisionChanged" });
  const rationale = JSON.stringify(
    Object.fromEntries(
      criteria.map((criterion) => [
        criterion.id,
        {
          mark: input.marks[criterion.id],
          rationale: (input.rationales[criterion.id] ?? "").trim(),
        },
      ]),
    ),
  );
  const summary = input.summary.trim();
  const now = clock.now();
  await db.$transaction(async (tx) => {
    if (existing) {
      const written = await tx.promotionDecision.updateMany({
        where: { nominationId, revision: existing.revision, releasedAt: null },
        data: {
          outcome: input.outcome,
          rationale,
          summary,
          decidedById: viewer.id,
          decidedAt: now,
          revision: { increment: 1 },
        },
      });
      if (written.count !== 1)
        throw new ConflictError({ key: "promotionsCommittee:errors.decisionChanged" });
    } else {
      await tx.promotionDecision.create({
        data: {
          nominationId,
          outcome: input.outcome,
          rationale,
          summary,
          decidedById: viewer.id,
          decidedAt: now,
        },
      });
      await tx.promotionNomination.update({
        where: { id: nominationId },
        data: { state: "decided", revision: { increment: 1 } },
      });
    }
    await recordPromotionEvent(tx, {
      windowId,
      nominationId,
      actorId: viewer.id,
      kind: "decision",
      change: {
        outcome: [existing?.outcome ?? null, input.outcome],
        summary: [existing?.summary ?? null, summary],
        rationale: [existing ? JSON.parse(existing.rationale) : null, JSON.parse(rationale)],
      },
      at: now,
    });
  });
  return { ok: true };
}

/** A voter's dissent from the decision on a nominee, recorded once beside it. */
export async function recordDissent(
  viewer: Viewer,
  windowId: string,
  nominationId: string,
  text: string,
): Promise<void> {
  const facts = await loadWindowFacts(windowId);
  const { access } = requireCommitteeNomination(facts, viewer, nominationId);
  if (!canDissent(access))
    throw new ForbiddenError({ key: "promotionsCommittee:errors.cannotDissent" });
  const refused = freeTextProblem(text);
  if (refused) throw new InvalidError(refused);
  const trimmed = text.trim();
  if (!trimmed) throw new InvalidError({ key: "promotionsCommittee:errors.dissentNeeded" });
  if (trimmed.length > MAX_RATIONALE)
    throw new InvalidError({ key: "promotionsCommittee:errors.rationaleTooLong" });
  const taken = await db.promotionDissent.findUnique({
    where: { nominationId_memberId: { nominationId, memberId: viewer.id } },
    select: { id: true },
  });
  if (taken) throw new ConflictError({ key: "promotionsCommittee:errors.dissentRecorded" });
  await db.$transaction(async (tx) => {
    await tx.promotionDissent.create({
      data: { nominationId, memberId: viewer.id, text: trimmed },
    });
    await recordPromotionEvent(tx, {
      windowId,
      nominationId,
      actorId: viewer.id,
      kind: "dissent",
      change: { dissent: [null, trimmed] },
    });
  });
}

/**
 * The first window the nominee may be nominated into again after a "not yet", by the settings of the
 * window's ladder (else the organisation's). The ladder's other windows are read whole (a ladder has
 * a few a year): which of them come after this one, and in what order, is `nextWindowFor`'s to say.
 */
async function nextWindowOf(
  facts: WindowFacts,
): Promise<{ id: string; name: string; nominationsOpenOn: Date } | null> {
  const [settings, later] = await Promise.all([
    db.promotionSettings.findMany({
      where: { scope: { in: [facts.window.ladderId, ""] } },
      select: { scope: true, waitWindowsAfterNotYet: true },
    }),
    db.promotionWindow.findMany({
      where: { ladderId: facts.window.ladderId, id: { not: facts.window.id } },
      select: { id: true, name: true, nominationsOpenOn: true },
    }),
  ]);
  const wait =
    (
      settings.find((entry) => entry.scope === facts.window.ladderId) ??
      settings.find((entry) => entry.scope === "")
    )?.waitWindowsAfterNotYet ?? 0;
  return nextWindowFor(later, facts.window.nominationsCloseOn, wait);
}

/**
 * Releases the decision on a nominee to them: from now they and their manager chain read it. A
 * promotion whose effective day has come takes effect with the release; a later one on that day.
 */
export async function releaseDecision(
  viewer: Viewer,
  windowId: string,
  nominationId: string,
  now = clock.now(),
): Promise<void> {
  const facts = await loadWindowFacts(windowId);
  const { access } = requireCommitteeNomination(facts, viewer, nominationId);
  const decision = await db.promotionDecision.findUnique({
    where: { nominationId },
    select: { outcome: true, releasedAt: true },
  });
  if (
    !canReadOthersBallots(viewer, access) ||
    !canRelease(viewer, {
      state: facts.window.state,
      isChair: access.isChair,
      decided: decision !== null,
      released: decision?.releasedAt != null,
    })
  ) {
    throw new ForbiddenError({ key: "promotionsCommittee:errors.cannotRelease" });
  }
  const next = decision?.outcome === "not-yet" ? await nextWindowOf(facts) : null;
  await db.$transaction(async (tx) => {
    const written = await tx.promotionDecision.updateMany({
      where: { nominationId, releasedAt: null },
      data: {
        releasedAt: now,
        releasedById: viewer.id,
        nextWindowId: next?.id ?? null,
        revision: { increment: 1 },
      },
    });
    if (written.count !== 1)
      throw new ConflictError({ key: "promotionsCommittee:errors.releasedMeanwhile" });
    await recordPromotionEvent(tx, {
      windowId,
      nominationId,
      actorId: viewer.id,
      kind: "release",
      change: { released: [false, true] },
      at: now,
    });
  });
  await applyDuePromotionDecisions(now);
}

/**
 * Promotions decided by committees that have taken effect: released, and the window's effective day
 * come. Each is applied once (claimed by appliedAt), so any server may run it at any time; a person
 * whose level changed some other way since the nomination keeps it, and the event says so.
 */
export async function applyDuePromotionDecisions(now = clock.now()): Promise<number> {
  const due = await db.promotionDecision.findMany({
    where: {
      outcome: "promote",
      appliedAt: null,
      releasedAt: { not: null, lte: now },
      nomination: { window: { effectiveOn: { lte: now } } },
    },
    select: {
      nominationId: true,
      releasedById: true,
      nomination: {
        select: {
          nomineeId: true,
          levelId: true,
          targetLevelId: true,
          targetTrackId: true,
          windowId: true,
          window: { select: { ladderVersionId: true, ladderId: true, effectiveOn: true } },
        },
      },
      releasedAt: true,
    },
  });
  let applied = 0;
  for (const decision of due) {
    const { nomination } = decision;
    const ladder = await requireLadderOfVersion(nomination.window.ladderVersionId);
    const effective = takesEffectOn(nomination.window.effectiveOn, decision.releasedAt!);
    await db.$transaction(async (tx) => {
      const claimed = await tx.promotionDecision.updateMany({
        where: { nominationId: decision.nominationId, appliedAt: null },
        data: { appliedAt: effective },
      });
      if (claimed.count !== 1) return;
      const result = await applyPromotion(tx, {
        personId: nomination.nomineeId,
        decidedFromLevelId: nomination.levelId,
        ladder,
        targetLevelId: nomination.targetLevelId,
        effectiveAt: effective,
        actorId: decision.releasedById,
        source: { promotionWindowId: nomination.windowId },
        now,
      });
      if (result.applied) applied += 1;
      await recordPromotionEvent(tx, {
        windowId: nomination.windowId,
        nominationId: decision.nominationId,
        actorId: decision.releasedById,
        kind: "apply",
        change: {
          level: [result.from.level, result.applied ? nomination.targetLevelId : result.from.level],
        },
        reason: result.applied
          ? null
          : "Not applied: the person's level changed after the nomination.",
        at: now,
      });
    });
  }
  return applied;
}

export type AnswerPage = {
  nomination: { id: string; windowName: string; target: string };
  nomineeId: string;
  nominee: string;
  /** Null until the decision is released to the viewer (for the nominee and their managers), whether or not one is recorded. */
  decision: {
    outcome: Outcome;
    summary: string;
    releasedAt: Date | null;
    takesEffectOn: Date | null;
    criteria: {
      id: string;
      name: string;
      expectations: string[];
      mark: Mark | null;
      rationale: string;
    }[];
    /** For "not yet": the criteria not met, what would change the answer. */
    unmet: { id: string; name: string }[];
    nextWindow: { name: string; opensOn: Date } | null;
  } | null;
  canPlan: boolean;
};

async function answerFacts(viewer: Viewer, nominationId: string) {
  const nomination = await db.promotionNomination.findUnique({
    where: { id: nominationId },
    select: {
      id: true,
      nomineeId: true,
      targetLevelId: true,
      window: {
        select: {
          id: true,
          name: true,
          ladderVersionId: true,
          effectiveOn: true,
          members: { where: { personId: viewer.id }, select: { personId: true } },
        },
      },
      decision: {
        select: {
          outcome: true,
          summary: true,
          rationale: true,
          releasedAt: true,
          nextWindowId: true,
          readAt: true,
        },
      },
    },
  });
  if (!nomination) throw new NotFoundError();
  const chain = await managerChain(nomination.nomineeId);
  const isMember = nomination.window.members.length > 0;
  if (!canReadAnswerPage(viewer, { nomineeId: nomination.nomineeId, managerChain: chain }))
    throw new NotFoundError();
  const released = nomination.decision?.releasedAt != null;
  const readable =
    nomination.decision !== null &&
    canReadDecision(viewer, {
      nomineeId: nomination.nomineeId,
      managerChain: chain,
      isMember,
      released,
    });
  return { nomination, readable, released };
}

/** The nominee's answer: the decision, its rationale per criterion, and for "not yet" what would change it and when they may be nominated again. */
export async function answerPage(
  viewer: Viewer,
  nominationId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<AnswerPage> {
  const { nomination, readable, released } = await answerFacts(viewer, nominationId);
  const ladder = (await requireLadderOfVersionIn(nomination.window.ladderVersionId, language))
    .ladder;
  const nominee = await db.user.findUnique({
    where: { id: nomination.nomineeId },
    select: { name: true },
  });
  const decision = readable ? nomination.decision! : null;
  let shown: AnswerPage["decision"] = null;
  if (decision && isOutcome(decision.outcome)) {
    const rationale = parseRationale(decision.rationale);
    const criteria = criteriaOf(ladder, nomination.targetLevelId).map((criterion) => ({
      ...criterion,
      mark: rationale[criterion.id]?.mark ?? null,
      rationale: rationale[criterion.id]?.rationale ?? "",
    }));
    const next =
      decision.outcome === "not-yet" && decision.nextWindowId
        ? await db.promotionWindow.findUnique({
            where: { id: decision.nextWindowId },
            select: { name: true, nominationsOpenOn: true },
          })
        : null;
    shown = {
      outcome: decision.outcome,
      summary: decision.summary,
      releasedAt: decision.releasedAt,
      takesEffectOn:
        decision.outcome === "promote" && decision.releasedAt
          ? takesEffectOn(nomination.window.effectiveOn, decision.releasedAt)
          : null,
      criteria,
      unmet:
        decision.outcome === "not-yet"
          ? criteria
              .filter((criterion) => criterion.mark !== "met")
              .map(({ id, name }) => ({ id, name }))
          : [],
      nextWindow: next ? { name: next.name, opensOn: next.nominationsOpenOn } : null,
    };
    if (viewer.id === nomination.nomineeId && released && !decision.readAt) {
      await db.promotionDecision.updateMany({
        where: { nominationId, readAt: null },
        data: { readAt: clock.now() },
      });
    }
  }
  return {
    nomination: {
      id: nomination.id,
      windowName: nomination.window.name,
      target: getLevel(ladder, nomination.targetLevelId)?.title ?? nomination.targetLevelId,
    },
    nomineeId: nomination.nomineeId,
    nominee: nominee?.name ?? "",
    decision: shown,
    canPlan:
      shown !== null &&
      canPlanFromAnswer(viewer, {
        nomineeId: nomination.nomineeId,
        released,
        outcome: shown.outcome,
      }),
  };
}

/**
 * What "put these into my growth plan" saves: the nominee's plan towards the target level, with the
 * criteria not met as its focus (as many as a plan holds). The growth module saves it.
 */
export async function planFromAnswer(
  viewer: Viewer,
  nominationId: string,
  maxFocus: number,
): Promise<{ personId: string; target: string; focus: string[] }> {
  const page = await answerPage(viewer, nominationId);
  if (!page.canPlan || !page.decision)
    throw new ForbiddenError({ key: "promotionsCommittee:errors.cannotPlan" });
  const nomination = await db.promotionNomination.findUniqueOrThrow({
    where: { id: nominationId },
    select: { nomineeId: true, targetLevelId: true },
  });
  return {
    personId: nomination.nomineeId,
    target: nomination.targetLevelId,
    focus: page.decision.unmet.slice(0, maxFocus).map((criterion) => criterion.id),
  };
}

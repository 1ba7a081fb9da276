import { LARGE_WRITE } from "~/db/transactions";
import { z } from "zod";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { ViewCache } from "~/platform/view-cache.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import type { Ladder } from "~/modules/ladders";
import { personTimeZone } from "~/modules/time-zones.server";
import {
  buildMatchingInput,
  type LeftOut,
  type ParticipantFacts,
  type ProgrammeSettings,
} from "./inputs";
import {
  KEPT_STATUSES,
  isPairStatus,
  PAIR_STATUSES,
  type PairStatus,
  type Role,
} from "./lifecycle";
import { matchProgramme, rerunForUnpaired } from "./matching";
import { previewWeights } from "./preview";
import { requireProgrammeAdmin, storedIds, type Programme } from "./programmes.server";
import { matchingVersion, menteeReviews, reviewsOf } from "./queries.server";
import {
  HARD_RULES,
  type FactorExplanation,
  type FitWeights,
  type MatchingSummary,
  type Objective,
  type PairRef,
  type RejectedPin,
  type UnpairedMentee,
} from "./types";
import * as clock from "~/platform/clock.server";
import { messageText, type Message } from "~/i18n/messages";

/**
 * Matching a programme through the pure core (matching.ts): gathering its people's facts, running
 * the matching or a rerun for the unpaired, pins and forbids, publishing, and the weights preview.
 */

const settingsOf = (programme: Programme): ProgrammeSettings => ({
  maxMenteesPerMentor: programme.maxMenteesPerMentor,
  allowRepeatPairs: programme.allowRepeatPairs,
  crossTeamOnly: programme.crossTeamOnly,
  maxTimeZoneHours: programme.maxTimeZoneHours,
  weightGoals: programme.weightGoals,
  weightCrossTeam: programme.weightCrossTeam,
  weightLevel: programme.weightLevel,
});

/** The settings a run used, to tell whether they changed since. */
const settingsKey = (programme: Programme) => JSON.stringify(settingsOf(programme));

type Facts = {
  participants: ParticipantFacts[];
  pastPairs: PairRef[];
  pins: PairRef[];
  forbids: PairRef[];
  /** Pairs that hold their place (offered, active or ended: published, or requested and accepted), the newest first. */
  kept: (PairRef & { status: string; source: string })[];
  declined: PairRef[];
  /** The rank of each accepted request, by `menteeId mentorId`. */
  requestRanks: Map<string, number>;
};

const pairKey = (pair: PairRef) => `${pair.menteeId} ${pair.mentorId}`;

/**
 * Everything matching needs about a programme's people, in six statements however many there are.
 * With `menteeIds`, only those mentees (and every mentor): what a request is checked against.
 */
async function matchingFacts(programme: Programme, menteeIds?: readonly string[]): Promise<Facts> {
  const scoped = menteeIds ? [...menteeIds] : null;
  const [optIns, reviews, pastPairs, rules, published, requests] = await Promise.all([
    db.mentorshipParticipant.findMany({
      where: {
        programmeId: programme.id,
        user: { deactivatedAt: null },
        ...(scoped ? { OR: [{ role: "mentor" }, { role: "mentee", userId: { in: scoped } }] } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        userId: true,
        role: true,
        capacity: true,
        competencies: true,
        user: {
          select: {
            teamId: true,
            timeZone: true,
            linePath: true,
            level: true,
            growthPlan: { select: { targetLevelId: true } },
          },
        },
      },
    }),
    scoped ? reviewsOf(scoped) : menteeReviews(programme.id),
    db.mentorshipPair.findMany({
      where: {
        programmeId: { not: programme.id },
        activeSince: { not: null },
        ...(scoped
          ? { menteeId: { in: scoped } }
          : {
              mentee: {
                mentorshipParticipations: { some: { programmeId: programme.id, role: "mentee" } },
              },
            }),
      },
      select: { menteeId: true, mentorId: true },
    }),
    db.mentorshipPairRule.findMany({
      where: { programmeId: programme.id, ...(scoped ? { menteeId: { in: scoped } } : {}) },
      orderBy: { createdAt: "asc" },
      select: { menteeId: true, mentorId: true, kind: true },
    }),
    db.mentorshipPair.findMany({
      where: {
        programmeId: programme.id,
        status: { in: [...KEPT_STATUSES, "declined"] },
        ...(scoped ? { menteeId: { in: scoped } } : {}),
      },
      orderBy: [{ offeredAt: "desc" }, { id: "desc" }],
      select: { menteeId: true, mentorId: true, status: true, source: true },
    }),
    db.mentorshipRequest.findMany({
      where: {
        programmeId: programme.id,
        state: { in: ["accepted", "declined"] },
        ...(scoped ? { menteeId: { in: scoped } } : {}),
      },
      select: { menteeId: true, mentorId: true, rank: true, state: true },
    }),
  ]);
  const participants = optIns.map((optIn) => ({
    userId: optIn.userId,
    role: (optIn.role === "mentor" ? "mentor" : "mentee") as Role,
    timeZone: personTimeZone(optIn.user.timeZone),
    capacity: optIn.capacity,
    competencies: storedIds(optIn.competencies),
    teamId: optIn.user.teamId,
    linePath: optIn.user.linePath,
    levelId: optIn.user.level,
    growthPlanTarget: optIn.user.growthPlan?.targetLevelId ?? null,
    review: reviews.get(optIn.userId) ?? null,
  }));
  return {
    participants,
    pastPairs: pastPairs.map(ref),
    pins: rules.filter((rule) => rule.kind === "pin").map(ref),
    // A mentor who declined a mentee's request is not proposed to them either.
    forbids: [
      ...rules.filter((rule) => rule.kind === "forbid"),
      ...requests.filter((request) => request.state === "declined"),
    ].map(ref),
    kept: published.filter((pair) => pair.status !== "declined"),
    declined: published.filter((pair) => pair.status === "declined").map(ref),
    requestRanks: new Map(
      requests
        .filter((request) => request.state === "accepted")
        .map((request) => [pairKey(request), request.rank]),
    ),
  };
}

const ref = ({ menteeId, mentorId }: PairRef) => ({ menteeId, mentorId });
const samePair = (a: PairRef, b: PairRef) => a.menteeId === b.menteeId && a.mentorId === b.mentorId;

/**
 * The matching's input for the programme as it stands. Pairs that hold their place are fixed:
 * requested and accepted ones in every run (as `requested`), and once pairs are published the
 * published ones (offered, active or ended), returned for a rerun. Pins they already satisfy are
 * dropped, and declined pairs and requests are forbidden so they are not offered again.
 */
async function programmeInput(
  programme: Programme,
  ladder: Ladder,
  options: { objective: Objective; fairness: boolean },
) {
  const facts = await matchingFacts(programme);
  const rerun = programme.phase === "published";
  const { input, leftOut } = buildMatchingInput({
    ladder,
    settings: settingsOf(programme),
    days: { startsOn: programme.startsOn, endsOn: programme.endsOn },
    participants: facts.participants,
    pastPairs: facts.pastPairs,
    pins: facts.pins.filter((pin) => !facts.kept.some((pair) => samePair(pair, pin))),
    forbids: [...facts.forbids, ...facts.declined],
    objective: options.objective,
    fairness: options.fairness,
  });
  const menteeIds = new Set(input.mentees.map((mentee) => mentee.id));
  const mentorIds = new Set(input.mentors.map((mentor) => mentor.id));
  // A kept pair whose mentee or mentor has since left (deactivated) no longer holds a slot.
  // A mentee whose mentor left was offered someone new, and the old pair ended: one pair a mentee,
  // the live one before an ended one, the newest first.
  const present = facts.kept.filter(
    (pair) => menteeIds.has(pair.menteeId) && mentorIds.has(pair.mentorId),
  );
  const live = (pair: { status: string }) => pair.status !== "ended";
  const onePerMentee = new Map<string, (typeof present)[number]>();
  for (const pair of [...present.filter(live), ...present.filter((pair) => !live(pair))])
    if (!onePerMentee.has(pair.menteeId)) onePerMentee.set(pair.menteeId, pair);
  const fixed = [...onePerMentee.values()];
  input.requested = fixed
    .filter((pair) => pair.source === "requested")
    .map((pair) => ({ ...ref(pair), rank: facts.requestRanks.get(pairKey(pair)) ?? 0 }));
  const kept = rerun ? fixed.filter((pair) => pair.source !== "requested").map(ref) : [];
  return {
    input,
    leftOut,
    rerun,
    kept,
    rules: facts.pins.length + facts.forbids.length,
    participants: facts.participants.length,
  };
}

/**
 * The matching's input for some mentees and every mentor of the programme, with its rules
 * (forbids and declined requests included): what a mentee's requests are checked against.
 */
export async function menteesInput(
  programme: Programme,
  ladder: Ladder,
  menteeIds: readonly string[],
) {
  const facts = await matchingFacts(programme, menteeIds);
  return buildMatchingInput({
    ladder,
    settings: settingsOf(programme),
    days: { startsOn: programme.startsOn, endsOn: programme.endsOn },
    participants: facts.participants,
    pastPairs: facts.pastPairs,
    pins: [],
    forbids: [...facts.forbids, ...facts.declined],
    objective: programme.objective,
    fairness: false,
  });
}

function requireLadderServed(ladder: Ladder | undefined): Ladder {
  if (!ladder) throw new InvalidError({ key: "mentorship:matching.errors.ladderNotServed" });
  return ladder;
}

/** What a run records besides the matching's own summary: who was left out, and the state it saw. */
type RunSummary = MatchingSummary & {
  leftOut: LeftOut[];
  settings: string;
  participants: number;
  rules: number;
};

/**
 * Runs the matching with the programme's rules, pins and forbids, and keeps its proposed pairs
 * for review, replacing the last run's. Before pairs are published it matches everyone; after,
 * it reruns for the unpaired only, keeping every published pair that was not declined.
 */
export async function runMatching(
  actor: Viewer,
  programmeId: string,
  options: { objective: Objective; fairness: boolean },
  now = clock.now(),
): Promise<{ runId: string }> {
  const { programme, ladder } = await requireProgrammeAdmin(actor, programmeId, now);
  if (programme.phase === "closed")
    throw new InvalidError({ key: "mentorship:matching.errors.closedNoRun" });
  const prepared = await programmeInput(programme, requireLadderServed(ladder), options);
  const result = prepared.rerun
    ? rerunForUnpaired(prepared.input, prepared.kept)
    : matchProgramme(prepared.input);
  const summary: RunSummary = {
    ...result.summary,
    leftOut: prepared.leftOut,
    settings: settingsKey(programme),
    participants: prepared.participants,
    rules: prepared.rules,
  };
  const runId = await db.$transaction(async (tx) => {
    // Written first: on PostgreSQL the row lock makes a second admin's run wait for this one and then replace its pairs.
    await tx.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { objective: options.objective, fairness: options.fairness },
    });
    await tx.mentorshipPair.deleteMany({ where: { programmeId, status: "proposed" } });
    const run = await tx.mentorshipRun.create({
      data: {
        programmeId,
        kind: prepared.rerun ? "rerun" : "initial",
        objective: options.objective,
        fairness: options.fairness,
        summary: JSON.stringify(summary),
        unpaired: JSON.stringify(result.unpaired),
        rejectedPins: JSON.stringify(result.rejectedPins),
        createdAt: now,
      },
      select: { id: true },
    });
    // Kept and requested pairs are rows already.
    const proposed = result.pairs.filter(
      (pair) => pair.source === "proposed" || pair.source === "pinned",
    );
    await tx.mentorshipPair.createMany({
      data: proposed.map((pair) => ({
        programmeId,
        runId: run.id,
        menteeId: pair.menteeId,
        mentorId: pair.mentorId,
        status: "proposed",
        source: pair.source,
        fit: pair.fit,
        factors: JSON.stringify(pair.factors),
      })),
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "mentorship.matching_run",
      subjectType: "MentorshipProgramme",
      subjectId: programmeId,
      detail: {
        name: programme.name,
        kind: prepared.rerun ? "rerun" : "initial",
        objective: options.objective,
        fairness: options.fairness,
        proposed: proposed.length,
        unpaired: result.unpaired.length,
      },
    });
    return run.id;
  }, LARGE_WRITE);
  return { runId };
}

// A factor's text is a message; pairs saved before explanations were messages keep their English sentence.
const storedText = z.union([
  z.string(),
  z
    .object({ key: z.string(), values: z.record(z.string(), z.unknown()).optional() })
    .transform((said) => said as Message),
]);
const factorsSchema = z.array(
  z.object({
    factor: z.enum(["goals", "cross-team", "level"]),
    raw: z.number(),
    weight: z.number(),
    contribution: z.number(),
    text: storedText,
  }),
);

/** A pair's stored explanation, factor by factor: what it says and the figures behind it. */
export function storedFactors(text: string): {
  factor: FactorExplanation["factor"];
  text: Message | string;
  figures: { raw: number; weight: number; contribution: number };
}[] {
  try {
    const parsed = factorsSchema.safeParse(JSON.parse(text));
    return parsed.success
      ? parsed.data.map(({ factor, text, raw, weight, contribution }) => ({
          factor,
          text,
          figures: { raw, weight, contribution },
        }))
      : [];
  } catch {
    return [];
  }
}

function storedJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const PAIRS_PAGE_SIZE = 25;

export type MatchingPageOptions = { status: PairStatus | ""; page: number; unpairedPage: number };

/**
 * The admin's review of a programme's matching: the last run (its summary, who is unpaired and
 * why, pins it could not apply, whether anything changed since), the pairs of one status a page
 * at a time with their explanations, and the pins and forbids. A page reads the run and one page
 * of pairs, however many pairs there are.
 */
export async function matchingPage(
  viewer: Viewer,
  programmeId: string,
  options: MatchingPageOptions,
  now = clock.now(),
) {
  const { programme, ladder } = await requireProgrammeAdmin(viewer, programmeId, now);
  // What the page reads depends on the programme's phase and settings besides its rows.
  const key = [
    programme.id,
    programme.phase,
    settingsKey(programme),
    options.status,
    options.page,
    options.unpairedPage,
    await matchingVersion(programme.id),
  ].join("\u0000");
  const view = await matchingViews.get(key, () => readMatchingView(programme, options));
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      phase: programme.phase,
      objective: programme.objective,
      fairness: programme.fairness,
    },
    ladderServed: ladder !== undefined,
    ...view,
    canRun: programme.phase !== "closed",
    canPublish: programme.phase !== "closed" && view.byStatus.proposed > 0,
  };
}

/**
 * The matching page's reads, kept per programme, page and version of every row they read
 * (matchingVersion), as the programme report keeps its inputs (decision 049): an admin reviewing
 * pairs opens page after page of the same run.
 */
const matchingViews = new ViewCache<Awaited<ReturnType<typeof readMatchingView>>>({
  entries: 64,
  maxAgeMs: 10 * 60 * 1000,
});

async function readMatchingView(programme: Programme, options: MatchingPageOptions) {
  const programmeId = programme.id;
  const [run, counts, rules, participants, lastOptIn, declinedSince] = await Promise.all([
    db.mentorshipRun.findFirst({
      where: { programmeId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        kind: true,
        objective: true,
        fairness: true,
        summary: true,
        unpaired: true,
        rejectedPins: true,
        createdAt: true,
      },
    }),
    db.mentorshipPair.groupBy({ by: ["status"], where: { programmeId }, _count: { _all: true } }),
    db.mentorshipPairRule.findMany({
      where: { programmeId },
      orderBy: { createdAt: "asc" },
      select: {
        kind: true,
        menteeId: true,
        mentorId: true,
        createdAt: true,
        mentee: { select: { name: true } },
        mentor: { select: { name: true } },
      },
    }),
    db.mentorshipParticipant.groupBy({
      by: ["role"],
      where: { programmeId },
      _count: { _all: true },
      _sum: { capacity: true },
    }),
    db.mentorshipParticipant.aggregate({ where: { programmeId }, _max: { updatedAt: true } }),
    db.mentorshipPair.count({ where: { programmeId, status: "declined" } }),
  ]);
  const byStatus = Object.fromEntries(
    PAIR_STATUSES.map((status) => [
      status,
      counts.find((group) => group.status === status)?._count._all ?? 0,
    ]),
  ) as Record<PairStatus, number>;
  const status: PairStatus =
    options.status ||
    (byStatus.proposed > 0 || programme.phase !== "published" ? "proposed" : "offered");
  const total = byStatus[status];
  const pages = Math.max(1, Math.ceil(total / PAIRS_PAGE_SIZE));
  const page = Math.min(options.page, pages);
  const pairRows = await db.mentorshipPair.findMany({
    where: { programmeId, status },
    orderBy: [{ mentee: { name: "asc" } }, { id: "asc" }],
    skip: (page - 1) * PAIRS_PAGE_SIZE,
    take: PAIRS_PAGE_SIZE,
    select: {
      id: true,
      menteeId: true,
      mentorId: true,
      status: true,
      source: true,
      fit: true,
      factors: true,
      menteeAnswer: true,
      mentorAnswer: true,
      declineReason: true,
      mentee: { select: { name: true } },
      mentor: { select: { name: true } },
    },
  });
  const ruleOf = (pair: PairRef) => rules.find((rule) => samePair(rule, pair))?.kind ?? null;
  const requested = pairRows.filter((pair) => pair.source === "requested");
  const ranks = requested.length
    ? await db.mentorshipRequest.findMany({
        where: {
          programmeId,
          state: "accepted",
          menteeId: { in: requested.map((pair) => pair.menteeId) },
        },
        select: { menteeId: true, mentorId: true, rank: true },
      })
    : [];
  const rankOf = (pair: PairRef) => ranks.find((request) => samePair(request, pair))?.rank ?? null;
  const pairs = pairRows.map((pair) => ({
    id: pair.id,
    menteeId: pair.menteeId,
    mentorId: pair.mentorId,
    menteeName: pair.mentee.name,
    mentorName: pair.mentor.name,
    status: pair.status,
    source: pair.source,
    rank: rankOf(pair),
    fit: pair.fit,
    // Each factor's message as one string (FactorList words it alike): as a tree of messages, the
    // page's 25 pairs carried some 600 values more for the framework to encode and the browser to read.
    factors: storedFactors(pair.factors).map((factor) => ({
      ...factor,
      text: typeof factor.text === "string" ? factor.text : messageText(factor.text),
    })),
    menteeAnswer: pair.menteeAnswer,
    mentorAnswer: pair.mentorAnswer,
    declineReason: pair.declineReason,
    rule: ruleOf(pair),
  }));

  let lastRun = null;
  if (run) {
    const summary = storedJson<RunSummary | null>(run.summary, null);
    const unpaired = storedJson<UnpairedMentee[]>(run.unpaired, []);
    const rejectedPins = storedJson<RejectedPin[]>(run.rejectedPins, []);
    const unpairedPages = Math.max(1, Math.ceil(unpaired.length / PAIRS_PAGE_SIZE));
    const unpairedPage = Math.min(options.unpairedPage, unpairedPages);
    const shownUnpaired = unpaired.slice(
      (unpairedPage - 1) * PAIRS_PAGE_SIZE,
      unpairedPage * PAIRS_PAGE_SIZE,
    );
    const leftOut = summary?.leftOut ?? [];
    const named = await db.user.findMany({
      where: {
        id: {
          in: [
            ...new Set([
              ...shownUnpaired.map((row) => row.menteeId),
              ...leftOut.map((row) => row.userId),
              ...rejectedPins.flatMap((pin) => [pin.menteeId, pin.mentorId]),
            ]),
          ],
        },
      },
      select: { id: true, name: true },
    });
    // Null for someone deleted since the run: the page says so in the viewer's language.
    const nameOf = (id: string) => named.find((person) => person.id === id)?.name ?? null;
    const requestsSince = await db.mentorshipRequest.count({
      where: { programmeId, state: "accepted", answeredAt: { gt: run.createdAt } },
    });
    const participantsNow = participants.reduce((sum, group) => sum + group._count._all, 0);
    // What changed since the run, each a word of the page's (mentorship's `matching.changes`).
    const seen: (RunChange | null)[] = [
      lastOptIn._max.updatedAt && lastOptIn._max.updatedAt > run.createdAt ? "optIns" : null,
      summary && summary.participants !== participantsNow ? "participants" : null,
      summary && summary.settings !== settingsKey(programme) ? "settings" : null,
      summary &&
      (summary.rules !== rules.length || rules.some((rule) => rule.createdAt > run.createdAt))
        ? "rules"
        : null,
      programme.phase === "published" && summary && declinedSince > 0 && byStatus.proposed === 0
        ? "declined"
        : null,
      requestsSince > 0 ? "requests" : null,
    ];
    const changes = seen.filter((change): change is RunChange => change !== null);
    lastRun = {
      kind: run.kind,
      objective: run.objective,
      fairness: run.fairness,
      createdAt: run.createdAt,
      summary,
      changes,
      leftOut: leftOut.map((row) => ({ ...row, name: nameOf(row.userId) })),
      unpaired: {
        total: unpaired.length,
        page: unpairedPage,
        pages: unpairedPages,
        rows: shownUnpaired.map((row) => ({
          ...row,
          name: nameOf(row.menteeId),
          excludedBy: HARD_RULES.map((rule) => ({ rule, count: row.excludedBy[rule] ?? 0 })),
        })),
      },
      rejectedPins: rejectedPins.map((pin) => ({
        ...pin,
        menteeName: nameOf(pin.menteeId),
        mentorName: nameOf(pin.mentorId),
      })),
    };
  }
  const group = (role: Role) => participants.find((row) => row.role === role);
  return {
    mentees: group("mentee")?._count._all ?? 0,
    mentors: group("mentor")?._count._all ?? 0,
    byStatus,
    status,
    pagination: { page, pages, total },
    pairs,
    rules: rules.map((rule) => ({
      kind: rule.kind,
      menteeId: rule.menteeId,
      mentorId: rule.mentorId,
      menteeName: rule.mentee.name,
      mentorName: rule.mentor.name,
    })),
    lastRun,
  };
}

export function parsePairStatus(value: string): PairStatus | "" {
  return isPairStatus(value) ? value : "";
}

/** What changed since a run that it did not take into account. */
export type RunChange = "optIns" | "participants" | "settings" | "rules" | "declined" | "requests";

type RuleFieldErrors = Partial<Record<"menteeEmail" | "mentorEmail" | "form", string[]>>;

async function requireRuleChange(actor: Viewer, programmeId: string, now: Date) {
  const access = await requireProgrammeAdmin(actor, programmeId, now);
  if (access.programme.phase === "closed")
    throw new InvalidError({ key: "mentorship:matching.errors.closedNoRules" });
  return access;
}

/**
 * Pins a pair (the matching must propose it) or forbids it (it must not); a pair is one or the
 * other. Both people must have opted in, in those roles. Takes effect at the next run.
 */
export async function setPairRule(
  actor: Viewer,
  programmeId: string,
  rule: { kind: "pin" | "forbid"; menteeId: string; mentorId: string },
  now = clock.now(),
): Promise<{ ok: true } | { ok: false; fieldErrors: RuleFieldErrors }> {
  const { programme } = await requireRuleChange(actor, programmeId, now);
  if (rule.menteeId === rule.mentorId)
    return { ok: false, fieldErrors: { form: ["mentorship:matching.errors.self"] } };
  const optIns = await db.mentorshipParticipant.findMany({
    where: {
      programmeId,
      OR: [
        { userId: rule.menteeId, role: "mentee" },
        { userId: rule.mentorId, role: "mentor" },
      ],
    },
    select: { userId: true, role: true },
  });
  const fieldErrors: RuleFieldErrors = {};
  if (!optIns.some((optIn) => optIn.userId === rule.menteeId && optIn.role === "mentee"))
    fieldErrors.menteeEmail = ["mentorship:matching.errors.notMentee"];
  if (!optIns.some((optIn) => optIn.userId === rule.mentorId && optIn.role === "mentor"))
    fieldErrors.mentorEmail = ["mentorship:matching.errors.notMentor"];
  if (fieldErrors.menteeEmail || fieldErrors.mentorEmail) return { ok: false, fieldErrors };
  await db.$transaction(async (tx) => {
    const key = {
      programmeId_menteeId_mentorId: {
        programmeId,
        menteeId: rule.menteeId,
        mentorId: rule.mentorId,
      },
    };
    await tx.mentorshipPairRule.upsert({
      where: key,
      create: {
        programmeId,
        menteeId: rule.menteeId,
        mentorId: rule.mentorId,
        kind: rule.kind,
        createdAt: now,
      },
      update: { kind: rule.kind, createdAt: now },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: rule.kind === "pin" ? "mentorship.pair_pinned" : "mentorship.pair_forbidden",
      subjectType: "MentorshipProgramme",
      subjectId: programmeId,
      detail: { name: programme.name, menteeId: rule.menteeId, mentorId: rule.mentorId },
    });
  });
  return { ok: true };
}

/** The same, with the two people named by email (the form for any pair, not only proposed ones). */
export async function setPairRuleByEmail(
  actor: Viewer,
  programmeId: string,
  rule: { kind: "pin" | "forbid"; menteeEmail: string; mentorEmail: string },
  now = clock.now(),
) {
  await requireRuleChange(actor, programmeId, now);
  const people = await db.user.findMany({
    where: { email: { in: [rule.menteeEmail, rule.mentorEmail] } },
    select: { id: true, email: true },
  });
  const idOf = (email: string) => people.find((person) => person.email === email)?.id;
  const menteeId = idOf(rule.menteeEmail);
  const mentorId = idOf(rule.mentorEmail);
  if (!menteeId || !mentorId) {
    return {
      ok: false as const,
      fieldErrors: {
        ...(menteeId ? {} : { menteeEmail: ["mentorship:matching.errors.noSuchEmail"] }),
        ...(mentorId ? {} : { mentorEmail: ["mentorship:matching.errors.noSuchEmail"] }),
      },
    };
  }
  return setPairRule(actor, programmeId, { kind: rule.kind, menteeId, mentorId }, now);
}

export async function removePairRule(
  actor: Viewer,
  programmeId: string,
  pair: PairRef,
  now = clock.now(),
): Promise<void> {
  const { programme } = await requireRuleChange(actor, programmeId, now);
  await db.$transaction(async (tx) => {
    const removed = await tx.mentorshipPairRule.deleteMany({
      where: { programmeId, menteeId: pair.menteeId, mentorId: pair.mentorId },
    });
    if (removed.count === 0)
      throw new NotFoundError({ key: "mentorship:matching.errors.noSuchRule" });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "mentorship.pair_rule_removed",
      subjectType: "MentorshipProgramme",
      subjectId: programmeId,
      detail: { name: programme.name, menteeId: pair.menteeId, mentorId: pair.mentorId },
    });
  });
}

/**
 * Publishes the proposed pairs: each is offered to its mentee and mentor, who accept or decline.
 * The first publication closes opt-ins.
 */
export async function publishPairs(
  actor: Viewer,
  programmeId: string,
  now = clock.now(),
): Promise<{ offered: number }> {
  const { programme } = await requireProgrammeAdmin(actor, programmeId, now);
  if (programme.phase === "closed")
    throw new InvalidError({ key: "mentorship:matching.errors.closedNoPublish" });
  return db.$transaction(async (tx) => {
    const proposed = await tx.mentorshipPair.findMany({
      where: { programmeId, status: "proposed" },
      select: { menteeId: true },
    });
    if (proposed.length === 0)
      throw new InvalidError({ key: "mentorship:matching.errors.nothingToPublish" });
    // A rerun proposes someone new to a mentee with a live pair only when that pair's mentor has left: it ends.
    await tx.mentorshipPair.updateMany({
      where: {
        programmeId,
        status: { in: ["offered", "active"] },
        menteeId: { in: proposed.map((pair) => pair.menteeId) },
      },
      data: {
        status: "ended",
        endedAt: now,
        outcome: "ended-early",
        outcomeNote: "Ended when the mentee was offered a new mentor: this one has left.",
      },
    });
    const offered = await tx.mentorshipPair.updateMany({
      where: { programmeId, status: "proposed" },
      data: { status: "offered", offeredAt: now },
    });
    if (!programme.publishedAt)
      await tx.mentorshipProgramme.update({
        where: { id: programmeId },
        data: { publishedAt: now },
      });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "mentorship.pairs_published",
      subjectType: "MentorshipProgramme",
      subjectId: programmeId,
      detail: { name: programme.name, offered: offered.count },
    });
    return { offered: offered.count };
  }, LARGE_WRITE);
}

const PREVIEW_ROWS = 20;

/**
 * What other weights would change, before anyone saves them: the programme matched with its
 * weights and with the new ones (everyone, as a first run would), the pairs added and removed
 * (the first 20 of each, named) and the totals.
 */
export async function weightsPreview(
  actor: Viewer,
  programmeId: string,
  weights: FitWeights,
  now = clock.now(),
) {
  const { programme, ladder } = await requireProgrammeAdmin(actor, programmeId, now);
  const { input } = await programmeInput(
    { ...programme, phase: "matching" },
    requireLadderServed(ladder),
    { objective: programme.objective, fairness: programme.fairness },
  );
  const { before, after, diff } = previewWeights(input, weights);
  const shown = [...diff.added.slice(0, PREVIEW_ROWS), ...diff.removed.slice(0, PREVIEW_ROWS)];
  const named = await db.user.findMany({
    where: { id: { in: [...new Set(shown.flatMap((pair) => [pair.menteeId, pair.mentorId]))] } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string) => named.find((person) => person.id === id)?.name ?? id;
  const describe = (pair: { menteeId: string; mentorId: string; fit: number }) => ({
    mentee: nameOf(pair.menteeId),
    mentor: nameOf(pair.mentorId),
    fit: pair.fit,
  });
  return {
    weights,
    before: {
      paired: before.summary.paired,
      totalFit: before.summary.totalFit,
      averageFit: before.summary.averageFit,
    },
    after: {
      paired: after.summary.paired,
      totalFit: after.summary.totalFit,
      averageFit: after.summary.averageFit,
    },
    kept: diff.kept.length,
    added: { total: diff.added.length, rows: diff.added.slice(0, PREVIEW_ROWS).map(describe) },
    removed: {
      total: diff.removed.length,
      rows: diff.removed.slice(0, PREVIEW_ROWS).map(describe),
    },
  };
}

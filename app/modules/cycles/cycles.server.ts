import { chunksOf } from "~/db/chunks";
import { ORGANISATION_WRITE } from "~/db/transactions";
import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { getLevel, getTrack, type Ladder } from "~/modules/ladders";
import { ladderForPerson, ladderInLanguage } from "~/modules/ladders/registry.server";
import { ladderOfVersion } from "~/modules/ladders/versions.server";
import { db } from "~/db/client.server";
import { dayToDate } from "~/modules/days";
import { NotFoundError } from "~/modules/errors";
import { listOf, type Message } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { erasedAmong } from "~/modules/people/erased.server";
import { choiceParam, pageParam, textParam } from "~/utils/search-params";
import { joiningHooks } from "./joining.server";
import {
  countStates,
  cycleStatus,
  PARTICIPANT_STATES,
  participantState,
  totalOf,
  type ParticipantState,
  type StateCounts,
} from "./cycle-progress";
import type { Progress } from "~/modules/progress";
import {
  exportRatings,
  participantsPage,
  progressCounts,
  progressVersion,
  submittedPeopleCounts,
  type ParticipantRow,
  type ProgressCount,
} from "./queries.server";
import { refreshParticipant } from "./participant-progress.server";
import { reviewSharingColumns, type ReviewSharingInput } from "./review-sharing";
import { csvRow } from "~/utils/csv";
import {
  cycleExportHeader,
  exportFilename,
  participantRows,
  type ExportAssessment,
  type ExportFeedbackReader,
  type ExportParticipant,
} from "./csv-export";
import * as clock from "~/platform/clock.server";
import { ViewCache } from "~/platform/view-cache.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";

/**
 * Review cycles: opening one (its participants fixed at that moment), following its
 * progress and closing it. Every write records its audit event in the same transaction.
 */

export type OpenCycleInput = {
  name: string;
  /** YYYY-MM-DD, already checked: startsOn <= endsOn. */
  startsOn: string;
  endsOn: string;
  participants: "everyone" | "teams";
  teamIds: string[];
  /** When each person reads their manager's review (review-sharing.ts), already checked; as soon as both are in when left out. */
  sharing?: ReviewSharingInput;
};

export type OpenCycleResult =
  | { ok: true; cycleId: string; participants: number }
  | {
      ok: false;
      fieldErrors: Partial<Record<keyof OpenCycleInput, string[]>>;
      formErrors: string[];
    };

/** A refusal of a change to a cycle, worded by the page that asked for it. */
export type CycleRefusal = { ok: false; message: Message };

const NO_CYCLE: Message = { key: "cycles:errors.noCycle" };

/**
 * Opens a cycle for everyone, or for the chosen teams: every active person with a
 * track and a level (nobody else can be assessed) becomes a participant. The cycle,
 * its participants and the audit event commit together or not at all.
 */
export async function openCycle(actorId: string, input: OpenCycleInput): Promise<OpenCycleResult> {
  const teamIds = input.participants === "teams" ? [...new Set(input.teamIds)] : [];
  const sharing: ReviewSharingInput = input.sharing ?? { reviewsShared: "when-both-submitted" };
  return db.$transaction(async (tx) => {
    const teams = teamIds.length
      ? await tx.team.findMany({
          where: { id: { in: teamIds } },
          select: { id: true, name: true },
        })
      : [];
    if (teams.length !== teamIds.length) {
      return { ok: false, fieldErrors: { teamIds: ["cycles:errors.teamGone"] }, formErrors: [] };
    }
    const people = await tx.user.findMany({
      where: {
        deactivatedAt: null,
        track: { not: null },
        level: { not: null },
        ...(input.participants === "teams" ? { teamId: { in: teamIds } } : {}),
      },
      select: { id: true },
    });
    if (people.length === 0) {
      return {
        ok: false,
        fieldErrors: {},
        formErrors: [
          // Keys, worded where the form shows its errors.
          input.participants === "teams"
            ? "cycles:errors.nobodyInTeams"
            : "cycles:errors.nobodyYet",
        ],
      };
    }
    const cycle = await tx.reviewCycle.create({
      data: {
        name: input.name,
        startsOn: dayToDate(input.startsOn),
        endsOn: dayToDate(input.endsOn),
        createdById: actorId,
        ...reviewSharingColumns(sharing),
      },
      select: { id: true },
    });
    for (const chunk of chunksOf(people))
      await tx.reviewCycleParticipant.createMany({
        data: chunk.map((person) => ({ cycleId: cycle.id, userId: person.id })),
      });
    await recordAuditEvent(tx, {
      actorId,
      action: "cycle.open",
      subjectType: "ReviewCycle",
      subjectId: cycle.id,
      detail: {
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        participants: people.length,
        teams: input.participants === "teams" ? teams.map((team) => team.name).sort() : "everyone",
        reviewsShared: sharing.reviewsShared,
        ...(sharing.reviewsShared === "on-date"
          ? { reviewsSharedOn: sharing.reviewsSharedOn }
          : {}),
      },
    });
    await emitWebhookEvents(tx, [
      {
        kind: "cycle.opened",
        cycle: {
          id: cycle.id,
          name: input.name,
          startsOn: dayToDate(input.startsOn),
          endsOn: dayToDate(input.endsOn),
        },
      },
    ]);
    return { ok: true, cycleId: cycle.id, participants: people.length };
  }, ORGANISATION_WRITE);
}

/**
 * Sets when each person of the cycle reads their manager's review. Allowed on a closed cycle too: a
 * cycle that waits for calibration is often closed before its outcomes are released.
 */
export async function setReviewSharing(
  actorId: string,
  cycleId: string,
  input: ReviewSharingInput,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const cycle = await tx.reviewCycle.findUnique({
      where: { id: cycleId },
      select: { name: true },
    });
    if (!cycle) throw new NotFoundError(NO_CYCLE);
    const columns = reviewSharingColumns(input);
    await tx.reviewCycle.update({ where: { id: cycleId }, data: columns });
    await recordAuditEvent(tx, {
      actorId,
      action: "cycle.review_sharing_set",
      subjectType: "ReviewCycle",
      subjectId: cycleId,
      detail: {
        name: cycle.name,
        reviewsShared: columns.reviewsShared,
        ...(input.reviewsShared === "on-date" ? { reviewsSharedOn: input.reviewsSharedOn } : {}),
      },
    });
  });
}

/** Closes an open cycle: from then on nobody starts a draft in it. */
export async function closeCycle(
  actorId: string,
  cycleId: string,
): Promise<{ ok: true } | CycleRefusal> {
  return db.$transaction(async (tx) => {
    const cycle = await tx.reviewCycle.findUnique({
      where: { id: cycleId },
      select: { name: true, closedAt: true },
    });
    if (!cycle) throw new NotFoundError(NO_CYCLE);
    const closedAt = clock.now();
    const closed = await tx.reviewCycle.updateMany({
      where: { id: cycleId, closedAt: null },
      data: { closedAt },
    });
    if (closed.count === 0) return { ok: false, message: { key: "cycles:errors.alreadyClosed" } };
    await recordAuditEvent(tx, {
      actorId,
      action: "cycle.close",
      subjectType: "ReviewCycle",
      subjectId: cycleId,
      detail: { name: cycle.name },
    });
    await emitWebhookEvents(
      tx,
      [{ kind: "cycle.closed", cycle: { id: cycleId, name: cycle.name, closedAt } }],
      closedAt,
    );
    return { ok: true };
  });
}

/**
 * Adds people to an open cycle by email (a new joiner, someone whose team was left out): each must
 * be active with a track and a level, as at the opening. All or nothing, audited; those already in
 * are left as they are. A manager who joins a cycle that asks for upward feedback has their reports
 * asked about them.
 */
export async function addParticipants(
  actorId: string,
  cycleId: string,
  emails: readonly string[],
): Promise<{ ok: true; added: number } | CycleRefusal> {
  const wanted = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return { ok: false, message: { key: "cycles:errors.noEmail" } };
  return db.$transaction(async (tx): Promise<{ ok: true; added: number } | CycleRefusal> => {
    const cycle = await tx.reviewCycle.findUnique({
      where: { id: cycleId },
      select: { name: true, closedAt: true },
    });
    if (!cycle) throw new NotFoundError(NO_CYCLE);
    if (cycle.closedAt) return { ok: false, message: { key: "cycles:errors.closedNoJoining" } };
    const people = await tx.user.findMany({
      where: { email: { in: wanted } },
      select: { id: true, name: true, email: true, deactivatedAt: true, track: true, level: true },
    });
    const unknown = wanted.filter((email) => !people.some((person) => person.email === email));
    if (unknown.length)
      return {
        ok: false,
        message: {
          key: "cycles:errors.unknownEmails",
          values: { count: unknown.length, emails: listOf(unknown) },
        },
      };
    const unable = people.filter(
      (person) => person.deactivatedAt || !person.track || !person.level,
    );
    if (unable.length)
      return {
        ok: false,
        message: {
          key: "cycles:errors.cannotTakePart",
          values: { names: listOf(unable.map((person) => person.name)) },
        },
      };
    const already = new Set(
      (
        await tx.reviewCycleParticipant.findMany({
          where: { cycleId, userId: { in: people.map((person) => person.id) } },
          select: { userId: true },
        })
      ).map((row) => row.userId),
    );
    const joining = people.filter((person) => !already.has(person.id));
    if (joining.length === 0) return { ok: false, message: { key: "cycles:errors.allTakePart" } };
    await tx.reviewCycleParticipant.createMany({
      data: joining.map((person) => ({ cycleId, userId: person.id })),
    });
    for (const person of joining) await refreshParticipant(tx, cycleId, person.id);
    const joined = await joiningHooks.run(tx, cycleId);
    await recordAuditEvent(tx, {
      actorId,
      action: "cycle.participants_added",
      subjectType: "ReviewCycle",
      subjectId: cycleId,
      detail: { name: cycle.name, people: joining.map((person) => person.email).sort(), ...joined },
    });
    return { ok: true, added: joining.length };
  });
}

/**
 * Takes someone out of an open cycle (someone who left, or was added by mistake) while nothing of
 * theirs is written in it: an assessment in the cycle, theirs or about them, keeps them in. Audited.
 */
export async function removeParticipant(
  actorId: string,
  cycleId: string,
  email: string,
): Promise<{ ok: true; personId: string; name: string } | CycleRefusal> {
  return db.$transaction(async (tx) => {
    const cycle = await tx.reviewCycle.findUnique({
      where: { id: cycleId },
      select: { name: true, closedAt: true },
    });
    if (!cycle) throw new NotFoundError(NO_CYCLE);
    if (cycle.closedAt) return { ok: false, message: { key: "cycles:errors.closedStaysOnRecord" } };
    const person = await tx.user.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: { id: true, name: true, email: true },
    });
    const participant = person
      ? await tx.reviewCycleParticipant.findUnique({
          where: { cycleId_userId: { cycleId, userId: person.id } },
          select: { userId: true },
        })
      : null;
    if (!person || !participant)
      return { ok: false, message: { key: "cycles:errors.notParticipant" } };
    if (await tx.assessment.count({ where: { cycleId, subjectId: person.id } })) {
      return {
        ok: false,
        message: { key: "cycles:errors.hasStarted", values: { name: person.name } },
      };
    }
    await tx.reviewCycleParticipant.delete({
      where: { cycleId_userId: { cycleId, userId: person.id } },
    });
    // The row is gone, so the cycle says that it changed (the team overview's version reads it, teamVersion).
    await tx.reviewCycle.update({ where: { id: cycleId }, data: { updatedAt: clock.now() } });
    await recordAuditEvent(tx, {
      actorId,
      action: "cycle.participant_removed",
      subjectType: "ReviewCycle",
      subjectId: cycleId,
      detail: { name: cycle.name, person: person.email },
    });
    return { ok: true, personId: person.id, name: person.name };
  });
}

export type CycleListItem = {
  id: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
  closedAt: Date | null;
  status: ReturnType<typeof cycleStatus>;
  participants: number;
  selfSubmitted: number;
  managerSubmitted: number;
};

const CYCLES_SHOWN = 100;

/** Newest first, with how many participants have submitted each side (people, not assessments). */
export async function listCycles(now = clock.now()): Promise<CycleListItem[]> {
  const cycles = await db.reviewCycle.findMany({
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    take: CYCLES_SHOWN,
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      closedAt: true,
      _count: { select: { participants: true } },
    },
  });
  if (!cycles.length) return [];
  const counts = new Map(
    (await submittedPeopleCounts()).map((row) => [`${row.cycleId}:${row.kind}`, row.count]),
  );
  return cycles.map(({ _count, ...cycle }) => ({
    ...cycle,
    status: cycleStatus(cycle, now),
    participants: _count.participants,
    selfSubmitted: counts.get(`${cycle.id}:self`) ?? 0,
    managerSubmitted: counts.get(`${cycle.id}:manager`) ?? 0,
  }));
}

export async function requireCycle(cycleId: string | undefined) {
  const cycle = cycleId
    ? await db.reviewCycle.findUnique({
        where: { id: cycleId },
        select: {
          id: true,
          name: true,
          startsOn: true,
          endsOn: true,
          closedAt: true,
          reviewsShared: true,
          reviewsSharedOn: true,
          createdAt: true,
          createdBy: { select: { id: true, name: true } },
        },
      })
    : null;
  if (!cycle) throw new NotFoundError(NO_CYCLE);
  return cycle;
}

// ---------------------------------------------------------------- progress

export const PROGRESS_PAGE_SIZE = 50;

export type ProgressFilters = { teamId: string; state: ParticipantState | ""; page: number };

export function parseProgressFilters(searchParams: URLSearchParams): ProgressFilters {
  return {
    teamId: textParam(searchParams, "team"),
    state: choiceParam(searchParams, "state", PARTICIPANT_STATES),
    page: pageParam(searchParams),
  };
}

export type ProgressRow = {
  id: string;
  name: string;
  email: string;
  team: string | null;
  manager: { id: string; name: string } | null;
  selfProgress: Progress;
  managerProgress: Progress;
  state: ParticipantState;
};

/**
 * A cycle's counts per state and its pages of participants, kept per cycle, filters and version of
 * what they read (progressVersion), as the team overview keeps its reads (decision 049): counting a
 * cycle of 200,000 participants cost PostgreSQL 37 ms a view alone, 80 when it planned parallel
 * workers.
 */
const keptCounts = new ViewCache<ProgressCount[]>({ entries: 64, maxAgeMs: 10 * 60 * 1000 });
const keptPages = new ViewCache<ParticipantRow[]>({ entries: 64, maxAgeMs: 10 * 60 * 1000 });

/**
 * Counts per state for the whole cycle (or one team) and one page of participants, in
 * two queries whatever the cycle's size, from the progress kept on each participant's
 * row (decision 012). The team filter
 * "none" means people without a team.
 */
export async function cycleProgress(
  cycleId: string,
  filters: ProgressFilters,
  pageSize = PROGRESS_PAGE_SIZE,
) {
  const version = await progressVersion();
  const counts: StateCounts = countStates(
    await keptCounts.get(JSON.stringify([cycleId, filters.teamId, version]), () =>
      progressCounts(cycleId, filters.teamId),
    ),
  );
  const total = filters.state ? counts[filters.state] : totalOf(counts);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pageCount);
  const query = {
    cycleId,
    teamId: filters.teamId,
    state: filters.state,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const onPage = await keptPages.get(JSON.stringify([query, version]), () =>
    participantsPage(query),
  );
  // Erased former colleagues stay in the counts; the page counts them without a row of their own.
  const erased = await erasedAmong(onPage.map((row) => row.id));
  const rows = onPage.filter((row) => readableAsPerson(erased.has(row.id)));
  const people: ProgressRow[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    team: row.team,
    manager: row.managerId && row.managerName ? { id: row.managerId, name: row.managerName } : null,
    selfProgress: row.self,
    managerProgress: row.manager,
    state: participantState(row.self, row.manager),
  }));
  return { counts, total, page, pageCount, people, erasedOnPage: onPage.length - rows.length };
}

// ---------------------------------------------------------------- CSV export

const EXPORT_BATCH = 250;

type LadderLookup = { ladder: Ladder | null };
type ExportedAssessment = Omit<ExportAssessment, "ratings"> & {
  ladder: Ladder | null;
  ratings: Map<string, { rating: number | null; evidence: number }>;
};
/**
 * The cycle as CSV, streamed: participants are read in batches of EXPORT_BATCH (a
 * few queries a batch), so a 5,000-person cycle never sits in memory at once. Only
 * submitted assessments appear; drafts stay private to their author. Each person's feedback
 * counts come from `feedbackCounts` (the feedback module's reader, which decides what the viewer
 * may be shown; null when the cycle asks for no feedback).
 */
export async function cycleExport(
  viewer: Viewer,
  cycleId: string,
  feedbackCounts: ExportFeedbackReader | null,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  // Track, level and competency names in the downloader's language; their ids (last) the same in every one.
  const inLanguage = (ladder: Ladder | null | undefined) =>
    ladder ? ladderInLanguage(ladder, language).ladder : null;
  const cycle = await requireCycle(cycleId);
  const encoder = new TextEncoder();
  const versionLadders = new Map<string, LadderLookup>();
  const levelLadders = new Map<string, LadderLookup>();
  let cursor: string | null = null;
  let started = false;

  async function nextBatch(): Promise<string | null> {
    const participants: {
      userId: string;
      user: {
        name: string;
        email: string;
        ladderId: string | null;
        track: string | null;
        level: string | null;
        team: { name: string } | null;
        manager: { name: string } | null;
      };
    }[] = await db.reviewCycleParticipant.findMany({
      where: { cycleId, ...(cursor ? { userId: { gt: cursor } } : {}) },
      orderBy: { userId: "asc" },
      take: EXPORT_BATCH,
      select: {
        userId: true,
        user: {
          select: {
            name: true,
            email: true,
            ladderId: true,
            track: true,
            level: true,
            team: { select: { name: true } },
            manager: { select: { name: true } },
          },
        },
      },
    });
    if (!participants.length) return null;
    const after = cursor ?? "";
    cursor = participants[participants.length - 1]!.userId;
    const rows = await exportRatings(cycleId, after, cursor);
    const feedback = feedbackCounts
      ? await feedbackCounts(participants.map((participant) => participant.userId))
      : null;
    for (const row of rows) {
      if (!versionLadders.has(row.ladderVersionId))
        versionLadders.set(row.ladderVersionId, {
          ladder: inLanguage(await ladderOfVersion(row.ladderVersionId)),
        });
    }
    for (const { user } of participants) {
      const key = `${user.ladderId ?? ""}:${user.level}`;
      if (user.level && !levelLadders.has(key))
        levelLadders.set(key, { ladder: inLanguage((await ladderForPerson(user))?.ladder) });
    }
    // In submission order, so if a person ever had two manager reviews the later one is the word that stands.
    const bySubject = new Map<
      string,
      { self?: ExportedAssessment; manager?: ExportedAssessment }
    >();
    const byAssessment = new Map<string, ExportedAssessment>();
    for (const row of rows) {
      let assessment = byAssessment.get(row.id);
      if (!assessment) {
        assessment = {
          submittedAt: row.submittedAt,
          trackId: row.trackId,
          levelId: row.levelId,
          ladder: versionLadders.get(row.ladderVersionId)?.ladder ?? null,
          ratings: new Map(),
        };
        byAssessment.set(row.id, assessment);
        const entry = bySubject.get(row.subjectId) ?? {};
        if (row.kind === "self") entry.self = assessment;
        else if (row.kind === "manager") entry.manager = assessment;
        bySubject.set(row.subjectId, entry);
      }
      if (row.competencyId)
        assessment.ratings.set(row.competencyId, {
          rating: row.rating,
          evidence: row.competencyId ? row.evidence : 0,
        });
    }
    let out = "";
    // An erased former colleague has no row of their own: their ratings stay only in aggregates.
    const erased = await erasedAmong(participants.map((participant) => participant.userId));
    for (const { userId, user } of participants) {
      if (!readableAsPerson(erased.has(userId))) continue;
      const entry = bySubject.get(userId);
      const basis = entry?.self ?? entry?.manager;
      const ladder = basis
        ? basis.ladder
        : user.level
          ? (levelLadders.get(`${user.ladderId ?? ""}:${user.level}`)?.ladder ?? null)
          : null;
      const levelId = basis ? basis.levelId : user.level;
      // The competencies that apply at the assessed level (else the person's level).
      const level = ladder && levelId ? getLevel(ladder, levelId) : undefined;
      const competencyName = new Map(
        ladder?.competencies.map((competency) => [competency.id, competency.name]) ?? [],
      );
      const participant: ExportParticipant = {
        name: user.name,
        email: user.email,
        team: user.team?.name ?? null,
        managerName: user.manager?.name ?? null,
        track: user.track,
        level: user.level,
        selfAssessment: entry?.self ?? null,
        managerReview: entry?.manager ?? null,
        competencies: (level?.competencyIds ?? []).map((id) => ({
          id,
          name: competencyName.get(id) ?? id,
        })),
        names: {
          track: (id) => (ladder && getTrack(ladder, id)?.name) || id,
          level: (id) => (ladder && getLevel(ladder, id)?.title) || id,
        },
        feedback: feedback?.get(userId) ?? null,
      };
      out += participantRows(cycle.name, participant);
    }
    return out;
  }

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          // A byte-order mark so spreadsheet programs read the file as UTF-8.
          const t = i18nFor(language).getFixedT(language, "cycles");
          const header = cycleExportHeader((column) =>
            String(t(`export.columns.${column}` as never)),
          );
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
          return;
        }
        const chunk = await nextBatch();
        if (chunk === null) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return { filename: exportFilename(cycle.name, now), body };
}

/** Teams to choose participants from, with how many of their members could take part. */
export async function listTeamsForCycle(): Promise<
  { id: string; name: string; eligible: number }[]
> {
  const teams = await db.team.findMany({
    select: {
      id: true,
      name: true,
      _count: {
        select: {
          members: { where: { deactivatedAt: null, track: { not: null }, level: { not: null } } },
        },
      },
    },
  });
  // "Team 2" before "Team 10".
  const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
  return teams
    .map((team) => ({ id: team.id, name: team.name, eligible: team._count.members }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { createUnlessExists } from "~/db/create-unless-exists.server";
import { formatsFor } from "~/i18n/format";
import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { wordsOf } from "~/i18n/messages";
import { readRows } from "~/db/reads.server";
import { mayLag } from "~/db/replicas.server";
import { parseRows, sqlDate } from "~/db/rows";
import {
  evidenceCompetencies,
  recordEvidence,
  type EvidenceInput,
} from "~/modules/conversations/evidence.server";
import {
  addPointToNextOneToOne,
  pointKeysOnNextMeeting,
  type PointFromElsewhere,
} from "~/modules/conversations/agenda.server";
import { dayToDate } from "~/modules/days";
import { ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { Viewer } from "~/modules/identity/policy";
import { managerChainOfLine } from "~/modules/people/reporting-line.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import * as clock from "~/platform/clock.server";
import { ViewCache } from "~/platform/view-cache.server";
import {
  emailsIn,
  type CheckInInput,
  type KeyResultInput,
  type ObjectiveInput,
  type PeriodInput,
} from "./forms";
import { checkKeyResult, type OutputCheck } from "./output-check";
import {
  goalTreeVersion,
  latestValues,
  loadedObjective,
  loadedObjectiveWithKin,
  peoplesObjectives,
  objectiveDetails,
  objectiveKeyResults,
  shownKeyResults,
  readableSupporters,
  treeSupporters,
} from "./queries.server";
import { shapeTree } from "./tree";
import {
  canCarryOver,
  canCheckIn,
  canEditObjective,
  canManagePeriods,
  canReadObjective,
  canRecordContribution,
  canReflect,
  canShareObjective,
  canTakeToOneToOne,
  canWriteObjective,
  isWritablePeriod,
  mattersForAccess,
  maySupport,
  readableByEveryone,
  type GoalViewer,
  type ObjectiveLevel,
  type WriterFacts,
} from "./policy";
import {
  chartPoints,
  checkInDue,
  checkInExpectedBy,
  isUnfinished,
  keyResultCountState,
  keyResultProgress,
  MAX_KEY_RESULTS,
  objectiveProgress,
  periodOpenOn,
  quarterOf,
  scoreReading,
  shapeAgrees,
  type Commitment,
  type Confidence,
  type Direction,
  type KeyResultKind,
  keyResultFigure,
  figureWords,
} from "./progress";

/**
 * Goals and OKRs (issue 82): goal periods an admin sets and closes; objectives of the company, a
 * team or a person, each supporting at most one above it; two to five key results each, numbers
 * moving from a start to a target, checked in on weekly by their owners and contributors (from the
 * page, the to-do list or the API); progress computed from the values; final scores kept when a
 * period closes, with the owners' reflections; unfinished objectives carried into the next period.
 * Who reads and writes what is decided in policy.ts; a person's contribution becomes career
 * evidence, never a score anywhere else (decision 097).
 */

const KEY_RESULT = {
  id: true,
  objectiveId: true,
  title: true,
  kind: true,
  unit: true,
  direction: true,
  startValue: true,
  targetValue: true,
  ownerId: true,
  position: true,
  finalScore: true,
  reflection: true,
  owner: { select: { name: true } },
  contributors: { select: { personId: true, person: { select: { name: true } } } },
} as const;

type KeyResultRow = Prisma.KeyResultGetPayload<{ select: typeof KEY_RESULT }>;

function goalViewer(viewer: Pick<Viewer, "id" | "isAdmin">): GoalViewer {
  return { id: viewer.id, isAdmin: viewer.isAdmin };
}

function levelOf(value: string): ObjectiveLevel {
  return value === "company" || value === "team" ? value : "person";
}

/** What deciding who reads an objective needs, as its queries read it. */
function facts(row: {
  level: string;
  ownerId: string;
  openToAll: boolean;
  owner: { linePath: string };
  shares: { personId: string }[];
  keyResults: { ownerId: string; contributors: { personId: string }[] }[];
}) {
  return {
    level: levelOf(row.level),
    ownerId: row.ownerId,
    ownerChain: managerChainOfLine(row.owner.linePath),
    openToAll: row.openToAll,
    sharedWith: row.shares.map((share) => share.personId),
    keyResultPeople: row.keyResults.flatMap((kr) => [
      kr.ownerId,
      ...kr.contributors.map((contributor) => contributor.personId),
    ]),
  };
}

function shapeOf(row: Pick<KeyResultRow, "kind" | "direction" | "startValue" | "targetValue">) {
  return {
    kind: row.kind as KeyResultKind,
    direction: row.direction as Direction,
    startValue: row.startValue,
    targetValue: row.targetValue,
  };
}

/**
 * The teams whose members the person manages directly: the teams they may write objectives for;
 * only among `teamIds` when the caller asks about those alone (one objective's team: a chief
 * executive's 794 reports at 200,000 people cost 2 to 4 ms of PostgreSQL's to read them all).
 */
export async function writerFacts(
  personId: string,
  teamIds?: readonly (string | null)[],
): Promise<WriterFacts> {
  const among = teamIds?.filter((id): id is string => id !== null);
  if (among?.length === 0) return { managesTeamIds: [] };
  const rows = await db.user.findMany({
    where: {
      managerId: personId,
      deactivatedAt: null,
      teamId: among ? { in: among } : { not: null },
    },
    select: { teamId: true },
    distinct: ["teamId"],
  });
  return { managesTeamIds: rows.map((row) => row.teamId!) };
}

// ---------------------------------------------------------------------------------------------
// Periods

export async function goalPeriods() {
  return db.goalPeriod.findMany({
    orderBy: [{ startsOn: "desc" }, { id: "asc" }],
    select: { id: true, name: true, startsOn: true, endsOn: true, closedAt: true },
  });
}

/** The admins' page: the periods, each with how many objectives; the next quarter as the default. */
export async function periodsAdminPage(viewer: Viewer) {
  if (!canManagePeriods(goalViewer(viewer))) throw new NotFoundError();
  const periods = await db.goalPeriod.findMany({
    orderBy: [{ startsOn: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      closedAt: true,
      _count: { select: { objectives: true } },
    },
  });
  const now = clock.now();
  const latest = periods[0];
  const suggestion =
    latest && latest.endsOn.getTime() >= now.getTime()
      ? quarterOf(new Date(latest.endsOn.getTime() + 24 * 60 * 60 * 1000))
      : quarterOf(now);
  return {
    periods: periods.map((period) => ({
      id: period.id,
      name: period.name,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      closedAt: period.closedAt,
      objectives: period._count.objectives,
    })),
    suggestion,
  };
}

export async function createPeriod(viewer: Viewer, input: PeriodInput): Promise<string> {
  if (!canManagePeriods(goalViewer(viewer))) throw new NotFoundError();
  const startsOn = dayToDate(input.startsOn);
  const endsOn = dayToDate(input.endsOn);
  if (endsOn.getTime() < startsOn.getTime())
    throw new InvalidError({ key: "goals:errors.dateOrder" });
  const period = await db.goalPeriod.create({
    data: { name: input.name, startsOn, endsOn },
    select: { id: true },
  });
  return period.id;
}

/**
 * An admin closes a period: every key result's final score is its progress at that moment
 * (computed, 0..1), kept; nothing but reflections is written in it after. Once.
 */
export async function closePeriod(viewer: Viewer, periodId: string): Promise<void> {
  if (!canManagePeriods(goalViewer(viewer))) throw new NotFoundError();
  const period = await db.goalPeriod.findUnique({
    where: { id: periodId },
    select: { id: true, name: true, startsOn: true, endsOn: true },
  });
  if (!period) throw new NotFoundError({ key: "goals:errors.none" });
  const keyResults = await db.keyResult.findMany({
    where: { objective: { periodId } },
    select: { id: true, kind: true, direction: true, startValue: true, targetValue: true },
  });
  const latest = await latestValues(keyResults.map((row) => row.id));
  const scores = new Map(
    keyResults.map((row) => [row.id, keyResultProgress(shapeOf(row), latest.get(row.id) ?? null)]),
  );
  // Webhooks announce the close with the objectives everyone reads, as the policy says, and no other.
  const announced = (
    await db.objective.findMany({
      where: { periodId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        level: true,
        teamId: true,
        parentId: true,
        commitment: true,
        title: true,
        openToAll: true,
        keyResults: {
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: { id: true, title: true },
        },
      },
    })
  ).filter((row) => readableByEveryone({ level: levelOf(row.level), openToAll: row.openToAll }));
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const closed = await tx.goalPeriod.updateMany({
      where: { id: periodId, closedAt: null },
      data: { closedAt: now },
    });
    if (closed.count !== 1) throw new ForbiddenError({ key: "goals:errors.closed" });
    for (const row of keyResults)
      await tx.keyResult.update({
        where: { id: row.id },
        data: { finalScore: scores.get(row.id) ?? null },
      });
    await emitWebhookEvents(
      tx,
      [
        {
          kind: "goals.period_closed",
          period: { ...period, closedAt: now },
          objectives: announced.map((row) => ({
            id: row.id,
            level: levelOf(row.level),
            teamId: row.teamId,
            parentId: row.parentId,
            commitment: row.commitment as Commitment,
            title: row.title,
            keyResults: row.keyResults.map((keyResult) => ({
              ...keyResult,
              finalScore: scores.get(keyResult.id) ?? null,
            })),
          })),
        },
      ],
      now,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

function progressOf(rows: readonly KeyResultRow[], latest: Map<string, number>) {
  return rows.map((row) => keyResultProgress(shapeOf(row), latest.get(row.id) ?? null));
}

export type GoalsFilter = "all" | "mine" | "team";

/**
 * The goal tree's reads, an objective's pages of supporters and the team overview's reports' goals
 * (reportsGoals), kept per what they were asked and
 * the version of everything they read (goalTreeVersion, as the team overview keeps its own). Which
 * objectives a viewer reads is the policy's: it is kept under the primary's version, so a change
 * there shows at once. What the page says of them are figures, which may be a moment old (decision
 * 116): they are read on one replica and kept under that replica's version, so a view never shows
 * anything older than the version it is kept under. Each server keeps its own views; the versions
 * come from the shared database.
 */
const views = new ViewCache<unknown>({ entries: 256, maxAgeMs: 10 * 60 * 1000 });

async function kept<T>(key: unknown[], read: () => Promise<T>, figures: boolean): Promise<T> {
  const version = await (figures ? mayLag(goalTreeVersion) : goalTreeVersion());
  return views.get(JSON.stringify([...key, version]), () =>
    figures ? mayLag(read) : read(),
  ) as Promise<T>;
}

/** What the tree says of the objectives it shows: titles, owners, key results and their latest values. */
async function shownFigures(ids: readonly string[]) {
  const [details, keyResults] = await Promise.all([objectiveDetails(ids), shownKeyResults(ids)]);
  const keyResultsOf = new Map<string, typeof keyResults>();
  for (const kr of keyResults) {
    const own = keyResultsOf.get(kr.objectiveId);
    if (own) own.push(kr);
    else keyResultsOf.set(kr.objectiveId, [kr]);
  }
  return { details, keyResultsOf };
}

/**
 * The goal tree of a period (the one asked for, else the one open today, else the latest): the
 * objectives the viewer may read, each under the one it supports, with its progress. "mine": the
 * ones the viewer owns or has a key result in; "team": those of the viewer's team and its people.
 */
export async function goalsPage(
  viewer: Viewer,
  options: { periodId?: string | null; filter?: GoalsFilter },
) {
  const periods = await goalPeriods();
  const now = clock.now();
  const period =
    (options.periodId ? periods.find((row) => row.id === options.periodId) : undefined) ??
    periods.find((row) => periodOpenOn(row, now)) ??
    periods[0] ??
    null;
  if (options.periodId && period?.id !== options.periodId)
    throw new NotFoundError({ key: "goals:errors.none" });
  // "New objective" starts from one of the viewer's own: the facts asked are that target's team's.
  const own = { level: "person", teamId: null, ownerId: viewer.id } as const;
  const [writer, me] = await Promise.all([
    writerFacts(viewer.id, [own.teamId]),
    db.user.findUnique({ where: { id: viewer.id }, select: { teamId: true } }),
  ]);
  const gv = goalViewer(viewer);
  const canCreate =
    period !== null &&
    isWritablePeriod(period) &&
    (canWriteObjective(gv, writer, own) || viewer.isAdmin);
  if (!period)
    return {
      periods,
      period: null,
      objectives: [],
      canCreate: false,
      filter: "all",
      moreAtTop: 0,
      moreAtTopOver: false,
    };
  const filter = options.filter ?? "all";
  const scope = {
    periodId: period.id,
    viewerId: viewer.id,
    viewerTeamId: me?.teamId ?? null,
    filter,
  };
  // Only the part of the tree the page shows (tree.ts) is read, level by level, with the policy's
  // reader parts asked in the statement (queries.server.ts): not every objective of the period.
  const tree = await kept(
    ["tree", scope],
    () => shapeTree((parents, limit) => treeSupporters(scope, parents, limit)),
    false,
  );
  const { details, keyResultsOf } = await kept(
    ["shown", tree.shown],
    () => shownFigures(tree.shown),
    true,
  );
  return {
    periods,
    period: { ...period, open: periodOpenOn(period, now) },
    canCreate,
    filter,
    moreAtTop: tree.moreAtTop,
    moreAtTopOver: tree.moreAtTopOver,
    // An objective deleted since the tree was read, or not yet on the replica the figures were read
    // on, is left out, as it would be a moment later (or earlier).
    objectives: tree.shown.flatMap((id) => {
      const detail = details.get(id);
      if (!detail) return [];
      const level = levelOf(detail.level);
      return [
        {
          id,
          level,
          title: detail.title,
          ownerName: detail.ownerName,
          teamName: detail.teamName,
          commitment: detail.commitment as Commitment,
          parentId: detail.parentId,
          keyResults: keyResultsOf.get(id)?.length ?? 0,
          progress: objectiveProgress(
            (keyResultsOf.get(id) ?? []).map((kr) => keyResultProgress(shapeOf(kr), kr.latest)),
          ),
          private: !readableByEveryone({ level, openToAll: detail.openToAll }),
          moreSupporters: tree.more.get(id) ?? 0,
          // Counted to COUNTED_AT_MOST and stopped: "more than" that many support it.
          moreSupportersOver: tree.over.has(id),
        },
      ];
    }),
  };
}

/** The objective if the viewer may read it; NotFoundError otherwise (as if it did not exist). */
async function requireReadable(viewer: Viewer, objectiveId: string) {
  return readableOrNotFound(viewer, await loadedObjective(objectiveId));
}

function readableOrNotFound<T extends NonNullable<Awaited<ReturnType<typeof loadedObjective>>>>(
  viewer: Viewer,
  row: T | null,
): T {
  if (!row || !canReadObjective(goalViewer(viewer), facts(row)))
    throw new NotFoundError({ key: "goals:errors.none" });
  return row;
}

async function requireEditable(viewer: Viewer, objectiveId: string) {
  const row = await requireReadable(viewer, objectiveId);
  const writer = await writerFacts(viewer.id, [row.teamId]);
  if (
    !canEditObjective(goalViewer(viewer), writer, {
      level: levelOf(row.level),
      teamId: row.teamId,
      ownerId: row.ownerId,
    })
  )
    throw new ForbiddenError({ key: "goals:errors.notYours" });
  return row;
}

/** The key result, its objective and period, if the viewer may read the objective. */
async function requireReadableKeyResult(viewer: Viewer, keyResultId: string) {
  const keyResult = await db.keyResult.findUnique({
    where: { id: keyResultId },
    select: KEY_RESULT,
  });
  if (!keyResult) throw new NotFoundError({ key: "goals:errors.none" });
  const objective = await requireReadable(viewer, keyResult.objectiveId);
  return { keyResult, objective };
}

/**
 * Whether the viewer may take a key result to a one-to-one, and whether as the owner's manager
 * (the page words it for them: their one-to-one with the owner).
 */
function takingToOneToOne(
  viewer: GoalViewer,
  ownerId: string,
  ownerManagerId: string | null,
  period: { closedAt: Date | null },
  latest: Confidence | null,
) {
  const may = canTakeToOneToOne(viewer, { ownerId, ownerManagerId }, period, latest);
  return { canTakeToOneToOne: may, takesAsManager: may && viewer.id !== ownerId };
}

function people(keyResult: { ownerId: string; contributors: { personId: string }[] }) {
  return {
    ownerId: keyResult.ownerId,
    contributorIds: keyResult.contributors.map((contributor) => contributor.personId),
  };
}

/**
 * One objective as the viewer may read it: its key results with their check-ins, progress and
 * chart, the objectives supporting it that the viewer may read, the one it supports (if readable),
 * and what the viewer may do.
 */
export async function objectivePage(
  viewer: Viewer,
  objectiveId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
  /** The page of its supporters (a company objective may have hundreds). */
  supportersPage = 1,
) {
  // The objective with its parent and what it was carried from and to, in the same two statements.
  const kin = await loadedObjectiveWithKin(objectiveId);
  const row = readableOrNotFound(viewer, kin?.objective ?? null);
  const { parent, carriedFrom, carriedTo } = kin!;
  const gv = goalViewer(viewer);
  const [writer, keyResults, supporters, periods] = await Promise.all([
    writerFacts(viewer.id, [row.teamId]),
    objectiveKeyResults(objectiveId, viewer.id),
    kept(
      ["supporters", objectiveId, viewer.id, supportersPage],
      () => readableSupporters(objectiveId, viewer.id, supportersPage, SUPPORTERS_PAGE_SIZE),
      false,
    ),
    goalPeriods(),
  ]);
  const level = levelOf(row.level);
  const mayEdit = canEditObjective(gv, writer, { level, teamId: row.teamId, ownerId: row.ownerId });
  const writable = isWritablePeriod(row.period);
  const commitment = row.commitment as Commitment;
  const shaped = keyResults.map((kr) => {
    const latest = kr.checkIns.at(-1) ?? null;
    const shape = shapeOf(kr);
    const progress = keyResultProgress(shape, latest?.value ?? null);
    return {
      id: kr.id,
      title: kr.title,
      kind: shape.kind,
      unit: kr.unit,
      direction: shape.direction,
      startValue: kr.startValue,
      targetValue: kr.targetValue,
      ownerName: kr.ownerName,
      contributors: kr.contributors.map((c) => c.name),
      latest: latest ? { value: latest.value, confidence: latest.confidence as Confidence } : null,
      progress,
      finalScore: kr.finalScore,
      reading: kr.finalScore === null ? null : scoreReading(commitment, kr.finalScore),
      reflection: kr.reflection,
      output: checkKeyResult(kr.title, kr.unit),
      checkIns: kr.checkIns.map((checkIn) => ({
        id: checkIn.id,
        value: checkIn.value,
        confidence: checkIn.confidence as Confidence,
        note: checkIn.note,
        at: checkIn.at,
        by: checkIn.authorName,
        token: checkIn.tokenName,
      })),
      chart: chartPoints(shape, row.period, kr.checkIns),
      canCheckIn: canCheckIn(viewer.id, people(kr), row.period),
      canReflect: canReflect(gv, kr, row.period),
      canRecordContribution: canRecordContribution(gv, people(kr)),
      ...takingToOneToOne(
        gv,
        kr.ownerId,
        kr.ownerManagerId,
        row.period,
        (latest?.confidence ?? null) as Confidence | null,
      ),
      evidence: kr.evidence,
    };
  });
  const progresses = shaped.map((kr) => kr.progress);
  const readableParent = parent && canReadObjective(gv, facts(parent)) ? parent : null;
  const readableFrom = carriedFrom && canReadObjective(gv, facts(carriedFrom)) ? carriedFrom : null;
  const periodClosed = row.period.closedAt !== null;
  const mayCarry = canCarryOver(mayEdit, {
    periodClosed,
    unfinished: isUnfinished(progresses),
    alreadyCarried: carriedTo !== null,
  });
  const shares =
    canShareObjective(gv, { level, ownerId: row.ownerId }) && row.shares.length
      ? await db.user.findMany({
          where: { id: { in: row.shares.map((share) => share.personId) } },
          select: { id: true, name: true, email: true },
          orderBy: { name: "asc" },
        })
      : [];
  const needsCompetencies = shaped.some((kr) => kr.canRecordContribution);
  return {
    objective: {
      id: row.id,
      level,
      title: row.title,
      why: row.why,
      commitment,
      ownerName: row.owner.name,
      teamName: row.team?.name ?? null,
      openToAll: row.openToAll,
      private: !readableByEveryone({ level, openToAll: row.openToAll }),
      progress: objectiveProgress(progresses),
      countState: keyResultCountState(keyResults.length),
    },
    period: { ...row.period, open: periodOpenOn(row.period, clock.now()) },
    parent: readableParent ? { id: readableParent.id, title: readableParent.title } : null,
    carriedFrom: readableFrom ? { id: readableFrom.id, title: readableFrom.title } : null,
    carriedTo:
      carriedTo && canReadObjective(gv, facts(carriedTo))
        ? { id: carriedTo.id, title: carriedTo.title }
        : null,
    ...(await supportersOn(supporters)),
    keyResults: shaped,
    canAddKeyResult: mayEdit && writable && keyResults.length < MAX_KEY_RESULTS,
    canShare: canShareObjective(gv, { level, ownerId: row.ownerId }),
    shares,
    canCarry: mayCarry,
    carryPeriods: mayCarry
      ? periods
          .filter((period) => period.closedAt === null && period.id !== row.periodId)
          .map((period) => ({ id: period.id, name: period.name }))
      : [],
    competencies: needsCompetencies ? await evidenceCompetencies(viewer.id, language) : [],
  };
}

const SUPPORTERS_PAGE_SIZE = 50;

/** One page of an objective's readable supporters; a page past the end shows the last. */
async function supportersOn(found: Awaited<ReturnType<typeof readableSupporters>>) {
  // Which supporters the viewer reads is the primary's (readableSupporters); their titles and
  // owners may be a moment old (decision 116), and one not yet on the replica is left out.
  const ids = found.rows.map((supporter) => supporter.id);
  const details = await kept(["details", ids], () => objectiveDetails(ids), true);
  return {
    supporters: found.rows.flatMap((supporter) => {
      const detail = details.get(supporter.id);
      return detail
        ? [
            {
              id: supporter.id,
              title: detail.title,
              level: levelOf(supporter.level),
              ownerName: detail.ownerName,
            },
          ]
        : [];
    }),
    supporterCount: found.total,
    // Counted to COUNTED_AT_MOST and stopped: "more than" that many support it, and the pages are
    // followed one by one, without a count of them.
    supporterCountOver: found.over,
    supportersPage: {
      page: found.page,
      pageCount: found.over ? null : Math.max(1, Math.ceil(found.total / SUPPORTERS_PAGE_SIZE)),
      hasNext: found.hasNext,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

async function activePersonByEmail(email: string | undefined | null) {
  const person = await db.user.findUnique({
    where: { email: (email ?? "").trim().toLowerCase() },
    select: { id: true, deactivatedAt: true },
  });
  if (!person || person.deactivatedAt)
    throw new InvalidError({ key: "goals:errors.personUnknown" });
  return person.id;
}

/** What the new-objective form offers: the writable periods, the levels and teams the viewer may write for, objectives to support. */
export async function newObjectiveChoices(viewer: Viewer, periodId: string | null) {
  const [periods, writer, teams] = await Promise.all([
    goalPeriods(),
    writerFacts(viewer.id),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const gv = goalViewer(viewer);
  const open = periods.filter(isWritablePeriod);
  const now = clock.now();
  const period =
    open.find((row) => row.id === periodId) ??
    open.find((row) => periodOpenOn(row, now)) ??
    open[0];
  const parents = period
    ? await db.objective.findMany({
        where: { periodId: period.id, level: { in: ["company", "team"] } },
        select: { id: true, title: true, level: true, team: { select: { name: true } } },
        orderBy: [{ level: "asc" }, { createdAt: "asc" }],
      })
    : [];
  return {
    periods: open.map((row) => ({ id: row.id, name: row.name })),
    periodId: period?.id ?? null,
    levels: {
      company: canWriteObjective(gv, writer, { level: "company", teamId: null, ownerId: "" }),
      team: teams.some((team) =>
        canWriteObjective(gv, writer, { level: "team", teamId: team.id, ownerId: "" }),
      ),
      person: true,
    },
    teams: teams.filter((team) =>
      canWriteObjective(gv, writer, { level: "team", teamId: team.id, ownerId: "" }),
    ),
    parents: parents.map((row) => ({
      id: row.id,
      title: row.title,
      level: levelOf(row.level),
      teamName: row.team?.name ?? null,
    })),
  };
}

/** Writes an objective at a level the viewer may write at, supporting one above it if chosen. */
export async function createObjective(viewer: Viewer, input: ObjectiveInput): Promise<string> {
  const period = await db.goalPeriod.findUnique({
    where: { id: input.periodId },
    select: { id: true, closedAt: true },
  });
  if (!period) throw new InvalidError({ key: "goals:errors.period" });
  if (!isWritablePeriod(period)) throw new ForbiddenError({ key: "goals:errors.closed" });
  const level = input.level;
  const ownerId =
    level === "person" || !input.ownerEmail
      ? viewer.id
      : await activePersonByEmail(input.ownerEmail);
  const teamId = level === "team" ? input.teamId : null;
  if (level === "team" && (!teamId || !(await db.team.count({ where: { id: teamId } }))))
    throw new InvalidError({ key: "goals:errors.team" });
  const writer = await writerFacts(viewer.id, [teamId]);
  if (!canWriteObjective(goalViewer(viewer), writer, { level, teamId, ownerId: viewer.id }))
    throw new ForbiddenError({ key: "goals:errors.mayNotWrite" });
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await requireReadable(viewer, input.parentId);
    if (
      !maySupport(
        { level, periodId: period.id },
        { level: levelOf(parent.level), periodId: parent.periodId },
      )
    )
      throw new InvalidError({ key: "goals:errors.support" });
    parentId = parent.id;
  }
  const created = await db.objective.create({
    data: {
      periodId: period.id,
      level,
      teamId,
      ownerId,
      title: input.title,
      why: input.why,
      commitment: input.commitment,
      parentId,
      createdById: viewer.id,
    },
    select: { id: true },
  });
  return created.id;
}

/** The objective, when the viewer may edit it and its period is not closed: where a key result is added. */
async function requireKeyResultRoom(viewer: Viewer, objectiveId: string) {
  const objective = await requireEditable(viewer, objectiveId);
  if (!isWritablePeriod(objective.period)) throw new ForbiddenError({ key: "goals:errors.closed" });
  return objective;
}

/**
 * The page for a new key result: its objective and how many it holds, when the viewer may add one
 * (refused as adding it would be, and once the objective holds five).
 */
export async function newKeyResultPage(viewer: Viewer, objectiveId: string) {
  const objective = await requireKeyResultRoom(viewer, objectiveId);
  const count = await db.keyResult.count({ where: { objectiveId } });
  if (count >= MAX_KEY_RESULTS) throw new InvalidError({ key: "goals:errors.tooMany" });
  return { objective: { id: objective.id, title: objective.title }, count };
}

/**
 * Adds a key result to an objective the viewer may edit, in a period not closed: at most five. The
 * output check's finding comes back to be shown as advice; it never refuses.
 */
export async function addKeyResult(
  viewer: Viewer,
  objectiveId: string,
  input: KeyResultInput,
): Promise<{ id: string; check: OutputCheck }> {
  const objective = await requireKeyResultRoom(viewer, objectiveId);
  const shape =
    input.kind === "binary"
      ? { kind: input.kind, direction: "increase" as const, startValue: 0, targetValue: 1 }
      : {
          kind: input.kind,
          direction: input.direction,
          startValue: input.startValue,
          targetValue: input.targetValue,
        };
  if (!shapeAgrees(shape)) throw new InvalidError({ key: "goals:errors.shape" });
  const ownerId = input.ownerEmail
    ? await activePersonByEmail(input.ownerEmail)
    : objective.ownerId;
  const contributorIds: string[] = [];
  for (const email of emailsIn(input.contributorEmails))
    contributorIds.push(await activePersonByEmail(email));
  const unit = input.kind === "percent" ? "%" : input.kind === "binary" ? "" : input.unit;
  const id = await db.$transaction(async (tx) => {
    const count = await tx.keyResult.count({ where: { objectiveId } });
    if (count >= MAX_KEY_RESULTS) throw new InvalidError({ key: "goals:errors.tooMany" });
    const created = await tx.keyResult.create({
      data: {
        objectiveId,
        title: input.title,
        kind: shape.kind,
        unit,
        direction: shape.direction,
        startValue: shape.startValue,
        targetValue: shape.targetValue,
        ownerId,
        position: count,
        contributors: {
          create: [...new Set(contributorIds)]
            .filter((personId) => personId !== ownerId)
            .map((personId) => ({ personId })),
        },
      },
      select: { id: true },
    });
    return created.id;
  });
  return { id, check: checkKeyResult(input.title, unit) };
}

/**
 * The check-in itself, once who sends it may: one row, with who (and which token) sent it. The one
 * place a check-in is written, so the one place it is announced: webhooks hear of it, in the same
 * transaction, only when everyone in the organisation reads its objective (as the policy says).
 */
async function writeCheckIn(
  keyResultId: string,
  input: CheckInInput,
  authorId: string,
  tokenId: string | null,
): Promise<string> {
  const at = clock.now();
  return db.$transaction(async (tx) => {
    const created = await tx.keyResultCheckIn.create({
      data: {
        keyResultId,
        value: input.value,
        confidence: input.confidence,
        note: input.note,
        authorId,
        tokenId,
        at,
      },
      select: { id: true },
    });
    const keyResult = await tx.keyResult.findUniqueOrThrow({
      where: { id: keyResultId },
      select: {
        id: true,
        objectiveId: true,
        title: true,
        kind: true,
        direction: true,
        startValue: true,
        targetValue: true,
        objective: { select: { level: true, openToAll: true } },
      },
    });
    const objective = {
      level: levelOf(keyResult.objective.level),
      openToAll: keyResult.objective.openToAll,
    };
    if (readableByEveryone(objective))
      await emitWebhookEvents(
        tx,
        [
          {
            kind: "goals.key_result_checked_in",
            checkIn: {
              id: created.id,
              at,
              value: input.value,
              confidence: input.confidence,
              note: input.note,
              authorId,
              tokenId,
            },
            keyResult: {
              id: keyResult.id,
              objectiveId: keyResult.objectiveId,
              title: keyResult.title,
              progress: keyResultProgress(shapeOf(keyResult), input.value),
            },
          },
        ],
        at,
      );
    return created.id;
  });
}

/** The viewer checks in on a key result: its owner or a contributor, while its period is not closed. */
export async function checkIn(
  viewer: Viewer,
  keyResultId: string,
  input: CheckInInput,
): Promise<string> {
  const { keyResult, objective } = await requireReadableKeyResult(viewer, keyResultId);
  if (!canCheckIn(viewer.id, people(keyResult), objective.period))
    throw new ForbiddenError({ key: "goals:errors.mayNotCheckIn" });
  if (keyResult.kind === "binary" && input.value !== 0 && input.value !== 1)
    throw new InvalidError({ key: "goals:errors.binary" });
  return writeCheckIn(keyResultId, input, viewer.id, null);
}

/** Facts for a token's check-in (app/modules/api): the key result's people and period, or null. */
export async function keyResultCheckInFacts(keyResultId: string) {
  const keyResult = await db.keyResult.findUnique({
    where: { id: keyResultId },
    select: {
      ...KEY_RESULT,
      objective: { select: { period: { select: { closedAt: true } } } },
    },
  });
  return keyResult
    ? {
        people: people(keyResult),
        period: keyResult.objective.period,
        binary: keyResult.kind === "binary",
      }
    : null;
}

/** A token's check-in, once the API module has asked the policy: recorded as its issuer's, naming the token. */
export async function checkInByToken(
  token: { id: string; personId: string },
  keyResultId: string,
  input: CheckInInput,
): Promise<string> {
  return writeCheckIn(keyResultId, input, token.personId, token.id);
}

/** The owner shares their objective with someone (by email), or stops; or opens it to everyone, or closes it again. */
export async function shareObjective(
  viewer: Viewer,
  objectiveId: string,
  change: { email: string; shared: boolean } | { openToAll: boolean },
): Promise<void> {
  const row = await requireReadable(viewer, objectiveId);
  if (!canShareObjective(goalViewer(viewer), { level: levelOf(row.level), ownerId: row.ownerId }))
    throw new ForbiddenError({ key: "goals:errors.notYours" });
  if ("openToAll" in change) {
    await db.objective.update({
      where: { id: objectiveId },
      data: { openToAll: change.openToAll },
    });
    return;
  }
  const personId = await activePersonByEmail(change.email);
  if (change.shared)
    await createUnlessExists(db, (client) =>
      client.objectiveShare.create({ data: { objectiveId, personId } }),
    );
  else await db.objectiveShare.deleteMany({ where: { objectiveId, personId } });
}

/** The owner's short reflection on a key result's final score, once its period is closed. */
export async function reflect(viewer: Viewer, keyResultId: string, text: string): Promise<void> {
  const { keyResult, objective } = await requireReadableKeyResult(viewer, keyResultId);
  if (!canReflect(goalViewer(viewer), keyResult, objective.period))
    throw new ForbiddenError({ key: "goals:errors.mayNotReflect" });
  await db.keyResult.update({ where: { id: keyResultId }, data: { reflection: text.trim() } });
}

/** What a point taken from a key result is keyed by on an agenda, so it is on a meeting once. */
const pointKey = (keyResultId: string) => `key-result:${keyResultId}`;

async function latestConfidence(keyResultId: string): Promise<Confidence | null> {
  const latest = await db.keyResultCheckIn.findFirst({
    where: { keyResultId },
    orderBy: [{ at: "desc" }, { createdAt: "desc" }],
    select: { confidence: true },
  });
  return (latest?.confidence ?? null) as Confidence | null;
}

/**
 * A key result at risk or off track put on the next meeting of its owner's one-to-one with their
 * manager (conversations' agenda), by either of the two, from the objective's page or from the
 * agenda's offer; worded in the language of whoever takes it, as a point they typed would be, and
 * on that meeting once whoever takes it.
 */
export async function keyResultToOneToOne(
  viewer: Viewer,
  keyResultId: string,
  language: PageLanguage,
  now = clock.now(),
): Promise<PointFromElsewhere> {
  const { keyResult, objective } = await requireReadableKeyResult(viewer, keyResultId);
  const [confidence, owner] = await Promise.all([
    latestConfidence(keyResultId),
    db.user.findUnique({ where: { id: keyResult.ownerId }, select: { managerId: true } }),
  ]);
  const ownerManagerId = owner?.managerId ?? null;
  if (
    !canTakeToOneToOne(
      goalViewer(viewer),
      { ownerId: keyResult.ownerId, ownerManagerId },
      objective.period,
      confidence,
    )
  )
    throw new ForbiddenError({ key: "goals:errors.notAtRisk" });
  const point = wordsOf(i18nFor(language).getFixedT(language), {
    key: "goals:oneToOne.point",
    values: { confidence: confidence!, title: keyResult.title, objective: objective.title },
  });
  return addPointToNextOneToOne(viewer, point, now, {
    reportId: keyResult.ownerId,
    sourceKey: pointKey(keyResultId),
  });
}

/** A key result offered on a one-to-one's agenda: what the page shows of it. */
export type OfferedKeyResult = {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  confidence: Confidence;
};

/**
 * What a one-to-one's agenda offers its two people to talk about (issue 82, point 8): the report's
 * key results whose last check-in says at risk or off track, in an open period, that the viewer
 * may read and may take to this one-to-one, and that are not on its next meeting yet. Nothing on a
 * series that is not between the owner and their manager now (a skip-level, a former manager's);
 * nothing to anyone but the two (the policy lets only the owner and the owner's manager take one).
 */
export async function keyResultsToOffer(
  viewer: Viewer,
  series: { id: string; managerId: string; reportId: string },
  now = clock.now(),
): Promise<OfferedKeyResult[]> {
  const [owner, rows] = await Promise.all([
    db.user.findUnique({ where: { id: series.reportId }, select: { managerId: true } }),
    db.keyResult.findMany({
      // Only open periods' key results can be taken (the policy says so; this spares the reads).
      where: { ownerId: series.reportId, objective: { period: { closedAt: null } } },
      orderBy: [{ objectiveId: "asc" }, { position: "asc" }, { id: "asc" }],
      select: { id: true, title: true, ownerId: true, objectiveId: true },
    }),
  ]);
  const ownerManagerId = owner?.managerId ?? null;
  if (ownerManagerId !== series.managerId) return [];
  const gv = goalViewer(viewer);
  const offered: OfferedKeyResult[] = [];
  const objectives = new Map<string, Awaited<ReturnType<typeof loadedObjective>>>();
  for (const row of rows) {
    if (!objectives.has(row.objectiveId))
      objectives.set(row.objectiveId, await loadedObjective(row.objectiveId));
    const objective = objectives.get(row.objectiveId);
    if (!objective || !canReadObjective(gv, facts(objective))) continue;
    const confidence = await latestConfidence(row.id);
    if (
      !canTakeToOneToOne(gv, { ownerId: row.ownerId, ownerManagerId }, objective.period, confidence)
    )
      continue;
    offered.push({
      id: row.id,
      title: row.title,
      objectiveId: objective.id,
      objectiveTitle: objective.title,
      confidence: confidence!,
    });
  }
  if (!offered.length) return offered;
  const onAgenda = await pointKeysOnNextMeeting(viewer, series.id, now);
  return offered.filter((row) => !onAgenda.has(pointKey(row.id)));
}

/**
 * Carries an unfinished objective of a closed period into another, in one step: a copy linked to
 * its origin (which keeps its history and scores), its key results starting from their last value.
 */
export async function carryOver(
  viewer: Viewer,
  objectiveId: string,
  periodId: string,
): Promise<string> {
  const row = await requireEditable(viewer, objectiveId);
  const target = await db.goalPeriod.findUnique({
    where: { id: periodId },
    select: { id: true, closedAt: true },
  });
  if (!target || target.id === row.periodId || !isWritablePeriod(target))
    throw new InvalidError({ key: "goals:errors.period" });
  const keyResults = await db.keyResult.findMany({
    where: { objectiveId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: KEY_RESULT,
  });
  const latest = await latestValues(keyResults.map((kr) => kr.id));
  const already = await db.objective.count({ where: { carriedFromId: objectiveId } });
  if (
    !canCarryOver(true, {
      periodClosed: row.period.closedAt !== null,
      unfinished: isUnfinished(progressOf(keyResults, latest)),
      alreadyCarried: already > 0,
    })
  )
    throw new ForbiddenError({ key: "goals:errors.mayNotCarry" });
  try {
    return await db.$transaction(async (tx) => {
      const copy = await tx.objective.create({
        data: {
          periodId: target.id,
          level: row.level,
          teamId: row.teamId,
          ownerId: row.ownerId,
          title: row.title,
          why: row.why,
          commitment: row.commitment,
          openToAll: row.openToAll,
          carriedFromId: row.id,
          createdById: viewer.id,
          shares: { create: row.shares.map((share) => ({ personId: share.personId })) },
        },
        select: { id: true },
      });
      for (const kr of keyResults)
        await tx.keyResult.create({
          data: {
            objectiveId: copy.id,
            title: kr.title,
            kind: kr.kind,
            unit: kr.unit,
            direction: kr.direction,
            startValue: kr.kind === "binary" ? 0 : (latest.get(kr.id) ?? kr.startValue),
            targetValue: kr.targetValue,
            ownerId: kr.ownerId,
            position: kr.position,
            contributors: { create: kr.contributors.map((c) => ({ personId: c.personId })) },
          },
        });
      return copy.id;
    });
  } catch (error) {
    // Carried by another request since the check above: the copy is unique to its origin.
    if ((error as { code?: string }).code === "P2002")
      throw new ForbiddenError({ key: "goals:errors.mayNotCarry" });
    throw error;
  }
}

/**
 * A person records their contribution to a key result as career evidence against one of their
 * ladder's competencies: what they did, with the key result's figures as of that day appended in
 * their words (the language they write in, as their own text is).
 * It is evidence like any other (self-assessment, one-to-ones, promotion packet); no figure of the
 * goal reaches a rating (decision 097).
 */
export async function recordContribution(
  viewer: Viewer,
  keyResultId: string,
  input: Omit<EvidenceInput, "meetingId">,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<string> {
  const { keyResult } = await requireReadableKeyResult(viewer, keyResultId);
  if (!canRecordContribution(goalViewer(viewer), people(keyResult)))
    throw new ForbiddenError({ key: "goals:errors.notYours" });
  const latest = (await latestValues([keyResultId])).get(keyResultId) ?? keyResult.startValue;
  const t = i18nFor(language).getFixedT(language, "goals");
  const words = figureWords(t, formatsFor(language, "UTC").measure);
  const shape = { kind: keyResult.kind as KeyResultKind, unit: keyResult.unit };
  const figures = t("objective.evidence.figures", {
    title: keyResult.title,
    start: keyResultFigure(keyResult.startValue, shape, words),
    latest: keyResultFigure(latest, shape, words),
    target: keyResultFigure(keyResult.targetValue, shape, words),
  });
  const text = `${input.text.trim()}\n\n${figures}`;
  return db.$transaction(async (tx) => {
    const evidenceId = await recordEvidence(
      viewer,
      { ...input, text, meetingId: null },
      clock.now(),
      tx,
    );
    await tx.keyResultEvidence.create({ data: { evidenceId, keyResultId } });
    return evidenceId;
  });
}

/**
 * Who owned or contributed to a key result that matters (`mattersForAccess`), and on which days: its
 * period's, from its first day (or the day the key result was written, if later) to the day after
 * its last. A key result's owner and contributors are named when it is written and never changed,
 * so its creation dates them. Only who and when: no title, value or score (decision 097, 111).
 */
export async function keyResultHoldings(): Promise<{ personId: string; from: Date; to: Date }[]> {
  const rows = await db.keyResult.findMany({
    select: {
      ownerId: true,
      createdAt: true,
      contributors: { select: { personId: true } },
      objective: {
        select: {
          level: true,
          commitment: true,
          period: { select: { startsOn: true, endsOn: true } },
        },
      },
    },
  });
  return rows.flatMap((row) => {
    if (!mattersForAccess(row.objective)) return [];
    const { startsOn, endsOn } = row.objective.period;
    const from = new Date(Math.max(startsOn.getTime(), row.createdAt.getTime()));
    const to = new Date(endsOn.getTime() + 24 * 60 * 60 * 1000);
    return [row.ownerId, ...row.contributors.map((contributor) => contributor.personId)].map(
      (personId) => ({ personId, from, to }),
    );
  });
}

export type ReportGoals = { objectives: { id: string; title: string }[]; overdue: number };

/**
 * Each report's goals on the team overview (issue 82, point 8): the objectives they own in a period
 * open today that the viewer may read (`canReadObjective`), and how many key results they own or
 * contribute to, in objectives the viewer may read, have a check-in due (`checkInDue`). Titles and a
 * count only: no value, confidence or score beside the ratings the page shows (decision 097, 111).
 */
export async function reportsGoals(
  viewer: Pick<Viewer, "id" | "isAdmin">,
  personIds: readonly string[],
  now = clock.now(),
): Promise<Map<string, ReportGoals>> {
  const of = new Map<string, ReportGoals>(
    personIds.map((id) => [id, { objectives: [], overdue: 0 }]),
  );
  if (!personIds.length) return of;
  const gv = goalViewer(viewer);
  // Kept whoever reads them: what each viewer may read of them is asked of the policy below.
  const rows = await kept(["people", personIds], () => peoplesObjectives(personIds), false);
  for (const row of rows) {
    if (!periodOpenOn(row.period, now) || !canReadObjective(gv, facts(row))) continue;
    of.get(row.ownerId)?.objectives.push({ id: row.id, title: row.title });
    for (const kr of row.keyResults) {
      if (!checkInDue(kr.lastAt, now)) continue;
      for (const personId of new Set([kr.ownerId, ...kr.contributors.map((c) => c.personId)])) {
        const goals = of.get(personId);
        if (goals) goals.overdue += 1;
      }
    }
  }
  return of;
}

/**
 * The key results the person owns or contributes to in open periods begun by `now`, with their
 * last check-in, in one statement: the home page asks every workflow's to-dos on each visit (and
 * this is the to-do list's probe). The person's key results come from the two indexes (owned,
 * contributed to) first: an OR over both read every key result of every open period.
 */
export function checkInsDueRead(personId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH theirs AS (
      SELECT id FROM "KeyResult" WHERE "ownerId" = ${personId}
      UNION
      SELECT "keyResultId" FROM "KeyResultContributor" WHERE "personId" = ${personId}
    )
    SELECT k.id AS "keyResultId", k.title, k."objectiveId", k."createdAt", p."startsOn", p."endsOn", p."closedAt",
      (SELECT MAX(c.at) FROM "KeyResultCheckIn" c WHERE c."keyResultId" = k.id) AS "lastAt"
    FROM theirs
    JOIN "KeyResult" k ON k.id = theirs.id
    JOIN "Objective" o ON o.id = k."objectiveId"
    JOIN "GoalPeriod" p ON p.id = o."periodId"
    WHERE p."closedAt" IS NULL AND p."startsOn" <= ${now}
    ORDER BY k."objectiveId", k.position, k.id`;
}

/** The key results whose check-in is due for a person: theirs or contributed to, in an open period, none in the last week (progress.checkInDue). */
export async function checkInsDue(personId: string, now = clock.now()) {
  const rows = parseRows(dueRow, await readRows(checkInsDueRead(personId, now)));
  return rows
    .filter((row) => periodOpenOn(row, now) && checkInDue(row.lastAt, now))
    .map((row) => ({
      keyResultId: row.keyResultId,
      objectiveId: row.objectiveId,
      title: row.title,
      expectedBy: checkInExpectedBy(row.lastAt, row, row),
    }));
}

const dueRow = z.object({
  keyResultId: z.string(),
  title: z.string(),
  objectiveId: z.string(),
  createdAt: sqlDate,
  startsOn: sqlDate,
  endsOn: sqlDate,
  closedAt: sqlDate.nullable(),
  lastAt: sqlDate.nullable(),
});

/**
 * The person's goals for their export (app/modules/data-rights): the objectives they own or hold a
 * key result of, each read through objectivePage (so never an objective they may not read), with
 * their own part in each key result and the check-ins they sent themselves.
 */
export async function goalsOfPerson(viewer: Viewer) {
  const rows = await db.objective.findMany({
    where: {
      OR: [
        { ownerId: viewer.id },
        {
          keyResults: {
            some: {
              OR: [{ ownerId: viewer.id }, { contributors: { some: { personId: viewer.id } } }],
            },
          },
        },
      ],
    },
    orderBy: [{ period: { startsOn: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const out = [];
  for (const row of rows) {
    let page: Awaited<ReturnType<typeof objectivePage>>;
    try {
      page = await objectivePage(viewer, row.id);
    } catch (error) {
      if (error instanceof NotFoundError) continue;
      throw error;
    }
    const keyResults = await db.keyResult.findMany({
      where: { objectiveId: row.id },
      select: {
        id: true,
        ownerId: true,
        contributors: { where: { personId: viewer.id }, select: { personId: true } },
        checkIns: {
          where: { authorId: viewer.id },
          orderBy: [{ at: "asc" }, { id: "asc" }],
          select: { at: true, value: true, confidence: true, note: true, tokenId: true },
        },
      },
    });
    const byId = new Map(keyResults.map((kr) => [kr.id, kr]));
    out.push({
      period: page.period.name,
      level: page.objective.level,
      title: page.objective.title,
      why: page.objective.why,
      commitment: page.objective.commitment,
      owner: page.objective.ownerName,
      keyResults: page.keyResults.map((kr) => {
        const own = byId.get(kr.id);
        return {
          title: kr.title,
          unit: kr.unit,
          startValue: kr.startValue,
          targetValue: kr.targetValue,
          role:
            own?.ownerId === viewer.id
              ? ("owner" as const)
              : own?.contributors.length
                ? ("contributor" as const)
                : null,
          finalScore: kr.finalScore,
          reflection: own?.ownerId === viewer.id ? kr.reflection : null,
          checkIns: (own?.checkIns ?? []).map((checkIn) => ({
            at: checkIn.at,
            value: checkIn.value,
            confidence: checkIn.confidence as Confidence,
            note: checkIn.note,
            byToken: checkIn.tokenId !== null,
          })),
        };
      }),
    });
  }
  return out;
}

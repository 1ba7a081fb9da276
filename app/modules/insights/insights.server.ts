import type { Viewer } from "~/modules/identity/policy";
import { ViewCache } from "~/platform/view-cache.server";
import { csvRow } from "~/utils/csv";
import { NotFoundError } from "~/modules/errors";
import { getLevel, levelLabel, trackLabel, type Ladder } from "~/modules/ladders";
import { servedLadders, servedLaddersIn } from "~/modules/ladders/registry.server";
import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { storedIds } from "~/modules/mentorship/programmes.server";
import { parseAttributes } from "~/modules/people/attributes";
import { insideOrganisation, lineHistories, type Inside } from "~/modules/people/line-over-time";
import { presenceOf } from "~/modules/people/presence";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import {
  OUTCOMES,
  outcomesByCycle,
  outcomesByGroup,
  type Outcome,
  type OutcomeRecord,
  type OutcomesShown,
} from "./outcomes";
import { personFloors } from "~/modules/disclosure/floors.server";
import {
  outcomeDimensions,
  outcomeGroups,
  outcomeTableRelease,
} from "~/modules/disclosure/outcomes";
import { cycleTable } from "~/modules/disclosure/reports";
import { keptOutcomeRelease } from "./outcome-releases.server";
import { insightsScope, type InsightsScope } from "./policy";
import { hireOutcomes } from "~/modules/hiring/stats.server";
import { isPipelineStage, type CandidateHistory } from "~/modules/hiring/pipeline";
import { releasedFunnel, validityOverTime } from "./hiring";
import { mentoringComparison, type GoalHistory, type Review } from "./mentoring";
import {
  calibrationInScope,
  insightsVersion,
  pipelineMoves,
  panelSeats,
  levelChangesInScope,
  managerChangesInScope,
  managerRatingsInScope,
  menteePairsInScope,
  menteeOptInsInScope,
  peopleInScope,
  type LevelChangeRow,
} from "./queries.server";
import { calibrationShift } from "./shift";
import { INSIGHT_TABLES, insightTable, wordedRows } from "./tables";
import { releasedSpells, timeInLevel, type CurvePoint, type PersonHistory } from "./time-in-level";
import * as clock from "~/platform/clock.server";
import { hasReports } from "~/modules/people/queries.server";

/**
 * Organisation insights (decision 042): time in level, promotion and outcome rates, calibration
 * shift, for admins over the whole organisation and for a manager over everyone under them. A 404
 * for anyone else. Figures come with their n and a 95% interval; groups below the floor are
 * hidden with their complements.
 */

export async function requireInsightsScope(viewer: Viewer): Promise<InsightsScope> {
  const scope = insightsScope(viewer, {
    hasReports: viewer.isAdmin ? false : await hasReports(viewer.id),
  });
  if (!scope) throw new NotFoundError({ key: "insights:errors.notForYou" });
  return scope;
}

/** `language`: the reader's, for the ladder's texts (track and level names); ids stay as they are. */
type Options = { cycleId?: string | null; now?: Date; language?: PageLanguage };

/**
 * Views kept per viewer, cycle asked for, day and version of everything they read
 * (insightsVersion), as calibration keeps its session views (decision 023): a 5,000-person
 * organisation's view costs tens of milliseconds to read and compute, its version one statement.
 * Each server keeps its own; the version comes from the shared database.
 */
const views = new ViewCache<Awaited<ReturnType<typeof computeView>>>({
  entries: 64,
  maxAgeMs: 10 * 60 * 1000,
});

export async function insightsView(viewer: Viewer, options: Options = {}) {
  const scope = await requireInsightsScope(viewer);
  const now = options.now ?? clock.now();
  const language = options.language ?? SOURCE_LANGUAGE;
  const [version, ladderHashes] = await Promise.all([
    insightsVersion(),
    servedLadders().then((served) => served.map((entry) => entry.hash).join(",")),
  ]);
  const key = [
    viewer.id,
    viewer.isAdmin,
    options.cycleId ?? "",
    now.toISOString().slice(0, 10),
    ladderHashes,
    version,
    language,
  ].join("\u0000");
  return views.get(key, () =>
    computeView(viewer, scope, options.cycleId ?? null, now, version, language),
  );
}

async function computeView(
  viewer: Viewer,
  scope: InsightsScope,
  cycleId: string | null,
  at: Date,
  version: string,
  language: PageLanguage,
) {
  const now = at.getTime();
  const floor = SMALL_GROUP_FLOOR;
  const floors = personFloors();
  const [ladders, people, changes, managerChanges, rows, floorOf, mentoring, hiring] =
    await Promise.all([
      servedLaddersIn(language).then((served) => served.map((entry) => entry.ladder)),
      peopleInScope(scope),
      levelChangesInScope(scope),
      managerChangesInScope(scope),
      calibrationInScope(scope),
      floors,
      mentoringView(scope, floors),
      scope.kind === "organisation" ? hiringView(viewer, floor) : null,
    ]);

  // Time in level: a manager's over the people in their organisation when (everyone who ever was is read).
  const changesOf = new Map<string, LevelChangeRow[]>();
  for (const change of changes)
    (
      changesOf.get(change.personId) ?? changesOf.set(change.personId, []).get(change.personId)!
    ).push(change);
  const insideOf =
    scope.kind === "organisation"
      ? null
      : insideOrganisation(scope.managerId, lineHistories(people, managerChanges));
  const inScope = insideOf ? people.filter((person) => insideOf.has(person.id)) : people;
  const spells = releasedSpells(
    inScope.map((person): PersonHistory => ({
      id: person.id,
      createdAt: person.createdAt.getTime(),
      deactivatedAt: person.deactivatedAt?.getTime() ?? null,
      current: { track: person.track, level: person.level },
      levelSince: person.levelSince?.getTime() ?? null,
      changes: (changesOf.get(person.id) ?? []).map((change) => ({
        at: change.changedAt.getTime(),
        from: { track: change.fromTrackId, level: change.fromLevelId },
        to: { track: change.toTrackId, level: change.toLevelId },
        promotion: isPromotion(ladders, change),
        fromSince: change.fromSince?.getTime() ?? null,
        presence: presenceOf(change.source),
      })),
      inside: insideOf?.get(person.id),
    })),
    now,
    floorOf,
  );
  const tracks = timeInLevel(spells, ladderOrder(ladders, spells), floorOf).map((track) => ({
    track: track.track,
    trackName: trackLabel(ladders, track.track) ?? track.track,
    levels: track.levels.map((level) => ({
      level: level.level,
      levelName: levelLabel(ladders, level.level) ?? level.level,
      n: level.n,
      promotions: level.promotions,
      unknownStarts: level.unknownStarts,
      suppressed: level.suppressed,
      median: level.curve?.median ?? null,
      medianInterval: level.curve?.medianInterval ?? null,
      points: level.curve
        ? level.curve.steps
            .filter((step, index, steps) => step.events > 0 || index === steps.length - 1)
            .map((step): CurvePoint => [
              step.time,
              step.survival,
              step.interval?.[0] ?? null,
              step.interval?.[1] ?? null,
            ])
        : [],
    })),
  }));

  // Promotion and outcome rates: one record per person and cycle, from the session locked last (calibrationInScope gives it first).
  const entries = rows
    .filter((row) => OUTCOMES.includes(row.finalOutcome as Outcome))
    .map((row) => ({ ...row, attributes: parseAttributes(row.attributes) }));
  const cycles = [
    ...new Map(
      entries.map((entry) => [
        entry.cycleId,
        { id: entry.cycleId, name: entry.cycleName, startsOn: entry.cycleStartsOn.getTime() },
      ]),
    ).values(),
  ].sort((a, b) => b.startsOn - a.startsOn || a.name.localeCompare(b.name));
  // Each cycle's tables are released together with every other report over its people the viewer reads: for admins, its sessions' fairness reports.
  const releases = new Map(
    await Promise.all(
      cycles.map(
        async (cycle) =>
          [cycle.id, await keptOutcomeRelease(scope, version, cycle.id, entries, floorOf)] as const,
      ),
    ),
  );
  const tableOf = (id: string) => {
    const release = releases.get(id);
    return release ? outcomeTableRelease(release, cycleTable(id)) : null;
  };
  const shown: OutcomesShown = {
    cycle: (id) => tableOf(id)?.table ?? false,
    group: (id, dimension, value) => tableOf(id)?.group(dimension, value) ?? false,
    small: (id, dimension, value) => tableOf(id)?.small(dimension, value) ?? false,
  };
  const seen = new Set<string>();
  const records: OutcomeRecord[] = [];
  const dimensionsOf = new Map(
    cycles.map((cycle) => [
      cycle.id,
      outcomeDimensions(entries.filter((entry) => entry.cycleId === cycle.id)),
    ]),
  );
  for (const entry of entries) {
    if (seen.has(`${entry.cycleId}/${entry.personId}`)) continue;
    seen.add(`${entry.cycleId}/${entry.personId}`);
    records.push({
      cycleId: entry.cycleId,
      outcome: entry.finalOutcome as Outcome,
      groups: outcomeGroups(entry, dimensionsOf.get(entry.cycleId)!),
    });
  }
  const chosenCycle =
    cycles.find((cycle) => cycle.id === cycleId) ??
    cycles.find((cycle) => records.some((record) => record.cycleId === cycle.id)) ??
    null;
  const dimensions = (chosenCycle ? dimensionsOf.get(chosenCycle.id)! : []).map((id) =>
    id === "team"
      ? { id, label: "Team" }
      : id === "track"
        ? { id, label: "Track", groupLabel: (value: string) => trackLabel(ladders, value) ?? value }
        : id === "level"
          ? {
              id,
              label: "Level",
              groupLabel: (value: string) => levelLabel(ladders, value) ?? value,
            }
          : {
              id,
              label:
                id.charAt("attribute:".length).toUpperCase() + id.slice("attribute:".length + 1),
            },
  );

  // Calibration shift per manager.
  const shift = calibrationShift(rows, floorOf);
  const managerNames = new Map(rows.map((row) => [row.managerId, row.managerName]));

  return {
    scope: scope.kind,
    floor,
    people: inScope.filter(
      (person) =>
        person.deactivatedAt === null && (!insideOf || isInsideNow(insideOf.get(person.id)!)),
    ).length,
    timeInLevel: tracks,
    cycles: cycles.map(({ id, name }) => ({ id, name })),
    outcomesByCycle: outcomesByCycle(records, cycles, shown),
    outcomesByGroup: chosenCycle ? outcomesByGroup(records, chosenCycle, dimensions, shown) : null,
    mentoring,
    hiring,
    shift: {
      ...shift,
      managers: shift.managers.map((manager) => ({
        ...manager,
        name: managerNames.get(manager.managerId) ?? "A former manager",
      })),
    },
  };
}

/** Hiring, for admins only: candidates are nobody a manager may see one by one. */
async function hiringView(viewer: Viewer, floor: number) {
  const [hires, moves, seats] = await Promise.all([
    hireOutcomes(viewer),
    pipelineMoves(),
    panelSeats(viewer),
  ]);
  const histories = new Map<string, CandidateHistory["moves"][number][]>();
  for (const move of moves) {
    if (!isPipelineStage(move.toStage)) continue;
    const from = move.fromStage !== null && isPipelineStage(move.fromStage) ? move.fromStage : null;
    (
      histories.get(move.candidateId) ?? histories.set(move.candidateId, []).get(move.candidateId)!
    ).push({ from, to: move.toStage, at: move.movedAt });
  }
  return {
    validity: validityOverTime(hires.outcomes),
    ...releasedFunnel(
      [...histories.values()].map((list) => ({ moves: list })),
      [...histories.keys()],
      floor,
      seats,
    ),
  };
}

/** Mentees' goal movement against comparable people; the reviews are read only when there are pairs to compare. */
async function mentoringView(scope: InsightsScope, floors: Promise<(personId: string) => number>) {
  const [pairs, { optIns, changes }] = await Promise.all([
    menteePairsInScope(scope),
    menteeOptInsInScope(scope),
  ]);
  const mentees = pairs.map((pair) => ({
    menteeId: pair.menteeId,
    programmeId: pair.programmeId,
    activeSince: pair.activeSince.getTime(),
    goals: storedIds(pair.goals ?? "[]"),
  }));
  const inProgrammes = new Set(
    optIns.flatMap((optIn) => (optIn.goals === null ? [] : [optIn.personId])),
  );
  const goals = (stored: string | null) => (stored === null ? null : storedIds(stored));
  const changesOf = new Map<string, GoalHistory["changes"][number][]>();
  for (const change of changes) {
    const key = `${change.programmeId}\u0000${change.personId}`;
    (changesOf.get(key) ?? changesOf.set(key, []).get(key)!).push({
      at: change.changedAt.getTime(),
      from: goals(change.fromGoals),
      to: goals(change.toGoals),
    });
  }
  const histories = optIns.map((optIn): GoalHistory => ({
    programmeId: optIn.programmeId,
    personId: optIn.personId,
    current: goals(optIn.goals),
    changes: changesOf.get(`${optIn.programmeId}\u0000${optIn.personId}`) ?? [],
  }));
  const everGoals = histories.flatMap((history) => [
    ...(history.current ?? []),
    ...history.changes.flatMap((change) => [...(change.from ?? []), ...(change.to ?? [])]),
  ]);
  const ratings = await managerRatingsInScope(scope, [
    ...new Set([...mentees.flatMap((pair) => pair.goals), ...everGoals]),
  ]);
  const byAssessment = new Map<string, Review & { ratings: Map<string, number> }>();
  for (const row of ratings) {
    const review = byAssessment.get(row.assessmentId) ?? {
      personId: row.personId,
      levelId: row.levelId,
      submittedAt: row.submittedAt.getTime(),
      ratings: new Map<string, number>(),
    };
    review.ratings.set(row.competencyId, row.rating);
    byAssessment.set(row.assessmentId, review);
  }
  const reviews = new Map<string, Review[]>();
  for (const review of byAssessment.values())
    (reviews.get(review.personId) ?? reviews.set(review.personId, []).get(review.personId)!).push(
      review,
    );
  return mentoringComparison(mentees, reviews, inProgrammes, await floors, histories);
}

/** Each person's manager now and their changes of manager, in order. */
function isInsideNow(periods: readonly Inside[]): boolean {
  return periods.at(-1)?.until === null;
}

/** A change counts as a promotion when calibration made it, or when it moved up its own track. */
export function isPromotion(
  ladders: readonly Ladder[],
  change: Pick<
    LevelChangeRow,
    "source" | "fromTrackId" | "fromLevelId" | "toTrackId" | "toLevelId"
  >,
): boolean {
  if (change.source === "promoted") return true;
  if (!change.fromLevelId || !change.toLevelId || change.fromTrackId !== change.toTrackId)
    return false;
  const rank = (levelId: string) =>
    ladders.map((ladder) => getLevel(ladder, levelId)?.rank).find((value) => value !== undefined);
  const from = rank(change.fromLevelId);
  const to = rank(change.toLevelId);
  return from !== undefined && to !== undefined && to > from;
}

/** Tracks and levels in the ladders' order, then any the ladders no longer have. */
function ladderOrder(
  ladders: readonly Ladder[],
  spells: readonly { track: string; level: string }[],
): { track: string; levels: string[] }[] {
  const order = new Map<string, string[]>();
  for (const ladder of ladders) {
    for (const track of ladder.tracks) {
      const levels = order.get(track.id) ?? [];
      for (const level of track.levels) if (!levels.includes(level.id)) levels.push(level.id);
      order.set(track.id, levels);
    }
  }
  for (const spell of spells) {
    const levels = order.get(spell.track) ?? [];
    if (!levels.includes(spell.level)) levels.push(spell.level);
    order.set(spell.track, levels);
  }
  return [...order].map(([track, levels]) => ({ track, levels }));
}

/** One table of the page as CSV (`time-in-level.csv`); a 404 for a name that is not one of them. */
export async function insightsCsv(
  viewer: Viewer,
  file: string,
  options: Options = {},
): Promise<{ filename: string; body: string }> {
  const table = INSIGHT_TABLES.find((name) => file === `${name}.csv`);
  if (!table) throw new NotFoundError({ key: "insights:errors.noSuchTable" });
  const { columns, rows } = insightTable(await insightsView(viewer, options), table);
  const language = options.language ?? SOURCE_LANGUAGE;
  const t = i18nFor(language).getFixedT(language);
  return {
    filename: `insights-${table}.csv`,
    body: [columns, ...wordedRows(t, rows)].map(csvRow).join(""),
  };
}

import { getLevel, type Ladder } from "~/modules/ladders";

/**
 * Interview plans: the stages of a loop for a role (track, level), each covering chosen
 * competencies, and who interviews in each. Coverage says what the plan misses before anyone
 * meets a candidate: competencies of the level no stage covers, competencies only one
 * interviewer will judge, competencies the level does not use, and a panel drawn from one team.
 */

/** Each competency of the level should be judged by at least this many different interviewers. */
export const MIN_INTERVIEWERS_PER_COMPETENCY = 2;

export interface PlanStage {
  id: string;
  name: string;
  competencyIds: readonly string[];
}

export interface PanelInterviewer {
  id: string;
  /** Null when the person has no team. */
  teamId: string | null;
  /** The interviewer's own level, null when not placed on a ladder. */
  levelId: string | null;
}

/** Stage id -> the interviewers assigned to it. */
export type Staffing = Readonly<Record<string, readonly PanelInterviewer[]>>;

export interface CompetencyCoverage {
  competencyId: string;
  stageIds: string[];
  /** Distinct interviewers across those stages (empty until the loop is staffed). */
  interviewerIds: string[];
}

export interface PanelGroup {
  /** A team id or level id; null for interviewers with none. */
  id: string | null;
  interviewerIds: string[];
}

export interface PanelMakeup {
  /** Distinct interviewers. */
  size: number;
  /** By team, largest first (then in order of assignment). */
  teams: PanelGroup[];
  /** By the interviewers' own levels, largest first (then in order of assignment). */
  levels: PanelGroup[];
}

export interface StaffingCoverage {
  /** Stages with nobody assigned yet. */
  unstaffedStages: string[];
  /** Once every stage is staffed: covered competencies of the level that fewer than two different interviewers will judge. Null until then. */
  thinlyCovered: CompetencyCoverage[] | null;
  panel: PanelMakeup;
}

export interface PlanCoverage {
  levelId: string;
  /** Every competency of the level, in ladder order, with the stages (and interviewers) covering it. */
  competencies: CompetencyCoverage[];
  /** Competencies of the level no stage covers. */
  uncovered: string[];
  /** Covered competencies the level does not use (the ladder knows them). */
  notAtLevel: CompetencyCoverage[];
  /** Covered ids the ladder does not know. */
  unknown: CompetencyCoverage[];
  /** Stages covering no competency. */
  emptyStages: string[];
  /** Null when no staffing was given. */
  staffing: StaffingCoverage | null;
}

function groupBy(
  interviewers: readonly PanelInterviewer[],
  key: (interviewer: PanelInterviewer) => string | null,
): PanelGroup[] {
  const groups = new Map<string | null, string[]>();
  for (const interviewer of interviewers) {
    const id = key(interviewer);
    const members = groups.get(id);
    if (members) members.push(interviewer.id);
    else groups.set(id, [interviewer.id]);
  }
  // Map keeps insertion order and sort is stable: ties stay in order of assignment.
  return [...groups]
    .map(([id, interviewerIds]) => ({ id, interviewerIds }))
    .sort((a, b) => b.interviewerIds.length - a.interviewerIds.length);
}

/** The panel's make-up: distinct interviewers by team and by level (whether it meets the panel rule is panels.ts's). */
export function panelMakeup(staffing: Staffing): PanelMakeup {
  const distinct = new Map<string, PanelInterviewer>();
  for (const interviewers of Object.values(staffing)) {
    for (const interviewer of interviewers)
      if (!distinct.has(interviewer.id)) distinct.set(interviewer.id, interviewer);
  }
  const interviewers = [...distinct.values()];
  const teams = groupBy(interviewers, (interviewer) => interviewer.teamId);
  return {
    size: interviewers.length,
    teams,
    levels: groupBy(interviewers, (interviewer) => interviewer.levelId),
  };
}

/** The plan's competencies: every id any stage covers, once, in the order first covered. */
export function planCompetencyIds(stages: readonly PlanStage[]): string[] {
  return [...new Set(stages.flatMap((stage) => stage.competencyIds))];
}

/**
 * How a plan covers the role's level, and (given who interviews in each stage) how well the
 * loop is staffed. Null when the ladder has no such level.
 */
export function planCoverage(
  ladder: Ladder,
  levelId: string,
  stages: readonly PlanStage[],
  staffing: Staffing | null = null,
): PlanCoverage | null {
  const level = getLevel(ladder, levelId);
  if (level === undefined) return null;
  const known = new Set(ladder.competencies.map((competency) => competency.id));
  const atLevel = new Set(level.competencyIds);
  const covered = new Map<string, CompetencyCoverage>();
  for (const stage of stages) {
    const interviewerIds = (staffing?.[stage.id] ?? []).map((interviewer) => interviewer.id);
    for (const competencyId of new Set(stage.competencyIds)) {
      let coverage = covered.get(competencyId);
      if (coverage === undefined) {
        coverage = { competencyId, stageIds: [], interviewerIds: [] };
        covered.set(competencyId, coverage);
      }
      coverage.stageIds.push(stage.id);
      for (const interviewerId of interviewerIds)
        if (!coverage.interviewerIds.includes(interviewerId))
          coverage.interviewerIds.push(interviewerId);
    }
  }
  const competencies = level.competencyIds.map(
    (competencyId) =>
      covered.get(competencyId) ?? { competencyId, stageIds: [], interviewerIds: [] },
  );
  const extra = [...covered.values()].filter((coverage) => !atLevel.has(coverage.competencyId));
  let staffingCoverage: StaffingCoverage | null = null;
  if (staffing !== null) {
    const unstaffedStages = stages
      .filter((stage) => (staffing[stage.id] ?? []).length === 0)
      .map((stage) => stage.id);
    staffingCoverage = {
      unstaffedStages,
      thinlyCovered:
        unstaffedStages.length > 0
          ? null
          : competencies.filter(
              (coverage) =>
                coverage.stageIds.length > 0 &&
                coverage.interviewerIds.length < MIN_INTERVIEWERS_PER_COMPETENCY,
            ),
      panel: panelMakeup(staffing),
    };
  }
  return {
    levelId,
    competencies,
    uncovered: competencies
      .filter((coverage) => coverage.stageIds.length === 0)
      .map((coverage) => coverage.competencyId),
    notAtLevel: extra.filter((coverage) => known.has(coverage.competencyId)),
    unknown: extra.filter((coverage) => !known.has(coverage.competencyId)),
    emptyStages: stages
      .filter((stage) => stage.competencyIds.length === 0)
      .map((stage) => stage.id),
    staffing: staffingCoverage,
  };
}

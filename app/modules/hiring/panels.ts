/**
 * Interview panels by the organisation's own rule, and interviewers' training: pure, from facts
 * the server reads (panels.server.ts). docs/decisions/085-interview-panels-and-training.md.
 *
 * A panel is judged on the dimensions an admin chose (team, level, track, imported attributes):
 * a panel of two or more interviewers who all share one value of a dimension is flagged, since the
 * loop hears one group's view. An attribute's values are only ever counted here, never returned
 * against a person: the flag and the number of groups say how mixed a panel is without naming
 * anyone's attribute.
 */

export const NAMED_DIMENSIONS = ["team", "level", "track"] as const;
export type NamedDimension = (typeof NAMED_DIMENSIONS)[number];
/** "team", "level", "track", or "attribute:<name>" for an imported attribute. */
export type PanelDimension = NamedDimension | `attribute:${string}`;

export const ATTRIBUTE_PREFIX = "attribute:";

export function isAttributeDimension(dimension: string): dimension is `attribute:${string}` {
  return dimension.startsWith(ATTRIBUTE_PREFIX) && dimension.length > ATTRIBUTE_PREFIX.length;
}

export function isPanelDimension(value: string): value is PanelDimension {
  return (NAMED_DIMENSIONS as readonly string[]).includes(value) || isAttributeDimension(value);
}

/** The stored list of dimensions; anything unreadable counts as none. */
export function parseDimensions(json: string): PanelDimension[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed)
      ? [
          ...new Set(
            parsed
              .filter((value): value is string => typeof value === "string")
              .filter(isPanelDimension),
          ),
        ]
      : [];
  } catch {
    return [];
  }
}

/** What the panel rule reads of an interviewer. */
export type PanelMember = {
  id: string;
  teamId: string | null;
  levelId: string | null;
  track: string | null;
  attributes: Readonly<Record<string, string>>;
};

export function valueOf(member: PanelMember, dimension: PanelDimension): string | null {
  if (dimension === "team") return member.teamId;
  if (dimension === "level") return member.levelId;
  if (dimension === "track") return member.track;
  return member.attributes[dimension.slice(ATTRIBUTE_PREFIX.length)] ?? null;
}

export type DimensionMix = {
  dimension: PanelDimension;
  /** Distinct known values among the panel's interviewers. */
  groups: number;
  /** For team, level and track only: each value with how many interviewers hold it, largest first. Never for an attribute. */
  counts: { value: string; count: number }[] | null;
  /** Interviewers with no value in this dimension. */
  unknown: number;
  /** Two or more interviewers, every one of them in one and the same group: what the rule asks to avoid. */
  flagged: boolean;
};

export type PanelMix = { size: number; dimensions: DimensionMix[]; metRule: boolean };

function distinct(members: readonly PanelMember[]): PanelMember[] {
  return [...new Map(members.map((member) => [member.id, member])).values()];
}

/** The panel's mix on each chosen dimension, and whether it meets the rule (no dimension flagged). */
export function panelMix(
  members: readonly PanelMember[],
  dimensions: readonly PanelDimension[],
): PanelMix {
  const panel = distinct(members);
  const mixes = dimensions.map((dimension): DimensionMix => {
    const tally = new Map<string, number>();
    let unknown = 0;
    for (const member of panel) {
      const value = valueOf(member, dimension);
      if (value === null || value === "") unknown += 1;
      else tally.set(value, (tally.get(value) ?? 0) + 1);
    }
    const counts = [...tally]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      dimension,
      groups: tally.size,
      counts: isAttributeDimension(dimension) ? null : counts,
      unknown,
      flagged: panel.length >= 2 && unknown === 0 && tally.size === 1,
    };
  });
  return { size: panel.length, dimensions: mixes, metRule: mixes.every((mix) => !mix.flagged) };
}

/** The chosen dimensions on which adding this person brings a value the panel does not have yet. */
export function widens(
  candidate: PanelMember,
  members: readonly PanelMember[],
  dimensions: readonly PanelDimension[],
): PanelDimension[] {
  return dimensions.filter((dimension) => {
    const value = valueOf(candidate, dimension);
    return (
      value !== null &&
      value !== "" &&
      !members.some((member) => valueOf(member, dimension) === value)
    );
  });
}

export type Suggestion = {
  id: string;
  widens: PanelDimension[];
  flagsCleared: number;
  load: number;
};

/**
 * Qualified interviewers who would widen the panel, those clearing a flagged dimension first, then
 * those widening more dimensions, then the least loaded this week. People at the weekly cap are
 * left out: they could not be staffed.
 */
export function suggestInterviewers(
  candidates: readonly (PanelMember & { load: number })[],
  panel: readonly PanelMember[],
  dimensions: readonly PanelDimension[],
  cap: number | null,
  limit = 5,
): Suggestion[] {
  const onPanel = new Set(panel.map((member) => member.id));
  const flagged = new Set(
    panelMix(panel, dimensions)
      .dimensions.filter((mix) => mix.flagged)
      .map((mix) => mix.dimension),
  );
  return candidates
    .filter((candidate) => !onPanel.has(candidate.id) && !atCap(candidate.load, cap))
    .map((candidate) => {
      const wider = widens(candidate, panel, dimensions);
      return {
        id: candidate.id,
        widens: wider,
        flagsCleared: wider.filter((dimension) => flagged.has(dimension)).length,
        load: candidate.load,
      };
    })
    .filter((suggestion) => suggestion.widens.length > 0)
    .sort(
      (a, b) =>
        b.flagsCleared - a.flagsCleared ||
        b.widens.length - a.widens.length ||
        a.load - b.load ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}

/** Whether an interviewer with this many interviews in a week may take no more. */
export function atCap(load: number, cap: number | null): boolean {
  return cap !== null && load >= cap;
}

/** The week (Monday 00:00 UTC to the next) an interview counts in: its time, or, unscheduled, the moment it was staffed. */
export function weekOf(at: Date): { start: Date; end: Date } {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const start = new Date(day.getTime() - sinceMonday * 86_400_000);
  return { start, end: new Date(start.getTime() + 7 * 86_400_000) };
}

export const TRAINING_STEPS = ["shadow", "reverse-shadow", "qualified"] as const;
export type TrainingStep = (typeof TRAINING_STEPS)[number];
export const SEAT_MODES = ["shadow", "reverse-shadow"] as const;
export type SeatMode = (typeof SEAT_MODES)[number];

export function isTrainingStep(value: string): value is TrainingStep {
  return (TRAINING_STEPS as readonly string[]).includes(value);
}

/** The step after a signed-off one. */
export function nextStep(step: TrainingStep): TrainingStep {
  return step === "shadow" ? "reverse-shadow" : "qualified";
}

/** A person's step on each competency they train on. */
export type TrainingRecord = Readonly<Record<string, TrainingStep>>;

/** Qualified for a stage: qualified on every competency it covers (a stage covering none asks nothing). */
export function qualifiedFor(training: TrainingRecord, competencyIds: readonly string[]): boolean {
  return competencyIds.every((id) => training[id] === "qualified");
}

/**
 * Where a trainee stands for a stage: the earliest step among its competencies (a path is walked
 * for the whole stage at once), or null when they train on none of them.
 */
export function stageStep(
  training: TrainingRecord,
  competencyIds: readonly string[],
): TrainingStep | null {
  const steps = competencyIds.map((id) => training[id]);
  if (competencyIds.length === 0 || steps.some((step) => step === undefined)) return null;
  return TRAINING_STEPS.find((step) => steps.includes(step)) ?? null;
}

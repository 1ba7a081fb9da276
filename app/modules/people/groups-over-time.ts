import { ATTRIBUTE_PREFIX } from "./attributes";

/**
 * A person's groups over time (pure), from their level history (LevelChange) and their team and
 * attribute history (GroupChange): what they were in each dimension (`team`, `track`, `level`,
 * `attribute:<name>`) from each dated change on, the first entry from the start. So a move of team,
 * level or attribute is a change the audits batch like any other, and a reading as of an earlier day
 * counts the person in the group they were in that day (decisions 083, 092). A dimension with no
 * recorded change is as the person is now: its first change dates from their createdAt, and a change
 * made before the history was kept has no row.
 */

/** A person as they are now; `team` is the team's id. */
export type GroupsNow = {
  team: string | null;
  track: string | null;
  level: string | null;
  attributes: Readonly<Record<string, string>>;
};

export type LevelChangeFacts = {
  fromTrackId: string | null;
  fromLevelId: string | null;
  toTrackId: string | null;
  toLevelId: string | null;
  changedAt: Date;
};

/** `kind` team (values are team ids) or attribute (`attribute` its name, values its values). */
export type GroupChangeFacts = {
  kind: string;
  attribute: string | null;
  fromValue: string | null;
  toValue: string | null;
  changedAt: Date;
};

export type GroupsSince = { from: Date | null; groups: Record<string, string | null> }[];

type Step = { at: number; from: string | null; to: string | null };

/**
 * Each of `dimensions` from each change on, one person's changes in the order they were made; a
 * team is shown by `teamName` (its current name, so a renamed team is one group throughout; a deleted
 * one, null).
 */
export function groupsOverTime(
  now: GroupsNow,
  levelChanges: readonly LevelChangeFacts[],
  groupChanges: readonly GroupChangeFacts[],
  dimensions: readonly string[],
  teamName: (teamId: string) => string | null,
): GroupsSince {
  const at = (change: { changedAt: Date }) => change.changedAt.getTime();
  const stepsOf = (dimension: string): Step[] => {
    if (dimension === "track")
      return levelChanges.map((change) => ({
        at: at(change),
        from: change.fromTrackId,
        to: change.toTrackId,
      }));
    if (dimension === "level")
      return levelChanges.map((change) => ({
        at: at(change),
        from: change.fromLevelId,
        to: change.toLevelId,
      }));
    const attribute = dimension.startsWith(ATTRIBUTE_PREFIX)
      ? dimension.slice(ATTRIBUTE_PREFIX.length)
      : null;
    const own = groupChanges.filter((change) =>
      dimension === "team"
        ? change.kind === "team"
        : change.kind === "attribute" && change.attribute === attribute,
    );
    return own.map((change) => ({ at: at(change), from: change.fromValue, to: change.toValue }));
  };
  const current = (dimension: string): string | null =>
    dimension === "team"
      ? now.team
      : dimension === "track"
        ? now.track
        : dimension === "level"
          ? now.level
          : (now.attributes[dimension.slice(ATTRIBUTE_PREFIX.length)] ?? null);
  const shown = (dimension: string, value: string | null) =>
    dimension === "team" && value !== null ? teamName(value) : value;
  const steps = new Map(dimensions.map((dimension) => [dimension, stepsOf(dimension)]));
  const valueAt = (dimension: string, moment: number | null): string | null => {
    const own = steps.get(dimension)!;
    if (!own.length) return shown(dimension, current(dimension));
    const last = moment === null ? undefined : own.filter((step) => step.at <= moment).at(-1);
    return shown(dimension, last ? last.to : own[0]!.from);
  };
  const groupsAt = (moment: number | null) =>
    Object.fromEntries(dimensions.map((dimension) => [dimension, valueAt(dimension, moment)]));
  const moments = [
    ...new Set([...steps.values()].flatMap((own) => own.map((step) => step.at))),
  ].sort((a, b) => a - b);
  return [
    { from: null, groups: groupsAt(null) },
    ...moments.map((moment) => ({ from: new Date(moment), groups: groupsAt(moment) })),
  ];
}

import {
  competenciesForLevel,
  getLevel,
  nextLevel,
  targetFor,
  type Ladder,
} from "~/modules/ladders";

/**
 * The gap to the level a proposal names (or, when it proposes no promotion, to the next level),
 * competency by competency, from the person's submitted self-assessment and manager review in the
 * cycle against that level's targets: what a manager weighs when proposing, beside the form.
 */

export type GapRow = {
  competencyId: string;
  name: string;
  self: number | null;
  manager: number | null;
  /** The target rating at the person's level now, or null when the competency does not apply there. */
  currentTarget: number | null;
  /** The target rating at the level compared with. */
  target: number;
  /** The manager review's rating against that target (the self-assessment when there is no review). */
  status: "meets" | "below" | "not-rated";
};

export type ProposalGap = {
  levelId: string;
  levelTitle: string;
  /** True when the level compared with is the one the proposal names, false for the next level. */
  proposed: boolean;
  rows: GapRow[];
  counts: { meets: number; below: number; notRated: number };
};

/** The gap to `proposedLevelId`, or to the next level when null; null when there is nothing to compare with. */
export function proposalGap(
  ladder: Ladder,
  levelId: string | null,
  proposedLevelId: string | null,
  ratings: { self: ReadonlyMap<string, number>; manager: ReadonlyMap<string, number> },
): ProposalGap | null {
  const target = proposedLevelId
    ? getLevel(ladder, proposedLevelId)
    : levelId
      ? nextLevel(ladder, levelId)
      : undefined;
  if (!target) return null;
  const rows: GapRow[] = competenciesForLevel(ladder, target.id).map((competency) => {
    const self = ratings.self.get(competency.id) ?? null;
    const manager = ratings.manager.get(competency.id) ?? null;
    const wanted = targetFor(ladder, target.id, competency.id) ?? target.target;
    const judged = manager ?? self;
    return {
      competencyId: competency.id,
      name: competency.name,
      self,
      manager,
      currentTarget:
        levelId && getLevel(ladder, levelId)?.competencyIds.includes(competency.id)
          ? targetFor(ladder, levelId, competency.id)
          : null,
      target: wanted,
      status: judged === null ? "not-rated" : judged >= wanted ? "meets" : "below",
    };
  });
  return {
    levelId: target.id,
    levelTitle: target.title,
    proposed: Boolean(proposedLevelId),
    rows,
    counts: {
      meets: rows.filter((row) => row.status === "meets").length,
      below: rows.filter((row) => row.status === "below").length,
      notRated: rows.filter((row) => row.status === "not-rated").length,
    },
  };
}

import { defaultTarget } from "./targets";
import type { Ladder } from "./types";

/**
 * A ladder as a stored version holds it (LadderVersion.content, the built model as JSON),
 * read into today's model. Versions stored before competencies could start or stop at a level
 * and before targets lack those fields: every competency of a track applied at each of its
 * levels (the expectations a level holds), and every level expected the default target.
 * Versions from before branching paths had no branches and one title per level; versions from
 * before references had no links on competencies; versions from before sub-levels had none.
 */
export function readStoredLadder(content: unknown): Ladder {
  const ladder = content as Ladder;
  const target = defaultTarget(ladder.scale);
  return {
    ...ladder,
    competencies: ladder.competencies.map((competency) => ({
      ...competency,
      applies: competency.applies ?? {},
      links: competency.links ?? [],
    })),
    tracks: ladder.tracks.map((track) => ({
      ...track,
      branchesFrom: track.branchesFrom ?? null,
      levels: track.levels.map((level) => {
        const competencyIds =
          level.competencyIds ??
          track.competencyIds.filter((id) => Object.hasOwn(level.expectations, id));
        const levelTarget = level.target ?? target;
        return {
          ...level,
          alsoTitled: level.alsoTitled ?? [],
          sublevels: level.sublevels ?? [],
          competencyIds,
          target: levelTarget,
          targets:
            level.targets ?? Object.fromEntries(competencyIds.map((id) => [id, levelTarget])),
        };
      }),
    })),
  };
}

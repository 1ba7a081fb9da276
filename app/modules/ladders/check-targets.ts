import { check, didYouMean } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { competenciesWithUnknownBounds } from "./check-applies";
import { errorIn, knownIds, type LadderParts } from "./merge";
import { appliesAt } from "./applies";

/**
 * Targets are ratings, so each is a value of the scale; one scale point at most is the
 * default target; a level's per-competency targets name competencies that apply at it.
 */
export function checkTargets(parts: LadderParts): LadderError[] {
  const errors: LadderError[] = [];
  const scale = parts.scale;
  const values = scale?.value.map((point) => point.value) ?? [];
  const onScale = (value: number) => scale === undefined || values.includes(value);
  const scaleText = values.join(", ");
  if (scale) {
    const first = scale.value.findIndex((point) => point.target === true);
    scale.value.forEach((point, index) => {
      if (point.target === true && index !== first) {
        errors.push(errorIn(scale, [index, "target"], check("scale.oneDefault", { index: first })));
      }
    });
  }
  // A competency the schema refused, or whose `applies` is itself wrong, has its one error already.
  const written = knownIds(parts, "competency");
  const unsettled = competenciesWithUnknownBounds(parts);
  for (const track of parts.tracks) {
    track.value.levels.forEach((level, rank) => {
      const path = ["levels", rank];
      if (level.target !== undefined && !onScale(level.target)) {
        errors.push(
          errorIn(
            track,
            [...path, "target"],
            check("scale.targetOffScale", { value: level.target, values: scaleText }),
          ),
        );
      }
      const applying = parts.competencies
        .filter(({ value }) => appliesAt(value, track.value, rank))
        .map(({ value }) => value.id);
      for (const [competencyId, value] of Object.entries(level.targets ?? {})) {
        if (!applying.includes(competencyId)) {
          const known = parts.competencies.some(
            (competency) => competency.value.id === competencyId,
          );
          if (
            unsettled.has(competencyId) ||
            (!known && (written.has(competencyId) || !parts.complete))
          )
            continue;
          const why = known
            ? check("scale.targetNotApplying", { competency: competencyId, level: level.id })
            : check("scale.targetUnknown", {
                competency: competencyId,
                hint: didYouMean(competencyId, applying),
              });
          errors.push(errorIn(track, [...path, "targets"], why, competencyId));
        } else if (!onScale(value)) {
          errors.push(
            errorIn(
              track,
              [...path, "targets", competencyId],
              check("scale.targetOffScale", { value, values: scaleText }),
            ),
          );
        }
      }
    });
  }
  return errors;
}

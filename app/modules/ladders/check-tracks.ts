import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";
import type { CompetencyData } from "./schema";
import { closestMatch, didYouMean } from "./suggest";

/** A competency with no `tracks` key is shared by every track. */
export function usesCompetency(competency: Pick<CompetencyData, "tracks">, trackId: string): boolean {
  return competency.tracks === undefined || competency.tracks.includes(trackId);
}

/** Every level says what is expected for exactly the competencies its track uses. */
export function checkExpectations(parts: LadderParts): LadderError[] {
  const known = knownIds(parts, "competency");
  const valid = new Map(parts.competencies.map((competency) => [competency.value.id, competency.value]));
  const errors: LadderError[] = [];
  for (const track of parts.tracks) {
    const trackId = track.value.id;
    const used = parts.competencies.filter((competency) => usesCompetency(competency.value, trackId));
    track.value.levels.forEach((level, levelIndex) => {
      const path = ["levels", levelIndex, "expectations"];
      // A misspelt id is one mistake: report it as unknown, not also as a missing competency.
      const typoFor = new Set<string | undefined>();
      for (const competencyId of Object.keys(level.expectations)) {
        const competency = valid.get(competencyId);
        if (competency === undefined) {
          if (parts.complete && !known.has(competencyId)) {
            typoFor.add(closestMatch(competencyId, known));
            errors.push(errorIn(track, path, `unknown competency "${competencyId}"${didYouMean(competencyId, known)}`, competencyId));
          }
        } else if (!usesCompetency(competency, trackId)) {
          errors.push(
            errorIn(
              track,
              path,
              `track "${trackId}" does not use competency "${competencyId}" (its tracks: ${competency.tracks?.join(", ")}); remove these expectations or add "${trackId}" to the competency's tracks`,
              competencyId,
            ),
          );
        }
      }
      for (const competency of used) {
        if (!Object.hasOwn(level.expectations, competency.value.id) && !typoFor.has(competency.value.id)) {
          errors.push(errorIn(track, path, `missing expectations for competency "${competency.value.id}", which track "${trackId}" uses`));
        }
      }
    });
  }
  return errors;
}

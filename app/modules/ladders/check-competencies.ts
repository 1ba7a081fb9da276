import { check, didYouMean } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts, type Sourced } from "./merge";
import type { CompetencyData, ScalePointData } from "./schema";
import { didYouMeanLevel, levelCandidates } from "./suggest-level";

/** References from competencies: their area, their tracks, the levels their questions suit, and their anchors. */
export function checkCompetencies(parts: LadderParts): LadderError[] {
  const areas = knownIds(parts, "area");
  const tracks = knownIds(parts, "track");
  const levels = knownIds(parts, "level");
  const errors: LadderError[] = [];
  for (const competency of parts.competencies) {
    const { area, tracks: trackIds = [], interview } = competency.value;
    if (parts.complete && !areas.has(area)) {
      errors.push(
        errorIn(
          competency,
          ["area"],
          check("unknown.area", { id: area, hint: didYouMean(area, areas) }),
        ),
      );
    }
    const listed = new Set<string>();
    trackIds.forEach((trackId, index) => {
      if (listed.has(trackId))
        errors.push(
          errorIn(
            competency,
            ["tracks", index],
            check("competencies.trackTwice", { track: trackId }),
          ),
        );
      else if (parts.complete && !tracks.has(trackId)) {
        errors.push(
          errorIn(
            competency,
            ["tracks", index],
            check("unknown.track", { id: trackId, hint: didYouMean(trackId, tracks) }),
          ),
        );
      }
      listed.add(trackId);
    });
    interview?.questions.forEach((question, questionIndex) => {
      question.levels?.forEach((levelId, index) => {
        if (parts.complete && !levels.has(levelId)) {
          const path = ["interview", "questions", questionIndex, "levels", index];
          errors.push(
            errorIn(
              competency,
              path,
              check("unknown.level", {
                id: levelId,
                hint: didYouMeanLevel(levelId, levelCandidates(parts)),
              }),
            ),
          );
        }
      });
    });
    // Against a broken scale every anchor looks wrong; the scale's own error says what to fix.
    if (parts.scale !== undefined && isAscending(parts.scale.value))
      errors.push(...checkAnchors(competency, parts.scale.value));
  }
  return errors;
}

/** Interviewers score on the scale, so each scale value needs exactly one anchor describing it. */
function checkAnchors(
  competency: Sourced<CompetencyData>,
  scale: readonly ScalePointData[],
): LadderError[] {
  const anchors = competency.value.interview?.anchors;
  if (anchors === undefined) return [];
  const errors: LadderError[] = [];
  const values = scale.map((point) => point.value);
  const seen = new Map<number, string>();
  for (const key of Object.keys(anchors)) {
    const value = Number(key);
    const earlier = seen.get(value);
    if (earlier !== undefined) {
      errors.push(
        errorIn(
          competency,
          ["interview", "anchors"],
          check("competencies.anchorRepeats", { key, value, earlier }),
          key,
        ),
      );
    } else if (!values.includes(value)) {
      errors.push(
        errorIn(
          competency,
          ["interview", "anchors"],
          check("competencies.anchorOffScale", { key, values: values.join(", ") }),
          key,
        ),
      );
    }
    seen.set(value, key);
  }
  for (const point of scale) {
    if (!seen.has(point.value)) {
      errors.push(
        errorIn(
          competency,
          ["interview", "anchors"],
          check("competencies.anchorMissing", { value: point.value, label: point.label }),
        ),
      );
    }
  }
  return errors;
}

function isAscending(scale: readonly ScalePointData[]): boolean {
  return scale.every((point, index) => index === 0 || point.value > scale[index - 1]!.value);
}

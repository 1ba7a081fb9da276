import { check } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { errorIn, type LadderParts } from "./merge";

/** Scores are compared numerically, so scale values must be distinct and climb. */
export function checkScale(parts: LadderParts): LadderError[] {
  const scale = parts.scale;
  if (scale === undefined) return [];
  const errors: LadderError[] = [];
  const firstIndex = new Map<number, number>();
  let highest = -Infinity;
  scale.value.forEach((point, index) => {
    const earlier = firstIndex.get(point.value);
    if (earlier !== undefined) {
      errors.push(
        errorIn(
          scale,
          [index, "value"],
          check("scale.twice", { value: point.value, index: earlier }),
        ),
      );
    } else if (point.value <= highest) {
      errors.push(
        errorIn(
          scale,
          [index, "value"],
          check("scale.ascending", { value: point.value, previous: highest }),
        ),
      );
    }
    if (earlier === undefined) firstIndex.set(point.value, index);
    highest = Math.max(highest, point.value);
  });
  return errors;
}

/** Calibration scales: ids unique, and values distinct and climbing within each, as on the ladder's scale. */
export function checkCalibrationScales(parts: LadderParts): LadderError[] {
  const scales = parts.calibrationScales;
  if (scales === undefined) return [];
  const errors: LadderError[] = [];
  const seen = new Map<string, number>();
  scales.value.forEach((scale, index) => {
    const earlier = seen.get(scale.id);
    if (earlier !== undefined)
      errors.push(
        errorIn(
          scales,
          [index, "id"],
          check("scale.calibrationTwice", { id: scale.id, index: earlier }),
        ),
      );
    else seen.set(scale.id, index);
    scale.points.forEach((point, pointIndex) => {
      const previous = scale.points[pointIndex - 1];
      if (previous !== undefined && point.value <= previous.value) {
        errors.push(
          errorIn(
            scales,
            [index, "points", pointIndex, "value"],
            check("scale.calibrationAscending", { value: point.value, previous: previous.value }),
          ),
        );
      }
    });
  });
  return errors;
}

/** Readers expect the latest change on top; versions identify entries. */
export function checkChangelog(parts: LadderParts): LadderError[] {
  const changelog = parts.changelog;
  if (changelog === undefined) return [];
  const errors: LadderError[] = [];
  const versions = new Map<string, number>();
  changelog.value.forEach((entry, index) => {
    const previous = changelog.value[index - 1];
    if (previous !== undefined && entry.date > previous.date) {
      errors.push(
        errorIn(
          changelog,
          [index, "date"],
          check("scale.changelogOrder", { date: entry.date, previous: previous.date }),
        ),
      );
    }
    const earlier = versions.get(entry.version);
    if (earlier !== undefined) {
      errors.push(
        errorIn(
          changelog,
          [index, "version"],
          check("scale.changelogTwice", { version: entry.version, index: earlier }),
        ),
      );
    } else {
      versions.set(entry.version, index);
    }
  });
  return errors;
}

/** A warning: a changelog that lags the version misleads readers but breaks nothing. */
export function warnChangelogVersion(parts: LadderParts): LadderError[] {
  const newest = parts.changelog?.value[0];
  const version = parts.ladder?.value.version;
  if (
    parts.changelog === undefined ||
    newest === undefined ||
    version === undefined ||
    newest.version === version
  )
    return [];
  return [
    errorIn(
      parts.changelog,
      [0, "version"],
      check("scale.changelogBehind", { newest: newest.version, version }),
    ),
  ];
}

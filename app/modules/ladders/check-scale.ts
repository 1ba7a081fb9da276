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
      errors.push(errorIn(scale, [index, "value"], `scale value ${point.value} appears twice (also at scale[${earlier}])`));
    } else if (point.value <= highest) {
      errors.push(errorIn(scale, [index, "value"], `scale values must be strictly ascending: ${point.value} comes after ${highest}`));
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
    if (earlier !== undefined) errors.push(errorIn(scales, [index, "id"], `calibration scale id "${scale.id}" appears twice (also at calibrationScales[${earlier}])`));
    else seen.set(scale.id, index);
    scale.points.forEach((point, pointIndex) => {
      const previous = scale.points[pointIndex - 1];
      if (previous !== undefined && point.value <= previous.value) {
        errors.push(errorIn(scales, [index, "points", pointIndex, "value"], `calibration scale values must be strictly ascending: ${point.value} comes after ${previous.value}`));
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
        errorIn(changelog, [index, "date"], `the changelog must be newest first: ${entry.date} is newer than the entry above it (${previous.date})`),
      );
    }
    const earlier = versions.get(entry.version);
    if (earlier !== undefined) {
      errors.push(errorIn(changelog, [index, "version"], `version "${entry.version}" appears twice in the changelog (also at changelog[${earlier}])`));
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
  if (parts.changelog === undefined || newest === undefined || version === undefined || newest.version === version) return [];
  return [
    errorIn(parts.changelog, [0, "version"], `the newest changelog entry is for version "${newest.version}" but the ladder is version "${version}"; add an entry for "${version}" at the top, or correct the ladder's version`),
  ];
}

import { check, didYouMean } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";

/**
 * Points-based progression: every scale value is worth some points (and nothing else is),
 * bands climb, titles name tracks of the ladder and their ranges do not end before they start.
 */
export function checkPoints(parts: LadderParts): LadderError[] {
  const points = parts.points;
  if (points === undefined) return [];
  const errors: LadderError[] = [];
  const scale = parts.scale?.value;
  if (scale !== undefined) {
    const values = scale.map((point) => point.value);
    const given = new Set<number>();
    for (const key of Object.keys(points.value.perRating)) {
      if (!values.includes(Number(key)))
        errors.push(
          errorIn(
            points,
            ["perRating"],
            check("points.offScale", { key, values: values.join(", ") }),
            key,
          ),
        );
      given.add(Number(key));
    }
    for (const point of scale) {
      if (!given.has(point.value))
        errors.push(
          errorIn(
            points,
            ["perRating"],
            check("points.missing", { value: point.value, label: point.label }),
          ),
        );
    }
  }
  points.value.bands.forEach((band, index) => {
    const before = points.value.bands[index - 1];
    if (before !== undefined && band.from <= before.from) {
      errors.push(
        errorIn(
          points,
          ["bands", index, "from"],
          check("points.bands", {
            band: band.label,
            from: band.from,
            previous: before.label,
            previousFrom: before.from,
          }),
        ),
      );
    }
  });
  const tracks = knownIds(parts, "track");
  for (const [trackId, ranges] of Object.entries(points.value.titles ?? {})) {
    if (parts.complete && !tracks.has(trackId))
      errors.push(
        errorIn(
          points,
          ["titles"],
          check("unknown.track", { id: trackId, hint: didYouMean(trackId, tracks) }),
          trackId,
        ),
      );
    ranges.forEach((range, index) => {
      if (range.upTo !== undefined && range.upTo < range.from) {
        errors.push(
          errorIn(
            points,
            ["titles", trackId, index, "upTo"],
            check("points.titleEnds", { title: range.title, upTo: range.upTo, from: range.from }),
          ),
        );
      }
    });
  }
  return errors;
}

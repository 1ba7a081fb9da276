import type { Ladder, PointsScheme } from "./types";
import type { Message } from "~/i18n/messages";

/** Where a total of points puts a person: the band it falls in and, per track, the titles whose range holds it. */
export interface PointsStanding {
  total: number;
  /** How many ratings the total adds up. */
  rated: number;
  band: { label: string; from: number; upTo: number | null } | null;
  titles: { trackId: string; trackName: string; title: string }[];
}

/** The points a rating is worth; 0 for a value the scheme does not price (a rating off the scale). */
export function pointsOf(scheme: PointsScheme, rating: number): number {
  return scheme.perRating.find((point) => point.value === rating)?.points ?? 0;
}

/** The band a total falls in: the last whose `from` it reaches; null below the first band. */
export function bandOf(scheme: PointsScheme, total: number): PointsStanding["band"] {
  let found: PointsStanding["band"] = null;
  scheme.bands.forEach((band, index) => {
    if (total >= band.from)
      found = { label: band.label, from: band.from, upTo: next(scheme, index) };
  });
  return found;
}

function next(scheme: PointsScheme, index: number): number | null {
  const following = scheme.bands[index + 1];
  return following === undefined ? null : following.from;
}

/** Per track, the titles whose range holds the total (ranges of different tracks overlap: an IC and a manager title at once). */
export function titlesOf(scheme: PointsScheme, total: number): PointsStanding["titles"] {
  return scheme.titles.flatMap((track) =>
    track.ranges
      .filter((range) => total >= range.from && (range.upTo === null || total <= range.upTo))
      .map((range) => ({ trackId: track.trackId, trackName: track.trackName, title: range.title })),
  );
}

/** Adds up the ratings given (unrated competencies add nothing) and places the total. */
export function pointsStanding(
  scheme: PointsScheme,
  ratings: ReadonlyArray<number | null | undefined>,
): PointsStanding {
  const given = ratings.filter((rating): rating is number => typeof rating === "number");
  const total = given.reduce((sum, rating) => sum + pointsOf(scheme, rating), 0);
  return {
    total,
    rated: given.length,
    band: bandOf(scheme, total),
    titles: titlesOf(scheme, total),
  };
}

/** Where these ratings stand on the ladder's points, as a message and in figures; null for a ladder without points. */
export function ladderStanding(
  ladder: Pick<Ladder, "points">,
  ratings: ReadonlyArray<number | null | undefined>,
): (PointsStanding & { text: Message }) | null {
  if (!ladder.points) return null;
  const standing = pointsStanding(ladder.points, ratings);
  return { ...standing, text: describeStanding(standing) };
}

/** "142 points: band 3.2, Senior Engineer / Engineering Manager". */
export function describeStanding(standing: PointsStanding): Message {
  const titles = standing.titles.map((title) => title.title).join(" / ");
  const values: Record<string, string | number> = { total: standing.total };
  if (standing.band) values.band = standing.band.label;
  if (titles) values.titles = titles;
  return {
    key: `ladders:points.standing.${standing.band ? "inBand" : "belowBands"}${titles ? "Titled" : ""}`,
    values,
  };
}

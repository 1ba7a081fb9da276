import { describe, expect, it } from "vitest";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf, type Message } from "~/i18n/messages";
import type { PointsScheme } from "~/modules/ladders";
import {
  bandOf,
  describeStanding,
  pointsOf,
  pointsStanding,
  titlesOf,
} from "~/modules/ladders/points";

/** Snowflake's shape: milestone points that grow, bands of the total, IC and manager titles over overlapping ranges. */
const scheme: PointsScheme = {
  perRating: [
    { value: 1, points: 0 },
    { value: 2, points: 1 },
    { value: 3, points: 3 },
    { value: 4, points: 6 },
  ],
  bands: [
    { label: "1.1", from: 0 },
    { label: "1.2", from: 5 },
    { label: "2.1", from: 11 },
    { label: "3.2", from: 20 },
  ],
  titles: [
    {
      trackId: "ic",
      trackName: "Engineer",
      ranges: [
        { title: "Engineer I", from: 0, upTo: 10 },
        { title: "Senior Engineer", from: 11, upTo: null },
      ],
    },
    {
      trackId: "manager",
      trackName: "Manager",
      ranges: [{ title: "Engineering Manager", from: 18, upTo: 30 }],
    },
  ],
};

const english = translatorOf(undefined);
const inEnglish = (message: Message) => wordsOf(english, message);

describe("points-based progression", () => {
  it("a rating is worth its scale value's points, and nothing off the scale", () => {
    expect([1, 2, 3, 4, 9].map((rating) => pointsOf(scheme, rating))).toEqual([0, 1, 3, 6, 0]);
  });

  it("a total is in the last band it reaches: a band's first total is in it, the one before is in the band below", () => {
    expect(bandOf(scheme, 4)).toEqual({ label: "1.1", from: 0, upTo: 5 });
    expect(bandOf(scheme, 5)?.label).toBe("1.2");
    expect(bandOf(scheme, 10)?.label).toBe("1.2");
    expect(bandOf(scheme, 11)?.label).toBe("2.1");
    expect(bandOf(scheme, 500)).toEqual({ label: "3.2", from: 20, upTo: null });
    expect(bandOf({ ...scheme, bands: [{ label: "1", from: 3 }] }, 2)).toBeNull();
  });

  it("titles are per track over inclusive ranges, so overlapping ranges give an IC and a manager title at once", () => {
    expect(titlesOf(scheme, 10).map((title) => title.title)).toEqual(["Engineer I"]);
    expect(titlesOf(scheme, 11).map((title) => title.title)).toEqual(["Senior Engineer"]);
    expect(titlesOf(scheme, 18).map((title) => title.title)).toEqual([
      "Senior Engineer",
      "Engineering Manager",
    ]);
    expect(titlesOf(scheme, 30).map((title) => title.title)).toEqual([
      "Senior Engineer",
      "Engineering Manager",
    ]);
    expect(titlesOf(scheme, 31).map((title) => title.title)).toEqual(["Senior Engineer"]);
  });

  it("adds up the ratings given, skipping unrated ones, and says where the total stands", () => {
    const standing = pointsStanding(scheme, [4, 4, 3, 3, null, 2, undefined]);
    expect(standing).toMatchObject({ total: 19, rated: 5, band: { label: "2.1" } });
    expect(inEnglish(describeStanding(standing))).toBe(
      "19 points: band 2.1, Senior Engineer / Engineering Manager",
    );
    expect(inEnglish(describeStanding(pointsStanding(scheme, [2])))).toBe(
      "1 point: band 1.1, Engineer I",
    );
    expect(
      inEnglish(
        describeStanding(
          pointsStanding({ ...scheme, bands: [{ label: "1", from: 3 }], titles: [] }, [1]),
        ),
      ),
    ).toBe("0 points: below the first band");
  });
});

import { describe, expect, it } from "vitest";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { ladderStanding } from "~/modules/ladders/points";
import { keptStatements } from "~/modules/ladders/import/kept";
import { importSnowflake } from "~/modules/ladders/import/snowflake";
import {
  IMPORT_FIXTURES,
  loadImported,
  readSourceFiles,
  reportLines,
  statementsOf,
} from "./helpers";

const ROOT = `${IMPORT_FIXTURES}/snowflake`;
const sources = readSourceFiles(ROOT, /^(constants\.js|README\.md)$/);
const imported = importSnowflake(sources);
const ladder = loadImported(imported);

describe("importing Medium's Snowflake", () => {
  it("makes each of Snowflake's tracks a competency in its category, with its name and description", () => {
    expect(imported.ladderId).toBe("snowflake");
    expect(ladder.areas.map((area) => [area.id, area.name])).toEqual([
      ["a", "A"],
      ["b", "B"],
    ]);
    expect(
      ladder.competencies.map((competency) => [
        competency.id,
        competency.name,
        competency.areaId,
        competency.description,
      ]),
    ).toEqual([
      [
        "mobile",
        "Mobile",
        "a",
        "Develops expertise in native mobile platform engineering, such as iOS or Android",
      ],
      [
        "communication",
        "Communication",
        "b",
        "Shares the right amount of information with the right people, at the right time, and listens effectively",
      ],
    ]);
  });

  it("rates on Snowflake's milestones, 0 to 5, and makes its five levels expect milestone n, with the bands n.1 to n.3 as sub-levels", () => {
    expect(ladder.scale.map((point) => [point.value, point.label])).toEqual(
      [0, 1, 2, 3, 4, 5].map((value) => [value, `Milestone ${value}`]),
    );
    expect(
      ladder.tracks.map((track) => [
        track.id,
        track.levels.map((level) => [
          level.id,
          level.title,
          level.target,
          level.sublevels.map((sublevel) => sublevel.title),
        ]),
      ]),
    ).toEqual([
      [
        "engineering",
        [1, 2, 3, 4, 5].map((n) => [`level-${n}`, `Level ${n}`, n, [`${n}.1`, `${n}.2`, `${n}.3`]]),
      ],
    ]);
  });

  it("expects at level n each track's milestone n: its summary with the example tasks, then its signals", () => {
    const mobile3 = ladder.tracks[0]!.levels[2]!.expectations.mobile!;
    expect(mobile3.map((expectation) => expectation.text)).toEqual([
      "Designs major new features and demonstrates a nuanced understanding of mobile platform constraints",
      "Implements complex features with a large product surface area",
      "Works effectively with  Android reactive programming framework",
      "Adds support for new iOS features after a major iOS version upgrade",
    ]);
    expect(mobile3[0]!.examples).toEqual([
      "Designed iOS caching strategy for offline reading",
      "Built series reader on Android",
      "Informed the team about recent best practice changes and deprecations",
    ]);
  });

  it("writes Snowflake's points, bands and titles, so a rating of milestones adds up as Snowflake adds it", () => {
    expect(ladder.points!.perRating).toEqual(
      [0, 1, 3, 6, 12, 20].map((points, value) => ({ value, points })),
    );
    expect(ladder.points!.bands.map((band) => `${band.label}@${band.from}`)).toEqual([
      "1.1@0",
      "1.2@5",
      "1.3@11",
      "2.1@17",
      "2.2@23",
      "2.3@29",
      "3.1@36",
      "3.2@43",
      "3.3@50",
      "4.1@58",
      "4.2@66",
      "4.3@74",
      "5.1@90",
      "5.2@110",
      "5.3@135",
    ]);
    expect(ladder.points!.titles).toEqual([
      {
        trackId: "engineering",
        trackName: "Engineering",
        ranges: [
          { title: "Engineer I", from: 0, upTo: 16 },
          { title: "Engineer II", from: 17, upTo: 35 },
          { title: "Senior Engineer", from: 36, upTo: 57 },
          { title: "Group Lead", from: 36, upTo: 57 },
          { title: "Staff Engineer", from: 58, upTo: 89 },
          { title: "Senior Group Lead", from: 58, upTo: 89 },
          { title: "Principal Engineer", from: 90, upTo: null },
          { title: "Director of Engineering", from: 90, upTo: null },
        ],
      },
    ]);
    // Milestone 4 in Mobile (12) and 3 in Communication (6): 18 points, as Snowflake's own sum.
    expect(wordsOf(translatorOf(undefined), ladderStanding(ladder, [4, 3])!.text)).toBe(
      "18 points: band 2.1, Engineer II",
    );
  });

  it("keeps every summary, signal and example, names the source and says what Snowflake does not give", () => {
    expect(keptStatements(imported.stated, ladder)).toEqual({ stated: 70, kept: 70, lost: [] });
    expect(statementsOf(ladder)).toHaveLength(40);
    expect(ladder.meta.source).toEqual({
      name: "Medium's Snowflake",
      url: "https://github.com/Medium/snowflake",
      files: ["constants.js", "README.md"],
    });
    expect(ladder.meta.description).toMatch(
      /^Snowflake is Medium's tool for planning and supporting our engineers' career development\./,
    );
    expect(reportLines(imported)).toEqual([
      `${ROOT}/src/constants.js: Snowflake names its categories only by letter (A, B); the areas are named so and have no description`,
      `${ROOT}/src/constants.js: Snowflake has no tracks of its own, only titles over points: one track, Engineering, holds its five levels and every title`,
      `${ROOT}/src/constants.js: Snowflake says nothing about its levels beyond their points; the levels have no summary`,
    ]);
  });

  it("refuses a file that holds no Snowflake tracks, naming it", () => {
    expect(() =>
      importSnowflake([{ path: "snowflake/constants.js", text: "export const x = 1\n" }]),
    ).toThrow(/^snowflake\/constants\.js: no `tracks` object/);
    expect(() => importSnowflake([])).toThrow(
      /^constants\.js: Snowflake keeps its tracks, milestones and points in constants\.js/,
    );
  });
});

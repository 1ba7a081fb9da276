import { expect, test } from "vitest";
import { groupsOverTime } from "~/modules/people/groups-over-time";

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 14, 30));
const DIMENSIONS = ["team", "track", "level", "attribute:location", "attribute:employment"];
const teamNames = new Map([
  ["t-atlas", "Atlas (renamed)"],
  ["t-cygnus", "Cygnus"],
]);

test("each dimension is what its own recorded changes say on each day, the first change's 'from' before it, and as the person is now where none is recorded", () => {
  const now = {
    team: "t-cygnus",
    track: "ic",
    level: "ic3",
    attributes: { location: "Berlin", employment: "full-time" },
  };
  const levels = [
    { fromTrackId: "ic", fromLevelId: "ic2", toTrackId: "ic", toLevelId: "ic3", changedAt: day(6) },
  ];
  const regroupings = [
    { kind: "team", attribute: null, fromValue: "t-atlas", toValue: "t-gone", changedAt: day(4) },
    {
      kind: "attribute",
      attribute: "location",
      fromValue: "Lisbon",
      toValue: "Berlin",
      changedAt: day(6),
    },
    { kind: "team", attribute: null, fromValue: "t-gone", toValue: "t-cygnus", changedAt: day(9) },
  ];
  expect(
    groupsOverTime(now, levels, regroupings, DIMENSIONS, (id) => teamNames.get(id) ?? null),
  ).toEqual([
    // A team is shown by its name now (one group through a rename); one since deleted, by none.
    {
      from: null,
      groups: {
        team: "Atlas (renamed)",
        track: "ic",
        level: "ic2",
        "attribute:location": "Lisbon",
        "attribute:employment": "full-time",
      },
    },
    {
      from: day(4),
      groups: {
        team: null,
        track: "ic",
        level: "ic2",
        "attribute:location": "Lisbon",
        "attribute:employment": "full-time",
      },
    },
    // Changes at one moment are one entry.
    {
      from: day(6),
      groups: {
        team: null,
        track: "ic",
        level: "ic3",
        "attribute:location": "Berlin",
        "attribute:employment": "full-time",
      },
    },
    {
      from: day(9),
      groups: {
        team: "Cygnus",
        track: "ic",
        level: "ic3",
        "attribute:location": "Berlin",
        "attribute:employment": "full-time",
      },
    },
  ]);
});

test("a person with no recorded change is as they are now throughout", () => {
  const now = { team: "t-atlas", track: null, level: null, attributes: {} };
  expect(groupsOverTime(now, [], [], DIMENSIONS, (id) => teamNames.get(id) ?? null)).toEqual([
    {
      from: null,
      groups: {
        team: "Atlas (renamed)",
        track: null,
        level: null,
        "attribute:location": null,
        "attribute:employment": null,
      },
    },
  ]);
});

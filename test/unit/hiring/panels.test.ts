import { describe, expect, test } from "vitest";
import {
  nextStep,
  panelMix,
  parseDimensions,
  qualifiedFor,
  stageStep,
  suggestInterviewers,
  weekOf,
  widens,
  type PanelMember,
} from "~/modules/hiring/panels";
import { interviewerRefusal, mayScore } from "~/modules/hiring/policy";

const member = (
  id: string,
  teamId: string | null,
  levelId: string | null,
  location?: string,
): PanelMember => ({ id, teamId, levelId, track: "ic", attributes: location ? { location } : {} });

describe("a panel's mix", () => {
  test("two or more interviewers all in one group of a chosen dimension are flagged; an attribute is only counted", () => {
    const mix = panelMix(
      [
        member("a", "t1", "ic3", "Berlin"),
        member("b", "t1", "ic4", "Berlin"),
        member("a", "t1", "ic3", "Berlin"),
      ],
      ["team", "level", "attribute:location"],
    );
    expect(mix.size).toBe(2);
    expect(mix.metRule).toBe(false);
    expect(mix.dimensions).toEqual([
      {
        dimension: "team",
        groups: 1,
        counts: [{ value: "t1", count: 2 }],
        unknown: 0,
        flagged: true,
      },
      {
        dimension: "level",
        groups: 2,
        counts: [
          { value: "ic3", count: 1 },
          { value: "ic4", count: 1 },
        ],
        unknown: 0,
        flagged: false,
      },
      { dimension: "attribute:location", groups: 1, counts: null, unknown: 0, flagged: true },
    ]);
  });

  test("a lone interviewer, or one without a value, is not flagged", () => {
    expect(panelMix([member("a", "t1", "ic3")], ["team"]).metRule).toBe(true);
    expect(panelMix([member("a", "t1", "ic3"), member("b", null, "ic3")], ["team"]).metRule).toBe(
      true,
    );
  });

  test("suggestions clear a flag first, then widen most, then carry the least load; those at the cap are left out", () => {
    const panel = [member("a", "t1", "ic3", "Berlin"), member("b", "t1", "ic4", "Berlin")];
    const candidates = [
      { ...member("same", "t1", "ic5", "Berlin"), load: 0 },
      { ...member("busy", "t2", "ic3", "Lisbon"), load: 3 },
      { ...member("free", "t2", "ic3", "Berlin"), load: 0 },
      { ...member("full", "t3", "ic6", "Oslo"), load: 4 },
      { ...member("a", "t9", "ic9", "Rome"), load: 0 },
    ];
    const suggested = suggestInterviewers(candidates, panel, ["team", "attribute:location"], 4);
    expect(
      suggested.map((suggestion) => [suggestion.id, suggestion.flagsCleared, suggestion.widens]),
    ).toEqual([
      ["busy", 2, ["team", "attribute:location"]],
      ["free", 1, ["team"]],
    ]);
    expect(widens(candidates[0]!, panel, ["team", "level"])).toEqual(["level"]);
  });

  test("clearing a flag comes before widening dimensions that were not flagged", () => {
    // Only the team is flagged: levels and tracks already differ.
    const panel = [member("a", "t1", "ic3"), { ...member("b", "t1", "tl1"), track: "tech-lead" }];
    const wide = { ...member("wide", "t1", "m1"), track: "manager", load: 0 };
    const clear = { ...member("clear", "t2", "ic3"), load: 0 };
    expect(
      suggestInterviewers([wide, clear], panel, ["team", "level", "track"], null).map(
        (suggestion) => suggestion.id,
      ),
    ).toEqual(["clear", "wide"]);
  });

  test("the stored dimensions keep only known ones", () => {
    expect(
      parseDimensions(
        JSON.stringify(["team", "colour", "attribute:", "attribute:location", "team"]),
      ),
    ).toEqual(["team", "attribute:location"]);
    expect(parseDimensions("not json")).toEqual([]);
  });
});

describe("training and load", () => {
  test("qualified for a stage means qualified on each of its competencies; a stage's step is its earliest", () => {
    const training = { a: "qualified", b: "reverse-shadow", c: "shadow" } as const;
    expect(qualifiedFor(training, ["a"])).toBe(true);
    expect(qualifiedFor(training, ["a", "b"])).toBe(false);
    expect(stageStep(training, ["a", "b"])).toBe("reverse-shadow");
    expect(stageStep(training, ["a", "b", "c"])).toBe("shadow");
    expect(stageStep(training, ["a", "z"])).toBeNull();
    expect([nextStep("shadow"), nextStep("reverse-shadow")]).toEqual([
      "reverse-shadow",
      "qualified",
    ]);
  });

  test("only the qualified score once the organisation asks; the cap refuses staffing at it", () => {
    expect(mayScore({ requireQualification: false, qualified: false })).toBe(true);
    expect(mayScore({ requireQualification: true, qualified: false })).toBe(false);
    expect(
      interviewerRefusal({ requireQualification: true, qualified: false, load: 0, cap: null }),
    ).toBe("notQualified");
    expect(
      interviewerRefusal({ requireQualification: true, qualified: true, load: 3, cap: 3 }),
    ).toBe("atCap");
    expect(
      interviewerRefusal({ requireQualification: true, qualified: true, load: 2, cap: 3 }),
    ).toBeNull();
  });

  test("a week runs from Monday 00:00 UTC", () => {
    expect(weekOf(new Date("2026-11-29T23:59:00Z"))).toEqual({
      start: new Date("2026-11-23T00:00:00Z"),
      end: new Date("2026-11-30T00:00:00Z"),
    });
    expect(weekOf(new Date("2026-11-30T00:00:00Z")).start).toEqual(
      new Date("2026-11-30T00:00:00Z"),
    );
  });
});

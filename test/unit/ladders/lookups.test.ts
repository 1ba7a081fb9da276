import { describe, expect, it } from "vitest";
import {
  competenciesForTrack,
  equivalentLevels,
  expectationsFor,
  getCompetency,
  getLevel,
  nextLevel,
  previousLevel,
  trackOfLevel,
} from "~/modules/ladders";
import { fixtureLadder } from "./helpers";

describe("ladder model and lookups", () => {
  const ladder = fixtureLadder();

  it("resolves each competency's tracks and each track's competencies", () => {
    expect(getCompetency(ladder, "collaboration")).toMatchObject({
      trackIds: ["ic", "manager"],
      sharedByAllTracks: true,
      areaId: "people",
    });
    expect(getCompetency(ladder, "coaching")).toMatchObject({
      trackIds: ["manager"],
      sharedByAllTracks: false,
    });
    expect(competenciesForTrack(ladder, "ic").map((competency) => competency.id)).toEqual([
      "code-quality",
      "testing",
      "collaboration",
    ]);
    expect(competenciesForTrack(ladder, "manager").map((competency) => competency.id)).toEqual([
      "collaboration",
      "coaching",
    ]);
    expect(ladder.areas.map((area) => [area.id, area.competencyIds])).toEqual([
      ["craft", ["code-quality", "testing"]],
      ["people", ["collaboration", "coaching"]],
    ]);
  });

  it("orders levels, and finds the next and previous level in the same track", () => {
    expect(getLevel(ladder, "ic2")).toMatchObject({ trackId: "ic", rank: 1, band: 0 });
    expect(nextLevel(ladder, "ic2")?.id).toBe("ic3");
    expect(nextLevel(ladder, "ic3")).toBeUndefined();
    expect(previousLevel(ladder, "ic2")?.id).toBe("ic1");
    expect(previousLevel(ladder, "ic1")).toBeUndefined();
    expect(trackOfLevel(ladder, "m2")?.name).toBe("Engineering manager");
  });

  it("finds equivalent levels in other tracks", () => {
    expect(equivalentLevels(ladder, "ic3").map((level) => level.id)).toEqual(["m2"]);
    expect(equivalentLevels(ladder, "m1").map((level) => level.id)).toEqual(["ic2"]);
    expect(equivalentLevels(ladder, "ic1")).toEqual([]);
  });

  it("keeps expectations as {text, examples}, and interview anchors in scale order", () => {
    expect(expectationsFor(ladder, "ic1", "code-quality")).toEqual([
      { text: "Writes small, readable changes that follow the team's conventions.", examples: [] },
      {
        text: "Acts on review feedback promptly.",
        examples: ["Extracts a shared helper after a review comment."],
      },
    ]);
    expect(
      getCompetency(ladder, "code-quality")?.interview?.anchors.map((anchor) => anchor.value),
    ).toEqual([1, 2, 3, 4]);
    expect(getCompetency(ladder, "collaboration")?.interview?.questions[0]).toEqual({
      text: "Tell me about a disagreement with a colleague.",
      levelIds: [],
      followUps: [],
      lookFor: [],
    });
    expect(getCompetency(ladder, "testing")?.interview).toBeNull();
  });

  it("is plain data that survives a JSON round trip (as through a React Router loader)", () => {
    const copy = JSON.parse(JSON.stringify(ladder)) as typeof ladder;
    expect(copy).toEqual(ladder);
    expect(nextLevel(copy, "ic1")?.id).toBe("ic2");
  });
});

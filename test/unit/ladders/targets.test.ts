import { describe, expect, test } from "vitest";
import { defaultTarget, levelTargets, targetsInForce } from "~/modules/ladders/targets";

const scale = [
  { value: 1, label: "Not yet", meaning: "Rarely." },
  {
    value: 2,
    label: "Developing",
    meaning: "Sometimes; the bar for the level is in sight but not yet met.",
  },
  { value: 3, label: "Consistent", meaning: "Reliably. This is the bar for the level." },
  { value: 4, label: "Beyond", meaning: "More." },
];

describe("the ladder's default target", () => {
  test("the scale point marked `target: true` wins over one whose meaning says it is the bar", () => {
    expect(
      defaultTarget(scale.map((point) => (point.value === 2 ? { ...point, target: true } : point))),
    ).toBe(2);
  });

  test("without a marked point: the point that says it is the bar, else the middle rounded up", () => {
    expect(defaultTarget(scale)).toBe(3);
    expect(defaultTarget(scale.map((point) => ({ ...point, meaning: "" })))).toBe(3);
    expect(defaultTarget(scale.slice(0, 3).map((point) => ({ ...point, meaning: "" })))).toBe(2);
  });
});

describe("a level's targets", () => {
  test("a per-competency target beats the level's, which beats the ladder's", () => {
    expect(levelTargets(["testing", "design"], 3, { target: 2, targets: { design: 4 } })).toEqual({
      target: 2,
      targets: { testing: 2, design: 4 },
    });
    expect(levelTargets(["testing"], 3, {})).toEqual({ target: 3, targets: { testing: 3 } });
  });
});

describe("the targets a level page names", () => {
  test("one rating when every competency expects the same, even when it is not the level's default", () => {
    expect(targetsInForce(3, [3, 3, 3])).toEqual([{ value: 3, competencies: 3 }]);
    // Every competency sets its own 4: the level's 3 applies to none and is not named.
    expect(targetsInForce(3, [4, 4])).toEqual([{ value: 4, competencies: 2 }]);
  });

  test("several ratings, the most common first; a tie goes to the level's default, then the higher rating", () => {
    expect(targetsInForce(3, [3, 4, 4, 2])).toEqual([
      { value: 4, competencies: 2 },
      { value: 3, competencies: 1 },
      { value: 2, competencies: 1 },
    ]);
    expect(targetsInForce(3, [4, 3])).toEqual([
      { value: 3, competencies: 1 },
      { value: 4, competencies: 1 },
    ]);
    expect(targetsInForce(1, [4, 3])).toEqual([
      { value: 4, competencies: 1 },
      { value: 3, competencies: 1 },
    ]);
  });

  test("a level where nothing applies names its default", () => {
    expect(targetsInForce(3, [])).toEqual([{ value: 3, competencies: 0 }]);
  });
});

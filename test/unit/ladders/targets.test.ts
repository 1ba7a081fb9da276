import { describe, expect, test } from "vitest";
import { defaultTarget, levelTargets } from "~/modules/ladders/targets";

const scale = [
  { value: 1, label: "Not yet", meaning: "Rarely." },
  { value: 2, label: "Developing", meaning: "Sometimes; the bar for the level is in sight but not yet met." },
  { value: 3, label: "Consistent", meaning: "Reliably. This is the bar for the level." },
  { value: 4, label: "Beyond", meaning: "More." },
];

describe("the ladder's default target", () => {
  test("the scale point marked `target: true` wins over one whose meaning says it is the bar", () => {
    expect(defaultTarget(scale.map((point) => (point.value === 2 ? { ...point, target: true } : point)))).toBe(2);
  });

  test("without a marked point: the point that says it is the bar, else the middle rounded up", () => {
    expect(defaultTarget(scale)).toBe(3);
    expect(defaultTarget(scale.map((point) => ({ ...point, meaning: "" })))).toBe(3);
    expect(defaultTarget(scale.slice(0, 3).map((point) => ({ ...point, meaning: "" })))).toBe(2);
  });
});

describe("a level's targets", () => {
  test("a per-competency target beats the level's, which beats the ladder's", () => {
    expect(levelTargets(["testing", "design"], 3, { target: 2, targets: { design: 4 } })).toEqual({ target: 2, targets: { testing: 2, design: 4 } });
    expect(levelTargets(["testing"], 3, {})).toEqual({ target: 3, targets: { testing: 3 } });
  });
});

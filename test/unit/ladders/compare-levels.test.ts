import { describe, expect, it } from "vitest";
import { compareLevels } from "~/modules/ladders";
import { fixtureLadder } from "./helpers";

describe("compareLevels", () => {
  const ladder = fixtureLadder();

  it("lists per competency only the expectations that differ", () => {
    const comparison = compareLevels(ladder, "ic1", "ic2")!;
    const collaboration = comparison.changes.find((change) => change.competency.id === "collaboration");
    expect(collaboration).toMatchObject({
      presence: "both",
      onlyInA: [{ text: "Asks for help early." }],
      onlyInB: [{ text: "Works through disagreements with other teams." }],
    });
    expect(comparison.changes.map((change) => change.competency.id)).toEqual(["code-quality", "testing", "collaboration"]);
  });

  it("marks competencies only one of the two levels' tracks uses", () => {
    const comparison = compareLevels(ladder, "ic3", "m2")!;
    expect(comparison.changes.map((change) => [change.competency.id, change.presence])).toEqual([
      ["code-quality", "only-a"],
      ["testing", "only-a"],
      ["collaboration", "both"],
      ["coaching", "only-b"],
    ]);
    const coaching = comparison.changes.find((change) => change.competency.id === "coaching")!;
    expect(coaching.onlyInA).toEqual([]);
    expect(coaching.onlyInB.map((expectation) => expectation.text)).toEqual(["Coaches the managers who report to them."]);
  });

  it("has nothing to say about a level compared with itself, or about unknown levels", () => {
    expect(compareLevels(ladder, "m1", "m1")?.changes).toEqual([]);
    expect(compareLevels(ladder, "m1", "m9")).toBeUndefined();
  });
});

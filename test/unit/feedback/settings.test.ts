import { describe, expect, it } from "vitest";
import {
  askedCompetencies,
  FeedbackSettingsSchema,
  personSeesNames,
  pickProblem,
} from "~/modules/feedback/settings";

describe("a cycle's feedback settings", () => {
  it("fills the defaults around the due day", () => {
    expect(FeedbackSettingsSchema.parse({ dueOn: "2026-04-30", peer: true })).toEqual({
      peer: true,
      upward: false,
      minPeers: 3,
      maxPeers: 5,
      nominator: "person",
      dueOn: "2026-04-30",
      competencies: "level",
      answerKind: "rating",
      namesShown: "never",
      reviewCap: 5,
    });
  });

  it("reads numbers from a form's text", () => {
    expect(
      FeedbackSettingsSchema.parse({
        dueOn: "2026-04-30",
        minPeers: "2",
        maxPeers: "4",
        reviewCap: "8",
      }),
    ).toMatchObject({ minPeers: 2, maxPeers: 4, reviewCap: 8 });
  });

  it("refuses a most below the fewest, a cap of nought, unknown choices and bad days", () => {
    const issues = (input: object) =>
      FeedbackSettingsSchema.safeParse({ dueOn: "2026-04-30", ...input }).error?.issues.map(
        (issue) => [issue.path.join("."), issue.message],
      );
    expect(issues({ minPeers: 4, maxPeers: 2 })).toEqual([
      ["maxPeers", "feedback:settings.errors.maxBelowMin"],
    ]);
    expect(issues({ reviewCap: 0 })).toEqual([
      ["reviewCap", "feedback:settings.errors.reviewCapLow"],
    ]);
    expect(issues({ nominator: "anyone" })).toEqual([
      ["nominator", "feedback:settings.errors.nominator"],
    ]);
    expect(issues({ dueOn: "2026-02-30" })).toEqual([["dueOn", "common:errors.day.notReal"]]);
  });

  it("shows the person names only when the cycle says so", () => {
    expect(personSeesNames({ namesShown: "never" })).toBe(false);
    expect(personSeesNames({ namesShown: "after-release" })).toBe(true);
  });
});

describe("the competencies asked about", () => {
  const level = ["testing", "design", "delivery"];
  it("are every one at the level, unless the cycle has managers pick and one picked", () => {
    expect(askedCompetencies(level, "level", ["design"])).toEqual(level);
    expect(askedCompetencies(level, "manager-picks", null)).toEqual(level);
    expect(askedCompetencies(level, "manager-picks", ["delivery", "testing", "gone"])).toEqual([
      "testing",
      "delivery",
    ]);
  });

  it("need a pick of at least one, at the person's level", () => {
    expect(pickProblem([], level)).toBe("feedback:errors.pickOne");
    expect(pickProblem(["design", "gone"], level)).toBe("feedback:errors.pickFromLevel");
    expect(pickProblem(["design"], level)).toBeNull();
  });
});

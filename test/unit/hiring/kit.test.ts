import { describe, expect, it } from "vitest";
import { anchorsFor, interviewKit, questionMatch } from "~/modules/hiring/kit";
import { equivalentLevels, getCompetency, getLevel, type Ladder } from "~/modules/ladders";
import { shippedLadder } from "./helpers";

const ladder = shippedLadder();

/** The competency's question naming exactly these levels. */
function questionNaming(competencyId: string, levelIds: string[]) {
  const question = getCompetency(ladder, competencyId)?.interview?.questions.find(
    (item) => item.levelIds.join("|") === levelIds.join("|"),
  );
  if (question === undefined)
    throw new Error(
      `the shipped ladder has no ${competencyId} question for ${levelIds.join(", ")}`,
    );
  return question;
}

describe("interview kits from the shipped ladder", () => {
  it("gives a level only the questions suited to it, with their follow-ups and what to look for", () => {
    const kit = interviewKit(ladder, "ic4", ["system-design", "code-quality"])!;
    expect(kit).toMatchObject({
      levelId: "ic4",
      trackId: "ic",
      withoutQuestions: [],
      notAtLevel: [],
      unknown: [],
    });
    const design = kit.competencies[0]!;
    const suited = questionNaming("system-design", ["ic4", "ic5", "tl2"]);
    expect(design.questions).toEqual([
      { text: suited.text, followUps: suited.followUps, lookFor: suited.lookFor, match: "level" },
    ]);
    expect(design.questions.map((question) => question.text)).not.toContain(
      questionNaming("system-design", ["ic1", "ic2"]).text,
    );
    expect(design.expectations).toEqual(getLevel(ladder, "ic4")!.expectations["system-design"]);
    expect(design.expectations.length).toBeGreaterThan(0);
    expect(design.target).toBe(3);
  });

  it("anchors each score with the competency's interview anchors and the scale's labels", () => {
    const design = interviewKit(ladder, "ic4", ["system-design"])!.competencies[0]!;
    const anchors = getCompetency(ladder, "system-design")!.interview!.anchors;
    expect(design.anchors).toEqual(
      ladder.scale.map((point, index) => ({
        value: point.value,
        label: point.label,
        meaning: anchors[index]!.text,
        source: "interview",
      })),
    );
  });

  it("reaches questions naming an equivalent level of another track, unless they name levels of the role's own track", () => {
    // Band 1 is ic4, tl2 and m2. This question names only manager levels, m2 among them: it suits ic4.
    const managerQuestion = questionNaming("execution", ["m2", "m3", "m4"]);
    const execution = interviewKit(ladder, "ic4", ["execution"])!.competencies[0]!;
    expect(equivalentLevels(ladder, "ic4").map((level) => level.id)).toContain("m2");
    expect(
      execution.questions.find((question) => question.text === managerQuestion.text)?.match,
    ).toBe("equivalent");
    // This one names tl2 and m2 but also ic5: its author chose ic5 for the IC track, so ic4 does not get it.
    const operations = interviewKit(ladder, "ic4", ["operations"])!.competencies[0]!;
    expect(operations.questions.map((question) => question.text)).not.toContain(
      questionNaming("operations", ["ic5", "tl2", "m2"]).text,
    );
    expect(operations.questions.map((question) => question.text)).toEqual([
      questionNaming("operations", ["ic3", "ic4", "tl1", "m1"]).text,
    ]);
  });

  it("never gives any level a question that does not suit it", () => {
    for (const track of ladder.tracks) {
      for (const level of track.levels) {
        const equivalent = new Set(equivalentLevels(ladder, level.id).map((other) => other.id));
        const ownTrack = new Set(track.levels.map((other) => other.id));
        const kit = interviewKit(ladder, level.id, level.competencyIds)!;
        expect(kit.competencies.map((item) => item.competencyId)).toEqual(level.competencyIds);
        for (const item of kit.competencies) {
          const all = getCompetency(ladder, item.competencyId)!.interview?.questions ?? [];
          const expected = all.filter(
            (question) =>
              question.levelIds.length === 0 ||
              question.levelIds.includes(level.id) ||
              (question.levelIds.some((id) => equivalent.has(id)) &&
                !question.levelIds.some((id) => ownTrack.has(id))),
          );
          expect(
            item.questions.map((question) => question.text),
            `${level.id} ${item.competencyId}`,
          ).toEqual(expected.map((question) => question.text));
        }
      }
    }
  });

  it("reports competencies the level does not use and ids the ladder does not know", () => {
    const kit = interviewKit(ladder, "ic4", [
      "team-health",
      "no-such-competency",
      "testing",
      "testing",
    ])!;
    expect(
      kit.competencies.map((item) => [item.competencyId, item.appliesAtLevel, item.target]),
    ).toEqual([
      ["team-health", false, null],
      ["testing", true, 3],
    ]);
    expect(kit.notAtLevel).toEqual(["team-health"]);
    expect(kit.unknown).toEqual(["no-such-competency"]);
    expect(interviewKit(ladder, "no-such-level", ["testing"])).toBeNull();
  });

  it("falls back to the scale's meanings and reports competencies with no suitable question", () => {
    const bare: Ladder = {
      ...ladder,
      competencies: ladder.competencies.map((competency) =>
        competency.id === "testing" ? { ...competency, interview: null } : competency,
      ),
    };
    const kit = interviewKit(bare, "ic4", ["testing", "code-quality"])!;
    expect(kit.withoutQuestions).toEqual(["testing"]);
    expect(kit.competencies[0]!.questions).toEqual([]);
    expect(kit.competencies[0]!.anchors).toEqual(
      ladder.scale.map((point) => ({
        value: point.value,
        label: point.label,
        meaning: point.meaning,
        source: "scale",
      })),
    );
    // A question written for other levels only leaves the competency without questions at this one.
    const onlySenior: Ladder = {
      ...ladder,
      competencies: ladder.competencies.map((competency) =>
        competency.id === "testing"
          ? {
              ...competency,
              interview: { questions: [questionNaming("testing", ["ic6", "tl3"])], anchors: [] },
            }
          : competency,
      ),
    };
    expect(interviewKit(onlySenior, "ic4", ["testing"])!.withoutQuestions).toEqual(["testing"]);
    expect(
      anchorsFor(onlySenior, getCompetency(onlySenior, "testing")!).every(
        (anchor) => anchor.source === "scale",
      ),
    ).toBe(true);
  });

  it("matches questions by level", () => {
    const none = new Set<string>();
    expect(questionMatch([], "ic4", none, none)).toBe("every-level");
    expect(questionMatch(["ic4"], "ic4", none, none)).toBe("level");
    expect(questionMatch(["m2"], "ic4", new Set(["m2"]), new Set(["ic4", "ic5"]))).toBe(
      "equivalent",
    );
    expect(
      questionMatch(["m2", "ic5"], "ic4", new Set(["m2"]), new Set(["ic4", "ic5"])),
    ).toBeNull();
    expect(questionMatch(["ic5"], "ic4", new Set(["m2"]), none)).toBeNull();
  });
});

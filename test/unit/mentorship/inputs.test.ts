import { describe, expect, it } from "vitest";
import type { Ladder } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import {
  buildMatchingInput as buildMatchingInputInMessages,
  chainFromLinePath,
  goalGap,
  strongestFromReview,
  teachableFromReview,
  type ParticipantFacts,
} from "~/modules/mentorship/inputs";
import { matchProgramme as matchProgrammeInMessages } from "~/modules/mentorship/matching";
import { goalMovement, pairFigures, pulseSummary } from "~/modules/mentorship/report";
import { inEnglishDeep } from "../../utils/english";

const matchProgramme = (...args: Parameters<typeof matchProgrammeInMessages>) =>
  inEnglishDeep(matchProgrammeInMessages(...args));

const buildMatchingInput = (...args: Parameters<typeof buildMatchingInputInMessages>) =>
  inEnglishDeep(buildMatchingInputInMessages(...args));

function shippedLadder(): Ladder {
  const result = loadLadderFromDirectory("frameworks/engineering");
  if (!result.ok) throw new Error("the shipped ladder must load");
  return result.ladder;
}

const ladder = shippedLadder();
const review = (levelId: string, ratings: Record<string, number>) => ({
  levelId,
  ratings: new Map(Object.entries(ratings)),
});

describe("matching input from the programme's people", () => {
  it("a reporting line is the management chain", () => {
    expect(chainFromLinePath("/")).toEqual([]);
    expect(chainFromLinePath("/top/mid/manager/")).toEqual(["top", "mid", "manager"]);
  });

  it("a goal's gap: the assessed level's target, one more towards a higher level, minus the rating; unrated goals count as at the target", () => {
    // ic2 expects 3 (Consistent); the next level's bar is one point above it, at 4 (Beyond).
    expect(goalGap(ladder, "testing", "ic3", review("ic2", { testing: 2 }), "ic2")).toBe(2);
    expect(goalGap(ladder, "testing", "ic3", review("ic2", { testing: 4 }), "ic2")).toBe(0);
    expect(goalGap(ladder, "testing", "ic3", null, "ic2")).toBe(1);
    // At the top of a track the target is the mentee's own level.
    expect(goalGap(ladder, "testing", "ic6", review("ic6", { testing: 2 }), "ic6")).toBe(1);
  });

  it("a mentor can teach what their manager review rates at or above their level's target", () => {
    expect(
      teachableFromReview(
        ladder,
        review("ic4", { testing: 3, "code-quality": 4, security: 2, unknown: 4 }),
      ),
    ).toEqual(["code-quality", "testing"]);
    expect(teachableFromReview(ladder, null)).toEqual([]);
  });

  it("the opt-in ticks only a mentor's strongest few: furthest above the target first, then at it, in the ladder's order", () => {
    // ic4 expects 3 of each; everything at the target or above, as for a mentor whose review rates them at target throughout.
    const atTarget = Object.fromEntries(
      ladder.competencies.map((competency) => [competency.id, 3]),
    );
    expect(teachableFromReview(ladder, review("ic4", atTarget))).toHaveLength(
      ladder.competencies.length,
    );
    expect(strongestFromReview(ladder, review("ic4", atTarget))).toEqual([
      "code-quality",
      "testing",
      "system-design",
    ]);
    expect(
      strongestFromReview(
        ladder,
        review("ic4", { ...atTarget, mentoring: 5, security: 4, hiring: 4 }),
      ),
    ).toEqual(["security", "mentoring", "hiring"]);
    expect(strongestFromReview(ladder, review("ic4", { ...atTarget, planning: 4 }))).toEqual([
      "code-quality",
      "testing",
      "planning",
    ]);
    expect(strongestFromReview(ladder, review("ic4", { testing: 2, security: 3 }))).toEqual([
      "security",
    ]);
    expect(strongestFromReview(ladder, null)).toEqual([]);
  });

  it("builds mentees with target bands, gaps and chains, mentors with bands; people the ladder cannot place are left out with a reason", () => {
    const base = {
      timeZone: "UTC",
      capacity: null,
      teamId: null,
      linePath: "/",
      growthPlanTarget: null,
      review: null,
    };
    const participants: ParticipantFacts[] = [
      {
        ...base,
        userId: "lena",
        role: "mentee",
        competencies: ["testing", "system-design"],
        teamId: "checkout",
        linePath: "/priya/sam/",
        levelId: "ic2",
        review: review("ic2", { testing: 2 }),
      },
      { ...base, userId: "omar", role: "mentee", competencies: ["testing"], levelId: null },
      {
        ...base,
        userId: "ravi",
        role: "mentor",
        competencies: ["testing"],
        capacity: 1,
        teamId: "search",
        levelId: "ic4",
        timeZone: "Europe/London",
      },
      {
        ...base,
        userId: "sam",
        role: "mentor",
        competencies: ["testing", "system-design"],
        linePath: "/priya/",
        levelId: "m2",
      },
    ];
    const { input, leftOut } = buildMatchingInput({
      ladder,
      settings: {
        maxMenteesPerMentor: 2,
        allowRepeatPairs: false,
        crossTeamOnly: false,
        maxTimeZoneHours: null,
        weightGoals: 3,
        weightCrossTeam: 1,
        weightLevel: 1,
      },
      days: { startsOn: new Date("2026-03-01"), endsOn: new Date("2026-06-30") },
      participants,
      pastPairs: [],
      pins: [],
      forbids: [],
      objective: "most-matched",
      fairness: false,
    });
    expect(leftOut.map((person) => person.userId)).toEqual(["omar"]);
    expect(input.mentees).toEqual([
      {
        id: "lena",
        teamId: "checkout",
        timeZone: "UTC",
        targetBand: 0,
        goals: [
          { competencyId: "testing", gap: 2 },
          { competencyId: "system-design", gap: 1 },
        ],
        managementChainIds: ["priya", "sam"],
        pastMentorIds: [],
      },
    ]);
    expect(
      input.mentors.map((mentor) => [
        mentor.id,
        mentor.band,
        mentor.capacity,
        mentor.teamId,
        mentor.timeZone,
      ]),
    ).toEqual([
      ["ravi", 1, 1, "search", "Europe/London"],
      ["sam", 1, undefined, "no-team:sam", "UTC"],
    ]);
    // Time zones are compared over the programme's days.
    expect(input.rules).toMatchObject({
      startsOn: new Date("2026-03-01"),
      endsOn: new Date("2026-06-30"),
    });
    // Sam is Lena's manager: the management-chain rule leaves Ravi.
    const result = matchProgramme(input);
    expect(result.pairs.map((pair) => [pair.menteeId, pair.mentorId])).toEqual([["lena", "ravi"]]);
    expect(result.pairs[0]!.factors[0]!.text).toBe(
      "Covers 1 of 2 goals: Testing and verification (gap 2)",
    );
  });
});

describe("the programme report", () => {
  it("pulse averages below the floor are hidden; when one side is, the other is too while everyone's shows", () => {
    const answers = (
      count: number,
      checkpoint: number,
      role: "mentee" | "mentor",
      usefulness: number,
      comfort: number,
    ) =>
      Array.from({ length: count }, (_, index) => ({
        pairId: `pair${index}`,
        respondentId: `${role}${index}`,
        checkpoint,
        role,
        usefulness,
        comfort,
      }));
    const rows = [
      ...answers(5, 30, "mentee", 4, 5),
      ...answers(2, 30, "mentor", 2, 3),
      ...answers(4, 90, "mentor", 5, 5),
      ...answers(4, 90, "mentee", 3, 3),
    ];
    const [thirty, ninety] = pulseSummary(rows, [30, 90], () => 4);
    expect(thirty!.everyone.usefulness).toEqual({ n: 7, mean: 24 / 7, suppressed: false });
    expect([
      thirty!.mentee.usefulness.suppressed,
      thirty!.mentor.usefulness.suppressed,
      thirty!.mentee.usefulness.mean,
    ]).toEqual([true, true, null]);
    expect([
      ninety!.mentee.usefulness.mean,
      ninety!.mentor.comfort.mean,
      ninety!.everyone.comfort.mean,
    ]).toEqual([3, 5, 4]);
    expect(pulseSummary([], [30], () => 4)[0]!.everyone.comfort).toEqual({
      n: 0,
      mean: null,
      suppressed: true,
    });
    // A floor raised for the mentors hides their side, and the mentees' beside everyone's.
    const raised = pulseSummary(rows, [90], (person) => (person.startsWith("mentor") ? 5 : 4))[0]!;
    expect([
      raised.everyone.usefulness.suppressed,
      raised.mentor.usefulness.suppressed,
      raised.mentee.usefulness.suppressed,
    ]).toEqual([false, true, true]);
  });

  it("goal movement compares goals rated before and after; per-competency averages need the floor, and one hidden alone hides another", () => {
    const goal = (pair: number, competencyId: string, before: number | null, after: number) => ({
      pairId: `pair${pair}`,
      menteeId: `mentee${pair}`,
      competencyId,
      before,
      after,
    });
    const movement = goalMovement(
      [
        goal(1, "testing", 2, 3),
        goal(2, "testing", 2, 4),
        goal(3, "testing", 3, 3),
        goal(4, "testing", 3, 2),
        goal(1, "design", 2, 3),
        goal(2, "design", null, 3),
      ],
      () => 4,
    );
    expect(movement).toMatchObject({
      goals: 6,
      compared: 5,
      improved: 3,
      same: 1,
      lower: 1,
      change: { n: 5, mean: 0.6, suppressed: false },
    });
    expect(movement.byCompetency).toEqual([
      { competencyId: "design", compared: 1, change: { n: null, mean: null, suppressed: true } },
      // Shown, testing's 0.5 over 4 and the overall 0.6 over 5 would give design's: 3 − 2 = 1.
      { competencyId: "testing", compared: 4, change: { n: null, mean: null, suppressed: true } },
    ]);
  });

  it("pair figures: by status, accepted and declined (by whom), outcomes and check-ins", () => {
    const figures = pairFigures([
      { status: "proposed", declinedBy: null, outcome: null, checkIns: 0 },
      { status: "offered", declinedBy: null, outcome: null, checkIns: 0 },
      { status: "active", declinedBy: null, outcome: null, checkIns: 2 },
      { status: "ended", declinedBy: null, outcome: "goals-met", checkIns: 0 },
      { status: "declined", declinedBy: "mentor", outcome: null, checkIns: 0 },
    ]);
    expect(figures).toMatchObject({
      published: 4,
      accepted: 2,
      declined: 1,
      declinedBy: { mentee: 0, mentor: 1 },
      checkIns: 2,
      acceptedWithCheckIns: 1,
    });
    expect(figures.outcomes["goals-met"]).toBe(1);
  });
});

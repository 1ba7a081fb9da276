import { describe, expect, it } from "vitest";
import type { Ladder } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import { buildMatchingInput, chainFromLinePath, goalGap, teachableFromReview, type ParticipantFacts } from "~/modules/mentorship/inputs";
import { matchProgramme } from "~/modules/mentorship/matching";
import { goalMovement, pairFigures, pulseSummary } from "~/modules/mentorship/report";

function shippedLadder(): Ladder {
  const result = loadLadderFromDirectory("frameworks/engineering");
  if (!result.ok) throw new Error("the shipped ladder must load");
  return result.ladder;
}

const ladder = shippedLadder();
const review = (levelId: string, ratings: Record<string, number>) => ({ levelId, ratings: new Map(Object.entries(ratings)) });

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
    expect(teachableFromReview(ladder, review("ic4", { testing: 3, "code-quality": 4, security: 2, unknown: 4 }))).toEqual(["code-quality", "testing"]);
    expect(teachableFromReview(ladder, null)).toEqual([]);
  });

  it("builds mentees with target bands, gaps and chains, mentors with bands; people the ladder cannot place are left out with a reason", () => {
    const base = { timeZone: "UTC", capacity: null, teamId: null, linePath: "/", growthPlanTarget: null, review: null };
    const participants: ParticipantFacts[] = [
      { ...base, userId: "lena", role: "mentee", competencies: ["testing", "system-design"], teamId: "checkout", linePath: "/priya/sam/", levelId: "ic2", review: review("ic2", { testing: 2 }) },
      { ...base, userId: "omar", role: "mentee", competencies: ["testing"], levelId: null },
      { ...base, userId: "ravi", role: "mentor", competencies: ["testing"], capacity: 1, teamId: "search", levelId: "ic4", timeZone: "Europe/London" },
      { ...base, userId: "sam", role: "mentor", competencies: ["testing", "system-design"], linePath: "/priya/", levelId: "m2" },
    ];
    const { input, leftOut } = buildMatchingInput({
      ladder,
      settings: { maxMenteesPerMentor: 2, allowRepeatPairs: false, crossTeamOnly: false, maxTimeZoneHours: null, weightGoals: 3, weightCrossTeam: 1, weightLevel: 1 },
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
    expect(input.mentors.map((mentor) => [mentor.id, mentor.band, mentor.capacity, mentor.teamId, mentor.timeZone])).toEqual([
      ["ravi", 1, 1, "search", "Europe/London"],
      ["sam", 1, undefined, "no-team:sam", "UTC"],
    ]);
    // Time zones are compared over the programme's days.
    expect(input.rules).toMatchObject({ startsOn: new Date("2026-03-01"), endsOn: new Date("2026-06-30") });
    // Sam is Lena's manager: the management-chain rule leaves Ravi.
    const result = matchProgramme(input);
    expect(result.pairs.map((pair) => [pair.menteeId, pair.mentorId])).toEqual([["lena", "ravi"]]);
    expect(result.pairs[0]!.factors[0]!.text).toBe("Covers 1 of 2 goals: Testing and verification (gap 2)");
  });
});

describe("the programme report", () => {
  it("pulse averages below the floor are hidden; when one side is, the other is too while everyone's shows", () => {
    const rows = [
      ...Array.from({ length: 5 }, () => ({ checkpoint: 30, role: "mentee" as const, usefulness: 4, comfort: 5 })),
      ...Array.from({ length: 2 }, () => ({ checkpoint: 30, role: "mentor" as const, usefulness: 2, comfort: 3 })),
      ...Array.from({ length: 4 }, () => ({ checkpoint: 90, role: "mentor" as const, usefulness: 5, comfort: 5 })),
      ...Array.from({ length: 4 }, () => ({ checkpoint: 90, role: "mentee" as const, usefulness: 3, comfort: 3 })),
    ];
    const [thirty, ninety] = pulseSummary(rows, [30, 90]);
    expect(thirty!.everyone.usefulness).toEqual({ n: 7, mean: 24 / 7, suppressed: false });
    expect([thirty!.mentee.usefulness.suppressed, thirty!.mentor.usefulness.suppressed, thirty!.mentee.usefulness.mean]).toEqual([true, true, null]);
    expect([ninety!.mentee.usefulness.mean, ninety!.mentor.comfort.mean, ninety!.everyone.comfort.mean]).toEqual([3, 5, 4]);
    expect(pulseSummary([], [30])[0]!.everyone.comfort).toEqual({ n: 0, mean: null, suppressed: true });
  });

  it("goal movement compares goals rated before and after; per-competency averages need the floor, and one hidden alone hides another", () => {
    const movement = goalMovement([
      { competencyId: "testing", before: 2, after: 3 },
      { competencyId: "testing", before: 2, after: 4 },
      { competencyId: "testing", before: 3, after: 3 },
      { competencyId: "testing", before: 3, after: 2 },
      { competencyId: "design", before: 2, after: 3 },
      { competencyId: "design", before: null, after: 3 },
    ]);
    expect(movement).toMatchObject({ goals: 6, compared: 5, improved: 3, same: 1, lower: 1, change: { n: 5, mean: 0.6, suppressed: false } });
    expect(movement.byCompetency).toEqual([
      { competencyId: "design", compared: 1, change: { n: 1, mean: null, suppressed: true } },
      // Shown, testing's 0.5 over 4 and the overall 0.6 over 5 would give design's: 3 − 2 = 1.
      { competencyId: "testing", compared: 4, change: { n: 4, mean: null, suppressed: true } },
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
    expect(figures).toMatchObject({ published: 4, accepted: 2, declined: 1, declinedBy: { mentee: 0, mentor: 1 }, checkIns: 2, acceptedWithCheckIns: 1 });
    expect(figures.outcomes["goals-met"]).toBe(1);
  });
});

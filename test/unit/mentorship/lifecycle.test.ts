import { describe, expect, it } from "vitest";
import {
  answerPair,
  checkInOwed,
  nextCheckInDue,
  outcomeDue,
  pairStandingFor,
  programmePhase,
  pulsesOpen,
} from "~/modules/mentorship/lifecycle";
import { effectiveBand, menteeTarget } from "~/modules/mentorship/levels";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import type { Ladder } from "~/modules/ladders";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function shippedLadder(): Ladder {
  const result = loadLadderFromDirectory("frameworks/engineering");
  if (!result.ok) throw new Error("the shipped ladder must load");
  return result.ladder;
}

describe("programme phases", () => {
  const programme = { matchingOn: day("2026-03-01"), publishedAt: null, closedAt: null };
  it("open until the matching day begins, then matching until published; closed wins", () => {
    expect(programmePhase(programme, new Date("2026-02-28T23:59:59Z"))).toBe("open");
    expect(programmePhase(programme, day("2026-03-01"))).toBe("matching");
    expect(
      programmePhase({ ...programme, publishedAt: day("2026-02-01") }, day("2026-02-02")),
    ).toBe("published");
    expect(
      programmePhase(
        { ...programme, publishedAt: day("2026-02-01"), closedAt: day("2026-02-03") },
        day("2026-02-04"),
      ),
    ).toBe("closed");
  });
});

describe("answers", () => {
  const offered = { status: "offered" as const, menteeAnswer: null, mentorAnswer: null };
  it("a pair becomes active when both accept, in either order", () => {
    const first = answerPair(offered, "mentor", "accepted")!;
    expect(first).toEqual({ status: "offered", menteeAnswer: null, mentorAnswer: "accepted" });
    expect(answerPair(first, "mentee", "accepted")).toEqual({
      status: "active",
      menteeAnswer: "accepted",
      mentorAnswer: "accepted",
    });
  });

  it("a decline ends the offer at once, even after the other side accepted; nobody answers twice or a pair not offered", () => {
    const accepted = answerPair(offered, "mentee", "accepted")!;
    expect(answerPair(accepted, "mentor", "declined")).toEqual({
      status: "declined",
      menteeAnswer: "accepted",
      mentorAnswer: "declined",
    });
    expect(answerPair(accepted, "mentee", "declined")).toBeNull();
    expect(answerPair({ ...offered, status: "proposed" }, "mentee", "accepted")).toBeNull();
    expect(answerPair({ ...offered, status: "declined" }, "mentor", "accepted")).toBeNull();
  });
});

describe("where a pair stands, said to each side", () => {
  it("follows the pair as it is now, whoever answered last", () => {
    const offered = { status: "offered" as const, menteeAnswer: null, mentorAnswer: null };
    const said = (standing: string, name: string) => ({
      key: `mentorship:pair.standing.${standing}`,
      values: { name },
    });
    expect(pairStandingFor(offered, "mentee", "Ravi")).toEqual(said("waiting", "Ravi"));
    const menteeAccepted = answerPair(offered, "mentee", "accepted")!;
    expect(pairStandingFor(menteeAccepted, "mentee", "Ravi")).toEqual(said("youAccepted", "Ravi"));
    expect(pairStandingFor(menteeAccepted, "mentor", "Lena")).toEqual(said("theyAccepted", "Lena"));
    const active = answerPair(menteeAccepted, "mentor", "accepted")!;
    expect(pairStandingFor(active, "mentee", "Ravi")).toEqual(said("active", "Ravi"));
    expect(pairStandingFor(active, "mentor", "Lena")).toEqual(said("active", "Lena"));
    const declined = answerPair(menteeAccepted, "mentor", "declined")!;
    expect(pairStandingFor(declined, "mentor", "Lena")).toEqual(said("youDeclined", "Lena"));
    expect(pairStandingFor(declined, "mentee", "Ravi")).toEqual(said("theyDeclined", "Ravi"));
  });
});

describe("check-ins and pulses", () => {
  const active = { status: "active" as const, activeSince: new Date("2026-01-10T15:00:00Z") };
  it("an active pair owes a check-in until it records one, then 30 days after the last", () => {
    expect(checkInOwed(active, null, day("2026-01-11"))).toBe(true);
    expect(nextCheckInDue(active, null)).toEqual(new Date("2026-02-09T15:00:00Z"));
    expect(checkInOwed(active, day("2026-01-10"), day("2026-01-20"))).toBe(false);
    expect(checkInOwed(active, day("2026-01-20"), day("2026-02-19"))).toBe(true);
    expect(nextCheckInDue(active, day("2026-01-20"))).toEqual(day("2026-02-19"));
    expect(checkInOwed({ ...active, status: "ended" }, null, day("2026-05-01"))).toBe(false);
  });

  it("pulses open at 30 and 90 days, each due two weeks later, until answered", () => {
    expect(pulsesOpen(active, [], new Date("2026-02-09T14:59:59Z"))).toEqual([]);
    expect(pulsesOpen(active, [], new Date("2026-02-09T15:00:00Z"))).toEqual([
      { checkpoint: 30, dueOn: new Date("2026-02-23T15:00:00Z") },
    ]);
    expect(pulsesOpen(active, [], day("2026-05-01")).map((pulse) => pulse.checkpoint)).toEqual([
      30, 90,
    ]);
    expect(pulsesOpen(active, [30], day("2026-05-01")).map((pulse) => pulse.checkpoint)).toEqual([
      90,
    ]);
    expect(pulsesOpen({ ...active, status: "declined" }, [], day("2026-05-01"))).toEqual([]);
  });

  it("an active pair is asked for its outcome from two weeks before the programme's last day, due that day", () => {
    const endsOn = day("2026-06-30");
    expect(outcomeDue(active, endsOn, new Date("2026-06-15T23:59:59Z"))).toBeNull();
    expect(outcomeDue(active, endsOn, day("2026-06-16"))).toEqual(endsOn);
    expect(outcomeDue(active, endsOn, day("2026-07-10"))).toEqual(endsOn);
    expect(outcomeDue({ ...active, status: "ended" }, endsOn, day("2026-07-10"))).toBeNull();
  });
});

describe("levels", () => {
  const ladder = shippedLadder();
  it("bands come from the ladder's equivalence; levels below the first band count down from it along their path", () => {
    expect(
      ["ic1", "ic2", "ic3", "ic4", "tl1", "tl2", "m1", "m2", "m4", "ic6"].map((id) =>
        effectiveBand(ladder, id),
      ),
    ).toEqual([-2, -1, 0, 1, 0, 1, 0, 1, 3, 3]);
    expect(effectiveBand(ladder, "nowhere")).toBeNull();
  });

  it("a mentee aims at the level their growth plan names, else the next level of their track, else their own at the top", () => {
    expect(menteeTarget(ladder, "ic2", null)).toMatchObject({
      level: { id: "ic3" },
      from: "next-level",
    });
    expect(menteeTarget(ladder, "ic2", "tl1")).toMatchObject({
      level: { id: "tl1" },
      from: "growth-plan",
    });
    expect(menteeTarget(ladder, "ic2", "unknown-level")).toMatchObject({
      level: { id: "ic3" },
      from: "next-level",
    });
    expect(menteeTarget(ladder, "ic6", null)).toMatchObject({
      level: { id: "ic6" },
      from: "own-level",
    });
    expect(menteeTarget(ladder, null, null)).toBeUndefined();
  });
});

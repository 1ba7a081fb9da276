import { describe, expect, test } from "vitest";
import { loopOverlaps, makesClash, type ScheduledInterview } from "~/modules/hiring/overlaps";

const at = (time: string) => new Date(`2026-11-24T${time}:00Z`);
const interview = (
  id: string,
  interviewer: string,
  stage: string,
  time: string,
): ScheduledInterview => ({
  id,
  interviewerId: interviewer.toLowerCase(),
  interviewerName: interviewer,
  stageName: stage,
  at: at(time),
});
const named = (interviewer: string, stage: string, time: string) => ({
  stageName: stage,
  interviewerName: interviewer,
  at: at(time).toISOString(),
});

describe("interviews that clash in time", () => {
  test("four interviews of one candidate at the same 10:00 are one clash naming all four", () => {
    const loop = [
      interview("a", "Ana", "Coding", "10:00"),
      interview("b", "Ben", "Design", "10:00"),
      interview("c", "Cleo", "Values", "10:00"),
      interview("d", "Dan", "Delivery", "10:00"),
    ];
    const clashes = loopOverlaps(loop, []);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({
      kind: "candidate-run",
      interviews: [
        named("Ana", "Coding", "10:00"),
        named("Ben", "Design", "10:00"),
        named("Cleo", "Values", "10:00"),
        named("Dan", "Delivery", "10:00"),
      ],
    });
  });

  test("an hour apart is no clash; a run of back-to-back clashes is one clash; a day of separate interviews is none", () => {
    expect(
      loopOverlaps(
        [
          interview("a", "Ana", "Coding", "10:00"),
          interview("b", "Ben", "Design", "11:00"),
          interview("c", "Cleo", "Values", "14:00"),
        ],
        [],
      ),
    ).toEqual([]);
    const run = loopOverlaps(
      [
        interview("a", "Ana", "Coding", "10:00"),
        interview("b", "Ben", "Design", "10:45"),
        interview("c", "Cleo", "Values", "11:30"),
      ],
      [],
    );
    expect(
      run.map((clash) => [
        clash.kind,
        clash.kind === "candidate-run" ? clash.interviews.length : 0,
      ]),
    ).toEqual([["candidate-run", 3]]);
  });

  test("an interviewer's interview in another loop near one of this loop's is said without its candidate", () => {
    const loop = [interview("a", "Ana", "Coding", "10:00")];
    expect(
      loopOverlaps(loop, [
        { interviewerId: "ana", at: at("10:30") },
        { interviewerId: "ben", at: at("10:00") },
      ]),
    ).toEqual([
      { kind: "interviewer-elsewhere", interview: named("Ana", "Coding", "10:00"), others: 1 },
    ]);
  });

  test("an interview just scheduled clashes with the candidate's others, or its interviewer's elsewhere, less than an hour away", () => {
    const loop = [
      interview("a", "Ana", "Coding", "10:00"),
      interview("b", "Ben", "Design", "13:00"),
    ];
    const added = interview("n", "Ben", "Values", "10:15");
    // Itself among the loop's interviews is no clash.
    expect(makesClash(added, [...loop, added], [])).toBe(true);
    expect(makesClash(interview("n", "Ben", "Values", "11:00"), loop, [])).toBe(false);
    const cleo = interview("n", "Cleo", "Values", "15:00");
    expect(makesClash(cleo, loop, [{ interviewerId: "cleo", at: at("15:59") }])).toBe(true);
    expect(makesClash(cleo, loop, [{ interviewerId: "cleo", at: at("16:00") }])).toBe(false);
    // Another interviewer's interview elsewhere is none of this one's.
    expect(makesClash(cleo, loop, [{ interviewerId: "ana", at: at("15:00") }])).toBe(false);
  });
});

import { describe, expect, test } from "vitest";
import { loopOverlaps, newInterviewOverlaps, type ScheduledInterview } from "~/modules/hiring/overlaps";

const at = (time: string) => new Date(`2026-11-24T${time}:00Z`);
const interview = (id: string, interviewer: string, stage: string, time: string): ScheduledInterview => ({ id, interviewerId: interviewer.toLowerCase(), interviewerName: interviewer, stageName: stage, at: at(time) });

describe("interviews that clash in time", () => {
  test("four interviews of one candidate at the same 10:00 are one warning naming all four", () => {
    const loop = [interview("a", "Ana", "Coding", "10:00"), interview("b", "Ben", "Design", "10:00"), interview("c", "Cleo", "Values", "10:00"), interview("d", "Dan", "Delivery", "10:00")];
    const warnings = loopOverlaps(loop, [], "UTC");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^The candidate has 4 interviews less than an hour apart: Coding with Ana at 24 Nov 2026, 10:00 \(UTC\); Design with Ben/);
  });

  test("an hour apart is no clash; a run of back-to-back clashes is one warning; a day of separate interviews is none", () => {
    expect(loopOverlaps([interview("a", "Ana", "Coding", "10:00"), interview("b", "Ben", "Design", "11:00"), interview("c", "Cleo", "Values", "14:00")], [], "UTC")).toEqual([]);
    const run = loopOverlaps([interview("a", "Ana", "Coding", "10:00"), interview("b", "Ben", "Design", "10:45"), interview("c", "Cleo", "Values", "11:30")], [], "UTC");
    expect(run).toEqual([expect.stringMatching(/^The candidate has 3 interviews less than an hour apart/)]);
  });

  test("an interviewer's interview in another loop near one of this loop's is said without its candidate", () => {
    const loop = [interview("a", "Ana", "Coding", "10:00")];
    expect(loopOverlaps(loop, [{ interviewerId: "ana", at: at("10:30") }, { interviewerId: "ben", at: at("10:00") }], "UTC")).toEqual([
      "Ana has another interview in another loop less than an hour from Coding at 24 Nov 2026, 10:00 (UTC).",
    ]);
  });

  test("times are said on the reader's clock, the zone named", () => {
    expect(loopOverlaps([interview("a", "Ana", "Coding", "10:00"), interview("b", "Ben", "Design", "10:30")], [], "Asia/Kolkata")).toEqual([
      "The candidate has 2 interviews less than an hour apart: Coding with Ana at 24 Nov 2026, 15:30 (Asia/Kolkata); Design with Ben at 24 Nov 2026, 16:00 (Asia/Kolkata).",
    ]);
  });

  test("scheduling one interview names what it clashes with", () => {
    const loop = [interview("a", "Ana", "Coding", "10:00"), interview("b", "Ben", "Design", "13:00")];
    const added = interview("n", "Ben", "Values", "10:15");
    expect(newInterviewOverlaps(added, [...loop, added], [], "UTC")).toEqual(["The candidate already has Coding with Ana at 24 Nov 2026, 10:00 (UTC): less than an hour from this one."]);
    expect(newInterviewOverlaps(interview("n", "Cleo", "Values", "15:00"), loop, [{ interviewerId: "cleo", at: at("15:59") }], "UTC")).toEqual([
      "Cleo already interviews less than an hour from 24 Nov 2026, 15:00 (UTC) in another loop.",
    ]);
  });
});

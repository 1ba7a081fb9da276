import { describe, expect, test } from "vitest";
import {
  interviewerTrainingUnits,
  interviewingUnits,
  keyResultUnits,
  opportunityUnits,
  sponsorshipUnits,
  type AuditedPerson,
} from "~/modules/access-audit/units";

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 14, 30));
const midnight = (n: number) => new Date(Date.UTC(2026, 10, n));
const groups = { team: "Atlas" };
const person = (id: string, deactivatedAt: Date | null = null): AuditedPerson => ({
  id,
  createdAt: day(1),
  present: [{ since: day(1).getTime(), until: deactivatedAt?.getTime() ?? null }],
  groupsSince: [{ from: null, groups }],
});
const stages = (unit: { history: readonly { at: Date; state: { stage: string } | null }[] }) =>
  unit.history.map((entry) => [entry.at.toISOString().slice(0, 10), entry.state?.stage ?? null]);

describe("the access audits' units", () => {
  test("a sponsorship counts from the day it was recorded to the day it stopped; a second one keeps the person sponsored; a leaver leaves", () => {
    const spans = [
      { sponseeId: "a", from: day(3), to: day(6) },
      { sponseeId: "a", from: day(5), to: day(9) },
      { sponseeId: "b", from: day(4), to: day(4) },
    ];
    const units = sponsorshipUnits(
      [person("a"), person("b"), person("c", day(7))],
      spans,
      midnight(20),
    );
    expect(units.map((unit) => [unit.id, stages(unit)])).toEqual([
      [
        "a",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-03", "sponsored"],
          ["2026-11-09", "eligible"],
        ],
      ],
      // Declined the day it was recorded: nothing changed between two days' readings.
      ["b", [["2026-11-01", "eligible"]]],
      [
        "c",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-07", null],
        ],
      ],
    ]);
  });

  test("only days before the reading are read, and a day's changes are one: saw, applied and chosen the same day is chosen", () => {
    const rows = [
      { opportunityId: "o", personId: "a", sawAt: day(2), appliedAt: day(2), chosenAt: day(2) },
      { opportunityId: "o", personId: "b", sawAt: day(2), appliedAt: day(5), chosenAt: null },
      { opportunityId: "o", personId: "c", sawAt: day(5), appliedAt: null, chosenAt: null },
    ];
    const units = opportunityUnits([person("a"), person("b"), person("c")], rows, midnight(5));
    expect(units.map((unit) => [unit.id, stages(unit)])).toEqual([
      ["a", [["2026-11-02", "chosen"]]],
      ["b", [["2026-11-02", "saw"]]],
    ]);
  });

  test("each person counts once, at the furthest step any of their opportunities took them, from the first day it did", () => {
    const rows = [
      { opportunityId: "o1", personId: "a", sawAt: day(2), appliedAt: null, chosenAt: null },
      { opportunityId: "o2", personId: "a", sawAt: day(3), appliedAt: day(4), chosenAt: null },
      { opportunityId: "o3", personId: "a", sawAt: day(6), appliedAt: day(6), chosenAt: day(8) },
      // Interest recorded before the opening was: she saw it by then.
      { opportunityId: "o1", personId: "b", sawAt: day(5), appliedAt: day(3), chosenAt: null },
    ];
    const units = opportunityUnits([person("a"), person("b")], rows, midnight(10));
    expect(units.map((unit) => [unit.id, unit.person, stages(unit)])).toEqual([
      [
        "a",
        "a",
        [
          ["2026-11-02", "saw"],
          ["2026-11-04", "applied"],
          ["2026-11-08", "chosen"],
        ],
      ],
      ["b", "b", [["2026-11-03", "applied"]]],
    ]);
  });

  test("a move to another level is a dated change of the unit, at the stage it had reached; one after the person left changes nothing", () => {
    const mover: AuditedPerson = {
      id: "m",
      createdAt: day(1),
      present: [{ since: day(1).getTime(), until: day(12).getTime() }],
      groupsSince: [
        { from: null, groups: { level: "ic2" } },
        { from: day(6), groups: { level: "ic3" } },
        { from: day(14), groups: { level: "ic4" } },
      ],
    };
    const [unit] = opportunityUnits(
      [mover],
      [{ opportunityId: "o", personId: "m", sawAt: day(2), appliedAt: day(4), chosenAt: null }],
      midnight(20),
    );
    expect(
      unit!.history.map((entry) => [entry.at.toISOString().slice(0, 10), entry.state]),
    ).toEqual([
      ["2026-11-02", { stage: "saw", groups: { level: "ic2" } }],
      ["2026-11-04", { stage: "applied", groups: { level: "ic2" } }],
      ["2026-11-06", { stage: "applied", groups: { level: "ic3" } }],
      ["2026-11-12", null],
    ]);
  });

  test("in a manager's audit a person counts only while they were in the manager's organisation: joining and leaving are dated changes", () => {
    const joiner: AuditedPerson = {
      ...person("j"),
      inside: [{ since: day(5).getTime(), until: day(9).getTime() }],
    };
    const [unit] = sponsorshipUnits(
      [joiner],
      [{ sponseeId: "j", from: day(3), to: null }],
      midnight(20),
    );
    expect(stages(unit!)).toEqual([
      ["2026-11-05", "sponsored"],
      ["2026-11-09", null],
    ]);
  });

  test("a person interviews from the day they were first staffed on a panel until a year after the last; a leaver leaves", () => {
    const staffings = [
      { personId: "a", at: day(3) },
      { personId: "a", at: day(10) },
      { personId: "c", at: day(4) },
    ];
    const units = interviewingUnits(
      [person("a"), person("b"), person("c", day(8))],
      staffings,
      new Date(Date.UTC(2027, 11, 31)),
    );
    expect(units.map((unit) => [unit.id, stages(unit)])).toEqual([
      [
        "a",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-03", "interviews"],
          ["2027-11-10", "eligible"],
        ],
      ],
      ["b", [["2026-11-01", "eligible"]]],
      [
        "c",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-04", "interviews"],
          ["2026-11-08", null],
        ],
      ],
    ]);
    // Likewise a sponsorship that ended after its sponsee left.
    expect(
      sponsorshipUnits(
        [person("d", day(7))],
        [{ sponseeId: "d", from: day(3), to: day(10) }],
        midnight(20),
      ).map(stages),
    ).toEqual([
      [
        ["2026-11-01", "eligible"],
        ["2026-11-03", "sponsored"],
        ["2026-11-07", null],
      ],
    ]);
  });

  test("a key result that matters counts on its period's days: two periods back to back are one stretch, a gap between them is a return to eligible", () => {
    const holdings = [
      { personId: "a", from: midnight(3), to: midnight(8) },
      { personId: "a", from: midnight(8), to: midnight(12) },
      { personId: "b", from: midnight(3), to: midnight(6) },
      { personId: "b", from: midnight(9), to: midnight(30) },
    ];
    const units = keyResultUnits([person("a"), person("b")], holdings, midnight(20));
    expect(units.map((unit) => [unit.id, stages(unit)])).toEqual([
      [
        "a",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-03", "keyResults"],
          ["2026-11-12", "eligible"],
        ],
      ],
      [
        "b",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-03", "keyResults"],
          ["2026-11-06", "eligible"],
          ["2026-11-09", "keyResults"],
        ],
      ],
    ]);
  });

  test("someone who left and came back is out of the audit while away and back from their return, at the stage reached by then", () => {
    const returner: AuditedPerson = {
      ...person("r"),
      present: [
        { since: day(1).getTime(), until: day(5).getTime() },
        { since: day(14).getTime(), until: null },
      ],
    };
    expect(
      interviewingUnits([returner], [{ personId: "r", at: day(3) }], midnight(20)).map(stages),
    ).toEqual([
      [
        ["2026-11-01", "eligible"],
        ["2026-11-03", "interviews"],
        ["2026-11-05", null],
        ["2026-11-14", "interviews"],
      ],
    ]);
    expect(
      sponsorshipUnits(
        [returner],
        [{ sponseeId: "r", from: day(3), to: day(10) }],
        midnight(20),
      ).map(stages),
    ).toEqual([
      [
        ["2026-11-01", "eligible"],
        ["2026-11-03", "sponsored"],
        ["2026-11-05", null],
        ["2026-11-14", "eligible"],
      ],
    ]);
  });

  test("in training from the first step; qualified only once qualified on every competency of a stage as it stood then; a step back moves them back", () => {
    const log = [
      { personId: "a", competencyId: "testing", step: "shadow", at: day(2) },
      { personId: "a", competencyId: "testing", step: "qualified", at: day(4) },
      { personId: "a", competencyId: "code-quality", step: "qualified", at: day(6) },
      { personId: "a", competencyId: "testing", step: "shadow", at: day(12) },
      { personId: "b", competencyId: "design", step: "qualified", at: day(3) },
    ];
    const stageList = [
      { competencyIds: ["code-quality", "testing"], since: day(1), until: null },
      // Created after b qualified on its one competency: b is qualified from the day it was created, not before; from the day it
      // also asks for testing, b is not (and was until then).
      { competencyIds: ["design"], since: day(9), until: day(15) },
      { competencyIds: ["design", "testing"], since: day(15), until: null },
      // A stage that asks for nothing qualifies nobody.
      { competencyIds: [], since: day(1), until: null },
    ];
    const units = interviewerTrainingUnits(
      [person("a"), person("b"), person("c")],
      log,
      stageList,
      midnight(20),
    );
    expect(units.map((unit) => [unit.id, stages(unit)])).toEqual([
      [
        "a",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-02", "training"],
          ["2026-11-06", "qualified"],
          ["2026-11-12", "training"],
        ],
      ],
      [
        "b",
        [
          ["2026-11-01", "eligible"],
          ["2026-11-03", "training"],
          ["2026-11-09", "qualified"],
          ["2026-11-15", "training"],
        ],
      ],
      ["c", [["2026-11-01", "eligible"]]],
    ]);
  });
});

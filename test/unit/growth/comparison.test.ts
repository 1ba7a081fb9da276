import { describe, expect, test } from "vitest";
import {
  agreementOf,
  compareRatings,
  competencyNames,
  latestSubmitted,
  pickLatestPair,
  type PairCandidate,
} from "~/modules/growth/comparison";
import { sharedWhenBothSubmitted, subjectSelfSubmitted } from "~/modules/assessments/policy";
import type { Ladder } from "~/modules/ladders";
import { readableAssessments, type SubjectAssessmentFacts } from "~/modules/growth/profile-access";

const scale = [
  { value: 1, label: "Not yet", meaning: "" },
  { value: 2, label: "Developing", meaning: "" },
  { value: 3, label: "Consistent", meaning: "" },
  { value: 4, label: "Beyond", meaning: "" },
];

const competencies = [
  { id: "code-quality", name: "Code quality" },
  { id: "testing", name: "Testing" },
  { id: "planning", name: "Planning" },
  { id: "mentoring", name: "Mentoring" },
];

const rating = (competencyId: string, value: number | null, notes = "", evidenceCount = 0) => ({
  competencyId,
  rating: value,
  notes,
  evidenceCount,
});

describe("agreement between self and manager ratings", () => {
  test("same, one point apart, two or more apart, or incomplete", () => {
    expect(agreementOf(3, 3)).toBe("same");
    expect(agreementOf(3, 2)).toBe("differs");
    expect(agreementOf(2, 3)).toBe("differs");
    expect(agreementOf(4, 2)).toBe("strongly-differs");
    expect(agreementOf(1, 4)).toBe("strongly-differs");
    expect(agreementOf(null, 3)).toBe("incomplete");
    expect(agreementOf(3, undefined)).toBe("incomplete");
  });
});

describe("compareRatings", () => {
  test("one row per competency with both ratings, their labels, notes, the difference and the agreement", () => {
    const comparison = compareRatings({
      competencies,
      scale,
      self: [
        rating("code-quality", 3, "I refactored billing", 2),
        rating("testing", 4),
        rating("planning", 2),
        rating("mentoring", null),
      ],
      manager: [
        rating("code-quality", 3, "Agreed", 1),
        rating("testing", 2, "Tests are thin"),
        rating("planning", 3),
        rating("mentoring", 3),
      ],
    });
    expect(
      comparison.rows.map((row) => [
        row.competencyId,
        row.self?.rating,
        row.manager?.rating,
        row.difference,
        row.agreement,
      ]),
    ).toEqual([
      ["code-quality", 3, 3, 0, "same"],
      ["testing", 4, 2, -2, "strongly-differs"],
      ["planning", 2, 3, 1, "differs"],
      ["mentoring", null, 3, null, "incomplete"],
    ]);
    expect(comparison.rows[0]!.self).toEqual({
      rating: 3,
      label: "Consistent",
      notes: "I refactored billing",
      evidenceCount: 2,
    });
    expect(comparison.rows[1]!.manager).toMatchObject({
      label: "Developing",
      notes: "Tests are thin",
    });
    expect(comparison.counts).toEqual({
      same: 1,
      differs: 1,
      "strongly-differs": 1,
      incomplete: 1,
      total: 4,
      outsideLevel: 0,
    });
  });

  test("competencies rated but not in the list come last, named from the names given (else by id), outside the level and not counted; a missing side stays empty", () => {
    const comparison = compareRatings({
      competencies: competencies.slice(0, 1),
      scale,
      self: [rating("team-health", 2), rating("technical-direction", 3)],
      manager: null,
      names: new Map([["technical-direction", "Technical direction and vision"]]),
    });
    expect(
      comparison.rows.map((row) => [
        row.competencyId,
        row.name,
        row.self?.rating ?? null,
        row.manager,
        row.outsideLevel,
      ]),
    ).toEqual([
      ["code-quality", "Code quality", null, null, false],
      ["team-health", "team-health", 2, null, true],
      ["technical-direction", "Technical direction and vision", 3, null, true],
    ]);
    expect(comparison.counts).toEqual({
      same: 0,
      differs: 0,
      "strongly-differs": 0,
      incomplete: 1,
      total: 1,
      outsideLevel: 2,
    });
  });
});

describe("competencyNames", () => {
  test("every competency of the ladders given, the first ladder's name winning; none for a missing ladder", () => {
    const ladder = (names: [string, string][]) =>
      ({ competencies: names.map(([id, name]) => ({ id, name })) }) as unknown as Ladder;
    const names = competencyNames([
      undefined,
      ladder([["testing", "Testing and verification"]]),
      ladder([
        ["testing", "Testing"],
        ["planning", "Planning"],
      ]),
    ]);
    expect([...names]).toEqual([
      ["testing", "Testing and verification"],
      ["planning", "Planning"],
    ]);
  });
});

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const candidate = (
  id: string,
  kind: "self" | "manager",
  cycleId: string | null,
  day: number | null,
): PairCandidate => ({
  id,
  kind,
  cycleId,
  submittedAt: day === null ? null : at(day),
});

describe("pickLatestPair", () => {
  test("the most recent cycle with both a submitted self-assessment and manager review", () => {
    const pair = pickLatestPair([
      candidate("s1", "self", "c1", 1),
      candidate("m1", "manager", "c1", 2),
      candidate("s2", "self", "c2", 10),
      candidate("m2", "manager", "c2", 12),
      candidate("s3", "self", "c3", 20),
    ]);
    expect(pair && [pair.self.id, pair.manager.id, pair.cycleId]).toEqual(["s2", "m2", "c2"]);
  });

  test("within a cycle the newest of each kind; unsubmitted ones never count", () => {
    const pair = pickLatestPair([
      candidate("m-old", "manager", "c1", 2),
      candidate("m-new", "manager", "c1", 5),
      candidate("s", "self", "c1", 1),
      candidate("s-draft", "self", "c1", null),
    ]);
    expect(pair && [pair.self.id, pair.manager.id]).toEqual(["s", "m-new"]);
  });

  test("outside cycles the latest of each kind pair up, and win when they are newer than the last cycle", () => {
    const assessments = [
      candidate("s1", "self", "c1", 1),
      candidate("m1", "manager", "c1", 2),
      candidate("s-own-a", "self", null, 20),
      candidate("s-own-b", "self", null, 25),
      candidate("m-own", "manager", null, 22),
    ];
    const pair = pickLatestPair(assessments);
    expect(pair && [pair.self.id, pair.manager.id, pair.cycleId]).toEqual([
      "s-own-b",
      "m-own",
      null,
    ]);
    expect(
      pickLatestPair(assessments.slice(0, 2).concat(candidate("s-own", "self", null, 30)))?.cycleId,
    ).toBe("c1");
  });

  test("no pair without both kinds", () => {
    expect(
      pickLatestPair([candidate("s", "self", "c1", 1), candidate("m", "manager", "c2", 2)]),
    ).toBeNull();
    expect(pickLatestPair([])).toBeNull();
  });

  test("latestSubmitted picks the newest of one kind", () => {
    const list = [
      candidate("a", "self", "c1", 3),
      candidate("b", "self", null, 9),
      candidate("c", "manager", null, 12),
      candidate("d", "self", null, null),
    ];
    expect(latestSubmitted(list, "self")?.id).toBe("b");
    expect(latestSubmitted(list, "manager")?.id).toBe("c");
  });
});

describe("which assessments a viewer may read", () => {
  const subject = "lena";
  const facts = (
    id: string,
    kind: "self" | "manager",
    status: "draft" | "submitted",
    authorId: string,
    cycleId: string | null,
  ) =>
    ({ id, kind, status, subjectId: subject, authorId, cycleId }) as SubjectAssessmentFacts & {
      id: string;
    };
  const assessments = [
    facts("self-c1", "self", "submitted", subject, "c1"),
    facts("mgr-c1", "manager", "submitted", "sam", "c1"),
    facts("self-c2", "self", "draft", subject, "c2"),
    facts("mgr-c2", "manager", "submitted", "sam", "c2"),
    facts("mgr-c3-draft", "manager", "draft", "sam", "c3"),
  ];
  const ids = (reader: { viewerId: string; viewerIsAdmin?: boolean; chain?: string[] }) =>
    readableAssessments(
      assessments,
      {
        viewerId: reader.viewerId,
        viewerIsAdmin: reader.viewerIsAdmin ?? false,
        subjectManagerChain: reader.chain ?? ["sam", "vp"],
      },
      () => sharedWhenBothSubmitted(new Date()),
    ).map((a) => a.id);

  test("the subject reads their own drafts and the manager's review only in cycles where they submitted their own", () => {
    expect(ids({ viewerId: subject })).toEqual(["self-c1", "mgr-c1", "self-c2"]);
  });

  test("the manager and the skip-level read submitted ones; only the author reads a draft", () => {
    expect(ids({ viewerId: "sam" })).toEqual(["self-c1", "mgr-c1", "mgr-c2", "mgr-c3-draft"]);
    expect(ids({ viewerId: "vp" })).toEqual(["self-c1", "mgr-c1", "mgr-c2"]);
  });

  test("an admin reads every submitted one; a peer reads nothing", () => {
    expect(ids({ viewerId: "priya", viewerIsAdmin: true })).toEqual([
      "self-c1",
      "mgr-c1",
      "mgr-c2",
    ]);
    expect(ids({ viewerId: "peer" })).toEqual([]);
  });

  test("out of cycle, any submitted out-of-cycle self-assessment counts", () => {
    const own = [facts("s", "self", "submitted", subject, null)];
    expect(subjectSelfSubmitted(own, subject, null)).toBe(true);
    expect(subjectSelfSubmitted(own, subject, "c1")).toBe(false);
  });
});

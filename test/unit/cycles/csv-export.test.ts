import { describe, expect, test } from "vitest";
import {
  CYCLE_EXPORT_COLUMNS,
  exportFilename,
  participantRows,
  type ExportParticipant,
} from "~/modules/cycles/csv-export";

describe("participant rows", () => {
  const competencies = [
    { id: "code-quality", name: "Code quality" },
    { id: "testing", name: 'Testing, and "quality"' },
  ];
  const person: ExportParticipant = {
    name: "=cmd|' /C calc'!A0",
    email: "lena@example.com",
    team: "Checkout",
    managerName: "Okafor, Sam",
    track: "ic",
    level: "ic2",
    selfAssessment: {
      submittedAt: new Date("2026-03-10T12:00:00Z"),
      trackId: "ic",
      levelId: "ic2",
      ratings: new Map([
        ["code-quality", { rating: 3, evidence: 2 }],
        ["testing", { rating: 2, evidence: 0 }],
      ]),
    },
    managerReview: {
      submittedAt: new Date("2026-03-20T09:00:00Z"),
      trackId: "ic",
      levelId: "ic2",
      ratings: new Map([["code-quality", { rating: 2, evidence: 1 }]]),
    },
    competencies,
    names: {
      track: (id) => ({ ic: "Individual contributor" })[id] ?? id,
      level: (id) => ({ ic2: "Engineer II" })[id] ?? id,
    },
    feedback: { peersAsked: 3, peersAnswered: 1, peersDeclined: 1, upwardAnswers: null },
  };

  test("one row per competency with both ratings, the difference and the evidence", () => {
    const lines = participantRows("Spring 2026", person).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines[0]).toBe(
      "Spring 2026,'=cmd|' /C calc'!A0,lena@example.com,Checkout,\"Okafor, Sam\",Individual contributor,Engineer II,Code quality,code-quality,3,2,-1,3,2026-03-10,2026-03-20,3,1,1,,ic,ic2",
    );
    expect(lines[1]).toBe(
      'Spring 2026,\'=cmd|\' /C calc\'!A0,lena@example.com,Checkout,"Okafor, Sam",Individual contributor,Engineer II,"Testing, and ""quality""",testing,2,,,0,2026-03-10,2026-03-20,3,1,1,,ic,ic2',
    );
    expect(lines[0]!.split(",").length).toBeGreaterThanOrEqual(CYCLE_EXPORT_COLUMNS.length);
  });

  test("someone without submitted assessments keeps a row per competency, blank ratings", () => {
    const lines = participantRows("Spring 2026", {
      ...person,
      name: "Aisha",
      selfAssessment: null,
      managerReview: null,
      feedback: null,
    })
      .trimEnd()
      .split("\r\n");
    expect(lines).toEqual([
      'Spring 2026,Aisha,lena@example.com,Checkout,"Okafor, Sam",Individual contributor,Engineer II,Code quality,code-quality,,,,0,,,,,,,ic,ic2',
      'Spring 2026,Aisha,lena@example.com,Checkout,"Okafor, Sam",Individual contributor,Engineer II,"Testing, and ""quality""",testing,,,,0,,,,,,,ic,ic2',
    ]);
  });

  test("someone with no competency to list still gets one row", () => {
    expect(
      participantRows("C", {
        ...person,
        name: "Nia",
        selfAssessment: null,
        managerReview: null,
        competencies: [],
      }),
    ).toBe(
      'C,Nia,lena@example.com,Checkout,"Okafor, Sam",Individual contributor,Engineer II,,,,,,,,,3,1,1,,ic,ic2\r\n',
    );
  });
});

describe("file name", () => {
  test("ASCII only, no quotes or path separators", () => {
    const on = new Date("2026-11-21T10:00:00Z");
    expect(exportFilename("Spring 2026", on)).toBe("review-cycle-spring-2026-2026-11-21.csv");
    expect(exportFilename('Q1 "Révisions" / ../etc\r\nX', on)).toBe(
      "review-cycle-q1-revisions-etc-x-2026-11-21.csv",
    );
    expect(exportFilename("💥", on)).toBe("review-cycle-export-2026-11-21.csv");
  });
});

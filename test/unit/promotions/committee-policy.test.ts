import { describe, expect, test } from "vitest";
import {
  composition,
  disagreesOn,
  inReportingLine,
  levelAtOrAbove,
  nextWindowFor,
  outsideOrganisation,
  takesEffectOn,
} from "~/modules/promotions/committee-policy";
import { identifyingWords, redact } from "~/modules/promotions/redaction";

// Tara leads; Hana and Otto each lead an organisation under her; Sam reports to Hana and manages Lena.
const tara = { id: "tara", linePath: "/" };
const hana = { id: "hana", linePath: "/tara/" };
const otto = { id: "otto", linePath: "/tara/" };
const sam = { id: "sam", linePath: "/tara/hana/" };
const lena = { id: "lena", linePath: "/tara/hana/sam/" };
const xena = { id: "xena", linePath: "/tara/hana/" };
const wim = { id: "wim", linePath: "/tara/otto/" };
const lenaReport = { id: "ria", linePath: "/tara/hana/sam/lena/" };

describe("who sits where", () => {
  test("the reporting line runs up through every manager and down through every report, the nominee included", () => {
    for (const member of [tara, hana, sam, lena, lenaReport])
      expect(inReportingLine(lena, member), member.id).toBe(true);
    for (const member of [otto, xena, wim])
      expect(inReportingLine(lena, member), member.id).toBe(false);
  });

  test("the nominee's organisation is the one led by the person just below the top of their line", () => {
    expect(
      [hana, sam, xena, lenaReport].map((member) => outsideOrganisation(lena, member)),
    ).toEqual([false, false, false, false]);
    expect([otto, wim, tara].map((member) => outsideOrganisation(lena, member))).toEqual([
      true,
      true,
      true,
    ]);
    // For the top's own reports, the organisation is the top's: nobody in the company is outside it but the top's peers.
    expect(outsideOrganisation(hana, otto)).toBe(false);
  });

  test("a level is at or above another in the same track by rank, across tracks by equivalence band, and never when unknown", () => {
    expect(
      levelAtOrAbove(
        { trackId: "ic", rank: 3, band: null },
        { trackId: "ic", rank: 3, band: null },
      ),
    ).toBe(true);
    expect(
      levelAtOrAbove({ trackId: "ic", rank: 2, band: 0 }, { trackId: "ic", rank: 3, band: 1 }),
    ).toBe(false);
    expect(
      levelAtOrAbove({ trackId: "manager", rank: 0, band: 0 }, { trackId: "ic", rank: 2, band: 0 }),
    ).toBe(true);
    expect(
      levelAtOrAbove(
        { trackId: "manager", rank: 3, band: null },
        { trackId: "ic", rank: 2, band: 0 },
      ),
    ).toBe(false);
    expect(levelAtOrAbove(null, { trackId: "ic", rank: 2, band: 0 })).toBe(false);
  });

  test("a committee lacking voters or outside voters says by how much", () => {
    const rules = { minMembers: 3, membersAtOrAbove: true, minOutsideMembers: 1 };
    const member = (
      personId: string,
      facts: { inLine?: boolean; atOrAbove?: boolean; outside?: boolean },
    ) => ({
      personId,
      role: "member" as const,
      inLine: false,
      atOrAbove: true,
      outside: false,
      ...facts,
    });
    const result = composition(rules, [
      member("a", {}),
      member("b", { inLine: true, outside: true }),
      member("c", { atOrAbove: false, outside: true }),
      member("d", {}),
    ]);
    expect(result.voters).toEqual(["a", "d"]);
    expect(result.problems).toEqual([
      { key: "promotionsCommittee:composition.tooFew", values: { count: 2, min: 3 } },
      { key: "promotionsCommittee:composition.tooFewOutside", values: { count: 0, min: 1 } },
    ]);
    expect(
      composition({ ...rules, membersAtOrAbove: false }, [
        member("a", {}),
        member("c", { atOrAbove: false, outside: true }),
        member("d", {}),
      ]).problems,
    ).toEqual([]);
  });
});

describe("the answer's dates", () => {
  test("a promotion takes effect on the later of the effective day and the release", () => {
    const effective = new Date("2026-10-01T00:00:00Z");
    expect(takesEffectOn(effective, new Date("2026-09-20T10:00:00Z"))).toEqual(effective);
    expect(takesEffectOn(effective, new Date("2026-10-03T10:00:00Z"))).toEqual(
      new Date("2026-10-03T10:00:00Z"),
    );
  });

  test("the first window a not-yet nominee may enter again skips the windows the settings ask them to wait", () => {
    const closed = new Date("2026-06-01T00:00:00Z");
    const windows = [
      { id: "w3", nominationsOpenOn: new Date("2027-06-01T00:00:00Z") },
      { id: "w0", nominationsOpenOn: new Date("2026-05-01T00:00:00Z") },
      { id: "w2", nominationsOpenOn: new Date("2026-12-01T00:00:00Z") },
    ];
    expect(nextWindowFor(windows, closed, 0)?.id).toBe("w2");
    expect(nextWindowFor(windows, closed, 1)?.id).toBe("w3");
    expect(nextWindowFor(windows, closed, 2)).toBeNull();
  });
});

describe("the meeting", () => {
  test("a criterion is a disagreement when any two given marks differ", () => {
    expect(disagreesOn(["met", "met", null])).toBe(false);
    expect(disagreesOn(["met", "partly"])).toBe(true);
  });
});

describe("the redacted first read", () => {
  test("every part of each name is replaced wherever it stands as a word, in any case, and nowhere inside another word", () => {
    const words = identifyingWords(["Lena Ødegård", "Sam Manager", null, "Platform Falcons"]);
    const text =
      "Lena and LENA's manager Sam led the platform work; Ødegård-style notes. Samuel, Bassam and Lenalee stay.";
    expect(redact(text, words, "#4")).toBe(
      "#4 and #4's #4 #4 led the #4 work; #4-style notes. Samuel, Bassam and Lenalee stay.",
    );
  });
});

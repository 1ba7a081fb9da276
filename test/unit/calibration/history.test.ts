import { describe, expect, it } from "vitest";
import {
  describeChange as describeInMessages,
  historyValue,
  type HistoryContext,
} from "~/modules/calibration/history";
import { inEnglishWords } from "../../utils/english";
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { wordingOf } from "~/i18n/wording";

const describeChange = (...args: Parameters<typeof describeInMessages>) =>
  describeInMessages(...args).map(inEnglishWords);

const context: HistoryContext = {
  scale: [
    { value: 1, label: "Developing" },
    { value: 2, label: "Partial" },
    { value: 3, label: "Consistent" },
    { value: 4, label: "Exceeds" },
  ],
  secondDimension: "Potential",
  levelTitles: { ic2: "Engineer II", ic3: "Senior Engineer" },
  evidence: { e1: "Led the checkout rewrite", e2: "Mentored two new joiners" },
};

describe("calibration history in words", () => {
  it("a first proposal reads as what was proposed: scale points by label, levels by title, evidence by its text", () => {
    expect(
      describeChange(
        {
          proposedRating: [null, 3],
          proposedOutcome: [null, "promote"],
          proposedLevelId: [null, "ic3"],
          proposedSecond: [null, 3],
          proposedEvidence: ["[]", '["e1"]'],
          rationale: ["", "Ready."],
        },
        context,
      ),
    ).toEqual([
      "proposed rating Consistent (3)",
      "proposed outcome Promote",
      "proposed level Senior Engineer",
      "proposed Potential High",
      "evidence pointed to: “Led the checkout rewrite”",
      "rationale “Ready.”",
    ]);
  });

  it("a change reads from → to; a value taken away reads as removed; evidence added and taken away, by count beyond three", () => {
    expect(
      describeChange(
        {
          finalRating: [3, 2],
          finalLevelId: ["ic3", null],
          proposedEvidence: ['["e1"]', '["e2","x1","x2","x3"]'],
        },
        context,
      ),
    ).toEqual([
      "final rating Consistent (3) → Partial (2)",
      "final level Senior Engineer removed",
      "evidence pointed to: 4 pieces of evidence",
      "evidence no longer pointed to: “Led the checkout rewrite”",
    ]);
    expect(describeChange({ proposedEvidence: ['["e1","e2"]', "[]"] }, context)).toEqual([
      "evidence no longer pointed to: “Led the checkout rewrite”, “Mentored two new joiners”",
    ]);
  });

  it("the reason given with an outcome is not repeated in its line; marks, releases and states read as the pages say them", () => {
    expect(
      describeChange(
        { finalRating: [null, 4], finalReason: [null, "Strong year."] },
        context,
        "Strong year.",
      ),
    ).toEqual(["final rating Exceeds (4)"]);
    expect(describeChange({ mark: ["agree", "question"] }, context)).toEqual([
      "mark on the proposal Agree → Question it",
    ]);
    expect(describeChange({ released: [false, true] }, context)).toEqual([
      "outcome released to the person",
    ]);
    expect(describeChange({ state: ["draft", "proposals"] }, context)).toEqual([
      "state Draft → Proposals open",
    ]);
    expect(historyValue("proposedRating", 9, context)).toBe("9");
    expect(historyValue("proposedEvidence", "[]", context)).toBeNull();
  });

  it("a reader in another language reads the history in theirs: field names, states, quotes and counts", () => {
    const german = wordingOf(i18nFor("de"), "de", "calibration");
    const inGerman = (change: Record<string, unknown>) =>
      describeInMessages(change, context).map((line) => wordsOf(german, line));
    expect(inGerman({ state: ["draft", "proposals"], rationale: [null, "Bereit."] })).toEqual([
      "Status Entwurf → Vorschläge offen",
      "Begründung „Bereit.“",
    ]);
    expect(inGerman({ people: [null, 1], proposedSecond: [null, 3] })).toEqual([
      "1 Person in der Sitzung",
      "vorgeschlagen: Potential Hoch",
    ]);
  });
});

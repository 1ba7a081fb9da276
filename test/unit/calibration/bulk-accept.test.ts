import { describe, expect, it } from "vitest";
import {
  namesList,
  proposalAsOutcome,
  sortForAcceptance,
  type AcceptableEntry,
} from "~/modules/calibration/bulk-accept";
import { inEnglishWords, inWordsOf } from "../../utils/english";

const entry = (name: string, fields: Partial<AcceptableEntry> = {}): AcceptableEntry => ({
  id: name.toLowerCase(),
  name,
  proposedRating: 3,
  proposedOutcome: "stay",
  proposedLevelId: null,
  proposedSecond: 2,
  finalRating: null,
  finalOutcome: null,
  finalLevelId: null,
  finalSecond: null,
  ...fields,
});

describe("accepting proposals in bulk", () => {
  it("takes proposals without an outcome, leaves those already accepted, and sets aside those without a proposal or decided otherwise", () => {
    const open = entry("Open");
    const already = entry("Already", { finalRating: 3, finalOutcome: "stay", finalSecond: 2 });
    const none = entry("None", { proposedRating: null, proposedOutcome: null });
    const otherwise = entry("Otherwise", { finalRating: 2, finalOutcome: "stay", finalSecond: 2 });
    const noSecond = entry("No second", { proposedSecond: null });
    const sorted = sortForAcceptance([open, already, none, otherwise, noSecond], true);
    expect(sorted).toEqual({
      accept: [open],
      already: [already],
      noProposal: [none, noSecond],
      decidedOtherwise: [otherwise],
    });
    // A session without a second dimension does not ask for one.
    expect(sortForAcceptance([noSecond], false).accept).toEqual([noSecond]);
  });

  it("the outcome is the proposal: a level only with a promotion, the second dimension only where collected", () => {
    expect(
      proposalAsOutcome(entry("P", { proposedOutcome: "promote", proposedLevelId: "ic3" }), true),
    ).toEqual({ finalRating: 3, finalOutcome: "promote", finalLevelId: "ic3", finalSecond: 2 });
    expect(proposalAsOutcome(entry("S", { proposedLevelId: "ic3" }), false)).toEqual({
      finalRating: 3,
      finalOutcome: "stay",
      finalLevelId: null,
    });
  });

  it("names the first few people, joined as the reader's language joins them, then how many more", () => {
    const two = namesList([{ name: "A" }, { name: "B" }]);
    expect({ ...two, names: inEnglishWords(two.names) }).toEqual({
      names: "A, B",
      more: 0,
      count: 2,
    });
    const seven = namesList("ABCDEFG".split("").map((name) => ({ name })));
    expect(seven).toMatchObject({ more: 2, count: 7 });
    const refusal = { key: "calibration:errors.nothingAccepted.noProposal", values: seven };
    expect(inEnglishWords(refusal)).toBe(
      "Nothing was accepted: A, B, C, D, E and 2 more have no proposal to accept.",
    );
    // Arabic joins names with its own comma.
    expect(inWordsOf("ar", refusal)).toContain("A، B، C، D، E");
  });
});

import { listOf, type Message } from "~/i18n/messages";
import { differsFromProposal, outcomeLevel } from "./outcomes";

/**
 * Accepting proposals as final outcomes in bulk (issue 23: twenty-three outcomes took forty-six
 * clicks). An accepted outcome is the proposal itself, so it needs no reason; an entry whose
 * outcome should differ is decided on its own page, with its reason. Pure: which entries a bulk
 * accept takes, which it leaves, and why.
 */

export type AcceptableEntry = {
  id: string;
  name: string;
  proposedRating: number | null;
  proposedOutcome: string | null;
  proposedLevelId: string | null;
  proposedSecond: number | null;
  finalRating: number | null;
  finalOutcome: string | null;
  finalLevelId: string | null;
  finalSecond: number | null;
};

export type Acceptance<T extends AcceptableEntry> = {
  /** A proposal and no outcome yet: the proposal becomes the outcome. */
  accept: T[];
  /** The outcome already is the proposal: nothing to write. */
  already: T[];
  /** No proposal to accept. */
  noProposal: T[];
  /** An outcome that differs from the proposal is recorded: only its own page changes it, with a reason. */
  decidedOtherwise: T[];
};

/** The proposal as it would stand as the final outcome (the second dimension only where the session collects one). */
export function proposalAsOutcome(entry: AcceptableEntry, collectsSecond: boolean) {
  return {
    finalRating: entry.proposedRating,
    finalOutcome: entry.proposedOutcome,
    finalLevelId: outcomeLevel({ outcome: entry.proposedOutcome, levelId: entry.proposedLevelId }),
    ...(collectsSecond ? { finalSecond: entry.proposedSecond } : {}),
  };
}

const sameAsProposal = (entry: AcceptableEntry, collectsSecond: boolean) =>
  !differsFromProposal(
    {
      rating: entry.finalRating,
      outcome: entry.finalOutcome,
      levelId: entry.finalLevelId,
      second: entry.finalSecond,
    },
    {
      rating: entry.proposedRating,
      outcome: entry.proposedOutcome,
      levelId: entry.proposedLevelId,
      second: entry.proposedSecond,
    },
    collectsSecond,
  );

/** Sorts entries for a bulk accept. A proposal is complete when it has a rating, an outcome and (where collected) the second dimension. */
export function sortForAcceptance<T extends AcceptableEntry>(
  entries: readonly T[],
  collectsSecond: boolean,
): Acceptance<T> {
  const sorted: Acceptance<T> = { accept: [], already: [], noProposal: [], decidedOtherwise: [] };
  for (const entry of entries) {
    if (
      entry.proposedRating === null ||
      entry.proposedOutcome === null ||
      (collectsSecond && entry.proposedSecond === null)
    )
      sorted.noProposal.push(entry);
    else if (entry.finalRating === null) sorted.accept.push(entry);
    else if (sameAsProposal(entry, collectsSecond)) sorted.already.push(entry);
    else sorted.decidedOtherwise.push(entry);
  }
  return sorted;
}

/**
 * Names in a message: the first few, joined as the reader's language joins them, and how many more
 * the message counts ("and 2 more" in its language).
 */
export function namesList(
  entries: readonly { name: string }[],
  shown = 5,
): { names: string | Message; more: number; count: number } {
  return {
    names: listOf(entries.slice(0, shown).map((entry) => entry.name)),
    more: Math.max(0, entries.length - shown),
    count: entries.length,
  };
}

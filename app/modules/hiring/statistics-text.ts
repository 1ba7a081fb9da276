import { plural } from "~/utils/plural";

/**
 * What the hiring statistics pages say about what they show, in plain words: which loops the
 * figures are over, and, before the validity loop has anything to compare, what it needs.
 */

/**
 * The statistics page's scope: the loops counted and, only when there are any, the loops left
 * out because the viewer still owes a scorecard in them (so no figure reflects a card they may
 * not see yet).
 */
export function statisticsScope(counted: number, withheld: number, isAdmin: boolean): string {
  const scope = `Over ${plural(counted, "# decided loop")} of ${isAdmin ? "every opening" : "the openings you manage"}, from their submitted scorecards.`;
  if (!withheld) return scope;
  const left = plural(withheld, "# more decided loop is left out until you submit your own scorecard in it.");
  return `${scope} ${left}`;
}

/** Before any hire can be compared: why, and when the page fills. Null once one can. */
export function validityWaitingFor(linkedHires: number, comparedHires: number, minN: number): string[] | null {
  if (comparedHires > 0) return null;
  return [
    linkedHires === 0
      ? "No hire is linked to their account yet: on the page of a loop decided as a hire, link the hire to their account once they have joined."
      : linkedHires === 1
        ? "The linked hire has no submitted manager review since the decision yet."
        : `None of the ${linkedHires} linked hires has a submitted manager review since the decision yet.`,
    `Each linked hire counts from their first submitted manager review after the decision. Coefficients show once ${minN} hires count.`,
  ];
}

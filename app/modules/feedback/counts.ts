/**
 * A person's feedback in a cycle reduced to counts, for the cycle's CSV export: never an answer's
 * text, never a name. Pure: the server gathers the requests and the upward release.
 */

/** Counts for one person; `upwardAnswers` is null unless the upward aggregate may be shown to the reader (release.ts). */
export type FeedbackCounts = {
  peersAsked: number;
  peersAnswered: number;
  peersDeclined: number;
  upwardAnswers: number | null;
};

/**
 * Peer requests that reached the colleague: still waiting for their answer, answered, or declined
 * by the colleague. A nomination the manager declined or a withdrawn request was not asked of anyone.
 */
export function peerCounts(
  requests: readonly { state: string; reviewerId: string; declinedById: string | null }[],
): Pick<FeedbackCounts, "peersAsked" | "peersAnswered" | "peersDeclined"> {
  let answered = 0;
  let declined = 0;
  let waiting = 0;
  for (const request of requests) {
    if (request.state === "submitted") answered += 1;
    else if (request.state === "approved") waiting += 1;
    else if (request.state === "declined" && request.declinedById === request.reviewerId)
      declined += 1;
  }
  return {
    peersAsked: answered + declined + waiting,
    peersAnswered: answered,
    peersDeclined: declined,
  };
}

/** What a window's history records (PromotionEvent.kind): each change of a window, a nomination or a packet. */
export const PROMOTION_EVENT_KINDS = [
  "created",
  "edit",
  "state",
  "nominated",
  "manager-addition",
  "withdrawn",
  "packet-submitted",
  "amendment-started",
  "amendment-submitted",
  "member-named",
  "member-removed",
  "meeting",
  "ballot-submitted",
  "decision",
  "dissent",
  "release",
  "apply",
  "audit-opened",
] as const;
export type PromotionEventKind = (typeof PROMOTION_EVENT_KINDS)[number];

export const NOMINATION_STATES = ["nominated", "withdrawn", "decided"] as const;

/** A released outcome in a nominee's record: calibration's level outcomes and committees' decisions. */
export type RecordedOutcome = "promote" | "stay" | "not-ready" | "not-yet";

/** A stored word read back as one of the words the pages know; unknown words (from a later release) read as the fallback. */
export function known<T extends string>(words: readonly T[], value: string, fallback: T): T {
  return (words as readonly string[]).includes(value) ? (value as T) : fallback;
}

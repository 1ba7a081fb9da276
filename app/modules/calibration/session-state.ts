/**
 * A calibration session moves forward through these states, one step at a time:
 * draft (the facilitator sets it up) → proposals (managers propose) → preread (only when the
 * session has a blind pre-read: calibrators read and rate before proposals are revealed) →
 * live (the meeting: proposals visible, outcomes recorded) → locked (outcomes frozen) →
 * published (managers, then people, see outcomes).
 */
export const SESSION_STATES = [
  "draft",
  "proposals",
  "preread",
  "live",
  "locked",
  "published",
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** The state after this one, or null at the end. A session without a blind pre-read skips it. */
export function nextState(
  state: SessionState,
  options: { blindPreRead: boolean },
): SessionState | null {
  switch (state) {
    case "draft":
      return "proposals";
    case "proposals":
      return options.blindPreRead ? "preread" : "live";
    case "preread":
      return "live";
    case "live":
      return "locked";
    case "locked":
      return "published";
    case "published":
      return null;
  }
}

/** Only the next step is allowed: no skipping, no going back (a locked session stays locked). */
export function canMoveTo(
  from: SessionState,
  to: SessionState,
  options: { blindPreRead: boolean },
): boolean {
  return nextState(from, options) === to;
}

export function isSessionState(value: unknown): value is SessionState {
  return typeof value === "string" && (SESSION_STATES as readonly string[]).includes(value);
}

/** Proposals may be written while proposals are open (and still during a pre-read, which does not show them). */
export const proposalsEditable = (state: SessionState) =>
  state === "proposals" || state === "preread";
/** Proposals are visible to every calibrator from the live session on. */
export const proposalsRevealed = (state: SessionState) =>
  state === "live" || state === "locked" || state === "published";
/** Final outcomes are recorded during the live session only. */
export const outcomesEditable = (state: SessionState) => state === "live";

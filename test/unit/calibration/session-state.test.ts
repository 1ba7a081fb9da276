import { describe, expect, it } from "vitest";
import {
  canMoveTo,
  nextState,
  outcomesEditable,
  proposalsEditable,
  proposalsRevealed,
  SESSION_STATES,
} from "~/modules/calibration/session-state";

describe("calibration session states", () => {
  it("move forward one step at a time, through the pre-read only when the session has one", () => {
    const walk = (blindPreRead: boolean) => {
      const states = ["draft" as const];
      for (
        let next = nextState("draft", { blindPreRead });
        next;
        next = nextState(next, { blindPreRead })
      )
        states.push(next as never);
      return states;
    };
    expect(walk(true)).toEqual(["draft", "proposals", "preread", "live", "locked", "published"]);
    expect(walk(false)).toEqual(["draft", "proposals", "live", "locked", "published"]);
  });

  it("never skip a step or go back", () => {
    const options = { blindPreRead: false };
    const allowed = SESSION_STATES.flatMap((from) =>
      SESSION_STATES.filter((to) => canMoveTo(from, to, options)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      "draft→proposals",
      "proposals→live",
      "preread→live",
      "live→locked",
      "locked→published",
    ]);
    expect(canMoveTo("proposals", "preread", options)).toBe(false);
    expect(canMoveTo("locked", "live", { blindPreRead: true })).toBe(false);
  });

  it("say when proposals may be written and seen, and when outcomes may be recorded", () => {
    expect(SESSION_STATES.filter(proposalsEditable)).toEqual(["proposals", "preread"]);
    expect(SESSION_STATES.filter(proposalsRevealed)).toEqual(["live", "locked", "published"]);
    expect(SESSION_STATES.filter(outcomesEditable)).toEqual(["live"]);
  });
});

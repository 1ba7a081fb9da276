import { describe, expect, it } from "vitest";
import {
  canChangeState,
  canMarkProposal,
  canOpenEntry,
  canPropose,
  canRateIndependently,
  canRecordOutcome,
  canSeeProposal,
  canViewSession,
} from "~/modules/calibration/policy";
import { SESSION_STATES, type SessionState } from "~/modules/calibration/session-state";

const facilitator = { id: "fac", isAdmin: false };
const manager = { id: "mgr", isAdmin: false };
const otherManager = { id: "mgr2", isAdmin: false };
const engineer = { id: "eng", isAdmin: false };
const stranger = { id: "x", isAdmin: false };
const admin = { id: "adm", isAdmin: true };
/** The session as read for a viewer: `withheld` is the viewer and their managers up the line. */
const session = (state: SessionState, withheld: string[] = []) => ({
  facilitatorId: "fac",
  calibratorIds: ["mgr", "mgr2"],
  state,
  withheldPersonIds: withheld,
});
const entry = { personId: "eng", managerId: "mgr", released: true };
const statesWhere = (allowed: (state: SessionState) => boolean) => SESSION_STATES.filter(allowed);

describe("calibration access rules", () => {
  it("only the facilitator, invited calibrators and admins see a session", () => {
    for (const viewer of [facilitator, manager, otherManager, admin])
      expect(canViewSession(viewer, session("live"))).toBe(true);
    for (const viewer of [engineer, stranger])
      expect(canViewSession(viewer, session("live"))).toBe(false);
  });

  it("a proposal is its manager's and the facilitator's from the start, other calibrators' only once the session is live", () => {
    expect(statesWhere((state) => canSeeProposal(manager, session(state), entry))).toEqual([
      ...SESSION_STATES,
    ]);
    expect(statesWhere((state) => canSeeProposal(facilitator, session(state), entry))).toEqual([
      ...SESSION_STATES,
    ]);
    expect(statesWhere((state) => canSeeProposal(otherManager, session(state), entry))).toEqual([
      "live",
      "locked",
      "published",
    ]);
    expect(statesWhere((state) => canSeeProposal(engineer, session(state), entry))).toEqual([]);
  });

  it("a calibrator who is calibrated in the session neither opens, sees, marks nor rates their own entry; admins see it", () => {
    const own = { personId: "mgr2", managerId: "mgr", released: false };
    expect(canOpenEntry(otherManager, session("live", ["mgr2", "mgr"]), own)).toBe(false);
    expect(canSeeProposal(otherManager, session("live", ["mgr2", "mgr"]), own)).toBe(false);
    expect(canMarkProposal(otherManager, session("live", ["mgr2", "mgr"]), own)).toBe(false);
    expect(canRateIndependently(otherManager, session("preread", ["mgr2", "mgr"]), own)).toBe(
      false,
    );
    expect(canOpenEntry(manager, session("live", ["mgr"]), own)).toBe(true);
    expect(canMarkProposal(facilitator, session("live", ["fac"]), own)).toBe(false);
    expect(canOpenEntry(admin, session("live"), { ...own, personId: "adm" })).toBe(true);
  });

  it("nor their managers' entries up the line: a calibrator does not rate or read the manager they report to", () => {
    const theirManager = { personId: "mgr", managerId: "dir", released: false };
    const asOtherManager = (state: SessionState) => session(state, ["mgr2", "mgr"]);
    expect(canOpenEntry(otherManager, asOtherManager("live"), theirManager)).toBe(false);
    expect(canSeeProposal(otherManager, asOtherManager("live"), theirManager)).toBe(false);
    expect(canMarkProposal(otherManager, asOtherManager("live"), theirManager)).toBe(false);
    expect(canRateIndependently(otherManager, asOtherManager("preread"), theirManager)).toBe(false);
    // Someone beside them is theirs to rate and mark.
    const peer = { personId: "peer", managerId: "dir", released: false };
    expect(canRateIndependently(otherManager, asOtherManager("preread"), peer)).toBe(true);
    expect(canMarkProposal(otherManager, asOtherManager("live"), peer)).toBe(true);
  });

  it("in a draft, a calibrator opens only their own reports' entries; the facilitator and admins open every one", () => {
    expect(canOpenEntry(manager, session("draft"), entry)).toBe(true);
    expect(canOpenEntry(otherManager, session("draft"), entry)).toBe(false);
    expect(canOpenEntry(otherManager, session("proposals"), entry)).toBe(true);
    expect(canOpenEntry(facilitator, session("draft"), entry)).toBe(true);
    expect(canOpenEntry(admin, session("draft"), entry)).toBe(true);
  });

  it("only the person's manager proposes, while proposals are open", () => {
    expect(statesWhere((state) => canPropose(manager, session(state), entry))).toEqual([
      "proposals",
      "preread",
    ]);
    expect(statesWhere((state) => canPropose(otherManager, session(state), entry))).toEqual([]);
    expect(statesWhere((state) => canPropose(facilitator, session(state), entry))).toEqual([]);
  });

  it("calibrators pre-read during the pre-read; the facilitator records outcomes while live and moves the session on", () => {
    expect(
      statesWhere((state) => canRateIndependently(otherManager, session(state), entry)),
    ).toEqual(["preread"]);
    expect(
      statesWhere((state) => canRateIndependently(facilitator, session(state), entry)),
    ).toEqual([]);
    expect(statesWhere((state) => canRecordOutcome(facilitator, session(state)))).toEqual(["live"]);
    // An admin may too: for an entry the facilitator may not open (their own or their manager's), someone must.
    expect(statesWhere((state) => canRecordOutcome(admin, session(state)))).toEqual(["live"]);
    expect(statesWhere((state) => canRecordOutcome(manager, session(state)))).toEqual([]);
    expect(canChangeState(facilitator, session("draft"))).toBe(true);
    expect(canChangeState(manager, session("draft"))).toBe(false);
  });
});

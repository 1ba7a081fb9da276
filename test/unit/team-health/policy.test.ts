import { describe, expect, it } from "vitest";
import {
  actionRefusal,
  answerRefusal,
  canChooseAction,
  canClose,
  canMarkDone,
  canReadResults,
  canStartFor,
  isOpen,
  showsAnswered,
  startRefusal,
} from "~/modules/team-health/policy";
import { shownComments, withoutNames } from "~/modules/team-health/comments";

const admin = { id: "a", isAdmin: true };
const person = { id: "p", isAdmin: false };
const none = { asked: false, member: false, managesMember: false };

describe("team health's rules", () => {
  it("lets admins start for any team and managers for teams below them", () => {
    expect(canStartFor(admin, { managesMember: false })).toBe(true);
    expect(canStartFor(person, { managesMember: true })).toBe(true);
    expect(canStartFor(person, { managesMember: false })).toBe(false);
    expect(startRefusal({ mayStart: true, members: 3, floor: 4 })).toBe("too-small");
    expect(startRefusal({ mayStart: false, members: 9, floor: 4 })).toBe("forbidden");
    expect(startRefusal({ mayStart: true, members: 4, floor: 4 })).toBeNull();
  });

  it("lets the asked, the members, their managers and admins read results, nobody else", () => {
    expect(canReadResults(person, none)).toBe(false);
    expect(canReadResults(admin, none)).toBe(true);
    expect(canReadResults(person, { ...none, asked: true })).toBe(true);
    expect(canReadResults(person, { ...none, member: true })).toBe(true);
    expect(canReadResults(person, { ...none, managesMember: true })).toBe(true);
  });

  it("takes one answer from someone asked while it is open", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const open = { closesAt: new Date("2026-12-02T00:00:00Z"), closedAt: null };
    expect(isOpen(open, now)).toBe(true);
    expect(isOpen({ ...open, closedAt: now }, now)).toBe(false);
    expect(isOpen({ ...open, closesAt: now }, now)).toBe(false);
    expect(answerRefusal({ asked: false, answered: false, open: true })).toBe("not-asked");
    expect(answerRefusal({ asked: true, answered: true, open: true })).toBe("answered");
    expect(answerRefusal({ asked: true, answered: false, open: false })).toBe("closed");
    expect(answerRefusal({ asked: true, answered: false, open: true })).toBeNull();
  });

  it("leaves the action to the team, not to an admin alone", () => {
    expect(canChooseAction(none)).toBe(false);
    expect(canChooseAction({ ...none, member: true })).toBe(true);
    const facts = { mayChoose: true, alreadyChosen: false, itemShown: true, ownerInTeam: true };
    expect(actionRefusal(facts)).toBeNull();
    expect(actionRefusal({ ...facts, alreadyChosen: true })).toBe("already");
    expect(actionRefusal({ ...facts, itemShown: false })).toBe("item");
    expect(actionRefusal({ ...facts, ownerInTeam: false })).toBe("owner");
    expect(canMarkDone(person, { ownerId: "p", doneAt: null }, none)).toBe(true);
    expect(canMarkDone(person, { ownerId: "q", doneAt: null }, none)).toBe(false);
    expect(canMarkDone(person, { ownerId: "p", doneAt: new Date() }, none)).toBe(false);
    expect(canClose(person, "p")).toBe(true);
    expect(canClose(person, "q")).toBe(false);
  });

  it("shows whether someone answered to them alone", () => {
    expect(showsAnswered(person, "p")).toBe(true);
    expect(showsAnswered(admin, "p")).toBe(false);
  });
});

describe("the comments' word check", () => {
  it("takes out team members' names, whole words only, and sorts comments", () => {
    expect(withoutNames("Ari and ari.", ["Ari Falcon"])).toBe("… and ….");
    expect(withoutNames("Variable safety", ["Ari Falcon"])).toBe("Variable safety");
    expect(withoutNames("Falcon said so", ["Ari Falcon"])).toBe("… said so");
    expect(shownComments(["b", " ", "a"], [])).toEqual(["a", "b"]);
  });
});

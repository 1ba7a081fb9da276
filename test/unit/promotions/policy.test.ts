import { describe, expect, test } from "vitest";
import { windowOutcomes } from "~/modules/promotions/outcomes";
import {
  canAddToNomination,
  canReadPacket,
  canReadWindowPage,
  canWithdrawNomination,
  mayOfferEvidence,
  nominationKind,
  nominationRefusal,
  nomineeLevelsShown,
  promotionModeFor,
  takesNominations,
  windowAuditScope,
  type NominationFacts,
} from "~/modules/promotions/policy";
import { promotionTargets } from "~/modules/promotions/targets";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

const nomination = {
  nomineeId: "nia",
  nominatedById: "nia",
  managerChain: ["max", "bea"],
  committeeIds: ["carl"],
  state: "nominated",
};
const viewer = (id: string, isAdmin = false) => ({ id, isAdmin });

describe("how a ladder's promotions are decided", () => {
  test("its own choice, else the organisation's, else calibration", () => {
    expect(promotionModeFor("engineering", [])).toBe("calibration");
    expect(promotionModeFor("engineering", [{ scope: "", mode: "committee" }])).toBe("committee");
    expect(
      promotionModeFor("engineering", [
        { scope: "", mode: "committee" },
        { scope: "engineering", mode: "calibration" },
      ]),
    ).toBe("calibration");
    expect(promotionModeFor("design", [{ scope: "engineering", mode: "committee" }])).toBe(
      "calibration",
    );
  });
});

describe("nominations", () => {
  const allowed: NominationFacts = {
    kind: "self",
    selfNomination: true,
    sponsorNomination: true,
    sponsorsNominee: true,
    windowOpen: true,
    nomineeActive: true,
    nomineeOnLadder: true,
    targetAllowed: true,
    alreadyNominated: false,
    waitingForLaterWindow: false,
  };

  test("the person, their manager chain, or anyone else as a sponsor", () => {
    expect(nominationKind("nia", { id: "nia", managerChain: ["max", "bea"] })).toBe("self");
    expect(nominationKind("bea", { id: "nia", managerChain: ["max", "bea"] })).toBe("manager");
    expect(nominationKind("sol", { id: "nia", managerChain: ["max", "bea"] })).toBe("sponsor");
  });

  test("are refused as the settings, the window and the ladder say", () => {
    expect(nominationRefusal(allowed)).toBeNull();
    expect(nominationRefusal({ ...allowed, selfNomination: false })?.key).toBe(
      "promotions:errors.selfNominationOff",
    );
    expect(nominationRefusal({ ...allowed, kind: "manager", selfNomination: false })).toBeNull();
    expect(nominationRefusal({ ...allowed, kind: "sponsor", sponsorNomination: false })?.key).toBe(
      "promotions:errors.sponsorNominationOff",
    );
    expect(nominationRefusal({ ...allowed, windowOpen: false })?.key).toBe(
      "promotions:errors.windowNotTakingNominations",
    );
    expect(nominationRefusal({ ...allowed, targetAllowed: false })?.key).toBe(
      "promotions:errors.targetNotAllowed",
    );
    expect(nominationRefusal({ ...allowed, alreadyNominated: true })?.key).toBe(
      "promotions:errors.alreadyNominated",
    );
    expect(nominationRefusal({ ...allowed, waitingForLaterWindow: true })?.key).toBe(
      "promotions:errors.waitingForLaterWindow",
    );
  });

  test("a sponsor nominates only someone they sponsor, an active sponsorship recorded; said before anything of the record", () => {
    const sponsor = { ...allowed, kind: "sponsor" as const, sponsorsNominee: false };
    expect(nominationRefusal(sponsor)?.key).toBe("promotions:errors.sponsorNeedsSponsorship");
    expect(nominationRefusal({ ...sponsor, alreadyNominated: true })?.key).toBe(
      "promotions:errors.sponsorNeedsSponsorship",
    );
    // The person and their manager chain need none.
    expect(nominationRefusal({ ...allowed, sponsorsNominee: false })).toBeNull();
    expect(nominationRefusal({ ...allowed, kind: "manager", sponsorsNominee: false })).toBeNull();
  });

  test("a sponsor learns nothing of the person's record: whatever in it stands in the way, one answer; who may nominate is said first", () => {
    const sponsor = { ...allowed, kind: "sponsor" as const };
    expect(nominationRefusal(sponsor)).toBeNull();
    for (const record of [
      { nomineeOnLadder: false },
      { targetAllowed: false },
      { alreadyNominated: true },
      { waitingForLaterWindow: true },
    ]) {
      expect(nominationRefusal({ ...sponsor, ...record })?.key, JSON.stringify(record)).toBe(
        "promotions:errors.sponsorCannotNominate",
      );
    }
    // With sponsors not taken, that is all they are told, whatever the record holds.
    expect(
      nominationRefusal({ ...sponsor, sponsorNomination: false, alreadyNominated: true })?.key,
    ).toBe("promotions:errors.sponsorNominationOff");
    expect(
      nominationRefusal({ ...sponsor, sponsorNomination: false, nomineeOnLadder: false })?.key,
    ).toBe("promotions:errors.sponsorNominationOff");
  });

  test("a window takes them from its first day to the end of its last", () => {
    const window = {
      state: "open",
      nominationsOpenOn: new Date("2027-03-01T00:00:00Z"),
      nominationsCloseOn: new Date("2027-03-14T00:00:00Z"),
    };
    expect(takesNominations(window, new Date("2027-02-28T23:00:00Z"))).toBe(false);
    expect(takesNominations(window, new Date("2027-03-14T23:00:00Z"))).toBe(true);
    expect(takesNominations(window, new Date("2027-03-15T00:00:00Z"))).toBe(false);
    expect(takesNominations({ ...window, state: "draft" }, new Date("2027-03-05T00:00:00Z"))).toBe(
      false,
    );
  });

  test("the manager adds to a self-nomination but can neither withdraw nor block it", () => {
    expect(canAddToNomination(viewer("max"), nomination, "open")).toBe(true);
    expect(canAddToNomination(viewer("bea"), nomination, "open")).toBe(false);
    expect(canAddToNomination(viewer("max"), { ...nomination, nominatedById: "max" }, "open")).toBe(
      false,
    );
    expect(canWithdrawNomination(viewer("max"), nomination, "open")).toBe(false);
    expect(canWithdrawNomination(viewer("nia"), nomination, "open")).toBe(true);
    expect(
      canWithdrawNomination(viewer("sol"), { ...nomination, nominatedById: "sol" }, "open"),
    ).toBe(true);
  });
});

describe("who reads a packet", () => {
  test("the nominee, their manager chain and admins; the committee once it is submitted; nobody else", () => {
    for (const id of ["nia", "max", "bea"])
      expect(canReadPacket(viewer(id), nomination, false, false)).toBe(true);
    expect(canReadPacket(viewer("ada", true), nomination, false, false)).toBe(true);
    expect(canReadPacket(viewer("carl"), nomination, false, false)).toBe(false);
    expect(canReadPacket(viewer("carl"), nomination, true, false)).toBe(true);
    // A member still on a redacted first read reads the packet on the ballot page, not here.
    expect(canReadPacket(viewer("carl"), nomination, true, true)).toBe(false);
    expect(canReadPacket(viewer("sol"), nomination, true, false)).toBe(false);
  });

  test("the manager is not offered career evidence the nominee has not shared with them", () => {
    expect(mayOfferEvidence("nominee", { kind: "career-evidence", shared: false })).toBe(true);
    expect(mayOfferEvidence("manager", { kind: "career-evidence", shared: false })).toBe(false);
    expect(mayOfferEvidence("manager", { kind: "career-evidence", shared: true })).toBe(true);
    expect(mayOfferEvidence("manager", { kind: "self-rating", shared: true })).toBe(true);
  });
});

describe("promotion targets", () => {
  const loaded = loadLadderFromDirectory("frameworks/engineering");
  if (!loaded.ok) throw new Error("the shipped ladder must load");
  const ladder = loaded.ladder;

  const targets = (level: string | null) =>
    promotionTargets(ladder, level)
      .map((target) => target.id)
      .sort();

  test("one step up: the next level of the track, or a track change in the person's band or the next", () => {
    expect(targets("ic3")).toEqual(["ic4", "m1", "m2", "tl1", "tl2"]);
    expect(targets("ic6")).toEqual(["m4"]);
    expect(targets("m4")).toEqual(["ic6"]);
    expect(targets(null)).toEqual([]);
  });

  test("below the bands, the next level, and the first of each track that branches off at the person's level: never every level up to VP", () => {
    expect(targets("ic2")).toEqual(["ic3", "m1", "tl1"]);
    expect(targets("ic1")).toEqual(["ic2"]);
  });
});

describe("a closed window's outcomes for everyone", () => {
  test("are counted when every group reaches the floor, and a small group hides what it could be worked out from", () => {
    const people = (prefix: string, count: number, outcome: string | null) =>
      Array.from({ length: count }, (_, index) => ({ personId: `${prefix}${index}`, outcome }));
    const [large] = windowOutcomes(
      [{ windowId: "w1", nominees: [...people("p", 5, "promote"), ...people("n", 4, "not-yet")] }],
      () => 4,
    );
    expect(large).toEqual({ windowId: "w1", nominated: 9, promoted: 5, notYet: 4 });
    const [small] = windowOutcomes(
      [{ windowId: "w2", nominees: [...people("p", 6, "promote"), ...people("n", 2, "not-yet")] }],
      () => 4,
    );
    expect(small!.notYet).toBeNull();
    // Nominated less promoted would give the two "not yet" away: one of them is held back too.
    expect(small!.nominated === null || small!.promoted === null).toBe(true);
  });
});

describe("a window's own page", () => {
  test("its audit once it has opened, for whoever has a scope; the page for whoever may open one of its pages", () => {
    const facts = { opened: true, hasReports: true, chairOfWindow: false };
    expect(windowAuditScope(viewer("max"), facts)).toEqual({ kind: "line", managerId: "max" });
    expect(windowAuditScope(viewer("max"), { ...facts, opened: false })).toBeNull();
    expect(windowAuditScope(viewer("ada", true), { ...facts, opened: false })).toBeNull();
    expect(windowAuditScope(viewer("nia"), { ...facts, hasReports: false })).toBeNull();
    const none = { manage: false, committee: false, meeting: false, audit: false };
    expect(canReadWindowPage(none)).toBe(false);
    for (const page of ["manage", "committee", "meeting", "audit"] as const)
      expect(canReadWindowPage({ ...none, [page]: true })).toBe(true);
  });
});

describe("the nomination form's levels", () => {
  test("are the nominee's for them and their manager chain; a sponsor is not shown them", () => {
    const nia = { id: "nia", managerChain: ["max", "bea"] };
    expect(nomineeLevelsShown("nia", nia)).toBe(true);
    expect(nomineeLevelsShown("max", nia)).toBe(true);
    expect(nomineeLevelsShown("bea", nia)).toBe(true);
    expect(nomineeLevelsShown("sol", nia)).toBe(false);
  });
});

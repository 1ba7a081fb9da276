import { describe, expect, it } from "vitest";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import {
  canMove,
  declineLock,
  ineligibility,
  ineligibilityText,
  peerCountProblem,
  requestStateLabel,
  suggestPeers,
  type NominationFacts,
} from "~/modules/feedback/nomination";

const facts = (overrides: Partial<NominationFacts> = {}): NominationFacts => ({
  channel: "peer",
  subject: { id: "lena", managerId: "sam" },
  alreadyNominated: new Set(),
  requestsOf: new Map(),
  reviewCap: 3,
  ...overrides,
});
const person = (id: string, active = true) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  active,
});

const english = translatorOf(undefined);

describe("who can be chosen", () => {
  it("refuses the person themself, their manager, someone deactivated, at the cap or already asked", () => {
    const f = facts({
      alreadyNominated: new Set(["omar"]),
      requestsOf: new Map([
        ["priya", 3],
        ["omar", 3],
      ]),
    });
    expect(ineligibility(person("lena"), f)).toEqual(["self"]);
    expect(ineligibility(person("sam"), f)).toEqual(["manager"]);
    expect(ineligibility(person("gone", false), f)).toEqual(["deactivated"]);
    expect(ineligibility(person("priya"), f)).toEqual(["at-cap"]);
    expect(ineligibility(person("omar"), f)).toEqual(["already-nominated"]);
    expect(ineligibility(person("jo"), f)).toEqual([]);
  });

  it("lets a reviewer below the cap be chosen", () => {
    expect(ineligibility(person("priya"), facts({ requestsOf: new Map([["priya", 2]]) }))).toEqual(
      [],
    );
  });

  it("does not count the manager out of upward feedback, where they are the one asked about", () => {
    expect(
      ineligibility(
        person("sam"),
        facts({ channel: "upward", subject: { id: "sam", managerId: "ada" } }),
      ),
    ).toEqual(["self"]);
    expect(
      ineligibility(
        person("jo"),
        facts({
          channel: "upward",
          subject: { id: "sam", managerId: "ada" },
          requestsOf: new Map([["jo", 9]]),
        }),
      ),
    ).toEqual([]);
  });

  it("says why in words", () => {
    expect(ineligibilityText("at-cap", "Priya", 3)).toEqual({
      key: "feedback:ineligible.atCap",
      values: { name: "Priya", cap: 3 },
    });
    expect(ineligibilityText("manager", "Sam", 3)).toEqual({
      key: "feedback:ineligible.manager",
      values: { name: "Sam" },
    });
  });
});

describe("how many peers", () => {
  it("asks for the fewest and stops at the most", () => {
    expect(wordsOf(english, peerCountProblem(1, { minPeers: 3, maxPeers: 5 })!)).toBe(
      "Choose at least 3 peers (1 so far).",
    );
    expect(peerCountProblem(3, { minPeers: 3, maxPeers: 5 })).toBeNull();
    expect(wordsOf(english, peerCountProblem(6, { minPeers: 3, maxPeers: 5 })!)).toBe(
      "Choose at most 5 peers.",
    );
  });
});

describe("a request's life", () => {
  it("moves from nominated to approved to submitted, or ends declined or withdrawn", () => {
    expect(canMove("nominated", "approved")).toBe(true);
    expect(canMove("nominated", "declined")).toBe(true);
    expect(canMove("approved", "submitted")).toBe(true);
    expect(canMove("approved", "withdrawn")).toBe(true);
    expect(canMove("nominated", "submitted")).toBe(false);
    expect(canMove("submitted", "withdrawn")).toBe(false);
    expect(canMove("declined", "approved")).toBe(false);
    expect(canMove("unknown", "approved")).toBe(false);
  });

  it("is declined by the colleague asked only while a peer request waits for their answer in an open cycle", () => {
    const open = { name: "Spring 2026", closed: false };
    expect(declineLock({ state: "approved", channel: "peer" }, open)).toBeNull();
    expect(canMove("approved", "declined")).toBe(true);
    expect(declineLock({ state: "submitted", channel: "peer" }, open)).toBe(
      "feedback:locks.alreadySubmitted",
    );
    expect(declineLock({ state: "declined", channel: "peer" }, open)).toBe(
      "feedback:locks.alreadyDeclined",
    );
    expect(declineLock({ state: "withdrawn", channel: "peer" }, open)).toBe(
      "feedback:locks.notOpen",
    );
    expect(declineLock({ state: "approved", channel: "upward" }, open)).toBe(
      "feedback:locks.upward",
    );
    expect(declineLock({ state: "approved", channel: "peer" }, { ...open, closed: true })).toBe(
      "feedback:locks.cycleClosedNoDecline",
    );
  });

  it("says who declined: the manager, or the colleague asked", () => {
    expect(requestStateLabel({ state: "declined", reviewerId: "omar", declinedById: "omar" })).toBe(
      "feedback:requestStates.declinedByColleague",
    );
    expect(requestStateLabel({ state: "declined", reviewerId: "omar", declinedById: "sam" })).toBe(
      "feedback:requestStates.declined",
    );
    expect(requestStateLabel({ state: "declined", reviewerId: "omar", declinedById: null })).toBe(
      "feedback:requestStates.declined",
    );
    expect(requestStateLabel({ state: "approved", reviewerId: "omar", declinedById: null })).toBe(
      "feedback:requestStates.approved",
    );
  });
});

describe("suggestions", () => {
  it("ranks by shared team, hiring loops and mentoring, then by fewest requests, showing each one's requests", () => {
    const candidates = [
      {
        ...person("omar"),
        ties: {
          sharedTeam: false,
          hiringLoops: 1,
          mentorship: false,
          sameManager: false,
          feedbackTogether: false,
        },
      },
      {
        ...person("priya"),
        ties: {
          sharedTeam: true,
          hiringLoops: 0,
          mentorship: false,
          sameManager: false,
          feedbackTogether: false,
        },
      },
      {
        ...person("quinn"),
        ties: {
          sharedTeam: true,
          hiringLoops: 0,
          mentorship: false,
          sameManager: false,
          feedbackTogether: false,
        },
      },
      {
        ...person("rui"),
        ties: {
          sharedTeam: true,
          hiringLoops: 1,
          mentorship: true,
          sameManager: false,
          feedbackTogether: false,
        },
      },
      {
        ...person("stranger"),
        ties: {
          sharedTeam: false,
          hiringLoops: 0,
          mentorship: false,
          sameManager: false,
          feedbackTogether: false,
        },
      },
      {
        ...person("sam"),
        ties: {
          sharedTeam: true,
          hiringLoops: 3,
          mentorship: true,
          sameManager: false,
          feedbackTogether: false,
        },
      },
    ];
    const suggestions = suggestPeers(
      candidates,
      facts({
        requestsOf: new Map([
          ["priya", 2],
          ["quinn", 1],
        ]),
      }),
    );
    expect(
      suggestions.map((suggestion) => [suggestion.id, suggestion.score, suggestion.requests]),
    ).toEqual([
      ["rui", 7, 0],
      ["quinn", 3, 1],
      ["priya", 3, 2],
      ["omar", 2, 0],
    ]);
    expect(suggestions[0]!.ties).toEqual([
      { key: "feedback:ties.sharedTeam" },
      { key: "feedback:ties.hiringLoops", values: { count: 1 } },
      { key: "feedback:ties.mentorship" },
    ]);
  });
});

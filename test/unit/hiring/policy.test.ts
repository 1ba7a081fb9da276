import { describe, expect, it } from "vitest";
import {
  canCreateOpening,
  canMoveCandidate,
  canSeePipeline,
  canViewCandidate,
  canJoinPanel,
  canOpenDebriefEarly,
  canRecordDecision,
  canRecordDissent,
  canRemoveInterview,
  canSeeDebrief,
  canSeeInterviewMaterial,
  canSeeOthersScorecards,
  canStaffLoop,
  canViewKit,
  canViewLoop,
  canWriteScorecard,
  debriefIsOpen,
  visibleScorecards,
  type CandidateAccess,
  type LoopAccess,
} from "~/modules/hiring/policy";

const person = (id: string, roles: { isAdmin?: boolean; isHiringAdmin?: boolean } = {}) => ({
  id,
  isAdmin: false,
  isHiringAdmin: false,
  ...roles,
});
const grace = person("grace", { isHiringAdmin: true });
const other = person("other", { isHiringAdmin: true });
const admin = person("admin", { isAdmin: true });
const ana = person("ana");
const ben = person("ben");
const stranger = person("stranger");

function loop(overrides: Partial<LoopAccess> = {}): LoopAccess {
  return {
    adminIds: ["grace"],
    interviews: [
      { interviewerId: "ana", submitted: false },
      { interviewerId: "ben", submitted: false },
    ],
    debriefOpenedAt: null,
    decided: false,
    purged: false,
    ...overrides,
  };
}

describe("hiring access", () => {
  it("hiring admins and admins open roles; nobody else", () => {
    expect([grace, admin, ana].map(canCreateOpening)).toEqual([true, true, false]);
  });

  it("a loop is visible to the opening's hiring admins, admins and its interviewers; not to other hiring admins or strangers", () => {
    expect(
      [grace, admin, ana, ben, other, stranger].map((viewer) => canViewLoop(viewer, loop())),
    ).toEqual([true, true, true, true, false, false]);
  });

  it("an interviewer sees nobody else's card until every card of their own is in; the hiring admins see all", () => {
    const facts = loop({
      interviews: [
        { interviewerId: "ana", submitted: true },
        { interviewerId: "ana", submitted: false },
        { interviewerId: "ben", submitted: true },
      ],
    });
    expect(canSeeOthersScorecards(ana, facts)).toBe(false);
    expect(canSeeOthersScorecards(ben, facts)).toBe(true);
    expect(canSeeOthersScorecards(grace, facts)).toBe(true);
    expect(canSeeOthersScorecards(other, facts)).toBe(false);
  });

  it("a hiring admin who interviews on the loop waits for their own card like anyone else", () => {
    const facts = loop({
      interviews: [
        { interviewerId: "grace", submitted: false },
        { interviewerId: "ben", submitted: true },
      ],
    });
    expect(canSeeOthersScorecards(grace, facts)).toBe(false);
    expect(canSeeDebrief(grace, { ...facts, debriefOpenedAt: new Date() })).toBe(false);
    expect(canRecordDecision(grace, { ...facts, debriefOpenedAt: new Date() })).toBe(false);
    expect(canSeeOthersScorecards(admin, facts)).toBe(true);
  });

  it("filters cards: own drafts and cards always, others' submitted cards only when allowed, others' drafts never", () => {
    const cards = [
      { id: "a1", authorId: "ana", status: "draft" },
      { id: "b1", authorId: "ben", status: "submitted" },
      { id: "b2", authorId: "ben", status: "draft" },
    ];
    const facts = loop({
      interviews: [
        { interviewerId: "ana", submitted: false },
        { interviewerId: "ben", submitted: true },
      ],
    });
    expect(visibleScorecards(ana, facts, cards).map((card) => card.id)).toEqual(["a1"]);
    expect(visibleScorecards(ben, facts, cards).map((card) => card.id)).toEqual(["b1", "b2"]);
    expect(visibleScorecards(grace, facts, cards).map((card) => card.id)).toEqual(["b1"]);
    expect(visibleScorecards(stranger, facts, cards)).toEqual([]);
  });

  it("the debrief opens when every interview has a card in, or early when opened; not for a loop nobody interviews in", () => {
    expect(debriefIsOpen(loop())).toBe(false);
    expect(debriefIsOpen(loop({ interviews: [] }))).toBe(false);
    expect(debriefIsOpen(loop({ interviews: [{ interviewerId: "ana", submitted: true }] }))).toBe(
      true,
    );
    expect(debriefIsOpen(loop({ debriefOpenedAt: "2026-11-22T10:00:00Z" }))).toBe(true);
    expect(canOpenDebriefEarly(grace, loop())).toBe(true);
    expect(canOpenDebriefEarly(ana, loop())).toBe(false);
    expect(canOpenDebriefEarly(grace, loop({ debriefOpenedAt: new Date() }))).toBe(false);
  });

  it("the decision: once, by the opening's hiring admins after the debrief opens; dissent after it by those who see the debrief", () => {
    const open = loop({
      debriefOpenedAt: new Date(),
      interviews: [
        { interviewerId: "ana", submitted: true },
        { interviewerId: "ben", submitted: false },
      ],
    });
    expect([grace, admin, ana, other].map((viewer) => canRecordDecision(viewer, open))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(canRecordDecision(grace, { ...open, decided: true })).toBe(false);
    expect(canRecordDissent(ana, open)).toBe(false);
    expect(
      [ana, ben, grace].map((viewer) => canRecordDissent(viewer, { ...open, decided: true })),
    ).toEqual([true, false, true]);
  });

  it("a purged candidate's loop is read-only: no staffing, no cards written, no dissent", () => {
    const purged = loop({
      purged: true,
      decided: true,
      interviews: [{ interviewerId: "ana", submitted: true }],
    });
    expect(canStaffLoop(grace, purged)).toBe(false);
    expect(canWriteScorecard(ana, purged, "ana")).toBe(false);
    expect(canRecordDissent(ana, purged)).toBe(false);
    expect(canWriteScorecard(ana, loop(), "ana")).toBe(true);
    expect(canWriteScorecard(ben, loop(), "ana")).toBe(false);
    expect(canWriteScorecard(ana, loop({ decided: true }), "ana")).toBe(false);
    expect(canStaffLoop(grace, loop({ decided: true }))).toBe(false);
  });

  it("a hiring admin who interviews takes only their own interview off the panel until their card is in", () => {
    const withGrace = (submitted: boolean) =>
      loop({ interviews: [...loop().interviews, { interviewerId: "grace", submitted }] });
    expect(canRemoveInterview(grace, loop(), "ana")).toBe(true);
    expect(canRemoveInterview(grace, withGrace(false), "ana")).toBe(false);
    expect(canRemoveInterview(grace, withGrace(false), "grace")).toBe(true);
    expect(canRemoveInterview(grace, withGrace(true), "ana")).toBe(true);
    expect(canRemoveInterview(ana, loop(), "ana")).toBe(false);
    expect(canRemoveInterview(grace, loop({ decided: true }), "ana")).toBe(false);
  });

  it("those who manage the opening join the panel only while no other interviewer's card is in: they may have read it", () => {
    const benIn = loop({
      interviews: [
        { interviewerId: "ana", submitted: false },
        { interviewerId: "ben", submitted: true },
      ],
    });
    expect(canJoinPanel(grace, loop())).toBe(true);
    expect(canJoinPanel(grace, benIn)).toBe(false);
    expect(canJoinPanel(admin, benIn)).toBe(false);
    expect(canJoinPanel(stranger, benIn)).toBe(true);
    expect(canJoinPanel(other, benIn)).toBe(true);
    // Their own submitted card (another stage) is no reason to refuse them.
    expect(
      canJoinPanel(grace, loop({ interviews: [{ interviewerId: "grace", submitted: true }] })),
    ).toBe(true);
  });

  it("kits and interview material: the opening's hiring admins and whoever interviews in the stage; on ladder pages, hiring admins and anyone with an interview", () => {
    expect(canViewKit(grace, { adminIds: ["grace"] }, [])).toBe(true);
    expect(canViewKit(ana, { adminIds: ["grace"] }, ["ana"])).toBe(true);
    expect(canViewKit(ben, { adminIds: ["grace"] }, ["ana"])).toBe(false);
    expect(canViewKit(other, { adminIds: ["grace"] }, [])).toBe(false);
    expect([grace, admin, ana].map((viewer) => canSeeInterviewMaterial(viewer, false))).toEqual([
      true,
      true,
      false,
    ]);
    expect(canSeeInterviewMaterial(ana, true)).toBe(true);
  });
});

describe("the pipeline", () => {
  const candidate = (overrides: Partial<CandidateAccess> = {}): CandidateAccess => ({
    adminIds: ["grace", "other"],
    loops: [
      {
        interviews: [
          { interviewerId: "ana", submitted: false },
          { interviewerId: "other", submitted: false },
        ],
      },
      { interviews: [] },
    ],
    purged: false,
    ...overrides,
  });

  it("interviewers know the candidate but see nothing of their stage; strangers do not know them", () => {
    expect([
      canViewCandidate(ana, candidate()),
      canSeePipeline(ana, candidate()),
      canMoveCandidate(ana, candidate()),
    ]).toEqual([true, false, false]);
    expect([canViewCandidate(stranger, candidate()), canViewCandidate(ben, candidate())]).toEqual([
      false,
      false,
    ]);
  });

  it("the opening's hiring admins and admins see and move candidates; one who owes a card in any of the candidate's loops does neither until it is in", () => {
    expect([
      canSeePipeline(grace, candidate()),
      canMoveCandidate(grace, candidate()),
      canMoveCandidate(admin, candidate()),
    ]).toEqual([true, true, true]);
    expect([
      canViewCandidate(other, candidate()),
      canSeePipeline(other, candidate()),
      canMoveCandidate(other, candidate()),
    ]).toEqual([true, false, false]);
    const submitted = candidate({
      loops: [
        { interviews: [{ interviewerId: "other", submitted: true }] },
        { interviews: [{ interviewerId: "other", submitted: false }] },
      ],
    });
    expect(canSeePipeline(other, submitted)).toBe(false);
    expect(
      canSeePipeline(
        other,
        candidate({ loops: [{ interviews: [{ interviewerId: "other", submitted: true }] }] }),
      ),
    ).toBe(true);
  });

  it("a purged candidate is seen but moves no more", () => {
    expect([
      canSeePipeline(grace, candidate({ purged: true })),
      canMoveCandidate(grace, candidate({ purged: true })),
    ]).toEqual([true, false]);
  });
});

import { describe, expect, it } from "vitest";
import { PAIR_STATUSES, type PairStatus } from "~/modules/mentorship/lifecycle";
import {
  canAnswerPair,
  canAnswerPulse,
  canBrowseMentors,
  canRequestMentors,
  canManageProgrammes,
  canOptIn,
  canReadCheckIn,
  canReadPulse,
  canRecordCheckIn,
  canRecordOutcome,
  canSeeDeclineReason,
  canSeeMenteeReviewFigures,
  canSeePair,
  canSeeProgramme,
  canSeeReport,
  isEligible,
  roleInRequest,
} from "~/modules/mentorship/policy";

const mentee = { id: "mentee", isAdmin: false };
const mentor = { id: "mentor", isAdmin: false };
const admin = { id: "admin", isAdmin: true };
const stranger = { id: "stranger", isAdmin: false };
const pair = (status: PairStatus) => ({
  menteeId: "mentee",
  mentorId: "mentor",
  status,
  menteeAnswer: null,
  mentorAnswer: null,
  activeSince: new Date("2026-01-01T00:00:00Z"),
});
const statusesWhere = (allowed: (status: PairStatus) => boolean) => PAIR_STATUSES.filter(allowed);

describe("mentorship access rules", () => {
  it("people on the ladder may join a programme open to everyone, or to their team; deactivated people and people off the ladder may not", () => {
    const person = {
      onLadder: true,
      active: true,
      teamId: "t1",
      openTo: "everyone" as const,
      teamIds: [],
    };
    expect(isEligible(person)).toBe(true);
    expect(isEligible({ ...person, openTo: "teams", teamIds: ["t1"] })).toBe(true);
    expect(isEligible({ ...person, openTo: "teams", teamIds: ["t2"] })).toBe(false);
    expect(isEligible({ ...person, openTo: "teams", teamIds: ["t2"], teamId: null })).toBe(false);
    expect(isEligible({ ...person, onLadder: false })).toBe(false);
    expect(isEligible({ ...person, active: false })).toBe(false);
  });

  it("a programme is seen by admins, the people it is open to and its participants; opt-ins change only while open", () => {
    expect(canSeeProgramme(stranger, { eligible: false, participant: false })).toBe(false);
    expect(canSeeProgramme(stranger, { eligible: true, participant: false })).toBe(true);
    expect(canSeeProgramme(stranger, { eligible: false, participant: true })).toBe(true);
    expect(canSeeProgramme(admin, { eligible: false, participant: false })).toBe(true);
    expect(canOptIn({ eligible: true, phase: "open" })).toBe(true);
    for (const phase of ["matching", "published", "closed"] as const)
      expect(canOptIn({ eligible: true, phase })).toBe(false);
    expect(canOptIn({ eligible: false, phase: "open" })).toBe(false);
    expect([
      canManageProgrammes(admin),
      canManageProgrammes(mentee),
      canSeeReport(admin),
      canSeeReport(mentor),
    ]).toEqual([true, false, true, false]);
  });

  it("a pair is its two people's once published, the admins' always, nobody else's", () => {
    expect(statusesWhere((status) => canSeePair(mentee, pair(status)))).toEqual([
      "offered",
      "active",
      "declined",
      "ended",
    ]);
    expect(statusesWhere((status) => canSeePair(mentor, pair(status)))).toEqual([
      "offered",
      "active",
      "declined",
      "ended",
    ]);
    expect(statusesWhere((status) => canSeePair(admin, pair(status)))).toEqual([...PAIR_STATUSES]);
    expect(statusesWhere((status) => canSeePair(stranger, pair(status)))).toEqual([]);
  });

  it("figures from the mentee's reviews are the mentee's and the admins', never the mentor's", () => {
    expect(statusesWhere((status) => canSeeMenteeReviewFigures(mentee, pair(status)))).toEqual([
      "offered",
      "active",
      "declined",
      "ended",
    ]);
    expect(statusesWhere((status) => canSeeMenteeReviewFigures(mentor, pair(status)))).toEqual([]);
    expect(statusesWhere((status) => canSeeMenteeReviewFigures(admin, pair(status)))).toEqual([
      ...PAIR_STATUSES,
    ]);
  });

  it("each side answers an offered pair once", () => {
    expect(statusesWhere((status) => canAnswerPair(mentee, pair(status)))).toEqual(["offered"]);
    expect(canAnswerPair(mentee, { ...pair("offered"), menteeAnswer: "accepted" })).toBe(false);
    expect(canAnswerPair(mentor, { ...pair("offered"), menteeAnswer: "accepted" })).toBe(true);
    expect(canAnswerPair(admin, pair("offered"))).toBe(false);
  });

  it("a decline's reason is the decliner's and the admins'", () => {
    expect([
      canSeeDeclineReason(mentor, "mentor"),
      canSeeDeclineReason(mentee, "mentor"),
      canSeeDeclineReason(admin, "mentor"),
      canSeeDeclineReason(mentee, null),
    ]).toEqual([true, false, true, false]);
  });

  it("check-ins and outcomes belong to active pairs; a check-in reaches admins only when shared", () => {
    expect(statusesWhere((status) => canRecordCheckIn(mentee, pair(status)))).toEqual(["active"]);
    expect(statusesWhere((status) => canRecordCheckIn(admin, pair(status)))).toEqual([]);
    expect(statusesWhere((status) => canRecordOutcome(mentor, pair(status)))).toEqual(["active"]);
    expect(canReadCheckIn(mentor, pair("active"), { shared: false })).toBe(true);
    expect(canReadCheckIn(admin, pair("active"), { shared: false })).toBe(false);
    expect(canReadCheckIn(admin, pair("active"), { shared: true })).toBe(true);
    expect(canReadCheckIn(stranger, pair("active"), { shared: true })).toBe(false);
  });

  it("a pulse answer is its respondent's and the admins'; it is answered once a checkpoint is reached", () => {
    expect(canReadPulse(mentee, { respondentId: "mentee" })).toBe(true);
    expect(canReadPulse(mentor, { respondentId: "mentee" })).toBe(false);
    expect(canReadPulse(admin, { respondentId: "mentee" })).toBe(true);
    const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
    expect(canAnswerPulse(mentee, pair("active"), 30, [], day("2026-01-30"))).toBe(false);
    expect(canAnswerPulse(mentee, pair("active"), 30, [], day("2026-01-31"))).toBe(true);
    expect(canAnswerPulse(mentee, pair("active"), 30, [30], day("2026-01-31"))).toBe(false);
    expect(canAnswerPulse(mentee, pair("active"), 90, [], day("2026-01-31"))).toBe(false);
    expect(canAnswerPulse(mentee, pair("active"), 45, [], day("2026-12-31"))).toBe(false);
    expect(canAnswerPulse(admin, pair("active"), 30, [], day("2026-12-31"))).toBe(false);
    expect(canAnswerPulse(mentor, pair("ended"), 30, [], day("2026-12-31"))).toBe(false);
  });
});

describe("mentor profiles and requests", () => {
  const someone = { id: "someone", isAdmin: false };
  const boss = { id: "boss", isAdmin: true };

  it("the programme's mentees, mentors and admins see its mentors' profiles; only mentees ask", () => {
    expect(canBrowseMentors(someone, ["mentee"])).toBe(true);
    expect(canBrowseMentors(someone, ["mentor"])).toBe(true);
    expect(canBrowseMentors(boss, [])).toBe(true);
    expect(canBrowseMentors(someone, [])).toBe(false);
    expect(canRequestMentors(["mentee"])).toBe(true);
    expect(canRequestMentors(["mentor"])).toBe(false);
    expect(canRequestMentors([])).toBe(false);
  });

  it("a request is its mentee's and its mentor's; nobody else's, admins included", () => {
    const request = { menteeId: "lena", mentorId: "nora" };
    expect(roleInRequest({ id: "lena", isAdmin: false }, request)).toBe("mentee");
    expect(roleInRequest({ id: "nora", isAdmin: false }, request)).toBe("mentor");
    expect(roleInRequest(someone, request)).toBeNull();
    expect(roleInRequest(boss, request)).toBeNull();
  });
});

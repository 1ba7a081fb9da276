import { describe, expect, it } from "vitest";
import {
  answerRefusal,
  canDecideNomination,
  canNominate,
  canWithdrawRequest,
  feedbackView,
  nominateRefusal,
  releasedToSubject,
  seesWhoAnswered,
  subjectReleaseAwaits,
  withdrawRefusal,
  type SubjectFacts,
} from "~/modules/feedback/policy";
import { releaseFeedback } from "~/modules/feedback/release";

const peer = (overrides: Partial<SubjectFacts> = {}): SubjectFacts => ({
  channel: "peer",
  subjectId: "lena",
  subjectManagerChain: ["sam", "ada"],
  calibratesSubject: false,
  releasedToSubject: false,
  namesShown: "never",
  ...overrides,
});
const reader = (id: string, isAdmin = false) => ({ id, isAdmin });

describe("reading peer feedback", () => {
  it("gives the managers up the line and admins every answer with names", () => {
    expect(feedbackView(reader("sam"), peer())).toBe("named");
    expect(feedbackView(reader("ada"), peer())).toBe("named");
    expect(feedbackView(reader("root", true), peer())).toBe("named");
  });

  it("gives calibrators of a session with the person a summary, and others nothing", () => {
    expect(feedbackView(reader("cal"), peer({ calibratesSubject: true }))).toBe("summary");
    expect(feedbackView(reader("omar"), peer())).toBe("none");
  });

  it("shows the person nothing until their feedback is released to them, then what the settings allow", () => {
    expect(feedbackView(reader("lena"), peer())).toBe("none");
    expect(feedbackView(reader("lena", true), peer())).toBe("none");
    expect(feedbackView(reader("lena"), peer({ releasedToSubject: true }))).toBe("anonymous");
    expect(
      feedbackView(reader("lena"), peer({ releasedToSubject: true, namesShown: "after-release" })),
    ).toBe("named");
  });
});

describe("when a person's own feedback is released to them", () => {
  const facts = (calibrated: boolean, outcomeReleased: boolean, cycleClosed: boolean) => ({
    calibrated,
    outcomeReleased,
    cycleClosed,
  });

  it("with their outcome when a calibration session includes them, closed cycle or not", () => {
    expect(releasedToSubject(facts(true, false, false))).toBe(false);
    expect(releasedToSubject(facts(true, false, true))).toBe(false);
    expect(releasedToSubject(facts(true, true, false))).toBe(true);
    expect(subjectReleaseAwaits(facts(true, false, true))).toBe("outcome");
  });

  it("when the cycle closes for someone no session includes, who has no outcome to wait for", () => {
    expect(releasedToSubject(facts(false, false, false))).toBe(false);
    expect(subjectReleaseAwaits(facts(false, false, false))).toBe("cycle-close");
    expect(releasedToSubject(facts(false, false, true))).toBe(true);
    expect(subjectReleaseAwaits(facts(false, false, true))).toBeNull();
  });
});

describe("who is marked as having answered", () => {
  it("is told to the manager, and to the person only when they will read names anyway", () => {
    expect(seesWhoAnswered(reader("sam"), { id: "lena" }, "never")).toBe(true);
    expect(seesWhoAnswered(reader("lena"), { id: "lena" }, "never")).toBe(false);
    expect(seesWhoAnswered(reader("lena"), { id: "lena" }, "after-release")).toBe(true);
  });
});

describe("reading upward feedback", () => {
  const upward = (overrides: Partial<SubjectFacts> = {}) =>
    peer({ channel: "upward", subjectId: "sam", subjectManagerChain: ["ada"], ...overrides });

  it("never names an author, to anyone", () => {
    for (const id of ["sam", "ada", "root", "cal"])
      expect(
        feedbackView(
          reader(id, id === "root"),
          upward({
            releasedToSubject: true,
            calibratesSubject: id === "cal",
            namesShown: "after-release",
          }),
        ),
      ).not.toBe("named");
  });

  it("reaches the manager as an aggregate once their feedback is released to them", () => {
    expect(feedbackView(reader("sam"), upward())).toBe("none");
    expect(feedbackView(reader("sam"), upward({ releasedToSubject: true }))).toBe("aggregate");
    expect(feedbackView(reader("ada"), upward())).toBe("aggregate");
    expect(feedbackView(reader("cal"), upward({ calibratesSubject: true }))).toBe("summary");
  });

  it("releases an aggregate of at least the organisation's floor of reports, under each report's raised floor, through the disclosure check", () => {
    const at = new Date("2026-05-01T09:00:00Z");
    const rows = ["jo", "kim", "lee", "max"].map((authorId, index) => ({
      id: `a${index}`,
      authorId,
      authorName: authorId,
      competencyId: "leadership",
      rating: 3,
      example: "When we planned Q3 …",
      submittedAt: at,
    }));
    expect(
      releaseFeedback("aggregate", "upward", rows, ["leadership"], {
        secret: "s",
        floorOf: () => 0,
      }),
    ).toMatchObject({ view: "aggregate", release: { released: true, authors: 4, floor: 4 } });
    expect(
      releaseFeedback("aggregate", "upward", rows.slice(0, 3), ["leadership"], {
        secret: "s",
        floorOf: () => 0,
      }),
    ).toMatchObject({ release: { released: false, authors: null } });
    expect(
      releaseFeedback("aggregate", "upward", rows, ["leadership"], {
        secret: "s",
        floorOf: () => 5,
      }),
    ).toMatchObject({ release: { released: false } });
    expect(
      releaseFeedback("named", "upward", rows, ["leadership"], { secret: "s", floorOf: () => 0 }),
    ).toEqual({ view: "none" });
  });

  it("keeps peer answers to the three-answer floor, whatever the organisation's floor", () => {
    const rows = ["jo", "kim", "lee"].map((authorId, index) => ({
      id: `a${index}`,
      authorId,
      authorName: authorId,
      competencyId: "testing",
      rating: 3,
      example: "…",
      submittedAt: new Date("2026-05-01T09:00:00Z"),
    }));
    expect(
      releaseFeedback("anonymous", "peer", rows, ["testing"], { secret: "s", floorOf: () => 4 }),
    ).toMatchObject({ release: { released: true } });
    const named = releaseFeedback("named", "peer", rows, ["testing"], {
      secret: "s",
      floorOf: () => 4,
    });
    expect(
      named.view === "named" && named.competencies[0]!.answers.map((row) => row.authorName),
    ).toEqual(["jo", "kim", "lee"]);
  });
});

describe("nominating, deciding, withdrawing, answering", () => {
  it("lets the person or the manager nominate as the cycle says, and the manager decide", () => {
    const subject = { id: "lena", managerId: "sam" };
    expect(canNominate(reader("lena"), subject, "person")).toBe(true);
    // The manager adds or replaces a peer whoever the cycle has nominate.
    expect(canNominate(reader("sam"), subject, "person")).toBe(true);
    expect(canNominate(reader("sam"), subject, "manager")).toBe(true);
    expect(canNominate(reader("lena"), subject, "manager")).toBe(false);
    expect(canNominate(reader("sam"), { id: "lena", managerId: null }, "manager")).toBe(false);
    expect(canDecideNomination(reader("sam"), subject)).toBe(true);
    expect(canDecideNomination(reader("lena"), subject)).toBe(false);
  });

  it("refuses a nomination with a reason to those who read the person's page, and as for nobody to anyone else", () => {
    const subject = { id: "lena", managerId: "sam", managerChain: ["sam", "bea"] };
    expect(nominateRefusal(reader("sam"), subject, "manager")).toBeNull();
    expect(nominateRefusal(reader("lena"), subject, "person")).toBeNull();
    expect(nominateRefusal(reader("lena"), subject, "manager")).toBe("manager-chooses");
    expect(nominateRefusal(reader("bea"), subject, "person")).toBe("manager-chooses");
    expect(nominateRefusal({ id: "ada", isAdmin: true }, subject, "person")).toBe(
      "manager-chooses",
    );
    expect(nominateRefusal(reader("omar"), subject, "person")).toBe("not-theirs");
  });

  it("withdraws only pending requests, by their nominator or the manager", () => {
    const subject = { managerId: "sam" };
    expect(
      canWithdrawRequest(
        reader("lena"),
        { channel: "peer", state: "nominated", nominatedById: "lena" },
        subject,
      ),
    ).toBe(true);
    expect(
      canWithdrawRequest(
        reader("sam"),
        { channel: "peer", state: "approved", nominatedById: "lena" },
        subject,
      ),
    ).toBe(true);
    expect(
      canWithdrawRequest(
        reader("omar"),
        { channel: "peer", state: "approved", nominatedById: "lena" },
        subject,
      ),
    ).toBe(false);
    expect(
      canWithdrawRequest(
        reader("lena"),
        { channel: "peer", state: "submitted", nominatedById: "lena" },
        subject,
      ),
    ).toBe(false);
    // Once asked, the person's own nomination is the manager's to withdraw: answered or not, it reads the same to them.
    expect(
      withdrawRefusal(
        reader("lena"),
        { channel: "peer", state: "approved", nominatedById: "lena" },
        subject,
      ),
    ).toBe("asked");
    expect(
      withdrawRefusal(
        reader("lena"),
        { channel: "peer", state: "submitted", nominatedById: "lena" },
        subject,
      ),
    ).toBe("asked");
    expect(
      withdrawRefusal(
        reader("sam"),
        { channel: "peer", state: "submitted", nominatedById: "lena" },
        subject,
      ),
    ).toBe("not-pending");
    expect(
      canWithdrawRequest(
        reader("sam"),
        { channel: "upward", state: "approved", nominatedById: "sam" },
        subject,
      ),
    ).toBe(false);
  });

  it("an approved request in an open cycle is answered; otherwise the reviewer is told why", () => {
    const request = {
      state: "approved",
      reviewerId: "omar",
      declinedById: null,
      cycle: { closedAt: null },
    };
    expect(answerRefusal(request)).toBeNull();
    expect(answerRefusal({ ...request, state: "nominated" })).toBe("feedback:locks.notOpen");
    expect(answerRefusal({ ...request, state: "submitted" })).toBe("feedback:locks.submitted");
    expect(answerRefusal({ ...request, cycle: { closedAt: new Date() } })).toBe(
      "feedback:locks.cycleClosed",
    );
  });
});

import { describe, expect, test } from "vitest";
import { TODO_KINDS, todoItems, type TodoFacts } from "~/modules/todo/todo";
import { inEnglish } from "../../utils/todo-words";

/** The list as an English reader reads it. */
const words = (facts: TodoFacts, at: Date) => todoItems(facts, at).map(inEnglish);

const now = new Date("2026-03-20T10:00:00Z");
const spring = { id: "c1", name: "Spring 2026", endsOn: new Date("2026-03-28T00:00:00Z") };
const autumn = { id: "c2", name: "Autumn 2025", endsOn: new Date("2026-03-10T00:00:00Z") };
const none: TodoFacts = { ownCycles: [], reportsToReview: [], cyclesToClose: [] };

describe("what to do next", () => {
  test("nothing to do: an empty list", () => {
    expect(words(none, now)).toEqual([]);
  });

  test("a self-assessment not submitted is due at the cycle's end; a submitted one is gone", () => {
    const items = words(
      { ...none, ownCycles: [{ cycle: spring, selfProgress: 1, canAssess: true }] },
      now,
    );
    expect(items).toEqual([
      {
        key: "self-assessment:c1",
        kind: "self-assessment",
        title: "Assess yourself for Spring 2026",
        detail: "Your draft is saved; finish and submit it.",
        href: "/assess",
        due: spring.endsOn,
        daysLeft: 8,
      },
    ]);
    expect(
      words({ ...none, ownCycles: [{ cycle: spring, selfProgress: 2, canAssess: true }] }, now),
    ).toEqual([]);
    // Someone who cannot assess (no level) is not asked to.
    expect(
      words({ ...none, ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: false }] }, now),
    ).toEqual([]);
  });

  test("reviews are one item per cycle, naming who is ready; one report links straight to their review", () => {
    const [many] = words(
      {
        ...none,
        reportsToReview: [
          {
            cycle: spring,
            person: { id: "p1", name: "Lena" },
            selfProgress: 2,
            managerProgress: 1,
          },
          {
            cycle: spring,
            person: { id: "p2", name: "Omar" },
            selfProgress: 0,
            managerProgress: 0,
          },
        ],
      },
      now,
    );
    expect(many).toMatchObject({
      kind: "manager-review",
      title: "Review 2 reports for Spring 2026",
      href: "/team",
      daysLeft: 8,
    });
    expect(many!.detail).toBe(
      "1 ready to review. Lena: self-assessment submitted, your review drafted. Omar: self-assessment not started.",
    );
    const [one] = words(
      {
        ...none,
        reportsToReview: [
          {
            cycle: spring,
            person: { id: "p2", name: "Omar" },
            selfProgress: 1,
            managerProgress: 0,
          },
        ],
      },
      now,
    );
    expect(one).toMatchObject({ title: "Review Omar for Spring 2026", href: "/people/p2/review" });
  });

  test("soonest first, overdue ones marked by negative days", () => {
    const items = words(
      {
        ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: true }],
        reportsToReview: [],
        cyclesToClose: [autumn],
      },
      now,
    );
    expect(items.map((item) => [item.key, item.daysLeft])).toEqual([
      ["close-cycle:c2", -10],
      ["self-assessment:c1", 8],
    ]);
  });

  test("calibration: proposals still to make, and sessions to run until published, undated after dated items", () => {
    const items = words(
      {
        ...none,
        ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: true }],
        proposalsToMake: [
          {
            session: { id: "s1", name: "Checkout calibration" },
            dueOn: null,
            total: 3,
            missing: 2,
          },
        ],
        sessionsToRun: [
          { session: { id: "s2", name: "Search calibration" }, state: "live", next: "locked" },
        ],
      },
      now,
    );
    expect(items.map((item) => [item.kind, item.title, item.detail, item.href])).toEqual([
      ["self-assessment", "Assess yourself for Spring 2026", "Not started yet.", "/assess"],
      [
        "calibration-proposals",
        "Propose ratings for Checkout calibration",
        "2 of 3 reports have no proposal yet.",
        "/calibration/s1",
      ],
      [
        "calibration-facilitate",
        "Run Search calibration",
        "Live; next: locked.",
        "/calibration/s2",
      ],
    ]);
  });

  test("proposals with a due date are dated, and sorted among the dated items", () => {
    const due = new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000);
    const items = words(
      {
        ...none,
        ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: true }],
        proposalsToMake: [
          { session: { id: "s1", name: "Checkout calibration" }, dueOn: due, total: 3, missing: 2 },
        ],
      },
      now,
    );
    expect(items.map((item) => [item.key, item.due, item.daysLeft])).toEqual([
      ["calibration-proposals:s1", due, 2],
      ["self-assessment:c1", spring.endsOn, expect.any(Number)],
    ]);
  });

  test("a self-assessment outside any cycle asks the manager for a review of it, keyed by the assessment; undated", () => {
    const items = words(
      {
        ...none,
        reviewsOutsideCycles: [{ assessmentId: "a1", person: { id: "p2", name: "Omar" } }],
      },
      now,
    );
    expect(items).toEqual([
      {
        key: "manager-review:a1",
        kind: "manager-review",
        title: "Review Omar",
        detail:
          "Omar submitted a self-assessment outside any review cycle; your review answers it.",
        href: "/people/p2/review",
        due: null,
        daysLeft: null,
      },
    ]);
  });

  test("calibration: the pre-read, marks, outcomes only an admin may record, and outcomes to release (due the day promotions take effect)", () => {
    const session = { id: "s1", name: "Checkout calibration" };
    const effectiveOn = new Date("2026-04-01T00:00:00Z");
    const items = words(
      {
        ...none,
        preReadsToGive: [{ session, total: 5, missing: 3 }],
        proposalsToMark: [
          { session: { id: "s2", name: "Search calibration" }, total: 1, missing: 1 },
        ],
        outcomesToRecord: [{ session: { id: "s3", name: "Leads calibration" }, missing: 1 }],
        outcomesToRelease: [
          { session: { id: "s4", name: "Platform calibration" }, effectiveOn, waiting: 2 },
        ],
      },
      now,
    );
    expect(
      items.map((item) => [item.key, item.title, item.detail, item.href, item.daysLeft]),
    ).toEqual([
      [
        "calibration-release:s4",
        "Release outcomes of Platform calibration",
        "The session is published. 2 people have not been shown their outcome yet.",
        "/calibration/s4",
        12,
      ],
      [
        "calibration-preread:s1",
        "Give your pre-read ratings for Checkout calibration",
        "Blind pre-read: 3 of 5 people not rated by you yet. Proposals stay hidden until the session goes live.",
        "/calibration/s1",
        null,
      ],
      [
        "calibration-marks:s2",
        "Mark the proposals in Search calibration",
        "1 of 1 proposal without your mark: agree, question it, or no view.",
        "/calibration/s2",
        null,
      ],
      [
        "calibration-outcomes:s3",
        "Record outcomes in Leads calibration",
        "1 person has no final outcome and is the facilitator or one of their managers: an admin records it, or the session cannot be locked.",
        "/calibration/s3",
        null,
      ],
    ]);
    // Nothing left: nothing shown.
    expect(
      words(
        {
          ...none,
          preReadsToGive: [{ session, total: 5, missing: 0 }],
          proposalsToMark: [{ session, total: 2, missing: 0 }],
          outcomesToRecord: [{ session, missing: 0 }],
          outcomesToRelease: [{ session, effectiveOn: null, waiting: 0 }],
        },
        now,
      ),
    ).toEqual([]);
  });

  test("every item's key is its kind and its subject, and no title names a candidate", () => {
    const pair = { programmeId: "m1", pairId: "x1", otherName: "Ravi", role: "mentee" as const };
    const items = words(
      {
        ...none,
        ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: true }],
        reportsToReview: [
          {
            cycle: spring,
            person: { id: "p1", name: "Lena" },
            selfProgress: 2,
            managerProgress: 0,
          },
        ],
        cyclesToClose: [autumn],
        reviewsOutsideCycles: [{ assessmentId: "a1", person: { id: "p2", name: "Omar" } }],
        proposalsToMake: [{ session: { id: "s1", name: "S" }, dueOn: null, total: 1, missing: 1 }],
        preReadsToGive: [{ session: { id: "s2", name: "S" }, total: 1, missing: 1 }],
        proposalsToMark: [{ session: { id: "s3", name: "S" }, total: 1, missing: 1 }],
        sessionsToRun: [{ session: { id: "s4", name: "S" }, state: "live", next: "locked" }],
        outcomesToRecord: [{ session: { id: "s5", name: "S" }, missing: 1 }],
        outcomesToRelease: [{ session: { id: "s6", name: "S" }, effectiveOn: null, waiting: 1 }],
        scorecardsDue: [
          {
            interviewId: "i1",
            candidate: "Casey Candidate",
            opening: "Backend Engineer",
            stage: "Coding",
            scheduledAt: null,
          },
        ],
        debriefsToAttend: [
          { loopId: "l1", candidate: "Casey Candidate", opening: "Backend Engineer" },
        ],
        decisionsToRecord: [
          { loopId: "l2", candidate: "Casey Candidate", opening: "Backend Engineer" },
        ],
        loopsInProgress: [
          {
            loopId: "l3",
            candidate: "Casey Candidate",
            opening: "Backend Engineer",
            interviews: 2,
            submitted: 1,
          },
        ],
        candidatesWaiting: [
          {
            candidateId: "k1",
            candidate: "Casey Candidate",
            stage: "offer",
            since: spring.endsOn,
            openingId: "o1",
            opening: "Backend Engineer",
          },
        ],
        signOffsDue: [
          { seatId: "t1", trainee: "Lena", stage: "Coding", mode: "shadow", scheduledAt: null },
        ],
        programmesToJoin: [{ programme: { id: "m1", name: "M" }, matchingOn: spring.endsOn }],
        pairsToAnswer: [{ ...pair, dueOn: null }],
        requestsToAnswer: [
          { programmeId: "m1", requestId: "r1", menteeName: "Lena", dueOn: spring.endsOn },
        ],
        requestsDeclined: [
          { programmeId: "m1", requestId: "r2", mentorName: "Nora", dueOn: spring.endsOn },
        ],
        checkInsDue: [{ ...pair, dueOn: spring.endsOn }],
        pulsesDue: [{ ...pair, checkpoint: 30, dueOn: spring.endsOn }],
        programmesToMatch: [{ programme: { id: "m2", name: "M" }, matchingOn: spring.endsOn }],
        pairOutcomesDue: [{ ...pair, dueOn: spring.endsOn }],
        programmesToRerun: [{ programme: { id: "m3", name: "M" } }],
        programmesToClose: [{ programme: { id: "m4", name: "M" }, endsOn: autumn.endsOn }],
        feedbackToGive: [
          { requestId: "f1", subjectName: "Lena", channel: "peer", dueOn: spring.endsOn, floor: 3 },
        ],
        nominationsToDecide: [
          { cycle: spring, person: { id: "p1", name: "Lena" }, waiting: 2, dueOn: spring.endsOn },
        ],
        peersToNominate: [
          {
            cycle: spring,
            person: { id: "p3", name: "Me" },
            own: true,
            live: 1,
            minPeers: 3,
            dueOn: spring.endsOn,
          },
        ],
        reviewersToReplace: [
          {
            cycle: spring,
            person: { id: "p2", name: "Omar" },
            reviewerName: "Nora",
            why: "left",
            dueOn: spring.endsOn,
          },
        ],
        conversationActions: [
          {
            actionId: "ca1",
            seriesId: "cs1",
            kind: "one-to-one",
            mine: true,
            otherName: "Sam",
            dueOn: spring.endsOn,
          },
        ],
        feedbackReleased: [{ cycle: spring, personId: "p3", channel: "upward" }],
        opportunityInterests: [
          { opportunityId: "o1", title: "Payments rotation", personId: "p1", personName: "Lena" },
        ],
        opportunitiesToDecide: [
          { opportunityId: "o2", title: "Search gig", interested: 2, startsOn: spring.endsOn },
        ],
        opportunityOutcomes: [{ opportunityId: "o3", title: "Billing project", chosen: false }],
        keyResultCheckInsDue: [
          { keyResultId: "kr1", objectiveId: "ob1", title: "Active teams", dueOn: spring.endsOn },
        ],
        sponsorshipsToSee: [{ sponsorshipId: "sp1", sponsorName: "Nora" }],
        teamHealthToAnswer: [{ checkInId: "th1", team: "Falcons", closesAt: spring.endsOn }],
        teamHealthActions: [
          {
            actionId: "ta1",
            checkInId: "th1",
            teamId: "t1",
            team: "Falcons",
            dueOn: spring.endsOn,
          },
        ],
        promotionNominationsToAdd: [
          {
            nominationId: "n1",
            nomineeName: "Lena",
            targetTitle: "Senior Engineer",
            windowName: "W",
            dueOn: spring.endsOn,
          },
        ],
        promotionPacketsToWrite: [
          {
            nominationId: "n1",
            nomineeName: "Lena",
            own: false,
            windowName: "W",
            gaps: 2,
            dueOn: spring.endsOn,
          },
        ],
        promotionBallotsDue: [
          { window: { id: "w1", name: "Autumn promotions" }, owed: 2, dueOn: spring.endsOn },
        ],
        promotionAnswers: [{ nominationId: "n1", window: "Spring promotions" }],
      },
      now,
    );
    expect(new Set(items.map((item) => item.kind))).toEqual(new Set(TODO_KINDS));
    expect(items.map((item) => item.key).sort()).toEqual(
      [
        "self-assessment:c1",
        "manager-review:c1",
        "manager-review:a1",
        "close-cycle:c2",
        "calibration-proposals:s1",
        "calibration-preread:s2",
        "calibration-marks:s3",
        "calibration-facilitate:s4",
        "calibration-outcomes:s5",
        "calibration-release:s6",
        "scorecard:i1",
        "debrief:l1",
        "hiring-decision:l2",
        "hiring-loop:l3",
        "hiring-candidate:k1:offer",
        "interviewer-sign-off:t1",
        "mentorship-join:m1",
        "mentorship-answer:x1",
        "mentorship-request:r1",
        "mentorship-request-declined:r2",
        "mentorship-check-in:x1",
        "mentorship-pulse:x1:30",
        "mentorship-match:m2",
        "mentorship-outcome:x1",
        "mentorship-rerun:m3",
        "mentorship-close:m4",
        "feedback-answer:f1",
        "feedback-approve:c1/p1",
        "feedback-nominate:c1/p3",
        "feedback-replace:c1/p2",
        "conversation-action:ca1",
        "feedback-released:c1/upward",
        "opportunity-interest:o1/p1",
        "opportunity-decide:o2",
        "opportunity-outcome:o3",
        "goal-check-in:kr1",
        "sponsorship-new:sp1",
        "team-health-answer:th1",
        "team-health-action:ta1",
        "promotion-add:n1",
        "promotion-packet:n1",
        "promotion-ballots:w1",
        "promotion-answer:n1",
      ].sort(),
    );
    for (const item of items) {
      expect(item.title).not.toContain("Casey");
      expect(item.href).toMatch(/^\//);
    }
    // The candidate is named where only the signed-in panel reads it.
    expect(items.find((item) => item.kind === "scorecard")).toMatchObject({
      title: "Scorecard for your Coding interview (Backend Engineer)",
      detail: expect.stringContaining("Casey Candidate"),
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  canReadAssessment,
  sharedWhenBothSubmitted,
  type AssessmentFacts,
  type ReviewSharingFacts,
} from "~/modules/assessments/policy";

const review: AssessmentFacts = {
  kind: "manager",
  status: "submitted",
  subjectId: "lena",
  authorId: "sam",
};
const now = new Date("2027-01-12T09:00:00Z");
const reader = (
  viewerId: string,
  facts: {
    admin?: boolean;
    chain?: string[];
    selfSubmitted?: boolean;
    calibrates?: boolean;
    sharing?: ReviewSharingFacts;
  } = {},
) => ({
  viewerId,
  viewerIsAdmin: facts.admin ?? false,
  subjectManagerChain: facts.chain ?? ["sam", "mia"],
  subjectSelfSubmitted: facts.selfSubmitted ?? false,
  sharing: facts.sharing ?? sharedWhenBothSubmitted(now),
  calibratesSubject: facts.calibrates ?? false,
});

describe("who reads an assessment", () => {
  it("a draft is its author's alone, whoever else asks", () => {
    const draft = { ...review, status: "draft" as const };
    expect(canReadAssessment(draft, reader("sam"))).toBe(true);
    for (const viewer of [
      reader("mia"),
      reader("ada", { admin: true }),
      reader("pia", { calibrates: true }),
      reader("lena"),
    ])
      expect(canReadAssessment(draft, viewer)).toBe(false);
  });

  it("a submitted review: the manager chain, admins and the subject's calibrators; the subject once their own is in", () => {
    expect(canReadAssessment(review, reader("mia"))).toBe(true);
    expect(canReadAssessment(review, reader("ada", { admin: true }))).toBe(true);
    expect(canReadAssessment(review, reader("pia", { calibrates: true }))).toBe(true);
    expect(canReadAssessment(review, reader("pia"))).toBe(false);
    expect(canReadAssessment(review, reader("lena"))).toBe(false);
    expect(canReadAssessment(review, reader("lena", { selfSubmitted: true }))).toBe(true);
    // Calibrating oneself opens nothing more: the subject's own rule holds.
    expect(canReadAssessment(review, reader("lena", { calibrates: true }))).toBe(false);
  });
});

describe("when the subject reads their manager's review", () => {
  // The subject, Lena, reading her manager's submitted review.
  const managerReviewShared = (selfSubmitted: boolean, sharing: ReviewSharingFacts) =>
    canReadAssessment(review, reader("lena", { selfSubmitted, sharing }));
  const onDate = (day: string): ReviewSharingFacts => ({
    reviewsShared: "on-date",
    sharedOn: new Date(`${day}T00:00:00Z`),
    outcomeReleased: false,
    now,
  });
  const afterRelease = (outcomeReleased: boolean): ReviewSharingFacts => ({
    reviewsShared: "after-release",
    sharedOn: null,
    outcomeReleased,
    now,
  });

  it("as soon as both are in: once their own self-assessment is submitted", () => {
    expect(managerReviewShared(true, sharedWhenBothSubmitted(now))).toBe(true);
    expect(managerReviewShared(false, sharedWhenBothSubmitted(now))).toBe(false);
  });

  it("on a date: from the start of that day, not before, and never without their own self-assessment", () => {
    expect(managerReviewShared(true, onDate("2027-01-12"))).toBe(true);
    expect(
      managerReviewShared(true, {
        ...onDate("2027-01-12"),
        now: new Date("2027-01-12T00:00:00.000Z"),
      }),
    ).toBe(true);
    expect(
      managerReviewShared(true, {
        ...onDate("2027-01-12"),
        now: new Date("2027-01-11T23:59:59.999Z"),
      }),
    ).toBe(false);
    expect(managerReviewShared(true, onDate("2027-01-13"))).toBe(false);
    expect(managerReviewShared(false, onDate("2027-01-12"))).toBe(false);
    // A cycle set to share on a date that has none shares nothing.
    expect(managerReviewShared(true, { ...onDate("2027-01-12"), sharedOn: null })).toBe(false);
    // The moment is the day's, not the outcome's.
    expect(managerReviewShared(true, { ...onDate("2027-01-13"), outcomeReleased: true })).toBe(
      false,
    );
  });

  it("after calibration's release: once their outcome is released to them, and never without their own self-assessment", () => {
    expect(managerReviewShared(true, afterRelease(true))).toBe(true);
    expect(managerReviewShared(true, afterRelease(false))).toBe(false);
    expect(managerReviewShared(false, afterRelease(true))).toBe(false);
    // The moment is the release's, not a date's.
    expect(
      managerReviewShared(true, {
        ...afterRelease(false),
        sharedOn: new Date("2026-01-01T00:00:00Z"),
      }),
    ).toBe(false);
  });

  it("canReadAssessment asks it for the subject only: the manager chain, admins and calibrators read as before", () => {
    const waiting = afterRelease(false);
    expect(
      canReadAssessment(review, reader("lena", { selfSubmitted: true, sharing: waiting })),
    ).toBe(false);
    expect(
      canReadAssessment(
        review,
        reader("lena", { selfSubmitted: true, sharing: afterRelease(true) }),
      ),
    ).toBe(true);
    expect(canReadAssessment(review, reader("mia", { sharing: waiting }))).toBe(true);
    expect(canReadAssessment(review, reader("ada", { admin: true, sharing: waiting }))).toBe(true);
    expect(canReadAssessment(review, reader("pia", { calibrates: true, sharing: waiting }))).toBe(
      true,
    );
    // Their own self-assessment is theirs whatever the cycle chose.
    expect(
      canReadAssessment(
        { ...review, kind: "self", authorId: "lena" },
        reader("lena", { sharing: waiting }),
      ),
    ).toBe(true);
  });
});

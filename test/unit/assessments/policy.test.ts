import { describe, expect, it } from "vitest";
import { canReadAssessment, type AssessmentFacts } from "~/modules/assessments/policy";

const review: AssessmentFacts = { kind: "manager", status: "submitted", subjectId: "lena", authorId: "sam" };
const reader = (viewerId: string, facts: { admin?: boolean; chain?: string[]; selfSubmitted?: boolean; calibrates?: boolean } = {}) => ({
  viewerId,
  viewerIsAdmin: facts.admin ?? false,
  subjectManagerChain: facts.chain ?? ["sam", "mia"],
  subjectSelfSubmitted: facts.selfSubmitted ?? false,
  calibratesSubject: facts.calibrates ?? false,
});

describe("who reads an assessment", () => {
  it("a draft is its author's alone, whoever else asks", () => {
    const draft = { ...review, status: "draft" as const };
    expect(canReadAssessment(draft, reader("sam"))).toBe(true);
    for (const viewer of [reader("mia"), reader("ada", { admin: true }), reader("pia", { calibrates: true }), reader("lena")]) expect(canReadAssessment(draft, viewer)).toBe(false);
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

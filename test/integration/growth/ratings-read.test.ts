import { expect, test } from "vitest";
import { ratingsOf, ratingsWithEvidenceCount } from "~/modules/growth/queries.server";
import { createAssessment, reviewOrganisation } from "./profile-factories";

// A person's history reads ratings without their evidence (ratingsOf, Prisma's API); the gap page
// reads the same columns with evidence counted (raw SQL). Both give each rating as stored.
test("a person's history reads each rating as stored: its value or none, its notes, its next-level marks or none", async () => {
  const { engineer, manager } = await reviewOrganisation();
  const self = await createAssessment({
    kind: "self",
    subjectId: engineer.id,
    authorId: engineer.id,
    ratings: [
      {
        competencyId: "code-quality",
        rating: 3,
        notes: "Clean reviews",
        marks: { "0": "met", "2": "partly" },
        evidence: [{ text: "Refactor" }],
      },
      { competencyId: "testing", rating: null },
    ],
  });
  const review = await createAssessment({
    kind: "manager",
    subjectId: engineer.id,
    authorId: manager.id,
    ratings: [{ competencyId: "testing", rating: 2, notes: "More cases" }],
  });

  const read = await ratingsOf([self.id, review.id]);
  const byKey = (rows: typeof read) =>
    [...rows].sort((a, b) =>
      a.assessmentId + a.competencyId < b.assessmentId + b.competencyId ? -1 : 1,
    );
  expect(byKey(read)).toEqual(
    byKey([
      {
        assessmentId: self.id,
        competencyId: "code-quality",
        rating: 3,
        notes: "Clean reviews",
        nextLevelMarks: { "0": "met", "2": "partly" },
        evidenceCount: 0,
        evidence: [],
      },
      {
        assessmentId: self.id,
        competencyId: "testing",
        rating: null,
        notes: "",
        nextLevelMarks: null,
        evidenceCount: 0,
        evidence: [],
      },
      {
        assessmentId: review.id,
        competencyId: "testing",
        rating: 2,
        notes: "More cases",
        nextLevelMarks: null,
        evidenceCount: 0,
        evidence: [],
      },
    ]),
  );
  // The same rows, in the same order, as the raw read of the same columns, evidence aside.
  expect(read).toEqual(
    (await ratingsWithEvidenceCount([self.id, review.id])).map((row) => ({
      ...row,
      evidenceCount: 0,
    })),
  );
  expect(await ratingsOf([])).toEqual([]);
});

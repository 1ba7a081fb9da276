// The participant's kept progress and attention figures (ReviewCycleParticipant), which
// database triggers keep in step with assessments, ratings and evidence however they
// are written (the participant_progress migration). Checked against the pure rules.
import { describe, expect, test } from "vitest";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { countDisagreements, BIG_DISAGREEMENT } from "~/modules/cycles/cycle-progress";
import { db } from "~/db/client.server";
import { createPerson, uniqueEmail } from "../../utils/factories";

async function setting() {
  const manager = await createPerson({ name: "Mia Manager", track: "manager", level: "m1" });
  const person = await createPerson({ name: "Ira", track: "ic", level: "ic2", managerId: manager.id });
  const cycle = await db.reviewCycle.create({ data: { name: `Cycle ${uniqueEmail()}`, startsOn: new Date(Date.UTC(2026, 0, 1)), endsOn: new Date(Date.UTC(2026, 1, 1)) } });
  const found = await ladderForLevel("ic2");
  const competencies = found!.ladder.tracks.find((track) => track.id === "ic")!.competencyIds;
  return { manager, person, cycle, versionId: found!.versionId, competencies };
}

type Setting = Awaited<ReturnType<typeof setting>>;

async function write(s: Setting, kind: "self" | "manager", status: "draft" | "submitted", ratings: (number | null)[]) {
  return db.assessment.create({
    data: {
      kind,
      status,
      subjectId: s.person.id,
      authorId: kind === "self" ? s.person.id : s.manager.id,
      cycleId: s.cycle.id,
      ladderVersionId: s.versionId,
      trackId: "ic",
      levelId: "ic2",
      submittedAt: status === "submitted" ? new Date() : null,
      ratings: { create: ratings.map((rating, index) => ({ competencyId: s.competencies[index]!, rating })) },
    },
    include: { ratings: { orderBy: { competencyId: "asc" } } },
  });
}

async function kept(s: Setting) {
  return db.reviewCycleParticipant.findUniqueOrThrow({
    where: { cycleId_userId: { cycleId: s.cycle.id, userId: s.person.id } },
    select: { selfProgress: true, managerProgress: true, rated: true, unevidenced: true, disagreements: true },
  });
}

async function join(s: Setting) {
  await db.reviewCycleParticipant.create({ data: { cycleId: s.cycle.id, userId: s.person.id } });
}

function ratingMap(s: Setting, ratings: (number | null)[]) {
  return new Map(ratings.map((rating, index) => [s.competencies[index]!, rating]));
}

describe("a participant's kept progress", () => {
  test("follows each side from nothing to a draft to submitted, and back when an assessment goes", async () => {
    const s = await setting();
    await join(s);
    expect(await kept(s)).toEqual({ selfProgress: 0, managerProgress: 0, rated: 0, unevidenced: 0, disagreements: 0 });

    const self = await write(s, "self", "draft", [3, 2]);
    expect(await kept(s)).toMatchObject({ selfProgress: 1, managerProgress: 0, rated: 0 });
    await db.assessment.update({ where: { id: self.id }, data: { status: "submitted", submittedAt: new Date() } });
    expect(await kept(s)).toMatchObject({ selfProgress: 2, managerProgress: 0, rated: 2, unevidenced: 2 });

    const review = await write(s, "manager", "draft", [1]);
    expect(await kept(s)).toMatchObject({ selfProgress: 2, managerProgress: 1, rated: 2 });
    await db.assessment.delete({ where: { id: review.id } });
    expect(await kept(s)).toMatchObject({ selfProgress: 2, managerProgress: 0 });
  });

  test("drafts' ratings and evidence count for nothing until submitted", async () => {
    const s = await setting();
    await join(s);
    const draft = await write(s, "self", "draft", [3, 3, 3]);
    await db.ratingEvidence.create({ data: { ratingId: draft.ratings[0]!.id, text: "Shipped the thing" } });
    expect(await kept(s)).toMatchObject({ selfProgress: 1, rated: 0, unevidenced: 0 });
  });

  test("ratings and evidence added after submitting (as seeds and imports write them) are counted", async () => {
    const s = await setting();
    await join(s);
    const self = await write(s, "self", "submitted", []);
    const rating = await db.assessmentRating.create({ data: { assessmentId: self.id, competencyId: s.competencies[0]!, rating: 4 } });
    await db.assessmentRating.create({ data: { assessmentId: self.id, competencyId: s.competencies[1]!, rating: null } });
    expect(await kept(s)).toMatchObject({ rated: 1, unevidenced: 1 });
    const evidence = await db.ratingEvidence.create({ data: { ratingId: rating.id, text: "Led the migration" } });
    expect(await kept(s)).toMatchObject({ rated: 1, unevidenced: 0 });
    await db.ratingEvidence.delete({ where: { id: evidence.id } });
    expect(await kept(s)).toMatchObject({ rated: 1, unevidenced: 1 });
  });

  test("someone added to a cycle after writing in it starts with what they wrote", async () => {
    const s = await setting();
    await write(s, "self", "submitted", [2, 2]);
    await join(s);
    expect(await kept(s)).toMatchObject({ selfProgress: 2, rated: 2, unevidenced: 2 });
  });

  test("disagreements are the competencies the pure rule counts, gaps of every size and unrated ones included", async () => {
    const s = await setting();
    await join(s);
    const selfRatings = [1, 1, 4, 2, 3, null, 4, 1];
    const reviewRatings = [1, 2, 2, 4, 1, 3, null, 4];
    const self = await write(s, "self", "submitted", selfRatings);
    await write(s, "manager", "submitted", reviewRatings);
    const expected = countDisagreements(ratingMap(s, selfRatings), ratingMap(s, reviewRatings));
    expect(BIG_DISAGREEMENT).toBe(2);
    expect(expected).toBe(4);
    expect(await kept(s)).toMatchObject({ selfProgress: 2, managerProgress: 2, disagreements: expected, rated: 14, unevidenced: 14 });

    // A rating changed by hand (an admin's correction in the database) is followed too.
    await db.assessmentRating.update({ where: { id: self.ratings.find((rating) => rating.competencyId === s.competencies[2])!.id }, data: { rating: 2 } });
    expect((await kept(s)).disagreements).toBe(expected - 1);
  });

  test("a second manager review (a skip-level's) replaces the first in the figures", async () => {
    const s = await setting();
    await join(s);
    await write(s, "self", "submitted", [1, 1]);
    await write(s, "manager", "submitted", [3, 3]);
    expect((await kept(s)).disagreements).toBe(2);
    const first = await db.assessment.findFirstOrThrow({ where: { subjectId: s.person.id, kind: "manager" }, select: { id: true } });
    const skip = await write(s, "manager", "submitted", [1, 2]);
    // The newest by id stands, as in the team overview and the export.
    expect(skip.id > first.id).toBe(true);
    expect(await kept(s)).toMatchObject({ disagreements: 0, rated: 4 });
  });
});

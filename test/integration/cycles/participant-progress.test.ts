// The participant's kept progress and figures (ReviewCycleParticipant). The assessments
// module updates the row in the same transaction as each write that can change it
// (starting, submitting); recomputeCycle does a whole cycle for seeds and imports that
// write assessments directly. The rule itself is participantFigures, unit-tested in
// test/unit/cycles/cycle-progress.test.ts; these check that every write path applies it.
import { describe, expect, test } from "vitest";
import { recomputeCycle } from "~/modules/cycles/participant-progress.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { db } from "~/db/client.server";
import {
  competencyIds,
  evidence,
  openCycle,
  organisation,
  save,
  startReview,
  startSelf,
  submitShown,
} from "../assessments/assessments-helpers";

async function kept(cycleId: string, userId: string) {
  return db.reviewCycleParticipant.findUniqueOrThrow({
    where: { cycleId_userId: { cycleId, userId } },
    select: {
      selfProgress: true,
      managerProgress: true,
      rated: true,
      unevidenced: true,
      disagreements: true,
      flagged: true,
    },
  });
}

/** Rates every competency of the draft through autosave: `rating(index)` for the index-th competency. */
async function rateAll(authorId: string, assessmentId: string, rating: (index: number) => number) {
  const ids = await competencyIds(assessmentId);
  const changes = ids.map((id, index) => ({
    field: `rating:${id}`,
    value: rating(index),
    base: null,
  }));
  const reply = await save(authorId, assessmentId, 0, changes);
  expect(reply.status).toBe(200);
  return ids;
}

describe("a participant's kept progress, through the app's write paths", () => {
  test("starting, saving and submitting each side move the row, in step with the assessments", async () => {
    const { manager, engineer } = await organisation();
    const cycle = await openCycle(`Cycle ${engineer.id}`, [engineer.id]);
    expect(await kept(cycle.id, engineer.id)).toEqual({
      selfProgress: 0,
      managerProgress: 0,
      rated: 0,
      unevidenced: 0,
      disagreements: 0,
      flagged: false,
    });

    const selfId = await startSelf(engineer.id);
    expect(await kept(cycle.id, engineer.id)).toMatchObject({
      selfProgress: 1,
      managerProgress: 0,
    });
    const ids = await rateAll(engineer.id, selfId, () => 3);
    // A draft's ratings count for nothing until it is submitted.
    expect(await kept(cycle.id, engineer.id)).toMatchObject({ selfProgress: 1, rated: 0 });
    expect(
      (
        await evidence(engineer.id, selfId, {
          competencyId: ids[0]!,
          text: "Led the migration",
          url: "",
          occurredOn: "",
        })
      ).status,
    ).toBe(302);
    expect((await submitShown(engineer.id, selfId)).status).toBe(302);
    expect(await kept(cycle.id, engineer.id)).toEqual({
      selfProgress: 2,
      managerProgress: 0,
      rated: ids.length,
      unevidenced: ids.length - 1,
      disagreements: 0,
      flagged: true,
    });

    const reviewId = await startReview(manager.id, engineer.id);
    expect(await kept(cycle.id, engineer.id)).toMatchObject({
      selfProgress: 2,
      managerProgress: 1,
    });
    // Two points below on the first two competencies: two disagreements.
    await rateAll(manager.id, reviewId, (index) => (index < 2 ? 1 : 3));
    expect((await submitShown(manager.id, reviewId)).status).toBe(302);
    expect(await kept(cycle.id, engineer.id)).toEqual({
      selfProgress: 2,
      managerProgress: 2,
      rated: 2 * ids.length,
      unevidenced: 2 * ids.length - 1,
      disagreements: 2,
      flagged: true,
    });
  });

  test("a refused submission leaves the row as it was", async () => {
    const { engineer } = await organisation();
    const cycle = await openCycle(`Cycle ${engineer.id}`, [engineer.id]);
    const selfId = await startSelf(engineer.id);
    const before = await kept(cycle.id, engineer.id);
    // Nothing rated yet: the submission is refused.
    expect((await submitShown(engineer.id, selfId)).status).toBe(400);
    expect(await kept(cycle.id, engineer.id)).toEqual(before);
  });

  test("outside a cycle nothing is kept, and other cycles' rows stay as they are", async () => {
    const { engineer } = await organisation();
    const closed = await openCycle(`Closed ${engineer.id}`, [engineer.id], true);
    await startSelf(engineer.id);
    expect(await kept(closed.id, engineer.id)).toMatchObject({
      selfProgress: 0,
      managerProgress: 0,
    });
  });
});

describe("recomputeCycle, for assessments written directly", () => {
  test("every participant's row is computed from what was written, and people without assessments are reset", async () => {
    const { manager, engineer, peer } = await organisation();
    const cycle = await openCycle(`Seeded ${engineer.id}`, [engineer.id, peer.id]);
    const found = (await ladderForLevel("ic2"))!;
    const competencies = found.ladder.tracks.find((track) => track.id === "ic")!.competencyIds;
    const write = (kind: "self" | "manager", ratings: number[]) =>
      db.assessment.create({
        data: {
          kind,
          status: "submitted",
          subjectId: engineer.id,
          authorId: kind === "self" ? engineer.id : manager.id,
          cycleId: cycle.id,
          ladderVersionId: found.versionId,
          trackId: "ic",
          levelId: "ic2",
          submittedAt: new Date(),
          ratings: {
            create: ratings.map((rating, index) => ({
              competencyId: competencies[index]!,
              rating,
            })),
          },
        },
        include: { ratings: true },
      });
    const self = await write("self", [1, 4, 2]);
    await write("manager", [3, 2, 2]);
    await db.ratingEvidence.create({ data: { ratingId: self.ratings[0]!.id, text: "Shipped it" } });
    // A stale figure on the peer's row, as a bad import might leave it.
    await db.reviewCycleParticipant.update({
      where: { cycleId_userId: { cycleId: cycle.id, userId: peer.id } },
      data: { selfProgress: 2, rated: 9 },
    });

    await recomputeCycle(db, cycle.id);
    expect(await kept(cycle.id, engineer.id)).toEqual({
      selfProgress: 2,
      managerProgress: 2,
      rated: 6,
      unevidenced: 5,
      disagreements: 2,
      flagged: true,
    });
    expect(await kept(cycle.id, peer.id)).toEqual({
      selfProgress: 0,
      managerProgress: 0,
      rated: 0,
      unevidenced: 0,
      disagreements: 0,
      flagged: false,
    });
  });
});

import { describe, expect, test } from "vitest";
import { competenciesForLevel } from "~/modules/ladders";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import * as assessRoute from "~/routes/assess";
import * as reviewRoute from "~/routes/people.$personId.review";
import * as reviewsRoute from "~/routes/reviews._index";
import { db } from "~/db/client.server";
import { NotFoundError } from "~/modules/errors";
import { assessmentEntry, startAssessment } from "~/modules/assessments/assessments.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import {
  competencyIds,
  openCycle,
  organisation,
  readPage,
  save,
  startReview,
  startSelf,
  submit,
} from "./assessments-helpers";
import { inEnglishWords, inWordsOf } from "../../utils/english";

async function rateAll(authorId: string, assessmentId: string) {
  const ids = await competencyIds(assessmentId);
  const { revision } = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { revision: true },
  });
  const result = await save(
    authorId,
    assessmentId,
    revision,
    ids.map((id) => ({ field: `rating:${id}`, value: 3, base: null })),
  );
  expect(result.status).toBe(200);
  return result.body.revision as number;
}

async function submitted(authorId: string, assessmentId: string) {
  const revision = await rateAll(authorId, assessmentId);
  expect((await submit(authorId, assessmentId, revision)).status).toBe(302);
}

describe("starting a self-assessment", () => {
  test("records the ladder version, track and level, with a rating row for every competency that applies at the level", async () => {
    const { engineer } = await organisation();
    const entry = bodyOf<{ entry: { decision: { action: string }; cycle: unknown } }>(
      await assessRoute.loader(routeArgs(await signedInRequest("/assess", engineer.id))),
    );
    expect(entry.entry.decision.action).toBe("create");
    expect(entry.entry.cycle).toBeNull();

    const id = await startSelf(engineer.id);
    const served = (await ladderForLevel("ic2"))!;
    const row = await db.assessment.findUniqueOrThrow({
      where: { id },
      include: { ratings: true },
    });
    expect(row).toMatchObject({
      kind: "self",
      status: "draft",
      subjectId: engineer.id,
      authorId: engineer.id,
      cycleId: null,
      trackId: "ic",
      levelId: "ic2",
      ladderVersionId: served.versionId,
      revision: 0,
    });
    expect(row.ratings.map((rating) => rating.competencyId).sort()).toEqual(
      competenciesForLevel(served.ladder, "ic2")
        .map((c) => c.id)
        .sort(),
    );
    // Technical direction starts at Senior Engineer: an Engineer II is not rated on it.
    expect(row.ratings.map((rating) => rating.competencyId)).not.toContain("technical-direction");
    expect(row.ratings.every((rating) => rating.rating === null)).toBe(true);

    // Continuing: /assess now goes straight to it, and starting again opens the same one.
    const redirect = await thrown(async () =>
      assessRoute.loader(routeArgs(await signedInRequest("/assess", engineer.id))),
    );
    expect((redirect as Response).headers.get("Location")).toBe(`/assessments/${id}`);
    expect(await startSelf(engineer.id)).toBe(id);
  });

  test("two tabs starting at once get the same assessment", async () => {
    const person = await createPerson({ track: "ic", level: "ic3" });
    const ids = await Promise.all([
      startSelf(person.id),
      startSelf(person.id),
      startSelf(person.id),
    ]);
    expect(new Set(ids).size).toBe(1);
    expect(await db.assessment.count({ where: { subjectId: person.id } })).toBe(1);
  });

  test("uses the open cycle the person is in, never a closed one, and starts afresh outside a cycle once submitted", async () => {
    const { engineer, peer } = await organisation();
    await openCycle("Closed 2025", [engineer.id], true);
    const outside = await startSelf(engineer.id);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: outside } })).cycleId).toBeNull();
    await submitted(engineer.id, outside);
    const next = await startSelf(engineer.id);
    expect(next).not.toBe(outside);

    const cycle = await openCycle("Spring 2026", [peer.id]);
    const inCycle = await startSelf(peer.id);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: inCycle } })).cycleId).toBe(
      cycle.id,
    );
    await submitted(peer.id, inCycle);
    // One per cycle: once submitted, /assess opens it (read only) rather than a new one.
    expect(await startSelf(peer.id)).toBe(inCycle);
  });

  test("a cycle opened ahead of its first day takes no assessments until then: they are written outside it, as in no cycle", async () => {
    const { engineer, manager } = await organisation();
    const nextMonth = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
    await openCycle("Opens next month", [engineer.id], false, nextMonth);
    expect(
      (await db.assessment.findUniqueOrThrow({ where: { id: await startSelf(engineer.id) } }))
        .cycleId,
    ).toBeNull();
    expect(
      (
        await db.assessment.findUniqueOrThrow({
          where: { id: await startReview(manager.id, engineer.id) },
        })
      ).cycleId,
    ).toBeNull();
  });

  test("someone without a level is told why and nothing is created", async () => {
    const person = await createPerson({ track: null, level: null });
    const { entry } = bodyOf<{ entry: { unavailable: { key: string } } }>(
      await assessRoute.loader(routeArgs(await signedInRequest("/assess", person.id))),
    );
    expect(entry.unavailable).toMatchObject({ key: "assessments:errors.noLevel" });
    const result = await assessRoute.action(
      routeArgs(await signedInPost("/assess", person.id, {})),
    );
    expect(statusOf(result)).toBe(400);
    expect(await db.assessment.count({ where: { subjectId: person.id } })).toBe(0);
  });

  test("a self-assessment is its subject's to write: their manager or an admin asking to start one about them is told there is nobody to review, and nothing is created", async () => {
    const { manager, engineer, admin } = await organisation();
    for (const other of [manager, admin]) {
      const viewer = { ...other, isHiringAdmin: false };
      await expect(assessmentEntry(viewer, "self", engineer.id), other.name).rejects.toThrow(
        NotFoundError,
      );
      await expect(startAssessment(viewer, "self", engineer.id), other.name).rejects.toThrow(
        NotFoundError,
      );
    }
    expect(await db.assessment.count({ where: { subjectId: engineer.id } })).toBe(0);
  });
});

describe("manager reviews", () => {
  test("only someone in the person's chain can start one; everyone else gets 404", async () => {
    const { boss, manager, engineer, peer, admin } = await organisation();
    for (const outsider of [peer, admin, engineer]) {
      const get = await thrown(async () =>
        reviewRoute.loader(
          routeArgs(await signedInRequest(`/people/${engineer.id}/review`, outsider.id), {
            personId: engineer.id,
          }),
        ),
      );
      expect(statusOf(get), outsider.name).toBe(404);
      const post = await thrown(async () =>
        reviewRoute.action(
          routeArgs(await signedInPost(`/people/${engineer.id}/review`, outsider.id, {}), {
            personId: engineer.id,
          }),
        ),
      );
      expect(statusOf(post), outsider.name).toBe(404);
    }
    const unknown = await thrown(async () =>
      reviewRoute.loader(
        routeArgs(await signedInRequest("/people/nobody/review", manager.id), {
          personId: "nobody",
        }),
      ),
    );
    expect(statusOf(unknown)).toBe(404);
    // Someone else's report and an id nobody has read the same: the page does not tell which ids are people.
    const notMine = await thrown(async () =>
      reviewRoute.loader(
        routeArgs(await signedInRequest(`/people/${engineer.id}/review`, peer.id), {
          personId: engineer.id,
        }),
      ),
    );
    expect(bodyOf(notMine)).toEqual(bodyOf(unknown));
    expect(await db.assessment.count({ where: { subjectId: engineer.id } })).toBe(0);

    const id = await startReview(manager.id, engineer.id);
    const row = await db.assessment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      kind: "manager",
      subjectId: engineer.id,
      authorId: manager.id,
      trackId: "ic",
      levelId: "ic2",
      ladderVersionId: (await ladderForLevel("ic2"))!.versionId,
    });

    // The skip-level manager may review too, but this one is already being written.
    const skip = bodyOf<{ entry: { decision: { action: string; authorName?: string } } }>(
      await reviewRoute.loader(
        routeArgs(await signedInRequest(`/people/${engineer.id}/review`, boss.id), {
          personId: engineer.id,
        }),
      ),
    );
    expect(skip.entry.decision).toEqual({ action: "taken", authorName: "Sam Manager" });
    expect(
      statusOf(
        await reviewRoute.action(
          routeArgs(await signedInPost(`/people/${engineer.id}/review`, boss.id, {}), {
            personId: engineer.id,
          }),
        ),
      ),
    ).toBe(409);
    expect(await startReview(manager.id, engineer.id)).toBe(id);
  });

  test("after a reorganisation the former manager's draft is closed to them and no longer stands in the new manager's way", async () => {
    const { boss, manager, engineer } = await organisation();
    await openCycle("Reorg", [engineer.id]);
    const stale = await startReview(manager.id, engineer.id);
    const ids = await competencyIds(stale);
    expect(
      (await save(manager.id, stale, 0, [{ field: `rating:${ids[0]}`, value: 2, base: null }]))
        .status,
    ).toBe(200);
    const newManager = await createPerson({
      name: "Nia Newmanager",
      track: "manager",
      level: "m1",
      managerId: boss.id,
    });
    await db.user.update({ where: { id: engineer.id }, data: { managerId: newManager.id } });

    // Sam's draft is kept, but closed: saving is refused with the reason, and the page reads it.
    const refused = await save(manager.id, stale, 1, [
      { field: `rating:${ids[1]}`, value: 3, base: null },
    ]);
    expect(refused).toMatchObject({ status: 409, body: { kind: "locked" } });
    expect(inEnglishWords((refused.body as { message: string }).message)).toContain(
      "You no longer manage this person",
    );
    const closed = (await readPage(manager.id, stale)).data as {
      mode: string;
      lockedReason: string;
    };
    expect(closed.mode).toBe("read");
    expect(inEnglishWords(closed.lockedReason)).toContain("You no longer manage this person");
    // A message, not English: a German reader reads why in German.
    expect(inWordsOf("de", closed.lockedReason)).toContain(
      "Sie sind nicht mehr die Führungskraft dieser Person",
    );
    // Nia starts the review of the cycle afresh; Bea, the skip-level, finds Nia's, not Sam's.
    const fresh = await startReview(newManager.id, engineer.id);
    expect(fresh).not.toBe(stale);
    const skip = bodyOf<{ entry: { decision: { action: string; authorName?: string } } }>(
      await reviewRoute.loader(
        routeArgs(await signedInRequest(`/people/${engineer.id}/review`, boss.id), {
          personId: engineer.id,
        }),
      ),
    );
    expect(skip.entry.decision).toEqual({ action: "taken", authorName: "Nia Newmanager" });
  });

  test("a skip-level manager can review an indirect report", async () => {
    const { boss, peer } = await organisation();
    const id = await startReview(boss.id, peer.id);
    expect((await db.assessment.findUniqueOrThrow({ where: { id } })).authorId).toBe(boss.id);
  });
});

describe("who can read an assessment", () => {
  test("drafts are private to their author: the manager, a peer and an admin get 404 on a self draft", async () => {
    const { boss, manager, engineer, peer, admin } = await organisation();
    const selfDraft = await startSelf(engineer.id);
    expect((await readPage(engineer.id, selfDraft)).data?.mode).toBe("edit");
    for (const other of [manager, boss, peer, admin])
      expect((await readPage(other.id, selfDraft)).status, other.name).toBe(404);

    const reviewDraft = await startReview(manager.id, engineer.id);
    expect((await readPage(manager.id, reviewDraft)).data?.mode).toBe("edit");
    for (const other of [engineer, boss, peer, admin])
      expect((await readPage(other.id, reviewDraft)).status, other.name).toBe(404);
  });

  test("submitted assessments are read by the subject, the chain and admins, never a peer; the subject reads the review after their own", async () => {
    const { boss, manager, engineer, peer, admin } = await organisation();
    const self = await startSelf(engineer.id);
    const review = await startReview(manager.id, engineer.id);
    await submitted(manager.id, review);

    expect((await readPage(manager.id, review)).data?.mode).toBe("read");
    expect((await readPage(boss.id, review)).status).toBe(200);
    expect((await readPage(admin.id, review)).status).toBe(200);
    expect((await readPage(peer.id, review)).status).toBe(404);
    // Their own self-assessment is still a draft: the review must not colour it.
    expect((await readPage(engineer.id, review)).status).toBe(404);

    await submitted(engineer.id, self);
    expect((await readPage(engineer.id, review)).status).toBe(200);
    for (const reader of [engineer, manager, boss, admin])
      expect((await readPage(reader.id, self)).data?.mode, reader.name).toBe("read");
    expect((await readPage(peer.id, self)).status).toBe(404);
  });

  test("unknown ids are 404", async () => {
    const { engineer } = await organisation();
    expect((await readPage(engineer.id, "does-not-exist")).status).toBe(404);
  });

  test("the read view shows labels, notes, dated evidence, next-level marks and flags ratings without evidence", async () => {
    const { manager, engineer } = await organisation();
    const id = await startSelf(engineer.id);
    const [first, second] = await competencyIds(id);
    const revision = await rateAll(engineer.id, id);
    const saved = await save(engineer.id, id, revision, [
      { field: `notes:${first}`, value: "Refactored the billing module", base: "" },
      { field: `mark:${first}:0`, value: "partly", base: null },
    ]);
    const evidence = await db.assessmentRating.findUniqueOrThrow({
      where: { assessmentId_competencyId: { assessmentId: id, competencyId: first! } },
    });
    await db.ratingEvidence.create({
      data: {
        ratingId: evidence.id,
        text: "PR #42",
        url: "https://example.com/42",
        occurredOn: new Date("2026-02-03"),
      },
    });
    expect((await submit(engineer.id, id, saved.body.revision)).status).toBe(302);

    const { data } = await readPage(manager.id, id);
    const firstView = data!.competencies.find((c) => c.id === first)!;
    expect(firstView).toMatchObject({
      rating: 3,
      ratingLabel: "Consistent",
      notes: "Refactored the billing module",
      marks: { "0": "partly" },
    });
    expect(firstView.evidence).toEqual([
      {
        id: expect.any(String),
        text: "PR #42",
        url: "https://example.com/42",
        occurredOn: new Date("2026-02-03"),
      },
    ]);
    expect(firstView.nextExpectations.length).toBeGreaterThan(0);
    expect(data!.competencies.find((c) => c.id === second)!.evidence).toEqual([]);
    expect(data!.ladder).toMatchObject({
      ladderName: "Engineering",
      level: { id: "ic2" },
      nextLevel: { id: "ic3" },
    });
  });
});

describe("the reviews list", () => {
  test("shows my self-assessments and every direct report with their review status", async () => {
    const { boss, manager, engineer, peer } = await organisation();
    const cycle = await openCycle("Autumn 2026", [engineer.id]);
    const self = await startSelf(engineer.id);
    const review = await startReview(manager.id, engineer.id);

    const mine = bodyOf<Awaited<ReturnType<typeof reviewsRoute.loader>>>(
      await reviewsRoute.loader(routeArgs(await signedInRequest("/reviews", engineer.id))),
    );
    expect(mine.selfAssessments).toEqual([
      expect.objectContaining({ id: self, status: "draft", cycleName: cycle.name }),
    ]);
    expect(mine.directReports).toEqual([]);

    const managerView = bodyOf<Awaited<ReturnType<typeof reviewsRoute.loader>>>(
      await reviewsRoute.loader(routeArgs(await signedInRequest("/reviews", manager.id))),
    );
    expect(
      managerView.directReports.map((row) => [
        row.name,
        row.cycleName,
        row.selfSubmitted,
        row.review.label.key,
        row.review.action?.label.key,
      ]),
    ).toEqual([
      [
        "Lena Engineer",
        "Autumn 2026",
        false,
        "assessments:reviews.status.draft",
        "assessments:reviews.action.continue",
      ],
      [
        "Pat Peer",
        null,
        false,
        "assessments:reviews.status.notStarted",
        "assessments:reviews.action.start",
      ],
    ]);
    expect(managerView.written).toEqual([
      expect.objectContaining({
        id: review,
        status: "draft",
        subject: { id: engineer.id, name: "Lena Engineer" },
      }),
    ]);

    // Indirect reports are not rows; they are reached through /people/:id/review.
    const bossView = bodyOf<Awaited<ReturnType<typeof reviewsRoute.loader>>>(
      await reviewsRoute.loader(routeArgs(await signedInRequest("/reviews", boss.id))),
    );
    expect(bossView.directReports.map((row) => row.name)).toEqual(["Sam Manager"]);
    expect(bossView.directReports[0]!.review.label.key).toBe(
      "assessments:reviews.status.notStarted",
    );
    void peer;
  });
});

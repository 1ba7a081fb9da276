import { describe, expect, test } from "vitest";
import * as answerRoute from "~/routes/feedback.$requestId";
import * as personRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import { db } from "~/db/client.server";
import {
  answerPage,
  decideNomination,
  nominatePeer,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { todoFor } from "~/modules/todo/todo.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { english } from "../../utils/english";
import { signedInRequest } from "../../utils/session";
import { inEnglish } from "../../utils/todo-words";

/**
 * Anonymous feedback read twice: whatever a reader sees of it, through the page's loader data, is
 * the same after one more answer and changes only once a whole batch of the floor is in, so that
 * no answer, rating or author follows by subtraction (decision 075).
 */

type Person = { id: string; name: string; email: string; isAdmin: boolean; isHiringAdmin: boolean };

async function organisation() {
  const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const peers: Person[] = [];
  for (const name of ["Omar", "Priya", "Quinn", "Rui", "Sara", "Tom", "Uma"])
    peers.push(
      await createPerson({
        name: `${name} Peer`,
        track: "ic",
        level: "ic2",
        managerId: manager.id,
      }),
    );
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${engineer.id}`,
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: {
        create: [manager, engineer, ...peers].map((person) => ({ userId: person.id })),
      },
    },
  });
  await saveFeedbackSettings(
    admin,
    cycle.id,
    FeedbackSettingsSchema.parse({
      peer: true,
      upward: true,
      dueOn: "2099-06-30",
      minPeers: 3,
      maxPeers: 7,
      reviewCap: 5,
    }),
  );
  return { boss, manager, engineer, peers, cycle };
}

let minute = 0;
/** The reviewer answers the first two competencies with these ratings and an example each, and submits. */
async function answer(reviewer: Person, requestId: string, ratings: [number, number]) {
  const page = await answerPage(reviewer, requestId);
  const changes = page.competencies.slice(0, 2).flatMap((competency, index) => [
    { field: `rating:${competency.id}`, value: ratings[index]!, base: null },
    {
      field: `notes:${competency.id}`,
      value: `${reviewer.name} rated ${ratings[index]} after the March design review`,
      base: "",
    },
  ]);
  const saved = await saveAnswerDraft(reviewer, requestId, {
    baseRevision: page.request.revision,
    changes,
  });
  expect(saved.body).toMatchObject({ ok: true });
  minute += 1;
  expect(
    await submitAnswer(
      reviewer,
      requestId,
      page.request.revision + 1,
      new Date(Date.UTC(2026, 4, 1, 9, minute)),
    ),
  ).toEqual({ ok: true });
}

/** The page's loader data as the browser receives it. */
async function pageData(cycleId: string, personId: string, viewerId: string) {
  const params = { cycleId, personId };
  const body = bodyOf(
    await personRoute.loader(
      routeArgs(
        await signedInRequest(`/feedback/cycles/${cycleId}/people/${personId}`, viewerId),
        params,
      ),
    ),
  );
  return JSON.parse(JSON.stringify(body)) as Awaited<ReturnType<typeof personRoute.loader>>;
}

describe("anonymous feedback over time", () => {
  test("peer feedback after release: one more answer changes nothing the person reads, not the answers, the averages nor who is marked as answered", async () => {
    const org = await organisation();
    const requests: string[] = [];
    for (const peer of org.peers.slice(0, 6)) {
      const nominated = await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, peer.id);
      if (!nominated.ok) throw new Error(nominated.message.key);
      await decideNomination(org.manager, nominated.requestId, "approve", null);
      requests.push(nominated.requestId);
    }
    // Lena's outcome is released while the cycle is open.
    const { ladderVersionId } = await db.feedbackRequest.findUniqueOrThrow({
      where: { id: requests[0]! },
      select: { ladderVersionId: true },
    });
    const session = await db.calibrationSession.create({
      data: {
        name: "Spring calibration",
        cycleId: org.cycle.id,
        facilitatorId: org.boss.id,
        state: "published",
        ladderId: "engineering",
        ladderVersionId,
        groupFloor: 4,
      },
    });
    await db.calibrationEntry.create({
      data: {
        sessionId: session.id,
        personId: org.engineer.id,
        managerId: org.manager.id,
        released: true,
      },
    });

    for (const index of [0, 1, 2]) await answer(org.peers[index]!, requests[index]!, [3, 3]);
    const three = await pageData(org.cycle.id, org.engineer.id, org.engineer.id);
    expect(three.peer?.release).toMatchObject({
      view: "anonymous",
      release: { released: true, authors: 3 },
    });
    // The data carries what the page shows: examples, never a rating per anonymous answer.
    if (three.peer?.release.view !== "anonymous") throw new Error("anonymous view expected");
    const shownAnswers = three.peer.release.release.competencies.flatMap(
      (competency) => competency.answers,
    );
    expect(shownAnswers).toHaveLength(6);
    for (const shown of shownAnswers) expect(Object.keys(shown)).toEqual(["example"]);

    await answer(org.peers[3]!, requests[3]!, [1, 1]);
    const four = await pageData(org.cycle.id, org.engineer.id, org.engineer.id);
    expect(four.peer).toEqual(three.peer);
    expect(four.requests).toEqual(three.requests);
    expect(four.requests.map((request) => request.stateLabel)).toEqual(
      requests.map(() => "feedback:requestStates.approved"),
    );

    await answer(org.peers[4]!, requests[4]!, [4, 4]);
    expect((await pageData(org.cycle.id, org.engineer.id, org.engineer.id)).peer).toEqual(
      three.peer,
    );
    await answer(org.peers[5]!, requests[5]!, [4, 4]);
    const six = await pageData(org.cycle.id, org.engineer.id, org.engineer.id);
    expect(six.peer?.release).toMatchObject({
      view: "anonymous",
      release: { released: true, authors: 6 },
    });
    expect(six.requests).toEqual(three.requests);
    // The manager still reads every answer with its author's name.
    const forManager = await pageData(org.cycle.id, org.engineer.id, org.manager.id);
    expect(forManager.peer?.release.view).toBe("named");
    expect(
      forManager.requests.filter(
        (request) => request.stateLabel === "feedback:requestStates.submitted",
      ),
    ).toHaveLength(6);
  });

  test("upward feedback: the manager's manager reads the same aggregate until a batch of the organisation's floor is in, and every message names that floor", async () => {
    const org = await organisation();
    const upward = await db.feedbackRequest.findMany({
      where: { cycleId: org.cycle.id, channel: "upward", subjectId: org.manager.id },
      include: { reviewer: true },
      orderBy: { reviewerId: "asc" },
    });
    expect(upward).toHaveLength(8);
    for (const request of upward.slice(0, 4)) await answer(request.reviewer, request.id, [3, 4]);
    const four = await pageData(org.cycle.id, org.manager.id, org.boss.id);
    expect(four.upward?.release).toMatchObject({
      view: "aggregate",
      release: { released: true, authors: 4, floor: SMALL_GROUP_FLOOR },
    });

    // A report still to answer reads on their to-do list (and so in the digest) the floor the check keeps.
    const waiting = (await todoFor({ id: upward[5]!.reviewerId, isAdmin: false })).find(
      (item) => item.key === `feedback-answer:${upward[5]!.id}`,
    );
    expect(inEnglish(waiting!).detail).toBe(
      `Your manager reads it only in a group of at least ${SMALL_GROUP_FLOOR} reports' answers, never with your name.`,
    );

    // The fifth rating would be 5 × mean − 4 × 3: nothing shown moves.
    await answer(upward[4]!.reviewer, upward[4]!.id, [1, 1]);
    const five = await pageData(org.cycle.id, org.manager.id, org.boss.id);
    expect(five.upward).toEqual(four.upward);
    for (const request of upward.slice(5, 7)) await answer(request.reviewer, request.id, [2, 2]);
    expect((await pageData(org.cycle.id, org.manager.id, org.boss.id)).upward).toEqual(four.upward);
    await answer(upward[7]!.reviewer, upward[7]!.id, [4, 4]);
    expect(
      (await pageData(org.cycle.id, org.manager.id, org.boss.id)).upward?.release,
    ).toMatchObject({ release: { authors: 8 } });

    // The answer form tells a report the same floor the check keeps.
    const form = bodyOf<Awaited<ReturnType<typeof answerRoute.loader>>>(
      await answerRoute.loader(
        routeArgs(await signedInRequest(`/feedback/${upward[0]!.id}`, upward[0]!.reviewerId), {
          requestId: upward[0]!.id,
        }),
      ),
    );
    expect(form.anonymityFloor).toBe(SMALL_GROUP_FLOOR);
    expect(english("feedback:answerPage.upwardPrivacy", { floor: form.anonymityFloor })).toContain(
      `in groups of at least ${SMALL_GROUP_FLOOR} reports' answers`,
    );
  });
});

// One person's feedback page in a cycle, rendered on the server with its loader's data as the person
// and their manager read it: dates written as every page writes them, only what was answered, no
// upward section for someone nobody reports to, and no asking for peers once the outcome is out.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  answerPage,
  decideNomination,
  nominatePeer,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
  withdrawRequest,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { feedbackTodoChanges, feedbackTodoFacts } from "~/modules/feedback/todo.server";
import { closeCycle } from "~/modules/cycles/cycles.server";
import { dateToDay, dayToDate } from "~/modules/days";
import * as clock from "~/platform/clock.server";
import * as personRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, withRouteProps } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

type Person = Awaited<ReturnType<typeof createPerson>>;
type Page = Awaited<ReturnType<typeof personRoute.loader>>;

async function render(path: string, viewerId: string): Promise<string> {
  const route = {
    id: "page",
    path: "/feedback/cycles/:cycleId/people/:personId",
    loader: async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | undefined>;
    }) =>
      bodyOf(
        await personRoute.loader(
          routeArgs(request, params as { cycleId: string; personId: string }),
        ),
      ),
    Component: withRouteProps(personRoute.default as ComponentType<never>),
  };
  const handler = createStaticHandler([route]);
  const context = await handler.query(await signedInRequest(path, viewerId));
  if (context instanceof Response)
    throw new Error(`expected a page, got a ${context.status} response`);
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

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
  const peers = await Promise.all(
    ["Omar", "Priya", "Quinn", "Rui"].map((name) =>
      createPerson({ name: `${name} Peer`, track: "ic", level: "ic2", managerId: manager.id }),
    ),
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
      dueOn: "2099-12-18",
      minPeers: 3,
      maxPeers: 4,
      reviewCap: 3,
      competencies: "level",
    }),
  );
  return { boss, manager, engineer, peers, cycle };
}

async function approved(org: Awaited<ReturnType<typeof organisation>>, reviewer: Person) {
  const nominated = await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, reviewer.id);
  if (!nominated.ok) throw new Error(nominated.message.key);
  await decideNomination(org.manager, nominated.requestId, "approve", null);
  return nominated.requestId;
}

/** The reviewer answers one competency (the first asked) and submits. */
async function answerOne(reviewer: Person, requestId: string, example: string) {
  const page = await answerPage(reviewer, requestId);
  const competencyId = page.competencies[0]!.id;
  await saveAnswerDraft(reviewer, requestId, {
    baseRevision: page.request.revision,
    changes: [{ field: `notes:${competencyId}`, value: example, base: "" }],
  });
  expect(await submitAnswer(reviewer, requestId, page.request.revision + 1)).toEqual({ ok: true });
  return { competencyId, asked: page.competencies.length };
}

async function release(org: Awaited<ReturnType<typeof organisation>>, requestId: string) {
  const request = await db.feedbackRequest.findUniqueOrThrow({ where: { id: requestId } });
  const session = await db.calibrationSession.create({
    data: {
      name: "Spring calibration",
      cycleId: org.cycle.id,
      facilitatorId: org.boss.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: request.ladderVersionId,
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
}

describe("a person's feedback page", () => {
  test("the due day as every page writes it; the requests as a list whose Decline and Withdraw say what each does; no upward section for someone nobody reports to", async () => {
    const org = await organisation();
    await approved(org, org.peers[0]!);
    const nominated = await nominatePeer(
      org.engineer,
      org.cycle.id,
      org.engineer.id,
      org.peers[1]!.id,
    );
    expect(nominated.ok).toBe(true);
    const path = `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`;

    const html = await render(path, org.manager.id);
    const words = text(html);
    expect(words).toContain("Answers due 18 Dec 2099.");
    expect(words).not.toContain("2099-12-18");
    expect(html).not.toContain("<table");
    expect(words).toContain(
      "Decline a nomination to say no to it, with a reason the person reads. Withdraw a request to take it back before it is answered",
    );
    expect(words).not.toMatch(/Upward feedback/);
    const forManager = bodyOf<Page>(
      await personRoute.loader(
        routeArgs(await signedInRequest(path, org.manager.id), {
          cycleId: org.cycle.id,
          personId: org.engineer.id,
        }),
      ),
    );
    expect(forManager.upward).toBeNull();

    // Someone with reports has the section, for their manager.
    const managerPath = `/feedback/cycles/${org.cycle.id}/people/${org.manager.id}`;
    expect(text(await render(managerPath, org.boss.id))).toContain(
      "Upward feedback from their reports",
    );
  });

  test("only the competencies someone answered are listed; once the outcome is released, nobody is nominated, approved or withdrawn", async () => {
    const org = await organisation();
    const requests = [];
    for (const peer of org.peers.slice(0, 3)) requests.push(await approved(org, peer));
    const waiting = await approved(org, org.peers[3]!);
    let asked = 0;
    for (const [index, requestId] of requests.entries())
      asked = (
        await answerOne(
          org.peers[index]!,
          requestId,
          `In the March release week ${index} they wrote the rollback plan.`,
        )
      ).asked;
    expect(asked).toBeGreaterThan(1);
    const path = `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`;
    const params = { cycleId: org.cycle.id, personId: org.engineer.id };
    const load = async (person: Person) =>
      bodyOf<Page>(
        await personRoute.loader(routeArgs(await signedInRequest(path, person.id), params)),
      );

    expect((await load(org.engineer)).mayNominate).toBe(true);
    expect(
      (await load(org.manager)).requests.find((request) => request.id === waiting)?.mayWithdraw,
    ).toBe(true);

    await release(org, requests[0]!);
    const own = await load(org.engineer);
    expect(own.mayNominate).toBe(false);
    expect(own.requests.some((request) => request.mayWithdraw)).toBe(false);
    const forManager = await load(org.manager);
    expect([
      forManager.mayNominate,
      forManager.mayDecide,
      forManager.requests.some((request) => request.mayWithdraw),
    ]).toEqual([false, false, false]);
    expect(own.peer?.release).toMatchObject({
      view: "anonymous",
      release: { released: true, authors: 3 },
    });
    if (own.peer?.release.view !== "anonymous") throw new Error("expected anonymous answers");
    expect(own.peer.release.release.competencies).toHaveLength(1);

    const words = text(await render(path, org.engineer.id));
    expect(words).toContain("3 answers");
    expect(words).not.toContain("0 answers");
    expect(words).not.toContain("Or ask a colleague by email");

    // The server refuses as the page does, and nothing changes.
    const refused = await personRoute
      .action(
        routeArgs(
          await signedInPost(path, org.engineer.id, { intent: "nominate", email: org.boss.email }),
          params,
        ),
      )
      .catch((error: unknown) => error);
    expect(statusOf(refused)).toBe(409);
    await expect(withdrawRequest(org.manager, waiting)).rejects.toThrow(
      "feedback:errors.nominationsClosed",
    );
    expect(
      await db.feedbackRequest.count({
        where: { cycleId: org.cycle.id, channel: "peer", subjectId: org.engineer.id },
      }),
    ).toBe(4);
    expect((await db.feedbackRequest.findUniqueOrThrow({ where: { id: waiting } })).state).toBe(
      "approved",
    );
  });

  test("after the due day nobody more is asked: the manager's page offers no Ask, no approval and no swap, the server refuses each, and the to-do list no longer asks", async () => {
    const org = await organisation();
    const asked = await approved(org, org.peers[0]!);
    const nominated = await nominatePeer(
      org.engineer,
      org.cycle.id,
      org.engineer.id,
      org.peers[1]!.id,
    );
    if (!nominated.ok) throw new Error(nominated.message.key);
    const path = `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`;
    const params = { cycleId: org.cycle.id, personId: org.engineer.id };
    const load = async () =>
      bodyOf<Page>(
        await personRoute.loader(routeArgs(await signedInRequest(path, org.manager.id), params)),
      );
    const post = (fields: Record<string, string>) =>
      signedInPost(path, org.manager.id, fields)
        .then((request) => personRoute.action(routeArgs(request, params)))
        .catch((error: unknown) => error);
    const dueOn = (daysFromToday: number) =>
      db.feedbackSettings.update({
        where: { cycleId: org.cycle.id },
        data: {
          dueOn: dayToDate(dateToDay(new Date(clock.now().getTime() + daysFromToday * 86_400_000))),
        },
      });

    // On the due day itself, peers are still asked for.
    await dueOn(0);
    expect((await load()).mayNominate).toBe(true);
    expect(text(await render(path, org.manager.id))).toContain("Or ask a colleague by email");
    expect((await feedbackTodoFacts(org.manager)).nominationsToDecide).toMatchObject([
      { person: { id: org.engineer.id }, waiting: 1 },
    ]);

    // Seven weeks after it: nothing on the page asks anyone more.
    await dueOn(-49);
    const page = await load();
    expect([page.mayNominate, page.mayDecide, page.suggestions]).toEqual([false, false, []]);
    expect(page.requests.some((request) => request.maySwap || request.mayWithdraw)).toBe(false);
    const words = text(await render(path, org.manager.id));
    expect(words).not.toContain("Or ask a colleague by email");
    expect(words).not.toMatch(/Ask [A-Z]/);
    expect(words).toMatch(
      /Answers were due on \d{1,2} [A-Z][a-z]{2} \d{4}: no more peers are asked for\./,
    );
    expect((await feedbackTodoFacts(org.manager)).nominationsToDecide).toEqual([]);

    // The server refuses what the page no longer offers, and nothing changes.
    const refused = [
      await post({ intent: "nominate", email: org.peers[2]!.email }),
      await post({ intent: "nominate", reviewerId: org.peers[3]!.id }),
      await post({ intent: "approve", requestId: nominated.requestId }),
      await post({ intent: "swap", requestId: asked, email: org.peers[2]!.email }),
    ];
    expect(refused.map(statusOf)).toEqual([409, 409, 409, 409]);
    const states = await db.feedbackRequest.findMany({
      where: { cycleId: org.cycle.id, channel: "peer", subjectId: org.engineer.id },
      select: { id: true, state: true },
    });
    expect(Object.fromEntries(states.map((row) => [row.id, row.state]))).toEqual({
      [asked]: "approved",
      [nominated.requestId]: "nominated",
    });
  });

  test("a manager no calibration session includes reads his reports' upward feedback when the cycle closes, and his page says so until then; someone a session includes waits for their outcome", async () => {
    const org = await organisation();
    const upward = await db.feedbackRequest.findMany({
      where: { cycleId: org.cycle.id, channel: "upward", subjectId: org.manager.id },
      include: { reviewer: true },
      orderBy: { reviewerId: "asc" },
    });
    for (const [index, request] of upward.slice(0, 4).entries())
      await answerOne(
        request.reviewer,
        request.id,
        `In the March planning ${index} he asked each of us what we wanted to learn.`,
      );
    // A session is set up for the engineer alone (still a draft): she waits for her outcome.
    const { ladderVersionId } = upward[0]!;
    const session = await db.calibrationSession.create({
      data: {
        name: "Spring calibration",
        cycleId: org.cycle.id,
        facilitatorId: org.boss.id,
        ladderId: "engineering",
        ladderVersionId,
        groupFloor: 4,
      },
    });
    await db.calibrationEntry.create({
      data: { sessionId: session.id, personId: org.engineer.id, managerId: org.manager.id },
    });
    const ownPath = (person: Person) => `/feedback/cycles/${org.cycle.id}/people/${person.id}`;
    const own = async (person: Person) =>
      bodyOf<Page>(
        await personRoute.loader(
          routeArgs(await signedInRequest(ownPath(person), person.id), {
            cycleId: org.cycle.id,
            personId: person.id,
          }),
        ),
      );

    // While the cycle is open, his page says he reads it when it closes, not "once released".
    expect(await own(org.manager)).toMatchObject({ releaseAwaits: "cycle-close", upward: null });
    const waiting = text(await render(ownPath(org.manager), org.manager.id));
    expect(waiting).toContain(
      "You read your peers' feedback and your reports' upward feedback once this cycle is closed: no calibration session of it includes you.",
    );
    expect(waiting).not.toContain("once your outcome");
    expect((await feedbackTodoFacts(org.manager)).feedbackReleased).toEqual([]);

    const admin = await createPerson({ name: "Cy Closer", isAdmin: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const writtenSince = new Date();
    expect(await closeCycle(admin.id, org.cycle.id)).toEqual({ ok: true });
    // The reminders' pass names him for the close alone.
    expect(
      (await feedbackTodoChanges({ writtenSince, from: writtenSince, to: writtenSince })).people,
    ).toContain(org.manager.id);

    // Closed: his to-do announces it (until he opens it), and he reads the aggregate of the four, in a batch of the organisation's floor.
    expect((await feedbackTodoFacts(org.manager)).feedbackReleased).toEqual([
      {
        cycle: { id: org.cycle.id, name: org.cycle.name },
        personId: org.manager.id,
        channel: "upward",
      },
    ]);
    const closed = await own(org.manager);
    expect(closed).toMatchObject({
      releaseAwaits: null,
      upward: { release: { view: "aggregate", release: { released: true, authors: 4, floor: 4 } } },
    });
    expect(JSON.stringify(closed.upward)).not.toMatch(new RegExp(upward[0]!.reviewer.name));
    // The engineer, whom a session includes, still waits for her outcome.
    expect(await own(org.engineer)).toMatchObject({ releaseAwaits: "outcome", peer: null });
    expect(text(await render(ownPath(org.engineer), org.engineer.id))).toContain(
      "You read your peers' feedback once your outcome for this cycle is released.",
    );
  });
});

import { describe, expect, test } from "vitest";
import * as growthRoute from "~/routes/people.$personId._index";
import * as reviewsRoute from "~/routes/reviews._index";
import * as teamRoute from "~/routes/team";
import * as personRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import { db } from "~/db/client.server";
import { startSeries } from "~/modules/conversations/series.server";
import {
  answerPage,
  decideNomination,
  nominatePeer,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
} from "~/modules/feedback/feedback.server";
import { personFeedbackPage } from "~/modules/feedback/person-page.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { feedbackTodoFacts } from "~/modules/feedback/todo.server";
import { saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import { storedGrowthPlan } from "~/modules/growth/queries.server";
import { renderMessage } from "~/modules/notifications/render";
import { voiceIn } from "~/modules/notifications/voice.server";
import { todoFor } from "~/modules/todo/todo.server";
import { createPerson } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { inEnglish } from "../../utils/todo-words";
import { behindRoot } from "../../utils/behind-root";
import { renderPage, type PageModule } from "../../utils/render-page";

/**
 * Feedback people can find once it is released: announced on the to-do list (and so in the digest)
 * until opened, linked from the growth, reviews and team pages, and acted on from its page.
 */

type Person = { id: string; name: string; email: string; isAdmin: boolean; isHiringAdmin: boolean };

async function answer(reviewer: Person, requestId: string, text: string) {
  const page = await answerPage(reviewer, requestId);
  const competencyId = page.competencies[0]!.id;
  const saved = await saveAnswerDraft(reviewer, requestId, {
    baseRevision: page.request.revision,
    changes: [{ field: `notes:${competencyId}`, value: text, base: "" }],
  });
  expect(saved.status).toBe(200);
  expect(await submitAnswer(reviewer, requestId, page.request.revision + 1)).toEqual({ ok: true });
  return competencyId;
}

const EXAMPLES = [
  "When the checkout migration stalled in March she wrote the rollback plan.",
  "During the incident review in April she kept the notes and the timeline.",
  "In the Q2 planning she split the epic into three tickets we could ship.",
  "When we planned the Q3 roadmap he asked each of us what we wanted to learn.",
];

/** A cycle whose peer and upward feedback is answered, both outcomes (the engineer's, the manager's) published but not yet released. */
async function answeredCycle() {
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
    ["Omar", "Priya", "Quinn"].map((name) =>
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
      dueOn: "2099-06-30",
      minPeers: 3,
      maxPeers: 3,
      reviewCap: 3,
    }),
  );
  let competencyId = "";
  for (const [index, peer] of peers.entries()) {
    const nominated = await nominatePeer(engineer, cycle.id, engineer.id, peer.id);
    if (!nominated.ok) throw new Error(nominated.message.key);
    await decideNomination(manager, nominated.requestId, "approve", null);
    competencyId = await answer(peer, nominated.requestId, EXAMPLES[index]!);
  }
  // The manager's four reports answer upward: the organisation's floor is four.
  const upward = await db.feedbackRequest.findMany({
    where: { cycleId: cycle.id, channel: "upward", subjectId: manager.id },
    include: { reviewer: true },
  });
  expect(upward).toHaveLength(4);
  for (const [index, request] of upward.entries())
    await answer(request.reviewer, request.id, EXAMPLES[index]!);
  const { ladderVersionId } = await db.feedbackRequest.findFirstOrThrow({
    where: { cycleId: cycle.id },
    select: { ladderVersionId: true },
  });
  const session = await db.calibrationSession.create({
    data: {
      name: "Spring calibration",
      cycleId: cycle.id,
      facilitatorId: boss.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId,
      groupFloor: 4,
    },
  });
  await db.calibrationEntry.createMany({
    data: [
      { sessionId: session.id, personId: engineer.id, managerId: manager.id },
      { sessionId: session.id, personId: manager.id, managerId: boss.id },
    ],
  });
  const release = (personId: string) =>
    db.calibrationEntry.updateMany({
      where: { sessionId: session.id, personId },
      data: { released: true },
    });
  return { boss, manager, engineer, peers, cycle, competencyId, release };
}

/** The German names of the engineering ladder's competencies a peer answers about first (frameworks/engineering/translations/de). */
const GERMAN_NAMES: Record<string, string> = {
  "code-quality": "Codequalität",
  testing: "Testen und Verifikation",
  "system-design": "Systemdesign und Architektur",
};

const pagePath = (cycleId: string, personId: string) =>
  `/feedback/cycles/${cycleId}/people/${personId}`;

async function load<T>(
  route: { loader: RouteFunction },
  url: string,
  userId: string,
  params: Record<string, string> = {},
): Promise<T> {
  return bodyOf<T>(await route.loader(routeArgs(await signedInRequest(url, userId), params)));
}

/** `behind`: run behind the root's middleware, in the language the person chose. */
async function post(
  url: string,
  userId: string,
  fields: Record<string, string>,
  params: Record<string, string>,
  { behind = false }: { behind?: boolean } = {},
) {
  const action: RouteFunction = personRoute.action;
  try {
    const args = routeArgs(await signedInPost(url, userId, fields), params);
    const result = behind ? await behindRoot(action, args) : await action(args);
    return answerOf(result);
  } catch (error) {
    return answerOf(error);
  }
}

describe("released feedback", () => {
  test("is announced on the person's to-do list and in their digest until they open it; a manager's upward aggregate too", async () => {
    const org = await answeredCycle();
    expect((await feedbackTodoFacts(org.engineer)).feedbackReleased).toEqual([]);
    expect((await feedbackTodoFacts(org.manager)).feedbackReleased).toEqual([]);

    await org.release(org.engineer.id);
    await org.release(org.manager.id);
    expect((await feedbackTodoFacts(org.engineer)).feedbackReleased).toEqual([
      {
        cycle: { id: org.cycle.id, name: org.cycle.name },
        personId: org.engineer.id,
        channel: "peer",
      },
    ]);
    expect((await feedbackTodoFacts(org.manager)).feedbackReleased).toEqual([
      {
        cycle: { id: org.cycle.id, name: org.cycle.name },
        personId: org.manager.id,
        channel: "upward",
      },
    ]);

    const items = await todoFor({ id: org.engineer.id, isAdmin: false });
    const announced = items.find((item) => item.kind === "feedback-released");
    expect(inEnglish(announced!)).toMatchObject({
      key: `feedback-released:${org.cycle.id}/peer`,
      title: `Read your feedback from ${org.cycle.name}`,
      href: pagePath(org.cycle.id, org.engineer.id),
    });
    // The digest carries the item's line and its link.
    const digest = renderMessage(
      [{ kind: "digest", items: [announced!] }],
      org.engineer.name,
      {
        base: "https://rungs.example",
        unsubscribe: "https://rungs.example/u",
        settings: "https://rungs.example/s",
      },
      voiceIn("en", "UTC"),
    );
    expect(digest.text).toContain(`- Read your feedback from ${org.cycle.name}`);
    expect(digest.text).toContain(
      `https://rungs.example${pagePath(org.cycle.id, org.engineer.id)}`,
    );
    const managerItems = await todoFor({ id: org.manager.id, isAdmin: false });
    expect(
      inEnglish(managerItems.find((item) => item.kind === "feedback-released")!),
    ).toMatchObject({
      title: `Read your reports' upward feedback from ${org.cycle.name}`,
      href: pagePath(org.cycle.id, org.manager.id),
    });

    // Opened: announced no more, however often it is opened again; the manager's stays until they open theirs.
    await personFeedbackPage(org.engineer, org.cycle.id, org.engineer.id);
    await personFeedbackPage(org.engineer, org.cycle.id, org.engineer.id);
    expect((await feedbackTodoFacts(org.engineer)).feedbackReleased).toEqual([]);
    expect(
      await db.auditEvent.count({ where: { action: "feedback.opened", actorId: org.engineer.id } }),
    ).toBe(1);
    // The manager reading the engineer's page is not the engineer opening it.
    expect((await feedbackTodoFacts(org.manager)).feedbackReleased).toHaveLength(1);
    await personFeedbackPage(org.manager, org.cycle.id, org.manager.id);
    expect((await feedbackTodoFacts(org.manager)).feedbackReleased).toEqual([]);
  });

  test("is linked from the person's growth and reviews pages, and from the manager's team page with names and the upward aggregate", async () => {
    const org = await answeredCycle();
    const growthOf = (viewerId: string) =>
      load<{ feedback: { href: string; peer: string; upward: string }[] }>(
        growthRoute,
        `/people/${org.engineer.id}`,
        viewerId,
        { personId: org.engineer.id },
      );
    // Before the release the person has nothing to read; their manager reads the named answers.
    expect((await growthOf(org.engineer.id)).feedback).toEqual([]);
    expect((await growthOf(org.manager.id)).feedback).toMatchObject([
      { href: pagePath(org.cycle.id, org.engineer.id), peer: "named", upward: "none" },
    ]);

    await org.release(org.engineer.id);
    expect((await growthOf(org.engineer.id)).feedback).toMatchObject([
      { href: pagePath(org.cycle.id, org.engineer.id), peer: "anonymous" },
    ]);
    const reviews = await load<{ feedback: { href: string }[] }>(
      reviewsRoute,
      "/reviews",
      org.engineer.id,
    );
    expect(reviews.feedback.map((link) => link.href)).toEqual([
      pagePath(org.cycle.id, org.engineer.id),
    ]);

    const team = await load<{
      feedback: {
        own: { href: string; upward: string }[];
        reports: { href: string; personName: string; peer: string }[];
      };
    }>(teamRoute, "/team", org.manager.id);
    expect(team.feedback.reports).toMatchObject([
      { href: pagePath(org.cycle.id, org.engineer.id), personName: "Lena Engineer", peer: "named" },
    ]);
    // The manager's own upward aggregate waits for their own outcome's release.
    expect(team.feedback.own).toEqual([]);
    await org.release(org.manager.id);
    const released = await load<{ feedback: { own: { href: string; upward: string }[] } }>(
      teamRoute,
      "/team",
      org.manager.id,
    );
    expect(released.feedback.own).toMatchObject([
      { href: pagePath(org.cycle.id, org.manager.id), upward: "aggregate" },
    ]);
  });

  test("is acted on from its page: a point on the next one-to-one, a growth focus, each refused with a reason where it cannot apply", async () => {
    const org = await answeredCycle();
    await org.release(org.engineer.id);
    const url = pagePath(org.cycle.id, org.engineer.id);
    const params = { cycleId: org.cycle.id, personId: org.engineer.id };
    const page = await load<{ followUp: { id: string; name: string }[] }>(
      personRoute,
      url,
      org.engineer.id,
      params,
    );
    expect(page.followUp.map((competency) => competency.id)).toEqual([org.competencyId]);
    const competencyName = page.followUp[0]!.name;

    // No one-to-one series yet: refused, nothing written.
    const noSeries = await post(
      url,
      org.engineer.id,
      { intent: "to-one-to-one", competencyId: org.competencyId },
      params,
    );
    expect(noSeries).toMatchObject({
      status: 409,
      body: { error: expect.stringContaining("no one-to-one series with your manager") },
    });
    expect(await db.conversationPoint.count({ where: { authorId: org.engineer.id } })).toBe(0);

    const seriesId = await startSeries(
      { id: org.manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: org.manager.id,
        reportId: org.engineer.id,
        cadence: "weekly",
        // Three days on: a first meeting on a weekend moves to a working day, two days back at most.
        firstAt: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000),
      },
    );
    const added = await post(
      url,
      org.engineer.id,
      { intent: "to-one-to-one", competencyId: org.competencyId },
      params,
    );
    expect(added).toEqual({
      status: 302,
      location: `${url}?done=agenda-point&competency=${org.competencyId}`,
    });
    const points = await db.conversationPoint.findMany({
      where: { seriesId },
      select: { text: true, authorId: true, meeting: { select: { status: true } } },
    });
    expect(points).toEqual([
      {
        text: `What I take from my feedback in ${org.cycle.name} on ${competencyName}`,
        authorId: org.engineer.id,
        meeting: { status: "upcoming" },
      },
    ]);

    // No growth plan yet: refused, nothing written; with one, the competency joins its focus.
    const toGrowthPlan = () =>
      post(
        url,
        org.engineer.id,
        { intent: "to-growth-plan", competencyId: org.competencyId },
        params,
      );
    const noPlan = await toGrowthPlan();
    expect(noPlan).toMatchObject({
      status: 409,
      body: { error: expect.stringContaining("no growth plan yet") },
    });
    expect(await storedGrowthPlan(org.engineer.id)).toBeNull();
    expect(await saveGrowthPlan(org.engineer.id, { target: "ic3", focus: [] })).toEqual({
      ok: true,
    });
    expect(await toGrowthPlan()).toMatchObject({
      status: 302,
      location: `${url}?done=focus-added&competency=${org.competencyId}`,
    });
    expect((await storedGrowthPlan(org.engineer.id))?.focus).toEqual([org.competencyId]);
    // The page words what was done from its address (decision 145), naming the competency.
    const shown = async (done: string) =>
      (
        await renderPage(
          personRoute as unknown as PageModule,
          "/feedback/cycles/:cycleId/people/:personId",
          `${url}?done=${done}&competency=${org.competencyId}`,
          org.engineer.id,
        )
      ).html.replaceAll("&#x27;", "'");
    expect(await shown("agenda-point")).toContain(
      `Added to the agenda of your next one-to-one: “What I take from my feedback in ${org.cycle.name} on ${competencyName}”.`,
    );
    expect(await shown("focus-added")).toContain(
      `${competencyName} is now a focus of your growth plan.`,
    );
    expect(await toGrowthPlan()).toEqual({
      status: 302,
      location: `${url}?done=focus-already&competency=${org.competencyId}`,
    });
    expect(await shown("focus-already")).toContain(
      `${competencyName} was already a focus of your growth plan.`,
    );

    // Only the person acts on their feedback, and only on what it speaks of.
    expect(
      (
        await post(
          url,
          org.manager.id,
          { intent: "to-growth-plan", competencyId: org.competencyId },
          params,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await post(
          url,
          org.engineer.id,
          { intent: "to-one-to-one", competencyId: "no-such-competency" },
          params,
        )
      ).status,
    ).toBe(404);
    expect(await db.conversationPoint.count({ where: { seriesId } })).toBe(1);
  });

  test("is acted on in the person's own language: the agenda point, the reply and the refusal are German for a German reader, the competency named as the ladder's translation names it", async () => {
    const org = await answeredCycle();
    await org.release(org.engineer.id);
    await db.user.update({ where: { id: org.engineer.id }, data: { language: "de" } });
    const url = pagePath(org.cycle.id, org.engineer.id);
    const params = { cycleId: org.cycle.id, personId: org.engineer.id };
    const seriesId = await startSeries(
      { id: org.manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: org.manager.id,
        reportId: org.engineer.id,
        cadence: "weekly",
        firstAt: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000),
      },
    );
    const fields = { intent: "to-one-to-one", competencyId: org.competencyId };
    const added = await post(url, org.engineer.id, fields, params, { behind: true });
    const german = GERMAN_NAMES[org.competencyId]!;
    const point = `Was ich aus meinem Feedback in ${org.cycle.name} zu ${german} mitnehme`;
    expect(added).toEqual({
      status: 302,
      location: `${url}?done=agenda-point&competency=${org.competencyId}`,
    });
    expect(
      await db.conversationPoint.findMany({ where: { seriesId }, select: { text: true } }),
    ).toEqual([{ text: point }]);
    // The page that redirect opens words the reply from the competency as its German reader reads it.
    const germanPage = await behindRoot(
      personRoute.loader as RouteFunction,
      routeArgs(await signedInRequest(url, org.engineer.id), params),
    );
    expect(bodyOf<{ followUp: { id: string; name: string }[] }>(germanPage).followUp).toEqual([
      { id: org.competencyId, name: german },
    ]);
    // No growth plan yet: refused, in German.
    const noPlan = await post(
      url,
      org.engineer.id,
      { intent: "to-growth-plan", competencyId: org.competencyId },
      params,
      { behind: true },
    );
    expect(noPlan).toMatchObject({
      status: 409,
      body: {
        error:
          "Sie haben noch keinen Entwicklungsplan. Wählen Sie zuerst auf Ihrer Entwicklungsseite eine Zielstufe und fügen Sie dann diesen Schwerpunkt hinzu.",
      },
    });
  });
});

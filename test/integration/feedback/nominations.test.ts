import { describe, expect, test } from "vitest";
import * as personRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import {
  answerPage,
  declineRequest,
  decideNomination,
  nominatePeer,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { todoFor } from "~/modules/todo/todo.server";
import { assignInterviewer } from "~/modules/hiring/loops.server";
import { asViewer, hiringSetUp } from "../hiring/helpers";
import { provider } from "../../setup/databases";
import { createPerson } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { inEnglish } from "../../utils/todo-words";
import { renderPage, type PageModule } from "../../utils/render-page";

/**
 * Nominations without dead ends: the manager adds and swaps reviewers whoever nominates, the to-do
 * to replace a reviewer opens a page where someone can be chosen, the person left short by a
 * decline is told, and a manager is suggested fellow managers rather than their own reports.
 */

type Page = {
  mayNominate: boolean;
  live: number;
  suggestions: { id: string; name: string; ties: unknown[]; requests: number }[];
  requests: { id: string; reviewer: { id: string }; state: string; maySwap: boolean }[];
};

async function organisation() {
  const team = await db.team.create({ data: { name: `Payments ${Math.random()}` } });
  const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: boss.id,
    teamId: team.id,
  });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
    teamId: team.id,
  });
  const [omar, priya, quinn, rui] = await Promise.all(
    ["Omar", "Priya", "Quinn", "Rui"].map((name) =>
      createPerson({
        name: `${name} Peer`,
        track: "ic",
        level: "ic2",
        managerId: manager.id,
        teamId: team.id,
      }),
    ),
  );
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${engineer.id}`,
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: {
        create: [manager, engineer, omar!, priya!, quinn!, rui!].map((person) => ({
          userId: person.id,
        })),
      },
    },
  });
  await saveFeedbackSettings(
    admin,
    cycle.id,
    FeedbackSettingsSchema.parse({
      peer: true,
      dueOn: "2099-06-30",
      minPeers: 2,
      maxPeers: 3,
      reviewCap: 3,
      nominator: "person",
    }),
  );
  const url = `/feedback/cycles/${cycle.id}/people/${engineer.id}`;
  const params = { cycleId: cycle.id, personId: engineer.id };
  return {
    team,
    boss,
    manager,
    engineer,
    omar: omar!,
    priya: priya!,
    quinn: quinn!,
    rui: rui!,
    admin,
    cycle,
    url,
    params,
  };
}

async function page(url: string, userId: string, params: Record<string, string>): Promise<Page> {
  const loader: RouteFunction = personRoute.loader;
  return bodyOf<Page>(await loader(routeArgs(await signedInRequest(url, userId), params)));
}

async function post(
  url: string,
  userId: string,
  fields: Record<string, string>,
  params: Record<string, string>,
) {
  const action: RouteFunction = personRoute.action;
  try {
    const result = await action(routeArgs(await signedInPost(url, userId, fields), params));
    return answerOf(result);
  } catch (error) {
    return answerOf(error);
  }
}

async function nominated(
  viewer: { id: string; name: string; email: string; isAdmin: boolean; isHiringAdmin: boolean },
  cycleId: string,
  subjectId: string,
  reviewerId: string,
) {
  const result = await nominatePeer(viewer, cycleId, subjectId, reviewerId);
  if (!result.ok) throw new Error(result.message.key);
  return result.requestId;
}

describe("nominations", () => {
  test("the manager adds a reviewer where the person nominates, asked at once, from the page the replacement to-do opens", async () => {
    const org = await organisation();
    const omarRequest = await nominated(org.engineer, org.cycle.id, org.engineer.id, org.omar.id);
    await decideNomination(org.manager, omarRequest, "approve", null);
    const priyaRequest = await nominated(org.engineer, org.cycle.id, org.engineer.id, org.priya.id);
    await decideNomination(org.manager, priyaRequest, "approve", null);
    expect(
      await declineRequest(org.omar, omarRequest, "We have not worked together this year."),
    ).toEqual({ ok: true });

    const replace = (await todoFor({ id: org.manager.id, isAdmin: false })).find(
      (item) => item.kind === "feedback-replace",
    );
    expect(replace?.href).toBe(org.url);
    const forManager = await page(org.url, org.manager.id, org.params);
    expect(forManager.mayNominate).toBe(true);
    expect(forManager.suggestions.map((suggestion) => suggestion.id)).toEqual(
      expect.arrayContaining([org.quinn.id, org.rui.id]),
    );

    expect(
      await post(
        org.url,
        org.manager.id,
        { intent: "nominate", reviewerId: org.quinn.id },
        org.params,
      ),
    ).toEqual({ status: 302, location: `${org.url}?done=asked` });
    expect(
      await db.feedbackRequest.findFirstOrThrow({
        where: { cycleId: org.cycle.id, subjectId: org.engineer.id, reviewerId: org.quinn.id },
      }),
    ).toMatchObject({ state: "approved", nominatedById: org.manager.id });
    expect(
      (await todoFor({ id: org.manager.id, isAdmin: false })).filter(
        (item) => item.kind === "feedback-replace",
      ),
    ).toEqual([]);
    // Someone else still cannot choose for the person: for them the person's choices do not exist.
    expect(
      (await post(org.url, org.omar.id, { intent: "nominate", reviewerId: org.rui.id }, org.params))
        .status,
    ).toBe(404);
  });

  test("the manager swaps a reviewer in one step: declined or withdrawn, the other asked; refused, nothing changes", async () => {
    const org = await organisation();
    const omarRequest = await nominated(org.engineer, org.cycle.id, org.engineer.id, org.omar.id);
    const priyaRequest = await nominated(org.engineer, org.cycle.id, org.engineer.id, org.priya.id);
    await decideNomination(org.manager, priyaRequest, "approve", null);
    const forManager = await page(org.url, org.manager.id, org.params);
    expect(forManager.requests.map((request) => request.maySwap)).toEqual([true, true]);
    expect(
      (await page(org.url, org.engineer.id, org.params)).requests.map((request) => request.maySwap),
    ).toEqual([false, false]);

    // A nomination swapped without a reason, or for someone who cannot be asked: refused, nothing written.
    expect(
      await post(
        org.url,
        org.manager.id,
        { intent: "swap", requestId: omarRequest, email: org.quinn.email, reason: " " },
        org.params,
      ),
    ).toMatchObject({
      status: 400,
      body: { error: "Say why you swap this nomination: the person reads it." },
    });
    expect(
      await post(
        org.url,
        org.manager.id,
        { intent: "swap", requestId: omarRequest, email: org.priya.email, reason: "Priya instead" },
        org.params,
      ),
    ).toMatchObject({ status: 400, body: { error: "Priya Peer is already asked." } });
    // The page is sent as HTML (decision 145): the refused swap comes back as a document with its
    // reason, and the email and reason as typed in that request's swap form.
    const refusedPage = await renderPage(
      personRoute as unknown as PageModule,
      "/feedback/cycles/:cycleId/people/:personId",
      org.url,
      org.manager.id,
      new URLSearchParams({
        intent: "swap",
        requestId: omarRequest,
        email: org.priya.email,
        reason: "Priya instead",
      }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain("Priya Peer is already asked.");
    const swapForms = refusedPage.html
      .split("</form>")
      .filter((form) => form.includes('value="swap"'))
      .map((form) => ({
        omar: form.includes(`value="${omarRequest}"`),
        typed:
          form.includes(`value="${org.priya.email}"`) && form.includes('value="Priya instead"'),
      }));
    expect(swapForms).toEqual([
      { omar: true, typed: true },
      { omar: false, typed: false },
    ]);
    expect(
      await post(
        org.url,
        org.manager.id,
        {
          intent: "swap",
          requestId: omarRequest,
          email: org.engineer.email,
          reason: "Lena instead",
        },
        org.params,
      ),
    ).toMatchObject({ status: 400, body: { intent: "swap", error: expect.any(String) } });
    expect(
      await db.feedbackRequest.findUniqueOrThrow({ where: { id: omarRequest } }),
    ).toMatchObject({ state: "nominated", declineReason: null });
    expect(
      await db.feedbackRequest.count({
        where: { cycleId: org.cycle.id, subjectId: org.engineer.id },
      }),
    ).toBe(2);

    const swapped = await post(
      org.url,
      org.manager.id,
      {
        intent: "swap",
        requestId: omarRequest,
        email: org.quinn.email,
        reason: "Quinn worked with you on checkout.",
      },
      org.params,
    );
    expect(swapped).toEqual({ status: 302, location: `${org.url}?done=swapped` });
    expect(
      await db.feedbackRequest.findUniqueOrThrow({ where: { id: omarRequest } }),
    ).toMatchObject({
      state: "declined",
      declineReason: "Quinn worked with you on checkout.",
      declinedById: org.manager.id,
    });
    expect(
      await db.feedbackRequest.findFirstOrThrow({
        where: { cycleId: org.cycle.id, subjectId: org.engineer.id, reviewerId: org.quinn.id },
      }),
    ).toMatchObject({ state: "approved", nominatedById: org.manager.id });

    // A request already asked is withdrawn rather than declined: the colleague was asked, nobody refused them.
    expect(
      await post(
        org.url,
        org.manager.id,
        { intent: "swap", requestId: priyaRequest, reviewerId: org.rui.id },
        org.params,
      ),
    ).toEqual({ status: 302, location: `${org.url}?done=swapped` });
    expect(
      await db.feedbackRequest.findUniqueOrThrow({ where: { id: priyaRequest } }),
    ).toMatchObject({ state: "withdrawn", withdrawnReason: "by-manager" });
    expect(
      await db.feedbackRequest.findFirstOrThrow({
        where: { cycleId: org.cycle.id, subjectId: org.engineer.id, reviewerId: org.rui.id },
      }),
    ).toMatchObject({ state: "approved" });
    expect(
      await db.auditEvent.count({
        where: {
          subjectId: org.engineer.id,
          action: { in: ["feedback.declined", "feedback.withdrawn"] },
        },
      }),
    ).toBe(2);

    // The person does not swap; to them the swap does not exist.
    const ruiRequest = (
      await db.feedbackRequest.findFirstOrThrow({
        where: { reviewerId: org.rui.id, subjectId: org.engineer.id },
      })
    ).id;
    expect(
      (
        await post(
          org.url,
          org.engineer.id,
          { intent: "swap", requestId: ruiRequest, email: org.omar.email, reason: "x" },
          org.params,
        )
      ).status,
    ).toBe(404);
  });

  test("the person left short by a decline is told again, naming who declined", async () => {
    const org = await organisation();
    const omarRequest = await nominated(org.engineer, org.cycle.id, org.engineer.id, org.omar.id);
    const priyaRequest = await nominated(org.engineer, org.cycle.id, org.engineer.id, org.priya.id);
    const ownNominate = async () =>
      (await todoFor({ id: org.engineer.id, isAdmin: false }))
        .filter((item) => item.kind === "feedback-nominate")
        .map(inEnglish);
    expect(await ownNominate()).toEqual([]);

    await decideNomination(org.manager, omarRequest, "decline", "Omar is on leave until June.");
    expect(await ownNominate()).toMatchObject([
      {
        key: `feedback-nominate:${org.cycle.id}/${org.engineer.id}/${omarRequest}`,
        title: `Choose another peer for your feedback in ${org.cycle.name}`,
        detail: "Omar Peer will not give you feedback. 1 peer asked of at least 2.",
        href: org.url,
      },
    ]);

    await nominated(org.engineer, org.cycle.id, org.engineer.id, org.quinn.id);
    expect(await ownNominate()).toEqual([]);
    // A colleague's own decline is a new thing to do: a new key, so a new reminder.
    await decideNomination(org.manager, priyaRequest, "approve", null);
    await declineRequest(org.priya, priyaRequest, "I only joined the team last week.");
    expect((await ownNominate()).map((item) => item.key)).toEqual([
      `feedback-nominate:${org.cycle.id}/${org.engineer.id}/${priyaRequest}`,
    ]);
  });

  test("a manager is suggested fellow managers and people they exchanged feedback with, never their own reports", async () => {
    const org = await organisation();
    const fellow = await createPerson({
      name: "Fay Fellow",
      track: "manager",
      level: "m1",
      managerId: org.boss.id,
    });
    await createPerson({ name: "Finn Report", track: "ic", level: "ic2", managerId: fellow.id });
    const elsewhere = await createPerson({ name: "Eli Elsewhere", track: "ic", level: "ic2" });
    // Eli gave Sam feedback in an earlier cycle.
    const earlier = await db.reviewCycle.create({
      data: {
        name: `Autumn ${org.manager.id}`,
        startsOn: new Date("2025-09-01"),
        endsOn: new Date("2025-12-31"),
        participants: { create: [{ userId: org.manager.id }] },
      },
    });
    await saveFeedbackSettings(
      org.admin,
      earlier.id,
      FeedbackSettingsSchema.parse({
        peer: true,
        dueOn: "2099-12-15",
        minPeers: 1,
        maxPeers: 3,
        reviewCap: 3,
        nominator: "manager",
      }),
    );
    const eliRequest = await nominated(org.boss, earlier.id, org.manager.id, elsewhere.id);
    const asked = await answerPage(elsewhere, eliRequest);
    const competencyId = asked.competencies[0]!.id;
    await saveAnswerDraft(elsewhere, eliRequest, {
      baseRevision: asked.request.revision,
      changes: [
        {
          field: `notes:${competencyId}`,
          value:
            "When the March incident dragged on he took the calls with the bank and kept us informed.",
          base: "",
        },
      ],
    });
    expect(await submitAnswer(elsewhere, eliRequest, asked.request.revision + 1)).toEqual({
      ok: true,
    });

    const url = `/feedback/cycles/${org.cycle.id}/people/${org.manager.id}`;
    const suggested = (
      await page(url, org.manager.id, { cycleId: org.cycle.id, personId: org.manager.id })
    ).suggestions;
    expect(suggested.find((suggestion) => suggestion.id === fellow.id)?.ties).toEqual([
      { key: "feedback:ties.sameManager" },
    ]);
    expect(suggested.find((suggestion) => suggestion.id === elsewhere.id)?.ties).toEqual([
      { key: "feedback:ties.feedbackTogether" },
    ]);
    // Sam's reports share his team, yet answer upward feedback about him: none is suggested.
    const reports = [org.engineer, org.omar, org.priya, org.quinn, org.rui].map(
      (person) => person.id,
    );
    expect(suggested.filter((suggestion) => reports.includes(suggestion.id))).toEqual([]);
  });

  test("a person is suggested whom they interviewed with and their mentoring pair, each with the live requests they already have", async () => {
    const org = await organisation();
    // Lena interviews on Ana's and Ben's loop; Ana already has a request from Omar.
    const hiring = await hiringSetUp();
    const assigned = await assignInterviewer(asViewer(hiring.grace), hiring.loopId, {
      stageId: hiring.stages[0]!.id,
      email: org.engineer.email,
      scheduledAt: new Date("2026-11-21T10:00:00Z"),
    });
    expect(assigned.ok).toBe(true);
    await nominated(org.omar, org.cycle.id, org.omar.id, hiring.ana.id);
    const mentor = await createPerson({ name: "Mia Mentor", track: "ic", level: "ic4" });
    const programme = await db.mentorshipProgramme.create({
      data: {
        name: `Mentoring ${org.engineer.id}`,
        ladderId: "engineering",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        matchingOn: new Date("2026-01-15"),
      },
    });
    await db.mentorshipPair.create({
      data: {
        programmeId: programme.id,
        menteeId: org.engineer.id,
        mentorId: mentor.id,
        status: "active",
        source: "proposed",
        fit: 2,
        factors: "[]",
      },
    });

    const suggested = (await page(org.url, org.engineer.id, org.params)).suggestions;
    const of = (id: string) => {
      const found = suggested.find((suggestion) => suggestion.id === id);
      return found && { ties: found.ties, requests: found.requests };
    };
    expect(of(hiring.ana.id)).toEqual({
      ties: [{ key: "feedback:ties.hiringLoops", values: { count: 1 } }],
      requests: 1,
    });
    expect(of(hiring.ben.id)).toEqual({
      ties: [{ key: "feedback:ties.hiringLoops", values: { count: 1 } }],
      requests: 0,
    });
    expect(of(mentor.id)).toEqual({ ties: [{ key: "feedback:ties.mentorship" }], requests: 0 });
    // Every tie, who they are and their requests come in one statement, however many sources.
    const request = await signedInRequest(org.url, org.engineer.id);
    const loader: RouteFunction = personRoute.loader;
    const { statements } = await countStatements(() => loader(routeArgs(request, org.params)));
    expect(statements).toHaveLength(provider === "postgresql" ? 12 : 13);
  });
});

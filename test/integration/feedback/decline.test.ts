import { describe, expect, test } from "vitest";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as answerRoute from "~/routes/feedback.$requestId";
import * as personRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import { db } from "~/db/client.server";
import { todoFor } from "~/modules/todo/todo.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { inEnglish } from "../../utils/todo-words";

/** A reviewer declines a peer request on the answer page, with a reason the person's manager reads and acts on. */

const settingsFields = {
  intent: "feedback-settings",
  peer: "on",
  upward: "on",
  minPeers: "2",
  maxPeers: "4",
  reviewCap: "4",
  dueOn: "2099-06-30",
  nominator: "person",
  competencies: "level",
  answerKind: "rating",
  namesShown: "never",
};

type Route = { action: RouteFunction };

async function post(
  route: Route,
  url: string,
  userId: string,
  fields: Record<string, string>,
  params: Record<string, string>,
) {
  try {
    const result = await route.action(routeArgs(await signedInPost(url, userId, fields), params));
    return { status: statusOf(result), body: bodyOf<Record<string, unknown>>(result) };
  } catch (error) {
    return {
      status: statusOf(error),
      body:
        error instanceof Response
          ? { location: error.headers.get("Location") }
          : bodyOf<Record<string, unknown>>(error),
    };
  }
}

async function answerPage(requestId: string, userId: string) {
  return bodyOf<Awaited<ReturnType<typeof answerRoute.loader>>>(
    await answerRoute.loader(
      routeArgs(await signedInRequest(`/feedback/${requestId}`, userId), { requestId }),
    ),
  );
}

async function personPage(cycleId: string, personId: string, userId: string) {
  const url = `/feedback/cycles/${cycleId}/people/${personId}`;
  return bodyOf<Awaited<ReturnType<typeof personRoute.loader>>>(
    await personRoute.loader(routeArgs(await signedInRequest(url, userId), { cycleId, personId })),
  );
}

/** A cycle asking for two to four peers, where Lena's nominations of Omar and Priya are approved. */
async function organisation() {
  const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const omar = await createPerson({
    name: "Omar Peer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const priya = await createPerson({ name: "Priya Peer", track: "ic", level: "ic2" });
  const quinn = await createPerson({ name: "Quinn Peer", track: "ic", level: "ic2" });
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${engineer.id}`,
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [manager, engineer, omar].map((person) => ({ userId: person.id })) },
    },
  });
  await post(cycleRoute, `/admin/cycles/${cycle.id}`, admin.id, settingsFields, {
    cycleId: cycle.id,
  });
  const params = { cycleId: cycle.id, personId: engineer.id };
  const url = `/feedback/cycles/${cycle.id}/people/${engineer.id}`;
  for (const reviewer of [omar, priya])
    await post(
      personRoute,
      url,
      engineer.id,
      { intent: "nominate", reviewerId: reviewer.id },
      params,
    );
  const requests = await db.feedbackRequest.findMany({
    where: { cycleId: cycle.id, channel: "peer", subjectId: engineer.id },
  });
  for (const request of requests)
    await post(personRoute, url, manager.id, { intent: "approve", requestId: request.id }, params);
  const requestOf = (reviewerId: string) =>
    requests.find((request) => request.reviewerId === reviewerId)!.id;
  return {
    manager,
    engineer,
    omar,
    priya,
    quinn,
    admin,
    cycle,
    url,
    params,
    omarRequest: requestOf(omar.id),
    priyaRequest: requestOf(priya.id),
  };
}

const snapshot = (cycleId: string) =>
  Promise.all([
    db.feedbackRequest.findMany({
      where: { cycleId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        state: true,
        declineReason: true,
        declinedById: true,
        withdrawnReason: true,
      },
    }),
    db.auditEvent.count({ where: { action: "feedback.request_declined" } }),
  ]);

describe("a reviewer declines a feedback request", () => {
  test("with a reason: the request is declined by them, audited, and the manager reads it and is asked to choose another peer", async () => {
    const org = await organisation();
    const omarRequest = `/feedback/${org.omarRequest}`;
    expect(await answerPage(org.omarRequest, org.omar.id)).toMatchObject({
      mayDecline: true,
      declineReason: null,
      request: { state: "approved" },
    });
    const managerTodos = async () =>
      (await todoFor({ id: org.manager.id, isAdmin: false }))
        .filter((item) => item.kind === "feedback-replace")
        .map(inEnglish);
    expect(await managerTodos()).toEqual([]);

    const declined = await post(
      answerRoute,
      omarRequest,
      org.omar.id,
      { intent: "decline", reason: "  We have not worked together since January.  " },
      { requestId: org.omarRequest },
    );
    expect(declined).toEqual({ status: 302, body: { location: omarRequest } });

    const request = await db.feedbackRequest.findUniqueOrThrow({ where: { id: org.omarRequest } });
    expect(request).toMatchObject({
      state: "declined",
      declineReason: "We have not worked together since January.",
      declinedById: org.omar.id,
    });
    // Nothing else is withdrawn or declined.
    expect(
      await db.feedbackRequest.findUniqueOrThrow({ where: { id: org.priyaRequest } }),
    ).toMatchObject({ state: "approved", declinedById: null });
    const events = await db.auditEvent.findMany({
      where: { action: "feedback.request_declined", subjectId: org.engineer.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: org.omar.id, subjectType: "person" });
    expect(events[0]!.detail).toMatchObject({
      requestId: org.omarRequest,
      reviewerId: org.omar.id,
      reason: "We have not worked together since January.",
    });

    // The reviewer's page says so, and offers nothing more to do.
    expect(await answerPage(org.omarRequest, org.omar.id)).toMatchObject({
      mayDecline: false,
      declineReason: "We have not worked together since January.",
      lockedReason: "feedback:locks.declinedByYou",
      request: { state: "declined" },
    });
    const again = await post(
      answerRoute,
      omarRequest,
      org.omar.id,
      { intent: "decline", reason: "Still no." },
      { requestId: org.omarRequest },
    );
    expect(again).toMatchObject({
      status: 409,
      body: { message: "You already declined this request." },
    });

    // The manager reads who declined and why on the person's page; the person reads that they declined, not the reason.
    const forManager = await personPage(org.cycle.id, org.engineer.id, org.manager.id);
    expect(forManager.live).toBe(1);
    expect(forManager.requests.find((row) => row.id === org.omarRequest)).toMatchObject({
      state: "declined",
      stateLabel: "feedback:requestStates.declinedByColleague",
      declineReason: "We have not worked together since January.",
    });
    const forPerson = await personPage(org.cycle.id, org.engineer.id, org.engineer.id);
    expect(forPerson.requests.find((row) => row.id === org.omarRequest)).toMatchObject({
      stateLabel: "feedback:requestStates.declinedByColleague",
      declineReason: null,
    });

    // Lena now has one peer of the two the cycle asks for: the manager is asked to have someone else chosen, until someone is.
    expect(await managerTodos()).toMatchObject([
      {
        key: `feedback-replace:${org.cycle.id}/${org.engineer.id}`,
        title: "Choose another peer reviewer for Lena Engineer",
        detail: `Omar Peer declined to give feedback; Lena Engineer now has fewer peers than ${org.cycle.name} asks for.`,
      },
    ]);
    await post(
      personRoute,
      org.url,
      org.engineer.id,
      { intent: "nominate", reviewerId: org.quinn.id },
      org.params,
    );
    expect(await managerTodos()).toEqual([]);
  });

  test("an empty reason is a field error and changes nothing", async () => {
    const org = await organisation();
    const before = await snapshot(org.cycle.id);
    for (const reason of ["", "   "]) {
      const reply = await post(
        answerRoute,
        `/feedback/${org.omarRequest}`,
        org.omar.id,
        { intent: "decline", reason },
        { requestId: org.omarRequest },
      );
      expect(reply.status).toBe(400);
      expect((reply.body.reply as { error: Record<string, string[]> }).error.reason).toEqual([
        "feedback:errors.reviewerDeclineReason",
      ]);
    }
    expect(await snapshot(org.cycle.id)).toEqual(before);
  });

  test("only the reviewer declines: anyone else gets the page's 404, and nothing changes", async () => {
    const org = await organisation();
    const before = await snapshot(org.cycle.id);
    for (const someone of [org.manager, org.engineer, org.priya, org.admin]) {
      for (const reason of ["Not mine to answer.", ""]) {
        const reply = await post(
          answerRoute,
          `/feedback/${org.omarRequest}`,
          someone.id,
          { intent: "decline", reason },
          { requestId: org.omarRequest },
        );
        expect(reply).toEqual({
          status: 404,
          body: { message: "We could not find that feedback request." },
        });
      }
      expect(
        statusOf(
          await thrown(async () =>
            answerRoute.loader(
              routeArgs(await signedInRequest(`/feedback/${org.omarRequest}`, someone.id), {
                requestId: org.omarRequest,
              }),
            ),
          ),
        ),
      ).toBe(404);
    }
    expect(await snapshot(org.cycle.id)).toEqual(before);
  });

  test("a submitted request cannot be declined, with a clear message", async () => {
    const org = await organisation();
    await db.feedbackRequest.update({
      where: { id: org.omarRequest },
      data: { state: "submitted", submittedAt: new Date() },
    });
    expect(await answerPage(org.omarRequest, org.omar.id)).toMatchObject({ mayDecline: false });
    const before = await snapshot(org.cycle.id);
    const reply = await post(
      answerRoute,
      `/feedback/${org.omarRequest}`,
      org.omar.id,
      { intent: "decline", reason: "Changed my mind." },
      { requestId: org.omarRequest },
    );
    expect(reply).toMatchObject({
      status: 409,
      body: {
        ok: false,
        message: "You already submitted this feedback, so it can no longer be declined.",
      },
    });
    expect(await snapshot(org.cycle.id)).toEqual(before);
  });

  test("upward feedback offers no decline", async () => {
    const org = await organisation();
    const upward = await db.feedbackRequest.findFirstOrThrow({
      where: {
        cycleId: org.cycle.id,
        channel: "upward",
        subjectId: org.manager.id,
        reviewerId: org.omar.id,
      },
    });
    expect(await answerPage(upward.id, org.omar.id)).toMatchObject({ mayDecline: false });
    const reply = await post(
      answerRoute,
      `/feedback/${upward.id}`,
      org.omar.id,
      { intent: "decline", reason: "Rather not." },
      { requestId: upward.id },
    );
    expect(reply).toMatchObject({
      status: 409,
      body: { message: "Feedback about your manager cannot be declined." },
    });
    expect(await db.feedbackRequest.findUniqueOrThrow({ where: { id: upward.id } })).toMatchObject({
      state: "approved",
      declinedById: null,
    });
  });
});

import { describe, expect, test } from "vitest";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as answerRoute from "~/routes/feedback.$requestId";
import * as saveRoute from "~/routes/feedback.$requestId.save";
import * as personRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import { db } from "~/db/client.server";
import { formatsFor } from "~/i18n/format";
import * as wordCheckRoute from "~/routes/feedback.word-check";
import { feedbackPageForSession } from "~/modules/feedback/person-page.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

/** The feedback pages through their loaders and actions: the admin's settings, the person's picker, the manager's approval and view, the reviewer's answer. */

const settingsFields = {
  intent: "feedback-settings",
  peer: "on",
  upward: "on",
  minPeers: "1",
  maxPeers: "3",
  reviewCap: "4",
  dueOn: "2099-06-30",
  nominator: "person",
  competencies: "level",
  answerKind: "rating",
  namesShown: "never",
};

async function organisation() {
  const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const peer = await createPerson({
    name: "Omar Peer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const stranger = await createPerson({ name: "Nora Stranger", track: "ic", level: "ic2" });
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${engineer.id}`,
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [manager, engineer, peer].map((person) => ({ userId: person.id })) },
    },
  });
  return { manager, engineer, peer, stranger, admin, cycle };
}

async function post(
  route: { action: RouteFunction },
  url: string,
  userId: string,
  fields: Record<string, string>,
  params: Record<string, string>,
) {
  // Answered or thrown, a redirect's address or the body.
  const answered = (value: unknown) => ({
    status: statusOf(value),
    body:
      value instanceof Response
        ? { location: value.headers.get("Location") }
        : bodyOf<Record<string, unknown>>(value),
  });
  try {
    return answered(await route.action(routeArgs(await signedInPost(url, userId, fields), params)));
  } catch (error) {
    return answered(error);
  }
}

describe("the feedback pages", () => {
  test("an admin sets a cycle's feedback on its page; a bad form changes nothing", async () => {
    const org = await organisation();
    const url = `/admin/cycles/${org.cycle.id}`;
    const params = { cycleId: org.cycle.id };
    const bad = await post(
      cycleRoute,
      url,
      org.admin.id,
      { ...settingsFields, minPeers: "4" },
      params,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("feedback:settings.errors.maxBelowMin");
    expect(await db.feedbackSettings.count({ where: { cycleId: org.cycle.id } })).toBe(0);
    // Saved, the page is asked for again with what was done (decision 157).
    expect(await post(cycleRoute, url, org.admin.id, settingsFields, params)).toEqual({
      status: 302,
      body: { location: `${url}?done=feedbackSaved#feedback` },
    });
    expect(
      await db.feedbackSettings.findUniqueOrThrow({ where: { cycleId: org.cycle.id } }),
    ).toMatchObject({ peer: true, upward: true, minPeers: 1, maxPeers: 3, reviewCap: 4 });
    const page = bodyOf<{ feedbackValues: Record<string, unknown> }>(
      await cycleRoute.loader(routeArgs(await signedInRequest(url, org.admin.id), params)),
    );
    expect(page.feedbackValues).toMatchObject({ peer: true, minPeers: "1", dueOn: "2099-06-30" });
    expect((await post(cycleRoute, url, org.manager.id, settingsFields, params)).status).toBe(403);
  });

  test("the person nominates, the manager approves, the reviewer answers, and the manager reads it beside the self-assessment", async () => {
    const org = await organisation();
    await post(cycleRoute, `/admin/cycles/${org.cycle.id}`, org.admin.id, settingsFields, {
      cycleId: org.cycle.id,
    });
    const params = { cycleId: org.cycle.id, personId: org.engineer.id };
    const url = `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`;

    const own = bodyOf<Awaited<ReturnType<typeof personRoute.loader>>>(
      await personRoute.loader(routeArgs(await signedInRequest(url, org.engineer.id), params)),
    );
    expect(own).toMatchObject({ isSubject: true, mayNominate: true, live: 0 });
    // Omar reports to the same manager; nobody else shares anything with Lena.
    expect(own.suggestions).toMatchObject([
      { id: org.peer.id, ties: [{ key: "feedback:ties.sameManager" }] },
    ]);
    expect(
      (
        await post(
          personRoute,
          url,
          org.engineer.id,
          { intent: "nominate", email: "nobody@example.com" },
          params,
        )
      ).body,
    ).toMatchObject({ error: "Nobody in Rungs has the email nobody@example.com." });
    // Whoever the person's choices are not learns nothing: not whose an email is (the same answer for a colleague's and for
    // nobody's), nor whether the person is there (the same answer as for an id nobody has).
    // (The manager may always choose: the nominations' own tests.)
    const nobody = { cycleId: org.cycle.id, personId: "no-such-person" };
    const asForNobody = await post(
      personRoute,
      `/feedback/cycles/${org.cycle.id}/people/no-such-person`,
      org.stranger.id,
      { intent: "nominate", email: "nobody@example.com" },
      nobody,
    );
    expect(asForNobody.status).toBe(404);
    // Nor whether a cycle is there: the same answer for a cycle nobody has.
    const noCycle = { cycleId: "no-such-cycle", personId: org.engineer.id };
    expect(
      await post(
        personRoute,
        `/feedback/cycles/no-such-cycle/people/${org.engineer.id}`,
        org.stranger.id,
        { intent: "nominate", email: "nobody@example.com" },
        noCycle,
      ),
    ).toEqual(asForNobody);
    // The same for the person's other actions: choosing what their feedback asks about, and taking it to a one-to-one.
    for (const fields of [
      { intent: "pick-competencies", competencyId: "x" },
      { intent: "to-one-to-one", competencyId: "x" },
    ]) {
      const inCycle = await post(personRoute, url, org.stranger.id, fields, params);
      expect(inCycle.status).toBe(404);
      expect(
        await post(
          personRoute,
          `/feedback/cycles/no-such-cycle/people/${org.engineer.id}`,
          org.stranger.id,
          fields,
          noCycle,
        ),
      ).toEqual(inCycle);
    }
    for (const outsider of [org.stranger, org.peer]) {
      const known = await post(
        personRoute,
        url,
        outsider.id,
        { intent: "nominate", email: org.stranger.email },
        params,
      );
      const unknown = await post(
        personRoute,
        url,
        outsider.id,
        { intent: "nominate", email: "nobody@example.com" },
        params,
      );
      expect(known).toEqual(asForNobody);
      expect(unknown).toEqual(asForNobody);
    }
    // Nor does the one who may: a deactivated colleague's email gets the answer nobody's does, for their nomination and for the manager's swap.
    const gone = await createPerson({
      name: "Gina Gone",
      track: "ic",
      level: "ic2",
      deactivatedAt: new Date(),
    });
    expect(
      (
        await post(
          personRoute,
          url,
          org.engineer.id,
          { intent: "nominate", email: gone.email },
          params,
        )
      ).body,
    ).toMatchObject({ error: `Nobody in Rungs has the email ${gone.email}.` });
    expect(
      await db.feedbackRequest.count({ where: { cycleId: org.cycle.id, channel: "peer" } }),
    ).toBe(0);
    expect(
      (
        await post(
          personRoute,
          url,
          org.engineer.id,
          { intent: "nominate", email: org.peer.email.toUpperCase() },
          params,
        )
      ).body,
    ).toEqual({ location: `${url}?done=nominated` });
    const nominated = await db.feedbackRequest.findFirstOrThrow({
      where: { cycleId: org.cycle.id, reviewerId: org.peer.id },
    });
    const swapped = await post(
      personRoute,
      url,
      org.manager.id,
      { intent: "swap", requestId: nominated.id, email: gone.email, reason: "Another colleague" },
      params,
    );
    expect(swapped.body).toMatchObject({ error: `Nobody in Rungs has the email ${gone.email}.` });
    expect(
      await db.feedbackRequest.findUniqueOrThrow({ where: { id: nominated.id } }),
    ).toMatchObject({ state: "nominated", reviewerId: org.peer.id });
    expect(
      statusOf(
        await thrown(async () =>
          personRoute.loader(routeArgs(await signedInRequest(url, org.stranger.id), params)),
        ),
      ),
    ).toBe(404);

    const forManager = bodyOf<Awaited<ReturnType<typeof personRoute.loader>>>(
      await personRoute.loader(routeArgs(await signedInRequest(url, org.manager.id), params)),
    );
    expect(forManager).toMatchObject({ isManager: true, mayDecide: true });
    const requestId = forManager.requests[0]!.id;
    expect(
      (await post(personRoute, url, org.manager.id, { intent: "approve", requestId }, params)).body,
    ).toEqual({ location: `${url}?done=approved` });

    const answerUrl = `/feedback/${requestId}`;
    expect(
      statusOf(
        await thrown(async () =>
          answerRoute.loader(
            routeArgs(await signedInRequest(answerUrl, org.stranger.id), { requestId }),
          ),
        ),
      ),
    ).toBe(404);
    const form = bodyOf<Awaited<ReturnType<typeof answerRoute.loader>>>(
      await answerRoute.loader(
        routeArgs(await signedInRequest(answerUrl, org.peer.id), { requestId }),
      ),
    );
    const competencyId = form.competencies[0]!.id;
    await db.user.update({ where: { id: org.peer.id }, data: { timeZone: "Asia/Tokyo" } });
    const saved = await saveRoute.action(
      routeArgs(
        await signedInRequest(`${answerUrl}/save`, org.peer.id, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            baseRevision: form.request.revision,
            changes: [
              {
                field: `notes:${competencyId}`,
                value: "When the checkout migration stalled in March she wrote the rollback plan.",
                base: "",
              },
            ],
          }),
        }),
        { requestId },
      ),
    );
    expect(saved.status).toBe(200);
    // Said in the reviewer's words and on their clock, for the page's draft script (decision 167).
    const savedBody = (await saved.json()) as { savedAt: string; said: string };
    expect(savedBody.said).toBe(
      `Saved at ${formatsFor("en", "Asia/Tokyo").timeOfDay(savedBody.savedAt)}`,
    );
    expect(savedBody.said).toMatch(/\(Asia\/Tokyo\)$/);
    // An answer that would carry a change of direction out of its text is refused, as a form's (decision 107).
    const overridden = await saveRoute.action(
      routeArgs(
        await signedInRequest(`${answerUrl}/save`, org.peer.id, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            baseRevision: form.request.revision + 1,
            changes: [{ field: `notes:${competencyId}`, value: "\u202E", base: "" }],
          }),
        }),
        { requestId },
      ),
    );
    expect(overridden.status).toBe(400);
    expect(JSON.stringify(await overridden.json())).toContain(
      "a character that reverses the order of letters (U+202E)",
    );
    // A revision not written as the page writes it is refused, and nothing is submitted; a stale one still is.
    for (const revision of ["01", "0999999999999", "1.0", "", "one"]) {
      expect(
        await post(
          answerRoute,
          answerUrl,
          org.peer.id,
          { intent: "submit", revision },
          { requestId },
        ),
      ).toEqual({
        status: 400,
        body: {
          ok: false,
          kind: "invalid",
          message: "That submission was not understood; nothing was submitted.",
          intent: "submit",
          typed: {},
        },
      });
    }
    expect(
      await post(answerRoute, answerUrl, org.peer.id, { intent: "submit" }, { requestId }),
    ).toMatchObject({ status: 400 });
    expect(
      await db.feedbackRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { state: true },
      }),
    ).toEqual({ state: "approved" });
    expect(
      await post(
        answerRoute,
        answerUrl,
        org.peer.id,
        { intent: "submit", revision: "0" },
        { requestId },
      ),
    ).toMatchObject({ status: 409, body: { kind: "stale" } });
    // Without the draft script, the form's fields come with the submit (`base`, what it was
    // rendered with): what was typed is saved first. Refused, nothing is submitted and what was
    // typed comes back to be shown again.
    const notes = `notes:${competencyId}`;
    const example = "When the checkout migration stalled in March she wrote the rollback plan.";
    const typed = `${example} She then ran the rehearsal with the on-call team.`;
    const plain = (text: string) => ({
      intent: "submit",
      revision: "1",
      base: JSON.stringify({ [notes]: example }),
      [notes]: text,
    });
    expect(
      await post(answerRoute, answerUrl, org.peer.id, plain(`${typed}\u202E`), { requestId }),
    ).toMatchObject({
      status: 400,
      body: { intent: "submit", typed: { [notes]: `${typed}\u202E` } },
    });
    expect(
      await post(
        answerRoute,
        answerUrl,
        org.peer.id,
        { ...plain(typed), base: "{" },
        { requestId },
      ),
    ).toMatchObject({ status: 400, body: { kind: "invalid" } });
    expect(
      await db.feedbackRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { state: true },
      }),
    ).toEqual({ state: "approved" });
    expect(
      await post(answerRoute, answerUrl, org.peer.id, plain(typed), { requestId }),
    ).toMatchObject({ status: 302, body: { location: `/feedback/${requestId}?submitted=1` } });
    expect(
      await db.feedbackAnswer.findFirstOrThrow({ where: { requestId, competencyId } }),
    ).toMatchObject({ example: typed });

    // The engineer's self-assessment, submitted, sits beside the answers for the manager.
    const request = await db.feedbackRequest.findUniqueOrThrow({ where: { id: requestId } });
    await db.assessment.create({
      data: {
        kind: "self",
        status: "submitted",
        submittedAt: new Date(),
        subjectId: org.engineer.id,
        authorId: org.engineer.id,
        cycleId: org.cycle.id,
        ladderVersionId: request.ladderVersionId,
        trackId: request.trackId,
        levelId: request.levelId,
        // A second competency no colleague answered: the page shows nothing of it, so nothing of it is sent.
        ratings: {
          create: [
            { competencyId, rating: 3, notes: "I led the migration." },
            {
              competencyId: competencyId === "testing" ? "code-quality" : "testing",
              rating: 2,
              notes: "UNANSWERED-SELF-NOTE",
            },
          ],
        },
      },
    });
    const view = bodyOf<Awaited<ReturnType<typeof personRoute.loader>>>(
      await personRoute.loader(routeArgs(await signedInRequest(url, org.manager.id), params)),
    );
    expect(view.peer?.release).toMatchObject({ view: "named" });
    if (view.peer?.release.view !== "named") return;
    expect(
      view.peer.release.competencies.find((competency) => competency.competencyId === competencyId)
        ?.answers,
    ).toMatchObject([{ authorName: "Omar Peer" }]);
    expect(view.selfAssessment?.ratings[competencyId]).toEqual({
      rating: 3,
      notes: "I led the migration.",
    });
    expect(Object.keys(view.selfAssessment?.ratings ?? {})).toEqual([competencyId]);
    expect(JSON.stringify(view)).not.toContain("UNANSWERED-SELF-NOTE");
    // The person reads nothing before their outcome is released.
    const beforeRelease = bodyOf<Awaited<ReturnType<typeof personRoute.loader>>>(
      await personRoute.loader(routeArgs(await signedInRequest(url, org.engineer.id), params)),
    );
    expect(beforeRelease.peer).toBeNull();
    expect(beforeRelease.selfAssessment).toBeNull();
  });

  test("a calibrator of a session with the person reads a summary with counts, linked from the session's entry", async () => {
    const org = await organisation();
    const fields = { ...settingsFields, minPeers: "3" };
    await post(cycleRoute, `/admin/cycles/${org.cycle.id}`, org.admin.id, fields, {
      cycleId: org.cycle.id,
    });
    const reviewers = [
      org.peer,
      await createPerson({ name: "Priya Peer", track: "ic", level: "ic2" }),
      await createPerson({ name: "Quinn Peer", track: "ic", level: "ic2" }),
    ];
    const params = { cycleId: org.cycle.id, personId: org.engineer.id };
    const url = `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`;
    for (const reviewer of reviewers) {
      await post(
        personRoute,
        url,
        org.engineer.id,
        { intent: "nominate", reviewerId: reviewer.id },
        params,
      );
    }
    const requests = await db.feedbackRequest.findMany({
      where: { cycleId: org.cycle.id, subjectId: org.engineer.id, channel: "peer" },
    });
    for (const request of requests) {
      await post(
        personRoute,
        url,
        org.manager.id,
        { intent: "approve", requestId: request.id },
        params,
      );
      const competencyId = (JSON.parse(request.competencyIds) as string[])[0]!;
      await db.feedbackAnswer.create({
        data: {
          requestId: request.id,
          competencyId,
          rating: 3,
          example: "In the March review they split the migration into steps.",
        },
      });
      await db.feedbackRequest.update({
        where: { id: request.id },
        data: { state: "submitted", submittedAt: new Date() },
      });
    }
    const calibrator = await createPerson({
      name: "Cal Calibrator",
      track: "manager",
      level: "m2",
    });
    const session = await db.calibrationSession.create({
      data: {
        name: "Spring calibration",
        cycleId: org.cycle.id,
        facilitatorId: org.admin.id,
        state: "live",
        ladderId: "engineering",
        ladderVersionId: requests[0]!.ladderVersionId,
        groupFloor: 4,
        calibrators: { create: [{ userId: calibrator.id }] },
      },
    });
    await db.calibrationEntry.create({
      data: { sessionId: session.id, personId: org.engineer.id, managerId: org.manager.id },
    });
    expect(await feedbackPageForSession(session.id, org.engineer.id)).toBe(url);

    const page = bodyOf<Awaited<ReturnType<typeof personRoute.loader>>>(
      await personRoute.loader(routeArgs(await signedInRequest(url, calibrator.id), params)),
    );
    expect(page.requests).toEqual([]);
    expect(page.peer?.release).toMatchObject({
      view: "summary",
      release: { released: true, authors: 3 },
    });
    if (page.peer?.release.view !== "summary") return;
    const competencyId = (JSON.parse(requests[0]!.competencyIds) as string[])[0]!;
    expect(
      page.peer.release.release.competencies.find(
        (competency) => competency.competencyId === competencyId,
      ),
    ).toMatchObject({ shown: true, count: 3, averageRating: 3, answers: [] });
    expect(JSON.stringify(page.peer)).not.toMatch(/Peer|March/);
  });

  test("the word check answers the answer page's draft script as an example is typed: advice in the reader's words, none for an example, only to someone signed in", async () => {
    const org = await organisation();
    const advice = async (text: string, language = "en") => {
      const request = await signedInRequest("/feedback/word-check", org.peer.id, {
        method: "POST",
        body: new URLSearchParams({ text }),
        headers: { "Accept-Language": language },
      });
      return (await wordCheckRoute.action(routeArgs(request))).json();
    };
    expect(await advice("Lena can be abrasive.")).toEqual({
      advice: [
        "“abrasive” describes a person rather than what they did. Describe the behaviour and its effect instead: what happened, when, and what it changed.",
        "Say a little more (12 words or more): describe the behaviour and its effect.",
      ],
    });
    expect(
      await advice(
        "When the checkout migration stalled in March she wrote the rollback plan and walked the team through it.",
      ),
    ).toEqual({ advice: [] });
    expect(await advice("  ")).toEqual({ advice: [] });
    const signedOut = await thrown(async () =>
      wordCheckRoute.action(
        routeArgs(
          new Request("http://localhost/feedback/word-check", {
            method: "POST",
            body: new URLSearchParams({ text: "abrasive" }),
          }),
        ),
      ),
    );
    expect(statusOf(signedOut)).toBe(302);
  });
});

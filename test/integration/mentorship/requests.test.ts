import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { publishPairs, runMatching } from "~/modules/mentorship/matching.server";
import { createProgramme } from "~/modules/mentorship/programmes.server";
import { answerRequest, askMentor } from "~/modules/mentorship/requests.server";
import {
  action as matchingAction,
  loader as matchingLoader,
} from "~/routes/mentorship.$programmeId.matching";
import {
  action as mentorsAction,
  loader as mentorsLoader,
} from "~/routes/mentorship.$programmeId.mentors";
import { loader as pairLoader } from "~/routes/mentorship.$programmeId.pairs.$pairId";
import {
  action as requestsAction,
  loader as requestsLoader,
} from "~/routes/mentorship.$programmeId.requests";
import { action as joinAction } from "~/routes/mentorship.$programmeId.join";
import { loader as homeLoader } from "~/routes/_index";
import { createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import * as requestsRoute from "~/routes/mentorship.$programmeId.requests";
import * as mentorsRoute from "~/routes/mentorship.$programmeId.mentors";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import {
  call,
  day,
  joinAs,
  parsedFields,
  programmeFields,
  setUp,
  submittedReview,
} from "./helpers";
import { inEnglish } from "../../utils/todo-words";
import { inEnglishWords } from "../../utils/english";

type MentorsView = Awaited<ReturnType<typeof mentorsLoader>>;
type RequestsView = Awaited<ReturnType<typeof requestsLoader>>;

/**
 * Sam manages Lena (ic2, goals testing and system design) and Omar (ic1); Ravi (ic4), Nora (ic5),
 * Kai and Mia (ic4) mentor, one mentee each, from Search; Sam offers to mentor too.
 */
async function programmeWithMentors() {
  const org = await setUp();
  const kai = await createPerson({
    name: "Kai Senior",
    track: "ic",
    level: "ic4",
    teamId: org.teams.search.id,
  });
  const mia = await createPerson({
    name: "Mia Senior",
    track: "ic",
    level: "ic4",
    teamId: org.teams.search.id,
  });
  const { programmeId } = org;
  await joinAs(org.lena, programmeId, "mentee", ["testing", "system-design"]);
  await joinAs(org.omar, programmeId, "mentee", ["testing"]);
  await joinAs(org.ravi, programmeId, "mentor", ["testing"], { capacity: 1 });
  await joinAs(org.nora, programmeId, "mentor", ["system-design"], { capacity: 1 });
  await joinAs(kai, programmeId, "mentor", ["security"], { capacity: 1 });
  await joinAs(mia, programmeId, "mentor", ["testing"], { capacity: 1 });
  await joinAs(org.sam, programmeId, "mentor", ["testing", "system-design"], { capacity: 2 });
  return { ...org, kai, mia };
}

async function mentorshipTodos(personId: string) {
  const home = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
    await homeLoader(routeArgs(await signedInRequest("/", personId))),
  );
  return home.todo
    .filter((item) => item.kind.startsWith("mentorship-request"))
    .map((item) => [item.kind, inEnglish(item).title]);
}

describe("mentees who choose", () => {
  test("a mentee asks three mentors in order; a fourth and their own manager are refused with the reason; a mentor accepts and the pair exists; the matching keeps it and explains it", async () => {
    const { admin, lena, sam, ravi, nora, kai, mia, programmeId } = await programmeWithMentors();
    const mentors = async (personId: string, programme = programmeId) =>
      call(async () =>
        mentorsLoader(
          routeArgs(await signedInRequest(`/mentorship/${programme}/mentors`, personId), {
            programmeId: programme,
          }),
        ),
      );
    const ask = async (personId: string, fields: Record<string, string>, programme = programmeId) =>
      call(async () =>
        mentorsAction(
          routeArgs(await signedInPost(`/mentorship/${programme}/mentors`, personId, fields), {
            programmeId: programme,
          }),
        ),
      );
    const answer = async (
      personId: string,
      fields: Record<string, string>,
      programme = programmeId,
    ) =>
      call(async () =>
        requestsAction(
          routeArgs(await signedInPost(`/mentorship/${programme}/requests`, personId, fields), {
            programmeId: programme,
          }),
        ),
      );

    // Ravi is strong in system design by his latest manager review (which he may read, having assessed himself), besides the testing he offers.
    await submittedReview(ravi.id, ravi.id, "self", "ic4", { "system-design": 3 });
    await submittedReview(ravi.id, admin.id, "manager", "ic4", { "system-design": 4, testing: 2 });
    const page = bodyOf<MentorsView>(await mentors(lena.id));
    const profile = (name: string) => page.profiles.find((candidate) => candidate.name === name)!;
    expect(page.profiles.map((candidate) => candidate.name)).toEqual([
      kai.name,
      mia.name,
      nora.name,
      ravi.name,
      sam.name,
    ]);
    expect(profile(ravi.name)).toMatchObject({ placesLeft: 1, timeZone: "UTC", canAsk: true });
    expect(
      profile(ravi.name).canHelpWith.map((competency) => [
        competency.name,
        competency.offered,
        competency.fromReview,
      ]),
    ).toEqual([
      ["Testing and verification", true, false],
      ["System design and architecture", false, true],
    ]);
    // Only what the profile shows: no rating, no level, no team. Ids are left out of the match: a
    // random id may hold "ic4" or "team".
    const shown = JSON.stringify(page.profiles, (key, value: unknown) =>
      key === "id" ? undefined : value,
    );
    expect(shown).not.toMatch(/rating|"level|team|ic4/i);
    expect(profile(sam.name)).toMatchObject({
      canAsk: false,
      refusal: { key: "mentorship:requests.rule.mentorInChain", values: { name: sam.name } },
    });

    // Her own manager: refused with the reason, and nothing written.
    const refused = await ask(lena.id, { intent: "ask", mentorId: sam.id, rank: "1" });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe(
      "Sam Manager is in your management chain; a mentor comes from outside it.",
    );
    expect(await db.mentorshipRequest.count({ where: { programmeId } })).toBe(0);

    // Three in order of preference.
    expect(statusOf(await ask(lena.id, { intent: "ask", mentorId: nora.id, rank: "1" }))).toBe(302);
    expect(statusOf(await ask(lena.id, { intent: "ask", mentorId: ravi.id, rank: "2" }))).toBe(302);
    const rankTaken = await ask(lena.id, { intent: "ask", mentorId: kai.id, rank: "2" });
    expect(statusOf(rankTaken)).toBe(400);
    expect(bodyOf<{ error: string }>(rankTaken).error).toBe(
      "Ravi Senior is already your second choice. Choose another place, or withdraw that request first.",
    );
    expect(statusOf(await ask(lena.id, { intent: "ask", mentorId: kai.id, rank: "3" }))).toBe(302);
    // A fourth is refused.
    const fourth = await ask(lena.id, { intent: "ask", mentorId: mia.id, rank: "1" });
    expect(statusOf(fourth)).toBe(400);
    expect(bodyOf<{ error: string }>(fourth).error).toBe(
      "You can ask up to 3 mentors at a time. Withdraw a request to ask someone else.",
    );
    const asked = await db.mentorshipRequest.findMany({
      where: { programmeId, menteeId: lena.id },
      orderBy: { rank: "asc" },
      select: { mentorId: true, rank: true, state: true },
    });
    expect(asked).toEqual([
      { mentorId: nora.id, rank: 1, state: "requested" },
      { mentorId: ravi.id, rank: 2, state: "requested" },
      { mentorId: kai.id, rank: 3, state: "requested" },
    ]);
    expect(
      bodyOf<MentorsView>(await mentors(lena.id)).requests.map((request) => [
        request.rank,
        request.mentorName,
        request.standing,
      ]),
    ).toEqual([
      [
        1,
        nora.name,
        { key: "mentorship:requests.standing.requested", values: { name: nora.name } },
      ],
      [
        2,
        ravi.name,
        { key: "mentorship:requests.standing.requested", values: { name: ravi.name } },
      ],
      [3, kai.name, { key: "mentorship:requests.standing.requested", values: { name: kai.name } }],
    ]);

    // Each mentor is asked on their home page, and sees who asked and their goals.
    expect(await mentorshipTodos(nora.id)).toEqual([
      ["mentorship-request", `Answer a request from ${lena.name} for you as their mentor`],
    ]);
    const noraRequests = bodyOf<RequestsView>(
      await requestsLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/requests`, nora.id), {
          programmeId,
        }),
      ),
    );
    expect(
      noraRequests.requests.map((request) => [
        request.menteeName,
        request.rank,
        request.goals,
        request.canAnswer,
      ]),
    ).toEqual([
      [lena.name, 1, ["Testing and verification", "System design and architecture"], true],
    ]);
    const lenaToNora = noraRequests.requests[0]!.id;

    // Only the mentor asked answers it: the mentee gets a 403; another mentor a 404.
    expect(statusOf(await answer(lena.id, { intent: "accept", requestId: lenaToNora }))).toBe(403);
    expect(statusOf(await answer(ravi.id, { intent: "accept", requestId: lenaToNora }))).toBe(404);

    // Nora accepts: the pair exists, active, requested; Lena's other requests are withdrawn and their mentors no longer asked.
    expect(statusOf(await answer(nora.id, { intent: "accept", requestId: lenaToNora }))).toBe(302);
    const pair = await db.mentorshipPair.findFirstOrThrow({
      where: { programmeId, menteeId: lena.id },
      select: { id: true, mentorId: true, status: true, source: true, activeSince: true },
    });
    expect(pair).toMatchObject({ mentorId: nora.id, status: "active", source: "requested" });
    expect(pair.activeSince).not.toBeNull();
    expect(
      (
        await db.mentorshipRequest.findMany({
          where: { programmeId, menteeId: lena.id },
          orderBy: { rank: "asc" },
          select: { state: true },
        })
      ).map((row) => row.state),
    ).toEqual(["accepted", "withdrawn", "withdrawn"]);
    expect(await mentorshipTodos(ravi.id)).toEqual([]);
    expect(await mentorshipTodos(nora.id)).toEqual([]);
    // Answered once.
    expect(
      bodyOf<{ error: string }>(await answer(nora.id, { intent: "decline", requestId: lenaToNora }))
        .error,
    ).toBe("You have already answered this request.");
    // Nora's one place is taken; Lena has her mentor and asks nobody else.
    expect(
      bodyOf<MentorsView>(await mentors(lena.id)).profiles.find(
        (candidate) => candidate.name === nora.name,
      ),
    ).toMatchObject({ placesLeft: 0 });
    expect(
      bodyOf<{ error: string }>(await ask(lena.id, { intent: "ask", mentorId: mia.id, rank: "2" }))
        .error,
    ).toBe(`${nora.name} accepted your request: you have your mentor in this programme.`);

    // The pair's page says how it came about.
    const pairView = bodyOf<Awaited<ReturnType<typeof pairLoader>>>(
      await pairLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/pairs/${pair.id}`, lena.id), {
          programmeId,
          pairId: pair.id,
        }),
      ),
    );
    expect([pairView.pair.source, pairView.requestRank]).toEqual(["requested", 1]);
    expect(pairView.factors.map((factor) => inEnglishWords(factor.text))).toContain(
      "Covers 1 of 2 goals: System design and architecture (gap 1)",
    );

    // The matching places everyone else around the accepted request and keeps it as it is.
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { matchingOn: new Date(Date.now() - 60_000) },
    });
    expect(
      statusOf(
        await call(async () =>
          matchingAction(
            routeArgs(
              await signedInPost(`/mentorship/${programmeId}/matching`, admin.id, {
                intent: "run",
                objective: "most-matched",
              }),
              { programmeId },
            ),
          ),
        ),
      ),
    ).toBe(302);
    const matching = async (query: string) =>
      bodyOf<Awaited<ReturnType<typeof matchingLoader>>>(
        await matchingLoader(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/matching${query}`, admin.id),
            { programmeId },
          ),
        ),
      );
    const proposed = await matching("");
    expect(proposed.pairs.map((row) => row.menteeName)).not.toContain(lena.name);
    expect(proposed.pairs.map((row) => row.mentorName)).not.toContain(nora.name);
    expect(proposed.lastRun?.summary).toMatchObject({ requested: 1 });
    const active = await matching("?status=active");
    expect(
      active.pairs.map((row) => [row.menteeName, row.mentorName, row.source, row.rank]),
    ).toEqual([[lena.name, nora.name, "requested", 1]]);
  });

  test("a mentor declines with a note; the mentee is told on the home page until they ask someone else", async () => {
    const { omar, ravi, mia, programmeId } = await programmeWithMentors();
    const post = async (
      route: "mentors" | "requests",
      personId: string,
      fields: Record<string, string>,
    ) =>
      call(async () =>
        (route === "mentors" ? mentorsAction : requestsAction)(
          routeArgs(await signedInPost(`/mentorship/${programmeId}/${route}`, personId, fields), {
            programmeId,
          }),
        ),
      );
    expect(
      statusOf(await post("mentors", omar.id, { intent: "ask", mentorId: ravi.id, rank: "1" })),
    ).toBe(302);
    const request = await db.mentorshipRequest.findFirstOrThrow({
      where: { programmeId, menteeId: omar.id },
      select: { id: true },
    });
    const tooLong = await post("requests", ravi.id, {
      intent: "decline",
      requestId: request.id,
      note: "x".repeat(501),
    });
    expect(statusOf(tooLong)).toBe(400);
    // The page is sent as HTML (decision 144): the refusal comes back as a document with the note
    // as typed, in that request's field.
    const refusedPage = await renderPage(
      requestsRoute as unknown as PageModule,
      "/mentorship/:programmeId/requests",
      `/mentorship/${programmeId}/requests`,
      ravi.id,
      new URLSearchParams({ intent: "decline", requestId: request.id, note: "x".repeat(501) }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toMatch(
      new RegExp(`<textarea[^>]*name="note"[^>]*>${"x".repeat(501)}</textarea>`),
    );
    expect(
      await db.mentorshipRequest.findUniqueOrThrow({
        where: { id: request.id },
        select: { state: true },
      }),
    ).toEqual({ state: "requested" });
    expect(
      statusOf(
        await post("requests", ravi.id, {
          intent: "decline",
          requestId: request.id,
          note: "Full this spring; Mia knows testing well.",
        }),
      ),
    ).toBe(302);

    expect(await mentorshipTodos(omar.id)).toEqual([
      ["mentorship-request-declined", `Choose another mentor: ${ravi.name} declined your request`],
    ]);
    const page = bodyOf<MentorsView>(
      await mentorsLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/mentors`, omar.id), {
          programmeId,
        }),
      ),
    );
    expect(page.requests.map((row) => row.standing)).toEqual([
      {
        key: "mentorship:requests.standing.declinedWithNote",
        values: { name: ravi.name, note: "Full this spring; Mia knows testing well." },
      },
    ]);
    expect(page.profiles.find((profile) => profile.name === ravi.name)?.canAsk).toBe(false);
    // Asking someone else is the answer to that to-do; nor is a declined pair proposed by the matching.
    expect(
      statusOf(await post("mentors", omar.id, { intent: "ask", mentorId: mia.id, rank: "1" })),
    ).toBe(302);
    expect(await mentorshipTodos(omar.id)).toEqual([]);
    // Omar withdraws it: Mia is no longer asked.
    const toMia = await db.mentorshipRequest.findFirstOrThrow({
      where: { programmeId, menteeId: omar.id, mentorId: mia.id },
      select: { id: true },
    });
    expect(
      statusOf(await post("mentors", mia.id, { intent: "withdraw", requestId: toMia.id })),
    ).toBe(403);
    expect(
      statusOf(await post("mentors", omar.id, { intent: "withdraw", requestId: toMia.id })),
    ).toBe(302);
    expect(await mentorshipTodos(mia.id)).toEqual([]);
  });

  test("a mentor who leaves the programme declines what waits for them; the mentee reads that they left, in their language, with no note the mentor did not write", async () => {
    const { omar, ravi, programmeId } = await programmeWithMentors();
    const ask = await call(async () =>
      mentorsAction(
        routeArgs(
          await signedInPost(`/mentorship/${programmeId}/mentors`, omar.id, {
            intent: "ask",
            mentorId: ravi.id,
            rank: "1",
          }),
          { programmeId },
        ),
      ),
    );
    expect(statusOf(ask)).toBe(302);
    const leave = await call(async () =>
      joinAction(
        routeArgs(
          await signedInPost(`/mentorship/${programmeId}/join?as=mentor`, ravi.id, {
            intent: "withdraw",
          }),
          { programmeId },
        ),
      ),
    );
    expect(statusOf(leave)).toBe(302);
    expect(
      await db.mentorshipRequest.findFirstOrThrow({
        where: { programmeId, menteeId: omar.id, mentorId: ravi.id },
        select: { state: true, declineNote: true },
      }),
    ).toEqual({ state: "declined", declineNote: null });
    const page = bodyOf<MentorsView>(
      await mentorsLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/mentors`, omar.id), {
          programmeId,
        }),
      ),
    );
    expect(page.requests.map((row) => row.standing)).toEqual([
      { key: "mentorship:requests.standing.mentorLeft", values: { name: ravi.name } },
    ]);
  });

  test("a mentor's answer to a request is due before the matching day, where a week would run past it", async () => {
    const { lena, omar, ravi, nora, programmeId } = await programmeWithMentors();
    const matchingOn = new Date(`${day(3)}T00:00:00Z`);
    await db.mentorshipProgramme.update({ where: { id: programmeId }, data: { matchingOn } });
    await askMentor(lena, programmeId, { mentorId: nora.id, rank: 1 });
    await askMentor(omar, programmeId, { mentorId: ravi.id, rank: 1 });
    // Asked ten days before the matching day, Ravi has his week.
    const tenDaysBefore = new Date(matchingOn.getTime() - 10 * 86_400_000);
    await db.mentorshipRequest.updateMany({
      where: { programmeId, menteeId: omar.id },
      data: { requestedAt: tenDaysBefore },
    });
    const due = async (personId: string) =>
      bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
        await homeLoader(routeArgs(await signedInRequest("/", personId))),
      ).todo.find((item) => item.kind === "mentorship-request")?.due;
    expect(await due(nora.id)).toEqual(new Date(matchingOn.getTime() - 86_400_000));
    expect(await due(ravi.id)).toEqual(new Date(tenDaysBefore.getTime() + 7 * 86_400_000));
  });

  test("four requests at once leave three", async () => {
    const { omar, ravi, nora, kai, mia, programmeId } = await programmeWithMentors();
    const asks = await Promise.all(
      [ravi, nora, kai, mia].map((mentor, index) =>
        call(() => askMentor(omar, programmeId, { mentorId: mentor.id, rank: (index % 3) + 1 })),
      ),
    );
    // One is refused (its rank or the count), none fails: a write conflict is retried.
    expect(
      asks.filter((result) => result instanceof Error).map((error) => (error as Error).name),
    ).toEqual(["InvalidError"]);
    const live = await db.mentorshipRequest.findMany({
      where: { programmeId, menteeId: omar.id, state: "requested" },
      select: { rank: true },
    });
    expect(live.map((request) => request.rank).sort()).toEqual([1, 2, 3]);
  });

  test("two mentors accepting the same mentee at once make one pair; the other is told", async () => {
    const { lena, ravi, nora, programmeId } = await programmeWithMentors();
    const post = async (
      route: "mentors" | "requests",
      personId: string,
      fields: Record<string, string>,
    ) =>
      call(async () =>
        (route === "mentors" ? mentorsAction : requestsAction)(
          routeArgs(await signedInPost(`/mentorship/${programmeId}/${route}`, personId, fields), {
            programmeId,
          }),
        ),
      );
    expect(
      statusOf(await post("mentors", lena.id, { intent: "ask", mentorId: nora.id, rank: "1" })),
    ).toBe(302);
    expect(
      statusOf(await post("mentors", lena.id, { intent: "ask", mentorId: ravi.id, rank: "2" })),
    ).toBe(302);
    const ids = await db.mentorshipRequest.findMany({
      where: { programmeId, menteeId: lena.id },
      orderBy: { rank: "asc" },
      select: { id: true },
    });
    const answers = await Promise.all([
      post("requests", nora.id, { intent: "accept", requestId: ids[0]!.id }),
      post("requests", ravi.id, { intent: "accept", requestId: ids[1]!.id }),
    ]);
    expect(answers.map(statusOf).filter((status) => status === 302)).toHaveLength(1);
    expect(answers.map(statusOf).filter((status) => status === 400 || status === 409)).toHaveLength(
      1,
    );
    expect(await db.mentorshipPair.count({ where: { programmeId, menteeId: lena.id } })).toBe(1);
    expect(
      (
        await db.mentorshipRequest.findMany({
          where: { programmeId, menteeId: lena.id },
          select: { state: true },
        })
      )
        .map((row) => row.state)
        .sort(),
    ).toEqual(["accepted", "withdrawn"]);
  });

  test("a request accepted after a matching run overtakes the run's proposal for the mentee; publishing offers only the others", async () => {
    const { admin, lena, omar, ravi, nora, programmeId } = await programmeWithMentors();
    await askMentor(lena, programmeId, { mentorId: ravi.id, rank: 1 });
    const request = await db.mentorshipRequest.findFirstOrThrow({
      where: { programmeId, menteeId: lena.id },
      select: { id: true },
    });
    // The matching day comes with the request still waiting: the run proposes for Lena too.
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { matchingOn: new Date(Date.now() - 60_000) },
    });
    await runMatching(admin, programmeId, { objective: "most-matched", fairness: false });
    expect(
      await db.mentorshipPair.count({
        where: { programmeId, menteeId: lena.id, status: "proposed" },
      }),
    ).toBe(1);
    // No new requests once the day has come, but the waiting one is still answered.
    await expect(askMentor(omar, programmeId, { mentorId: nora.id, rank: 1 })).rejects.toThrow(
      "mentorship:requests.refusal.closed",
    );
    await answerRequest(ravi, programmeId, request.id, "accepted", "");
    expect(
      await db.mentorshipPair.findMany({
        where: { programmeId, menteeId: lena.id },
        select: { status: true, mentorId: true },
      }),
    ).toEqual([{ status: "active", mentorId: ravi.id }]);
    // Ravi's one place is taken: his proposals went too.
    expect(
      await db.mentorshipPair.count({
        where: { programmeId, mentorId: ravi.id, status: "proposed" },
      }),
    ).toBe(0);
    const matching = bodyOf<Awaited<ReturnType<typeof matchingLoader>>>(
      await matchingLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/matching`, admin.id), {
          programmeId,
        }),
      ),
    );
    expect(matching.lastRun?.changes).toContain("requests");
    // The admin runs it again, as the page says, and publishes: Lena's pair stays as it is, the others are offered.
    await runMatching(admin, programmeId, { objective: "most-matched", fairness: false });
    expect(
      await db.mentorshipPair.count({
        where: {
          programmeId,
          status: "proposed",
          OR: [{ menteeId: lena.id }, { mentorId: ravi.id }],
        },
      }),
    ).toBe(0);
    expect(
      await db.mentorshipPair.count({
        where: { programmeId, menteeId: omar.id, status: "proposed" },
      }),
    ).toBe(1);
    await publishPairs(admin, programmeId);
    expect(
      await db.mentorshipPair.count({
        where: { programmeId, menteeId: omar.id, status: "offered" },
      }),
    ).toBe(1);
    expect(
      await db.mentorshipPair.findFirstOrThrow({
        where: { programmeId, menteeId: lena.id },
        select: { status: true },
      }),
    ).toEqual({ status: "active" });
    expect(await db.mentorshipPair.count({ where: { programmeId, menteeId: lena.id } })).toBe(1);
  });

  test("privacy: people outside the programme, other programmes' mentors and requests reached through another programme's address", async () => {
    const { admin, lena, omar, nora, sasha, programmeId } = await programmeWithMentors();
    const other = await createProgramme(
      { ...admin, isHiringAdmin: false },
      parsedFields(programmeFields({ name: "Autumn mentoring" })),
    );
    if (!other.ok) throw new Error("no second programme");
    const zed = await createPerson({ name: "Zed Staff", track: "ic", level: "ic5" });
    await joinAs(zed, other.programmeId, "mentor", ["testing"]);
    await joinAs(lena, other.programmeId, "mentee", ["testing"]);
    await joinAs(nora, other.programmeId, "mentor", ["system-design"]);
    const mentors = async (personId: string) =>
      call(async () =>
        mentorsLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}/mentors`, personId), {
            programmeId,
          }),
        ),
      );
    const post = async (
      route: "mentors" | "requests",
      personId: string,
      fields: Record<string, string>,
      programme = programmeId,
    ) =>
      call(async () =>
        (route === "mentors" ? mentorsAction : requestsAction)(
          routeArgs(await signedInPost(`/mentorship/${programme}/${route}`, personId, fields), {
            programmeId: programme,
          }),
        ),
      );

    // Not open to Sasha (not on the ladder): a 404, as if it did not exist. Eligible but not joined: a 403.
    expect(statusOf(await mentors(sasha.id))).toBe(404);
    await db.mentorshipParticipant.deleteMany({ where: { programmeId, userId: omar.id } });
    expect(statusOf(await mentors(omar.id))).toBe(403);
    expect(
      statusOf(await post("mentors", omar.id, { intent: "ask", mentorId: nora.id, rank: "1" })),
    ).toBe(403);
    expect(statusOf(await mentors(admin.id))).toBe(200);
    // A mentor reads the profiles but asks nobody and answers only requests to them.
    expect(bodyOf<MentorsView>(await mentors(nora.id))).toMatchObject({
      asMentee: false,
      asMentor: true,
    });
    expect(
      statusOf(await post("mentors", nora.id, { intent: "ask", mentorId: zed.id, rank: "1" })),
    ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          requestsLoader(
            routeArgs(await signedInRequest(`/mentorship/${programmeId}/requests`, lena.id), {
              programmeId,
            }),
          ),
        ),
      ),
    ).toBe(403);

    // A mentor of another programme: a 404 through this programme's address.
    expect(
      statusOf(await post("mentors", lena.id, { intent: "ask", mentorId: zed.id, rank: "1" })),
    ).toBe(404);
    expect(await db.mentorshipRequest.count({ where: { menteeId: lena.id } })).toBe(0);
    // A request of this programme answered through the other programme's address: a 404, and it stays as it was.
    expect(
      statusOf(await post("mentors", lena.id, { intent: "ask", mentorId: nora.id, rank: "1" })),
    ).toBe(302);
    const request = await db.mentorshipRequest.findFirstOrThrow({
      where: { programmeId, menteeId: lena.id },
      select: { id: true },
    });
    expect(
      statusOf(
        await post(
          "requests",
          nora.id,
          { intent: "accept", requestId: request.id },
          other.programmeId,
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await post(
          "mentors",
          lena.id,
          { intent: "withdraw", requestId: request.id },
          other.programmeId,
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(await post("requests", nora.id, { intent: "accept", requestId: "no-such-request" })),
    ).toBe(404);
    expect(
      await db.mentorshipRequest.findUniqueOrThrow({
        where: { id: request.id },
        select: { state: true },
      }),
    ).toEqual({ state: "requested" });
    expect(await db.mentorshipPair.count({ where: { menteeId: lena.id } })).toBe(0);

    // A mentor writes the note on their profile; a mentee has none to write.
    expect(
      statusOf(
        await post("mentors", nora.id, {
          intent: "note",
          note: "Happy to pair on design reviews, mornings UTC.",
        }),
      ),
    ).toBe(302);
    expect(
      bodyOf<MentorsView>(await mentors(lena.id)).profiles.find(
        (profile) => profile.name === nora.name,
      )?.note,
    ).toBe("Happy to pair on design reviews, mornings UTC.");
    // The page is sent as HTML (decision 144): a note refused comes back as a document, its error
    // beside it and the note as typed; the saved one stays.
    const tooLong = `${"Mornings UTC, design reviews and testing. ".repeat(12)}TYPED-NOTE`;
    const refusedPage = await renderPage(
      mentorsRoute as unknown as PageModule,
      "/mentorship/:programmeId/mentors",
      `/mentorship/${programmeId}/mentors`,
      nora.id,
      new URLSearchParams({ intent: "note", note: tooLong }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain("That note is too long: keep it to a few sentences.");
    expect(refusedPage.html).toMatch(/<textarea[^>]*name="note"[^>]*>[^<]*TYPED-NOTE<\/textarea>/);
    expect(
      bodyOf<MentorsView>(await mentors(lena.id)).profiles.find(
        (profile) => profile.name === nora.name,
      )?.note,
    ).toBe("Happy to pair on design reviews, mornings UTC.");
    expect(statusOf(await post("mentors", lena.id, { intent: "note", note: "Me too" }))).toBe(403);
  });
});

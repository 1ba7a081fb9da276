// A promotion window's committee through the pages people use: who may vote on whom, votes read by
// nobody else before their own is in (the .data included), the redacted first read, the meeting and
// its decisions, and the release: nobody learns an outcome before it is released to them. Every
// text carries a marker; each role reads every page.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { alphaInterval } from "~/modules/hiring/krippendorff";
import { MARK_VALUE } from "~/modules/promotions/committee-policy";
import { criteriaOf } from "~/modules/promotions/committee.server";
import { applyDuePromotionDecisions } from "~/modules/promotions/decisions.server";
import { todoChangesIn, todoFor } from "~/modules/todo/todo.server";
import * as answerRoute from "~/routes/promotions.outcome.$nominationId";
import * as ballotRoute from "~/routes/promotions.windows.$windowId.ballots.$nominationId";
import * as committeeRoute from "~/routes/promotions.windows.$windowId.committee";
import * as nominationRoute from "~/routes/promotions.nominations.$nominationId";
import * as meetingRoute from "~/routes/promotions.windows.$windowId.meeting";
import { createPerson } from "../../utils/factories";
import { companyLeads, engineeringVersionId } from "./committee-fixtures";
import { renderPage, type PageModule } from "../../utils/render-page";
import {
  answerOf,
  answerText,
  bodyOf,
  routeArgs,
  statusOf,
  type RouteFunction,
} from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

const MARK = (what: string) => `MARK-${what}-7c1d`;
const DAY = 24 * 60 * 60 * 1000;

type Person = Awaited<ReturnType<typeof createPerson>>;

async function call(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

const read = async (
  loader: RouteFunction,
  url: string,
  viewerId: string,
  params: Record<string, string>,
) => answerText(loader, await signedInRequest(url, viewerId), params);
const load = async <T>(
  loader: RouteFunction,
  url: string,
  viewerId: string,
  params: Record<string, string>,
) => bodyOf<T>(await loader(routeArgs(await signedInRequest(url, viewerId), params)));
const post = async (
  action: RouteFunction,
  url: string,
  viewerId: string,
  params: Record<string, string>,
  fields: Record<string, string>,
) => call(async () => action(routeArgs(await signedInPost(url, viewerId, fields), params)));

let s: {
  admin: Person;
  tara: Person;
  hana: Person;
  sam: Person;
  lena: Person;
  omar: Person;
  otto: Person;
  vera: Person;
  wim: Person;
  xena: Person;
  bob: Person;
  stranger: Person;
  windowId: string;
  laterId: string;
  lenaNomination: string;
  omarNomination: string;
  criteria: { id: string; name: string }[];
};

const committeeUrl = () => `/promotions/windows/${s.windowId}/committee`;
const meetingUrl = () => `/promotions/windows/${s.windowId}/meeting`;
const ballotUrl = (nominationId: string) =>
  `/promotions/windows/${s.windowId}/ballots/${nominationId}`;
const answerUrl = (nominationId: string) => `/promotions/outcome/${nominationId}`;

/** Every criterion marked the same, each note carrying the voter's marker. */
function ballotFields(
  marks: (index: number) => string,
  who: string,
  intent = "submit",
): Record<string, string> {
  const fields: Record<string, string> = { intent };
  s.criteria.forEach((criterion, index) => {
    fields[`mark.${criterion.id}`] = marks(index);
    fields[`note.${criterion.id}`] = `${MARK(`note-${who}`)} on ${criterion.name}`;
  });
  return fields;
}

const vote = (
  voter: Person,
  nominationId: string,
  marks: (index: number) => string,
  intent = "submit",
) =>
  post(
    ballotRoute.action as RouteFunction,
    ballotUrl(nominationId),
    voter.id,
    { windowId: s.windowId, nominationId },
    ballotFields(marks, voter.name.split(" ")[0]!, intent),
  );

beforeAll(async () => {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const team = await db.team.create({ data: { name: "Platform Falcons" } });
  const { tara, hana, otto, sam } = await companyLeads();
  const lena = await createPerson({
    name: "Lena Nominee",
    track: "ic",
    level: "ic3",
    managerId: sam.id,
    teamId: team.id,
  });
  const omar = await createPerson({
    name: "Omar Nominee",
    track: "ic",
    level: "ic3",
    managerId: sam.id,
  });
  const vera = await createPerson({
    name: "Vera Voter",
    track: "ic",
    level: "ic5",
    managerId: otto.id,
  });
  const wim = await createPerson({
    name: "Wim Voter",
    track: "ic",
    level: "ic4",
    managerId: otto.id,
  });
  const xena = await createPerson({
    name: "Xena Inside",
    track: "ic",
    level: "ic4",
    managerId: hana.id,
  });
  const bob = await createPerson({
    name: "Bob Below",
    track: "ic",
    level: "ic2",
    managerId: otto.id,
  });
  const stranger = await createPerson({ name: "Pat Stranger", track: "ic", level: "ic3" });
  const ladderVersionId = await engineeringVersionId();
  const now = Date.now();
  const windowData = {
    ladderId: "engineering",
    ladderVersionId,
    minMembers: 3,
    membersAtOrAbove: true,
    minOutsideMembers: 1,
    packetsDueOn: new Date(now - 5 * DAY),
    votesDueOn: new Date(now + 5 * DAY),
  };
  const window = await db.promotionWindow.create({
    data: {
      ...windowData,
      name: `Autumn window ${MARK("window")}`,
      state: "open",
      nominationsOpenOn: new Date(now - 30 * DAY),
      nominationsCloseOn: new Date(now - 10 * DAY),
      effectiveOn: new Date(now - DAY),
      redactedFirstRead: true,
      openedAt: new Date(now - 30 * DAY),
    },
  });
  const later = await db.promotionWindow.create({
    data: {
      ...windowData,
      name: `Spring window ${MARK("later")}`,
      state: "draft",
      nominationsOpenOn: new Date(now + 60 * DAY),
      nominationsCloseOn: new Date(now + 80 * DAY),
      effectiveOn: new Date(now + 120 * DAY),
      redactedFirstRead: false,
    },
  });
  const ladder = await requireLadderOfVersion(ladderVersionId);
  const criteria = criteriaOf(ladder, "ic4").map(({ id, name }) => ({ id, name }));
  const nominate = async (nominee: Person, candidateNumber: number) => {
    const nomination = await db.promotionNomination.create({
      data: {
        windowId: window.id,
        nomineeId: nominee.id,
        kind: "manager",
        nominatedById: sam.id,
        trackId: "ic",
        levelId: "ic3",
        managerId: sam.id,
        targetTrackId: "ic",
        targetLevelId: "ic4",
        statement: `${nominee.name} has led the platform work for a year; Sam Manager puts them forward. ${MARK(`statement-${candidateNumber}`)}`,
        candidateNumber,
      },
    });
    // Written as a draft, then submitted: the database refuses cases added to a submitted packet.
    const packet = await db.promotionPacket.create({
      data: {
        nominationId: nomination.id,
        ladderVersionId,
        targetTrackId: "ic",
        targetLevelId: "ic4",
        cases: {
          create: criteria.map((criterion) => ({
            competencyId: criterion.id,
            nomineeCase: `${nominee.name.split(" ")[0]} shipped it with the Platform Falcons ${MARK(`case-${candidateNumber}`)}`,
            managerCase: `As ${nominee.name.split(" ")[0]}'s manager, Sam saw it ${MARK(`manager-case-${candidateNumber}`)}`,
            evidence: JSON.stringify([
              {
                kind: "career-evidence",
                id: "e1",
                text: `Evidence about ${nominee.name} ${MARK(`evidence-${candidateNumber}`)}`,
                date: "2026-05-01",
              },
            ]),
          })),
        },
      },
    });
    await db.promotionPacket.update({
      where: { id: packet.id },
      data: { submittedAt: new Date(now - 6 * DAY), submittedById: nominee.id },
    });
    return nomination.id;
  };
  s = {
    admin,
    tara,
    hana,
    sam,
    lena,
    omar,
    otto,
    vera,
    wim,
    xena,
    bob,
    stranger,
    windowId: window.id,
    laterId: later.id,
    lenaNomination: await nominate(lena, 1),
    omarNomination: await nominate(omar, 2),
    criteria,
  };
});

describe("the committee", () => {
  test("an admin names members while nominations are open; who votes on each nominee follows the composition rules, checked again when voting", async () => {
    const params = { windowId: s.windowId };
    const name = (person: Person, role = "member") =>
      post(committeeRoute.action as RouteFunction, committeeUrl(), s.admin.id, params, {
        intent: "name",
        email: person.email,
        role,
      });
    // The page is sent as HTML (decision 153): each name redirects with what it did, which the
    // page words from its address.
    for (const [person, role] of [
      [s.vera, "chair"],
      [s.wim, "member"],
      [s.xena, "member"],
      [s.sam, "member"],
      [s.bob, "member"],
    ] as const)
      expect(answerOf(await name(person, role))).toEqual({
        status: 302,
        location: `${committeeUrl()}?done=named`,
      });
    const named = await renderPage(
      committeeRoute as unknown as PageModule,
      "/promotions/windows/:windowId/committee",
      `${committeeUrl()}?done=named`,
      s.admin.id,
    );
    expect(named.html).toContain("Named to the committee.");
    // A nominee of the window is not named to its committee; nobody is named twice.
    const refused = await name(s.lena);
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe(
      "This person is nominated in this window and cannot sit on its committee.",
    );
    // Refused, the page comes back as a document with what was typed, and says nothing was done.
    const refusedPage = await renderPage(
      committeeRoute as unknown as PageModule,
      "/promotions/windows/:windowId/committee",
      committeeUrl(),
      s.admin.id,
      new URLSearchParams({ intent: "name", email: s.lena.email, role: "chair" }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain(`value="${s.lena.email}"`);
    expect(refusedPage.html).toMatch(/<option value="chair" selected="">/);
    expect(refusedPage.html).not.toContain("Named to the committee.");
    expect(statusOf(await name(s.wim))).toBe(400);
    // Only an admin names members: anyone else is told nothing of the window.
    expect(
      statusOf(
        await post(committeeRoute.action as RouteFunction, committeeUrl(), s.vera.id, params, {
          intent: "name",
          email: s.stranger.email,
          role: "member",
        }),
      ),
    ).toBe(404);

    const page = await load<Awaited<ReturnType<typeof committeeRoute.loader>>>(
      committeeRoute.loader as RouteFunction,
      committeeUrl(),
      s.admin.id,
      params,
    );
    expect(page.members.find((member) => member.role === "chair")?.name).toBe("Vera Voter");
    const lena = page.nominations.find((nomination) => nomination.id === s.lenaNomination)!;
    const reasonOf = (person: Person) =>
      lena.members.find((member) => member.personId === person.id)?.reason;
    // Sam manages Lena: he presents and does not vote. Bob is below the target level.
    expect(reasonOf(s.sam)).toBe("promotionsCommittee:composition.inLine");
    expect(reasonOf(s.bob)).toBe("promotionsCommittee:composition.below");
    expect([s.vera, s.wim, s.xena].map(reasonOf)).toEqual([null, null, null]);
    // Xena sits in Hana's organisation, as Lena does; Vera and Wim are from outside it.
    expect(
      lena.members
        .filter((member) => member.outside)
        .map((member) => member.personId)
        .sort(),
    ).toEqual([s.vera.id, s.wim.id, s.bob.id].sort());
    expect(lena.problems).toEqual([]);

    // Votes begin; from now the committee is fixed, and each voter finds the votes they owe on their home page.
    const since = new Date(Date.now() - 1000);
    await db.promotionWindow.update({ where: { id: s.windowId }, data: { state: "committee" } });
    const owed = async (person: Person) =>
      (await todoFor(person))
        .filter((item) => item.kind === "promotion-ballots")
        .map((item) => [item.href, item.detail[0]?.values]);
    expect(await owed(s.wim)).toEqual([[meetingUrl(), { count: 2 }]]);
    // Sam manages both nominees and Bob is below their target level: neither owes a vote.
    expect(await owed(s.sam)).toEqual([]);
    expect(await owed(s.bob)).toEqual([]);
    const changed = await todoChangesIn({ writtenSince: since, from: new Date(), to: new Date() });
    expect(
      changed !== "everyone" && [s.vera, s.wim, s.xena].every((member) => changed.has(member.id)),
    ).toBe(true);
    expect(statusOf(await name(s.stranger))).toBe(409);
    // The manager and a member below the target level may read the packet but are refused a vote.
    for (const voter of [s.sam, s.bob]) {
      const answer = await vote(voter, s.lenaNomination, () => "met");
      expect(statusOf(answer)).toBe(403);
      expect(bodyOf<{ error: string }>(answer).error).toBe("You do not vote on this nominee.");
    }
    expect(
      await db.promotionBallot.count({ where: { memberId: { in: [s.sam.id, s.bob.id] } } }),
    ).toBe(0);
  });

  test("the first read is redacted: a candidate number in place of the nominee's, their manager's and their team's names, until the member's own vote is in", async () => {
    const params = { windowId: s.windowId, nominationId: s.lenaNomination };
    const before = await read(
      ballotRoute.loader as RouteFunction,
      `${ballotUrl(s.lenaNomination)}.data`,
      s.wim.id,
      params,
    );
    expect(before.startsWith("200 ")).toBe(true);
    expect(before).toContain(MARK("case-1"));
    expect(before).toContain("#1");
    for (const hidden of ["Lena", "Nominee", "Sam", "Manager", "Platform", "Falcons"])
      expect(before).not.toContain(hidden);
    const { html } = await renderPage(
      ballotRoute as unknown as PageModule,
      "/promotions/windows/:windowId/ballots/:nominationId",
      ballotUrl(s.lenaNomination),
      s.wim.id,
    );
    // The heading is one sentence with the level in it (marked where untranslated): React separates the two texts.
    expect(html.replaceAll("<!-- -->", "")).toContain("Candidate 1, for Staff Engineer");
    expect(html).toContain("You are reading this packet redacted");
    expect(html).not.toContain("Lena");
    // Nor does the committee page tell him who candidate 1 is, or who presents them.
    const committee = await read(
      committeeRoute.loader as RouteFunction,
      `${committeeUrl()}.data`,
      s.wim.id,
      { windowId: s.windowId },
    );
    expect(committee.startsWith("200 ")).toBe(true);
    expect(committee).toContain("#1");
    expect(committee).not.toContain("Nominee");
    expect(committee).not.toContain("composition.inLine");
    // Nor the nomination's own page, which names her: the ballot's address carries its id.
    const nomination = await read(
      nominationRoute.loader as RouteFunction,
      `/promotions/nominations/${s.lenaNomination}.data`,
      s.wim.id,
      { nominationId: s.lenaNomination },
    );
    expect(nomination.startsWith("404 ")).toBe(true);
    expect(nomination).not.toContain("Lena");
    // Someone who does not vote on Lena (her manager) reads her as she is.
    const sam = await load<{ redacted: boolean; nominee: { name: string } | null }>(
      ballotRoute.loader as RouteFunction,
      ballotUrl(s.lenaNomination),
      s.sam.id,
      params,
    );
    expect(sam.redacted).toBe(false);
    expect(sam.nominee?.name).toBe("Lena Nominee");
  });

  test("a member reads nothing of another's vote before their own is in: not on the ballot page, the meeting page or their .data", async () => {
    const params = { windowId: s.windowId, nominationId: s.lenaNomination };
    // A vote needs a mark on every criterion.
    const partial = await vote(s.vera, s.lenaNomination, (index) => (index === 0 ? "" : "met"));
    expect(statusOf(partial)).toBe(400);
    // Refused, the ballot comes back with what was marked and written, for the form to show again.
    const typed = bodyOf<{
      typed: { marks: Record<string, string>; notes: Record<string, string> };
    }>(partial).typed;
    expect(typed.marks[s.criteria[1]!.id]).toBe("met");
    expect(typed.notes[s.criteria[0]!.id]).toBe(`${MARK("note-Vera")} on ${s.criteria[0]!.name}`);
    expect(
      statusOf(await vote(s.vera, s.lenaNomination, (index) => (index === 0 ? "partly" : "met"))),
    ).toBe(302);
    // A submitted vote never changes.
    expect(statusOf(await vote(s.vera, s.lenaNomination, () => "not-yet"))).toBe(409);

    const wimBallot = await read(
      ballotRoute.loader as RouteFunction,
      `${ballotUrl(s.lenaNomination)}.data`,
      s.wim.id,
      params,
    );
    const wimMeeting = await read(
      meetingRoute.loader as RouteFunction,
      `${meetingUrl()}.data`,
      s.wim.id,
      { windowId: s.windowId },
    );
    for (const text of [wimBallot, wimMeeting]) {
      expect(text.startsWith("200 ")).toBe(true);
      expect(text).not.toContain(MARK("note-Vera"));
      expect(text).not.toContain("Vera");
      expect(text).not.toContain('"partly"');
    }
    expect(
      bodyOf<{ others: unknown }>(
        await ballotRoute.loader(
          routeArgs(await signedInRequest(ballotUrl(s.lenaNomination), s.wim.id), params),
        ),
      ).others,
    ).toBeNull();
    const meeting = await load<Awaited<ReturnType<typeof meetingRoute.loader>>>(
      meetingRoute.loader as RouteFunction,
      meetingUrl(),
      s.wim.id,
      { windowId: s.windowId },
    );
    expect(meeting.agreement).toBeNull();
    expect(
      meeting.candidates.find((candidate) => candidate.id === s.lenaNomination)?.marks,
    ).toBeNull();

    // Once Wim's own vote is in, he reads Vera's, and the page names Lena again.
    expect(statusOf(await vote(s.wim, s.lenaNomination, () => "met"))).toBe(302);
    const after = await load<{
      others: { member: string }[] | null;
      redacted: boolean;
      nominee: { name: string } | null;
    }>(ballotRoute.loader as RouteFunction, ballotUrl(s.lenaNomination), s.wim.id, params);
    expect(after.others?.map((other) => other.member)).toEqual(["Vera Voter"]);
    expect(after.redacted).toBe(false);
    expect(after.nominee?.name).toBe("Lena Nominee");
    // His own vote in, the nomination's page opens to him too.
    const nomination = await read(
      nominationRoute.loader as RouteFunction,
      `/promotions/nominations/${s.lenaNomination}.data`,
      s.wim.id,
      { nominationId: s.lenaNomination },
    );
    expect(nomination.startsWith("200 ")).toBe(true);
    // The history says a vote is in, never what it says.
    const events = await db.promotionEvent.findMany({
      where: { nominationId: s.lenaNomination, kind: "ballot-submitted" },
      select: { change: true },
    });
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain("partly");
  });

  test("the meeting: decisions wait for the meeting and the rules; nominees side by side with disagreements and agreement; dissent recorded; nobody outside the committee learns a decision before its release", async () => {
    const windowParams = { windowId: s.windowId };
    const meetingPost = (viewer: Person, fields: Record<string, string>) =>
      post(meetingRoute.action as RouteFunction, meetingUrl(), viewer.id, windowParams, fields);
    const decision = (
      nominationId: string,
      outcome: string,
      marks: (index: number) => string,
      extra: Record<string, string> = {},
    ) => {
      const fields: Record<string, string> = {
        intent: "decide",
        nominationId,
        outcome,
        summary: `${MARK(`summary-${outcome}`)}`,
      };
      s.criteria.forEach((criterion, index) => {
        fields[`mark.${criterion.id}`] = marks(index);
        fields[`rationale.${criterion.id}`] =
          marks(index) === "met" ? "" : `${MARK(`rationale-${criterion.id}`)} needs a wider scope`;
      });
      return { ...fields, ...extra };
    };
    // Before the meeting, the chair cannot decide.
    expect(
      statusOf(
        await meetingPost(
          s.vera,
          decision(s.lenaNomination, "promote", () => "met"),
        ),
      ),
    ).toBe(403);
    // Only the chair (or an admin) starts it.
    expect(statusOf(await meetingPost(s.wim, { intent: "start" }))).toBe(403);
    expect(statusOf(await meetingPost(s.vera, { intent: "start" }))).toBe(302);
    // Two of three votes on Lena are in: too few to decide.
    expect(
      statusOf(
        await meetingPost(
          s.vera,
          decision(s.lenaNomination, "promote", () => "met"),
        ),
      ),
    ).toBe(409);
    expect(statusOf(await vote(s.xena, s.lenaNomination, () => "met"))).toBe(302);
    // One nominee's marks give an agreement but nothing to resample it by (an admin reads every ballot).
    const early = await load<Awaited<ReturnType<typeof meetingRoute.loader>>>(
      meetingRoute.loader as RouteFunction,
      meetingUrl(),
      s.admin.id,
      windowParams,
    );
    expect(early.agreement?.alpha).not.toBeNull();
    expect(early.agreement?.interval).toBeNull();
    for (const voter of [s.vera, s.wim, s.xena])
      expect(
        statusOf(
          await vote(voter, s.omarNomination, (index) =>
            index === 0 ? "not-yet" : voter === s.xena ? "met" : "partly",
          ),
        ),
      ).toBe(302);

    const chairView = await load<Awaited<ReturnType<typeof meetingRoute.loader>>>(
      meetingRoute.loader as RouteFunction,
      meetingUrl(),
      s.vera.id,
      windowParams,
    );
    const lena = chairView.candidates.find((candidate) => candidate.id === s.lenaNomination)!;
    expect(lena.voters).toEqual(["Vera Voter", "Wim Voter", "Xena Inside"]);
    expect(lena.marks?.[0]).toMatchObject({
      byMember: ["partly", "met", "met"],
      disagreement: true,
    });
    expect(lena.marks?.[1]).toMatchObject({ byMember: ["met", "met", "met"], disagreement: false });
    expect(chairView.agreement?.units).toBe(2 * s.criteria.length);
    expect(chairView.agreement?.alpha).not.toBeNull();
    // Two nominees are too few to read: the interval, from resampling them, says so.
    const interval = chairView.agreement!.interval;
    expect(interval === null || chairView.agreement!.tooWide).toBe(true);
    // It is the shown marks resampled by nominee, worked out afresh once Omar's votes are in: the
    // page keeps it under the marks, so no earlier figure stands for it.
    const shown = chairView.candidates.map((candidate) =>
      candidate.marks!.map((mark) =>
        mark.byMember.map((value) => (value ? MARK_VALUE[value] : null)),
      ),
    );
    expect(interval).not.toBeNull();
    expect(interval).toEqual(alphaInterval(shown, "ordinal"));
    const meeting = await renderPage(
      meetingRoute as unknown as PageModule,
      "/promotions/windows/:windowId/meeting",
      meetingUrl(),
      s.vera.id,
    );
    // One nominee's decision form at a time: none until its link asks for it, then only that one,
    // which a refused save comes back to.
    type Meeting = Awaited<ReturnType<typeof meetingRoute.loader>>;
    const decidable = (meeting.view as Meeting).candidates.filter(
      (candidate) => candidate.canDecide && !candidate.decisionRefusal,
    );
    expect(decidable.length).toBeGreaterThan(0);
    expect(meeting.html).not.toContain('name="outcome"');
    for (const candidate of decidable) {
      expect(meeting.html).toContain(`href="?decide=${candidate.id}#decide-${candidate.id}"`);
      const deciding = await renderPage(
        meetingRoute as unknown as PageModule,
        "/promotions/windows/:windowId/meeting",
        `${meetingUrl()}?decide=${candidate.id}`,
        s.vera.id,
      );
      expect(deciding.html.match(/name="outcome"/g)).toHaveLength(1);
      expect(deciding.html).toContain(`action="${meetingUrl()}?decide=${candidate.id}"`);
      expect(deciding.html).toContain(`id="decide-${candidate.id}"`);
    }

    // "Not yet" names what is not met, with a reason for each.
    const missing = await meetingPost(
      s.vera,
      decision(s.omarNomination, "not-yet", (index) => (index === 0 ? "not-yet" : "met"), {
        [`rationale.${s.criteria[0]!.id}`]: "",
      }),
    );
    expect(statusOf(missing)).toBe(400);
    expect(
      Object.keys(bodyOf<{ fieldErrors: Record<string, string[]> }>(missing).fieldErrors),
    ).toEqual([`rationale.${s.criteria[0]!.id}`]);
    // Refused, the decision comes back as it was written, for the chair's form to show again.
    expect(
      bodyOf<{ typed: { outcome: string; summary: string; marks: Record<string, string> } }>(
        missing,
      ).typed,
    ).toMatchObject({
      outcome: "not-yet",
      summary: MARK("summary-not-yet"),
      marks: { [s.criteria[0]!.id]: "not-yet", [s.criteria[1]!.id]: "met" },
    });
    expect(
      statusOf(
        await meetingPost(
          s.vera,
          decision(s.omarNomination, "not-yet", () => "met"),
        ),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await meetingPost(
          s.vera,
          decision(s.omarNomination, "not-yet", (index) => (index === 0 ? "not-yet" : "met")),
        ),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await meetingPost(
          s.vera,
          decision(s.lenaNomination, "promote", () => "met"),
        ),
      ),
    ).toBe(302);
    // A member who is not the chair cannot decide, but records dissent once.
    expect(
      statusOf(
        await meetingPost(
          s.wim,
          decision(s.lenaNomination, "not-yet", () => "partly", { revision: "0" }),
        ),
      ),
    ).toBe(403);
    // A dissent of one right-to-left override is refused, and nothing is recorded (decision 107).
    const overridden = await meetingPost(s.wim, {
      intent: "dissent",
      nominationId: s.omarNomination,
      text: "\u202E",
    });
    expect(statusOf(overridden)).toBe(400);
    expect(JSON.stringify(bodyOf(overridden))).toContain("U+202E");
    expect(
      statusOf(
        await meetingPost(s.wim, {
          intent: "dissent",
          nominationId: s.omarNomination,
          text: MARK("dissent"),
        }),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await meetingPost(s.wim, {
          intent: "dissent",
          nominationId: s.omarNomination,
          text: "again",
        }),
      ),
    ).toBe(409);
    const withDissent = await load<Awaited<ReturnType<typeof meetingRoute.loader>>>(
      meetingRoute.loader as RouteFunction,
      meetingUrl(),
      s.vera.id,
      windowParams,
    );
    expect(
      withDissent.candidates.find((candidate) => candidate.id === s.omarNomination)?.decision
        ?.dissents,
    ).toEqual([{ member: "Wim Voter", text: MARK("dissent") }]);

    // Decided but not released: the nominees and their manager chain read no decision, on the page or in .data (Sam,
    // who presents them to the committee, heard it in the meeting; Hana, above him, has not).
    for (const [viewer, nominationId] of [
      [s.lena, s.lenaNomination],
      [s.hana, s.lenaNomination],
      [s.tara, s.omarNomination],
      [s.omar, s.omarNomination],
    ] as const) {
      const text = await read(
        answerRoute.loader as RouteFunction,
        `${answerUrl(nominationId)}.data`,
        viewer.id,
        { nominationId },
      );
      expect(text.startsWith("200 ")).toBe(true);
      expect(text).toContain('"decision":null');
      for (const marker of [
        MARK("summary-promote"),
        MARK("summary-not-yet"),
        "rationale",
        "promote",
      ])
        expect(text).not.toContain(marker);
    }
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: s.lena.id }, select: { level: true } }))
        .level,
    ).toBe("ic3");
    // The events record every decision and the dissent, and never change.
    expect(
      await db.promotionEvent.count({
        where: { windowId: s.windowId, kind: { in: ["decision", "dissent"] } },
      }),
    ).toBe(3);
    await expect(
      db.promotionEvent.deleteMany({ where: { windowId: s.windowId } }),
    ).rejects.toThrow();
  });

  test("released, the promotion takes effect at once (its effective day has passed); the not-yet nominee reads what would change the answer, puts it in their growth plan, and when they may be nominated again", async () => {
    const meetingPost = (viewer: Person, fields: Record<string, string>) =>
      post(
        meetingRoute.action as RouteFunction,
        meetingUrl(),
        viewer.id,
        { windowId: s.windowId },
        fields,
      );
    expect(
      statusOf(await meetingPost(s.wim, { intent: "release", nominationId: s.lenaNomination })),
    ).toBe(403);
    for (const nominationId of [s.lenaNomination, s.omarNomination])
      expect(statusOf(await meetingPost(s.vera, { intent: "release", nominationId }))).toBe(302);
    // Released decisions do not change.
    expect(
      statusOf(
        await meetingPost(s.vera, {
          intent: "decide",
          nominationId: s.lenaNomination,
          outcome: "not-yet",
          revision: "1",
        }),
      ),
    ).toBe(403);

    const lenaNow = await db.user.findUniqueOrThrow({
      where: { id: s.lena.id },
      select: { level: true },
    });
    expect(lenaNow.level).toBe("ic4");
    expect(await db.levelChange.count({ where: { personId: s.lena.id, source: "promoted" } })).toBe(
      1,
    );
    type Answer = Awaited<ReturnType<typeof answerRoute.loader>>;
    const lena = await load<Answer>(
      answerRoute.loader as RouteFunction,
      answerUrl(s.lenaNomination),
      s.lena.id,
      { nominationId: s.lenaNomination },
    );
    expect(lena.decision?.outcome).toBe("promote");
    expect(lena.decision?.summary).toBe(MARK("summary-promote"));
    expect(lena.canPlan).toBe(false);
    // Her manager's manager reads it too, once released.
    expect(
      (
        await load<Answer>(
          answerRoute.loader as RouteFunction,
          answerUrl(s.lenaNomination),
          s.hana.id,
          { nominationId: s.lenaNomination },
        )
      ).decision?.outcome,
    ).toBe("promote");

    // Omar's home page tells him his decision is there (never what it is) until he has read it.
    const answerTodo = async () =>
      (await todoFor(s.omar))
        .filter((item) => item.kind === "promotion-answer")
        .map((item) => item.href);
    expect(await answerTodo()).toEqual([answerUrl(s.omarNomination)]);
    const omar = await load<Answer>(
      answerRoute.loader as RouteFunction,
      answerUrl(s.omarNomination),
      s.omar.id,
      { nominationId: s.omarNomination },
    );
    expect(await answerTodo()).toEqual([]);
    expect(omar.decision?.outcome).toBe("not-yet");
    expect(omar.decision?.unmet.map((criterion) => criterion.id)).toEqual([s.criteria[0]!.id]);
    expect(omar.decision?.criteria[0]?.rationale).toContain(MARK(`rationale-${s.criteria[0]!.id}`));
    expect(omar.decision?.nextWindow?.name).toBe(`Spring window ${MARK("later")}`);
    // Dissent is the committee's: the nominee does not read it.
    expect(JSON.stringify(omar)).not.toContain(MARK("dissent"));
    expect(omar.canPlan).toBe(true);
    // Only the nominee plans from their answer: their manager is not offered it, and is refused.
    expect(
      (
        await load<Answer>(
          answerRoute.loader as RouteFunction,
          answerUrl(s.omarNomination),
          s.sam.id,
          { nominationId: s.omarNomination },
        )
      ).canPlan,
    ).toBe(false);
    expect(
      statusOf(
        await post(
          answerRoute.action as RouteFunction,
          answerUrl(s.omarNomination),
          s.sam.id,
          { nominationId: s.omarNomination },
          { intent: "plan" },
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await post(
          answerRoute.action as RouteFunction,
          answerUrl(s.omarNomination),
          s.omar.id,
          { nominationId: s.omarNomination },
          { intent: "plan" },
        ),
      ),
    ).toBe(302);
    const plan = await db.growthPlan.findUniqueOrThrow({
      where: { personId: s.omar.id },
      select: { targetLevelId: true, focus: { select: { competencyId: true } } },
    });
    expect(plan).toEqual({ targetLevelId: "ic4", focus: [{ competencyId: s.criteria[0]!.id }] });
  });

  test("each page renders what its reader may read: the committee for the admin, the meeting for the chair, the answer for the not-yet nominee", async () => {
    const committee = await renderPage(
      committeeRoute as unknown as PageModule,
      "/promotions/windows/:windowId/committee",
      committeeUrl(),
      s.admin.id,
    );
    expect(committee.html).toContain(
      "in the nominee&#x27;s reporting line: presents, does not vote",
    );
    const meeting = await renderPage(
      meetingRoute as unknown as PageModule,
      "/promotions/windows/:windowId/meeting",
      meetingUrl(),
      s.vera.id,
    );
    expect(meeting.html).toContain("Krippendorff&#x27;s alpha (ordinal)");
    expect(meeting.html).toContain("Marks differ");
    expect(meeting.html).toContain(MARK("dissent"));
    expect(meeting.html).toContain("Released to the nominee.");
    const answer = await renderPage(
      answerRoute as unknown as PageModule,
      "/promotions/outcome/:nominationId",
      answerUrl(s.omarNomination),
      s.omar.id,
    );
    expect(answer.html).toContain("What would change the answer");
    expect(answer.html).toContain(`You may be nominated again from Spring window ${MARK("later")}`);
    expect(answer.html).not.toContain(MARK("dissent"));
  });

  test("wrong roles get a 404 that names nothing: a stranger on every page, a nominee on the committee's pages", async () => {
    const pages: [RouteFunction, string, Record<string, string>][] = [
      [committeeRoute.loader as RouteFunction, committeeUrl(), { windowId: s.windowId }],
      [meetingRoute.loader as RouteFunction, meetingUrl(), { windowId: s.windowId }],
      [
        ballotRoute.loader as RouteFunction,
        ballotUrl(s.lenaNomination),
        { windowId: s.windowId, nominationId: s.lenaNomination },
      ],
      [
        answerRoute.loader as RouteFunction,
        answerUrl(s.lenaNomination),
        { nominationId: s.lenaNomination },
      ],
    ];
    for (const [loader, url, params] of pages) {
      const text = await read(loader, url, s.stranger.id, params);
      expect(text.startsWith("404 "), url).toBe(true);
      expect(text).not.toContain("MARK-");
      expect(text).not.toContain("Lena");
    }
    for (const [loader, url, params] of pages.slice(0, 3)) {
      const text = await read(loader, url, s.lena.id, params);
      expect(text.startsWith("404 "), url).toBe(true);
      expect(text).not.toContain("MARK-");
    }
    // A committee member reads decisions on the meeting page, not the nominee's answer page (it would name a redacted candidate).
    expect(
      (
        await read(answerRoute.loader as RouteFunction, answerUrl(s.lenaNomination), s.wim.id, {
          nominationId: s.lenaNomination,
        })
      ).startsWith("404 "),
    ).toBe(true);
    // Omar reads his own answer, never Lena's.
    expect(
      (
        await read(answerRoute.loader as RouteFunction, answerUrl(s.lenaNomination), s.omar.id, {
          nominationId: s.lenaNomination,
        })
      ).startsWith("404 "),
    ).toBe(true);
    // The admin reads every page.
    for (const [loader, url, params] of pages)
      expect((await read(loader, url, s.admin.id, params)).startsWith("200 "), url).toBe(true);
  });
});

describe("a promotion released before its window's effective day", () => {
  const released = new Date("2030-03-01T09:00:00Z");
  const effectiveOn = new Date("2030-04-01T00:00:00Z");
  /** A window whose committee released a promotion of `person` from ic3 to ic4, taking effect on 1 April 2030. */
  async function releasedPromotion(person: { id: string }) {
    const window = await db.promotionWindow.create({
      data: {
        name: "Later window",
        ladderId: "engineering",
        ladderVersionId: await engineeringVersionId(),
        state: "meeting",
        nominationsOpenOn: new Date("2030-01-01T00:00:00Z"),
        nominationsCloseOn: new Date("2030-01-20T00:00:00Z"),
        packetsDueOn: new Date("2030-02-01T00:00:00Z"),
        votesDueOn: new Date("2030-02-15T00:00:00Z"),
        effectiveOn,
        minMembers: 3,
        membersAtOrAbove: true,
        minOutsideMembers: 1,
        redactedFirstRead: false,
      },
    });
    const nomination = await db.promotionNomination.create({
      data: {
        windowId: window.id,
        nomineeId: person.id,
        kind: "self",
        nominatedById: person.id,
        trackId: "ic",
        levelId: "ic3",
        targetTrackId: "ic",
        targetLevelId: "ic4",
        statement: "",
        candidateNumber: 1,
        state: "decided",
      },
    });
    await db.promotionDecision.create({
      data: {
        nominationId: nomination.id,
        outcome: "promote",
        rationale: "{}",
        decidedById: s.vera.id,
        decidedAt: released,
        releasedAt: released,
        releasedById: s.vera.id,
      },
    });
    return { window, nomination };
  }
  const levelOf = async (person: { id: string }) =>
    (await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { level: true } })).level;

  test("takes effect on that day, not at the release, and once", async () => {
    const person = await createPerson({ name: "Kai Later", track: "ic", level: "ic3" });
    const { nomination } = await releasedPromotion(person);
    const level = () => levelOf(person);
    // A tool that wants to hear of promotions taking effect (app/modules/webhooks).
    await db.webhookEndpoint.create({
      data: {
        id: "hook-later",
        url: "https://hooks.example.com/rungs",
        secret: "s",
        events: JSON.stringify(["promotion.effective"]),
        createdAt: released,
      },
    });
    const told = async () =>
      (
        await db.webhookEvent.findMany({
          where: { kind: "promotion.effective" },
          select: { payload: true },
        })
      ).map(
        (event) =>
          JSON.parse(event.payload) as { promotion: { personId: string; to: { level: string } } },
      );
    expect(await applyDuePromotionDecisions(new Date("2030-03-31T23:00:00Z"))).toBe(0);
    expect(await level()).toBe("ic3");
    expect(await applyDuePromotionDecisions(new Date("2030-04-01T06:00:00Z"))).toBe(1);
    expect(await level()).toBe("ic4");
    expect(
      (
        await db.promotionDecision.findUniqueOrThrow({
          where: { nominationId: nomination.id },
          select: { appliedAt: true },
        })
      ).appliedAt,
    ).toEqual(effectiveOn);
    expect(await applyDuePromotionDecisions(new Date("2030-04-02T06:00:00Z"))).toBe(0);
    expect(await db.levelChange.count({ where: { personId: person.id, source: "promoted" } })).toBe(
      1,
    );
    expect(
      (await told())
        .filter((event) => event.promotion.personId === person.id)
        .map((event) => event.promotion.to.level),
    ).toEqual(["ic4"]);
  });

  test("a nominee whose level changed some other way before that day keeps it, and the window's history says why", async () => {
    const person = await createPerson({ name: "Noa Moved", track: "ic", level: "ic3" });
    const { window, nomination } = await releasedPromotion(person);
    // Placed at ic5 by an admin before the effective day: the committee decided from ic3.
    await db.user.update({ where: { id: person.id }, data: { level: "ic5" } });
    expect(await applyDuePromotionDecisions(new Date("2030-04-01T06:00:00Z"))).toBe(0);
    expect(await levelOf(person)).toBe("ic5");
    expect(await db.levelChange.count({ where: { personId: person.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "person.promoted", subjectId: person.id } }),
    ).toBe(0);
    const events = await db.promotionEvent.findMany({
      where: { windowId: window.id, nominationId: nomination.id, kind: "apply" },
      select: { change: true, reason: true },
    });
    expect(events).toEqual([
      {
        change: JSON.stringify({ level: ["ic5", "ic5"] }),
        reason: "Not applied: the person's level changed after the nomination.",
      },
    ]);
    // Claimed once: a later pass does not try again.
    expect(await applyDuePromotionDecisions(new Date("2030-04-02T06:00:00Z"))).toBe(0);
    expect(
      await db.promotionEvent.count({ where: { nominationId: nomination.id, kind: "apply" } }),
    ).toBe(1);
  });
});

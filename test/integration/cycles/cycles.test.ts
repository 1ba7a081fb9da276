import { describe, expect, test } from "vitest";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { getLevel } from "~/modules/ladders";
import { startAssessment } from "~/modules/assessments/assessments.server";
import { closeCycle, removeParticipant } from "~/modules/cycles/cycles.server";
import * as exportRoute from "~/routes/admin.cycles.$cycleId.export";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as listRoute from "~/routes/admin.cycles._index";
import * as newRoute from "~/routes/admin.cycles.new";
import * as optionsRoute from "~/routes/admin.team-options";
import { db } from "~/db/client.server";
import { refreshParticipant } from "~/modules/cycles/participant-progress.server";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import {
  answerOf,
  bodyOf,
  routeArgs,
  statusOf,
  thrown,
  type RouteFunction,
} from "../../utils/responses";
import { renderPage, type PageModule } from "../../utils/render-page";
import { signedInPost, signedInRequest } from "../../utils/session";
import { behindRoot } from "../../utils/behind-root";
import { csvRecords } from "../../utils/csv-records";

type FormReply = { status?: string; error?: Record<string, string[] | null> };

/** POST /admin/cycles/new; `teamIds` may repeat, as ticked checkboxes do. */
async function openCycleForm(
  adminId: string,
  fields: Record<string, string>,
  teamIds: string[] = [],
) {
  const body = new URLSearchParams(fields);
  for (const teamId of teamIds) body.append("teamIds", teamId);
  const request = await signedInRequest("/admin/cycles/new", adminId, { method: "POST", body });
  try {
    return await newRoute.action(routeArgs(request));
  } catch (error) {
    return error;
  }
}

function cycleIdOf(response: unknown): string {
  expect(statusOf(response)).toBe(302);
  const match = /^\/admin\/cycles\/([^/]+)$/.exec(
    (response as Response).headers.get("Location") ?? "",
  );
  expect(match).not.toBeNull();
  return match![1]!;
}

/** A route's answer, whether it returned or threw it. */
async function thrownOrValue(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error;
  }
}

async function team(name = "Team") {
  return db.team.create({ data: { name: `${name} ${uniqueEmail()}` } });
}

const dates = { startsOn: "2026-03-01", endsOn: "2026-03-28" };

async function progressOf(adminId: string, cycleId: string, query = "") {
  const request = await signedInRequest(`/admin/cycles/${cycleId}${query}`, adminId);
  return cycleRoute.loader(routeArgs(request, { cycleId }));
}

async function ladderVersionId() {
  return (await ladderForLevel("ic2"))!.versionId;
}

/** An assessment in the cycle, written straight to the database. */
async function assessment(fields: {
  kind: "self" | "manager";
  status: "draft" | "submitted";
  subjectId: string;
  authorId: string;
  cycleId: string | null;
  ratings?: Record<string, number>;
}) {
  const { ratings = {}, ...rest } = fields;
  const created = await db.assessment.create({
    data: {
      ...rest,
      ladderVersionId: await ladderVersionId(),
      trackId: "ic",
      levelId: "ic2",
      submittedAt: fields.status === "submitted" ? new Date("2026-03-10T12:00:00Z") : null,
      ratings: {
        create: Object.entries(ratings).map(([competencyId, rating]) => ({ competencyId, rating })),
      },
    },
    include: { ratings: true },
  });
  // Written directly, as a seed would: the participant's kept figures follow as the app keeps them.
  if (fields.cycleId) await refreshParticipant(db, fields.cycleId, fields.subjectId);
  return created;
}

describe("only admins", () => {
  test("every cycle page, action and the export answer 403 to someone who is not an admin", async () => {
    const admin = await createAdmin();
    const engineer = await createPerson({ track: "ic", level: "ic2" });
    const cycleId = cycleIdOf(
      await openCycleForm(admin.id, { name: "Guarded", ...dates, participants: "everyone" }),
    );
    const calls: [string, (request: Request) => Promise<unknown>, "GET" | "POST"][] = [
      ["/admin/cycles", (request) => listRoute.loader(routeArgs(request)), "GET"],
      ["/admin/cycles/new", (request) => newRoute.loader(routeArgs(request)), "GET"],
      ["/admin/cycles/new", (request) => newRoute.action(routeArgs(request)), "POST"],
      [
        `/admin/cycles/${cycleId}`,
        (request) => cycleRoute.loader(routeArgs(request, { cycleId })),
        "GET",
      ],
      [
        `/admin/cycles/${cycleId}`,
        (request) => cycleRoute.action(routeArgs(request, { cycleId })),
        "POST",
      ],
      [
        `/admin/cycles/${cycleId}/export`,
        (request) => exportRoute.loader(routeArgs(request, { cycleId })),
        "GET",
      ],
    ];
    for (const [url, call, method] of calls) {
      const request =
        method === "GET"
          ? await signedInRequest(url, engineer.id)
          : await signedInPost(url, engineer.id, {
              intent: "close",
              confirm: "yes",
              name: "Sneaky",
              ...dates,
              participants: "everyone",
            });
      expect(statusOf(await thrown(() => call(request))), `${method} ${url}`).toBe(403);
    }
    expect(await db.reviewCycle.count({ where: { name: "Sneaky" } })).toBe(0);
    expect(
      (await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } })).closedAt,
    ).toBeNull();
  });
});

describe("opening a cycle", () => {
  test("an end before the start is a field error, and nothing is written", async () => {
    const admin = await createAdmin();
    await createPerson({ track: "ic", level: "ic2" });
    const [cycles, events] = [await db.reviewCycle.count(), await db.auditEvent.count()];
    const reply = await openCycleForm(admin.id, {
      name: "Backwards",
      startsOn: "2026-03-28",
      endsOn: "2026-03-01",
      participants: "everyone",
    });
    expect(statusOf(reply)).toBe(400);
    expect(bodyOf<FormReply>(reply).error?.endsOn).toEqual(["cycles:new.errors.endBeforeStart"]);
    expect(await db.reviewCycle.count()).toBe(cycles);
    expect(await db.auditEvent.count()).toBe(events);
  });

  test("a missing name, an impossible date and chosen teams without a team are field errors", async () => {
    const admin = await createAdmin();
    const reply = await openCycleForm(admin.id, {
      name: " ",
      startsOn: "2026-02-30",
      endsOn: "2026-03-01",
      participants: "teams",
    });
    expect(statusOf(reply)).toBe(400);
    const errors = bodyOf<FormReply>(reply).error ?? {};
    expect(errors.name).toEqual(["cycles:new.errors.nameRequired"]);
    expect(errors.startsOn).toEqual(["common:errors.day.notReal"]);
    const noTeams = await openCycleForm(admin.id, {
      name: "No teams",
      ...dates,
      participants: "teams",
    });
    expect(statusOf(noTeams)).toBe(400);
    expect(bodyOf<FormReply>(noTeams).error?.teamIds).toEqual(["cycles:new.errors.noTeam"]);
    expect(await db.reviewCycle.count({ where: { name: "No teams" } })).toBe(0);
  });

  test("an unknown team id is a 400 field error, and nothing is written", async () => {
    const admin = await createAdmin();
    const real = await team();
    await createPerson({ teamId: real.id, track: "ic", level: "ic2" });
    const [participants, events] = [
      await db.reviewCycleParticipant.count(),
      await db.auditEvent.count(),
    ];
    const reply = await openCycleForm(
      admin.id,
      { name: "Ghost team", ...dates, participants: "teams" },
      [real.id, "no-such-team"],
    );
    expect(statusOf(reply)).toBe(400);
    expect(bodyOf<FormReply>(reply).error?.teamIds).toEqual(["cycles:errors.teamGone"]);
    expect(await db.reviewCycle.count({ where: { name: "Ghost team" } })).toBe(0);
    expect(await db.reviewCycleParticipant.count()).toBe(participants);
    expect(await db.auditEvent.count()).toBe(events);
  });

  test("chosen teams: only their active members with a track and a level take part, and the opening is audited", async () => {
    const admin = await createAdmin();
    const [checkout, search, other] = [
      await team("Checkout"),
      await team("Search"),
      await team("Other"),
    ];
    const lena = await createPerson({ teamId: checkout.id, track: "ic", level: "ic2" });
    const zoe = await createPerson({ teamId: search.id, track: "ic", level: "ic3" });
    await createPerson({
      teamId: checkout.id,
      track: "ic",
      level: "ic2",
      deactivatedAt: new Date(),
    });
    await createPerson({ teamId: checkout.id });
    await createPerson({ teamId: other.id, track: "ic", level: "ic2" });
    await createPerson({ track: "ic", level: "ic2" });

    const cycleId = cycleIdOf(
      await openCycleForm(admin.id, { name: "Spring 2026", ...dates, participants: "teams" }, [
        checkout.id,
        search.id,
      ]),
    );
    const participants = await db.reviewCycleParticipant.findMany({
      where: { cycleId },
      select: { userId: true },
    });
    expect(participants.map((row) => row.userId).sort()).toEqual([lena.id, zoe.id].sort());

    const cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } });
    expect(cycle).toMatchObject({ name: "Spring 2026", createdById: admin.id, closedAt: null });
    expect(cycle.startsOn.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(cycle.endsOn.toISOString()).toBe("2026-03-28T00:00:00.000Z");

    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectType: "ReviewCycle", subjectId: cycleId },
    });
    expect(event).toMatchObject({ actorId: admin.id, action: "cycle.open" });
    expect(event.detail).toMatchObject({
      name: "Spring 2026",
      participants: 2,
      teams: [checkout.name, search.name].sort(),
    });
  });

  test("everyone: every active person with a track and a level, with or without a team", async () => {
    const admin = await createAdmin();
    const before = await db.user.count({
      where: { deactivatedAt: null, track: { not: null }, level: { not: null } },
    });
    const noTeam = await createPerson({ track: "manager", level: "m1" });
    await createPerson({ track: "ic" });
    const cycleId = cycleIdOf(
      await openCycleForm(admin.id, { name: "Everyone", ...dates, participants: "everyone" }),
    );
    const participants = await db.reviewCycleParticipant.findMany({
      where: { cycleId },
      select: { userId: true },
    });
    expect(participants).toHaveLength(before + 1);
    expect(participants.map((row) => row.userId)).toContain(noTeam.id);
  });
});

describe("following and closing a cycle", () => {
  test("an unknown cycle id is a 404 on the page, its action and the export", async () => {
    const admin = await createAdmin();
    expect(statusOf(await thrown(async () => progressOf(admin.id, "no-such-cycle")))).toBe(404);
    const post = await signedInPost("/admin/cycles/no-such-cycle", admin.id, {
      intent: "close",
      confirm: "yes",
    });
    expect(
      statusOf(
        await thrown(() => cycleRoute.action(routeArgs(post, { cycleId: "no-such-cycle" }))),
      ),
    ).toBe(404);
    const download = await signedInRequest("/admin/cycles/no-such-cycle/export", admin.id);
    expect(
      statusOf(
        await thrown(() => exportRoute.loader(routeArgs(download, { cycleId: "no-such-cycle" }))),
      ),
    ).toBe(404);
  });

  test("counts per state, filtered by team and state, with each participant's manager", async () => {
    const admin = await createAdmin();
    const [alpha, beta] = [await team("Alpha"), await team("Beta")];
    const manager = await createPerson({
      name: "Mia Manager",
      teamId: alpha.id,
      track: "manager",
      level: "m1",
    });
    const ann = await createPerson({
      name: "Ann",
      teamId: alpha.id,
      managerId: manager.id,
      track: "ic",
      level: "ic2",
    });
    const bob = await createPerson({
      name: "Bob",
      teamId: alpha.id,
      managerId: manager.id,
      track: "ic",
      level: "ic2",
    });
    const cat = await createPerson({
      name: "Cat",
      teamId: beta.id,
      managerId: manager.id,
      track: "ic",
      level: "ic2",
    });
    const dan = await createPerson({
      name: "Dan",
      teamId: beta.id,
      managerId: manager.id,
      track: "ic",
      level: "ic2",
    });
    const cycleId = cycleIdOf(
      await openCycleForm(admin.id, { name: "Progress", ...dates, participants: "teams" }, [
        alpha.id,
        beta.id,
      ]),
    );
    await assessment({
      kind: "self",
      status: "draft",
      subjectId: ann.id,
      authorId: ann.id,
      cycleId,
    });
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: bob.id,
      authorId: bob.id,
      cycleId,
    });
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: cat.id,
      authorId: cat.id,
      cycleId,
    });
    await assessment({
      kind: "manager",
      status: "draft",
      subjectId: cat.id,
      authorId: manager.id,
      cycleId,
    });
    await assessment({
      kind: "manager",
      status: "submitted",
      subjectId: dan.id,
      authorId: manager.id,
      cycleId,
    });
    // Outside the cycle: not counted.
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: manager.id,
      authorId: manager.id,
      cycleId: null,
    });

    const all = await progressOf(admin.id, cycleId);
    expect(all.counts).toEqual({
      "not-started": 1,
      "self-draft": 1,
      "self-submitted": 1,
      "manager-draft": 1,
      "manager-submitted": 1,
    });
    expect(all.people.map((person) => [person.name, person.state])).toEqual([
      ["Ann", "self-draft"],
      ["Bob", "self-submitted"],
      ["Cat", "manager-draft"],
      ["Dan", "manager-submitted"],
      ["Mia Manager", "not-started"],
    ]);
    expect(all.people[0]!.manager).toEqual({ id: manager.id, name: "Mia Manager" });
    expect(all.people[2]).toMatchObject({ selfProgress: 2, managerProgress: 1 });

    const betaOnly = await progressOf(admin.id, cycleId, `?team=${beta.id}`);
    expect(betaOnly.counts).toEqual({
      "not-started": 0,
      "self-draft": 0,
      "self-submitted": 0,
      "manager-draft": 1,
      "manager-submitted": 1,
    });
    expect(betaOnly.people.map((person) => person.name)).toEqual(["Cat", "Dan"]);

    const submitted = await progressOf(admin.id, cycleId, `?team=${alpha.id}&state=self-submitted`);
    expect(submitted.total).toBe(1);
    expect(submitted.people.map((person) => person.name)).toEqual(["Bob"]);

    expect(
      statusOf(await thrown(async () => progressOf(admin.id, cycleId, "?team=no-such-team"))),
    ).toBe(400);

    // Typed by name, as the filter form sends it, whatever its case.
    const typed = await progressOf(
      admin.id,
      cycleId,
      `?${new URLSearchParams({ teamName: ` ${beta.name.toUpperCase()} ` })}`,
    );
    expect(typed.team).toEqual({ id: beta.id, name: beta.name });
    expect(typed.teamError).toBeNull();
    expect(typed.people.map((person) => person.name)).toEqual(["Cat", "Dan"]);
    // A name no team has: the field says so and keeps what was typed, and nothing is filtered.
    const unknown = await progressOf(
      admin.id,
      cycleId,
      `?${new URLSearchParams({ teamName: "Gamma Rays", state: "self-draft" })}`,
    );
    expect(unknown.teamError).toEqual({
      key: "cycles:errors.unknownTeam",
      values: { name: "Gamma Rays" },
    });
    expect(unknown.typedTeam).toBe("Gamma Rays");
    expect(unknown.team).toBeNull();
    expect(unknown.people.map((person) => person.name)).toEqual(["Ann"]);

    // The counts and the page are kept between views until what they read changes: each view is
    // read before a change and after it. Ann submits (her participant row), Dan moves to Alpha (his
    // person), Beta is renamed (its row), Mia is taken out of the cycle (her row goes, the cycle is
    // stamped).
    const countsOf = async (query = "") => (await progressOf(admin.id, cycleId, query)).counts;
    const rowOf = async (name: string, query = "") =>
      (await progressOf(admin.id, cycleId, query)).people.find((person) => person.name === name);
    expect(await rowOf("Ann")).toMatchObject({ state: "self-draft" });
    const draft = await db.assessment.findFirstOrThrow({ where: { cycleId, subjectId: ann.id } });
    expect(await countsOf()).toMatchObject({ "self-draft": 1 });
    await db.assessment.update({
      where: { id: draft.id },
      data: { status: "submitted", submittedAt: new Date() },
    });
    await refreshParticipant(db, cycleId, ann.id);
    expect(await countsOf()).toMatchObject({ "self-draft": 0, "self-submitted": 2 });
    expect(await rowOf("Ann")).toMatchObject({ state: "self-submitted" });
    expect(await countsOf(`?team=${beta.id}`)).toMatchObject({ "manager-submitted": 1 });
    expect(await rowOf("Dan", `?team=${beta.id}`)).toBeDefined();
    await db.user.update({ where: { id: dan.id }, data: { teamId: alpha.id } });
    expect(await countsOf(`?team=${beta.id}`)).toMatchObject({ "manager-submitted": 0 });
    expect(await rowOf("Dan", `?team=${beta.id}`)).toBeUndefined();
    expect(await countsOf()).toMatchObject({ "not-started": 1 });
    const betaRow = (await progressOf(admin.id, cycleId)).people.find(
      (person) => person.team === beta.name,
    )!;
    await db.team.update({ where: { id: beta.id }, data: { name: "Beta Renamed" } });
    expect(await rowOf(betaRow.name)).toMatchObject({ team: "Beta Renamed" });
    const mia = await db.user.findUniqueOrThrow({ where: { id: manager.id } });
    expect(await rowOf(mia.name)).toBeDefined();
    expect(await removeParticipant(admin.id, cycleId, mia.email)).toMatchObject({ ok: true });
    expect(await countsOf()).toMatchObject({ "not-started": 0 });
    expect(await rowOf(mia.name)).toBeUndefined();
  });

  test("people without a team are counted and listed on their own", async () => {
    const admin = await createAdmin();
    const alpha = await team("Alpha");
    const ann = await createPerson({ name: "Ann Teamless", track: "ic", level: "ic2" });
    const bob = await createPerson({ name: "Bob Teamless", track: "ic", level: "ic2" });
    const cat = await createPerson({
      name: "Cat Alpha",
      teamId: alpha.id,
      track: "ic",
      level: "ic2",
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Teamless ${uniqueEmail()}`,
        startsOn: new Date(dates.startsOn),
        endsOn: new Date(dates.endsOn),
        participants: { create: [ann, bob, cat].map((person) => ({ userId: person.id })) },
      },
    });
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: bob.id,
      authorId: bob.id,
      cycleId: cycle.id,
    });
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: cat.id,
      authorId: cat.id,
      cycleId: cycle.id,
    });

    const teamless = await progressOf(admin.id, cycle.id, "?team=none");
    expect(teamless.counts).toEqual({
      "not-started": 1,
      "self-draft": 0,
      "self-submitted": 1,
      "manager-draft": 0,
      "manager-submitted": 0,
    });
    expect(teamless.people.map((person) => person.name)).toEqual(["Ann Teamless", "Bob Teamless"]);
    const everyone = await progressOf(admin.id, cycle.id);
    expect(everyone.counts).toEqual({
      "not-started": 1,
      "self-draft": 0,
      "self-submitted": 2,
      "manager-draft": 0,
      "manager-submitted": 0,
    });
  });

  test("team suggestions match names whatever their case, for admins only", async () => {
    const admin = await createAdmin();
    const engineer = await createPerson({ track: "ic", level: "ic2" });
    const tag = uniqueEmail("t").replace(/\W/g, "");
    const [platform, payments] = [await team(`Platform ${tag}`), await team(`Payments ${tag}`)];
    await team(`Other ${uniqueEmail("o")}`);
    const suggest = async (viewerId: string, q: string) =>
      optionsRoute.loader(
        routeArgs(
          await signedInRequest(`/admin/team-options?${new URLSearchParams({ q })}`, viewerId),
        ),
      );
    const response = (await suggest(admin.id, tag.toUpperCase())) as Response;
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(await response.json()).toEqual({
      suggestions: [{ value: payments.name }, { value: platform.name }],
    });
    expect(await ((await suggest(admin.id, "  ")) as Response).json()).toEqual({ suggestions: [] });
    expect(statusOf(await thrown(async () => suggest(engineer.id, tag)))).toBe(403);
  });

  test("pages through many participants", async () => {
    const admin = await createAdmin();
    const big = await team("Big");
    await db.user.createMany({
      data: Array.from({ length: 55 }, (_, index) => ({
        name: `Pager ${String(index).padStart(2, "0")}`,
        email: uniqueEmail("pager"),
        teamId: big.id,
        track: "ic",
        level: "ic1",
      })),
    });
    const cycleId = cycleIdOf(
      await openCycleForm(admin.id, { name: "Paged", ...dates, participants: "teams" }, [big.id]),
    );
    const second = await progressOf(admin.id, cycleId, "?page=2");
    expect(second).toMatchObject({ total: 55, page: 2, pageCount: 2 });
    expect(second.people.map((person) => person.name)).toEqual([
      "Pager 50",
      "Pager 51",
      "Pager 52",
      "Pager 53",
      "Pager 54",
    ]);
  });

  test("admins add joiners and take out people with nothing written in the cycle; refusals say why and change nothing; both are audited", async () => {
    const admin = await createAdmin();
    const crew = await team("Joiners");
    const first = await createPerson({ teamId: crew.id, track: "ic", level: "ic2" });
    const cycleId = cycleIdOf(
      await openCycleForm(
        admin.id,
        { name: "Joining", startsOn: "2020-01-01", endsOn: "2099-12-31", participants: "teams" },
        [crew.id],
      ),
    );
    const joiner = await createPerson({ track: "ic", level: "ic3" });
    const unplaced = await createPerson({});
    const act = async (fields: Record<string, string>) =>
      thrownOrValue(async () =>
        cycleRoute.action(
          routeArgs(await signedInPost(`/admin/cycles/${cycleId}`, admin.id, fields), { cycleId }),
        ),
      );
    const participants = async () =>
      (await db.reviewCycleParticipant.findMany({ where: { cycleId }, select: { userId: true } }))
        .map((row) => row.userId)
        .sort();

    // Anything wrong refuses the whole list, keeps what was typed, and writes nothing.
    const typed = `${joiner.email}, nobody@example.com`;
    const unknown = await act({ intent: "add-people", emails: typed });
    expect(statusOf(unknown)).toBe(400);
    expect(bodyOf(unknown)).toMatchObject({
      message: "Nobody has this email: nobody@example.com.",
      typed,
    });
    expect(
      bodyOf(await act({ intent: "add-people", emails: `${joiner.email}\n${unplaced.email}` })),
    ).toMatchObject({ message: expect.stringContaining("Cannot take part") });
    expect(await participants()).toEqual([first.id]);

    // Sent as HTML (decision 157): a change redirects with what it did, which the page words.
    const cycleUrl = `/admin/cycles/${cycleId}`;
    expect(
      answerOf(
        await act({
          intent: "add-people",
          emails: `${joiner.email.toUpperCase()}; ${first.email}`,
        }),
      ),
    ).toEqual({ status: 302, location: `${cycleUrl}?done=added` });
    expect(await participants()).toEqual([first.id, joiner.id].sort());
    const pageAt = async (path: string, posted?: URLSearchParams) =>
      renderPage(
        cycleRoute as unknown as PageModule,
        "/admin/cycles/:cycleId",
        path,
        admin.id,
        posted,
      );
    expect((await pageAt(`${cycleUrl}?done=added`)).html).toContain(
      "The people named take part in the cycle now.",
    );
    // Refused, the page comes back as a document with what was typed, and says nothing was done.
    const refusedPage = await pageAt(
      `${cycleUrl}?done=added`,
      new URLSearchParams({ intent: "add-people", emails: "nobody@example.com" }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain("Nobody has this email: nobody@example.com.");
    expect(refusedPage.html).toContain(">nobody@example.com</textarea>");
    expect(refusedPage.html).not.toContain("The people named take part in the cycle now.");
    expect(bodyOf(await act({ intent: "add-people", emails: joiner.email }))).toMatchObject({
      message: "Everyone named already takes part.",
    });
    // The joiner's self-assessment now starts in the cycle.
    const started = await startAssessment(
      {
        id: joiner.id,
        name: joiner.name,
        email: joiner.email,
        isAdmin: false,
        isHiringAdmin: false,
      },
      "self",
      joiner.id,
    );
    expect(started.ok).toBe(true);
    expect(await db.assessment.count({ where: { cycleId, subjectId: joiner.id } })).toBe(1);

    // Someone with an assessment in the cycle stays; someone without one can be taken out.
    expect(bodyOf(await act({ intent: "remove-person", email: joiner.email }))).toMatchObject({
      message: expect.stringContaining("so they stay in it"),
      typed: joiner.email,
    });
    expect(
      bodyOf(await act({ intent: "remove-person", email: "nobody@example.com" })),
    ).toMatchObject({ message: "Nobody with that email takes part in this cycle." });
    expect(answerOf(await act({ intent: "remove-person", email: first.email }))).toEqual({
      status: 302,
      location: `${cycleUrl}?done=removed&person=${first.id}`,
    });
    expect(await participants()).toEqual([joiner.id]);
    // The person is named from the record, not from the address.
    expect((await pageAt(`${cycleUrl}?done=removed&person=${first.id}`)).html).toContain(
      `${first.name} no longer takes part in Joining.`,
    );
    expect((await pageAt(`${cycleUrl}?done=removed&person=nobody`)).html).not.toContain(
      "no longer takes part",
    );
    expect(
      await db.auditEvent.count({
        where: {
          subjectId: cycleId,
          action: { in: ["cycle.participants_added", "cycle.participant_removed"] },
          actorId: admin.id,
        },
      }),
    ).toBe(2);

    // A closed cycle keeps who took part.
    await closeCycle(admin.id, cycleId);
    expect(bodyOf(await act({ intent: "add-people", emails: first.email }))).toMatchObject({
      message: "This cycle is closed: nobody joins it now.",
    });
    expect(await participants()).toEqual([joiner.id]);
  });

  test("closing needs confirming, is audited, happens once, and stops new drafts in the cycle", async () => {
    const admin = await createAdmin();
    const crew = await team("Crew");
    const engineer = await createPerson({ teamId: crew.id, track: "ic", level: "ic2" });
    const cycleId = cycleIdOf(
      await openCycleForm(
        admin.id,
        { name: "Closing", startsOn: "2020-01-01", endsOn: "2099-12-31", participants: "teams" },
        [crew.id],
      ),
    );

    const unconfirmed = await cycleRoute.action(
      routeArgs(await signedInPost(`/admin/cycles/${cycleId}`, admin.id, { intent: "close" }), {
        cycleId,
      }),
    );
    expect(statusOf(unconfirmed)).toBe(400);
    expect(
      (await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } })).closedAt,
    ).toBeNull();

    const closed = await cycleRoute.action(
      routeArgs(
        await signedInPost(`/admin/cycles/${cycleId}`, admin.id, {
          intent: "close",
          confirm: "yes",
        }),
        { cycleId },
      ),
    );
    expect(answerOf(closed)).toEqual({
      status: 302,
      location: `/admin/cycles/${cycleId}?done=closed`,
    });
    const cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } });
    expect(cycle.closedAt).toBeInstanceOf(Date);
    expect(
      await db.auditEvent.count({
        where: {
          action: "cycle.close",
          subjectType: "ReviewCycle",
          subjectId: cycleId,
          actorId: admin.id,
        },
      }),
    ).toBe(1);

    const again = await closeCycle(admin.id, cycleId);
    expect(again).toEqual({ ok: false, message: { key: "cycles:errors.alreadyClosed" } });
    expect(
      await db.auditEvent.count({ where: { action: "cycle.close", subjectId: cycleId } }),
    ).toBe(1);

    // The engineer's self-assessment now starts outside any cycle, never in the closed one.
    const viewer = {
      id: engineer.id,
      name: engineer.name,
      email: engineer.email,
      isAdmin: false,
      isHiringAdmin: false,
    };
    const started = await startAssessment(viewer, "self", engineer.id);
    expect(started.ok).toBe(true);
    expect(await db.assessment.count({ where: { cycleId } })).toBe(0);
    expect(
      await db.assessment.count({
        where: { subjectId: engineer.id, cycleId: null, status: "draft" },
      }),
    ).toBe(1);
  });
});

describe("CSV export", () => {
  async function exported(adminId: string, cycleId: string) {
    const response = await exportRoute.loader(
      routeArgs(await signedInRequest(`/admin/cycles/${cycleId}/export`, adminId), { cycleId }),
    );
    const text = await response.text();
    return {
      response,
      lines: text
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n"),
    };
  }

  test("one row per participant and competency, submitted ratings only, formulas neutralised", async () => {
    const admin = await createAdmin();
    const crew = await team("Export");
    const manager = await createPerson({
      name: "Okafor, Sam",
      teamId: crew.id,
      track: "manager",
      level: "m1",
    });
    const lena = await createPerson({
      name: '=HYPERLINK("http://evil.example")',
      teamId: crew.id,
      managerId: manager.id,
      track: "ic",
      level: "ic2",
    });
    const aisha = await createPerson({
      name: "Aisha",
      teamId: crew.id,
      managerId: manager.id,
      track: "ic",
      level: "ic2",
    });
    const outsider = await createPerson({ name: "Outsider", track: "ic", level: "ic2" });
    const cycleId = cycleIdOf(
      await openCycleForm(admin.id, { name: "Export 2026", ...dates, participants: "teams" }, [
        crew.id,
      ]),
    );

    const ladder = (await ladderForLevel("ic2"))!.ladder;
    // One row per competency that applies at the person's level (technical direction starts above ic2).
    const icCompetencies = getLevel(ladder, "ic2")!.competencyIds;
    const managerCompetencies = getLevel(ladder, "m1")!.competencyIds;
    expect(icCompetencies).not.toContain("technical-direction");
    const [first, second] = icCompetencies as [string, string];
    const self = await assessment({
      kind: "self",
      status: "submitted",
      subjectId: lena.id,
      authorId: lena.id,
      cycleId,
      ratings: { [first]: 3, [second]: 2 },
    });
    await db.ratingEvidence.createMany({
      data: [
        {
          ratingId: self.ratings.find((rating) => rating.competencyId === first)!.id,
          text: "Shipped it",
        },
      ],
    });
    await assessment({
      kind: "manager",
      status: "submitted",
      subjectId: lena.id,
      authorId: manager.id,
      cycleId,
      ratings: { [first]: 1 },
    });
    // A draft stays private to its author, admins included; another cycle's and an outsider's assessments stay out.
    await assessment({
      kind: "self",
      status: "draft",
      subjectId: aisha.id,
      authorId: aisha.id,
      cycleId,
      ratings: { [first]: 4 },
    });
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: outsider.id,
      authorId: outsider.id,
      cycleId: null,
      ratings: { [first]: 4 },
    });

    const { response, lines } = await exported(admin.id, cycleId);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="review-cycle-export-2026-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(lines[0]).toBe(
      "cycle,person,email,team,manager,track,level,competency,competency id,self rating,manager rating,difference (manager - self),evidence count,self submitted on,manager submitted on,peers asked,peers answered,peers declined,upward answers,track id,level id",
    );
    expect(lines).toHaveLength(1 + icCompetencies.length * 2 + managerCompetencies.length);
    expect(lines.some((line) => line.includes("Outsider"))).toBe(false);

    const lenaRows = lines.filter((line) => line.includes(lena.email));
    expect(lenaRows).toHaveLength(icCompetencies.length);
    expect(lenaRows[0]).toMatch(
      new RegExp(
        `^Export 2026,"'=HYPERLINK\\(""http://evil\\.example""\\)",${lena.email},${crew.name},"Okafor, Sam",Individual contributor,Engineer II,[^,]+,${first},3,1,-2,1,2026-03-10,2026-03-10,,,,,ic,ic2$`,
      ),
    );
    expect(lenaRows[1]).toMatch(new RegExp(`,${second},2,,,0,2026-03-10,2026-03-10,,,,,ic,ic2$`));

    const aishaRows = lines.filter((line) => line.includes(aisha.email));
    expect(aishaRows).toHaveLength(icCompetencies.length);
    // A cycle that asks for no feedback leaves its counts blank.
    expect(aishaRows.every((line) => /,,,,0,,,,,,,ic,ic\d$/.test(line))).toBe(true);
  });

  test("a German admin's download has German headers; the code column's header and values are an English admin's", async () => {
    const [englishAdmin, germanAdmin] = [
      await createAdmin(),
      await createAdmin({ language: "de" }),
    ];
    const crew = await team("Languages");
    await createPerson({ name: "Lena", teamId: crew.id, track: "ic", level: "ic2" });
    const cycleId = cycleIdOf(
      await openCycleForm(
        englishAdmin.id,
        { name: "Languages 2026", ...dates, participants: "teams" },
        [crew.id],
      ),
    );
    // Behind the root's middleware, as a download is: each admin's own language.
    const download = async (adminId: string) => {
      const request = await signedInRequest(`/admin/cycles/${cycleId}/export`, adminId);
      const response = (await behindRoot(
        exportRoute.loader as RouteFunction,
        routeArgs(request, { cycleId }),
      )) as Response;
      return csvRecords(await response.text());
    };
    const [english, german] = [await download(englishAdmin.id), await download(germanAdmin.id)];
    expect(german[0]!.slice(0, 9)).toEqual([
      "Review-Zyklus",
      "Person",
      "E-Mail",
      "Team",
      "Führungskraft",
      "Laufbahn",
      "Stufe",
      "Kompetenz",
      "competency id",
    ]);
    expect(german[0]!.at(-3)).toBe("Antworten im Upward-Feedback");
    expect(german[0]!.slice(-2)).toEqual(["track id", "level id"]);
    const column = english[0]!.indexOf("competency id");
    expect(column).toBe(8);
    const ids = (rows: string[][]) => rows.map((row) => row[column]);
    expect(ids(german)).toEqual(ids(english));
    expect(german).toHaveLength(english.length);
    // The competency's name is the ladder's translation; its id beside it is not.
    const codeQuality = (rows: string[][]) => rows.find((row) => row[column] === "code-quality")!;
    expect(codeQuality(english)[7]).toBe("Code quality");
    expect(codeQuality(german)[7]).toBe("Codequalität");
    // The track and level are the ladder's names in the reader's language; their ids last, in every one.
    const codes = (rows: string[][]) => rows.map((row) => row.slice(-2));
    expect(codes(german)).toEqual(codes(english));
    expect(codes(english)[1]).toEqual(["ic", "ic2"]);
    expect(english[1]!.slice(5, 7)).toEqual(["Individual contributor", "Engineer II"]);
    expect(german[1]!.slice(5, 7)).toEqual(["Fachlaufbahn", "Engineer II"]);
  });
});

// Team health against a real database, through the services and the pages' loaders and actions:
// who may start a check-in and for which teams, who answers (once, or skips), answers stored with no
// person, results only from whole batches of the floor's number of answers (a late answer moves
// nothing), answers too alike withheld, who reads results (a 404 for everyone else), the one action
// and the next check-in asking whether it helped, and a privacy sweep (a marked comment, and the
// "answered" flag, reach nobody who may not read them).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { startSeries } from "~/modules/conversations/series.server";
import {
  actionToOneToOne,
  answerForm,
  chooseAction,
  closeCheckIn,
  healthHome,
  markActionDone,
  organisationView,
  startableTeams,
  startCheckIn,
  submitAnswer,
  teamResults,
} from "~/modules/team-health/team-health.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import { liveRooms } from "~/modules/team-health/live.server";
import { todoFor } from "~/modules/todo/todo.server";
import { readerOf, sectionReaders } from "~/modules/data-rights/collect.server";
import * as homeRoute from "~/routes/_index";
import * as indexRoute from "~/routes/team-health._index";
import * as answerRoute from "~/routes/team-health.$checkInId._index";
import * as resultsRoute from "~/routes/team-health.$checkInId.teams.$teamId";
import { answerText, refused, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createPerson, type Person } from "../../utils/factories";
import { all, teamOf } from "./fixtures";

const MARK = "HEALTH-COMMENT-5d1c";

let manager: Person,
  otherManager: Person,
  outsider: Person,
  admin: Person,
  falcons: Person[],
  otters: Person[];
let falconsId: string, ottersId: string, pairId: string;

beforeAll(async () => {
  [manager, otherManager, outsider, admin] = await Promise.all([
    createPerson({ name: "Maya Manager" }),
    createPerson({ name: "Nils Manager" }),
    createPerson({ name: "Oona Outsider" }),
    createPerson({ name: "Ada Admin", isAdmin: true }),
  ]);
  ({ id: falconsId, members: falcons } = await teamOf("Falcons", manager, "Falcon", 8));
  ({ id: ottersId, members: otters } = await teamOf("Otters", otherManager, "Otter", 4));
  ({ id: pairId } = await teamOf("Pair", manager, "Pair", 2));
});

describe("starting a check-in", () => {
  test("a manager starts one for a team below them, never for another's; an outsider for none", async () => {
    expect((await startableTeams(manager)).map((team) => team.name)).toEqual(["Falcons", "Pair"]);
    expect(await startableTeams(outsider)).toEqual([]);
    expect(
      await refused(() =>
        startCheckIn(manager, {
          teamIds: [ottersId],
          libraryItems: [],
          askComment: false,
          days: 7,
        }),
      ),
    ).toBe("not-found");
    expect(
      await refused(() =>
        startCheckIn(outsider, {
          teamIds: [falconsId],
          libraryItems: [],
          askComment: false,
          days: 7,
        }),
      ),
    ).toBe("not-found");
  });

  test("who is below the reader is read as one range of the reporting line's index, never a LIKE over every line", async () => {
    const lineLike = /linePath[`"]? LIKE/;
    for (const viewer of [manager, outsider, falcons[0]!]) {
      const request = await signedInRequest("/team-health", viewer.id);
      const { statements } = await countStatements(() => indexRoute.loader(routeArgs(request)));
      expect(statements.filter((sql) => lineLike.test(sql))).toEqual([]);
      expect(statements.some((sql) => /linePath[`"]? >= /.test(sql))).toBe(true);
    }
    // Asked in nothing and no room live: the invitations and the live rooms are a joined statement
    // each, and nothing reads their check-ins' or teams' rows for none (`IN (NULL)`).
    const rooms = await countStatements(() => liveRooms(outsider));
    expect(rooms.statements).toHaveLength(1);
    const home = await countStatements(() => healthHome(outsider));
    expect(home.result.toAnswer).toEqual([]);
    expect(
      home.statements.filter((sql) =>
        /FROM [`"](main|public)[`"]\.[`"]TeamHealthTeam[`"] WHERE .*IN \(NULL\)/.test(sql),
      ),
    ).toEqual([]);
    // No check-in has run yet: a 404, read as the page reads it.
    const { statements } = await countStatements(() => organisationView(manager).catch(() => null));
    expect(statements.filter((sql) => lineLike.test(sql))).toEqual([]);
  });

  test("a team smaller than the floor is not asked", async () => {
    // Both start forms show the policy's refusal beside the team (startRefusal, through startableTeams).
    const { loader: newLoader } = await import("~/routes/team-health.new");
    const { loader: liveLoader } = await import("~/routes/team-health.live._index");
    const startForm = await newLoader(
      routeArgs(await signedInRequest("/team-health/new", manager.id)),
    );
    const liveForm = await liveLoader(
      routeArgs(await signedInRequest("/team-health/live", manager.id)),
    );
    for (const form of [startForm, liveForm])
      expect(form.teams.map((team) => [team.name, team.members, team.tooSmall])).toEqual([
        ["Falcons", 8, false],
        ["Pair", 2, true],
      ]);
    expect(
      await refused(() =>
        startCheckIn(admin, { teamIds: [pairId], libraryItems: [], askComment: false, days: 7 }),
      ),
    ).toBe("invalid");
    expect(await db.teamHealthCheckIn.count()).toBe(0);
  });
});

describe("a check-in from invitation to results", () => {
  let checkInId: string;

  test("asks the team's members when it starts, through the page's form", async () => {
    const made = await indexRoute.loader(
      routeArgs(await signedInRequest("/team-health", manager.id)),
    );
    expect(made.mayStart).toBe(true);
    const { action } = await import("~/routes/team-health.new");
    const posted = await action(
      routeArgs(
        await signedInPost("/team-health/new", manager.id, {
          teamIds: falconsId,
          askComment: "on",
          days: "7",
        }),
      ),
    );
    expect(statusOf(posted)).toBe(302);
    const checkIn = await db.teamHealthCheckIn.findFirstOrThrow({ select: { id: true } });
    checkInId = checkIn.id;
    const asked = await db.teamHealthInvitation.findMany({ select: { personId: true } });
    expect(asked.map((row) => row.personId).sort()).toEqual(falcons.map((p) => p.id).sort());
    // Someone not asked gets a 404 for the form.
    expect(await refused(() => answerForm(outsider, checkInId))).toBe("not-found");
    expect(await refused(() => answerForm(otters[0]!, checkInId))).toBe("not-found");
  });

  test("stores an answer with no person and no time, and shows nothing below the floor", async () => {
    await submitAnswer(falcons[0]!, checkInId, {
      values: all(1),
      comment: `Ari Falcon keeps interrupting ${MARK}`,
    });
    await submitAnswer(falcons[1]!, checkInId, { values: all(3), comment: "" });
    await submitAnswer(falcons[2]!, checkInId, { values: all(5), comment: "" });
    const stored = await db.teamHealthResponse.findMany();
    expect(Object.keys(stored[0]!).sort()).toEqual(
      ["batch", "checkInTeamId", "comment", "helped", "id", "values"].sort(),
    );
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(
      await refused(() => submitAnswer(falcons[0]!, checkInId, { values: all(2), comment: "" })),
    ).toBe("conflict");
    const results = await teamResults(manager, checkInId, falconsId);
    expect(results.answers).toBe(0);
    expect(results.items.every((row) => row.figures === null)).toBe(true);
    expect(results.comments).toEqual([]);
  });

  test("a whole batch releases the figures, with names taken out of comments", async () => {
    await submitAnswer(falcons[3]!, checkInId, { values: all(7), comment: "" });
    const results = await teamResults(falcons[5]!, checkInId, falconsId);
    expect(results.answers).toBe(4);
    expect(results.releasedAt).not.toBeNull();
    expect(results.items[0]!.figures!.distribution).toEqual([1, 0, 1, 0, 1, 0, 1]);
    expect(results.score).not.toBeNull();
    expect(results.comments).toEqual([`… keeps interrupting ${MARK}`]);
  });

  test("a late answer moves nothing until the next batch is whole", async () => {
    const before = await teamResults(manager, checkInId, falconsId);
    await submitAnswer(falcons[4]!, checkInId, { values: all(2), comment: "" });
    // Someone who answered moves team and someone leaves: counted where they answered, then.
    await db.user.update({ where: { id: falcons[0]!.id }, data: { teamId: ottersId } });
    await db.user.update({ where: { id: falcons[1]!.id }, data: { deactivatedAt: new Date() } });
    await submitAnswer(falcons[5]!, checkInId, { values: all(4), comment: "" });
    await submitAnswer(falcons[6]!, checkInId, { values: all(6), comment: "" });
    const after = await teamResults(manager, checkInId, falconsId);
    expect(after.items).toEqual(before.items);
    expect(after.answers).toBe(4);
    expect(after.releasedAt).toEqual(before.releasedAt);
    await submitAnswer(falcons[7]!, checkInId, { values: all(1), comment: "" });
    const whole = await teamResults(manager, checkInId, falconsId);
    expect(whole.answers).toBe(8);
    expect(whole.items[0]!.figures!.n).toBe(8);
  });

  test("results are read by the team, whoever was asked, its managers and admins; a 404 for anyone else", async () => {
    for (const reader of [manager, admin, falcons[0]!, falcons[7]!])
      expect((await teamResults(reader, checkInId, falconsId)).team).toBe("Falcons");
    for (const reader of [outsider, otherManager, otters[1]!])
      expect(await refused(() => teamResults(reader, checkInId, falconsId))).toBe("not-found");
    const outsiderRequest = await signedInRequest(
      `/team-health/${checkInId}/teams/${falconsId}`,
      outsider.id,
    );
    const page = await thrown(() =>
      resultsRoute.loader(routeArgs(outsiderRequest, { checkInId, teamId: falconsId })),
    );
    expect(statusOf(page)).toBe(404);
  });

  test("the page lists the results a reader may read, from one statement of teams and the facts the rule needs", async () => {
    const listed = async (reader: Person) => {
      const { result, statements } = await countStatements(() => healthHome(reader));
      // The invitations, the reader's line and whether anyone is below it, and the teams.
      expect(statements).toHaveLength(4);
      return result.results.some((row) => row.checkInId === checkInId && row.teamId === falconsId);
    };
    for (const reader of [manager, admin, falcons[0]!, falcons[7]!])
      expect(await listed(reader), reader.name).toBe(true);
    for (const reader of [outsider, otherManager, otters[1]!])
      expect(await listed(reader), reader.name).toBe(false);
  });

  test("the team chooses one action; its owner sees it to do; the next check-in asks whether it helped", async () => {
    expect(
      await refused(() =>
        chooseAction(outsider, checkInId, falconsId, {
          item: "raiseProblems",
          text: "Rotate the retro facilitator",
          ownerId: falcons[2]!.id,
          dueOn: "2027-01-31",
        }),
      ),
    ).toBe("not-found");
    expect(
      await refused(() =>
        chooseAction(falcons[3]!, checkInId, falconsId, {
          item: "raiseProblems",
          text: "Rotate the retro facilitator",
          ownerId: outsider.id,
          dueOn: "2027-01-31",
        }),
      ),
    ).toBe("invalid");
    await chooseAction(falcons[3]!, checkInId, falconsId, {
      item: "raiseProblems",
      text: "Rotate the retro facilitator",
      ownerId: falcons[2]!.id,
      dueOn: "2027-01-31",
    });
    expect(
      await refused(() =>
        chooseAction(manager, checkInId, falconsId, {
          item: "safeToRisk",
          text: "Another",
          ownerId: falcons[2]!.id,
          dueOn: "2027-01-31",
        }),
      ),
    ).toBe("invalid");
    const todo = await todoFor(falcons[2]!, new Date());
    expect(todo.filter((item) => item.kind === "team-health-action")).toHaveLength(1);
    const action = await db.teamHealthAction.findFirstOrThrow();
    // Its owner takes it to their next one-to-one, once there is a series with their manager.
    expect(await refused(() => actionToOneToOne(falcons[3]!, action.id))).toBe("not-found");
    expect((await actionToOneToOne(falcons[2]!, action.id)).ok).toBe(false);
    await startSeries(
      manager,
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: falcons[2]!.id,
        cadence: "weekly",
        firstAt: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000),
      },
      new Date(),
    );
    expect((await actionToOneToOne(falcons[2]!, action.id)).ok).toBe(true);
    expect(
      await db.conversationPoint.count({ where: { text: "Rotate the retro facilitator" } }),
    ).toBe(1);
    expect(await refused(() => markActionDone(outsider, action.id))).toBe("not-found");
    await markActionDone(falcons[2]!, action.id);
    await closeCheckIn(manager, checkInId);

    const next = await startCheckIn(manager, {
      teamIds: [falconsId],
      libraryItems: ["meaning"],
      askComment: false,
      days: 7,
    });
    // The mover is no longer a Falcon; the leaver is not asked.
    expect(
      await db.teamHealthInvitation.count({ where: { checkInTeam: { checkInId: next } } }),
    ).toBe(6);
    const form = await answerForm(falcons[2]!, next);
    expect(form.followUp).toEqual({ item: "raiseProblems", text: "Rotate the retro facilitator" });
    expect(form.items).toContain("meaning");
    const helped = ["yes", "partly", "no", "yes"] as const;
    for (const [index, person] of [falcons[2]!, falcons[3]!, falcons[4]!, falcons[5]!].entries())
      await submitAnswer(person, next, {
        values: all(EDMONDSON_ITEMS.map((_, item) => ((index + item) % 7) + 1)),
        helped: helped[index],
        comment: "",
      });
    const results = await teamResults(manager, next, falconsId);
    expect(results.helped!.counts).toEqual({ yes: 2, partly: 1, no: 1 });
    expect(results.change).not.toBeNull();
    expect(results.trend).toHaveLength(2);
  });
});

describe("skipping and answers too alike", () => {
  test("a skip stores nothing but that the person is done; a skipped item counts one fewer", async () => {
    const checkInId = await startCheckIn(admin, {
      teamIds: [ottersId],
      libraryItems: [],
      askComment: false,
      days: 3,
    });
    const count = () => db.teamHealthResponse.count({ where: { checkInTeam: { checkInId } } });
    await submitAnswer(otters[0]!, checkInId, { values: {}, comment: "", skip: true });
    expect(await count()).toBe(0);
    expect((await answerForm(otters[0]!, checkInId)).answered).toBe(true);
    const { mistakesHeldAgainst: _skipped, ...rest } = all(2);
    await submitAnswer(otters[1]!, checkInId, { values: rest, comment: "" });
    await submitAnswer(otters[2]!, checkInId, { values: all(7), comment: "" });
    await submitAnswer(otters[3]!, checkInId, { values: all(7), comment: "" });
    // The falcon who moved here before it started is asked here, as an Otter now.
    expect((await answerForm(falcons[0]!, checkInId)).team).toBe("Otters");
    await closeCheckIn(admin, checkInId);
    const results = await teamResults(admin, checkInId, ottersId);
    // Three answers: below the floor even at the close, so nothing is shown.
    expect(results.answers).toBe(0);
  });

  test("an item whose answers are all alike but one is withheld, and the score with it", async () => {
    const teamId = (await db.team.create({ data: { name: "Ravens" } })).id;
    const ravens = [];
    for (const name of ["Sol", "Tam", "Uma", "Vic"])
      ravens.push(await createPerson({ name: `${name} Raven`, teamId }));
    const checkInId = await startCheckIn(admin, {
      teamIds: [teamId],
      libraryItems: [],
      askComment: false,
      days: 3,
    });
    for (const [index, person] of ravens.entries())
      await submitAnswer(person, checkInId, {
        values: all([7, 1 + index, 3, 4 - (index % 2), 5, 6, index === 0 ? 1 : 2]),
        comment: "",
      });
    const results = await teamResults(admin, checkInId, teamId);
    const item = (key: string) => results.items.find((row) => row.item === key)!;
    expect(item("mistakesHeldAgainst")).toMatchObject({ figures: null, withheld: true });
    expect(item("skillsValued")).toMatchObject({ figures: null, withheld: true });
    expect(item("raiseProblems").figures).not.toBeNull();
    expect(item("safeToRisk").figures).not.toBeNull();
    expect(results.score).toBeNull();
  });
});

describe("privacy sweep", () => {
  test("the marked comment reaches only readers, and the answered flag only its person", async () => {
    const checkIn = await db.teamHealthCheckIn.findFirstOrThrow({
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    const params = { checkInId: checkIn.id, teamId: falconsId };
    const read = async (viewer: Person) =>
      [
        await answerText(
          resultsRoute.loader,
          await signedInRequest(`/team-health/${checkIn.id}/teams/${falconsId}`, viewer.id),
          params,
        ),
        await answerText(indexRoute.loader, await signedInRequest("/team-health", viewer.id)),
        await answerText(
          answerRoute.loader,
          await signedInRequest(`/team-health/${checkIn.id}`, viewer.id),
          { checkInId: checkIn.id },
        ),
        await answerText(homeRoute.loader, await signedInRequest("/", viewer.id)),
      ].join("\n");
    for (const viewer of [manager, admin, falcons[7]!]) expect(await read(viewer)).toContain(MARK);
    for (const viewer of [outsider, otherManager, otters[2]!]) {
      const text = await read(viewer);
      expect(text).not.toContain(MARK);
      expect(text).not.toContain("Falcon");
    }
    // Who answered: the flag is in no loader's data but the person's own.
    for (const viewer of [manager, admin, outsider, falcons[7]!]) {
      const text = await answerText(
        resultsRoute.loader,
        await signedInRequest(`/team-health/${checkIn.id}/teams/${falconsId}`, viewer.id),
        params,
      );
      expect(text).not.toMatch(/answered/i);
    }
    const adminHome = await answerText(
      indexRoute.loader,
      await signedInRequest("/team-health", admin.id),
    );
    expect(adminHome).not.toMatch(/"answered"/);
    const own = await answerText(
      indexRoute.loader,
      await signedInRequest("/team-health", falcons[2]!.id),
    );
    expect(own).toMatch(/"answered":true/);
  });

  test("a person's export says which check-ins they were asked in, never their answers", async () => {
    const rows = (await sectionReaders(readerOf(falcons[2]!), "en", new Date())
      .find((entry) => entry.section === "teamHealth")!
      .read()) as { team: string }[];
    expect(rows.map((row) => row.team)).toEqual(["Falcons", "Falcons"]);
    expect(JSON.stringify(rows)).not.toMatch(/answered|values|helped|comment/);
  });

  test("the organisation view: a distribution of scores naming no team, alpha only over three teams; a 404 for others", async () => {
    const view = await organisationView(admin);
    expect(view.teams).toBe(3);
    expect(view.scores.length).toBeGreaterThan(0);
    expect(JSON.stringify(view)).not.toMatch(/Falcons|Ravens|Otters/);
    // Two teams' answers are released (the Otters' never were): too few for alpha.
    expect(view.alpha).toBeNull();
    expect(view.actions.done).toBe(1);
    // Maya's: the Falcons, and the Otters since one of her reports moved there.
    expect((await organisationView(manager)).teams).toBe(2);
    expect(await refused(() => organisationView(outsider))).toBe("not-found");
    expect(await refused(() => organisationView(falcons[7]!))).toBe("not-found");
  });
});

describe("answers at once", () => {
  test("take one place each, so every batch holds the floor's number of answers", async () => {
    const teamId = (await db.team.create({ data: { name: "Swifts" } })).id;
    const swifts = [];
    for (const name of ["Wen", "Xia", "Yan", "Zed", "Abe", "Bo", "Cy", "Di"])
      swifts.push(await createPerson({ name: `${name} Swift`, teamId }));
    const checkInId = await startCheckIn(admin, {
      teamIds: [teamId],
      libraryItems: [],
      askComment: false,
      days: 3,
    });
    await Promise.all(
      swifts.map((person, index) =>
        submitAnswer(person, checkInId, { values: all((index % 7) + 1), comment: "" }),
      ),
    );
    const batches = await db.teamHealthResponse.groupBy({
      by: ["batch"],
      where: { checkInTeam: { checkInId } },
      _count: { _all: true },
      orderBy: { batch: "asc" },
    });
    expect(batches.map((row) => row._count._all)).toEqual([4, 4]);
  });
});

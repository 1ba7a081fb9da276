// Team health's rules at their edges, through the services and the pages (each case here failed no
// other test when its condition was taken out of team-health/policy.ts): the days a check-in may
// run, answering only while it is open (closed by hand, or its closing moment reached), who of a
// team reads its results and chooses its action, and which item an action is chosen from.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import {
  actionToOneToOne,
  chooseAction,
  closeCheckIn,
  markActionDone,
  organisationView,
  startCheckIn,
  submitAnswer,
  teamResults,
} from "~/modules/team-health/team-health.server";
import * as newRoute from "~/routes/team-health.new";
import { createPerson, type Person } from "../../utils/factories";
import { bodyOf, refused, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { teamOf } from "./fixtures";

/** Answers that differ from person to person on every item, so no item is withheld as too alike. */
const varied = (index: number) =>
  Object.fromEntries(EDMONDSON_ITEMS.map((item, at) => [item, ((index + at) % 7) + 1]));

let admin: Person, manager: Person, outsider: Person, kestrels: Person[];
let kestrelsId: string, elsewhereId: string;

beforeAll(async () => {
  [admin, manager, outsider] = await Promise.all([
    createPerson({ name: "Ada Admin", isAdmin: true }),
    createPerson({ name: "Maya Manager" }),
    createPerson({ name: "Oona Outsider" }),
  ]);
  ({ id: kestrelsId, members: kestrels } = await teamOf("Kestrels", manager, "Kestrel", 6));
  elsewhereId = (await db.team.create({ data: { name: "Elsewhere" } })).id;
});

describe("team health's rules at their edges", () => {
  test("an admin reads the organisation view before any team was asked (nothing in it yet); anyone else still gets a 404", async () => {
    expect(await organisationView(admin)).toMatchObject({ teams: 0, scores: [], alpha: null });
    expect(await refused(() => organisationView(manager))).toBe("not-found");
  });

  test("a check-in runs from one day to thirty, a week unless the starter says otherwise; outside that the form says so and nothing is started", async () => {
    const page = bodyOf<{ defaultDays: number }>(
      await newRoute.loader(routeArgs(await signedInRequest("/team-health/new", manager.id))),
    );
    expect(page.defaultDays).toBe(7);
    for (const days of ["0", "31"]) {
      const answer = await newRoute.action(
        routeArgs(
          await signedInPost("/team-health/new", manager.id, { teamIds: kestrelsId, days }),
        ),
      );
      expect(statusOf(answer), days).toBe(400);
    }
    expect(await db.teamHealthCheckIn.count()).toBe(0);
    for (const days of ["1", "30"]) {
      const answer = await newRoute.action(
        routeArgs(
          await signedInPost("/team-health/new", manager.id, { teamIds: kestrelsId, days }),
        ),
      );
      expect(statusOf(answer), days).toBe(302);
    }
    expect(await db.teamHealthCheckIn.count()).toBe(2);
    for (const checkIn of await db.teamHealthCheckIn.findMany({ select: { id: true } }))
      await closeCheckIn(manager, checkIn.id);
  });

  test("an answer is taken until the check-in's closing moment, not at it, and never once closed by hand; someone not asked gets a 404", async () => {
    const checkInId = await startCheckIn(manager, {
      teamIds: [kestrelsId],
      libraryItems: [],
      askComment: false,
      days: 3,
    });
    const { closesAt } = await db.teamHealthCheckIn.findUniqueOrThrow({
      where: { id: checkInId },
      select: { closesAt: true },
    });
    const stored = () => db.teamHealthResponse.count({ where: { checkInTeam: { checkInId } } });
    expect(
      await refused(() => submitAnswer(outsider, checkInId, { values: varied(0), comment: "" })),
    ).toBe("not-found");
    const lastMoment = new Date(closesAt.getTime() - 1);
    await submitAnswer(kestrels[0]!, checkInId, { values: varied(0), comment: "" }, lastMoment);
    expect(
      await refused(() =>
        submitAnswer(kestrels[1]!, checkInId, { values: varied(1), comment: "" }, closesAt),
      ),
    ).toBe("conflict");
    expect(await stored()).toBe(1);
    await closeCheckIn(manager, checkInId);
    expect(
      await refused(() =>
        submitAnswer(kestrels[2]!, checkInId, { values: varied(2), comment: "" }),
      ),
    ).toBe("conflict");
    expect(await stored()).toBe(1);
  });

  test("someone who joined the team since it started reads its results and may choose its action, as may someone asked who has moved away; an admin reads them but does not choose; an item not asked is refused; someone of the team marks it done, once, and done it goes to no one-to-one; an admin closes a manager's check-in", async () => {
    const checkInId = await startCheckIn(manager, {
      teamIds: [kestrelsId],
      libraryItems: [],
      askComment: false,
      days: 3,
    });
    for (const [index, person] of kestrels.slice(0, 4).entries())
      await submitAnswer(person, checkInId, { values: varied(index), comment: "" });
    const newcomer = await createPerson({
      name: "Gus Newcomer",
      teamId: kestrelsId,
      managerId: manager.id,
    });
    const mover = kestrels[5]!;
    await db.user.update({
      where: { id: mover.id },
      data: { teamId: elsewhereId },
    });
    const newcomerReads = await teamResults(newcomer, checkInId, kestrelsId);
    expect(newcomerReads.answers).toBe(4);
    expect(newcomerReads.canChoose).toBe(true);
    expect((await teamResults(mover, checkInId, kestrelsId)).canChoose).toBe(true);
    expect((await teamResults(admin, checkInId, kestrelsId)).canChoose).toBe(false);

    const input = {
      item: "raiseProblems",
      text: "Rotate who runs the retro",
      ownerId: kestrels[1]!.id,
      dueOn: "2027-03-31",
    };
    expect(await refused(() => chooseAction(admin, checkInId, kestrelsId, input))).toBe(
      "not-found",
    );
    expect(
      await refused(() =>
        chooseAction(newcomer, checkInId, kestrelsId, { ...input, item: "meaning" }),
      ),
    ).toBe("invalid");
    expect(await db.teamHealthAction.count()).toBe(0);
    await chooseAction(mover, checkInId, kestrelsId, input);
    expect(await db.teamHealthAction.count()).toBe(1);

    // Someone of the team other than its owner marks it done, once; done, it goes to no one-to-one.
    const action = await db.teamHealthAction.findFirstOrThrow({ select: { id: true } });
    await markActionDone(kestrels[2]!, action.id);
    const { doneAt } = await db.teamHealthAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(doneAt).not.toBeNull();
    expect(await refused(() => markActionDone(kestrels[3]!, action.id))).toBe("conflict");
    expect(
      (await db.teamHealthAction.findUniqueOrThrow({ where: { id: action.id } })).doneAt,
    ).toEqual(doneAt);
    expect(await refused(() => actionToOneToOne(kestrels[1]!, action.id))).toBe("not-found");

    // An admin closes a check-in a manager started.
    await closeCheckIn(admin, checkInId);
    expect(
      (await db.teamHealthCheckIn.findUniqueOrThrow({ where: { id: checkInId } })).closedAt,
    ).not.toBeNull();
  });

  test("alpha is shown over three teams' released answers, the fewest it needs", async () => {
    const teamIds = [];
    for (const team of ["Larks", "Owls"]) {
      const teamId = (await db.team.create({ data: { name: team } })).id;
      teamIds.push(teamId);
      for (const name of ["One", "Two", "Three", "Four"])
        await createPerson({ name: `${name} ${team}`, teamId });
    }
    const checkInId = await startCheckIn(admin, {
      teamIds,
      libraryItems: [],
      askComment: false,
      days: 3,
    });
    const asked = await db.teamHealthInvitation.findMany({
      where: { checkInTeam: { checkInId } },
      select: { person: true },
    });
    for (const [index, { person }] of asked.entries())
      await submitAnswer(person, checkInId, { values: varied(index), comment: "" });
    const view = await organisationView(admin);
    expect(view.teams).toBe(3);
    expect(view.alpha).not.toBeNull();
  });
});

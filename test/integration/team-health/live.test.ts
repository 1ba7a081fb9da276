// Team health's live retro mode against a real database, through the services and the pages'
// loaders and actions (decision 112): a manager starts a live check-in for a team below them, never
// for another's; the code takes whoever was asked to the answer page and the team's readers to the
// room, and everyone else, like every wrong code, to the same 404; wrong codes lock the viewer out;
// the room shows how many answered, never who, and results only from whole batches of the floor;
// it hears each answer; its facilitator closes it, and it is an ordinary closed check-in.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { formatLiveCode, LIVE_CODE_ALPHABET } from "~/modules/team-health/live";
import {
  closeLiveCheckIn,
  liveDestination,
  liveRoom,
  liveRooms,
  startLiveCheckIn,
} from "~/modules/team-health/live.server";
import { watchCheckIn } from "~/modules/team-health/live-updates.server";
import { answerForm, submitAnswer, teamResults } from "~/modules/team-health/team-health.server";
import * as indexRoute from "~/routes/team-health._index";
import * as liveIndexRoute from "~/routes/team-health.live._index";
import * as codeRoute from "~/routes/team-health.live.$code._index";
import * as roomRoute from "~/routes/team-health.live.$code.room";
import * as eventsRoute from "~/routes/team-health.live.$code.events";
import { answerText, refused, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createPerson, type Person } from "../../utils/factories";
import { all, teamOf } from "./fixtures";

let facilitator: Person, otherManager: Person, outsider: Person, admin: Person;
let larks: Person[], wrens: Person[];
let larksId: string, wrensId: string;
let code: string;
let checkInId: string;

beforeAll(async () => {
  [facilitator, otherManager, outsider, admin] = await Promise.all([
    createPerson({ name: "Faye Facilitator" }),
    createPerson({ name: "Nils Manager" }),
    createPerson({ name: "Oona Outsider" }),
    createPerson({ name: "Ada Admin", isAdmin: true }),
  ]);
  ({ id: larksId, members: larks } = await teamOf("Larks", facilitator, "Lark", 5));
  ({ id: wrensId, members: wrens } = await teamOf("Wrens", otherManager, "Wren", 4));
});

const roomArgs = async (viewer: Person, typed = formatLiveCode(code)) =>
  routeArgs(await signedInRequest(`/team-health/live/${typed}/room`, viewer.id), { code: typed });

describe("starting a live check-in", () => {
  test("a manager starts one for a team below them through the page, and the room opens", async () => {
    const page = await liveIndexRoute.loader(
      routeArgs(await signedInRequest("/team-health/live", facilitator.id)),
    );
    expect(page.teams.map((team) => team.name)).toEqual(["Larks"]);
    const posted = await liveIndexRoute.action(
      routeArgs(await signedInPost("/team-health/live", facilitator.id, { teamId: larksId })),
    );
    expect(statusOf(posted)).toBe(302);
    const checkIn = await db.teamHealthCheckIn.findFirstOrThrow({
      select: { id: true, liveCode: true, items: true, askComment: true },
    });
    checkInId = checkIn.id;
    code = checkIn.liveCode!;
    expect(code).toMatch(new RegExp(`^[${LIVE_CODE_ALPHABET}]{6}$`));
    expect((posted as Response).headers.get("Location")).toBe(
      `/team-health/live/${formatLiveCode(code)}/room`,
    );
    expect(checkIn.askComment).toBe(false);
    const asked = await db.teamHealthInvitation.findMany({ select: { personId: true } });
    expect(asked.map((row) => row.personId).sort()).toEqual(larks.map((p) => p.id).sort());
  });

  test("never for another manager's team, nor by someone who manages none", async () => {
    expect(
      await refused(() => startLiveCheckIn(facilitator, { teamId: wrensId, libraryItems: [] })),
    ).toBe("not-found");
    expect(
      await refused(() => startLiveCheckIn(outsider, { teamId: larksId, libraryItems: [] })),
    ).toBe("not-found");
    const page = await liveIndexRoute.loader(
      routeArgs(await signedInRequest("/team-health/live", outsider.id)),
    );
    expect(page.teams).toEqual([]);
  });

  test("a typed code goes to its address, in capitals and dashed, however it was typed", async () => {
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`;
    const sent = await thrown(async () =>
      liveIndexRoute.loader(
        routeArgs(
          await signedInRequest(
            `/team-health/live?code=${encodeURIComponent(typed)}`,
            larks[0]!.id,
          ),
        ),
      ),
    );
    expect((sent as Response).headers.get("Location")).toBe(
      `/team-health/live/${formatLiveCode(code)}`,
    );
  });
});

describe("the code, by role", () => {
  test("someone asked goes to the answer page; the facilitator and an admin to the room", async () => {
    const go = async (viewer: Person, typed = formatLiveCode(code)) =>
      (
        (await thrown(async () =>
          codeRoute.loader(
            routeArgs(await signedInRequest(`/team-health/live/${typed}`, viewer.id), {
              code: typed,
            }),
          ),
        )) as Response
      ).headers.get("Location");
    expect(await go(larks[0]!)).toBe(`/team-health/${checkInId}`);
    expect(await go(larks[0]!, code.toLowerCase())).toBe(`/team-health/${checkInId}`);
    expect(await go(facilitator)).toBe(`/team-health/live/${formatLiveCode(code)}/room`);
    expect(await go(admin)).toBe(`/team-health/live/${formatLiveCode(code)}/room`);
  });

  test("a non-member, another team and another manager get the 404 a wrong code gets, with no hint", async () => {
    const answers = [];
    for (const [viewer, typed] of [
      [outsider, formatLiveCode(code)],
      [wrens[0]!, formatLiveCode(code)],
      [otherManager, formatLiveCode(code)],
      [wrens[1]!, "AAAAAA"],
      [wrens[1]!, "not-a-code"],
    ] as const) {
      for (const route of [codeRoute.loader, roomRoute.loader, eventsRoute.loader]) {
        const page = await thrown(async () =>
          route(
            routeArgs(await signedInRequest(`/team-health/live/${typed}`, viewer.id), {
              code: typed,
            }),
          ),
        );
        expect(statusOf(page)).toBe(404);
        answers.push(JSON.stringify((page as { data: unknown }).data));
      }
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toMatch(/Larks|Lark/);
  });

  test("ten codes that open nothing lock the viewer out for a quarter of an hour, the right code included", async () => {
    const guesser = await createPerson({ name: "Gil Guesser" });
    const now = new Date("2026-11-29T10:00:00Z");
    for (let attempt = 0; attempt < 10; attempt++)
      expect(await refused(() => liveDestination(guesser, "ACDEFG", now))).toBe("not-found");
    // The right code of a team they are not in counted too; now even a code that would open
    // something for them waits.
    expect(await refused(() => liveDestination(guesser, formatLiveCode(code), now))).toBe(
      "conflict",
    );
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await refused(() => liveDestination(guesser, "ACDEFG", later))).toBe("not-found");
    // The team's members are not locked out by someone else's guesses.
    expect((await liveDestination(larks[1]!, code, now)).to).toBe("answer");
  });
});

describe("the room", () => {
  test("shows how many answered, never who, and no results below the floor", async () => {
    await submitAnswer(larks[0]!, checkInId, { values: all(2), comment: "" });
    await submitAnswer(larks[1]!, checkInId, { values: all(4), comment: "" });
    await submitAnswer(larks[2]!, checkInId, { values: {}, comment: "", skip: true });
    const room = await roomRoute.loader(await roomArgs(facilitator));
    expect(room.answered).toBe(3);
    expect(room.asked).toBe(5);
    expect(room.answers).toBe(0);
    expect(room.items.every((row) => row.figures === null)).toBe(true);
    expect(room.score).toBeNull();
    expect(room.canClose).toBe(true);
  });

  test("hears each answer as it is sent (server-sent events reload it)", async () => {
    const heard: string[] = [];
    const unwatch = await watchCheckIn(checkInId, () => heard.push("change"));
    await submitAnswer(larks[3]!, checkInId, { values: all(6), comment: "" });
    // On PostgreSQL the word comes back through LISTEN/NOTIFY, a moment after the commit.
    await expect.poll(() => heard).toEqual(["change"]);
    unwatch();
  });

  test("shows the results once the floor's number answered, and a late answer moves nothing", async () => {
    // Four answers would be the floor, but one of the four skipped: three answers, nothing yet.
    expect((await liveRoom(facilitator, code)).answers).toBe(0);
    await submitAnswer(larks[4]!, checkInId, { values: all(7), comment: "" });
    const room = await liveRoom(facilitator, code);
    expect(room.answered).toBe(5);
    expect(room.answers).toBe(4);
    expect(room.items[0]!.figures!.distribution).toEqual([0, 1, 0, 1, 0, 1, 1]);
    expect(room.score).not.toBeNull();
    // The same figures as the team's page: one release rule.
    const results = await teamResults(facilitator, checkInId, larksId);
    expect(room.items.map((row) => row.figures)).toEqual(results.items.map((row) => row.figures));
  });

  test("its data carries no one's name, id or answered flag, and no more than the page", async () => {
    for (const viewer of [facilitator, admin, larks[0]!]) {
      const text = await answerText(
        roomRoute.loader,
        await signedInRequest(`/team-health/live/${formatLiveCode(code)}/room`, viewer.id),
        { code: formatLiveCode(code) },
      );
      expect(text).toContain("Larks");
      for (const person of [...larks, facilitator]) {
        expect(text).not.toContain(person.name);
        expect(text).not.toContain(person.id);
      }
      expect(text).not.toMatch(/comment|helped|owners|"answered":(true|false)/);
    }
    // The home page lists the room for its readers only.
    const rooms = await liveRooms(larks[2]!);
    expect(rooms.map((room) => room.team)).toEqual(["Larks"]);
    for (const viewer of [outsider, wrens[0]!, otherManager]) {
      expect(await liveRooms(viewer)).toEqual([]);
      const home = await answerText(
        indexRoute.loader,
        await signedInRequest("/team-health", viewer.id),
      );
      expect(home).not.toContain("Larks");
      expect(home).not.toContain(code);
    }
  });
});

describe("closing", () => {
  test("only its facilitator or an admin closes it; then it is an ordinary closed check-in", async () => {
    expect(await refused(() => closeLiveCheckIn(larks[0]!, code))).toBe("not-found");
    expect((await liveRoom(larks[0]!, code)).canClose).toBe(false);
    const heard: string[] = [];
    const unwatch = await watchCheckIn(checkInId, () => heard.push("change"));
    const closed = await roomRoute.action(
      routeArgs(
        await signedInPost(`/team-health/live/${formatLiveCode(code)}/room`, facilitator.id, {
          intent: "close",
        }),
        { code: formatLiveCode(code) },
      ),
    );
    await expect.poll(() => heard).toEqual(["change"]);
    unwatch();
    expect((closed as Response).headers.get("Location")).toBe(
      `/team-health/${checkInId}/teams/${larksId}`,
    );
    const room = await liveRoom(facilitator, code);
    expect(room.open).toBe(false);
    expect(room.canClose).toBe(false);
    const results = await teamResults(facilitator, checkInId, larksId);
    expect(results.open).toBe(false);
    expect(results.answers).toBe(4);
    expect(results.canChoose).toBe(true);
    expect((await answerForm(larks[0]!, checkInId)).open).toBe(false);
    // The code now takes those asked to the room, not to answer.
    expect((await liveDestination(larks[0]!, code)).to).toBe("room");
  });
});

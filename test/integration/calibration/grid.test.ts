import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { createSession } from "~/modules/calibration/sessions.server";
import { getEnv } from "~/utils/env.server";
import {
  action as entryAction,
  loader as entryLoader,
} from "~/routes/calibration.$sessionId.entries.$entryId";
import { action as gridAction, loader as gridLoader } from "~/routes/calibration.$sessionId.grid";
import {
  action as sessionAction,
  loader as sessionLoader,
} from "~/routes/calibration.$sessionId._index";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { inEnglishWords } from "../../utils/english";
import type { Message } from "~/i18n/messages";

async function call<T>(fn: () => Promise<T>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

async function post(url: string, userId: string, fields: [string, string][]) {
  return signedInRequest(url, userId, { method: "POST", body: new URLSearchParams(fields) });
}

/** Sam facilitates Kim's and his own reports' session, on the ladder's scale with potential; Kim proposes for Pia, Sam for Lena and Omar. */
async function setUp(name = "Grid calibration") {
  const admin = await createAdmin({ name: "Ada Admin" });
  const mia = await createPerson({ name: "Mia Director", track: "manager", level: "m2" });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: mia.id,
  });
  const kim = await createPerson({
    name: "Kim Manager",
    track: "manager",
    level: "m1",
    managerId: mia.id,
  });
  const lena = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: sam.id,
  });
  const omar = await createPerson({
    name: "Omar Engineer",
    track: "ic",
    level: "ic3",
    managerId: sam.id,
  });
  const pia = await createPerson({
    name: "Pia Engineer",
    track: "ic",
    level: "ic2",
    managerId: kim.id,
  });
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [lena, omar, pia].map((p) => ({ userId: p.id })) },
    },
  });
  const created = await createSession(
    { ...admin, isHiringAdmin: false },
    {
      name,
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: sam.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
      secondDimension: "Potential",
    },
  );
  if (!created.ok) throw new Error("no session");
  const { sessionId } = created;
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId },
    select: { id: true, personId: true },
  });
  const entryOf = (person: { id: string }) =>
    entries.find((entry) => entry.personId === person.id)!.id;
  const sessionPath = `/calibration/${sessionId}`;
  const gridPath = `${sessionPath}/grid`;
  const move = async (to: string) =>
    expect(
      statusOf(
        await call(async () =>
          sessionAction(routeArgs(await post(sessionPath, sam.id, [["to", to]]), { sessionId })),
        ),
      ),
    ).toBe(302);
  const propose = async (managerId: string, person: { id: string }, fields: [string, string][]) =>
    statusOf(
      await call(async () =>
        entryAction(
          routeArgs(
            await post(`${sessionPath}/entries/${entryOf(person)}`, managerId, [
              ["intent", "propose"],
              ...fields,
            ]),
            { sessionId, entryId: entryOf(person) },
          ),
        ),
      ),
    );
  const entry = (person: { id: string }) =>
    db.calibrationEntry.findUniqueOrThrow({ where: { id: entryOf(person) } });
  const gridPost = async (actorId: string, fields: [string, string][], path = gridPath) =>
    call(async () => gridAction(routeArgs(await post(path, actorId, fields), { sessionId })));
  /** A move on the grid by `actorId`, from the entry's current revision. */
  const moveOnGrid = async (
    actorId: string,
    person: { id: string },
    cell: { rating: number; second?: number },
    reason = "",
  ) =>
    gridPost(actorId, [
      ["intent", "move"],
      ["entryId", entryOf(person)],
      ["revision", String((await entry(person)).revision)],
      ["rating", String(cell.rating)],
      ...(cell.second ? ([["second", String(cell.second)]] as [string, string][]) : []),
      ["reason", reason],
    ]);
  const grid = async (viewerId: string, search = "") =>
    bodyOf<GridPage>(
      await gridLoader(
        routeArgs(await signedInRequest(`${gridPath}${search}`, viewerId), { sessionId }),
      ),
    );
  const events = (kind?: string) =>
    db.calibrationEvent.count({ where: { sessionId, ...(kind ? { kind } : {}) } });
  return {
    admin,
    mia,
    sam,
    kim,
    lena,
    omar,
    pia,
    sessionId,
    sessionPath,
    gridPath,
    entryOf,
    move,
    propose,
    entry,
    gridPost,
    moveOnGrid,
    grid,
    events,
  };
}

type GridPage = {
  canMove: boolean;
  people:
    | {
        id: string;
        name: string;
        at: { cell: { rating: number; second: number | null }; decided: boolean } | null;
      }[]
    | null;
  counts: Record<string, { decided: number; proposed: number }>;
  lastMove: { name: string } | null;
};

/** Lena proposed at 3 · Medium and promoted, Pia at 2 · Low staying, Omar without a proposal; the session live. */
async function live(name?: string) {
  const world = await setUp(name);
  await world.move("proposals");
  expect(
    await world.propose(world.sam.id, world.lena, [
      ["rating", "3"],
      ["outcome", "promote"],
      ["levelId", "ic3"],
      ["second", "2"],
      ["text", "Ready."],
    ]),
  ).toBe(302);
  expect(
    await world.propose(world.kim.id, world.pia, [
      ["rating", "2"],
      ["outcome", "stay"],
      ["second", "1"],
      ["text", "Not yet."],
    ]),
  ).toBe(302);
  await world.move("live");
  return world;
}

describe("the calibration grid", () => {
  test("people stand where their proposal puts them until a move records their final outcome, with a move event; the grid keeps the filters", async () => {
    const { sam, lena, pia, omar, grid, moveOnGrid, entry, events, entryOf, gridPath } =
      await live();
    const before = await grid(sam.id);
    expect(before.canMove).toBe(true);
    const placeOf = (page: GridPage, id: string) =>
      page.people?.find((person) => person.id === id)?.at ?? null;
    expect(placeOf(before, entryOf(lena))).toEqual({
      cell: { rating: 3, second: 2 },
      decided: false,
    });
    expect(placeOf(before, entryOf(omar))).toBeNull();
    expect(before.counts).toEqual({
      "3:2": { decided: 0, proposed: 1 },
      "2:1": { decided: 0, proposed: 1 },
    });
    expect(before.lastMove).toBeNull();

    // Pia to her proposal's cell: no reason needed; the outcome is the proposal, level outcome kept.
    const moved = (await moveOnGrid(sam.id, pia, { rating: 2, second: 1 })) as Response;
    expect(moved.status).toBe(302);
    expect(moved.headers.get("Location")).toBe(`${gridPath}?moved=${entryOf(pia)}`);
    expect(await entry(pia)).toMatchObject({
      finalRating: 2,
      finalSecond: 1,
      finalOutcome: "stay",
      finalLevelId: null,
      finalReason: null,
      revision: 2,
    });
    const event = await db.calibrationEvent.findFirstOrThrow({
      where: { entryId: entryOf(pia), kind: "move" },
    });
    expect(JSON.parse(event.change)).toEqual({
      finalRating: [null, 2],
      finalOutcome: [null, "stay"],
      finalSecond: [null, 1],
    });
    expect(await events("move")).toBe(1);

    // Lena one cell right, with the reason; her proposed promotion stays her outcome.
    const withFilter = (await call(async () =>
      gridAction(
        routeArgs(
          await post(`${gridPath}?team=&track=ic`, sam.id, [
            ["intent", "move"],
            ["entryId", entryOf(lena)],
            ["revision", "1"],
            ["rating", "4"],
            ["second", "2"],
            ["reason", "Led the rewrite."],
          ]),
          { sessionId: (await entry(lena)).sessionId },
        ),
      ),
    )) as Response;
    expect(withFilter.headers.get("Location")).toBe(`${gridPath}?track=ic&moved=${entryOf(lena)}`);
    expect(await entry(lena)).toMatchObject({
      finalRating: 4,
      finalSecond: 2,
      finalOutcome: "promote",
      finalLevelId: "ic3",
      finalReason: "Led the rewrite.",
    });
    const after = await grid(sam.id);
    expect(placeOf(after, entryOf(lena))).toEqual({
      cell: { rating: 4, second: 2 },
      decided: true,
    });
    expect(after.lastMove).toEqual({ name: "Lena Engineer" });
  });

  test("a move that differs from the proposal without a reason is refused and changes nothing; so is one off the scale", async () => {
    const { sam, lena, omar, moveOnGrid, entry, events } = await live();
    const before = await events();
    const refused = await moveOnGrid(sam.id, lena, { rating: 4, second: 2 });
    expect(statusOf(refused)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(refused).result.error.reason,
    ).toEqual(["calibration:errors.reasonNeeded"]);
    // Someone without a proposal: any cell differs from none.
    expect(statusOf(await moveOnGrid(sam.id, omar, { rating: 3, second: 2 }))).toBe(400);
    const offScale = await moveOnGrid(sam.id, lena, { rating: 9, second: 2 }, "Why not.");
    expect(statusOf(offScale)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(offScale).result.error.rating?.[0],
    ).toEqual("calibration:errors.ratingOnScale");
    expect(statusOf(await moveOnGrid(sam.id, lena, { rating: 3 }, "No potential given."))).toBe(
      400,
    );
    expect(await events()).toBe(before);
    expect(await entry(lena)).toMatchObject({ finalRating: null, finalSecond: null, revision: 1 });
  });

  test("undo puts back what the viewer's last move changed, as an event of its own; then the move before; the entry's history says so", async () => {
    const {
      sam,
      lena,
      moveOnGrid,
      gridPost,
      entry,
      events,
      entryOf,
      gridPath,
      sessionPath,
      sessionId,
    } = await live();
    expect(statusOf(await moveOnGrid(sam.id, lena, { rating: 3, second: 2 }))).toBe(302);
    expect(
      statusOf(await moveOnGrid(sam.id, lena, { rating: 4, second: 3 }, "Stronger than proposed.")),
    ).toBe(302);
    expect(await entry(lena)).toMatchObject({
      finalRating: 4,
      finalSecond: 3,
      finalReason: "Stronger than proposed.",
    });

    const undone = (await gridPost(sam.id, [["intent", "undo"]])) as Response;
    expect(undone.status).toBe(302);
    expect(undone.headers.get("Location")).toBe(`${gridPath}?undone=${entryOf(lena)}`);
    expect(await entry(lena)).toMatchObject({
      finalRating: 3,
      finalSecond: 2,
      finalOutcome: "promote",
      finalReason: null,
    });
    const [firstMove, secondMove] = await db.calibrationEvent.findMany({
      where: { entryId: entryOf(lena), kind: "move" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const undo = await db.calibrationEvent.findFirstOrThrow({
      where: { entryId: entryOf(lena), kind: "undo" },
    });
    expect(JSON.parse(undo.change)).toEqual({
      finalRating: [4, 3],
      finalSecond: [3, 2],
      finalReason: ["Stronger than proposed.", null],
      undoes: secondMove!.id,
    });

    // Undo again: the first move goes back too, to no outcome at all. Both moves are still in the history.
    expect(statusOf(await gridPost(sam.id, [["intent", "undo"]]))).toBe(302);
    expect(await entry(lena)).toMatchObject({
      finalRating: null,
      finalOutcome: null,
      finalLevelId: null,
      finalSecond: null,
    });
    expect(
      JSON.parse(
        (
          await db.calibrationEvent.findFirstOrThrow({
            where: { kind: "undo", change: { contains: firstMove!.id } },
          })
        ).change,
      ).undoes,
    ).toBe(firstMove!.id);
    expect(await events("move")).toBe(2);
    expect(await events("undo")).toBe(2);
    // Nothing left to undo: said, nothing written.
    const nothing = await gridPost(sam.id, [["intent", "undo"]]);
    expect(statusOf(nothing)).toBe(400);
    expect(bodyOf<{ error: string }>(nothing).error).toBe("You have no move on the grid to undo.");
    expect(await events("undo")).toBe(2);

    const page = bodyOf<{ history: { lines: Message[] }[] }>(
      await entryLoader(
        routeArgs(await signedInRequest(`${sessionPath}/entries/${entryOf(lena)}`, sam.id), {
          sessionId,
          entryId: entryOf(lena),
        }),
      ),
    );
    expect(
      page.history.map((event) => event.lines.map(inEnglishWords).join("; ")).slice(1),
    ).toEqual([
      "moved on the grid: final rating Consistent (3); final outcome Promote; final level Senior Engineer; final Potential Medium",
      // The reason given with a move is shown beside its line ("Why: …"), as for an outcome recorded on the page.
      "moved on the grid: final rating Consistent (3) → Beyond (4); final Potential Medium → High",
      "undid a move on the grid: final rating Beyond (4) → Consistent (3); reason “Stronger than proposed.” removed; final Potential High → Medium",
      "undid a move on the grid: final rating Consistent (3) removed; final outcome Promote removed; final level Senior Engineer removed; final Potential Medium removed",
    ]);
  });

  test("an undo is refused, changing nothing, once the entry changed since the move", async () => {
    const { sam, lena, moveOnGrid, gridPost, entry, events, entryOf, sessionPath, sessionId } =
      await live();
    expect(statusOf(await moveOnGrid(sam.id, lena, { rating: 3, second: 2 }))).toBe(302);
    // The outcome is changed on Lena's page meanwhile.
    const recorded = await call(async () =>
      entryAction(
        routeArgs(
          await post(`${sessionPath}/entries/${entryOf(lena)}`, sam.id, [
            ["intent", "final"],
            ["revision", "2"],
            ["rating", "2"],
            ["outcome", "stay"],
            ["second", "2"],
            ["text", "Scope not there yet."],
          ]),
          {
            sessionId,
            entryId: entryOf(lena),
          },
        ),
      ),
    );
    expect(statusOf(recorded)).toBe(302);
    const before = await events();
    const refused = await gridPost(sam.id, [["intent", "undo"]]);
    expect(statusOf(refused)).toBe(409);
    expect(bodyOf<{ error: string }>(refused).error).toBe(
      "Lena Engineer's outcome has changed since your move; nothing was undone. Move them again instead.",
    );
    expect(await events()).toBe(before);
    expect(await entry(lena)).toMatchObject({
      finalRating: 2,
      finalReason: "Scope not there yet.",
    });
  });

  test("a calibrator without the right to record outcomes gets 403 and sees the grid read-only; an entry of another session is a 404; a locked session refuses", async () => {
    const {
      admin,
      sam,
      kim,
      lena,
      pia,
      omar,
      grid,
      moveOnGrid,
      gridPost,
      entry,
      events,
      move,
      gridPath,
    } = await live();
    const other = await live("Another calibration");
    const before = await events();
    // Kim calibrates but does not facilitate.
    expect((await grid(kim.id)).canMove).toBe(false);
    expect(statusOf(await moveOnGrid(kim.id, pia, { rating: 2, second: 1 }))).toBe(403);
    expect(statusOf(await gridPost(kim.id, [["intent", "undo"]]))).toBe(403);
    // Another session's entry, posted to this session's grid, even by an admin (who may decide it in its own session).
    const foreign = await gridPost(
      admin.id,
      [
        ["intent", "move"],
        ["entryId", other.entryOf(other.lena)],
        ["revision", "1"],
        ["rating", "3"],
        ["second", "2"],
        ["reason", "x"],
      ],
      gridPath,
    );
    expect(statusOf(foreign)).toBe(404);
    expect(
      statusOf(
        await gridPost(sam.id, [
          ["intent", "move"],
          ["entryId", "no-such-entry"],
          ["revision", "0"],
          ["rating", "3"],
          ["second", "2"],
        ]),
      ),
    ).toBe(404);
    expect(await events()).toBe(before);
    expect((await other.entry(other.lena)).finalRating).toBeNull();

    // Every outcome recorded, the session locked: no move or undo any more.
    for (const [person, cell] of [
      [lena, { rating: 3, second: 2 }],
      [pia, { rating: 2, second: 1 }],
    ] as const)
      expect(statusOf(await moveOnGrid(sam.id, person, cell))).toBe(302);
    expect(
      statusOf(await moveOnGrid(sam.id, omar, { rating: 3, second: 2 }, "No proposal came.")),
    ).toBe(302);
    await move("locked");
    const locked = await events();
    const refused = await moveOnGrid(sam.id, lena, { rating: 4, second: 3 }, "Too late.");
    expect(statusOf(refused)).toBe(403);
    expect(bodyOf<{ error: string; kind: string }>(refused)).toMatchObject({
      kind: "forbidden",
      error: "Outcomes are recorded while the session is live.",
    });
    expect(statusOf(await gridPost(sam.id, [["intent", "undo"]]))).toBe(403);
    expect(await events()).toBe(locked);
    expect((await entry(lena)).finalRating).toBe(3);
    expect((await grid(sam.id)).canMove).toBe(false);
  });

  test("the session page runs the statements it ran before the grid, and the grid page only one more (the move to undo)", async () => {
    const { sam, sessionId, sessionPath, gridPath } = await live();
    const warm = async (loader: RouteFunction, path: string) => {
      const request = await signedInRequest(path, sam.id);
      await loader(routeArgs(request, { sessionId }));
      return (await countStatements(() => loader(routeArgs(request, { sessionId })))).statements
        .length;
    };
    const session = await warm(sessionLoader, sessionPath);
    expect(session).toBe(SESSION_PAGE_STATEMENTS);
    expect(await warm(gridLoader, gridPath)).toBe(session + 1);
  });
});

/**
 * The session page's statements with its view kept (decision 023), as measured before the grid came: the grid adds none to it.
 * PostgreSQL reads one nested relation of the page in the same statement (relationJoins, decision 049). One of them reads
 * which of the session's people were erased (decision 091), on every view: an erasure writes no session event to renew the kept view.
 */
const SESSION_PAGE_STATEMENTS = getEnv().databaseProvider === "postgresql" ? 6 : 7;

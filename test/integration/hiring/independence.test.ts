// Independence, enforced on the server: an interviewer whose own card is not in finds nothing of
// anyone else's card on any hiring page, export, debrief, count or to-do.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as hiringLoader } from "~/routes/hiring._index";
import {
  action as interviewAction,
  loader as interviewLoader,
} from "~/routes/hiring.interviews.$interviewId._index";
import { action as saveAction } from "~/routes/hiring.interviews.$interviewId.save";
import {
  action as debriefAction,
  loader as debriefLoader,
} from "~/routes/hiring.loops.$loopId.debrief";
import { loader as exportLoader } from "~/routes/hiring.loops.$loopId.export";
import { action as loopAction, loader as loopLoader } from "~/routes/hiring.loops.$loopId._index";
import { loader as openingLoader } from "~/routes/hiring.openings.$openingId._index";
import { loader as kitLoader } from "~/routes/hiring.openings.$openingId.stages.$stageId.kit";
import { loader as settingsLoader } from "~/routes/hiring.settings";
import { loader as statsLoader } from "~/routes/hiring.stats";
import { loader as validityLoader } from "~/routes/hiring.validity";
import { assignInterviewer, openDebriefEarly, recordDecision } from "~/modules/hiring/loops.server";
import { saveScorecardDraft } from "~/modules/hiring/scorecards.server";
import { signedInRequest } from "../../utils/session";
import {
  asViewer,
  bodyOf,
  call,
  get,
  hiringSetUp,
  post,
  routeArgs,
  scoreAndSubmit,
  statusOf,
} from "./helpers";
import { inEnglish } from "../../utils/todo-words";

/** Everything a response carries, as text: a CSV body, or the loader's data as JSON. */
async function textOf(result: unknown): Promise<string> {
  if (result instanceof Response) return result.text();
  return JSON.stringify(bodyOf(result));
}

async function setUp() {
  const facts = await hiringSetUp();
  // Ben's card is in; Ana has a draft of her own.
  await scoreAndSubmit(
    facts.ben,
    facts.benInterview,
    ["system-design", "technical-judgement"],
    4,
    "BEN-SECRET-EVIDENCE",
    "strong-yes",
  );
  const saved = await saveScorecardDraft(asViewer(facts.ana), facts.anaInterview, {
    baseRevision: 0,
    changes: [
      { field: "rating:code-quality", value: 2, base: null },
      { field: "notes:code-quality", value: "ANA-OWN-EVIDENCE", base: "" },
    ],
  });
  expect(saved.status).toBe(200);
  const benCards = await db.hiringScorecard.findMany({
    where: { authorId: facts.ben.id },
    select: { id: true },
  });
  return { ...facts, benCardIds: benCards.map((card) => card.id) };
}

type Facts = Awaited<ReturnType<typeof setUp>>;

/** Every hiring page, export and endpoint, requested as `userId`: [what, status, body text]. */
async function everything(facts: Facts, userId: string): Promise<[string, number, string][]> {
  const { openingId, loopId, stages, anaInterview, benInterview } = facts;
  const requests: [string, () => Promise<unknown>][] = [
    ["home", async () => homeLoader(routeArgs(await get("/", userId)))],
    ["hiring", async () => hiringLoader(routeArgs(await get("/hiring", userId)))],
    [
      "opening",
      async () =>
        openingLoader(routeArgs(await get(`/hiring/openings/${openingId}`, userId), { openingId })),
    ],
    ...stages.map((stage): [string, () => Promise<unknown>] => [
      `kit ${stage.name}`,
      async () =>
        kitLoader(
          routeArgs(await get(`/hiring/openings/${openingId}/stages/${stage.id}/kit`, userId), {
            openingId,
            stageId: stage.id,
          }),
        ),
    ]),
    [
      "loop",
      async () => loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, userId), { loopId })),
    ],
    [
      "debrief",
      async () =>
        debriefLoader(routeArgs(await get(`/hiring/loops/${loopId}/debrief`, userId), { loopId })),
    ],
    [
      "export",
      async () =>
        exportLoader(routeArgs(await get(`/hiring/loops/${loopId}/export`, userId), { loopId })),
    ],
    [
      "own interview",
      async () =>
        interviewLoader(
          routeArgs(await get(`/hiring/interviews/${anaInterview}`, userId), {
            interviewId: anaInterview,
          }),
        ),
    ],
    [
      "Ben's interview",
      async () =>
        interviewLoader(
          routeArgs(await get(`/hiring/interviews/${benInterview}`, userId), {
            interviewId: benInterview,
          }),
        ),
    ],
    [
      "save on Ben's card",
      async () =>
        saveAction(
          routeArgs(
            await signedInRequest(`/hiring/interviews/${benInterview}/save`, userId, {
              method: "POST",
              body: JSON.stringify({ baseRevision: 0, changes: [] }),
              headers: { "Content-Type": "application/json" },
            }),
            { interviewId: benInterview },
          ),
        ),
    ],
    [
      "amend Ben's card",
      async () =>
        interviewAction(
          routeArgs(await post(`/hiring/interviews/${benInterview}`, userId, { intent: "amend" }), {
            interviewId: benInterview,
          }),
        ),
    ],
    [
      "decide",
      async () =>
        debriefAction(
          routeArgs(
            await post(`/hiring/loops/${loopId}/debrief`, userId, {
              intent: "decide",
              decision: "hire",
              rationale: "x",
            }),
            { loopId },
          ),
        ),
    ],
    [
      "dissent",
      async () =>
        debriefAction(
          routeArgs(
            await post(`/hiring/loops/${loopId}/debrief`, userId, { intent: "dissent", text: "x" }),
            { loopId },
          ),
        ),
    ],
    [
      "open early",
      async () =>
        loopAction(
          routeArgs(await post(`/hiring/loops/${loopId}`, userId, { intent: "open-debrief" }), {
            loopId,
          }),
        ),
    ],
    ["stats", async () => statsLoader(routeArgs(await get("/hiring/stats", userId)))],
    ["validity", async () => validityLoader(routeArgs(await get("/hiring/validity", userId)))],
    ["settings", async () => settingsLoader(routeArgs(await get("/hiring/settings", userId)))],
  ];
  const results: [string, number, string][] = [];
  for (const [what, run] of requests) {
    const result = await call(run);
    results.push([what, statusOf(result), await textOf(result)]);
  }
  return results;
}

function expectNothingOfBens(results: [string, number, string][], facts: Facts) {
  for (const [what, , text] of results) {
    expect(text, what).not.toContain("BEN-SECRET");
    expect(text, what).not.toContain("strong-yes");
    for (const id of facts.benCardIds) expect(text, what).not.toContain(id);
    // Ben scored 4 everywhere, Ana 2: no score of 4 in any shape a page or export gives scores.
    expect(text, what).not.toMatch(/"score":4|"scores":\[[^\]]*4|,4,(?:"|not)/);
  }
}

describe("independence of interviewers", () => {
  test("before her own card is in, an interviewer finds nothing of another's card on any hiring page, export, debrief, count or to-do", async () => {
    const facts = await setUp();
    const before = await everything(facts, facts.ana.id);
    expectNothingOfBens(before, facts);
    const status = Object.fromEntries(before.map(([what, code]) => [what, code]));
    expect(status).toEqual({
      home: 200,
      hiring: 200,
      opening: 404,
      "kit Coding": 200,
      "kit Design": 404,
      loop: 200,
      debrief: 200,
      export: 200,
      "own interview": 200,
      "Ben's interview": 404,
      "save on Ben's card": 404,
      "amend Ben's card": 404,
      decide: 409,
      dissent: 409,
      "open early": 409,
      stats: 403,
      validity: 403,
      settings: 403,
    });
    const loop = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.ana.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(loop.cards).toEqual([]);
    expect(
      loop.interviews.map((interview) => [interview.interviewer.name, interview.status]),
    ).toEqual([
      ["Ana Interviewer", "draft"],
      ["Ben Interviewer", null],
    ]);
    expect(loop.debrief.waitingForOwn).toBe(true);
    // Her own draft is in her export; nothing else.
    const csv = before.find(([what]) => what === "export")![2];
    expect(csv).toContain("ANA-OWN-EVIDENCE");
    // The header and the one competency her draft holds so far.
    expect(csv.trim().split("\r\n")).toHaveLength(2);
    // Candidate data is hers to see as an interviewer on the loop.
    expect(before.find(([what]) => what === "loop")![2]).toContain("CANDIDATE-PRIVATE-NOTE");

    // Even once the hiring admin opens the debrief early, it stays closed to her.
    await openDebriefEarly(asViewer(facts.grace), facts.loopId);
    const early = await everything(facts, facts.ana.id);
    expectNothingOfBens(early, facts);
    const debrief = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}/debrief`, facts.ana.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(debrief.available).toBe(false);
  });

  test("once her card is submitted she reads Ben's card and the debrief; the opening's hiring admin reads everything throughout", async () => {
    const facts = await setUp();
    const graceLoop = await textOf(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.grace.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(graceLoop).toContain("BEN-SECRET-EVIDENCE on system-design");
    // Ana's draft is hers alone, even for the hiring admin: on the loop's page and in its export.
    expect(graceLoop).not.toContain("ANA-OWN-EVIDENCE");
    const graceCsv = await textOf(
      await exportLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}/export`, facts.grace.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(graceCsv).toContain("BEN-SECRET-EVIDENCE on system-design");
    expect(graceCsv).not.toContain("ANA-OWN-EVIDENCE");
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      2,
      "ANA-EVIDENCE",
      "no",
    );
    const loop = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.ana.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(loop.cards.map((card) => [card.author, card.recommendation])).toEqual([
      ["Ben Interviewer", "strong-yes"],
      ["Ana Interviewer", "no"],
    ]);
    const debrief = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}/debrief`, facts.ana.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    if (!debrief.available) throw new Error("the debrief should be open");
    expect(debrief.rows.map((row) => [row.interviewer, row.scores])).toEqual([
      ["Ben Interviewer", [null, null, 4, 4]],
      ["Ana Interviewer", [2, 2, null, null]],
    ]);
    const csv = await textOf(
      await exportLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}/export`, facts.ana.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(csv).toContain("BEN-SECRET-EVIDENCE");
  });

  test("people outside the loop get a 404 on the opening, loop, debrief, export and kits: other hiring admins and engineers alike", async () => {
    const facts = await setUp();
    for (const person of [facts.olga, facts.stranger]) {
      const results = await everything(facts, person.id);
      expectNothingOfBens(results, facts);
      for (const [what, status, text] of results) {
        if (
          [
            "opening",
            "kit Coding",
            "kit Design",
            "loop",
            "debrief",
            "export",
            "own interview",
            "Ben's interview",
            "save on Ben's card",
            "amend Ben's card",
            "decide",
            "dissent",
            "open early",
          ].includes(what)
        ) {
          expect(status, `${person.name}: ${what}`).toBe(404);
        }
        expect(text, what).not.toContain("Casey Candidate");
        expect(text, what).not.toContain("CANDIDATE-PRIVATE-NOTE");
      }
    }
    // Admins see everything.
    expect(
      statusOf(
        await call(async () =>
          loopLoader(
            routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.admin.id), {
              loopId: facts.loopId,
            }),
          ),
        ),
      ),
    ).toBe(200);
  });

  test("an interviewer who holds two interviews on the loop finds nothing of another's card while one of her own is not in", async () => {
    const facts = await setUp();
    const { ana, grace, loopId, stages } = facts;
    const assigned = await assignInterviewer(asViewer(grace), loopId, {
      stageId: stages[1]!.id,
      email: ana.email,
      scheduledAt: new Date("2026-11-21T10:00:00Z"),
    });
    expect(assigned.ok).toBe(true);
    const design = (
      await db.hiringInterview.findFirstOrThrow({
        where: { loopId, stageId: stages[1]!.id, interviewerId: ana.id },
        select: { id: true },
      })
    ).id;
    // Her Design card is in; her Coding card is still a draft.
    await scoreAndSubmit(
      ana,
      design,
      ["system-design", "technical-judgement"],
      2,
      "ANA-DESIGN",
      "no",
    );
    expectNothingOfBens(await everything(facts, ana.id), facts);
  });

  test("a hiring admin who interviews on the loop waits for their own card like anyone else", async () => {
    const facts = await setUp();
    await db.hiringInterview.create({
      data: { loopId: facts.loopId, stageId: facts.stages[1]!.id, interviewerId: facts.grace.id },
    });
    const loop = await textOf(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.grace.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(loop).not.toContain("BEN-SECRET");
    const opening = bodyOf<Awaited<ReturnType<typeof openingLoader>>>(
      await openingLoader(
        routeArgs(await get(`/hiring/openings/${facts.openingId}`, facts.grace.id), {
          openingId: facts.openingId,
        }),
      ),
    );
    expect(opening.loops[0]!.submitted).toBeNull();
    const home = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await get("/", facts.grace.id))),
    );
    expect(inEnglish(home.todo.find((item) => item.kind === "hiring-loop")!).detail).toContain(
      "Your own scorecard is not in yet.",
    );
    // Which interviews could be taken off the panel would say who has a card (Ben's is in, Ana has a draft): only her own can go.
    const page = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.grace.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(
      page.interviews.map((interview) => [interview.interviewer.name, interview.removable]),
    ).toEqual(page.interviews.map((interview) => [interview.interviewer.name, interview.own]));
    const unassign = async (interviewId: string) =>
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, {
                intent: "unassign",
                interviewId,
              }),
              { loopId: facts.loopId },
            ),
          ),
        ),
      );
    expect(await unassign(facts.anaInterview)).toBe(403);
    expect(await unassign(facts.benInterview)).toBe(403);
    expect(await db.hiringInterview.count({ where: { loopId: facts.loopId } })).toBe(3);
    // She may take her own interview off and then read the cards as the opening's hiring admin, but not join the panel again afterwards.
    const own = (
      await db.hiringInterview.findFirstOrThrow({
        where: { loopId: facts.loopId, interviewerId: facts.grace.id },
      })
    ).id;
    expect(await unassign(own)).toBe(302);
    expect(
      await textOf(
        await loopLoader(
          routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.grace.id), {
            loopId: facts.loopId,
          }),
        ),
      ),
    ).toContain("BEN-SECRET");
    const assign = async (email: string) =>
      call(async () =>
        loopAction(
          routeArgs(
            await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, {
              intent: "assign",
              stageId: facts.stages[1]!.id,
              email,
            }),
            { loopId: facts.loopId },
          ),
        ),
      );
    const refused = await assign(facts.grace.email);
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(bodyOf(refused))).toContain("hiring:loop.errors.managesOpening");
    expect(
      await db.hiringInterview.count({
        where: { loopId: facts.loopId, interviewerId: facts.grace.id },
      }),
    ).toBe(0);
    // Someone who manages nothing of it still joins.
    expect(statusOf(await assign(facts.stranger.email))).toBe(302);
  });

  test("once the loop is withdrawn without a decision, an interviewer whose card is in is told it is closed, not that a decision was recorded", async () => {
    const facts = await setUp();
    await db.hiringLoop.update({ where: { id: facts.loopId }, data: { state: "withdrawn" } });
    const closed = "This loop is closed: your card is no longer needed.";
    const page = bodyOf<Awaited<ReturnType<typeof interviewLoader>>>(
      await interviewLoader(
        routeArgs(await get(`/hiring/interviews/${facts.benInterview}`, facts.ben.id), {
          interviewId: facts.benInterview,
        }),
      ),
    );
    expect(page.lockedReason).toEqual({ key: "hiring:scorecard.locked.closed" });
    const amend = await call(async () =>
      interviewAction(
        routeArgs(
          await post(`/hiring/interviews/${facts.benInterview}`, facts.ben.id, { intent: "amend" }),
          { interviewId: facts.benInterview },
        ),
      ),
    );
    expect([statusOf(amend), bodyOf<{ message: string }>(amend).message]).toEqual([409, closed]);
    expect(await db.hiringScorecard.count({ where: { authorId: facts.ben.id } })).toBe(
      facts.benCardIds.length,
    );
    // Withdrawn is no decision: it is said as it is.
    const loop = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.ben.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(loop.loop.state).toBe("withdrawn");
  });

  test("an interviewer who still owes a card when the loop is decided is told only that it is no longer needed, not that a decision exists", async () => {
    const facts = await setUp();
    await openDebriefEarly(asViewer(facts.grace), facts.loopId);
    expect(
      (
        await recordDecision(asViewer(facts.grace), facts.loopId, {
          decision: "hire",
          rationale: "RATIONALE",
        })
      ).ok,
    ).toBe(true);
    // The pages (the refusals of actions she may not take say the same to everyone).
    const pages = (await everything(facts, facts.ana.id)).filter(([what]) =>
      ["home", "hiring", "loop", "debrief", "export", "own interview"].includes(what),
    );
    for (const [what, , text] of pages)
      expect(text, what).not.toMatch(/decided|decision is recorded|RATIONALE|"hire"/i);
    const save = await saveScorecardDraft(asViewer(facts.ana), facts.anaInterview, {
      baseRevision: 1,
      changes: [{ field: "rating:testing", value: 3, base: null }],
    });
    expect(save).toMatchObject({
      status: 409,
      body: { message: { key: "hiring:scorecard.locked.closed" } },
    });
    const loop = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.ana.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(loop.loop.state).toBe("closed");
    const hiring = bodyOf<Awaited<ReturnType<typeof hiringLoader>>>(
      await hiringLoader(routeArgs(await get("/hiring", facts.ana.id))),
    );
    expect(hiring.interviews.map((interview) => [interview.card, interview.loopState])).toEqual([
      ["draft", "closed"],
    ]);
    const interview = bodyOf<Awaited<ReturnType<typeof interviewLoader>>>(
      await interviewLoader(
        routeArgs(await get(`/hiring/interviews/${facts.anaInterview}`, facts.ana.id), {
          interviewId: facts.anaInterview,
        }),
      ),
    );
    expect(interview.lockedReason).toEqual({ key: "hiring:scorecard.locked.closed" });
    const debrief = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}/debrief`, facts.ana.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(debrief).toMatchObject({
      available: false,
      reason: { key: "hiring:debrief.unavailable.closed" },
    });
    // Ben, whose card is in, is told of the decision.
    const bens = bodyOf<Awaited<ReturnType<typeof hiringLoader>>>(
      await hiringLoader(routeArgs(await get("/hiring", facts.ben.id))),
    );
    expect(bens.interviews.map((row) => [row.card, row.loopState])).toEqual([
      ["submitted", "decided"],
    ]);
    const benInterview = bodyOf<Awaited<ReturnType<typeof interviewLoader>>>(
      await interviewLoader(
        routeArgs(await get(`/hiring/interviews/${facts.benInterview}`, facts.ben.id), {
          interviewId: facts.benInterview,
        }),
      ),
    );
    expect(benInterview.lockedReason).toEqual({ key: "hiring:scorecard.locked.decided" });
    // A hiring admin of the opening who owes a card (put on the panel straight) is not asked to link the hire either.
    await db.hiringInterview.create({
      data: { loopId: facts.loopId, stageId: facts.stages[0]!.id, interviewerId: facts.grace.id },
    });
    const graces = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.grace.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect([graces.loop.state, graces.can.linkHire, graces.decision]).toEqual([
      "closed",
      false,
      null,
    ]);
    const link = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, {
            intent: "link-hire",
            email: facts.stranger.email,
          }),
          { loopId: facts.loopId },
        ),
      ),
    );
    expect(statusOf(link)).toBe(409);
  });
});

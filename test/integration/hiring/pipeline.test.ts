// Candidates through an opening's pipeline: moves and rejections with reasons, who may move them,
// a second loop for the same candidate, independence, and the retention purge.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { setRetention } from "~/modules/hiring/candidates.server";
import { runRetentionPass } from "~/modules/retention/pass.server";
import { recordMove, startAnotherLoop } from "~/modules/hiring/pipeline.server";
import { addCandidate, recordDecision } from "~/modules/hiring/loops.server";
import { createOpening } from "~/modules/hiring/openings.server";
import { loader as homeLoader } from "~/routes/_index";
import {
  action as debriefAction,
  loader as debriefLoader,
} from "~/routes/hiring.loops.$loopId.debrief";
import { action as loopAction, loader as loopLoader } from "~/routes/hiring.loops.$loopId._index";
import {
  action as pipelineAction,
  loader as pipelineLoader,
} from "~/routes/hiring.openings.$openingId.pipeline";
import * as pipelineRoute from "~/routes/hiring.openings.$openingId.pipeline";
import { seedHiringHistory } from "../../../prisma/seed/hiring-history";
import { renderPage, type PageModule } from "../../utils/render-page";
import { createAdmin, createPerson } from "../../utils/factories";
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

type Facts = Awaited<ReturnType<typeof hiringSetUp>>;
type Board = Awaited<ReturnType<typeof pipelineLoader>>;

const candidateOf = (loopId: string) =>
  db.hiringCandidate.findFirstOrThrow({ where: { loops: { some: { id: loopId } } } });

async function board(facts: Facts, userId: string): Promise<Board> {
  return bodyOf<Board>(
    await pipelineLoader(
      routeArgs(await get(`/hiring/openings/${facts.openingId}/pipeline`, userId), {
        openingId: facts.openingId,
      }),
    ),
  );
}

/**
 * What the board says once a move redirected there: the page rendered at the redirect's address
 * for `userId`, as the browser opens it (decision 146), and the status message at its top.
 */
async function boardSays(answer: unknown, userId: string): Promise<string | undefined> {
  expect(statusOf(answer)).toBe(302);
  const [location, card] = (answer as Response).headers.get("Location")!.split("#");
  expect(card).toMatch(/^candidate-/);
  const { html } = await renderPage(
    pipelineRoute as unknown as PageModule,
    "/hiring/openings/:openingId/pipeline",
    location!,
    userId,
  );
  return html.match(/<div role="status"[^>]*>(.*?)<\/div>/)?.[1];
}

async function move(
  facts: Facts,
  userId: string,
  fields: Record<string, string>,
  openingId = facts.openingId,
) {
  return call(async () =>
    pipelineAction(
      routeArgs(
        await post(`/hiring/openings/${openingId}/pipeline`, userId, { intent: "move", ...fields }),
        { openingId },
      ),
    ),
  );
}

const placed = (page: Board) =>
  Object.fromEntries(
    page.columns.map((column) => [
      column.stage,
      column.candidates.map((candidate) => candidate.name),
    ]),
  );

describe("the pipeline", () => {
  test("a hiring admin moves candidates on and rejects one with a reason: each move recorded, the board and its figures follow; bad input changes nothing", async () => {
    const facts = await hiringSetUp();
    const grace = asViewer(facts.grace);
    const { loopId: screenLoop } = await addCandidate(grace, facts.openingId, {
      name: "Sam Screen",
      email: "",
      source: "",
      notes: "",
    });
    const sam = await candidateOf(screenLoop);
    const casey = await candidateOf(facts.loopId);
    // Staffing Casey's loop moved her from screen to interviews.
    expect(casey.pipelineStage).toBe("interviews");
    expect(placed(await board(facts, facts.grace.id))).toMatchObject({
      screen: ["Sam Screen"],
      interviews: ["Casey Candidate"],
      offer: [],
      rejected: [],
    });

    expect(
      statusOf(await move(facts, facts.grace.id, { candidateId: casey.id, to: "offer" })),
    ).toBe(302);
    // A rejection without a reason, "other" without a note, hired without an offer and without a note, an unknown stage: 400s that write nothing.
    for (const fields of [
      { candidateId: sam.id, to: "rejected" } as Record<string, string>,
      { candidateId: sam.id, to: "rejected", reason: "other", note: " " },
      { candidateId: sam.id, to: "hired" },
      { candidateId: sam.id, to: "limbo" },
      { candidateId: sam.id, to: "rejected", reason: "too-nice" },
    ]) {
      expect(statusOf(await move(facts, facts.grace.id, fields)), JSON.stringify(fields)).toBe(400);
    }
    expect((await candidateOf(screenLoop)).pipelineStage).toBe("screen");
    const refused = bodyOf<{ result: { error: Record<string, string[]> } }>(
      await move(facts, facts.grace.id, { candidateId: sam.id, to: "rejected" }),
    );
    expect(refused.result.error.reason).toEqual(["hiring:pipeline.errors.reasonMissing"]);
    // The board is sent as HTML (decision 146): the refusal comes back as a document with the move
    // form open on Sam's card, its error beside the reason and the note as typed.
    const refusedPage = await renderPage(
      pipelineRoute as unknown as PageModule,
      "/hiring/openings/:openingId/pipeline",
      `/hiring/openings/${facts.openingId}/pipeline`,
      facts.grace.id,
      new URLSearchParams({
        intent: "move",
        candidateId: sam.id,
        to: "rejected",
        note: "TYPED-NOTE about the screen",
      }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain("Choose why the candidate is rejected.");
    expect(refusedPage.html).toMatch(/<textarea[^>]*>TYPED-NOTE about the screen<\/textarea>/);

    const rejected = await move(facts, facts.grace.id, {
      candidateId: sam.id,
      to: "rejected",
      reason: "experience",
      note: "No production experience with identity systems",
    });
    expect(await boardSays(rejected, facts.grace.id)).toBe("Sam Screen moved to rejected.");
    const samNow = await candidateOf(screenLoop);
    expect(samNow.pipelineStage).toBe("rejected");
    expect(samNow.rejectedAt).toEqual(samNow.pipelineStageSince);
    // Rejecting withdrew Sam's loop, still undecided: nobody staffs or scores it any more.
    expect((await db.hiringLoop.findUniqueOrThrow({ where: { id: screenLoop } })).state).toBe(
      "withdrawn",
    );
    const moves = await db.hiringPipelineMove.findMany({
      where: { candidateId: sam.id },
      orderBy: { movedAt: "asc" },
    });
    expect(
      moves.map((row) => [row.fromStage, row.toStage, row.reason, row.note, row.movedById]),
    ).toEqual([
      [null, "screen", null, "", facts.grace.id],
      [
        "screen",
        "rejected",
        "experience",
        "No production experience with identity systems",
        facts.grace.id,
      ],
    ]);

    const page = await board(facts, facts.grace.id);
    expect(page.columns.map((column) => [column.stage, column.count])).toEqual([
      ["screen", 0],
      ["interviews", 0],
      ["offer", 1],
      ["hired", 0],
      ["rejected", 1],
    ]);
    expect(page.columns.find((column) => column.stage === "rejected")?.candidates[0]).toMatchObject(
      { name: "Sam Screen", days: 0, reason: "experience" },
    );
    expect(page.funnel.find((row) => row.stage === "screen")).toMatchObject({
      reached: 2,
      movedOn: 1,
      rejected: 1,
      conversion: 0.5,
    });
    expect(page.timeInStage.find((row) => row.stage === "interviews")).toMatchObject({
      completed: 1,
      waiting: 0,
    });
    // The loop page shows Casey's moves, latest first, with who made them.
    const loopPage = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.grace.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(loopPage.pipeline).toMatchObject({
      stage: "offer",
      moves: [
        { from: "interviews", to: "offer", by: "Grace Hiring" },
        { from: "screen", to: "interviews" },
        { from: null, to: "screen" },
      ],
    });

    // Hired from the offer stage needs no note; a hire stays hired.
    expect(
      statusOf(await move(facts, facts.grace.id, { candidateId: casey.id, to: "hired" })),
    ).toBe(302);
    expect(
      statusOf(await move(facts, facts.grace.id, { candidateId: casey.id, to: "offer" })),
    ).toBe(400);
    expect((await candidateOf(facts.loopId)).pipelineStage).toBe("hired");
  });

  test("the board follows what another app server writes: a move, a purge (each server keeps a board per version of the opening's candidates and moves)", async () => {
    const facts = await hiringSetUp();
    const casey = await candidateOf(facts.loopId);
    expect(placed(await board(facts, facts.grace.id))).toMatchObject({
      interviews: ["Casey Candidate"],
      offer: [],
    });
    // Written as another server writes it: straight to the shared database.
    await db.$transaction((tx) =>
      recordMove(tx, {
        candidateId: casey.id,
        from: "interviews",
        to: "offer",
        movedById: facts.grace.id,
        at: new Date(),
      }),
    );
    expect(placed(await board(facts, facts.grace.id))).toMatchObject({
      interviews: [],
      offer: ["Casey Candidate"],
    });
    await db.hiringCandidate.update({
      where: { id: casey.id },
      data: { name: "", purgedAt: new Date() },
    });
    const purged = (await board(facts, facts.grace.id)).columns.find(
      (column) => column.stage === "offer",
    )!.candidates[0]!;
    expect([purged.name, purged.moves]).toEqual([null, []]);
  });

  test("?move= opens the move form on that one candidate's card; another candidate's or nobody's id leaves every card closed", async () => {
    const facts = await hiringSetUp();
    const { loopId: screenLoop } = await addCandidate(asViewer(facts.grace), facts.openingId, {
      name: "Sam Screen",
      email: "",
      source: "",
      notes: "",
    });
    const sam = await candidateOf(screenLoop);
    const open = async (query: string) =>
      bodyOf<Board>(
        await pipelineLoader(
          routeArgs(
            await get(`/hiring/openings/${facts.openingId}/pipeline${query}`, facts.grace.id),
            { openingId: facts.openingId },
          ),
        ),
      );
    const moving = (page: Board) =>
      page.columns.flatMap((column) =>
        column.candidates
          .filter((candidate) => candidate.moving)
          .map((candidate) => candidate.name),
      );
    expect(moving(await open(""))).toEqual([]);
    expect(moving(await open(`?move=${sam.id}`))).toEqual(["Sam Screen"]);
    const other = await hiringSetUp();
    for (const query of [`?move=${(await candidateOf(other.loopId)).id}`, "?move=nobody", "?move="])
      expect(moving(await open(query)), query).toEqual([]);
  });

  test("a candidate skips the offer stage only with a note saying why; a rejected candidate is reopened by a hiring admin, which stops the retention clock", async () => {
    const facts = await hiringSetUp();
    const casey = await candidateOf(facts.loopId);
    expect(
      statusOf(
        await move(facts, facts.grace.id, {
          candidateId: casey.id,
          to: "hired",
          note: "Returning employee: the contract was signed directly",
        }),
      ),
    ).toBe(302);
    const other = await hiringSetUp();
    const otherCandidate = await candidateOf(other.loopId);
    expect(
      statusOf(
        await move(other, other.grace.id, {
          candidateId: otherCandidate.id,
          to: "rejected",
          reason: "withdrew",
        }),
      ),
    ).toBe(302);
    expect((await candidateOf(other.loopId)).rejectedAt).not.toBeNull();
    const reopened = await move(other, other.grace.id, {
      candidateId: otherCandidate.id,
      to: "interviews",
      note: "Withdrew by mistake; back in",
    });
    expect(await boardSays(reopened, other.grace.id)).toBe(
      "Casey Candidate reopened in interviews.",
    );
    // The board names only a candidate whose card it shows: one of another opening, nobody.
    const elsewhere = await renderPage(
      pipelineRoute as unknown as PageModule,
      "/hiring/openings/:openingId/pipeline",
      `/hiring/openings/${facts.openingId}/pipeline?done=reopened&candidate=${otherCandidate.id}`,
      facts.grace.id,
    );
    expect(elsewhere.html).not.toContain("reopened in");
    const after = await candidateOf(other.loopId);
    expect([after.pipelineStage, after.rejectedAt]).toEqual(["interviews", null]);
  });

  test("an interviewer cannot move candidates (403); people outside the opening, and a candidate of another opening, get a 404", async () => {
    const facts = await hiringSetUp();
    const other = await hiringSetUp();
    const casey = await candidateOf(facts.loopId);
    const otherCasey = await candidateOf(other.loopId);
    // Ana interviews Casey: she knows the candidate, but moving is not hers.
    expect(
      statusOf(
        await move(facts, facts.ana.id, {
          candidateId: casey.id,
          to: "rejected",
          reason: "interviews",
        }),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          pipelineAction(
            routeArgs(
              await post(`/hiring/openings/${facts.openingId}/pipeline`, facts.ana.id, {
                intent: "start-loop",
                candidateId: casey.id,
              }),
              { openingId: facts.openingId },
            ),
          ),
        ),
      ),
    ).toBe(403);
    // Nor once her card is in: the pipeline is the opening's hiring admins', not the panel's.
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      3,
      "ANA",
      "yes",
    );
    const refused = await move(facts, facts.ana.id, {
      candidateId: casey.id,
      to: "rejected",
      reason: "interviews",
    });
    expect([statusOf(refused), bodyOf<{ message: string }>(refused).message]).toEqual([
      403,
      "Only the opening's hiring admins move candidates.",
    ]);
    expect(
      bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
        await loopLoader(
          routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.ana.id), {
            loopId: facts.loopId,
          }),
        ),
      ).pipeline,
    ).toBeNull();
    // The board is the opening's: for interviewers, other hiring admins and strangers it does not exist.
    for (const userId of [facts.ana.id, facts.olga.id, facts.stranger.id]) {
      expect(
        statusOf(
          await call(async () =>
            pipelineLoader(
              routeArgs(await get(`/hiring/openings/${facts.openingId}/pipeline`, userId), {
                openingId: facts.openingId,
              }),
            ),
          ),
        ),
      ).toBe(404);
    }
    expect(statusOf(await move(facts, facts.olga.id, { candidateId: casey.id, to: "offer" }))).toBe(
      404,
    );
    expect(
      statusOf(await move(facts, facts.stranger.id, { candidateId: casey.id, to: "offer" })),
    ).toBe(404);
    // Grace manages both openings' namesakes but not this one: a candidate of another opening through this opening's address is a 404 too.
    expect(
      statusOf(await move(facts, facts.grace.id, { candidateId: otherCasey.id, to: "offer" })),
    ).toBe(404);
    expect(
      statusOf(
        await move(facts, facts.grace.id, { candidateId: "no-such-candidate", to: "offer" }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(async () =>
          pipelineLoader(
            routeArgs(await get("/hiring/openings/nope/pipeline", facts.grace.id), {
              openingId: "nope",
            }),
          ),
        ),
      ),
    ).toBe(404);
    expect([
      (await candidateOf(facts.loopId)).pipelineStage,
      (await candidateOf(other.loopId)).pipelineStage,
    ]).toEqual(["interviews", "interviews"]);
    expect(
      await db.hiringPipelineMove.count({
        where: {
          candidateId: { in: [casey.id, otherCasey.id] },
          toStage: { in: ["offer", "rejected"] },
        },
      }),
    ).toBe(0);
  });

  test("on a candidate's second loop, a hiring admin who still owes a card in their first sees nothing of their place in the pipeline", async () => {
    const facts = await hiringSetUp();
    const casey = await candidateOf(facts.loopId);
    await db.hiringOpeningAdmin.create({
      data: { openingId: facts.openingId, userId: facts.olga.id },
    });
    await db.hiringInterview.create({
      data: { loopId: facts.loopId, stageId: facts.stages[0]!.id, interviewerId: facts.olga.id },
    });
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      3,
      "ANA",
      "yes",
    );
    await scoreAndSubmit(
      facts.ben,
      facts.benInterview,
      ["system-design", "technical-judgement"],
      3,
      "BEN",
      "yes",
    );
    expect(
      statusOf(
        await loopAction(
          routeArgs(
            await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, { intent: "open-debrief" }),
            { loopId: facts.loopId },
          ),
        ),
      ),
    ).toBe(302);
    await recordDecision(asViewer(facts.grace), facts.loopId, {
      decision: "hire",
      rationale: "Yes",
    });
    const { loopId: second } = await startAnotherLoop(
      asViewer(facts.grace),
      facts.openingId,
      casey.id,
    );
    const pipelineOn = async (viewerId: string) =>
      bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
        await loopLoader(
          routeArgs(await get(`/hiring/loops/${second}`, viewerId), { loopId: second }),
        ),
      ).pipeline;
    expect(await pipelineOn(facts.olga.id)).toBeNull();
    expect(await pipelineOn(facts.grace.id)).toMatchObject({ stage: "offer" });
  });

  test("a hiring admin who interviews the candidate sees nothing of their place in the pipeline, nor moves them, until her own card is in", async () => {
    const facts = await hiringSetUp();
    const casey = await candidateOf(facts.loopId);
    // Olga is made a hiring admin of the opening and interviews Casey in Coding.
    await db.hiringOpeningAdmin.create({
      data: { openingId: facts.openingId, userId: facts.olga.id },
    });
    const coding = facts.stages[0]!;
    const interview = await db.hiringInterview.create({
      data: { loopId: facts.loopId, stageId: coding.id, interviewerId: facts.olga.id },
    });
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      2,
      "ANA",
      "no",
    );
    await scoreAndSubmit(
      facts.ben,
      facts.benInterview,
      ["system-design", "technical-judgement"],
      2,
      "BEN",
      "no",
    );
    expect(
      statusOf(
        await loopAction(
          routeArgs(
            await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, { intent: "open-debrief" }),
            { loopId: facts.loopId },
          ),
        ),
      ),
    ).toBe(302);
    await recordDecision(asViewer(facts.grace), facts.loopId, {
      decision: "hire",
      rationale: "Yes",
    });
    expect((await candidateOf(facts.loopId)).pipelineStage).toBe("offer");

    const olgaBoard = await board(facts, facts.olga.id);
    expect(olgaBoard.hidden).toBe(1);
    expect(
      olgaBoard.columns.every((column) => column.count === 0 && column.candidates.length === 0),
    ).toBe(true);
    expect(olgaBoard.funnel.every((row) => row.reached === 0)).toBe(true);
    expect(JSON.stringify(olgaBoard)).not.toContain("Casey");
    const olgaLoop = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.olga.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(olgaLoop.pipeline).toBeNull();
    expect(JSON.stringify(olgaLoop)).not.toMatch(/offer/i);
    expect(
      statusOf(await move(facts, facts.olga.id, { candidateId: casey.id, to: "interviews" })),
    ).toBe(403);
    const olgaTodo = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await get("/", facts.olga.id))),
    ).todo;
    expect(olgaTodo.filter((item) => item.kind === "hiring-candidate")).toEqual([]);
    // Grace, who does not interview, sees it all, and follows the offer.
    expect(
      (await board(facts, facts.grace.id)).columns.find((column) => column.stage === "offer")
        ?.candidates[0],
    ).toMatchObject({ name: "Casey Candidate" });
    const graceTodo = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await get("/", facts.grace.id))),
    ).todo;
    expect(
      graceTodo
        .filter((item) => item.kind === "hiring-candidate")
        .map((item) => inEnglish(item).title),
    ).toEqual(["Follow an offer for Senior Engineer, Payments"]);
    expect(interview.id).toBeTruthy();
  });

  test("a second loop for the same candidate: refused while one is open; after a no-hire and reopening, the new loop has its own panel, debrief and decision", async () => {
    const facts = await hiringSetUp();
    const casey = await candidateOf(facts.loopId);
    const startLoop = async () =>
      call(async () =>
        pipelineAction(
          routeArgs(
            await post(`/hiring/openings/${facts.openingId}/pipeline`, facts.grace.id, {
              intent: "start-loop",
              candidateId: casey.id,
            }),
            { openingId: facts.openingId },
          ),
        ),
      );
    expect(statusOf(await startLoop())).toBe(409);
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      2,
      "FIRST-ROUND",
      "no",
    );
    await scoreAndSubmit(
      facts.ben,
      facts.benInterview,
      ["system-design", "technical-judgement"],
      2,
      "FIRST-ROUND",
      "no",
    );
    await debriefAction(
      routeArgs(
        await post(`/hiring/loops/${facts.loopId}/debrief`, facts.grace.id, {
          intent: "decide",
          decision: "no-hire",
          rationale: "Not yet",
        }),
        { loopId: facts.loopId },
      ),
    );
    expect(statusOf(await startLoop())).toBe(409);
    // A year on, Casey applies again: reopened into interviews, with a to-do to start a loop.
    expect(
      statusOf(
        await move(facts, facts.grace.id, {
          candidateId: casey.id,
          to: "interviews",
          note: "Re-applied",
        }),
      ),
    ).toBe(302);
    const todo = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await get("/", facts.grace.id))),
    ).todo;
    expect(inEnglish(todo.find((item) => item.kind === "hiring-candidate")!)).toMatchObject({
      title: "Start an interview loop for Senior Engineer, Payments",
      detail: expect.stringMatching(/^Candidate: Casey Candidate\./),
    });
    const started = await startLoop();
    expect(statusOf(started)).toBe(302);
    const secondLoop = (started as Response).headers.get("Location")!.split("/").at(-1)!;
    expect(secondLoop).not.toBe(facts.loopId);
    expect(
      await db.hiringLoop.count({ where: { candidateId: casey.id, openingId: facts.openingId } }),
    ).toBe(2);

    const assign = async (email: string, stageId: string) =>
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${secondLoop}`, facts.grace.id, {
                intent: "assign",
                stageId,
                email,
              }),
              { loopId: secondLoop },
            ),
          ),
        ),
      );
    expect(await assign(facts.ana.email, facts.stages[0]!.id)).toBe(302);
    const anaSecond = await db.hiringInterview.findFirstOrThrow({
      where: { loopId: secondLoop, interviewerId: facts.ana.id },
    });
    // The new loop's page and debrief are its own: nothing of the first round's cards.
    const second = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${secondLoop}`, facts.grace.id), { loopId: secondLoop }),
      ),
    );
    expect([second.candidate.name, second.cards.length, second.decision]).toEqual([
      "Casey Candidate",
      0,
      null,
    ]);
    await scoreAndSubmit(
      facts.ana,
      anaSecond.id,
      ["code-quality", "testing"],
      3,
      "SECOND-ROUND",
      "yes",
    );
    // Its debrief opens once its own one card is in, and reads that card only (the first round scored 2s, Ben included).
    const debrief = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${secondLoop}/debrief`, facts.grace.id), {
          loopId: secondLoop,
        }),
      ),
    );
    if (!debrief.available) throw new Error("the second loop's debrief is open");
    expect(debrief.rows.map((row) => [row.interviewer, row.scores])).toEqual([
      ["Ana Interviewer", [3, 3, null, null]],
    ]);
    await debriefAction(
      routeArgs(
        await post(`/hiring/loops/${secondLoop}/debrief`, facts.grace.id, {
          intent: "decide",
          decision: "hire",
          rationale: "Grew a lot",
        }),
        { loopId: secondLoop },
      ),
    );
    const decided = await db.hiringLoop.findMany({
      where: { candidateId: casey.id },
      orderBy: { createdAt: "asc" },
      select: { decision: true },
    });
    expect(decided.map((loop) => loop.decision)).toEqual(["no-hire", "hire"]);
    expect((await candidateOf(facts.loopId)).pipelineStage).toBe("offer");
    const page = await board(facts, facts.grace.id);
    expect(page.columns.find((column) => column.stage === "offer")?.candidates[0]).toMatchObject({
      name: "Casey Candidate",
      loops: 2,
      loopId: secondLoop,
    });
  });

  test("a hiring admin who interviews on the candidate's other loop sees the pipeline on neither loop's page until their card there is in", async () => {
    const facts = await hiringSetUp();
    const casey = await candidateOf(facts.loopId);
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      2,
      "FIRST-ROUND",
      "no",
    );
    await scoreAndSubmit(
      facts.ben,
      facts.benInterview,
      ["system-design", "technical-judgement"],
      2,
      "FIRST-ROUND",
      "no",
    );
    await debriefAction(
      routeArgs(
        await post(`/hiring/loops/${facts.loopId}/debrief`, facts.grace.id, {
          intent: "decide",
          decision: "no-hire",
          rationale: "Not yet",
        }),
        { loopId: facts.loopId },
      ),
    );
    expect(
      statusOf(
        await move(facts, facts.grace.id, {
          candidateId: casey.id,
          to: "interviews",
          note: "Re-applied",
        }),
      ),
    ).toBe(302);
    const started = await call(async () =>
      pipelineAction(
        routeArgs(
          await post(`/hiring/openings/${facts.openingId}/pipeline`, facts.grace.id, {
            intent: "start-loop",
            candidateId: casey.id,
          }),
          { openingId: facts.openingId },
        ),
      ),
    );
    const secondLoop = (started as Response).headers.get("Location")!.split("/").at(-1)!;
    const pipelineOn = async (loopId: string) =>
      bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
        await loopLoader(
          routeArgs(await get(`/hiring/loops/${loopId}`, facts.grace.id), { loopId }),
        ),
      ).pipeline;
    expect(await pipelineOn(facts.loopId)).toMatchObject({ stage: "interviews" });
    // Grace interviews on the second loop herself: the first loop's page withholds the pipeline too, until her card is in.
    const assigned = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${secondLoop}`, facts.grace.id, {
            intent: "assign",
            stageId: facts.stages[0]!.id,
            email: facts.grace.email,
          }),
          { loopId: secondLoop },
        ),
      ),
    );
    expect(statusOf(assigned)).toBe(302);
    expect(await pipelineOn(facts.loopId)).toBeNull();
    expect(await pipelineOn(secondLoop)).toBeNull();
    const graceInterview = await db.hiringInterview.findFirstOrThrow({
      where: { loopId: secondLoop, interviewerId: facts.grace.id },
    });
    await scoreAndSubmit(
      facts.grace,
      graceInterview.id,
      ["code-quality", "testing"],
      3,
      "SECOND-ROUND",
      "yes",
    );
    expect(await pipelineOn(facts.loopId)).toMatchObject({ stage: "interviews" });
    expect(await pipelineOn(secondLoop)).toMatchObject({ stage: "interviews" });
  });

  test("retention purges candidates rejected in the pipeline (a decision or not) once the period has passed, with the notes of their moves; a reopened candidate is kept", async () => {
    const facts = await hiringSetUp();
    const grace = asViewer(facts.grace);
    const opened = await createOpening(grace, {
      title: "Staff Engineer",
      ladderId: "engineering",
      levelId: "ic3",
      adminEmails: [],
      starterPlan: false,
    });
    if (!opened.ok) throw new Error("opening");
    const january = new Date("2026-01-10T00:00:00Z");
    const { loopId: screened } = await addCandidate(
      grace,
      opened.openingId,
      { name: "Riley Screened", email: "riley@example.org", source: "", notes: "" },
      january,
    );
    const { loopId: back } = await addCandidate(
      grace,
      opened.openingId,
      { name: "Kim Reopened", email: "", source: "", notes: "" },
      january,
    );
    const riley = await candidateOf(screened);
    const kim = await candidateOf(back);
    for (const candidateId of [riley.id, kim.id]) {
      expect(
        statusOf(
          await move(
            { ...facts, openingId: opened.openingId },
            facts.grace.id,
            { candidateId, to: "rejected", reason: "other", note: "NOTE-ABOUT-THE-CANDIDATE" },
            opened.openingId,
          ),
        ),
      ).toBe(302);
    }
    // Casey was decided a hire, then declined the offer: rejected too, though her loop ended in a hire.
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      3,
      "ANA",
      "yes",
    );
    await scoreAndSubmit(
      facts.ben,
      facts.benInterview,
      ["system-design", "technical-judgement"],
      3,
      "BEN",
      "yes",
    );
    await recordDecision(grace, facts.loopId, { decision: "hire", rationale: "Yes" });
    const casey = await candidateOf(facts.loopId);
    expect(
      statusOf(
        await move(facts, facts.grace.id, {
          candidateId: casey.id,
          to: "rejected",
          reason: "offer-declined",
        }),
      ),
    ).toBe(302);
    // Moved in January, as far as the clock is concerned.
    await db.hiringCandidate.updateMany({
      where: { id: { in: [riley.id, kim.id, casey.id] } },
      data: { rejectedAt: january, pipelineStageSince: january },
    });
    expect(
      statusOf(
        await move(
          { ...facts, openingId: opened.openingId },
          facts.grace.id,
          { candidateId: kim.id, to: "screen" },
          opened.openingId,
        ),
      ),
    ).toBe(302);
    await setRetention(asViewer(facts.admin), 30);
    const purgedBefore = await db.hiringCandidate.count({ where: { purgedAt: { not: null } } });
    expect(
      (await runRetentionPass(new Date("2026-11-22T00:00:00Z"))).removed.candidates,
    ).toBeGreaterThanOrEqual(1);
    const [rileyAfter, kimAfter] = [await candidateOf(screened), await candidateOf(back)];
    expect([rileyAfter.purgedAt !== null, rileyAfter.name, kimAfter.purgedAt]).toEqual([
      true,
      "",
      null,
    ]);
    expect((await candidateOf(facts.loopId)).purgedAt).not.toBeNull();
    expect(
      (await db.hiringPipelineMove.findMany({ where: { candidateId: riley.id } })).map(
        (row) => row.note,
      ),
    ).toEqual(["", ""]);
    expect(
      await db.hiringPipelineMove.count({
        where: { candidateId: kim.id, note: "NOTE-ABOUT-THE-CANDIDATE" },
      }),
    ).toBe(1);
    expect(await db.hiringCandidate.count({ where: { purgedAt: { not: null } } })).toBeGreaterThan(
      purgedBefore,
    );
    // A purged candidate stays on the board under no name, and moves no more (409).
    const page = bodyOf<Board>(
      await pipelineLoader(
        routeArgs(await get(`/hiring/openings/${opened.openingId}/pipeline`, facts.grace.id), {
          openingId: opened.openingId,
        }),
      ),
    );
    expect(page.columns.find((column) => column.stage === "rejected")?.candidates).toMatchObject([
      { name: null, moves: [] },
    ]);
    expect(
      statusOf(
        await move(
          { ...facts, openingId: opened.openingId },
          facts.grace.id,
          { candidateId: riley.id, to: "screen" },
          opened.openingId,
        ),
      ),
    ).toBe(409);
  });

  test("the bench's hiring history writes each candidate's way through the pipeline, which the board reads", async () => {
    const team = await db.team.create({ data: { name: `Bench team ${Math.random()}` } });
    for (let index = 0; index < 6; index++)
      await createPerson({ name: `Bench interviewer ${index}`, teamId: team.id });
    const admin = await createAdmin({ name: "Bench Admin" });
    const history = await seedHiringHistory({
      adminId: admin.id,
      loops: 24,
      interviewers: 6,
      now: new Date("2026-11-01T00:00:00Z"),
    });
    const page = bodyOf<Board>(
      await pipelineLoader(
        routeArgs(await get(`/hiring/openings/${history.pipelineOpeningId}/pipeline`, admin.id), {
          openingId: history.pipelineOpeningId,
        }),
      ),
    );
    const count = (stage: string) => page.columns.find((column) => column.stage === stage)!.count;
    expect([
      count("screen"),
      count("interviews"),
      count("offer") + count("hired") + count("rejected"),
    ]).toEqual([0, 0, 6]);
    expect(page.funnel.find((row) => row.stage === "screen")).toMatchObject({
      reached: 6,
      movedOn: 6,
      rejected: 0,
    });
    expect(page.timeInStage.find((row) => row.stage === "screen")).toMatchObject({
      completed: 6,
      medianDays: 4,
    });
    const rejected = await db.hiringCandidate.findMany({
      where: {
        pipelineStage: "rejected",
        loops: { some: { openingId: history.pipelineOpeningId } },
      },
      select: { rejectedAt: true, pipelineStageSince: true },
    });
    expect(
      rejected.every(
        (candidate) => candidate.rejectedAt?.getTime() === candidate.pipelineStageSince.getTime(),
      ),
    ).toBe(true);
  });

  test("a column of many candidates shows the 10 waiting longest and how many more; ?all= opens that column whole", async () => {
    const team = await db.team.create({ data: { name: `Bench team ${Math.random()}` } });
    for (let index = 0; index < 6; index++)
      await createPerson({ name: `Bench interviewer ${index}`, teamId: team.id });
    const admin = await createAdmin({ name: "Bench Admin" });
    const history = await seedHiringHistory({
      adminId: admin.id,
      loops: 400,
      interviewers: 6,
      now: new Date("2026-11-01T00:00:00Z"),
    });
    const open = async (query: string) =>
      bodyOf<Board>(
        await pipelineLoader(
          routeArgs(
            await get(`/hiring/openings/${history.pipelineOpeningId}/pipeline${query}`, admin.id),
            { openingId: history.pipelineOpeningId },
          ),
        ),
      );
    const page = await open("");
    const fullest = [...page.columns].sort((a, b) => b.count - a.count)[0]!;
    expect(fullest.count).toBeGreaterThan(10);
    expect([fullest.candidates.length, fullest.more, fullest.whole]).toEqual([
      10,
      fullest.count - 10,
      false,
    ]);
    // Those waiting longest first.
    const since = fullest.candidates.map((candidate) => candidate.since);
    expect(since).toEqual([...since].sort());
    const whole = (await open(`?all=${fullest.stage}`)).columns.find(
      (column) => column.stage === fullest.stage,
    )!;
    expect([whole.candidates.length, whole.more, whole.whole]).toEqual([fullest.count, 0, true]);
    expect(whole.candidates.slice(0, 10)).toEqual(fullest.candidates);
    // Another column, or nonsense, leaves the board as it was.
    for (const query of ["?all=limbo", "?all="])
      expect((await open(query)).columns.map((column) => column.candidates.length)).toEqual(
        page.columns.map((column) => column.candidates.length),
      );
  });
});

// Interview panels by the organisation's rule and interviewers trained from shadow to qualified,
// through the pages' loaders and actions (decision 085).
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as interviewLoader } from "~/routes/hiring.interviews.$interviewId._index";
import { loader as debriefLoader } from "~/routes/hiring.loops.$loopId.debrief";
import { loader as exportLoader } from "~/routes/hiring.loops.$loopId.export";
import { action as panelAction, loader as panelLoader } from "~/routes/hiring.loops.$loopId.panel";
import { action as rulesAction, loader as rulesLoader } from "~/routes/hiring.panels";
import { action as seatAction, loader as seatLoader } from "~/routes/hiring.seats.$seatId";
import { loader as statsLoader } from "~/routes/hiring.stats";
import { loader as kitLoader } from "~/routes/hiring.openings.$openingId.stages.$stageId.kit";
import {
  addCandidate,
  assignInterviewer,
  loopExport,
  recordDecision,
} from "~/modules/hiring/loops.server";
import { saveScorecardDraft } from "~/modules/hiring/scorecards.server";
import { provider } from "../../setup/databases";
import { createPerson } from "../../utils/factories";
import { renderPage } from "../../utils/render-page";
import { answerOf, answerText, withRouteProps, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import * as panelRoute from "~/routes/hiring.loops.$loopId.panel";
import * as rulesRoute from "~/routes/hiring.panels";
import * as seatRoute from "~/routes/hiring.seats.$seatId";
import * as rootRoute from "~/root";
import { loader as loopLoader } from "~/routes/hiring.loops.$loopId._index";
import { inEnglish } from "../../utils/todo-words";
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

const DESIGN = ["system-design", "technical-judgement"];
const CODING = ["code-quality", "testing"];
const PRACTICE = "PRACTICE-NOTE-MARKER";

let facts: Awaited<ReturnType<typeof hiringSetUp>>;
let cleo: Awaited<ReturnType<typeof createPerson>>;
let dan: Awaited<ReturnType<typeof createPerson>>;
let tess: Awaited<ReturnType<typeof createPerson>>;

const panelPage = async (userId: string, loopId = facts.loopId) =>
  bodyOf<Awaited<ReturnType<typeof panelLoader>>>(
    await panelLoader(routeArgs(await get(`/hiring/loops/${loopId}/panel`, userId), { loopId })),
  );
const panelPost = async (userId: string, fields: Record<string, string>, loopId = facts.loopId) =>
  call(async () =>
    panelAction(routeArgs(await post(`/hiring/loops/${loopId}/panel`, userId, fields), { loopId })),
  );
const rulesPost = async (userId: string, fields: Record<string, string | string[]>) =>
  call(async () => rulesAction(routeArgs(await post("/hiring/panels", userId, fields))));
const seatPost = async (userId: string, seatId: string, fields: Record<string, string>) =>
  call(async () =>
    seatAction(routeArgs(await post(`/hiring/seats/${seatId}`, userId, fields), { seatId })),
  );
const todoOf = async (userId: string) =>
  bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
    await homeLoader(routeArgs(await get("/", userId))),
  ).todo.map((item) => inEnglish(item));

/** A page rendered on the server with its loader's data, as its words read (tags stripped). */
async function rendered(
  module: { loader: unknown; default: unknown },
  pattern: string,
  path: string,
  userId: string,
): Promise<string> {
  const route = {
    id: "page",
    path: pattern,
    loader: async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | undefined>;
    }) =>
      bodyOf(
        await (module.loader as RouteFunction)(
          routeArgs(request, params as Record<string, string>),
        ),
      ),
    Component: withRouteProps(module.default as ComponentType<never>),
  };
  const handler = createStaticHandler([route]);
  const context = await handler.query(await signedInRequest(path, userId));
  if (context instanceof Response)
    throw new Error(`expected a page, got a ${context.status} response`);
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`);
  const html = renderToString(
    createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context),
      context,
      hydrate: false,
    }),
  );
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

beforeAll(async () => {
  facts = await hiringSetUp();
  // Ana and Ben are on two teams but both in Berlin; Cleo, in Lisbon, is qualified everywhere.
  await db.user.updateMany({
    where: { id: { in: [facts.ana.id, facts.ben.id] } },
    data: { attributes: JSON.stringify({ location: "LOC-BERLIN-MARKER" }) },
  });
  cleo = await createPerson({
    name: "Cleo Qualified",
    track: "ic",
    level: "ic4",
    teamId: (await db.user.findUniqueOrThrow({ where: { id: facts.ana.id } })).teamId,
    attributes: JSON.stringify({ location: "LOC-LISBON-MARKER" }),
  });
  dan = await createPerson({
    name: "Dan Untrained",
    track: "ic",
    level: "ic3",
    attributes: JSON.stringify({ location: "LOC-OSLO-MARKER" }),
  });
  tess = await createPerson({ name: "Tess Trainee", track: "ic", level: "ic3" });
});

describe("the panel rule", () => {
  test("only admins set it; a bad cap is a 400 that changes nothing; hiring admins read the roster, engineers get a 404", async () => {
    expect(
      statusOf(
        await rulesPost(facts.grace.id, {
          intent: "rule",
          dimensions: ["team"],
          maxInterviewsPerWeek: "3",
        }),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await rulesPost(facts.admin.id, {
          intent: "rule",
          dimensions: ["team"],
          maxInterviewsPerWeek: "many",
        }),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await rulesPost(facts.admin.id, { intent: "rule", dimensions: ["attribute:shoe-size"] }),
      ),
    ).toBe(400);
    expect(await db.hiringPanelSettings.count()).toBe(0);
    const saved = await rulesPost(facts.admin.id, {
      intent: "rule",
      dimensions: ["team", "attribute:location"],
      maxInterviewsPerWeek: "",
      requireQualification: "on",
    });
    expect(bodyOf<{ saved: boolean }>(saved).saved).toBe(true);
    expect(
      await db.auditEvent.findMany({
        where: { action: "hiring.panel_rule_set" },
        select: { actorId: true, detail: true },
      }),
    ).toEqual([
      {
        actorId: facts.admin.id,
        detail: {
          dimensions: ["team", "attribute:location"],
          maxInterviewsPerWeek: null,
          requireQualification: true,
        },
      },
    ]);
    const roster = bodyOf<Awaited<ReturnType<typeof rulesLoader>>>(
      await rulesLoader(routeArgs(await get("/hiring/panels", facts.grace.id))),
    );
    expect(roster.settings).toMatchObject({
      dimensions: ["team", "attribute:location"],
      maxInterviewsPerWeek: null,
      requireQualification: true,
    });
    // A hiring admin does not change the rule, so is not told which attributes exist.
    expect(roster).toMatchObject({ canSetRule: false, attributes: [] });
    expect(
      await rendered(rulesRoute, "/hiring/panels", "/hiring/panels", facts.admin.id),
    ).toContain("Attribute: location");
    // Who may not change the rule reads it in words, the groups joined as the language joins a list,
    // and a rule that mixes no group says so rather than "mix: .".
    const readOnly = () => rendered(rulesRoute, "/hiring/panels", "/hiring/panels", facts.grace.id);
    expect(await readOnly()).toContain("Panels should mix: Team and Attribute: location.");
    const rule = { intent: "rule", maxInterviewsPerWeek: "", requireQualification: "on" };
    await rulesPost(facts.admin.id, { ...rule, dimensions: [] });
    expect(await readOnly()).toContain("Panels are not asked to mix any group.");
    await rulesPost(facts.admin.id, { ...rule, dimensions: ["team", "attribute:location"] });
    expect(
      statusOf(
        await call(async () =>
          rulesLoader(routeArgs(await get("/hiring/panels", facts.stranger.id))),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await rulesPost(facts.stranger.id, {
          intent: "step",
          email: cleo.email,
          competencyIds: DESIGN,
          step: "qualified",
        }),
      ),
    ).toBe(404);
    expect(await db.interviewerTraining.count()).toBe(0);
  });

  test("hiring admins record training steps, each logged; bad input changes nothing", async () => {
    expect(
      statusOf(
        await rulesPost(facts.grace.id, {
          intent: "step",
          email: cleo.email,
          competencyIds: ["no-such-competency"],
          step: "qualified",
        }),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await rulesPost(facts.grace.id, {
          intent: "step",
          email: "nobody@example.org",
          competencyIds: DESIGN,
          step: "qualified",
        }),
      ),
    ).toBe(400);
    expect(await db.interviewerTraining.count()).toBe(0);
    for (const [person, competencyIds, step] of [
      [cleo, [...DESIGN, ...CODING], "qualified"],
      [facts.ben, DESIGN, "qualified"],
      [tess, DESIGN, "shadow"],
    ] as const) {
      expect(
        bodyOf<{ saved: boolean }>(
          await rulesPost(facts.grace.id, {
            intent: "step",
            email: person.email,
            competencyIds: [...competencyIds],
            step,
          }),
        ).saved,
      ).toBe(true);
    }
    expect(
      await db.interviewerTrainingStep.count({
        where: { personId: tess.id, toStep: "shadow", byId: facts.grace.id },
      }),
    ).toBe(2);
  });
});

describe("staffing a panel", () => {
  test("the panel page flags a panel from one group, never shows an attribute's value, and suggests a qualified interviewer who widens it, with their load", async () => {
    const page = await panelPage(facts.grace.id);
    expect(page.mix.metRule).toBe(false);
    // Besides the session, the loop and the settings: who is in the pool and the trainees' seats,
    // then the panel and the pool with their training in one read, and their week's interviews in one.
    const request = await get(`/hiring/loops/${facts.loopId}/panel`, facts.grace.id);
    const { statements } = await countStatements(() =>
      panelLoader(routeArgs(request, { loopId: facts.loopId })),
    );
    expect(statements).toHaveLength(provider === "postgresql" ? 9 : 13);
    expect(page.mix.dimensions.find((mix) => mix.dimension === "attribute:location")).toMatchObject(
      { flagged: true, groups: 1, counts: null },
    );
    expect(page.mix.dimensions.find((mix) => mix.dimension === "team")).toMatchObject({
      flagged: false,
      groups: 2,
    });
    expect(JSON.stringify(page)).not.toMatch(/LOC-[A-Z]+-MARKER/);
    const design = page.stages.find((stage) => stage.name === "Design")!;
    // Dan is not qualified, Tess is a shadow: only Cleo is suggested, and Tess may sit in.
    expect(
      design.suggestions.map((suggestion) => [
        suggestion.name,
        suggestion.load,
        suggestion.widens,
        suggestion.clearsFlag,
      ]),
    ).toEqual([["Cleo Qualified", 0, ["attribute:location"], true]]);
    expect(design.trainees.map((trainee) => [trainee.name, trainee.step])).toEqual([
      ["Tess Trainee", "shadow"],
    ]);
    const words = await rendered(
      panelRoute,
      "/hiring/loops/:loopId/panel",
      `/hiring/loops/${facts.loopId}/panel`,
      facts.grace.id,
    );
    expect(words).toContain("Attribute: location: 1 group all one group");
    expect(words).toContain("Cleo Qualified · Alpha");
    expect(words).toContain("0 interviews this week · adds Attribute: location Add to the panel");
  });

  test("only qualified interviewers are staffed while the organisation asks for it; adding the suggestion widens the panel", async () => {
    const design = facts.stages[1]!.id;
    const refused = await panelPost(facts.grace.id, {
      intent: "assign",
      stageId: design,
      email: dan.email,
    });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe("panels:errors.notQualified");
    // As a document (the page has no scripts): the refusal is said on the page, with its status.
    const address = `/hiring/loops/${facts.loopId}/panel`;
    const asDocument = await renderPage(
      panelRoute,
      "/hiring/loops/:loopId/panel",
      address,
      facts.grace.id,
      new URLSearchParams({ intent: "assign", stageId: design, email: dan.email }),
    );
    expect(asDocument.status).toBe(400);
    expect(asDocument.html).toContain(
      "This person is not qualified for every competency of this stage yet",
    );
    expect(await db.hiringInterview.count({ where: { interviewerId: dan.id } })).toBe(0);
    // Accepted, it redirects to the page, which says what was done; a reload posts nothing again.
    expect(
      answerOf(
        await panelPost(facts.grace.id, { intent: "assign", stageId: design, email: cleo.email }),
      ),
    ).toEqual({ status: 302, location: `${address}?done=added` });
    const after = await renderPage(
      panelRoute,
      "/hiring/loops/:loopId/panel",
      `${address}?done=added`,
      facts.grace.id,
    );
    expect(after.html).toContain("The interviewer is added to the panel.");
    expect(
      (await renderPage(panelRoute, "/hiring/loops/:loopId/panel", address, facts.grace.id)).html,
    ).not.toContain("The interviewer is added to the panel.");
    const page = await panelPage(facts.grace.id);
    expect(page.mix).toMatchObject({ metRule: true, size: 3 });
    expect(
      page.stages
        .find((stage) => stage.name === "Design")!
        .interviews.find((interview) => interview.interviewer.name === "Cleo Qualified")!
        .interviewer.load,
    ).toBe(1);
  });

  test("the weekly cap is enforced when staffing", async () => {
    expect(
      bodyOf<{ saved: boolean }>(
        await rulesPost(facts.admin.id, {
          intent: "rule",
          dimensions: ["team", "attribute:location"],
          maxInterviewsPerWeek: "1",
          requireQualification: "on",
        }),
      ).saved,
    ).toBe(true);
    const refused = await panelPost(facts.grace.id, {
      intent: "assign",
      stageId: facts.stages[0]!.id,
      email: cleo.email,
    });
    expect(bodyOf<{ error: string }>(refused).error).toBe("panels:errors.atCap");
    expect(await db.hiringInterview.count({ where: { interviewerId: cleo.id } })).toBe(1);
    await rulesPost(facts.admin.id, {
      intent: "rule",
      dimensions: ["team", "attribute:location"],
      maxInterviewsPerWeek: "",
      requireQualification: "on",
    });
  });

  test("the panel page is a 404 to interviewers, engineers and hiring admins of other openings", async () => {
    for (const userId of [facts.ana.id, facts.stranger.id, facts.olga.id]) {
      expect(statusOf(await call(async () => panelPage(userId)))).toBe(404);
      expect(
        statusOf(
          await panelPost(userId, {
            intent: "seat",
            interviewId: facts.benInterview,
            personId: tess.id,
          }),
        ),
      ).toBe(404);
    }
    expect(await db.hiringTraineeSeat.count()).toBe(0);
  });
});

describe("training", () => {
  let seatId: string;
  let secondLoopId: string;

  test("a shadow sits in with the kit and writes practice notes that only they and the interviewer read", async () => {
    expect(
      bodyOf<{ error: string }>(
        await panelPost(facts.grace.id, {
          intent: "seat",
          interviewId: facts.benInterview,
          personId: dan.id,
        }),
      ).error,
    ).toBe("panels:errors.notTraining");
    expect(
      answerOf(
        await panelPost(facts.grace.id, {
          intent: "seat",
          interviewId: facts.benInterview,
          personId: tess.id,
        }),
      ),
    ).toEqual({ status: 302, location: `/hiring/loops/${facts.loopId}/panel?done=seated` });
    expect(
      (
        await renderPage(
          panelRoute,
          "/hiring/loops/:loopId/panel",
          `/hiring/loops/${facts.loopId}/panel?done=seated`,
          facts.grace.id,
        )
      ).html,
    ).toContain("The trainee is seated on the interview.");
    seatId = (await db.hiringTraineeSeat.findFirstOrThrow({ where: { traineeId: tess.id } })).id;
    const own = bodyOf<Awaited<ReturnType<typeof seatLoader>>>(
      await seatLoader(routeArgs(await get(`/hiring/seats/${seatId}`, tess.id), { seatId })),
    );
    expect(own).toMatchObject({ isTrainee: true, can: { write: true, signOff: false } });
    expect(own.kit?.competencies.map((entry) => entry.competencyId)).toEqual(DESIGN);
    expect(
      statusOf(
        await call(async () =>
          kitLoader(
            routeArgs(
              await get(
                `/hiring/openings/${facts.openingId}/stages/${facts.stages[1]!.id}/kit`,
                tess.id,
              ),
              { openingId: facts.openingId, stageId: facts.stages[1]!.id },
            ),
          ),
        ),
      ),
    ).toBe(200);
    // Saved, the page answers with itself, saying so (it is sent as HTML, decision 144).
    const saved = await seatPost(tess.id, seatId, {
      practiceNotes: `${PRACTICE} strong on trade-offs`,
    });
    expect([statusOf(saved), (saved as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/seats/${seatId}?done=notes`,
    ]);
    // Over the limit, the notes are refused and come back as typed; what was saved stays.
    const long = `${"Asked about the cache's eviction first, then the queue. ".repeat(200)}TYPED-PRACTICE`;
    const tooLong = await seatPost(tess.id, seatId, { practiceNotes: long });
    expect(statusOf(tooLong)).toBe(400);
    expect(bodyOf<{ typed: string }>(tooLong).typed).toBe(long);
    for (const userId of [facts.grace.id, facts.admin.id, facts.ana.id, facts.stranger.id]) {
      expect(
        statusOf(
          await call(async () =>
            seatLoader(routeArgs(await get(`/hiring/seats/${seatId}`, userId), { seatId })),
          ),
        ),
      ).toBe(404);
    }
    const ben = bodyOf<Awaited<ReturnType<typeof seatLoader>>>(
      await seatLoader(routeArgs(await get(`/hiring/seats/${seatId}`, facts.ben.id), { seatId })),
    );
    expect(ben).toMatchObject({
      isTrainee: false,
      kit: null,
      can: { write: false, signOff: true },
      seat: { practiceNotes: `${PRACTICE} strong on trade-offs` },
    });
    expect(
      await rendered(seatRoute, "/hiring/seats/:seatId", `/hiring/seats/${seatId}`, tess.id),
    ).toContain("The interview kit");
    expect(
      await rendered(seatRoute, "/hiring/seats/:seatId", `/hiring/seats/${seatId}`, facts.ben.id),
    ).toContain("Sign off Tess Trainee Ready to lead as a reverse shadow Not yet");
  });

  test("only qualified interviewers score; practice notes never reach the debrief, the export or the statistics", async () => {
    const locked = await saveScorecardDraft(asViewer(facts.ana), facts.anaInterview, {
      baseRevision: 0,
      changes: [{ field: "summary", value: "x", base: "" }],
    });
    expect(locked).toMatchObject({
      status: 409,
      body: { message: { key: "panels:errors.notQualifiedToScore" } },
    });
    const interviewPage = async () =>
      bodyOf<Awaited<ReturnType<typeof interviewLoader>>>(
        await interviewLoader(
          routeArgs(await get(`/hiring/interviews/${facts.anaInterview}`, facts.ana.id), {
            interviewId: facts.anaInterview,
          }),
        ),
      );
    expect((await interviewPage()).lockedReason).toEqual({
      key: "panels:errors.notQualifiedToScore",
    });
    await rulesPost(facts.grace.id, {
      intent: "step",
      email: facts.ana.email,
      competencyIds: CODING,
      step: "qualified",
    });
    expect((await interviewPage()).lockedReason).toBeNull();
    await scoreAndSubmit(facts.ana, facts.anaInterview, CODING, 3, "Ana", "yes");
    await scoreAndSubmit(facts.ben, facts.benInterview, DESIGN, 3, "Ben", "yes");
    const cleoInterview = (
      await db.hiringInterview.findFirstOrThrow({ where: { interviewerId: cleo.id } })
    ).id;
    await scoreAndSubmit(cleo, cleoInterview, DESIGN, 2, "Cleo", "no");
    expect(
      (
        await recordDecision(asViewer(facts.grace), facts.loopId, {
          decision: "hire",
          rationale: "Yes",
        })
      ).ok,
    ).toBe(true);
    const debrief = await debriefLoader(
      routeArgs(await get(`/hiring/loops/${facts.loopId}/debrief`, facts.grace.id), {
        loopId: facts.loopId,
      }),
    );
    expect(JSON.stringify(bodyOf(debrief))).toContain("Cleo Qualified");
    expect(JSON.stringify(bodyOf(debrief))).not.toContain(PRACTICE);
    const csv = await (
      (await exportLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}/export`, facts.grace.id), {
          loopId: facts.loopId,
        }),
      )) as Response
    ).text();
    expect(csv).toContain("Ben summary");
    expect(csv).not.toContain(PRACTICE);
    // Headers in the reader's language but the code column's, whose header and values are the same in every one.
    const [english, german] = [
      (await loopExport(facts.grace, facts.loopId, "en")).rows,
      (await loopExport(facts.grace, facts.loopId, "de")).rows,
    ];
    expect(english[0]).toEqual([
      "candidate",
      "stage",
      "interviewer",
      "status",
      "submitted (UTC)",
      "competency id",
      "competency",
      "score",
      "notes",
      "recommendation",
      "summary",
      "status value",
      "recommendation value",
    ]);
    expect(german[0]).toEqual([
      "Kandidatur",
      "Interviewrunde",
      "Interviewende Person",
      "Status",
      "Eingereicht (UTC)",
      "competency id",
      "Kompetenz",
      "Bewertung",
      "Notizen",
      "Empfehlung",
      "Zusammenfassung",
      "status value",
      "recommendation value",
    ]);
    expect(german.map((row) => row[5])).toEqual(english.map((row) => row[5]));
    // A status and a recommendation in the reader's words; their codes, last, are the same in every language.
    const codes = (rows: (string | number)[][]) => rows.map((row) => row.slice(-2));
    expect(codes(german)).toEqual(codes(english));
    const submitted = german.findIndex((row) => row.at(-2) === "submitted");
    expect(submitted).toBeGreaterThan(0);
    const recommendation = String(german[submitted]!.at(-1));
    expect(german[submitted]![3]).toBe("eingereicht");
    expect(german[submitted]![9]).toBe(
      { "strong-no": "Klares Nein", no: "Nein", yes: "Ja", "strong-yes": "Klares Ja" }[
        recommendation
      ],
    );
    expect(english[submitted]![3]).toBe("submitted");
    const stats = bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
      await statsLoader(routeArgs(await get("/hiring/stats", facts.admin.id))),
    );
    expect(JSON.stringify(stats)).not.toContain(PRACTICE);
    // Tess wrote no card: she is no interviewer in any figure.
    expect(stats.interviewers.map((row) => row.name).sort()).toEqual([
      "Ana Interviewer",
      "Ben Interviewer",
      "Cleo Qualified",
    ]);
    // Three interviewers are fewer than the floor: the rate is not shown.
    expect(stats.panels).toEqual({
      overall: null,
      counted: 1,
      openings: [{ id: facts.openingId, title: "Senior Engineer, Payments", figure: null }],
    });
  });

  test("the interviewer signs off from their to-do list: shadow, then reverse shadow, then qualified; the trainee may then interview", async () => {
    expect(
      (await todoOf(facts.ben.id)).find((item) => item.kind === "interviewer-sign-off"),
    ).toMatchObject({
      href: `/hiring/seats/${seatId}`,
      title: "Sign off a trainee who sat in on your Design interview",
    });
    expect(
      statusOf(await seatPost(tess.id, seatId, { intent: "sign-off", outcome: "advance" })),
    ).toBe(409);
    expect(
      statusOf(await seatPost(facts.ben.id, seatId, { intent: "sign-off", outcome: "maybe" })),
    ).toBe(400);
    const signedOff = await seatPost(facts.ben.id, seatId, {
      intent: "sign-off",
      outcome: "advance",
    });
    expect([statusOf(signedOff), (signedOff as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/seats/${seatId}?done=reverse-shadow`,
    ]);
    expect(
      (await db.interviewerTraining.findMany({ where: { personId: tess.id } })).map(
        (row) => row.step,
      ),
    ).toEqual(["reverse-shadow", "reverse-shadow"]);
    expect((await todoOf(facts.ben.id)).some((item) => item.kind === "interviewer-sign-off")).toBe(
      false,
    );
    // Once only.
    expect(
      statusOf(await seatPost(facts.ben.id, seatId, { intent: "sign-off", outcome: "advance" })),
    ).toBe(409);

    const { loopId } = await addCandidate(asViewer(facts.grace), facts.openingId, {
      name: "Second Candidate",
      email: "",
      source: "",
      notes: "",
    });
    secondLoopId = loopId;
    expect(
      (
        await assignInterviewer(asViewer(facts.grace), loopId, {
          stageId: facts.stages[1]!.id,
          email: facts.ben.email,
          scheduledAt: null,
        })
      ).ok,
    ).toBe(true);
    const interviewId = (await db.hiringInterview.findFirstOrThrow({ where: { loopId } })).id;
    expect(
      answerOf(
        await panelPost(facts.grace.id, { intent: "seat", interviewId, personId: tess.id }, loopId),
      ),
    ).toEqual({ status: 302, location: `/hiring/loops/${loopId}/panel?done=seated` });
    const second = await db.hiringTraineeSeat.findFirstOrThrow({ where: { interviewId } });
    expect(second.mode).toBe("reverse-shadow");
    expect(
      statusOf(await seatPost(facts.ben.id, second.id, { intent: "sign-off", outcome: "advance" })),
    ).toBe(302);
    expect(
      (await db.interviewerTraining.findMany({ where: { personId: tess.id } })).map(
        (row) => row.step,
      ),
    ).toEqual(["qualified", "qualified"]);
    expect(
      await db.interviewerTrainingStep.count({ where: { personId: tess.id, byId: facts.ben.id } }),
    ).toBe(4);
    expect(
      (
        await assignInterviewer(asViewer(facts.grace), loopId, {
          stageId: facts.stages[1]!.id,
          email: tess.email,
          scheduledAt: null,
        })
      ).ok,
    ).toBe(true);
  });

  test("the statistics show how often panels met the rule once enough interviewers sat on them", async () => {
    // Tess joins Ben's team and city: the second panel comes from one group.
    await db.user.update({
      where: { id: tess.id },
      data: {
        teamId: (await db.user.findUniqueOrThrow({ where: { id: facts.ben.id } })).teamId,
        attributes: JSON.stringify({ location: "LOC-BERLIN-MARKER" }),
      },
    });
    for (const person of [facts.ben, tess]) {
      const interview = await db.hiringInterview.findFirstOrThrow({
        where: { loopId: secondLoopId, interviewerId: person.id },
      });
      await scoreAndSubmit(person, interview.id, DESIGN, 3, person.name, "yes");
    }
    expect(
      (
        await recordDecision(asViewer(facts.grace), secondLoopId, {
          decision: "no-hire",
          rationale: "No",
        })
      ).ok,
    ).toBe(true);
    const stats = bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
      await statsLoader(routeArgs(await get("/hiring/stats", facts.admin.id))),
    );
    // Four interviewers in all: the rate is shown, one panel of two met the rule.
    expect(stats.panels).toEqual({
      overall: { met: 1, total: 2 },
      counted: 2,
      openings: [
        { id: facts.openingId, title: "Senior Engineer, Payments", figure: { met: 1, total: 2 } },
      ],
    });
    expect(JSON.stringify(stats)).not.toMatch(/LOC-[A-Z]+-MARKER/);
  });
});

describe("the privacy sweep", () => {
  test("practice notes reach only the trainee and the interviewer they sat with, and no page carries an attribute's value", async () => {
    const seats = await db.hiringTraineeSeat.findMany({ select: { id: true } });
    const read = async (
      loader: unknown,
      url: string,
      userId: string,
      params: Record<string, string> = {},
    ) => answerText(loader as RouteFunction, await get(url, userId), params);
    const pages = async (userId: string) => {
      const loopId = facts.loopId;
      const texts = [
        await read(rootRoute.loader, "/", userId),
        await read(homeLoader, "/", userId),
        await read(loopLoader, `/hiring/loops/${loopId}`, userId, { loopId }),
        await read(panelLoader, `/hiring/loops/${loopId}/panel`, userId, { loopId }),
        await read(debriefLoader, `/hiring/loops/${loopId}/debrief`, userId, { loopId }),
        await read(exportLoader, `/hiring/loops/${loopId}/export`, userId, { loopId }),
        await read(rulesLoader, "/hiring/panels", userId),
        await read(statsLoader, "/hiring/stats", userId),
        await read(interviewLoader, `/hiring/interviews/${facts.benInterview}`, userId, {
          interviewId: facts.benInterview,
        }),
        ...(await Promise.all(
          seats.map((seat) =>
            read(seatLoader, `/hiring/seats/${seat.id}`, userId, { seatId: seat.id }),
          ),
        )),
      ];
      return texts.join("\n");
    };
    const everyone = {
      admin: facts.admin,
      grace: facts.grace,
      olga: facts.olga,
      ana: facts.ana,
      ben: facts.ben,
      cleo,
      dan,
      tess,
      stranger: facts.stranger,
    };
    const readsNotes: string[] = [];
    for (const [name, person] of Object.entries(everyone)) {
      const text = await pages(person.id);
      expect(text, name).not.toMatch(/LOC-[A-Z]+-MARKER/);
      if (text.includes(PRACTICE)) readsNotes.push(name);
    }
    expect(readsNotes.sort()).toEqual(["ben", "tess"]);
  });
});

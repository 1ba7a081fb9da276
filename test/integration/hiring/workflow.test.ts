// Openings, plans, candidates, loops and decisions through their pages' loaders and actions.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { loader as rootLoader } from "~/root";
import { loader as homeLoader } from "~/routes/_index";
import { action as interviewAction } from "~/routes/hiring.interviews.$interviewId._index";
import {
  action as debriefAction,
  loader as debriefLoader,
} from "~/routes/hiring.loops.$loopId.debrief";
import { action as loopAction, loader as loopLoader } from "~/routes/hiring.loops.$loopId._index";
import {
  action as openingAction,
  loader as openingLoader,
} from "~/routes/hiring.openings.$openingId._index";
import { loader as kitLoader } from "~/routes/hiring.openings.$openingId.stages.$stageId.kit";
import { action as newAction, loader as newLoader } from "~/routes/hiring.openings.new";
import { createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import * as debriefRoute from "~/routes/hiring.loops.$loopId.debrief";
import { countStatements } from "~/db/statement-count.server";
import { addCandidate, assignInterviewer } from "~/modules/hiring/loops.server";
import { panelPage } from "~/modules/hiring/panels.server";
import { formatsFor } from "~/i18n/format";
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
import { english, inEnglishWords, inWordsOf } from "../../utils/english";
import { clashWords } from "~/components/hiring/hiring-parts";
import * as loopRoute from "~/routes/hiring.loops.$loopId._index";
import * as openingRoute from "~/routes/hiring.openings.$openingId._index";

/**
 * What the loop's page says once an action redirected there: the page rendered at the redirect's
 * address for `userId`, as the browser opens it (decision 147), and the status message at its top.
 */
async function loopSays(answer: unknown, userId: string): Promise<string | undefined> {
  expect(statusOf(answer)).toBe(302);
  const { html } = await renderPage(
    loopRoute as unknown as PageModule,
    "/hiring/loops/:loopId",
    (answer as Response).headers.get("Location")!,
    userId,
  );
  return html.match(/<div role="status"[^>]*>(.*?)<\/div>/)?.[1];
}

describe("navigation", () => {
  test("an interviewer who is no hiring admin has Hiring in the navigation (their interviews are there); someone never given an interview does not", async () => {
    const { ana, stranger } = await hiringSetUp();
    const viewerOf = async (userId: string) =>
      bodyOf<{ viewer: Record<string, unknown> | null }>(
        await rootLoader(routeArgs(await get("/", userId))),
      ).viewer;
    expect(await viewerOf(ana.id)).toMatchObject({ nav: { hiring: true } });
    expect(await viewerOf(stranger.id)).toMatchObject({ nav: { hiring: false } });
  });
});

describe("openings and plans", () => {
  test("a hiring admin opens a role through the form; bad input is a 400 that keeps what was typed and writes nothing; engineers may not", async () => {
    const grace = await createPerson({ isHiringAdmin: true });
    const engineer = await createPerson();
    expect(
      statusOf(
        await call(async () =>
          newLoader(routeArgs(await get("/hiring/openings/new", engineer.id))),
        ),
      ),
    ).toBe(403);
    const before = await db.hiringOpening.count();
    // Refused before the form is read: a broken form and a complete one get the same 403, and nothing is opened.
    for (const fields of [
      { title: "" },
      { title: "Staff engineer", ladderId: "engineering", levelId: "ic4" },
    ] as Record<string, string>[]) {
      expect(
        statusOf(
          await call(async () =>
            newAction(routeArgs(await post("/hiring/openings/new", engineer.id, fields))),
          ),
        ),
      ).toBe(403);
    }
    expect(await db.hiringOpening.count()).toBe(before);
    const refused = await call(async () =>
      newAction(
        routeArgs(
          await post("/hiring/openings/new", grace.id, {
            title: "Staff engineer",
            ladderId: "engineering",
            levelId: "ic99",
          }),
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(
      bodyOf<{ initialValue: Record<string, string>; error: Record<string, string[]> }>(refused),
    ).toMatchObject({
      initialValue: { title: "Staff engineer" },
      error: { levelId: ["hiring:newOpening.errors.levelNotInLadder"] },
    });
    const noAdmin = await call(async () =>
      newAction(
        routeArgs(
          await post("/hiring/openings/new", grace.id, {
            title: "Staff",
            ladderId: "engineering",
            levelId: "ic4",
            adminEmails: engineer.email,
          }),
        ),
      ),
    );
    expect(
      bodyOf<{ error: Record<string, string[]> }>(noAdmin).error.adminEmails?.map(inEnglishWords),
    ).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Not a hiring admin: ${engineer.email}\\. Only an admin can give people the hiring-admin role`,
        ),
      ),
    ]);
    expect(await db.hiringOpening.count()).toBe(before);
    const made = await call(async () =>
      newAction(
        routeArgs(
          await post("/hiring/openings/new", grace.id, {
            title: "Staff engineer",
            ladderId: "engineering",
            levelId: "ic4",
            starterPlan: "on",
          }),
        ),
      ),
    );
    expect(statusOf(made)).toBe(302);
    const openingId = (made as Response).headers.get("Location")!.split("/").at(-1)!;
    const page = bodyOf<Awaited<ReturnType<typeof openingLoader>>>(
      await openingLoader(
        routeArgs(await get(`/hiring/openings/${openingId}`, grace.id), { openingId }),
      ),
    );
    const stored = await db.hiringOpening.findUniqueOrThrow({ where: { id: openingId } });
    expect(page.opening).toEqual({
      id: openingId,
      title: "Staff engineer",
      state: "open",
      levelId: "ic4",
      ladderId: "engineering",
      createdAt: stored.createdAt.toISOString(),
    });
    // One stage per area of the ladder, together covering every competency of the level.
    expect(page.stages.map((stage) => stage.name)).toEqual([
      "Technical craft",
      "Delivery",
      "Product and business impact",
      "Communication and collaboration",
      "Growing people",
      "Direction and influence",
    ]);
    expect(page.coverage?.uncovered).toEqual([]);
    expect(page.admins.map((admin) => admin.id)).toEqual([grace.id]);
    expect(
      statusOf(
        await call(async () =>
          openingLoader(
            routeArgs(await get("/hiring/openings/no-such-opening", grace.id), {
              openingId: "no-such-opening",
            }),
          ),
        ),
      ),
    ).toBe(404);
  });

  test("the plan shows what no stage covers; a stage cannot cover a competency of another level, and its competencies are fixed once its interviews are assigned", async () => {
    const { grace, openingId, stages, ana, anaInterview } = await hiringSetUp();
    const page = bodyOf<Awaited<ReturnType<typeof openingLoader>>>(
      await openingLoader(
        routeArgs(await get(`/hiring/openings/${openingId}`, grace.id), { openingId }),
      ),
    );
    expect(page.coverage?.uncovered).toContain("collaboration");
    expect(page.coverage?.uncovered).not.toContain("testing");
    const refused = await call(async () =>
      openingAction(
        routeArgs(
          await post(`/hiring/openings/${openingId}`, grace.id, {
            intent: "save-stage",
            name: "People",
            competencyIds: ["team-health"],
          }),
          { openingId },
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(
        refused,
      ).result.error.competencyIds?.map(inEnglishWords),
    ).toEqual(["Not a competency of this level: team-health."]);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(
        refused,
      ).result.error.competencyIds?.map((error) => inWordsOf("de", error)),
    ).toEqual(["Keine Kompetenz dieser Stufe: team-health."]);
    expect(await db.hiringStage.count({ where: { openingId } })).toBe(2);
    const added = await call(async () =>
      openingAction(
        routeArgs(
          await post(`/hiring/openings/${openingId}`, grace.id, {
            intent: "save-stage",
            name: "Collaboration",
            competencyIds: ["collaboration", "feedback"],
          }),
          { openingId },
        ),
      ),
    );
    expect([statusOf(added), (added as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/openings/${openingId}?done=stageAdded`,
    ]);
    // A stage nobody interviews in yet changes freely; one with an interview assigned keeps its competencies.
    const collaboration = (
      await db.hiringStage.findFirstOrThrow({ where: { openingId, name: "Collaboration" } })
    ).id;
    const changed = await call(async () =>
      openingAction(
        routeArgs(
          await post(`/hiring/openings/${openingId}`, grace.id, {
            intent: "save-stage",
            stageId: collaboration,
            name: "Collaboration",
            competencyIds: ["collaboration"],
          }),
          { openingId },
        ),
      ),
    );
    expect([statusOf(changed), (changed as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/openings/${openingId}?done=stageSaved`,
    ]);
    // The page is sent as HTML (decision 148): it words the save from its address, the stage's form
    // closed.
    const savedPage = await renderPage(
      openingRoute as unknown as PageModule,
      "/hiring/openings/:openingId",
      `/hiring/openings/${openingId}?done=stageSaved`,
      grace.id,
    );
    expect(savedPage.html).toContain("Stage saved.");
    expect(savedPage.html).not.toContain(">Stage name<");
    expect(
      (await db.hiringStage.findUniqueOrThrow({ where: { id: collaboration } })).competencyIds,
    ).toBe(JSON.stringify(["collaboration"]));
    const locked = await call(async () =>
      openingAction(
        routeArgs(
          await post(`/hiring/openings/${openingId}`, grace.id, {
            intent: "save-stage",
            stageId: stages[0]!.id,
            name: "Coding",
            competencyIds: ["code-quality"],
          }),
          { openingId },
        ),
      ),
    );
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(locked).result.error
        .competencyIds?.[0],
    ).toBe("hiring:opening.errors.stageLocked");
    await scoreAndSubmit(ana, anaInterview, ["code-quality", "testing"], 3, "Fine", "yes");
    const renamed = await call(async () =>
      openingAction(
        routeArgs(
          await post(`/hiring/openings/${openingId}`, grace.id, {
            intent: "save-stage",
            stageId: stages[0]!.id,
            name: "Pairing",
            competencyIds: ["code-quality", "testing"],
          }),
          { openingId },
        ),
      ),
    );
    expect(statusOf(renamed)).toBe(302);
    expect(
      statusOf(
        await call(async () =>
          openingAction(
            routeArgs(
              await post(`/hiring/openings/${openingId}`, grace.id, {
                intent: "remove-stage",
                stageId: stages[0]!.id,
              }),
              { openingId },
            ),
          ),
        ),
      ),
    ).toBe(409);
  });

  test("an opening lists its candidates 25 a page, newest first; a page past the last shows the last", async () => {
    const facts = await hiringSetUp();
    const grace = asViewer(facts.grace);
    for (let index = 1; index <= 27; index++)
      await addCandidate(grace, facts.openingId, {
        name: `Paged ${String(index).padStart(2, "0")}`,
        email: "",
        source: "",
        notes: "",
      });
    const open = async (query: string) =>
      bodyOf<Awaited<ReturnType<typeof openingLoader>>>(
        await openingLoader(
          routeArgs(await get(`/hiring/openings/${facts.openingId}${query}`, facts.grace.id), {
            openingId: facts.openingId,
          }),
        ),
      );
    const first = await open("");
    expect(first.loopPages).toEqual({ total: 28, page: 1, pageCount: 2 });
    expect(first.loops).toHaveLength(25);
    const second = await open("?page=2");
    expect(second.loops.map((loop) => loop.candidate)).toEqual([
      "Paged 02",
      "Paged 01",
      "Casey Candidate",
    ]);
    expect((await open("?page=9")).loopPages.page).toBe(2);
    expect(new Set([...first.loops, ...second.loops].map((loop) => loop.id)).size).toBe(28);
  });

  test("each candidate's row counts the cards that are in of the interviews (a draft is not, an amended card counts once); stages with interviews are marked", async () => {
    const facts = await hiringSetUp();
    const open = async () =>
      bodyOf<Awaited<ReturnType<typeof openingLoader>>>(
        await openingLoader(
          routeArgs(await get(`/hiring/openings/${facts.openingId}`, facts.grace.id), {
            openingId: facts.openingId,
          }),
        ),
      );
    await addCandidate(asViewer(facts.grace), facts.openingId, {
      name: "Nobody Yet",
      email: "",
      source: "",
      notes: "",
    });
    const before = await open();
    expect(before.loops.map((loop) => [loop.candidate, loop.submitted, loop.interviews])).toEqual([
      ["Nobody Yet", 0, 0],
      ["Casey Candidate", 0, 2],
    ]);
    expect(before.stages.map((stage) => stage.hasInterviews)).toEqual([true, true]);
    await scoreAndSubmit(
      facts.ana,
      facts.anaInterview,
      ["code-quality", "testing"],
      3,
      "Solid",
      "yes",
    );
    const card = await db.hiringScorecard.findFirstOrThrow({
      where: { interviewId: facts.anaInterview, status: "submitted" },
    });
    await db.hiringScorecard.create({
      data: {
        interviewId: facts.anaInterview,
        authorId: facts.ana.id,
        status: "submitted",
        recommendation: "yes",
        amendsId: card.id,
        submittedAt: new Date(),
      },
    });
    await db.hiringScorecard.create({
      data: { interviewId: facts.benInterview, authorId: facts.ben.id, status: "draft" },
    });
    const after = await open();
    expect(after.loops.map((loop) => [loop.candidate, loop.submitted, loop.interviews])).toEqual([
      ["Nobody Yet", 0, 0],
      ["Casey Candidate", 1, 2],
    ]);
  });

  test("a stage of another opening, reached through this opening's address, is a 404", async () => {
    const first = await hiringSetUp();
    const second = await hiringSetUp();
    const params = { openingId: first.openingId, stageId: second.stages[0]!.id };
    expect(
      statusOf(
        await call(async () =>
          kitLoader(
            routeArgs(
              await get(
                `/hiring/openings/${params.openingId}/stages/${params.stageId}/kit`,
                first.grace.id,
              ),
              params,
            ),
          ),
        ),
      ),
    ).toBe(404);
    const kit = bodyOf<Awaited<ReturnType<typeof kitLoader>>>(
      await kitLoader(
        routeArgs(await get("/kit", first.grace.id), {
          openingId: first.openingId,
          stageId: first.stages[1]!.id,
        }),
      ),
    );
    expect(kit.kit.competencies.map((competency) => competency.competencyId)).toEqual([
      "system-design",
      "technical-judgement",
    ]);
    expect(kit.kit.competencies[0]!.anchors.map((anchor) => anchor.value)).toEqual([1, 2, 3, 4]);
    expect(kit.kit.competencies[0]!.questions.length).toBeGreaterThan(0);
  });
});

describe("loops", () => {
  test("staffing: the panel's make-up and the warnings before the loop starts; a panel the organisation's rule flags is flagged, as its panel page says", async () => {
    const { grace, loopId, stages, ana } = await hiringSetUp();
    const page = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, grace.id), { loopId })),
    );
    expect(page.panel?.size).toBe(2);
    expect(page.panel?.meetsRule).toBe(true);
    const thin = page.warnings.find((warning) => warning.key === "hiring:loop.coverage.thin")!;
    expect(inEnglishWords(thin)).toContain(
      "Code quality, Testing and verification, System design and architecture, Technical judgement",
    );
    // The competencies joined as the reader's language joins them.
    expect(inWordsOf("ar", thin)).toContain("، ");
    expect(
      page.warnings.find((warning) => warning.key === "hiring:loop.coverage.uncovered"),
    ).toBeTruthy();
    const unknown = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}`, grace.id, {
            intent: "assign",
            stageId: stages[0]!.id,
            email: "nobody@example.com",
          }),
          { loopId },
        ),
      ),
    );
    expect(statusOf(unknown)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(unknown).result.error.email,
    ).toEqual(["hiring:loop.errors.nobodyActive"]);
    const twice = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}`, grace.id, {
            intent: "assign",
            stageId: stages[0]!.id,
            email: ana.email,
          }),
          { loopId },
        ),
      ),
    );
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(twice).result.error.email,
    ).toEqual(["hiring:loop.errors.alreadyInStage"]);
    const teammate = await createPerson({
      name: "Ann Teammate",
      teamId: ana.teamId,
      track: "ic",
      level: "ic2",
    });
    await db.hiringInterview.deleteMany({ where: { loopId, interviewerId: { not: ana.id } } });
    const assigned = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}`, grace.id, {
            intent: "assign",
            stageId: stages[1]!.id,
            email: teammate.email,
            scheduledAt: "2026-11-24T14:30",
          }),
          { loopId },
        ),
      ),
    );
    expect(statusOf(assigned)).toBe(302);
    const after = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, grace.id), { loopId })),
    );
    // Without a rule of its own, the organisation mixes teams: one team's panel is flagged.
    expect(after.panel?.meetsRule).toBe(false);
    expect(after.warnings).toContainEqual({ key: "panels:panel.flagged" });
    // A rule that mixes levels only: the same panel meets it, on the loop page as on the panel page.
    await db.hiringPanelSettings.create({
      data: { id: "panels", dimensions: JSON.stringify(["level"]), updatedById: grace.id },
    });
    const levelsOnly = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, grace.id), { loopId })),
    );
    const panel = await panelPage(asViewer(grace), loopId);
    expect(levelsOnly.panel?.meetsRule).toBe(panel.mix.metRule);
    expect(after.panel?.meetsRule).not.toBe(levelsOnly.panel?.meetsRule);
    await db.hiringPanelSettings.delete({ where: { id: "panels" } });
    expect(
      after.interviews.find((interview) => interview.interviewer.name === "Ann Teammate")
        ?.scheduledAt,
    ).toBe("2026-11-24T14:30:00.000Z");
  });

  test("interviews that clash in time: the candidate's (all in one warning) and an interviewer's in another loop, said when scheduling and on the loop page to those who staff it", async () => {
    const { grace, ana, openingId, loopId, stages } = await hiringSetUp();
    const loopPageOf = async (viewerId: string, id: string) =>
      bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
        await loopLoader(routeArgs(await get(`/hiring/loops/${id}`, viewerId), { loopId: id })),
      );
    // The set-up books Ana (Coding) and Ben (Design) for the candidate at the same 10:00.
    expect((await loopPageOf(grace.id, loopId)).overlaps).toEqual([
      {
        kind: "candidate-run",
        interviews: [
          {
            stageName: "Coding",
            interviewerName: "Ana Interviewer",
            at: "2026-11-20T10:00:00.000Z",
          },
          {
            stageName: "Design",
            interviewerName: "Ben Interviewer",
            at: "2026-11-20T10:00:00.000Z",
          },
        ],
      },
    ]);
    // An interviewer does not staff the loop: nothing of others' diaries.
    expect((await loopPageOf(ana.id, loopId)).overlaps).toEqual([]);

    const { loopId: secondLoop } = await addCandidate(asViewer(grace), openingId, {
      name: "Dana Candidate",
      email: "dana@example.org",
      source: "",
      notes: "",
    });
    const assign = async (fields: Record<string, string>) =>
      call(async () =>
        loopAction(
          routeArgs(
            await post(`/hiring/loops/${secondLoop}`, grace.id, { intent: "assign", ...fields }),
            { loopId: secondLoop },
          ),
        ),
      );
    const clashing = await assign({
      stageId: stages[0]!.id,
      email: ana.email,
      scheduledAt: "2026-11-20T10:30",
    });
    expect(await loopSays(clashing, grace.id)).toBe(
      "Interviewer assigned, but the times clash. Ana Interviewer has another interview in another loop less than an hour from Coding at 20 Nov 2026, 10:30 (UTC).",
    );
    const apart = await createPerson({ name: "Pia Interviewer" });
    expect(
      await loopSays(
        await assign({
          stageId: stages[1]!.id,
          email: apart.email,
          scheduledAt: "2026-11-20T11:30",
        }),
        grace.id,
      ),
    ).toBe("Interviewer assigned.");
    expect(
      await loopSays(
        await assign({ stageId: stages[1]!.id, email: ana.email, scheduledAt: "2026-11-20T11:00" }),
        grace.id,
      ),
    ).toBe(
      // The loop's clashes as its page lists them, the one this assignment made among them.
      "Interviewer assigned, but the times clash. The candidate has 3 interviews less than an hour apart: Coding with Ana Interviewer at 20 Nov 2026, 10:30 (UTC); Design with Ana Interviewer at 20 Nov 2026, 11:00 (UTC); Design with Pia Interviewer at 20 Nov 2026, 11:30 (UTC). Ana Interviewer has another interview in another loop less than an hour from Coding at 20 Nov 2026, 10:30 (UTC).",
    );
    expect((await loopPageOf(grace.id, loopId)).overlaps).toContainEqual({
      kind: "interviewer-elsewhere",
      interview: {
        stageName: "Coding",
        interviewerName: "Ana Interviewer",
        at: "2026-11-20T10:00:00.000Z",
      },
      others: 1,
    });
  });

  test("an interview's time is entered and read back on the hiring admin's own clock, the zone named; the instant is stored", async () => {
    const { grace, ana, openingId, stages } = await hiringSetUp();
    await db.user.update({ where: { id: grace.id }, data: { timeZone: "America/New_York" } });
    const { loopId } = await addCandidate(asViewer(grace), openingId, {
      name: "Dana Candidate",
      email: "dana@example.org",
      source: "",
      notes: "",
    });
    // 05:30 in New York on 20 November (EST, five hours behind): 10:30 UTC, half an hour after Ana's interview in the other loop.
    const assigned = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}`, grace.id, {
            intent: "assign",
            stageId: stages[0]!.id,
            email: ana.email,
            scheduledAt: "2026-11-20T05:30",
          }),
          { loopId },
        ),
      ),
    );
    // The page says the clash after the redirect, worded from its own list on the viewer's clock (below).
    expect([statusOf(assigned), (assigned as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/loops/${loopId}?done=assignedClash`,
    ]);
    const interview = await db.hiringInterview.findFirstOrThrow({
      where: { loopId },
      select: { scheduledAt: true },
    });
    expect(interview.scheduledAt).toEqual(new Date("2026-11-20T10:30:00Z"));
    const page = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, grace.id), { loopId })),
    );
    const zone = bodyOf<{ viewer: { timeZone: string } }>(
      await rootLoader(routeArgs(await get(`/hiring/loops/${loopId}`, grace.id))),
    ).viewer.timeZone;
    expect(formatsFor("en", zone).dateTime(page.interviews[0]!.scheduledAt!)).toBe(
      "20 Nov 2026, 05:30 (America/New_York)",
    );
    expect(page.overlaps).toEqual([
      {
        kind: "interviewer-elsewhere",
        interview: {
          stageName: "Coding",
          interviewerName: "Ana Interviewer",
          at: "2026-11-20T10:30:00.000Z",
        },
        others: 1,
      },
    ]);
    expect(
      page.overlaps.map((clash) => clashWords(english, formatsFor("en", zone), clash)),
    ).toEqual([
      "Ana Interviewer has another interview in another loop less than an hour from Coding at 20 Nov 2026, 05:30 (America/New_York).",
    ]);
    // Nonsense is refused with the message, and nothing is written.
    const refused = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}`, grace.id, {
            intent: "assign",
            stageId: stages[1]!.id,
            email: ana.email,
            scheduledAt: "2026-02-30T10:00",
          }),
          { loopId },
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(refused).result.error.scheduledAt,
    ).toEqual(["hiring:loop.errors.dateTimeInvalid"]);
    expect(await db.hiringInterview.count({ where: { loopId } })).toBe(1);
  });

  test("the debrief: closed until every card is in or a hiring admin opens it early (recorded); the matrix, disagreements and agenda; a decision once with its rationale; dissent beside it", async () => {
    const { grace, ana, ben, loopId, anaInterview, benInterview, stages } = await hiringSetUp();
    // A second interviewer in Coding so that two scores can disagree.
    const cleo = await createPerson({ name: "Cleo Interviewer" });
    await db.hiringInterview.create({
      data: { loopId, stageId: stages[0]!.id, interviewerId: cleo.id },
    });
    const cleoInterview = (
      await db.hiringInterview.findFirstOrThrow({ where: { loopId, interviewerId: cleo.id } })
    ).id;
    await scoreAndSubmit(ana, anaInterview, ["code-quality", "testing"], 1, "Struggled", "no");
    await scoreAndSubmit(
      ben,
      benInterview,
      ["system-design", "technical-judgement"],
      3,
      "Sound",
      "yes",
    );
    const closed = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${loopId}/debrief`, grace.id), { loopId }),
      ),
    );
    expect(closed.available).toBe(false);
    expect(
      statusOf(
        await call(async () =>
          debriefAction(
            routeArgs(
              await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
                intent: "decide",
                decision: "hire",
                rationale: "Good",
              }),
              { loopId },
            ),
          ),
        ),
      ),
    ).toBe(409);
    await scoreAndSubmit(
      cleo,
      cleoInterview,
      ["code-quality", "testing"],
      4,
      "Excellent",
      "strong-yes",
    );
    const open = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${loopId}/debrief`, ana.id), { loopId }),
      ),
    );
    if (!open.available) throw new Error("open");
    expect(open.disagreements).toEqual(["code-quality", "testing"]);
    expect(open.agenda.slice(0, 2)).toEqual(["code-quality", "testing"]);
    expect(open.unrated).toEqual([]);
    expect(open.recommendations.split).toBe(true);
    expect(open.level?.checks.map((check) => check.levelId)).toEqual(["ic2", "ic3", "ic4"]);
    expect(open.can.decide).toBe(false);

    const missing = await call(async () =>
      debriefAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
            intent: "decide",
            decision: "hire-other-level",
            rationale: "Strong but not senior yet",
          }),
          { loopId },
        ),
      ),
    );
    expect(statusOf(missing)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(missing).result.error.levelId,
    ).toEqual(["hiring:debrief.errors.levelMissing"]);
    expect((await db.hiringLoop.findUniqueOrThrow({ where: { id: loopId } })).decision).toBeNull();
    // The page is sent as HTML (decision 144): the refusal comes back as a document, the error at
    // the level's field and the rationale as typed.
    const refusedPage = await renderPage(
      debriefRoute as unknown as PageModule,
      "/hiring/loops/:loopId/debrief",
      `/hiring/loops/${loopId}/debrief`,
      grace.id,
      new URLSearchParams({
        intent: "decide",
        decision: "hire-other-level",
        rationale: "Strong but not senior yet",
      }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain("Choose the level to hire at.");
    expect(refusedPage.html).toMatch(
      /<textarea[^>]*name="rationale"[^>]*>Strong but not senior yet<\/textarea>/,
    );
    // The loop assessed the individual contributor track: another track's level is not offered, nor taken.
    expect(open.levels.map((level) => level.id)).not.toContain("m1");
    const otherTrack = await call(async () =>
      debriefAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
            intent: "decide",
            decision: "hire-other-level",
            levelId: "m1",
            rationale: "Manage instead",
          }),
          { loopId },
        ),
      ),
    );
    expect(statusOf(otherTrack)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(otherTrack).result.error.levelId?.[0],
    ).toBe("hiring:debrief.errors.otherTrack");
    expect((await db.hiringLoop.findUniqueOrThrow({ where: { id: loopId } })).decision).toBeNull();
    const decided = await call(async () =>
      debriefAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
            intent: "decide",
            decision: "hire-other-level",
            levelId: "ic2",
            rationale: "Strong but not senior yet",
          }),
          { loopId },
        ),
      ),
    );
    // Accepted, the form answers with the page again, saying so (it is sent as HTML, decision 144).
    expect([statusOf(decided), (decided as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/loops/${loopId}/debrief?done=decided`,
    ]);
    // The debrief stays as it was decided on: no card is corrected after the decision.
    const amend = await call(async () =>
      interviewAction(
        routeArgs(await post(`/hiring/interviews/${anaInterview}`, ana.id, { intent: "amend" }), {
          interviewId: anaInterview,
        }),
      ),
    );
    expect(statusOf(amend)).toBe(409);
    expect(await db.hiringScorecard.count({ where: { interviewId: anaInterview } })).toBe(1);
    expect(
      statusOf(
        await call(async () =>
          debriefAction(
            routeArgs(
              await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
                intent: "decide",
                decision: "no-hire",
                rationale: "x",
              }),
              { loopId },
            ),
          ),
        ),
      ),
    ).toBe(409);
    const dissent = await call(async () =>
      debriefAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}/debrief`, cleo.id, {
            intent: "dissent",
            text: "Should have been Senior.",
          }),
          { loopId },
        ),
      ),
    );
    expect([statusOf(dissent), (dissent as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/loops/${loopId}/debrief?done=dissented`,
    ]);
    const after = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${loopId}/debrief`, ben.id), { loopId }),
      ),
    );
    if (!after.available) throw new Error("open");
    expect(after.decision).toMatchObject({
      decision: "hire-other-level",
      level: "Engineer II",
      rationale: "Strong but not senior yet",
      decidedBy: "Grace Hiring",
    });
    expect(after.dissents.map((item) => [item.author, item.text])).toEqual([
      ["Cleo Interviewer", "Should have been Senior."],
    ]);
    // The hire is linked to the person they became.
    const hire = await createPerson({ name: "Casey Joined" });
    const linked = await call(async () =>
      loopAction(
        routeArgs(
          await post(`/hiring/loops/${loopId}`, grace.id, {
            intent: "link-hire",
            email: hire.email,
          }),
          { loopId },
        ),
      ),
    );
    expect(statusOf(linked)).toBe(302);
    expect(
      (await db.hiringCandidate.findFirstOrThrow({ where: { loops: { some: { id: loopId } } } }))
        .hiredPersonId,
    ).toBe(hire.id);
  });

  test("opening the debrief early is recorded and shown; a no-hire starts the candidate's retention clock", async () => {
    const { grace, ben, loopId, benInterview } = await hiringSetUp();
    await scoreAndSubmit(
      ben,
      benInterview,
      ["system-design", "technical-judgement"],
      2,
      "Thin",
      "no",
    );
    expect(
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(await post(`/hiring/loops/${loopId}`, grace.id, { intent: "open-debrief" }), {
              loopId,
            }),
          ),
        ),
      ),
    ).toBe(302);
    const debrief = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${loopId}/debrief`, grace.id), { loopId }),
      ),
    );
    if (!debrief.available) throw new Error("open");
    expect(debrief.openedEarly).toMatchObject({ by: "Grace Hiring", pending: 1 });
    expect(debrief.unrated).toEqual(["code-quality", "testing"]);
    expect(
      statusOf(
        await call(async () =>
          debriefAction(
            routeArgs(
              await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
                intent: "decide",
                decision: "no-hire",
                rationale: "",
              }),
              { loopId },
            ),
          ),
        ),
      ),
    ).toBe(400);
    await debriefAction(
      routeArgs(
        await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
          intent: "decide",
          decision: "no-hire",
          rationale: "Not enough depth",
        }),
        { loopId },
      ),
    );
    expect(
      (await db.hiringCandidate.findFirstOrThrow({ where: { loops: { some: { id: loopId } } } }))
        .rejectedAt,
    ).not.toBeNull();
  });

  test("home to-dos: the interviewer's scorecard due, then the debrief to attend; the hiring admin's loop to follow, then the decision to record", async () => {
    const { grace, ana, ben, loopId, anaInterview, benInterview } = await hiringSetUp();
    const todo = async (userId: string) =>
      bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
        await homeLoader(routeArgs(await get("/", userId))),
      ).todo.map((item) => [item.kind, inEnglish(item).title, item.href]);
    expect(await todo(ana.id)).toContainEqual([
      "scorecard",
      "Scorecard for your Coding interview (Senior Engineer, Payments)",
      `/hiring/interviews/${anaInterview}`,
    ]);
    expect(await todo(grace.id)).toContainEqual([
      "hiring-loop",
      "Follow an interview loop for Senior Engineer, Payments",
      `/hiring/loops/${loopId}`,
    ]);
    await scoreAndSubmit(ana, anaInterview, ["code-quality", "testing"], 3, "Fine", "yes");
    await scoreAndSubmit(
      ben,
      benInterview,
      ["system-design", "technical-judgement"],
      3,
      "Fine",
      "yes",
    );
    expect(await todo(ana.id)).toContainEqual([
      "debrief",
      "Debrief for Senior Engineer, Payments",
      `/hiring/loops/${loopId}/debrief`,
    ]);
    expect(await todo(grace.id)).toContainEqual([
      "hiring-decision",
      "Record a hiring decision for Senior Engineer, Payments",
      `/hiring/loops/${loopId}/debrief`,
    ]);
    await debriefAction(
      routeArgs(
        await post(`/hiring/loops/${loopId}/debrief`, grace.id, {
          intent: "decide",
          decision: "hire",
          rationale: "Yes",
        }),
        { loopId },
      ),
    );
    // The hire takes the candidate to the offer stage, which is Grace's to follow now.
    const candidate = await db.hiringCandidate.findFirstOrThrow({
      where: { loops: { some: { id: loopId } } },
    });
    const { openingId } = await db.hiringLoop.findUniqueOrThrow({ where: { id: loopId } });
    expect((await todo(grace.id)).filter(([kind]) => String(kind).startsWith("hiring"))).toEqual([
      [
        "hiring-candidate",
        "Follow an offer for Senior Engineer, Payments",
        `/hiring/openings/${openingId}/pipeline`,
      ],
    ]);
    expect(candidate.pipelineStage).toBe("offer");
    expect(
      (await todo(ana.id)).filter(([kind]) => kind === "debrief" || kind === "scorecard"),
    ).toEqual([]);
  });

  test("a hiring admin's to-dos take three statements, however many loops and candidates their openings hold", async () => {
    const { grace, openingId, stages } = await hiringSetUp();
    const home = async () => {
      const request = await get("/", grace.id);
      // The first read brings the kept to-do count up to date; the second is the page read again.
      await homeLoader(routeArgs(request));
      const { result, statements } = await countStatements(() => homeLoader(routeArgs(request)));
      const todo = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(result).todo;
      return {
        todo: todo
          .filter((item) => item.kind.startsWith("hiring") || item.kind === "scorecard")
          .map((item) => [item.kind, inEnglish(item).detail.split(".")[0]]),
        statements: statements.length,
      };
    };
    const one = await home();
    expect(one.todo).toEqual([["hiring-loop", "Candidate: Casey Candidate"]]);
    // The session, the person, their reports, the to-do providers' probes (only hiring's finds a
    // row), calibration's one, and hiring's three.
    expect(one.statements).toBe(8);
    // Two candidates more: one waiting in screen, one whose loop Grace interviews on herself.
    await addCandidate(asViewer(grace), openingId, {
      name: "Sam Screen",
      email: "",
      source: "",
      notes: "",
    });
    const { loopId } = await addCandidate(asViewer(grace), openingId, {
      name: "Tia Twice",
      email: "",
      source: "",
      notes: "",
    });
    const assigned = await assignInterviewer(asViewer(grace), loopId, {
      stageId: stages[0]!.id,
      email: grace.email,
      scheduledAt: new Date("2026-11-21T10:00:00Z"),
    });
    expect(assigned.ok).toBe(true);
    const more = await home();
    expect(more.todo).toEqual([
      ["scorecard", "Candidate: Tia Twice"],
      ["hiring-loop", "Candidate: Casey Candidate"],
      ["hiring-loop", "Candidate: Tia Twice"],
      ["hiring-candidate", "Candidate: Sam Screen"],
    ]);
    expect(more.statements).toBe(one.statements);
  });

  test("a loop's page lists its interviews in the plan's order, each interviewer's team and whether their card is in, in as many statements however many interviewers", async () => {
    const { grace, ana, ben, loopId, stages, anaInterview } = await hiringSetUp();
    const page = async () => {
      const { result, statements } = await countStatements(async () =>
        loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, grace.id), { loopId })),
      );
      const body = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(result);
      return {
        interviews: body.interviews.map((interview) => [
          interview.interviewer.name,
          interview.interviewer.team,
          interview.status,
        ]),
        statements: statements.length,
      };
    };
    const before = await page();
    // Cy, on no team, joins Coding after Ben joined Design: the plan's order, not the order assigned.
    const cy = await createPerson({ name: "Cy Teamless", track: "ic", level: "ic2" });
    expect(
      (
        await assignInterviewer(asViewer(grace), loopId, {
          stageId: stages[0]!.id,
          email: cy.email,
          scheduledAt: null,
        })
      ).ok,
    ).toBe(true);
    await scoreAndSubmit(ana, anaInterview, ["code-quality", "testing"], 3, "Solid", "yes");
    const after = await page();
    const [alpha, beta] = await Promise.all(
      [ana, ben].map(
        async (person) => (await db.team.findUniqueOrThrow({ where: { id: person.teamId! } })).name,
      ),
    );
    expect(after.interviews).toEqual([
      ["Ana Interviewer", alpha, "submitted"],
      ["Cy Teamless", null, "not started"],
      ["Ben Interviewer", beta, "not started"],
    ]);
    expect(after.statements).toBe(before.statements);
    // The loop with its opening, candidate and the names on it, the opening's plan and admins, and the
    // interviews with interviewers, teams and cards are three raw reads (hiring/queries.server.ts loopRows);
    // the scorecards with their scores one (loopCardRows), and so on for the pipeline; the panel rule's verdict
    // reads the rule and the interviewers (panels.server.ts panelMeetsRule): eleven statements on both
    // databases. Prisma's nested reads were seven on PostgreSQL and seventeen on SQLite, and cost the page more
    // (decision 055).
    expect(after.statements).toBe(11);
  });
});

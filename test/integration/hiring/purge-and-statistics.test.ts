// Purging candidates (by hand and after the retention period, each in the audit log), and the statistics pages.
import type { Message } from "~/i18n/messages";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { erasePerson } from "~/modules/retention/erasure.server";
import { runRetentionPass } from "~/modules/retention/pass.server";
import { linkHire, recordDecision } from "~/modules/hiring/loops.server";
import { moveCandidate } from "~/modules/hiring/pipeline.server";
import { insightsView } from "~/modules/insights/insights.server";
import { action as debriefAction } from "~/routes/hiring.loops.$loopId.debrief";
import * as loopPage from "~/routes/hiring.loops.$loopId._index";
import {
  action as settingsAction,
  default as SettingsPage,
  handle as settingsHandle,
  loader as settingsLoader,
} from "~/routes/hiring.settings";
import { loader as statsLoader } from "~/routes/hiring.stats";
import { loader as validityLoader } from "~/routes/hiring.validity";
import { createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import { answerOf } from "../../utils/responses";
import { documentShipsScripts } from "~/utils/page-scripts";
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

const { action: loopAction, loader: loopLoader } = loopPage;

async function decide(
  facts: Awaited<ReturnType<typeof hiringSetUp>>,
  decision: "hire" | "no-hire",
  now = new Date(),
) {
  await scoreAndSubmit(
    facts.ana,
    facts.anaInterview,
    ["code-quality", "testing"],
    2,
    "ANA-NOTES",
    "no",
  );
  await scoreAndSubmit(
    facts.ben,
    facts.benInterview,
    ["system-design", "technical-judgement"],
    3,
    "BEN-NOTES",
    "yes",
  );
  const result = await recordDecision(
    asViewer(facts.grace),
    facts.loopId,
    { decision, rationale: "RATIONALE-ABOUT-CASEY" },
    now,
  );
  expect(result.ok).toBe(true);
}

describe("purging candidate data", () => {
  test("a hiring admin of the opening purges a candidate: name, email, notes and every written note go, anonymous scores stay, the audit log records it", async () => {
    const facts = await hiringSetUp();
    await decide(facts, "no-hire");
    await debriefAction(
      routeArgs(
        await post(`/hiring/loops/${facts.loopId}/debrief`, facts.ana.id, {
          intent: "dissent",
          text: "DISSENT-ABOUT-CASEY",
        }),
        { loopId: facts.loopId },
      ),
    );
    // Interviewers may not purge; nor may the confirmation be skipped.
    expect(
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${facts.loopId}`, facts.ana.id, {
                intent: "purge",
                confirm: "purge",
              }),
              { loopId: facts.loopId },
            ),
          ),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, { intent: "purge" }),
              { loopId: facts.loopId },
            ),
          ),
        ),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${facts.loopId}`, facts.olga.id, {
                intent: "purge",
                confirm: "purge",
              }),
              { loopId: facts.loopId },
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      (
        await db.hiringCandidate.findFirstOrThrow({
          where: { loops: { some: { id: facts.loopId } } },
        })
      ).purgedAt,
    ).toBeNull();
    expect(
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, {
                intent: "purge",
                confirm: "purge",
              }),
              { loopId: facts.loopId },
            ),
          ),
        ),
      ),
    ).toBe(302);

    const candidate = await db.hiringCandidate.findFirstOrThrow({
      where: { loops: { some: { id: facts.loopId } } },
    });
    expect(candidate).toMatchObject({ name: "", email: "", source: "", notes: "" });
    expect(candidate.purgedAt).not.toBeNull();
    const scores = await db.hiringScore.findMany({
      where: { scorecard: { interview: { loopId: facts.loopId } } },
    });
    expect(scores.map((score) => score.score).sort()).toEqual([2, 2, 3, 3]);
    expect(scores.every((score) => score.notes === "")).toBe(true);
    const { html, view: loop } = await renderPage<{
      candidate: { name: string | null };
      opening: { level: Message };
    }>(loopPage, "/hiring/loops/:loopId", `/hiring/loops/${facts.loopId}`, facts.grace.id);
    const page = JSON.stringify(loop) + html;
    for (const text of [
      "Casey",
      "casey@example.org",
      "Referral",
      "CANDIDATE-PRIVATE-NOTE",
      "ANA-NOTES",
      "BEN-NOTES",
      "RATIONALE-ABOUT-CASEY",
      "DISSENT-ABOUT-CASEY",
    ])
      expect(page).not.toContain(text);
    // Named by the page, in the reader's language.
    expect(loop.candidate.name).toBeNull();
    expect(html).toContain("<h1");
    expect(html).toMatch(/<h1[^>]*>Purged candidate<\/h1>/);
    // The opening's level with its track, as a message the page words.
    expect(loop.opening.level).toEqual({
      key: "common:level.withTrack",
      values: { level: "Senior Engineer", track: "Individual contributor" },
    });
    expect(html).toContain("Senior Engineer (Individual contributor)");
    const events = await db.auditEvent.findMany({
      where: { action: "candidate.purged", subjectId: candidate.id },
    });
    expect(
      events.map((event) => [event.actorId, (event.detail as { reason: string }).reason]),
    ).toEqual([[facts.grace.id, "hiring admin"]]);
    // Purged once is purged: a second try is a conflict and writes no second event.
    expect(
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, {
                intent: "purge",
                confirm: "purge",
              }),
              { loopId: facts.loopId },
            ),
          ),
        ),
      ),
    ).toBe(409);
  });

  test("retention: only admins set it; rejected candidates past it are purged automatically (in the audit log), others are kept", async () => {
    const rejected = await hiringSetUp();
    await decide(rejected, "no-hire", new Date("2026-01-01T00:00:00Z"));
    const recent = await hiringSetUp();
    await decide(recent, "no-hire", new Date("2026-11-01T00:00:00Z"));
    const hired = await hiringSetUp();
    await decide(hired, "hire", new Date("2026-01-01T00:00:00Z"));

    expect(
      statusOf(
        await call(async () =>
          settingsLoader(routeArgs(await get("/hiring/settings", rejected.grace.id))),
        ),
      ),
    ).toBe(403);
    const bad = await call(async () =>
      settingsAction(
        routeArgs(await post("/hiring/settings", rejected.admin.id, { retentionDays: "0" })),
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect((await runRetentionPass(new Date("2026-11-22T00:00:00Z"))).removed.candidates).toBe(0);
    // Sent as HTML (decision 157): refused, the page comes back as a document with what was typed;
    // saved, it is asked for again with what was done, which it says.
    const settingsPage = (path: string, posted?: URLSearchParams) =>
      renderPage(
        { loader: settingsLoader, action: settingsAction, default: SettingsPage } as PageModule,
        "/hiring/settings",
        path,
        rejected.admin.id,
        posted,
      );
    const refusedPage = await settingsPage(
      "/hiring/settings?done=saved",
      new URLSearchParams({ retentionDays: "0" }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain('value="0"');
    expect(refusedPage.html).not.toContain("Saved.");
    expect(
      answerOf(
        await call(async () =>
          settingsAction(
            routeArgs(await post("/hiring/settings", rejected.admin.id, { retentionDays: "180" })),
          ),
        ),
      ),
    ).toEqual({ status: 302, location: "/hiring/settings?done=saved" });
    expect((await settingsPage("/hiring/settings?done=saved")).html).toContain("Saved.");
    expect(documentShipsScripts([undefined, settingsHandle])).toBe(false);
    expect(
      bodyOf<{ retentionDays: number | null }>(
        await settingsLoader(routeArgs(await get("/hiring/settings", rejected.admin.id))),
      ).retentionDays,
    ).toBe(180);

    expect((await runRetentionPass(new Date("2026-11-22T00:00:00Z"))).removed.candidates).toBe(1);
    const state = async (facts: typeof rejected) =>
      (
        await db.hiringCandidate.findFirstOrThrow({
          where: { loops: { some: { id: facts.loopId } } },
        })
      ).purgedAt !== null;
    expect([await state(rejected), await state(recent), await state(hired)]).toEqual([
      true,
      false,
      false,
    ]);
    const purged = await db.hiringCandidate.findFirstOrThrow({
      where: { loops: { some: { id: rejected.loopId } } },
    });
    const events = await db.auditEvent.findMany({
      where: { action: "candidate.purged", subjectId: purged.id },
    });
    expect(
      events.map((event) => [event.actorId, (event.detail as { reason: string }).reason]),
    ).toEqual([[null, "retention"]]);
    expect(await db.auditEvent.count({ where: { action: "hiring.retention_set" } })).toBe(1);
    // Idempotent: a second run (another app server) purges nothing more.
    expect((await runRetentionPass(new Date("2026-11-22T00:00:00Z"))).removed.candidates).toBe(0);
  });
});

describe("statistics", () => {
  test("interviewer and panel statistics count the decided loops of the viewer's openings; engineers may not see them", async () => {
    const facts = await hiringSetUp();
    await decide(facts, "hire");
    expect(
      statusOf(
        await call(async () => statsLoader(routeArgs(await get("/hiring/stats", facts.ana.id)))),
      ),
    ).toBe(403);
    const stats = bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
      await statsLoader(routeArgs(await get("/hiring/stats", facts.grace.id))),
    );
    expect(stats.loops).toBe(1);
    expect(stats.interviewers.map((row) => [row.name, row.cards, row.recommendations])).toEqual([
      ["Ana Interviewer", 1, 1],
      ["Ben Interviewer", 1, 1],
    ]);
    expect(stats.openings.map((opening) => [opening.title, opening.loops])).toEqual([
      ["Senior Engineer, Payments", 1],
    ]);
    // Ordered with real offsets first, a page past the end is the last page; an unknown order is a 400.
    const byOffset = bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
      await statsLoader(routeArgs(await get("/hiring/stats?order=offset&page=9", facts.grace.id))),
    );
    expect([
      byOffset.order,
      byOffset.page,
      byOffset.pageCount,
      byOffset.interviewerCount,
      byOffset.interviewers.length,
    ]).toEqual(["offset", 1, 1, 2, 2]);
    expect(
      statusOf(
        await call(async () =>
          statsLoader(routeArgs(await get("/hiring/stats?order=loudest", facts.grace.id))),
        ),
      ),
    ).toBe(400);
    // Grace scored nothing and owes nothing: the page says what it is over, and nothing about her own cards.
    expect(stats.scope).toEqual([{ key: "hiring:stats.scope.own", values: { count: 1 } }]);
    // Another hiring admin's statistics do not count this opening.
    expect(
      bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
        await statsLoader(routeArgs(await get("/hiring/stats", facts.olga.id))),
      ).loops,
    ).toBe(0);
  });

  test("the kept figures follow the loops: a loop decided after a visit counts at the next, and a loop in which the viewer owes a card does not count while she owes it", async () => {
    const facts = await hiringSetUp();
    const loopsFor = async (userId: string) =>
      bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
        await statsLoader(routeArgs(await get("/hiring/stats", userId))),
      ).loops;
    // Ada is an admin: every decided loop of this file's database counts for her.
    const elsewhere = await loopsFor(facts.admin.id);
    expect(await loopsFor(facts.grace.id)).toBe(0);
    await decide(facts, "hire");
    expect([await loopsFor(facts.grace.id), await loopsFor(facts.admin.id)]).toEqual([
      1,
      elsewhere + 1,
    ]);
    // Ada is put on the decided loop (written straight: the plan refuses it now), so she owes a card there, and then hands it in.
    const stage = await db.hiringStage.create({
      data: {
        openingId: facts.openingId,
        name: "Collaboration",
        position: 2,
        competencyIds: JSON.stringify(["collaboration"]),
      },
    });
    const interview = await db.hiringInterview.create({
      data: {
        loopId: facts.loopId,
        stageId: stage.id,
        interviewerId: facts.admin.id,
        scheduledAt: new Date("2026-11-20T12:00:00Z"),
      },
    });
    expect([await loopsFor(facts.grace.id), await loopsFor(facts.admin.id)]).toEqual([
      1,
      elsewhere,
    ]);
    const scopeFor = async (userId: string) =>
      bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
        await statsLoader(routeArgs(await get("/hiring/stats", userId))),
      ).scope;
    expect((await scopeFor(facts.admin.id)).map((message) => message.key)).toEqual([
      "hiring:stats.scope.all",
      "hiring:stats.scope.withheld",
    ]);
    expect((await scopeFor(facts.admin.id))[1]).toEqual({
      key: "hiring:stats.scope.withheld",
      values: { count: 1 },
    });
    await db.hiringScorecard.create({
      data: {
        interviewId: interview.id,
        authorId: facts.admin.id,
        status: "submitted",
        submittedAt: new Date(),
        recommendation: "yes",
      },
    });
    expect(await loopsFor(facts.admin.id)).toBe(elsewhere + 1);
  });

  test("the validity loop pairs a linked hire's interview scores with their first manager review after the decision; below ten hires no coefficient is shown, with the caveat", async () => {
    const facts = await hiringSetUp();
    await decide(facts, "hire", new Date("2026-01-01T00:00:00Z"));
    const waitingFor = async () =>
      bodyOf<Awaited<ReturnType<typeof validityLoader>>>(
        await validityLoader(routeArgs(await get("/hiring/validity", facts.grace.id))),
      ).waitingFor;
    // Before anything can be compared, the page says what it needs rather than showing empty tables.
    expect((await waitingFor())?.[0]).toEqual({ key: "hiring:validity.waiting.noneLinked" });
    const hire = await createPerson({ name: "Casey Joined", track: "ic", level: "ic3" });
    // Linking the hire to their account takes them from the offer stage to hired: the validity loop follows hired candidates.
    expect(await linkHire(asViewer(facts.grace), facts.loopId, hire.email)).toEqual({ ok: true });
    expect((await waitingFor())?.[0]).toEqual({ key: "hiring:validity.waiting.oneLinked" });
    const version = await db.ladderVersion.findFirstOrThrow({ select: { id: true } });
    await db.assessment.create({
      data: {
        kind: "manager",
        status: "submitted",
        subjectId: hire.id,
        authorId: facts.grace.id,
        ladderVersionId: version.id,
        trackId: "ic",
        levelId: "ic3",
        submittedAt: new Date("2026-07-01T00:00:00Z"),
        ratings: {
          create: [
            { competencyId: "code-quality", rating: 3 },
            { competencyId: "system-design", rating: 4 },
          ],
        },
      },
    });
    const validity = bodyOf<Awaited<ReturnType<typeof validityLoader>>>(
      await validityLoader(routeArgs(await get("/hiring/validity", facts.grace.id))),
    );
    expect(validity.linkedHires).toBe(1);
    expect(validity.waitingFor).toBeNull();
    expect(validity.report.hires).toBe(1);
    expect(validity.report.caveat).toMatch(/hired/);
    expect(
      validity.report.byCompetency.map((row) => [
        row.competencyId,
        row.n,
        row.suppressed,
        row.pearson,
      ]),
    ).toEqual([
      ["code-quality", 1, true, null],
      ["system-design", 1, true, null],
    ]);
    expect(validity.report.byStage.map((row) => row.stageId)).toEqual(["Coding", "Design"]);
    // Purged, the loop no longer says who the candidate became; the link stays for the figures above.
    const loopOf = async () =>
      bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
        await loopLoader(
          routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.grace.id), {
            loopId: facts.loopId,
          }),
        ),
      );
    expect((await loopOf()).candidate.hiredPerson).toMatchObject({ name: "Casey Joined" });
    // An interviewer who still owes a card (put on the panel straight, as the plan no longer allows it) is not told whom the candidate became.
    const stage = await db.hiringStage.create({
      data: {
        openingId: facts.openingId,
        name: "Late",
        position: 2,
        competencyIds: JSON.stringify(["collaboration"]),
      },
    });
    await db.hiringInterview.create({
      data: { loopId: facts.loopId, stageId: stage.id, interviewerId: facts.stranger.id },
    });
    const owing = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(
        routeArgs(await get(`/hiring/loops/${facts.loopId}`, facts.stranger.id), {
          loopId: facts.loopId,
        }),
      ),
    );
    expect(owing.candidate.hiredPerson).toBeNull();
    expect(JSON.stringify(owing)).not.toContain("Casey Joined");
    expect(
      statusOf(
        await call(async () =>
          loopAction(
            routeArgs(
              await post(`/hiring/loops/${facts.loopId}`, facts.grace.id, {
                intent: "purge",
                confirm: "purge",
              }),
              { loopId: facts.loopId },
            ),
          ),
        ),
      ),
    ).toBe(302);
    const purged = await loopOf();
    expect(purged.candidate.hiredPerson).toBeNull();
    expect(JSON.stringify(purged)).not.toContain("Casey");
    expect(
      bodyOf<Awaited<ReturnType<typeof validityLoader>>>(
        await validityLoader(routeArgs(await get("/hiring/validity", facts.grace.id))),
      ).linkedHires,
    ).toBe(1);
  });

  test("the organisation's insights follow a hire linked after the board already moved them to hired: nothing else changes, and the kept view is read again", async () => {
    const facts = await hiringSetUp();
    await decide(facts, "hire", new Date("2026-01-01T00:00:00Z"));
    const hire = await createPerson({ name: "Casey Joined", track: "ic", level: "ic3" });
    const version = await db.ladderVersion.findFirstOrThrow({ select: { id: true } });
    await db.assessment.create({
      data: {
        kind: "manager",
        status: "submitted",
        subjectId: hire.id,
        authorId: facts.grace.id,
        ladderVersionId: version.id,
        trackId: "ic",
        levelId: "ic3",
        submittedAt: new Date("2026-07-01T00:00:00Z"),
        ratings: {
          create: [
            { competencyId: "code-quality", rating: 3 },
            { competencyId: "system-design", rating: 4 },
          ],
        },
      },
    });
    const candidateId = (
      await db.hiringCandidate.findFirstOrThrow({
        where: { loops: { some: { id: facts.loopId } } },
        select: { id: true },
      })
    ).id;
    expect(
      await moveCandidate(asViewer(facts.grace), facts.openingId, candidateId, {
        to: "hired",
        reason: null,
        note: "",
      }),
    ).toMatchObject({ ok: true });
    // Hires linked by the file's other tests count too: this one adds one to 2026's.
    const hiresIn2026 = async () =>
      (await insightsView(asViewer(facts.admin))).hiring?.validity.periods.find(
        (period) => period.period === "2026",
      )?.n ?? 0;
    const before = await hiresIn2026();
    expect(await linkHire(asViewer(facts.grace), facts.loopId, hire.email)).toEqual({ ok: true });
    expect(await hiresIn2026()).toBe(before + 1);
  });

  test("an interviewer erased after the statistics were read and kept is no longer named on them", async () => {
    const facts = await hiringSetUp();
    await decide(facts, "no-hire");
    // The file's other tests have Anas of their own: this one is found by id.
    const named = async () =>
      bodyOf<Awaited<ReturnType<typeof statsLoader>>>(
        await statsLoader(routeArgs(await get("/hiring/stats", facts.admin.id))),
      ).interviewers.find((row) => row.id === facts.ana.id)?.name;
    expect(await named()).toBe("Ana Interviewer");
    await db.user.update({ where: { id: facts.ana.id }, data: { deactivatedAt: new Date() } });
    expect(await erasePerson(facts.ana.id, new Date(), "keep", "request", facts.admin.id)).toBe(
      true,
    );
    const erased = await db.user.findUniqueOrThrow({
      where: { id: facts.ana.id },
      select: { name: true },
    });
    expect(erased.name).not.toBe("Ana Interviewer");
    expect(await named()).toBe(erased.name);
  });
});

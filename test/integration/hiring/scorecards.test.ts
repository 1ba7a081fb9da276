// Scorecards: autosave as reviews do, a plain form that works without JavaScript, final submission, and amendments.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { formBase } from "~/modules/hiring/scorecard-draft";
import {
  action as interviewAction,
  loader as interviewLoader,
} from "~/routes/hiring.interviews.$interviewId._index";
import { action as saveAction } from "~/routes/hiring.interviews.$interviewId.save";
import { loader as loopLoader } from "~/routes/hiring.loops.$loopId._index";
import { signedInRequest } from "../../utils/session";
import {
  bodyOf,
  call,
  get,
  hiringSetUp,
  post,
  routeArgs,
  scoreAndSubmit,
  statusOf,
} from "./helpers";

async function save(
  userId: string,
  interviewId: string,
  baseRevision: number,
  changes: { field: string; value: string | number | null; base: string | number | null }[],
) {
  const request = await signedInRequest(`/hiring/interviews/${interviewId}/save`, userId, {
    method: "POST",
    body: JSON.stringify({ baseRevision, changes }),
    headers: { "Content-Type": "application/json" },
  });
  const response = (await saveAction(routeArgs(request, { interviewId }))) as Response;
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean;
      revision?: number;
      conflicts?: unknown[];
      fieldErrors?: Record<string, string[]>;
      message?: string;
    },
  };
}

const page = async (userId: string, interviewId: string) =>
  bodyOf<Awaited<ReturnType<typeof interviewLoader>>>(
    await interviewLoader(
      routeArgs(await get(`/hiring/interviews/${interviewId}`, userId), { interviewId }),
    ),
  );

describe("scorecards", () => {
  test("autosave: the first save makes the draft; a save from a stale tab is merged field by field and reports what another tab changed", async () => {
    const { ana, anaInterview } = await hiringSetUp();
    const first = await save(ana.id, anaInterview, 0, [
      { field: "rating:code-quality", value: 3, base: null },
    ]);
    expect(first).toMatchObject({ status: 200, body: { ok: true, revision: 1, conflicts: [] } });
    const otherTab = await save(ana.id, anaInterview, 1, [
      { field: "notes:code-quality", value: "Clean names", base: "" },
    ]);
    expect(otherTab.body.revision).toBe(2);
    // A tab still at revision 0 changes the same score: its value is kept, the other is offered.
    const stale = await save(ana.id, anaInterview, 0, [
      { field: "rating:code-quality", value: 4, base: 2 },
    ]);
    expect(stale.body).toMatchObject({
      ok: true,
      revision: 3,
      conflicts: [{ field: "rating:code-quality", mine: 4, theirs: 3 }],
    });
    const bad = await save(ana.id, anaInterview, 3, [
      { field: "rating:testing", value: 9, base: null },
      { field: "rating:system-design", value: 3, base: null },
    ]);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fieldErrors ?? {})).toEqual([
      "rating:testing",
      "rating:system-design",
    ]);
    const view = await page(ana.id, anaInterview);
    expect(view.values).toMatchObject({
      "rating:code-quality": 4,
      "notes:code-quality": "Clean names",
    });
    expect(view.revision).toBe(3);
    expect(await db.hiringScorecard.count({ where: { interviewId: anaInterview } })).toBe(1);
  });

  test("without JavaScript the form saves a draft and submits; an incomplete card is refused with a clear message and nothing changes", async () => {
    const { ana, anaInterview, loopId } = await hiringSetUp();
    const form = (
      fields: Record<string, string>,
      revision: number,
      base = formBase({}, ["code-quality", "testing"]),
    ) => ({ base: JSON.stringify(base), baseRevision: String(revision), ...fields });
    const saved = await call(async () =>
      interviewAction(
        routeArgs(
          await post(`/hiring/interviews/${anaInterview}`, ana.id, {
            intent: "save",
            ...form(
              {
                "score-code-quality": "3",
                "notes:code-quality": "Readable",
                "score-testing": "not-assessed",
              },
              0,
            ),
          }),
          { interviewId: anaInterview },
        ),
      ),
    );
    expect(statusOf(saved)).toBe(302);
    expect((saved as Response).headers.get("Location")).toBe(
      `/hiring/interviews/${anaInterview}?saved=1`,
    );
    let view = await page(ana.id, anaInterview);
    expect(view.values).toMatchObject({
      "rating:code-quality": 3,
      "notes:code-quality": "Readable",
    });
    // A draft refused (a note over the limit) answers with what was typed, for the form to show again; nothing is saved.
    const long = `${"Walked through the retry logic carefully. ".repeat(300)}TYPED-END`;
    const tooLong = await call(async () =>
      interviewAction(
        routeArgs(
          await post(`/hiring/interviews/${anaInterview}`, ana.id, {
            intent: "save",
            ...form(
              {
                "score-code-quality": "4",
                "notes:code-quality": long,
                "score-testing": "not-assessed",
              },
              view.revision,
              formBase(view.values, view.competencyIds),
            ),
          }),
          { interviewId: anaInterview },
        ),
      ),
    );
    expect(statusOf(tooLong)).toBe(400);
    expect(bodyOf<{ typed: Record<string, unknown> }>(tooLong).typed).toMatchObject({
      "rating:code-quality": 4,
      "notes:code-quality": long,
    });
    expect((await page(ana.id, anaInterview)).values).toMatchObject({
      "rating:code-quality": 3,
      "notes:code-quality": "Readable",
    });
    // Submitting without a recommendation is refused; the draft stays as it was.
    const refused = await call(async () =>
      interviewAction(
        routeArgs(
          await post(`/hiring/interviews/${anaInterview}`, ana.id, {
            intent: "submit",
            ...form(
              { "score-code-quality": "3", "notes:code-quality": "Readable" },
              view.revision,
              formBase(view.values, view.competencyIds),
            ),
          }),
          { interviewId: anaInterview },
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ message: string }>(refused).message).toBe(
      "Not submitted: Choose a recommendation: strong no, no, yes or strong yes. Your draft is kept as it is.",
    );
    view = await page(ana.id, anaInterview);
    expect(view.mode).toBe("draft");
    const submitted = await call(async () =>
      interviewAction(
        routeArgs(
          await post(`/hiring/interviews/${anaInterview}`, ana.id, {
            intent: "submit",
            ...form(
              {
                "score-code-quality": "3",
                "notes:code-quality": "Readable",
                recommendation: "yes",
              },
              view.revision,
              formBase(view.values, view.competencyIds),
            ),
          }),
          { interviewId: anaInterview },
        ),
      ),
    );
    expect(statusOf(submitted)).toBe(302);
    expect((submitted as Response).headers.get("Location")).toBe(`/hiring/loops/${loopId}`);
    const card = await db.hiringScorecard.findFirstOrThrow({
      where: { interviewId: anaInterview },
      include: { scores: { orderBy: { competencyId: "asc" } } },
    });
    expect(card).toMatchObject({ status: "submitted", recommendation: "yes" });
    // Every competency of the stage is stored; the one left unscored as not assessed.
    expect(card.scores.map((score) => [score.competencyId, score.score])).toEqual([
      ["code-quality", 3],
      ["testing", null],
    ]);
  });

  test("a submitted card never changes: saves are refused; a correction is a linked amendment that shows what changed, and the amended card counts", async () => {
    const { ana, grace, anaInterview, loopId } = await hiringSetUp();
    await scoreAndSubmit(ana, anaInterview, ["code-quality", "testing"], 2, "First look", "no");
    const refused = await save(ana.id, anaInterview, 5, [
      { field: "rating:testing", value: 4, base: 2 },
    ]);
    expect(refused).toMatchObject({
      status: 409,
      body: { ok: false, message: "This card is submitted. To correct it, start an amendment." },
    });
    expect(
      statusOf(
        await call(async () =>
          interviewAction(
            routeArgs(
              await post(`/hiring/interviews/${anaInterview}`, ana.id, { intent: "amend" }),
              { interviewId: anaInterview },
            ),
          ),
        ),
      ),
    ).toBe(302);
    let view = await page(ana.id, anaInterview);
    expect(view.mode).toBe("amending");
    // An amendment that changes nothing is refused.
    const unchanged = await call(async () =>
      interviewAction(
        routeArgs(
          await post(`/hiring/interviews/${anaInterview}`, ana.id, {
            intent: "submit",
            revision: String(view.revision),
          }),
          { interviewId: anaInterview },
        ),
      ),
    );
    expect(bodyOf<{ message: string }>(unchanged).message).toMatch(
      /^This amendment changes nothing yet/,
    );
    const changed = await save(ana.id, anaInterview, view.revision, [
      { field: "rating:testing", value: 3, base: 2 },
      {
        field: "notes:testing",
        value: "Re-read my notes: the tests covered the edge cases.",
        base: "First look on testing",
      },
    ]);
    expect(changed.status).toBe(200);
    view = await page(ana.id, anaInterview);
    expect(view.pendingDiff?.entries.map((entry) => [entry.competencyId, entry.score])).toEqual([
      ["testing", { from: 2, to: 3 }],
    ]);
    expect(
      statusOf(
        await call(async () =>
          interviewAction(
            routeArgs(
              await post(`/hiring/interviews/${anaInterview}`, ana.id, {
                intent: "submit",
                revision: String(view.revision),
              }),
              { interviewId: anaInterview },
            ),
          ),
        ),
      ),
    ).toBe(302);
    const cards = await db.hiringScorecard.findMany({
      where: { interviewId: anaInterview },
      orderBy: { createdAt: "asc" },
      include: { scores: true },
    });
    expect(cards.map((card) => [card.status, card.amendsId === null])).toEqual([
      ["submitted", true],
      ["submitted", false],
    ]);
    expect(cards[0]!.scores.find((score) => score.competencyId === "testing")?.score).toBe(2);
    const loop = bodyOf<Awaited<ReturnType<typeof loopLoader>>>(
      await loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, grace.id), { loopId })),
    );
    expect(loop.cards).toHaveLength(1);
    expect(loop.cards[0]!.scores.find((score) => score.competencyId === "testing")?.score).toBe(3);
    expect(loop.cards[0]!.amendments[0]!.diff.entries).toEqual([
      {
        competencyId: "testing",
        score: { from: 2, to: 3 },
        notes: {
          from: "First look on testing",
          to: "Re-read my notes: the tests covered the edge cases.",
        },
      },
    ]);
    view = await page(ana.id, anaInterview);
    expect(view.mode).toBe("submitted");
    expect(view.submitted?.amendments).toHaveLength(1);
  });

  test("a stale submit from another tab is refused; discarding a correction leaves the submitted card as it was", async () => {
    const { ana, anaInterview } = await hiringSetUp();
    await save(ana.id, anaInterview, 0, [
      { field: "rating:code-quality", value: 3, base: null },
      { field: "recommendation", value: "yes", base: null },
    ]);
    // A revision not written as the page writes it is refused with a 400, and nothing is submitted.
    for (const revision of ["01", "0999999999999", "1.0", "", "one"]) {
      const malformed = await call(async () =>
        interviewAction(
          routeArgs(
            await post(`/hiring/interviews/${anaInterview}`, ana.id, {
              intent: "submit",
              revision,
            }),
            { interviewId: anaInterview },
          ),
        ),
      );
      expect(statusOf(malformed)).toBe(400);
      expect(bodyOf(malformed)).toMatchObject({
        ok: false,
        message: "That submission was not understood; nothing was submitted.",
      });
    }
    expect(
      await db.hiringScorecard.count({ where: { interviewId: anaInterview, status: "submitted" } }),
    ).toBe(0);
    const stale = await call(async () =>
      interviewAction(
        routeArgs(
          await post(`/hiring/interviews/${anaInterview}`, ana.id, {
            intent: "submit",
            revision: "0",
          }),
          { interviewId: anaInterview },
        ),
      ),
    );
    expect(statusOf(stale)).toBe(409);
    expect(
      statusOf(
        await call(async () =>
          interviewAction(
            routeArgs(
              await post(`/hiring/interviews/${anaInterview}`, ana.id, {
                intent: "submit",
                revision: "1",
              }),
              { interviewId: anaInterview },
            ),
          ),
        ),
      ),
    ).toBe(302);
    await interviewAction(
      routeArgs(await post(`/hiring/interviews/${anaInterview}`, ana.id, { intent: "amend" }), {
        interviewId: anaInterview,
      }),
    ).catch(() => undefined);
    await interviewAction(
      routeArgs(await post(`/hiring/interviews/${anaInterview}`, ana.id, { intent: "discard" }), {
        interviewId: anaInterview,
      }),
    ).catch(() => undefined);
    expect(await db.hiringScorecard.count({ where: { interviewId: anaInterview } })).toBe(1);
    expect((await page(ana.id, anaInterview)).mode).toBe("submitted");
  });
});

import { describe, expect, test } from "vitest";
import type { gapPage } from "~/modules/growth/profile.server";
import { db } from "~/db/client.server";
import { expectationsFor } from "~/modules/ladders";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { action as gapAction, loader as gapLoader } from "~/routes/people.$personId.gap";
import { loader as historyLoader } from "~/routes/people.$personId.history";
import { loader as growthLoader } from "~/routes/people.$personId._index";
import { loader as printLoader } from "~/routes/people.$personId.print";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { inEnglishWords } from "../../utils/english";
import { signedInRequest } from "../../utils/session";
import {
  createAssessment,
  createCycle,
  engineeringVersionId,
  reviewOrganisation,
} from "./profile-factories";

type Growth = Awaited<ReturnType<typeof growthLoader>>;
type Gap = Awaited<ReturnType<typeof gapPage>>;
type HistoryData = Awaited<ReturnType<typeof historyLoader>>;
type PrintData = Awaited<ReturnType<typeof printLoader>>;

async function growth(viewerId: string, personId: string) {
  return bodyOf<Growth>(
    await growthLoader(
      routeArgs(await signedInRequest(`/people/${personId}`, viewerId), { personId }),
    ),
  );
}
async function gap(viewerId: string, personId: string, query = "") {
  const result = await gapLoader(
    routeArgs(await signedInRequest(`/people/${personId}/gap${query}`, viewerId), { personId }),
  );
  return { status: statusOf(result), body: bodyOf<Gap>(result) };
}
async function history(viewerId: string, personId: string) {
  return bodyOf<HistoryData>(
    await historyLoader(
      routeArgs(await signedInRequest(`/people/${personId}/history`, viewerId), { personId }),
    ),
  );
}
async function print(viewerId: string, personId: string) {
  return bodyOf<PrintData>(
    await printLoader(
      routeArgs(await signedInRequest(`/people/${personId}/print`, viewerId), { personId }),
    ),
  );
}

/** One [status, basis] per expectation the served ladder sets for the competency at the level (never an empty list). */
async function each(levelId: string, competencyId: string, status: string, basis: string) {
  const served = await ladderForLevel(levelId);
  const expectations = served ? expectationsFor(served.ladder, levelId, competencyId) : [];
  if (expectations.length === 0)
    throw new Error(`the served ladder has no expectations for ${competencyId} at ${levelId}`);
  return expectations.map(() => [status, basis]);
}

/** Two closed cycles: the spring pair both submitted; in autumn the manager has submitted and the engineer is still drafting. */
async function reviewedEngineer() {
  const org = await reviewOrganisation();
  const { engineer, manager } = org;
  const spring = await createCycle("Spring 2026", new Date("2026-03-01T00:00:00Z"), true);
  const autumn = await createCycle("Autumn 2026", new Date("2026-09-01T00:00:00Z"));
  const springSelf = await createAssessment({
    kind: "self",
    subjectId: engineer.id,
    authorId: engineer.id,
    cycleId: spring.id,
    submittedAt: new Date("2026-03-10T00:00:00Z"),
    summary: "A good half-year.",
    ratings: [
      {
        competencyId: "code-quality",
        rating: 3,
        notes: "Refactored the billing module",
        evidence: [{ text: "PR #42 split the invoice builder", url: "https://example.com/pr/42" }],
      },
      {
        competencyId: "testing",
        rating: 4,
        notes: "Wrote the contract tests",
        marks: { "0": "met" },
      },
      { competencyId: "planning", rating: 2 },
    ],
  });
  const springManager = await createAssessment({
    kind: "manager",
    subjectId: engineer.id,
    authorId: manager.id,
    cycleId: spring.id,
    submittedAt: new Date("2026-03-20T00:00:00Z"),
    summary: "Solid; testing needs depth.",
    ratings: [
      {
        competencyId: "code-quality",
        rating: 3,
        notes: "Agree",
        evidence: [{ text: "Reviewed the refactor" }],
        marks: { "0": "met", "1": "partly" },
      },
      { competencyId: "testing", rating: 2, notes: "Coverage is thin in the payments path" },
      { competencyId: "planning", rating: 3 },
    ],
  });
  const autumnManager = await createAssessment({
    kind: "manager",
    subjectId: engineer.id,
    authorId: manager.id,
    cycleId: autumn.id,
    submittedAt: new Date("2026-09-15T00:00:00Z"),
    summary: "SECRET AUTUMN REVIEW",
    ratings: [{ competencyId: "code-quality", rating: 4, notes: "Autumn manager notes" }],
  });
  const autumnSelfDraft = await createAssessment({
    kind: "self",
    status: "draft",
    subjectId: engineer.id,
    authorId: engineer.id,
    cycleId: autumn.id,
    ratings: [{ competencyId: "code-quality", rating: 2, notes: "DRAFT NOTES" }],
  });
  return { ...org, spring, autumn, springSelf, springManager, autumnManager, autumnSelfDraft };
}

describe("privacy on every growth page", () => {
  test("a peer, and an unknown id, get 404 on every page and on the plan form", async () => {
    const { engineer, peer } = await reviewedEngineer();
    const args = async (path: string, personId: string) =>
      routeArgs(await signedInRequest(`/people/${personId}${path}`, peer.id), { personId });
    for (const personId of [engineer.id, "no-such-person"]) {
      expect(statusOf(await thrown(async () => growthLoader(await args("", personId))))).toBe(404);
      expect(statusOf(await thrown(async () => gapLoader(await args("/gap", personId))))).toBe(404);
      expect(
        statusOf(await thrown(async () => historyLoader(await args("/history", personId)))),
      ).toBe(404);
      expect(statusOf(await thrown(async () => printLoader(await args("/print", personId))))).toBe(
        404,
      );
    }
    const post = await signedInRequest(`/people/${engineer.id}/gap`, peer.id, {
      method: "POST",
      body: new URLSearchParams({ target: "ic3", focus: "testing" }),
    });
    expect(
      statusOf(await thrown(() => gapAction(routeArgs(post, { personId: engineer.id })))),
    ).toBe(404);
    expect(await db.growthPlan.count({ where: { personId: engineer.id } })).toBe(0);
  });

  test("signed-out visitors are sent to sign in", async () => {
    const { engineer } = await reviewedEngineer();
    const result = await thrown(() =>
      growthLoader(
        routeArgs(new Request(`http://localhost/people/${engineer.id}`), { personId: engineer.id }),
      ),
    );
    expect(statusOf(result)).toBe(302);
  });

  test("the subject cannot see the manager's review for a cycle before submitting their own self-assessment", async () => {
    const { engineer, autumnManager, autumnSelfDraft, springManager } = await reviewedEngineer();
    const page = await growth(engineer.id, engineer.id);
    const ids = page.assessments.map((a) => a.id);
    expect(ids).not.toContain(autumnManager.id);
    expect(ids).toContain(autumnSelfDraft.id);
    expect(page.selfDraft?.id).toBe(autumnSelfDraft.id);
    // The side by side falls back to the spring pair, which they may read.
    expect(page.sideBySide?.manager.id).toBe(springManager.id);
    expect(page.latestManager?.id).toBe(springManager.id);
    expect(JSON.stringify(page)).not.toContain("SECRET AUTUMN REVIEW");

    const historyPage = await history(engineer.id, engineer.id);
    expect(historyPage.history.points.map((p) => p.cycleName)).toEqual(["Spring 2026"]);
    expect(JSON.stringify(await print(engineer.id, engineer.id))).not.toContain(
      "Autumn manager notes",
    );
    const gapPage = await gap(engineer.id, engineer.id);
    expect(gapPage.body.sources.manager?.assessment.id).toBe(springManager.id);
  });

  test("a review's written summary reaches the browser only on the page that shows it, the side by side", async () => {
    const { engineer, manager, autumnManager } = await reviewedEngineer();
    // The manager reads the whole list, their own autumn review in it, and the spring pair side by side.
    const page = await growth(manager.id, engineer.id);
    expect(page.assessments.map((a) => a.id)).toContain(autumnManager.id);
    expect(page.sideBySide?.manager.summary).toBe("Solid; testing needs depth.");
    expect(page.sideBySide?.self.summary).toBe("A good half-year.");
    expect(JSON.stringify(page)).not.toContain("SECRET AUTUMN REVIEW");
    for (const other of [
      (await gap(manager.id, engineer.id)).body,
      await history(manager.id, engineer.id),
    ]) {
      for (const summary of [
        "SECRET AUTUMN REVIEW",
        "Solid; testing needs depth.",
        "A good half-year.",
      ])
        expect(JSON.stringify(other)).not.toContain(summary);
    }
  });

  test("once the subject submits, the manager's review for that cycle appears side by side", async () => {
    const { engineer, autumnManager, autumnSelfDraft } = await reviewedEngineer();
    await db.assessment.update({
      where: { id: autumnSelfDraft.id },
      data: { status: "submitted", submittedAt: new Date("2026-09-20T00:00:00Z") },
    });
    const page = await growth(engineer.id, engineer.id);
    expect(page.sideBySide?.manager.id).toBe(autumnManager.id);
    expect(page.sideBySide?.self.id).toBe(autumnSelfDraft.id);
    expect(page.sideBySide?.cycleName).toBe("Autumn 2026");
    expect(
      page.sideBySide?.comparison.rows.find((r) => r.competencyId === "code-quality"),
    ).toMatchObject({ difference: 2, agreement: "strongly-differs" });
  });

  test("the manager, the skip-level manager and an admin see the submitted assessments but never the engineer's draft", async () => {
    const { engineer, manager, director, vp, admin, autumnManager, autumnSelfDraft, springSelf } =
      await reviewedEngineer();
    for (const viewer of [manager, director, vp, admin]) {
      const page = await growth(viewer.id, engineer.id);
      const ids = page.assessments.map((a) => a.id);
      expect(ids).toContain(autumnManager.id);
      expect(ids).toContain(springSelf.id);
      expect(ids).not.toContain(autumnSelfDraft.id);
      expect(JSON.stringify(page)).not.toContain("DRAFT NOTES");
      expect(page.sideBySide?.self.id).toBe(springSelf.id);
    }
    expect((await growth(manager.id, engineer.id)).canReview).toBe(true);
    expect((await growth(director.id, engineer.id)).canReview).toBe(true);
    expect((await growth(admin.id, engineer.id)).canReview).toBe(false);
    expect((await growth(manager.id, engineer.id)).canEditPlan).toBe(false);
    expect((await growth(admin.id, engineer.id)).canEditPlan).toBe(true);
  });

  test("a manager's review draft is private to its author", async () => {
    const { engineer, manager, director, admin } = await reviewOrganisation();
    const draft = await createAssessment({
      kind: "manager",
      status: "draft",
      subjectId: engineer.id,
      authorId: manager.id,
      ratings: [{ competencyId: "testing", rating: 1 }],
    });
    expect((await growth(manager.id, engineer.id)).managerDraft?.id).toBe(draft.id);
    for (const viewer of [engineer, director, admin]) {
      expect((await growth(viewer.id, engineer.id)).assessments.map((a) => a.id)).not.toContain(
        draft.id,
      );
    }
  });
});

describe("the side-by-side comparison", () => {
  test("per competency: both ratings, notes, evidence counts, difference and highlight, with counts", async () => {
    const { engineer, manager } = await reviewedEngineer();
    const { sideBySide } = await growth(manager.id, engineer.id);
    expect(sideBySide?.cycleName).toBe("Spring 2026");
    const rows = sideBySide!.comparison.rows;
    // The competencies that apply at ic2: the track's 17 less technical direction, which starts at ic3.
    expect(rows).toHaveLength(16);
    expect(rows.find((r) => r.competencyId === "code-quality")).toMatchObject({
      agreement: "same",
      self: {
        rating: 3,
        label: "Consistent",
        notes: "Refactored the billing module",
        evidenceCount: 1,
      },
      manager: { rating: 3, notes: "Agree", evidenceCount: 1 },
    });
    expect(rows.find((r) => r.competencyId === "testing")).toMatchObject({
      difference: -2,
      agreement: "strongly-differs",
    });
    expect(rows.find((r) => r.competencyId === "planning")).toMatchObject({
      difference: 1,
      agreement: "differs",
    });
    expect(sideBySide!.comparison.counts).toEqual({
      same: 1,
      differs: 1,
      "strongly-differs": 1,
      incomplete: 13,
      total: 16,
      outsideLevel: 0,
    });
  });

  test("a person with no track and level gets a clear message rather than a comparison", async () => {
    const { manager } = await reviewOrganisation();
    const unplaced = await db.user.create({
      data: {
        name: "New Starter",
        email: "new.starter.profile@example.com",
        managerId: manager.id,
      },
    });
    const page = await growth(manager.id, unplaced.id);
    expect(page.person.assessable).toBe(false);
    expect(page.canReview).toBe(false);
    const gapPage = await gap(unplaced.id, unplaced.id);
    expect(gapPage.body.analysis).toBeNull();
  });
});

describe("gap analysis", () => {
  test("defaults to the next level and reads the latest manager review, marks matched by position", async () => {
    const { engineer, manager, autumnManager } = await reviewedEngineer();
    const { status, body } = await gap(manager.id, engineer.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ targetLevelId: "ic3", nextLevelId: "ic3" });
    expect(body.sources.manager).toMatchObject({
      kind: "manager",
      assessment: { id: autumnManager.id },
    });
    expect(body.analysis!.matchedBy).toBe("index");
    const codeQuality = body.analysis!.competencies.find((c) => c.competencyId === "code-quality")!;
    expect(codeQuality.expectations.map((e) => [e.status, e.basis])).toEqual(
      await each("ic3", "code-quality", "partly", "from-rating"),
    );
    expect(codeQuality.noEvidence).toBe(true);
    // The manager did not rate testing: the engineer's own mark (met, on the first expectation) counts,
    // and their own submitted rating (Beyond) decides the rest, saying whose it is.
    const testing = body.analysis!.competencies.find((c) => c.competencyId === "testing")!;
    expect(testing.expectations.map((e) => [e.status, e.basis])).toEqual([
      ["met", "marked"],
      ...(await each("ic3", "testing", "partly", "from-rating")).slice(1),
    ]);
    expect(testing.expectations[0]!.marks).toEqual({ self: "met", manager: null });
    expect(testing).toMatchObject({ ratedBy: "self", ratings: { manager: null, self: 4 } });
  });

  test("the subject's own view uses what they may read, and says so", async () => {
    const { engineer, springManager } = await reviewedEngineer();
    const { body } = await gap(engineer.id, engineer.id);
    expect(body.sources.manager).toMatchObject({
      kind: "manager",
      assessment: { id: springManager.id },
    });
    const codeQuality = body.analysis!.competencies.find((c) => c.competencyId === "code-quality")!;
    expect(codeQuality.expectations.map((e) => [e.status, e.basis])).toEqual([
      ["met", "marked"],
      ["partly", "marked"],
      ["not-met", "from-rating"],
    ]);
    expect(codeQuality.noEvidence).toBe(false);
  });

  test("with nothing submitted, the subject's own draft is the source, visible to them only", async () => {
    const { engineer, manager } = await reviewOrganisation();
    const draft = await createAssessment({
      kind: "self",
      status: "draft",
      subjectId: engineer.id,
      authorId: engineer.id,
      ratings: [{ competencyId: "testing", rating: 4 }],
    });
    expect((await gap(engineer.id, engineer.id)).body.sources).toMatchObject({
      manager: null,
      self: { kind: "self-draft", assessment: { id: draft.id } },
    });
    const managerView = await gap(manager.id, engineer.id);
    expect(managerView.body.sources).toEqual({ manager: null, self: null });
    expect(managerView.body.analysis!.summary.notAssessed).toBe(
      managerView.body.analysis!.summary.total,
    );
  });

  test("another track's level: competencies never rated are not assessed", async () => {
    const { engineer, manager } = await reviewedEngineer();
    const { body } = await gap(manager.id, engineer.id, "?target=m1");
    expect(body.analysis!.target).toMatchObject({ levelId: "m1", trackId: "manager" });
    expect(body.analysis!.matchedBy).toBe("text");
    expect(
      body
        .analysis!.competencies.find((c) => c.competencyId === "team-health")!
        .expectations.map((e) => [e.status, e.basis]),
    ).toEqual(await each("m1", "team-health", "not-assessed", "not-assessed"));
    expect(body.targetOptions.map((t) => t.trackId)).toEqual(["ic", "tech-lead", "manager"]);
  });

  test("at the top of a track the default is the person's own level, and there is no next level", async () => {
    const { manager } = await reviewOrganisation();
    const principal = await db.user.create({
      data: {
        name: "Pia Principal",
        email: "pia.principal.profile@example.com",
        managerId: manager.id,
        track: "ic",
        level: "ic6",
      },
    });
    const { body } = await gap(principal.id, principal.id);
    expect(body).toMatchObject({ targetLevelId: "ic6", nextLevelId: null });
    expect(body.analysis!.target.levelId).toBe("ic6");
  });

  test("an unknown target level is a 400 with a message, showing the default instead", async () => {
    const { engineer } = await reviewedEngineer();
    const { status, body } = await gap(engineer.id, engineer.id, "?target=ic99");
    expect(status).toBe(400);
    expect(inEnglishWords(body.targetError!)).toBe('There is no level "ic99" in this ladder.');
    expect(body.targetLevelId).toBe("ic3");
  });
});

describe("the growth plan", () => {
  async function post(viewerId: string, personId: string, fields: [string, string][]) {
    const request = await signedInRequest(`/people/${personId}/gap`, viewerId, {
      method: "POST",
      body: new URLSearchParams(fields),
    });
    return gapAction(routeArgs(request, { personId }));
  }
  type Reply = { result: { error?: Record<string, string[] | null> } };

  test("the person saves a target and up to three focus competencies, with the ladder version, in order", async () => {
    const { engineer } = await reviewOrganisation();
    const result = await post(engineer.id, engineer.id, [
      ["target", "ic3"],
      ["focus", "testing"],
      ["focus", "system-design"],
      ["focus", "mentoring"],
    ]);
    // Redirected to the page with what was done, so a reload does not send the form again.
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(
      `/people/${engineer.id}/gap?done=saved`,
    );
    const plan = await db.growthPlan.findUniqueOrThrow({
      where: { personId: engineer.id },
      include: { focus: { orderBy: { position: "asc" } } },
    });
    expect(plan).toMatchObject({
      targetLevelId: "ic3",
      ladderVersionId: await engineeringVersionId(),
    });
    expect(plan.focus.map((f) => [f.competencyId, f.position])).toEqual([
      ["testing", 0],
      ["system-design", 1],
      ["mentoring", 2],
    ]);

    // Changing it replaces the focus list, and the pages show it.
    await post(engineer.id, engineer.id, [
      ["target", "m1"],
      ["focus", "team-health"],
    ]);
    const page = await gap(engineer.id, engineer.id);
    expect(page.body.plan).toMatchObject({
      targetLevelId: "m1",
      targetTitle: "Engineering Manager",
      focus: [{ competencyId: "team-health", name: "Team health and inclusion" }],
    });
    expect(page.body.targetLevelId).toBe("m1");
    expect(await db.growthFocus.count({ where: { plan: { personId: engineer.id } } })).toBe(1);
  });

  test("more than three focus competencies is a field error and nothing is written", async () => {
    const { engineer } = await reviewOrganisation();
    const result = await post(engineer.id, engineer.id, [
      ["target", "ic3"],
      ["focus", "testing"],
      ["focus", "system-design"],
      ["focus", "mentoring"],
      ["focus", "planning"],
    ]);
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<Reply>(result).result.error?.focus?.map(inEnglishWords)).toEqual([
      "Choose at most 3 focus competencies.",
    ]);
    expect(await db.growthPlan.count({ where: { personId: engineer.id } })).toBe(0);
  });

  test("an unknown competency, one outside the target's track, or an unknown level is a 400 and nothing is written", async () => {
    const { engineer } = await reviewOrganisation();
    const unknown = await post(engineer.id, engineer.id, [
      ["target", "ic3"],
      ["focus", "juggling"],
    ]);
    expect(statusOf(unknown)).toBe(400);
    expect(bodyOf<Reply>(unknown).result.error?.focus?.map(inEnglishWords)).toEqual([
      'Senior Engineer has no competency "juggling".',
    ]);
    const otherTrack = await post(engineer.id, engineer.id, [
      ["target", "ic3"],
      ["focus", "team-health"],
    ]);
    expect(statusOf(otherTrack)).toBe(400);
    const badLevel = await post(engineer.id, engineer.id, [
      ["target", "ic99"],
      ["focus", "testing"],
    ]);
    expect(statusOf(badLevel)).toBe(400);
    expect(bodyOf<Reply>(badLevel).result.error?.target?.map(inEnglishWords)).toEqual([
      'There is no level "ic99" in this ladder.',
    ]);
    const none = await post(engineer.id, engineer.id, [["target", "ic3"]]);
    expect(statusOf(none)).toBe(400);
    expect(await db.growthPlan.count({ where: { personId: engineer.id } })).toBe(0);
  });

  test("the manager chain reads the plan but may not change it; an admin may", async () => {
    const { engineer, manager, director, admin } = await reviewOrganisation();
    await post(engineer.id, engineer.id, [
      ["target", "ic3"],
      ["focus", "testing"],
    ]);
    for (const viewer of [manager, director]) {
      expect(
        (await gap(viewer.id, engineer.id)).body.plan?.focus.map((f) => f.competencyId),
      ).toEqual(["testing"]);
      const refused = await thrown(() =>
        post(viewer.id, engineer.id, [
          ["target", "ic4"],
          ["focus", "planning"],
        ]),
      );
      expect(statusOf(refused)).toBe(403);
    }
    expect(
      (await db.growthPlan.findUniqueOrThrow({ where: { personId: engineer.id } })).targetLevelId,
    ).toBe("ic3");
    const byAdmin = await post(admin.id, engineer.id, [
      ["target", "ic4"],
      ["focus", "planning"],
    ]);
    expect(statusOf(byAdmin)).toBe(302);
    expect(
      (await db.growthPlan.findUniqueOrThrow({ where: { personId: engineer.id } })).targetLevelId,
    ).toBe("ic4");
  });
});

describe("history and profile", () => {
  test("per-competency values across cycles, and the current profile against the bar", async () => {
    const { engineer, manager, autumnSelfDraft } = await reviewedEngineer();
    await db.assessment.update({
      where: { id: autumnSelfDraft.id },
      data: { status: "submitted", submittedAt: new Date("2026-09-20T00:00:00Z") },
    });
    const page = await history(manager.id, engineer.id);
    expect(page.history.points.map((p) => p.cycleName)).toEqual(["Spring 2026", "Autumn 2026"]);
    const codeQuality = page.history.rows.find((r) => r.competencyId === "code-quality")!;
    expect(codeQuality.values).toEqual([
      { self: 3, manager: 3 },
      { self: 2, manager: 4 },
    ]);
    expect(codeQuality.trend).toBe("up");
    expect(page.profile.find((r) => r.competencyId === "code-quality")).toMatchObject({
      manager: 4,
      self: 2,
      bar: 3,
      againstBar: 1,
    });
    expect(page.scale.map((s) => s.label)).toEqual([
      "Not yet",
      "Developing",
      "Consistent",
      "Beyond",
    ]);
  });

  test("nothing submitted: no points and no profile", async () => {
    const { engineer } = await reviewOrganisation();
    const page = await history(engineer.id, engineer.id);
    expect(page.history.points).toEqual([]);
    expect(page.profile).toEqual([]);
  });
});

describe("print view", () => {
  test("the latest pair with notes and evidence, the gap summary and the plan", async () => {
    const { engineer, manager } = await reviewedEngineer();
    const page = await print(manager.id, engineer.id);
    expect(page.sideBySide).toBe(true);
    expect(page.cycleName).toBe("Spring 2026");
    const codeQuality = page.rows.find((r) => r.competencyId === "code-quality")!;
    expect(codeQuality.selfEvidence.map((e) => [e.text, e.url])).toEqual([
      ["PR #42 split the invoice builder", "https://example.com/pr/42"],
    ]);
    expect(codeQuality.managerEvidence.map((e) => e.text)).toEqual(["Reviewed the refactor"]);
    expect(codeQuality.self?.notes).toBe("Refactored the billing module");
    expect(page.gap).toMatchObject({ source: "manager", target: { levelId: "ic3" } });
    expect(page.gap!.summary.total).toBeGreaterThan(0);
  });

  test("a self-assessment and a review from different cycles are printed without comparing them", async () => {
    const { engineer, manager } = await reviewOrganisation();
    const spring = await createCycle("Spring print", new Date("2026-03-01T00:00:00Z"), true);
    const autumn = await createCycle("Autumn print", new Date("2026-09-01T00:00:00Z"));
    await createAssessment({
      kind: "manager",
      subjectId: engineer.id,
      authorId: manager.id,
      cycleId: spring.id,
      ratings: [{ competencyId: "testing", rating: 2 }],
    });
    await createAssessment({
      kind: "self",
      subjectId: engineer.id,
      authorId: engineer.id,
      cycleId: autumn.id,
      ratings: [{ competencyId: "testing", rating: 4 }],
    });
    const page = await print(manager.id, engineer.id);
    expect(page.self).not.toBeNull();
    expect(page.manager).not.toBeNull();
    expect(page.sideBySide).toBe(false);
    expect((await growth(manager.id, engineer.id)).sideBySide).toBeNull();
  });

  test("drafts are never printed", async () => {
    const { engineer } = await reviewOrganisation();
    await createAssessment({
      kind: "self",
      status: "draft",
      subjectId: engineer.id,
      authorId: engineer.id,
      ratings: [{ competencyId: "testing", rating: 3, notes: "DRAFT" }],
    });
    const page = await print(engineer.id, engineer.id);
    expect(page.self).toBeNull();
    expect(JSON.stringify(page)).not.toContain("DRAFT");
  });
});

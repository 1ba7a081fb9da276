// Goals and OKRs against a real database, through their services: who writes objectives at each
// level, supporting one above, two to five key results, who checks in, progress from values, the
// weekly check-in to-do, closing a period with scores, reflections, carry-over, who reads a
// person's objective (a marker in its text never reaches anyone else), and evidence of a
// contribution that reaches the next self-assessment.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { evidenceForSelfAssessment } from "~/modules/conversations/evidence.server";
import { startSeries } from "~/modules/conversations/series.server";
import {
  addKeyResult,
  carryOver,
  checkIn,
  closePeriod,
  createObjective,
  createPeriod,
  goalsPage,
  keyResultToOneToOne,
  objectivePage,
  recordContribution,
  reflect,
  shareObjective,
} from "~/modules/goals/goals.server";
import { todoFor } from "~/modules/todo/todo.server";
import * as clock from "~/platform/clock.server";
import { type Person } from "../../utils/factories";
import { refused } from "../../utils/responses";
import { goalsOrganisation, metric, type GoalsOrganisation } from "./fixtures";
import { COUNTED_AT_MOST } from "~/modules/goals/tree";

const SECRET = "PRIVATE-GOAL-5e1d";

let admin: Person, director: Person, manager: Person, lena: Person, omar: Person, otto: Person;
let otherTeamId: string | null, periodId: string, nextPeriodId: string;
let objective: GoalsOrganisation["objective"];

beforeAll(async () => {
  ({ admin, director, manager, lena, omar, otto, otherTeamId, periodId, nextPeriodId, objective } =
    await goalsOrganisation("Payments 5e1d", "Search 5e1d"));
});

describe("periods", () => {
  test("only admins set them", async () => {
    expect(
      await refused(() =>
        createPeriod(manager, { name: "x", startsOn: "2027-01-01", endsOn: "2027-03-31" }),
      ),
    ).toBe("not-found");
    expect(
      await refused(() =>
        createPeriod(admin, { name: "x", startsOn: "2027-03-01", endsOn: "2027-01-31" }),
      ),
    ).toBe("invalid");
  });
});

describe("writing objectives", () => {
  test("the company's by admins; a team's by admins and its managers; a person's by themselves", async () => {
    expect(await refused(() => createObjective(manager, objective("company")))).toBe("forbidden");
    expect(await refused(() => createObjective(admin, objective("company")))).toBe("allowed");
    expect(await refused(() => createObjective(manager, objective("team")))).toBe("allowed");
    expect(await refused(() => createObjective(lena, objective("team")))).toBe("forbidden");
    expect(
      await refused(() => createObjective(manager, objective("team", { teamId: otherTeamId }))),
    ).toBe("forbidden");
    const own = await createObjective(lena, objective("person", { ownerEmail: otto.email }));
    const row = await db.objective.findUniqueOrThrow({ where: { id: own } });
    expect(row.ownerId).toBe(lena.id);
  });

  test("each supports one above it in the same period: a team a company objective, a person a company or team one", async () => {
    const company = await createObjective(admin, objective("company"));
    const team = await createObjective(manager, objective("team", { parentId: company }));
    expect(
      await refused(() => createObjective(lena, objective("person", { parentId: team }))),
    ).toBe("allowed");
    // The page names what it supports, read with it: no statement more than a page like it (a team
    // objective with one supporter) that supports none.
    const supporting = await countStatements(() => objectivePage(manager, team));
    expect(supporting.result.parent?.id).toBe(company);
    const lone = await createObjective(manager, objective("team"));
    await createObjective(lena, objective("person", { parentId: lone }));
    const alone = await countStatements(() => objectivePage(manager, lone));
    expect(alone.result.parent).toBeNull();
    expect(supporting.statements).toHaveLength(alone.statements.length);
    expect(
      await refused(() => createObjective(manager, objective("team", { parentId: team }))),
    ).toBe("invalid");
    const later = await createObjective(admin, objective("company", { periodId: nextPeriodId }));
    expect(
      await refused(() => createObjective(manager, objective("team", { parentId: later }))),
    ).toBe("invalid");
    expect(
      await refused(() => createObjective(admin, objective("company", { parentId: company }))),
    ).toBe("invalid");
  });

  test("two to five key results: drafting below two, refused above five; a start and target must agree with the direction", async () => {
    const id = await createObjective(lena, objective("person"));
    await addKeyResult(lena, id, metric("Weekly active teams"));
    expect((await objectivePage(lena, id)).objective.countState).toBe("drafting");
    for (let index = 0; index < 4; index++) await addKeyResult(lena, id, metric(`KR ${index}`));
    const page = await objectivePage(lena, id);
    expect(page.objective.countState).toBe("full");
    expect(page.canAddKeyResult).toBe(false);
    expect(await refused(() => addKeyResult(lena, id, metric("Sixth")))).toBe("invalid");
    const other = await createObjective(lena, objective("person"));
    expect(
      await refused(() =>
        addKeyResult(lena, other, metric("Wrong way", { direction: "decrease" })),
      ),
    ).toBe("invalid");
    expect(await refused(() => addKeyResult(omar, other, metric("Not mine")))).toBe("not-found");
  });

  test("an output-shaped key result is flagged on save, and saved all the same", async () => {
    const id = await createObjective(lena, objective("person"));
    const { check } = await addKeyResult(lena, id, metric("Ship the new onboarding flow"));
    expect(check.flagged).toBe(true);
    const page = await objectivePage(lena, id);
    expect(page.keyResults[0]!.output.flagged).toBe(true);
  });
});

describe("check-ins and progress", () => {
  test("the owner and contributors check in; progress comes from the values; the to-do asks weekly", async () => {
    const id = await createObjective(manager, objective("team"));
    const { id: kr } = await addKeyResult(
      manager,
      id,
      metric("Checkout conversion", { ownerEmail: lena.email, contributorEmails: omar.email }),
    );
    // Owner and contributor are each asked; someone else is not.
    for (const person of [lena, omar])
      expect(
        (await todoFor(person, clock.now())).some((item) => item.key === `goal-check-in:${kr}`),
      ).toBe(true);
    expect(
      (await todoFor(otto, clock.now())).some((item) => item.key === `goal-check-in:${kr}`),
    ).toBe(false);
    expect(
      await refused(() => checkIn(otto, kr, { value: 50, confidence: "onTrack", note: "" })),
    ).toBe("forbidden");
    expect(
      await refused(() => checkIn(manager, kr, { value: 50, confidence: "onTrack", note: "" })),
    ).toBe("forbidden");
    await checkIn(lena, kr, { value: 45, confidence: "atRisk", note: "Slow start" });
    await checkIn(omar, kr, { value: 50, confidence: "onTrack", note: "" });
    const { result: page, statements } = await countStatements(() => objectivePage(otto, id));
    expect(page.keyResults[0]!.progress).toBe(0.5);
    expect(page.objective.progress).toBe(0.5);
    // Key results, their people and check-ins are read joined, not a statement per relation, and
    // nothing reads the tokens or evidence of none (`IN (NULL)`).
    expect(
      statements.filter((sql) =>
        /IN \(NULL\)|FROM [`"](main|public)[`"]\.[`"](ApiToken|CareerEvidence|KeyResultCheckIn)[`"]/.test(
          sql,
        ),
      ),
    ).toEqual([]);
    // The tree reads only each key result's latest value, and shows the same progress; its
    // objectives' owners, teams and key results come joined, not a statement per relation.
    const { result: tree, statements: treeStatements } = await countStatements(() =>
      goalsPage(otto, {}),
    );
    const inTree = tree.objectives.find((row) => row.id === id);
    expect(inTree?.progress).toBe(0.5);
    expect(inTree?.ownerName).toBe("Sam Manager");
    expect(
      treeStatements.filter((sql) =>
        /FROM [`"](main|public)[`"]\.[`"](Team|KeyResult)[`"]/.test(sql),
      ),
    ).toEqual([]);
    // Anyone may start an objective of their own in an open period; whose teams the viewer
    // manages decides only team objectives, so the tree does not ask it.
    expect(tree.canCreate).toBe(true);
    expect(treeStatements.filter((sql) => /[`"]managerId[`"] = /.test(sql))).toEqual([]);
    expect(page.keyResults[0]!.checkIns.map((row) => [row.by, row.token])).toEqual([
      ["Lena Engineer", null],
      ["Omar Engineer", null],
    ]);
    for (const person of [lena, omar])
      expect(
        (await todoFor(person, clock.now())).some((item) => item.key === `goal-check-in:${kr}`),
      ).toBe(false);
  });
});

describe("a key result at risk, taken to a one-to-one", () => {
  test("by its owner or their manager once its last check-in says at risk or off track, in an open period: a point on the next one-to-one between the two, worded in the taker's language", async () => {
    const id = await createObjective(manager, objective("team", { title: "Faster checkout 5e1d" }));
    const { id: kr } = await addKeyResult(
      manager,
      id,
      metric("Checkout p95 under 2 s", { ownerEmail: lena.email, contributorEmails: omar.email }),
    );
    const flag = async (viewer: Person) =>
      (await objectivePage(viewer, id)).keyResults.find((row) => row.id === kr)!.canTakeToOneToOne;
    // On track: nothing to take.
    await checkIn(lena, kr, { value: 45, confidence: "onTrack", note: "" });
    expect(await flag(lena)).toBe(false);
    expect(await refused(() => keyResultToOneToOne(lena, kr, "en"))).toBe("forbidden");
    // At risk: the owner and her manager may (the two of their one-to-one); a contributor, the
    // manager's own manager and an outsider may not.
    await checkIn(omar, kr, { value: 46, confidence: "atRisk", note: "" });
    expect(await flag(lena)).toBe(true);
    expect(await flag(omar)).toBe(false);
    expect(await flag(manager)).toBe(true);
    expect(await flag(director)).toBe(false);
    expect(await refused(() => keyResultToOneToOne(omar, kr, "en"))).toBe("forbidden");
    expect(await refused(() => keyResultToOneToOne(director, kr, "en"))).toBe("forbidden");
    expect(await refused(() => keyResultToOneToOne(otto, kr, "en"))).toBe("forbidden");
    // The page words it for the manager as their one-to-one with her.
    const asManager = async (viewer: Person) =>
      (await objectivePage(viewer, id)).keyResults.find((row) => row.id === kr)!.takesAsManager;
    expect(await asManager(manager)).toBe(true);
    expect(await asManager(lena)).toBe(false);
    // Without a one-to-one series between the two: what to do, and nothing written.
    for (const taker of [lena, manager])
      expect(await keyResultToOneToOne(taker, kr, "en")).toEqual({
        ok: false,
        message: { key: "conversations:errors.noSeriesForPoint" },
      });
    const seriesId = await startSeries(
      { id: manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: lena.id,
        cadence: "weekly",
        firstAt: new Date(clock.now().getTime() + 3 * 24 * 60 * 60 * 1000),
      },
    );
    const added = await keyResultToOneToOne(lena, kr, "de");
    expect(added).toMatchObject({ ok: true, seriesId });
    // Twice is once.
    await keyResultToOneToOne(lena, kr, "de");
    const points = await db.conversationPoint.findMany({
      where: { seriesId, authorId: lena.id },
      select: { text: true },
    });
    expect(points.map((point) => point.text)).toEqual([
      "Schlüsselergebnis gefährdet: Checkout p95 under 2 s (Ziel: Faster checkout 5e1d). Was würde helfen?",
    ]);
    // Off track counts too; back on track, no longer.
    await checkIn(lena, kr, { value: 44, confidence: "offTrack", note: "" });
    expect(await flag(lena)).toBe(true);
    await checkIn(lena, kr, { value: 50, confidence: "onTrack", note: "" });
    expect(await flag(lena)).toBe(false);
  });
});

describe("who reads a person's objective", () => {
  let privateId: string;
  // The tree reads what the objective's page reads, asked in its own statement (queries.server.ts).
  const inTree = async (reader: typeof lena, title: string) =>
    (await goalsPage(reader, { periodId })).objectives.some((row) => row.title === title);
  beforeAll(async () => {
    privateId = await createObjective(lena, objective("person", { title: `Lena's ${SECRET}` }));
  });

  test("the person and their manager chain; not a peer, an outsider or an admin; a 404 as if it did not exist", async () => {
    for (const reader of [lena, manager, director])
      expect((await objectivePage(reader, privateId)).objective.title).toContain(SECRET);
    for (const stranger of [omar, otto, admin])
      expect(await refused(() => objectivePage(stranger, privateId))).toBe("not-found");
    for (const stranger of [omar, otto, admin]) {
      const tree = await goalsPage(stranger, { periodId });
      expect(JSON.stringify(tree)).not.toContain(SECRET);
    }
    expect(JSON.stringify(await goalsPage(director, { periodId }))).toContain(SECRET);
    expect(await inTree(lena, `Lena's ${SECRET}`)).toBe(true);
    const mine = await goalsPage(lena, { periodId, filter: "mine" });
    expect(mine.objectives.map((row) => row.title)).toContain(`Lena's ${SECRET}`);
  });

  test("someone it is shared with, and everyone once it is opened to all", async () => {
    expect(await refused(() => shareObjective(manager, privateId, { openToAll: true }))).toBe(
      "forbidden",
    );
    const title = `Lena's ${SECRET}`;
    await shareObjective(lena, privateId, { email: omar.email, shared: true });
    expect((await objectivePage(omar, privateId)).objective.title).toContain(SECRET);
    expect(await inTree(omar, title)).toBe(true);
    expect(await refused(() => objectivePage(otto, privateId))).toBe("not-found");
    expect(await inTree(otto, title)).toBe(false);
    await shareObjective(lena, privateId, { email: omar.email, shared: false });
    expect(await refused(() => objectivePage(omar, privateId))).toBe("not-found");
    expect(await inTree(omar, title)).toBe(false);
    await shareObjective(lena, privateId, { openToAll: true });
    expect((await objectivePage(otto, privateId)).objective.title).toContain(SECRET);
    expect(await inTree(otto, title)).toBe(true);
    await shareObjective(lena, privateId, { openToAll: false });
    expect(await refused(() => objectivePage(otto, privateId))).toBe("not-found");
    expect(await inTree(otto, title)).toBe(false);
  });

  test("naming someone on one of its key results lets them read it", async () => {
    const id = await createObjective(lena, objective("person", { title: `Named ${SECRET}` }));
    expect(await refused(() => objectivePage(otto, id))).toBe("not-found");
    expect(await inTree(otto, `Named ${SECRET}`)).toBe(false);
    await addKeyResult(lena, id, metric("Talks given", { contributorEmails: otto.email }));
    expect((await objectivePage(otto, id)).objective.title).toContain(SECRET);
    expect(await inTree(otto, `Named ${SECRET}`)).toBe(true);
  });

  test("company and team objectives are everyone's", async () => {
    const id = await createObjective(manager, objective("team", { title: "Team visible 5e1d" }));
    expect((await objectivePage(otto, id)).objective.title).toBe("Team visible 5e1d");
  });
});

describe("the tree of a large company", () => {
  test("shows a few of the objectives supporting each, the reader's team's first, and how many more; the objective's page lists them all", async () => {
    const treePeriod = await createPeriod(admin, {
      name: "A busy quarter",
      startsOn: "2031-01-01",
      endsOn: "2031-03-31",
    });
    const company = await createObjective(
      admin,
      objective("company", { periodId: treePeriod, title: "Grow" }),
    );
    for (let index = 0; index < 11; index++)
      await createObjective(
        admin,
        objective("team", {
          periodId: treePeriod,
          parentId: company,
          teamId: index >= 9 ? lena.teamId : otherTeamId,
          title: `Team objective ${index}`,
        }),
      );
    const tree = await goalsPage(lena, { periodId: treePeriod });
    expect(tree.objectives.map((row) => row.title)).toEqual([
      "Grow",
      "Team objective 9",
      "Team objective 10",
      ...Array.from({ length: 6 }, (_, index) => `Team objective ${index}`),
    ]);
    expect(tree.objectives[0]!.moreSupporters).toBe(3);
    expect(tree.objectives.slice(1).every((row) => row.moreSupporters === 0)).toBe(true);
    // Her team's alone: the objective they support is not her team's, so they stand at the top.
    const ours = await goalsPage(lena, { periodId: treePeriod, filter: "team" });
    expect(ours.objectives.map((row) => [row.title, row.parentId])).toEqual([
      ["Team objective 9", company],
      ["Team objective 10", company],
    ]);
    expect((await goalsPage(lena, { periodId: treePeriod, filter: "mine" })).objectives).toEqual(
      [],
    );
    expect((await objectivePage(lena, company)).supporters).toHaveLength(11);
    // Fifty to a page on the objective's own page, a page past the end showing the last.
    const writeAtOnce = (count: number, title: string) =>
      db.objective.createMany({
        data: Array.from({ length: count }, (_, index) => ({
          periodId: treePeriod,
          level: "team",
          teamId: otherTeamId,
          ownerId: manager.id,
          title: `${title} ${index}`,
          commitment: "committed",
          parentId: company,
          createdById: admin.id,
        })),
      });
    await writeAtOnce(45, "Written at once");
    const first = await objectivePage(lena, company, "en");
    expect(first.supporters).toHaveLength(50);
    expect(first.supporterCount).toBe(56);
    const past = await objectivePage(lena, company, "en", 9);
    expect(past.supportersPage).toEqual({ page: 2, pageCount: 2, hasNext: false });
    expect(past.supporters.map((row) => row.title)).toEqual(
      Array.from({ length: 6 }, (_, index) => `Written at once ${39 + index}`),
    );
    // Past 64 supporters the tree pages them in SQL instead of reading them whole: the same shape.
    await writeAtOnce(10, "Written later");
    const { result: wide, statements } = await countStatements(() =>
      goalsPage(lena, { periodId: treePeriod }),
    );
    // The top and the company objective's many supporters are read in one statement each (their
    // count, the reader's own and team's, the others' first), the reader's sets gathered once.
    expect(statements.filter((sql) => /shared\(id\) AS MATERIALIZED/.test(sql))).toHaveLength(2);
    expect(wide.objectives.map((row) => row.title)).toEqual(
      tree.objectives.map((row) => row.title),
    );
    expect(wide.objectives[0]!.moreSupporters).toBe(66 - 8);
    expect(wide.objectives[0]!.moreSupportersOver).toBe(false);
    // Past COUNTED_AT_MOST the tree and the objective's page stop counting and say "more than".
    await writeAtOnce(COUNTED_AT_MOST - 66, "Written in bulk");
    const atMost = await goalsPage(lena, { periodId: treePeriod });
    expect(atMost.objectives[0]!.moreSupporters).toBe(COUNTED_AT_MOST - 8);
    expect(atMost.objectives[0]!.moreSupportersOver).toBe(false);
    await writeAtOnce(1, "One more");
    const over = await goalsPage(lena, { periodId: treePeriod });
    expect(over.objectives.map((row) => row.title)).toEqual(
      tree.objectives.map((row) => row.title),
    );
    expect(over.objectives[0]!.moreSupportersOver).toBe(true);
    const capped = await objectivePage(lena, company, "en");
    expect([capped.supporterCount, capped.supporterCountOver]).toEqual([COUNTED_AT_MOST, true]);
    // Its pages are followed one by one; a page past the end is the last, found by counting them all.
    expect(capped.supportersPage).toEqual({ page: 1, pageCount: null, hasNext: true });
    const lastPage = Math.ceil((COUNTED_AT_MOST + 1) / 50);
    const beyond = await objectivePage(lena, company, "en", lastPage + 5);
    expect(beyond.supportersPage).toEqual({ page: lastPage, pageCount: null, hasNext: false });
    // 1,001 supporters, fifty to a page: the last holds the one written last.
    expect(beyond.supporters.map((row) => row.title)).toEqual(["One more 0"]);
    expect((await objectivePage(lena, company, "en", lastPage - 1)).supportersPage.hasNext).toBe(
      true,
    );
  });
});

describe("contributions as evidence", () => {
  test("the owner records what they did against a competency, with the figures of the day; it reaches the self-assessment", async () => {
    const id = await createObjective(lena, objective("person"));
    const { id: kr } = await addKeyResult(lena, id, metric("Teams onboarded weekly"));
    await checkIn(lena, kr, { value: 55, confidence: "onTrack", note: "" });
    const competencyId = (await objectivePage(lena, id)).competencies[0]!.id;
    expect(
      await refused(() =>
        recordContribution(otto, kr, {
          competencyId,
          text: "x",
          url: null,
          occurredOn: clock.now(),
        }),
      ),
    ).toBe("not-found");
    await recordContribution(lena, kr, {
      competencyId,
      text: "Ran the onboarding clinics CONTRIB-5e1d",
      url: null,
      occurredOn: clock.now(),
    });
    const evidence = await evidenceForSelfAssessment(lena.id);
    const item = (evidence.get(competencyId) ?? []).find((row) =>
      row.text.includes("CONTRIB-5e1d"),
    );
    expect(item?.text).toContain(
      "Teams onboarded weekly: from 40 teams to 55 teams (target 60 teams)",
    );
    // Worded and figured in the language the person writes in.
    await checkIn(lena, kr, { value: 55.5, confidence: "onTrack", note: "" });
    await recordContribution(
      lena,
      kr,
      { competencyId, text: "Sprechstunden CONTRIB-de", url: null, occurredOn: clock.now() },
      "de",
    );
    const german = ((await evidenceForSelfAssessment(lena.id)).get(competencyId) ?? []).find(
      (row) => row.text.includes("CONTRIB-de"),
    );
    expect(german?.text).toContain(
      "Teams onboarded weekly: von 40 teams auf 55,5 teams (Zielwert 60 teams)",
    );
  });
});

describe("closing a period", () => {
  test("scores every key result, lets owners reflect, and carries an unfinished objective over once", async () => {
    const quarter = { startsOn: "2020-01-01", endsOn: "2020-03-31" };
    const old = await createPeriod(admin, { name: "2020 Q1", ...quarter });
    const id = await createObjective(lena, {
      ...objective("person", { periodId: old, commitment: "aspirational" }),
    });
    const { id: first } = await addKeyResult(lena, id, metric("Active teams"));
    const { id: second } = await addKeyResult(lena, id, {
      title: "Runbook published",
      kind: "binary",
      unit: "",
      direction: "increase",
      startValue: 0,
      targetValue: 1,
    });
    await checkIn(lena, first, { value: 53, confidence: "atRisk", note: "" });
    await checkIn(lena, second, { value: 1, confidence: "onTrack", note: "" });
    expect(await refused(() => reflect(lena, first, "Too early"))).toBe("forbidden");
    expect((await objectivePage(lena, id)).keyResults[0]!.canTakeToOneToOne).toBe(true);
    expect(await refused(() => closePeriod(manager, old))).toBe("not-found");
    await closePeriod(admin, old);
    expect(await refused(() => closePeriod(admin, old))).toBe("forbidden");
    const { result: page, statements } = await countStatements(() => objectivePage(lena, id));
    // Not carried on yet: nothing reads the relations of an objective that is not there.
    expect(statements.filter((sql) => /ObjectiveShare.* IN \(NULL\)/.test(sql))).toEqual([]);
    // A person's objective has no team: the objective is read with its owner, team and period
    // joined, and no statement asks for a team of none.
    expect(
      statements.filter((sql) => /FROM [`"](main|public)[`"]\.[`"]Team[`"]/.test(sql)),
    ).toEqual([]);
    expect(page.keyResults.map((kr) => [kr.finalScore, kr.reading])).toEqual([
      [0.65, "asExpected"],
      [1, "beyond"],
    ]);
    expect(
      await refused(() => checkIn(lena, first, { value: 60, confidence: "onTrack", note: "" })),
    ).toBe("forbidden");
    // At risk at the close, but the period is over: nothing to take to a one-to-one.
    expect(page.keyResults[0]!.canTakeToOneToOne).toBe(false);
    expect(await refused(() => keyResultToOneToOne(lena, first, "en"))).toBe("forbidden");
    expect(await refused(() => reflect(omar, first, "Not mine"))).toBe("not-found");
    await reflect(lena, first, "Adoption stalled in week six.");
    expect(page.canCarry).toBe(true);
    expect(await refused(() => carryOver(otto, id, nextPeriodId))).toBe("not-found");
    expect(await refused(() => carryOver(lena, id, old))).toBe("invalid");
    const copy = await carryOver(lena, id, nextPeriodId);
    const carried = await objectivePage(lena, copy);
    expect(carried.carriedFrom?.id).toBe(id);
    expect(carried.keyResults.map((kr) => [kr.title, kr.startValue, kr.targetValue])).toEqual([
      ["Active teams", 53, 60],
      ["Runbook published", 0, 1],
    ]);
    expect(await refused(() => carryOver(lena, id, nextPeriodId))).toBe("forbidden");
    const original = await objectivePage(lena, id);
    expect(original.carriedTo?.id).toBe(copy);
    expect(original.keyResults[0]!.checkIns).toHaveLength(1);
    expect(original.keyResults[0]!.reflection).toBe("Adoption stalled in week six.");
  });

  test("two carries of one objective at once (two tabs, a double click) make one copy; the other is refused and writes nothing", async () => {
    const old = await createPeriod(admin, {
      name: "2020 Q2",
      startsOn: "2020-04-01",
      endsOn: "2020-06-30",
    });
    const id = await createObjective(lena, objective("person", { periodId: old }));
    await addKeyResult(lena, id, metric("Active teams"));
    await addKeyResult(lena, id, metric("Teams onboarded"));
    await closePeriod(admin, old);
    expect((await goalsPage(lena, { periodId: old })).canCreate).toBe(false);
    const before = await db.keyResult.count();
    const results = await Promise.allSettled([
      carryOver(lena, id, nextPeriodId),
      carryOver(lena, id, nextPeriodId),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((result) => result.status === "rejected");
    expect(await refused(() => Promise.reject(refusal!.reason))).toBe("forbidden");
    expect(await db.objective.count({ where: { carriedFromId: id } })).toBe(1);
    expect(await db.keyResult.count()).toBe(before + 2);
  });
});

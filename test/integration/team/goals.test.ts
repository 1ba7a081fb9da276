// The team overview shows each report's objectives and their overdue check-ins (issue 82, point 8;
// decision 111), through the goals policy: a manager reads a report's private objective (they are in
// its owner's chain) and counts the check-ins due on it, but a key result the report contributes to
// in a private objective of someone outside the manager's line is neither named nor counted (one they
// own or contribute to in an objective everyone reads, or one shared with the manager, is counted),
// and no value, confidence or note reaches the page's data. Someone with no reports reads no one's
// goals.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { dateToDay } from "~/modules/days";
import {
  addKeyResult,
  checkIn,
  createObjective,
  createPeriod,
  shareObjective,
} from "~/modules/goals/goals.server";
import * as clock from "~/platform/clock.server";
import * as teamRoute from "~/routes/team";
import { createPerson } from "../../utils/factories";
import { routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const DAY = 24 * 60 * 60 * 1000;
const MARK = (what: string) => `TEAM-GOALS-${what}-5e2a`;

async function teamPage(viewerId: string) {
  return teamRoute.loader(routeArgs(await signedInRequest("/team", viewerId)));
}

/** A report of `manager`'s on the IC track. */
function reportOf(manager: { id: string }, name: string) {
  return createPerson({ name, managerId: manager.id, track: "ic", level: "ic2" });
}

/** A goal period open today: begun 20 days ago, ending in 40. */
function openPeriod(admin: Parameters<typeof createPeriod>[0], what: string) {
  return createPeriod(admin, {
    name: MARK(what),
    startsOn: dateToDay(new Date(clock.now().getTime() - 20 * DAY)),
    endsOn: dateToDay(new Date(clock.now().getTime() + 40 * DAY)),
  });
}

test("a manager reads each report's objectives and overdue check-ins as the goals policy lets them, and nothing else", async () => {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const manager = await createPerson({ name: "Mo Manager", track: "ic", level: "ic4" });
  const rae = await reportOf(manager, "Rae Report");
  const sol = await reportOf(manager, "Sol Report");
  const zed = await createPerson({ name: "Zed Outside", track: "ic", level: "ic3" });
  const periodId = await openPeriod(admin, "period");
  const objective = async (owner: typeof rae, what: string) =>
    createObjective(owner, {
      periodId,
      level: "person",
      teamId: null,
      title: MARK(what),
      why: "",
      commitment: "committed",
      parentId: null,
    });
  const keyResult = async (owner: typeof rae, objectiveId: string, contributorEmails = "") =>
    (
      await addKeyResult(owner, objectiveId, {
        title: "Pages under a second",
        kind: "metric",
        unit: "%",
        direction: "increase",
        startValue: 10,
        targetValue: 90,
        contributorEmails,
      })
    ).id;
  // Rae's own private objective, never checked in on: due. Sol's, checked in today: not due.
  await keyResult(rae, await objective(rae, "rae-private"));
  const solResult = await keyResult(sol, await objective(sol, "sol-private"));
  await checkIn(sol, solResult, { value: 40, confidence: "atRisk", note: MARK("note") });
  // An objective of Sol's with no key result yet is still hers to list.
  await objective(sol, "sol-empty");
  // Zed's private objective, with Rae a contributor: Rae reads it, her manager does not.
  await keyResult(zed, await objective(zed, "zed-private"), rae.email);
  // Another of Zed's, shared with Rae's manager: he reads it, so Rae's due check-in there counts.
  const zedShared = await objective(zed, "zed-shared");
  await keyResult(zed, zedShared, rae.email);
  await shareObjective(zed, zedShared, { email: manager.email, shared: true });
  // Two company objectives, everyone's to read and owned by neither report: in one Rae owns a key
  // result, in the other Sol contributes to one. Neither checked in on: due for them.
  const company = async (what: string) =>
    createObjective(admin, {
      periodId,
      level: "company",
      teamId: null,
      title: MARK(what),
      why: "",
      commitment: "committed",
      parentId: null,
    });
  await addKeyResult(admin, await company("company-rae"), {
    title: "Builds under ten minutes",
    kind: "binary",
    unit: "",
    direction: "increase",
    startValue: 0,
    targetValue: 1,
    ownerEmail: rae.email,
    contributorEmails: "",
  });
  await keyResult(admin, await company("company-sol"), sol.email);

  const page = await teamPage(manager.id);
  if (!page.hasReports) throw new Error("expected reports");
  const goalsOf = (id: string) =>
    page.groups.flatMap((group) => group.members).find((member) => member.id === id)!.goals;
  expect(goalsOf(rae.id)).toEqual({
    objectives: [{ id: expect.any(String), title: MARK("rae-private") }],
    overdue: 3,
  });
  expect(goalsOf(sol.id)).toEqual({
    objectives: [
      { id: expect.any(String), title: MARK("sol-private") },
      { id: expect.any(String), title: MARK("sol-empty") },
    ],
    overdue: 1,
  });
  const text = JSON.stringify(page);
  expect(text).not.toContain(MARK("zed-private"));
  expect(text).not.toContain(MARK("note"));
  expect(text).not.toContain("atRisk");

  // Nobody without reports reads anyone's goals here: a report, the outsider, an admin.
  for (const viewer of [rae, zed, admin]) {
    const theirs = JSON.stringify(await teamPage(viewer.id));
    expect(theirs).not.toContain(MARK("rae-private"));
    expect(theirs).not.toContain(MARK("sol-private"));
  }
});

test("each report's goals follow every change they are read from, written as another app server would write it", async () => {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const manager = await createPerson({ name: "Kim Manager", track: "ic", level: "ic4" });
  const ria = await reportOf(manager, "Ria Report");
  const periodId = await openPeriod(admin, "kept-period");
  const first = await createObjective(ria, {
    periodId,
    level: "person",
    teamId: null,
    title: MARK("kept-first"),
    why: "",
    commitment: "committed",
    parentId: null,
  });
  const result = (
    await addKeyResult(ria, first, {
      title: "Pages under a second",
      kind: "metric",
      unit: "%",
      direction: "increase",
      startValue: 10,
      targetValue: 90,
      contributorEmails: "",
    })
  ).id;
  const goals = async () => {
    const page = await teamPage(manager.id);
    if (!page.hasReports) throw new Error("expected reports");
    return page.groups.flatMap((group) => group.members).find((m) => m.id === ria.id)!.goals;
  };
  const titles = async () => (await goals()).objectives.map((objective) => objective.title);

  expect(await goals()).toEqual({
    objectives: [{ id: first, title: MARK("kept-first") }],
    overdue: 1,
  });
  // A check-in: no longer due.
  await db.keyResultCheckIn.create({
    data: {
      keyResultId: result,
      value: 40,
      confidence: "onTrack",
      authorId: ria.id,
      at: clock.now(),
    },
  });
  expect((await goals()).overdue).toBe(0);
  // A new objective of hers.
  await db.objective.create({
    data: {
      periodId,
      level: "person",
      ownerId: ria.id,
      createdById: ria.id,
      title: MARK("kept-second"),
      commitment: "committed",
    },
  });
  expect(await titles()).toEqual([MARK("kept-first"), MARK("kept-second")]);
  // The period closed: nothing of it is shown.
  await db.goalPeriod.update({ where: { id: periodId }, data: { closedAt: clock.now() } });
  expect(await goals()).toEqual({ objectives: [], overdue: 0 });
});

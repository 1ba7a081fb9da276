import { describe, expect, test } from "vitest";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { TEAM_PAGE_SIZE } from "~/modules/team/overview.server";
import * as teamRoute from "~/routes/team";
import { db } from "~/db/client.server";
import { refreshParticipant } from "~/modules/cycles/participant-progress.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { createPerson, uniqueEmail } from "../../utils/factories";
import { routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const DAY = 24 * 60 * 60 * 1000;

async function teamPage(viewerId: string, query = "") {
  return teamRoute.loader(routeArgs(await signedInRequest(`/team${query}`, viewerId)));
}

type Overview = Extract<Awaited<ReturnType<typeof teamPage>>, { hasReports: true }>;

async function overview(viewerId: string, query = ""): Promise<Overview> {
  const page = await teamPage(viewerId, query);
  if (!page.hasReports) throw new Error("expected reports");
  return page;
}

function members(page: Overview) {
  return page.groups.flatMap((group) => group.members);
}

function member(page: Overview, id: string) {
  const found = members(page).find((person) => person.id === id);
  if (!found) throw new Error(`${id} is not on the page`);
  return found;
}

/**
 * A cycle ending `endsInDays` from today (UTC), with the given participants. The page works out
 * the days left on its own clock: a few seconds before midnight, this waits for the next day, so
 * that both count from the same today.
 */
async function cycle(name: string, participants: string[], endsInDays: number, closed = false) {
  const untilMidnight = DAY - (Date.now() % DAY);
  if (untilMidnight < 5_000)
    await new Promise((resolve) => setTimeout(resolve, untilMidnight + 50));
  const now = Date.now();
  const endsOn = new Date(now - (now % DAY) + endsInDays * DAY);
  return db.reviewCycle.create({
    data: {
      name: `${name} ${uniqueEmail()}`,
      startsOn: new Date(endsOn.getTime() - 40 * DAY),
      endsOn,
      closedAt: closed ? new Date() : null,
      participants: { create: participants.map((userId) => ({ userId })) },
    },
  });
}

let submittedAt = Date.UTC(2026, 0, 1);

async function assessment(fields: {
  kind: "self" | "manager";
  status: "draft" | "submitted";
  subjectId: string;
  authorId: string;
  cycleId: string | null;
  ratings?: Record<string, number>;
  evidence?: string[];
}) {
  const { ratings = {}, evidence = [], ...rest } = fields;
  const created = await db.assessment.create({
    data: {
      ...rest,
      ladderVersionId: (await ladderForLevel("ic2"))!.versionId,
      trackId: "ic",
      levelId: "ic2",
      submittedAt: fields.status === "submitted" ? new Date((submittedAt += DAY)) : null,
      ratings: {
        create: Object.entries(ratings).map(([competencyId, rating]) => ({ competencyId, rating })),
      },
    },
    include: { ratings: true },
  });
  const withEvidence = created.ratings.filter((rating) => evidence.includes(rating.competencyId));
  if (withEvidence.length)
    await db.ratingEvidence.createMany({
      data: withEvidence.map((rating) => ({ ratingId: rating.id, text: "Did the thing" })),
    });
  // Written directly, as a seed would: the participant's kept figures follow as the app keeps them.
  if (fields.cycleId) await refreshParticipant(db, fields.cycleId, fields.subjectId);
  return created;
}

/** The competencies that apply at ic2, the level everyone here is assessed at. */
async function icCompetencies() {
  return (await ladderForLevel("ic2"))!.ladder.tracks
    .find((track) => track.id === "ic")!
    .levels.find((level) => level.id === "ic2")!.competencyIds;
}

/** director > two managers > their engineers, and someone outside the line. */
async function organisation() {
  const director = await createPerson({ name: "Dee Director", track: "manager", level: "m3" });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: director.id,
  });
  const pat = await createPerson({ name: "Pat Peer-Manager", track: "manager", level: "m1" });
  const lena = await createPerson({ name: "Lena", track: "ic", level: "ic2", managerId: sam.id });
  const omar = await createPerson({ name: "Omar", track: "ic", level: "ic2", managerId: sam.id });
  const gone = await createPerson({
    name: "Gone",
    track: "ic",
    level: "ic2",
    managerId: sam.id,
    deactivatedAt: new Date(),
  });
  const zoe = await createPerson({ name: "Zoe", track: "ic", level: "ic2", managerId: pat.id });
  return { director, sam, pat, lena, omar, gone, zoe };
}

describe("who sees what", () => {
  test("someone without reports gets a friendly empty page, not an error", async () => {
    const loner = await createPerson({ track: "ic", level: "ic2" });
    expect(await teamPage(loner.id)).toEqual({ hasReports: false, viewerIsAdmin: false });
  });

  test("a manager sees their direct and indirect reports grouped by manager, never a peer manager's", async () => {
    const { director, sam, lena, omar, zoe, gone } = await organisation();
    const page = await overview(director.id);
    expect(page.reports).toBe(3);
    expect(page.direct).toBe(1);
    expect(
      page.groups.map((group) => [
        group.isViewer,
        group.manager?.id,
        group.members.map((person) => person.name),
      ]),
    ).toEqual([
      [true, director.id, ["Sam Manager"]],
      [false, sam.id, ["Lena", "Omar"]],
    ]);
    const ids = members(page).map((person) => person.id);
    expect(ids).not.toContain(zoe.id);
    expect(ids).not.toContain(gone.id);
    expect(ids).not.toContain(director.id);

    const samPage = await overview(sam.id);
    expect(
      members(samPage)
        .map((person) => person.id)
        .sort(),
    ).toEqual([lena.id, omar.id].sort());
  });

  test("an unknown cycle id is a 404", async () => {
    const { sam } = await organisation();
    expect(statusOf(await thrown(async () => teamPage(sam.id, "?cycle=no-such-cycle")))).toBe(404);
  });
});

describe("cycle state, profile and attention", () => {
  test("each report's state in the current cycle; profiles come from submitted assessments only", async () => {
    const { sam, pat, lena, omar, zoe } = await organisation();
    const [first, second] = (await icCompetencies()) as [string, string];
    const current = await cycle("Current", [lena.id, omar.id, zoe.id], 30);
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: lena.id,
      authorId: lena.id,
      cycleId: current.id,
      ratings: { [first]: 3, [second]: 2 },
    });
    await assessment({
      kind: "manager",
      status: "draft",
      subjectId: lena.id,
      authorId: sam.id,
      cycleId: current.id,
      ratings: { [first]: 1 },
    });
    // Omar's draft is his alone: its state shows, its ratings never do.
    await assessment({
      kind: "self",
      status: "draft",
      subjectId: omar.id,
      authorId: omar.id,
      cycleId: current.id,
      ratings: { [first]: 4 },
    });
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: zoe.id,
      authorId: zoe.id,
      cycleId: current.id,
      ratings: { [first]: 4 },
    });

    const page = await overview(sam.id);
    expect(page.cycle?.id).toBe(current.id);
    expect(page.counts).toEqual({
      "not-started": 0,
      "self-draft": 1,
      "self-submitted": 0,
      "manager-draft": 1,
      "manager-submitted": 0,
    });

    const lenaRow = member(page, lena.id);
    expect(lenaRow).toMatchObject({ state: "manager-draft" });
    expect(lenaRow.profile).toMatchObject({
      kind: "self",
      ratings: expect.arrayContaining([3, 2]),
    });
    const names = page.tracks[lenaRow.profile!.trackKey]!;
    expect(names).toHaveLength((await icCompetencies()).length);
    expect(lenaRow.profile!.ratings.filter((rating) => rating !== null)).toEqual([3, 2]);

    const omarRow = member(page, omar.id);
    expect(omarRow).toMatchObject({ state: "self-draft", profile: null });
    expect(JSON.stringify(page)).not.toContain(zoe.id);
    expect((await overview(pat.id)).reports).toBe(1);
  });

  test("flags: nothing started near the end, the manager review not started, a big disagreement, thin evidence", async () => {
    const { sam, lena, omar } = await organisation();
    const ana = await createPerson({ name: "Ana", track: "ic", level: "ic2", managerId: sam.id });
    const ending = await cycle("Ending", [lena.id, omar.id, ana.id], 5);
    const competencies = await icCompetencies();
    const [first, second, third, fourth] = competencies as [string, string, string, string];
    // Lena: both submitted, two points apart on one competency, every rating with evidence.
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: lena.id,
      authorId: lena.id,
      cycleId: ending.id,
      ratings: { [first]: 4, [second]: 3 },
      evidence: [first, second],
    });
    await assessment({
      kind: "manager",
      status: "submitted",
      subjectId: lena.id,
      authorId: sam.id,
      cycleId: ending.id,
      ratings: { [first]: 2, [second]: 3 },
      evidence: [first, second],
    });
    // Ana: submitted her self-assessment without evidence; no manager review yet.
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: ana.id,
      authorId: ana.id,
      cycleId: ending.id,
      ratings: { [first]: 3, [second]: 3, [third]: 3, [fourth]: 2 },
      evidence: [first],
    });

    const page = await overview(sam.id, `?cycle=${ending.id}`);
    expect(page.daysLeft).toBe(5);
    expect(member(page, lena.id).flags.map((flag) => flag.kind)).toEqual(["disagreement"]);
    expect(member(page, omar.id).flags.map((flag) => flag.kind)).toEqual([
      "self-not-started",
      "manager-not-started",
    ]);
    expect(member(page, ana.id).flags.map((flag) => flag.kind)).toEqual([
      "manager-not-started",
      "thin-evidence",
    ]);
    expect(member(page, ana.id).flags[1]!.message).toEqual({
      key: "team:attention.thinEvidence",
      values: { unevidenced: 3, rated: 4 },
    });
    expect(page.needingAttention).toBe(3);

    const attention = await overview(
      sam.id,
      `?cycle=${ending.id}&show=attention&state=self-submitted`,
    );
    expect(members(attention).map((person) => person.name)).toEqual(["Ana"]);
  });

  test("the page opens on the newest cycle that holds any of the viewer's reports, not on a newer one for other teams", async () => {
    const { sam, pat, director, lena, omar, zoe } = await organisation();
    const ours = await cycle("Ours", [lena.id, omar.id], 10);
    const theirs = await cycle("Theirs", [zoe.id], 35);
    const samPage = await overview(sam.id);
    expect(samPage.cycle?.id).toBe(ours.id);
    expect(samPage.notInCycle).toBe(0);
    expect((await overview(director.id)).cycle?.id).toBe(ours.id);
    expect((await overview(pat.id)).cycle?.id).toBe(theirs.id);
    // Chosen by hand, the other cycle still shows, its people marked as not in it.
    expect((await overview(sam.id, `?cycle=${theirs.id}`)).notInCycle).toBe(2);
  });

  test("a past cycle can be chosen; people outside it are marked, not counted", async () => {
    const { sam, lena, omar } = await organisation();
    const past = await cycle("Past", [lena.id], -100, true);
    await cycle("Now", [lena.id, omar.id], 20);
    const page = await overview(sam.id, `?cycle=${past.id}`);
    expect(page.cycle).toMatchObject({ id: past.id, status: "closed" });
    expect(page.daysLeft).toBeNull();
    expect(page.notInCycle).toBe(1);
    expect(member(page, omar.id)).toMatchObject({ state: null });
    expect(
      members(await overview(sam.id, `?cycle=${past.id}&state=not-in-cycle`)).map(
        (person) => person.name,
      ),
    ).toEqual(["Omar"]);
  });

  test("follows every change it is read from, written as another app server would write it", async () => {
    const { sam, pat, lena, omar } = await organisation();
    const [first] = (await icCompetencies()) as [string];
    const team = await db.team.create({ data: { name: `Payments ${uniqueEmail()}` } });
    await db.user.update({ where: { id: lena.id }, data: { teamId: team.id } });
    const current = await cycle("Current", [lena.id], 30);
    const before = await overview(sam.id);
    expect(before).toMatchObject({ reports: 2, notInCycle: 1, counts: { "not-started": 1 } });
    expect(await overview(sam.id)).toEqual(before);

    // A name, a team's name, a report who joins.
    await db.user.update({ where: { id: lena.id }, data: { name: "Lena Renamed" } });
    expect(member(await overview(sam.id), lena.id).name).toBe("Lena Renamed");
    await db.team.update({ where: { id: team.id }, data: { name: `Platform ${uniqueEmail()}` } });
    expect(member(await overview(sam.id), lena.id).team).toMatch(/^Platform /);
    const ana = await createPerson({ name: "Ana", track: "ic", level: "ic2", managerId: sam.id });
    expect((await overview(sam.id)).reports).toBe(3);
    // Someone joins the cycle, then leaves it.
    await db.reviewCycleParticipant.create({ data: { cycleId: current.id, userId: ana.id } });
    expect((await overview(sam.id)).notInCycle).toBe(1);
    // A later write elsewhere (another cycle), so the row taken out is not the newest one.
    const other = await cycle("Elsewhere", [], 30);
    await db.reviewCycleParticipant.create({
      data: { cycleId: other.id, userId: (await createPerson()).id },
    });
    expect((await overview(sam.id)).notInCycle).toBe(1);
    const { removeParticipant } = await import("~/modules/cycles/cycles.server");
    expect(await removeParticipant(sam.id, current.id, ana.email)).toMatchObject({ ok: true });
    expect((await overview(sam.id)).notInCycle).toBe(2);
    // A submitted self-assessment: her state, her ratings.
    await assessment({
      kind: "self",
      status: "submitted",
      subjectId: lena.id,
      authorId: lena.id,
      cycleId: current.id,
      ratings: { [first]: 3 },
    });
    const submitted = member(await overview(sam.id), lena.id);
    expect(submitted.state).toBe("self-submitted");
    expect(submitted.profile?.ratings.filter((rating) => rating !== null)).toEqual([3]);
    // A report moved to another manager, and one who left (people are deactivated, never deleted).
    await db.user.update({ where: { id: omar.id }, data: { managerId: pat.id } });
    await rebuildReportingLine(db);
    expect((await overview(sam.id)).reports).toBe(2);
    await db.user.update({ where: { id: ana.id }, data: { deactivatedAt: new Date() } });
    expect((await overview(sam.id)).reports).toBe(1);
  });

  test("many reports are paginated", async () => {
    const boss = await createPerson({ name: "Big Boss", track: "manager", level: "m2" });
    await db.user.createMany({
      data: Array.from({ length: TEAM_PAGE_SIZE + 3 }, (_, index) => ({
        name: `Report ${String(index).padStart(2, "0")}`,
        email: uniqueEmail("report"),
        managerId: boss.id,
        track: "ic",
        level: "ic1",
      })),
    });
    await rebuildReportingLine(db);
    const second = await overview(boss.id, "?page=2");
    expect(second).toMatchObject({ total: TEAM_PAGE_SIZE + 3, page: 2, pageCount: 2 });
    expect(members(second).map((person) => person.name)).toEqual(
      [TEAM_PAGE_SIZE, TEAM_PAGE_SIZE + 1, TEAM_PAGE_SIZE + 2].map((n) => `Report ${n}`),
    );
    // A page past the end (an old link) shows the last one.
    const beyond = await overview(boss.id, "?page=9");
    expect(beyond).toMatchObject({ page: 2, pageCount: 2 });
    expect(members(beyond).map((person) => person.name)).toEqual(
      members(second).map((person) => person.name),
    );
  });
});

describe("who needs attention is counted as the rows show it", () => {
  // The count and the "only people needing attention" filter come from SQL over everyone
  // (with the progress pairs the pure rule picks), the flags on each row from the rule
  // itself: these hold the two together.
  async function cases(endsInDays: number, closed = false) {
    const boss = await createPerson({ name: "Bo Boss", track: "manager", level: "m2" });
    const names = [
      "none",
      "self-draft",
      "self-only",
      "both-close",
      "both-two-apart",
      "half-unevidenced",
      "under-half-unevidenced",
      "outside",
    ];
    const people = await Promise.all(
      names.map((name) => createPerson({ name, track: "ic", level: "ic2", managerId: boss.id })),
    );
    const by = Object.fromEntries(names.map((name, index) => [name, people[index]!]));
    const current = await cycle(
      "Cases",
      people.filter((person) => person.name !== "outside").map((person) => person.id),
      endsInDays,
      closed,
    );
    const [a, b, c, d] = (await icCompetencies()) as [string, string, string, string];
    const write = (
      name: string,
      kind: "self" | "manager",
      ratings: Record<string, number>,
      evidence: string[] = [a, b, c, d],
    ) =>
      assessment({
        kind,
        status: "submitted",
        subjectId: by[name]!.id,
        authorId: kind === "self" ? by[name]!.id : boss.id,
        cycleId: current.id,
        ratings,
        evidence,
      });
    await assessment({
      kind: "self",
      status: "draft",
      subjectId: by["self-draft"]!.id,
      authorId: by["self-draft"]!.id,
      cycleId: current.id,
      ratings: { [a]: 2 },
    });
    await write("self-only", "self", { [a]: 3 });
    await write("both-close", "self", { [a]: 3, [b]: 2 });
    await write("both-close", "manager", { [a]: 2, [b]: 3 });
    await write("both-two-apart", "self", { [a]: 4 });
    await write("both-two-apart", "manager", { [a]: 2 });
    // Four of eight ratings without evidence (the threshold), then three of eight.
    await write("half-unevidenced", "self", { [a]: 3, [b]: 3, [c]: 3, [d]: 3 }, []);
    await write("half-unevidenced", "manager", { [a]: 3, [b]: 3, [c]: 3, [d]: 3 });
    await write("under-half-unevidenced", "self", { [a]: 3, [b]: 3, [c]: 3, [d]: 3 }, [a]);
    await write("under-half-unevidenced", "manager", { [a]: 3, [b]: 3, [c]: 3, [d]: 3 });
    return { boss, cycleId: current.id };
  }

  function flagged(page: Overview) {
    return Object.fromEntries(
      members(page).map((person) => [person.name, person.flags.map((flag) => flag.kind)]),
    );
  }

  test.each([
    ["an open cycle far from its end", 40, false],
    ["an open cycle near its end", 3, false],
    ["a cycle past its end", -2, false],
    ["a closed cycle", -2, true],
  ] as const)("in %s", async (_, endsInDays, closed) => {
    const { boss, cycleId } = await cases(endsInDays, closed);
    const page = await overview(boss.id, `?cycle=${cycleId}`);
    const flags = flagged(page);
    const shouldFlag = Object.keys(flags).filter((name) => flags[name]!.length > 0);
    expect(page.needingAttention).toBe(shouldFlag.length);
    expect(
      members(await overview(boss.id, `?cycle=${cycleId}&show=attention`))
        .map((person) => person.name)
        .sort(),
    ).toEqual(shouldFlag.sort());

    // The rule itself, case by case.
    const chasing = !closed && endsInDays <= 14;
    expect(flags).toEqual({
      none: chasing ? ["self-not-started", "manager-not-started"] : [],
      "self-draft": chasing ? ["manager-not-started"] : [],
      "self-only": closed ? [] : ["manager-not-started"],
      "both-close": [],
      "both-two-apart": ["disagreement"],
      "half-unevidenced": ["thin-evidence"],
      "under-half-unevidenced": [],
      outside: [],
    });
  });
});

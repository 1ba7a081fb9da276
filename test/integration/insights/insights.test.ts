import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import * as csvRoute from "~/routes/insights.$file";
import * as insightsRoute from "~/routes/insights._index";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const DAY = 86_400_000;

async function page(viewerId: string, query = "") {
  return insightsRoute.loader(routeArgs(await signedInRequest(`/insights${query}`, viewerId)));
}

async function csv(viewerId: string, file: string) {
  return csvRoute.loader(routeArgs(await signedInRequest(`/insights/${file}`, viewerId), { file }));
}

/**
 * A VP over two managers: Ana's six reports (team Alpha) and Ben's five (team Beta) and one more
 * (team Gamma); someone outside the VP's organisation. Everyone was calibrated in one published
 * session; four of Ana's reports were promoted from ic1 after 100, 200, 300 and 400 days.
 */
async function organisation() {
  const tag = uniqueEmail("org").split("@")[0]!;
  const team = async (name: string) => db.team.create({ data: { name: `${name} ${tag}` } });
  const [alpha, beta, gamma, outside] = [
    await team("Alpha"),
    await team("Beta"),
    await team("Gamma"),
    await team("Outside"),
  ];
  const createdAt = new Date(Date.now() - 500 * DAY);
  const vp = await createPerson({ name: "Vera VP", track: "manager", level: "m2" });
  const ana = await createPerson({
    name: "Ana Manager",
    managerId: vp.id,
    track: "manager",
    level: "m1",
  });
  const ben = await createPerson({
    name: "Ben Manager",
    managerId: vp.id,
    track: "manager",
    level: "m1",
  });
  const anas = [];
  for (let index = 0; index < 6; index++)
    anas.push(
      await createPerson({
        managerId: ana.id,
        teamId: alpha.id,
        track: "ic",
        level: "ic2",
        createdAt,
      }),
    );
  const bens = [];
  for (let index = 0; index < 5; index++)
    bens.push(
      await createPerson({
        managerId: ben.id,
        teamId: beta.id,
        track: "ic",
        level: "ic2",
        createdAt,
      }),
    );
  bens.push(
    await createPerson({
      managerId: ben.id,
      teamId: gamma.id,
      track: "ic",
      level: "ic2",
      createdAt,
    }),
  );
  const outsider = await createPerson({ teamId: outside.id, track: "ic", level: "ic2", createdAt });
  await db.levelChange.createMany({
    data: anas.slice(0, 4).map((person, index) => ({
      personId: person.id,
      fromTrackId: "ic",
      fromLevelId: "ic1",
      toTrackId: "ic",
      toLevelId: "ic2",
      source: "promoted",
      changedAt: new Date(createdAt.getTime() + (index + 1) * 100 * DAY),
    })),
  });

  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${tag}`,
      startsOn: new Date("2026-03-01"),
      endsOn: new Date("2026-04-01"),
    },
  });
  const session = await db.calibrationSession.create({
    data: {
      name: `Calibration ${tag}`,
      cycleId: cycle.id,
      facilitatorId: vp.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: (await ladderForLevel("ic2"))!.versionId,
      groupFloor: 4,
    },
  });
  const entry = (
    personId: string,
    managerId: string | null,
    final: { rating: number; outcome: string },
  ) => ({
    sessionId: session.id,
    personId,
    managerId,
    trackId: "ic",
    levelId: "ic2",
    proposedRating: 3,
    proposedOutcome: "stay",
    finalRating: final.rating,
    finalOutcome: final.outcome,
  });
  await db.calibrationEntry.createMany({
    data: [
      // Ana's: two calibrated down a point, two promoted.
      ...anas.map((person, index) =>
        entry(person.id, ana.id, {
          rating: index < 2 ? 2 : 3,
          outcome: index >= 4 ? "promote" : "stay",
        }),
      ),
      // Ben's: as proposed, one promoted.
      ...bens.map((person, index) =>
        entry(person.id, ben.id, { rating: 3, outcome: index === 0 ? "promote" : "stay" }),
      ),
      entry(outsider.id, null, { rating: 3, outcome: "stay" }),
    ],
  });
  return { tag, vp, ana, ben, anas, bens, outsider, cycle };
}

describe("organisation insights", () => {
  test("someone with nobody under them gets a 404, the page and every CSV alike", async () => {
    const engineer = await createPerson({ track: "ic", level: "ic2" });
    expect(statusOf(await thrown(() => page(engineer.id)))).toBe(404);
    expect(statusOf(await thrown(() => csv(engineer.id, "calibration-shift.csv")))).toBe(404);
  });

  test("a manager sees only their own organisation: time in level, outcomes and shift of the people under them", async () => {
    const org = await organisation();
    const view = await page(org.ana.id);
    expect(view.scope).toBe("reports");
    expect(view.people).toBe(6);
    // Candidates are nobody a manager may see one by one.
    expect(view.hiring).toBeNull();
    // Only Ana's team; nobody of Ben's, nobody outside.
    const teams = view.outcomesByGroup!.dimensions.find(
      (dimension) => dimension.id === "team",
    )!.groups;
    expect(teams.map((group) => group.value)).toEqual([`Alpha ${org.tag}`]);
    expect(view.outcomesByGroup!.n).toBe(6);
    expect(view.shift.managers.map((manager) => manager.name)).toEqual(["Ana Manager"]);
    // ic1: four stays, promoted after 100, 200, 300 and 400 days: the curve sits at one half from day 200 to 300.
    const ic = view.timeInLevel.find((track) => track.track === "ic")!;
    const ic1 = ic.levels.find((level) => level.level === "ic1")!;
    expect(ic1).toMatchObject({ n: 4, promotions: 4, suppressed: false, median: 250 });
    // ic2: six stays, but the last two began after the latest batch of four people at ic2 closed, so they wait for the next (decision 075).
    expect(ic.levels.find((level) => level.level === "ic2")).toMatchObject({
      n: 4,
      promotions: 0,
      median: null,
    });
    // Two promotions out of ic2 close that batch, and the page has them at once: the kept view follows the database.
    for (const person of org.anas.slice(4))
      await db.levelChange.create({
        data: {
          personId: person.id,
          fromTrackId: "ic",
          fromLevelId: "ic2",
          toTrackId: "ic",
          toLevelId: "ic3",
          source: "edited",
        },
      });
    const again = (await page(org.ana.id)).timeInLevel.find((track) => track.track === "ic")!;
    expect(again.levels.find((level) => level.level === "ic2")).toMatchObject({
      n: 6,
      promotions: 2,
    });
  });

  test("a manager's time in level keeps the stays of people who moved out with the person they report to, until the floor's worth of people changed the level", async () => {
    const vp = await createPerson({ name: "Vera VP", track: "manager", level: "m2" });
    const elsewhere = await createPerson({
      name: "Elsewhere Manager",
      track: "manager",
      level: "m1",
    });
    const arrived = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    const lead = await createPerson({
      name: "Lead",
      track: "manager",
      level: "m1",
      managerId: vp.id,
      createdAt: arrived(40),
    });
    for (const daysAgo of [30, 25, 20])
      await createPerson({
        track: "ic",
        level: "ic2",
        managerId: vp.id,
        createdAt: arrived(daysAgo),
      });
    await createPerson({ track: "ic", level: "ic2", managerId: lead.id, createdAt: arrived(10) });
    await rebuildReportingLine(db);
    const ic2 = (view: Awaited<ReturnType<typeof page>>) =>
      view.timeInLevel
        .find((track) => track.track === "ic")
        ?.levels.find((level) => level.level === "ic2");
    const before = await page(vp.id);
    expect(before.people).toBe(5);
    expect(ic2(before)).toMatchObject({ n: 4, suppressed: false });
    // The lead moves to a manager outside, and the person under them with them: one person moved at ic2, fewer than the floor.
    await db.managerChange.create({
      data: { personId: lead.id, fromManagerId: vp.id, toManagerId: elsewhere.id },
    });
    await db.user.update({ where: { id: lead.id }, data: { managerId: elsewhere.id } });
    await rebuildReportingLine(db);
    const after = await page(vp.id);
    expect(after.people).toBe(3);
    expect(ic2(after)).toEqual(ic2(before));
  });

  test("a VP sees both managers' people; a group under the floor is hidden with its complement", async () => {
    const org = await organisation();
    const view = await page(org.vp.id, `?cycle=${org.cycle.id}`);
    expect(view.scope).toBe("reports");
    // Ana, Ben and their twelve.
    expect(view.people).toBe(14);
    const breakdown = view.outcomesByGroup!;
    expect(breakdown.n).toBe(12);
    expect(breakdown.rates!.promote.estimate).toBeCloseTo(3 / 12, 10);
    const teams = breakdown.dimensions.find((dimension) => dimension.id === "team")!.groups;
    // Gamma (one person) is under the floor: neither named nor counted. Beta (five) is hidden with it, or Gamma's figures would follow from the cycle's and Alpha's.
    expect(
      teams.map((group) => [
        group.value.split(" ")[0],
        group.n,
        group.suppressed,
        group.rates === null,
      ]),
    ).toEqual([
      ["Alpha", 6, false, false],
      ["Beta", 5, true, true],
    ]);
    expect(
      breakdown.dimensions.find((dimension) => dimension.id === "team")!.smallGroupsLeftOut,
    ).toBe(true);
    expect(teams[0]!.rates!.promote.estimate).toBeCloseTo(2 / 6, 10);
    // Calibration shift: Ana's six moved by −1/3 on average, Ben's not at all.
    expect(view.shift.n).toBe(12);
    const ana = view.shift.managers.find((manager) => manager.name === "Ana Manager")!;
    expect(ana.meanShift!.estimate).toBeCloseTo(-1 / 3, 10);
    expect(ana.meanShift!.interval[0]).toBeLessThan(ana.meanShift!.estimate);
    expect(ana.outcomeChanged!.estimate).toBeCloseTo(2 / 6, 10);

    const shiftCsv = await csv(org.vp.id, "calibration-shift.csv");
    expect(shiftCsv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await shiftCsv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("mean shift");
    expect(lines.find((line) => line.startsWith("Ana Manager,6,1,-0.3333,"))).toBeDefined();
    const groups = await (
      await csvRoute.loader(
        routeArgs(
          await signedInRequest(`/insights/outcomes-by-group.csv?cycle=${org.cycle.id}`, org.vp.id),
          { file: "outcomes-by-group.csv" },
        ),
      )
    ).text();
    expect(groups).not.toContain(`Gamma ${org.tag}`);
    expect(groups).toContain(
      `Spring ${org.tag},Team,Groups of fewer than 4 people are not listed.,,,,,,,,`,
    );
    expect(groups).toContain(`Spring ${org.tag},Team,Beta ${org.tag},5,,,,,,,"Not shown:`);
    expect(statusOf(await thrown(() => csv(org.vp.id, "people.csv")))).toBe(404);
  });

  test("an imported attribute's group of one is neither named nor counted, on the page or in the CSV", async () => {
    const org = await organisation();
    // Ben's six: five in Berlin and one in a place only they live in.
    const place = `Reykjavik ${org.tag}`;
    for (const [index, person] of org.bens.entries())
      await db.user.update({
        where: { id: person.id },
        data: { attributes: JSON.stringify({ location: index === 5 ? place : "Berlin" }) },
      });
    const view = await page(org.ben.id, `?cycle=${org.cycle.id}`);
    const location = view.outcomesByGroup!.dimensions.find(
      (dimension) => dimension.id === "attribute:location",
    )!;
    expect(location.groups.map((group) => [group.value, group.n])).toEqual([["Berlin", 5]]);
    expect(location.smallGroupsLeftOut).toBe(true);
    const body = await (
      await csvRoute.loader(
        routeArgs(
          await signedInRequest(
            `/insights/outcomes-by-group.csv?cycle=${org.cycle.id}`,
            org.ben.id,
          ),
          { file: "outcomes-by-group.csv" },
        ),
      )
    ).text();
    expect(body).not.toContain(place);
    expect(body).not.toMatch(/Location,[^,]*,1,/);
    expect(body).toContain("Location,Groups of fewer than 4 people are not listed.");
  });

  test("mentoring and growth: mentees' goal movement against comparable people, only among the people the viewer may see", async () => {
    const org = await organisation();
    const versionId = (await ladderForLevel("ic2"))!.versionId;
    const activeSince = new Date(Date.now() - 100 * DAY);
    const programme = await db.mentorshipProgramme.create({
      data: {
        name: `Mentoring ${org.tag}`,
        ladderId: "engineering",
        startsOn: new Date(Date.now() - 120 * DAY),
        endsOn: new Date(Date.now() + 60 * DAY),
        matchingOn: new Date(Date.now() - 110 * DAY),
      },
    });
    const mentees = org.anas.slice(0, 4);
    for (const mentee of mentees) {
      await db.mentorshipParticipant.create({
        data: {
          programmeId: programme.id,
          userId: mentee.id,
          role: "mentee",
          competencies: JSON.stringify(["testing"]),
        },
      });
      await db.mentorshipPair.create({
        data: {
          programmeId: programme.id,
          menteeId: mentee.id,
          mentorId: org.vp.id,
          status: "active",
          source: "proposed",
          fit: 1,
          factors: "[]",
          activeSince,
        },
      });
    }
    const review = (subjectId: string, authorId: string, daysAgo: number, rating: number) =>
      db.assessment.create({
        data: {
          kind: "manager",
          status: "submitted",
          subjectId,
          authorId,
          ladderVersionId: versionId,
          trackId: "ic",
          levelId: "ic2",
          submittedAt: new Date(Date.now() - daysAgo * DAY),
          ratings: { create: [{ competencyId: "testing", rating }] },
        },
      });
    // Mentees: 2 before their pair began, 3 since. Everyone else at ic2 started at 2 too: Ben's first report reached 3, the rest stayed.
    for (const mentee of mentees)
      await Promise.all([
        review(mentee.id, org.ana.id, 150, 2),
        review(mentee.id, org.ana.id, 10, 3),
      ]);
    for (const [index, person] of [...org.anas.slice(4), ...org.bens].entries()) {
      const manager = index < 2 ? org.ana.id : org.ben.id;
      await Promise.all([
        review(person.id, manager, 140, 2),
        review(person.id, manager, 20, index === 2 ? 3 : 2),
      ]);
    }
    const vp = (await page(org.vp.id)).mentoring;
    expect(vp).toMatchObject({ mentees: 4, goals: 4, comparisonPeople: 8, suppressed: false });
    expect(vp.menteeChange!.estimate).toBeCloseTo(1, 10);
    expect(vp.comparisonChange!.estimate).toBeCloseTo(1 / 8, 10);
    expect(vp.difference!.estimate).toBeCloseTo(7 / 8, 10);
    // Ana sees only her own six: two comparable people, under the floor, so nothing is shown.
    expect((await page(org.ana.id)).mentoring).toMatchObject({
      mentees: 4,
      comparisonPeople: 2,
      suppressed: true,
      difference: null,
    });
  });

  test("a person in two locked sessions of one cycle counts once, with the outcome of the session locked last", async () => {
    const tag = uniqueEmail("twice").split("@")[0]!;
    const lead = await createPerson({ name: "Lou Lead", track: "manager", level: "m1" });
    const people: { id: string }[] = [];
    for (let index = 0; index < 4; index++)
      people.push(await createPerson({ managerId: lead.id, track: "ic", level: "ic2" }));
    const versionId = (await ladderForLevel("ic2"))!.versionId;
    const day = (n: number) => new Date(Date.UTC(2026, 5, n));
    /** A session whose people all got `outcome`, locked on `lockedOn` (and published later, when `publishedOn` is given). */
    async function session(cycleId: string, outcome: string, lockedOn: Date, publishedOn?: Date) {
      const created = await db.calibrationSession.create({
        data: {
          name: `${outcome} ${tag}`,
          cycleId,
          facilitatorId: lead.id,
          state: publishedOn ? "published" : "locked",
          ladderId: "engineering",
          ladderVersionId: versionId,
          groupFloor: 4,
        },
      });
      await db.calibrationEntry.createMany({
        data: people.map((person) => ({
          sessionId: created.id,
          personId: person.id,
          managerId: lead.id,
          trackId: "ic",
          levelId: "ic2",
          proposedRating: 3,
          finalRating: 3,
          finalOutcome: outcome,
        })),
      });
      const events = [
        { change: { state: ["live", "locked"] }, at: lockedOn },
        ...(publishedOn ? [{ change: { state: ["locked", "published"] }, at: publishedOn }] : []),
      ];
      await db.calibrationEvent.createMany({
        data: events.map((event) => ({
          sessionId: created.id,
          actorId: lead.id,
          kind: "state",
          change: JSON.stringify(event.change),
          createdAt: event.at,
        })),
      });
    }
    // Set up in the order they were locked; the first was published after the second was locked, which does not make it the later.
    const first = await db.reviewCycle.create({
      data: { name: `First ${tag}`, startsOn: day(1), endsOn: day(20) },
    });
    await session(first.id, "stay", day(10), day(14));
    await session(first.id, "promote", day(12));
    // Set up in the other order: the one set up first was locked last.
    const second = await db.reviewCycle.create({
      data: { name: `Second ${tag}`, startsOn: day(2), endsOn: day(20) },
    });
    await session(second.id, "promote", day(16));
    await session(second.id, "not-ready", day(15));

    const cycles = (await page(lead.id)).outcomesByCycle;
    for (const cycle of [first, second]) {
      const row = cycles.find((candidate) => candidate.cycleId === cycle.id)!;
      expect(row.n).toBe(4);
      expect(row.rates!.promote.estimate).toBe(1);
    }
  });

  test("an admin sees the whole organisation, people outside every manager's line included", async () => {
    const org = await organisation();
    const admin = await createAdmin();
    const view = await page(admin.id, `?cycle=${org.cycle.id}`);
    expect(view.scope).toBe("organisation");
    expect(view.hiring).toMatchObject({ validity: { minN: 10 }, funnel: expect.any(Array) });
    const teams = view.outcomesByGroup!.dimensions.find(
      (dimension) => dimension.id === "team",
    )!.groups;
    // The one person outside every manager's line counts in the cycle; their team of one is not listed.
    expect(teams.map((group) => group.value)).not.toContain(`Outside ${org.tag}`);
    expect(view.outcomesByGroup!.n).toBe(13);
  });
});

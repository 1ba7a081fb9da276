// The promotion audit's time to promotion and calibration's nine-box against a real database,
// through the page across windows: that the figures are the equity audit's for units built here from
// what was generated; that a stay joins its funnel on the day its year is up, so a reading before and
// after that day differs by a whole batch or not at all; that a hidden group carries no figure (nor a
// gap) in the page's data; the gap between performance and potential on a small nine-box; and that a
// return begins a stay of its own rather than undoing the leaving.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { equityAudit, type AuditUnit } from "~/modules/equity/audit";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { setPersonActive } from "~/modules/people/service.server";
import { promotionAuditView } from "~/modules/promotions/audit.server";
import * as acrossRoute from "~/routes/promotions.audit";
import { createAdmin, createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { withoutLabels } from "../../utils/audits";

type Person = Awaited<ReturnType<typeof createPerson>>;
type Across = Awaited<ReturnType<typeof acrossRoute.loader>>;

const DAY = 24 * 60 * 60 * 1000;
const today = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (days: number) => new Date(today - days * DAY);
const yearsAfter = (at: Date, years: number) => {
  const later = new Date(at);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
};

/**
 * Stays at ic2. The first cohort reached it 800 days ago, before Rungs knew them (700 days ago): in
 * Atlas four of six were promoted 600 days ago (within the year), in Borealis two of six 300 days ago
 * (within two years, not one). The second cohort reached ic2 380 days ago, so their year was up a
 * fortnight ago; nobody in it was promoted.
 */
const FIRST = { began: daysAgo(800), seen: daysAgo(700) };
const SECOND = { began: daysAgo(380), seen: daysAgo(380) };
type Generated = {
  person: Person;
  team: string;
  cohort: typeof FIRST;
  promotedAt: Date | null;
  performance: number;
  potential: number;
};
const generated: Generated[] = [];
let admin: Person, borealisManager: Person;
let cassini: Person[] = [];
let high = 0;
let low = 0;

beforeAll(async () => {
  admin = await createAdmin({ name: "Ada Admin" });
  borealisManager = await createPerson({ name: "Bo Borealis", track: "manager", level: "m1" });
  const teams = new Map<string, string>();
  for (const name of ["Atlas", "Borealis", "Cassini"])
    teams.set(name, (await db.team.create({ data: { name }, select: { id: true } })).id);
  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  const values = served.ladder.scale.map((point) => point.value);
  high = Math.max(...values);
  low = Math.min(...values);
  for (const team of ["Atlas", "Borealis"]) {
    for (let index = 0; index < 10; index++) {
      const cohort = index < 6 ? FIRST : SECOND;
      const promotedAt =
        cohort === FIRST
          ? team === "Atlas"
            ? index < 4
              ? daysAgo(600)
              : null
            : index < 2
              ? daysAgo(300)
              : null
          : null;
      const person = await createPerson({
        name: `${team} engineer ${index}`,
        track: "ic",
        level: promotedAt ? "ic3" : "ic2",
        levelSince: promotedAt ? null : cohort.began,
        teamId: teams.get(team)!,
        ...(team === "Borealis" ? { managerId: borealisManager.id } : {}),
        createdAt: cohort.seen,
      });
      if (promotedAt) {
        await db.levelChange.create({
          data: {
            personId: person.id,
            fromTrackId: "ic",
            fromLevelId: "ic2",
            toTrackId: "ic",
            toLevelId: "ic3",
            source: "promoted",
            changedAt: promotedAt,
            fromSince: cohort.began,
          },
        });
      }
      // The nine-box: six of ten high on performance in both teams; on potential six in Atlas, four in Borealis (two would be within the floor of nobody: a band, decision 105).
      generated.push({
        person,
        team,
        cohort,
        promotedAt,
        performance: index < 6 ? high : low,
        potential: index < (team === "Atlas" ? 6 : 4) ? 3 : 1,
      });
    }
  }
  // Two people in Cassini, placed on the nine-box only: a group below the floor, never named, whose figures the others' would give away.
  cassini = [
    await createPerson({
      name: "Cassini one",
      track: "ic",
      level: "ic2",
      teamId: teams.get("Cassini")!,
    }),
    await createPerson({
      name: "Cassini two",
      track: "ic",
      level: "ic2",
      teamId: teams.get("Cassini")!,
    }),
  ];

  const cycle = await db.reviewCycle.create({
    data: { name: "Spring reviews", startsOn: daysAgo(120), endsOn: daysAgo(60) },
    select: { id: true },
  });
  const session = await db.calibrationSession.create({
    data: {
      name: "Engineering calibration",
      cycleId: cycle.id,
      facilitatorId: admin.id,
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      secondDimension: "Potential",
      groupFloor: SMALL_GROUP_FLOOR,
      state: "locked",
    },
    select: { id: true },
  });
  for (const entry of [
    ...generated,
    ...cassini.map((person) => ({ person, performance: high, potential: 3 })),
  ]) {
    await db.calibrationEntry.create({
      data: {
        sessionId: session.id,
        personId: entry.person.id,
        trackId: "ic",
        levelId: "ic2",
        finalRating: entry.performance,
        finalSecond: entry.potential,
      },
    });
  }
  await db.calibrationEvent.create({
    data: {
      sessionId: session.id,
      actorId: admin.id,
      kind: "state",
      change: JSON.stringify({ state: ["live", "locked"] }),
      createdAt: daysAgo(50),
    },
  });
});

const across = async (viewer: Person = admin) =>
  bodyOf<Across>(
    await acrossRoute.loader(routeArgs(await signedInRequest("/promotions/audit", viewer.id))),
  );

/** The time-to-promotion units as this test generated them: each stay, on the day its year (or two) was up, or Rungs saw it if later. */
function expectedTimeToPromotion() {
  const dimensions = ["team", "track", "level"];
  const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);
  const unit = (
    entry: Generated,
    level: string,
    seen: Date,
    at: Date,
    stage: string,
  ): AuditUnit => ({
    id: `${entry.person.id}:ic:${level}:${seen.getTime()}`,
    person: entry.person.id,
    history: [
      {
        at: dayOf(new Date(Math.max(at.getTime(), seen.getTime()))),
        state: { stage, groups: { team: entry.team, track: "ic", level } },
      },
    ],
  });
  const withinYear: AuditUnit[] = [];
  const withinTwoYears: AuditUnit[] = [];
  for (const entry of generated) {
    const { began, seen } = entry.cohort;
    const promotedInYear = entry.promotedAt !== null && entry.promotedAt <= yearsAfter(began, 1);
    withinYear.push(
      unit(
        entry,
        "ic2",
        seen,
        yearsAfter(began, 1),
        promotedInYear ? "promotedWithinYear" : "yearAtLevel",
      ),
    );
    if (entry.cohort === FIRST)
      withinTwoYears.push(
        unit(
          entry,
          "ic2",
          seen,
          yearsAfter(began, 2),
          entry.promotedAt ? "promotedWithinTwoYears" : "twoYearsAtLevel",
        ),
      );
    // Atlas's promoted reached ic3 600 days ago: that stay's year is up too.
    if (entry.promotedAt && yearsAfter(entry.promotedAt, 1).getTime() < today)
      withinYear.push(
        unit(entry, "ic3", entry.promotedAt, yearsAfter(entry.promotedAt, 1), "yearAtLevel"),
      );
  }
  const floorOf = () => SMALL_GROUP_FLOOR;
  return {
    withinYear: equityAudit(
      { name: "promotions-withinYear", stages: ["yearAtLevel", "promotedWithinYear"], dimensions },
      withinYear,
      floorOf,
    ),
    withinTwoYears: equityAudit(
      {
        name: "promotions-withinTwoYears",
        stages: ["twoYearsAtLevel", "promotedWithinTwoYears"],
        dimensions,
      },
      withinTwoYears,
      floorOf,
    ),
  };
}

describe("time to promotion and the nine-box in the promotion audit", () => {
  test("time to promotion's figures are the equity audit's for the same stays: nothing is computed twice", async () => {
    const view = await across();
    const expected = expectedTimeToPromotion();
    expect(view.timeToPromotion.map((entry) => entry.id)).toEqual(["withinYear", "withinTwoYears"]);
    for (const entry of view.timeToPromotion)
      expect(withoutLabels(entry.audit)).toEqual(expected[entry.id]);
    const teams = view.timeToPromotion[0]!.audit.dimensions.find(
      (dimension) => dimension.id === "team",
    )!;
    // Atlas's 4 of 14 is not shown exactly: Borealis's 0 of 10 is shown only as a band (decision 105), and everyone less Atlas would give it.
    expect(teams.groups.find((group) => group.value === "Atlas")!.steps![0]).toMatchObject({
      n: 14,
      successes: null,
      band: null,
    });
    expect(view.timeToPromotion[1]!.audit.total.steps![0]).toMatchObject({ n: 12, successes: 6 });
  });

  test("a manager reads both over the people in their organisation only", async () => {
    const view = await across(borealisManager);
    expect(view.scope).toBe("line");
    // None of the ten promoted within the year: "0 of 10" would say it of each, so a band (decision 105).
    expect(view.timeToPromotion[0]!.audit.total.steps![0]).toMatchObject({
      n: 10,
      successes: null,
      band: { low: 0, high: SMALL_GROUP_FLOOR - 1 },
      rate: null,
    });
    expect(
      view.timeToPromotion[0]!.audit.dimensions.find(
        (dimension) => dimension.id === "team",
      )!.groups.map((group) => group.value),
    ).toEqual(["Borealis"]);
    expect(view.nineBox.audits[1]!.audit.total.steps![0]).toMatchObject({ n: 10, successes: 4 });
  });

  test("a stay joins on the day its year is up: a reading before and after that day differs by a whole batch in every group, or not at all", async () => {
    const mark = yearsAfter(SECOND.began, 1).getTime();
    const withinYear = async (day: number) =>
      (await promotionAuditView(admin, { now: new Date(day + 12 * 60 * 60 * 1000) }))
        .timeToPromotion[0]!.audit;
    const [longBefore, before, after] = [
      await withinYear(mark - 10 * DAY),
      await withinYear(mark),
      await withinYear(mark + DAY),
    ];
    expect(longBefore).toEqual(before);
    expect(after.total.steps![0]!.n! - before.total.steps![0]!.n!).toBe(8);
    let moved = 0;
    for (const dimension of after.dimensions) {
      for (const group of dimension.groups) {
        const earlier = before.dimensions
          .find((other) => other.id === dimension.id)
          ?.groups.find((other) => other.value === group.value);
        if (!group.steps || !earlier?.steps) continue;
        const change = group.steps[0]!.n! - earlier.steps[0]!.n!;
        if (change) moved += 1;
        expect(change === 0 || change >= SMALL_GROUP_FLOOR).toBe(true);
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  test("a hidden group carries no figure and no gap in the page's data, and a group below the floor is not named", async () => {
    const view = await across();
    expect(JSON.stringify(view)).not.toContain("Cassini");
    const [performance, potential] = view.nineBox.audits.map((entry) => entry.audit);
    let hidden = 0;
    for (const audit of [
      ...view.timeToPromotion.map((entry) => entry.audit),
      performance!,
      potential!,
    ]) {
      if (!audit.total.shown) expect(audit.total.steps).toBeNull();
      for (const group of audit.dimensions.flatMap((dimension) => dimension.groups)) {
        if (group.shown) continue;
        hidden += 1;
        expect(group.steps).toBeNull();
      }
    }
    // Cassini is everyone less Atlas less Borealis: the check hides one of those three.
    expect(hidden).toBeGreaterThan(0);
    const shownIn = (audit: typeof performance, dimension: string, value: string) =>
      audit!.dimensions
        .find((entry) => entry.id === dimension)
        ?.groups.find((group) => group.value === value)?.shown ?? false;
    for (const dimension of view.nineBox.gaps.dimensions) {
      for (const group of dimension.groups) {
        if (
          !shownIn(performance, dimension.id, group.value) ||
          !shownIn(potential, dimension.id, group.value)
        )
          expect(group.gap).toBeNull();
      }
    }
    if (!performance!.total.shown || !potential!.total.shown)
      expect(view.nineBox.gaps.total).toBeNull();
  });

  test("the nine-box's gap: a team placed high on performance as often as another but lower on potential shows the gap", async () => {
    const view = await across();
    const teams = view.nineBox.gaps.dimensions.find((dimension) => dimension.id === "team")!;
    const gapOf = (team: string) => teams.groups.find((group) => group.value === team)?.gap;
    // Atlas is hidden (everyone less Borealis less it would give Cassini's two), so is its gap.
    expect(gapOf("Atlas")).toBeNull();
    expect(gapOf("Borealis")).toMatchObject({ performance: 0.6, potential: 0.4 });
    expect(gapOf("Borealis")!.gap).toBeCloseTo(0.2);
    expect(view.nineBox.gaps.total!.gap).toBeCloseTo(1 / 11);
    const performance = view.nineBox.audits[0]!.audit.dimensions.find(
      (dimension) => dimension.id === "team",
    )!;
    expect(performance.groups.find((group) => group.value === "Borealis")!.steps![0]).toMatchObject(
      { n: 10, successes: 6 },
    );

    const text = (html: string) =>
      html
        .replace(/<!-- -->/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/\s+/g, " ");
    const page = text(
      (
        await renderPage(
          acrossRoute as unknown as PageModule,
          "/promotions/audit",
          "/promotions/audit",
          admin.id,
        )
      ).html,
    );
    expect(page).toMatch(/Borealis 60% 40% 20 points lower on potential/);
    expect(page).toContain("but lower on potential, and potential is what promotions follow");
  });

  test("someone who left and came back ended their stay when they left: the return rewrites no figure read, and begins a stay of its own", async () => {
    // Of Atlas's first cohort, never promoted: gone after their year at ic2 was up (in that funnel), before their second (in neither).
    const leaver = generated.find(
      (entry) => entry.team === "Atlas" && entry.cohort === FIRST && !entry.promotedAt,
    )!.person;
    await db.user.update({ where: { id: leaver.id }, data: { deactivatedAt: daysAgo(200) } });
    const read = async () => (await across()).timeToPromotion;
    const before = await read();
    expect(before[1]!.audit.total.steps![0]).toMatchObject({ n: 11, successes: 6 });
    expect(await setPersonActive(admin.id, leaver.id, true)).toEqual({ ok: true });
    // The stay they left keeps the day it began (it was counted from it), and the new one counts from today, its year not up: read
    // today, every figure is as it was.
    expect(await read()).toEqual(before);
  });
});

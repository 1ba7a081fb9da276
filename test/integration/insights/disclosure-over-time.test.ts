import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { advanceSession } from "~/modules/calibration/sessions.server";
import { PULSE_BATCH } from "~/modules/conversations/pulse";
import { answerPulse } from "~/modules/conversations/pulse.server";
import { startSeries } from "~/modules/conversations/series.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { ANONYMITY_FLOOR } from "~/modules/feedback/anonymity";
import {
  answerPage,
  decideNomination,
  nominatePeer,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import * as fairnessRoute from "~/routes/calibration.$sessionId.fairness";
import * as csvRoute from "~/routes/insights.$file";
import * as personFeedbackRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import * as insightsRoute from "~/routes/insights._index";
import * as teamRoute from "~/routes/team";
import { seeded } from "../../../prisma/seed/random";
import { Attacker, changesWithFewerThan, finestGroups } from "../../utils/derive";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

/**
 * Product principle 7 over time: a reader who reads the same report at two moments subtracts one
 * reading from the other. Random organisations run one cycle whose sessions lock one after another;
 * between two locks someone moves team, someone joins and someone moves to another manager. After
 * every lock each role reads everything it can (an admin: the insights page, its CSVs and every
 * locked session's fairness report; a VP and a manager: the insights page and its CSVs over their
 * people), and
 * the attacker (rational elimination, independent of the app) combines every reading of every moment.
 * Who is in which row at a lock is known to the reader (teams and reporting lines are no secret);
 * each person's outcome from one session is a unit of its own, so a person in two sessions is two
 * units of one person, and floors count people. The calibration shift is read beside them and
 * attacked on its own (it measures final less proposed, which no outcome table releases). Answers
 * that arrive one at a time (the pulse, upward feedback) are read after each one.
 */

type Row = { id: string; members: string[]; shown: boolean };
type Person = { id: string; track: string; level: string };
/** What a reader knows of a person at a session's lock. */
type AtLock = { team: string | null; location: string | null; line: string };

const LEVELS: Record<string, string[]> = { ic: ["ic1", "ic2", "ic3", "ic4"], manager: ["m1"] };
const LOCATIONS = ["Berlin", "Lisbon"];
const unitOf = (cycleId: string, personId: string, sessionId: string) =>
  `${cycleId}/${personId}@${sessionId}`;
const personOfUnit = (unit: string) => unit.slice(unit.indexOf("/") + 1, unit.lastIndexOf("@"));

async function organisation(seed: number) {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const tag = uniqueEmail("time").split("@")[0]!;
  const admin = await createAdmin({ name: `Admin ${tag}` });
  const vp = await createPerson({ name: `VP ${tag}`, track: "manager", level: "m1" });
  const managers = [await createPerson({ name: `Outside ${tag}`, track: "manager", level: "m1" })];
  for (let index = 1; index < 3; index++)
    managers.push(
      await createPerson({
        name: `Manager ${index} ${tag}`,
        managerId: vp.id,
        track: "manager",
        level: "m1",
      }),
    );
  const teams = await Promise.all(
    Array.from({ length: 2 + Math.floor(random() * 2) }, (_, index) =>
      db.team.create({ data: { name: `Team ${index} ${tag}` } }),
    ),
  );
  const newPerson = async (index: number): Promise<Person> => {
    const track = random() < 0.85 ? "ic" : "manager";
    const level = pick(LEVELS[track]!);
    const location = random() < 0.85 ? pick(LOCATIONS) : null;
    const person = await createPerson({
      name: `Person ${index} ${tag}`,
      track,
      level,
      teamId: random() < 0.9 ? pick(teams).id : null,
      managerId: pick(managers).id,
      attributes: JSON.stringify(location ? { location } : {}),
    });
    return { id: person.id, track, level };
  };
  const people: Person[] = [];
  for (let index = 0; index < 12 + Math.floor(random() * 14); index++)
    people.push(await newPerson(index));
  const versionId = (await ladderForLevel("ic2"))!.versionId;
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Cycle ${tag}`,
      startsOn: new Date(Date.UTC(2026, 0, 1)),
      endsOn: new Date(Date.UTC(2026, 3, 1)),
    },
  });
  const sessionCount = 2 + Math.floor(random() * 2);
  const sessions: string[] = [];
  for (let s = 0; s < sessionCount; s++) {
    const session = await db.calibrationSession.create({
      data: {
        name: `Session ${s} ${tag}`,
        cycleId: cycle.id,
        facilitatorId: admin.id,
        state: "live",
        ladderId: "engineering",
        ladderVersionId: versionId,
        groupFloor: random() < 0.2 ? 5 : 4,
      },
    });
    sessions.push(session.id);
  }
  const calibrate = async (sessionId: string, members: readonly Person[]) => {
    const managerOf = new Map(
      (
        await db.user.findMany({
          where: { id: { in: members.map((person) => person.id) } },
          select: { id: true, managerId: true },
        })
      ).map((user) => [user.id, user.managerId]),
    );
    await db.calibrationEntry.createMany({
      data: members.map((person) => {
        const outcome = random() < 0.3 ? "promote" : random() < 0.8 ? "stay" : "not-ready";
        const rating = 1 + Math.floor(random() * 4);
        return {
          sessionId,
          personId: person.id,
          managerId: managerOf.get(person.id) ?? null,
          trackId: person.track,
          levelId: person.level,
          proposedRating: rating,
          proposedOutcome: outcome,
          finalRating: rating,
          finalOutcome: outcome,
        };
      }),
    });
  };
  for (const sessionId of sessions)
    await calibrate(
      sessionId,
      people.filter(() => random() < 0.55),
    );
  // Between two locks: a team move, one more person, a move to another manager, each in a session still to lock.
  const between = async (moment: number) => {
    const later = sessions.slice(moment + 1);
    if (!later.length) return;
    const mover = pick(people);
    await db.user.update({ where: { id: mover.id }, data: { teamId: pick(teams).id } });
    const joiner = await newPerson(100 + moment);
    people.push(joiner);
    await calibrate(pick(later), [joiner]);
    const transferred = pick(people);
    await db.user.update({ where: { id: transferred.id }, data: { managerId: pick(managers).id } });
    await rebuildReportingLine(db);
  };
  return { admin, vp, manager: managers[1]!, cycleId: cycle.id, sessions, between };
}

/** What anyone knows of a session's people as it locks: their team, their location and their reporting line. */
async function knownAtLock(sessionId: string): Promise<Map<string, AtLock>> {
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId },
    select: {
      personId: true,
      person: { select: { attributes: true, linePath: true, team: { select: { name: true } } } },
    },
  });
  return new Map(
    entries.map((entry) => [
      entry.personId,
      {
        team: entry.person.team?.name ?? null,
        location: (JSON.parse(entry.person.attributes) as { location?: string }).location ?? null,
        line: entry.person.linePath,
      },
    ]),
  );
}

type Reading = {
  personId: string;
  sessionId: string;
  managerId: string | null;
  level: string | null;
  track: string | null;
  at: AtLock;
};

const groupOf = (reading: Reading, dimension: string) =>
  dimension === "team"
    ? reading.at.team
    : dimension === "track"
      ? reading.track
      : dimension === "level"
        ? reading.level
        : dimension === "attribute:location"
          ? reading.at.location
          : null;

/** Each listed group of a dimension as a row (shown or not), and each group left out as a hidden row: a group is left out only below its floor. */
function groupRows(
  prefix: string,
  people: readonly Reading[],
  dimension: string,
  listed: ReadonlyMap<string, boolean>,
  unit: (reading: Reading) => string,
  floorOf: (unit: string) => number,
): Row[] {
  const groups = new Map<string, Reading[]>();
  for (const reading of people) {
    const value = groupOf(reading, dimension);
    if (value !== null) (groups.get(value) ?? groups.set(value, []).get(value)!).push(reading);
  }
  return [...groups].map(([value, members]) => {
    const units = members.map(unit);
    if (!listed.has(value))
      expect(units.length, `${prefix}=${value} left out`).toBeLessThan(
        Math.max(...units.map(floorOf)),
      );
    return { id: `${prefix}=${value}`, members: units, shown: listed.get(value) ?? false };
  });
}

type InsightsData = {
  shift: {
    n: number;
    meanShift: unknown;
    managers: { managerId: string; name: string; n: number; meanShift: unknown }[];
  };
  outcomesByCycle: { cycleId: string; name: string; n: number; rates: unknown }[];
  outcomesByGroup: {
    dimensions: {
      id: string;
      label: string;
      groups: { value: string; label: string; n: number; rates: unknown }[];
    }[];
  } | null;
};

/** The insights rows of the cycle as one reader reads them now: the page's data, and the CSVs they download, which must agree with it. */
async function insightsRows(
  moment: string,
  viewerId: string,
  cycleId: string,
  readings: readonly Reading[],
  floorOf: (unit: string) => number,
  csv: boolean,
): Promise<Row[]> {
  const view = bodyOf<InsightsData>(
    await insightsRoute.loader(
      routeArgs(await signedInRequest(`/insights?cycle=${cycleId}`, viewerId)),
    ),
  );
  // Insights counts each person's outcome from the session locked last among those they are in.
  const counted = new Map<string, Reading>();
  for (const reading of readings) counted.set(reading.personId, reading);
  const unit = (reading: Reading) => unitOf(cycleId, reading.personId, reading.sessionId);
  // The calibration shift over the same entries (every one has a proposal and a final outcome): everyone's, and each manager's.
  const shiftRows: Row[] = [
    { id: `${moment} shift`, members: readings.map(unit), shown: view.shift.meanShift !== null },
  ];
  expect(view.shift.n, `${moment} shift entries`).toBe(readings.length);
  for (const manager of view.shift.managers) {
    const members = readings.filter((reading) => reading.managerId === manager.managerId).map(unit);
    expect(manager.n, `${moment} shift ${manager.managerId}`).toBe(members.length);
    shiftRows.push({
      id: `${moment} shift ${manager.managerId}`,
      members,
      shown: manager.meanShift !== null,
    });
  }
  const read = async (file: string) => {
    const response = await csvRoute.loader(
      routeArgs(await signedInRequest(`/insights/${file}?cycle=${cycleId}`, viewerId), { file }),
    );
    const lines = (await response.text())
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    return { header: lines[0]!, lines: lines.slice(1) };
  };
  if (csv) {
    // The shift's CSV counts the same entries and gives a mean exactly where the page does.
    const shiftCsv = await read("calibration-shift.csv");
    for (const manager of [{ name: "Everyone", ...view.shift }, ...view.shift.managers]) {
      const line = shiftCsv.lines.find((candidate) => candidate[0] === manager.name);
      expect(line?.[1], `${moment} calibration-shift.csv ${manager.name}`).toBe(String(manager.n));
      expect(line![3] !== "", `${moment} calibration-shift.csv ${manager.name}`).toBe(
        manager.meanShift !== null,
      );
    }
  }
  const row = view.outcomesByCycle.find((candidate) => candidate.cycleId === cycleId);
  if (!row) return shiftRows;
  expect(row.n, `${moment} insights people`).toBe(counted.size);
  const rows: Row[] = [
    ...shiftRows,
    {
      id: `${moment} insights`,
      members: [...counted.values()].map(unit),
      shown: row.rates !== null,
    },
  ];
  for (const dimension of view.outcomesByGroup?.dimensions ?? []) {
    const listed = new Map(dimension.groups.map((group) => [group.value, group.rates !== null]));
    rows.push(
      ...groupRows(
        `${moment} insights ${dimension.id}`,
        [...counted.values()],
        dimension.id,
        listed,
        unit,
        floorOf,
      ),
    );
  }
  if (csv) {
    // A CSV row gives its counts exactly where the page shows the row: the same release.
    const byCycle = await read("outcomes-by-cycle.csv");
    const cycleLine = byCycle.lines.find(
      (line) => line[byCycle.header.indexOf("cycle")] === row.name,
    )!;
    expect(
      cycleLine[byCycle.header.indexOf("promoted")] !== "",
      `${moment} outcomes-by-cycle.csv`,
    ).toBe(row.rates !== null);
    const byGroup = await read("outcomes-by-group.csv");
    for (const dimension of view.outcomesByGroup?.dimensions ?? []) {
      for (const group of dimension.groups) {
        const line = byGroup.lines.find(
          (candidate) =>
            candidate[byGroup.header.indexOf("by")] === dimension.label &&
            candidate[byGroup.header.indexOf("group")] === group.label,
        );
        expect(
          line?.[byGroup.header.indexOf("people")],
          `${moment} outcomes-by-group.csv ${group.label}`,
        ).toBe(String(group.n));
        expect(
          line![byGroup.header.indexOf("promoted")] !== "",
          `${moment} outcomes-by-group.csv ${group.label}`,
        ).toBe(group.rates !== null);
      }
    }
  }
  return rows;
}

/** A locked session's fairness report, as its admin reads it: its total, its groups and each group's comparison with everyone else. */
async function fairnessRows(
  moment: string,
  adminId: string,
  cycleId: string,
  sessionId: string,
  readings: readonly Reading[],
  floorOf: (unit: string) => number,
): Promise<Row[]> {
  const report = bodyOf<{
    report: {
      meanRating: number | null;
      dimensions: {
        id: string;
        groups: {
          value: string;
          suppressed: boolean;
          ratingDifference: unknown;
          promotionDifference: unknown;
        }[];
      }[];
    };
  }>(
    await fairnessRoute.loader(
      routeArgs(await signedInRequest(`/calibration/${sessionId}/fairness`, adminId), {
        sessionId,
      }),
    ),
  ).report;
  const people = readings.filter((reading) => reading.sessionId === sessionId);
  const unit = (reading: Reading) => unitOf(cycleId, reading.personId, reading.sessionId);
  const rows: Row[] = [
    {
      id: `${moment} fairness ${sessionId}`,
      members: people.map(unit),
      shown: report.meanRating !== null,
    },
  ];
  for (const dimension of report.dimensions) {
    rows.push(
      ...groupRows(
        `${moment} fairness ${sessionId} ${dimension.id}`,
        people,
        dimension.id,
        new Map(dimension.groups.map((group) => [group.value, !group.suppressed])),
        unit,
        floorOf,
      ),
    );
    for (const group of dimension.groups) {
      const rest = people
        .filter((reading) => groupOf(reading, dimension.id) !== group.value)
        .map(unit);
      rows.push({
        id: `${moment} fairness ${sessionId} ${dimension.id}≠${group.value}`,
        members: rest,
        shown: group.ratingDifference !== null || group.promotionDifference !== null,
      });
    }
  }
  return rows;
}

/** Hidden rows about fewer people than their floor, and small groups of people sharing every row (alone, in pairs or threes), that the released rows give. */
function workedOut(rows: readonly Row[], floorOf: (unit: string) => number): string[] {
  const attacker = new Attacker(rows.filter((row) => row.shown).map((row) => row.members));
  const people = (units: readonly string[]) => new Set(units.map(personOfUnit)).size;
  const floor = (units: readonly string[]) => Math.max(...units.map(floorOf));
  const found = rows
    .filter(
      (row) =>
        !row.shown &&
        row.members.length &&
        people(row.members) < floor(row.members) &&
        attacker.derives(row.members),
    )
    .map((row) => row.id);
  const small = finestGroups(rows.map((row) => row.members)).filter(
    (group) => people(group) < floor(group),
  );
  for (let i = 0; i < small.length; i++) {
    for (let j = i; j < small.length; j++) {
      for (let k = j; k < small.length; k++) {
        const union = [
          ...new Set([...small[i]!, ...(j > i ? small[j]! : []), ...(k > j ? small[k]! : [])]),
        ];
        if (people(union) < floor(union) && attacker.derives(union))
          found.push(`the group ${union.join(" + ")}`);
      }
    }
  }
  return found;
}

describe("nothing hidden can be worked out from two readings", () => {
  test("as a cycle's sessions lock one after another (with a team move, a joiner and a new manager between locks), neither an admin, a VP nor a manager can work out a hidden figure from every reading together", async () => {
    let hiddenSeen = 0;
    let shownSeen = 0;
    // Seeds whose organisations gave hidden figures away when each reading was checked on its own.
    for (const seed of [16, 21, 22, 26, 28, 38]) {
      const org = await organisation(seed);
      const adminViewer = {
        id: org.admin.id,
        name: "Admin",
        email: "admin@example.com",
        isAdmin: true,
        isHiringAdmin: false,
      };
      const readings: Reading[] = [];
      const floors = new Map<string, number>();
      const floorOf = (unit: string) => floors.get(personOfUnit(unit)) ?? 4;
      const rows = { admin: [] as Row[], vp: [] as Row[], manager: [] as Row[] };
      for (const [moment, sessionId] of org.sessions.entries()) {
        await advanceSession(adminViewer, sessionId, "locked");
        const at = await knownAtLock(sessionId);
        const entries = await db.calibrationEntry.findMany({
          where: { sessionId },
          select: { personId: true, managerId: true, trackId: true, levelId: true },
        });
        for (const entry of entries)
          readings.push({
            personId: entry.personId,
            sessionId,
            managerId: entry.managerId,
            track: entry.trackId,
            level: entry.levelId,
            at: at.get(entry.personId)!,
          });
        // A person's floor is the highest of any session they are in, locked or not.
        for (const entry of await db.calibrationEntry.findMany({
          where: { session: { cycleId: org.cycleId } },
          select: { personId: true, session: { select: { groupFloor: true } } },
        })) {
          floors.set(
            entry.personId,
            Math.max(floors.get(entry.personId) ?? 4, entry.session.groupFloor),
          );
        }
        const label = `seed ${seed} lock ${moment + 1}`;
        rows.admin.push(
          ...(await insightsRows(label, org.admin.id, org.cycleId, readings, floorOf, true)),
        );
        for (const locked of org.sessions.slice(0, moment + 1))
          rows.admin.push(
            ...(await fairnessRows(label, org.admin.id, org.cycleId, locked, readings, floorOf)),
          );
        // A VP and a manager read the people of their organisation as they were at each lock.
        const under = (managerId: string) =>
          readings.filter((reading) => reading.at.line.includes(`/${managerId}/`));
        // Each downloads the page's CSVs too, over the same people.
        rows.vp.push(
          ...(await insightsRows(label, org.vp.id, org.cycleId, under(org.vp.id), floorOf, true)),
        );
        rows.manager.push(
          ...(await insightsRows(
            label,
            org.manager.id,
            org.cycleId,
            under(org.manager.id),
            floorOf,
            true,
          )),
        );
        await org.between(moment);
      }
      for (const [role, list] of Object.entries(rows)) {
        // The shift measures final less proposed, which no outcome table releases: each is attacked with its own kind.
        const shift = (row: Row) => row.id.includes(" shift");
        expect(
          workedOut(
            list.filter((row) => !shift(row)),
            floorOf,
          ),
          `seed ${seed}, ${role}`,
        ).toEqual([]);
        expect(workedOut(list.filter(shift), floorOf), `seed ${seed}, ${role}, shift`).toEqual([]);
        hiddenSeen += list.filter((row) => !row.shown).length;
        shownSeen += list.filter((row) => row.shown).length;
      }
      // The shift reads every cycle: the next organisation's is read alone.
      await db.calibrationEntry.deleteMany({ where: { session: { cycleId: org.cycleId } } });
    }
    // Plenty is both shown and hidden: the test passes neither on an empty release nor on a full one.
    expect(hiddenSeen).toBeGreaterThan(20);
    expect(shownSeen).toBeGreaterThan(20);
  }, 60_000);
});

/** The reviewer answers some of the competencies asked, each with a random rating and an example, and submits. */
/** Each request answered in a random order, the page read before any answer and after each: what a reader saw, and whose answer came before each reading. */
async function readAfterEachAnswer(
  random: () => number,
  requests: Parameters<typeof answerAtRandom>[1][],
  read: () => Promise<string>,
) {
  const order = requests
    .map((request) => ({ request, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.request);
  const before = await read();
  const readings: string[] = [];
  const authors: string[] = [];
  for (const [index, request] of order.entries()) {
    await answerAtRandom(random, request, index);
    readings.push(await read());
    authors.push(request.reviewer.id);
  }
  return { before, readings, authors };
}

async function answerAtRandom(
  random: () => number,
  request: { id: string; reviewer: { id: string; name: string; email: string; isAdmin: boolean } },
  minute: number,
) {
  const reviewer = { ...request.reviewer, isHiringAdmin: false };
  const page = await answerPage(reviewer, request.id);
  const answered = page.competencies.filter((_, index) => index === 0 || random() < 0.3);
  const changes = answered.flatMap((competency) => {
    const rating = 1 + Math.floor(random() * 4);
    return [
      { field: `rating:${competency.id}`, value: rating, base: null },
      {
        field: `notes:${competency.id}`,
        value: `Rated ${rating} after the March planning`,
        base: "",
      },
    ];
  });
  await saveAnswerDraft(reviewer, request.id, { baseRevision: page.request.revision, changes });
  await submitAnswer(
    reviewer,
    request.id,
    page.request.revision + 1,
    new Date(Date.UTC(2026, 4, 1, 9, minute)),
  );
}

describe("answers read one more at a time", () => {
  const DAY = 86_400_000;

  test("the pulse on the team page, read after every answer of random reports, moves only with the floor's worth of different reports since it last moved", async () => {
    let changes = 0;
    for (const seed of [1, 2, 3]) {
      const random = seeded(seed);
      const manager = await createPerson({
        name: `Pulse manager ${seed}`,
        track: "manager",
        level: "m1",
      });
      const series: { reportId: string; seriesId: string }[] = [];
      for (let index = 0; index < 4 + Math.floor(random() * 4); index++) {
        const report = await createPerson({
          name: `Report ${seed}.${index}`,
          track: "ic",
          level: "ic2",
          managerId: manager.id,
        });
        series.push({
          reportId: report.id,
          seriesId: await startSeries(
            { id: manager.id, isAdmin: false },
            {
              kind: "one-to-one",
              managerId: manager.id,
              reportId: report.id,
              cadence: "weekly",
              firstAt: new Date(Date.now() + 3 * DAY),
            },
            new Date(Date.now() - 400 * DAY),
          ),
        });
      }
      const read = async () =>
        JSON.stringify(
          bodyOf<{ conversations: { pulse: unknown } }>(
            await teamRoute.loader(routeArgs(await signedInRequest("/team", manager.id))),
          ).conversations.pulse,
        );
      const before = await read();
      const readings: string[] = [];
      const authors: string[] = [];
      for (let answer = 0; answer < 24; answer++) {
        const { reportId, seriesId } = series[Math.floor(random() * series.length)]!;
        await answerPulse(
          { id: reportId, isAdmin: false },
          seriesId,
          1 + Math.floor(random() * 5),
          new Date(Date.now() - (150 - answer * 5) * DAY),
        );
        readings.push(await read());
        authors.push(reportId);
      }
      expect(changesWithFewerThan(readings, authors, PULSE_BATCH, before), `seed ${seed}`).toEqual(
        [],
      );
      changes += new Set(readings).size;
    }
    // The pulse did move: the test is not passing on a page that never shows anything.
    expect(changes).toBeGreaterThan(3);
  });

  test("upward feedback, read by the manager's manager after every answer in a random order, moves only with the floor's worth of different reports since it last moved", async () => {
    let changes = 0;
    for (const seed of [1, 2]) {
      const random = seeded(seed);
      const boss = await createPerson({ name: `Boss ${seed}`, track: "manager", level: "m2" });
      const manager = await createPerson({
        name: `Manager ${seed}`,
        track: "manager",
        level: "m1",
        managerId: boss.id,
      });
      const reports = [];
      for (let index = 0; index < 9; index++)
        reports.push(
          await createPerson({
            name: `Report ${seed}.${index}`,
            track: "ic",
            level: "ic2",
            managerId: manager.id,
          }),
        );
      const admin = await createAdmin();
      const cycle = await db.reviewCycle.create({
        data: {
          name: `Upward ${seed} ${manager.id}`,
          startsOn: new Date("2026-01-01"),
          endsOn: new Date("2026-12-31"),
          participants: { create: [manager, ...reports].map((person) => ({ userId: person.id })) },
        },
      });
      await saveFeedbackSettings(
        admin,
        cycle.id,
        FeedbackSettingsSchema.parse({
          peer: false,
          upward: true,
          dueOn: "2099-06-30",
          minPeers: 3,
          maxPeers: 7,
          reviewCap: 5,
        }),
      );
      const requests = await db.feedbackRequest.findMany({
        where: { cycleId: cycle.id, channel: "upward", subjectId: manager.id },
        include: { reviewer: true },
      });
      const read = async () =>
        JSON.stringify(
          bodyOf<{ upward: unknown }>(
            await personFeedbackRoute.loader(
              routeArgs(
                await signedInRequest(`/feedback/cycles/${cycle.id}/people/${manager.id}`, boss.id),
                { cycleId: cycle.id, personId: manager.id },
              ),
            ),
          ).upward,
        );
      const { before, readings, authors } = await readAfterEachAnswer(random, requests, read);
      expect(
        changesWithFewerThan(readings, authors, SMALL_GROUP_FLOOR, before),
        `seed ${seed}`,
      ).toEqual([]);
      changes += new Set(readings).size;
    }
    expect(changes).toBeGreaterThan(2);
  });

  test("peer feedback, read by the person after their outcome's release as peers answer in a random order, moves only with the floor's worth of different peers since it last moved", async () => {
    let changes = 0;
    for (const seed of [1, 2]) {
      const random = seeded(seed);
      const manager = await createPerson({
        name: `Peer manager ${seed}`,
        track: "manager",
        level: "m1",
      });
      const person = await createPerson({
        name: `Asked about ${seed}`,
        track: "ic",
        level: "ic2",
        managerId: manager.id,
      });
      const peers = [];
      for (let index = 0; index < 7; index++)
        peers.push(
          await createPerson({
            name: `Peer ${seed}.${index}`,
            track: "ic",
            level: "ic2",
            managerId: manager.id,
          }),
        );
      const admin = await createAdmin();
      const cycle = await db.reviewCycle.create({
        data: {
          name: `Peers ${seed} ${person.id}`,
          startsOn: new Date("2026-01-01"),
          endsOn: new Date("2026-12-31"),
          participants: {
            create: [manager, person, ...peers].map((member) => ({ userId: member.id })),
          },
        },
      });
      await saveFeedbackSettings(
        admin,
        cycle.id,
        FeedbackSettingsSchema.parse({
          peer: true,
          upward: false,
          dueOn: "2099-06-30",
          minPeers: 3,
          maxPeers: 7,
          reviewCap: 5,
        }),
      );
      const requestIds: string[] = [];
      for (const peer of peers) {
        const nominated = await nominatePeer(
          { ...person, isHiringAdmin: false },
          cycle.id,
          person.id,
          peer.id,
        );
        if (!nominated.ok) throw new Error(nominated.message.key);
        await decideNomination(
          { ...manager, isHiringAdmin: false },
          nominated.requestId,
          "approve",
          null,
        );
        requestIds.push(nominated.requestId);
      }
      // The person's outcome is released while peers still answer.
      const { ladderVersionId } = await db.feedbackRequest.findUniqueOrThrow({
        where: { id: requestIds[0]! },
        select: { ladderVersionId: true },
      });
      const session = await db.calibrationSession.create({
        data: {
          name: `Peers ${seed}`,
          cycleId: cycle.id,
          facilitatorId: admin.id,
          state: "published",
          ladderId: "engineering",
          ladderVersionId,
          groupFloor: 4,
        },
      });
      await db.calibrationEntry.create({
        data: { sessionId: session.id, personId: person.id, managerId: manager.id, released: true },
      });
      const requests = await db.feedbackRequest.findMany({
        where: { id: { in: requestIds } },
        include: { reviewer: true },
      });
      const read = async () => {
        const body = bodyOf<{ peer: unknown; requests: unknown }>(
          await personFeedbackRoute.loader(
            routeArgs(
              await signedInRequest(`/feedback/cycles/${cycle.id}/people/${person.id}`, person.id),
              { cycleId: cycle.id, personId: person.id },
            ),
          ),
        );
        return JSON.stringify({ peer: body.peer, requests: body.requests });
      };
      const { before, readings, authors } = await readAfterEachAnswer(random, requests, read);
      expect(
        changesWithFewerThan(readings, authors, ANONYMITY_FLOOR, before),
        `seed ${seed}`,
      ).toEqual([]);
      changes += new Set(readings).size;
    }
    expect(changes).toBeGreaterThan(2);
  });
});

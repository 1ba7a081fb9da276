import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { removeInterview } from "~/modules/hiring/loops.server";
import { createOpening, saveStage } from "~/modules/hiring/openings.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { reactivatePerson } from "~/modules/people/service.server";
import * as insightsRoute from "~/routes/insights._index";
import { seeded } from "../../../prisma/seed/random";
import { changesWithFewerThan, hiddenValuesFound } from "../../utils/derive";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

/**
 * Product principle 7 over time, for reports over people rather than answers (decision 075): time in
 * level, mentoring and the hiring funnel change as people arrive, are promoted, leave or are reviewed,
 * and as candidates move (and as the reader is put on a candidate's panel and taken off it). This
 * file's organisation starts empty and is read after every change, made one at a time in a random
 * order, each dated after the one before: whatever a reader reads of a row may change only once the
 * floor's worth of different people changed it since it last changed.
 */

const DAY = 86_400_000;
const LEVEL_ORDER = ["ic1", "ic2", "ic3", "ic4"];
type Level = {
  n: unknown;
  promotions: unknown;
  unknownStarts: unknown;
  suppressed: boolean;
  median: unknown;
  medianInterval: unknown;
  points: unknown;
  level: string;
};
type View = {
  timeInLevel: { track: string; levels: Level[] }[];
  mentoring: unknown;
  hiring: { candidates: number; funnel: unknown } | null;
};
const view = async (viewerId: string) =>
  bodyOf<View>(await insightsRoute.loader(routeArgs(await signedInRequest("/insights", viewerId))));

/** The additive figures of a level as read (levelFigures): its stays, promotions and stays of unknown start. */
function levelCounts(reading: string): Record<string, number | null> {
  const figures =
    reading === "nothing" ? null : (JSON.parse(reading) as Record<string, number | null>);
  return {
    n: figures?.n ?? null,
    promotions: figures?.promotions ?? null,
    unknownStarts: figures?.unknownStarts ?? null,
  };
}

/** The additive figures of mentoring as read: its counts, and each mean times the mentees it is over. */
function mentoringSums(reading: string): Record<string, number | null> {
  const read = JSON.parse(reading) as {
    mentees: number;
    goals: number | null;
    comparisonPeople: number;
    menteeChange: { estimate: number } | null;
    comparisonChange: { estimate: number } | null;
    difference: { estimate: number } | null;
  };
  const times = (mean: { estimate: number } | null) => (mean ? mean.estimate * read.mentees : null);
  return {
    mentees: read.mentees,
    goals: read.goals,
    comparisonPeople: read.comparisonPeople,
    menteeChange: times(read.menteeChange),
    comparisonChange: times(read.comparisonChange),
    difference: times(read.difference),
  };
}

/** The funnel's counts as read, stage by stage. */
function funnelCounts(reading: string): Record<string, number | null> {
  const read = JSON.parse(reading) as {
    candidates: number;
    funnel: Record<string, number | string | boolean | null>[];
  } | null;
  if (!read) return {};
  const counts: Record<string, number | null> = { candidates: read.candidates };
  for (const row of read.funnel)
    for (const part of ["reached", "movedOn", "rejected", "open"])
      counts[`${String(row.stage)}:${part}`] = row[part] as number | null;
  return counts;
}

/** A level's figures as read: nothing measured when hidden or not listed. */
function levelFigures(read: View, key: string): string {
  const level = read.timeInLevel
    .flatMap((track) =>
      track.levels.map((entry) => ({ key: `${track.track}/${entry.level}`, entry })),
    )
    .find((entry) => entry.key === key)?.entry;
  return level && !level.suppressed
    ? JSON.stringify({
        n: level.n,
        promotions: level.promotions,
        unknownStarts: level.unknownStarts,
        median: level.median,
        medianInterval: level.medianInterval,
        points: level.points,
      })
    : "nothing";
}

describe("reports read after every change of one person", () => {
  test("time in level, read by an admin and by a manager as people arrive, are promoted, leave, come back, have a level since learned of late and move into or out of the manager's organisation, moves at each level only with the floor's worth of different people there", async () => {
    const admin = await createAdmin();
    const keys = LEVEL_ORDER.map((level) => `ic/${level}`);
    const first = await view(admin.id);
    const adminReadings = new Map(keys.map((key) => [key, [] as string[]]));
    const adminAuthors = new Map(keys.map((key) => [key, [] as (string | null)[]]));
    let changes = 0;
    for (const seed of [1, 2]) {
      const random = seeded(seed);
      const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
      const manager = await createPerson({
        name: `Levels manager ${seed}`,
        track: "manager",
        level: "m1",
      });
      const elsewhere = await createPerson({
        name: `Manager elsewhere ${seed}`,
        track: "manager",
        level: "m1",
      });
      // `levels`: every level the person stayed at, which a move in or out of the manager's organisation takes with them.
      const people: { id: string; level: string; levels: string[]; inside: boolean }[] = [];
      const inside = () => people.filter((person) => person.inside);
      // Before anyone reports to them the manager has no page: nothing read. Each change is recorded as it happens, after everything already read.
      const arrive = async () => {
        const level = pick(LEVEL_ORDER.slice(0, 3));
        const person = await createPerson({
          track: "ic",
          level,
          managerId: manager.id,
          createdAt: new Date(),
        });
        people.push({ id: person.id, level, levels: [level], inside: true });
        return { author: person.id, touched: [level], byAdmin: true, byManager: true };
      };
      const promotable = () => people.filter((candidate) => candidate.level !== "ic4");
      const promote = async () => {
        const person = pick(promotable());
        const to = LEVEL_ORDER[LEVEL_ORDER.indexOf(person.level) + 1]!;
        // As every writer does: the change keeps the level since it ends, and the new level has none.
        const { levelSince } = await db.user.findUniqueOrThrow({
          where: { id: person.id },
          select: { levelSince: true },
        });
        await db.levelChange.create({
          data: {
            personId: person.id,
            fromTrackId: "ic",
            fromLevelId: person.level,
            toTrackId: "ic",
            toLevelId: to,
            source: "promoted",
            fromSince: levelSince,
            changedAt: new Date(),
          },
        });
        await db.user.update({ where: { id: person.id }, data: { level: to, levelSince: null } });
        const from = person.level;
        person.level = to;
        person.levels.push(to);
        return { author: person.id, touched: [from, to], byAdmin: true, byManager: person.inside };
      };
      // A level since learned of late: the stay at their level began long before Rungs recorded it, written as the person form writes it.
      const backdate = async () => {
        const person = pick(people);
        const current = await db.user.findUniqueOrThrow({
          where: { id: person.id },
          select: { levelSince: true },
        });
        const levelSince = new Date(Date.UTC(2020, 0, 1 + Math.floor(random() * 1000)));
        await db.levelChange.create({
          data: {
            personId: person.id,
            fromTrackId: "ic",
            fromLevelId: person.level,
            toTrackId: "ic",
            toLevelId: person.level,
            source: "level-since",
            fromSince: current.levelSince,
            changedAt: new Date(),
          },
        });
        await db.user.update({ where: { id: person.id }, data: { levelSince } });
        return {
          author: person.id,
          touched: [person.level],
          byAdmin: true,
          byManager: person.inside,
        };
      };
      // Nobody leaves or moves out who is the last in the manager's organisation: the manager keeps a page.
      const leaving = () => people.filter((candidate) => !candidate.inside || inside().length > 1);
      const left: typeof people = [];
      const leave = async () => {
        const person = pick(leaving());
        people.splice(people.indexOf(person), 1);
        left.push(person);
        await db.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
        return {
          author: person.id,
          touched: [person.level],
          byAdmin: true,
          byManager: person.inside,
        };
      };
      // Back at the level they left, as the admin's page and SCIM reactivate.
      const reactivate = async () => {
        const person = pick(left);
        left.splice(left.indexOf(person), 1);
        people.push(person);
        expect(
          await db.$transaction((tx) => reactivatePerson(tx, { actorId: admin.id }, person.id)),
        ).toBe(true);
        return {
          author: person.id,
          touched: [person.level],
          byAdmin: true,
          byManager: person.inside,
        };
      };
      // Out to a manager outside the organisation, or back in.
      const move = async () => {
        const person = pick(leaving());
        person.inside = !person.inside;
        const [from, to] = person.inside ? [elsewhere.id, manager.id] : [manager.id, elsewhere.id];
        await db.managerChange.create({
          data: {
            personId: person.id,
            fromManagerId: from,
            toManagerId: to,
            changedAt: new Date(),
          },
        });
        await db.user.update({ where: { id: person.id }, data: { managerId: to } });
        await rebuildReportingLine(db);
        return { author: person.id, touched: person.levels, byAdmin: false, byManager: true };
      };
      const readings = new Map(keys.map((key) => [key, [] as string[]]));
      const authors = new Map(keys.map((key) => [key, [] as (string | null)[]]));
      for (let index = 0; index < 48; index++) {
        const possible = [
          arrive,
          backdate,
          ...(promotable().length ? [promote] : []),
          ...(leaving().length ? [leave, move] : []),
          ...(left.length ? [reactivate] : []),
        ];
        const {
          author,
          touched,
          byAdmin: seenByAdmin,
          byManager: seenByManager,
        } = await (index < 10 ? arrive : pick(possible))();
        const [byAdmin, byManager] = [await view(admin.id), await view(manager.id)];
        for (const key of keys) {
          const by = touched.some((level) => key === `ic/${level}`) ? author : null;
          authors.get(key)!.push(seenByManager ? by : null);
          adminAuthors.get(key)!.push(seenByAdmin ? by : null);
          readings.get(key)!.push(levelFigures(byManager, key));
          adminReadings.get(key)!.push(levelFigures(byAdmin, key));
        }
      }
      for (const [key, list] of readings) {
        expect(
          changesWithFewerThan(list, authors.get(key)!, SMALL_GROUP_FLOOR, "nothing"),
          `seed ${seed}, manager, ${key}`,
        ).toEqual([]);
        expect(
          hiddenValuesFound(list, authors.get(key)!, "nothing", levelCounts),
          `seed ${seed}, manager, ${key}`,
        ).toEqual([]);
        changes += new Set(list).size - 1;
      }
    }
    // The admin reads everyone: every change of both organisations, in one sequence.
    for (const [key, list] of adminReadings) {
      expect(
        changesWithFewerThan(
          list,
          adminAuthors.get(key)!,
          SMALL_GROUP_FLOOR,
          levelFigures(first, key),
        ),
        `admin, ${key}`,
      ).toEqual([]);
      expect(
        hiddenValuesFound(list, adminAuthors.get(key)!, levelFigures(first, key), levelCounts),
        `admin, ${key}`,
      ).toEqual([]);
    }
    // Levels did move: the test does not pass on a page that never shows anything.
    expect(changes).toBeGreaterThan(3);
  });

  test("mentoring, read by an admin as people are reviewed and pairs begin, moves only with the floor's worth of different people on one side (mentees or the people they are compared with)", async () => {
    const random = seeded(5);
    const admin = await createAdmin();
    const manager = await createPerson({
      name: "Mentoring manager",
      track: "manager",
      level: "m1",
    });
    const versionId = (await ladderForLevel("ic2"))!.versionId;
    const programme = await db.mentorshipProgramme.create({
      data: {
        name: "Mentoring over time",
        ladderId: "engineering",
        startsOn: new Date(Date.now() - 220 * DAY),
        endsOn: new Date(Date.now() + 60 * DAY),
        matchingOn: new Date(Date.now() - 210 * DAY),
      },
    });
    // Who is a mentee is settled before anything is reviewed: opting in is no dated change.
    const mentees: string[] = [];
    for (let index = 0; index < 7; index++) {
      const mentee = await createPerson({ track: "ic", level: "ic2", managerId: manager.id });
      await db.mentorshipParticipant.create({
        data: {
          programmeId: programme.id,
          userId: mentee.id,
          role: "mentee",
          competencies: JSON.stringify(["testing"]),
        },
      });
      mentees.push(mentee.id);
    }
    const comparable: string[] = [];
    for (let index = 0; index < 8; index++)
      comparable.push(
        (await createPerson({ track: "ic", level: "ic2", managerId: manager.id })).id,
      );
    const read = async () => JSON.stringify((await view(admin.id)).mentoring);
    const before = await read();
    const readings: string[] = [];
    const authors: string[] = [];
    const changed = async (author: string) => {
      readings.push(await read());
      authors.push(author);
    };
    const review = async (subjectId: string, daysAgo: number, rating: number) => {
      await db.assessment.create({
        data: {
          kind: "manager",
          status: "submitted",
          subjectId,
          authorId: manager.id,
          ladderVersionId: versionId,
          trackId: "ic",
          levelId: "ic2",
          submittedAt: new Date(Date.now() - daysAgo * DAY),
          ratings: { create: [{ competencyId: "testing", rating }] },
        },
      });
      await changed(subjectId);
    };
    // Each side's changes come in the order of their dates.
    for (const person of comparable) await review(person, 300, 2);
    for (const person of comparable) await review(person, 150, 2 + Math.floor(random() * 2));
    for (const mentee of mentees) await review(mentee, 300, 2);
    for (const mentee of mentees) {
      await db.mentorshipPair.create({
        data: {
          programmeId: programme.id,
          menteeId: mentee,
          mentorId: manager.id,
          status: "active",
          source: "proposed",
          fit: 1,
          factors: "[]",
          activeSince: new Date(Date.now() - 200 * DAY),
        },
      });
      await changed(mentee);
    }
    // A mentee's goal moves in a new review; then the people they are compared with are reviewed again.
    for (let index = 0; index < 14; index++)
      await review(
        mentees[Math.floor(random() * mentees.length)]!,
        100 - index,
        1 + Math.floor(random() * 4),
      );
    for (let index = 0; index < 14; index++)
      await review(
        comparable[Math.floor(random() * comparable.length)]!,
        80 - index,
        1 + Math.floor(random() * 4),
      );
    expect(changesWithFewerThan(readings, authors, SMALL_GROUP_FLOOR, before)).toEqual([]);
    expect(hiddenValuesFound(readings, authors, before, mentoringSums)).toEqual([]);
    expect(new Set(readings).size).toBeGreaterThan(3);
  });

  test("the hiring funnel, read by an admin as candidates arrive and move stage by stage, and as she is put on a candidate's panel and taken off it before her card, moves only with the floor's worth of different candidates", async () => {
    const random = seeded(9);
    const admin = await createAdmin();
    const asAdmin = {
      id: admin.id,
      name: admin.name,
      email: admin.email,
      isAdmin: true,
      isHiringAdmin: false,
    };
    const opening = await createOpening(asAdmin, {
      title: "Engineer",
      ladderId: "engineering",
      levelId: "ic3",
      adminEmails: [],
      starterPlan: false,
    });
    if (!opening.ok) throw new Error(JSON.stringify(opening.fieldErrors));
    expect(
      await saveStage(asAdmin, opening.openingId, {
        name: "Coding",
        competencyIds: ["code-quality"],
      }),
    ).toEqual({ ok: true });
    const stage = await db.hiringStage.findFirstOrThrow({
      where: { openingId: opening.openingId },
      select: { id: true },
    });
    const next: Record<string, string> = {
      screen: "interviews",
      interviews: "offer",
      offer: "hired",
    };
    const candidates: { id: string; stage: string }[] = [];
    let day = 0;
    const at = () => new Date(Date.now() - (200 - day++) * DAY);
    const read = async () => JSON.stringify((await view(admin.id)).hiring);
    const before = await read();
    const readings: string[] = [];
    const authors: string[] = [];
    // Her seat on one candidate's panel at a time: the candidate's moves made during it are hers to read from when she is taken off.
    let seat: { candidateId: string; loopId: string; interviewId: string } | null = null;
    for (let index = 0; index < 48; index++) {
      const open = candidates.filter((candidate) => next[candidate.stage]);
      const chance = random();
      if (seat && chance < 0.15) {
        await removeInterview(asAdmin, seat.loopId, seat.interviewId, at());
        authors.push(seat.candidateId);
        seat = null;
      } else if (!seat && open.length && chance < 0.15) {
        const candidate = open[Math.floor(random() * open.length)]!;
        const loop = await db.hiringLoop.create({
          data: { openingId: opening.openingId, candidateId: candidate.id },
        });
        const interview = await db.hiringInterview.create({
          data: { loopId: loop.id, stageId: stage.id, interviewerId: admin.id, createdAt: at() },
        });
        seat = { candidateId: candidate.id, loopId: loop.id, interviewId: interview.id };
        authors.push(candidate.id);
      } else if (!open.length || random() < 0.3) {
        const candidate = await db.hiringCandidate.create({
          data: { name: `Candidate ${candidates.length}` },
        });
        await db.hiringPipelineMove.create({
          data: { candidateId: candidate.id, fromStage: null, toStage: "screen", movedAt: at() },
        });
        candidates.push({ id: candidate.id, stage: "screen" });
        authors.push(candidate.id);
      } else {
        const candidate = open[Math.floor(random() * open.length)]!;
        const to = random() < 0.25 ? "rejected" : next[candidate.stage]!;
        await db.hiringPipelineMove.create({
          data: {
            candidateId: candidate.id,
            fromStage: candidate.stage,
            toStage: to,
            movedAt: at(),
          },
        });
        candidate.stage = to;
        authors.push(candidate.id);
      }
      readings.push(await read());
    }
    expect(changesWithFewerThan(readings, authors, SMALL_GROUP_FLOOR, before)).toEqual([]);
    expect(hiddenValuesFound(readings, authors, before, funnelCounts)).toEqual([]);
    expect(new Set(readings).size).toBeGreaterThan(3);
  });
});

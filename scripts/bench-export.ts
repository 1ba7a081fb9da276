/**
 * `npm run bench:export [-- --people <n>] [--years <n>] [--database postgresql://…] [--keep]`:
 * what a person's export (decision 087) costs for someone with years of history.
 *
 * Imports an organisation (300 people by default) into a new SQLite file under the system's
 * temporary folder (or, with `--database`, a new database on that PostgreSQL server, dropped at the
 * end unless --keep), gives everyone half-yearly review cycles over the years asked (6 by default:
 * self-assessments and manager reviews, with evidence) and 1,500 past hiring loops among them, then
 * gives one person the rest of a long history: every cycle's peer feedback about them and by them,
 * a released calibration outcome per cycle, weekly one-to-ones with two managers in turn (points,
 * actions, shared and private notes of both sides) and monthly skip-levels, recorded evidence, a
 * growth plan, mentoring as a mentee and then as a mentor, promotion nominations with released
 * decisions, and a few thousand audit events about them.
 *
 * Then the export is started as the person starts it and built as the background job builds it
 * (`buildWaitingExports`), in a process of its own so its peak memory is the build's: wall time,
 * CPU time, memory before and at its peak, the archive's size, and the rows of each kind it holds.
 * A measurement, not a test: it exits 0 whatever the figures.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "300" },
    years: { type: "string", default: "6" },
    database: { type: "string" },
    keep: { type: "boolean", default: false },
    // Internal: the build alone, in the child process, against the database the parent seeded.
    "build-only": { type: "string" },
  },
});

if (values["build-only"]) {
  await buildOnly(values["build-only"]);
  process.exit(0);
}

const size = Number(values.people);
const years = Number(values.years);
if (
  !Number.isInteger(size) ||
  size < 50 ||
  size > 20_000 ||
  !Number.isInteger(years) ||
  years < 1 ||
  years > 10
) {
  console.error(
    "usage: npm run bench:export [-- --people <50-20000>] [--years <1-10>] [--database postgresql://…] [--keep]",
  );
  process.exit(1);
}
const postgresServer = values.database;
if (postgresServer !== undefined && !/^postgres(ql)?:\/\//.test(postgresServer)) {
  console.error(
    "--database must be a postgresql:// URL of a server whose role may create databases",
  );
  process.exit(1);
}
const folder = mkdtempSync(path.join(os.tmpdir(), "rungs-export-"));
const benchDatabaseName = `rungs_bench_export_${Date.now()}`;
const databaseUrl = postgresServer
  ? withDatabaseName(postgresServer, benchDatabaseName)
  : `file:${path.join(folder, "bench.db")}`;
Object.assign(process.env, { DATABASE_URL: databaseUrl, SEED_DEMO: "false" });

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const started = performance.now();
const step = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

const { applyMigrations } = await import("../app/db/migrate.server.ts");
await applyMigrations(databaseUrl, { onApplied: () => {} });
const { db } = await import("../app/db/client.server.ts");
const { importPeople } = await import("../app/modules/people/import.server.ts");
const { toCsv } = await import("../prisma/seed/demo-organisation.ts");
const { largeOrganisation } = await import("../prisma/seed/large-organisation.ts");
const { seedReviewHistory } = await import("../prisma/seed/review-history.ts");
const { seedHiringHistory } = await import("../prisma/seed/hiring-history.ts");
const { servedLadderVersion } = await import("../app/modules/ladders/registry.server.ts");
const { startExport } = await import("../app/modules/data-rights/exports.server.ts");
// The export's sections are the modules' own, which the workflows register.
await import("../app/modules/workflows.server.ts");
const { readerOf } = await import("../app/modules/data-rights/collect.server.ts");

try {
  const imported = await importPeople(toCsv(largeOrganisation(size, 1)), {
    actorId: null,
    dryRun: false,
  });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors.slice(0, 5)));
  step(`${size} people imported (${postgresServer ? "PostgreSQL" : "SQLite"})`);
  const cycles = years * 2;
  const reviews = await seedReviewHistory({ cycles, seed: 7, now });
  step(
    `${reviews.cycles} review cycles: ${reviews.assessments.toLocaleString("en-GB")} assessments, ${reviews.ratings.toLocaleString("en-GB")} ratings`,
  );

  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  const select = {
    id: true,
    name: true,
    email: true,
    managerId: true,
    level: true,
    track: true,
  } as const;
  // A senior engineer with a manager and teammates: one with the longest history an IC has.
  const person = await db.user.findFirstOrThrow({
    where: {
      deactivatedAt: null,
      track: "ic",
      level: { in: ["ic3", "ic4"] },
      manager: { managerId: { not: null } },
    },
    orderBy: { email: "asc" },
    select,
  });
  const manager = await db.user.findUniqueOrThrow({ where: { id: person.managerId! }, select });
  const skip = await db.user.findUniqueOrThrow({ where: { id: manager.managerId! }, select });
  const formerManager = await db.user.findFirstOrThrow({
    where: { deactivatedAt: null, track: "manager", id: { notIn: [manager.id, skip.id] } },
    orderBy: { email: "asc" },
    select,
  });
  const colleagues = await db.user.findMany({
    where: { deactivatedAt: null, track: "ic", id: { not: person.id } },
    orderBy: { email: "asc" },
    take: 12,
    select,
  });

  const hiring = await seedHiringHistory({
    loops: 1500,
    interviewers: size,
    adminId: skip.id,
    now,
  });
  step(
    `hiring: ${hiring.loops.toLocaleString("en-GB")} loops, ${hiring.cards.toLocaleString("en-GB")} scorecards`,
  );

  const counts = await seedPersonsHistory({
    person,
    manager,
    skip,
    formerManager,
    colleagues,
    versionId: served.versionId,
  });
  step(
    `${person.name}'s own history: ${Object.entries(counts)
      .map(([kind, count]) => `${count.toLocaleString("en-GB")} ${kind}`)
      .join(", ")}`,
  );

  const exportId = await startExport(readerOf(person), person.id);
  await db.$disconnect();
  step(`export ${exportId} queued for ${person.name}; building in a process of its own`);

  const child = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, "--build-only", exportId],
    { env: process.env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0)
    throw new Error(`the build's process ended with ${child.status}: ${child.stdout}`);
  const figures = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as BuildFigures;
  report(figures, { people: size, years, personName: person.name });
} finally {
  await db.$disconnect().catch(() => undefined);
  if (values.keep) step(`kept ${postgresServer ? `database ${benchDatabaseName}` : folder}`);
  else {
    rmSync(folder, { recursive: true, force: true });
    if (postgresServer) await dropDatabase(postgresServer);
  }
}
process.exit(0);

/** The person's history beyond the organisation-wide cycles and hiring: rows written in bulk, as their services would leave them. */
type Someone = { id: string; name: string; level: string | null };
async function seedPersonsHistory(cast: {
  person: Someone;
  manager: Someone;
  skip: Someone;
  formerManager: Someone;
  colleagues: Someone[];
  versionId: string;
}): Promise<Record<string, number>> {
  const { person, manager, skip, formerManager, colleagues, versionId } = cast;
  const counts: Record<string, number> = {};
  const add = (kind: string, count: number) => (counts[kind] = (counts[kind] ?? 0) + count);
  const pastCycles = await db.reviewCycle.findMany({
    where: { closedAt: { not: null } },
    orderBy: { endsOn: "asc" },
    select: { id: true, name: true, endsOn: true, closedAt: true },
  });

  // Peer feedback in every cycle: four colleagues about the person, the person about three colleagues.
  const selfAssessments = await db.assessment.findMany({
    where: {
      kind: "self",
      subjectId: { in: [person.id, ...colleagues.map((colleague) => colleague.id)] },
    },
    select: {
      cycleId: true,
      subjectId: true,
      ladderVersionId: true,
      trackId: true,
      levelId: true,
      ratings: { select: { competencyId: true } },
    },
  });
  const asked = (cycleId: string, subjectId: string) =>
    selfAssessments.find(
      (assessment) => assessment.cycleId === cycleId && assessment.subjectId === subjectId,
    );
  const requests: {
    id: string;
    cycleId: string;
    channel: string;
    subjectId: string;
    reviewerId: string;
    nominatedById: string;
    state: string;
    dueOn: Date;
    ladderVersionId: string;
    trackId: string;
    levelId: string;
    competencyIds: string;
    decidedAt: Date;
    submittedAt: Date;
    revision: number;
  }[] = [];
  const answers: { requestId: string; competencyId: string; rating: number; example: string }[] =
    [];
  for (const [index, cycle] of pastCycles.entries()) {
    await db.feedbackSettings.create({
      data: {
        cycleId: cycle.id,
        peer: true,
        upward: false,
        minPeers: 3,
        maxPeers: 5,
        nominator: "person",
        dueOn: cycle.endsOn,
        competencies: "level",
        answerKind: "rating",
        namesShown: "never",
        reviewCap: 5,
        secret: randomUUID(),
      },
    });
    const pairs = [
      ...colleagues
        .slice(index % 4, (index % 4) + 4)
        .map((reviewer) => [person.id, reviewer.id] as const),
      ...colleagues.slice(8, 11).map((subject) => [subject.id, person.id] as const),
    ];
    for (const [subjectId, reviewerId] of pairs) {
      const assessment = asked(cycle.id, subjectId);
      if (!assessment) continue;
      const id = randomUUID();
      const competencyIds = assessment.ratings.map((rating) => rating.competencyId);
      requests.push({
        id,
        cycleId: cycle.id,
        channel: "peer",
        subjectId,
        reviewerId,
        nominatedById: subjectId,
        state: "submitted",
        dueOn: cycle.endsOn,
        ladderVersionId: assessment.ladderVersionId,
        trackId: assessment.trackId,
        levelId: assessment.levelId,
        competencyIds: JSON.stringify(competencyIds),
        decidedAt: new Date(cycle.endsOn.getTime() - 20 * DAY),
        submittedAt: new Date(cycle.endsOn.getTime() - 5 * DAY),
        revision: 3,
      });
      for (const [position, competencyId] of competencyIds.entries())
        answers.push({
          requestId: id,
          competencyId,
          rating: 2 + ((position + index) % 3),
          example: `In the ${cycle.name}, a concrete example on ${competencyId}: what they did, what came of it, and what would make it stronger next time.`,
        });
    }
  }
  await db.feedbackRequest.createMany({ data: requests });
  await db.feedbackAnswer.createMany({ data: answers });
  add("feedback requests", requests.length);
  add("feedback answers", answers.length);

  // A released calibration outcome per cycle, for the person and their teammates.
  const team = await db.user.findMany({
    where: { managerId: manager.id, deactivatedAt: null },
    select: { id: true },
  });
  for (const [index, cycle] of pastCycles.entries()) {
    const session = await db.calibrationSession.create({
      data: {
        name: `${cycle.name} calibration`,
        cycleId: cycle.id,
        facilitatorId: skip.id,
        state: "published",
        ladderId: "engineering",
        ladderVersionId: versionId,
        groupFloor: 4,
      },
    });
    await db.calibrationEntry.createMany({
      data: team.map((member) => ({
        sessionId: session.id,
        personId: member.id,
        managerId: manager.id,
        released: true,
        finalRating: 2 + (index % 3),
        finalOutcome: "stay",
        proposedRating: 3,
        proposedOutcome: "stay",
        rationale: "At the bar for the level this cycle; see the review's evidence.",
      })),
    });
    add("calibration entries", team.length);
  }

  // One-to-ones: weekly with the former manager for the first half of the years, then with the
  // current one up to now; monthly skip-levels with the manager's manager throughout.
  const half = Math.round((years * 52) / 2);
  const seriesPlans = [
    {
      kind: "one-to-one",
      managerId: formerManager.id,
      cadence: "weekly",
      from: years * 52,
      to: half,
      step: WEEK,
    },
    { kind: "one-to-one", managerId: manager.id, cadence: "weekly", from: half, to: 0, step: WEEK },
    {
      kind: "skip-level",
      managerId: skip.id,
      cadence: "monthly",
      from: years * 52,
      to: 0,
      step: 4 * WEEK,
    },
  ];
  for (const plan of seriesPlans) {
    const anchorAt = new Date(now.getTime() - plan.from * WEEK);
    const ended = plan.to > 0;
    const series = await db.conversationSeries.create({
      data: {
        kind: plan.kind,
        managerId: plan.managerId,
        reportId: person.id,
        cadence: plan.cadence,
        timeZone: "Europe/London",
        anchorAt,
        createdById: plan.managerId,
        endedAt: ended ? new Date(now.getTime() - plan.to * WEEK) : null,
        createdAt: anchorAt,
      },
    });
    const meetings = [];
    const points = [];
    const actions = [];
    const notes = [];
    for (
      let at = anchorAt.getTime(), index = 0;
      at < now.getTime() - plan.to * WEEK;
      at += plan.step, index++
    ) {
      const startsAt = new Date(at);
      const meetingId = randomUUID();
      meetings.push({
        id: meetingId,
        seriesId: series.id,
        scheduledFor: startsAt,
        startsAt,
        status: index % 13 === 12 ? "missed" : "held",
        heldAt: index % 13 === 12 ? null : startsAt,
        createdAt: new Date(at - plan.step),
      });
      const base = { seriesId: series.id, meetingId };
      points.push({
        ...base,
        id: randomUUID(),
        authorId: person.id,
        text: `Talking point ${index + 1}: how the work on the current project is going and where it is blocked.`,
        status: "covered",
        createdAt: new Date(at - DAY),
        closedAt: startsAt,
      });
      points.push({
        ...base,
        id: randomUUID(),
        authorId: plan.managerId,
        text: `Talking point ${index + 1} from the manager: feedback on last week's design review.`,
        status: "covered",
        createdAt: new Date(at - DAY + 60_000),
        closedAt: startsAt,
      });
      actions.push({
        ...base,
        id: randomUUID(),
        ownerId: index % 2 ? person.id : plan.managerId,
        createdById: plan.managerId,
        text: `Action ${index + 1}: write up the decision and share it with the team.`,
        dueOn: new Date(at + WEEK),
        status: index % 5 === 4 ? "dropped" : "done",
        createdAt: startsAt,
        closedAt: new Date(at + 3 * DAY),
      });
      notes.push({
        ...base,
        id: randomUUID(),
        authorId: plan.managerId,
        visibility: "shared",
        text: `Shared note of meeting ${index + 1}: we agreed on the next steps for the migration and who reviews the plan. `.repeat(
          3,
        ),
        createdAt: new Date(at + 60_000),
      });
      notes.push({
        ...base,
        id: randomUUID(),
        authorId: person.id,
        visibility: "private",
        text: `My own note of meeting ${index + 1}: what I want to raise next time about scope and recognition.`,
        createdAt: new Date(at + 120_000),
      });
      notes.push({
        ...base,
        id: randomUUID(),
        authorId: plan.managerId,
        visibility: "private",
        text: `The manager's private note of meeting ${index + 1}.`,
        createdAt: new Date(at + 180_000),
      });
    }
    await db.conversationMeeting.createMany({ data: meetings });
    await db.conversationPoint.createMany({ data: points });
    await db.conversationAction.createMany({ data: actions });
    await db.conversationNote.createMany({ data: notes });
    add("meetings", meetings.length);
    add("talking points", points.length);
    add("actions", actions.length);
    add("notes", notes.length);
  }

  // Evidence recorded between cycles, about two a month, some shared with the manager.
  const competencies = [
    "code-quality",
    "testing",
    "system-design",
    "collaboration",
    "planning",
    "operations",
  ];
  const evidence = Array.from({ length: years * 24 }, (_, index) => ({
    personId: person.id,
    competencyId: competencies[index % competencies.length]!,
    text: `Evidence ${index + 1}: led the rollout of a change across three services and wrote the runbook others now use.`,
    url: index % 3 === 0 ? `https://tracker.example.com/issues/${1000 + index}` : null,
    occurredOn: daysAgo(index * 15),
    shared: index % 2 === 0,
  }));
  await db.careerEvidence.createMany({ data: evidence });
  add("evidence", evidence.length);

  const nextLevel = `ic${Number(person.level!.slice(2)) + 1}`;
  await db.growthPlan.create({
    data: {
      personId: person.id,
      ladderVersionId: versionId,
      targetLevelId: nextLevel,
      focus: {
        create: competencies
          .slice(0, 3)
          .map((competencyId, position) => ({ competencyId, position })),
      },
    },
  });
  await db.levelChange.createMany({
    data: [2, 4].map((yearsAgo, index) => ({
      personId: person.id,
      fromTrackId: "ic",
      fromLevelId: `ic${Number(person.level!.slice(2)) - 2 + index}`,
      toTrackId: "ic",
      toLevelId: `ic${Number(person.level!.slice(2)) - 1 + index}`,
      source: "promoted",
      changedAt: daysAgo(yearsAgo * 365),
    })),
  });

  // Mentoring: a mentee in an early programme, a mentor in two later ones (the last still running).
  const mentors = colleagues.slice(0, 3);
  const programmes = [
    {
      name: "Mentoring, year one",
      startYearsAgo: years - 0.5,
      menteeId: person.id,
      mentorIds: [mentors[0]!.id],
      active: false,
    },
    {
      name: "Mentoring, year three",
      startYearsAgo: years / 2,
      menteeId: null,
      mentorIds: [person.id],
      active: false,
    },
    {
      name: "Mentoring, this year",
      startYearsAgo: 0.5,
      menteeId: null,
      mentorIds: [person.id],
      active: true,
    },
  ];
  for (const [index, programme] of programmes.entries()) {
    const startsOn = daysAgo(programme.startYearsAgo * 365);
    const endsOn = new Date(startsOn.getTime() + 180 * DAY);
    const created = await db.mentorshipProgramme.create({
      data: {
        name: programme.name,
        ladderId: "engineering",
        startsOn,
        endsOn,
        matchingOn: startsOn,
        publishedAt: startsOn,
        closedAt: programme.active ? null : endsOn,
      },
    });
    const mentees = programme.menteeId
      ? [programme.menteeId]
      : colleagues.slice(4 + index, 6 + index).map((colleague) => colleague.id);
    const mentorId = programme.mentorIds[0]!;
    await db.mentorshipParticipant.createMany({
      data: [
        ...mentees.map((userId) => ({
          programmeId: created.id,
          userId,
          role: "mentee",
          competencies: JSON.stringify(competencies.slice(0, 2)),
        })),
        {
          programmeId: created.id,
          userId: mentorId,
          role: "mentor",
          capacity: 2,
          competencies: JSON.stringify(competencies),
        },
      ],
    });
    for (const menteeId of mentees) {
      const pair = await db.mentorshipPair.create({
        data: {
          programmeId: created.id,
          menteeId,
          mentorId,
          status: programme.active ? "active" : "ended",
          source: "proposed",
          fit: 3,
          factors: "[]",
          menteeAnswer: "accepted",
          mentorAnswer: "accepted",
          offeredAt: startsOn,
          activeSince: startsOn,
          endedAt: programme.active ? null : endsOn,
          outcome: programme.active ? null : "goals-met",
          outcomeNote: programme.active
            ? ""
            : "Both goals met; the mentee now runs the design reviews.",
        },
      });
      const checkIns = Array.from({ length: programme.active ? 12 : 13 }, (_, week) => ({
        pairId: pair.id,
        authorId: week % 2 ? menteeId : mentorId,
        occurredOn: new Date(startsOn.getTime() + week * 2 * WEEK),
        note: `Check-in ${week + 1}: worked through a design doc together and agreed what to try before next time.`,
        competencies: JSON.stringify(competencies.slice(0, 2)),
      }));
      await db.mentorshipCheckIn.createMany({ data: checkIns });
      await db.mentorshipPulse.createMany({
        data: [30, 90].flatMap((checkpoint) =>
          [menteeId, mentorId].map((respondentId) => ({
            pairId: pair.id,
            respondentId,
            checkpoint,
            usefulness: 4,
            comfort: 5,
          })),
        ),
      });
      add("mentoring pairs", 1);
      add("check-ins", checkIns.length);
    }
  }

  // Promotion nominations: "not yet" three years ago, promoted eighteen months ago, both released.
  for (const [index, [yearsAgo, outcome]] of (
    [
      [3, "not-yet"],
      [1.5, "promote"],
    ] as const
  ).entries()) {
    const day = (offset: number) => daysAgo(yearsAgo * 365 - offset);
    const window = await db.promotionWindow.create({
      data: {
        name: `Promotions ${index + 1}`,
        ladderId: "engineering",
        ladderVersionId: versionId,
        state: "closed",
        nominationsOpenOn: day(0),
        nominationsCloseOn: day(20),
        packetsDueOn: day(35),
        votesDueOn: day(50),
        effectiveOn: day(75),
        minMembers: 3,
        membersAtOrAbove: true,
        minOutsideMembers: 1,
        redactedFirstRead: false,
        openedAt: day(0),
        closedAt: day(90),
        auditOpenedAt: day(89),
        auditOpenedById: skip.id,
        createdById: skip.id,
        members: { create: [{ personId: skip.id, role: "chair" }] },
      },
    });
    await db.promotionNomination.create({
      data: {
        windowId: window.id,
        nomineeId: person.id,
        kind: index === 0 ? "self" : "manager",
        nominatedById: index === 0 ? person.id : manager.id,
        trackId: "ic",
        levelId: person.level,
        managerId: manager.id,
        targetTrackId: "ic",
        targetLevelId: nextLevel,
        statement:
          "Working at the next level's scope for two quarters; the packet's evidence backs it.",
        candidateNumber: 1,
        state: "decided",
        createdAt: day(5),
        packets: {
          create: {
            ladderVersionId: versionId,
            targetTrackId: "ic",
            targetLevelId: nextLevel,
            submittedAt: day(30),
            submittedById: person.id,
            createdAt: day(5),
          },
        },
        decision: {
          create: {
            outcome,
            rationale: "{}",
            summary:
              outcome === "promote"
                ? "Every criterion met."
                : "Delivery and impact are not yet at the level's scope.",
            decidedById: skip.id,
            decidedAt: day(55),
            releasedAt: day(60),
            releasedById: manager.id,
          },
        },
      },
    });
    add("nominations", 1);
  }

  // Audit events about the person: sign-ins and changes over the years, about two a working day.
  const actions = [
    "person.signed_in_with_single_sign_on",
    "person.updated",
    "person.sign_in_link_created",
    "person.signed_out_everywhere",
  ];
  const audit = Array.from({ length: years * 500 }, (_, index) => ({
    actorId: index % 7 === 0 ? skip.id : person.id,
    action: actions[index % 11 === 0 ? 1 + (index % 3) : 0]!,
    subjectType: "person",
    subjectId: person.id,
    detail: { via: "bench" },
    createdAt: daysAgo((years * 365 * index) / (years * 500)),
  }));
  await db.auditEvent.createMany({ data: audit });
  add("audit events", audit.length);
  return counts;
}

type BuildFigures = {
  built: number;
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  rssBeforeMb: number;
  heapBeforeMb: number;
  rssPeakBuildMb: number | null;
  rssAfterMb: number;
  heapAfterMb: number;
  maxRssBeforeMb: number;
  maxRssMb: number;
  archiveBytes: number;
  jsonBytes: number;
  files: number;
  rows: Record<string, number>;
  sectionCpuMs: Record<string, number>;
  node: string;
  cpus: string;
};

/** The child: builds the queued export as the background job does, sampling its memory, and prints its figures as one JSON line. */
async function buildOnly(exportId: string) {
  const { db } = await import("../app/db/client.server.ts");
  const { buildWaitingExports } = await import("../app/modules/data-rights/exports.server.ts");
  const { EXPORT_JSON } = await import("../app/modules/data-rights/archive.ts");
  const { unzipSync, strFromU8 } = await import("fflate");
  await db.personalExport.count();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const before = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  // The build's own peak: on Linux the kernel's high-water mark is reset to the present RSS first,
  // since a timer would not sample it (SQLite answers synchronously, so the build never yields to
  // timers). Elsewhere the process's peak since it started is all there is.
  const resetPeak = (() => {
    try {
      writeFileSync("/proc/self/clear_refs", "5");
      return true;
    } catch {
      return false;
    }
  })();
  const cpu = process.cpuUsage();
  const wallStart = performance.now();
  const built = await buildWaitingExports(new Date());
  const wallMs = performance.now() - wallStart;
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  const highWater = resetPeak
    ? /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]
    : undefined;
  const buildPeak = highWater ? Number(highWater) * 1024 : null;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const row = await db.personalExport.findUniqueOrThrow({
    where: { id: exportId },
    select: {
      state: true,
      archive: true,
      person: { select: { id: true, name: true, email: true } },
    },
  });
  if (row.state !== "ready" || !row.archive) throw new Error(`the export ended ${row.state}`);
  // Where the time goes: each section read again as the build reads it (warm: the modules and the
  // database's pages are loaded by now), CPU milliseconds each.
  const { readerOf, sectionReaders } = await import("../app/modules/data-rights/collect.server.ts");
  const sectionCpuMs: Record<string, number> = {};
  for (const { section, read } of sectionReaders(readerOf(row.person), "en", new Date())) {
    const sectionCpu = process.cpuUsage();
    await read();
    const sectionUsed = process.cpuUsage(sectionCpu);
    sectionCpuMs[section] = Math.round((sectionUsed.user + sectionUsed.system) / 1000);
  }
  const files = unzipSync(new Uint8Array(row.archive));
  const json = files[EXPORT_JSON]!;
  const doc = JSON.parse(strFromU8(json)) as Record<string, unknown> & {
    assessments: { ratings: unknown[] }[];
    evidence: unknown[];
    conversations: { meetings: { points: unknown[]; actions: unknown[]; notes: unknown[] }[] }[];
    feedbackReceived: { competencies: { answers: unknown[] }[] }[];
    feedbackWritten: unknown[];
    mentorship: { checkIns: unknown[] }[];
    outcomes: unknown[];
    promotions: unknown[];
    interviews: unknown[];
    auditEvents: unknown[];
  };
  const meetings = doc.conversations.flatMap((series) => series.meetings);
  const rows = {
    assessments: doc.assessments.length,
    ratings: doc.assessments.reduce((sum, assessment) => sum + assessment.ratings.length, 0),
    evidence: doc.evidence.length,
    "conversation series": doc.conversations.length,
    meetings: meetings.length,
    "talking points": meetings.reduce((sum, meeting) => sum + meeting.points.length, 0),
    actions: meetings.reduce((sum, meeting) => sum + meeting.actions.length, 0),
    notes: meetings.reduce((sum, meeting) => sum + meeting.notes.length, 0),
    "feedback received (cycle and channel)": doc.feedbackReceived.length,
    "feedback answers received": doc.feedbackReceived.reduce(
      (sum, item) =>
        sum + item.competencies.reduce((inner, competency) => inner + competency.answers.length, 0),
      0,
    ),
    "feedback written": doc.feedbackWritten.length,
    "mentoring pairs": doc.mentorship.length,
    "check-ins": doc.mentorship.reduce((sum, pair) => sum + pair.checkIns.length, 0),
    outcomes: doc.outcomes.length,
    promotions: doc.promotions.length,
    interviews: doc.interviews.length,
    "audit events": doc.auditEvents.length,
  };
  const figures: BuildFigures = {
    built,
    wallMs,
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
    rssBeforeMb: mb(before.rss),
    heapBeforeMb: mb(before.heapUsed),
    rssPeakBuildMb: buildPeak === null ? null : mb(buildPeak),
    rssAfterMb: mb(after.rss),
    heapAfterMb: mb(after.heapUsed),
    maxRssBeforeMb: mb(maxRssBefore),
    maxRssMb: mb(maxRss),
    archiveBytes: row.archive.byteLength,
    jsonBytes: json.byteLength,
    files: Object.keys(files).length,
    rows,
    sectionCpuMs,
    node: process.versions.node,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}`,
  };
  await db.$disconnect();
  console.log(JSON.stringify(figures));
}

function report(
  figures: BuildFigures,
  context: { people: number; years: number; personName: string },
) {
  const kb = (bytes: number) =>
    `${(bytes / 1024).toLocaleString("en-GB", { maximumFractionDigits: 0 })} KB`;
  console.log(
    `\nA person's export: ${context.personName}, ${context.years} years of history, in an organisation of ${context.people.toLocaleString("en-GB")} (${postgresServer ? "PostgreSQL" : "SQLite"}, Node ${figures.node}, ${figures.cpus})`,
  );
  console.log("\nrows in the export");
  for (const [kind, count] of Object.entries(figures.rows))
    console.log(`  ${kind.padEnd(40)} ${count.toLocaleString("en-GB").padStart(8)}`);
  console.log("\nthe build (buildWaitingExports, one export waiting)");
  console.log(
    `  wall time                                ${(figures.wallMs / 1000).toFixed(2).padStart(8)} s`,
  );
  console.log(
    `  CPU time (user + system)                 ${((figures.cpuUserMs + figures.cpuSystemMs) / 1000).toFixed(2).padStart(8)} s (${(figures.cpuUserMs / 1000).toFixed(2)} + ${(figures.cpuSystemMs / 1000).toFixed(2)})`,
  );
  console.log(
    `  memory before: RSS, heap used            ${String(figures.rssBeforeMb).padStart(8)} MB, ${figures.heapBeforeMb} MB`,
  );
  console.log(
    `  memory after: RSS, heap used             ${String(figures.rssAfterMb).padStart(8)} MB, ${figures.heapAfterMb} MB`,
  );
  if (figures.rssPeakBuildMb !== null)
    console.log(
      `  peak RSS during the build (VmHWM)        ${String(figures.rssPeakBuildMb).padStart(8)} MB`,
    );
  console.log(
    `  the process's peak RSS (resourceUsage)   ${String(figures.maxRssMb).padStart(8)} MB (${figures.maxRssBeforeMb} MB before the build: loading the app)`,
  );
  console.log(
    `  archive                                  ${kb(figures.archiveBytes).padStart(8)} (${figures.files} files; rungs-export.json ${kb(figures.jsonBytes)})`,
  );
  console.log("\neach section read again, warm (CPU ms)");
  for (const [section, ms] of Object.entries(figures.sectionCpuMs))
    console.log(`  ${section.padEnd(40)} ${String(ms).padStart(8)}`);
  if (figures.built !== 1) console.log(`  (${figures.built} exports built: expected one)`);
}

async function dropDatabase(serverUrl: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${benchDatabaseName}" WITH (FORCE)`);
  } catch (error) {
    console.error(
      `could not drop database ${benchDatabaseName}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

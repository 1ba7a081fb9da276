// Erasing a leaver leaves none of the words about them, nor (under the rule that removes them) any
// they wrote about others, in any table: promotions (statement, addition, packet case, votes,
// decision, dissent and the append-only history's copies), stretch work, sponsorship, calibration
// (its append-only history too), assessments, feedback, one-to-ones, mentorship (opt-in, pairs,
// requests, check-ins), hiring (the candidate they were hired from, scorecards, dissents, moves,
// decisions, trainee notes), goals (objectives, key results, check-in notes, reflections), team
// health (an anonymous comment naming them, the action they owned) and the rest. Every text
// carries a marker; after the erasure every row of every table (on either database), the SQLite
// file's bytes (its planner statistics included), a backup and every other person's export are
// searched for it, their name and their email, and what the audits and reports count is unchanged.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { addToNomination, nominate } from "~/modules/promotions/nominations.server";
import { saveCase, submitPacket, nominationPage } from "~/modules/promotions/packets.server";
import { DEFAULT_SETTINGS, saveSettings } from "~/modules/promotions/settings.server";
import { createWindow, openWindow } from "~/modules/promotions/windows.server";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWaitingExports } from "~/modules/data-rights/exports.server";
import { backupDatabase } from "~/modules/operations/backup.server";
import { erasePerson } from "~/modules/retention/erasure.server";
import { retentionPlan } from "~/modules/retention/plan.server";
import { eraseNow } from "~/modules/retention/retention.server";
import { provider } from "../../setup/databases";
import { createPerson } from "../../utils/factories";

const MARK = (what: string) => `LEAVER-${what}-5e2a`;
const MARKS = /LEAVER-[a-z-]+-5e2a/g;
const LEAVER_EMAIL = "lee.leaver@example.com";
const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

type Person = Awaited<ReturnType<typeof createPerson>>;
let org: Record<"admin" | "manager" | "leaver" | "peer" | "member", Person>;

/** Every marker left in any row of any table, with the table it is in. */
async function marksInTheDatabase(): Promise<string[]> {
  const tables =
    provider === "postgresql"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  const found = new Set<string>();
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    const text = JSON.stringify(rows, (_key, value: unknown) =>
      typeof value === "bigint" ? String(value) : value instanceof Uint8Array ? "" : value,
    );
    for (const mark of text.match(MARKS) ?? []) found.add(`${name}: ${mark}`);
    if (text.includes(LEAVER_EMAIL)) found.add(`${name}: ${LEAVER_EMAIL}`);
  }
  return [...found].sort();
}

/** What the audits and reports count: who was nominated, decided, sponsored, applied, chosen, paired and interviewed, and how. */
async function counted() {
  const [nominations, decisions, sponsorships, interests, entries, pairs, interviews, scores] =
    await Promise.all([
      db.promotionNomination.findMany({
        select: { nomineeId: true, state: true },
        orderBy: { id: "asc" },
      }),
      db.promotionDecision.findMany({
        select: { outcome: true },
        orderBy: { nominationId: "asc" },
      }),
      // In one order on both databases: PostgreSQL returns rows in no order unless asked.
      db.sponsorship.findMany({
        select: { sponseeId: true, sponsorId: true },
        orderBy: { id: "asc" },
      }),
      db.opportunityInterest.findMany({
        select: { personId: true, outcome: true },
        orderBy: { id: "asc" },
      }),
      db.calibrationEntry.findMany({
        select: { personId: true, finalRating: true },
        orderBy: { id: "asc" },
      }),
      db.mentorshipPair.findMany({
        select: { menteeId: true, mentorId: true, status: true, outcome: true },
        orderBy: { id: "asc" },
      }),
      db.hiringInterview.findMany({
        select: { loopId: true, interviewerId: true },
        orderBy: { id: "asc" },
      }),
      db.hiringScore.findMany({
        select: { scorecardId: true, competencyId: true, score: true },
        orderBy: { scorecardId: "asc" },
      }),
    ]);
  return { nominations, decisions, sponsorships, interests, entries, pairs, interviews, scores };
}

beforeAll(async () => {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const manager = await createPerson({
    name: "Max Manager",
    ladderId: "engineering",
    track: "manager",
    level: "m2",
  });
  const leaver = await createPerson({
    name: `Lee ${MARK("name")}`,
    email: LEAVER_EMAIL,
    ladderId: "engineering",
    track: "ic",
    level: "ic3",
    managerId: manager.id,
  });
  const peer = await createPerson({
    name: "Pia Peer",
    ladderId: "engineering",
    track: "ic",
    level: "ic3",
    managerId: manager.id,
  });
  const member = await createPerson({
    name: "Mo Member",
    ladderId: "engineering",
    track: "ic",
    level: "ic6",
  });
  org = { admin, manager, leaver, peer, member };

  // Promotions: the leaver nominates themself and a peer; their manager adds to theirs.
  await saveSettings(admin, { scope: "", ...DEFAULT_SETTINGS, mode: "committee" });
  const windowId = await createWindow(admin, {
    name: "Spring promotions",
    ladderId: "engineering",
    nominationsOpenOn: day(-1),
    nominationsCloseOn: day(14),
    packetsDueOn: day(28),
    votesDueOn: day(35),
    effectiveOn: day(60),
  });
  await openWindow(admin, windowId, now);
  // The leaver sponsors their peer, and so may nominate them.
  await db.sponsorship.create({
    data: {
      sponsorId: leaver.id,
      sponseeId: peer.id,
      advocacy: "level",
      target: "ic4",
      until: new Date(now.getTime() + 90 * DAY),
      note: MARK("note-for-peer"),
    },
  });
  const own = await nominate(
    leaver,
    { windowId, nomineeEmail: "", targetLevelId: "ic4", statement: MARK("statement") },
    now,
  );
  const forPeer = await nominate(
    leaver,
    {
      windowId,
      nomineeEmail: peer.email,
      targetLevelId: "ic4",
      statement: MARK("statement-for-peer"),
    },
    now,
  );
  if (!own.ok || !forPeer.ok) throw new Error("both nominations are allowed");
  await addToNomination(manager, own.nominationId, MARK("addition"), now);
  const competencyId = "code-quality";
  const packet = (await nominationPage(leaver, own.nominationId, now)).packet!;
  const revision = await saveCase(
    leaver,
    own.nominationId,
    packet.id,
    { competencyId, text: MARK("case"), evidence: [], revision: packet.revision },
    now,
  );
  await submitPacket(leaver, own.nominationId, packet.id, revision, now);

  // The committee's words about the leaver, and the member's dissent.
  const ballot = await db.promotionBallot.create({
    data: { nominationId: own.nominationId, memberId: member.id, submittedAt: now },
  });
  await db.promotionVote.create({
    data: { ballotId: ballot.id, competencyId, mark: "met", note: MARK("vote-note") },
  });
  await db.promotionDecision.create({
    data: {
      nominationId: own.nominationId,
      outcome: "not-yet",
      rationale: JSON.stringify({
        [competencyId]: { mark: "partly", rationale: MARK("rationale") },
      }),
      summary: MARK("summary"),
      decidedById: admin.id,
      decidedAt: now,
    },
  });
  await db.promotionDissent.create({
    data: { nominationId: own.nominationId, memberId: member.id, text: MARK("dissent") },
  });
  await db.promotionEvent.create({
    data: {
      windowId,
      nominationId: own.nominationId,
      actorId: admin.id,
      kind: "decision",
      change: JSON.stringify({
        outcome: [null, "not-yet"],
        summary: [null, MARK("summary-copy")],
        rationale: [
          null,
          { [competencyId]: { mark: "partly", rationale: MARK("rationale-copy") } },
        ],
      }),
    },
  });

  // Stretch work: the leaver is chosen, with the poster's reason naming them.
  const opportunity = await db.opportunity.create({
    data: {
      kind: "project",
      title: "Payments rewrite",
      ladderId: "engineering",
      competencyIds: "[]",
      hoursPerWeek: 4,
      startsOn: now,
      endsOn: new Date(now.getTime() + 30 * DAY),
      posterId: manager.id,
      status: "decided",
      reason: MARK("poster-reason"),
    },
  });
  await db.opportunityInterest.create({
    data: {
      opportunityId: opportunity.id,
      personId: leaver.id,
      note: MARK("interest"),
      outcome: "chosen",
    },
  });

  // Sponsorship: the member sponsors the leaver (the leaver sponsors their peer, above).
  await db.sponsorship.create({
    data: {
      sponsorId: member.id,
      sponseeId: leaver.id,
      advocacy: "level",
      target: "ic4",
      until: new Date(now.getTime() + 90 * DAY),
      note: MARK("sponsor-note"),
      declineReason: MARK("decline"),
    },
  });

  // Calibration: a proposal's rationale, in the entry and in the append-only history.
  const served = (await ladderForLevel("ic3"))!;
  const cycle = await db.reviewCycle.create({
    data: { name: "Spring", startsOn: now, endsOn: new Date(now.getTime() + 30 * DAY) },
  });
  const session = await db.calibrationSession.create({
    data: {
      name: "Spring calibration",
      cycleId: cycle.id,
      facilitatorId: admin.id,
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      groupFloor: 5,
    },
  });
  const entry = await db.calibrationEntry.create({
    data: {
      sessionId: session.id,
      personId: leaver.id,
      managerId: manager.id,
      rationale: MARK("calibration-rationale"),
      finalRating: 3,
    },
  });
  await db.calibrationEvent.create({
    data: {
      sessionId: session.id,
      entryId: entry.id,
      actorId: manager.id,
      kind: "proposal",
      change: JSON.stringify({ rationale: [null, MARK("calibration-rationale-copy")] }),
    },
  });
  await db.calibrationCalibrator.create({ data: { sessionId: session.id, userId: leaver.id } });
  await db.calibrationEvent.create({
    data: {
      sessionId: session.id,
      actorId: admin.id,
      kind: "invite",
      change: JSON.stringify({ calibrator: [null, leaver.name] }),
    },
  });

  // Assessments: their own, and their manager's about them, each with a rating's notes.
  for (const [authorId, kind, words] of [
    [leaver.id, "self", "self"],
    [manager.id, "manager", "review"],
  ] as const)
    await db.assessment.create({
      data: {
        kind,
        status: "submitted",
        subjectId: leaver.id,
        authorId,
        cycleId: cycle.id,
        ladderVersionId: served.versionId,
        trackId: "ic",
        levelId: "ic3",
        summary: MARK(`${words}-summary`),
        submittedAt: now,
        ratings: {
          create: { competencyId: "code-quality", rating: 3, notes: MARK(`${words}-notes`) },
        },
      },
    });
  // Feedback about them, and a decline's reason about them.
  for (const [reviewer, state] of [
    [peer, "submitted"],
    [member, "declined"],
  ] as const) {
    const request = await db.feedbackRequest.create({
      data: {
        cycleId: cycle.id,
        channel: "peer",
        subjectId: leaver.id,
        reviewerId: reviewer.id,
        state,
        dueOn: new Date(now.getTime() + 14 * DAY),
        ladderVersionId: served.versionId,
        trackId: "ic",
        levelId: "ic3",
        competencyIds: JSON.stringify([competencyId]),
        ...(state === "declined"
          ? { declineReason: MARK("decline-reason"), declinedById: reviewer.id }
          : { submittedAt: now }),
      },
    });
    if (state === "submitted")
      await db.feedbackAnswer.create({
        data: { requestId: request.id, competencyId, rating: 3, example: MARK("feedback") },
      });
  }
  // One-to-ones with their manager: their agenda point, private note and action; their evidence.
  const series = await db.conversationSeries.create({
    data: {
      kind: "one-to-one",
      managerId: manager.id,
      reportId: leaver.id,
      cadence: "weekly",
      timeZone: "UTC",
      anchorAt: now,
      createdById: manager.id,
    },
  });
  const meeting = await db.conversationMeeting.create({
    data: { seriesId: series.id, scheduledFor: now, startsAt: now, status: "held", heldAt: now },
  });
  const inMeeting = { seriesId: series.id, meetingId: meeting.id };
  await db.conversationPoint.create({
    data: { ...inMeeting, authorId: leaver.id, text: MARK("agenda-point") },
  });
  await db.conversationNote.create({
    data: { ...inMeeting, authorId: leaver.id, visibility: "private", text: MARK("private-note") },
  });
  await db.conversationAction.create({
    data: { ...inMeeting, ownerId: leaver.id, createdById: leaver.id, text: MARK("action") },
  });
  await db.careerEvidence.create({
    data: { personId: leaver.id, competencyId, text: MARK("evidence"), occurredOn: now },
  });

  // Mentorship: the leaver's opt-in, a pair as mentee (its outcome and decline), a declined request,
  // and a check-in they wrote as their peer's mentor.
  const programme = await db.mentorshipProgramme.create({
    data: {
      name: "Autumn mentoring",
      ladderId: "engineering",
      startsOn: now,
      endsOn: new Date(now.getTime() + 90 * DAY),
      matchingOn: now,
    },
  });
  await db.mentorshipParticipant.create({
    data: {
      programmeId: programme.id,
      userId: leaver.id,
      role: "mentee",
      preferences: MARK("mentee-preferences"),
      note: MARK("mentee-note"),
    },
  });
  const matched = { programmeId: programme.id, source: "matched", fit: 1, factors: "{}" };
  await db.mentorshipPair.create({
    data: {
      ...matched,
      menteeId: leaver.id,
      mentorId: member.id,
      status: "ended",
      outcome: "completed",
      outcomeNote: MARK("pair-outcome"),
      declineReason: MARK("pair-decline"),
    },
  });
  const mentoring = await db.mentorshipPair.create({
    data: { ...matched, menteeId: peer.id, mentorId: leaver.id, status: "active" },
  });
  await db.mentorshipCheckIn.create({
    data: { pairId: mentoring.id, authorId: leaver.id, occurredOn: now, note: MARK("check-in") },
  });
  await db.mentorshipRequest.create({
    data: {
      programmeId: programme.id,
      menteeId: leaver.id,
      mentorId: member.id,
      rank: 1,
      state: "declined",
      declineNote: MARK("request-decline"),
      requestedAt: now,
    },
  });

  // Hiring: the candidate record the leaver was hired from, and a candidate they interviewed,
  // scored, dissented on, moved on, decided and sat in on as a trainee.
  const opening = await db.hiringOpening.create({
    data: {
      title: "Backend engineer",
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      trackId: "ic",
      levelId: "ic3",
    },
  });
  const stage = await db.hiringStage.create({
    data: { openingId: opening.id, name: "Technical", position: 1, competencyIds: "[]" },
  });
  const hiredFrom = await db.hiringCandidate.create({
    data: {
      name: `Lee ${MARK("candidate-name")}`,
      email: LEAVER_EMAIL,
      notes: MARK("candidate-notes"),
      hiredPersonId: leaver.id,
    },
  });
  await db.hiringLoop.create({
    data: {
      openingId: opening.id,
      candidateId: hiredFrom.id,
      state: "decided",
      decision: "hire",
      rationale: MARK("hire-rationale"),
      decidedById: admin.id,
      decidedAt: now,
    },
  });
  const candidate = await db.hiringCandidate.create({ data: { name: "Cam Candidate" } });
  const loop = await db.hiringLoop.create({
    data: {
      openingId: opening.id,
      candidateId: candidate.id,
      state: "decided",
      decision: "no-hire",
      rationale: MARK("loop-rationale"),
      decidedById: leaver.id,
      decidedAt: now,
    },
  });
  const interview = await db.hiringInterview.create({
    data: { loopId: loop.id, stageId: stage.id, interviewerId: leaver.id },
  });
  await db.hiringScorecard.create({
    data: {
      interviewId: interview.id,
      authorId: leaver.id,
      status: "submitted",
      summary: MARK("scorecard-summary"),
      submittedAt: now,
      scores: { create: { competencyId, score: 2, notes: MARK("score-notes") } },
    },
  });
  await db.hiringDissent.create({
    data: { loopId: loop.id, authorId: leaver.id, text: MARK("hiring-dissent") },
  });
  await db.hiringPipelineMove.create({
    data: {
      candidateId: candidate.id,
      toStage: "onsite",
      note: MARK("pipeline-note"),
      movedById: leaver.id,
    },
  });
  const membersInterview = await db.hiringInterview.create({
    data: { loopId: loop.id, stageId: stage.id, interviewerId: member.id },
  });
  await db.hiringTraineeSeat.create({
    data: {
      interviewId: membersInterview.id,
      traineeId: leaver.id,
      mode: "shadow",
      practiceNotes: MARK("practice-notes"),
    },
  });

  // Goals: the leaver's own objective, its key result, a check-in's note and the reflection; and
  // the team objective they own, whose why goes under the rule that removes their words.
  const period = await db.goalPeriod.create({
    data: { name: "This quarter", startsOn: now, endsOn: new Date(now.getTime() + 90 * DAY) },
  });
  const team = await db.team.create({ data: { name: "Ledger" } });
  const objective = await db.objective.create({
    data: {
      periodId: period.id,
      level: "person",
      ownerId: leaver.id,
      createdById: leaver.id,
      title: MARK("objective"),
      why: MARK("objective-why"),
      commitment: "committed",
    },
  });
  const keyResult = await db.keyResult.create({
    data: {
      objectiveId: objective.id,
      title: MARK("key-result"),
      kind: "metric",
      direction: "increase",
      startValue: 0,
      targetValue: 10,
      ownerId: leaver.id,
      reflection: MARK("reflection"),
    },
  });
  await db.keyResultCheckIn.create({
    data: {
      keyResultId: keyResult.id,
      value: 5,
      confidence: "onTrack",
      note: MARK("goal-check-in"),
      authorId: leaver.id,
      at: now,
    },
  });
  await db.objective.create({
    data: {
      periodId: period.id,
      level: "team",
      teamId: team.id,
      ownerId: leaver.id,
      createdById: leaver.id,
      title: "Reconcile the ledgers",
      why: MARK("team-objective-why"),
      commitment: "committed",
    },
  });

  // Team health: a check-in the leaver was asked in, an anonymous comment naming them, and the
  // action they took on for the team.
  const checkIn = await db.teamHealthCheckIn.create({
    data: {
      startedById: manager.id,
      items: JSON.stringify(["meaning"]),
      askComment: true,
      closesAt: now,
      closedAt: now,
    },
  });
  const asked = await db.teamHealthTeam.create({
    data: { checkInId: checkIn.id, teamId: team.id, floor: 3 },
  });
  await db.teamHealthInvitation.create({
    data: { checkInTeamId: asked.id, personId: leaver.id, answered: true },
  });
  await db.teamHealthResponse.create({
    data: {
      id: "comment-5e2a",
      checkInTeamId: asked.id,
      batch: 1,
      values: JSON.stringify({ meaning: 4 }),
      comment: `${leaver.name} keeps the retros honest`,
    },
  });
  await db.teamHealthAction.create({
    data: {
      checkInTeamId: asked.id,
      teamId: team.id,
      item: "meaning",
      text: MARK("team-action"),
      ownerId: leaver.id,
      dueOn: new Date(now.getTime() + 14 * DAY),
    },
  });

  await db.user.update({ where: { id: leaver.id }, data: { deactivatedAt: now } });
});

describe("erasing a leaver", () => {
  test("leaves none of their words in any table, closed records included, and every count as it was", async () => {
    const planted = await marksInTheDatabase();
    // Every kind of record planted holds a marker (or their email) before the erasure.
    expect([...new Set(planted.map((found) => found.split(":")[0]))].sort()).toEqual(
      expect.arrayContaining([
        "Assessment",
        "AssessmentRating",
        "CalibrationEntry",
        "CalibrationEvent",
        "CareerEvidence",
        "ConversationAction",
        "ConversationNote",
        "ConversationPoint",
        "FeedbackAnswer",
        "FeedbackRequest",
        "HiringCandidate",
        "HiringDissent",
        "HiringLoop",
        "HiringPipelineMove",
        "HiringScore",
        "HiringScorecard",
        "HiringTraineeSeat",
        "KeyResult",
        "KeyResultCheckIn",
        "MentorshipCheckIn",
        "MentorshipPair",
        "MentorshipParticipant",
        "MentorshipRequest",
        "Objective",
        "Opportunity",
        "OpportunityInterest",
        "PromotionCase",
        "PromotionDecision",
        "PromotionDissent",
        "PromotionEvent",
        "PromotionNomination",
        "PromotionVote",
        "Sponsorship",
        "TeamHealthAction",
        "TeamHealthResponse",
        "User",
      ]),
    );
    const before = await counted();
    if (provider === "sqlite") {
      // The planner's statistics, as the server refreshes them every hour, sample index keys: the
      // leaver's email is copied into sqlite_stat4 (searched for in the file's bytes, below).
      await db.$executeRawUnsafe("ANALYZE");
      const samples = await db.$queryRawUnsafe<{ sample: Uint8Array }[]>(
        `SELECT sample FROM sqlite_stat4 WHERE tbl = 'User'`,
      );
      expect(samples.some(({ sample }) => Buffer.from(sample).includes(LEAVER_EMAIL))).toBe(true);
    }
    await db.retentionRule.create({ data: { kind: "leavers", othersTexts: "remove" } });
    await eraseNow({ ...org.admin, isHiringAdmin: false }, org.leaver.email, now);
    expect(await marksInTheDatabase()).toEqual([]);
    expect(await counted()).toEqual(before);
    // The closed records were blanked, not rewritten: ids, kinds and marks stay.
    const events = await db.promotionEvent.findMany({
      where: { kind: "decision" },
      select: { change: true, redactedAt: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.redactedAt).not.toBeNull();
    expect(JSON.parse(events[0]!.change)).toMatchObject({ outcome: [null, "not-yet"] });
  });

  test("the database still refuses any other change to a closed record", async () => {
    const event = await db.promotionEvent.findFirstOrThrow({ where: { kind: "decision" } });
    const refusal = (write: Promise<unknown>) =>
      write.then(
        () => "the write went through",
        (error: { meta?: unknown; cause?: unknown }) =>
          JSON.stringify({ meta: error.meta, cause: error.cause }),
      );
    // Already redacted: a second change, even a blank one, is refused.
    expect(
      await refusal(
        db.promotionEvent.update({
          where: { id: event.id },
          data: { change: "{}", redactedAt: new Date() },
        }),
      ),
    ).toMatch(/append-only/);
    const untouched = await db.calibrationEvent.create({
      data: {
        sessionId: (await db.calibrationSession.findFirstOrThrow()).id,
        actorId: org.admin.id,
        kind: "state",
        change: JSON.stringify({ state: ["draft", "proposals"] }),
      },
    });
    // A change that is not a redaction (kind rewritten) is refused.
    expect(
      await refusal(
        db.calibrationEvent.update({
          where: { id: untouched.id },
          data: { kind: "final", redactedAt: new Date() },
        }),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(
        db.calibrationEvent.update({ where: { id: untouched.id }, data: { reason: "rewritten" } }),
      ),
    ).toMatch(/append-only/);
  });

  test.skipIf(provider === "postgresql")(
    "the database file, its log and the next backup hold none of their words, name or email",
    async () => {
      const file = process.env.DATABASE_URL!.replace(/^file:/, "");
      const bytes = (path: string) => {
        try {
          return readFileSync(path).toString("latin1");
        } catch {
          return "";
        }
      };
      const backup = join(tmpdir(), `erasure-backup-${process.pid}.db`);
      await backupDatabase(process.env.DATABASE_URL!, backup);
      try {
        for (const [what, text] of [
          ["file", bytes(file)],
          ["log", bytes(`${file}-wal`)],
          ["backup", bytes(backup)],
        ] as const) {
          expect(text.match(MARKS) ?? [], what).toEqual([]);
          expect(text.includes(org.leaver.email), what).toBe(false);
        }
      } finally {
        rmSync(backup, { force: true });
        rmSync(`${backup}.erasures.json`, { force: true });
      }
    },
  );

  test("no one's export holds their words, name or email: the colleagues they nominated, sponsored, met and were assessed by", async () => {
    const others = [org.admin, org.manager, org.peer, org.member];
    await db.personalExport.createMany({
      data: others.map((person) => ({ personId: person.id, requestedById: person.id })),
    });
    expect(await buildWaitingExports()).toBe(others.length);
    const built = await db.personalExport.findMany({
      where: { personId: { in: others.map((person) => person.id) } },
      select: { personId: true, state: true, archive: true },
    });
    expect(built.map((row) => row.state)).toEqual(others.map(() => "ready"));
    for (const { personId, archive } of built) {
      const files = unzipSync(new Uint8Array(archive!));
      expect(Object.keys(files).length).toBeGreaterThan(2);
      for (const [name, bytes] of Object.entries(files)) {
        const text = strFromU8(bytes);
        expect(text.match(MARKS) ?? [], `${personId}: ${name}`).toEqual([]);
        expect(text.includes(LEAVER_EMAIL), `${personId}: ${name}`).toBe(false);
      }
    }
  });
});

describe("a hold placed after a pass planned an erasure", () => {
  test("stops it: the pass's removal asks again in the erasure's own transaction, and only a replay goes ahead", async () => {
    const gone = await createPerson({
      name: `Hal ${MARK("held")}`,
      deactivatedAt: new Date(now.getTime() - 400 * DAY),
    });
    await db.retentionRule.upsert({
      where: { kind: "leavers" },
      create: { kind: "leavers", keepFor: 6 },
      update: { keepFor: 6 },
    });
    const leavers = (await retentionPlan(now)).find((entry) => entry.kind === "leavers")!;
    expect(leavers.items.map((item) => item.personId)).toContain(gone.id);
    await db.legalHold.create({ data: { personId: gone.id, setById: org.admin.id } });
    // What the pass does with each planned person (pass.server.ts): the kind's own removal.
    const planned = leavers.items.filter((item) => item.personId === gone.id);
    expect(
      await leavers.rule.remove(
        gone.id,
        planned.map((item) => item.id),
        now,
      ),
    ).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: gone.id } })).name).toBe(gone.name);
    expect(await db.erasureRecord.count({ where: { personId: gone.id } })).toBe(0);
    // The next pass plans nothing of his; a replay after a restore erases him all the same.
    const next = (await retentionPlan(now)).find((entry) => entry.kind === "leavers")!;
    expect(next.items.map((item) => item.personId)).not.toContain(gone.id);
    expect(await erasePerson(gone.id, now, "keep", "replay")).toBe(true);
  });
});

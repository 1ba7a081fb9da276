// A person's export holds what their own pages let them read, and nothing else: every kind of
// record carries a marker, the archive is read back (unzipped) and its JSON checked against the
// published schema; markers of what they may not read (the other person's private one-to-one
// note, who wrote anonymous feedback, a review not yet shared with them, a colleague's feedback
// about someone else, another interviewer's scorecard) are absent. Only the person takes it, once.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { issueApiToken, revokeApiToken } from "~/modules/api/tokens.server";
import { addAction, addPoint, seriesPage, writeNote } from "~/modules/conversations/agenda.server";
import { recordEvidence } from "~/modules/conversations/evidence.server";
import { startSeries } from "~/modules/conversations/series.server";
import { EXPORT_JSON } from "~/modules/data-rights/archive";
import { buildWaitingExports } from "~/modules/data-rights/exports.server";
import {
  answerPage,
  decideNomination,
  nominatePeer,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { dateToDay } from "~/modules/days";
import {
  addKeyResult,
  checkIn,
  closePeriod,
  createObjective,
  createPeriod,
  reflect,
} from "~/modules/goals/goals.server";
import { saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import { saveNotificationSettings } from "~/modules/notifications/preferences.server";
import { DEFAULT_PREFERENCES } from "~/modules/notifications/preferences";
import * as clock from "~/platform/clock.server";
import * as adminExportRoute from "~/routes/admin.people.$personId_.export";
import * as downloadRoute from "~/routes/settings.export.$exportId.download";
import * as exportRoute from "~/routes/settings.export";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createAssessment, createCycle, engineeringVersionId } from "../growth/profile-factories";
import { hiringSetUp, scoreAndSubmit } from "../hiring/helpers";
import { parsedFields, programmeFields } from "../mentorship/helpers";
import { createProgramme } from "~/modules/mentorship/programmes.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as typeof addFormatsModule;
const MARK = (what: string) => `MARK-${what}-e7a2`;
const DAY = 24 * 60 * 60 * 1000;

type Person = Awaited<ReturnType<typeof createPerson>>;
let org: {
  person: Person;
  manager: Person;
  peers: Person[];
  admin: Person;
  stranger: Person;
  ben: Person;
  secrets: string[];
};

/** Everything the person took part in, each record carrying a marker; beside it, what they may not read. */
async function setUpOrganisation() {
  const hiring = await hiringSetUp();
  const admin = await createAdmin({ name: "Ada Admin" });
  const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  // The person is the hiring set-up's interviewer Ana, placed in Sam's team: her scorecard is hers, Ben's is not.
  const person = await db.user.update({
    where: { id: hiring.ana.id },
    data: { name: "Lena Person", managerId: manager.id, level: "ic2" },
  });
  const peers = await Promise.all(
    ["Omar", "Priya", "Quinn"].map((name) =>
      createPerson({
        name: `${name} Peerwriter`,
        track: "ic",
        level: "ic2",
        managerId: manager.id,
      }),
    ),
  );
  const stranger = await createPerson({ name: "Stan Stranger", track: "ic", level: "ic2" });
  const versionId = await engineeringVersionId();

  // Assessments: her own submitted self-assessment and the review shared once both were in; in a
  // second cycle a review she may not read yet (her own part is still a draft).
  const spring = await createCycle("Spring review", new Date("2026-01-01"));
  const autumn = await createCycle("Autumn review", new Date("2026-09-01"));
  await db.reviewCycle.update({
    where: { id: spring.id },
    data: {
      endsOn: new Date("2026-12-31"),
      participants: {
        create: [manager, person, ...peers].map((someone) => ({ userId: someone.id })),
      },
    },
  });
  await createAssessment({
    kind: "self",
    subjectId: person.id,
    authorId: person.id,
    cycleId: spring.id,
    summary: MARK("self-summary"),
    ratings: [
      {
        competencyId: "testing",
        rating: 3,
        notes: MARK("self-notes"),
        evidence: [{ text: MARK("rating-evidence") }],
      },
    ],
  });
  await createAssessment({
    kind: "manager",
    subjectId: person.id,
    authorId: manager.id,
    cycleId: spring.id,
    summary: MARK("shared-review"),
    ratings: [{ competencyId: "testing", rating: 3, notes: MARK("review-notes") }],
  });
  await createAssessment({
    kind: "manager",
    subjectId: person.id,
    authorId: manager.id,
    cycleId: autumn.id,
    summary: MARK("unshared-review"),
    ratings: [{ competencyId: "testing", rating: 2, notes: MARK("unshared-notes") }],
  });
  await createAssessment({
    kind: "self",
    status: "draft",
    subjectId: person.id,
    authorId: person.id,
    cycleId: autumn.id,
    summary: MARK("own-draft"),
  });

  const plan = await saveGrowthPlan(person.id, {
    target: "ic3",
    focus: ["testing", "code-quality"],
  });
  expect(plan.ok).toBe(true);
  await recordEvidence(person, {
    competencyId: "testing",
    text: MARK("career-evidence"),
    url: null,
    occurredOn: new Date("2026-03-02"),
  });

  // A one-to-one: the agenda, both kinds of note from each side, an action.
  const seriesId = await startSeries(manager, {
    kind: "one-to-one",
    managerId: manager.id,
    reportId: person.id,
    cadence: "weekly",
    firstAt: new Date("2031-03-03T10:00:00Z"),
  });
  const meetingId = (await seriesPage(manager, seriesId)).next!.id;
  // People's words are text on the readable pages, never markup.
  await addPoint(person, meetingId, { text: `${MARK("agenda-point")} <script>alert(1)</script>` });
  await addAction(manager, meetingId, {
    text: MARK("action"),
    ownerId: person.id,
    dueOn: new Date("2031-03-10"),
  });
  await writeNote(person, meetingId, { visibility: "private", text: MARK("own-private-note") });
  await writeNote(manager, meetingId, { visibility: "shared", text: MARK("shared-note") });
  await writeNote(manager, meetingId, {
    visibility: "private",
    text: MARK("managers-private-note"),
  });

  // Peer feedback in the spring cycle: three colleagues answer about her (anonymous to her), she and
  // two of them answer about Omar; her outcome is then released.
  await saveFeedbackSettings(
    admin,
    spring.id,
    FeedbackSettingsSchema.parse({
      peer: true,
      upward: false,
      dueOn: "2099-06-30",
      minPeers: 3,
      maxPeers: 3,
      reviewCap: 3,
      competencies: "level",
    }),
  );
  const ask = async (subject: Person, reviewer: Person) => {
    const nominated = await nominatePeer(subject, spring.id, subject.id, reviewer.id);
    if (!nominated.ok) throw new Error(nominated.message.key);
    await decideNomination(manager, nominated.requestId, "approve", null);
    return nominated.requestId;
  };
  const answer = async (reviewer: Person, requestId: string, text: string) => {
    const page = await answerPage(reviewer, requestId);
    const changes = page.competencies.map((competency) => ({
      field: `notes:${competency.id}`,
      value: `${text} on ${competency.id}`,
      base: "",
    }));
    expect(
      (await saveAnswerDraft(reviewer, requestId, { baseRevision: page.request.revision, changes }))
        .status,
    ).toBe(200);
    expect(await submitAnswer(reviewer, requestId, page.request.revision + 1)).toEqual({
      ok: true,
    });
  };
  for (const [index, peer] of peers.entries())
    await answer(peer, await ask(person, peer), MARK(`feedback-received-${index}`));
  const [omar, priya, quinn] = peers as [Person, Person, Person];
  await answer(person, await ask(omar, person), MARK("feedback-written"));
  await answer(priya, await ask(omar, priya), MARK("colleague-about-someone-else"));
  await ask(omar, quinn);
  // Asked about Quinn too, she has written nothing yet.
  await ask(quinn, person);
  // In the autumn cycle her colleagues have answered too, but nothing is released to her yet.
  await db.reviewCycle.update({
    where: { id: autumn.id },
    data: {
      endsOn: new Date("2026-12-31"),
      participants: {
        create: [manager, person, ...peers].map((someone) => ({ userId: someone.id })),
      },
    },
  });
  await saveFeedbackSettings(
    admin,
    autumn.id,
    FeedbackSettingsSchema.parse({
      peer: true,
      upward: false,
      dueOn: "2099-10-30",
      minPeers: 3,
      maxPeers: 3,
      reviewCap: 3,
      competencies: "level",
    }),
  );
  for (const peer of peers) {
    const nominated = await nominatePeer(person, autumn.id, person.id, peer.id);
    if (!nominated.ok) throw new Error(nominated.message.key);
    await decideNomination(manager, nominated.requestId, "approve", null);
    await answer(peer, nominated.requestId, MARK("feedback-not-released"));
  }
  const session = await db.calibrationSession.create({
    data: {
      name: "Spring calibration",
      cycleId: spring.id,
      facilitatorId: boss.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: versionId,
      groupFloor: 4,
    },
  });
  await db.calibrationEntry.create({
    data: {
      sessionId: session.id,
      personId: person.id,
      managerId: manager.id,
      released: true,
      finalRating: 3,
      finalOutcome: "stay",
    },
  });

  // Mentorship: an active pair with a check-in by each side.
  const created = await createProgramme(
    { ...admin, isHiringAdmin: false },
    parsedFields(programmeFields()),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  await db.mentorshipProgramme.update({
    where: { id: created.programmeId },
    data: { publishedAt: new Date() },
  });
  const mentor = await createPerson({ name: "Ravi Mentor", track: "ic", level: "ic4" });
  const pair = await db.mentorshipPair.create({
    data: {
      programmeId: created.programmeId,
      menteeId: person.id,
      mentorId: mentor.id,
      status: "active",
      source: "proposed",
      fit: 3,
      factors: "[]",
      menteeAnswer: "accepted",
      mentorAnswer: "accepted",
      activeSince: new Date(),
    },
  });
  await db.mentorshipCheckIn.create({
    data: {
      pairId: pair.id,
      authorId: person.id,
      occurredOn: new Date("2026-04-01"),
      note: MARK("check-in"),
    },
  });

  // Interviews: her card is in, and so is Ben's on the same candidate.
  await scoreAndSubmit(
    hiring.ana,
    hiring.anaInterview,
    ["code-quality", "testing"],
    3,
    MARK("own-scorecard"),
    "yes",
  );
  await scoreAndSubmit(
    hiring.ben,
    hiring.benInterview,
    ["system-design", "technical-judgement"],
    4,
    MARK("other-scorecard"),
    "strong-yes",
  );

  // Promotions: a committee's decision released to her, and one in another window not yet released.
  const served = await servedLadderVersion("engineering");
  for (const [index, released] of [true, false].entries()) {
    const window = await db.promotionWindow.create({
      data: {
        name: `Window ${index}`,
        ladderId: "engineering",
        ladderVersionId: served!.versionId,
        state: "meeting",
        nominationsOpenOn: new Date("2026-01-01T00:00:00Z"),
        nominationsCloseOn: new Date("2026-01-20T00:00:00Z"),
        packetsDueOn: new Date("2026-02-01T00:00:00Z"),
        votesDueOn: new Date("2026-02-15T00:00:00Z"),
        effectiveOn: new Date("2026-04-01T00:00:00Z"),
        minMembers: 3,
        membersAtOrAbove: true,
        minOutsideMembers: 1,
        redactedFirstRead: false,
      },
    });
    const nomination = await db.promotionNomination.create({
      data: {
        windowId: window.id,
        nomineeId: person.id,
        kind: "self",
        nominatedById: person.id,
        trackId: "ic",
        levelId: "ic3",
        targetTrackId: "ic",
        targetLevelId: "ic4",
        statement: "",
        candidateNumber: 1,
        state: "decided",
      },
    });
    const at = new Date("2026-03-01T09:00:00Z");
    await db.promotionDecision.create({
      data: {
        nominationId: nomination.id,
        outcome: "not-yet",
        summary: MARK(released ? "promotion-released" : "promotion-unreleased"),
        rationale: "{}",
        decidedById: admin.id,
        decidedAt: at,
        ...(released ? { releasedAt: at, releasedById: admin.id } : {}),
      },
    });
    if (!released) continue;
    // Her statement, her manager's addition and the packet's cases, in her words and his.
    await db.promotionNomination.update({
      where: { id: nomination.id },
      data: {
        statement: MARK("nomination-statement"),
        managerId: manager.id,
        managerAddition: MARK("manager-addition"),
        managerAddedAt: at,
      },
    });
    const packetOf = async (nominationId: string, nomineeCase: string, managerCase: string) => {
      const packet = await db.promotionPacket.create({
        data: {
          nominationId,
          ladderVersionId: served!.versionId,
          targetTrackId: "ic",
          targetLevelId: "ic4",
        },
      });
      await db.promotionCase.create({
        data: { packetId: packet.id, competencyId: "code-quality", nomineeCase, managerCase },
      });
      await db.promotionPacket.update({
        where: { id: packet.id },
        data: { submittedAt: at, submittedById: person.id },
      });
    };
    await packetOf(nomination.id, MARK("packet-case"), MARK("packet-manager-case"));
    // She nominated a colleague: her statement is hers, his packet is not; nor is a nomination
    // her manager made for someone else.
    const forPeer = await db.promotionNomination.create({
      data: {
        windowId: window.id,
        nomineeId: peers[0]!.id,
        kind: "sponsor",
        nominatedById: person.id,
        trackId: "ic",
        levelId: "ic3",
        targetTrackId: "ic",
        targetLevelId: "ic4",
        statement: MARK("statement-for-peer"),
        candidateNumber: 2,
      },
    });
    await packetOf(forPeer.id, MARK("peers-packet-case"), MARK("peers-manager-case"));
    await db.promotionNomination.create({
      data: {
        windowId: window.id,
        nomineeId: peers[1]!.id,
        kind: "manager",
        nominatedById: manager.id,
        trackId: "ic",
        levelId: "ic3",
        targetTrackId: "ic",
        targetLevelId: "ic4",
        statement: MARK("others-nomination"),
        candidateNumber: 3,
      },
    });
  }

  // Stretch work: she asked for one her manager posted and was chosen; a colleague asked too. She
  // posted one of her own; and an opportunity she never touched is not hers.
  const opportunity = (data: { title: string; posterId: string; reason?: string }) =>
    db.opportunity.create({
      data: {
        kind: "project",
        ladderId: "engineering",
        competencyIds: "[]",
        hoursPerWeek: 4,
        startsOn: new Date("2026-02-01"),
        endsOn: new Date("2026-04-30"),
        ...(data.reason ? { status: "chosen", reason: data.reason, decidedAt: new Date() } : {}),
        ...data,
      },
    });
  const stretch = await opportunity({
    title: "Stretch",
    posterId: manager.id,
    reason: MARK("opportunity-reason"),
  });
  await db.opportunityInterest.createMany({
    data: [
      {
        opportunityId: stretch.id,
        personId: person.id,
        note: MARK("interest-note"),
        outcome: "chosen",
      },
      {
        opportunityId: stretch.id,
        personId: peers[0]!.id,
        note: MARK("others-interest-note"),
        outcome: "not-chosen",
      },
    ],
  });
  await opportunity({ title: MARK("posted-opportunity"), posterId: person.id });
  await opportunity({ title: MARK("others-opportunity"), posterId: manager.id });
  // Sponsorships: her manager sponsors her, she sponsors a colleague; one between others is not hers.
  await db.sponsorship.createMany({
    data: [
      {
        sponsorId: manager.id,
        sponseeId: person.id,
        advocacy: "role",
        target: "Tech lead",
        note: MARK("sponsorship-received"),
        until: new Date("2026-09-30"),
      },
      {
        sponsorId: person.id,
        sponseeId: peers[1]!.id,
        advocacy: "role",
        target: "Mentor",
        note: MARK("sponsorship-given"),
        until: new Date("2026-09-30"),
      },
      {
        sponsorId: manager.id,
        sponseeId: peers[2]!.id,
        advocacy: "role",
        target: "Lead",
        note: MARK("others-sponsorship"),
        until: new Date("2026-09-30"),
      },
    ],
  });

  // Goals: her own objective, its key result, her check-in and her reflection once the period
  // closed; a colleague's own objective is not hers to read.
  const periodId = await createPeriod(admin, {
    name: "Export period",
    startsOn: dateToDay(new Date(clock.now().getTime() - 10 * DAY)),
    endsOn: dateToDay(new Date(clock.now().getTime() + 10 * DAY)),
  });
  const objective = (who: Parameters<typeof createObjective>[0], title: string, why: string) =>
    createObjective(who, {
      periodId,
      level: "person",
      teamId: null,
      title,
      why,
      commitment: "committed",
      parentId: null,
    });
  const { id: keyResultId } = await addKeyResult(
    person,
    await objective(person, MARK("objective"), MARK("objective-why")),
    {
      title: MARK("key-result"),
      kind: "metric",
      unit: "x",
      direction: "increase",
      startValue: 0,
      targetValue: 10,
    },
  );
  await checkIn(person, keyResultId, { value: 5, confidence: "onTrack", note: MARK("goal-note") });
  await objective(peers[0]!, MARK("others-objective"), MARK("others-objective-why"));
  await closePeriod(admin, periodId);
  await reflect(person, keyResultId, MARK("reflection"));

  await saveNotificationSettings(person.id, {
    ...DEFAULT_PREFERENCES,
    digest: "daily",
    timeZone: "Europe/Berlin",
  });

  // API tokens: one of her own in use, one she revoked; an admin's organisation token is not hers.
  const token = await issueApiToken(
    person.id,
    MARK("api-token"),
    ["people:read", "ladders:read"],
    "person",
  );
  const old = await issueApiToken(person.id, MARK("revoked-api-token"), ["people:read"], "person");
  await revokeApiToken(person, old.id);
  await db.apiToken.update({
    where: { id: token.id },
    data: { lastUsedAt: new Date("2026-03-04T05:06:00Z") },
  });
  await issueApiToken(admin.id, MARK("admins-api-token"), ["people:read"]);
  const secrets = [
    token.token,
    old.token,
    ...(
      await db.apiToken.findMany({ where: { personId: person.id }, select: { tokenHash: true } })
    ).map((row) => row.tokenHash),
  ];
  return {
    person: { ...hiring.ana, ...person },
    manager,
    peers,
    admin,
    stranger,
    ben: hiring.ben,
    secrets,
  };
}

/** What a loader or action answered, or threw (a refusal is thrown as its status). */
async function answer(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error;
  }
}

const download = async (exportId: string, userId: string) =>
  answer(async () =>
    downloadRoute.loader(
      routeArgs(await signedInRequest(`/settings/export/${exportId}/download`, userId), {
        exportId,
      }),
    ),
  );
const startOwn = async (personId: string) =>
  answer(async () =>
    exportRoute.action(routeArgs(await signedInPost("/settings/export", personId, {}))),
  );
const adminPage = async (viewerId: string) =>
  answer(async () =>
    adminExportRoute.loader(
      routeArgs(await signedInRequest(`/admin/people/${org.person.id}/export`, viewerId), {
        personId: org.person.id,
      }),
    ),
  );

/** The person's newest export as their page lists it. */
async function newestExport(personId: string) {
  const page = bodyOf<{
    exports: { id: string; state: string; sectionsDone: number; sectionsTotal: number }[];
  }>(await exportRoute.loader(routeArgs(await signedInRequest("/settings/export", personId))));
  return page.exports[0]!;
}

beforeAll(async () => {
  org = await setUpOrganisation();
}, 60_000);

describe("a person's export", () => {
  test("holds every kind of record the person may read, as the published schema says, and nothing they may not", async () => {
    const started = await startOwn(org.person.id);
    expect(statusOf(started)).toBe(302);
    const waiting = await newestExport(org.person.id);
    expect(waiting.state).toBe("queued");
    // A second start while one is being prepared is refused, and nothing more is queued.
    const again = await startOwn(org.person.id);
    expect(statusOf(again)).toBe(409);
    expect(await db.personalExport.count({ where: { personId: org.person.id } })).toBe(1);

    expect(await buildWaitingExports()).toBe(1);
    const ready = await newestExport(org.person.id);
    expect(ready).toMatchObject({ state: "ready", sectionsDone: ready.sectionsTotal });
    expect(ready.sectionsTotal).toBeGreaterThan(10);

    const response = (await download(ready.id, org.person.id)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const json = strFromU8(files[EXPORT_JSON]!);
    const doc = JSON.parse(json) as Record<string, unknown>;

    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync("public/schemas/export-v1.json", "utf8")) as object,
    );
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);

    const html = Object.entries(files)
      .filter(([name]) => name.endsWith(".html"))
      .map(([, bytes]) => strFromU8(bytes))
      .join("\n");
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        "index.html",
        "profile.html",
        "assessments.html",
        "conversations.html",
        "feedbackReceived.html",
        "auditEvents.html",
      ]),
    );
    expect(html).not.toMatch(/<(script|link|img)\b|src=|https?:\/\/(?!rungs)/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Personal export started");

    const readable = [
      "self-summary",
      "self-notes",
      "rating-evidence",
      "shared-review",
      "review-notes",
      "own-draft",
      "career-evidence",
      "agenda-point",
      "action",
      "own-private-note",
      "shared-note",
      "feedback-received-0",
      "feedback-received-1",
      "feedback-received-2",
      "feedback-written",
      "check-in",
      "own-scorecard",
      "promotion-released",
      "nomination-statement",
      "manager-addition",
      "packet-case",
      "packet-manager-case",
      "statement-for-peer",
      "opportunity-reason",
      "interest-note",
      "posted-opportunity",
      "sponsorship-received",
      "sponsorship-given",
      "objective",
      "objective-why",
      "key-result",
      "goal-note",
      "reflection",
      "api-token",
      "revoked-api-token",
    ];
    for (const marker of readable) {
      expect(json, `the JSON holds ${marker}`).toContain(MARK(marker));
      expect(html, `the readable pages hold ${marker}`).toContain(MARK(marker));
    }
    for (const marker of [
      "admins-api-token",
      "managers-private-note",
      "unshared-review",
      "unshared-notes",
      "feedback-not-released",
      "colleague-about-someone-else",
      "other-scorecard",
      "promotion-unreleased",
      "peers-packet-case",
      "peers-manager-case",
      "others-nomination",
      "others-interest-note",
      "others-opportunity",
      "others-sponsorship",
      "others-objective",
      "others-objective-why",
    ]) {
      expect(json + html, `nothing of ${marker}`).not.toContain(MARK(marker));
    }
    // Who wrote her anonymous feedback is nowhere in it.
    const received = JSON.stringify(doc.feedbackReceived);
    expect(received).toContain(MARK("feedback-received-0"));
    for (const peer of org.peers) {
      expect(received).not.toContain(peer.name);
      expect(received).not.toContain(peer.id);
    }
    expect(doc).toMatchObject({
      profile: { name: "Lena Person", email: org.person.email, manager: "Sam Manager" },
      growthPlan: { focus: [{ competencyId: "testing" }, { competencyId: "code-quality" }] },
      outcomes: [
        { session: "Spring calibration", outcome: "Level: staying at your current level." },
      ],
      notificationSettings: { digest: "daily", timeZone: "Europe/Berlin" },
      mentorship: [{ mentor: "Ravi Mentor", role: "mentee" }],
    });
    expect((doc.auditEvents as { action: string }[]).map((event) => event.action)).toContain(
      "export.requested",
    );
    // Her tokens as her account page lists them, never a secret nor the hash kept of it.
    expect(doc.apiTokens).toEqual([
      {
        name: MARK("api-token"),
        scopes: ["people:read", "ladders:read"],
        createdAt: expect.any(String),
        lastUsedAt: "2026-03-04T05:06:00.000Z",
        revokedAt: null,
      },
      {
        name: MARK("revoked-api-token"),
        scopes: ["people:read"],
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: expect.any(String),
      },
    ]);
    for (const secret of org.secrets) expect(json + html).not.toContain(secret);
    expect(html).toContain("Read people and teams, Read ladders");
    expect(doc.feedbackWritten).toEqual([
      expect.objectContaining({ about: "Omar Peerwriter", state: "submitted" }),
    ]);

    // Taken once: a second download is refused, and the archive is gone from the database.
    expect(statusOf(await download(ready.id, org.person.id))).toBe(403);
    expect(
      await db.personalExport.findUniqueOrThrow({
        where: { id: ready.id },
        select: { state: true, archive: true },
      }),
    ).toEqual({ state: "downloaded", archive: null });
    const events = await db.auditEvent.findMany({
      where: { subjectType: "person", subjectId: org.person.id, action: { startsWith: "export." } },
      select: { action: true, actorId: true },
    });
    // Each once, in whichever order the database returns them (PostgreSQL keeps none without one asked for).
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "export.requested", actorId: org.person.id },
        { action: "export.downloaded", actorId: org.person.id },
      ]),
    );
  });

  test("an admin starts one for a named person and follows it, but only the person takes it, in their language; anyone else finds nothing", async () => {
    await db.user.update({ where: { id: org.person.id }, data: { language: "ar" } });
    const started = await answer(async () =>
      adminExportRoute.action(
        routeArgs(await signedInPost(`/admin/people/${org.person.id}/export`, org.admin.id, {}), {
          personId: org.person.id,
        }),
      ),
    );
    expect(statusOf(started)).toBe(302);
    type AdminView = {
      exports: { id: string; state: string; startedByAdmin: boolean }[];
      refreshing: boolean;
    };
    // While it waits to be built the page looks again on its own; once it is ready, no more.
    const waiting = bodyOf<AdminView>(await adminPage(org.admin.id));
    expect([waiting.exports[0]!.state, waiting.refreshing]).toEqual(["queued", true]);
    await buildWaitingExports();
    const adminView = bodyOf<AdminView>(await adminPage(org.admin.id));
    const ready = adminView.exports[0]!;
    expect(ready).toMatchObject({ state: "ready", startedByAdmin: true });
    expect(adminView.refreshing).toBe(false);
    // The admin's page says where it stands, never what it holds.
    expect(JSON.stringify(adminView)).not.toContain("MARK-");

    // Neither the admin who started it, nor a manager, nor anyone else downloads it: not found.
    for (const other of [org.admin, org.manager, org.stranger])
      expect(statusOf(await download(ready.id, other.id))).toBe(404);
    // A person who is not an admin cannot start or follow someone else's export.
    expect(statusOf(await adminPage(org.stranger.id))).toBe(403);
    expect(statusOf(await download("no-such-export", org.person.id))).toBe(404);

    const response = (await download(ready.id, org.person.id)) as Response;
    expect(response.status).toBe(200);
    // The readable pages speak her language, right to left; the JSON says which it is.
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(strFromU8(files["index.html"]!)).toContain('<html lang="ar" dir="rtl">');
    expect(strFromU8(files["index.html"]!)).toContain("بياناتك في Rungs: Lena Person");
    expect(JSON.parse(strFromU8(files[EXPORT_JSON]!))).toMatchObject({
      language: "ar",
      outcomes: [{ outcome: "المستوى: تبقى في مستواك الحالي." }],
    });
    const audit = await db.auditEvent.findMany({
      where: { subjectType: "person", subjectId: org.person.id, action: { startsWith: "export." } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audit.slice(-2)).toEqual([
      { action: "export.requested", actorId: org.admin.id },
      { action: "export.downloaded", actorId: org.person.id },
    ]);
  });

  test("an archive nobody takes within a week is deleted", async () => {
    const day = 24 * 60 * 60 * 1000;
    const waiting = await db.personalExport.create({
      data: {
        personId: org.stranger.id,
        state: "ready",
        archive: new Uint8Array([1, 2, 3]),
        readyAt: new Date(Date.now() - 8 * day),
      },
    });
    const fresh = await db.personalExport.create({
      data: {
        personId: org.manager.id,
        state: "ready",
        archive: new Uint8Array([1, 2, 3]),
        readyAt: new Date(Date.now() - day),
      },
    });
    await buildWaitingExports();
    expect(
      await db.personalExport.findUniqueOrThrow({
        where: { id: waiting.id },
        select: { state: true, archive: true },
      }),
    ).toEqual({ state: "expired", archive: null });
    expect(
      await db.personalExport.findUniqueOrThrow({
        where: { id: fresh.id },
        select: { state: true },
      }),
    ).toEqual({ state: "ready" });
    expect(statusOf(await download(waiting.id, org.stranger.id))).toBe(403);
  });
});

import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import {
  answerPage,
  decideNomination,
  feedbackAbout,
  nominatePeer,
  pickCompetencies,
  replacementsNeeded,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
  withdrawRequest,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { addParticipants } from "~/modules/cycles/cycles.server";
import { setPersonActive } from "~/modules/people/service.server";
import { todoFor } from "~/modules/todo/todo.server";
import { createPerson } from "../../utils/factories";

/**
 * Peer and upward feedback against a real database: an admin's settings, nominations within the
 * cycle's limits, the manager's approval, autosaved answers, what each reader is shown, and the
 * requests a deactivation withdraws.
 */

async function organisation(
  cycleOverrides: {
    reviewCap?: number;
    maxPeers?: number;
    competencies?: "level" | "manager-picks";
  } = {},
) {
  const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const peers = await Promise.all(
    ["Omar", "Priya", "Quinn", "Rui"].map((name) =>
      createPerson({ name: `${name} Peer`, track: "ic", level: "ic2", managerId: manager.id }),
    ),
  );
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${engineer.id}`,
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: {
        create: [manager, engineer, ...peers].map((person) => ({ userId: person.id })),
      },
    },
  });
  const settings = FeedbackSettingsSchema.parse({
    peer: true,
    upward: true,
    dueOn: "2099-06-30",
    minPeers: 3,
    maxPeers: cycleOverrides.maxPeers ?? 4,
    reviewCap: cycleOverrides.reviewCap ?? 3,
    competencies: cycleOverrides.competencies ?? "level",
  });
  await saveFeedbackSettings(admin, cycle.id, settings);
  return { boss, manager, engineer, peers, admin, cycle, settings };
}

async function approvedRequest(
  org: Awaited<ReturnType<typeof organisation>>,
  reviewerIndex: number,
) {
  const nominated = await nominatePeer(
    org.engineer,
    org.cycle.id,
    org.engineer.id,
    org.peers[reviewerIndex]!.id,
  );
  if (!nominated.ok) throw new Error(nominated.message.key);
  await decideNomination(org.manager, nominated.requestId, "approve", null);
  return nominated.requestId;
}

async function answer(
  reviewer: { id: string; name: string; email: string; isAdmin: boolean; isHiringAdmin: boolean },
  requestId: string,
  text: string,
) {
  const page = await answerPage(reviewer, requestId);
  const competencyId = page.competencies[0]!.id;
  const saved = await saveAnswerDraft(reviewer, requestId, {
    baseRevision: page.request.revision,
    changes: [{ field: `notes:${competencyId}`, value: text, base: "" }],
  });
  expect(saved.status).toBe(200);
  expect(await submitAnswer(reviewer, requestId, page.request.revision + 1)).toEqual({ ok: true });
  return competencyId;
}

describe("a cycle's feedback settings", () => {
  test("are an admin's to set, with an audit event, and ask each manager's reports about them", async () => {
    const org = await organisation();
    await expect(
      saveFeedbackSettings(org.manager, org.cycle.id, org.settings),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const upward = await db.feedbackRequest.findMany({
      where: { cycleId: org.cycle.id, channel: "upward" },
      select: { subjectId: true, reviewerId: true, state: true },
    });
    expect(
      upward
        .filter((row) => row.subjectId === org.manager.id)
        .map((row) => row.reviewerId)
        .sort(),
    ).toEqual([org.engineer.id, ...org.peers.map((peer) => peer.id)].sort());
    expect(upward.every((row) => row.state === "approved")).toBe(true);
    // Saving again asks nobody twice.
    await saveFeedbackSettings(org.admin, org.cycle.id, org.settings);
    expect(
      await db.feedbackRequest.count({ where: { cycleId: org.cycle.id, channel: "upward" } }),
    ).toBe(upward.length);
    const events = await db.auditEvent.findMany({
      where: { subjectId: org.cycle.id, action: "feedback.settings_changed" },
    });
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events[0]!.detail)).not.toContain("secret");
  });

  test("ask a manager's reports about them when the manager joins the cycle later", async () => {
    const org = await organisation();
    expect(
      await db.feedbackRequest.count({
        where: { cycleId: org.cycle.id, channel: "upward", subjectId: org.boss.id },
      }),
    ).toBe(0);
    expect(await addParticipants(org.admin.id, org.cycle.id, [org.boss.email])).toEqual({
      ok: true,
      added: 1,
    });
    const asked = await db.feedbackRequest.findMany({
      where: { cycleId: org.cycle.id, channel: "upward", subjectId: org.boss.id },
      select: { reviewerId: true, state: true },
    });
    expect(asked).toEqual([{ reviewerId: org.manager.id, state: "approved" }]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: org.cycle.id, action: "cycle.participants_added" },
    });
    expect(event.detail).toMatchObject({ upwardRequests: 1 });
  });
});

describe("nominations", () => {
  test("the person nominates, the manager approves or declines with a reason", async () => {
    const org = await organisation();
    const first = await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, org.peers[0]!.id);
    expect(first).toMatchObject({ ok: true, state: "nominated" });
    if (!first.ok) return;
    // Omar answers nothing until the manager approves.
    expect(
      await saveAnswerDraft(org.peers[0]!, first.requestId, { baseRevision: 0, changes: [] }),
    ).toMatchObject({ status: 409, body: { message: "feedback:locks.notOpen" } });
    await expect(
      decideNomination(org.engineer, first.requestId, "approve", null),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      decideNomination(org.manager, first.requestId, "decline", " "),
    ).rejects.toBeInstanceOf(InvalidError);
    await decideNomination(
      org.manager,
      first.requestId,
      "decline",
      "Omar has not worked with Lena this year.",
    );
    expect(
      await db.feedbackRequest.findUniqueOrThrow({ where: { id: first.requestId } }),
    ).toMatchObject({
      state: "declined",
      declineReason: "Omar has not worked with Lena this year.",
    });
    // Declined by the manager, not by Omar: an answer to it is refused as closed, not as declined by him.
    expect(
      await saveAnswerDraft(org.peers[0]!, first.requestId, { baseRevision: 0, changes: [] }),
    ).toMatchObject({ status: 409, body: { message: "feedback:locks.notOpen" } });
    await expect(
      decideNomination(org.manager, first.requestId, "approve", null),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(
      await db.auditEvent.count({
        where: {
          subjectId: org.engineer.id,
          action: { in: ["feedback.nominated", "feedback.declined"] },
        },
      }),
    ).toBe(2);
  });

  test("refuses the person, their manager, the same peer twice and more peers than the cycle asks for", async () => {
    const org = await organisation({ maxPeers: 3 });
    expect(
      await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, org.engineer.id),
    ).toEqual({ ok: false, message: { key: "feedback:ineligible.self" } });
    expect(await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, org.manager.id)).toEqual(
      {
        ok: false,
        message: { key: "feedback:ineligible.manager", values: { name: "Sam Manager" } },
      },
    );
    await approvedRequest(org, 0);
    expect(
      await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, org.peers[0]!.id),
    ).toEqual({
      ok: false,
      message: { key: "feedback:ineligible.alreadyNominated", values: { name: "Omar Peer" } },
    });
    await approvedRequest(org, 1);
    await approvedRequest(org, 2);
    expect(
      await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, org.peers[3]!.id),
    ).toEqual({
      ok: false,
      message: { key: "feedback:errors.mostPeers", values: { name: "Lena Engineer", max: 3 } },
    });
    // A peer: the person's choices are not theirs, so for them they do not exist.
    await expect(
      nominatePeer(org.peers[0]!, org.cycle.id, org.engineer.id, org.peers[3]!.id),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  test("peers turned off mid-cycle: a nomination waiting is neither approved nor withdrawn, nor left on the manager's to-do list, as the page shows", async () => {
    const org = await organisation();
    const nominated = await nominatePeer(
      org.engineer,
      org.cycle.id,
      org.engineer.id,
      org.peers[0]!.id,
    );
    if (!nominated.ok) throw new Error(nominated.message.key);
    const waiting = async () =>
      (await todoFor({ id: org.manager.id, isAdmin: false }, new Date())).filter(
        (item) => item.kind === "feedback-approve",
      );
    expect(await waiting()).toHaveLength(1);
    await saveFeedbackSettings(org.admin, org.cycle.id, { ...org.settings, peer: false });
    await expect(
      decideNomination(org.manager, nominated.requestId, "approve", null),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(withdrawRequest(org.engineer, nominated.requestId)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(
      await db.feedbackRequest.findUniqueOrThrow({
        where: { id: nominated.requestId },
        select: { state: true },
      }),
    ).toEqual({ state: "nominated" });
    expect(await waiting()).toEqual([]);
    // Turned on again, the nomination is the manager's to decide once more.
    await saveFeedbackSettings(org.admin, org.cycle.id, org.settings);
    expect(await waiting()).toHaveLength(1);
    await decideNomination(org.manager, nominated.requestId, "approve", null);
  });

  test("where the cycle has the manager choose, only the person's manager nominates: not the person, not a peer, not the manager above", async () => {
    const org = await organisation();
    await saveFeedbackSettings(org.admin, org.cycle.id, { ...org.settings, nominator: "manager" });
    // Those who read the person's page are told why; a peer, whose the choices are not, is answered as for nobody.
    for (const other of [org.engineer, org.boss, org.admin]) {
      await expect(
        nominatePeer(other, org.cycle.id, org.engineer.id, org.peers[1]!.id),
        other.name,
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      nominatePeer(org.peers[0]!, org.cycle.id, org.engineer.id, org.peers[1]!.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await nominatePeer(org.manager, org.cycle.id, org.engineer.id, org.peers[1]!.id),
    ).toMatchObject({ ok: true });
  });

  test("a request waiting is withdrawn by its nominator or the person's manager; to anyone else it does not exist", async () => {
    const org = await organisation();
    const nominated = await nominatePeer(
      org.engineer,
      org.cycle.id,
      org.engineer.id,
      org.peers[0]!.id,
    );
    if (!nominated.ok) throw new Error(nominated.message.key);
    for (const outsider of [org.peers[0]!, org.peers[1]!, org.boss, org.admin]) {
      await expect(withdrawRequest(outsider, nominated.requestId)).rejects.toThrow(
        new NotFoundError({ key: "feedback:errors.noRequest" }),
      );
    }
    expect(
      await db.feedbackRequest.findUniqueOrThrow({
        where: { id: nominated.requestId },
        select: { state: true },
      }),
    ).toEqual({ state: "nominated" });
    await withdrawRequest(org.manager, nominated.requestId);
    expect(
      await db.feedbackRequest.findUniqueOrThrow({
        where: { id: nominated.requestId },
        select: { state: true, withdrawnReason: true },
      }),
    ).toEqual({ state: "withdrawn", withdrawnReason: "by-manager" });
    // Upward requests are nobody's to withdraw, not even the manager above the person they are about.
    const upward = await db.feedbackRequest.findFirstOrThrow({
      where: { cycleId: org.cycle.id, channel: "upward", subjectId: org.manager.id },
    });
    await expect(withdrawRequest(org.boss, upward.id)).rejects.toThrow(
      new NotFoundError({ key: "feedback:errors.noRequest" }),
    );
    expect(
      (
        await db.feedbackRequest.findUniqueOrThrow({
          where: { id: upward.id },
          select: { state: true },
        })
      ).state,
    ).toBe(upward.state);
  });

  test("stops at the cap on reviews one person is asked for, and a withdrawal frees the place", async () => {
    const org = await organisation({ reviewCap: 1 });
    const first = await nominatePeer(org.engineer, org.cycle.id, org.engineer.id, org.peers[0]!.id);
    expect(first.ok).toBe(true);
    const other = org.peers[1]!;
    expect(await nominatePeer(other, org.cycle.id, other.id, org.peers[0]!.id)).toEqual({
      ok: false,
      message: { key: "feedback:ineligible.atCap", values: { name: "Omar Peer", cap: 1 } },
    });
    if (first.ok) await withdrawRequest(org.engineer, first.requestId);
    expect(await nominatePeer(other, org.cycle.id, other.id, org.peers[0]!.id)).toMatchObject({
      ok: true,
    });
  });
});

describe("answers", () => {
  test("autosave as the self-assessment does, refuse a rating off the scale, and lock when submitted", async () => {
    const org = await organisation();
    const requestId = await approvedRequest(org, 0);
    const reviewer = org.peers[0]!;
    await expect(answerPage(org.peers[1]!, requestId)).rejects.toBeInstanceOf(NotFoundError);
    const page = await answerPage(reviewer, requestId);
    expect(page.competencies.length).toBeGreaterThan(0);
    expect(page.competencies[0]!.expectations.length).toBeGreaterThan(0);
    // The form in the reviewer's language, as the ladder's Arabic translation has it: the same competencies, in other words.
    const arabic = await answerPage(reviewer, requestId, "ar");
    expect(arabic.competencies.map(({ id }) => id)).toEqual(page.competencies.map(({ id }) => id));
    arabic.competencies.forEach((competency, index) => {
      expect(competency.name).not.toBe(page.competencies[index]!.name);
      expect(competency.name).toMatch(/[\u0600-\u06FF]/);
      expect(competency.expectations.map(({ text }) => text)).not.toEqual(
        page.competencies[index]!.expectations.map(({ text }) => text),
      );
    });
    expect(arabic.level!.title).not.toBe(page.level!.title);
    const [first, second] = page.competencies.map((competency) => competency.id);
    const scale = (
      await requireLadderOfVersion(
        (await db.feedbackRequest.findUniqueOrThrow({ where: { id: requestId } })).ladderVersionId,
      )
    ).scale;

    const bad = await saveAnswerDraft(reviewer, requestId, {
      baseRevision: 0,
      changes: [
        { field: `rating:${first}`, value: 99, base: null },
        { field: `notes:${first}`, value: "kept?", base: "" },
      ],
    });
    expect(bad.status).toBe(400);
    expect(await db.feedbackAnswer.count({ where: { requestId } })).toBe(0);

    const saved = await saveAnswerDraft(reviewer, requestId, {
      baseRevision: 0,
      changes: [
        { field: `rating:${first}`, value: scale[0]!.value, base: null },
        { field: `notes:${first}`, value: "In the March design review she …", base: "" },
      ],
    });
    expect(saved).toMatchObject({ status: 200, body: { ok: true, revision: 1 } });
    // A second tab, still at revision 0, changes another field: both are kept.
    const other = await saveAnswerDraft(reviewer, requestId, {
      baseRevision: 0,
      changes: [
        { field: `notes:${second}`, value: "", base: "" },
        { field: `notes:${first}`, value: "Other tab", base: "" },
      ],
    });
    expect(other).toMatchObject({
      status: 200,
      body: {
        revision: 2,
        conflicts: [
          {
            field: `notes:${first}`,
            mine: "Other tab",
            theirs: "In the March design review she …",
          },
        ],
      },
    });

    expect(await submitAnswer(reviewer, requestId, 1)).toMatchObject({ ok: false, kind: "stale" });
    expect(await submitAnswer(reviewer, requestId, 2)).toEqual({ ok: true });
    expect(
      (await db.feedbackAnswer.findMany({ where: { requestId } })).map((row) => row.competencyId),
    ).toEqual([first]);
    expect(
      await saveAnswerDraft(reviewer, requestId, {
        baseRevision: 3,
        changes: [{ field: `notes:${first}`, value: "later", base: "Other tab" }],
      }),
    ).toMatchObject({ status: 409 });
    expect(await submitAnswer(reviewer, requestId, 3)).toEqual({
      ok: false,
      kind: "locked",
      message: "feedback:locks.submitted",
    });
    // Asked, it is no longer the nominator's to withdraw, answered or not: the refusal does not tell them which.
    await expect(withdrawRequest(org.engineer, requestId)).rejects.toThrow(
      new ConflictError({ key: "feedback:errors.asked" }),
    );
    await expect(withdrawRequest(org.manager, requestId)).rejects.toThrow(
      new ConflictError({ key: "feedback:errors.notPending" }),
    );
  });

  test("once the cycle is closed, a draft answer and the cycle's settings no longer change", async () => {
    const org = await organisation();
    const requestId = await approvedRequest(org, 0);
    const page = await answerPage(org.peers[0]!, requestId);
    const competencyId = page.competencies[0]!.id;
    await db.reviewCycle.update({ where: { id: org.cycle.id }, data: { closedAt: new Date() } });
    const saved = await saveAnswerDraft(org.peers[0]!, requestId, {
      baseRevision: page.request.revision,
      changes: [{ field: `notes:${competencyId}`, value: "Too late.", base: "" }],
    });
    expect(saved).toMatchObject({ status: 409, body: { message: "feedback:locks.cycleClosed" } });
    expect(await db.feedbackAnswer.count({ where: { requestId } })).toBe(0);
    await expect(
      saveFeedbackSettings(org.admin, org.cycle.id, { ...org.settings, maxPeers: 3 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      (
        await db.feedbackSettings.findUniqueOrThrow({
          where: { cycleId: org.cycle.id },
          select: { maxPeers: true },
        })
      ).maxPeers,
    ).toBe(org.settings.maxPeers);
  });

  test("a submission needs one competency answered", async () => {
    const org = await organisation();
    const requestId = await approvedRequest(org, 0);
    expect(await submitAnswer(org.peers[0]!, requestId, 0)).toMatchObject({
      ok: false,
      kind: "incomplete",
    });
  });
});

describe("who reads what", () => {
  test("the manager reads names; the person nothing before release, then anonymous answers once three answered", async () => {
    const org = await organisation();
    // All three asked before the outcome is released: from then on nobody is nominated.
    const requests = [
      await approvedRequest(org, 0),
      await approvedRequest(org, 1),
      await approvedRequest(org, 2),
    ];
    const competencyId = await answer(
      org.peers[0]!,
      requests[0]!,
      "When the checkout migration stalled in March she wrote the rollback plan.",
    );
    await answer(
      org.peers[1]!,
      requests[1]!,
      "During the incident review in April he kept the notes and the timeline.",
    );

    const forManager = await feedbackAbout(org.manager, org.cycle.id, org.engineer.id, "peer");
    expect(forManager.release.view).toBe("named");
    await expect(
      feedbackAbout(org.engineer, org.cycle.id, org.engineer.id, "peer"),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      feedbackAbout(org.peers[2]!, org.cycle.id, org.engineer.id, "peer"),
    ).rejects.toBeInstanceOf(NotFoundError);

    // The outcome released to the person, through a published calibration session.
    const request = await db.feedbackRequest.findUniqueOrThrow({ where: { id: requests[0]! } });
    const session = await db.calibrationSession.create({
      data: {
        name: "Spring calibration",
        cycleId: org.cycle.id,
        facilitatorId: org.boss.id,
        state: "published",
        ladderId: "engineering",
        ladderVersionId: request.ladderVersionId,
        groupFloor: 4,
      },
    });
    await db.calibrationEntry.create({
      data: {
        sessionId: session.id,
        personId: org.engineer.id,
        managerId: org.manager.id,
        released: true,
      },
    });
    const two = await feedbackAbout(org.engineer, org.cycle.id, org.engineer.id, "peer");
    expect(two.release).toMatchObject({
      view: "anonymous",
      release: { released: false, authors: null },
    });

    await answer(
      org.peers[2]!,
      requests[2]!,
      "In the Q2 planning she split the epic into three tickets we could ship.",
    );
    const three = await feedbackAbout(org.engineer, org.cycle.id, org.engineer.id, "peer");
    expect(three.release).toMatchObject({
      view: "anonymous",
      release: { released: true, authors: 3 },
    });
    if (three.release.view !== "anonymous") return;
    const shown = three.release.release.competencies.find(
      (competency) => competency.competencyId === competencyId,
    )!;
    expect(shown.answers).toHaveLength(3);
    expect(JSON.stringify(three.release)).not.toMatch(/Peer|2026-/);

    // A cycle that shows names after release shows the person who wrote each answer.
    await saveFeedbackSettings(org.admin, org.cycle.id, {
      ...org.settings,
      namesShown: "after-release",
    });
    expect(
      (await feedbackAbout(org.engineer, org.cycle.id, org.engineer.id, "peer")).release.view,
    ).toBe("named");
  });

  test("upward feedback reaches the manager only as an aggregate under each report's floor", async () => {
    const org = await organisation();
    const upward = await db.feedbackRequest.findMany({
      where: { cycleId: org.cycle.id, channel: "upward", subjectId: org.manager.id },
      include: { reviewer: true },
    });
    for (const request of upward.slice(0, 3))
      await answer(
        request.reviewer,
        request.id,
        "When we planned the Q3 roadmap he asked each of us what we wanted to learn.",
      );
    const forBoss = await feedbackAbout(org.boss, org.cycle.id, org.manager.id, "upward");
    // Three reports, but the organisation's floor is four: nothing is released.
    expect(forBoss.release).toMatchObject({ view: "aggregate", release: { released: false } });
    await answer(
      upward[3]!.reviewer,
      upward[3]!.id,
      "During the April incident he took the pager so that I could sleep after a long night.",
    );
    const four = await feedbackAbout(org.boss, org.cycle.id, org.manager.id, "upward");
    expect(four.release).toMatchObject({
      view: "aggregate",
      release: { released: true, authors: 4 },
    });
    expect(JSON.stringify(four.release)).not.toMatch(/Peer|Lena/);
    await expect(
      feedbackAbout(org.manager, org.cycle.id, org.manager.id, "upward"),
    ).rejects.toBeInstanceOf(NotFoundError);

    // Once the manager's own outcome is released to him, he reads the same aggregate.
    const session = await db.calibrationSession.create({
      data: {
        name: "Spring calibration",
        cycleId: org.cycle.id,
        facilitatorId: org.boss.id,
        state: "published",
        ladderId: "engineering",
        ladderVersionId: upward[0]!.ladderVersionId,
        groupFloor: 4,
      },
    });
    await db.calibrationEntry.create({
      data: {
        sessionId: session.id,
        personId: org.manager.id,
        managerId: org.boss.id,
        released: true,
      },
    });
    const forManager = await feedbackAbout(org.manager, org.cycle.id, org.manager.id, "upward");
    expect(forManager.release).toMatchObject({
      view: "aggregate",
      release: { released: true, authors: 4 },
    });
    expect(JSON.stringify(forManager.release)).not.toMatch(/Peer|Lena/);
    // Someone who calibrates him reads a summary of it.
    const calibrator = await createPerson({
      name: "Cal Calibrator",
      track: "manager",
      level: "m2",
    });
    await db.calibrationCalibrator.create({
      data: { sessionId: session.id, userId: calibrator.id },
    });
    expect(
      (await feedbackAbout(calibrator, org.cycle.id, org.manager.id, "upward")).release,
    ).toMatchObject({ view: "summary", release: { released: true, authors: 4 } });
  });
});

describe("deactivation", () => {
  test("withdraws the requests a person was to answer, in the one deactivation, and tells their manager", async () => {
    const org = await organisation();
    const requestIds = [
      await approvedRequest(org, 0),
      await approvedRequest(org, 1),
      await approvedRequest(org, 2),
    ];
    expect(await replacementsNeeded(org.manager.id)).toEqual([]);
    const result = await setPersonActive(org.admin.id, org.peers[0]!.id, false);
    expect(result).toEqual({ ok: true });
    expect(
      await db.feedbackRequest.findUniqueOrThrow({ where: { id: requestIds[0]! } }),
    ).toMatchObject({ state: "withdrawn", withdrawnReason: "reviewer-deactivated" });
    expect(
      (await db.feedbackRequest.findUniqueOrThrow({ where: { id: requestIds[1]! } })).state,
    ).toBe("approved");
    // Omar was also asked about his manager (upward): that request went too.
    expect(
      await db.feedbackRequest.count({
        where: { reviewerId: org.peers[0]!.id, state: { not: "withdrawn" } },
      }),
    ).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: org.peers[0]!.id, action: "person.deactivated" },
    });
    expect(event.detail).toMatchObject({ feedbackRequestsWithdrawn: 2 });
    expect(await replacementsNeeded(org.manager.id)).toEqual([
      {
        cycleId: org.cycle.id,
        cycleName: org.cycle.name,
        person: { id: org.engineer.id, name: "Lena Engineer" },
        reviewerName: "Omar Peer",
      },
    ]);
    // Asking someone else takes the item away.
    await approvedRequest(org, 3);
    expect(await replacementsNeeded(org.manager.id)).toEqual([]);
  });

  test("withdraws the requests about the person, nominated and approved, and keeps what was answered", async () => {
    const org = await organisation();
    const answered = await approvedRequest(org, 0);
    await answer(org.peers[0]!, answered, "Clear design notes.");
    const approved = await approvedRequest(org, 1);
    const nominated = await nominatePeer(
      org.engineer,
      org.cycle.id,
      org.engineer.id,
      org.peers[2]!.id,
    );
    if (!nominated.ok) throw new Error(nominated.message.key);
    expect(await setPersonActive(org.admin.id, org.engineer.id, false)).toEqual({ ok: true });
    for (const id of [approved, nominated.requestId]) {
      expect(await db.feedbackRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
        state: "withdrawn",
        withdrawnReason: "subject-deactivated",
      });
    }
    expect((await db.feedbackRequest.findUniqueOrThrow({ where: { id: answered } })).state).toBe(
      "submitted",
    );
    // Lena was also to answer about her manager (upward): withdrawn as her own request.
    expect(
      await db.feedbackRequest.findFirstOrThrow({
        where: { reviewerId: org.engineer.id, subjectId: org.manager.id },
      }),
    ).toMatchObject({ state: "withdrawn", withdrawnReason: "reviewer-deactivated" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: org.engineer.id, action: "person.deactivated" },
    });
    expect(event.detail).toMatchObject({ feedbackRequestsWithdrawn: 3 });
  });
});

describe("competencies picked by the manager", () => {
  test("narrow what requests not yet answered ask, and what later ones ask", async () => {
    const org = await organisation({ competencies: "manager-picks" });
    const first = await approvedRequest(org, 0);
    const every = JSON.parse(
      (await db.feedbackRequest.findUniqueOrThrow({ where: { id: first } })).competencyIds,
    ) as string[];
    expect(every.length).toBeGreaterThan(2);
    await expect(
      pickCompetencies(org.engineer, org.cycle.id, org.engineer.id, [every[0]!]),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await pickCompetencies(org.manager, org.cycle.id, org.engineer.id, [])).toEqual({
      ok: false,
      message: "feedback:errors.pickOne",
    });
    expect(
      await pickCompetencies(org.manager, org.cycle.id, org.engineer.id, [every[2]!, every[0]!]),
    ).toEqual({ ok: true });
    expect(
      JSON.parse(
        (await db.feedbackRequest.findUniqueOrThrow({ where: { id: first } })).competencyIds,
      ),
    ).toEqual([every[0], every[2]]);
    expect(
      (await answerPage(org.peers[0]!, first)).competencies.map((competency) => competency.id),
    ).toEqual([every[0], every[2]]);
    const later = await approvedRequest(org, 1);
    expect(
      JSON.parse(
        (await db.feedbackRequest.findUniqueOrThrow({ where: { id: later } })).competencyIds,
      ),
    ).toEqual([every[0], every[2]]);
    // A cycle that asks about every competency has nothing to pick.
    const plain = await organisation();
    await expect(
      pickCompetencies(plain.manager, plain.cycle.id, plain.engineer.id, [every[0]!]),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

// Retention rules and the erasure of people who left: the admin page counts what the next pass
// removes and the pass removes exactly that; a legal hold stops both; a person's erasure is all or
// nothing; the page is a 404 to everyone but admins.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { erasedEmail, erasedName } from "~/modules/retention/erasure.server";
import { runRetentionPass } from "~/modules/retention/pass.server";
import type { RetentionPage } from "~/modules/retention/retention.server";
import * as auditRoute from "~/routes/admin.audit";
import * as personAdminRoute from "~/routes/admin.people.$personId";
import * as peopleRoute from "~/routes/admin.people._index";
import * as retentionRoute from "~/routes/admin.retention";
import { action, loader } from "~/routes/admin.retention";
import * as seriesListRoute from "~/routes/conversations._index";
import * as growthRoute from "~/routes/people.$personId._index";
import * as teamRoute from "~/routes/team";
import { createAdmin, createPerson } from "../../utils/factories";
import { answerText, bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { renderPage, type PageModule } from "../../utils/render-page";
import { signedInPost, signedInRequest } from "../../utils/session";

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function page(viewerId: string) {
  return bodyOf<RetentionPage>(
    await loader(routeArgs(await signedInRequest("/admin/retention", viewerId))),
  );
}

async function post(viewerId: string, fields: Record<string, string>) {
  try {
    return await action(routeArgs(await signedInPost("/admin/retention", viewerId, fields)));
  } catch (thrown) {
    return thrown;
  }
}

const RULES = {
  intent: "rules",
  privateNotes: "6",
  feedbackTexts: "2",
  leavers: "6",
  othersTexts: "keep",
  candidateDays: "180",
};

/** A one-to-one series between the two, with one meeting, and the notes given (author, visibility, text). */
async function series(
  managerId: string,
  reportId: string,
  notes: [string, "private" | "shared", string][],
) {
  const created = await db.conversationSeries.create({
    data: {
      kind: "one-to-one",
      managerId,
      reportId,
      cadence: "weekly",
      timeZone: "UTC",
      anchorAt: ago(400),
      createdById: managerId,
    },
  });
  const meeting = await db.conversationMeeting.create({
    data: { seriesId: created.id, scheduledFor: ago(390), startsAt: ago(390), status: "held" },
  });
  for (const [authorId, visibility, text] of notes)
    await db.conversationNote.create({
      data: { seriesId: created.id, meetingId: meeting.id, authorId, visibility, text },
    });
}

let admin: { id: string };
let engineer: { id: string };
let manager: { id: string };
let leaver: { id: string; name: string; email: string };
let recent: { id: string };
let held: { id: string; email: string };
let candidateId: string;

beforeAll(async () => {
  admin = await createAdmin({ name: "Avery Admin" });
  manager = await createPerson({ name: "Morgan Manager", track: "manager", level: "m1" });
  engineer = await createPerson({
    name: "Eli Engineer",
    managerId: manager.id,
    track: "ic",
    level: "ic2",
  });
  leaver = await createPerson({
    name: "Lee LEAVER-NAME",
    managerId: manager.id,
    track: "ic",
    level: "ic2",
    deactivatedAt: ago(300),
  });
  recent = await createPerson({
    name: "Rae Recent",
    managerId: manager.id,
    track: "ic",
    level: "ic2",
    deactivatedAt: ago(40),
  });
  held = await createPerson({
    name: "Hal Held",
    managerId: manager.id,
    track: "ic",
    level: "ic2",
    deactivatedAt: ago(300),
  });
  await series(manager.id, leaver.id, [
    [leaver.id, "private", "LEAVER-PRIVATE"],
    [manager.id, "private", "MANAGER-PRIVATE-ABOUT-LEAVER"],
    [leaver.id, "shared", "LEAVER-SHARED"],
  ]);
  await series(manager.id, recent.id, [[manager.id, "private", "MANAGER-PRIVATE-ABOUT-RECENT"]]);
  await series(manager.id, held.id, [[manager.id, "private", "MANAGER-PRIVATE-ABOUT-HELD"]]);
  await db.careerEvidence.create({
    data: {
      personId: leaver.id,
      competencyId: "code-quality",
      text: "LEAVER-EVIDENCE",
      occurredOn: ago(320),
    },
  });
  // As the people module records someone's arrival: their name and email in the detail.
  await db.auditEvent.create({
    data: {
      actorId: admin.id,
      action: "person.created",
      subjectType: "person",
      subjectId: leaver.id,
      detail: { name: leaver.name, email: leaver.email, track: "ic", level: "ic2" },
    },
  });

  // Three review cycles: the oldest has had two opened since, the middle one one.
  const versionId = (await ladderForLevel("ic2"))!.versionId;
  const cycles = [];
  for (const days of [700, 500, 320])
    cycles.push(
      await db.reviewCycle.create({
        data: { name: `Cycle ${days}`, startsOn: ago(days), endsOn: ago(days - 60) },
      }),
    );
  for (const [index, example] of [
    [0, "OLDEST-CYCLE-EXAMPLE"],
    [1, "MIDDLE-CYCLE-EXAMPLE"],
  ] as const) {
    const request = await db.feedbackRequest.create({
      data: {
        cycleId: cycles[index]!.id,
        channel: "peer",
        subjectId: manager.id,
        reviewerId: engineer.id,
        state: "submitted",
        dueOn: ago(600),
        ladderVersionId: versionId,
        trackId: "manager",
        levelId: "m1",
        competencyIds: '["code-quality"]',
        submittedAt: ago(600),
      },
    });
    await db.feedbackAnswer.create({
      data: { requestId: request.id, competencyId: "code-quality", rating: 3, example },
    });
  }
  candidateId = (
    await db.hiringCandidate.create({
      data: {
        name: "Casey CANDIDATE-NAME",
        email: "casey@example.org",
        pipelineStage: "rejected",
        rejectedAt: ago(200),
      },
    })
  ).id;
});

describe("retention and erasure", () => {
  test("anyone but an admin (an engineer, a manager, a hiring admin) gets a 404 from the page and its forms, and changes nothing", async () => {
    const hiringAdmin = await createPerson({ name: "Harper Hiring", isHiringAdmin: true });
    for (const viewer of [engineer, manager, hiringAdmin]) {
      expect(
        statusOf(
          await loader(routeArgs(await signedInRequest("/admin/retention", viewer.id))).catch(
            (thrown: unknown) => thrown,
          ),
        ),
      ).toBe(404);
      expect(statusOf(await post(viewer.id, RULES))).toBe(404);
      expect(statusOf(await post(viewer.id, { intent: "hold", email: held.email }))).toBe(404);
    }
    expect(await db.retentionRule.count()).toBe(0);
    expect(await db.legalHold.count()).toBe(0);
  });

  test("bad input gets a clear message and changes nothing", async () => {
    const zero = await post(admin.id, { ...RULES, leavers: "0" });
    expect(statusOf(zero)).toBe(400);
    expect(JSON.stringify(bodyOf(zero))).toContain("retention:errors.atLeastOne");
    // Ten years at most: a month more is refused with its reason.
    const tooLong = await post(admin.id, { ...RULES, leavers: "121" });
    expect(statusOf(tooLong)).toBe(400);
    expect(JSON.stringify(bodyOf(tooLong))).toContain("retention:errors.atMostMonths");
    const unknown = await post(admin.id, { intent: "hold", email: "nobody@example.com" });
    expect(statusOf(unknown)).toBe(400);
    expect(bodyOf<{ error: string }>(unknown).error).toBe("Nobody in Rungs has this email.");
    expect(await db.retentionRule.count()).toBe(0);
    expect(await db.legalHold.count()).toBe(0);
    expect((await page(admin.id)).next).toEqual({
      privateNotes: 0,
      feedbackTexts: 0,
      candidates: 0,
      teamHealthAnswers: 0,
      leavers: 0,
    });
  });

  test("the page counts what the next pass removes; the pass removes exactly that, audited without content; a held person keeps everything", async () => {
    expect(statusOf(await post(admin.id, RULES))).toBe(200);
    expect(statusOf(await post(admin.id, { intent: "hold", email: held.email }))).toBe(200);
    const predicted = await page(admin.id);
    expect(predicted.rules).toEqual({
      privateNotes: 6,
      feedbackTexts: 2,
      leavers: 6,
      teamHealthAnswers: null,
      othersTexts: "keep",
      candidateDays: 180,
    });
    expect(predicted.holds.map((hold) => hold.personId)).toEqual([held.id]);
    expect(predicted.next).toEqual({
      privateNotes: 2,
      feedbackTexts: 1,
      candidates: 1,
      teamHealthAnswers: 0,
      leavers: 1,
    });
    // The page as an admin reads it: each kind with its count, the rules, the hold.
    const { html } = await renderPage(
      retentionRoute as unknown as PageModule,
      "/admin/retention",
      "/admin/retention",
      admin.id,
    );
    const text = html
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/\s+/g, " ");
    for (const shown of [
      "The next pass",
      "Private one-to-one notes 2",
      "Feedback examples 1",
      "Rejected candidates' data 1",
      "People erased 1",
      "Hal Held",
      "Place a hold",
      "Erase now",
    ])
      expect(text).toContain(shown);

    const pass = await runRetentionPass();
    expect(pass).toEqual({ removed: predicted.next, failed: [] });

    const notes = await db.conversationNote.findMany({ select: { text: true } });
    expect(notes.map((note) => note.text).sort()).toEqual([
      "LEAVER-SHARED",
      "MANAGER-PRIVATE-ABOUT-HELD",
      "MANAGER-PRIVATE-ABOUT-RECENT",
    ]);
    const examples = await db.feedbackAnswer.findMany({ select: { example: true, rating: true } });
    expect(examples.map((answer) => [answer.example, answer.rating]).sort()).toEqual([
      ["", 3],
      ["MIDDLE-CYCLE-EXAMPLE", 3],
    ]);
    expect(
      (await db.hiringCandidate.findUniqueOrThrow({ where: { id: candidateId } })).purgedAt,
    ).not.toBeNull();

    const erased = await db.user.findUniqueOrThrow({ where: { id: leaver.id } });
    expect(erased).toMatchObject({
      name: erasedName(),
      email: erasedEmail(leaver.id),
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    expect(await db.careerEvidence.count({ where: { personId: leaver.id } })).toBe(0);
    expect(await db.erasureRecord.count({ where: { personId: leaver.id } })).toBe(1);
    // The held person and the recent leaver are as they were.
    expect((await db.user.findUniqueOrThrow({ where: { id: held.id } })).name).toBe("Hal Held");
    expect((await db.user.findUniqueOrThrow({ where: { id: recent.id } })).name).toBe("Rae Recent");

    const events = await db.auditEvent.findMany({
      where: {
        action: {
          in: [
            "person.erased",
            "retention.private_notes_removed",
            "retention.feedback_texts_removed",
            "candidate.purged",
          ],
        },
      },
      select: { action: true, subjectId: true, detail: true },
    });
    expect(events.map((event) => [event.action, event.subjectId]).sort()).toEqual(
      [
        ["candidate.purged", candidateId],
        ["person.erased", leaver.id],
        ["retention.feedback_texts_removed", manager.id],
        ["retention.private_notes_removed", leaver.id],
        ["retention.private_notes_removed", manager.id],
      ].sort(),
    );
    const logged = JSON.stringify(await db.auditEvent.findMany({ select: { detail: true } }));
    for (const marker of [
      "LEAVER-PRIVATE",
      "MANAGER-PRIVATE",
      "OLDEST-CYCLE-EXAMPLE",
      "LEAVER-EVIDENCE",
      "LEAVER-NAME",
      leaver.email,
    ])
      expect(logged).not.toContain(marker);

    // Nothing is left for the next pass.
    expect((await page(admin.id)).next).toEqual({
      privateNotes: 0,
      feedbackTexts: 0,
      candidates: 0,
      teamHealthAnswers: 0,
      leavers: 0,
    });
  });

  test("after the erasure no page an admin or their manager reads has the leaver's name, email or texts", async () => {
    const markers = ["LEAVER-NAME", leaver.email, "LEAVER-PRIVATE", "LEAVER-EVIDENCE"];
    const pages = [
      await answerText(
        personAdminRoute.loader,
        await signedInRequest(`/admin/people/${leaver.id}`, admin.id),
        { personId: leaver.id },
      ),
      await answerText(
        peopleRoute.loader,
        await signedInRequest("/admin/people?status=deactivated", admin.id),
      ),
      await answerText(auditRoute.loader, await signedInRequest("/admin/audit", admin.id)),
      await answerText(
        growthRoute.loader,
        await signedInRequest(`/people/${leaver.id}`, admin.id),
        { personId: leaver.id },
      ),
      await answerText(
        growthRoute.loader,
        await signedInRequest(`/people/${leaver.id}`, manager.id),
        { personId: leaver.id },
      ),
      await answerText(teamRoute.loader, await signedInRequest("/team", manager.id)),
      await answerText(seriesListRoute.loader, await signedInRequest("/conversations", manager.id)),
    ];
    for (const [index, text] of pages.entries())
      for (const marker of markers) expect(text, `page ${index}`).not.toContain(marker);
    // Their own pages answer as for someone who does not exist (aggregates.test.ts reads every one, for every role).
    for (const index of [0, 3, 4]) expect(pages[index], `page ${index}`).toMatch(/^404 /);
  });

  test("clearing a hold lets the next pass erase the person; placing and clearing are in the audit log", async () => {
    expect(statusOf(await post(admin.id, { intent: "hold", email: held.email }))).toBe(400);
    expect(statusOf(await post(admin.id, { intent: "clear", personId: held.id }))).toBe(200);
    expect((await page(admin.id)).next).toEqual({
      privateNotes: 1,
      feedbackTexts: 0,
      candidates: 0,
      teamHealthAnswers: 0,
      leavers: 1,
    });
    expect((await runRetentionPass()).removed).toEqual({
      privateNotes: 1,
      feedbackTexts: 0,
      candidates: 0,
      teamHealthAnswers: 0,
      leavers: 1,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: held.id } })).name).toBe(erasedName());
    const holds = await db.auditEvent.findMany({
      where: { subjectId: held.id, action: { startsWith: "person.legal_hold" } },
      orderBy: { createdAt: "asc" },
    });
    expect(holds.map((event) => [event.action, event.actorId])).toEqual([
      ["person.legal_hold_set", admin.id],
      ["person.legal_hold_cleared", admin.id],
    ]);
    // An erased person has nothing left to hold.
    expect(
      bodyOf<{ error: string }>(
        await post(admin.id, { intent: "hold", email: erasedEmail(held.id) }),
      ).error,
    ).toBe("This person has been erased: there is nothing left to hold.");
  });

  test("an admin erases someone who left at once, for a request received elsewhere: never someone still here or on hold, and only when confirmed", async () => {
    const left = await createPerson({ name: "Ola REQUEST-NAME", deactivatedAt: ago(10) });
    await db.careerEvidence.create({
      data: {
        personId: left.id,
        competencyId: "testing",
        text: "REQUEST-EVIDENCE",
        occurredOn: ago(20),
      },
    });
    const stillHere = await createPerson({ name: "Sky Still" });
    const refused = async (fields: Record<string, string>) => {
      const answer = await post(admin.id, { intent: "erase", ...fields });
      expect(statusOf(answer)).toBe(400);
      return JSON.stringify(bodyOf(answer));
    };
    expect(await refused({ email: left.email })).toContain("retention:errors.confirmErase");
    expect(await refused({ email: "nobody@example.com", confirm: "erase" })).toContain(
      "Nobody in Rungs has this email.",
    );
    expect(await refused({ email: stillHere.email, confirm: "erase" })).toContain(
      "This person has not left: deactivate them first.",
    );
    expect(statusOf(await post(admin.id, { intent: "hold", email: left.email }))).toBe(200);
    expect(await refused({ email: left.email, confirm: "erase" })).toContain(
      "This person is on legal hold: clear the hold first.",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: left.id } })).name).toBe(
      "Ola REQUEST-NAME",
    );
    expect(statusOf(await post(admin.id, { intent: "clear", personId: left.id }))).toBe(200);

    expect(
      statusOf(await post(admin.id, { intent: "erase", email: left.email, confirm: "erase" })),
    ).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id: left.id } })).toMatchObject({
      name: erasedName(),
      email: erasedEmail(left.id),
    });
    expect(await db.careerEvidence.count({ where: { personId: left.id } })).toBe(0);
    const erased = await db.auditEvent.findMany({
      where: { action: "person.erased", subjectId: left.id },
    });
    expect(erased.map((event) => [event.actorId, event.detail])).toEqual([
      [admin.id, { reason: "request" }],
    ]);
    expect(await refused({ email: erasedEmail(left.id), confirm: "erase" })).toContain(
      "This person has already been erased.",
    );
    expect(
      statusOf(
        await post(engineer.id, { intent: "erase", email: stillHere.email, confirm: "erase" }),
      ),
    ).toBe(404);
  });

  test("with the rule set to remove them, what a leaver wrote in other people's records goes too, but not feedback, which would point at them in its anonymous batch; what others wrote stays", async () => {
    expect(statusOf(await post(admin.id, { ...RULES, othersTexts: "remove" }))).toBe(200);
    const writer = await createPerson({
      name: "Wren Writer",
      managerId: manager.id,
      track: "ic",
      level: "ic2",
      deactivatedAt: ago(300),
    });
    await series(manager.id, writer.id, [
      [writer.id, "shared", "WRITER-SHARED"],
      [manager.id, "shared", "MANAGER-SHARED-WITH-WRITER"],
    ]);
    const request = await db.feedbackRequest.findFirstOrThrow({
      where: { answers: { some: { example: "MIDDLE-CYCLE-EXAMPLE" } } },
    });
    const written = await db.feedbackRequest.create({
      data: {
        cycleId: request.cycleId,
        channel: "peer",
        subjectId: manager.id,
        reviewerId: writer.id,
        state: "submitted",
        dueOn: ago(450),
        ladderVersionId: request.ladderVersionId,
        trackId: "manager",
        levelId: "m1",
        competencyIds: '["code-quality"]',
        submittedAt: ago(450),
      },
    });
    await db.feedbackAnswer.create({
      data: {
        requestId: written.id,
        competencyId: "code-quality",
        rating: 4,
        example: "WRITER-EXAMPLE-ABOUT-MANAGER",
      },
    });

    expect((await runRetentionPass()).removed.leavers).toBe(1);
    const notes = (await db.conversationNote.findMany({ select: { text: true } })).map(
      (note) => note.text,
    );
    expect(notes).toContain("MANAGER-SHARED-WITH-WRITER");
    expect(notes).not.toContain("WRITER-SHARED");
    expect(
      await db.feedbackAnswer.findUniqueOrThrow({
        where: { requestId_competencyId: { requestId: written.id, competencyId: "code-quality" } },
      }),
    ).toMatchObject({ example: "WRITER-EXAMPLE-ABOUT-MANAGER", rating: 4 });
    expect(await db.feedbackAnswer.count({ where: { example: "MIDDLE-CYCLE-EXAMPLE" } })).toBe(1);
  });

  test("the examples about a person in a cycle go together: a hold on any of its reviewers keeps the whole batch", async () => {
    const request = await db.feedbackRequest.findFirstOrThrow({
      where: { answers: { some: { example: "MIDDLE-CYCLE-EXAMPLE" } } },
    });
    const cycle = await db.reviewCycle.create({
      data: { name: "Oldest cycle", startsOn: ago(900), endsOn: ago(860) },
    });
    const reviewers = [
      await createPerson({ name: "Kit Kept" }),
      await createPerson({ name: "Noa Held" }),
    ];
    for (const [index, reviewer] of reviewers.entries()) {
      const asked = await db.feedbackRequest.create({
        data: {
          cycleId: cycle.id,
          channel: "peer",
          subjectId: engineer.id,
          reviewerId: reviewer.id,
          state: "submitted",
          dueOn: ago(880),
          ladderVersionId: request.ladderVersionId,
          trackId: "ic",
          levelId: "ic2",
          competencyIds: '["code-quality"]',
          submittedAt: ago(880),
        },
      });
      await db.feedbackAnswer.create({
        data: {
          requestId: asked.id,
          competencyId: "code-quality",
          rating: 2,
          example: `BATCH-EXAMPLE-${index}`,
        },
      });
    }
    expect(statusOf(await post(admin.id, { intent: "hold", email: reviewers[1]!.email }))).toBe(
      200,
    );
    expect((await page(admin.id)).next.feedbackTexts).toBe(0);
    expect((await runRetentionPass()).removed.feedbackTexts).toBe(0);
    expect(
      await db.feedbackAnswer.count({ where: { example: { startsWith: "BATCH-EXAMPLE-" } } }),
    ).toBe(2);

    expect(statusOf(await post(admin.id, { intent: "clear", personId: reviewers[1]!.id }))).toBe(
      200,
    );
    expect((await page(admin.id)).next.feedbackTexts).toBe(2);
    expect((await runRetentionPass()).removed.feedbackTexts).toBe(2);
    expect(
      await db.feedbackAnswer.count({ where: { example: { startsWith: "BATCH-EXAMPLE-" } } }),
    ).toBe(0);
  });

  test("a failure part-way through a person's erasure leaves that person untouched; the next pass finishes it", async () => {
    const failing = await createPerson({
      name: "Fay FAILING-NAME",
      managerId: manager.id,
      track: "ic",
      level: "ic3",
      deactivatedAt: ago(300),
    });
    await db.careerEvidence.create({
      data: {
        personId: failing.id,
        competencyId: "testing",
        text: "FAILING-EVIDENCE",
        occurredOn: ago(320),
      },
    });
    await db.session.create({
      data: { id: `session-${failing.id}`, userId: failing.id, expiresAt: ago(-30) },
    });
    // Someone already holds the address the erasure gives: its last step is refused.
    const blocker = await createPerson({ email: erasedEmail(failing.id) });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const pass = await runRetentionPass();
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    expect(pass).toEqual({
      removed: {
        privateNotes: 0,
        feedbackTexts: 0,
        candidates: 0,
        teamHealthAnswers: 0,
        leavers: 0,
      },
      failed: [failing.id],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: failing.id } })).name).toBe(
      "Fay FAILING-NAME",
    );
    expect(await db.careerEvidence.count({ where: { personId: failing.id } })).toBe(1);
    expect(await db.session.count({ where: { userId: failing.id } })).toBe(1);
    expect(await db.erasureRecord.count({ where: { personId: failing.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "person.erased", subjectId: failing.id } }),
    ).toBe(0);

    await db.user.delete({ where: { id: blocker.id } });
    expect((await runRetentionPass()).removed.leavers).toBe(1);
    expect(await db.careerEvidence.count({ where: { personId: failing.id } })).toBe(0);
  });
});

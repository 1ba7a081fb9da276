// Email reminders against a real SMTP server on a loopback port (smtp-server), read back with mailparser.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { db } from "~/db/client.server";
import {
  deliverQueued,
  LEASE_MS,
  runNotificationPass,
  type Transport,
} from "~/modules/notifications/outbox.server";
import * as outboxRoute from "~/routes/admin.email";
import * as settingsRoute from "~/routes/settings.email";
import * as unsubscribeRoute from "~/routes/unsubscribe";
import {
  competencyIds,
  openCycle,
  organisation,
  startSelf,
} from "../assessments/assessments-helpers";
import { assignInterviewer, removeInterview } from "~/modules/hiring/loops.server";
import { asViewer, hiringSetUp, scoreAndSubmit } from "../hiring/helpers";
import { answerOf, bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { renderPage, type PageModule } from "../../utils/render-page";
import { documentShipsScripts } from "~/utils/page-scripts";
import { signedInPost, signedInRequest } from "../../utils/session";
import { startSmtpSink } from "../../utils/smtp-sink";
import { createSession, inviteCalibrator } from "~/modules/calibration/sessions.server";
import { action as sessionAction } from "~/routes/calibration.$sessionId._index";
import * as loopRoute from "~/routes/hiring.loops.$loopId._index";
import { createAdmin, createPerson } from "../../utils/factories";

const MARKER = "PRIVATE-MARKER-7f3a";
// Tuesday 24 November 2026, 08:00 UTC: no weekly digest is due, every interview of the set-up is past.
const TUESDAY = new Date("2026-11-24T08:00:00Z");

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

function pass(
  at: Date,
  options: { transport?: Transport; worker?: string; signal?: AbortSignal } = {},
) {
  return runNotificationPass(options.transport ?? sink.transport(), {
    now: () => at,
    worker: options.worker,
    signal: options.signal,
  });
}

/** A header as sent, unfolded. */
function header(raw: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, "mi").exec(raw.replace(/\r?\n[ \t]+/g, " "))?.[1];
}

/** Only what arrived after `from`, for one of `people`. */
function receivedFor(people: { email: string }[], from = 0) {
  const emails = new Set(people.map((person) => person.email));
  return sink.received.slice(from).filter((message) => message.to.some((to) => emails.has(to)));
}

/** How many messages arrived per outbox key (the Message-ID is the outbox row's). */
async function copiesPerMessage(people: { id: string }[]) {
  const rows = await db.outboxMessage.findMany({
    where: {
      userId: { in: people.map((person) => person.id) },
      status: { notIn: ["skipped", "combined"] },
    },
    select: { id: true },
  });
  const ids = sink.received.map((message) => message.mail.messageId);
  return rows.map((row) => ids.filter((id) => id === `<${row.id}@example.com>`).length);
}

describe("email reminders over SMTP", () => {
  test("each person hears of what they owe once, with one-click unsubscribe and nothing private; a second pass sends nothing", async () => {
    const { manager, engineer, peer, boss, admin } = await organisation();
    const cycle = await openCycle(`Email ${engineer.id}`, [engineer.id, peer.id]);
    const selfId = await startSelf(engineer.id);
    const [competency] = await competencyIds(selfId);
    await db.assessmentRating.updateMany({
      where: { assessmentId: selfId, competencyId: competency },
      data: { notes: MARKER },
    });
    const hiring = await hiringSetUp();
    await scoreAndSubmit(
      hiring.ana,
      hiring.anaInterview,
      ["code-quality", "testing"],
      4,
      MARKER,
      "yes",
    );
    const loop = await db.hiringLoop.update({
      where: { id: hiring.loopId },
      data: { rationale: MARKER },
      select: { candidateId: true },
    });
    await db.hiringCandidate.update({ where: { id: loop.candidateId }, data: { notes: MARKER } });
    const everyone = [
      manager,
      engineer,
      peer,
      boss,
      admin,
      hiring.grace,
      hiring.olga,
      hiring.admin,
      hiring.ana,
      hiring.ben,
      hiring.stranger,
    ];

    const first = await pass(TUESDAY);
    expect(first?.failed).toBe(0);
    const mail = receivedFor(everyone);
    const subjects = (person: { email: string }) =>
      mail
        .filter((message) => message.to.includes(person.email))
        .map((message) => message.mail.subject);
    expect(subjects(engineer)).toEqual([
      `New on your to-do list: Assess yourself for ${cycle.name}`,
    ]);
    expect(subjects(manager)).toEqual([
      `New on your to-do list: Review 2 reports for ${cycle.name}`,
    ]);
    // Ben's card is owed a day after the interview: the news of it says so once, not twice.
    expect(subjects(hiring.ben)).toEqual([
      expect.stringMatching(/^New on your to-do list: Scorecard for /),
    ]);
    expect(subjects(hiring.ana)).toEqual([]);
    expect(subjects(hiring.stranger)).toEqual([]);

    for (const message of mail) {
      expect(message.raw).not.toContain(MARKER);
      expect(message.raw).not.toContain("CANDIDATE-PRIVATE-NOTE");
      expect(header(message.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      expect(header(message.raw, "List-Unsubscribe")).toMatch(
        /^<http:\/\/rungs\.test\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
      );
      expect(message.mail.messageId).toMatch(/^<[\w-]+@example\.com>$/);
      expect(message.mail.date).toBeInstanceOf(Date);
      expect(message.mail.from?.value).toEqual([{ name: "Rungs", address: "rungs@example.com" }]);
      expect(message.mail.text).toContain("http://rungs.test/");
      expect(message.mail.html).toContain('<html lang="en">');
    }
    const link = mail.find((message) => message.to.includes(hiring.ben.email))!.mail.text!;
    expect(link).toContain(`http://rungs.test/hiring/interviews/${hiring.benInterview}`);

    const before = sink.received.length;
    expect(await pass(TUESDAY)).toEqual({
      planned: expect.any(Number),
      queued: 0,
      sent: 0,
      retried: 0,
      failed: 0,
    });
    // A day later nothing new is owed; Ben's card is still owed and was already news.
    await pass(new Date("2026-11-25T08:00:00Z"));
    expect(sink.received.length).toBe(before);
    expect(new Set(await copiesPerMessage(everyone))).toEqual(new Set([1]));
  });

  test("one-click unsubscribe works without signing in and turns off that kind for that person only", async () => {
    const { engineer, peer } = await organisation();
    await openCycle(`Unsubscribe ${engineer.id}`, [engineer.id, peer.id]);
    const from = sink.received.length;
    await pass(TUESDAY);
    const [message] = receivedFor([engineer], from);
    const url = header(message!.raw, "List-Unsubscribe")!.slice(1, -1);
    const post = (target: string) =>
      unsubscribeRoute.action(
        routeArgs(
          new Request(target.replace("http://rungs.test", "http://localhost"), {
            method: "POST",
            body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
          }),
        ),
      );
    expect(await post(url)).toEqual({ done: true, kinds: ["nudge-new"] });
    const preferences = await db.notificationPreference.findMany({
      where: { userId: { in: [engineer.id, peer.id] } },
    });
    expect(preferences).toMatchObject([
      {
        userId: engineer.id,
        nudgeNew: false,
        nudgeDueSoon: true,
        nudgeOverdue: true,
        nudgeScorecard: true,
        digest: "weekly",
        paused: false,
      },
    ]);

    const tampered = url.replace(/\.[\w-]+$/, ".AAAA");
    expect(statusOf(await thrown(() => post(tampered)))).toBe(404);
    expect(
      statusOf(
        await thrown(() =>
          unsubscribeRoute.loader(routeArgs(new Request("http://localhost/unsubscribe"))),
        ),
      ),
    ).toBe(404);
  });

  test("a pass stopped mid-batch leaves the rest to the next pass once its lease runs out; nothing twice", async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => organisation()));
    for (const { engineer, peer } of people)
      await openCycle(`Stopped ${engineer.id}`, [engineer.id, peer.id]);
    const everyone = people.flatMap((group) => Object.values(group));
    const from = sink.received.length;
    const stop = new AbortController();
    const real = sink.transport();
    let delivered = 0;
    const stoppingAfterThree: Transport = {
      async sendMail(message) {
        const info = await real.sendMail(message);
        if (++delivered === 3) stop.abort();
        return info;
      },
    };
    expect(
      await pass(TUESDAY, {
        transport: stoppingAfterThree,
        signal: stop.signal,
        worker: "server-a",
      }),
    ).toMatchObject({ sent: 3 });
    const claimed = await db.outboxMessage.count({
      where: { status: "queued", claimedBy: "server-a" },
    });
    expect(claimed).toBeGreaterThan(0);
    // Another server right away takes nothing the stopped pass still holds.
    expect(await pass(TUESDAY, { worker: "server-b" })).toMatchObject({ sent: 0 });
    expect(
      await pass(new Date(TUESDAY.getTime() + LEASE_MS + 1000), { worker: "server-b" }),
    ).toMatchObject({ sent: claimed });
    expect(receivedFor(everyone, from)).toHaveLength(3 + claimed);
    expect(new Set(await copiesPerMessage(everyone))).toEqual(new Set([1]));
  });

  test("two app servers passing at once send each message once", async () => {
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => organisation()));
    for (const { engineer, peer } of people)
      await openCycle(`Twice ${engineer.id}`, [engineer.id, peer.id]);
    const everyone = people.flatMap((group) => Object.values(group));
    const from = sink.received.length;
    const [a, b] = await Promise.all([
      pass(TUESDAY, { worker: "server-a" }),
      pass(TUESDAY, { worker: "server-b" }),
    ]);
    expect(a!.sent + b!.sent).toBe(receivedFor(everyone, from).length);
    expect(receivedFor(everyone, from).length).toBeGreaterThanOrEqual(people.length * 2);
    expect(new Set(await copiesPerMessage(everyone))).toEqual(new Set([1]));
  });

  test(
    "two processes passing at once (npm run notifications:send twice, as two app servers would) send each message once",
    { timeout: 90_000 },
    async () => {
      const people = await Promise.all([1, 2, 3, 4].map(() => organisation()));
      for (const { engineer, peer } of people)
        await openCycle(`Processes ${engineer.id}`, [engineer.id, peer.id]);
      const everyone = people.flatMap((group) => Object.values(group));
      const from = sink.received.length;
      const sendNow = () =>
        new Promise<{ status: number | null; output: string }>((resolve) => {
          // The test file's database, SMTP sink and sender, through the environment.
          const child = spawn("./node_modules/.bin/tsx", ["scripts/notifications-send.ts"], {
            env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
            stdio: ["ignore", "pipe", "pipe"],
          });
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.on("close", (status) => resolve({ status, output }));
        });
      const runs = await Promise.all([sendNow(), sendNow()]);
      expect(
        runs.map((run) => run.status),
        runs.map((run) => run.output).join("\n"),
      ).toEqual([0, 0]);
      const sent = runs.map((run) => Number(/(\d+) sent/.exec(run.output)?.[1] ?? NaN));
      expect(sent[0]! + sent[1]!).toBe(sink.received.length - from);
      expect(receivedFor(everyone, from).length).toBeGreaterThanOrEqual(people.length * 2);
      expect(new Set(await copiesPerMessage(everyone))).toEqual(new Set([1]));
    },
  );

  test("421 is tried again later and goes through once the server recovers", async () => {
    const { engineer, peer, manager } = await organisation();
    await openCycle(`Busy ${engineer.id}`, [engineer.id, peer.id]);
    const from = sink.received.length;
    sink.answerWith(() => ({ code: 421, text: "Too busy, try again later" }));
    const busy = await pass(TUESDAY);
    expect(busy).toMatchObject({ sent: 0, failed: 0 });
    expect(busy!.retried).toBeGreaterThan(0);
    const waiting = await db.outboxMessage.findMany({
      where: { userId: { in: [engineer.id, manager.id] }, status: "queued" },
      select: { attempts: true, lastError: true, nextAttemptAt: true },
    });
    expect(
      waiting.map((row) => [row.attempts, row.lastError, row.nextAttemptAt.toISOString()]),
    ).toEqual([
      [1, expect.stringContaining("421"), "2026-11-24T08:01:00.000Z"],
      [1, expect.stringContaining("421"), "2026-11-24T08:01:00.000Z"],
    ]);
    sink.answerWith(() => null);
    // Not before its time.
    expect(await pass(new Date("2026-11-24T08:00:30Z"))).toMatchObject({ sent: 0 });
    expect((await pass(new Date("2026-11-24T08:01:00Z")))!.sent).toBe(busy!.retried);
    expect(
      receivedFor([engineer, manager], from).map((message) => message.mail.subject).length,
    ).toBe(2);
    expect(new Set(await copiesPerMessage([engineer, manager]))).toEqual(new Set([1]));
  });

  test("550 marks the message failed with the server's answer; an admin sees it and sends it again", async () => {
    const { engineer, peer, manager, admin } = await organisation();
    await openCycle(`Refused ${engineer.id}`, [engineer.id, peer.id]);
    sink.answerWith((address) =>
      address === engineer.email ? { code: 550, text: "No such mailbox here" } : null,
    );
    const from = sink.received.length;
    expect(await pass(TUESDAY)).toMatchObject({ failed: 1 });
    sink.answerWith(() => null);
    const failed = await db.outboxMessage.findFirstOrThrow({
      where: { userId: engineer.id, status: { notIn: ["skipped", "combined"] } },
    });
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringContaining("550 No such mailbox here"),
    });
    expect(receivedFor([engineer], from)).toEqual([]);
    expect(receivedFor([manager], from)).toHaveLength(1);

    const page = await outboxRoute.loader(
      routeArgs(await signedInRequest("/admin/email?status=failed", admin.id)),
    );
    expect(page.messages.find((message) => message.id === failed.id)).toMatchObject({
      toAddress: engineer.email,
      failure: { kind: "refused", detail: expect.stringContaining("550 No such mailbox here") },
    });
    expect(
      statusOf(
        await thrown(async () =>
          outboxRoute.loader(routeArgs(await signedInRequest("/admin/email", engineer.id))),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await thrown(async () =>
          outboxRoute.action(
            routeArgs(
              await signedInPost("/admin/email", engineer.id, {
                intent: "resend",
                messageId: failed.id,
              }),
            ),
          ),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await thrown(async () =>
          outboxRoute.action(
            routeArgs(
              await signedInPost("/admin/email", admin.id, {
                intent: "resend",
                messageId: "no-such-message",
              }),
            ),
          ),
        ),
      ),
    ).toBe(404);

    // Sent as HTML (decision 157): back to the tab it was sent again from, which says so.
    expect(
      answerOf(
        await outboxRoute.action(
          routeArgs(
            await signedInPost("/admin/email?status=failed", admin.id, {
              intent: "resend",
              messageId: failed.id,
            }),
          ),
        ),
      ),
    ).toEqual({ status: 302, location: "/admin/email?status=failed&done=resent" });
    const resentPage = await renderPage(
      outboxRoute as unknown as PageModule,
      "/admin/email",
      "/admin/email?status=failed&done=resent",
      admin.id,
    );
    expect(resentPage.html).toContain("Queued to send again.");
    expect(documentShipsScripts([undefined, outboxRoute.handle])).toBe(false);
    expect(
      await db.auditEvent.count({
        where: { action: "email.resent", subjectId: failed.id, actorId: admin.id },
      }),
    ).toBe(1);
    // Resent on the real clock (the admin's action takes no other), so the next delivery on the real clock sends it; a whole
    // pass at a fixed time before it would not, and one on the real clock would queue whatever that day owes (a Monday's digest).
    expect(await deliverQueued(sink.transport(), "Rungs <rungs@example.com>")).toMatchObject({
      sent: 1,
    });
    expect(receivedFor([engineer], from)).toHaveLength(1);
  });
});

describe("calendar invitations", () => {
  test("an interviewer is invited to an interview to come, updated with a higher sequence when it moves, and sent a cancellation when taken off", async () => {
    const hiring = await hiringSetUp();
    const stage = hiring.stages[0]!;
    const assigned = await assignInterviewer(asViewer(hiring.grace), hiring.loopId, {
      stageId: stage.id,
      email: hiring.stranger.email,
      scheduledAt: new Date("2026-11-26T10:00:00Z"),
    });
    expect(assigned.ok).toBe(true);
    const interview = await db.hiringInterview.findFirstOrThrow({
      where: { loopId: hiring.loopId, interviewerId: hiring.stranger.id },
    });
    await settingsRoute.action(
      routeArgs(
        await signedInPost("/settings/email", hiring.stranger.id, {
          digest: "weekly",
          invitations: "on",
          timeZone: "Europe/Berlin",
        }),
      ),
    );
    const calendars = (from: number) =>
      receivedFor([hiring.stranger], from).flatMap((message) =>
        message.mail.attachments
          .filter((part) => part.contentType.startsWith("text/calendar"))
          .map((part) => ({
            subject: message.mail.subject,
            text: part.content.toString("utf8").replace(/\r?\n[ \t]/g, ""),
          })),
      );

    let from = sink.received.length;
    await pass(TUESDAY);
    const [invited] = calendars(from);
    // On the interviewer's clock: 10:00 UTC is 11:00 in Berlin.
    expect(invited?.subject).toMatch(
      new RegExp(
        `^Invitation: Interview \\(${stage.name}\\) for Senior Engineer, Payments, Thursday,? 26 November 2026 at 11:00 \\(Europe/Berlin\\)$`,
      ),
    );
    expect(invited?.text).toContain("METHOD:REQUEST");
    expect(invited?.text).toContain(`UID:interview-${interview.id}@example.com`);
    expect(invited?.text).toContain("SEQUENCE:0");
    expect(invited?.text).toContain("DTSTART:20261126T100000Z");
    expect(invited?.text).not.toContain("Casey");

    await pass(TUESDAY);
    expect(calendars(from)).toHaveLength(1);

    await db.hiringInterview.update({
      where: { id: interview.id },
      data: { scheduledAt: new Date("2026-11-27T15:00:00Z") },
    });
    from = sink.received.length;
    await pass(TUESDAY);
    const [moved] = calendars(from);
    expect(moved?.text).toContain("METHOD:REQUEST");
    expect(moved?.text).toContain("SEQUENCE:1");
    expect(moved?.text).toContain("DTSTART:20261127T150000Z");

    await removeInterview(asViewer(hiring.grace), hiring.loopId, interview.id);
    from = sink.received.length;
    await pass(TUESDAY);
    await pass(TUESDAY);
    const cancelled = calendars(from);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.text).toContain("METHOD:CANCEL");
    expect(cancelled[0]?.text).toContain("SEQUENCE:2");
    expect(cancelled[0]?.text).toContain(`UID:interview-${interview.id}@example.com`);
  });
});

describe("calendar invitations to a candidate's contact", () => {
  test("only when a hiring admin asks: a REQUEST per interview naming the stage, the time and the opening, a higher sequence when it moves, a CANCEL when taken off; nothing private, no unsubscribe link; a purged candidate gets nothing", async () => {
    const hiring = await hiringSetUp();
    const loop = await db.hiringLoop.findUniqueOrThrow({
      where: { id: hiring.loopId },
      select: { candidateId: true },
    });
    const contact = { email: "casey.invited@example.org" };
    await db.hiringCandidate.update({
      where: { id: loop.candidateId },
      data: { email: contact.email },
    });
    const design = hiring.stages[1]!;
    expect(
      (
        await assignInterviewer(asViewer(hiring.grace), hiring.loopId, {
          stageId: design.id,
          email: hiring.stranger.email,
          scheduledAt: new Date("2026-11-26T10:00:00Z"),
        })
      ).ok,
    ).toBe(true);
    const interview = await db.hiringInterview.findFirstOrThrow({
      where: { loopId: hiring.loopId, interviewerId: hiring.stranger.id },
    });
    await scoreAndSubmit(
      hiring.ben,
      hiring.benInterview,
      ["system-design", "technical-judgement"],
      3,
      MARKER,
      "yes",
    );
    const loopAction = async (userId: string, send: string) => {
      try {
        return await loopRoute.action(
          routeArgs(
            await signedInPost(`/hiring/loops/${hiring.loopId}`, userId, {
              intent: "candidate-invitations",
              send,
            }),
            { loopId: hiring.loopId },
          ),
        );
      } catch (error) {
        return error;
      }
    };
    const calendars = (from: number) =>
      receivedFor([contact], from).map((message) => ({
        raw: message.raw,
        subject: message.mail.subject ?? "",
        text: (
          message.mail.attachments
            .find((part) => part.contentType.startsWith("text/calendar"))
            ?.content.toString("utf8") ?? ""
        ).replace(/\r?\n[ \t]/g, ""),
      }));

    let from = sink.received.length;
    await pass(TUESDAY);
    expect(calendars(from)).toEqual([]);

    // Only the opening's hiring admins ask; the interviewer may not.
    expect(statusOf(await loopAction(hiring.stranger.id, "on"))).toBe(403);
    // A candidate without an email is asked for one; nothing changes.
    await db.hiringCandidate.update({ where: { id: loop.candidateId }, data: { email: "" } });
    const noEmail = await loopAction(hiring.grace.id, "on");
    expect(statusOf(noEmail)).toBe(400);
    expect(bodyOf<{ error: string }>(noEmail).error).toBe(
      "The candidate has no email: add one first.",
    );
    expect(
      (await db.hiringLoop.findUniqueOrThrow({ where: { id: hiring.loopId } })).inviteCandidate,
    ).toBe(false);
    await db.hiringCandidate.update({
      where: { id: loop.candidateId },
      data: { email: contact.email },
    });
    expect(((await loopAction(hiring.grace.id, "on")) as Response).headers.get("Location")).toBe(
      `/hiring/loops/${hiring.loopId}?done=invitationsOn`,
    );
    from = sink.received.length;
    await pass(TUESDAY);
    const [invited, ...others] = calendars(from);
    expect(others).toEqual([]);
    expect(invited?.subject).toMatch(
      /^Invitation: Interview \(Design\) for Senior Engineer, Payments, Thursday,? 26 November 2026 at 10:00 \(UTC\)$/,
    );
    expect(invited?.text).toContain("METHOD:REQUEST");
    expect(invited?.text).toContain(`UID:interview-${interview.id}@example.com`);
    expect(invited?.text).toContain("SEQUENCE:0");
    expect(invited?.text).toContain("DTSTART:20261126T100000Z");
    expect(invited?.text).toMatch(/ATTENDEE;[^\n]*mailto:casey\.invited@example\.org/i);
    expect(header(invited!.raw, "List-Unsubscribe")).toBeUndefined();
    for (const secret of [
      MARKER,
      "CANDIDATE-PRIVATE-NOTE",
      hiring.stranger.name,
      hiring.ben.name,
      "/hiring/",
      "unsubscribe",
    ])
      expect(invited!.raw).not.toContain(secret);

    await db.hiringInterview.update({
      where: { id: interview.id },
      data: { scheduledAt: new Date("2026-11-27T15:00:00Z") },
    });
    from = sink.received.length;
    await pass(TUESDAY);
    await pass(TUESDAY);
    const moved = calendars(from);
    expect(moved).toHaveLength(1);
    expect(moved[0]?.text).toContain("SEQUENCE:1");
    expect(moved[0]?.text).toContain("DTSTART:20261127T150000Z");

    // Stopped by the hiring admin: cancelled; asked again: invited again, above the cancellation.
    expect(((await loopAction(hiring.grace.id, "off")) as Response).headers.get("Location")).toBe(
      `/hiring/loops/${hiring.loopId}?done=invitationsOff`,
    );
    from = sink.received.length;
    await pass(TUESDAY);
    expect(
      calendars(from).map((message) =>
        /METHOD:(\w+)[\s\S]*SEQUENCE:(\d+)/.exec(message.text)?.slice(1),
      ),
    ).toEqual([["CANCEL", "2"]]);
    await loopAction(hiring.grace.id, "on");
    from = sink.received.length;
    await pass(TUESDAY);
    expect(
      calendars(from).map((message) =>
        /METHOD:(\w+)[\s\S]*SEQUENCE:(\d+)/.exec(message.text)?.slice(1),
      ),
    ).toEqual([["REQUEST", "3"]]);

    await removeInterview(asViewer(hiring.grace), hiring.loopId, interview.id);
    from = sink.received.length;
    await pass(TUESDAY);
    const cancelled = calendars(from);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.text).toContain("METHOD:CANCEL");
    expect(cancelled[0]?.text).toContain("SEQUENCE:4");
    expect(cancelled[0]?.text).toContain(`UID:interview-${interview.id}@example.com`);

    // Purged, the candidate gets nothing more, whatever is scheduled.
    expect(
      (
        await assignInterviewer(asViewer(hiring.grace), hiring.loopId, {
          stageId: hiring.stages[0]!.id,
          email: hiring.stranger.email,
          scheduledAt: new Date("2026-11-30T10:00:00Z"),
        })
      ).ok,
    ).toBe(true);
    await db.hiringCandidate.update({
      where: { id: loop.candidateId },
      data: { purgedAt: TUESDAY },
    });
    from = sink.received.length;
    await pass(TUESDAY);
    expect(calendars(from)).toEqual([]);
    expect(await db.outboxMessage.count({ where: { toAddress: contact.email } })).toBe(5);
    // Eight passes of the mail queue through a real SMTP server: ten seconds on a quiet machine, and
    // past the default half minute under a full PostgreSQL run's load.
  }, 90_000);
});

describe("calendar invitations for calibration meetings", () => {
  test("the facilitator and every calibrator are invited to the meeting, moved with a higher sequence, cancelled when it is removed; someone who turned invitations off gets none", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const fay = await createPerson({ name: "Fay Facilitator", email: "fay.meeting@example.com" });
    const sam = await createPerson({
      name: "Sam Manager",
      email: "sam.meeting@example.com",
      track: "manager",
      level: "m1",
    });
    const lena = await createPerson({
      name: "Lena Engineer",
      email: "lena.meeting@example.com",
      track: "ic",
      level: "ic2",
      managerId: sam.id,
    });
    const quiet = await createPerson({
      name: "Quinn Quiet",
      email: "quinn.meeting@example.com",
      track: "manager",
      level: "m1",
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Meeting cycle",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [{ userId: lena.id }] },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Platform H2",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: fay.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error("no session");
    const sessionId = created.sessionId;
    expect((await inviteCalibrator(asViewer(fay), sessionId, quiet.email)).ok).toBe(true);
    await settingsRoute.action(
      routeArgs(
        await signedInPost("/settings/email", fay.id, {
          digest: "never",
          invitations: "on",
          timeZone: "America/New_York",
        }),
      ),
    );
    await settingsRoute.action(
      routeArgs(await signedInPost("/settings/email", quiet.id, { digest: "never" })),
    );
    const calendars = (person: { email: string }, from: number) =>
      receivedFor([person], from).flatMap((message) =>
        message.mail.attachments
          .filter((part) => part.contentType.startsWith("text/calendar"))
          .map((part) => ({
            subject: message.mail.subject,
            body: message.mail.text ?? "",
            unsubscribe: header(message.raw, "List-Unsubscribe"),
            text: part.content.toString("utf8").replace(/\r?\n[ \t]/g, ""),
          })),
      );
    const schedule = async (fields: Record<string, string>) =>
      sessionAction(
        routeArgs(await signedInPost(`/calibration/${sessionId}`, fay.id, fields), { sessionId }),
      );

    // Fay enters the time on her own clock: 10:00 in New York is 15:00 UTC.
    await schedule({ intent: "meeting", startsAt: "2026-11-30T10:00", minutes: "90" });
    let from = sink.received.length;
    await pass(TUESDAY);
    const [toFay] = calendars(fay, from);
    expect(toFay?.subject).toMatch(
      /^Invitation: Calibration meeting: Platform H2, Monday,? 30 November 2026 at 10:00 \(America\/New_York\)$/,
    );
    expect(toFay?.text).toContain("METHOD:REQUEST");
    expect(toFay?.text).toContain(`UID:calibration-${sessionId}@example.com`);
    expect(toFay?.text).toContain("SEQUENCE:0");
    expect(toFay?.text).toContain("DTSTART:20261130T150000Z");
    expect(toFay?.text).toContain("DTEND:20261130T163000Z");
    expect(toFay?.text).toMatch(/ATTENDEE;[^\n]*mailto:fay\.meeting@example\.com/i);
    expect(toFay?.unsubscribe).toMatch(/^<http:\/\/rungs\.test\/unsubscribe\?token=/);
    // The session by its name; nobody in it, and nothing of the reviews.
    for (const message of [toFay!.text, toFay!.body, toFay!.subject])
      expect(message).not.toMatch(/Lena|Sam Manager/);
    const [toSam] = calendars(sam, from);
    expect(toSam?.text).toContain(`UID:calibration-${sessionId}@example.com`);
    expect(toSam?.text).toMatch(/ATTENDEE;[^\n]*mailto:sam\.meeting@example\.com/i);
    expect(calendars(lena, from)).toEqual([]);
    expect(calendars(quiet, from)).toEqual([]);
    expect(
      await db.outboxMessage.count({
        where: { userId: quiet.id, kind: "invitation", status: "skipped" },
      }),
    ).toBe(1);

    await pass(TUESDAY);
    expect(calendars(fay, from)).toHaveLength(1);

    await schedule({ intent: "meeting", startsAt: "2026-12-01T09:00", minutes: "90" });
    from = sink.received.length;
    await pass(TUESDAY);
    const [moved] = calendars(sam, from);
    expect(moved?.subject).toMatch(/^Moved: Calibration meeting: Platform H2/);
    expect(moved?.text).toContain("METHOD:REQUEST");
    expect(moved?.text).toContain("SEQUENCE:1");
    expect(moved?.text).toContain("DTSTART:20261201T140000Z");

    await schedule({ intent: "meeting-remove" });
    from = sink.received.length;
    await pass(TUESDAY);
    await pass(TUESDAY);
    for (const person of [fay, sam]) {
      const cancelled = calendars(person, from);
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]?.text).toContain("METHOD:CANCEL");
      expect(cancelled[0]?.text).toContain("SEQUENCE:2");
      expect(cancelled[0]?.text).toContain(`UID:calibration-${sessionId}@example.com`);
    }
  });
});

describe("email settings", () => {
  test("a person chooses the digest, the nudges and their time zone; a zone that does not exist is refused and changes nothing", async () => {
    const { engineer } = await organisation();
    const page = await settingsRoute.loader(
      routeArgs(await signedInRequest("/settings/email", engineer.id)),
    );
    expect(page).toMatchObject({
      preferences: { digest: "weekly", nudgeNew: true, paused: false },
      timeZone: null,
      organisationTimeZone: "UTC",
      emailOn: true,
    });
    expect(page.timeZones).toContain("Europe/Berlin");

    const refused = await settingsRoute.action(
      routeArgs(
        await signedInPost("/settings/email", engineer.id, {
          digest: "daily",
          timeZone: "Mars/Olympus",
        }),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(
      await db.notificationPreference.findUnique({ where: { userId: engineer.id } }),
    ).toBeNull();
    // Sent as HTML (decision 157): refused, the page comes back as a document with what was
    // chosen and says nothing was saved.
    const settingsPage = (path: string, posted?: URLSearchParams) =>
      renderPage(
        settingsRoute as unknown as PageModule,
        "/settings/email",
        path,
        engineer.id,
        posted,
      );
    const refusedPage = await settingsPage(
      "/settings/email?done=saved",
      new URLSearchParams({ digest: "daily", timeZone: "Mars/Olympus" }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toMatch(/<input[^>]*checked="" value="daily"/);
    expect(refusedPage.html).not.toContain("Saved.");

    // Saved, the page is asked for again with what was done, which it says.
    expect(
      answerOf(
        await settingsRoute.action(
          routeArgs(
            await signedInPost("/settings/email", engineer.id, {
              digest: "daily",
              nudgeOverdue: "on",
              timeZone: "Asia/Tokyo",
            }),
          ),
        ),
      ),
    ).toEqual({ status: 302, location: "/settings/email?done=saved" });
    expect((await settingsPage("/settings/email?done=saved")).html).toContain("Saved.");
    expect(
      await settingsRoute.loader(routeArgs(await signedInRequest("/settings/email", engineer.id))),
    ).toMatchObject({
      preferences: {
        digest: "daily",
        nudgeNew: false,
        nudgeDueSoon: false,
        nudgeOverdue: true,
        nudgeScorecard: false,
        paused: false,
      },
      timeZone: "Asia/Tokyo",
    });
  });

  test("the daily digest arrives from 09:00 on the person's own clock, once that day", async () => {
    const { engineer, peer } = await organisation();
    await openCycle(`Digest ${engineer.id}`, [engineer.id, peer.id]);
    await settingsRoute.action(
      routeArgs(
        await signedInPost("/settings/email", engineer.id, {
          digest: "daily",
          nudgeNew: "on",
          timeZone: "Asia/Tokyo",
        }),
      ),
    );
    // 23:30 UTC on Tuesday is 08:30 on Wednesday in Tokyo, then 09:00 half an hour later.
    await pass(new Date("2026-11-24T23:30:00Z"));
    const from = sink.received.length;
    await pass(new Date("2026-11-24T23:45:00Z"));
    expect(receivedFor([engineer], from)).toEqual([]);
    await pass(new Date("2026-11-25T00:00:00Z"));
    await pass(new Date("2026-11-25T06:00:00Z"));
    const digests = receivedFor([engineer], from);
    expect(digests.map((message) => message.mail.subject)).toEqual([
      "Your Rungs to-do list: 1 item",
    ]);
    expect(digests[0]!.mail.text).toContain("http://rungs.test/assess");
  });
});

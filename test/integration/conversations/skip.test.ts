// Skipping one meeting of a series: either of its two people, from the series page; both calendars
// get the cancellation of that one meeting by email, the series goes on, and a meeting that did not
// take place is never listed as to come, in an ended series either.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { db } from "~/db/client.server";
import { addPoint, seriesPage } from "~/modules/conversations/agenda.server";
import { skipMeeting, startSeries } from "~/modules/conversations/series.server";
import { DomainError } from "~/modules/errors";
import { runNotificationPass } from "~/modules/notifications/outbox.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import * as seriesRoute from "~/routes/conversations.$seriesId";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { startSmtpSink } from "../../utils/smtp-sink";

const viewer = (person: { id: string }) => ({ id: person.id, isAdmin: false });
const at = (iso: string) => new Date(iso);

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

/** The calendar parts that reached `person` since `from`, folded lines joined. */
function calendarsFor(person: { email: string }, from: number) {
  return sink.received
    .slice(from)
    .filter((message) => message.to.includes(person.email))
    .flatMap((message) =>
      message.mail.attachments
        .filter((part) => part.contentType.startsWith("text/calendar"))
        .map((part) => ({
          subject: message.mail.subject ?? "",
          text: part.content.toString("utf8").replace(/\r?\n[ \t]/g, ""),
        })),
    );
}

async function people() {
  const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: boss.id,
    timeZone: "Europe/Berlin",
  });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
    timeZone: "Europe/Berlin",
  });
  return { boss, manager, engineer };
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind}: ${error.message}`;
    throw error;
  }
  return "accepted";
}

describe("skipping one meeting", () => {
  test("the report skips it from the page: both are sent the CANCEL of that meeting, the next regular one is invited, open points move on", async () => {
    const { boss, manager, engineer } = await people();
    // Monday 24 March 2031 at 10:00 in Berlin; the clocks change on Sunday 30 March.
    const seriesId = await startSeries(viewer(manager), {
      kind: "one-to-one",
      managerId: manager.id,
      reportId: engineer.id,
      cadence: "weekly",
      firstAt: at("2031-03-24T09:00:00Z"),
    });
    const location = `/conversations/${seriesId}`;
    const loaded = async (person: { id: string }) =>
      bodyOf<Awaited<ReturnType<typeof seriesRoute.loader>>>(
        await seriesRoute.loader(
          routeArgs(await signedInRequest(location, person.id), { seriesId }),
        ),
      );
    const first = (await loaded(engineer)).page.next!;
    expect(first.canSkip).toBe(true);
    await addPoint(viewer(engineer), first.id, { text: "Conference budget" });
    const passAt = at("2031-03-20T10:00:00Z");
    await runNotificationPass(sink.transport(), { now: () => passAt });

    // Someone else than the two gets a 404, and nothing changes.
    expect(
      statusOf(
        await thrown(async () =>
          seriesRoute.action(
            routeArgs(
              await signedInPost(location, boss.id, { intent: "skip", meetingId: first.id }),
              { seriesId },
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      (await db.conversationMeeting.findUniqueOrThrow({ where: { id: first.id } })).status,
    ).toBe("upcoming");

    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(location, engineer.id, { intent: "skip", meetingId: first.id }),
            { seriesId },
          ),
        ),
      ),
    ).toBe(302);
    const meetings = await db.conversationMeeting.findMany({
      where: { seriesId },
      orderBy: { scheduledFor: "asc" },
      select: { id: true, startsAt: true, status: true },
    });
    expect(meetings.map((meeting) => [meeting.startsAt.toISOString(), meeting.status])).toEqual([
      ["2031-03-24T09:00:00.000Z", "skipped"],
      ["2031-03-31T08:00:00.000Z", "upcoming"],
    ]);
    const next = meetings[1]!;
    const page = await loaded(manager);
    expect(page.page.next).toMatchObject({
      id: next.id,
      state: "to-come",
      agenda: [
        expect.objectContaining({
          type: "point",
          point: expect.objectContaining({ text: "Conference budget" }),
        }),
      ],
    });
    expect(
      page.page.earlier.map((meeting) => [
        meeting.id,
        meeting.state,
        meeting.canSkip,
        meeting.canHold,
      ]),
    ).toEqual([[first.id, "skipped", false, false]]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "conversation.meeting_skipped", subjectId: seriesId },
      select: { actorId: true, detail: true },
    });
    expect(event).toEqual({
      actorId: engineer.id,
      detail: { meetingId: first.id, at: "2031-03-24T09:00:00.000Z" },
    });
    // Skipping it again changes nothing.
    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(location, manager.id, { intent: "skip", meetingId: first.id }),
            { seriesId },
          ),
        ),
      ),
    ).toBe(302);
    expect(await db.conversationMeeting.count({ where: { seriesId } })).toBe(2);

    const from = sink.received.length;
    await runNotificationPass(sink.transport(), { now: () => passAt });
    for (const person of [manager, engineer]) {
      const calendars = calendarsFor(person, from);
      const cancelled = calendars.filter((calendar) => calendar.text.includes("METHOD:CANCEL"));
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]!.text).toContain(`UID:conversation-${first.id}@example.com`);
      expect(cancelled[0]!.text).toContain("SEQUENCE:1");
      expect(cancelled[0]!.text).toContain("STATUS:CANCELLED");
      expect(cancelled[0]!.text).toContain("DTSTART:20310324T090000Z");
      const invited = calendars.filter((calendar) => calendar.text.includes("METHOD:REQUEST"));
      expect(
        invited.map((calendar) => [
          calendar.text.includes(`UID:conversation-${next.id}@example.com`),
          calendar.text.includes("DTSTART:20310331T080000Z"),
        ]),
      ).toEqual([[true, true]]);
    }
  });

  test("only a meeting still to come is skipped, by its two people while the series is current; an ended series lists no meeting as to come", async () => {
    const { boss, manager, engineer } = await people();
    const now = at("2031-05-01T08:00:00Z");
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "fortnightly",
        firstAt: at("2031-05-05T08:00:00Z"),
      },
      now,
    );
    const first = (await seriesPage(viewer(manager), seriesId, now)).next!;
    expect(await refusal(() => skipMeeting(viewer(boss), first.id, undefined, now))).toBe(
      "not-found: conversations:errors.noConversation",
    );
    const begun = at("2031-05-05T08:10:00Z");
    expect(await refusal(() => skipMeeting(viewer(manager), first.id, undefined, begun))).toBe(
      "invalid: conversations:errors.skip.notToCome",
    );
    expect((await seriesPage(viewer(manager), seriesId, begun)).next?.canSkip).toBe(false);

    // The move form's refusal points to the skip.
    const tooLate = await seriesRoute.action(
      routeArgs(
        await signedInPost(`/conversations/${seriesId}`, manager.id, {
          intent: "move",
          meetingId: first.id,
          to: "2031-05-20T10:00",
        }),
        { seriesId },
      ),
    );
    expect(bodyOf<{ error: string }>(tooLate).error).toMatch(/skip this one \(Skip this meeting\)/);

    // The line changes: the meeting to come leaves both calendars, and the page calls it cancelled, never to come.
    await db.user.update({ where: { id: engineer.id }, data: { managerId: boss.id } });
    await rebuildReportingLine(db);
    expect(await refusal(() => skipMeeting(viewer(manager), first.id, undefined, now))).toMatch(
      /^forbidden: /,
    );
    const ended = await seriesPage(viewer(engineer), seriesId, now);
    expect(ended.next).toBeNull();
    expect(
      ended.earlier.map((meeting) => [meeting.id, meeting.status, meeting.state, meeting.canSkip]),
    ).toEqual([[first.id, "upcoming", "cancelled", false]]);
    const afterwards = await seriesPage(viewer(engineer), seriesId, at("2031-05-06T08:00:00Z"));
    expect(afterwards.earlier.map((meeting) => meeting.state)).toEqual(["missed"]);
  });
});

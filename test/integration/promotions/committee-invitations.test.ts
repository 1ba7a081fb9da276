// A promotion committee's meeting in its members' calendars, against a real SMTP server on a loopback
// port (smtp-server), read back with mailparser: the chair sets it on their own clock, the chair and
// every member are invited in their own language, moved with a higher sequence, and a member taken
// off the committee (or everyone, when the meeting is removed) is sent a cancellation.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { db } from "~/db/client.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { runNotificationPass } from "~/modules/notifications/outbox.server";
import * as committeeRoute from "~/routes/promotions.windows.$windowId.committee";
import { createPerson } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, statusOf, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { startSmtpSink } from "../../utils/smtp-sink";

// Tuesday 24 November 2026, 08:00 UTC: no weekly digest is due.
const TUESDAY = new Date("2026-11-24T08:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

type Person = Awaited<ReturnType<typeof createPerson>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let s: {
  admin: Person;
  carla: Person;
  mia: Person;
  max: Person;
  nina: Person;
  stranger: Person;
  windowId: string;
};

beforeAll(async () => {
  sink = await startSmtpSink();
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  // Everyone chose never to get a digest: what arrives is the calendar.
  const quiet = { notificationPreference: { create: { digest: "never" } } };
  const carla = await createPerson({
    name: "Carla Chair",
    track: "manager",
    level: "m3",
    language: "de",
    timeZone: "Europe/Berlin",
  });
  const mia = await createPerson({ name: "Mia Member", track: "ic", level: "ic5" });
  const max = await createPerson({ name: "Max Member", track: "ic", level: "ic5", language: "fr" });
  const nina = await createPerson({ name: "Nina Newcomer", track: "ic", level: "ic5" });
  const stranger = await createPerson({ name: "Pat Stranger", track: "ic", level: "ic3" });
  for (const person of [admin, carla, mia, max, nina, stranger])
    await db.user.update({ where: { id: person.id }, data: quiet });
  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  const window = await db.promotionWindow.create({
    data: {
      name: "Winter promotions",
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      state: "open",
      nominationsOpenOn: new Date(TUESDAY.getTime() - 10 * DAY),
      nominationsCloseOn: new Date(TUESDAY.getTime() + 5 * DAY),
      packetsDueOn: new Date(TUESDAY.getTime() + 10 * DAY),
      votesDueOn: new Date(TUESDAY.getTime() + 15 * DAY),
      effectiveOn: new Date(TUESDAY.getTime() + 40 * DAY),
      minMembers: 2,
      membersAtOrAbove: false,
      minOutsideMembers: 0,
      redactedFirstRead: false,
      openedAt: new Date(TUESDAY.getTime() - 10 * DAY),
    },
  });
  s = { admin, carla, mia, max, nina, stranger, windowId: window.id };
});
afterAll(async () => {
  await sink.close();
});

const url = () => `/promotions/windows/${s.windowId}/committee`;
const act = async (person: Person, fields: Record<string, string>) => {
  try {
    return await (committeeRoute.action as RouteFunction)(
      routeArgs(await signedInPost(url(), person.id, fields), { windowId: s.windowId }),
    );
  } catch (thrown) {
    return thrown;
  }
};
const pass = () => runNotificationPass(sink.transport(), { now: () => TUESDAY });

/** The calendar parts that arrived after `from` for a person, unfolded. */
function calendars(person: Person, from: number) {
  return sink.received
    .slice(from)
    .filter((message) => message.to.includes(person.email))
    .flatMap((message) =>
      message.mail.attachments
        .filter((part) => part.contentType.startsWith("text/calendar"))
        .map((part) => ({
          subject: message.mail.subject ?? "",
          body: message.mail.text ?? "",
          text: part.content.toString("utf8").replace(/\r?\n[ \t]/g, ""),
        })),
    );
}

describe("calendar invitations for a promotion committee's meeting", () => {
  test("the chair sets it on their clock; chair and members are invited in their language, moved with a higher sequence; a member taken off, and everyone when it is removed, get a cancellation", async () => {
    for (const [person, role] of [
      [s.carla, "chair"],
      [s.mia, "member"],
      [s.max, "member"],
    ] as const) {
      expect(statusOf(await act(s.admin, { intent: "name", email: person.email, role }))).toBe(302);
    }
    // Named, but no meeting yet: nothing in anyone's calendar.
    let from = sink.received.length;
    await pass();
    for (const person of [s.carla, s.mia, s.max]) expect(calendars(person, from)).toEqual([]);

    // Only the chair or an admin sets the meeting; someone off the committee learns nothing of it.
    const refused = await act(s.mia, {
      intent: "meeting",
      startsAt: "2026-12-10T14:00",
      minutes: "120",
    });
    expect(statusOf(refused)).toBe(403);
    expect(
      statusOf(
        await act(s.stranger, { intent: "meeting", startsAt: "2026-12-10T14:00", minutes: "120" }),
      ),
    ).toBe(404);
    expect(statusOf(await act(s.carla, { intent: "meeting", startsAt: "", minutes: "120" }))).toBe(
      400,
    );
    expect(
      await db.promotionWindow.findUniqueOrThrow({
        where: { id: s.windowId },
        select: { meetingStartsAt: true },
      }),
    ).toEqual({ meetingStartsAt: null });

    // Carla enters 14:00 on her Berlin clock: 13:00 UTC.
    expect(
      answerOf(
        await act(s.carla, { intent: "meeting", startsAt: "2026-12-10T14:00", minutes: "120" }),
      ),
    ).toEqual({ status: 302, location: `${url()}?done=meetingSet` });
    const page = bodyOf<{
      meeting: { startsAt: Date | string; minutes: number; canChange: boolean };
    }>(
      await committeeRoute.loader(
        routeArgs(await signedInRequest(url(), s.mia.id), { windowId: s.windowId }) as never,
      ),
    );
    expect(page.meeting).toMatchObject({ minutes: 120, canChange: false });
    from = sink.received.length;
    await pass();
    const uid = `UID:committee-${s.windowId}@example.com`;
    const [toCarla] = calendars(s.carla, from);
    expect(toCarla?.subject).toMatch(
      /^Einladung: Beförderungsgremium: Winter promotions, Donnerstag, 10\. Dezember 2026 um 14:00/,
    );
    expect(toCarla?.body).toContain(`http://rungs.test/promotions/windows/${s.windowId}/meeting`);
    const [toMia] = calendars(s.mia, from);
    expect(toMia?.subject).toMatch(/^Invitation: Promotion committee: Winter promotions, /);
    const [toMax] = calendars(s.max, from);
    expect(toMax?.subject).toMatch(/^Invitation\s: Comité de promotion\s: Winter promotions, /);
    for (const message of [toCarla, toMia, toMax]) {
      expect(message?.text).toContain("METHOD:REQUEST");
      expect(message?.text).toContain(uid);
      expect(message?.text).toContain("SEQUENCE:0");
      expect(message?.text).toContain("DTSTART:20261210T130000Z");
      expect(message?.text).toContain("DTEND:20261210T150000Z");
    }
    expect(calendars(s.stranger, from)).toEqual([]);
    await pass();
    expect(calendars(s.mia, from)).toHaveLength(1);

    // An admin moves it an hour later.
    expect(
      statusOf(
        await act(s.admin, { intent: "meeting", startsAt: "2026-12-10T15:00", minutes: "120" }),
      ),
    ).toBe(302);
    from = sink.received.length;
    await pass();
    for (const person of [s.carla, s.mia, s.max]) {
      const [moved] = calendars(person, from);
      expect(moved?.text).toContain("METHOD:REQUEST");
      expect(moved?.text).toContain("SEQUENCE:1");
      expect(moved?.text).toContain(uid);
    }
    expect(calendars(s.mia, from)[0]?.subject).toMatch(
      /^Moved: Promotion committee: Winter promotions/,
    );

    // Max leaves the committee: he alone is sent a cancellation; Nina, named now, is invited.
    expect(answerOf(await act(s.admin, { intent: "remove", personId: s.max.id }))).toEqual({
      status: 302,
      location: `${url()}?done=removed`,
    });
    expect(
      statusOf(await act(s.admin, { intent: "name", email: s.nina.email, role: "member" })),
    ).toBe(302);
    from = sink.received.length;
    await pass();
    const [cancelled] = calendars(s.max, from);
    expect(cancelled?.text).toContain("METHOD:CANCEL");
    expect(cancelled?.text).toContain("SEQUENCE:2");
    expect(cancelled?.text).toContain(uid);
    const [toNina] = calendars(s.nina, from);
    expect(toNina?.text).toContain("METHOD:REQUEST");
    expect(toNina?.text).toContain("SEQUENCE:0");
    for (const person of [s.carla, s.mia]) expect(calendars(person, from)).toEqual([]);

    // The chair removes the meeting: everyone still on the committee is sent a cancellation, once.
    expect(answerOf(await act(s.carla, { intent: "meeting-remove" }))).toEqual({
      status: 302,
      location: `${url()}?done=meetingRemoved`,
    });
    from = sink.received.length;
    await pass();
    await pass();
    for (const person of [s.carla, s.mia, s.nina]) {
      const sent = calendars(person, from);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.text).toContain("METHOD:CANCEL");
    }
    expect(calendars(s.max, from)).toEqual([]);
    // Once the meeting has begun, nobody moves it.
    await db.promotionWindow.update({ where: { id: s.windowId }, data: { state: "meeting" } });
    expect(
      statusOf(
        await act(s.admin, { intent: "meeting", startsAt: "2026-12-11T09:00", minutes: "60" }),
      ),
    ).toBe(409);
    expect(
      await db.promotionWindow.findUniqueOrThrow({
        where: { id: s.windowId },
        select: { meetingStartsAt: true },
      }),
    ).toEqual({ meetingStartsAt: null });
    const events = await db.promotionEvent.findMany({
      where: { windowId: s.windowId, kind: "meeting" },
      select: { actorId: true },
    });
    expect(events.map((event) => event.actorId)).toEqual([s.carla.id, s.admin.id, s.carla.id]);
  });
});

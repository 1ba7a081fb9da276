// Calendar invitations for career conversations go through the one invitation path (the outbox's
// notification pass): both people get one event, a move updates it, a deactivation cancels it.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { seriesPage } from "~/modules/conversations/agenda.server";
import { holdMeeting, moveMeetingTo, startSeries } from "~/modules/conversations/series.server";
import { queueReminders } from "~/modules/notifications/outbox.server";
import { setPersonActive } from "~/modules/people/service.server";
import { createPerson } from "../../utils/factories";

const viewer = (person: { id: string }) => ({ id: person.id, isAdmin: false });
const at = (iso: string) => new Date(iso);

async function invitations(people: { id: string }[], seriesMeetingId: string) {
  const rows = await db.outboxMessage.findMany({
    where: {
      userId: { in: people.map((person) => person.id) },
      key: { contains: `:conversation-${seriesMeetingId}:` },
    },
    orderBy: [{ createdAt: "asc" }, { key: "asc" }],
    select: {
      userId: true,
      key: true,
      subject: true,
      calendar: true,
      calendarMethod: true,
      textBody: true,
    },
  });
  return rows;
}

describe("calendar invitations for career conversations", () => {
  // Deactivation runs on the real clock: the meetings are set years ahead so they are still to come then.
  test("both people invited on their own clocks; moved, both updated; the report deactivated, the manager's cancelled, and the history kept", async () => {
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const manager = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m1",
      timeZone: "Europe/Berlin",
    });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      timeZone: "America/New_York",
    });
    const now = at("2031-03-20T10:00:00Z");
    const seriesId = await startSeries(
      viewer(engineer),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2031-03-24T09:00:00Z"),
      },
      now,
    );
    const meetingId = (await seriesPage(viewer(manager), seriesId, now)).next!.id;

    await queueReminders(now);
    let sent = await invitations([manager, engineer], meetingId);
    expect(
      sent
        .map((row) => [
          row.userId === manager.id ? "manager" : "engineer",
          row.calendarMethod,
          row.key.split(":")[3],
        ])
        .sort(),
    ).toEqual([
      ["engineer", "REQUEST", "0"],
      ["manager", "REQUEST", "0"],
    ]);
    const forEngineer = sent.find((row) => row.userId === engineer.id)!;
    expect(forEngineer.subject).toBe(
      "Invitation: One-to-one with Sam Manager, Monday, 24 March 2031 at 05:00 (America/New_York)",
    );
    expect(forEngineer.calendar).toContain(`UID:conversation-${meetingId}@`);
    expect(sent.find((row) => row.userId === manager.id)!.subject).toBe(
      "Invitation: One-to-one with Lena Engineer, Monday, 24 March 2031 at 10:00 (Europe/Berlin)",
    );
    // A second pass owes nothing new.
    await queueReminders(now);
    expect(await invitations([manager, engineer], meetingId)).toHaveLength(2);

    await moveMeetingTo(viewer(manager), meetingId, at("2031-03-25T15:00:00Z"), undefined, now);
    await queueReminders(now);
    sent = await invitations([manager, engineer], meetingId);
    const moved = sent.filter((row) => row.key.split(":")[3] === "1");
    expect(moved.map((row) => row.calendarMethod)).toEqual(["REQUEST", "REQUEST"]);
    expect(
      moved.every(
        (row) =>
          row.calendar?.includes("SEQUENCE:1") && row.calendar.includes("DTSTART:20310325T150000Z"),
      ),
    ).toBe(true);

    expect(await setPersonActive(admin.id, engineer.id, false)).toEqual({ ok: true });
    const meeting = await db.conversationMeeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { status: true, series: { select: { endedAt: true } } },
    });
    expect(meeting.status).toBe("withdrawn");
    expect(meeting.series.endedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "person.deactivated", subjectId: engineer.id },
      select: { detail: true },
    });
    expect(event.detail).toMatchObject({ conversationMeetingsWithdrawn: 1 });

    await queueReminders(now);
    const cancelled = (await invitations([manager], meetingId)).filter(
      (row) => row.calendarMethod === "CANCEL",
    );
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.calendar).toContain("SEQUENCE:2");
    expect(cancelled[0]!.subject).toBe(
      "Cancelled: Your career conversation, Tuesday, 25 March 2031 at 16:00 (Europe/Berlin)",
    );
    // The manager keeps the record.
    const page = await seriesPage(viewer(manager), seriesId, now);
    expect(page.series.current).toBe(false);
    expect(page.earlier.map((entry) => entry.status)).toEqual(["withdrawn"]);
  });
});

describe("a monthly series on a working week", () => {
  test("the month's slot on a Sunday is held on the Monday after, and both invitations say so", async () => {
    const manager = await createPerson({
      name: "Wim Manager",
      track: "manager",
      level: "m1",
      timeZone: "Europe/Berlin",
    });
    const engineer = await createPerson({
      name: "Ona Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      timeZone: "America/New_York",
    });
    // Thursday 16 January 2031 at 09:00 in Berlin; 16 February 2031 is a Sunday.
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "monthly",
        firstAt: at("2031-01-16T08:00:00Z"),
      },
      at("2031-01-10T10:00:00Z"),
    );
    const first = (await seriesPage(viewer(manager), seriesId, at("2031-01-10T10:00:00Z"))).next!;
    const now = at("2031-01-16T08:40:00Z");
    await holdMeeting(viewer(engineer), first.id, undefined, now);
    const next = await db.conversationMeeting.findFirstOrThrow({
      where: { seriesId, status: "upcoming" },
      select: { id: true, scheduledFor: true, startsAt: true },
    });
    expect([next.scheduledFor.toISOString(), next.startsAt.toISOString()]).toEqual([
      "2031-02-17T08:00:00.000Z",
      "2031-02-17T08:00:00.000Z",
    ]);

    await queueReminders(now);
    const sent = await invitations([manager, engineer], next.id);
    expect(sent.map((row) => row.subject).sort()).toEqual([
      "Invitation: One-to-one with Ona Engineer, Monday, 17 February 2031 at 09:00 (Europe/Berlin)",
      "Invitation: One-to-one with Wim Manager, Monday, 17 February 2031 at 03:00 (America/New_York)",
    ]);
    expect(sent.every((row) => row.calendar?.includes("DTSTART:20310217T080000Z"))).toBe(true);
  });

  test("a first meeting chosen on a Saturday is held on the Friday before, as every slot is, and both invitations say so", async () => {
    const manager = await createPerson({
      name: "Wim Manager",
      track: "manager",
      level: "m1",
      timeZone: "Europe/Berlin",
    });
    const engineer = await createPerson({
      name: "Ona Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      timeZone: "America/New_York",
    });
    const input = {
      kind: "one-to-one" as const,
      managerId: manager.id,
      reportId: engineer.id,
      cadence: "weekly" as const,
      // Saturday 22 March 2031 at 11:00 in Berlin.
      firstAt: at("2031-03-22T10:00:00Z"),
    };
    // On the Friday afternoon that Friday has passed: refused, not held on the Saturday after all.
    await expect(startSeries(viewer(engineer), input, at("2031-03-21T12:00:00Z"))).rejects.toThrow(
      "conversations:errors.firstWorkingDayPassed",
    );

    const before = at("2031-03-17T10:00:00Z");
    const seriesId = await startSeries(viewer(engineer), input, before);
    const first = (await seriesPage(viewer(manager), seriesId, before)).next!;
    expect(first.startsAt.toISOString()).toBe("2031-03-21T10:00:00.000Z");

    await queueReminders(before);
    const sent = await invitations([manager, engineer], first.id);
    expect(sent.map((row) => row.subject).sort()).toEqual([
      "Invitation: One-to-one with Ona Engineer, Friday, 21 March 2031 at 11:00 (Europe/Berlin)",
      "Invitation: One-to-one with Wim Manager, Friday, 21 March 2031 at 06:00 (America/New_York)",
    ]);
    expect(sent.every((row) => row.calendar?.includes("DTSTART:20310321T100000Z"))).toBe(true);

    // The rhythm goes on from the Saturday chosen, on Fridays.
    const now = at("2031-03-21T10:40:00Z");
    await holdMeeting(viewer(manager), first.id, undefined, now);
    const next = await db.conversationMeeting.findFirstOrThrow({
      where: { seriesId, status: "upcoming" },
      select: { startsAt: true },
    });
    expect(next.startsAt.toISOString()).toBe("2031-03-28T10:00:00.000Z");
  });
});

describe("deactivated through SCIM", () => {
  test("an identity provider's DELETE withdraws the person's meetings still to come, as the admin's page does", async () => {
    const { providerToken, scim } = await import("../scim/helpers");
    const token = await providerToken("Okta");
    const manager = await createPerson({ name: "Mo Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Eli Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      scimExternalId: `ext-${crypto.randomUUID()}`,
    });
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "monthly",
        firstAt: at("2031-05-05T09:00:00Z"),
      },
      at("2031-05-01T00:00:00Z"),
    );
    expect([200, 204]).toContain((await scim(token, "DELETE", `/Users/${engineer.id}`)).status);
    const meetings = await db.conversationMeeting.findMany({
      where: { seriesId },
      select: { status: true },
    });
    expect(meetings).toEqual([{ status: "withdrawn" }]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "person.deactivated", subjectId: engineer.id },
      select: { detail: true, scimTokenId: true },
    });
    expect(event.detail).toMatchObject({ conversationMeetingsWithdrawn: 1 });
  });
});

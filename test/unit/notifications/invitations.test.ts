import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { meetingSlot } from "~/modules/calibration/calendar";
import { interviewSlot } from "~/modules/hiring/calendar";
import { calendarInvitation, planInvitations } from "~/modules/notifications/invitations";
import type { CalendarSlot } from "~/platform/calendar";
import { DEFAULT_PREFERENCES } from "~/modules/notifications/preferences";
import { renderInvitation } from "~/modules/notifications/render";
import { voiceIn } from "~/modules/notifications/voice.server";

const now = new Date("2026-11-23T10:00:00Z");
const links = {
  base: "https://rungs.example.com",
  unsubscribe: "https://rungs.example.com/u",
  settings: "https://rungs.example.com/settings/email",
};
const slot = (startsAt: string): CalendarSlot =>
  interviewSlot({
    interviewId: "i1",
    startsAt: new Date(startsAt),
    stage: "Design",
    opening: "Senior Engineer",
    href: "/hiring/interviews/i1",
  });

function plan(
  slots: CalendarSlot[],
  known: string[],
  at = now,
  preferences: typeof DEFAULT_PREFERENCES | null = DEFAULT_PREFERENCES,
) {
  return planInvitations({
    recipientId: "p1",
    preferences,
    slots,
    known: new Set(known),
    now: at,
  }).map((invitation) => `${invitation.status} ${invitation.key}`);
}

describe("calendar invitations for interviews", () => {
  test("invited once; moved, a higher sequence; taken off while still to come, cancelled; after it took place, nothing", () => {
    const first = new Date("2026-11-26T10:00:00Z").getTime();
    const moved = new Date("2026-11-27T14:00:00Z").getTime();
    expect(plan([slot("2026-11-26T10:00:00Z")], [])).toEqual([
      `queued invitation:p1:i1:0:REQUEST:${first}`,
    ]);
    expect(plan([slot("2026-11-26T10:00:00Z")], [`invitation:p1:i1:0:REQUEST:${first}`])).toEqual(
      [],
    );
    expect(plan([slot("2026-11-27T14:00:00Z")], [`invitation:p1:i1:0:REQUEST:${first}`])).toEqual([
      `queued invitation:p1:i1:1:REQUEST:${moved}`,
    ]);
    const sent = [`invitation:p1:i1:0:REQUEST:${first}`, `invitation:p1:i1:1:REQUEST:${moved}`];
    expect(plan([], sent)).toEqual([`queued invitation:p1:i1:2:CANCEL:${moved}`]);
    expect(plan([], [...sent, `invitation:p1:i1:2:CANCEL:${moved}`])).toEqual([]);
    expect(plan([], sent, new Date("2026-11-28T00:00:00Z"))).toEqual([]);
    // Put back after a cancellation: invited again, above the cancellation's sequence.
    expect(
      plan([slot("2026-11-27T14:00:00Z")], [...sent, `invitation:p1:i1:2:CANCEL:${moved}`]),
    ).toEqual([`queued invitation:p1:i1:3:REQUEST:${moved}`]);
  });

  test("someone who turned invitations off has them recorded as skipped, so the sequence still counts", () => {
    expect(
      plan([slot("2026-11-26T10:00:00Z")], [], now, { ...DEFAULT_PREFERENCES, invitations: false }),
    ).toEqual([`skipped invitation:p1:i1:0:REQUEST:${new Date("2026-11-26T10:00:00Z").getTime()}`]);
  });

  test("the iCalendar text: the interview's UID, its sequence, the method, an hour in UTC", () => {
    const text = calendarInvitation({
      eventId: "i1",
      domain: "example.com",
      method: "CANCEL",
      sequence: 2,
      startsAt: new Date("2026-11-26T10:00:00Z"),
      minutes: 60,
      summary: "Interview (Design) for Senior Engineer",
      url: null,
      description: null,
      organizer: { name: "Rungs", email: "rungs@example.com" },
      attendee: { name: "Ben", email: "ben@example.com" },
      now,
    });
    expect(text).toContain("METHOD:CANCEL");
    expect(text).toContain("UID:interview-i1@example.com");
    expect(text).toContain("SEQUENCE:2");
    expect(text).toContain("DTSTART:20261126T100000Z");
    expect(text).toContain("DTEND:20261126T110000Z");
    expect(text).toContain("STATUS:CANCELLED");
  });
});

describe("names in an invitation", () => {
  test("a name with quotes, carets and a line break reads back whole from the ORGANIZER and ATTENDEE (RFC 6868)", () => {
    const text = calendarInvitation({
      eventId: "i1",
      domain: "example.com",
      method: "REQUEST",
      sequence: 0,
      startsAt: new Date("2026-11-26T10:00:00Z"),
      minutes: 60,
      summary: "Interview (Design) for Senior Engineer",
      url: null,
      description: null,
      organizer: { name: 'Rungs "Hiring" ^ Team', email: "rungs@example.com" },
      attendee: { name: 'Lena "Lee" Eng^er\nSecond line', email: "lena@example.com" },
      now,
    });
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    expect(event.getFirstProperty("organizer")!.getParameter("cn")).toBe('Rungs "Hiring" ^ Team');
    expect(event.getFirstProperty("attendee")!.getParameter("cn")).toBe(
      'Lena "Lee" Eng^er\nSecond line',
    );
    expect(text.replace(/\r\n /g, "")).toContain(`CN="Lena ^'Lee^' Eng^^er^nSecond line"`);
  });
});

describe("calendar invitations for calibration meetings", () => {
  const meeting = (startsAt: string, endsAt: string) =>
    meetingSlot({
      sessionId: "s1",
      name: "Engineering H2",
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
    });
  const start = new Date("2026-11-30T13:00:00Z").getTime();

  test("the meeting's length is in the key; a new end alone is a move, with a higher sequence; removed, cancelled", () => {
    expect(plan([meeting("2026-11-30T13:00:00Z", "2026-11-30T15:00:00Z")], [])).toEqual([
      `queued invitation:p1:calibration-s1:0:REQUEST:${start}+120`,
    ]);
    const sent = [`invitation:p1:calibration-s1:0:REQUEST:${start}+120`];
    expect(plan([meeting("2026-11-30T13:00:00Z", "2026-11-30T15:00:00Z")], sent)).toEqual([]);
    expect(plan([meeting("2026-11-30T13:00:00Z", "2026-11-30T14:00:00Z")], sent)).toEqual([
      `queued invitation:p1:calibration-s1:1:REQUEST:${start}`,
    ]);
    expect(plan([], sent)).toEqual([`queued invitation:p1:calibration-s1:1:CANCEL:${start}+120`]);
  });

  test("a recipient without choices (a candidate's contact) has every invitation queued", () => {
    expect(plan([slot("2026-11-26T10:00:00Z")], [], now, null)).toEqual([
      `queued invitation:p1:i1:0:REQUEST:${new Date("2026-11-26T10:00:00Z").getTime()}`,
    ]);
  });

  test("the iCalendar text: the session's UID and the meeting's own length; the summary names the session", () => {
    const event = meeting("2026-11-30T13:00:00Z", "2026-11-30T14:30:00Z");
    const words = renderInvitation(
      {
        eventId: event.eventId,
        method: "REQUEST",
        sequence: 1,
        startsAt: event.startsAt,
        summary: event.summary,
        href: event.href,
      },
      "Ben",
      links,
      voiceIn("en", "UTC"),
    ).calendar;
    const text = calendarInvitation({
      eventId: "calibration-s1",
      domain: "example.com",
      method: "REQUEST",
      sequence: 1,
      startsAt: new Date("2026-11-30T13:00:00Z"),
      minutes: 90,
      summary: words.summary,
      url: "https://rungs.example.com/calibration/s1",
      description: words.description,
      organizer: { name: "Rungs", email: "rungs@example.com" },
      attendee: { name: "Ben", email: "ben@example.com" },
      now,
    });
    expect(text).toContain("UID:calibration-s1@example.com");
    expect(text).toContain("SEQUENCE:1");
    expect(text).toContain("DTEND:20261130T143000Z");
    expect(text).toContain("SUMMARY:Calibration meeting: Engineering H2");
    expect(text).toContain("DESCRIPTION:The calibration session: https://");
  });
});

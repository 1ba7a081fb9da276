import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { wordsOf } from "~/i18n/messages";
import { conversationSlot } from "~/modules/conversations/calendar";
import { calendarInvitation, planInvitations } from "~/modules/notifications/invitations";
import { renderInvitation } from "~/modules/notifications/render";
import { DEFAULT_PREFERENCES } from "~/modules/notifications/preferences";
import { voiceIn } from "~/modules/notifications/voice.server";

/**
 * Reads iCalendar text back with a calendar client's own parser (ical.js, the one Thunderbird
 * uses): the calendar's and each event's properties, by name, as their text values (times in
 * iCalendar's basic form, as sent).
 */
function parseCalendar(text: string): {
  calendar: Record<string, string>;
  events: Record<string, string>[];
} {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const valueText = (value: unknown) =>
    value instanceof ICAL.Time ? value.toICALString() : String(value);
  const properties = (component: InstanceType<typeof ICAL.Component>) =>
    Object.fromEntries(
      component
        .getAllProperties()
        .map((property) => [property.name.toUpperCase(), valueText(property.getFirstValue())]),
    );
  return {
    calendar: properties(calendar),
    events: calendar.getAllSubcomponents("vevent").map(properties),
  };
}

const now = new Date("2026-03-20T10:00:00Z");
const links = {
  base: "https://rungs.example.com",
  unsubscribe: "https://rungs.example.com/u",
  settings: "https://rungs.example.com/settings/email",
};
const english = voiceIn("en", "UTC");
const meeting = (startsAt: string, otherName: string) =>
  conversationSlot({
    meetingId: "m1",
    seriesId: "s1",
    kind: "one-to-one",
    startsAt: new Date(startsAt),
    minutes: 30,
    otherName,
  });

describe("calendar invitations for career conversations", () => {
  test("both people get the same event (one UID, the meeting's), each naming the other", () => {
    const forManager = meeting("2026-03-23T09:00:00Z", "Ben Report");
    const forReport = meeting("2026-03-23T09:00:00Z", "Ann Manager");
    expect(forManager.eventId).toBe(forReport.eventId);
    expect(
      [forManager.summary, forReport.summary].map((summary) => wordsOf(english.t, summary)),
    ).toEqual(["One-to-one with Ben Report", "One-to-one with Ann Manager"]);
    expect(
      wordsOf(
        english.t,
        conversationSlot({
          meetingId: "m2",
          seriesId: "s2",
          kind: "skip-level",
          startsAt: now,
          minutes: 45,
          otherName: "Cleo",
        }).summary,
      ),
    ).toBe("Skip-level with Cleo");
    expect(forManager.href).toBe("/conversations/s1");
  });

  test("moved: a REQUEST again with a higher sequence; withdrawn before it takes place: a CANCEL", () => {
    const first = new Date("2026-03-23T09:00:00Z").getTime();
    const moved = new Date("2026-03-24T14:00:00Z").getTime();
    const plan = (slots: ReturnType<typeof meeting>[], known: string[]) =>
      planInvitations({
        recipientId: "p1",
        preferences: DEFAULT_PREFERENCES,
        slots,
        known: new Set(known),
        now,
      }).map((invitation) => invitation.key);
    expect(plan([meeting("2026-03-23T09:00:00Z", "Ben")], [])).toEqual([
      `invitation:p1:conversation-m1:0:REQUEST:${first}+30`,
    ]);
    const sent = [`invitation:p1:conversation-m1:0:REQUEST:${first}+30`];
    expect(plan([meeting("2026-03-24T14:00:00Z", "Ben")], sent)).toEqual([
      `invitation:p1:conversation-m1:1:REQUEST:${moved}+30`,
    ]);
    expect(plan([], [...sent, `invitation:p1:conversation-m1:1:REQUEST:${moved}+30`])).toEqual([
      `invitation:p1:conversation-m1:2:CANCEL:${moved}+30`,
    ]);
  });

  test("the iCalendar text, read back: method, UID, sequence, half an hour in UTC, the agenda's link", () => {
    const slot = meeting("2026-03-30T08:00:00Z", "Ben Report");
    const words = renderInvitation(
      {
        eventId: slot.eventId,
        method: "REQUEST",
        sequence: 1,
        startsAt: slot.startsAt,
        summary: slot.summary,
        href: slot.href,
      },
      "Ann Manager",
      links,
      english,
    ).calendar;
    const text = calendarInvitation({
      eventId: slot.eventId,
      domain: "example.com",
      method: "REQUEST",
      sequence: 1,
      startsAt: slot.startsAt,
      minutes: slot.minutes,
      summary: words.summary,
      url: "https://rungs.example.com/conversations/s1",
      description: words.description,
      organizer: { name: "Rungs", email: "rungs@example.com" },
      attendee: { name: "Ann Manager", email: "ann@example.com" },
      now,
    });
    const { calendar, events } = parseCalendar(text);
    expect(calendar.METHOD).toBe("REQUEST");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      UID: "conversation-m1@example.com",
      SEQUENCE: "1",
      DTSTART: "20260330T080000Z",
      DTEND: "20260330T083000Z",
      SUMMARY: "One-to-one with Ben Report",
      STATUS: "CONFIRMED",
      URL: "https://rungs.example.com/conversations/s1",
      DESCRIPTION: "The agenda and notes: https://rungs.example.com/conversations/s1",
    });
    const cancel = parseCalendar(
      calendarInvitation({
        eventId: slot.eventId,
        domain: "example.com",
        method: "CANCEL",
        sequence: 2,
        startsAt: slot.startsAt,
        minutes: 30,
        summary: "Career conversation",
        url: null,
        description: null,
        organizer: { name: "Rungs", email: "rungs@example.com" },
        attendee: { name: "Ann", email: "ann@example.com" },
        now,
      }),
    );
    expect(cancel.calendar.METHOD).toBe("CANCEL");
    expect(cancel.events[0]).toMatchObject({
      UID: "conversation-m1@example.com",
      SEQUENCE: "2",
      STATUS: "CANCELLED",
    });
  });

  test("the email says it on the recipient's own clock, in the conversation's words", () => {
    const slot = meeting("2026-03-30T08:00:00Z", "Ben Report");
    const moved = renderInvitation(
      {
        eventId: slot.eventId,
        method: "REQUEST",
        sequence: 1,
        startsAt: slot.startsAt,
        summary: slot.summary,
        href: slot.href,
      },
      "Ann",
      links,
      voiceIn("en", "America/New_York"),
    );
    expect(moved.subject).toBe(
      "Moved: One-to-one with Ben Report, Monday, 30 March 2026 at 04:00 (America/New_York)",
    );
    expect(moved.text).toContain("This meeting has moved");
    expect(moved.text).toContain(
      "The agenda and notes: https://rungs.example.com/conversations/s1",
    );
    const cancelled = renderInvitation(
      {
        eventId: slot.eventId,
        method: "CANCEL",
        sequence: 2,
        startsAt: slot.startsAt,
        summary: null,
        href: null,
      },
      "Ann",
      links,
      voiceIn("en", "Europe/Berlin"),
    );
    expect(cancelled.subject).toBe(
      "Cancelled: Your career conversation, Monday, 30 March 2026 at 10:00 (Europe/Berlin)",
    );
  });
});

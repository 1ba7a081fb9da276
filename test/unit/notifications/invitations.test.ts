import { describe, expect, test } from "vitest";
import { interviewCalendar, planInvitations, type InterviewSlot } from "~/modules/notifications/invitations";
import { DEFAULT_PREFERENCES } from "~/modules/notifications/preferences";

const now = new Date("2026-11-23T10:00:00Z");
const slot = (startsAt: string): InterviewSlot => ({ interviewId: "i1", startsAt: new Date(startsAt), stage: "Design", opening: "Senior Engineer", href: "/hiring/interviews/i1" });

function plan(slots: InterviewSlot[], known: string[], at = now, preferences = DEFAULT_PREFERENCES) {
  return planInvitations({ personId: "p1", preferences, slots, known: new Set(known), now: at }).map((invitation) => `${invitation.status} ${invitation.key}`);
}

describe("calendar invitations for interviews", () => {
  test("invited once; moved, a higher sequence; taken off while still to come, cancelled; after it took place, nothing", () => {
    const first = new Date("2026-11-26T10:00:00Z").getTime();
    const moved = new Date("2026-11-27T14:00:00Z").getTime();
    expect(plan([slot("2026-11-26T10:00:00Z")], [])).toEqual([`queued invitation:p1:i1:0:REQUEST:${first}`]);
    expect(plan([slot("2026-11-26T10:00:00Z")], [`invitation:p1:i1:0:REQUEST:${first}`])).toEqual([]);
    expect(plan([slot("2026-11-27T14:00:00Z")], [`invitation:p1:i1:0:REQUEST:${first}`])).toEqual([`queued invitation:p1:i1:1:REQUEST:${moved}`]);
    const sent = [`invitation:p1:i1:0:REQUEST:${first}`, `invitation:p1:i1:1:REQUEST:${moved}`];
    expect(plan([], sent)).toEqual([`queued invitation:p1:i1:2:CANCEL:${moved}`]);
    expect(plan([], [...sent, `invitation:p1:i1:2:CANCEL:${moved}`])).toEqual([]);
    expect(plan([], sent, new Date("2026-11-28T00:00:00Z"))).toEqual([]);
    // Put back after a cancellation: invited again, above the cancellation's sequence.
    expect(plan([slot("2026-11-27T14:00:00Z")], [...sent, `invitation:p1:i1:2:CANCEL:${moved}`])).toEqual([`queued invitation:p1:i1:3:REQUEST:${moved}`]);
  });

  test("someone who turned invitations off has them recorded as skipped, so the sequence still counts", () => {
    expect(plan([slot("2026-11-26T10:00:00Z")], [], now, { ...DEFAULT_PREFERENCES, invitations: false })).toEqual([`skipped invitation:p1:i1:0:REQUEST:${new Date("2026-11-26T10:00:00Z").getTime()}`]);
  });

  test("the iCalendar text: the interview's UID, its sequence, the method, an hour in UTC", () => {
    const text = interviewCalendar({
      interviewId: "i1",
      domain: "example.com",
      method: "CANCEL",
      sequence: 2,
      startsAt: new Date("2026-11-26T10:00:00Z"),
      summary: "Interview (Design) for Senior Engineer",
      url: null,
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

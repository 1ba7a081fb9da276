import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { wants, type Preferences } from "./preferences";

/**
 * Calendar invitations for interviews: pure. Each interviewer gets an iCalendar REQUEST for
 * each interview of theirs still to come; moved, a REQUEST again with a higher SEQUENCE;
 * taken off (or the loop withdrawn), a CANCEL. What was sent is read back from the
 * outbox's keys, which carry the sequence, the method and the time, so every pass and
 * every app server plans the same next message, and the outbox holds it once.
 */

/** Interviews are booked without a length; a calendar shows an hour. */
export const INTERVIEW_MINUTES = 60;

export type InterviewSlot = { interviewId: string; startsAt: Date; stage: string; opening: string; href: string };
export type InvitationMethod = "REQUEST" | "CANCEL";
export type PlannedInvitation = { key: string; interviewId: string; sequence: number; method: InvitationMethod; startsAt: Date; slot: InterviewSlot | null; status: "queued" | "skipped" };

export function invitationKey(personId: string, interviewId: string, sequence: number, method: InvitationMethod, startsAt: Date): string {
  return `invitation:${personId}:${interviewId}:${sequence}:${method}:${startsAt.getTime()}`;
}

type Sent = { interviewId: string; sequence: number; method: InvitationMethod; startsAt: Date };

function readKey(key: string, personId: string): Sent | null {
  const [prefix, person, interviewId, sequence, method, time] = key.split(":");
  if (prefix !== "invitation" || person !== personId || !interviewId || (method !== "REQUEST" && method !== "CANCEL")) return null;
  return { interviewId, sequence: Number(sequence), method, startsAt: new Date(Number(time)) };
}

/** The latest invitation sent (or skipped) for each interview of the person. */
function latestSent(personId: string, known: ReadonlySet<string>): Map<string, Sent> {
  const latest = new Map<string, Sent>();
  for (const key of known) {
    const sent = readKey(key, personId);
    if (sent && sent.sequence >= (latest.get(sent.interviewId)?.sequence ?? -1)) latest.set(sent.interviewId, sent);
  }
  return latest;
}

export function planInvitations({ personId, preferences, slots, known, now }: { personId: string; preferences: Preferences; slots: InterviewSlot[]; known: ReadonlySet<string>; now: Date }): PlannedInvitation[] {
  const status = wants(preferences, "invitation") ? "queued" : "skipped";
  const latest = latestSent(personId, known);
  const planned: PlannedInvitation[] = [];
  const current = new Set<string>();
  for (const slot of slots) {
    current.add(slot.interviewId);
    const last = latest.get(slot.interviewId);
    if (last?.method === "REQUEST" && last.startsAt.getTime() === slot.startsAt.getTime()) continue;
    const sequence = last ? last.sequence + 1 : 0;
    planned.push({ key: invitationKey(personId, slot.interviewId, sequence, "REQUEST", slot.startsAt), interviewId: slot.interviewId, sequence, method: "REQUEST", startsAt: slot.startsAt, slot, status });
  }
  for (const last of latest.values()) {
    // An interview that has taken place leaves the list without being cancelled.
    if (current.has(last.interviewId) || last.method !== "REQUEST" || last.startsAt.getTime() <= now.getTime()) continue;
    const sequence = last.sequence + 1;
    planned.push({ key: invitationKey(personId, last.interviewId, sequence, "CANCEL", last.startsAt), interviewId: last.interviewId, sequence, method: "CANCEL", startsAt: last.startsAt, slot: null, status });
  }
  return planned;
}

export function interviewSummary(slot: Pick<InterviewSlot, "stage" | "opening">): string {
  return `Interview (${slot.stage}) for ${slot.opening}`;
}

/**
 * The iCalendar text: one event whose UID is the interview's, its SEQUENCE, and METHOD
 * REQUEST or CANCEL. Times are written in UTC, which every calendar shows on its own clock.
 */
export function interviewCalendar(input: {
  interviewId: string;
  domain: string;
  method: InvitationMethod;
  sequence: number;
  startsAt: Date;
  summary: string;
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  now: Date;
}): string {
  const calendar = ical({ prodId: { company: "Rungs", product: "Rungs", language: "EN" }, method: input.method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL });
  calendar.createEvent({
    id: `interview-${input.interviewId}@${input.domain}`,
    sequence: input.sequence,
    stamp: input.now,
    start: input.startsAt,
    end: new Date(input.startsAt.getTime() + INTERVIEW_MINUTES * 60 * 1000),
    summary: input.summary,
    description: input.url ? `Interview kit and scorecard: ${input.url}` : undefined,
    url: input.url ?? undefined,
    status: input.method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: input.organizer,
    attendees: [{ name: input.attendee.name, email: input.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false }],
  });
  return calendar.toString();
}

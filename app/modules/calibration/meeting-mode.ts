import { z } from "zod";

/**
 * Meeting mode: the facilitator steps through the agenda one entry at a time, in the meeting. Each
 * step is an event of the session's history ("discuss": the entry opened, or none when the meeting
 * ends), written with the server's clock, so the time spent on each entry is read from the history
 * and never from a browser. Discussion notes are one field per entry, each saved version an event
 * ("notes"). Pure.
 */

export const DISCUSS_EVENT = "discuss";
export const NOTES_EVENT = "notes";

export const MAX_NOTES = 5000;

export const NotesSchema = z.object({
  notes: z
    .string()
    .max(MAX_NOTES, { error: "calibration:errors.notesTooLong" })
    .default("")
    .transform((value) => value.replace(/\r\n/g, "\n").trim()),
});

/** A step of the meeting: this entry opened at this time, or (entryId null) the discussion ended. */
export type DiscussionMarker = { at: Date; entryId: string | null };

export type DiscussionTimes = {
  /** Milliseconds spent on each entry opened, over every time it was opened. */
  perEntry: Map<string, number>;
  totalMs: number;
  /** The entry open now, and since when; null when none is. */
  current: { entryId: string; since: Date } | null;
};

/**
 * Time per entry from the steps, oldest first: an entry's time runs from when it is opened to the
 * next step (another entry opened, or the discussion ended); the entry still open counts up to
 * `now`. Opening the entry already open continues it. Coming back to an entry adds to its time.
 */
export function discussionTimes(markers: readonly DiscussionMarker[], now: Date): DiscussionTimes {
  const perEntry = new Map<string, number>();
  const add = (entryId: string, from: Date, to: Date) =>
    perEntry.set(
      entryId,
      (perEntry.get(entryId) ?? 0) + Math.max(0, to.getTime() - from.getTime()),
    );
  let current: { entryId: string; since: Date } | null = null;
  for (const marker of markers) {
    if (current && marker.entryId === current.entryId) continue;
    if (current) add(current.entryId, current.since, marker.at);
    current = marker.entryId === null ? null : { entryId: marker.entryId, since: marker.at };
  }
  if (current) add(current.entryId, current.since, now);
  let totalMs = 0;
  for (const ms of perEntry.values()) totalMs += ms;
  return { perEntry, totalMs, current };
}

/**
 * A duration as people say it, in the parts the page words ("45 s", "3 min 05 s", "1 h 02 min"):
 * seconds alone under a minute, minutes and seconds under an hour, else hours and minutes; the
 * second part of two always has two digits.
 */
export function durationParts(ms: number): {
  unit: "seconds" | "minutes" | "hours";
  first: number;
  second: string;
} {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return { unit: "seconds", first: seconds, second: "" };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return { unit: "minutes", first: minutes, second: String(seconds % 60).padStart(2, "0") };
  return {
    unit: "hours",
    first: Math.floor(minutes / 60),
    second: String(minutes % 60).padStart(2, "0"),
  };
}

/** The entries before and after the one open, in agenda order (the first when none is open). */
export function agendaNeighbours<T extends { id: string }>(
  agenda: readonly T[],
  currentId: string | null,
): { previous: T | null; next: T | null; position: number | null } {
  const index = currentId === null ? -1 : agenda.findIndex((entry) => entry.id === currentId);
  if (index < 0) return { previous: null, next: agenda[0] ?? null, position: null };
  return {
    previous: agenda[index - 1] ?? null,
    next: agenda[index + 1] ?? null,
    position: index + 1,
  };
}

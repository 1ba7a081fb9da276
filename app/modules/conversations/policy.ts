import type { Message } from "~/i18n/messages";
import type { SeriesKind } from "./cadence";

/**
 * Who reads and does what in career conversations: pure rules, fed facts by the server module.
 * A series belongs to its two people: the manager (or, for a skip-level, the manager's manager)
 * and the report. Shared notes are theirs; a private note is its author's alone. Nobody else
 * reads either: not the manager chain above, not admins. The chain and admins may know that
 * meetings happen and when (never what was said). When the report moves to another manager,
 * the old series stays with its two people as a record, and the new manager reads only the notes
 * the report passes on. A person's evidence is theirs; their manager reads an item once they
 * share it (or share all). Everyone else gets a 404, as if the thing did not exist.
 */

export type ConversationViewer = { id: string; isAdmin: boolean };

export type SeriesFacts = {
  kind: SeriesKind;
  managerId: string;
  reportId: string;
  /** Whether the reporting line it was set up for still holds (seriesHolds), and it was not ended. */
  current: boolean;
};

/** The reporting line above the report, as a series is checked against: their manager, and that manager's manager. */
export type LineAbove = { managerId: string | null; skipManagerId: string | null };

/** A one-to-one holds while the report reports to its manager; a skip-level while the report's manager reports to it. */
export function seriesHolds(kind: SeriesKind, managerId: string, line: LineAbove): boolean {
  return kind === "one-to-one"
    ? line.managerId === managerId
    : line.skipManagerId === managerId && line.managerId !== managerId;
}

export function roleInSeries(
  viewer: ConversationViewer,
  series: Pick<SeriesFacts, "managerId" | "reportId">,
): "manager" | "report" | null {
  if (viewer.id === series.managerId) return "manager";
  if (viewer.id === series.reportId) return "report";
  return null;
}

/** Setting up a series: either of its two people, while the line it is for holds (an admin is not one of them); startSeriesRefusal says why not. */
function canStartSeries(
  viewer: ConversationViewer,
  series: { kind: SeriesKind; managerId: string; reportId: string },
  line: LineAbove,
): boolean {
  return (
    series.managerId !== series.reportId &&
    roleInSeries(viewer, series) !== null &&
    seriesHolds(series.kind, series.managerId, line)
  );
}

/**
 * Why a series is not set up (canStartSeries), or null. "wrong-kind": the two are in one line (one
 * reports to the other, or to the other's report) but not as this kind of series has them, which
 * the one asking knows. "not-theirs": the one asking is not one of the two, or the other is not in
 * their line: they are answered as for someone who does not exist, so a pairing posted with any ids
 * says nothing of whom they belong to.
 */
export function startSeriesRefusal(
  viewer: ConversationViewer,
  series: { kind: SeriesKind; managerId: string; reportId: string },
  line: LineAbove,
): "wrong-kind" | "not-theirs" | null {
  if (canStartSeries(viewer, series, line)) return null;
  if (series.managerId === series.reportId || roleInSeries(viewer, series) === null)
    return "not-theirs";
  return line.managerId === series.managerId || line.skipManagerId === series.managerId
    ? "wrong-kind"
    : "not-theirs";
}

/** A series' page, its meetings, agenda and actions: its two people, also after the line changed (their history). */
export function canSeeSeries(viewer: ConversationViewer, series: SeriesFacts): boolean {
  return roleInSeries(viewer, series) !== null;
}

/** Adding points, notes and actions, moving a meeting, holding it, changing the cadence: its two people while the series is current. */
export function canWorkInSeries(viewer: ConversationViewer, series: SeriesFacts): boolean {
  return series.current && roleInSeries(viewer, series) !== null;
}

export type MeetingFacts = { status: string; startsAt: Date };
export type HoldRefusal = "held" | "withdrawn" | "skipped" | "not-begun";

/** Why a meeting is not recorded as held, in the words either of the two reads (held already, recording it again changes nothing). */
export const HOLD_REFUSALS: Record<Exclude<HoldRefusal, "held">, Message> = {
  withdrawn: { key: "conversations:errors.hold.withdrawn" },
  skipped: { key: "conversations:errors.hold.skipped" },
  "not-begun": { key: "conversations:errors.hold.notBegun" },
};

/** Why a meeting cannot be recorded as held: only one to come or not recorded, once its time has come. */
export function holdRefusal(meeting: MeetingFacts, now: Date): HoldRefusal | null {
  if (meeting.status === "held") return "held";
  if (meeting.status === "withdrawn") return "withdrawn";
  if (meeting.status === "skipped") return "skipped";
  if (meeting.startsAt.getTime() > now.getTime()) return "not-begun";
  return null;
}

/** Whether the viewer records this meeting as held: either of the two, while the series is current. */
export function canHoldMeeting(
  viewer: ConversationViewer,
  series: SeriesFacts,
  meeting: MeetingFacts,
  now: Date,
): boolean {
  return canWorkInSeries(viewer, series) && holdRefusal(meeting, now) === null;
}

export type SkipRefusal = "skipped" | "not-to-come";

/** Why a meeting is not skipped, in the words either of the two reads (skipped already, skipping it again changes nothing). */
export const SKIP_REFUSALS: Record<Exclude<SkipRefusal, "skipped">, Message> = {
  "not-to-come": { key: "conversations:errors.skip.notToCome" },
};

/** Why a meeting cannot be skipped: only one still to come (not held, missed or withdrawn, and not begun). */
export function skipRefusal(meeting: MeetingFacts, now: Date): SkipRefusal | null {
  if (meeting.status === "skipped") return "skipped";
  if (meeting.status !== "upcoming" || meeting.startsAt.getTime() <= now.getTime())
    return "not-to-come";
  return null;
}

/** Skipping one meeting (both calendars cancel it; the series goes on): either of the two, while the series is current. */
export function canSkipMeeting(
  viewer: ConversationViewer,
  series: SeriesFacts,
  meeting: MeetingFacts,
  now: Date,
): boolean {
  return canWorkInSeries(viewer, series) && skipRefusal(meeting, now) === null;
}

export type MeetingState = "to-come" | "held" | "missed" | "skipped" | "cancelled";

/**
 * What a meeting is, as its two people read it. A meeting of a series that ended (the line changed
 * or one of them left) that had not yet taken place left both calendars: it is cancelled, never "to
 * come"; one whose time passed unrecorded is missed.
 */
export function meetingState(
  meeting: MeetingFacts,
  series: Pick<SeriesFacts, "current">,
  now: Date,
): MeetingState {
  switch (meeting.status) {
    case "held":
      return "held";
    case "skipped":
      return "skipped";
    case "withdrawn":
      return "cancelled";
    case "upcoming":
      if (series.current) return "to-come";
      return meeting.startsAt.getTime() > now.getTime() ? "cancelled" : "missed";
    default:
      return "missed";
  }
}

export const NOTE_VISIBILITIES = ["shared", "private"] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export type NoteFacts = {
  authorId: string;
  visibility: NoteVisibility;
  /** People the report passed the note on to (a later manager). */
  passedOnTo: readonly string[];
};

/**
 * A note: a private one its author only; a shared one both people of the series, and anyone the
 * report passed it on to. Admins and the manager chain never.
 */
export function canReadNote(
  viewer: ConversationViewer,
  series: SeriesFacts,
  note: NoteFacts,
): boolean {
  if (note.visibility === "private") return viewer.id === note.authorId;
  return roleInSeries(viewer, series) !== null || note.passedOnTo.includes(viewer.id);
}

export type PassOnRefusal = "not-the-report" | "private" | "skip-level" | "same-manager";

/** Why a note is not passed on, in the words the report reads. */
export const PASS_ON_REFUSALS: Record<PassOnRefusal, Message> = {
  "not-the-report": { key: "conversations:errors.passOn.notTheReport" },
  private: { key: "conversations:errors.passOn.private" },
  "skip-level": { key: "conversations:errors.passOn.skipLevel" },
  "same-manager": { key: "conversations:errors.passOn.sameManager" },
};

/**
 * Passing a note on to the report's current manager, or why not: only the person the
 * conversations are about, only a shared note of a one-to-one they read, and only once they
 * report to someone else than that one-to-one's manager (before, that manager reads it already).
 */
export function passOnRefusal(
  viewer: ConversationViewer,
  series: SeriesFacts,
  note: NoteFacts,
  reportsManagerId: string | null,
): PassOnRefusal | null {
  if (viewer.id !== series.reportId || !canReadNote(viewer, series, note)) return "not-the-report";
  if (note.visibility === "private") return "private";
  if (series.kind === "skip-level") return "skip-level";
  if (series.current || reportsManagerId === null || reportsManagerId === series.managerId)
    return "same-manager";
  return null;
}

/** A note is changed by its author alone, while the series is current. */
export function canEditNote(
  viewer: ConversationViewer,
  series: SeriesFacts,
  note: Pick<NoteFacts, "authorId">,
): boolean {
  return canWorkInSeries(viewer, series) && viewer.id === note.authorId;
}

/**
 * That meetings happen and when, never what was said: the two people, anyone above the report in
 * the manager chain, and admins (the team page's "last one-to-one 3 weeks ago").
 */
export function canSeeMeetingDates(
  viewer: ConversationViewer,
  series: Pick<SeriesFacts, "managerId" | "reportId">,
  reportChain: readonly string[],
): boolean {
  return viewer.isAdmin || roleInSeries(viewer, series) !== null || reportChain.includes(viewer.id);
}

export type EvidenceFacts = { personId: string; shared: boolean };

/** Whose evidence page the viewer may open at all: their own, and their current reports'. Nobody else, admins included. */
export function canSeeEvidenceOf(
  viewer: ConversationViewer,
  person: { id: string; managerId: string | null },
): boolean {
  return viewer.id === person.id || (person.managerId !== null && viewer.id === person.managerId);
}

/** A person's evidence: the person; their current manager once they share the item or all of it. */
export function canReadEvidence(
  viewer: ConversationViewer,
  evidence: EvidenceFacts,
  person: { managerId: string | null; sharesAllEvidence: boolean },
): boolean {
  if (!canSeeEvidenceOf(viewer, { id: evidence.personId, managerId: person.managerId }))
    return false;
  return viewer.id === evidence.personId || evidence.shared || person.sharesAllEvidence;
}

/** Recording, changing and sharing evidence: the person alone. */
export function canRecordEvidence(viewer: ConversationViewer, personId: string): boolean {
  return viewer.id === personId;
}

/** The pulse on how useful one-to-ones are: the report of a current one-to-one answers; each answer is theirs alone. */
export function canAnswerPulse(viewer: ConversationViewer, series: SeriesFacts): boolean {
  return series.kind === "one-to-one" && series.current && viewer.id === series.reportId;
}

/** A manager reads their reports' pulse only as an average, of at least this many reports (more where the organisation's floor is higher). */
const PULSE_MINIMUM_REPORTS = 3;

/** The floor a pulse average keeps for a report: the organisation's (or a raised one), never under three. */
export function pulseFloor(personFloor: number): number {
  return Math.max(PULSE_MINIMUM_REPORTS, personFloor);
}

/** The pulse average over a manager's reports: that manager alone (and only as released by the disclosure check). */
export function canSeePulseSummary(viewer: ConversationViewer, managerId: string): boolean {
  return viewer.id === managerId;
}

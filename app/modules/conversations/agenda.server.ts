import { db } from "~/db/client.server";
import { createUnlessExists } from "~/db/create-unless-exists.server";
import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { wordsOf, type Message } from "~/i18n/messages";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import { readGrowthPlan } from "~/modules/growth/growth-plan.server";
import { expectationsFor } from "~/modules/ladders";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import { personTimeZone } from "~/modules/time-zones.server";
import {
  agendaOrder,
  POINT_STATUSES,
  suggestions,
  type ActionStatus,
  type AgendaAction,
  type AgendaEntry,
  type AgendaPoint,
  type GrowthPlanShape,
  type PointSource,
  type PointStatus,
  type Suggestion,
} from "./agenda";
import { bothClocks, cadencesFor, type Cadence } from "./cadence";
import {
  canEditNote,
  canHoldMeeting,
  canReadNote,
  canSeeSeries,
  canSkipMeeting,
  meetingState,
  PASS_ON_REFUSALS,
  passOnRefusal,
  roleInSeries,
  type ConversationViewer,
  type MeetingState,
  type NoteFacts,
  type NoteVisibility,
} from "./policy";
import { TEXT_LIMIT } from "./forms";
import { currentSeriesBetween, readSeries, type StoredSeries } from "./queries.server";
import { nextMeetingOf, ofSeries, requireWork } from "./series.server";
import * as clock from "~/platform/clock.server";

/**
 * A meeting's agenda, notes and actions, and the series page that shows them. Points and notes are
 * content: no audit event carries their text. Actions are audited by who owns them and when they
 * are due.
 */

/** A stored note as the rules of policy.ts read it. */
function noteFacts(note: {
  authorId: string;
  visibility: string;
  shares: { personId: string }[];
}): NoteFacts {
  return {
    authorId: note.authorId,
    visibility: note.visibility === "private" ? "private" : "shared",
    passedOnTo: note.shares.map((share) => share.personId),
  };
}

function cleanText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new InvalidError({ key: "conversations:errors.emptyText" });
  if (trimmed.length > TEXT_LIMIT)
    throw new InvalidError({ key: "conversations:errors.tooLong", values: { limit: TEXT_LIMIT } });
  return trimmed;
}

async function meetingInSeries(meetingId: string, inSeries: string | undefined) {
  const meeting = await db.conversationMeeting.findFirst({
    where: { id: meetingId, ...ofSeries(inSeries) },
    select: { id: true, seriesId: true, status: true },
  });
  if (!meeting) throw new NotFoundError({ key: "conversations:errors.noMeeting" });
  return meeting;
}

/** The person's growth plan as suggestions read it: focus competencies with what the target level expects of each. */
async function planShape(
  personId: string,
  language: PageLanguage,
): Promise<GrowthPlanShape | null> {
  const plan = await readGrowthPlan(personId, language);
  if (!plan || !plan.focus.length) return null;
  const { ladder } = await requireLadderOfVersionIn(plan.ladderVersionId, language);
  return {
    targetTitle: plan.targetTitle,
    focus: plan.focus.map((focus) => ({
      ...focus,
      expectations: expectationsFor(ladder, plan.targetLevelId, focus.competencyId).map(
        (expectation) => expectation.text,
      ),
    })),
  };
}

async function suggestionsFor(
  series: StoredSeries,
  meetingId: string,
  language: PageLanguage,
): Promise<Suggestion[]> {
  const [points, plan] = await Promise.all([
    db.conversationPoint.findMany({
      where: { seriesId: series.id, sourceKey: { not: null } },
      select: { meetingId: true, sourceKey: true },
    }),
    planShape(series.reportId, language),
  ]);
  const used = new Set(points.map((point) => point.sourceKey!));
  const current = new Set(
    points.filter((point) => point.meetingId === meetingId).map((point) => point.sourceKey!),
  );
  return suggestions({ kind: series.kind, plan, used, current });
}

/**
 * A talking point typed by either of the two, or a suggestion taken (by its key: the text is the
 * suggestion's own, worded in the language of whoever took it, as a point they typed would be).
 */
export async function addPoint(
  viewer: ConversationViewer,
  meetingId: string,
  /** `goal`: the key of a key result the point is about (`key-result:<id>`, from goals' services alone). */
  input: { text?: string; suggestion?: string; goal?: string },
  language: PageLanguage = SOURCE_LANGUAGE,
  inSeries?: string,
): Promise<string> {
  const meeting = await meetingInSeries(meetingId, inSeries);
  const series = await db.$transaction((tx) => requireWork(viewer, meeting.seriesId, tx));
  if (meeting.status !== "upcoming")
    throw new InvalidError({ key: "conversations:errors.pointsToComing" });
  let point: { text: string; source: PointSource; sourceKey: string | null };
  if (input.suggestion) {
    const offered = (await suggestionsFor(series, meetingId, language)).find(
      (suggestion) => suggestion.sourceKey === input.suggestion,
    );
    if (!offered) throw new InvalidError({ key: "conversations:errors.suggestionGone" });
    point = {
      source: offered.source,
      sourceKey: offered.sourceKey,
      text: wordsOf(i18nFor(language).getFixedT(language), offered.text),
    };
  } else if (input.goal)
    point = { text: cleanText(input.text ?? ""), source: "goal", sourceKey: input.goal };
  else point = { text: cleanText(input.text ?? ""), source: "added", sourceKey: null };
  const created = await db.conversationPoint.create({
    data: { seriesId: series.id, meetingId, authorId: viewer.id, ...point },
    select: { id: true },
  });
  return created.id;
}

export type PointFromElsewhere =
  { ok: true; seriesId: string; meetingId: string } | { ok: false; message: Message };

/**
 * A point added to the next meeting of a one-to-one from another page, without opening the series:
 * by the person, to their one-to-one with their manager (their released feedback, a team health
 * action, a key result at risk); or, naming `reportId`, by the manager, to their one-to-one with
 * that report (a key result at risk, offered on the agenda). Refused, with what to do, when there
 * is no manager or no one-to-one series between the two. A point already on that meeting (the same
 * text, or the same `sourceKey` whatever its wording) is not added twice.
 */
export async function addPointToNextOneToOne(
  viewer: ConversationViewer,
  text: string,
  now = clock.now(),
  about: { reportId?: string; sourceKey?: string } = {},
): Promise<PointFromElsewhere> {
  const reportId = about.reportId ?? viewer.id;
  const managerId =
    reportId === viewer.id
      ? ((await db.user.findUnique({ where: { id: viewer.id }, select: { managerId: true } }))
          ?.managerId ?? null)
      : viewer.id;
  if (!managerId) return { ok: false, message: { key: "conversations:errors.noManagerForPoint" } };
  const series = await currentSeriesBetween("one-to-one", managerId, reportId);
  if (!series) return { ok: false, message: { key: "conversations:errors.noSeriesForPoint" } };
  const next = await nextMeetingOf(viewer, series.id, now);
  if (!next) throw new NotFoundError({ key: "conversations:errors.noSeries" });
  const point = cleanText(text);
  const already = await db.conversationPoint.findFirst({
    where: {
      meetingId: next.id,
      ...(about.sourceKey ? { sourceKey: about.sourceKey } : { text: point, status: "open" }),
    },
    select: { id: true },
  });
  if (!already) await addPoint(viewer, next.id, { text: point, goal: about.sourceKey });
  return { ok: true, seriesId: series.id, meetingId: next.id };
}

/** What the points on a series' next meeting were made from (their `sourceKey`s), for one of its two people. */
export async function pointKeysOnNextMeeting(
  viewer: ConversationViewer,
  seriesId: string,
  now = clock.now(),
): Promise<Set<string>> {
  const next = await nextMeetingOf(viewer, seriesId, now);
  if (!next) return new Set();
  const points = await db.conversationPoint.findMany({
    where: { meetingId: next.id, sourceKey: { not: null } },
    select: { sourceKey: true },
  });
  return new Set(points.map((point) => point.sourceKey!));
}

/** Either of the two marks a point covered, closes it, or opens it again. */
export async function setPointStatus(
  viewer: ConversationViewer,
  pointId: string,
  status: PointStatus,
  inSeries?: string,
  now = clock.now(),
): Promise<void> {
  if (!POINT_STATUSES.includes(status))
    throw new InvalidError({ key: "conversations:errors.pointStatus" });
  const point = await db.conversationPoint.findFirst({
    where: { id: pointId, ...ofSeries(inSeries) },
    select: { seriesId: true, meeting: { select: { status: true } } },
  });
  if (!point) throw new NotFoundError({ key: "conversations:errors.noPoint" });
  await db.$transaction(async (tx) => {
    await requireWork(viewer, point.seriesId, tx);
    // A held meeting's points are its record; what is still open has moved on to the next meeting.
    if (point.meeting.status !== "upcoming")
      throw new InvalidError({ key: "conversations:errors.pointRecorded" });
    await tx.conversationPoint.update({
      where: { id: pointId },
      data: { status, closedAt: status === "open" ? null : now },
    });
  });
}

/** A note on a meeting: shared with the other person, or private to its author. */
export async function writeNote(
  viewer: ConversationViewer,
  meetingId: string,
  input: { visibility: NoteVisibility; text: string },
  inSeries?: string,
): Promise<string> {
  const meeting = await meetingInSeries(meetingId, inSeries);
  const text = cleanText(input.text);
  return db.$transaction(async (tx) => {
    await requireWork(viewer, meeting.seriesId, tx);
    if (meeting.status === "withdrawn")
      throw new InvalidError({ key: "conversations:errors.hold.withdrawn" });
    const note = await tx.conversationNote.create({
      data: {
        seriesId: meeting.seriesId,
        meetingId,
        authorId: viewer.id,
        visibility: input.visibility === "private" ? "private" : "shared",
        text,
      },
      select: { id: true },
    });
    return note.id;
  });
}

/** Its author changes a note's words, while the series is current. */
export async function editNote(
  viewer: ConversationViewer,
  noteId: string,
  text: string,
): Promise<void> {
  const note = await db.conversationNote.findUnique({
    where: { id: noteId },
    select: {
      seriesId: true,
      authorId: true,
      visibility: true,
      shares: { select: { personId: true } },
    },
  });
  if (!note) throw new NotFoundError({ key: "conversations:errors.noNote" });
  const clean = cleanText(text);
  await db.$transaction(async (tx) => {
    const series = await requireWork(viewer, note.seriesId, tx);
    const facts = noteFacts(note);
    if (!canReadNote(viewer, series.facts, facts))
      throw new NotFoundError({ key: "conversations:errors.noNote" });
    if (!canEditNote(viewer, series.facts, facts))
      throw new ForbiddenError({ key: "conversations:errors.noteAuthorOnly" });
    await tx.conversationNote.update({ where: { id: noteId }, data: { text: clean } });
  });
}

/**
 * The report passes a note from a series of theirs on to their current manager (after a move, a
 * new manager reads nothing of the old series but this). Only the report, only a note they read.
 */
export async function passOnNote(
  viewer: ConversationViewer,
  noteId: string,
  inSeries?: string,
  now = clock.now(),
): Promise<void> {
  const note = await db.conversationNote.findFirst({
    where: { id: noteId, ...ofSeries(inSeries) },
    select: {
      id: true,
      seriesId: true,
      authorId: true,
      visibility: true,
      shares: { select: { personId: true } },
    },
  });
  if (!note) throw new NotFoundError({ key: "conversations:errors.noNote" });
  const series = await readSeries(note.seriesId);
  const facts = noteFacts(note);
  if (!canReadNote(viewer, series.facts, facts))
    throw new NotFoundError({ key: "conversations:errors.noNote" });
  const managerId = series.report.managerId;
  const refusal = passOnRefusal(viewer, series.facts, facts, managerId);
  if (refusal === "not-the-report") throw new ForbiddenError(PASS_ON_REFUSALS[refusal]);
  if (refusal) throw new InvalidError(PASS_ON_REFUSALS[refusal]);
  // passOnRefusal has refused a report without a manager: there is one to pass the note on to.
  const to = managerId!;
  await createUnlessExists(db, (client) =>
    client.conversationNoteShare.create({ data: { noteId, personId: to, sharedAt: now } }),
  );
}

export type ActionInput = { text: string; ownerId: string; dueOn: Date | null };

/** An action agreed in a meeting, owned by one of the two. The audit event names the owner and the due day, not the text. */
export async function addAction(
  viewer: ConversationViewer,
  meetingId: string,
  input: ActionInput,
  inSeries?: string,
): Promise<string> {
  const meeting = await meetingInSeries(meetingId, inSeries);
  const text = cleanText(input.text);
  return db.$transaction(async (tx) => {
    const series = await requireWork(viewer, meeting.seriesId, tx);
    if (!roleInSeries({ id: input.ownerId, isAdmin: false }, series.facts))
      throw new InvalidError({ key: "conversations:errors.actionOwner" });
    const action = await tx.conversationAction.create({
      data: {
        seriesId: series.id,
        meetingId,
        ownerId: input.ownerId,
        createdById: viewer.id,
        text,
        dueOn: input.dueOn,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "conversation.action_added",
      subjectType: "conversation",
      subjectId: series.id,
      detail: {
        actionId: action.id,
        ownerId: input.ownerId,
        dueOn: input.dueOn?.toISOString().slice(0, 10) ?? null,
      },
    });
    return action.id;
  });
}

/** Either of the two marks an action done or dropped, or opens it again. */
export async function setActionStatus(
  viewer: ConversationViewer,
  actionId: string,
  status: ActionStatus,
  inSeries?: string,
  now = clock.now(),
): Promise<void> {
  const action = await db.conversationAction.findFirst({
    where: { id: actionId, ...ofSeries(inSeries) },
    select: { seriesId: true, status: true },
  });
  if (!action) throw new NotFoundError({ key: "conversations:errors.noAction" });
  await db.$transaction(async (tx) => {
    await requireWork(viewer, action.seriesId, tx);
    if (action.status === status) return;
    await tx.conversationAction.update({
      where: { id: actionId },
      data: { status, closedAt: status === "open" ? null : now },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: status === "open" ? "conversation.action_reopened" : "conversation.action_closed",
      subjectType: "conversation",
      subjectId: action.seriesId,
      detail: { actionId, status },
    });
  });
}

export type NoteView = {
  id: string;
  authorId: string;
  authorName: string;
  visibility: NoteVisibility;
  text: string;
  createdAt: Date;
  passedOn: boolean;
  canPassOn: boolean;
  canEdit: boolean;
};

export type MeetingView = {
  id: string;
  startsAt: Date;
  movedFrom: Date | null;
  status: string;
  /** What it is as its two people read it (meetingState): never "to come" once the series ended. */
  state: MeetingState;
  clocks: string[];
  notes: NoteView[];
  /** Whether the viewer may record it as held now (canHoldMeeting). */
  canHold: boolean;
  /** Whether the viewer may skip it (canSkipMeeting). */
  canSkip: boolean;
};

export type SeriesPage = {
  series: {
    id: string;
    kind: StoredSeries["kind"];
    cadence: Cadence;
    cadences: Cadence[];
    minutes: number;
    current: boolean;
    manager: { id: string; name: string };
    report: { id: string; name: string };
    timeZone: string;
  };
  role: "manager" | "report";
  next: (MeetingView & { agenda: AgendaEntry[]; suggestions: Suggestion[] }) | null;
  earlier: (MeetingView & { points: AgendaPoint[]; actions: AgendaAction[] })[];
  /** For a later manager: the shared notes of the report's earlier series that the report passed on to them, and nothing else of those series. */
  passedOn: { id: string; authorName: string; text: string; meetingAt: Date }[];
  viewerZone: string;
};

/**
 * A series' page for one of its two people: the next meeting (set when due) on both clocks, its
 * agenda headed by open actions, the suggestions, and each meeting's notes the viewer may read.
 * The clocks are written in the viewer's language.
 */
export async function seriesPage(
  viewer: ConversationViewer,
  seriesId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<SeriesPage> {
  const series = await readSeries(seriesId);
  const role = roleInSeries(viewer, series.facts);
  if (!role || !canSeeSeries(viewer, series.facts))
    throw new NotFoundError({ key: "conversations:errors.noConversation" });
  const next = series.facts.current ? await nextMeetingOf(viewer, seriesId, now) : null;
  const [meetings, points, actions, notes] = await Promise.all([
    db.conversationMeeting.findMany({
      where: { seriesId },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      select: { id: true, startsAt: true, movedFrom: true, status: true },
    }),
    db.conversationPoint.findMany({
      where: { seriesId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        meetingId: true,
        text: true,
        authorId: true,
        source: true,
        sourceKey: true,
        status: true,
        carried: true,
        createdAt: true,
      },
    }),
    db.conversationAction.findMany({
      where: { seriesId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        meetingId: true,
        text: true,
        ownerId: true,
        dueOn: true,
        status: true,
        createdAt: true,
      },
    }),
    db.conversationNote.findMany({
      // Every note of the series: which the viewer reads is canReadNote's alone (policy.ts).
      where: { seriesId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        meetingId: true,
        authorId: true,
        visibility: true,
        text: true,
        createdAt: true,
        author: { select: { name: true } },
        shares: { select: { personId: true } },
      },
    }),
  ]);
  const passedOn =
    role === "manager"
      ? await db.conversationNote.findMany({
          // The notes passed on to the viewer from the report's other series: which of them the viewer reads is canReadNote's alone.
          where: {
            seriesId: { not: seriesId },
            series: { reportId: series.reportId },
            shares: { some: { personId: viewer.id } },
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            text: true,
            authorId: true,
            visibility: true,
            shares: { select: { personId: true } },
            author: { select: { name: true } },
            meeting: { select: { startsAt: true } },
            series: { select: { kind: true, managerId: true, reportId: true } },
          },
        })
      : [];
  const zones = [personTimeZone(series.manager.timeZone), personTimeZone(series.report.timeZone)];
  const noteViews = (meetingId: string): NoteView[] =>
    notes
      .filter((note) => note.meetingId === meetingId)
      .flatMap((note) => {
        const facts = noteFacts(note);
        if (!canReadNote(viewer, series.facts, facts)) return [];
        return [
          {
            id: note.id,
            authorId: note.authorId,
            authorName: note.author.name,
            visibility: facts.visibility,
            text: note.text,
            createdAt: note.createdAt,
            passedOn: facts.passedOnTo.length > 0,
            canPassOn: passOnRefusal(viewer, series.facts, facts, series.report.managerId) === null,
            canEdit: canEditNote(viewer, series.facts, facts),
          },
        ];
      });
  const asPoint = (point: (typeof points)[number]): AgendaPoint => ({
    ...point,
    source: point.source as PointSource,
    status: point.status as PointStatus,
  });
  const asAction = (action: (typeof actions)[number]): AgendaAction => ({
    ...action,
    status: action.status as ActionStatus,
  });
  const view = (meeting: (typeof meetings)[number]): MeetingView => ({
    ...meeting,
    state: meetingState(meeting, series.facts, now),
    clocks: bothClocks(meeting.startsAt, zones, language),
    notes: noteViews(meeting.id),
    canHold: canHoldMeeting(viewer, series.facts, meeting, now),
    canSkip: canSkipMeeting(viewer, series.facts, meeting, now),
  });
  const nextMeeting = next ? meetings.find((meeting) => meeting.id === next.id) : undefined;
  return {
    series: {
      id: series.id,
      kind: series.kind,
      cadence: series.cadence,
      cadences: [...cadencesFor(series.kind)],
      minutes: series.minutes,
      current: series.facts.current,
      manager: { id: series.manager.id, name: series.manager.name },
      report: { id: series.report.id, name: series.report.name },
      timeZone: series.timeZone,
    },
    role,
    viewerZone: role === "manager" ? zones[0]! : zones[1]!,
    passedOn: passedOn
      .filter((note) =>
        canReadNote(
          viewer,
          {
            kind: note.series.kind === "skip-level" ? "skip-level" : "one-to-one",
            managerId: note.series.managerId,
            reportId: note.series.reportId,
            current: false,
          },
          noteFacts(note),
        ),
      )
      .map((note) => ({
        id: note.id,
        authorName: note.author.name,
        text: note.text,
        meetingAt: note.meeting.startsAt,
      })),
    next: nextMeeting
      ? {
          ...view(nextMeeting),
          agenda: agendaOrder(
            points.filter((point) => point.meetingId === nextMeeting.id).map(asPoint),
            actions.filter((action) => action.status === "open").map(asAction),
            now,
          ),
          suggestions: await suggestionsFor(series, nextMeeting.id, language),
        }
      : null,
    earlier: meetings
      .filter((meeting) => meeting.id !== nextMeeting?.id)
      .map((meeting) => ({
        ...view(meeting),
        points: points.filter((point) => point.meetingId === meeting.id).map(asPoint),
        actions: actions.filter((action) => action.meetingId === meeting.id).map(asAction),
      })),
  };
}

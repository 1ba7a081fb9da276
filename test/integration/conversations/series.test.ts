// Career conversations against a real database: series and skip-levels, moving and holding
// meetings, the agenda carried on, notes between the two, a change of manager, the audit log.
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { inEnglishWords } from "../../utils/english";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  addAction,
  addPoint,
  editNote,
  passOnNote,
  seriesPage,
  setActionStatus,
  setPointStatus,
  writeNote,
} from "~/modules/conversations/agenda.server";
import { conversationSignals } from "~/modules/conversations/signals.server";
import { upcomingConversations } from "~/modules/conversations/queries.server";
import {
  changeCadence,
  holdMeeting,
  moveMeetingTo,
  rollOnAll,
  startSeries,
} from "~/modules/conversations/series.server";
import { DomainError } from "~/modules/errors";
import { managerChain, rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { todoFor } from "~/modules/todo/todo.server";
import { createPerson } from "../../utils/factories";
import { refused } from "../../utils/responses";
import { inEnglish } from "../../utils/todo-words";

const viewer = (person: { id: string; isAdmin?: boolean }) => ({
  id: person.id,
  isAdmin: person.isAdmin ?? false,
});
const at = (iso: string) => new Date(iso);

async function organisation() {
  const boss = await createPerson({
    name: "Bea Boss",
    track: "manager",
    level: "m2",
    timeZone: "America/New_York",
  });
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
    timeZone: "Asia/Kolkata",
  });
  const other = await createPerson({
    name: "Omar Other",
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  return { boss, manager, engineer, other, admin };
}

/** The refusal's message, or "allowed". */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  return "allowed";
}

describe("a one-to-one series", () => {
  test("set up by either of the two on the manager's clock, shown on both clocks; nobody else may set it up", async () => {
    const { boss, manager, engineer, other, admin } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    // Monday 23 March 2026, 10:00 in Berlin.
    const input = {
      kind: "one-to-one" as const,
      managerId: manager.id,
      reportId: engineer.id,
      cadence: "weekly" as const,
      firstAt: at("2026-03-23T09:00:00Z"),
    };
    // Whoever is not one of the two, or pairs themselves with someone outside their line, is answered as for ids nobody has:
    // a pairing posted with anyone's id says nothing of whether they are there.
    expect(
      await refused(() => startSeries(viewer(engineer), { ...input, managerId: "nobody" }, now)),
    ).toBe("not-found");
    expect(await refused(() => startSeries(viewer(admin), input, now))).toBe("not-found");
    expect(await refused(() => startSeries(viewer(boss), input, now))).toBe("not-found");
    expect(
      await refused(() => startSeries(viewer(engineer), { ...input, managerId: other.id }, now)),
    ).toBe("not-found");
    // Within their own line, the one asking is told why: their manager is not their skip-level.
    expect(
      await refused(() =>
        startSeries(viewer(engineer), { ...input, kind: "skip-level", cadence: "quarterly" }, now),
      ),
    ).toBe("forbidden");
    expect(
      await refused(() => startSeries(viewer(engineer), { ...input, cadence: "quarterly" }, now)),
    ).toBe("invalid");
    const seriesId = await startSeries(viewer(engineer), input, now);
    expect(await refused(() => startSeries(viewer(manager), input, now))).toBe("conflict");

    const page = await seriesPage(viewer(manager), seriesId, now);
    expect(page.series).toMatchObject({
      kind: "one-to-one",
      cadence: "weekly",
      timeZone: "Europe/Berlin",
      current: true,
    });
    expect(page.next?.clocks).toEqual([
      "Monday, 23 March 2026 at 10:00 (Europe/Berlin)",
      "Monday, 23 March 2026 at 14:30 (Asia/Kolkata)",
    ]);
    for (const outsider of [boss, other, admin])
      expect(await refused(() => seriesPage(viewer(outsider), seriesId, now))).toBe("not-found");
  });

  test("moved by either; held, its open points carry to the next meeting, on the Berlin clock across the change of the clocks", async () => {
    const { manager, engineer } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const first = (await seriesPage(viewer(engineer), seriesId, now)).next!;
    expect(
      await refused(() =>
        moveMeetingTo(viewer(engineer), first.id, at("2026-03-30T08:00:00Z"), undefined, now),
      ),
    ).toBe("invalid");
    await moveMeetingTo(viewer(engineer), first.id, at("2026-03-24T13:00:00Z"), undefined, now);
    const moved = await db.conversationMeeting.findUniqueOrThrow({ where: { id: first.id } });
    expect([moved.startsAt.toISOString(), moved.movedFrom?.toISOString()]).toEqual([
      "2026-03-24T13:00:00.000Z",
      "2026-03-23T09:00:00.000Z",
    ]);

    const open = await addPoint(viewer(engineer), first.id, {
      text: "Moving to the platform team?",
    });
    const covered = await addPoint(viewer(manager), first.id, { text: "Last sprint's incident" });
    const suggested = (await seriesPage(viewer(manager), seriesId, now)).next!.suggestions[0]!;
    await addPoint(viewer(manager), first.id, { suggestion: suggested.sourceKey });
    await setPointStatus(viewer(manager), covered, "covered");
    expect(await refused(() => holdMeeting(viewer(manager), first.id, undefined, now))).toBe(
      "invalid",
    );

    const after = at("2026-03-24T14:00:00Z");
    await holdMeeting(viewer(manager), first.id, undefined, after);
    const page = await seriesPage(viewer(engineer), seriesId, after);
    // The next regular slot follows the one the meeting was scheduled in: Monday 30 March, 10:00 in Berlin (now summer time).
    expect(page.next?.startsAt.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    const carried = page.next!.agenda.flatMap((entry) =>
      entry.type === "point" ? [entry.point] : [],
    );
    expect(
      carried.map((point) => [point.id === open ? "open" : point.source, point.carried]),
    ).toEqual([
      ["open", 1],
      [suggested.source, 1],
    ]);
    expect(page.next!.suggestions.map((suggestion) => suggestion.sourceKey)).not.toContain(
      suggested.sourceKey,
    );
    expect(page.earlier[0]).toMatchObject({ id: first.id, status: "held" });
    expect(page.earlier[0]!.points.map((point) => point.id)).toEqual([covered]);
    expect(await refused(() => setPointStatus(viewer(engineer), covered, "open"))).toBe("invalid");

    // A suggestion taken in German is kept in the words it was offered in, as a point typed in German would be.
    const offered = (await seriesPage(viewer(engineer), seriesId, after, "de")).next!
      .suggestions[0]!;
    const taken = await addPoint(
      viewer(engineer),
      page.next!.id,
      { suggestion: offered.sourceKey },
      "de",
    );
    const { text } = await db.conversationPoint.findUniqueOrThrow({
      where: { id: taken },
      select: { text: true },
    });
    expect(text).toBe(wordsOf(i18nFor("de").getFixedT("de"), offered.text));
    expect(text).not.toBe(inEnglishWords(offered.text));
  });

  test("the page offers to record a meeting as held exactly when holding it is accepted: once begun (from its start time), by the two only, not twice, not withdrawn, not after the series ended", async () => {
    const { boss, manager, engineer, other, admin } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const first = (await seriesPage(viewer(engineer), seriesId, now)).next!;
    expect(first.canHold).toBe(false);
    expect(await refusal(() => holdMeeting(viewer(engineer), first.id, undefined, now))).toBe(
      "conversations:errors.hold.notBegun",
    );

    // At its very start time it has begun.
    const begun = at("2026-03-23T09:00:00Z");
    for (const person of [manager, engineer])
      expect((await seriesPage(viewer(person), seriesId, begun)).next).toMatchObject({
        id: first.id,
        canHold: true,
      });
    // Nobody outside the two records it, not the manager above and not an admin: for them the meeting does not exist.
    for (const outsider of [boss, admin])
      expect(
        await refused(() => holdMeeting(viewer(outsider), first.id, undefined, begun)),
        outsider.name,
      ).toBe("not-found");
    await holdMeeting(viewer(engineer), first.id, undefined, begun);
    const held = await seriesPage(viewer(manager), seriesId, begun);
    expect(held.earlier.map((meeting) => [meeting.id, meeting.status, meeting.canHold])).toEqual([
      [first.id, "held", false],
    ]);
    // A withdrawn meeting is not recorded as held.
    const withdrawn = await db.conversationMeeting.create({
      data: {
        seriesId,
        scheduledFor: at("2026-03-21T09:00:00Z"),
        startsAt: at("2026-03-21T09:00:00Z"),
        status: "withdrawn",
      },
    });
    expect(await refusal(() => holdMeeting(viewer(manager), withdrawn.id, undefined, begun))).toBe(
      "conversations:errors.hold.withdrawn",
    );
    await db.conversationMeeting.delete({ where: { id: withdrawn.id } });

    await db.user.update({ where: { id: engineer.id }, data: { managerId: other.id } });
    await rebuildReportingLine(db);
    const later = at("2026-04-01T10:00:00Z");
    const ended = await seriesPage(viewer(manager), seriesId, later);
    const missed = ended.earlier.find((meeting) => meeting.status === "upcoming")!;
    expect(missed.startsAt.getTime()).toBeLessThan(later.getTime());
    expect(ended.earlier.map((meeting) => meeting.canHold)).toEqual([false, false]);
    expect(await refused(() => holdMeeting(viewer(manager), missed.id, undefined, later))).toBe(
      "forbidden",
    );
  });

  test("a meeting not recorded as held gives way to the next one, and the calendar pass keeps one meeting to come", async () => {
    const { manager, engineer } = await organisation();
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "fortnightly",
        firstAt: at("2026-04-06T08:00:00Z"),
      },
      at("2026-04-01T10:00:00Z"),
    );
    const later = at("2026-04-10T12:00:00Z");
    expect(await rollOnAll(later)).toBeGreaterThanOrEqual(1);
    const meetings = await db.conversationMeeting.findMany({
      where: { seriesId },
      orderBy: { startsAt: "asc" },
      select: { startsAt: true, status: true },
    });
    expect(meetings.map((meeting) => [meeting.startsAt.toISOString(), meeting.status])).toEqual([
      ["2026-04-06T08:00:00.000Z", "missed"],
      ["2026-04-20T08:00:00.000Z", "upcoming"],
    ]);
    const upcoming = (await upcomingConversations(later)).filter(
      (meeting) => meeting.seriesId === seriesId,
    );
    expect(
      upcoming.map((meeting) => [meeting.manager.name, meeting.report.name, meeting.minutes]),
    ).toEqual([["Sam Manager", "Lena Engineer", 30]]);
  });

  test("a new cadence counts from the next meeting's slot", async () => {
    const { manager, engineer } = await organisation();
    const now = at("2026-05-01T10:00:00Z");
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-05-04T08:00:00Z"),
      },
      now,
    );
    await changeCadence(viewer(engineer), seriesId, "monthly", now);
    const first = (await seriesPage(viewer(manager), seriesId, now)).next!;
    await holdMeeting(viewer(manager), first.id, undefined, at("2026-05-04T09:00:00Z"));
    expect(
      (
        await seriesPage(viewer(manager), seriesId, at("2026-05-04T09:00:00Z"))
      ).next?.startsAt.toISOString(),
    ).toBe("2026-06-04T08:00:00.000Z");
  });
});

describe("notes stay between the two", () => {
  test("shared notes both read, private notes their author only; the chain and admins see only that meetings happen, and when", async () => {
    const { boss, manager, engineer, admin } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "fortnightly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const meeting = (await seriesPage(viewer(manager), seriesId, now)).next!;
    await writeNote(viewer(manager), meeting.id, {
      visibility: "shared",
      text: "SHARED-NOTE agreed to try the on-call rotation",
    });
    await writeNote(viewer(manager), meeting.id, {
      visibility: "private",
      text: "MANAGER-PRIVATE watch for burnout",
    });
    await writeNote(viewer(engineer), meeting.id, {
      visibility: "private",
      text: "ENGINEER-PRIVATE ask about the staff track",
    });
    const notesOf = async (person: { id: string }) =>
      (await seriesPage(viewer(person), seriesId, now)).next!.notes.map(
        (note) => note.text.split(" ")[0],
      );
    expect(await notesOf(manager)).toEqual(["SHARED-NOTE", "MANAGER-PRIVATE"]);
    expect(await notesOf(engineer)).toEqual(["SHARED-NOTE", "ENGINEER-PRIVATE"]);

    await holdMeeting(viewer(engineer), meeting.id, undefined, at("2026-03-23T10:00:00Z"));
    const later = at("2026-04-14T10:00:00Z");
    const people = [{ id: engineer.id, chain: await managerChain(engineer.id) }];
    const forBoss = (await conversationSignals(viewer(boss), people, later)).get(engineer.id);
    expect(forBoss).toMatchObject({
      lastHeld: { unit: "weeks", count: 3 },
      overdue: false,
      overdueActions: null,
    });
    expect(
      (await conversationSignals(viewer(admin), people, later))
        .get(engineer.id)
        ?.lastHeldAt?.toISOString(),
    ).toBe("2026-03-23T09:00:00.000Z");
    expect(await conversationSignals(viewer(await createPerson()), people, later)).toEqual(
      new Map(),
    );
    // Set up ahead: not overdue before its first meeting, however long ago it was set up.
    const later2 = await createPerson({
      name: "Nia New",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: later2.id,
        cadence: "weekly",
        firstAt: at("2026-05-04T09:00:00Z"),
      },
      now,
    );
    expect(
      (
        await conversationSignals(
          viewer(manager),
          [{ id: later2.id, chain: await managerChain(later2.id) }],
          at("2026-04-30T10:00:00Z"),
        )
      ).get(later2.id)?.overdue,
    ).toBe(false);
    // More than twice the cadence (four weeks) since: overdue.
    expect(
      (await conversationSignals(viewer(boss), people, at("2026-04-21T10:00:00Z"))).get(engineer.id)
        ?.overdue,
    ).toBe(true);

    // No audit event carries what was said.
    const events = await db.auditEvent.findMany({
      where: { subjectType: "conversation", subjectId: seriesId },
      select: { action: true, detail: true },
    });
    expect(events.map((event) => event.action).sort()).toEqual([
      "conversation.meeting_held",
      "conversation.series_started",
    ]);
    expect(JSON.stringify(events)).not.toMatch(/SHARED-NOTE|PRIVATE/);
  });

  test("a report who moves to another manager keeps their history; the new manager reads only what the report passes on", async () => {
    const { manager, engineer, other } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const oldSeries = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const meeting = (await seriesPage(viewer(manager), oldSeries, now)).next!;
    const passed = await writeNote(viewer(manager), meeting.id, {
      visibility: "shared",
      text: "PASSED wants to lead the migration",
    });
    await writeNote(viewer(engineer), meeting.id, {
      visibility: "shared",
      text: "KEPT salary question",
    });
    await writeNote(viewer(manager), meeting.id, { visibility: "private", text: "OLD-PRIVATE" });

    await db.user.update({ where: { id: engineer.id }, data: { managerId: other.id } });
    await rebuildReportingLine(db);

    const page = await seriesPage(viewer(engineer), oldSeries, now);
    expect(page.series.current).toBe(false);
    expect(page.next).toBeNull();
    expect(page.earlier[0]!.notes.map((note) => note.text.split(" ")[0])).toEqual([
      "PASSED",
      "KEPT",
    ]);
    expect(
      await refused(() =>
        writeNote(viewer(manager), meeting.id, { visibility: "shared", text: "after the move" }),
      ),
    ).toBe("forbidden");
    expect(await refused(() => seriesPage(viewer(other), oldSeries, now))).toBe("not-found");
    // The old series' meeting no longer goes to anyone's calendar.
    expect(
      (await upcomingConversations(now)).some((upcoming) => upcoming.seriesId === oldSeries),
    ).toBe(false);

    expect(await refused(() => passOnNote(viewer(manager), passed))).toBe("forbidden");
    await passOnNote(viewer(engineer), passed);
    const shared = await db.conversationNoteShare.findMany({
      where: { noteId: passed },
      select: { personId: true },
    });
    expect(shared).toEqual([{ personId: other.id }]);

    const newSeries = await startSeries(
      viewer(other),
      {
        kind: "one-to-one",
        managerId: other.id,
        reportId: engineer.id,
        cadence: "fortnightly",
        firstAt: at("2026-03-25T09:00:00Z"),
      },
      now,
    );
    const newPage = await seriesPage(viewer(other), newSeries, now);
    expect(newPage.next?.notes).toEqual([]);
    expect(newPage.passedOn.map((note) => [note.authorName, note.text])).toEqual([
      ["Sam Manager", "PASSED wants to lead the migration"],
    ]);
    expect((await seriesPage(viewer(engineer), newSeries, now)).passedOn).toEqual([]);
  });
});

describe("changing and passing on notes", () => {
  test("a note is changed by its author alone: the other person of the one-to-one reads a shared note but does not change it", async () => {
    const { manager, engineer, boss } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const meeting = (await seriesPage(viewer(manager), seriesId, now)).next!;
    const mine = await writeNote(viewer(engineer), meeting.id, {
      visibility: "shared",
      text: "I want to lead the migration",
    });
    const theirs = await writeNote(viewer(manager), meeting.id, {
      visibility: "private",
      text: "MANAGER-PRIVATE",
    });

    expect(await refused(() => editNote(viewer(manager), mine, "Lena wants nothing"))).toBe(
      "forbidden",
    );
    expect(await refused(() => editNote(viewer(boss), mine, "Lena wants nothing"))).toBe(
      "not-found",
    );
    expect(await refused(() => editNote(viewer(engineer), theirs, "read it"))).toBe("not-found");
    expect((await db.conversationNote.findUniqueOrThrow({ where: { id: mine } })).text).toBe(
      "I want to lead the migration",
    );
    const notes = (await seriesPage(viewer(manager), seriesId, now)).next!.notes;
    expect(notes.map((note) => [note.text, note.canEdit])).toEqual([
      ["I want to lead the migration", false],
      ["MANAGER-PRIVATE", true],
    ]);

    await editNote(viewer(engineer), mine, "I want to lead the platform migration");
    expect((await db.conversationNote.findUniqueOrThrow({ where: { id: mine } })).text).toBe(
      "I want to lead the platform migration",
    );
  });

  test("the report passes on only shared notes of a one-to-one, only after a change of manager and to a manager they have; each refusal says why and shares nothing", async () => {
    const { boss, manager, engineer, other } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const oneToOne = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const skipLevel = await startSeries(
      viewer(boss),
      {
        kind: "skip-level",
        managerId: boss.id,
        reportId: engineer.id,
        cadence: "quarterly",
        firstAt: at("2026-04-01T14:00:00Z"),
      },
      now,
    );
    const meeting = (await seriesPage(viewer(manager), oneToOne, now)).next!;
    const skipMeeting = (await seriesPage(viewer(boss), skipLevel, now)).next!;
    const shared = await writeNote(viewer(manager), meeting.id, {
      visibility: "shared",
      text: "SHARED wants to lead the migration",
    });
    const own = await writeNote(viewer(engineer), meeting.id, {
      visibility: "private",
      text: "OWN-PRIVATE thinking of leaving",
    });
    const skipNote = await writeNote(viewer(boss), skipMeeting.id, {
      visibility: "shared",
      text: "SKIP-LEVEL about the team",
    });

    // Still with the same manager: that manager reads the shared notes already.
    expect(await refusal(() => passOnNote(viewer(engineer), shared))).toBe(
      "conversations:errors.passOn.sameManager",
    );
    expect(
      (await seriesPage(viewer(engineer), oneToOne, now)).next!.notes.map((note) => note.canPassOn),
    ).toEqual([false, false]);
    // The series ends when the manager leaves, but Lena still reports to him: nobody new to pass notes on to.
    await db.user.update({ where: { id: manager.id }, data: { deactivatedAt: now } });
    const afterLeaving = await seriesPage(viewer(engineer), oneToOne, now);
    expect(
      [
        ...(afterLeaving.next?.notes ?? []),
        ...afterLeaving.earlier.flatMap((item) => item.notes),
      ].map((note) => note.canPassOn),
    ).toEqual([false, false]);
    await db.user.update({ where: { id: manager.id }, data: { deactivatedAt: null } });

    await db.user.update({ where: { id: engineer.id }, data: { managerId: other.id } });
    await rebuildReportingLine(db);
    // The series has ended: its notes stay as they were, even for their author.
    const forSam = await seriesPage(viewer(manager), oneToOne, now);
    expect(
      [...(forSam.next?.notes ?? []), ...forSam.earlier.flatMap((item) => item.notes)].map(
        (note) => [note.text.split(" ")[0], note.canEdit],
      ),
    ).toEqual([["SHARED", false]]);

    expect(await refusal(() => passOnNote(viewer(engineer), own))).toBe(
      "conversations:errors.passOn.private",
    );
    expect(await refusal(() => passOnNote(viewer(engineer), skipNote))).toBe(
      "conversations:errors.passOn.skipLevel",
    );
    expect(
      await db.conversationNoteShare.count({ where: { noteId: { in: [shared, own, skipNote] } } }),
    ).toBe(0);
    const page = await seriesPage(viewer(engineer), oneToOne, now);
    expect(
      page.earlier
        .flatMap((item) => item.notes)
        .map((note) => [note.text.split(" ")[0], note.canPassOn]),
    ).toEqual([
      ["SHARED", true],
      ["OWN-PRIVATE", false],
    ]);
    const skipPage = await seriesPage(viewer(engineer), skipLevel, now);
    expect(
      [...(skipPage.next?.notes ?? []), ...skipPage.earlier.flatMap((item) => item.notes)].map(
        (note) => note.canPassOn,
      ),
    ).toEqual([false]);

    await passOnNote(viewer(engineer), shared);
    expect(
      await db.conversationNoteShare.findMany({
        where: { noteId: { in: [shared, own, skipNote] } },
        select: { noteId: true, personId: true },
      }),
    ).toEqual([{ noteId: shared, personId: other.id }]);

    // Without a manager there is nobody to pass a note on to.
    await db.user.update({ where: { id: engineer.id }, data: { managerId: null } });
    await rebuildReportingLine(db);
    expect(await refusal(() => passOnNote(viewer(engineer), shared))).toBe(
      "conversations:errors.passOn.sameManager",
    );
    expect(await db.conversationNoteShare.count({ where: { noteId: shared } })).toBe(1);
    expect(
      (await seriesPage(viewer(engineer), oneToOne, now)).earlier
        .flatMap((item) => item.notes)
        .map((note) => note.canPassOn),
    ).toEqual([false, false]);
  });
});

describe("a skip-level", () => {
  test("the manager's manager with someone two levels down, less often; it ends when the line between them changes", async () => {
    const { boss, manager, engineer, other } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const input = {
      kind: "skip-level" as const,
      managerId: boss.id,
      reportId: engineer.id,
      cadence: "weekly" as const,
      firstAt: at("2026-04-01T14:00:00Z"),
    };
    expect(await refused(() => startSeries(viewer(boss), input, now))).toBe("invalid");
    expect(
      await refused(() =>
        startSeries(
          viewer(manager),
          { ...input, managerId: manager.id, cadence: "quarterly" },
          now,
        ),
      ),
    ).toBe("forbidden");
    const seriesId = await startSeries(viewer(boss), { ...input, cadence: "quarterly" }, now);
    const page = await seriesPage(viewer(engineer), seriesId, now);
    expect(page.series.timeZone).toBe("America/New_York");
    expect(page.next?.suggestions.every((suggestion) => suggestion.source === "question")).toBe(
      true,
    );
    expect(await refused(() => seriesPage(viewer(manager), seriesId, now))).toBe("not-found");

    // The engineer's manager moves under someone else: the boss is no longer two levels up.
    await db.user.update({ where: { id: manager.id }, data: { managerId: other.id } });
    await rebuildReportingLine(db);
    expect((await seriesPage(viewer(boss), seriesId, now)).series.current).toBe(false);
  });
});

describe("actions", () => {
  test("owned by one of the two, on both to-do lists by whose it is; open ones head the next agenda until done or dropped; audited without their words", async () => {
    const { manager, engineer, boss } = await organisation();
    const now = at("2026-03-20T10:00:00Z");
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const meeting = (await seriesPage(viewer(manager), seriesId, now)).next!;
    expect(
      await refused(() =>
        addAction(viewer(manager), meeting.id, {
          text: "ACTION-TEXT",
          ownerId: boss.id,
          dueOn: null,
        }),
      ),
    ).toBe("invalid");
    const actionId = await addAction(viewer(manager), meeting.id, {
      text: "ACTION-TEXT write the design doc",
      ownerId: engineer.id,
      dueOn: at("2026-03-27T00:00:00Z"),
    });

    const titles = async (person: { id: string }) =>
      (await todoFor({ id: person.id, isAdmin: false }, now))
        .filter((item) => item.kind === "conversation-action")
        .map((item) => inEnglish(item).title);
    expect(await titles(engineer)).toEqual([
      "Follow through on an action from your one-to-one with Sam Manager",
    ]);
    expect(await titles(manager)).toEqual([
      "Check in on an action Lena Engineer owns from your one-to-one",
    ]);
    expect(await titles(boss)).toEqual([]);

    await holdMeeting(viewer(engineer), meeting.id, undefined, at("2026-03-23T10:00:00Z"));
    const next = (await seriesPage(viewer(engineer), seriesId, at("2026-03-30T07:00:00Z"))).next!;
    expect(next.agenda[0]).toMatchObject({
      type: "action",
      overdue: true,
      action: { id: actionId },
    });
    const signals = await conversationSignals(
      viewer(manager),
      [{ id: engineer.id, chain: await managerChain(engineer.id) }],
      at("2026-03-30T07:00:00Z"),
    );
    expect(signals.get(engineer.id)?.overdueActions).toBe(1);

    await setActionStatus(viewer(engineer), actionId, "done");
    expect(
      (
        await seriesPage(viewer(engineer), seriesId, at("2026-03-30T07:00:00Z"))
      ).next!.agenda.filter((entry) => entry.type === "action"),
    ).toEqual([]);
    expect(await titles(engineer)).toEqual([]);
    const events = await db.auditEvent.findMany({
      where: { subjectId: seriesId, action: { startsWith: "conversation.action" } },
      select: { action: true, detail: true },
    });
    expect(events.map((event) => event.action).sort()).toEqual([
      "conversation.action_added",
      "conversation.action_closed",
    ]);
    expect(JSON.stringify(events)).not.toContain("ACTION-TEXT");
  });
});

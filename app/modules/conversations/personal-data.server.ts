import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { conversationSlot } from "./calendar";
import { upcomingConversations } from "./queries.server";
import { unlessNotFound } from "~/modules/errors";
import { dayOrNull } from "~/platform/export-document";
import { seriesPage } from "./agenda.server";
import { evidenceOf } from "./evidence.server";
import { conversationsOf, rollOnAll } from "./series.server";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { privateNoteDue } from "~/modules/retention/policy";

/** One-to-ones and evidence between cycles. */
export const conversationsPersonalData: PersonalDataDeclaration = {
  holds: {
    ConversationSeries: "between them and their manager or report: kept, under the erased name",
    ConversationMeeting: "when they met: kept",
    ConversationPoint: "the agenda's points they wrote: emptied under the leavers rule",
    ConversationNote:
      "their private notes are removed; their shared notes follow the leavers rule (removed, or kept under the erased name)",
    ConversationNoteShare: "which notes were shared with whom: kept with the note",
    ConversationAction: "the actions they created: emptied under the leavers rule",
    CareerEvidence: "their evidence between cycles: removed",
    ConversationPulse: "a one-to-one's pulse, a number: kept",
  },
  async erase({ tx, personId, othersTexts }) {
    await tx.careerEvidence.deleteMany({ where: { personId } });
    await tx.conversationNote.deleteMany({ where: { authorId: personId, visibility: "private" } });
    if (othersTexts === "remove") {
      await tx.conversationNote.deleteMany({ where: { authorId: personId } });
      await tx.conversationPoint.updateMany({ where: { authorId: personId }, data: { text: "" } });
      await tx.conversationAction.updateMany({
        where: { createdById: personId },
        data: { text: "" },
      });
    }
  },
  calendar: {
    events: { conversation: "ConversationMeeting" },
    async entries(now) {
      // A series whose meeting took place is rolled on to its next one first.
      await rollOnAll(now);
      return (await upcomingConversations(now)).flatMap(({ manager, report, ...meeting }) => [
        { personId: manager.id, slot: conversationSlot({ ...meeting, otherName: report.name }) },
        { personId: report.id, slot: conversationSlot({ ...meeting, otherName: manager.name }) },
      ]);
    },
  },
  exports: {
    async evidence({ reader, language }) {
      const { items } = await evidenceOf(reader, reader.id, language);
      return items.map((item) => ({
        competencyId: item.competencyId,
        competency: item.competencyName,
        text: item.text,
        url: item.url,
        occurredOn: dayOrNull(item.occurredOn)!,
        sharedWithManager: item.shared,
        fromConversation: item.fromConversation,
      }));
    },
    async conversations({ reader, language, now }) {
      const out = [];
      for (const item of await conversationsOf(reader, now)) {
        const page = await unlessNotFound(() => seriesPage(reader, item.id, now, language));
        if (!page) continue;
        // The next meeting's agenda heads with the series' open actions; those agreed at an earlier meeting are listed there.
        const listed = new Set(
          page.earlier.flatMap((meeting) => meeting.actions.map((action) => action.id)),
        );
        const next = page.next
          ? [
              {
                ...page.next,
                points: page.next.agenda.flatMap((entry) =>
                  entry.type === "point" ? [entry.point] : [],
                ),
                actions: page.next.agenda.flatMap((entry) =>
                  entry.type === "action" && !listed.has(entry.action.id) ? [entry.action] : [],
                ),
              },
            ]
          : [];
        out.push({
          kind: page.series.kind,
          role: page.role,
          manager: page.series.manager.name,
          report: page.series.report.name,
          cadence: page.series.cadence,
          current: page.series.current,
          meetings: [...next, ...page.earlier].map((meeting) => ({
            startsAt: meeting.startsAt.toISOString(),
            status: meeting.status,
            points: meeting.points.map((point) => ({ text: point.text, status: point.status })),
            actions: meeting.actions.map((action) => ({
              text: action.text,
              status: action.status,
              dueOn: dayOrNull(action.dueOn),
            })),
            notes: meeting.notes.map((note) => ({
              author: note.authorName,
              visibility: note.visibility,
              text: note.text,
              writtenAt: note.createdAt.toISOString(),
            })),
          })),
        });
      }
      return out;
    },
  },
  retention: {
    /** A one-to-one's private notes, once either person of the series left long enough ago. */
    privateNotes: {
      async due({ keepFor, held, now }) {
        // With no period set, privateNoteDue says nothing is due (the one place that says so).
        const months = keepFor("private-notes");
        const left = { deactivatedAt: { not: null, lte: now } };
        const notes = await db.conversationNote.findMany({
          where: { visibility: "private", series: { OR: [{ manager: left }, { report: left }] } },
          select: {
            id: true,
            authorId: true,
            series: {
              select: {
                managerId: true,
                reportId: true,
                manager: { select: { deactivatedAt: true } },
                report: { select: { deactivatedAt: true } },
              },
            },
          },
          orderBy: { id: "asc" },
        });
        return notes
          .filter((note) =>
            privateNoteDue(
              {
                leftAt: [note.series.manager.deactivatedAt, note.series.report.deactivatedAt],
                held: held.has(note.series.managerId) || held.has(note.series.reportId),
              },
              months,
              now,
            ),
          )
          .map((note) => ({ id: note.id, personId: note.authorId }));
      },
      remove: (authorId, noteIds) =>
        db.$transaction(async (tx) => {
          const { count } = await tx.conversationNote.deleteMany({
            where: { id: { in: [...noteIds] }, visibility: "private" },
          });
          await recordAuditEvent(tx, {
            actorId: null,
            action: "retention.private_notes_removed",
            subjectType: "person",
            subjectId: authorId,
            detail: { count },
          });
          return count;
        }),
    },
  },
};

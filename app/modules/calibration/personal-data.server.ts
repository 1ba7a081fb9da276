import type { Prisma } from "~/db/client.server";
import { redactedChange, type PersonalDataDeclaration } from "~/platform/personal-data";
import { meetingSlot } from "./calendar";
import { upcomingMeetings } from "./meetings.server";
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { ownOutcomeViews } from "./session-view.server";

/** The words a calibration event's change may hold: a rationale, a reason, notes, a name. */
const WORDS = ["rationale", "finalReason", "meetingNotes", "calibrator"] as const;

async function redact(
  tx: Prisma.TransactionClient,
  where: Prisma.CalibrationEventWhereInput,
  now: Date,
) {
  const events = await tx.calibrationEvent.findMany({
    where: { ...where, redactedAt: null },
    select: { id: true, change: true, reason: true },
  });
  for (const event of events)
    await tx.calibrationEvent.update({
      where: { id: event.id },
      data: {
        change: redactedChange(event.change, WORDS),
        reason: event.reason === null ? null : "",
        redactedAt: now,
      },
    });
}

/** Calibration: ratings and outcomes stay in the aggregates; every word written about them goes. */
export const calibrationPersonalData: PersonalDataDeclaration = {
  holds: {
    CalibrationSession: "who facilitated and set it up: kept, under the erased name",
    CalibrationCalibrator: "who calibrated: kept, under the erased name",
    CalibrationEntry:
      "about them: the rationale, draft and final reason are emptied; by them as manager, under the leavers rule",
    CalibrationEvent:
      "the append-only history of their entries and of their invitation: its words blanked once (redactedAt); ratings and outcomes stay",
    CalibrationPreRead: "a calibrator's marks, no words: kept",
  },
  async erase({ tx, personId, now, othersTexts }) {
    await tx.calibrationEntry.updateMany({
      where: { personId },
      data: { rationale: "", proposalDraft: null },
    });
    await tx.calibrationEntry.updateMany({
      where: { personId, finalReason: { not: null } },
      data: { finalReason: "" },
    });
    await redact(tx, { entry: { personId } }, now);
    if (othersTexts === "remove") {
      await tx.calibrationEntry.updateMany({
        where: { managerId: personId, personId: { not: personId } },
        data: { rationale: "", proposalDraft: null },
      });
      await redact(tx, { kind: "proposal", actorId: personId }, now);
    }
    // Their invitation as a calibrator names them (the event keeps the name it was given).
    const [person, sessions] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: personId }, select: { name: true } }),
      tx.calibrationCalibrator.findMany({
        where: { userId: personId },
        select: { sessionId: true },
      }),
    ]);
    const invitations = await tx.calibrationEvent.findMany({
      where: { kind: "invite", sessionId: { in: sessions.map((row) => row.sessionId) } },
      select: { id: true, change: true },
    });
    const naming = invitations.filter(
      (event) =>
        (JSON.parse(event.change) as { calibrator?: unknown[] }).calibrator?.[1] === person.name,
    );
    if (naming.length > 0) await redact(tx, { id: { in: naming.map((event) => event.id) } }, now);
  },
  calendar: {
    events: { calibration: "CalibrationSession" },
    entries: async (now) =>
      (await upcomingMeetings(now)).flatMap(({ participantIds, ...meeting }) =>
        participantIds.map((personId) => ({ personId, slot: meetingSlot(meeting) })),
      ),
  },
  exports: {
    async outcomes({ reader, language }) {
      const t = i18nFor(language).getFixedT(language, "growth");
      return (await ownOutcomeViews(reader.id, language)).map((outcome) => ({
        session: outcome.sessionName,
        rating: outcome.rating,
        outcome: wordsOf(t, outcome.outcome),
      }));
    },
  },
};

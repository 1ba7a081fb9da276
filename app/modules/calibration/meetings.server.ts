import { db } from "~/db/client.server";

/**
 * Calibration meetings still to come, with who takes part (the facilitator and every
 * calibrator): what calendar invitations are sent for (app/modules/notifications).
 */
export async function upcomingMeetings(now: Date) {
  const sessions = await db.calibrationSession.findMany({
    where: { meetingStartsAt: { gt: now }, meetingEndsAt: { not: null } },
    select: {
      id: true,
      name: true,
      meetingStartsAt: true,
      meetingEndsAt: true,
      facilitatorId: true,
      calibrators: { select: { userId: true } },
    },
  });
  return sessions.map((session) => ({
    sessionId: session.id,
    name: session.name,
    startsAt: session.meetingStartsAt!,
    endsAt: session.meetingEndsAt!,
    participantIds: [
      ...new Set([session.facilitatorId, ...session.calibrators.map((row) => row.userId)]),
    ],
  }));
}

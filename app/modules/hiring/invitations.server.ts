import { db } from "~/db/client.server";

/** Interviews still to come in open loops, with their interviewer: what calendar invitations are sent for (app/modules/notifications). */
export async function upcomingInterviews(now: Date) {
  const rows = await db.hiringInterview.findMany({
    where: { scheduledAt: { gt: now }, loop: { state: "open" } },
    select: { id: true, interviewerId: true, scheduledAt: true, stage: { select: { name: true } }, loop: { select: { opening: { select: { title: true } } } } },
  });
  return rows.map((row) => ({
    interviewId: row.id,
    interviewerId: row.interviewerId,
    startsAt: row.scheduledAt!,
    stage: row.stage.name,
    opening: row.loop.opening.title,
    href: `/hiring/interviews/${row.id}`,
  }));
}

import { db } from "~/db/client.server";

/** Interviews still to come in open loops, with their interviewer: what calendar invitations are sent for (app/modules/notifications). */
export async function upcomingInterviews(now: Date) {
  const rows = await db.hiringInterview.findMany({
    where: { scheduledAt: { gt: now }, loop: { state: "open" } },
    select: {
      id: true,
      interviewerId: true,
      scheduledAt: true,
      stage: { select: { name: true } },
      loop: { select: { opening: { select: { title: true } } } },
    },
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

/**
 * Candidates whose contact a hiring admin asked to invite (an open loop with inviteCandidate),
 * not purged and with an email, and their interviews still to come in those loops. Candidates
 * with an interview still to come in any loop are read too (with no events when not asked for),
 * so invitations already sent are cancelled when the admin stops them or the loop is withdrawn.
 * Paired interviewers of one stage at one time are one event for the candidate.
 */
export async function candidateInterviews(now: Date) {
  const candidates = await db.hiringCandidate.findMany({
    where: {
      purgedAt: null,
      email: { not: "" },
      loops: {
        some: {
          OR: [
            { inviteCandidate: true, state: "open" },
            { interviews: { some: { scheduledAt: { gt: now } } } },
          ],
        },
      },
    },
    select: {
      id: true,
      name: true,
      email: true,
      loops: {
        where: { inviteCandidate: true, state: "open" },
        select: {
          opening: { select: { title: true } },
          interviews: {
            where: { scheduledAt: { gt: now } },
            orderBy: { id: "asc" },
            select: { id: true, scheduledAt: true, stage: { select: { id: true, name: true } } },
          },
        },
      },
    },
    orderBy: { id: "asc" },
  });
  return candidates.map((candidate) => {
    const events = new Map<
      string,
      { interviewId: string; startsAt: Date; stage: string; opening: string; href: string }
    >();
    for (const loop of candidate.loops) {
      for (const interview of loop.interviews) {
        const at = `${interview.stage.id}:${interview.scheduledAt!.getTime()}`;
        if (!events.has(at))
          events.set(at, {
            interviewId: interview.id,
            startsAt: interview.scheduledAt!,
            stage: interview.stage.name,
            opening: loop.opening.title,
            href: `/hiring/interviews/${interview.id}`,
          });
      }
    }
    return {
      candidateId: candidate.id,
      name: candidate.name,
      email: candidate.email,
      interviews: [...events.values()],
    };
  });
}

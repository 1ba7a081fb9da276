import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlDate } from "~/db/rows";
import { readRows } from "~/db/reads.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { canVote } from "./committee-policy";
import { accessTo, loadWindowFacts } from "./committee.server";

/**
 * The home page's committee to-dos (app/modules/todo): in each window whose votes are being taken,
 * how many nominees the person votes on and has not voted on yet (due on the window's votes-due day);
 * and each decision released to them that they have not read. Who votes on whom is the composition
 * rule's (committee-policy.ts), worked out as every committee page works it out. Not asked at a
 * moment: time alone changes none (votes start and the meeting begins by an admin's or the chair's
 * step, not on the window's dates; the votes-due day is only the ballots' due date).
 */
const todoRow = z.object({
  kind: z.enum(["ballots", "answer"]),
  id: z.string(),
  name: z.string(),
  at: sqlDate,
});

/** The windows whose votes the person takes part in and the decisions released to them unread, in one statement for everyone (and the to-do list's probe). */
export function committeeTodoRead(viewer: { id: string }): Prisma.Sql {
  return Prisma.sql`
    SELECT 'ballots' AS kind, w.id, w.name, w."votesDueOn" AS at FROM "PromotionWindow" w
    WHERE w.state IN ('committee', 'meeting') AND EXISTS (SELECT 1 FROM "PromotionCommitteeMember" m WHERE m."windowId" = w.id AND m."personId" = ${viewer.id})
    UNION ALL
    SELECT 'answer', d."nominationId", w.name, d."releasedAt" FROM "PromotionDecision" d
    JOIN "PromotionNomination" n ON n.id = d."nominationId" JOIN "PromotionWindow" w ON w.id = n."windowId"
    WHERE d."releasedAt" IS NOT NULL AND d."readAt" IS NULL AND n."nomineeId" = ${viewer.id}
    ORDER BY kind, at, id`;
}

export async function committeeTodoFacts(viewer: {
  id: string;
}): Promise<Pick<TodoFacts, "promotionBallotsDue" | "promotionAnswers">> {
  const rows = parseRows(todoRow, await readRows(committeeTodoRead(viewer)));
  const promotionBallotsDue = await Promise.all(
    rows
      .filter((row) => row.kind === "ballots")
      .map(async (window) => {
        const facts = await loadWindowFacts(window.id);
        const owed = facts.nominations.filter((nomination) => {
          const access = accessTo(facts, viewer, nomination);
          return canVote(access) && !access.ownSubmitted;
        }).length;
        return { window: { id: window.id, name: facts.window.name }, owed, dueOn: window.at };
      }),
  );
  return {
    promotionBallotsDue,
    promotionAnswers: rows
      .filter((row) => row.kind === "answer")
      .map((answer) => ({ nominationId: answer.id, window: answer.name })),
  };
}

/**
 * Whose committee to-dos may have changed: the members of a window changed since (its state, its
 * committee, a nomination) or whose votes fall due in the window of time; a member who saved a
 * ballot; a nominee whose decision was released.
 */
export async function committeeTodoChanges({
  writtenSince,
  from,
  to,
}: ChangeWindow): Promise<TodoChanges> {
  const [members, ballots, released] = await Promise.all([
    db.promotionCommitteeMember.findMany({
      where: {
        OR: [
          { createdAt: { gte: writtenSince } },
          { window: { updatedAt: { gte: writtenSince } } },
          { window: { votesDueOn: { gt: from, lte: to } } },
          { window: { nominations: { some: { updatedAt: { gte: writtenSince } } } } },
        ],
      },
      select: { personId: true },
    }),
    db.promotionBallot.findMany({
      where: { updatedAt: { gte: writtenSince } },
      select: { memberId: true },
    }),
    db.promotionDecision.findMany({
      where: { releasedAt: { gte: writtenSince } },
      select: { nomination: { select: { nomineeId: true } } },
    }),
  ]);
  return {
    people: [
      ...new Set([
        ...members.map((row) => row.personId),
        ...ballots.map((row) => row.memberId),
        ...released.map((row) => row.nomination.nomineeId),
      ]),
    ],
  };
}

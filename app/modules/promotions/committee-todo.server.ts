import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { canVote } from "./committee-policy";
import { accessTo, loadWindowFacts } from "./committee.server";

/**
 * The home page's committee to-dos (app/modules/todo): in each window whose votes are being taken,
 * how many nominees the person votes on and has not voted on yet (due on the window's votes-due day);
 * and each decision released to them that they have not read. Who votes on whom is the composition
 * rule's (committee-policy.ts), worked out as every committee page works it out.
 */
export async function committeeTodoFacts(viewer: { id: string }): Promise<Pick<TodoFacts, "promotionBallotsDue" | "promotionAnswers">> {
  const [windows, answers] = await Promise.all([
    db.promotionWindow.findMany({ where: { state: { in: ["committee", "meeting"] }, members: { some: { personId: viewer.id } } }, select: { id: true, votesDueOn: true } }),
    db.promotionDecision.findMany({
      where: { releasedAt: { not: null }, readAt: null, nomination: { nomineeId: viewer.id } },
      select: { nominationId: true, nomination: { select: { window: { select: { name: true } } } } },
    }),
  ]);
  const promotionBallotsDue = await Promise.all(
    windows.map(async (window) => {
      const facts = await loadWindowFacts(window.id);
      const owed = facts.nominations.filter((nomination) => {
        const access = accessTo(facts, viewer, nomination);
        return canVote(access) && !access.ownSubmitted;
      }).length;
      return { window: { id: window.id, name: facts.window.name }, owed, dueOn: window.votesDueOn };
    }),
  );
  return { promotionBallotsDue, promotionAnswers: answers.map((answer) => ({ nominationId: answer.nominationId, window: answer.nomination.window.name })) };
}

/**
 * Whose committee to-dos may have changed: the members of a window changed since (its state, its
 * committee, a nomination) or whose votes fall due in the window of time; a member who saved a
 * ballot; a nominee whose decision was released.
 */
export async function committeeTodoChanges({ writtenSince, from, to }: ChangeWindow): Promise<TodoChanges> {
  const [members, ballots, released] = await Promise.all([
    db.promotionCommitteeMember.findMany({
      where: { OR: [{ createdAt: { gte: writtenSince } }, { window: { updatedAt: { gte: writtenSince } } }, { window: { votesDueOn: { gt: from, lte: to } } }, { window: { nominations: { some: { updatedAt: { gte: writtenSince } } } } }] },
      select: { personId: true },
    }),
    db.promotionBallot.findMany({ where: { updatedAt: { gte: writtenSince } }, select: { memberId: true } }),
    db.promotionDecision.findMany({ where: { releasedAt: { gte: writtenSince } }, select: { nomination: { select: { nomineeId: true } } } }),
  ]);
  return { people: [...new Set([...members.map((row) => row.personId), ...ballots.map((row) => row.memberId), ...released.map((row) => row.nomination.nomineeId)])] };
}

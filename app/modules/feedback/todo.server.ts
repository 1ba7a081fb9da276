import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { LIVE_STATES } from "./nomination";

type FeedbackFacts = Pick<TodoFacts, "feedbackToGive" | "nominationsToDecide" | "peersToNominate" | "reviewersToReplace">;

/**
 * The home page's feedback to-dos (app/modules/todo), in open cycles only: requests the person is to
 * answer; as a manager, their reports' nominations waiting for approval and reports left with too
 * few peers because a reviewer was deactivated or declined; and whoever nominates (the person, or
 * the manager for each report, as the cycle says) while fewer peers are asked than the cycle wants.
 *
 * Every page asks for the to-do list, so the first statement reads the open cycles that ask for
 * feedback (a handful), and nothing more is read when there are none. Otherwise: the requests and
 * the people the viewer nominates for, then names and counts, each one statement over scalars (a
 * nested select would cost a statement per relation).
 */
export async function feedbackTodoFacts(viewer: { id: string }): Promise<FeedbackFacts> {
  const facts: Required<FeedbackFacts> = { feedbackToGive: [], nominationsToDecide: [], peersToNominate: [], reviewersToReplace: [] };
  const settings = await db.feedbackSettings.findMany({ where: { cycle: { closedAt: null } }, select: { cycleId: true, peer: true, nominator: true, minPeers: true, dueOn: true } });
  if (!settings.length) return facts;
  const cycleIds = settings.map((row) => row.cycleId);
  const peerCycleIds = settings.filter((row) => row.peer).map((row) => row.cycleId);
  const [requests, participants] = await Promise.all([
    db.feedbackRequest.findMany({
      where: {
        cycleId: { in: cycleIds },
        OR: [
          { reviewerId: viewer.id, state: "approved" },
          { channel: "peer", state: "nominated", subject: { managerId: viewer.id } },
          { channel: "peer", state: "withdrawn", withdrawnReason: "reviewer-deactivated", subject: { managerId: viewer.id, deactivatedAt: null } },
          { channel: "peer", state: "declined", declinedById: { not: null }, subject: { managerId: viewer.id, deactivatedAt: null } },
        ],
      },
      select: { id: true, cycleId: true, channel: true, state: true, reviewerId: true, subjectId: true, declinedById: true, dueOn: true },
    }),
    peerCycleIds.length
      ? db.reviewCycleParticipant.findMany({
          where: { cycleId: { in: peerCycleIds }, OR: [{ userId: viewer.id }, { user: { managerId: viewer.id, deactivatedAt: null } }] },
          select: { cycleId: true, userId: true },
        })
      : [],
  ]);
  const settingsOf = new Map(settings.map((row) => [row.cycleId, row]));
  // Whoever nominates for each person: the person themself, or their manager.
  const nominating = participants.filter((participant) => (settingsOf.get(participant.cycleId)!.nominator === "person") === (participant.userId === viewer.id));
  // Reviewers lost: withdrawn because they left, or declined by the reviewer themself (the manager's own declines are not lost reviewers).
  const lost = requests.filter((request) => request.state === "withdrawn" || (request.state === "declined" && request.declinedById === request.reviewerId));
  if (!requests.length && !nominating.length) return facts;

  const counted = [...new Set([...nominating.map((entry) => entry.userId), ...lost.map((request) => request.subjectId)])];
  const named = [...new Set([...requests.flatMap((request) => [request.subjectId, request.reviewerId]), ...nominating.map((entry) => entry.userId)])];
  const [people, cycles, live] = await Promise.all([
    db.user.findMany({ where: { id: { in: named } }, select: { id: true, name: true } }),
    db.reviewCycle.findMany({ where: { id: { in: cycleIds } }, select: { id: true, name: true, endsOn: true } }),
    counted.length
      ? db.feedbackRequest.groupBy({ by: ["cycleId", "subjectId"], where: { channel: "peer", cycleId: { in: peerCycleIds }, subjectId: { in: counted }, state: { in: [...LIVE_STATES] } }, _count: { _all: true } })
      : [],
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const cycleOf = new Map(cycles.map((cycle) => [cycle.id, cycle]));
  const person = (id: string) => ({ id, name: nameOf.get(id) ?? "" });
  const liveOf = (cycleId: string, subjectId: string) => live.find((row) => row.cycleId === cycleId && row.subjectId === subjectId)?._count._all ?? 0;

  const waiting = new Map<string, Required<FeedbackFacts>["nominationsToDecide"][number]>();
  for (const request of requests) {
    const cycle = cycleOf.get(request.cycleId)!;
    if (request.reviewerId === viewer.id && request.state === "approved") {
      facts.feedbackToGive.push({ requestId: request.id, subjectName: person(request.subjectId).name, channel: request.channel === "upward" ? "upward" : "peer", dueOn: request.dueOn });
    } else if (request.state === "nominated") {
      const key = `${cycle.id}/${request.subjectId}`;
      const entry = waiting.get(key);
      if (entry) entry.waiting += 1;
      else waiting.set(key, { cycle, person: person(request.subjectId), waiting: 1, dueOn: request.dueOn });
    }
  }
  facts.nominationsToDecide = [...waiting.values()];

  const replacing = new Set<string>();
  for (const request of lost) {
    const key = `${request.cycleId}/${request.subjectId}`;
    const cycleSettings = settingsOf.get(request.cycleId)!;
    if (replacing.has(key) || liveOf(request.cycleId, request.subjectId) >= cycleSettings.minPeers) continue;
    replacing.add(key);
    facts.reviewersToReplace.push({
      cycle: cycleOf.get(request.cycleId)!,
      person: person(request.subjectId),
      reviewerName: person(request.reviewerId).name,
      why: request.state === "declined" ? "declined" : "left",
      dueOn: cycleSettings.dueOn,
    });
  }
  for (const { cycleId, userId } of nominating) {
    const cycleSettings = settingsOf.get(cycleId)!;
    const count = liveOf(cycleId, userId);
    if (count >= cycleSettings.minPeers || replacing.has(`${cycleId}/${userId}`)) continue;
    facts.peersToNominate.push({ cycle: cycleOf.get(cycleId)!, person: person(userId), own: userId === viewer.id, live: count, minPeers: cycleSettings.minPeers, dueOn: cycleSettings.dueOn });
  }
  return facts;
}

/**
 * Whose feedback to-dos may have changed (the reminders' pass): everyone in a cycle whose feedback
 * settings were written, and their managers (who may nominate); the reviewer and the subject of a
 * request written, and the subject's manager (who approves). Time alone adds none.
 */
export async function feedbackTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const [settings, requests] = await Promise.all([
    db.feedbackSettings.findMany({ where: { updatedAt: { gte: writtenSince } }, select: { cycleId: true } }),
    db.feedbackRequest.findMany({ where: { updatedAt: { gte: writtenSince } }, select: { reviewerId: true, subjectId: true } }),
  ]);
  const inCycles = settings.length ? await db.reviewCycleParticipant.findMany({ where: { cycleId: { in: settings.map((row) => row.cycleId) } }, select: { userId: true } }) : [];
  const subjects = [...inCycles.map((row) => row.userId), ...requests.map((row) => row.subjectId)];
  return { people: [...subjects, ...requests.map((row) => row.reviewerId)], managersOf: subjects };
}

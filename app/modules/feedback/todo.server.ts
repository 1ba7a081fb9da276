import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import {
  calibrationPlaces,
  releasedToPersonSql,
  releasedToPersonWhere,
} from "~/modules/calibration/queries.server";
import { cycleUnderWay } from "~/modules/cycles/cycle-progress";
import { cyclesUnderWay, underWaySql } from "~/modules/cycles/queries.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import * as clock from "~/platform/clock.server";
import { FEEDBACK_OPENED, feedbackAbout } from "./feedback.server";
import { LIVE_STATES } from "./nomination";
import { peersAskedFor, releasedToSubject } from "./policy";
import { anonymityFloor, releaseShowsAnswers } from "./release";
import { subjectReleaseFactsFrom } from "./subject-release.server";

type FeedbackFacts = Pick<
  TodoFacts,
  | "feedbackToGive"
  | "nominationsToDecide"
  | "peersToNominate"
  | "reviewersToReplace"
  | "feedbackReleased"
>;

const settingsRow = z.object({
  cycleId: z.string(),
  peer: sqlBool,
  upward: sqlBool,
  nominator: z.string(),
  minPeers: sqlInt,
  dueOn: sqlDate,
  name: z.string(),
  endsOn: sqlDate,
  startsOn: sqlDate,
  closedAt: sqlDate.nullable(),
  answered: sqlBool,
});

/**
 * The settings of the cycles that ask for feedback and are under way (cycles' cycleUnderWay) or
 * whose feedback may have been released to the person, each with its cycle and whether answers
 * about the person are in, in one statement (and the to-do list's probe). "May have been released"
 * is for this statement to find cheaply (policy's releasedToSubject decides, from
 * calibrationPlaces): answers about them are in, and their outcome was released in a published
 * session, or the cycle is closed and no session of it includes them.
 */
export function feedbackTodoRead(viewer: { id: string }, now: Date): Prisma.Sql {
  const answered = Prisma.sql`EXISTS (SELECT 1 FROM "FeedbackRequest" r WHERE r."cycleId" = c.id AND r."subjectId" = ${viewer.id} AND r.state = 'submitted')`;
  const inSession = (released: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "CalibrationEntry" e JOIN "CalibrationSession" cs ON cs.id = e."sessionId" WHERE cs."cycleId" = c.id AND e."personId" = ${viewer.id}${released})`;
  return Prisma.sql`
    SELECT s."cycleId", s.peer, s.upward, s.nominator, s."minPeers", s."dueOn",
      c.name, c."endsOn", c."startsOn", c."closedAt", ${answered} AS answered
    FROM "FeedbackSettings" s JOIN "ReviewCycle" c ON c.id = s."cycleId"
    WHERE (${underWaySql("c", now)}) OR (${answered} AND (
      ${inSession(Prisma.sql` AND ${releasedToPersonSql("e", "cs")}`)}
      OR (c."closedAt" IS NOT NULL AND NOT ${inSession(Prisma.empty)})))
    ORDER BY s."cycleId"`;
}

/**
 * The home page's feedback to-dos (app/modules/todo): in cycles under way (from their first day, as
 * the self-assessment: cycles' cycleUnderWay), requests the person is to answer; until the due day
 * has passed (policy's peersAskedFor), as a manager, their reports' nominations waiting for approval
 * and reports left with too few peers because a reviewer was deactivated or declined, and whoever
 * nominates (the person, or the manager for each report, as the cycle says) while fewer peers are
 * asked than the cycle wants. In any cycle whose feedback is released to the person (policy's
 * releasedToSubject): their feedback, and as a manager their reports' upward aggregate, until they
 * open it.
 *
 * Every page asks for the to-do list, so the first statement (feedbackTodoRead, the list's probe)
 * reads the cycles that ask for feedback and are under way or released to the person (a handful),
 * and nothing more is read when there are none.
 * Otherwise: the requests, the people the viewer nominates for and, in cycles with answers about
 * the person, their calibration entries (with the entries' sessions), then names and counts, each
 * one statement over scalars (a nested select would cost a statement per relation).
 */
export async function feedbackTodoFacts(
  viewer: { id: string; isAdmin?: boolean },
  now = clock.now(),
): Promise<FeedbackFacts> {
  const facts: Required<FeedbackFacts> = {
    feedbackToGive: [],
    nominationsToDecide: [],
    peersToNominate: [],
    reviewersToReplace: [],
    feedbackReleased: [],
  };
  const rows = parseRows(settingsRow, await readRows(feedbackTodoRead(viewer, now)));
  if (!rows.length) return facts;
  const cycles = rows.map((row) => ({
    id: row.cycleId,
    name: row.name,
    endsOn: row.endsOn,
    startsOn: row.startsOn,
    closedAt: row.closedAt,
  }));
  // A cycle opened ahead of its first day asks nobody for anything yet.
  const open = { cycle: cyclesUnderWay(now) };
  const rowIds = rows.map((row) => row.cycleId);
  // Choosing, approving and replacing peers end with the due day (policy's peersAskedFor, as the page and the services ask it); answering does not.
  const peerRowIds = rows.filter((row) => peersAskedFor(row, now)).map((row) => row.cycleId);
  // With no answers about the person in a cycle, its release shows them nothing (releasedUnread): its calibration places are not read.
  const answeredIds = rows.filter((row) => row.answered).map((row) => row.cycleId);
  const [places, requests, participants] = await Promise.all([
    calibrationPlaces([viewer.id], answeredIds),
    db.feedbackRequest.findMany({
      where: {
        cycleId: { in: rowIds },
        ...open,
        OR: [
          { reviewerId: viewer.id, state: "approved" },
          // Nominations, reviewers lost and peers declined matter only while the cycle asks for peers.
          {
            channel: "peer",
            state: "nominated",
            cycleId: { in: peerRowIds },
            subject: { managerId: viewer.id },
          },
          {
            channel: "peer",
            state: "withdrawn",
            withdrawnReason: "reviewer-deactivated",
            cycleId: { in: peerRowIds },
            subject: { managerId: viewer.id, deactivatedAt: null },
          },
          {
            channel: "peer",
            state: "declined",
            declinedById: { not: null },
            cycleId: { in: peerRowIds },
            subject: { managerId: viewer.id, deactivatedAt: null },
          },
          { channel: "peer", state: "declined", cycleId: { in: peerRowIds }, subjectId: viewer.id },
        ],
      },
      select: {
        id: true,
        cycleId: true,
        channel: true,
        state: true,
        reviewerId: true,
        subjectId: true,
        declinedById: true,
        dueOn: true,
        updatedAt: true,
      },
    }),
    peerRowIds.length
      ? db.reviewCycleParticipant.findMany({
          where: {
            cycleId: { in: peerRowIds },
            ...open,
            OR: [{ userId: viewer.id }, { user: { managerId: viewer.id, deactivatedAt: null } }],
          },
          select: { cycleId: true, userId: true },
        })
      : [],
  ]);
  const cycleOf = new Map(cycles.map((cycle) => [cycle.id, cycle]));
  const releaseOf = subjectReleaseFactsFrom(places, cycles);
  facts.feedbackReleased = await releasedUnread(
    viewer,
    rows,
    answeredIds.filter((cycleId) => releasedToSubject(releaseOf(cycleId, viewer.id))),
    cycleOf,
  );
  const settings = rows.filter((row) => {
    const cycle = cycleOf.get(row.cycleId);
    return cycle !== undefined && cycleUnderWay(cycle, now);
  });
  const peerCycleIds = settings.filter((row) => row.peer).map((row) => row.cycleId);
  const settingsOf = new Map(settings.map((row) => [row.cycleId, row]));
  // Whoever nominates for each person: the person themself, or their manager.
  const nominating = participants.filter(
    (participant) =>
      (settingsOf.get(participant.cycleId)!.nominator === "person") ===
      (participant.userId === viewer.id),
  );
  // Reviewers lost: withdrawn because they left, or declined by the reviewer themself (the manager's own declines are not lost reviewers).
  const lost = requests.filter(
    (request) =>
      request.subjectId !== viewer.id &&
      (request.state === "withdrawn" ||
        (request.state === "declined" && request.declinedById === request.reviewerId)),
  );
  // The person's own peers declined (by their manager or the colleague): the latest, per cycle, tells them why they are short.
  const declinedOfMine = new Map<string, (typeof requests)[number]>();
  for (const request of requests) {
    if (request.subjectId !== viewer.id || request.state !== "declined") continue;
    const latest = declinedOfMine.get(request.cycleId);
    if (!latest || request.updatedAt > latest.updatedAt)
      declinedOfMine.set(request.cycleId, request);
  }
  if (!requests.length && !nominating.length) return facts;

  const counted = [
    ...new Set([
      ...nominating.map((entry) => entry.userId),
      ...lost.map((request) => request.subjectId),
    ]),
  ];
  const named = [
    ...new Set([
      ...requests.flatMap((request) => [request.subjectId, request.reviewerId]),
      ...nominating.map((entry) => entry.userId),
    ]),
  ];
  const [people, live] = await Promise.all([
    db.user.findMany({ where: { id: { in: named } }, select: { id: true, name: true } }),
    counted.length
      ? db.feedbackRequest.groupBy({
          by: ["cycleId", "subjectId"],
          where: {
            channel: "peer",
            cycleId: { in: peerCycleIds },
            subjectId: { in: counted },
            state: { in: [...LIVE_STATES] },
          },
          _count: { _all: true },
        })
      : [],
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const cycleRef = (id: string) => {
    const { id: cycleId, name, endsOn } = cycleOf.get(id)!;
    return { id: cycleId, name, endsOn };
  };
  const person = (id: string) => ({ id, name: nameOf.get(id) ?? "" });
  const liveOf = (cycleId: string, subjectId: string) =>
    live.find((row) => row.cycleId === cycleId && row.subjectId === subjectId)?._count._all ?? 0;

  const waiting = new Map<string, Required<FeedbackFacts>["nominationsToDecide"][number]>();
  for (const request of requests) {
    const cycle = cycleRef(request.cycleId);
    if (request.reviewerId === viewer.id && request.state === "approved") {
      const channel = request.channel === "upward" ? "upward" : "peer";
      facts.feedbackToGive.push({
        requestId: request.id,
        subjectName: person(request.subjectId).name,
        channel,
        dueOn: request.dueOn,
        // The floor the release keeps, so the item says what the answer form and the reader's page do.
        floor: anonymityFloor(channel),
      });
    } else if (request.state === "nominated") {
      const key = `${cycle.id}/${request.subjectId}`;
      const entry = waiting.get(key);
      if (entry) entry.waiting += 1;
      else
        waiting.set(key, {
          cycle,
          person: person(request.subjectId),
          waiting: 1,
          dueOn: request.dueOn,
        });
    }
  }
  facts.nominationsToDecide = [...waiting.values()];

  const replacing = new Set<string>();
  for (const request of lost) {
    const key = `${request.cycleId}/${request.subjectId}`;
    const cycleSettings = settingsOf.get(request.cycleId)!;
    if (replacing.has(key) || liveOf(request.cycleId, request.subjectId) >= cycleSettings.minPeers)
      continue;
    replacing.add(key);
    facts.reviewersToReplace.push({
      cycle: cycleRef(request.cycleId),
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
    const declined = userId === viewer.id ? declinedOfMine.get(cycleId) : undefined;
    facts.peersToNominate.push({
      cycle: cycleRef(cycleId),
      person: person(userId),
      own: userId === viewer.id,
      live: count,
      minPeers: cycleSettings.minPeers,
      dueOn: cycleSettings.dueOn,
      ...(declined
        ? { declined: { requestId: declined.id, reviewerName: person(declined.reviewerId).name } }
        : {}),
    });
  }
  return facts;
}

/**
 * Whose feedback to-dos may have changed (the reminders' pass): everyone in a cycle whose feedback
 * settings were written, or that asks for feedback and comes to its first day in the window (it asks
 * nobody before, cycleUnderWay), with their managers (who may nominate) and, for a cycle starting,
 * everyone already asked in it; the reviewer and the subject of a request written, and the
 * subject's manager (who approves); a person whose outcome was released in a cycle that asks for
 * feedback (theirs is released with it), and everyone in such a cycle when it closes (feedback no
 * session includes is released then).
 */
export async function feedbackTodoChanges({
  writtenSince,
  from,
  to,
}: ChangeWindow): Promise<TodoChanges> {
  const [settings, starting, closing, requests, releasedEntries] = await Promise.all([
    db.feedbackSettings.findMany({
      where: { updatedAt: { gte: writtenSince } },
      select: { cycleId: true },
    }),
    db.feedbackSettings.findMany({
      where: { cycle: { startsOn: { gt: from, lte: to } } },
      select: { cycleId: true },
    }),
    db.feedbackSettings.findMany({
      where: { cycle: { closedAt: { not: null }, updatedAt: { gte: writtenSince } } },
      select: { cycleId: true },
    }),
    db.feedbackRequest.findMany({
      where: { updatedAt: { gte: writtenSince } },
      select: { reviewerId: true, subjectId: true },
    }),
    db.calibrationEntry.findMany({
      where: {
        updatedAt: { gte: writtenSince },
        ...releasedToPersonWhere({ cycle: { feedbackSettings: { isNot: null } } }),
      },
      select: { personId: true },
    }),
  ]);
  const cycleIds = [...settings, ...starting, ...closing].map((row) => row.cycleId);
  const [inCycles, askedInStarting] = await Promise.all([
    cycleIds.length
      ? db.reviewCycleParticipant.findMany({
          where: { cycleId: { in: cycleIds } },
          select: { userId: true },
        })
      : [],
    starting.length
      ? db.feedbackRequest.findMany({
          where: { cycleId: { in: starting.map((row) => row.cycleId) } },
          select: { reviewerId: true },
        })
      : [],
  ]);
  const subjects = [...inCycles.map((row) => row.userId), ...requests.map((row) => row.subjectId)];
  return {
    people: [
      ...subjects,
      ...requests.map((row) => row.reviewerId),
      ...askedInStarting.map((row) => row.reviewerId),
      ...releasedEntries.map((row) => row.personId),
    ],
    managersOf: subjects,
  };
}

/**
 * The feedback released to the person (policy's releasedToSubject) that they have not
 * opened yet (the page records its first opening, person-page.server.ts): their peers' answers and,
 * as a manager, their reports' upward aggregate, each only when the release shows them something.
 * Read only while such a cycle is unopened, through the page's own reading (policy.ts, release.ts).
 */
async function releasedUnread(
  viewer: { id: string; isAdmin?: boolean },
  rows: readonly { cycleId: string; peer: boolean; upward: boolean }[],
  releasedCycleIds: readonly string[],
  cycleOf: ReadonlyMap<string, { id: string; name: string }>,
): Promise<NonNullable<TodoFacts["feedbackReleased"]>> {
  if (!releasedCycleIds.length) return [];
  const opened = new Set(
    (
      await db.auditEvent.findMany({
        where: {
          action: FEEDBACK_OPENED,
          actorId: viewer.id,
          subjectType: "ReviewCycle",
          subjectId: { in: [...releasedCycleIds] },
        },
        select: { subjectId: true },
      })
    ).map((row) => row.subjectId),
  );
  const reader = { id: viewer.id, isAdmin: viewer.isAdmin ?? false };
  const found: NonNullable<TodoFacts["feedbackReleased"]> = [];
  for (const row of rows) {
    if (!releasedCycleIds.includes(row.cycleId) || opened.has(row.cycleId)) continue;
    const { id, name } = cycleOf.get(row.cycleId)!;
    for (const channel of ["peer", "upward"] as const) {
      if (!row[channel]) continue;
      const { release } = await feedbackAbout(reader, row.cycleId, viewer.id, channel);
      if (releaseShowsAnswers(release))
        found.push({ cycle: { id, name }, personId: viewer.id, channel });
    }
  }
  return found;
}

import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import { NotFoundError } from "~/modules/errors";
import type { Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { isErased } from "~/modules/people/erased.server";
import { competenciesForLevel } from "~/modules/ladders";
import { ladderForPerson, ladderInLanguage } from "~/modules/ladders/registry.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import type { Message } from "~/i18n/messages";
import { viewerCanRead } from "~/modules/assessments/assessments.server";
import {
  feedbackAbout,
  feedbackPersonOf,
  feedbackSettingsOf,
  markFeedbackOpened,
  pickedCompetencies,
  requestsAbout,
} from "./feedback.server";
import {
  ineligibility,
  LIVE_STATES,
  NO_TIES,
  requestStateLabel,
  suggestPeers,
  type Ties,
} from "./nomination";
import {
  canDecideNomination,
  canFollowUpFeedback,
  canNominate,
  canSwapReviewer,
  canWithdrawRequest,
  maySuggestPeer,
  nominationsOpen,
  peersAskedFor,
  releasedToSubject,
  seesWhoAnswered,
  subjectReleaseAwaits,
} from "./policy";
import { competenciesShown, type FeedbackRelease } from "./release";
import { subjectReleaseFacts } from "./subject-release.server";
import { dayToDate } from "~/modules/days";
import * as clock from "~/platform/clock.server";

/**
 * One person's feedback in a cycle, as its page shows it to them and to their manager: who is
 * asked and where each request stands, suggestions of peers to ask, and the answers the viewer may
 * read (policy.ts), beside the person's submitted self-assessment for the manager.
 */
export async function personFeedbackPage(
  viewer: Viewer,
  cycleId: string,
  personId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
  now = clock.now(),
) {
  const [cycle, settings, subject, erased] = await Promise.all([
    db.reviewCycle.findUnique({
      where: { id: cycleId },
      select: { id: true, name: true, closedAt: true },
    }),
    feedbackSettingsOf(cycleId),
    feedbackPersonOf(personId),
    isErased(personId),
  ]);
  if (!cycle || !settings || !subject || !readableAsPerson(erased)) throw new NotFoundError();
  const isSubject = viewer.id === subject.id;
  const isManager = subject.managerId !== null && viewer.id === subject.managerId;
  // Someone nobody reports to has no upward feedback: no section says so for them.
  const askedUpward =
    settings.upward &&
    (await db.feedbackRequest.count({
      where: { cycleId, channel: "upward", subjectId: subject.id },
    })) > 0;
  const peer = await readOrNull(() => feedbackAbout(viewer, cycleId, subject.id, "peer"));
  const upward = askedUpward
    ? await readOrNull(() => feedbackAbout(viewer, cycleId, subject.id, "upward"))
    : null;
  if (!isSubject && !isManager && !peer && !upward) throw new NotFoundError();
  // The person's own feedback is theirs to read once released (policy.ts): opening it ends its announcement.
  if (isSubject && (peer || upward)) await markFeedbackOpened(viewer.id, cycleId);

  const release =
    isSubject || isManager
      ? (await subjectReleaseFacts([subject.id], [cycle]))(cycle.id, subject.id)
      : null;
  const dueOn = dayToDate(settings.dueOn);
  const open = nominationsOpen(
    { closed: cycle.closedAt !== null, peer: settings.peer, dueOn },
    release !== null && releasedToSubject(release),
    now,
  );
  const mayNominate = open && canNominate(viewer, subject, settings.nominator);
  const mayDecide = open && canDecideNomination(viewer, subject);
  const requests = isSubject || isManager ? await requestsAbout(viewer, cycleId, subject.id) : [];
  const live = requests.filter((request) => request.live).length;
  const whoAnswered = seesWhoAnswered(viewer, subject, settings.namesShown);
  const served = subject.level ? await ladderForPerson(subject) : undefined;
  const ladder = served && ladderInLanguage(served.ladder, language).ladder;
  const names = new Map(
    (ladder && subject.level ? competenciesForLevel(ladder, subject.level) : []).map(
      (competency) => [competency.id, competency.name],
    ),
  );

  return {
    cycle: { id: cycle.id, name: cycle.name, closed: cycle.closedAt !== null },
    settings,
    subject: { id: subject.id, name: subject.name },
    /** For the person: what their own feedback still waits for (policy's subjectReleaseAwaits), so the page says when they read it. */
    releaseAwaits: isSubject && release ? subjectReleaseAwaits(release) : null,
    upwardAsked: askedUpward,
    isSubject,
    isManager,
    mayNominate,
    mayDecide,
    /** The due day has passed in a cycle still open: the page says why nobody more is asked. */
    pastDue:
      cycle.closedAt === null && settings.peer && !peersAskedFor({ ...settings, dueOn }, now),
    live,
    requests: requests.map((request) => {
      // An answered request reads as asked to whom the policy does not tell who answered.
      const state = request.state === "submitted" && !whoAnswered ? "approved" : request.state;
      return {
        id: request.id,
        reviewer: request.reviewer,
        state,
        stateLabel: requestStateLabel({
          state,
          reviewerId: request.reviewer.id,
          declinedById: request.declinedById,
        }),
        // The manager's reason is for the person; a colleague's reason for declining is for the manager, who asks someone else.
        declineReason:
          isManager || request.declinedById !== request.reviewer.id ? request.declineReason : null,
        leftRungs: request.withdrawnReason === "reviewer-deactivated",
        mayWithdraw: open && canWithdrawRequest(viewer, request, subject),
        maySwap:
          open && canSwapReviewer(viewer, { channel: "peer", state: request.state }, subject),
      };
    }),
    suggestions:
      mayNominate && live < settings.maxPeers
        ? await peerSuggestions(
            cycleId,
            subject,
            settings.reviewCap,
            requests.filter((request) => request.live).map((request) => request.reviewer.id),
          )
        : [],
    competencyName: Object.fromEntries(names),
    /** For the manager, when the cycle has managers pick what each person is asked about: the level's competencies and the pick (null: every one). */
    picking:
      isManager && settings.competencies === "manager-picks" && cycle.closedAt === null
        ? {
            competencies: [...names].map(([id, name]) => ({ id, name })),
            picked: await pickedCompetencies(cycleId, subject.id),
          }
        : null,
    peer,
    upward,
    /** For the person: the competencies their released feedback speaks of, each to add to their next one-to-one or growth plan. */
    followUp: isSubject
      ? followUpCompetencies(peer, upward).map((id) => ({ id, name: names.get(id) ?? id }))
      : [],
    // Shown beside each answered competency of a named release (release-view.tsx), and sent for those alone.
    selfAssessment:
      peer?.release.view === "named" && !isSubject
        ? await selfRatings(
            viewer,
            cycleId,
            subject.id,
            peer.release.competencies
              .filter((competency) => competency.answers.length)
              .map((competency) => competency.competencyId),
          )
        : null,
  };
}

function followUpCompetencies(...releases: ({ release: FeedbackRelease } | null)[]): string[] {
  return [...new Set(releases.flatMap((shown) => (shown ? competenciesShown(shown.release) : [])))];
}

/**
 * What the person acts on from their released feedback: the competency (its name on the ladder
 * served to them) and the cycle, when policy.ts lets them. NotFoundError for anyone else, or a
 * competency the feedback says nothing about.
 */
export async function feedbackFollowUp(
  viewer: Viewer,
  cycleId: string,
  personId: string,
  competencyId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<{ competencyId: string; competencyName: string; agendaPoint: Message }> {
  const cycle = await db.reviewCycle.findUnique({ where: { id: cycleId }, select: { name: true } });
  // The answer a cycle that is there gives whoever may not act on its feedback: nothing said of whether it is.
  if (!cycle) throw new NotFoundError({ key: "feedback:errors.noFeedback" });
  const reads = [
    await readOrNull(() => feedbackAbout(viewer, cycleId, personId, "peer")),
    await readOrNull(() => feedbackAbout(viewer, cycleId, personId, "upward")),
  ];
  const allowed = reads.some(
    (shown) =>
      shown &&
      canFollowUpFeedback(
        viewer,
        personId,
        { view: shown.release.view, competencyIds: competenciesShown(shown.release) },
        competencyId,
      ),
  );
  if (!allowed) throw new NotFoundError({ key: "feedback:errors.noFeedback" });
  const subject = await db.user.findUniqueOrThrow({
    where: { id: personId },
    select: { ladderId: true, level: true },
  });
  const served = subject.level ? await ladderForPerson(subject) : undefined;
  const name =
    served && subject.level
      ? competenciesForLevel(ladderInLanguage(served.ladder, language).ladder, subject.level).find(
          (competency) => competency.id === competencyId,
        )?.name
      : undefined;
  const competencyName = name ?? competencyId;
  return {
    competencyId,
    competencyName,
    // Worded by the route in the language of whoever adds it, as a point they typed would be.
    agendaPoint: {
      key: "feedback:personPage.followUpPoint",
      values: { cycle: cycle.name, competency: competencyName },
    },
  };
}

async function readOrNull(
  read: () => Promise<{ release: FeedbackRelease }>,
): Promise<{ release: FeedbackRelease } | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** The person's submitted self-assessment in the cycle, per competency, when the viewer may read it. */
async function selfRatings(
  viewer: Viewer,
  cycleId: string,
  subjectId: string,
  competencyIds: readonly string[],
) {
  const assessment = await db.assessment.findFirst({
    where: { cycleId, subjectId, kind: "self", status: "submitted" },
    select: {
      id: true,
      kind: true,
      status: true,
      subjectId: true,
      authorId: true,
      cycleId: true,
      ratings: { select: { competencyId: true, rating: true, notes: true } },
    },
  });
  if (!assessment) return null;
  const facts = { ...assessment, kind: "self" as const, status: "submitted" as const };
  if (!(await viewerCanRead(viewer, facts))) return null;
  const shown = new Set(competencyIds);
  return {
    id: assessment.id,
    ratings: Object.fromEntries(
      assessment.ratings
        .filter((row) => shown.has(row.competencyId))
        .map((row) => [row.competencyId, { rating: row.rating, notes: row.notes }]),
    ),
  };
}

/**
 * Peers to suggest: people on the person's team or under the same manager (for a manager, their
 * fellow managers), on hiring loops with them, mentoring with them, or who gave or received feedback
 * with them, with how many requests each already has; never their own reports (policy.ts).
 */
async function peerSuggestions(
  cycleId: string,
  subject: { id: string; managerId: string | null; teamId: string | null },
  reviewCap: number,
  asked: string[],
) {
  const rows = await peerTieRows(cycleId, subject);
  const ties = new Map<string, Ties>();
  const people = new Map<string, (typeof rows)[number]>();
  const loopsWith = new Map<string, Set<string>>();
  for (const row of rows) {
    people.set(row.personId, row);
    const tie = ties.get(row.personId) ?? ties.set(row.personId, { ...NO_TIES }).get(row.personId)!;
    if (row.kind === "team") tie.sharedTeam = true;
    else if (row.kind === "manager") tie.sameManager = true;
    else if (row.kind === "mentorship") tie.mentorship = true;
    else if (row.kind === "feedback") tie.feedbackTogether = true;
    else if (row.loopId !== null)
      (
        loopsWith.get(row.personId) ?? loopsWith.set(row.personId, new Set()).get(row.personId)!
      ).add(row.loopId);
  }
  for (const [id, set] of loopsWith) ties.get(id)!.hiringLoops = set.size;
  if (!people.size) return [];
  const facts = {
    channel: "peer" as const,
    subject,
    alreadyNominated: new Set(asked),
    requestsOf: new Map([...people.values()].map((row) => [row.personId, row.requests])),
    reviewCap,
  };
  return suggestPeers(
    [...people.values()]
      .map((row) => ({ ...row, id: row.personId }))
      .filter((person) => maySuggestPeer(person, subject))
      .map((person) => ({
        id: person.id,
        name: person.name,
        active: person.deactivatedAt === null,
        ties: ties.get(person.id)!,
      })),
    facts,
  ).filter((suggestion) => ineligibility(suggestion, facts).length === 0);
}

const tieRow = z.object({
  personId: z.string(),
  kind: z.enum(["team", "manager", "loop", "mentorship", "feedback"]),
  loopId: z.string().nullable(),
  name: z.string(),
  deactivatedAt: sqlDate.nullable(),
  managerId: z.string().nullable(),
  requests: sqlInt,
});

/**
 * Everyone the person shares a tie with (peerSuggestions), a row a tie, with their name and how many
 * live peer requests they already have in the cycle: one statement. Each source stops at 200 rows,
 * as a page of suggestions never needs more.
 */
async function peerTieRows(
  cycleId: string,
  subject: { id: string; managerId: string | null; teamId: string | null },
) {
  const me = subject.id;
  return parseRows(
    tieRow,
    await readRows`
      WITH ties AS (
        SELECT * FROM (SELECT u.id AS "personId", 'team' AS kind, CAST(NULL AS TEXT) AS "loopId" FROM "User" u
          WHERE u."teamId" = ${subject.teamId} AND u."deactivatedAt" IS NULL AND u.id <> ${me} ORDER BY u.id LIMIT 200) AS team
        UNION ALL
        SELECT * FROM (SELECT u.id, 'manager', CAST(NULL AS TEXT) FROM "User" u
          WHERE u."managerId" = ${subject.managerId} AND u."deactivatedAt" IS NULL AND u.id <> ${me} ORDER BY u.id LIMIT 200) AS siblings
        UNION ALL
        SELECT other."interviewerId", 'loop', other."loopId" FROM "HiringInterview" other
        WHERE other."interviewerId" <> ${me} AND other."loopId" IN (
          SELECT "loopId" FROM (SELECT mine."loopId", mine.id FROM "HiringInterview" mine WHERE mine."interviewerId" = ${me} ORDER BY mine.id LIMIT 200) AS loops)
        UNION ALL
        SELECT CASE WHEN p."menteeId" = ${me} THEN p."mentorId" ELSE p."menteeId" END, 'mentorship', CAST(NULL AS TEXT)
        FROM "MentorshipPair" p WHERE p.status IN ('active', 'ended') AND (p."menteeId" = ${me} OR p."mentorId" = ${me})
        UNION ALL
        SELECT * FROM (SELECT CASE WHEN r."subjectId" = ${me} THEN r."reviewerId" ELSE r."subjectId" END, 'feedback', CAST(NULL AS TEXT)
          FROM "FeedbackRequest" r WHERE r.channel = 'peer' AND r.state = 'submitted' AND (r."subjectId" = ${me} OR r."reviewerId" = ${me})
          ORDER BY r.id LIMIT 200) AS exchanged
      )
      SELECT t."personId", t.kind, t."loopId", u.name, u."deactivatedAt", u."managerId", COALESCE(l.requests, 0) AS requests
      FROM ties t JOIN "User" u ON u.id = t."personId"
      LEFT JOIN (
        SELECT q."reviewerId", COUNT(*) AS requests FROM "FeedbackRequest" q
        WHERE q."cycleId" = ${cycleId} AND q.channel = 'peer' AND q.state IN (${Prisma.join(LIVE_STATES)})
          AND q."reviewerId" IN (SELECT "personId" FROM ties)
        GROUP BY q."reviewerId"
      ) l ON l."reviewerId" = t."personId"`,
  );
}

/** The person's feedback page in the cycle of a calibration session, when that cycle asks for feedback (the page itself decides what the viewer reads). */
export async function feedbackPageForSession(
  sessionId: string,
  personId: string,
): Promise<string | null> {
  const settings = await db.feedbackSettings.findFirst({
    where: { cycle: { calibrations: { some: { id: sessionId } } } },
    select: { cycleId: true },
  });
  return settings ? `/feedback/cycles/${settings.cycleId}/people/${personId}` : null;
}

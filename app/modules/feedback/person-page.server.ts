import { db } from "~/db/client.server";
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
  const loops = await db.hiringInterview.findMany({
    where: { interviewerId: subject.id },
    select: { loopId: true },
    take: 200,
  });
  const [team, siblings, interviewers, pairs, exchanged] = await Promise.all([
    subject.teamId
      ? db.user.findMany({
          where: { teamId: subject.teamId, deactivatedAt: null, id: { not: subject.id } },
          select: { id: true },
          take: 200,
        })
      : [],
    subject.managerId
      ? db.user.findMany({
          where: { managerId: subject.managerId, deactivatedAt: null, id: { not: subject.id } },
          select: { id: true },
          take: 200,
        })
      : [],
    loops.length
      ? db.hiringInterview.findMany({
          where: {
            loopId: { in: loops.map((loop) => loop.loopId) },
            interviewerId: { not: subject.id },
          },
          select: { interviewerId: true, loopId: true },
        })
      : [],
    db.mentorshipPair.findMany({
      where: {
        status: { in: ["active", "ended"] },
        OR: [{ menteeId: subject.id }, { mentorId: subject.id }],
      },
      select: { menteeId: true, mentorId: true },
    }),
    db.feedbackRequest.findMany({
      where: {
        channel: "peer",
        state: "submitted",
        OR: [{ subjectId: subject.id }, { reviewerId: subject.id }],
      },
      select: { subjectId: true, reviewerId: true },
      take: 200,
    }),
  ]);
  const ties = new Map<string, Ties>();
  const tie = (id: string) => ties.get(id) ?? ties.set(id, { ...NO_TIES }).get(id)!;
  for (const person of team) tie(person.id).sharedTeam = true;
  for (const person of siblings) tie(person.id).sameManager = true;
  const loopsWith = new Map<string, Set<string>>();
  for (const row of interviewers)
    (
      loopsWith.get(row.interviewerId) ??
      loopsWith.set(row.interviewerId, new Set()).get(row.interviewerId)!
    ).add(row.loopId);
  for (const [id, set] of loopsWith) tie(id).hiringLoops = set.size;
  for (const pair of pairs)
    tie(pair.menteeId === subject.id ? pair.mentorId : pair.menteeId).mentorship = true;
  for (const row of exchanged)
    tie(row.subjectId === subject.id ? row.reviewerId : row.subjectId).feedbackTogether = true;
  const ids = [...ties.keys()];
  if (!ids.length) return [];
  const [people, load] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, deactivatedAt: true, managerId: true },
    }),
    db.feedbackRequest.groupBy({
      by: ["reviewerId"],
      where: { cycleId, channel: "peer", reviewerId: { in: ids }, state: { in: [...LIVE_STATES] } },
      _count: { _all: true },
    }),
  ]);
  const facts = {
    channel: "peer" as const,
    subject,
    alreadyNominated: new Set(asked),
    requestsOf: new Map(load.map((row) => [row.reviewerId, row._count._all])),
    reviewCap,
  };
  return suggestPeers(
    people
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

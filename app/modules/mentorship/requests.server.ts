import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import { withRetry } from "~/db/retry.server";
import type { Viewer } from "~/modules/identity/policy";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { Ladder } from "~/modules/ladders";
import { timeZoneLabel } from "~/modules/time-zones";
import { personTimeZone } from "~/modules/time-zones.server";
import { explainFit, resolveWeights } from "./fit";
import { teachableFromReview } from "./inputs";
import { KEPT_STATUSES } from "./lifecycle";
import { menteesInput } from "./matching.server";
import { canBrowseMentors, canRequestMentors, roleInRequest } from "./policy";
import { requireProgramme, storedIds, type Programme } from "./programmes.server";
import { mentorManagerReviews } from "./queries.server";
import {
  answerRefusal,
  answersOpen,
  isLive,
  MAX_REQUESTS,
  nextFreeRank,
  placesLeft,
  REQUEST_RANKS,
  requestRefusal,
  requestsOpen,
  requestStandingForMentee,
  ruleReasonsFor,
  rulesBrokenFor,
  type OwnRequest,
} from "./requests";
import type { MatchingInput } from "./types";
import type { Message } from "~/i18n/messages";
import * as clock from "~/platform/clock.server";

/**
 * Mentees who choose (requests.ts): the programme's mentor profiles, a mentee's requests (up to
 * three, in order of preference), and each mentor's answers. An accepted request becomes an
 * active pair of source "requested", which the matching keeps as it is. Requests are private to
 * their mentee and mentor; anyone else reaching one gets a 404.
 */

/** Serialisable, so two requests (or two answers) at once cannot both pass the count or the places. */
const SERIAL = { isolationLevel: "Serializable" as const };

async function requireBrowser(
  viewer: Viewer,
  programmeId: string,
  now: Date,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const access = await requireProgramme(viewer, programmeId, now, language);
  if (!canBrowseMentors(viewer, access.roles))
    throw new ForbiddenError({ key: "mentorship:requests.errors.joinToSeeMentors" });
  return access;
}

function requireLadder(ladder: Ladder | undefined): Ladder {
  if (!ladder) throw new InvalidError({ key: "mentorship:errors.ladderNotServed" });
  return ladder;
}

/** How many places each mentor's pairs hold: offered, active or ended (published, or requested and accepted), as the matching counts them. */
async function placesHeld(
  programmeId: string,
  mentorIds?: readonly string[],
): Promise<Map<string, number>> {
  const groups = await db.mentorshipPair.groupBy({
    by: ["mentorId"],
    where: {
      programmeId,
      status: { in: [...KEPT_STATUSES] },
      ...(mentorIds ? { mentorId: { in: [...mentorIds] } } : {}),
    },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.mentorId, group._count._all]));
}

async function ownRequests(
  menteeId: string,
  programmeId: string,
  client: Pick<typeof db, "mentorshipRequest" | "mentorshipParticipant"> = db,
) {
  const rows = await client.mentorshipRequest.findMany({
    where: { programmeId, menteeId },
    orderBy: [{ rank: "asc" }, { requestedAt: "asc" }],
    select: {
      id: true,
      mentorId: true,
      rank: true,
      state: true,
      declineNote: true,
      mentor: { select: { name: true } },
    },
  });
  const stillMentors = new Set(
    (
      await client.mentorshipParticipant.findMany({
        where: { programmeId, role: "mentor", userId: { in: rows.map((row) => row.mentorId) } },
        select: { userId: true },
      })
    ).map((mentor) => mentor.userId),
  );
  return rows.map((row) => ({
    id: row.id,
    mentorId: row.mentorId,
    mentorName: row.mentor.name,
    rank: row.rank,
    state: row.state,
    declineNote: row.declineNote,
    mentorLeft: !stillMentors.has(row.mentorId),
  }));
}

/** The hard rules a mentee's pair with each mentor breaks, in the words the mentee reads; mentors the ladder cannot place are not in the map. */
function ruleReasonsByMentor(
  input: MatchingInput,
  programme: Programme,
  menteeId: string,
  names: ReadonlyMap<string, string>,
): Map<string, Message[]> | null {
  const mentee = input.mentees.find((candidate) => candidate.id === menteeId);
  if (!mentee) return null;
  const broken = rulesBrokenFor(input, menteeId);
  return new Map(
    [...broken].map(([mentorId, rules]) => [
      mentorId,
      ruleReasonsFor(
        rules,
        mentee,
        {
          id: mentorId,
          name: names.get(mentorId) ?? { key: "mentorship:requests.rule.thisMentor" },
        },
        programme.maxTimeZoneHours,
      ),
    ]),
  );
}

/**
 * The programme's mentor profiles, as its mentees see them: name, what each can help with (what
 * they offered, and where their latest manager review they may read themselves rates them at or
 * above their level's target; never a rating), places left, time zone and their note. For a
 * mentee, their own requests and, per mentor, whether they may ask them now or why not.
 */
export async function mentorsPage(
  viewer: Viewer,
  programmeId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const { programme, ladder, roles } = await requireBrowser(viewer, programmeId, now, language);
  const [mentors, held, reviews] = await Promise.all([
    db.mentorshipParticipant.findMany({
      where: { programmeId, role: "mentor", user: { deactivatedAt: null } },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      select: {
        userId: true,
        capacity: true,
        competencies: true,
        note: true,
        user: { select: { name: true, timeZone: true } },
      },
    }),
    placesHeld(programmeId),
    mentorManagerReviews(programmeId),
  ]);
  const asMentee = canRequestMentors(roles);
  const names = new Map(mentors.map((mentor) => [mentor.userId, mentor.user.name]));
  const own = asMentee ? await ownRequests(viewer.id, programmeId) : [];
  let reasons: Map<string, Message[]> | null = null;
  let menteeProblem: Message | null = null;
  if (asMentee && requestsOpen(programme.phase)) {
    if (!ladder) menteeProblem = { key: "mentorship:errors.ladderNotServed" };
    else {
      const { input } = await menteesInput(programme, ladder, [viewer.id]);
      reasons = ruleReasonsByMentor(input, programme, viewer.id, names);
      if (!reasons) menteeProblem = { key: "mentorship:requests.errors.menteeNotPlaced" };
    }
  }
  const rank = nextFreeRank(own);
  const competencyOrder = (id: string) =>
    ladder?.competencies.findIndex((competency) => competency.id === id) ?? 0;
  const competencyName = (id: string) =>
    ladder?.competencies.find((competency) => competency.id === id)?.name ?? id;
  const profiles = mentors.map((mentor) => {
    const offered = storedIds(mentor.competencies);
    const strong = ladder ? teachableFromReview(ladder, reviews.get(mentor.userId) ?? null) : [];
    const canHelpWith = [...new Set([...offered, ...strong])]
      .sort((a, b) => competencyOrder(a) - competencyOrder(b))
      .map((id) => ({
        id,
        name: competencyName(id),
        offered: offered.includes(id),
        fromReview: strong.includes(id),
      }));
    const left = placesLeft(
      mentor.capacity,
      programme.maxMenteesPerMentor,
      held.get(mentor.userId) ?? 0,
    );
    let refusal: Message | null = null;
    if (asMentee) {
      const ruleReasons = reasons?.get(mentor.userId);
      refusal =
        menteeProblem ??
        (reasons && !ruleReasons && mentor.userId !== viewer.id
          ? {
              key: "mentorship:requests.errors.mentorNotPlaced",
              values: { name: mentor.user.name },
            }
          : null) ??
        requestRefusal({
          phase: programme.phase,
          own,
          mentorId: mentor.userId,
          mentorName: mentor.user.name,
          rank: rank ?? 1,
          ruleReasons: ruleReasons ?? [],
          placesLeft: left,
        });
    }
    return {
      id: mentor.userId,
      name: mentor.user.name,
      isViewer: mentor.userId === viewer.id,
      canHelpWith,
      placesLeft: left,
      timeZone: timeZoneLabel(personTimeZone(mentor.user.timeZone)),
      note: mentor.note,
      request:
        own.find(
          (request) => request.mentorId === mentor.userId && request.state !== "withdrawn",
        ) ?? null,
      canAsk: asMentee && refusal === null,
      refusal,
    };
  });
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      phase: programme.phase,
      matchingOn: programme.matchingOn,
    },
    asMentee,
    asMentor: roles.includes("mentor"),
    requestsOpen: requestsOpen(programme.phase),
    maxRequests: MAX_REQUESTS,
    freeRanks: REQUEST_RANKS.filter(
      (candidate) => !own.some((request) => isLive(request.state) && request.rank === candidate),
    ),
    nextRank: rank,
    requests: own
      .filter((request) => request.state !== "withdrawn")
      .map((request) => ({
        id: request.id,
        mentorName: request.mentorName,
        rank: request.rank,
        state: request.state,
        standing: requestStandingForMentee(request),
        canWithdraw: request.state === "requested" && answersOpen(programme.phase),
      })),
    profiles,
  };
}

/**
 * A mentee asks a mentor of the programme, as their 1st, 2nd or 3rd choice. Refused, with the
 * reason and nothing written, when it breaks a hard rule of the programme, the mentor has no place
 * left, the mentee already has three requests, that rank, a mentor, or an answer from this one.
 */
export async function askMentor(
  viewer: Viewer,
  programmeId: string,
  ask: { mentorId: string; rank: number },
  now = clock.now(),
): Promise<void> {
  const { programme, ladder, roles } = await requireBrowser(viewer, programmeId, now);
  if (!canRequestMentors(roles))
    throw new ForbiddenError({ key: "mentorship:requests.errors.menteesOnly" });
  const mentor = await db.mentorshipParticipant.findFirst({
    where: { programmeId, userId: ask.mentorId, role: "mentor", user: { deactivatedAt: null } },
    select: { userId: true, capacity: true, user: { select: { name: true } } },
  });
  if (!mentor) throw new NotFoundError({ key: "mentorship:requests.errors.noMentor" });
  const mentorName = mentor.user.name;
  let ruleReasons: Message[] = [];
  if (requestsOpen(programme.phase)) {
    const { input } = await menteesInput(programme, requireLadder(ladder), [viewer.id]);
    const reasons = ruleReasonsByMentor(
      input,
      programme,
      viewer.id,
      new Map([[mentor.userId, mentorName]]),
    );
    if (!reasons) throw new InvalidError({ key: "mentorship:requests.errors.menteeNotPlaced" });
    const found = reasons.get(mentor.userId);
    if (!found && mentor.userId !== viewer.id)
      throw new InvalidError({
        key: "mentorship:requests.errors.mentorNotPlaced",
        values: { name: mentorName },
      });
    ruleReasons = found ?? [];
  }
  await withRetry(() =>
    db.$transaction(async (tx) => {
      const own: OwnRequest[] = await ownRequests(viewer.id, programmeId, tx);
      const held = await tx.mentorshipPair.count({
        where: { programmeId, mentorId: mentor.userId, status: { in: [...KEPT_STATUSES] } },
      });
      const refusal = requestRefusal({
        phase: programme.phase,
        own,
        mentorId: mentor.userId,
        mentorName,
        rank: ask.rank,
        ruleReasons,
        placesLeft: placesLeft(mentor.capacity, programme.maxMenteesPerMentor, held),
      });
      if (refusal) throw new InvalidError(refusal);
      const fresh = {
        rank: ask.rank,
        state: "requested",
        requestedAt: now,
        answeredAt: null,
        withdrawnAt: null,
        declineNote: null,
      };
      await tx.mentorshipRequest.upsert({
        where: {
          programmeId_menteeId_mentorId: {
            programmeId,
            menteeId: viewer.id,
            mentorId: mentor.userId,
          },
        },
        create: { programmeId, menteeId: viewer.id, mentorId: mentor.userId, ...fresh },
        update: fresh,
      });
    }, SERIAL),
  );
}

/** A request as its mentee or mentor reaches it; anyone else, or another programme's address, gets a 404. */
async function requireRequest(viewer: Viewer, programmeId: string, requestId: string) {
  const request = await db.mentorshipRequest.findFirst({
    where: { id: requestId, programmeId },
    select: {
      id: true,
      menteeId: true,
      mentorId: true,
      rank: true,
      state: true,
      mentee: { select: { name: true } },
      mentor: { select: { name: true } },
    },
  });
  const role = request ? roleInRequest(viewer, request) : null;
  if (!request || !role) throw new NotFoundError({ key: "mentorship:requests.errors.noRequest" });
  return { request, role };
}

/** The mentee withdraws a request still waiting for an answer. */
export async function withdrawRequest(
  viewer: Viewer,
  programmeId: string,
  requestId: string,
  now = clock.now(),
): Promise<void> {
  const { programme } = await requireProgramme(viewer, programmeId, now);
  const { role } = await requireRequest(viewer, programmeId, requestId);
  if (role !== "mentee")
    throw new ForbiddenError({ key: "mentorship:requests.errors.menteeWithdraws" });
  if (!answersOpen(programme.phase))
    throw new InvalidError({ key: "mentorship:requests.errors.published" });
  const updated = await db.mentorshipRequest.updateMany({
    where: { id: requestId, state: "requested" },
    data: { state: "withdrawn", withdrawnAt: now },
  });
  if (updated.count !== 1)
    throw new ConflictError({ key: "mentorship:requests.errors.answeredMeanwhile" });
}

/** A mentor writes the note on their profile, which the programme's mentees read. */
export async function saveMentorNote(
  viewer: Viewer,
  programmeId: string,
  note: string,
  now = clock.now(),
): Promise<void> {
  const { programme, roles } = await requireProgramme(viewer, programmeId, now);
  if (!roles.includes("mentor"))
    throw new ForbiddenError({ key: "mentorship:requests.errors.mentorsHaveProfiles" });
  if (programme.phase === "closed")
    throw new InvalidError({ key: "mentorship:requests.errors.closedProfiles" });
  await db.mentorshipParticipant.update({
    where: { programmeId_userId_role: { programmeId, userId: viewer.id, role: "mentor" } },
    data: { note },
  });
}

async function requireMentor(
  viewer: Viewer,
  programmeId: string,
  now: Date,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const access = await requireProgramme(viewer, programmeId, now, language);
  if (!access.roles.includes("mentor"))
    throw new ForbiddenError({ key: "mentorship:requests.errors.mentorsAnswer" });
  return access;
}

/**
 * The requests to the viewer as a mentor: who asked, as which choice, the goals they joined with
 * (never a figure from their reviews, nor what they hope for: that is their mentor's to read once
 * paired), where each stands, and the viewer's places left.
 */
export async function requestsPage(
  viewer: Viewer,
  programmeId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const { programme, ladder } = await requireMentor(viewer, programmeId, now, language);
  const [rows, optIn, held] = await Promise.all([
    db.mentorshipRequest.findMany({
      where: { programmeId, mentorId: viewer.id, state: { not: "withdrawn" } },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        menteeId: true,
        rank: true,
        state: true,
        declineNote: true,
        requestedAt: true,
        answeredAt: true,
        mentee: { select: { name: true } },
      },
    }),
    db.mentorshipParticipant.findUnique({
      where: { programmeId_userId_role: { programmeId, userId: viewer.id, role: "mentor" } },
      select: { capacity: true },
    }),
    placesHeld(programmeId, [viewer.id]),
  ]);
  const goals = await db.mentorshipParticipant.findMany({
    where: { programmeId, role: "mentee", userId: { in: rows.map((row) => row.menteeId) } },
    select: { userId: true, competencies: true },
  });
  const competencyName = (id: string) =>
    ladder?.competencies.find((competency) => competency.id === id)?.name ?? id;
  const open = answersOpen(programme.phase);
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      phase: programme.phase,
      matchingOn: programme.matchingOn,
    },
    placesLeft: placesLeft(
      optIn?.capacity ?? null,
      programme.maxMenteesPerMentor,
      held.get(viewer.id) ?? 0,
    ),
    answersOpen: open,
    requests: rows.map((row) => ({
      id: row.id,
      menteeName: row.mentee.name,
      rank: row.rank,
      state: row.state,
      declineNote: row.declineNote,
      requestedAt: row.requestedAt,
      goals: storedIds(
        goals.find((goal) => goal.userId === row.menteeId)?.competencies ?? "[]",
      ).map(competencyName),
      canAnswer: open && row.state === "requested",
    })),
  };
}

/**
 * The mentor accepts or declines a request. Accepting checks the hard rules and the mentor's
 * places as they stand now and, in one transaction, makes the pair (active, source "requested",
 * with its fit explained), withdraws the mentee's other requests, and drops the proposals of a
 * matching run the pair overtakes. Declining keeps the optional note for the mentee.
 */
export async function answerRequest(
  viewer: Viewer,
  programmeId: string,
  requestId: string,
  answer: "accepted" | "declined",
  note: string,
  now = clock.now(),
): Promise<void> {
  const { programme, ladder } = await requireProgramme(viewer, programmeId, now);
  const { request, role } = await requireRequest(viewer, programmeId, requestId);
  if (role !== "mentor")
    throw new ForbiddenError({ key: "mentorship:requests.errors.askedMentorAnswers" });
  const menteeName = request.mentee.name;
  const early = answerRefusal({
    phase: programme.phase,
    state: request.state,
    answer,
    menteeName,
    menteeHasMentor: false,
    ruleReasons: [],
    placesLeft: 1,
  });
  if (early) throw new InvalidError(early);
  if (answer === "declined") {
    const updated = await db.mentorshipRequest.updateMany({
      where: { id: requestId, state: "requested" },
      data: { state: "declined", answeredAt: now, declineNote: note || null },
    });
    if (updated.count !== 1)
      throw new ConflictError({ key: "mentorship:requests.errors.changedMeanwhile" });
    return;
  }
  const { input } = await menteesInput(programme, requireLadder(ladder), [request.menteeId]);
  const mentee = input.mentees.find((candidate) => candidate.id === request.menteeId);
  const mentor = input.mentors.find((candidate) => candidate.id === viewer.id);
  if (!mentee || !mentor)
    throw new InvalidError(
      mentee
        ? { key: "mentorship:requests.errors.mentorNoLongerPlaced" }
        : { key: "mentorship:requests.errors.menteeNoLongerPlaced", values: { name: menteeName } },
    );
  const ruleReasons = ruleReasonsFor(
    rulesBrokenFor(input, mentee.id).get(mentor.id) ?? [],
    mentee,
    { id: mentor.id, name: request.mentor.name },
    programme.maxTimeZoneHours,
  );
  const explained = explainFit(
    mentee,
    mentor,
    resolveWeights(input.weights),
    input.competencyNames,
  );
  await withRetry(() =>
    db.$transaction(async (tx) => {
      const [held, menteePairs, mentorOptIn] = await Promise.all([
        tx.mentorshipPair.count({
          where: { programmeId, mentorId: viewer.id, status: { in: [...KEPT_STATUSES] } },
        }),
        tx.mentorshipPair.count({
          where: { programmeId, menteeId: request.menteeId, status: { in: ["offered", "active"] } },
        }),
        tx.mentorshipParticipant.findUnique({
          where: { programmeId_userId_role: { programmeId, userId: viewer.id, role: "mentor" } },
          select: { capacity: true },
        }),
      ]);
      const left = placesLeft(mentorOptIn?.capacity ?? null, programme.maxMenteesPerMentor, held);
      const refusal = answerRefusal({
        phase: programme.phase,
        state: request.state,
        answer,
        menteeName,
        menteeHasMentor: menteePairs > 0,
        ruleReasons,
        placesLeft: left,
      });
      if (refusal) throw new InvalidError(refusal);
      const updated = await tx.mentorshipRequest.updateMany({
        where: { id: requestId, state: "requested" },
        data: { state: "accepted", answeredAt: now },
      });
      if (updated.count !== 1)
        throw new ConflictError({ key: "mentorship:requests.errors.changedMeanwhile" });
      await tx.mentorshipRequest.updateMany({
        where: { programmeId, menteeId: request.menteeId, state: "requested" },
        data: { state: "withdrawn", withdrawnAt: now },
      });
      await tx.mentorshipPair.create({
        data: {
          programmeId,
          menteeId: request.menteeId,
          mentorId: viewer.id,
          status: "active",
          source: "requested",
          fit: explained.fit,
          factors: JSON.stringify(explained.factors),
          menteeAnswer: "accepted",
          mentorAnswer: "accepted",
          offeredAt: now,
          activeSince: now,
        },
      });
      // A matching run's proposals for the mentee are overtaken; so are the mentor's, once they no longer fit in the places left.
      await tx.mentorshipPair.deleteMany({
        where: { programmeId, status: "proposed", menteeId: request.menteeId },
      });
      const mentorProposals = await tx.mentorshipPair.count({
        where: { programmeId, status: "proposed", mentorId: viewer.id },
      });
      if (mentorProposals > left - 1)
        await tx.mentorshipPair.deleteMany({
          where: { programmeId, status: "proposed", mentorId: viewer.id },
        });
    }, SERIAL),
  );
}

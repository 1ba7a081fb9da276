import {
  isPulseCheckpoint,
  pulsesOpen,
  type PairStatus,
  type ProgrammePhase,
  type Role,
} from "./lifecycle";

/**
 * Who may see and do what in mentorship. Admins run programmes and see every pair, but a
 * check-in note only when its author shared it. A pair's goals, preferences and pulses are the
 * pair's and the admins'; each pulse answer is its respondent's and the admins'. A mentor never
 * sees the mentee's reviews: not the goal gaps behind the fit, not how their ratings moved.
 * Everyone else gets a 404, as if the thing did not exist.
 */
export type MentorshipViewer = { id: string; isAdmin: boolean };

export type PairAccess = { menteeId: string; mentorId: string; status: PairStatus };

/** Who a person may be in a programme: on its ladder with a level, and on one of its teams when it is open to chosen teams only. */
export type EligibilityFacts = {
  onLadder: boolean;
  active: boolean;
  teamId: string | null;
  openTo: "everyone" | "teams";
  teamIds: readonly string[];
};

export function isEligible(person: EligibilityFacts): boolean {
  if (!person.onLadder || !person.active) return false;
  return (
    person.openTo === "everyone" ||
    (person.teamId !== null && person.teamIds.includes(person.teamId))
  );
}

export function canManageProgrammes(viewer: MentorshipViewer): boolean {
  return viewer.isAdmin;
}

/** A programme's page: admins, the people it is open to, and anyone who joined it (even if they have moved team since). */
export function canSeeProgramme(
  viewer: MentorshipViewer,
  facts: { eligible: boolean; participant: boolean },
): boolean {
  return viewer.isAdmin || facts.eligible || facts.participant;
}

/** Joining, changing and withdrawing an opt-in: only people it is open to, only while opt-ins are open. */
export function canOptIn(facts: { eligible: boolean; phase: ProgrammePhase }): boolean {
  return facts.eligible && facts.phase === "open";
}

export function roleInPair(viewer: MentorshipViewer, pair: PairAccess): Role | null {
  if (viewer.id === pair.menteeId) return "mentee";
  if (viewer.id === pair.mentorId) return "mentor";
  return null;
}

/** A pair, with the mentee's goals and preferences: admins always; its two people once it is published (a proposal is the admins' draft). */
export function canSeePair(viewer: MentorshipViewer, pair: PairAccess): boolean {
  if (viewer.isAdmin) return true;
  return roleInPair(viewer, pair) !== null && pair.status !== "proposed";
}

/** Each side answers an offered pair once. */
export function canAnswerPair(
  viewer: MentorshipViewer,
  pair: PairAccess & { menteeAnswer: string | null; mentorAnswer: string | null },
): boolean {
  const role = roleInPair(viewer, pair);
  if (role === null || pair.status !== "offered") return false;
  return (role === "mentee" ? pair.menteeAnswer : pair.mentorAnswer) === null;
}

/** Why a pair was declined: the person who declined and admins (the other side sees only that it was). */
export function canSeeDeclineReason(
  viewer: MentorshipViewer,
  declinedById: string | null,
): boolean {
  return viewer.isAdmin || (declinedById !== null && viewer.id === declinedById);
}

/**
 * Figures that come from the mentee's reviews (the gap behind each goal, the fit's goal score,
 * how their ratings moved since the pair began): the mentee and admins, never the mentor.
 */
export function canSeeMenteeReviewFigures(viewer: MentorshipViewer, pair: PairAccess): boolean {
  return viewer.isAdmin || (viewer.id === pair.menteeId && pair.status !== "proposed");
}

export function canRecordCheckIn(viewer: MentorshipViewer, pair: PairAccess): boolean {
  return roleInPair(viewer, pair) !== null && pair.status === "active";
}

/** A check-in: both people of the pair; admins only when its author shared it. */
export function canReadCheckIn(
  viewer: MentorshipViewer,
  pair: PairAccess,
  checkIn: { shared: boolean },
): boolean {
  if (roleInPair(viewer, pair) !== null) return pair.status !== "proposed";
  return viewer.isAdmin && checkIn.shared;
}

/** A pulse answer: the person who gave it, and admins (who see pulses in the report, averaged). */
export function canReadPulse(viewer: MentorshipViewer, pulse: { respondentId: string }): boolean {
  return viewer.isAdmin || viewer.id === pulse.respondentId;
}

export function canAnswerPulse(
  viewer: MentorshipViewer,
  pair: PairAccess & { activeSince: Date | null },
  checkpoint: number,
  answered: readonly number[],
  now: Date,
): boolean {
  if (roleInPair(viewer, pair) === null || !isPulseCheckpoint(checkpoint)) return false;
  return pulsesOpen(pair, answered, now).some((open) => open.checkpoint === checkpoint);
}

/** Either side records how it went, which ends an active pair. */
export function canRecordOutcome(viewer: MentorshipViewer, pair: PairAccess): boolean {
  return roleInPair(viewer, pair) !== null && pair.status === "active";
}

export function canSeeReport(viewer: MentorshipViewer): boolean {
  return viewer.isAdmin;
}

/**
 * The programme's mentor profiles (what each can help with, places left, time zone, their note):
 * its mentees, who choose from them; its mentors, who see their own as mentees do; admins.
 */
export function canBrowseMentors(viewer: MentorshipViewer, roles: readonly Role[]): boolean {
  return viewer.isAdmin || roles.length > 0;
}

/** Asking a mentor: the programme's mentees. */
export function canRequestMentors(roles: readonly Role[]): boolean {
  return roles.includes("mentee");
}

/** A request: its mentee (who withdraws it) and its mentor (who answers it); for anyone else it does not exist. */
export function roleInRequest(
  viewer: MentorshipViewer,
  request: { menteeId: string; mentorId: string },
): Role | null {
  if (viewer.id === request.menteeId) return "mentee";
  if (viewer.id === request.mentorId) return "mentor";
  return null;
}

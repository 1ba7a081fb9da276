/**
 * The promotion committee's rules, pure: who may sit on a nominee's committee and vote, who reads
 * which ballot when, when a nominee's packet is read redacted, who decides and releases, and who
 * learns a decision. The services feed them facts from the database
 * (docs/decisions/084-promotions.md, "The committee and the answer").
 *
 * - Composition: a nominee's voters are the window's named members outside the nominee's reporting
 *   line (their manager presents but never votes; nobody votes on their own manager or report) and,
 *   when the window asks it, at or above the target level. There must be at least `minMembers` of
 *   them, `minOutsideMembers` of whom are from outside the nominee's organisation.
 * - Independence (the hiring scorecard rule): a voter reads no other ballot on a nominee, nor a
 *   count, a mark, an agreement figure or a decision built from one, until their own is in. A
 *   member who does not vote on the nominee (their manager, say) reads the ballots only once the
 *   meeting has begun; admins read everything.
 * - Release (calibration's rule): the nominee and their manager chain learn nothing of the decision
 *   before it is released; the promotion takes effect on the later of the window's effective day
 *   and the release.
 */
import type { Viewer } from "~/modules/identity/policy";

export type CommitteeRole = "chair" | "member";
export type WindowState = "draft" | "open" | "committee" | "meeting" | "closed";
export type Mark = "met" | "partly" | "not-yet";
export const MARKS: readonly Mark[] = ["met", "partly", "not-yet"];
export type Outcome = "promote" | "not-yet";
export const OUTCOMES: readonly Outcome[] = ["promote", "not-yet"];

/** A mark as a number for agreement and disagreement: ordered from not yet to met. */
export const MARK_VALUE: Record<Mark, number> = { "not-yet": 0, partly: 1, met: 2 };

export function isMark(value: unknown): value is Mark {
  return typeof value === "string" && (MARKS as readonly string[]).includes(value);
}

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === "string" && (OUTCOMES as readonly string[]).includes(value);
}

/** Where someone sits in the organisation: their id and kept reporting line ("/<top>/…/<manager>/"). */
export type LinePlace = { id: string; linePath: string };

/** A level's place for comparing seniority: its track, rank in the track, and equivalence band. */
export type LevelPlace = { trackId: string; rank: number; band: number | null };

export type CompositionRules = {
  minMembers: number;
  membersAtOrAbove: boolean;
  minOutsideMembers: number;
};

/** One named member as seen from one nominee. */
export type MemberFacts = {
  personId: string;
  role: CommitteeRole;
  /** The member is the nominee, or above or below them in their reporting line. */
  inLine: boolean;
  /** The member's level is at or above the target level (false when either is unknown). */
  atOrAbove: boolean;
  /** The member is outside the nominee's organisation. */
  outside: boolean;
};

function managersOf(place: LinePlace): string[] {
  return place.linePath.split("/").filter(Boolean);
}

/** The member is the nominee, one of their managers, or one of the people under them. */
export function inReportingLine(nominee: LinePlace, member: LinePlace): boolean {
  return (
    member.id === nominee.id ||
    managersOf(nominee).includes(member.id) ||
    managersOf(member).includes(nominee.id)
  );
}

/**
 * The head of the nominee's organisation: the person just below the top of their reporting line
 * (the top's own reports each lead one), the top for their direct reports, the nominee at the top.
 */
export function organisationHead(nominee: LinePlace): string {
  const line = managersOf(nominee);
  return line[1] ?? line[0] ?? nominee.id;
}

/** Outside the nominee's organisation: neither its head nor anyone under the head. */
export function outsideOrganisation(nominee: LinePlace, member: LinePlace): boolean {
  const head = organisationHead(nominee);
  return member.id !== head && !managersOf(member).includes(head);
}

/** A level at or above another: higher or equal in the same track, or in the same or a higher equivalence band. */
export function levelAtOrAbove(level: LevelPlace | null, target: LevelPlace | null): boolean {
  if (!level || !target) return false;
  if (level.trackId === target.trackId) return level.rank >= target.rank;
  return level.band !== null && target.band !== null && level.band >= target.band;
}

/** Why a member does not vote on a nominee (a message key), or null when they do. */
export function notVotingReason(rules: CompositionRules, member: MemberFacts): string | null {
  if (member.inLine) return "promotionsCommittee:composition.inLine";
  if (rules.membersAtOrAbove && !member.atOrAbove) return "promotionsCommittee:composition.below";
  return null;
}

export function votesOn(rules: CompositionRules, member: MemberFacts): boolean {
  return notVotingReason(rules, member) === null;
}

export type Composition = {
  voters: string[];
  outside: number;
  problems: { key: string; values: Record<string, number> }[];
};

/** A nominee's voters and what their committee lacks against the window's rules (empty when it meets them). */
export function composition(rules: CompositionRules, members: readonly MemberFacts[]): Composition {
  const voting = members.filter((member) => votesOn(rules, member));
  const outside = voting.filter((member) => member.outside).length;
  const problems: Composition["problems"] = [];
  if (voting.length < rules.minMembers)
    problems.push({
      key: "promotionsCommittee:composition.tooFew",
      values: { count: voting.length, min: rules.minMembers },
    });
  if (outside < rules.minOutsideMembers)
    problems.push({
      key: "promotionsCommittee:composition.tooFewOutside",
      values: { count: outside, min: rules.minOutsideMembers },
    });
  return { voters: voting.map((member) => member.personId), outside, problems };
}

/** Members are named while the window is being prepared or takes nominations, before anyone votes. */
export function canNameMembers(viewer: Pick<Viewer, "isAdmin">, state: string): boolean {
  return viewer.isAdmin && (state === "draft" || state === "open");
}

/**
 * Why the viewer may not set, move or remove the committee's meeting (a message key), or null: the
 * chair or an admin may, until the meeting has begun. Its chair and members get calendar invitations
 * (app/modules/notifications).
 */
export function meetingRefusal(
  viewer: Pick<Viewer, "isAdmin">,
  window: { state: string; isChair: boolean },
): string | null {
  if (!viewer.isAdmin && !window.isChair) return "promotionsCommittee:errors.chairSetsMeeting";
  if (window.state !== "draft" && window.state !== "open" && window.state !== "committee")
    return "promotionsCommittee:errors.meetingBegun";
  return null;
}

export function canScheduleMeeting(
  viewer: Pick<Viewer, "isAdmin">,
  window: { state: string; isChair: boolean },
): boolean {
  return meetingRefusal(viewer, window) === null;
}

/** Why someone may not be named to a window's committee (a message key), or null. */
export function namingRefusal(facts: {
  deactivated: boolean;
  isNominee: boolean;
  alreadyMember: boolean;
}): string | null {
  if (facts.deactivated) return "promotionsCommittee:errors.memberDeactivated";
  if (facts.isNominee) return "promotionsCommittee:errors.memberIsNominee";
  if (facts.alreadyMember) return "promotionsCommittee:errors.alreadyMember";
  return null;
}

/** What decides a viewer's access to one nomination in the committee's work. */
export type NominationAccess = {
  state: string;
  isMember: boolean;
  isChair: boolean;
  /** The viewer votes on this nominee (a member, past the composition rules). */
  isVoter: boolean;
  /** The viewer's own ballot on this nominee is submitted. */
  ownSubmitted: boolean;
  decided: boolean;
  /** The viewer is this nominee (a member may be nominated in the window they sit on). */
  isNominee: boolean;
};

/** The committee's page (its members, who votes on whom, its meeting): admins, and its members from the draft on. */
export function canReadCommitteePage(
  viewer: Pick<Viewer, "isAdmin">,
  access: Pick<NominationAccess, "isMember">,
): boolean {
  return viewer.isAdmin || access.isMember;
}

/**
 * The packet, the nominee's ballot page and the meeting page: the window's committee and admins,
 * once votes have begun (each nominee's marks on the meeting page only as canReadOthersBallots says).
 */
export function canReadForCommittee(
  viewer: Pick<Viewer, "isAdmin">,
  access: Pick<NominationAccess, "isMember" | "state">,
): boolean {
  if (viewer.isAdmin) return true;
  return (
    access.isMember &&
    (access.state === "committee" || access.state === "meeting" || access.state === "closed")
  );
}

/**
 * One nomination as the committee reads it (its packet, its ballot page): whoever reads the window's
 * committee work, but a member who is this nominee, who learns of it only as a nominee does.
 */
export function canReadNominationForCommittee(
  viewer: Pick<Viewer, "isAdmin">,
  access: Pick<NominationAccess, "isMember" | "state" | "isNominee">,
): boolean {
  return canReadForCommittee(viewer, access) && (viewer.isAdmin || !access.isNominee);
}

/** Writing a ballot: a voter on the nominee, while votes are taken and before the decision. */
export function canVote(access: NominationAccess): boolean {
  return (
    access.isVoter &&
    (access.state === "committee" || access.state === "meeting") &&
    !access.decided
  );
}

/**
 * Other members' ballots on the nominee, and anything built from them (marks side by side,
 * disagreements, agreement, the decision). A voter once their own is in; a member who does not vote
 * on the nominee once the meeting has begun; admins always.
 */
export function canReadOthersBallots(
  viewer: Pick<Viewer, "isAdmin">,
  access: NominationAccess,
): boolean {
  if (viewer.isAdmin) return true;
  if (!access.isMember || access.isNominee) return false;
  if (access.isVoter) return access.ownSubmitted;
  return access.state === "meeting" || access.state === "closed";
}

/** The first read is redacted for a voter who has not yet voted, when the window asks it. */
export function readsRedacted(
  redactedFirstRead: boolean,
  access: Pick<NominationAccess, "isVoter" | "ownSubmitted">,
): boolean {
  return redactedFirstRead && access.isVoter && !access.ownSubmitted;
}

/** The meeting: the chair moves a window whose votes are being taken into its meeting (admins too). */
export function canStartMeeting(
  viewer: Pick<Viewer, "isAdmin">,
  window: { state: string; isChair: boolean },
): boolean {
  return window.state === "committee" && (viewer.isAdmin || window.isChair);
}

/** Recording or changing a decision: the chair (or an admin) during the meeting, before it is released. */
export function canDecide(
  viewer: Pick<Viewer, "isAdmin">,
  access: { state: string; isChair: boolean; released: boolean },
): boolean {
  return access.state === "meeting" && (viewer.isAdmin || access.isChair) && !access.released;
}

/**
 * Why a decision cannot be recorded yet (a message key), or null: the nominee's committee must meet
 * the window's rules and at least the minimum number of its voters must have voted.
 */
export function decisionRefusal(
  rules: CompositionRules,
  facts: { problems: number; submitted: number },
): string | null {
  if (facts.problems > 0) return "promotionsCommittee:errors.compositionUnmet";
  if (facts.submitted < rules.minMembers) return "promotionsCommittee:errors.tooFewBallots";
  return null;
}

/** Dissent beside a decision: a voter on the nominee whose own ballot is in. */
export function canDissent(access: NominationAccess): boolean {
  return access.decided && access.isVoter && access.ownSubmitted;
}

/** Releasing a decision to the nominee: the chair or an admin, once decided. */
export function canRelease(
  viewer: Pick<Viewer, "isAdmin">,
  access: { state: string; isChair: boolean; decided: boolean; released: boolean },
): boolean {
  return (
    access.decided &&
    !access.released &&
    (access.state === "meeting" || access.state === "closed") &&
    (viewer.isAdmin || access.isChair)
  );
}

/**
 * Who learns a decision: the committee and admins as soon as it is recorded; the nominee (a member
 * too) and their manager chain once it is released to them, never before.
 */
export function canReadDecision(
  viewer: Pick<Viewer, "id" | "isAdmin">,
  facts: {
    nomineeId: string;
    managerChain: readonly string[];
    isMember: boolean;
    released: boolean;
  },
): boolean {
  if (viewer.isAdmin) return true;
  // A member who is the nominee learns it as a nominee does.
  if (viewer.id === facts.nomineeId) return facts.released;
  return facts.isMember || (facts.managerChain.includes(viewer.id) && facts.released);
}

/**
 * The nominee's answer page: the nominee, their manager chain, admins. The committee reads its
 * decisions on the meeting page; the answer page names the nominee, which a member still on a
 * redacted first read must not learn from a nomination's address.
 */
export function canReadAnswerPage(
  viewer: Pick<Viewer, "id" | "isAdmin">,
  facts: { nomineeId: string; managerChain: readonly string[] },
): boolean {
  return viewer.isAdmin || viewer.id === facts.nomineeId || facts.managerChain.includes(viewer.id);
}

/** Only the nominee puts what is unmet into their own growth plan. */
export function canPlanFromAnswer(
  viewer: Pick<Viewer, "id">,
  facts: { nomineeId: string; released: boolean; outcome: string },
): boolean {
  return viewer.id === facts.nomineeId && facts.released && facts.outcome === "not-yet";
}

/** The day a promotion takes effect: the later of the window's effective day and the release. */
export function takesEffectOn(effectiveOn: Date, releasedAt: Date): Date {
  return effectiveOn.getTime() >= releasedAt.getTime() ? effectiveOn : releasedAt;
}

/**
 * The first window a "not yet" nominee may be nominated into again: of the ladder's later windows
 * (those whose nominations open after this one's close), in order, the one after `wait` skipped;
 * null when it is not scheduled yet.
 */
export function nextWindowFor<T extends { id: string; nominationsOpenOn: Date }>(
  later: readonly T[],
  closedOn: Date,
  wait: number,
): T | null {
  const after = later
    .filter((window) => window.nominationsOpenOn.getTime() > closedOn.getTime())
    .sort((a, b) => a.nominationsOpenOn.getTime() - b.nominationsOpenOn.getTime());
  return after[Math.max(0, wait)] ?? null;
}

/** The criteria on which the ballots differ: any two marks not the same. */
export function disagreesOn(marks: readonly (Mark | null)[]): boolean {
  const given = marks.filter((mark): mark is Mark => mark !== null);
  return new Set(given).size > 1;
}

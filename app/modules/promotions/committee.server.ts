import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
/**
 * A window's committee: naming and removing members, and the facts every committee page and action
 * starts from (who votes on whom, whose ballot is in). The rules are committee-policy.ts's.
 */
import { db } from "~/db/client.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { Viewer } from "~/modules/identity/policy";
import { competenciesForLevel, expectationsFor, getLevel, type Ladder } from "~/modules/ladders";
import type { TranslatedLadder } from "~/modules/ladders/translations";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import {
  canNameMembers,
  canReadCommitteePage,
  canReadNominationForCommittee,
  canScheduleMeeting,
  composition,
  meetingRefusal,
  inReportingLine,
  levelAtOrAbove,
  namingRefusal,
  notVotingReason,
  outsideOrganisation,
  readsRedacted,
  type CommitteeRole,
  type Composition,
  type CompositionRules,
  type LevelPlace,
  type MemberFacts,
  type NominationAccess,
} from "./committee-policy";
import { recordPromotionEvent } from "./windows.server";

// Every change in a window is one append-only event, written by the one writer of the window's history.
export { recordPromotionEvent };

export type PersonRow = {
  id: string;
  name: string;
  linePath: string;
  level: string | null;
  teamId: string | null;
  managerId: string | null;
  deactivatedAt: Date | null;
};

const PERSON = {
  id: true,
  name: true,
  linePath: true,
  level: true,
  teamId: true,
  managerId: true,
  deactivatedAt: true,
} as const;

export type NominationFacts = {
  id: string;
  nomineeId: string;
  nominatedById: string;
  managerId: string | null;
  targetLevelId: string;
  targetTrackId: string;
  candidateNumber: number;
  statement: string;
  managerAddition: string;
  members: MemberFacts[];
  composition: Composition;
  /** Member id to when their ballot was submitted (null: a draft). */
  ballots: Map<string, Date | null>;
  decided: boolean;
  released: boolean;
};

export type WindowFacts = {
  window: {
    id: string;
    name: string;
    ladderId: string;
    ladderVersionId: string;
    state: string;
    effectiveOn: Date;
    nominationsOpenOn: Date;
    nominationsCloseOn: Date;
    redactedFirstRead: boolean;
    revision: number;
    meetingStartsAt: Date | null;
    meetingEndsAt: Date | null;
  };
  rules: CompositionRules;
  ladder: Ladder;
  /** The window's ladder in the reader's language with the texts it leaves in the source, to mark. */
  translated: TranslatedLadder;
  members: { personId: string; role: CommitteeRole }[];
  people: Map<string, PersonRow>;
  nominations: NominationFacts[];
};

function levelPlace(ladder: Ladder, levelId: string | null): LevelPlace | null {
  const level = levelId ? getLevel(ladder, levelId) : undefined;
  return level ? { trackId: level.trackId, rank: level.rank, band: level.band } : null;
}

/**
 * The window, its committee and its standing nominations, with who votes on whom; 404 for a window
 * that is not there. `language`: the reader's, for the ladder's texts the facts carry (level
 * titles, criteria).
 */
export async function loadWindowFacts(
  windowId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<WindowFacts> {
  const window = await db.promotionWindow.findUnique({
    where: { id: windowId },
    select: {
      id: true,
      name: true,
      ladderId: true,
      ladderVersionId: true,
      state: true,
      effectiveOn: true,
      nominationsOpenOn: true,
      nominationsCloseOn: true,
      redactedFirstRead: true,
      revision: true,
      meetingStartsAt: true,
      meetingEndsAt: true,
      minMembers: true,
      membersAtOrAbove: true,
      minOutsideMembers: true,
      members: { select: { personId: true, role: true }, orderBy: { createdAt: "asc" } },
      nominations: {
        where: { state: { not: "withdrawn" } },
        orderBy: { candidateNumber: "asc" },
        select: {
          id: true,
          nomineeId: true,
          nominatedById: true,
          managerId: true,
          targetLevelId: true,
          targetTrackId: true,
          candidateNumber: true,
          statement: true,
          managerAddition: true,
          ballots: { select: { memberId: true, submittedAt: true } },
          decision: { select: { releasedAt: true } },
        },
      },
    },
  });
  if (!window) throw new NotFoundError();
  const translated = await requireLadderOfVersionIn(window.ladderVersionId, language);
  const ladder = translated.ladder;
  const ids = [
    ...new Set([
      ...window.members.map((member) => member.personId),
      ...window.nominations.map((nomination) => nomination.nomineeId),
    ]),
  ];
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: PERSON });
  const people = new Map(rows.map((row) => [row.id, row]));
  const rules: CompositionRules = {
    minMembers: window.minMembers,
    membersAtOrAbove: window.membersAtOrAbove,
    minOutsideMembers: window.minOutsideMembers,
  };
  const members = window.members.map((member) => ({
    personId: member.personId,
    role: (member.role === "chair" ? "chair" : "member") as CommitteeRole,
  }));
  const nominations = window.nominations.map((nomination): NominationFacts => {
    const nominee = people.get(nomination.nomineeId) ?? { id: nomination.nomineeId, linePath: "/" };
    const target = levelPlace(ladder, nomination.targetLevelId);
    const memberFacts = members.flatMap((member): MemberFacts[] => {
      const person = people.get(member.personId);
      if (!person || person.deactivatedAt) return [];
      return [
        {
          personId: member.personId,
          role: member.role,
          inLine: inReportingLine(nominee, person),
          atOrAbove: levelAtOrAbove(levelPlace(ladder, person.level), target),
          outside: outsideOrganisation(nominee, person),
        },
      ];
    });
    return {
      id: nomination.id,
      nomineeId: nomination.nomineeId,
      nominatedById: nomination.nominatedById,
      managerId: nomination.managerId,
      targetLevelId: nomination.targetLevelId,
      targetTrackId: nomination.targetTrackId,
      candidateNumber: nomination.candidateNumber,
      statement: nomination.statement,
      managerAddition: nomination.managerAddition,
      members: memberFacts,
      composition: composition(rules, memberFacts),
      ballots: new Map(nomination.ballots.map((ballot) => [ballot.memberId, ballot.submittedAt])),
      decided: nomination.decision !== null,
      released: nomination.decision?.releasedAt != null,
    };
  });
  return {
    window: {
      id: window.id,
      name: window.name,
      ladderId: window.ladderId,
      ladderVersionId: window.ladderVersionId,
      state: window.state,
      effectiveOn: window.effectiveOn,
      nominationsOpenOn: window.nominationsOpenOn,
      nominationsCloseOn: window.nominationsCloseOn,
      redactedFirstRead: window.redactedFirstRead,
      revision: window.revision,
      meetingStartsAt: window.meetingStartsAt,
      meetingEndsAt: window.meetingEndsAt,
    },
    rules,
    ladder,
    translated,
    members,
    people,
    nominations,
  };
}

/** The viewer's standing on one nomination of the window. */
export function accessTo(
  facts: WindowFacts,
  viewer: Pick<Viewer, "id">,
  nomination: NominationFacts,
): NominationAccess {
  const member = facts.members.find((entry) => entry.personId === viewer.id);
  return {
    state: facts.window.state,
    isMember: member !== undefined,
    isChair: member?.role === "chair",
    isVoter: nomination.composition.voters.includes(viewer.id),
    ownSubmitted: nomination.ballots.get(viewer.id) != null,
    decided: nomination.decided,
    isNominee: nomination.nomineeId === viewer.id,
  };
}

/** Whether the viewer's read of a nominee is still their redacted first read (committee-policy's rule). */
export async function firstReadRedacted(
  viewer: Pick<Viewer, "id">,
  windowId: string,
  nominationId: string,
): Promise<boolean> {
  const facts = await loadWindowFacts(windowId);
  const nomination = facts.nominations.find((entry) => entry.id === nominationId);
  return (
    nomination !== undefined &&
    readsRedacted(facts.window.redactedFirstRead, accessTo(facts, viewer, nomination))
  );
}

/** A nomination of the window the viewer may read as the committee does; otherwise a 404, as if it were not there. */
export function requireCommitteeNomination(
  facts: WindowFacts,
  viewer: Viewer,
  nominationId: string,
): { nomination: NominationFacts; access: NominationAccess } {
  const nomination = facts.nominations.find((entry) => entry.id === nominationId);
  if (!nomination) throw new NotFoundError();
  const access = accessTo(facts, viewer, nomination);
  if (!canReadNominationForCommittee(viewer, access)) throw new NotFoundError();
  return { nomination, access };
}

/** The criteria of a target level in the window's ladder version: each competency with what the level expects. */
export function criteriaOf(
  ladder: Ladder,
  targetLevelId: string,
): { id: string; name: string; expectations: string[] }[] {
  return competenciesForLevel(ladder, targetLevelId).map((competency) => ({
    id: competency.id,
    name: competency.name,
    expectations: expectationsFor(ladder, targetLevelId, competency.id).map(
      (expectation) => expectation.text,
    ),
  }));
}

export type CommitteePage = {
  window: {
    id: string;
    name: string;
    state: string;
    rules: CompositionRules;
    redactedFirstRead: boolean;
  };
  canEdit: boolean;
  /** The committee's meeting, and whether the viewer may set, move or remove it. */
  meeting: { startsAt: Date | null; minutes: number | null; canChange: boolean };
  members: { personId: string; name: string; role: CommitteeRole }[];
  nominations: {
    id: string;
    nominee: string;
    target: string;
    members: { personId: string; reason: string | null; outside: boolean }[];
    problems: Composition["problems"];
  }[];
};

/**
 * The committee page: who sits on the window's committee and, for each nominee, who votes and what
 * the committee lacks. Admins, and the committee's own members; a 404 for anyone else.
 */
export async function committeePage(
  viewer: Viewer,
  windowId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<CommitteePage> {
  const facts = await loadWindowFacts(windowId, language);
  const isMember = facts.members.some((member) => member.personId === viewer.id);
  if (!canReadCommitteePage(viewer, { isMember })) throw new NotFoundError();
  const nameOf = (id: string) => facts.people.get(id)?.name ?? "";
  return {
    window: {
      id: facts.window.id,
      name: facts.window.name,
      state: facts.window.state,
      rules: facts.rules,
      redactedFirstRead: facts.window.redactedFirstRead,
    },
    canEdit: canNameMembers(viewer, facts.window.state),
    meeting: {
      startsAt: facts.window.meetingStartsAt,
      minutes:
        facts.window.meetingStartsAt && facts.window.meetingEndsAt
          ? Math.round(
              (facts.window.meetingEndsAt.getTime() - facts.window.meetingStartsAt.getTime()) /
                60000,
            )
          : null,
      canChange: canScheduleMeeting(viewer, {
        state: facts.window.state,
        isChair: isChair(facts, viewer),
      }),
    },
    members: facts.members.map((member) => ({
      personId: member.personId,
      name: nameOf(member.personId),
      role: member.role,
    })),
    nominations: facts.nominations.map((nomination) => {
      // A member still on a redacted first read learns neither the nominee nor, through who presents them, their manager.
      const redacted =
        !viewer.isAdmin &&
        readsRedacted(facts.window.redactedFirstRead, accessTo(facts, viewer, nomination));
      return {
        id: nomination.id,
        nominee: redacted ? `#${nomination.candidateNumber}` : nameOf(nomination.nomineeId),
        target: getLevel(facts.ladder, nomination.targetLevelId)?.title ?? nomination.targetLevelId,
        members: redacted
          ? []
          : nomination.members.map((member) => ({
              personId: member.personId,
              reason: notVotingReason(facts.rules, member),
              outside: member.outside,
            })),
        problems: nomination.composition.problems,
      };
    }),
  };
}

/** Names a person (by email) to the window's committee, as chair or member; a new chair replaces the one before. */
export async function nameMember(
  viewer: Viewer,
  windowId: string,
  input: { email: string; role: string },
): Promise<void> {
  const facts = await loadWindowFacts(windowId);
  if (!viewer.isAdmin) throw new NotFoundError();
  if (!canNameMembers(viewer, facts.window.state))
    throw new ConflictError({ key: "promotionsCommittee:errors.namingClosed" });
  const role: CommitteeRole = input.role === "chair" ? "chair" : "member";
  const email = input.email.trim().toLowerCase();
  if (!email) throw new InvalidError({ key: "promotionsCommittee:errors.emailNeeded" });
  const person = await db.user.findUnique({
    where: { email },
    select: { id: true, deactivatedAt: true },
  });
  if (!person)
    throw new InvalidError({ key: "promotionsCommittee:errors.noSuchPerson", values: { email } });
  const refusal = namingRefusal({
    deactivated: person.deactivatedAt !== null,
    isNominee: facts.nominations.some((nomination) => nomination.nomineeId === person.id),
    alreadyMember: facts.members.some((member) => member.personId === person.id),
  });
  if (refusal) throw new InvalidError({ key: refusal });
  await db.$transaction(async (tx) => {
    if (role === "chair")
      await tx.promotionCommitteeMember.updateMany({
        where: { windowId, role: "chair" },
        data: { role: "member" },
      });
    await tx.promotionCommitteeMember.create({ data: { windowId, personId: person.id, role } });
    await recordPromotionEvent(tx, {
      windowId,
      actorId: viewer.id,
      kind: "member-named",
      change: { member: [null, person.id], role: [null, role] },
    });
  });
}

/** Takes a member off the window's committee, while members are still being named. */
export async function removeMember(
  viewer: Viewer,
  windowId: string,
  personId: string,
): Promise<void> {
  const facts = await loadWindowFacts(windowId);
  if (!viewer.isAdmin) throw new NotFoundError();
  if (!canNameMembers(viewer, facts.window.state))
    throw new ConflictError({ key: "promotionsCommittee:errors.namingClosed" });
  if (!facts.members.some((member) => member.personId === personId)) throw new NotFoundError();
  await db.$transaction(async (tx) => {
    await tx.promotionCommitteeMember.delete({
      where: { windowId_personId: { windowId, personId } },
    });
    await recordPromotionEvent(tx, {
      windowId,
      actorId: viewer.id,
      kind: "member-removed",
      change: { member: [personId, null] },
    });
  });
}

function isChair(facts: WindowFacts, viewer: Pick<Viewer, "id">): boolean {
  return facts.members.some((member) => member.personId === viewer.id && member.role === "chair");
}

/**
 * The chair (or an admin) sets or moves the committee's meeting (null removes it) until it has begun;
 * the next notification pass sends, moves or cancels the members' calendar invitations. A member who
 * may not see the committee page learns nothing of it (a 404).
 */
export async function scheduleCommitteeMeeting(
  viewer: Viewer,
  windowId: string,
  meeting: { startsAt: Date; endsAt: Date } | null,
): Promise<void> {
  const facts = await loadWindowFacts(windowId);
  const isMember = facts.members.some((member) => member.personId === viewer.id);
  if (!viewer.isAdmin && !isMember) throw new NotFoundError();
  const refusal = meetingRefusal(viewer, {
    state: facts.window.state,
    isChair: isChair(facts, viewer),
  });
  if (refusal === "promotionsCommittee:errors.chairSetsMeeting")
    throw new ForbiddenError({ key: refusal });
  if (refusal) throw new ConflictError({ key: refusal });
  const before = facts.window.meetingStartsAt?.toISOString() ?? null;
  await db.$transaction(async (tx) => {
    await tx.promotionWindow.update({
      where: { id: windowId },
      data: {
        meetingStartsAt: meeting?.startsAt ?? null,
        meetingEndsAt: meeting?.endsAt ?? null,
        revision: { increment: 1 },
      },
    });
    await recordPromotionEvent(tx, {
      windowId,
      actorId: viewer.id,
      kind: "meeting",
      change: { meeting: [before, meeting?.startsAt.toISOString() ?? null] },
    });
  });
}

/**
 * Committee meetings still to come, with who sits on them (the chair and every member): what
 * calendar invitations are sent for (app/modules/notifications). A closed window's meeting is over.
 */
export async function upcomingCommitteeMeetings(now: Date) {
  const windows = await db.promotionWindow.findMany({
    where: { meetingStartsAt: { gt: now }, meetingEndsAt: { not: null }, state: { not: "closed" } },
    select: {
      id: true,
      name: true,
      meetingStartsAt: true,
      meetingEndsAt: true,
      members: { select: { personId: true } },
    },
  });
  return windows.map((window) => ({
    windowId: window.id,
    name: window.name,
    startsAt: window.meetingStartsAt!,
    endsAt: window.meetingEndsAt!,
    memberIds: window.members.map((member) => member.personId),
  }));
}

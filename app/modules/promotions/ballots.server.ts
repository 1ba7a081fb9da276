import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
/**
 * A member's independent read of one nominee: the packet (redacted on a first read when the window
 * asks it), their own ballot, and the other members' ballots only once their own is in.
 */
import { withSourceTexts, type SourceTexts } from "~/modules/ladders/translations";
import { db } from "~/db/client.server";
import { ConflictError, ForbiddenError, InvalidError } from "~/modules/errors";
import type { Viewer } from "~/modules/identity/policy";
import { getLevel } from "~/modules/ladders";
import * as clock from "~/platform/clock.server";
import { activeSponsorsOf } from "~/modules/sponsorship/sponsorship.server";
import type { Advocacy } from "~/modules/sponsorship/policy";
import {
  canReadOthersBallots,
  canVote,
  isMark,
  readsRedacted,
  type Mark,
} from "./committee-policy";
import {
  criteriaOf,
  loadWindowFacts,
  recordPromotionEvent,
  requireCommitteeNomination,
  type NominationFacts,
  type WindowFacts,
} from "./committee.server";
import { canReadSponsorshipInPacket } from "./policy";
import { identifyingWords, redact } from "./redaction";

export type BallotMarks = Record<string, { mark: Mark | null; note: string }>;

export type BallotPage = {
  window: { id: string; name: string; state: string };
  nomination: { id: string; candidateNumber: number; target: string };
  /** Null on a redacted read: the candidate number stands for them. */
  nominee: { name: string; team: string | null; manager: string | null } | null;
  redacted: boolean;
  statement: string;
  managerAddition: string;
  /**
   * Who actively sponsors the nominee, for what and until when. On a redacted read the sponsor is not
   * named (whom someone sponsors is known around them, as who manages whom is) and a role's words are
   * redacted like the packet's.
   */
  sponsorships: {
    sponsorName: string | null;
    advocacy: Advocacy;
    target: string;
    until: Date;
    nominator: boolean;
  }[];
  criteria: {
    id: string;
    name: string;
    expectations: string[];
    nomineeCase: string;
    managerCase: string;
    evidence: string[];
  }[];
  packetSubmitted: boolean;
  own: { marks: BallotMarks; submitted: boolean; revision: number } | null;
  /** The ladder texts shown in the source, where the reader's translation lacks them (decision 124). */
  sourceTexts?: SourceTexts;
  canVote: boolean;
  /** The other members' submitted ballots; null while the viewer may not read them. */
  others: { member: string; marks: BallotMarks }[] | null;
};

type EvidenceItem = { kind?: unknown; text?: unknown; date?: unknown };

function evidenceTexts(json: string): string[] {
  try {
    const items = JSON.parse(json) as unknown;
    if (!Array.isArray(items)) return [];
    return items.flatMap((item: EvidenceItem) =>
      typeof item?.text === "string" && item.text ? [item.text] : [],
    );
  } catch {
    return [];
  }
}

function marksOf(
  votes: readonly { competencyId: string; mark: string; note: string }[],
): BallotMarks {
  return Object.fromEntries(
    votes.map((vote) => [
      vote.competencyId,
      { mark: isMark(vote.mark) ? vote.mark : null, note: vote.note },
    ]),
  );
}

/** The nominee's name, their manager's and their team's, as the committee reads them (and a redacted read hides them): one read of the manager and the nominee. */
async function identityOf(
  facts: WindowFacts,
  nomination: NominationFacts,
): Promise<{ name: string; manager: string | null; team: string | null }> {
  const nominee = facts.people.get(nomination.nomineeId);
  const rows = await db.user.findMany({
    where: {
      id: { in: [nomination.nomineeId, ...(nomination.managerId ? [nomination.managerId] : [])] },
    },
    select: { id: true, name: true, team: { select: { name: true } } },
  });
  const manager = rows.find((row) => row.id === nomination.managerId);
  const team = rows.find((row) => row.id === nomination.nomineeId)?.team;
  return { name: nominee?.name ?? "", manager: manager?.name ?? null, team: team?.name ?? null };
}

export async function ballotPage(
  viewer: Viewer,
  windowId: string,
  nominationId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<BallotPage> {
  const facts = await loadWindowFacts(windowId, language);
  const { nomination, access } = requireCommitteeNomination(facts, viewer, nominationId);
  const redacted = readsRedacted(facts.window.redactedFirstRead, access);
  // The submitted packet still in force and every ballot, in one read of the nomination.
  const [{ packets, ballots }, identity, sponsors] = await Promise.all([
    db.promotionNomination.findUniqueOrThrow({
      where: { id: nominationId },
      select: {
        packets: {
          where: { submittedAt: { not: null }, amendedBy: null },
          take: 1,
          select: {
            cases: {
              select: { competencyId: true, nomineeCase: true, managerCase: true, evidence: true },
            },
          },
        },
        ballots: {
          select: {
            memberId: true,
            submittedAt: true,
            revision: true,
            votes: { select: { competencyId: true, mark: true, note: true } },
          },
        },
      },
    }),
    identityOf(facts, nomination),
    activeSponsorsOf(nomination.nomineeId, undefined, language),
  ]);
  const packet = packets[0] ?? null;
  const words = identifyingWords([identity.name, identity.manager, identity.team]);
  const label = `#${nomination.candidateNumber}`;
  const shown = (text: string) => (redacted ? redact(text, words, label) : text);
  const cases = new Map((packet?.cases ?? []).map((entry) => [entry.competencyId, entry]));
  const own = ballots.find((ballot) => ballot.memberId === viewer.id);
  const others = canReadOthersBallots(viewer, access)
    ? ballots
        .filter((ballot) => ballot.memberId !== viewer.id && ballot.submittedAt !== null)
        .map((ballot) => ({
          member: facts.people.get(ballot.memberId)?.name ?? "",
          marks: marksOf(ballot.votes),
        }))
    : null;
  return withSourceTexts(
    {
      window: { id: facts.window.id, name: facts.window.name, state: facts.window.state },
      nomination: {
        id: nomination.id,
        candidateNumber: nomination.candidateNumber,
        target: getLevel(facts.ladder, nomination.targetLevelId)?.title ?? nomination.targetLevelId,
      },
      nominee: redacted ? null : identity,
      redacted,
      statement: shown(nomination.statement),
      managerAddition: shown(nomination.managerAddition),
      sponsorships: sponsors
        .filter((sponsorship) =>
          canReadSponsorshipInPacket(viewer, {
            nomineeId: nomination.nomineeId,
            sponsorId: sponsorship.sponsorId,
            isCommittee: access.isMember,
            packetSubmitted: packet !== null,
          }),
        )
        .map((sponsorship) => ({
          sponsorName: redacted ? null : sponsorship.sponsorName,
          advocacy: sponsorship.advocacy,
          target: shown(sponsorship.target),
          until: sponsorship.until,
          nominator: sponsorship.sponsorId === nomination.nominatedById,
        })),
      criteria: criteriaOf(facts.ladder, nomination.targetLevelId).map((criterion) => {
        const entry = cases.get(criterion.id);
        return {
          ...criterion,
          nomineeCase: shown(entry?.nomineeCase ?? ""),
          managerCase: shown(entry?.managerCase ?? ""),
          evidence: evidenceTexts(entry?.evidence ?? "[]").map(shown),
        };
      }),
      packetSubmitted: packet !== null,
      own: own
        ? { marks: marksOf(own.votes), submitted: own.submittedAt !== null, revision: own.revision }
        : null,
      canVote: canVote(access),
      others,
    },
    facts.translated,
  );
}

export const MAX_NOTE = 2000;

export type BallotInput = {
  marks: Record<string, string>;
  notes: Record<string, string>;
  submit: boolean;
  revision: number | null;
};

/**
 * Saves the member's ballot on a nominee, as a draft or submitted. A submitted ballot needs a mark on
 * every criterion and never changes after; a save from a stale copy (another tab) is refused.
 */
export async function saveBallot(
  viewer: Viewer,
  windowId: string,
  nominationId: string,
  input: BallotInput,
): Promise<void> {
  const facts = await loadWindowFacts(windowId);
  const { nomination, access } = requireCommitteeNomination(facts, viewer, nominationId);
  if (!canVote(access))
    throw new ForbiddenError({
      key: access.isVoter
        ? "promotionsCommittee:errors.votingClosed"
        : "promotionsCommittee:errors.notAVoter",
    });
  if (access.ownSubmitted)
    throw new ConflictError({ key: "promotionsCommittee:errors.ballotSubmitted" });
  const criteria = criteriaOf(facts.ladder, nomination.targetLevelId);
  const votes = criteria.flatMap((criterion) => {
    const mark = input.marks[criterion.id] ?? "";
    const note = (input.notes[criterion.id] ?? "").trim();
    if (mark && !isMark(mark))
      throw new InvalidError({ key: "promotionsCommittee:errors.unknownMark" });
    if (note.length > MAX_NOTE)
      throw new InvalidError({
        key: "promotionsCommittee:errors.noteTooLong",
        values: { max: MAX_NOTE },
      });
    return mark ? [{ competencyId: criterion.id, mark, note }] : [];
  });
  if (input.submit && votes.length < criteria.length)
    throw new InvalidError({ key: "promotionsCommittee:errors.markEvery" });
  const now = clock.now();
  const redacted = facts.window.redactedFirstRead && !access.ownSubmitted;
  await db.$transaction(async (tx) => {
    const existing = await tx.promotionBallot.findUnique({
      where: { nominationId_memberId: { nominationId, memberId: viewer.id } },
      select: { id: true, revision: true, submittedAt: true },
    });
    if (
      existing &&
      (existing.submittedAt || (input.revision !== null && existing.revision !== input.revision))
    )
      throw new ConflictError({ key: "promotionsCommittee:errors.ballotChanged" });
    const ballot = existing
      ? await tx.promotionBallot.update({
          where: { id: existing.id },
          data: { revision: { increment: 1 }, submittedAt: input.submit ? now : null },
          select: { id: true },
        })
      : await tx.promotionBallot.create({
          data: {
            nominationId,
            memberId: viewer.id,
            redacted,
            submittedAt: input.submit ? now : null,
          },
          select: { id: true },
        });
    await tx.promotionVote.deleteMany({ where: { ballotId: ballot.id } });
    if (votes.length)
      await tx.promotionVote.createMany({
        data: votes.map((vote) => ({ ballotId: ballot.id, ...vote })),
      });
    // The event says that a ballot is in, never what it says: the history is read more widely than ballots.
    if (input.submit)
      await recordPromotionEvent(tx, {
        windowId,
        nominationId,
        actorId: viewer.id,
        kind: "ballot-submitted",
        change: { submitted: [false, true], redacted: [null, redacted] },
        at: now,
      });
  });
}

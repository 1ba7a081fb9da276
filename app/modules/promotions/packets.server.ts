import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { withSourceTextsOf } from "~/modules/ladders/translations";
import { db } from "~/db/client.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import { getLevel } from "~/modules/ladders/lookups";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import { MOVES } from "~/modules/people/level-history.server";
import { atLevelSince } from "~/modules/people/level-since";
import * as clock from "~/platform/clock.server";
import { activeSponsorsOf } from "~/modules/sponsorship/sponsorship.server";
import { chooseEvidence, offerFor, storedEvidence, type EvidenceItem } from "./evidence";
import { evidenceOnOffer } from "./evidence.server";
import type { CaseInput } from "./forms";
import { accessOf, ACCESS_FIELDS, nominationAccess, stillRedactedFor } from "./nominations.server";
import { releasedOutcomesOf } from "./queries.server";
import {
  canAddToNomination,
  canAmendPacket,
  canReadNomination,
  canReadPacket,
  canReadSponsorshipInPacket,
  canWithdrawNomination,
  canWritePacket,
  packetAuthorRole,
  type PromotionViewer,
} from "./policy";
import { known, NOMINATION_STATES, type RecordedOutcome } from "./history";
import { NOMINATION_KINDS, WINDOW_STATES } from "./policy";
import { criteriaOf, criterionToWrite } from "./targets";

const OUTCOMES: readonly RecordedOutcome[] = ["promote", "stay", "not-ready", "not-yet"];
import { recordPromotionEvent } from "./windows.server";

/** A nomination's packets from the first to the latest, each amendment after the packet it corrects (whatever their clocks say). */
function inAmendmentOrder<T extends { id: string; amendsId: string | null }>(
  packets: readonly T[],
): T[] {
  const ordered: T[] = [];
  for (
    let next = packets.find((packet) => packet.amendsId === null);
    next;
    next = packets.find((packet) => packet.amendsId === ordered.at(-1)!.id)
  )
    ordered.push(next);
  return ordered;
}

const PACKET_FIELDS = {
  id: true,
  amendsId: true,
  amendmentReason: true,
  revision: true,
  submittedAt: true,
  ladderVersionId: true,
  targetLevelId: true,
  cases: { select: { competencyId: true, nomineeCase: true, managerCase: true, evidence: true } },
} as const;

/**
 * A nomination's page for one reader (policy.ts): the nomination itself, and for those who may read
 * it the packet: per criterion (each competency of the target level, with what it expects) the
 * case and the evidence chosen, the gaps where none is, the nominee's record (time in level, past
 * outcomes released to them), the nominee's active sponsorships to those who may read them, and
 * for its authors, one criterion at a time (`asked`, else the first without their case), what Rungs
 * holds that they may add. The window's committee reads the latest submitted packet only. Anyone
 * else: a 404.
 */
export async function nominationPage(
  viewer: PromotionViewer,
  nominationId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
  asked: string | null = null,
) {
  // Read once with what its rules need; what it says is shown only once they allow it.
  const nomination = await db.promotionNomination.findUnique({
    where: { id: nominationId },
    select: {
      ...ACCESS_FIELDS,
      kind: true,
      statement: true,
      managerAddition: true,
      managerAddedAt: true,
      levelId: true,
      targetLevelId: true,
      createdAt: true,
      packets: { select: PACKET_FIELDS },
      window: {
        select: {
          ...ACCESS_FIELDS.window.select,
          id: true,
          name: true,
          ladderVersionId: true,
          nominationsCloseOn: true,
          packetsDueOn: true,
        },
      },
    },
  });
  if (!nomination) throw new NotFoundError({ key: "promotions:errors.noSuchNomination" });
  const access = await accessOf(nomination);
  const packets = inAmendmentOrder(nomination.packets);
  const submitted = packets.filter((packet) => packet.submittedAt !== null);
  const redacted = await stillRedactedFor(viewer, access);
  if (!canReadNomination(viewer, access, submitted.length > 0, redacted))
    throw new NotFoundError({ key: "promotions:errors.noSuchNomination" });
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [access.nomineeId, access.nominatedById] } },
        select: {
          id: true,
          name: true,
          levelSince: true,
          createdAt: true,
          // The last move, in the same statement, for the nominee's time at their level.
          levelChanges: {
            where: MOVES,
            orderBy: [{ changedAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { changedAt: true },
          },
        },
      })
    ).map((person) => [person.id, person]),
  );
  const windowLadder = await requireLadderOfVersionIn(nomination.window.ladderVersionId, language);
  const ladder = windowLadder.ladder;
  const role = packetAuthorRole(viewer, access);
  const readsDrafts =
    viewer.isAdmin || viewer.id === access.nomineeId || access.managerChain.includes(viewer.id);
  const readsPacket = canReadPacket(viewer, access, submitted.length > 0, redacted);
  // A nomination may have no packet at all (none started for it): nothing to show.
  const shown = !readsPacket ? null : ((readsDrafts ? packets.at(-1) : submitted.at(-1)) ?? null);
  const writable =
    shown !== null &&
    shown.submittedAt === null &&
    role !== null &&
    (shown.amendsId
      ? canAmendPacket(viewer, access, access.windowState)
      : canWritePacket(viewer, access, access.windowState));
  const packetTranslated = shown
    ? await requireLadderOfVersionIn(shown.ladderVersionId, language)
    : windowLadder;
  const packetLadder = packetTranslated.ladder;
  const cases = new Map(shown?.cases.map((item) => [item.competencyId, item]));
  const criteria = (shown ? criteriaOf(packetLadder, shown.targetLevelId) : []).map((criterion) => {
    const stored = cases.get(criterion.competencyId);
    return {
      ...criterion,
      nomineeCase: stored?.nomineeCase ?? "",
      managerCase: stored?.managerCase ?? "",
      chosen: storedEvidence(stored?.evidence ?? "[]"),
    };
  });
  // The author's own words on each criterion: a manager's, or the nominee's.
  const ownCase = (criterion: (typeof criteria)[number]) =>
    role === "manager" ? criterion.managerCase : role === "nominee" ? criterion.nomineeCase : "";
  // One criterion is written at a time: only its evidence is gathered and offered.
  const open = writable
    ? criterionToWrite(
        criteria.map((criterion) => ({
          competencyId: criterion.competencyId,
          ownCase: ownCase(criterion),
        })),
        asked,
      )
    : null;
  const offer = open !== null ? await evidenceOnOffer(access.nomineeId, [open], now) : [];
  const nominee = people.get(access.nomineeId)!;
  const packetSubmitted = submitted.length > 0;
  const sponsorships = (await activeSponsorsOf(access.nomineeId, now, language))
    .filter((sponsorship) =>
      canReadSponsorshipInPacket(viewer, {
        nomineeId: access.nomineeId,
        sponsorId: sponsorship.sponsorId,
        isCommittee: access.committeeIds.includes(viewer.id),
        packetSubmitted,
      }),
    )
    .map(({ sponsorId, ...sponsorship }) => ({
      ...sponsorship,
      nominator: sponsorId === access.nominatedById,
    }));
  const page = {
    nomination: {
      id: nominationId,
      kind: known(NOMINATION_KINDS, nomination.kind, "sponsor"),
      state: known(NOMINATION_STATES, access.state, "nominated"),
      nomineeName: nominee.name,
      nominatedByName: people.get(access.nominatedById)?.name ?? "",
      statement: nomination.statement,
      managerAddition: nomination.managerAddition,
      managerAddedAt: nomination.managerAddedAt,
      // The nominee's level is their record's: packet readers only, not a sponsor.
      fromTitle:
        readsPacket && nomination.levelId
          ? (getLevel(ladder, nomination.levelId)?.title ?? nomination.levelId)
          : null,
      targetTitle: getLevel(ladder, nomination.targetLevelId)?.title ?? nomination.targetLevelId,
      createdAt: nomination.createdAt,
    },
    window: {
      id: nomination.window.id,
      name: nomination.window.name,
      state: known(WINDOW_STATES, nomination.window.state, "closed"),
      nominationsCloseOn: nomination.window.nominationsCloseOn,
      packetsDueOn: nomination.window.packetsDueOn,
    },
    role,
    can: {
      add: canAddToNomination(viewer, access, access.windowState),
      withdraw: canWithdrawNomination(viewer, access, access.windowState),
      write: writable,
      amend:
        shown !== null &&
        shown.submittedAt !== null &&
        shown === packets.at(-1) &&
        canAmendPacket(viewer, access, access.windowState),
    },
    packet: shown
      ? {
          id: shown.id,
          revision: shown.revision,
          submittedAt: shown.submittedAt,
          amendmentReason: shown.amendmentReason,
          // How many versions the reader may read; the page says the count, and earlier versions' reasons stay with them.
          versionCount: (readsDrafts ? packets : submitted).length,
          criteria: criteria.map((criterion) => ({
            ...criterion,
            gap: criterion.chosen.length === 0,
            open: criterion.competencyId === open,
            // Whether the reader, an author, has written their own case for it.
            ownCaseWritten: ownCase(criterion).trim() !== "",
            offered:
              role && criterion.competencyId === open
                ? offerFor(role, offer, criterion.competencyId).filter(
                    (item) => !criterion.chosen.some((kept) => kept.ref === item.ref),
                  )
                : [],
          })),
        }
      : null,
    record: readsPacket ? await nomineeRecord(nominee) : null,
    /** Who actively sponsors the nominee, for what and until when; `nominator`: the sponsor made this nomination. */
    sponsorships,
  };
  // The ladder texts the reader's translation lacks, each part by its own version's, to mark (decision 124).
  return withSourceTextsOf(page, [
    { data: page.nomination, translated: windowLadder },
    { data: page.packet ?? {}, translated: packetTranslated },
  ]);
}

/** Time at the current level, and outcomes released to the nominee: calibration's and promotion committees'. */
async function nomineeRecord(nominee: {
  id: string;
  levelSince: Date | null;
  createdAt: Date;
  levelChanges: { changedAt: Date }[];
}) {
  const released = await releasedOutcomesOf(nominee.id);
  return {
    // As the person's own page reads it: a level since given late counts from its day, not from when it was written.
    atLevelSince: atLevelSince({
      levelSince: nominee.levelSince,
      movedAt: nominee.levelChanges[0]?.changedAt ?? null,
      createdAt: nominee.createdAt,
    }),
    outcomes: released.map(({ source, name, outcome, on }) => ({
      source,
      name,
      outcome: known(OUTCOMES, outcome, source === "calibration" ? "stay" : "not-yet"),
      on,
    })),
  };
}

/** A packet of this nomination (the page's, from its address), one its author may still write; a packet of another nomination is not found. */
async function requireWritablePacket(
  viewer: PromotionViewer,
  nominationId: string,
  packetId: string,
) {
  const packet = await db.promotionPacket.findFirst({
    where: { id: packetId, nominationId },
    select: { ...PACKET_FIELDS, nominationId: true },
  });
  if (!packet) throw new NotFoundError({ key: "promotions:errors.noSuchNomination" });
  const access = await nominationAccess(packet.nominationId);
  // An unsubmitted packet: no committee member reads it, redacted or not.
  if (!canReadPacket(viewer, access, false, false))
    throw new NotFoundError({ key: "promotions:errors.noSuchNomination" });
  const role = packetAuthorRole(viewer, access);
  const allowed = packet.amendsId
    ? canAmendPacket(viewer, access, access.windowState)
    : canWritePacket(viewer, access, access.windowState);
  if (!role || !allowed) throw new ForbiddenError({ key: "promotions:errors.cannotWritePacket" });
  if (packet.submittedAt) throw new ConflictError({ key: "promotions:errors.packetSubmitted" });
  return { packet, access, role };
}

/**
 * The nominee or their manager writes one criterion's case (each their own words) and chooses its
 * evidence from what they have on offer; from a stale copy (another tab, the other author), a
 * conflict and nothing written. Answers the packet's new revision.
 */
export async function saveCase(
  viewer: PromotionViewer,
  nominationId: string,
  packetId: string,
  input: CaseInput,
  now = clock.now(),
): Promise<number> {
  const { packet, access, role } = await requireWritablePacket(viewer, nominationId, packetId);
  const stored = packet.cases.find((item) => item.competencyId === input.competencyId);
  if (!stored) throw new InvalidError({ key: "promotions:errors.notACriterion" });
  const offered: EvidenceItem[] = offerFor(
    role,
    await evidenceOnOffer(access.nomineeId, [input.competencyId], now),
    input.competencyId,
  );
  const chosen = chooseEvidence(input.evidence, offered, storedEvidence(stored.evidence));
  if (chosen === null) throw new InvalidError({ key: "promotions:errors.unknownEvidence" });
  await db.$transaction(async (tx) => {
    const bumped = await tx.promotionPacket.updateMany({
      where: { id: packetId, revision: input.revision, submittedAt: null },
      data: { revision: { increment: 1 } },
    });
    if (bumped.count !== 1)
      throw new ConflictError({ key: "promotions:errors.packetChangedMeanwhile" });
    await tx.promotionCase.update({
      where: { packetId_competencyId: { packetId, competencyId: input.competencyId } },
      data: {
        [role === "nominee" ? "nomineeCase" : "managerCase"]: input.text,
        evidence: JSON.stringify(chosen),
      },
    });
  });
  return input.revision + 1;
}

/** The packet goes to the committee as it is: from now on it never changes (an amendment corrects it). */
export async function submitPacket(
  viewer: PromotionViewer,
  nominationId: string,
  packetId: string,
  revision: number,
  now = clock.now(),
): Promise<void> {
  const { packet, access } = await requireWritablePacket(viewer, nominationId, packetId);
  await db.$transaction(async (tx) => {
    const written = await tx.promotionPacket.updateMany({
      where: { id: packetId, revision, submittedAt: null },
      data: { submittedAt: now, submittedById: viewer.id },
    });
    if (written.count !== 1)
      throw new ConflictError({ key: "promotions:errors.packetChangedMeanwhile" });
    await recordPromotionEvent(tx, {
      windowId: access.windowId,
      nominationId: access.id,
      actorId: viewer.id,
      kind: packet.amendsId ? "amendment-submitted" : "packet-submitted",
      change: {
        packet: [packet.amendsId, packet.id],
        gaps: [
          null,
          packet.cases.filter((item) => storedEvidence(item.evidence).length === 0).length,
        ],
      },
      at: now,
    });
  });
}

/** A correction of a submitted packet: a new draft that amends it, starting from its cases, on the same ladder version. */
export async function amendPacket(
  viewer: PromotionViewer,
  nominationId: string,
  reason: string,
  now = clock.now(),
): Promise<string> {
  const access = await nominationAccess(nominationId);
  if (!canReadPacket(viewer, access, true, await stillRedactedFor(viewer, access)))
    throw new NotFoundError({ key: "promotions:errors.noSuchNomination" });
  if (!canAmendPacket(viewer, access, access.windowState))
    throw new ForbiddenError({ key: "promotions:errors.cannotWritePacket" });
  const latest = inAmendmentOrder(
    await db.promotionPacket.findMany({
      where: { nominationId },
      select: { ...PACKET_FIELDS, targetTrackId: true },
    }),
  ).at(-1)!;
  if (!latest.submittedAt) throw new ConflictError({ key: "promotions:errors.amendmentOpen" });
  return db.$transaction(async (tx) => {
    const amendment = await tx.promotionPacket.create({
      data: {
        nominationId,
        amendsId: latest.id,
        amendmentReason: reason,
        ladderVersionId: latest.ladderVersionId,
        targetTrackId: latest.targetTrackId,
        targetLevelId: latest.targetLevelId,
        createdAt: now,
        cases: {
          create: latest.cases.map((item) => ({
            competencyId: item.competencyId,
            nomineeCase: item.nomineeCase,
            managerCase: item.managerCase,
            evidence: item.evidence,
          })),
        },
      },
      select: { id: true },
    });
    await recordPromotionEvent(tx, {
      windowId: access.windowId,
      nominationId,
      actorId: viewer.id,
      kind: "amendment-started",
      change: { packet: [latest.id, amendment.id] },
      reason,
      at: now,
    });
    return amendment.id;
  });
}

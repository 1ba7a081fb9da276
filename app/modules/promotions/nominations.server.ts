import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { Message } from "~/i18n/messages";
import { getLevel } from "~/modules/ladders/lookups";
import {
  requireLadderOfVersion,
  requireLadderOfVersionIn,
} from "~/modules/ladders/versions.server";
import { managerChain, reportsUnder } from "~/modules/people/reporting-line.server";
import * as clock from "~/platform/clock.server";
import type { NominationInput } from "./forms";
import {
  canAddToNomination,
  canReadNomination,
  canWithdrawNomination,
  nominationKind,
  nominationRefusal,
  nomineeLevelsShown,
  takesNominations,
  type NominationAccess,
  type NominationKind,
  type PromotionViewer,
} from "./policy";
import { firstReadRedacted } from "./committee.server";
import { known, NOMINATION_STATES } from "./history";
import { NOMINATION_KINDS } from "./policy";
import { allSettings, settingsFor } from "./settings.server";
import { criteriaOf, onWindowLadder, promotionTargets } from "./targets";
import { recordPromotionEvent, requireWindow } from "./windows.server";
import { activelySponsors } from "~/modules/sponsorship/sponsorship.server";
import { freeTextProblem } from "~/utils/free-text";

type Tx = Prisma.TransactionClient;

/** A new nomination's packet: a draft with an empty case for each criterion, on the window's ladder version. */
async function createNomination(
  tx: Tx,
  input: {
    windowId: string;
    ladderVersionId: string;
    nominee: { id: string; track: string | null; level: string | null; managerId: string | null };
    kind: NominationKind;
    nominatedById: string;
    target: { trackId: string; levelId: string };
    statement: string;
    calibrationEntryId?: string;
    now: Date;
  },
  competencyIds: readonly string[],
): Promise<string> {
  const last = await tx.promotionNomination.findFirst({
    where: { windowId: input.windowId },
    orderBy: { candidateNumber: "desc" },
    select: { candidateNumber: true },
  });
  const nomination = await tx.promotionNomination.create({
    data: {
      windowId: input.windowId,
      nomineeId: input.nominee.id,
      kind: input.kind,
      nominatedById: input.nominatedById,
      trackId: input.nominee.track,
      levelId: input.nominee.level,
      managerId: input.nominee.managerId,
      targetTrackId: input.target.trackId,
      targetLevelId: input.target.levelId,
      statement: input.statement,
      calibrationEntryId: input.calibrationEntryId ?? null,
      candidateNumber: (last?.candidateNumber ?? 0) + 1,
      createdAt: input.now,
      packets: {
        create: {
          ladderVersionId: input.ladderVersionId,
          targetTrackId: input.target.trackId,
          targetLevelId: input.target.levelId,
          createdAt: input.now,
          cases: { create: competencyIds.map((competencyId) => ({ competencyId })) },
        },
      },
    },
    select: { id: true },
  });
  await recordPromotionEvent(tx, {
    windowId: input.windowId,
    nominationId: nomination.id,
    actorId: input.nominatedById,
    kind: "nominated",
    change: { kind: [null, input.kind], target: [input.nominee.level, input.target.levelId] },
    at: input.now,
  });
  return nomination.id;
}

export type NominateResult =
  { ok: true; nominationId: string } | { ok: false; fieldErrors: Record<string, Message[]> };

/**
 * The person nominates themselves, their manager chain nominates them, or anyone else sponsors
 * them (nominee by email), for a level of the window's ladder with a statement; the rules are
 * policy.ts's. Their manager sees it on their to-do list and may add to it.
 */
export async function nominate(
  viewer: PromotionViewer,
  input: NominationInput,
  now = clock.now(),
): Promise<NominateResult> {
  const window = await requireWindow(input.windowId);
  const email = input.nomineeEmail.toLowerCase();
  const [nominee, settingsRows] = await Promise.all([
    db.user.findFirst({
      where: email ? { email, deactivatedAt: null } : { id: viewer.id },
      select: {
        id: true,
        ladderId: true,
        track: true,
        level: true,
        managerId: true,
        deactivatedAt: true,
      },
    }),
    allSettings(),
  ]);
  const settings = settingsFor(window.ladderId, settingsRows);
  const windowOpen = takesNominations(window, now);
  if (!nominee)
    // An address nobody active has is answered as anyone's nomination of a person they do not
    // sponsor: one answer for both, so the form tells an outsider nothing of who works here.
    throw new InvalidError(
      nominationRefusal({
        kind: "sponsor",
        selfNomination: settings.selfNomination,
        sponsorNomination: settings.sponsorNomination,
        sponsorsNominee: false,
        windowOpen,
        nomineeActive: false,
        nomineeOnLadder: false,
        targetAllowed: false,
        alreadyNominated: false,
        waitingForLaterWindow: false,
      })!,
    );
  const [chain, ladder, existing, notYet, sponsors] = await Promise.all([
    managerChain(nominee.id),
    requireLadderOfVersion(window.ladderVersionId),
    db.promotionNomination.findUnique({
      where: { windowId_nomineeId: { windowId: window.id, nomineeId: nominee.id } },
      select: { id: true },
    }),
    db.promotionDecision.findMany({
      where: {
        outcome: "not-yet",
        nextWindowId: { not: null },
        nomination: { nomineeId: nominee.id },
      },
      select: { nextWindowId: true },
    }),
    activelySponsors(viewer.id, nominee.id, now),
  ]);
  const kind = nominationKind(viewer.id, { id: nominee.id, managerChain: chain });
  const waitUntil = notYet.length
    ? await db.promotionWindow.findMany({
        where: { id: { in: notYet.map((row) => row.nextWindowId!) } },
        select: { nominationsOpenOn: true },
      })
    : [];
  const target = getLevel(ladder, input.targetLevelId);
  const onLadder = onWindowLadder(ladder, window.ladderId, nominee);
  const refusal = nominationRefusal({
    kind,
    selfNomination: settings.selfNomination,
    sponsorNomination: settings.sponsorNomination,
    sponsorsNominee: sponsors,
    windowOpen,
    nomineeActive: nominee.deactivatedAt === null,
    nomineeOnLadder: onLadder,
    targetAllowed:
      target !== undefined &&
      promotionTargets(ladder, nominee.level).some((level) => level.id === target.id),
    alreadyNominated: existing !== null,
    waitingForLaterWindow: waitUntil.some(
      (later) => later.nominationsOpenOn.getTime() > window.nominationsOpenOn.getTime(),
    ),
  });
  if (refusal) throw new InvalidError(refusal);
  const nominationId = await db.$transaction((tx) =>
    createNomination(
      tx,
      {
        windowId: window.id,
        ladderVersionId: window.ladderVersionId,
        nominee,
        kind,
        nominatedById: viewer.id,
        target: { trackId: target!.trackId, levelId: target!.id },
        statement: input.statement,
        now,
      },
      criteriaOf(ladder, target!.id).map((criterion) => criterion.competencyId),
    ),
  );
  return { ok: true, nominationId };
}

/** A calibration "promote" outcome into a window: the facilitator's record is its statement, and nobody decides it twice. */
export async function nominateFromCalibration(
  tx: Tx,
  outcome: {
    entryId: string;
    personId: string;
    finalLevelId: string;
    rationale: string;
    facilitatorId: string;
  },
  window: { id: string; ladderVersionId: string },
  now: Date,
): Promise<boolean> {
  const ladder = await requireLadderOfVersion(window.ladderVersionId);
  const target = getLevel(ladder, outcome.finalLevelId);
  const nominee = await tx.user.findUnique({
    where: { id: outcome.personId },
    select: { id: true, track: true, level: true, managerId: true, deactivatedAt: true },
  });
  if (!target || !nominee || nominee.deactivatedAt) return false;
  if (
    await tx.promotionNomination.findUnique({
      where: { windowId_nomineeId: { windowId: window.id, nomineeId: nominee.id } },
      select: { id: true },
    })
  )
    return false;
  await createNomination(
    tx,
    {
      windowId: window.id,
      ladderVersionId: window.ladderVersionId,
      nominee,
      kind: "calibration",
      nominatedById: outcome.facilitatorId,
      target: { trackId: target.trackId, levelId: target.id },
      statement: outcome.rationale,
      calibrationEntryId: outcome.entryId,
      now,
    },
    criteriaOf(ladder, target.id).map((criterion) => criterion.competencyId),
  );
  return true;
}

/** The fields of a nomination its rules need (`accessOf`); a page that reads more selects these besides. */
export const ACCESS_FIELDS = {
  id: true,
  windowId: true,
  nomineeId: true,
  nominatedById: true,
  state: true,
  // The window's committee comes in the same statement: every rule of a nomination asks it.
  window: { select: { state: true, members: { select: { personId: true } } } },
} as const;

type AccessRow = Prisma.PromotionNominationGetPayload<{ select: typeof ACCESS_FIELDS }>;

/** A nomination with what its rules need: the nominee's manager chain now, the window's committee. */
export async function nominationAccess(nominationId: string) {
  const row = await db.promotionNomination.findUnique({
    where: { id: nominationId },
    select: ACCESS_FIELDS,
  });
  if (!row) throw new NotFoundError({ key: "promotions:errors.noSuchNomination" });
  return accessOf(row);
}

/** `nominationAccess` of a nomination already read with ACCESS_FIELDS. */
export async function accessOf(
  row: AccessRow,
): Promise<
  NominationAccess & { id: string; windowId: string; state: string; windowState: string }
> {
  const chain = await managerChain(row.nomineeId);
  return {
    id: row.id,
    windowId: row.windowId,
    nomineeId: row.nomineeId,
    nominatedById: row.nominatedById,
    state: row.state,
    windowState: row.window.state,
    managerChain: chain,
    committeeIds: row.window.members.map((member) => member.personId),
  };
}

/** Whether a committee member's read of this nominee is still their redacted first read (false for anyone else). */
export async function stillRedactedFor(
  viewer: PromotionViewer,
  access: { id: string; windowId: string; committeeIds: readonly string[] },
): Promise<boolean> {
  return (
    access.committeeIds.includes(viewer.id) && firstReadRedacted(viewer, access.windowId, access.id)
  );
}

/**
 * A nomination for someone who reads its page (canReadNomination); anyone else gets the 404 of a
 * nomination that does not exist, before any other rule is asked, so that a change posted to it
 * tells them nothing: not even that someone is up for promotion.
 */
async function requireReadableNomination(viewer: PromotionViewer, nominationId: string) {
  const access = await nominationAccess(nominationId);
  const submitted =
    (await db.promotionPacket.count({ where: { nominationId, submittedAt: { not: null } } })) > 0;
  if (!canReadNomination(viewer, access, submitted, await stillRedactedFor(viewer, access)))
    throw new NotFoundError({ key: "promotions:errors.noSuchNomination" });
  return access;
}

/** The nominee's manager adds to a nomination someone else made: they are heard, and cannot block it. */
export async function addToNomination(
  viewer: PromotionViewer,
  nominationId: string,
  addition: string,
  now = clock.now(),
): Promise<void> {
  const access = await requireReadableNomination(viewer, nominationId);
  if (!canAddToNomination(viewer, access, access.windowState))
    throw new ForbiddenError({ key: "promotions:errors.onlyManagerAdds" });
  await db.$transaction(async (tx) => {
    const before = await tx.promotionNomination.findUniqueOrThrow({
      where: { id: nominationId },
      select: { managerAddition: true },
    });
    await tx.promotionNomination.update({
      where: { id: nominationId },
      data: { managerAddition: addition, managerAddedAt: now, revision: { increment: 1 } },
    });
    await recordPromotionEvent(tx, {
      windowId: access.windowId,
      nominationId,
      actorId: viewer.id,
      kind: "manager-addition",
      change: { managerAddition: [before.managerAddition || null, addition] },
      at: now,
    });
  });
}

/** The nominee withdraws their candidacy, or whoever nominated them their nomination; it stays, withdrawn, for the audit. */
export async function withdrawNomination(
  viewer: PromotionViewer,
  nominationId: string,
  reason: string,
  now = clock.now(),
): Promise<void> {
  const access = await requireReadableNomination(viewer, nominationId);
  if (!canWithdrawNomination(viewer, access, access.windowState))
    throw new ForbiddenError({ key: "promotions:errors.cannotWithdraw" });
  const refused = freeTextProblem(reason);
  if (refused) throw new InvalidError(refused);
  await db.$transaction(async (tx) => {
    const written = await tx.promotionNomination.updateMany({
      where: { id: nominationId, state: "nominated" },
      data: {
        state: "withdrawn",
        withdrawnAt: now,
        withdrawnById: viewer.id,
        withdrawnReason: reason || null,
        revision: { increment: 1 },
      },
    });
    if (written.count !== 1)
      throw new ConflictError({ key: "promotions:errors.nominationChangedMeanwhile" });
    await recordPromotionEvent(tx, {
      windowId: access.windowId,
      nominationId,
      actorId: viewer.id,
      kind: "withdrawn",
      change: { state: ["nominated", "withdrawn"] },
      reason: reason || null,
      at: now,
    });
  });
}

/** The nominations the person is part of: their own, those they made, and their direct reports'. */
export async function myNominations(
  viewer: PromotionViewer,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const rows = await db.promotionNomination.findMany({
    where: {
      OR: [{ nomineeId: viewer.id }, { nominatedById: viewer.id }, { managerId: viewer.id }],
    },
    select: {
      id: true,
      nomineeId: true,
      kind: true,
      state: true,
      targetLevelId: true,
      nominatedById: true,
      window: { select: { name: true, ladderVersionId: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
  });
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(rows.map((row) => row.nomineeId))] } },
        select: { id: true, name: true },
      })
    ).map((person) => [person.id, person.name]),
  );
  const titles = new Map<string, string>();
  for (const row of rows) {
    if (titles.has(`${row.window.ladderVersionId}/${row.targetLevelId}`)) continue;
    const ladder = (await requireLadderOfVersionIn(row.window.ladderVersionId, language)).ladder;
    titles.set(
      `${row.window.ladderVersionId}/${row.targetLevelId}`,
      getLevel(ladder, row.targetLevelId)?.title ?? row.targetLevelId,
    );
  }
  return rows.map((row) => ({
    id: row.id,
    nomineeName: people.get(row.nomineeId) ?? "",
    own: row.nomineeId === viewer.id,
    /** The viewer made it (for themself or someone else). */
    byViewer: row.nominatedById === viewer.id,
    kind: known(NOMINATION_KINDS, row.kind, "sponsor"),
    state: known(NOMINATION_STATES, row.state, "nominated"),
    windowName: row.window.name,
    targetTitle:
      titles.get(`${row.window.ladderVersionId}/${row.targetLevelId}`) ?? row.targetLevelId,
  }));
}

/**
 * Whom the form may be about: the viewer themselves, or someone whose levels the viewer may see
 * (nomineeLevelsShown); anyone else, and an id nobody active has, is a 404.
 */
async function requireFormNominee(viewer: PromotionViewer, nomineeId: string) {
  const person = await db.user.findFirst({
    where: { id: nomineeId, deactivatedAt: null },
    select: { id: true, name: true, email: true, ladderId: true, level: true },
  });
  if (
    !person ||
    !nomineeLevelsShown(viewer.id, { id: person.id, managerChain: await managerChain(person.id) })
  )
    throw new NotFoundError();
  return person;
}

/**
 * What the nomination form offers: the windows taking nominations now, and for the chosen one who
 * may nominate in it and its levels. For a nominee the viewer may see (themselves, or someone under
 * them: `nominee`), the levels open to that person; otherwise (a colleague by email, whom a sponsor
 * may not read) every level of the ladder, none marked, since the form does not know whose they are.
 */
export async function nominationChoices(
  viewer: PromotionViewer,
  windowId: string | null,
  nomineeId: string | null = null,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const nominee = nomineeId ? await requireFormNominee(viewer, nomineeId) : null;
  const open = await db.promotionWindow.findMany({
    where: { state: "open" },
    select: {
      id: true,
      name: true,
      ladderId: true,
      ladderVersionId: true,
      state: true,
      nominationsOpenOn: true,
      nominationsCloseOn: true,
    },
    orderBy: [{ nominationsCloseOn: "asc" }, { id: "asc" }],
  });
  const windows = open.filter((window) => takesNominations(window, now));
  const chosen =
    windows.find((window) => window.id === windowId) ??
    (windows.length === 1 ? windows[0] : undefined);
  const listed = windows.map(({ id, name, nominationsCloseOn }) => ({
    id,
    name,
    nominationsCloseOn,
  }));
  if (!chosen) return { windows: listed, chosen: null };
  const [{ ladder }, settingsRows, under] = await Promise.all([
    requireLadderOfVersionIn(chosen.ladderVersionId, language),
    allSettings(),
    reportsUnder(viewer.id),
  ]);
  const settings = settingsFor(chosen.ladderId, settingsRows);
  // Whom the viewer may nominate with their levels shown: the people under them on this ladder.
  const team = (
    await db.user.findMany({
      where: { id: { in: under }, deactivatedAt: null },
      select: { id: true, name: true, ladderId: true, level: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    })
  )
    .filter((person) => onWindowLadder(ladder, chosen.ladderId, person))
    .map(({ id, name }) => ({ id, name }));
  const onLadder = nominee !== null && onWindowLadder(ladder, chosen.ladderId, nominee);
  const allowed = new Set(
    onLadder ? promotionTargets(ladder, nominee.level).map((level) => level.id) : [],
  );
  const tracks = ladder.tracks
    .map((track) => ({
      id: track.id,
      name: track.name,
      levels: track.levels
        .filter((level) => nominee === null || allowed.has(level.id))
        .map((level) => ({ id: level.id, title: level.title })),
    }))
    .filter((track) => track.levels.length > 0);
  return {
    windows: listed,
    chosen: {
      id: chosen.id,
      name: chosen.name,
      nominationsCloseOn: chosen.nominationsCloseOn,
      selfNomination: settings.selfNomination,
      sponsorNomination: settings.sponsorNomination,
      viewerId: viewer.id,
      team,
      nominee: nominee && {
        id: nominee.id,
        self: nominee.id === viewer.id,
        name: nominee.name,
        // What the form posts: the person by email, empty for oneself.
        email: nominee.id === viewer.id ? "" : nominee.email,
        onLadder,
        levelTitle: onLadder ? (getLevel(ladder, nominee.level ?? "")?.title ?? null) : null,
      },
      tracks,
    },
  };
}

import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { shownOwnItems } from "./own-items";
import { createHash, randomInt } from "node:crypto";
import { db, Prisma } from "~/db/client.server";
import { ConflictError, NotFoundError } from "~/modules/errors";
import { lockRemaining, recordFailure, waitMinutes } from "~/modules/identity/passwords/throttle";
import * as clock from "~/platform/clock.server";
import type { LiveStartInput } from "./forms";
import { newLiveCode, normaliseLiveCode } from "./live";
import {
  canClose,
  canReadResults,
  isOpen,
  liveCodeRule,
  liveEntry,
  type HealthViewer,
} from "./policy";
import { liveRoomRows } from "./queries.server";
import { checkInTeamView, closeCheckIn, standingIn, startCheckIn } from "./team-health.server";

/**
 * Live check-ins during a retro (decision 112): one team's ordinary check-in with a short code,
 * open until its facilitator closes it (or a day passes). The team opens it by its code on their
 * phones and answers as in any check-in; the room (the facilitator's screen) shows how many of those
 * asked answered, never who, and the results from whole batches only, as the team's page does
 * (release.ts): nothing until the floor's number of answers. Closed, it is an ordinary check-in.
 */

/** A live check-in is open a day at most: a retro that forgets to close it ends by itself. */
const LIVE_DAYS = 1;

/** The viewer's count of codes that opened nothing, kept by a hash of their id (no person in the key). */
const throttleKey = (viewerId: string) =>
  `team-health-code:${createHash("sha256").update(viewerId).digest("hex")}`;

async function refuseWhileLocked(viewer: HealthViewer, now: Date) {
  const state = await db.loginThrottle.findUnique({ where: { key: throttleKey(viewer.id) } });
  const wait = lockRemaining(state, now);
  if (wait > 0)
    throw new ConflictError({
      key: "teamHealthLive:errors.locked",
      values: { minutes: waitMinutes(wait) },
    });
}

async function countMiss(viewer: HealthViewer, now: Date) {
  const key = throttleKey(viewer.id);
  await db.$transaction(async (tx) => {
    const current = await tx.loginThrottle.findUnique({ where: { key } });
    const next = recordFailure(current, liveCodeRule, now);
    await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
  });
}

/** Starts a live check-in for one team the viewer may start one for; returns its code. */
export async function startLiveCheckIn(
  viewer: HealthViewer,
  input: LiveStartInput,
  now = clock.now(),
): Promise<string> {
  const start = {
    teamIds: [input.teamId],
    libraryItems: input.libraryItems,
    ownItems: input.ownItems,
    askComment: false,
  };
  for (let attempt = 0; ; attempt++) {
    const code = newLiveCode(randomInt);
    try {
      await startCheckIn(viewer, { ...start, days: LIVE_DAYS }, now, code);
      return code;
    } catch (error) {
      // Another check-in has the code (1 in 148 million a try): draw again.
      const taken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!taken || attempt >= 4) throw error;
    }
  }
}

/**
 * The check-in a code opens for the viewer, and how they stand to it; a 404 for a code that opens
 * nothing for them (no such code, or not their team's: the same answer, and both count against them).
 */
async function openCode(viewer: HealthViewer, typed: string, now: Date) {
  await refuseWhileLocked(viewer, now);
  const code = normaliseLiveCode(typed);
  const checkIn = code
    ? await db.teamHealthCheckIn.findUnique({
        where: { liveCode: code },
        select: {
          id: true,
          liveCode: true,
          startedById: true,
          closesAt: true,
          closedAt: true,
          teams: { take: 1, select: { id: true, teamId: true, team: { select: { name: true } } } },
        },
      })
    : null;
  const checkInTeam = checkIn?.teams[0];
  if (!checkIn || !checkInTeam) {
    await countMiss(viewer, now);
    throw new NotFoundError();
  }
  const standing = await standingIn(viewer, checkInTeam);
  const invitation = standing.asked
    ? await db.teamHealthInvitation.findUnique({
        where: {
          checkInTeamId_personId: { checkInTeamId: checkInTeam.id, personId: viewer.id },
        },
        select: { answered: true },
      })
    : null;
  const open = isOpen(checkIn, now);
  const entry = liveEntry(viewer, standing, { open, answered: invitation?.answered ?? false });
  if (!entry) {
    await countMiss(viewer, now);
    throw new NotFoundError();
  }
  return { checkIn, checkInTeam, standing, entry, open, code: checkIn.liveCode! };
}

/** Where a code takes the viewer: the check-in's answer page, or its room (a 404 otherwise). */
export async function liveDestination(
  viewer: HealthViewer,
  typed: string,
  now = clock.now(),
): Promise<{ to: "answer" | "room"; checkInId: string; code: string }> {
  const found = await openCode(viewer, typed, now);
  return { to: found.entry, checkInId: found.checkIn.id, code: found.code };
}

/** The check-in a room watches, for its stream of changes: only for whoever may see the room. */
export async function liveRoomAccess(viewer: HealthViewer, typed: string, now = clock.now()) {
  const found = await openCode(viewer, typed, now);
  if (!canReadResults(viewer, found.standing)) throw new NotFoundError();
  return { checkInId: found.checkIn.id };
}

/**
 * The room: the team, how many of those asked answered (a count, never who; skips included), and
 * the results as the team's page shows them (whole batches only, items too alike withheld).
 * Comments, the "did it help?" answers, the change and the action stay on the team's page.
 */
export async function liveRoom(
  viewer: HealthViewer,
  typed: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const found = await openCode(viewer, typed, now);
  if (!canReadResults(viewer, found.standing)) throw new NotFoundError();
  const [view, answered] = await Promise.all([
    checkInTeamView(found.checkInTeam.id),
    db.teamHealthInvitation.count({
      where: { checkInTeamId: found.checkInTeam.id, answered: true },
    }),
  ]);
  return {
    code: found.code,
    checkInId: found.checkIn.id,
    teamId: found.checkInTeam.teamId,
    team: found.checkInTeam.team.name,
    open: found.open,
    closesAt: found.checkIn.closesAt,
    canClose: found.open && canClose(viewer, found.checkIn.startedById),
    mayAnswer: found.entry === "answer",
    asked: view!.asked,
    answered,
    floor: view!.floor,
    answers: view!.answers,
    releasedAt: view!.releasedAt,
    items: view!.items.map((row) => ({
      item: row.item,
      figures: row.figures,
      withheld: row.withheld,
    })),
    own: shownOwnItems(
      view!.ownItems,
      view!.items.map((row) => row.item),
      language,
    ),
    score: view!.score ? { estimate: view!.score.estimate, interval: view!.score.interval } : null,
  };
}

/** The facilitator (its starter, or an admin) closes the live check-in: an ordinary closed one from then on. */
export async function closeLiveCheckIn(viewer: HealthViewer, typed: string, now = clock.now()) {
  const found = await openCode(viewer, typed, now);
  if (!canClose(viewer, found.checkIn.startedById)) throw new NotFoundError();
  // Closing announces the change to the room (team-health.server.ts).
  await closeCheckIn(viewer, found.checkIn.id, now);
  return { checkInId: found.checkIn.id, teamId: found.checkInTeam.teamId };
}

/** The live check-ins whose rooms the viewer may open, newest first: the team page's and the home page's links. */
export async function liveRooms(viewer: HealthViewer, now = clock.now()) {
  const rows = await liveRoomRows(20);
  const rooms = [];
  for (const row of rows) {
    if (!canReadResults(viewer, await standingIn(viewer, row))) continue;
    rooms.push({
      code: row.liveCode,
      team: row.team,
      startedAt: row.createdAt,
      open: isOpen(row, now),
    });
    if (rooms.length === 5) break;
  }
  return rooms;
}

import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import type { Message } from "~/i18n/messages";
import { NotFoundError } from "~/modules/errors";
import type { ServedLadder } from "./ladder-state";
import {
  countPeopleByLadder,
  defaultLadderId,
  levelsFoundOn,
  peopleStillOnLadder,
  type PeopleStillOnLadder,
} from "./people-on-ladders";
import { ladderInLanguage, ladderState, servedLadders } from "./registry.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { ladderOfVersion } from "./versions.server";

/**
 * Retired ladders: an admin takes a ladder out of every picker and the ladder list (the shipped
 * one nobody is on, a job family that is gone) while its pages and everything recorded on it stay
 * readable. Kept in the database, so every app server and every restart reads the same.
 */

async function retiredIds(): Promise<Set<string>> {
  return new Set(
    (await db.retiredLadder.findMany({ select: { ladderId: true } })).map((row) => row.ladderId),
  );
}

/** Active people on each ladder, by the rule their own pages use. */
async function activePeopleByLadder(served: readonly ServedLadder[]): Promise<Map<string, number>> {
  const places = await db.user.groupBy({
    by: ["ladderId", "level"],
    where: { deactivatedAt: null },
    _count: { _all: true },
  });
  return countPeopleByLadder(
    served.map((entry) => entry.ladder),
    places.map((place) => ({
      ladderId: place.ladderId,
      level: place.level,
      people: place._count._all,
    })),
  );
}

/** The ladders the browse list shows: served and not retired, in folder order. */
export async function offeredLadders(): Promise<ServedLadder[]> {
  const [served, retired] = await Promise.all([servedLadders(), retiredIds()]);
  return served.filter((entry) => !retired.has(entry.ladder.meta.id));
}

/**
 * What every ladder picker offers and where it starts: the offered ladders, and the one most
 * active people are on. `kept` is a ladder already chosen (a programme's own), offered though
 * retired so its form still shows it. Each in the reader's `language`.
 */
export async function ladderChoices(
  kept?: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<{ ladders: ServedLadder[]; defaultLadderId: string | undefined }> {
  const [served, retired] = await Promise.all([servedLadders(), retiredIds()]);
  const ladders = served.filter(
    (entry) => !retired.has(entry.ladder.meta.id) || entry.ladder.meta.id === kept,
  );
  const people = await activePeopleByLadder(served);
  const offered = ladders
    .filter((entry) => !retired.has(entry.ladder.meta.id))
    .map((entry) => entry.ladder.meta.id);
  return {
    ladders: ladders.map((entry) => ({
      ...entry,
      ladder: ladderInLanguage(entry.ladder, language).ladder,
    })),
    defaultLadderId: defaultLadderId(offered, people),
  };
}

/** A ladder's name, served now or as last stored (its folder removed); a 404 for an id Rungs never stored. */
async function ladderName(ladderId: string, served: readonly ServedLadder[]): Promise<string> {
  const current = served.find((entry) => entry.ladder.meta.id === ladderId);
  if (current) return current.ladder.meta.name;
  const newest = await db.ladderVersion.findFirst({
    where: { ladderId },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const stored = newest ? await ladderOfVersion(newest.id) : null;
  if (!stored) throw new NotFoundError({ key: "admin:ladders.errors.noSuchLadder" });
  return stored.meta.name;
}

/** Every ladder for the ladder status page: served, retired (with who and when), and stored ones whose folder is gone. */
export async function ladderStatus() {
  const [state, retiredRows] = await Promise.all([
    ladderState(),
    db.retiredLadder.findMany({
      orderBy: { retiredAt: "desc" },
      select: { ladderId: true, retiredAt: true, retiredBy: { select: { name: true } } },
    }),
  ]);
  const servedIds = state.served.map((entry) => entry.ladder.meta.id);
  const retiredIds = new Set(retiredRows.map((row) => row.ladderId));
  const [people, goneRows] = await Promise.all([
    activePeopleByLadder(state.served),
    db.ladderVersion.findMany({
      where: { ladderId: { notIn: servedIds } },
      orderBy: [{ ladderId: "asc" }, { createdAt: "desc" }],
      distinct: ["ladderId"],
      select: { ladderId: true },
    }),
  ]);
  const goneNames = new Map(
    await Promise.all(
      goneRows.map(async (row) => [row.ladderId, await ladderName(row.ladderId, [])] as const),
    ),
  );
  return {
    served: state.served
      .filter((entry) => !retiredIds.has(entry.ladder.meta.id))
      .map(({ folder, ladder, hash }) => ({
        folder,
        id: ladder.meta.id,
        name: ladder.meta.name,
        version: ladder.meta.version,
        hash,
        activePeople: people.get(ladder.meta.id) ?? 0,
      })),
    retired: retiredRows.map((row) => ({
      id: row.ladderId,
      name:
        state.served.find((entry) => entry.ladder.meta.id === row.ladderId)?.ladder.meta.name ??
        goneNames.get(row.ladderId) ??
        row.ladderId,
      served: servedIds.includes(row.ladderId),
      retiredAt: row.retiredAt.toISOString(),
      retiredBy: row.retiredBy?.name ?? null,
    })),
    removed: goneRows
      .filter((row) => !retiredIds.has(row.ladderId))
      .map((row) => ({ id: row.ladderId, name: goneNames.get(row.ladderId)! })),
  };
}

/** What the admin is told, worded by the page. */
type Outcome =
  | { ok: true; message: Message }
  | { ok: false; message: Message }
  | { ok: false; stillOn: PeopleStillOnLadder };

/**
 * Retires a ladder: refused while active people are on it (they would be on a ladder no picker
 * offers) and for the last ladder offered. A ladder whose folder was removed can be retired
 * too, so it stays out of the pickers when an upgrade brings the folder back.
 */
export async function retireLadder(actorId: string, ladderId: string): Promise<Outcome> {
  const [served, retired] = await Promise.all([servedLadders(), retiredIds()]);
  const name = await ladderName(ladderId, served);
  if (retired.has(ladderId))
    return { ok: true, message: { key: "admin:ladders.outcome.alreadyRetired", values: { name } } };
  const offered = served.filter((entry) => !retired.has(entry.ladder.meta.id));
  if (offered.length === 1 && offered[0]!.ladder.meta.id === ladderId) {
    return { ok: false, message: { key: "admin:ladders.outcome.onlyOffered", values: { name } } };
  }
  const levels = levelsFoundOn(
    served.map((entry) => entry.ladder),
    ladderId,
  );
  const onLadder = {
    deactivatedAt: null,
    OR: [{ ladderId }, ...(levels.length ? [{ ladderId: null, level: { in: levels } }] : [])],
  };
  try {
    return await db.$transaction(async (tx): Promise<Outcome> => {
      const [count, people] = await Promise.all([
        tx.user.count({ where: onLadder }),
        tx.user.findMany({
          where: onLadder,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: 5,
          select: { name: true },
        }),
      ]);
      if (count > 0)
        return {
          ok: false,
          stillOn: peopleStillOnLadder(
            name,
            count,
            people.map((person) => person.name),
          ),
        };
      await tx.retiredLadder.create({ data: { ladderId, retiredById: actorId } });
      await recordAuditEvent(tx, {
        actorId,
        action: "ladder.retired",
        subjectType: "ladders",
        subjectId: ladderId,
        detail: { name },
      });
      return { ok: true, message: { key: "admin:ladders.outcome.retired", values: { name } } };
    });
  } catch (error) {
    // Another admin retired it at the same moment.
    if ((error as { code?: string }).code === "P2002")
      return {
        ok: true,
        message: { key: "admin:ladders.outcome.alreadyRetired", values: { name } },
      };
    throw error;
  }
}

/** Offers a retired ladder again. */
export async function restoreLadder(actorId: string, ladderId: string): Promise<Outcome> {
  const served = await servedLadders();
  const name = await ladderName(ladderId, served);
  await db.$transaction(async (tx) => {
    const { count } = await tx.retiredLadder.deleteMany({ where: { ladderId } });
    if (count)
      await recordAuditEvent(tx, {
        actorId,
        action: "ladder.restored",
        subjectType: "ladders",
        subjectId: ladderId,
        detail: { name },
      });
  });
  return served.some((entry) => entry.ladder.meta.id === ladderId)
    ? { ok: true, message: { key: "admin:ladders.outcome.restored", values: { name } } }
    : { ok: true, message: { key: "admin:ladders.outcome.restoredFolderGone", values: { name } } };
}

import { db } from "~/db/client.server";
import type { PageLanguage } from "~/i18n/languages";
import { NotFoundError } from "~/modules/errors";
import { diffLadders } from "./diff-ladders";
import { ladderInLanguage } from "./registry.server";
import { readStoredLadder } from "./stored-ladder";
import type { TranslatedLadder } from "./translations";
import type { Ladder } from "./types";

/** Stored versions of a ladder, newest first (without their content). */
export function listLadderVersions(ladderId: string) {
  return db.ladderVersion.findMany({
    where: { ladderId },
    select: { id: true, hash: true, version: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** What changed between two stored versions, or null when either is not a version of this ladder. */
export async function diffLadderVersions(ladderId: string, fromId: string, toId: string) {
  const rows = await db.ladderVersion.findMany({
    where: { ladderId, id: { in: [fromId, toId] } },
    select: { id: true, content: true },
  });
  const from = rows.find((row) => row.id === fromId);
  const to = rows.find((row) => row.id === toId);
  if (!from || !to) return null;
  return diffLadders(readStoredLadder(from.content), readStoredLadder(to.content));
}

// Stored versions never change, so their parsed content can be kept for the life of the process.
const versionCache = new Map<string, Ladder>();

/** The ladder exactly as it was in a stored version (what an assessment was made against), or null. */
export async function ladderOfVersion(versionId: string): Promise<Ladder | null> {
  const cached = versionCache.get(versionId);
  if (cached) return cached;
  const row = await db.ladderVersion.findUnique({
    where: { id: versionId },
    select: { content: true },
  });
  if (!row) return null;
  const ladder = readStoredLadder(row.content);
  versionCache.set(versionId, ladder);
  return ladder;
}

/** The ladder of the version a record was made against (a session, an opening); a 404 should it not be stored. */
export async function requireLadderOfVersion(versionId: string): Promise<Ladder> {
  const ladder = await ladderOfVersion(versionId);
  if (!ladder) throw new NotFoundError({ key: "ladders:errors.versionNotStored" });
  return ladder;
}

/**
 * The ladder of a record's version in the reader's language, translated as the served ladder is
 * (`ladderInLanguage`): a translation entry applies where its fingerprint matches the version's
 * own text, so a text the ladder has since reworded stays in the source, to be marked.
 */
export async function requireLadderOfVersionIn(
  versionId: string,
  language: PageLanguage,
): Promise<TranslatedLadder> {
  return ladderInLanguage(await requireLadderOfVersion(versionId), language);
}

import { resolve } from "node:path";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { getEnv } from "~/utils/env.server";
import { onSiblingMessage, tellSiblings } from "~/platform/siblings.server";
import { logLine } from "~/utils/log.server";
import { formatLadderError } from "./ladder-errors";
import { NotFoundError } from "~/modules/errors";
import {
  emptyLadderState,
  nextLadderState,
  type LadderState,
  type ServedLadder,
} from "./ladder-state";
import { readStoredLadder } from "./stored-ladder";
import { loadAllLadders, loadTranslationsFromDirectory } from "./load-from-directory.server";
import {
  translateLadder,
  withSourceTexts,
  type LadderTranslation,
  type SourceTexts,
  type TranslatedLadder,
} from "./translations";
import { isLanguage, SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import type { Ladder } from "./types";
import { watchFolder, type FolderWatch } from "./watch-folder.server";

type Registry = {
  state: LadderState;
  dir: string;
  /** Content hash -> id of its stored LadderVersion row. */
  recorded: Map<string, string>;
  watcher?: FolderWatch;
  ready?: Promise<void>;
  /** When the newest admin reload this server has applied was recorded; undefined before the first look. */
  reloadSeen?: Date | null;
  /** Folder and content hash of each ladder whose warnings were logged, so each is logged once, when it loads. */
  warned: Set<string>;
  /** Ladder id -> its translations, read with the ladders (decision 081). */
  translations: Map<string, LadderTranslation[]>;
  /** Each ladder (served, or a stored version) in each language asked for, until the next reload. */
  translated: WeakMap<Ladder, Map<PageLanguage, TranslatedLadder>>;
};

const globalForLadders = globalThis as unknown as { rungsLadders?: Registry };

/** Stores each distinct ladder content once; concurrent app servers may race, the unique hash settles it. */
async function recordVersions(registry: Registry) {
  for (const { ladder, hash, folder } of registry.state.served) {
    if (registry.recorded.has(hash)) continue;
    let row: { id: string } | null = null;
    try {
      row = await db.ladderVersion.upsert({
        where: { hash },
        create: {
          hash,
          ladderId: ladder.meta.id,
          folder,
          version: ladder.meta.version,
          content: JSON.parse(JSON.stringify(ladder)),
        },
        update: { folder },
        select: { id: true },
      });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      row = await db.ladderVersion.findUniqueOrThrow({ where: { hash }, select: { id: true } });
    }
    registry.recorded.set(hash, row.id);
  }
}

/** Loads (or reloads) every ladder folder, keeping the last good version of any that fails. */
export async function reloadLadders(registry = getRegistry()): Promise<LadderState> {
  const loaded = loadAllLadders(registry.dir);
  // A folder that fails with nothing served yet (a restart) falls back to its newest stored version.
  const missing = loaded
    .filter(
      ({ folder, result }) =>
        !result.ok && !registry.state.served.some((entry) => entry.folder === folder),
    )
    .map(({ folder }) => folder);
  registry.state = nextLadderState(registry.state, loaded, await storedFallbacks(missing));
  for (const problem of registry.state.problems) {
    console.warn(
      `Ladder ${problem.folder} has errors (${problem.errors.length})${problem.keptPrevious ? "; still serving its last good version" : ""}.`,
    );
  }
  logWarnings(registry, loaded);
  readTranslations(registry);
  await recordVersions(registry);
  return registry.state;
}

/** Each ladder content's warnings once, when it first loads, one line each as ladders:check prints them. */
function logWarnings(registry: Registry, loaded: ReturnType<typeof loadAllLadders>) {
  for (const { folder, result } of loaded) {
    if (!result.ok || result.warnings.length === 0) continue;
    const key = `${folder}#${result.hash}`;
    if (registry.warned.has(key)) continue;
    registry.warned.add(key);
    logLine("warn", `Ladder ${folder} loaded with warnings (${result.warnings.length})`, {
      folder,
      warnings: result.warnings.map(formatLadderError),
    });
  }
}

/**
 * Each served ladder's translations, read against it; a translation's errors never stop the
 * ladder: its wrong entries are left out and logged, once per load, as ladders:check prints them.
 */
function readTranslations(registry: Registry) {
  registry.translations = new Map();
  registry.translated = new WeakMap();
  for (const { folder, ladder } of registry.state.served) {
    const { translations, errors } = loadTranslationsFromDirectory(folder, ladder);
    registry.translations.set(ladder.meta.id, translations);
    if (errors.length > 0)
      logLine(
        "warn",
        `Ladder ${folder} has errors in its translations (${errors.length}); those entries are shown in the source`,
        { folder, errors: errors.map(formatLadderError) },
      );
  }
}

/**
 * A ladder in a reader's language (a served ladder, or the version a record keeps): each text
 * translated where a current translation exists, the source elsewhere, with the list of texts
 * left in the source so a page can mark them. The source language and the pseudo-language
 * read the ladder as it is.
 */
export function ladderInLanguage(ladder: Ladder, language: PageLanguage): TranslatedLadder {
  if (!isLanguage(language) || language === SOURCE_LANGUAGE)
    return { ladder, sourceLanguage: SOURCE_LANGUAGE, untranslated: [] };
  const registry = getRegistry();
  let byLanguage = registry.translated.get(ladder);
  if (byLanguage === undefined) registry.translated.set(ladder, (byLanguage = new Map()));
  let translated = byLanguage.get(language);
  if (translated === undefined) {
    const translation = registry.translations
      .get(ladder.meta.id)
      ?.find((candidate) => candidate.language === language);
    byLanguage.set(language, (translated = translateLadder(ladder, translation)));
  }
  return translated;
}

/**
 * The served ladder with this id in the reader's language, or a 404, with `marked` to add to
 * what a loader returns the ladder's texts that its data shows in the source.
 */
export async function requireLadderIn(
  ladderId: string | undefined,
  language: PageLanguage,
): Promise<
  ServedLadder & { marked: <T extends object>(data: T) => T & { sourceTexts?: SourceTexts } }
> {
  const served = await requireLadder(ladderId);
  const translated = ladderInLanguage(served.ladder, language);
  return {
    ...served,
    ladder: translated.ladder,
    marked: (data) => withSourceTexts(data, translated),
  };
}

async function storedFallbacks(
  folders: string[],
): Promise<Map<string, ServedLadder & { storedAt: Date }>> {
  const found = new Map<string, ServedLadder & { storedAt: Date }>();
  if (!folders.length) return found;
  const rows = await db.ladderVersion.findMany({
    where: { folder: { in: folders } },
    orderBy: { createdAt: "desc" },
    select: { folder: true, hash: true, content: true, createdAt: true },
  });
  for (const row of rows) {
    if (row.folder && !found.has(row.folder))
      found.set(row.folder, {
        folder: row.folder,
        hash: row.hash,
        ladder: readStoredLadder(row.content),
        storedAt: row.createdAt,
      });
  }
  return found;
}

function getRegistry(): Registry {
  globalForLadders.rungsLadders ??= {
    state: emptyLadderState,
    dir: resolve(getEnv().FRAMEWORKS_DIR),
    recorded: new Map(),
    warned: new Set(),
    translations: new Map(),
    translated: new WeakMap(),
  };
  return globalForLadders.rungsLadders;
}

function watchInDevelopment(registry: Registry) {
  if (getEnv().NODE_ENV !== "development" || registry.watcher) return;
  registry.watcher = watchFolder(
    registry.dir,
    () => void reloadLadders(registry).catch((error) => console.error(error)),
  );
}

/** The ladders being served, loaded on first use. Pages read them from memory. */
export async function ladderState(): Promise<LadderState> {
  const registry = getRegistry();
  registry.ready ??= reloadLadders(registry)
    .then(() => watchInDevelopment(registry))
    .catch((error) => {
      registry.ready = undefined;
      throw error;
    });
  await registry.ready;
  return registry.state;
}

export async function servedLadders(): Promise<ServedLadder[]> {
  return (await ladderState()).served;
}

/** The ladders being served, each in the reader's language (`ladderInLanguage`), for pages that show their texts. */
export async function servedLaddersIn(language: PageLanguage): Promise<ServedLadder[]> {
  return (await servedLadders()).map((served) => ({
    ...served,
    ladder: ladderInLanguage(served.ladder, language).ladder,
  }));
}

/** The ladder with this id, or a 404. */
export async function requireLadder(ladderId: string | undefined): Promise<ServedLadder> {
  const found = (await servedLadders()).find((entry) => entry.ladder.meta.id === ladderId);
  if (!found) throw new NotFoundError({ key: "ladders:errors.noSuchLadder" });
  return found;
}

/** The stored LadderVersion id of a served ladder's content. */
export async function versionIdOf(hash: string): Promise<string> {
  await ladderState();
  const id = getRegistry().recorded.get(hash);
  if (!id) throw new Error(`Ladder content ${hash} has no stored version`);
  return id;
}

/**
 * The ladder served now with this id and its stored version id (what a new record points at);
 * undefined when it is not served or an admin retired it, as a form read before then may still ask.
 */
export async function servedLadderVersion(
  ladderId: string,
): Promise<(ServedLadder & { versionId: string }) | undefined> {
  const [ladders, retired] = await Promise.all([
    servedLadders(),
    db.retiredLadder.findUnique({ where: { ladderId }, select: { ladderId: true } }),
  ]);
  const served = retired ? undefined : ladders.find((entry) => entry.ladder.meta.id === ladderId);
  return served ? { ...served, versionId: await versionIdOf(served.hash) } : undefined;
}

/** The ladder (served now) that holds this level, with its stored version id; undefined when no served ladder has it. */
export async function ladderForLevel(
  levelId: string | null | undefined,
): Promise<(ServedLadder & { versionId: string }) | undefined> {
  if (!levelId) return undefined;
  const served = (await servedLadders()).find((entry) =>
    entry.ladder.tracks.some((track) => track.levels.some((level) => level.id === levelId)),
  );
  return served ? { ...served, versionId: await versionIdOf(served.hash) } : undefined;
}

/**
 * A person's ladder (served now), with its stored version id: the one they belong to
 * (`ladderId`), or for people recorded before ladders were named, the one that has their
 * level. Undefined when that ladder is not served or does not have their level.
 */
export async function ladderForPerson(person: {
  ladderId: string | null;
  level: string | null;
}): Promise<(ServedLadder & { versionId: string }) | undefined> {
  if (!person.ladderId) return ladderForLevel(person.level);
  const served = (await servedLadders()).find((entry) => entry.ladder.meta.id === person.ladderId);
  if (
    !served ||
    (person.level &&
      !served.ladder.tracks.some((track) =>
        track.levels.some((level) => level.id === person.level),
      ))
  )
    return undefined;
  return { ...served, versionId: await versionIdOf(served.hash) };
}

/** Test hook: point the registry at another folder and start afresh. */
export function resetLadderRegistry(dir: string) {
  globalForLadders.rungsLadders?.watcher?.close();
  globalForLadders.rungsLadders = {
    state: emptyLadderState,
    dir: resolve(dir),
    recorded: new Map(),
    warned: new Set(),
    translations: new Map(),
    translated: new WeakMap(),
  };
}

/**
 * An admin's reload: reads every ladder folder again (in production too, without a
 * restart) and records who did it and what came of it.
 */
export async function reloadLaddersAs(actorId: string): Promise<LadderState> {
  const state = await reloadLadders();
  await recordAuditEvent(db, {
    actorId,
    action: "ladders.reloaded",
    subjectType: "ladders",
    subjectId: null,
    detail: {
      served: state.served.map((entry) => ({
        folder: entry.folder,
        version: entry.ladder.meta.version,
        hash: entry.hash.slice(0, 12),
      })),
      problems: state.problems.map((problem) => ({
        folder: problem.folder,
        errors: problem.errors.length,
      })),
    },
  });
  // This server has applied its own reload; the others follow it (followLadderReloads), the
  // other app processes on this machine at once.
  getRegistry().reloadSeen = await newestReload();
  tellSiblings(LADDERS_RELOADED, "");
  return state;
}

const LADDERS_RELOADED = "ladders-reloaded";
onSiblingMessage(
  LADDERS_RELOADED,
  () =>
    void followLadderReloads().catch((error: unknown) =>
      console.error("Following a ladder reload failed:", error),
    ),
);

/** When the newest admin reload was recorded (the audit log is the record every server shares), or null. */
async function newestReload(): Promise<Date | null> {
  const event = await db.auditEvent.findFirst({
    where: { subjectType: "ladders", subjectId: null, action: "ladders.reloaded" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return event?.createdAt ?? null;
}

/**
 * An admin's reload reaches every app server: each looks now and then (server/index.ts) for a
 * reload recorded after the last it applied, and then reads its own ladder folders again. The
 * first look only notes where things stand, as the server has just loaded its ladders.
 */
export async function followLadderReloads(): Promise<void> {
  const registry = getRegistry();
  await ladderState();
  const newest = await newestReload();
  const seen = registry.reloadSeen;
  registry.reloadSeen = newest;
  if (seen !== undefined && newest !== null && (seen === null || newest > seen))
    await reloadLadders(registry);
}

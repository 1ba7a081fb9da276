import { db } from "~/db/client.server";
import { formatsFor } from "~/i18n/format";
import { i18nFor } from "~/i18n/i18n.server";
import { chooseLanguage, directionOf } from "~/i18n/languages";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { ConflictError, ForbiddenError, NotFoundError } from "~/modules/errors";
import type { Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { isErased } from "~/modules/people/erased.server";
import { personTimeZone } from "~/modules/time-zones.server";
import * as clock from "~/platform/clock.server";
import { getEnv } from "~/utils/env.server";
import { archiveName, exportArchive } from "./archive";
import { readableBundle } from "./bundle";
import { collect, readerOf } from "./collect.server";
import {
  EXPORT_FORMAT_VERSION,
  EXPORT_SCHEMA_ID,
  SECTIONS,
  type ExportDocument,
} from "~/platform/export-document";
import {
  canFollowExports,
  canStartExport,
  downloadRefusal,
  keptSince,
  mayBuild,
  STALE_BUILD_MS,
  startRefusal,
  stillBuilding,
  type ExportState,
} from "./policy";

/**
 * A person's export (decision 087): started by them or by an admin, built in the background by
 * whichever server holds the "personal exports" lease (server/index.ts), one section at a time
 * with its progress on the row, and taken once by the person. An export's own times (requested,
 * started, ready, downloaded) are the machine's, as a lease's are (decision 078): a build is taken
 * over when its server has really stopped. What it holds is read on the app's clock.
 */

export type ExportRow = {
  id: string;
  state: ExportState;
  sectionsDone: number;
  sectionsTotal: number;
  archiveSize: number | null;
  requestedAt: Date;
  /** Started by an admin for the person, not by the person. */
  startedByAdmin: boolean;
};

const ROW_SELECT = {
  id: true,
  requestedById: true,
  state: true,
  sectionsDone: true,
  sectionsTotal: true,
  archiveSize: true,
  requestedAt: true,
} as const;

async function requirePerson(personId: string) {
  const [person, erased] = await Promise.all([
    db.user.findUnique({
      where: { id: personId },
      select: { id: true, name: true, email: true, language: true, timeZone: true },
    }),
    isErased(personId),
  ]);
  // An erased person's records are no one's to export: their figures stay only inside aggregates.
  if (!person || !readableAsPerson(erased)) throw new NotFoundError();
  return person;
}

/** Starts an export for the person: theirs, or an admin's for them. The start is an audit event in the same transaction. */
export async function startExport(
  actor: Viewer,
  personId: string,
  now = new Date(),
): Promise<string> {
  if (!canStartExport(actor, personId)) throw new NotFoundError();
  await requirePerson(personId);
  return db.$transaction(async (tx) => {
    const existing = await tx.personalExport.findMany({
      where: { personId, state: { in: ["queued", "building"] } },
      select: { state: true },
    });
    if (startRefusal(existing)) throw new ConflictError({ key: "exports:errors.inProgress" });
    const row = await tx.personalExport.create({
      data: { personId, requestedById: actor.id, requestedAt: now, sectionsTotal: SECTIONS.length },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "export.requested",
      subjectType: "person",
      subjectId: personId,
      detail: { export: row.id, byAdmin: actor.id !== personId },
    });
    return row.id;
  });
}

/** The person's exports, newest first, with what their page (or an admin's) shows of each: where it stands, never what it holds. */
export async function exportsOf(
  reader: Viewer,
  personId: string,
): Promise<{ person: { id: string; name: string }; exports: ExportRow[]; refreshing: boolean }> {
  if (!canFollowExports(reader, personId)) throw new NotFoundError();
  const person = await requirePerson(personId);
  const rows = await db.personalExport.findMany({
    where: { personId },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: 10,
    select: ROW_SELECT,
  });
  const exports = rows.map((row) => ({
    id: row.id,
    state: row.state as ExportState,
    sectionsDone: row.sectionsDone,
    sectionsTotal: row.sectionsTotal,
    archiveSize: row.archiveSize,
    requestedAt: row.requestedAt,
    startedByAdmin: row.requestedById !== null && row.requestedById !== personId,
  }));
  return {
    person: { id: person.id, name: person.name },
    exports,
    refreshing: stillBuilding(exports),
  };
}

/**
 * The archive, once, to the person: taking it clears it from the database and records the download,
 * in one transaction; a second request (another tab, a replayed link) finds it gone.
 */
export async function downloadExport(
  reader: Viewer,
  exportId: string,
  now = new Date(),
): Promise<{ filename: string; archive: Uint8Array }> {
  return db.$transaction(async (tx) => {
    const row = await tx.personalExport.findUnique({
      where: { id: exportId },
      select: { personId: true, state: true, archive: true, readyAt: true },
    });
    const refusal = row ? downloadRefusal(reader, row) : "not-theirs";
    if (refusal === "not-theirs" || !row) throw new NotFoundError();
    if (refusal === "gone") throw new ForbiddenError({ key: "exports:errors.gone" });
    if (refusal === "not-ready" || !row.archive)
      throw new ConflictError({ key: "exports:errors.notReady" });
    const { count } = await tx.personalExport.updateMany({
      where: { id: exportId, state: "ready" },
      data: { state: "downloaded", archive: null, downloadedAt: now },
    });
    if (count !== 1) throw new ForbiddenError({ key: "exports:errors.gone" });
    await recordAuditEvent(tx, {
      actorId: reader.id,
      action: "export.downloaded",
      subjectType: "person",
      subjectId: row.personId,
      detail: { export: exportId },
    });
    return {
      filename: archiveName((row.readyAt ?? now).toISOString()),
      archive: new Uint8Array(row.archive),
    };
  });
}

/** Takes the build for this server: one UPDATE decides between servers asking at once. */
async function claim(exportId: string, now: Date): Promise<boolean> {
  const row = await db.personalExport.findUnique({
    where: { id: exportId },
    select: { state: true, startedAt: true },
  });
  if (!row || !mayBuild(row, now)) return false;
  const staleBefore = new Date(now.getTime() - STALE_BUILD_MS);
  const { count } = await db.personalExport.updateMany({
    where: {
      id: exportId,
      OR: [{ state: "queued" }, { state: "building", startedAt: { lt: staleBefore } }],
    },
    data: { state: "building", startedAt: now, sectionsDone: 0, sectionsTotal: SECTIONS.length },
  });
  return count === 1;
}

/** Builds one export, section by section, showing its progress; a failure marks it failed for the person to start again. */
export async function buildExport(
  exportId: string,
  { now = new Date(), contentAt = clock.now() }: { now?: Date; contentAt?: Date } = {},
): Promise<boolean> {
  if (!(await claim(exportId, now))) return false;
  try {
    const { personId } = await db.personalExport.findUniqueOrThrow({
      where: { id: exportId },
      select: { personId: true },
    });
    const person = await requirePerson(personId);
    const env = getEnv();
    const language = chooseLanguage({
      chosen: person.language,
      acceptLanguage: null,
      organisation: env.ORG_LANGUAGE,
    });
    const sections = await collect(readerOf(person), language, contentAt, async (done) => {
      await db.personalExport.update({ where: { id: exportId }, data: { sectionsDone: done } });
    });
    const doc: ExportDocument = {
      $schema: EXPORT_SCHEMA_ID,
      formatVersion: EXPORT_FORMAT_VERSION,
      generatedAt: contentAt.toISOString(),
      language,
      ...sections,
    };
    const t = i18nFor(language).getFixedT(language, "exports");
    const formats = formatsFor(language, personTimeZone(person.timeZone));
    const pages = readableBundle(doc, {
      t: (key, values) => String(t(key as never, values as never)),
      language,
      dir: directionOf(language),
      day: formats.day,
      dateTime: (value) => formats.dateTime(value),
    });
    const archive = exportArchive(doc, pages, contentAt);
    await db.personalExport.update({
      where: { id: exportId },
      data: {
        state: "ready",
        archive: Buffer.from(archive),
        archiveSize: archive.byteLength,
        readyAt: new Date(),
      },
    });
    return true;
  } catch (error) {
    await db.personalExport.update({
      where: { id: exportId },
      data: { state: "failed", failedAt: new Date() },
    });
    throw error;
  }
}

/**
 * One turn of the background job: archives nobody took in time are deleted, then every export
 * waiting (or left by a stopped server) is built, oldest first.
 */
export async function buildWaitingExports(now = new Date()): Promise<number> {
  await db.personalExport.updateMany({
    where: { state: "ready", readyAt: { lt: keptSince(now) } },
    data: { state: "expired", archive: null },
  });
  const waiting = await db.personalExport.findMany({
    where: {
      OR: [
        { state: "queued" },
        { state: "building", startedAt: { lt: new Date(now.getTime() - STALE_BUILD_MS) } },
      ],
    },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    select: { id: true },
    take: 20,
  });
  let built = 0;
  for (const { id } of waiting) {
    try {
      if (await buildExport(id, { now })) built += 1;
    } catch (error) {
      console.error(`Personal export ${id} failed:`, error);
    }
  }
  return built;
}

import type { PageLanguage } from "~/i18n/languages";
import type { ExportDocument, Section } from "~/platform/export-document";
import { personalData, type ExportReader, type ExportReading } from "~/platform/personal-data";

/**
 * Each section of a person's export, read as the person reads it on their own pages. The modules
 * fill their sections in their personal-data declarations (decision 096), each from the service
 * its page calls, with the person as its reader, so each module's own read rule decides what goes
 * in (their private one-to-one notes but not the other person's, feedback only once released and
 * without the authors the cycle hides, reviews only once shared with them). Nothing here queries
 * records or names a module.
 */

/** The reader is the person without their roles: an export is what Rungs holds about them as its subject. */
export function readerOf(person: { id: string; name: string; email: string }): ExportReader {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    isAdmin: false,
    isHiringAdmin: false,
  };
}

export type Collected = Omit<
  ExportDocument,
  "$schema" | "formatVersion" | "generatedAt" | "language"
>;

/** The sections in the document's order, each with its module's reader, for one build. */
export function sectionReaders(
  reader: ExportReader,
  language: PageLanguage,
  now: Date,
): { section: Section; read: () => Promise<unknown> }[] {
  const reading: ExportReading = { reader, language, now };
  return personalData
    .exportSections()
    .map(({ section, read }) => ({ section, read: () => read(reading) }));
}

/** Reads every section in turn, telling `done` after each (the build's progress). */
export async function collect(
  reader: ExportReader,
  language: PageLanguage,
  now: Date,
  done: (sections: number) => Promise<void> = async () => {},
): Promise<Collected> {
  const into: Record<string, unknown> = {};
  for (const [index, { section, read }] of sectionReaders(reader, language, now).entries()) {
    into[section] = await read();
    await done(index + 1);
  }
  return into as Collected;
}

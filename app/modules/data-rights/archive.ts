import { strToU8, zipSync } from "fflate";
import type { ExportDocument } from "~/platform/export-document";

export const EXPORT_JSON = "rungs-export.json";

/**
 * The archive a person downloads: the documented JSON and the readable pages side by side at its
 * root, so that opening `index.html` from the unpacked folder finds every page beside it. Built in
 * memory (decision 082): an export is text only.
 */
export function exportArchive(
  doc: ExportDocument,
  pages: Record<string, string>,
  at: Date,
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    [EXPORT_JSON]: strToU8(`${JSON.stringify(doc, null, 2)}\n`),
  };
  for (const [name, html] of Object.entries(pages)) files[name] = strToU8(html);
  return zipSync(files, { level: 6, mtime: at });
}

/** The archive's name as the browser saves it: the day it was made. */
export function archiveName(generatedAt: string): string {
  return `rungs-export-${generatedAt.slice(0, 10)}.zip`;
}

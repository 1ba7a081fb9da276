import { check, said } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { compareText } from "~/utils/compare";
import { formatBytes, type LadderLimits } from "./limits";
import { byteLength, readSourceText, type LadderSource } from "./source-text";
import { validateLadderFile, type ValidatedFile } from "./validate-file";
import { parseLadderYaml } from "./yaml-source";

export interface ReadFiles {
  files: ValidatedFile[];
  errors: LadderError[];
  /** False when some file could not be read at all, so ids it might define are unknown. */
  complete: boolean;
}

/** Reads, parses and validates each file on its own, in path order, within the size limits. */
export function readLadderFiles(sources: readonly LadderSource[], limits: LadderLimits): ReadFiles {
  const sorted = [...sources].sort((a, b) => compareText(a.file, b.file));
  const errors: LadderError[] = [];
  const files: ValidatedFile[] = [];
  let totalBytes = 0;
  let complete = true;
  for (const source of sorted) {
    totalBytes += byteLength(source);
    if (totalBytes > limits.maxTotalBytes) {
      errors.push({
        file: source.file,
        line: 1,
        column: 1,
        path: "",
        ...said(check("files.tooLargeTogether", { size: formatBytes(limits.maxTotalBytes) })),
      });
      complete = false;
      break;
    }
    const text = readSourceText(source, limits);
    if (!text.ok) {
      errors.push(text.error);
      complete = false;
      continue;
    }
    const parsed = parseLadderYaml(source.file, text.text, limits);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      complete = false;
      continue;
    }
    const validated = validateLadderFile(parsed.source);
    errors.push(...validated.errors);
    files.push(validated);
  }
  return { files, errors, complete: complete && files.every((file) => file.readAll) };
}

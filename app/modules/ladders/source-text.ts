import type { Message } from "~/i18n/messages";
import { check, said } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { formatBytes, type LadderLimits } from "./limits";

/** A ladder file as read from disk (bytes) or written in memory (text). */
export interface LadderSource {
  file: string;
  text: string | Uint8Array;
  /** The real size, when a reader skipped an oversized file instead of reading it into `text`. */
  size?: number;
}

export type SourceText =
  { ok: true; text: string; bytes: number } | { ok: false; error: LadderError };

const encoder = new TextEncoder();

export function byteLength(source: LadderSource): number {
  if (source.size !== undefined) return source.size;
  return typeof source.text === "string" ? encoder.encode(source.text).length : source.text.length;
}

/** Checks size before decoding, so an oversized file is never turned into a giant string. */
export function readSourceText(source: LadderSource, limits: LadderLimits): SourceText {
  const bytes = byteLength(source);
  if (bytes > limits.maxFileBytes) {
    return fail(
      source.file,
      1,
      1,
      check("files.tooLarge", { size: formatBytes(bytes), max: formatBytes(limits.maxFileBytes) }),
    );
  }
  if (typeof source.text === "string") return { ok: true, text: source.text, bytes };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(source.text);
    return { ok: true, text, bytes };
  } catch {
    const offset = firstInvalidUtf8Offset(source.text);
    const before = new TextDecoder("utf-8").decode(source.text.subarray(0, offset));
    const lines = before.split("\n");
    const line = lines.length;
    const column = [...(lines[lines.length - 1] ?? "")].length + 1;
    const byte = source.text[offset] ?? 0;
    return fail(
      source.file,
      line,
      column,
      check("files.notUtf8", { byte: `0x${byte.toString(16).padStart(2, "0")}` }),
    );
  }
}

function fail(file: string, line: number, column: number, message: Message): SourceText {
  return { ok: false, error: { file, line, column, path: "", ...said(message) } };
}

/** TextDecoder says whether bytes are valid but not where; authors need the where. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    if (length > 1) {
      const sequence = bytes.subarray(i, i + length);
      if (sequence.length < length) return i;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(sequence);
      } catch {
        return i;
      }
    }
    i += length;
  }
  return bytes.length;
}

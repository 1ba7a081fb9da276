import { parse } from "yaml";
import { ImportSourceError, type ReportLine } from "./types";

/**
 * The scale an imported ladder rates on when its source has none of its own: each rating is read
 * against the person's level, and Consistent is the bar (docs/ladders.md, "Targets").
 */
export const LEVEL_SCALE = [
  { value: 1, label: "Not yet", meaning: "Rarely shows what this level asks." },
  {
    value: 2,
    label: "Developing",
    meaning: "Shows what this level asks sometimes, or with support.",
  },
  {
    value: 3,
    label: "Consistent",
    meaning:
      "Shows what this level asks reliably and independently. This is the bar for the level.",
    target: true,
  },
  { value: 4, label: "Beyond", meaning: "Shows much of what the next level asks." },
];

/** The version an imported ladder starts at: its sources carry none. */
export const FIRST_VERSION = "1.0.0";

/** Parses YAML from a source project, naming the file when it is not YAML. */
export function parseSourceYaml(file: string, text: string): unknown {
  try {
    return parse(text, { uniqueKeys: false });
  } catch (error) {
    throw new ImportSourceError(
      file,
      `not valid YAML (${(error as Error).message.split("\n")[0]})`,
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Non-empty trimmed text, or null: sources leave fields empty or write numbers where text goes. */
export function textOf(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** A list of non-empty strings; each item that is not one is reported. */
export function textList(
  value: unknown,
  file: string,
  where: string,
  report: ReportLine[],
): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report.push({ file, message: `${where} is not a list; not imported` });
    return [];
  }
  return value.flatMap((item, index) => {
    const text = textOf(item);
    if (text !== null) return [text];
    report.push({ file, message: `${where}[${index}] is empty or not text; not imported` });
    return [];
  });
}

/** The file's name without its folder and extension: `frameworks/engineering/backend.md` → `backend`. */
export function baseName(path: string): string {
  return path
    .split("/")
    .pop()!
    .replace(/\.[^.]+$/, "");
}

/** A web address written as text: not already a Markdown link's target or text. */
const BARE_URL = /(?<!\]\(|<|\[)\bhttps?:\/\/[^\s<>()[\]]+/g;

/**
 * Source text as the ladder's Markdown shows it: a bare web address becomes a link (people
 * follow it instead of copying it), headings, which ladder text does not render, become a
 * paragraph in bold. Everything else is written as the source wrote it.
 */
export function sourceMarkdown(text: string): string {
  return text
    .replace(BARE_URL, (match) => {
      const url = match.replace(/[.,;:!?]+$/, "");
      return `[${url}](${url})${match.slice(url.length)}`;
    })
    .replace(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm, "\n**$1**\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The ladder's metadata about where it comes from (docs/ladders.md, `ladder.source`). */
export function ladderSource(
  name: string,
  publicUrl: string,
  files: string[],
  options: { sourceUrl?: string | null },
): { name: string; url?: string; files: string[] } {
  const url = options.sourceUrl === undefined ? publicUrl : options.sourceUrl;
  return { name, ...(url === null ? {} : { url }), files: [...new Set(files)] };
}

/**
 * A source file's path inside its project, from the folder the project's layout starts at
 * (`frameworks` for Monzo, `data` for the FT): what the ladder's metadata names, never the path
 * on the machine that ran the import. A file outside that layout is named by its file name.
 */
export function pathInSource(path: string, top: string): string {
  const parts = path.split("/");
  const start = parts.lastIndexOf(top);
  return start === -1 ? parts.at(-1)! : parts.slice(start).join("/");
}

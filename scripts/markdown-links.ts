/**
 * Reading Markdown for `npm run links:check` (scripts/check-links.ts): the anchors a file's headings
 * get on GitHub, and the links a file makes. Pure: no file is read here.
 *
 * Fenced code blocks hold neither headings nor links, and inline code spans hold no links.
 */

export interface MarkdownLink {
  /** 1-based line of the file the link is on. */
  line: number;
  /** The link's destination as written: `docs/x.md#part`, `#part`, `https://…`. */
  target: string;
}

/**
 * A heading's anchor by GitHub's rules: its text as rendered (inline code, emphasis and links
 * reduced to their words), lowercased; every character dropped but letters, digits, spaces,
 * hyphens and underscores; each space a hyphen. Duplicates are numbered by `anchorsOf`.
 */
export function slug(heading: string): string {
  return renderedText(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown file offers: its headings' slugs (the second of a name `-1`, then `-2`…) and HTML `id`/`name` anchors. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const lines = outsideFences(markdown);
  lines.forEach((text, index) => {
    if (text === null) return;
    for (const match of text.matchAll(/<a\s[^>]*\b(?:id|name)\s*=\s*["']([^"']+)["']/gi))
      anchors.add(match[1]!);
    const heading = headingText(text, lines[index + 1] ?? null);
    if (heading === null) return;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  });
  return anchors;
}

/** The links (and images) a Markdown file makes, inline `[text](target)` and reference definitions `[name]: target`, with their lines. */
export function linksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  outsideFences(markdown).forEach((text, index) => {
    if (text === null) return;
    const line = index + 1;
    const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(text);
    if (definition) {
      links.push({ line, target: unbracketed(definition[1]!) });
      return;
    }
    const prose = text.replace(/(`+)[^`]*?\1/g, (span) => " ".repeat(span.length));
    for (let at = prose.indexOf("]("); at >= 0; at = prose.indexOf("](", at + 2)) {
      const target = destination(prose, at + 2);
      if (target !== null) links.push({ line, target });
    }
  });
  return links;
}

/** Whether a target leaves the repository (a scheme such as `https:` or `mailto:`), and so is not checked. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");
}

/** A target split into its path (empty for `#part` alone) and its anchor (null without `#`), each decoded. */
export function splitTarget(target: string): { path: string; anchor: string | null } {
  const hash = target.indexOf("#");
  const path = hash >= 0 ? target.slice(0, hash) : target;
  const anchor = hash >= 0 ? target.slice(hash + 1) : null;
  return {
    path: decoded(path.split("?")[0]!),
    anchor: anchor === null ? null : decoded(anchor),
  };
}

/** The file's lines, with those inside fenced code blocks (and the fences) as null. */
function outsideFences(markdown: string): (string | null)[] {
  let fence: { char: string; length: number } | null = null;
  return markdown.split(/\r?\n/).map((text) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (
        marker &&
        marker[1]![0] === fence.char &&
        marker[1]!.length >= fence.length &&
        text.trim() === marker[1]
      )
        fence = null;
      return null;
    }
    if (marker) {
      fence = { char: marker[1]![0]!, length: marker[1]!.length };
      return null;
    }
    return text;
  });
}

/** A line's heading text, for an ATX heading (`## Text`) or a setext one (text over `===` or `---`); null otherwise. */
function headingText(text: string, next: string | null): string | null {
  const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(text);
  if (atx) return atx[1] ?? "";
  if (
    next !== null &&
    /^ {0,3}(=+|-+)[ \t]*$/.test(next) &&
    text.trim() !== "" &&
    !/^ {0,3}([-*+]|\d+[.)]|>|\|)/.test(text)
  )
    return text.trim();
  return null;
}

/** A heading's words as GitHub renders them: links and images their text, code and emphasis unmarked, HTML tags gone. */
function renderedText(heading: string): string {
  return heading
    .trim()
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/`+/g, "")
    .replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, "$2");
}

/** The destination of an inline link whose `(` is at `start`, or null when none is well formed there. */
function destination(text: string, start: number): string | null {
  let at = start;
  while (text[at] === " ") at += 1;
  if (text[at] === "<") {
    const end = text.indexOf(">", at);
    return end < 0 ? null : text.slice(at + 1, end);
  }
  let depth = 0;
  let end = at;
  for (; end < text.length; end += 1) {
    const char = text[end]!;
    if (char === "\\") end += 1;
    else if (char === "(") depth += 1;
    else if (char === ")") {
      if (depth === 0) break;
      depth -= 1;
    } else if (char === " " || char === "\t") break;
  }
  if (end >= text.length) return null;
  return text.slice(at, end);
}

function unbracketed(target: string): string {
  return target.startsWith("<") && target.endsWith(">") ? target.slice(1, -1) : target;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

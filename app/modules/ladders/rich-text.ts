import MarkdownIt from "markdown-it";
import { FilterXSS } from "xss";

/**
 * Ladder text (descriptions, summaries, expectations, examples, interview material) may use a
 * small part of Markdown: paragraphs, bullet and numbered lists, emphasis, links and inline
 * code (docs/ladders.md, "Text and Markdown"). It is rendered the same way on every page, in
 * print and in the browser, by markdown-it with raw HTML off (HTML in the text shows as text)
 * and only those rules on; the HTML it makes then passes an allow-list sanitizer (xss), so
 * nothing but those elements, and links only to http(s) and mailto, can reach a page.
 */
const markdown = new MarkdownIt("zero", { html: false, linkify: false, breaks: false }).enable([
  "paragraph",
  "list",
  "emphasis",
  "link",
  "backticks",
  "escape",
  "entity",
  "newline",
]);

// Links open as ordinary links to other sites, without handing them this page.
const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]!.attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, index, options, env, self);
};

const SAFE_URL = /^(https?:|mailto:)/i;

const sanitizer = new FilterXSS({
  whiteList: {
    p: [],
    ul: [],
    ol: [],
    li: [],
    em: [],
    strong: [],
    code: [],
    br: [],
    a: ["href", "rel"],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ["script", "style"],
  onTagAttr(tag, name, value) {
    // Only absolute web and mail links; anything else (javascript:, data:, relative tricks) loses its href.
    if (tag === "a" && name === "href") return SAFE_URL.test(value.trim()) ? `href="${value}"` : "";
    return undefined;
  },
});

/** Characters that can start Markdown or need escaping; text without them is plain text. */
const MARKUP = /[*_`[\]<>&\\\n]|^\s*(\d+[.)]|[-+])\s/m;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A blank line between paragraphs, or a line that starts a list item. */
const BLOCKS = /\n[ \t]*\n\s*\S|^[ \t]*(\d+[.)]|[-+*])[ \t]+\S/m;

/**
 * Whether the text holds paragraphs or a list, which only the block form shows as written: a
 * place that would show it inside a line (a heading's description, a list item) shows it as a
 * block instead, rather than running "1. … 2. …" together.
 */
export function hasBlocks(text: string): boolean {
  return BLOCKS.test(text.trim());
}

/** Ladder text as safe HTML: block form (paragraphs, lists) by default, or `inline` (one line, no paragraph). */
export function richTextHtml(text: string, options: { inline?: boolean } = {}): string {
  // Most ladder text is plain sentences: nothing to parse.
  if (!MARKUP.test(text)) return options.inline ? escapeHtml(text) : `<p>${escapeHtml(text)}</p>`;
  const html = options.inline ? markdown.renderInline(text) : markdown.render(text);
  return sanitizer.process(html).trim();
}

/** Ladder text as the words a reader sees, without markup: what search matches. */
export function richTextPlain(text: string): string {
  if (!MARKUP.test(text)) return text;
  return markdown
    .renderInline(text.replace(/^\s*(\d+[.)]|[-+*])\s+/gm, ""))
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

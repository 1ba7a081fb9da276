import MarkdownIt from "markdown-it";
import { FilterXSS } from "xss";
import { escapeHtml, hasMarkup } from "./rich-text";

/**
 * Ladder text (descriptions, summaries, expectations, examples, interview material) may use a
 * small part of Markdown: paragraphs, bullet and numbered lists, emphasis, links and inline
 * code (docs/ladders.md, "Text and Markdown"). It is rendered on the server only, the same way for
 * every page, its data and print (decision 129), by markdown-it with raw HTML off (HTML in the text shows as text)
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

/** Ladder text as safe HTML in block form (paragraphs, lists); `inlineHtml` gives one paragraph's inline form. */
export function richTextHtml(text: string): string {
  // Most ladder text is plain sentences: nothing to parse.
  if (!hasMarkup(text)) return `<p>${escapeHtml(text)}</p>`;
  return sanitizer.process(markdown.render(text)).trim();
}

/** Ladder text as the words a reader sees, without markup: what search matches. */
export function richTextPlain(text: string): string {
  if (!hasMarkup(text)) return text;
  return markdown
    .renderInline(text.replace(/^\s*(\d+[.)]|[-+*])\s+/gm, ""))
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

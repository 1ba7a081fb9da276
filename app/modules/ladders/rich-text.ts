/**
 * What the browser needs of ladder text's Markdown (docs/ladders.md, "Text and Markdown"): a text
 * without markup is plain sentences, escaped here; a text with markup is turned into HTML on the
 * server (`rich-text.server.ts`) and sent with the page's data (`richText`), so no Markdown parser
 * is among the scripts a page makes the browser fetch (decision 129).
 */

/** A page's ladder texts that hold Markdown, each with its HTML in block form (paragraphs, lists). */
export type RichTextHtml = Record<string, string>;

/** Characters that can start Markdown or need escaping; text without them is plain text. */
const MARKUP = /[*_`[\]<>&\\\n]|^\s*(\d+[.)]|[-+])\s/m;

export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

export function escapeHtml(text: string): string {
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

/**
 * The inline form of a text's block HTML: one paragraph's content, without the paragraph. Null
 * when the HTML is more than one paragraph, which shows as a block wherever it stands. Said with
 * string searches: a pattern that looks ahead at every character took a scorecard's ladder texts
 * 1.6% of its page.
 */
export function inlineHtml(blockHtml: string): string | null {
  if (!blockHtml.startsWith("<p>") || !blockHtml.endsWith("</p>")) return null;
  const content = blockHtml.slice(3, -4);
  return content.includes("<p>") || content.includes("</p>") ? null : content;
}

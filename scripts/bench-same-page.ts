/**
 * Whether Rungs and the checkout served beside it (`npm run bench -- --against DIR`) show the same
 * page. The other checkout reads today's database with its own code: where a stored shape changed
 * since (a mentorship pair's explanation stored as messages, which Remix 2's parser refuses), it
 * shows less, and its CPU per request is that of a different, lighter page. Such a row is not held
 * to the "before" bar and says why.
 */

/** The text a reader sees in a document: no scripts, styles or templates, no comments (React 18 puts one between adjacent texts), no tags; spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How far apart two documents' visible text may be and still be one page shown by two versions: wording and markup drift, a section missing does not. */
export const SAME_PAGE_TOLERANCE = 0.1;

/** A reason the two documents are not one page (their visible text differs by more than the tolerance), or null. */
export function notTheSamePage(ours: string, theirs: string): string | null {
  const [a, b] = [visibleText(ours).length, visibleText(theirs).length];
  if (Math.abs(a - b) <= SAME_PAGE_TOLERANCE * Math.max(a, b)) return null;
  const kb = (length: number) => (length / 1024).toFixed(1);
  return `before shows ${kb(b)} KB of text against ${kb(a)}: not the same page, not held to the before bar`;
}

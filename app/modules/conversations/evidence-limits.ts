/** How long one piece of evidence may be: a sentence or two; a link carries the rest. */
export const EVIDENCE_TEXT_LIMIT = 500;

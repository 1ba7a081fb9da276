import { normaliseText, words } from "./text-similarity";

/**
 * Search over a ladder's expectations as plain words, apart from the ladder: the app searches a
 * ladder through searchExpectations (search-expectations.ts), and the published site's search
 * page runs this same code in the browser over an index written at build time. It imports
 * nothing heavier than text-similarity, so the browser bundle stays small.
 */
export interface SearchEntry {
  trackId: string;
  levelId: string;
  competencyId: string;
  /** The expectation's words, without Markdown. */
  text: string;
  examples: string[];
}

export interface SearchIndex {
  entries: SearchEntry[];
  /** Competency id -> its name, which a query may also match. */
  competencyNames: Record<string, string>;
}

export interface ExpectationSearchHit extends SearchEntry {
  /** The best place the query matched: the expectation itself, one of its examples, or the competency's name. */
  matchedIn: "expectation" | "example" | "competency";
  score: number;
}

/** The most hits a search page shows: the published site words its result count for each count up to it. */
export const SEARCH_PAGE_LIMIT = 100;

export interface SearchExpectationsOptions {
  /** Default 50. */
  limit?: number;
  trackId?: string;
}

/**
 * Finds expectations containing every word of the query (case- and accent-insensitive) in the
 * expectation, its examples or its competency's name. Matches in the expectation's own words
 * rank first, then examples, then the competency name; the whole phrase and word starts rank
 * higher; ties keep index order (track, level, competency).
 */
export function searchIndex(
  index: SearchIndex,
  query: string,
  options: SearchExpectationsOptions = {},
): ExpectationSearchHit[] {
  const tokens = [...new Set(words(query))];
  if (tokens.length === 0) return [];
  const phrase = normaliseText(query);
  const names = new Map(
    Object.entries(index.competencyNames).map(([id, name]) => [id, normaliseText(name)]),
  );
  const hits: ExpectationSearchHit[] = [];
  for (const entry of index.entries) {
    if (options.trackId !== undefined && entry.trackId !== options.trackId) continue;
    const scored = score(tokens, phrase, {
      text: normaliseText(entry.text),
      examples: entry.examples.map(normaliseText),
      name: names.get(entry.competencyId) ?? "",
    });
    if (scored === undefined) continue;
    hits.push({
      trackId: entry.trackId,
      levelId: entry.levelId,
      competencyId: entry.competencyId,
      text: entry.text,
      examples: entry.examples,
      ...scored,
    });
  }
  // Array.prototype.sort is stable, so equal scores stay in index order.
  return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 50);
}

interface Haystack {
  text: string;
  examples: string[];
  name: string;
}

function score(
  tokens: string[],
  phrase: string,
  haystack: Haystack,
): Pick<ExpectationSearchHit, "matchedIn" | "score"> | undefined {
  let total = 0;
  let inText = false;
  let inExample = false;
  for (const token of tokens) {
    if (haystack.text.includes(token)) {
      inText = true;
      total += startsAWord(haystack.text, token) ? 4 : 3;
    } else if (haystack.examples.some((example) => example.includes(token))) {
      inExample = true;
      total += haystack.examples.some((example) => startsAWord(example, token)) ? 2.5 : 2;
    } else if (haystack.name.includes(token)) {
      total += 1;
    } else {
      return undefined;
    }
  }
  if (tokens.length > 1) {
    if (haystack.text.includes(phrase)) total += 6;
    else if (haystack.examples.some((example) => example.includes(phrase))) total += 3;
    else if (haystack.name.includes(phrase)) total += 2;
  }
  return { matchedIn: inText ? "expectation" : inExample ? "example" : "competency", score: total };
}

function startsAWord(text: string, token: string): boolean {
  return words(text).some((word) => word.startsWith(token));
}

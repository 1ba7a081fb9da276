import { richTextPlain } from "./rich-text";
import { normaliseText, words } from "./text-similarity";
import type { Ladder } from "./types";

export interface ExpectationSearchHit {
  trackId: string;
  levelId: string;
  competencyId: string;
  text: string;
  examples: string[];
  /** The best place the query matched: the expectation itself, one of its examples, or the competency's name. */
  matchedIn: "expectation" | "example" | "competency";
  score: number;
}

export interface SearchExpectationsOptions {
  /** Default 50. */
  limit?: number;
  trackId?: string;
}

/**
 * Finds expectations containing every word of the query (case- and accent-insensitive) in the
 * expectation, its examples or its competency's name. Matches in the expectation's own words
 * rank first, then examples, then the competency name; the whole phrase and word starts rank
 * higher; ties keep ladder order (track, level, competency).
 */
export function searchExpectations(ladder: Ladder, query: string, options: SearchExpectationsOptions = {}): ExpectationSearchHit[] {
  const tokens = [...new Set(words(query))];
  if (tokens.length === 0) return [];
  const phrase = normaliseText(query);
  const names = new Map(ladder.competencies.map((competency) => [competency.id, normaliseText(competency.name)]));
  const hits: ExpectationSearchHit[] = [];
  for (const track of ladder.tracks) {
    if (options.trackId !== undefined && track.id !== options.trackId) continue;
    for (const level of track.levels) {
      for (const competencyId of track.competencyIds) {
        for (const expectation of level.expectations[competencyId] ?? []) {
          // Search reads the words, not the Markdown around them; hits show those words.
          const text = richTextPlain(expectation.text);
          const examples = expectation.examples.map(richTextPlain);
          const scored = score(tokens, phrase, {
            text: normaliseText(text),
            examples: examples.map(normaliseText),
            name: names.get(competencyId) ?? "",
          });
          if (scored === undefined) continue;
          hits.push({ trackId: track.id, levelId: level.id, competencyId, text, examples, ...scored });
        }
      }
    }
  }
  // Array.prototype.sort is stable, so equal scores stay in ladder order.
  return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 50);
}

interface Haystack {
  text: string;
  examples: string[];
  name: string;
}

function score(tokens: string[], phrase: string, haystack: Haystack): Pick<ExpectationSearchHit, "matchedIn" | "score"> | undefined {
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

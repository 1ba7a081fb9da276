import { richTextPlain } from "./rich-text.server";
import {
  searchIndex,
  type ExpectationSearchHit,
  type SearchExpectationsOptions,
  type SearchIndex,
} from "./search-index";
import type { Ladder } from "./types";

export type { ExpectationSearchHit, SearchExpectationsOptions } from "./search-index";

/** Every expectation of the ladder as plain words (search reads the words, not the Markdown around them), in ladder order: track, level, competency. */
export function ladderSearchIndex(ladder: Ladder): SearchIndex {
  return {
    entries: ladder.tracks.flatMap((track) =>
      track.levels.flatMap((level) =>
        track.competencyIds.flatMap((competencyId) =>
          (level.expectations[competencyId] ?? []).map((expectation) => ({
            trackId: track.id,
            levelId: level.id,
            competencyId,
            text: richTextPlain(expectation.text),
            examples: expectation.examples.map(richTextPlain),
          })),
        ),
      ),
    ),
    competencyNames: Object.fromEntries(
      ladder.competencies.map((competency) => [competency.id, competency.name]),
    ),
  };
}

/** Searches the ladder's expectations (see searchIndex for how hits are found and ranked). */
export function searchExpectations(
  ladder: Ladder,
  query: string,
  options: SearchExpectationsOptions = {},
): ExpectationSearchHit[] {
  return searchIndex(ladderSearchIndex(ladder), query, options);
}

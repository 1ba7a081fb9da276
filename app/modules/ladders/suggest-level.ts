import type { Message } from "~/i18n/messages";
import { check, didYouMeanHint } from "./check-messages";
import type { LadderParts } from "./merge";
import { closestMatch, editDistance } from "./suggest";
import { largest, smallest } from "~/utils/extremes";

/** A level a misspelt level id may have meant: its track and position when its track loaded. */
export interface LevelCandidate {
  id: string;
  trackId?: string;
  rank?: number;
}

/** Every level id written in the ladder, with its track where the track is valid. */
export function levelCandidates(parts: LadderParts): LevelCandidate[] {
  const candidates = new Map<string, LevelCandidate>();
  for (const track of parts.tracks) {
    track.value.levels.forEach(
      (level, rank) =>
        candidates.has(level.id) ||
        candidates.set(level.id, { id: level.id, trackId: track.value.id, rank }),
    );
  }
  for (const sighting of parts.sightings.level)
    if (!candidates.has(sighting.id)) candidates.set(sighting.id, { id: sighting.id });
  return [...candidates.values()];
}

const NUMBERED = /^(.*?)(\d+)$/;

/**
 * The level an unknown level id most likely meant. Level ids are mostly a track's name and a
 * number (`backend-9`, `ic7`), and every `backend-N` is one letter away from `backend-9`, so edit
 * distance alone picks the first of them. A numbered id is matched by its prefix and then by the
 * nearest number (past the top, the highest level of that track), unless one level is plainly the
 * typo; anything else by edit distance.
 */
export function suggestLevel(
  word: string,
  candidates: readonly LevelCandidate[],
): { id: string; note: Message | "" } | undefined {
  // `senior-one` for `senior-1`, `ic-two` for `ic2`: the same level, its number written out or set apart.
  const spelt = candidates.find(
    (candidate) => candidate.id !== word && plainLevel(candidate.id) === plainLevel(word),
  );
  if (spelt !== undefined) return { id: spelt.id, note: "" };
  const numbered = NUMBERED.exec(word);
  if (numbered) {
    const [, prefix, digits] = numbered;
    const wanted = Number(digits);
    const siblings = candidates
      .map((candidate) => ({ candidate, match: NUMBERED.exec(candidate.id) }))
      .filter(
        ({ candidate, match }) => match !== null && match[1] === prefix && candidate.id !== word,
      )
      .map(({ candidate, match }) => ({ candidate, number: Number(match![2]) }));
    if (siblings.length > 0) {
      const numbers = siblings.map((sibling) => sibling.number);
      const highest = largest(numbers);
      const lowest = smallest(numbers);
      // One sibling closer in spelling than the rest is a slip of the keyboard (`ic22` for `ic2`);
      // when several are equally close (`backend-9`), the number decides.
      const distances = siblings.map((sibling) => editDistance(word, sibling.candidate.id));
      const closest = smallest(distances);
      const likely = siblings.filter((_, index) => distances[index] === closest);
      const nearest = likely.reduce((best, sibling) =>
        Math.abs(sibling.number - wanted) < Math.abs(best.number - wanted) ? sibling : best,
      );
      if (likely.length === 1) return { id: nearest.candidate.id, note: "" };
      const { candidate } = nearest;
      const end = wanted > highest ? "highest" : wanted < lowest ? "lowest" : undefined;
      if (end === undefined) return { id: candidate.id, note: "" };
      return {
        id: candidate.id,
        note:
          candidate.trackId === undefined
            ? check(`hints.${end}`)
            : check(`hints.${end}OfTrack`, { track: candidate.trackId }),
      };
    }
  }
  const match = closestMatch(
    word,
    candidates.map((candidate) => candidate.id),
  );
  return match === undefined ? undefined : { id: match, note: "" };
}

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

/** A level id with its numbers as digits and nothing between letters and digits: `senior-one` and `senior-1` are both `senior1`. */
function plainLevel(id: string): string {
  return id
    .toLowerCase()
    .replace(/[a-z]+/g, (word) =>
      NUMBER_WORDS.includes(word) ? String(NUMBER_WORDS.indexOf(word)) : word,
    )
    .replace(/[^a-z0-9]+/g, "");
}

/** ` (did you mean "backend-4", the highest level of track "backend"?)`, or "" when nothing is close. */
export function didYouMeanLevel(word: string, candidates: readonly LevelCandidate[]): Message | "" {
  const suggestion = suggestLevel(word, candidates);
  return didYouMeanHint(suggestion?.id, suggestion?.note);
}

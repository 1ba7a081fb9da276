/**
 * Words that describe a person's character rather than what they did. Feedback that reaches for
 * them says little a person can act on, and it is not given evenly: Kieran Snyder found "abrasive"
 * in 17 of 83 critical reviews of women and in none of 94 of men, with "bossy", "aggressive",
 * "strident", "emotional" and "irrational" following the same pattern ("The abrasiveness trap:
 * High-achieving men and women are described differently in reviews", Fortune, 26 August 2014).
 * Shelley Correll and Caroline Simard found women's reviews vaguer and more often about
 * communication style ("too aggressive"), and that vague feedback holds people back ("Research:
 * Vague Feedback Is Holding Women Back", Harvard Business Review, 29 April 2016).
 *
 * The word check (word-check.ts) flags these while people write, and suggests describing the
 * behaviour and its effect instead. It advises and never blocks: some words have ordinary uses
 * ("a difficult migration"), and the writer decides.
 *
 * Each entry is a base word and how it inflects: adjectives take -ly and -ness (and -er, -est
 * where short), nouns take a plural. Matching is by whole word, case-insensitive (word-check.ts),
 * so "dramatic" never matches inside "melodramatic".
 */
export type PersonalityWord = { word: string; kind: "adjective" | "noun" };

export const PERSONALITY_WORDS: readonly PersonalityWord[] = [
  { word: "abrasive", kind: "adjective" },
  { word: "aggressive", kind: "adjective" },
  { word: "arrogant", kind: "adjective" },
  { word: "bossy", kind: "adjective" },
  { word: "brash", kind: "adjective" },
  { word: "combative", kind: "adjective" },
  { word: "defensive", kind: "adjective" },
  { word: "difficult", kind: "adjective" },
  { word: "dramatic", kind: "adjective" },
  { word: "emotional", kind: "adjective" },
  { word: "feisty", kind: "adjective" },
  { word: "harsh", kind: "adjective" },
  { word: "hysterical", kind: "adjective" },
  { word: "intimidating", kind: "adjective" },
  { word: "irrational", kind: "adjective" },
  { word: "moody", kind: "adjective" },
  { word: "prickly", kind: "adjective" },
  { word: "pushy", kind: "adjective" },
  { word: "shrill", kind: "adjective" },
  { word: "strident", kind: "adjective" },
  { word: "temperamental", kind: "adjective" },
  { word: "whiny", kind: "adjective" },
  { word: "diva", kind: "noun" },
  { word: "drama", kind: "noun" },
];

/** The forms of a word the check recognises, lower-case: the word itself and its simple inflections. */
export function inflections({ word, kind }: PersonalityWord): string[] {
  if (kind === "noun") return [word, `${word}s`];
  const forms = [word];
  if (word.endsWith("y")) {
    const stem = word.slice(0, -1);
    forms.push(`${stem}ier`, `${stem}iest`, `${stem}ily`, `${stem}iness`);
  } else if (word.endsWith("ic")) {
    forms.push(`${word}ally`);
  } else if (word.endsWith("ll")) {
    forms.push(`${word}y`, `${word}ness`, `${word}er`, `${word}est`);
  } else if (word.endsWith("le")) {
    forms.push(`${word.slice(0, -1)}y`);
  } else {
    forms.push(`${word}ly`, `${word}ness`);
    if (word.length <= 5) forms.push(`${word}er`, `${word}est`);
  }
  return forms;
}

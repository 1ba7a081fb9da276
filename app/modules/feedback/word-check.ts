/**
 * The check people see while they write feedback: it flags personality words (personality-words.ts)
 * and answers without an example, and suggests what to write instead. It is advice, shown live
 * beside the answer: it never blocks saving or submitting. Pure: the server runs it as it renders
 * the answer form, on save, and for the page's draft script as an example is typed
 * (`/feedback/word-check`, decision 167).
 *
 * What counts as an example (the rule the form explains):
 * - at least MIN_EXAMPLE_WORDS words, since a behaviour and its effect do not fit in fewer; and
 * - at least one marker of something concrete that happened (EXAMPLE_MARKERS): a time (a day, a
 *   month, "last sprint", a quarter), an artefact (a pull request, an RFC, a ticket key such as
 *   PAY-123, an incident), a link, or a situation ("when …", "during …", "in the design review").
 * The markers are a floor, not proof: an answer can carry one and still say little. They catch the
 * common case of an answer that is only an impression ("great to work with, very reliable").
 */
import { wordsOf, type Message } from "~/i18n/messages";
import { inflections, PERSONALITY_WORDS } from "./personality-words";

export const MIN_EXAMPLE_WORDS = 12;

export type MarkerKind = "time" | "artefact" | "link" | "situation";

const MONTHS = "january|february|march|april|june|july|august|september|october|november|december";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MEETINGS =
  "review|meeting|retro|retrospective|standup|stand-up|planning|incident|kick-?off|interview|one-to-one|1:1|demo|offsite|workshop|post-?mortem";

export const EXAMPLE_MARKERS: readonly { kind: MarkerKind; pattern: RegExp }[] = [
  { kind: "link", pattern: /\bhttps?:\/\/\S+/i },
  { kind: "time", pattern: new RegExp(`\\b(${MONTHS}|${DAYS}|yesterday|today)\\b`, "i") },
  {
    kind: "time",
    pattern: /\b(last|this|next|previous|that) (week|month|quarter|sprint|cycle|year|release)\b/i,
  },
  {
    kind: "time",
    pattern: /\b(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}(\/\d{2,4})?|q[1-4]|h[12]|sprint \d+)\b/i,
  },
  {
    kind: "artefact",
    pattern:
      /\b(pull requests?|merge requests?|prs?|commits?|rfcs?|design docs?|documents?|docs|tickets?|incidents?|runbooks?|releases?|deploys?|deployments?|migrations?|outages?|code reviews?|post-?mortems?|dashboards?|proposals?|specs?|prototypes?|tests?)\b/i,
  },
  { kind: "artefact", pattern: /(#\d+\b|\b[A-Z][A-Z0-9]{1,9}-\d+\b)/ },
  { kind: "situation", pattern: /\b(when|during|for example|for instance)\b|\be\.g\./i },
  {
    kind: "situation",
    pattern: new RegExp(
      `\\bin (the|our|a|an|his|her|their|your) [\\w' -]{0,40}?(${MEETINGS})\\b`,
      "i",
    ),
  },
];

export type FlaggedWord = {
  /** The word as written. */
  text: string;
  /** The listed word it is a form of. */
  word: string;
  start: number;
  end: number;
};

export type ExampleVerdict = "example" | "empty" | "too-short" | "no-marker";

export type AnswerCheck = {
  words: FlaggedWord[];
  example: ExampleVerdict;
  markers: MarkerKind[];
  /** The personality words found, each once, lowercased: the first suggestion names them. */
  flagged: string[];
  /** Advice, worded in the writer's language where it is shown; empty when there is nothing to suggest. */
  suggestions: Message[];
};

const FORMS: ReadonlyMap<string, string> = new Map(
  PERSONALITY_WORDS.flatMap((entry) =>
    inflections(entry).map((form) => [form, entry.word] as const),
  ),
);

/** Personality words in the text: whole words only (letters on both sides end a word), any case. */
export function personalityWordsIn(text: string): FlaggedWord[] {
  const found: FlaggedWord[] = [];
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = FORMS.get(match[0].toLowerCase());
    if (word)
      found.push({ text: match[0], word, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function markersIn(text: string): MarkerKind[] {
  return [
    ...new Set(
      EXAMPLE_MARKERS.filter((marker) => marker.pattern.test(text)).map((marker) => marker.kind),
    ),
  ];
}

export function exampleVerdict(text: string): { verdict: ExampleVerdict; markers: MarkerKind[] } {
  const trimmed = text.trim();
  if (!trimmed) return { verdict: "empty", markers: [] };
  const markers = markersIn(trimmed);
  if (wordCount(trimmed) < MIN_EXAMPLE_WORDS) return { verdict: "too-short", markers };
  return { verdict: markers.length ? "example" : "no-marker", markers };
}

/** The whole check of one answer's text. */
export function checkAnswer(text: string): AnswerCheck {
  const words = personalityWordsIn(text);
  const { verdict, markers } = exampleVerdict(text);
  const suggestions: Message[] = [];
  const flagged = [...new Set(words.map((flag) => flag.text.toLowerCase()))];
  // The words themselves are listed where the advice is worded, in the language's quotes and list.
  if (flagged.length)
    suggestions.push({ key: "feedback:wordCheck.personality", values: { count: flagged.length } });
  if (verdict === "empty") suggestions.push({ key: "feedback:wordCheck.empty" });
  if (verdict === "too-short")
    suggestions.push({ key: "feedback:wordCheck.tooShort", values: { min: MIN_EXAMPLE_WORDS } });
  if (verdict === "no-marker") suggestions.push({ key: "feedback:wordCheck.noMarker" });
  return { words, example: verdict, markers, flagged, suggestions };
}

/**
 * The check's advice on an example in the reader's words, the words it flags quoted and listed as
 * their language writes a list (`list`, the page's formats); none on an empty example.
 */
export function wordCheckAdvice(
  t: Parameters<typeof wordsOf>[0],
  list: (items: string[]) => string,
  text: string,
): string[] {
  if (!text.trim()) return [];
  const check = checkAnswer(text);
  const words = list(
    check.flagged.map((word) => wordsOf(t, { key: "feedback:wordCheck.quoted", values: { word } })),
  );
  return check.suggestions.map((said) =>
    wordsOf(t, { key: said.key, values: { ...said.values, words } }),
  );
}

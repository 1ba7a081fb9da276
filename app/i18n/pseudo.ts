import type { ResourceLanguage } from "i18next";

/**
 * The pseudo-language (en-XA), made from English: every letter accented and each message 40%
 * longer, between brackets, so that words a page writes itself stand out in plain English, a cut
 * message shows a missing bracket, and a layout meets longer words before German does. ICU's
 * syntax is kept: only text outside an argument's braces (or inside a plural's or a choice's
 * branches) changes.
 */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ"].map((letter, i) => [
    letter,
    [..."åƀçđéĝĥîķļñöŕšţûýžÅƁÇĐÉĜĤÎĶĻÑÖŔŠŢÛÝŽ"][i]!,
  ]),
);

export function pseudoMessage(message: string): string {
  let depth = 0;
  let letters = 0;
  let out = "";
  for (const char of message) {
    if (char === "{") depth++;
    if (char === "}") depth--;
    // Even depth is text: the message's own (0) or a branch's inside an argument (2, 4 …).
    const isText = depth % 2 === 0 && char !== "{" && char !== "}" && char !== "#";
    if (isText && /\p{L}/u.test(char)) letters++;
    out += isText ? (ACCENTED[char] ?? char) : char;
  }
  return `[${out}${" ~".repeat(Math.ceil((letters * 0.4) / 2))}]`;
}

/** Every English message, as the pseudo-language says it. */
export function pseudoResources(english: ResourceLanguage): ResourceLanguage {
  const convert = (value: unknown): unknown =>
    typeof value === "string"
      ? pseudoMessage(value)
      : Object.fromEntries(
          Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
            key,
            convert(inner),
          ]),
        );
  return convert(english) as ResourceLanguage;
}

// The words of every shipped message, without ICU's syntax: what the language checks (register,
// glossary, typography, plurals) read. Not a test file: the checks import it.
import IntlMessageFormat from "intl-messageformat";
import { LANGUAGES, NAMESPACES, type Language } from "~/i18n/languages";
import ar from "~/locales/ar";
import de from "~/locales/de";
import en from "~/locales/en";
import es from "~/locales/es";
import fr from "~/locales/fr";

type Tree = { [key: string]: string | Tree };
const shipped: Record<string, Record<string, Tree>> = { en, de, fr, es, ar };

export type Element = {
  type: number;
  value?: string;
  pluralType?: "cardinal" | "ordinal";
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
};

// Element types of @formatjs/icu-messageformat-parser.
export const LITERAL = 0;
export const SELECT = 5;
export const PLURAL = 6;
export const POUND = 7;
export const TAG = 8;

function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[prefix + key, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

/** Every message of a language as [namespace:key, message, parsed]. */
export function messagesOf(language: Language): [string, string, Element[]][] {
  return NAMESPACES.flatMap((namespace) =>
    flatten(shipped[language]![namespace] ?? {}).map(
      ([key, message]): [string, string, Element[]] => [
        `${namespace}:${key}`,
        message,
        new IntlMessageFormat(message, LANGUAGES[language].locale).getAst() as Element[],
      ],
    ),
  );
}

/**
 * The texts a message shows, each starting where a reader starts reading: the message itself and
 * each option of its plurals and choices. An argument stands as "§", the plural's count as "#";
 * ICU's escapes are already undone (a literal apostrophe written '' reads as ').
 */
export function textsOf(elements: Element[]): string[] {
  const texts: string[] = [];
  const walk = (parts: Element[]): string => {
    let text = "";
    for (const part of parts) {
      if (part.type === LITERAL) text += part.value ?? "";
      else if (part.type === POUND) text += "#";
      else if (part.type === TAG) text += walk(part.children ?? []);
      else {
        text += "§";
        for (const option of Object.values(part.options ?? {})) {
          const inner = walk(option.value);
          if (inner) texts.push(inner);
        }
      }
    }
    return text;
  };
  const top = walk(elements);
  if (top) texts.unshift(top);
  return texts;
}

/** Every cardinal plural of a message with the categories it writes (exact matches such as =0 left out). */
export function pluralsOf(elements: Element[], found: string[][] = []): string[][] {
  for (const element of elements) {
    if (element.type === PLURAL && element.pluralType !== "ordinal")
      found.push(
        Object.keys(element.options ?? {}).filter((selector) => !selector.startsWith("=")),
      );
    for (const option of Object.values(element.options ?? {})) pluralsOf(option.value, found);
    if (element.children) pluralsOf(element.children, found);
  }
  return found;
}

/** The messages of a language where a pattern occurs in what a reader reads, with the words found. */
export function offenders(language: Language, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const [key, , parsed] of messagesOf(language))
    for (const text of textsOf(parsed)) {
      const match = text.match(pattern);
      if (match) {
        found.push(
          `${key}: …${text.slice(Math.max(0, match.index! - 20), match.index! + match[0].length + 20)}…`,
        );
        break;
      }
    }
  return found;
}

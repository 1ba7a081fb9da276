import IntlMessageFormat from "intl-messageformat";
import type { i18n } from "i18next";
import { directionOf, isPageLanguage, SOURCE_LANGUAGE } from "./languages";

/**
 * A `t` that words a key as i18next with its ICU plugin does (the message of the language, else
 * English's, formatted by intl-messageformat with tags ignored; the raw message if it cannot be
 * formatted; the key if no language has it), without i18next's per-call machinery. A page of a
 * few thousand words (the team overview) spent a quarter of its server time in `t` (decision
 * 080); this spends it once per message. Messages come from the instance's store through its
 * public `getResource`, so the browser's chunks and the pseudo-language are read the same way.
 */
type Compiled = {
  source: string;
  language: string;
  format: IntlMessageFormat | null;
  parts: Part[] | null;
  /** The arguments the message writes out as text (never a select's or a plural's): those it isolates. */
  texts: readonly string[];
};

/**
 * A message that is only text, plain arguments (`Hello {name}`) and numbers (`{rate, number, percent}`),
 * as its text and arguments in order; a number's with the `Intl.NumberFormat` options its style names.
 */
type Part = string | { argument: string; number?: NumberStyle };

/** A number argument's options (none for `{n, number}`) and the factor a skeleton's `scale/` multiplies by. */
type NumberStyle = { options: (Intl.NumberFormatOptions & { scale?: number }) | undefined };

/** intl-messageformat's kinds of parsed element (the parser's `TYPE`): text, a plain argument, a number, a select. */
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
/** The parser's kind of a number skeleton (`::percent .00`), whose options it parses once. */
const NUMBER_SKELETON = 0;

type Element = {
  type: number;
  value?: unknown;
  style?: unknown;
  options?: Record<string, { value: Element[] }>;
};

/** The arguments a message writes out as text anywhere (inside a plural's or select's branches too), less those a select chooses by. */
function textArguments(elements: readonly Element[]): string[] {
  const texts = new Set<string>();
  const chosen = new Set<string>();
  const walk = (list: readonly Element[]) => {
    for (const element of list) {
      if (element.type === ARGUMENT && typeof element.value === "string") texts.add(element.value);
      if (element.type === SELECT && typeof element.value === "string") chosen.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(elements);
  return [...texts].filter((name) => !chosen.has(name));
}

/**
 * Letters of the scripts written right to left, and of every other script: a value with letters
 * of the direction the page is not written in is isolated (decision 107).
 */
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LEFT_TO_RIGHT =
  /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/u;

/**
 * The values with each text argument that holds letters of the other direction than the page's put
 * between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, as Fluent does: a Latin
 * name in an Arabic sentence, an Arabic one in an English sentence, keeps its own order and leaves
 * the sentence's punctuation where it was. Values of the page's direction are left as they are.
 */
function isolated(
  rightToLeft: boolean,
  names: readonly string[],
  values: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!values || names.length === 0) return values;
  const other = rightToLeft ? LEFT_TO_RIGHT : RIGHT_TO_LEFT;
  let copy: Record<string, unknown> | undefined;
  for (const name of names) {
    const value = values[name];
    if (typeof value === "string" && other.test(value))
      (copy ??= { ...values })[name] = `\u2068${value}\u2069`;
  }
  return copy ?? values;
}

/** A number element's options, as intl-messageformat finds them: a named style among its formats, a skeleton's parsed options. */
function numberStyle(element: Element): NumberStyle | null {
  const style = element.style;
  if (style === null || style === undefined) return { options: undefined };
  if (typeof style === "string") {
    const named = (IntlMessageFormat.formats.number as Record<string, Intl.NumberFormatOptions>)[
      style
    ];
    return named ? { options: named } : null;
  }
  const skeleton = style as { type?: number; parsedOptions?: Intl.NumberFormatOptions };
  return skeleton.type === NUMBER_SKELETON && skeleton.parsedOptions
    ? { options: skeleton.parsedOptions }
    : null;
}

function partOf(element: Element): Part | null {
  if (typeof element.value !== "string") return null;
  if (element.type === LITERAL) return element.value;
  if (element.type === ARGUMENT) return { argument: element.value };
  if (element.type !== NUMBER) return null;
  const number = numberStyle(element);
  return number ? { argument: element.value, number } : null;
}

/** Each message parsed once, by language, namespace and key; a message whose text changed (a chunk reloaded in development) is parsed again. */
const compiled = new Map<string, Compiled>();

/** Text with none of ICU's special characters reads as it is written. */
const plain = /^[^{}'<]*$/;

/**
 * `Intl` formatters shared by every message, made once per language and options. Without them each
 * message keeps its own, found by serialising its arguments to JSON on every plural, `#` and number
 * it words: on a page of a few thousand words, more time than the formatting. The options a message
 * passes are objects of its parsed text, the same on every call, so they are found by identity; a
 * plural's is made afresh per call and is found by its type.
 */
function byLocaleAndOptions<F>(make: (locales: string | string[], options?: object) => F) {
  const withoutOptions = new Map<string, F>();
  const withOptions = new WeakMap<object, Map<string, F>>();
  return (locales: string | string[], options?: object): F => {
    const locale = String(locales);
    const known = options
      ? (withOptions.get(options) ?? withOptions.set(options, new Map()).get(options)!)
      : withoutOptions;
    let formatter = known.get(locale);
    if (formatter === undefined) known.set(locale, (formatter = make(locales, options)));
    return formatter;
  };
}

const pluralRules = new Map<string, Intl.PluralRules>();

const formatters = {
  getNumberFormat: byLocaleAndOptions(
    (locales, options) => new Intl.NumberFormat(locales, options),
  ),
  getDateTimeFormat: byLocaleAndOptions(
    (locales, options) => new Intl.DateTimeFormat(locales, options),
  ),
  getPluralRules: (locales: string | string[], options?: Intl.PluralRulesOptions) => {
    const key = `${String(locales)}\u0000${options?.type ?? ""}`;
    let rules = pluralRules.get(key);
    if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locales, options)));
    return rules;
  },
};

function compile(language: string, source: string): Compiled {
  if (plain.test(source)) return { source, language, format: null, parts: null, texts: [] };
  try {
    const format = new IntlMessageFormat(source, language, undefined, {
      ignoreTag: true,
      formatters,
    });
    const ast = format.getAst() as Element[];
    const parts = ast.map(partOf);
    return {
      source,
      language,
      format,
      parts: parts.every((part) => part !== null) ? (parts as Part[]) : null,
      texts: textArguments(ast),
    };
  } catch {
    // As i18next-icu does: a message that does not parse is shown as written.
    return { source, language, format: null, parts: null, texts: [] };
  }
}

/**
 * A message of text, plain arguments and numbers put together directly, as intl-messageformat puts
 * them (a string as it is, a number written out, nothing for an empty value; a number argument through
 * the shared formatter of its style, scaled as its skeleton says); undefined when a value is missing or
 * is something else, for intl-messageformat to say. Most messages are of this kind, and its general
 * path built and merged a list of parts for each (a tenth of a page of explained pairs, a twentieth of
 * the interviewer statistics' figures).
 */
function joined(
  language: string,
  parts: readonly Part[],
  values: Record<string, unknown> | undefined,
): string | undefined {
  let words = "";
  for (const part of parts) {
    if (typeof part === "string") {
      words += part;
      continue;
    }
    if (!values || !(part.argument in values)) return undefined;
    const value = values[part.argument];
    if (part.number) {
      if (typeof value !== "number") return undefined;
      const { options } = part.number;
      words += formatters
        .getNumberFormat(language, options)
        .format(options?.scale ? value * options.scale : value);
    } else if (typeof value === "string") words += value;
    else if (typeof value === "number" || typeof value === "bigint") words += String(value);
    else if (value) return undefined;
  }
  return words;
}

function lookup(
  instance: i18n,
  language: string,
  namespace: string,
  path: string,
): { language: string; source: string } | null {
  for (const candidate of language === SOURCE_LANGUAGE ? [language] : [language, SOURCE_LANGUAGE]) {
    const source: unknown = instance.getResource(candidate, namespace, path);
    if (typeof source === "string") return { language: candidate, source };
  }
  return null;
}

/**
 * Each key's message as found in a store, by language asked for: a page words the same few hundred
 * keys thousands of times, and finding one walks the store's tree (a tenth of the time of a page of
 * explained pairs). Forgotten whenever the store gains or loses messages (its documented `added` and
 * `removed` events: a language's chunk arriving in the browser, a reload in development); a key not
 * found is not kept, so it is looked up again until it is there.
 */
const found = new WeakMap<object, { byLanguageAndNamespace: Map<string, Map<string, Compiled>> }>();

function foundIn(instance: i18n): { byLanguageAndNamespace: Map<string, Map<string, Compiled>> } {
  let messages = found.get(instance.store);
  if (!messages) {
    const kept = { byLanguageAndNamespace: new Map<string, Map<string, Compiled>>() };
    // A fresh map rather than a cleared one: each `t` holds its language and namespace's map, and sees it replaced.
    const forget = () => (kept.byLanguageAndNamespace = new Map());
    found.set(instance.store, (messages = kept));
    instance.store.on("added", forget);
    instance.store.on("removed", forget);
  }
  return messages;
}

export type Wording = (key: string, values?: Record<string, unknown>) => string;

/**
 * The browser holds only the namespaces a page words from (decision 104). On the server, `used` is
 * told each namespace a page's render words from, so the page can name them; in the browser,
 * `missing` fetches a namespace the page has not loaded, and a `t` that asks for one suspends
 * until it is there (a page opened without a new document).
 */
export const namespaceHooks: {
  used?: (namespace: string) => void;
  missing?: (language: string, namespace: string) => Promise<void> | undefined;
} = {};

/** The words of `key` (`namespace:dotted.key`, or a key of `namespace`) in `language`, with `values`. */
export function wordingOf(instance: i18n, language: string, namespace: string): Wording {
  // The messages found for this language and namespace, by key as asked (a key naming its namespace
  // included): one lookup by the key itself, with no key put together per call.
  let kept: ReturnType<typeof foundIn> | undefined;
  let seen: Map<string, Map<string, Compiled>> | undefined;
  let messages: Map<string, Compiled> | undefined;
  namespaceHooks.used?.(namespace);
  const rightToLeft = isPageLanguage(language) && directionOf(language) === "rtl";
  return (key, given) => {
    kept ??= foundIn(instance);
    if (seen !== kept.byLanguageAndNamespace || !messages) {
      seen = kept.byLanguageAndNamespace;
      const scope = `${language}\u0000${namespace}`;
      messages = seen.get(scope) ?? seen.set(scope, new Map()).get(scope)!;
    }
    if (namespaceHooks.used) {
      const separator = key.indexOf(":");
      if (separator > 0) namespaceHooks.used(key.slice(0, separator));
    }
    let message = messages.get(key);
    if (!message) {
      const separator = key.indexOf(":");
      const [ns, path] =
        separator > 0 ? [key.slice(0, separator), key.slice(separator + 1)] : [namespace, key];
      const source = lookup(instance, language, ns, path);
      if (!source) {
        // Thrown, as React's Suspense asks: the render is tried again once the namespace is in.
        const arriving = namespaceHooks.missing?.(language, ns);
        if (arriving) throw arriving;
        return path;
      }
      const cacheKey = `${source.language}\u0000${ns}\u0000${path}`;
      message = compiled.get(cacheKey);
      if (message?.source !== source.source)
        compiled.set(cacheKey, (message = compile(source.language, source.source)));
      messages.set(key, message);
    }
    if (!message.format) return message.source;
    const values = isolated(rightToLeft, message.texts, given);
    if (message.parts) {
      const words = joined(message.language, message.parts, values);
      if (words !== undefined) return words;
    }
    try {
      return String(message.format.format(values as Record<string, string | number> | undefined));
    } catch {
      return message.source;
    }
  };
}

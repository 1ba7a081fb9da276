import type { InitOptions, TFunction } from "i18next";

/**
 * The languages Rungs speaks, English first: English is the source every other language is
 * translated from, and the language of last resort. Each is an i18next language (the folder of
 * its messages, `app/locales/<language>/`) with the locale `Intl` formats in and the direction
 * the page is written in.
 */
export const LANGUAGES = {
  en: { locale: "en-GB", dir: "ltr", name: "English" },
  de: { locale: "de", dir: "ltr", name: "Deutsch" },
  fr: { locale: "fr", dir: "ltr", name: "Français" },
  es: { locale: "es", dir: "ltr", name: "Español" },
  ar: { locale: "ar", dir: "rtl", name: "العربية" },
} as const satisfies Record<string, { locale: string; dir: "ltr" | "rtl"; name: string }>;

export type Language = keyof typeof LANGUAGES;

export const SOURCE_LANGUAGE: Language = "en";

export const languages = Object.keys(LANGUAGES) as Language[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.hasOwn(LANGUAGES, value);
}

/**
 * The pseudo-language (app/i18n/pseudo.ts): English accented and 40% longer, made from English when
 * the process starts, for development and tests only: a browser asks for it first in its
 * Accept-Language. Nobody chooses it, and production does not speak it.
 */
export const PSEUDO_LANGUAGE = "en-XA";

/** A language a page may be in: one Rungs speaks, or (outside production) the pseudo-language. */
export type PageLanguage = Language | typeof PSEUDO_LANGUAGE;

export function isPageLanguage(value: unknown): value is PageLanguage {
  return value === PSEUDO_LANGUAGE || isLanguage(value);
}

/** The locale `Intl` formats a page's language in, and its `<html lang>`. */
export function localeOf(language: PageLanguage): string {
  return language === PSEUDO_LANGUAGE ? PSEUDO_LANGUAGE : LANGUAGES[language].locale;
}

export function directionOf(language: PageLanguage): "ltr" | "rtl" {
  return language === PSEUDO_LANGUAGE ? "ltr" : LANGUAGES[language].dir;
}

/**
 * One namespace per area of the product, so the people converting different areas never edit
 * the same file. `common` holds the shell and the words every page shares.
 */
export const NAMESPACES = [
  "common",
  "admin",
  "api",
  "assessments",
  "auth",
  "calibration",
  "conversations",
  "cycles",
  "email",
  "exports",
  "feedback",
  "growth",
  "hiring",
  "home",
  "insights",
  "ladders",
  "ladderChecks",
  "mentorship",
  "opportunities",
  "goals",
  "panels",
  "people",
  "sponsorship",
  "retention",
  "promotions",
  "promotionsCommittee",
  "accessAudit",
  "promotionsAudit",
  "team",
  "teamHealth",
  "teamHealthLive",
  "webhooks",
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** The id of the list of namespaces a page's words come from, which the server adds to its HTML. */
export const NAMESPACES_ELEMENT_ID = "rungs-namespaces";

/** A `t` that takes any namespace's keys, written `namespace:key` (`common`'s without the prefix). */
export type AnyNamespaceT = TFunction<typeof NAMESPACES>;

/**
 * The options every instance shares, on the server and in the browser. Messages are ICU
 * MessageFormat (i18next-icu), so i18next's own interpolation and plural suffixes are unused;
 * React escapes what it renders, so values are not escaped twice.
 */
export const sharedOptions = {
  fallbackLng: SOURCE_LANGUAGE,
  ns: NAMESPACES,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  // react-i18next's own hooks are unused: Rungs' `t` (wording.ts) suspends itself on a namespace
  // the browser has not fetched yet.
  react: { useSuspense: false },
  initAsync: false,
} satisfies InitOptions;

/**
 * The language a request is answered in: the person's own choice, else the first their browser
 * asks for that Rungs speaks, else the organisation's, else English. Where `pseudo` is on (never in
 * production), a browser that asks for the pseudo-language first gets it, whatever else.
 */
export function chooseLanguage({
  chosen,
  acceptLanguage,
  organisation,
  pseudo = false,
}: {
  chosen: string | null;
  acceptLanguage: string | null;
  organisation: string | null;
  pseudo?: boolean;
}): PageLanguage {
  if (
    pseudo &&
    acceptLanguage?.split(",")[0]?.split(";")[0]?.trim().toLowerCase() ===
      PSEUDO_LANGUAGE.toLowerCase()
  )
    return PSEUDO_LANGUAGE;
  if (isLanguage(chosen)) return chosen;
  return (
    languageFromAcceptLanguage(acceptLanguage) ??
    (isLanguage(organisation) ? organisation : SOURCE_LANGUAGE)
  );
}

/**
 * The language of a request from its `Accept-Language` header (RFC 9110, 12.5.4): the supported
 * language the browser ranks highest, a regional tag (`de-AT`) taking its language (`de`);
 * null when it names none Rungs speaks.
 */
export function languageFromAcceptLanguage(header: string | null): Language | null {
  if (!header) return null;
  let best: { language: Language; quality: number } | null = null;
  for (const part of header.split(",")) {
    const [range = "", ...parameters] = part.trim().split(";");
    const q = parameters
      .map((parameter) => parameter.trim())
      .find((parameter) => parameter.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    if (!(quality > 0)) continue;
    const language = range.trim().toLowerCase().split("-")[0];
    // Equal qualities keep the browser's order: the first listed wins.
    if (isLanguage(language) && (!best || quality > best.quality)) best = { language, quality };
  }
  return best?.language ?? null;
}

/** The language whose locale a page's `<html lang>` names (the server's choice, which the browser follows). */
export function languageOfLocale(locale: string): PageLanguage {
  if (locale === PSEUDO_LANGUAGE) return PSEUDO_LANGUAGE;
  return languages.find((language) => LANGUAGES[language].locale === locale) ?? SOURCE_LANGUAGE;
}

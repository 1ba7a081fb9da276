import type { Resource } from "i18next";
import { useEffect } from "react";
import { isPageLanguage, PSEUDO_LANGUAGE, type PageLanguage } from "./languages";
import { pseudoResources } from "./pseudo";
import { useTranslation } from "./use-translation";

/**
 * Each language's messages, a chunk of its own: the browser fetches only the viewer's. Not a
 * `.client` module: the root calls `useFollowLanguage` while rendering on the server too, where a
 * `.client` module's exports are undefined (its effect, the only reader of the chunks, runs in the
 * browser alone).
 */
export const messages: Record<PageLanguage, () => Promise<{ default: Resource[string] }>> = {
  en: () => import("~/locales/en"),
  de: () => import("~/locales/de"),
  fr: () => import("~/locales/fr"),
  es: () => import("~/locales/es"),
  ar: () => import("~/locales/ar"),
  // Only a development or test server answers in it (chooseLanguage).
  [PSEUDO_LANGUAGE]: () =>
    import("~/locales/en").then((english) => ({ default: pseudoResources(english.default) })),
};

/**
 * The browser follows the server's choice of language when it changes without a new document (the
 * person chose another on their settings page): it loads that language's chunk, then switches.
 */
export function useFollowLanguage(language: string) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!isPageLanguage(language) || language === i18n.language) return;
    void messages[language]().then(({ default: resources }) => {
      for (const [namespace, bundle] of Object.entries(resources))
        i18n.addResourceBundle(language, namespace, bundle);
      return i18n.changeLanguage(language);
    });
  }, [language, i18n]);
}

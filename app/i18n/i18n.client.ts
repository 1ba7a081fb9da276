import { createInstance, type i18n, type Resource } from "i18next";
import ICU from "i18next-icu";
import { useEffect } from "react";
import { initReactI18next } from "react-i18next";
import { isPageLanguage, languageOfLocale, PSEUDO_LANGUAGE, sharedOptions, type PageLanguage } from "./languages";
import { pseudoResources } from "./pseudo";
import { useTranslation } from "./use-translation";

/** Each language's messages, a chunk of its own: the browser fetches only the viewer's. */
const messages: Record<PageLanguage, () => Promise<{ default: Resource[string] }>> = {
  en: () => import("~/locales/en"),
  de: () => import("~/locales/de"),
  fr: () => import("~/locales/fr"),
  es: () => import("~/locales/es"),
  ar: () => import("~/locales/ar"),
  // Only a development or test server answers in it (chooseLanguage).
  [PSEUDO_LANGUAGE]: () => import("~/locales/en").then((english) => ({ default: pseudoResources(english.default) })),
};

/**
 * The browser's instance, in the language the server chose for the page (its `<html lang>`),
 * ready before React hydrates so the first render says what the server said.
 */
export async function startI18n(): Promise<i18n> {
  const language = languageOfLocale(document.documentElement.lang);
  const { default: resources } = await messages[language]();
  const instance = createInstance({ ...sharedOptions, lng: language, resources: { [language]: resources } });
  await instance.use(new ICU()).use(initReactI18next).init();
  return instance;
}

/**
 * The browser follows the server's choice of language when it changes without a new document (the
 * person chose another on their settings page): it loads that language's chunk, then switches.
 */
export function useFollowLanguage(language: string) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!isPageLanguage(language) || language === i18n.language) return;
    void messages[language]().then(({ default: resources }) => {
      for (const [namespace, bundle] of Object.entries(resources)) i18n.addResourceBundle(language, namespace, bundle);
      return i18n.changeLanguage(language);
    });
  }, [language, i18n]);
}

import { createInstance, type i18n, type Resource } from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { languageOfLocale, sharedOptions, type Language } from "./languages";

/** Each language's messages, a chunk of its own: the browser fetches only the viewer's. */
const messages: Record<Language, () => Promise<{ default: Resource[string] }>> = {
  en: () => import("~/locales/en"),
  de: () => import("~/locales/de"),
  fr: () => import("~/locales/fr"),
  es: () => import("~/locales/es"),
  ar: () => import("~/locales/ar"),
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

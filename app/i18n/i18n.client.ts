import { createInstance, type i18n } from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { messages } from "./language-chunks";
import { languageOfLocale, sharedOptions } from "./languages";

/**
 * The browser's instance, in the language the server chose for the page (its `<html lang>`),
 * ready before React hydrates so the first render says what the server said.
 */
export async function startI18n(): Promise<i18n> {
  const language = languageOfLocale(document.documentElement.lang);
  const { default: resources } = await messages[language]();
  const instance = createInstance({
    ...sharedOptions,
    lng: language,
    resources: { [language]: resources },
  });
  await instance.use(new ICU()).use(initReactI18next).init();
  return instance;
}

import { createInstance, type i18n } from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { loadNamespace, pageNamespaces } from "./language-chunks";
import { languageOfLocale, sharedOptions } from "./languages";
import { namespaceHooks } from "./wording";

/**
 * The browser's instance, in the language the server chose for the page (its `<html lang>`), with
 * the namespaces the server named for the page fetched before React hydrates, so the first render
 * says what the server said. Others are fetched when a page first words from them.
 */
export async function startI18n(): Promise<i18n> {
  const language = languageOfLocale(document.documentElement.lang);
  const instance = createInstance({ ...sharedOptions, lng: language, resources: {} });
  await instance.use(new ICU()).use(initReactI18next).init();
  await Promise.all(
    pageNamespaces().map((namespace) => loadNamespace(instance, language, namespace)),
  );
  namespaceHooks.missing = (asked, namespace) => loadNamespace(instance, asked, namespace);
  return instance;
}

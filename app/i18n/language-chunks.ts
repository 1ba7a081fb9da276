import type { i18n, ResourceKey } from "i18next";
import { useEffect } from "react";
import {
  isPageLanguage,
  NAMESPACES,
  NAMESPACES_ELEMENT_ID,
  PSEUDO_LANGUAGE,
  SOURCE_LANGUAGE,
} from "./languages";
import { pseudoResources } from "./pseudo";
import { useTranslation } from "./use-translation";

/**
 * Each language's namespaces, a chunk each: the browser fetches only those of the viewer's language
 * that its pages word from (decision 104). Not a `.client` module: the root calls
 * `useFollowLanguage` while rendering on the server too, where a `.client` module's exports are
 * undefined (its effect, the only reader of the chunks, runs in the browser alone).
 */
const files = import.meta.glob<{ default: ResourceKey }>("../locales/*/*.json");

/** A namespace's file is its name in kebab case (`promotions-audit.json` holds `promotionsAudit`). */
const chunks = new Map<string, () => Promise<{ default: ResourceKey }>>(
  Object.entries(files).map(([file, load]) => {
    const [, language, name] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file)!;
    const namespace = name!.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    return [`${language}/${namespace}`, load];
  }),
);

const isNamespace = (name: string) => (NAMESPACES as readonly string[]).includes(name);

/** A namespace's messages in a language; the pseudo-language's made from English's. */
async function messagesOf(language: string, namespace: string): Promise<ResourceKey> {
  const from = language === PSEUDO_LANGUAGE ? SOURCE_LANGUAGE : language;
  const load = chunks.get(`${from}/${namespace}`);
  if (!load) throw new Error(`No messages for ${from}/${namespace}`);
  const { default: messages } = await load();
  return language === PSEUDO_LANGUAGE
    ? (pseudoResources({ [namespace]: messages })[namespace] as ResourceKey)
    : messages;
}

/** Namespaces being fetched, by language and name: every `t` that asks for one waits on the same promise. */
const arriving = new Map<string, Promise<void>>();

/** Fetches a namespace into the browser's instance, once; undefined when it is already there or not one of Rungs'. */
export function loadNamespace(
  instance: i18n,
  language: string,
  namespace: string,
): Promise<void> | undefined {
  if (!isNamespace(namespace) || instance.hasResourceBundle(language, namespace)) return undefined;
  const key = `${language}/${namespace}`;
  let loading = arriving.get(key);
  if (!loading) {
    loading = messagesOf(language, namespace).then((messages) => {
      instance.addResourceBundle(language, namespace, messages);
    });
    arriving.set(key, loading);
  }
  return loading;
}

/** The namespaces the server named for this page, read once and taken out before React hydrates. */
export function pageNamespaces(): string[] {
  const element = document.getElementById(NAMESPACES_ELEMENT_ID);
  element?.remove();
  try {
    const listed: unknown = JSON.parse(element?.textContent ?? "[]");
    const names = Array.isArray(listed) ? listed.filter((name) => typeof name === "string") : [];
    return [...new Set(["common", ...names.filter(isNamespace)])];
  } catch {
    return ["common"];
  }
}

/**
 * The browser follows the server's choice of language when it changes without a new document (the
 * person chose another on their settings page): it loads, in that language, the namespaces it holds
 * in the current one, then switches.
 */
export function useFollowLanguage(language: string) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!isPageLanguage(language) || language === i18n.language) return;
    const held = Object.keys(i18n.store.data[i18n.language] ?? {});
    void Promise.all(held.map((namespace) => loadNamespace(i18n, language, namespace))).then(() =>
      i18n.changeLanguage(language),
    );
  }, [language, i18n]);
}

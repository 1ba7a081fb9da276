import { AsyncLocalStorage } from "node:async_hooks";
import { createInstance, type i18n } from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import ar from "~/locales/ar";
import de from "~/locales/de";
import en from "~/locales/en";
import es from "~/locales/es";
import fr from "~/locales/fr";
import {
  chooseLanguage,
  NAMESPACES,
  NAMESPACES_ELEMENT_ID,
  PSEUDO_LANGUAGE,
  sharedOptions,
  SOURCE_LANGUAGE,
  type AnyNamespaceT,
  type Language,
  type PageLanguage,
} from "./languages";
import { pseudoResources } from "./pseudo";
import { namespaceHooks, wordingOf } from "./wording";

const shipped = { en, de, fr, es, ar } satisfies Record<Language, unknown>;

/** And the pseudo-language, made from English once; only a development or test server answers in it. */
const resources = { ...shipped, [PSEUDO_LANGUAGE]: pseudoResources(en) };

/**
 * One instance for the process, initialised once with every language's messages: its store, its
 * language utilities and its ICU formatter (which keeps each message it has parsed) are shared by
 * every request's instance. It stays in English and is what components find when nothing provides
 * a request's instance (a test rendering a component alone, a script); react-i18next's
 * `initReactI18next` makes it the default.
 */
const processInstance = createInstance({ ...sharedOptions, resources, lng: SOURCE_LANGUAGE });
processInstance.use(new ICU()).use(initReactI18next).init();

/** Each language's instance, cloned from the process's the first time a request asks for it. */
const instances = new Map<PageLanguage, i18n>();

/**
 * The instance for pages in `language`: a clone of the process instance that shares its store and
 * formatter, made once per language and kept, since cloning for every request cost a few percent
 * of a light page. It never changes language (that would reach every request in it), so its
 * `changeLanguage` refuses; a request's language is chosen by the middleware, never on its instance.
 */
export function i18nFor(language: PageLanguage): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = processInstance.cloneInstance({ lng: language });
    instance.changeLanguage = () => {
      throw new Error(
        `The server's ${language} instance is shared by its requests: choose the request's language instead.`,
      );
    };
    instances.set(language, instance);
  }
  return instance;
}

/**
 * A request's language, chosen by the middleware, and its language's instance, looked up the first
 * time something words the response (a resource route such as `/ping` never asks).
 */
class RequestTranslations {
  #instance: i18n | undefined;
  constructor(
    readonly language: PageLanguage,
    instance?: i18n,
  ) {
    this.#instance = instance;
  }
  get instance(): i18n {
    return (this.#instance ??= i18nFor(this.language));
  }
}

/** English where no middleware ran (a loader called by a test or a script): the process's instance. */
const requestTranslations = createContext<RequestTranslations>(
  new RequestTranslations(SOURCE_LANGUAGE, processInstance),
);

/**
 * The root middleware: each request gets the language chosen for it (`chooseLanguage`), and its
 * own instance in that language when it is first asked for. Who is signed in and what they chose
 * is identity's to say, so the root passes it in (`chosenLanguage`), with the deployment's settings:
 * the organisation's language, and whether the pseudo-language is spoken (never in production).
 */
export function translateRequests(
  chosenLanguage: (request: Request) => Promise<string | null>,
  settings: () => { organisation: string; pseudo: boolean },
): MiddlewareFunction<Response> {
  return async ({ request, context }, next) => {
    const { organisation, pseudo } = settings();
    const language = chooseLanguage({
      chosen: await chosenLanguage(request),
      acceptLanguage: request.headers.get("Accept-Language"),
      organisation,
      pseudo,
    });
    context.set(requestTranslations, new RequestTranslations(language));
    return next();
  };
}

export function i18nOf(context: Readonly<RouterContextProvider>): i18n {
  return context.get(requestTranslations).instance;
}

/**
 * The request's `t`, for loaders and actions that word something themselves (a refusal beside a
 * form); English without a request (a script).
 */
export function translatorOf(context: Readonly<RouterContextProvider> | undefined): AnyNamespaceT {
  const instance = context ? i18nOf(context) : processInstance;
  return wordingOf(instance, instance.language, "common") as unknown as AnyNamespaceT;
}

/** The request's language, for `<html lang dir>` and the formatters: no instance needed. */
export function languageOf(context: Readonly<RouterContextProvider>): PageLanguage {
  return context.get(requestTranslations).language;
}

/** The namespaces a page's render words from, noted while it renders (decision 104). */
const wordedFrom = new AsyncLocalStorage<Set<string>>();
namespaceHooks.used = (namespace) => wordedFrom.getStore()?.add(namespace);

/** Renders a page, noting in `used` each namespace its words (and its title's) come from. */
export function notingNamespaces<T>(used: Set<string>, render: () => T): T {
  return wordedFrom.run(used, render);
}

/**
 * The rendered document with the namespaces its words came from named at the end of its body (a
 * data block, never run), for the browser to fetch before it hydrates (i18n.client.ts).
 */
export function withNamespaces(html: Buffer<ArrayBuffer>, used: Set<string>): Buffer<ArrayBuffer> {
  const end = html.lastIndexOf("</body>");
  if (end < 0) return html;
  const names = [...used].filter((name) => (NAMESPACES as readonly string[]).includes(name)).sort();
  const list = Buffer.from(
    `<script type="application/json" id="${NAMESPACES_ELEMENT_ID}">${JSON.stringify(names)}</script>`,
  );
  return Buffer.concat([html.subarray(0, end), list, html.subarray(end)]);
}

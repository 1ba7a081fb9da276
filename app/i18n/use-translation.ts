import { useCallback, useContext, useMemo, useSyncExternalStore } from "react";
import { getI18n, I18nContext } from "react-i18next";
import type { TFunction } from "i18next";
import type { Namespace } from "./languages";
import { wordingOf } from "./wording";

/**
 * The page's `t` for a namespace, and its i18next instance: what react-i18next's `useTranslation`
 * gives, without the copy of the instance that hook makes for every component on every render (a
 * sixth of a signed-out page's server time, decision 080). The instance is the request's on the
 * server (entry.server.tsx) and the page's in the browser, where a change of language (the person's
 * setting saved) words the page again; without a provider (a component rendered alone), the
 * process's English one.
 */
export function useTranslation<N extends Namespace = "common">(namespace?: N) {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on("languageChanged", changed);
      return () => i18n.off("languageChanged", changed);
    },
    [i18n],
  );
  const currentLanguage = useCallback(() => i18n.language, [i18n]);
  const language = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  // The same words as i18n.getFixedT(language, namespace) gives, through the cheaper wording (./wording.ts).
  return useMemo(
    () => ({
      t: wordingOf(i18n, language, namespace ?? "common") as unknown as TFunction<N>,
      i18n,
    }),
    [i18n, language, namespace],
  );
}

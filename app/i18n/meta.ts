import { getI18n } from "react-i18next";
import { isPageLanguage, type AnyNamespaceT } from "./languages";
import { wordingOf } from "./wording";

type Match = { id: string; loaderData?: unknown } | undefined;

/**
 * The `t` a route's `meta` words the page's title with. `meta` runs outside React's tree, so it
 * takes the page's language from the root loader's `language` (a code, never messages) and the
 * instance react-i18next keeps for code outside a provider: on the server the process instance,
 * which every language's messages are in; in the browser the page's own. It words through the
 * pages' light `t` (./wording.ts), as components do: i18next's own `t`, with its per-call lookup,
 * cost every page for its title and description (decision 080).
 */
export function metaT(matches: readonly Match[]): AnyNamespaceT {
  const root = matches.find((match) => match?.id === "root")?.loaderData as
    { language?: unknown } | undefined;
  const i18n = getI18n();
  return wordingOf(
    i18n,
    isPageLanguage(root?.language) ? root.language : i18n.language,
    "common",
  ) as unknown as AnyNamespaceT;
}

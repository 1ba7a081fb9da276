import { formatsFor } from "~/i18n/format";
import { isPageLanguage, SOURCE_LANGUAGE } from "~/i18n/languages";
import { useTranslation } from "~/i18n/use-translation";

/**
 * The page's formatters for what a ladder's parts show: days and lists of names, which no time
 * zone changes. Unlike `useFormats`, it does not read the viewer's time zone from the router, so
 * the published ladder site, rendered outside it, shows the same parts.
 */
export function useLadderFormats() {
  const { i18n } = useTranslation();
  return formatsFor(isPageLanguage(i18n.language) ? i18n.language : SOURCE_LANGUAGE, "UTC");
}

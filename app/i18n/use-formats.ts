import { useTranslation } from "~/i18n/use-translation";
import { useTimeZone } from "~/utils/time-zone";
import { formatsFor, type Formats } from "./format";
import { isPageLanguage, SOURCE_LANGUAGE } from "./languages";

/** The page's formatters: its language, and the signed-in viewer's time zone (UTC for nobody). */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  return formatsFor(isPageLanguage(i18n.language) ? i18n.language : SOURCE_LANGUAGE, useTimeZone());
}

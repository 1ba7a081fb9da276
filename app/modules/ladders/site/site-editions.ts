import { SOURCE_LANGUAGE, type Language } from "~/i18n/languages";
import {
  TRANSLATION_LANGUAGES,
  translateLadder,
  type LadderTranslation,
  type SourceTexts,
} from "../translations";
import type { Ladder } from "../types";

export interface SiteEdition {
  language: Language;
  /** The edition's folder from the published root: "" for the source's, `de/` for German. */
  folder: string;
  /** Every ladder, in the language where a translation has its text and in the source elsewhere. */
  ladders: Ladder[];
  /** The texts the edition shows in the source, to mark (decision 081). */
  sourceTexts: SourceTexts;
}

/**
 * The published site's editions: the source's at the root, and one per language at least one
 * ladder has a translation into, in its own folder, with every ladder in it (a ladder not
 * translated into that language reads in the source, marked).
 */
export function siteEditions(
  ladders: readonly { ladder: Ladder; translations: readonly LadderTranslation[] }[],
): SiteEdition[] {
  const source: SiteEdition = {
    language: SOURCE_LANGUAGE,
    folder: "",
    ladders: ladders.map(({ ladder }) => ladder),
    sourceTexts: { lang: SOURCE_LANGUAGE, texts: [] },
  };
  const translated = TRANSLATION_LANGUAGES.filter((language) =>
    ladders.some(({ translations }) =>
      translations.some((translation) => translation.language === language),
    ),
  ).map((language) => {
    const results = ladders.map(({ ladder, translations }) =>
      translateLadder(
        ladder,
        translations.find((translation) => translation.language === language),
      ),
    );
    return {
      language,
      folder: `${language}/`,
      ladders: results.map((result) => result.ladder),
      sourceTexts: {
        lang: SOURCE_LANGUAGE,
        texts: [...new Set(results.flatMap((result) => result.untranslated))],
      },
    };
  });
  return [source, ...translated];
}

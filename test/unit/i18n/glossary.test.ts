// Each language uses the glossary's word for each term (docs/i18n.md, "Glossary") and never the
// synonyms translators reached for before it was followed everywhere. A row here is a rejected
// synonym: the check fails wherever a message says it.
import { describe, expect, test } from "vitest";
import type { Language } from "~/i18n/languages";
import { offenders } from "./texts";

const word = (alternatives: string, flags = "iu") =>
  new RegExp(`(?<![\\p{L}\\p{N}=/-])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);

/** [term, the glossary's word, the rejected synonyms]. */
const REJECTED: Record<Exclude<Language, "en">, [string, string, RegExp][]> = {
  de: [
    ["evidence", "Nachweis", word("Beleg|Belege|Belegs", "u")],
    ["packet", "Unterlagen", word("Paket|Pakete|Paketen|Pakets")],
    ["ladder", "Karriereleiter", word("Leiter|Leitern", "u")],
    ["feedback", "Feedback", word("Rückmeldung|Rückmeldungen")],
    ["one-to-one", "Einzelgespräch", word("1:1|Eins-zu-eins-Gespräch|Eins-zu-eins")],
  ],
  fr: [
    ["ladder", "grille de carrière", word("référentiel|référentiels")],
    ["growth", "progression", word("plan de développement|plans de développement")],
    ["one-to-one", "entretien individuel", word("tête-à-tête|one-to-one")],
    ["evidence", "élément probant", word("preuve|preuves")],
    ["mentee", "mentoré", word("mentee|mentees|mentoree")],
    ["promotion window", "campagne", word("fenêtre(?! de navigation)|fenêtres")],
    ["nominee", "personne proposée", word("nominé|nominée|nominés|nominées")],
  ],
  es: [
    ["ladder", "escala de carrera", word("escalera|escaleras")],
    ["growth", "desarrollo", word("crecimiento")],
    ["one-to-one", "reunión individual", word("uno a uno|one-to-one")],
    ["skip-level", "reunión de segundo nivel", word("skip-level|skip level")],
    ["manager", "responsable", word("mánager|mánagers|manager|managers")],
    ["feedback", "feedback", word("comentarios")],
    ["mentee", "mentorizado", word("mentee|mentees")],
    ["promotion window", "convocatoria", word("ventana(?! de navegación)|ventanas")],
  ],
  ar: [
    ["mentoring pair", "ثنائي الإرشاد", /(?<![\p{L}])(?:ال|بال|لل|ل|و|ف)?(?:زوج|أزواج)/u],
    ["the retention pass", "عملية التنظيف", /تمريرة/u],
    ["growth plan", "خطة التطور", /خطة (?:ال)?نمو/u],
  ],
};

for (const [language, rows] of Object.entries(REJECTED) as [
  Exclude<Language, "en">,
  [string, string, RegExp][],
][])
  describe(`${language} follows the glossary`, () => {
    test.each(rows)("%s is %s, never its rejected synonyms", (_term, _chosen, rejected) => {
      expect(offenders(language, rejected)).toEqual([]);
    });
  });

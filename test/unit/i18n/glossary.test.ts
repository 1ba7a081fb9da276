// Each language uses the glossary's word for each term (docs/i18n.md, "Glossary") and never the
// synonyms translators reached for before it was followed everywhere. A row here is a rejected
// synonym: the check fails wherever a message says it.
import { describe, expect, test } from "vitest";
import type { Language } from "~/i18n/languages";
import { messagesOf, offenders, textsOf } from "./texts";

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
    ["review", "Review", word("Beurteilung\\p{L}*")],
    ["promotion window", "Runde", word("Zeitfenster\\p{L}*", "u")],
    ["mentoring pair", "Paar", word("Paarung|Paarungen")],
    ["committee", "Gremium", word("Komitee\\p{L}*", "u")],
    // A calibration meeting is a Besprechung, as calibration's own pages say.
    ["calibration meeting", "Kalibrierungsbesprechung", word("Kalibrierungsmeeting\\p{L}*", "u")],
    // A growth plan's focus is a Schwerpunkt, as mentorship and opportunities say.
    ["focus competency", "Schwerpunktkompetenz", word("Fokuskompetenz\\p{L}*", "u")],
    // "Off track" is vom Kurs abgekommen: a bare "vom Kurs ab" is no adjective.
    ["off track", "vom Kurs abgekommen", word("vom Kurs ab", "u")],
    // A sponsor is eine Förderin oder ein Förderer (the sponsorship is a Förderschaft).
    ["sponsor", "Förderin, Förderer", word("Sponsor\\p{L}*", "u")],
    // A check-in is masculine (der Check-in), as goals, team health and conversations say.
    [
      "check-in",
      "der Check-in",
      word("(?:das|dieses|jenes|weiteres|letztes|erstes|geteiltes|neues|nächstes) Check-in", "u"),
    ],
    // Feedback's kinds keep the names the feedback pages give them.
    ["upward feedback", "Upward-Feedback", word("Aufwärts-?[Ff]eedback\\p{L}*", "u")],
    ["peer feedback", "Peer-Feedback", word("Kollegen-?[Ff]eedback\\p{L}*", "u")],
    ["hiring loop", "Interviewprozess", word("Interviewabl(?:auf|äufe)\\p{L}*", "u")],
    // The insights page is die Auswertungen, as its menu entry says.
    ["insights", "Auswertungen", word("Insights\\p{L}*", "u")],
    // A Runde is a promotion window; a calibration session is a Sitzung.
    ["calibration session", "Kalibrierungssitzung", word("Kalibrierungsrunde\\p{L}*", "u")],
  ],
  fr: [
    ["ladder", "grille de carrière", word("référentiel|référentiels")],
    ["growth", "progression", word("plan de développement|plans de développement")],
    ["one-to-one", "entretien individuel", word("tête-à-tête|one-to-one")],
    ["evidence", "élément probant", word("preuve|preuves")],
    ["mentee", "mentoré", word("mentee|mentees|mentoree")],
    ["promotion window", "campagne", word("fenêtre(?! de navigation)|fenêtres")],
    ["nominee", "personne proposée", word("nominé|nominée|nominés|nominées|personnes? nommées?")],
    ["mentoring pair", "binôme", word("paire|paires")],
    // A ladder Rungs offers is "en service", not served like a dish.
    ["a served ladder", "en service", word("servie|servies")],
    // The reporting line is the "ligne hiérarchique" everywhere else in French.
    ["reporting line", "ligne hiérarchique", word("chaînes? hiérarchiques?")],
    // A growth plan's focus is a compétence prioritaire (or priorité), as the growth pages say.
    [
      "focus competency",
      "compétence prioritaire",
      word("axes? de progression|axes? d(?:e votre|u) plan de progression"),
    ],
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
    [
      "promotion",
      "promoción",
      word(
        "ascenso|ascensos|ascender|ascendido|ascendida|ascendidos|ascendidas|ascendió|ascendieron|promover|promovido|promovida|promovidos|promovidas",
      ),
    ],
    // A bare "admin" is English; the command npm run admin keeps its name.
    ["admin", "administrador", word("(?<!run )admin|admins")],
    ["hiring loop", "proceso de entrevistas", word("rondas? de entrevistas")],
    // Rungs makes a ladder available; "served" is the web server's word.
    ["served (ladder)", "disponible", word("servida|servidas|sirviendo")],
    // "Línea de reporte" is a calque of "reporting line".
    ["reporting line", "línea jerárquica", word("línea de reporte|líneas de reporte")],
    // "Enter" on a field is Escriba (text) or Indique (a value), never the machine's Introduzca.
    ["enter (a field)", "Escriba, Indique", word("introduzca|introduzcan|introduce|introducir")],
    // The sweep's open questions: a peer or colleague is a compañero, an overdue check-in or
    // action is con retraso (vencer says when a due date falls), and a person is a candidato.
    ["peer, colleague", "compañero", word("colega|colegas|excolega|excolegas")],
    ["overdue", "con retraso", word("atrasada|atrasadas|atrasado|atrasados|vencida|vencidas")],
    ["candidate (a person)", "candidato", word("de esta candidatura|Candidatura:")],
    // The chair's office is la presidencia; the reader who chairs is addressed by the verb.
    ["as chair (the reader)", "como preside, que preside", word("como presidencia")],
  ],
  ar: [
    ["mentoring pair", "ثنائي الإرشاد", /(?<![\p{L}])(?:ال|بال|لل|ل|و|ف)?(?:زوج|أزواج)/u],
    ["the retention pass", "عملية التنظيف", /تمريرة/u],
    // People are put together in a mentoring pair (يُجمع في ثنائي): اقتران and قَرَن read as a marriage.
    [
      "paired (mentoring)",
      "يُجمع في ثنائي",
      /(?<!\p{L})(?:[وفلب]|بال|ال|لل)?(?:اقتران|إقران|[يت]قترن|مقترن|[يت]قرن|اقرن)/u,
    ],
    ["growth plan", "خطة التطور", /خطة (?:ال)?نمو/u],
    // A ladder Rungs serves is متاح, not presented (قيد التقديم) or "served" like a person (يخدمه).
    ["served (ladder)", "متاح", /قيد التقديم|يخدمه(?!\p{L})/u],
    // A key result off track is متعثّرة: خارج المسار reads as off the career track (المسار).
    ["off track (key result)", "متعثّرة", /خارج المسار/u],
    // The nominee's organisation (the part of the company under one head) is a unit, not a company.
    ["nominee's organisation", "الوحدة التنظيمية للمرشَّح", /مؤسسة (?:ال)?مرش\p{M}*ح/u],
    // Stretch work is فرصة التطوير, as the opportunities pages say: مهام التطوير is a second word for it.
    ["stretch work", "فرصة التطوير", /مهام التطوير|مهمة التطوير/u],
    // A confidence interval is فترة الثقة on every page; مجال and فاصل were second words for it.
    ["confidence interval", "فترة الثقة", /(?:مجال|مجالات|فاصل|فواصل) (?:ال)?ثقة/u],
    // A hint for one option of a choice says when it applies (عند اختيار «…»): مع «…» is a
    // calque of "With …".
    ["with (an option chosen)", "عند اختيار «…»", /(?<!\p{L})مع «[^»]*»\s*:|فقط مع «/u],
    // Arabic's tenth read: a growth plan's focus is a كفاءة ذات أولوية, one of the plan's
    // أولويات, as the growth pages say; محور is a chart's axis.
    [
      "growth plan focus",
      "كفاءة ذات أولوية",
      /(?:محور|محاور)[\p{M}ا]* (?:تركيز|للتطور|في خطة|خطة)/u,
    ],
    // The API is واجهة البرمجة on every page; الواجهة البرمجية was a second name for it.
    ["API", "واجهة البرمجة", /(?:ال)?واجهة البرمجية|واجهة برمجية/u],
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

// Where English says a glossary term, each language says the glossary's word (inflected as its
// grammar asks: Arabic's diacritics and attached pronouns are read through).
const arabic = (text: string) => text.replace(/[\u064B-\u0652]/gu, "");

/** [term, English's word, the glossary's word per language (a row may name only some languages)]. */
const CHOSEN: [string, RegExp, Partial<Record<Exclude<Language, "en">, RegExp>>][] = [
  [
    "ladder",
    /\bladders?\b/iu,
    {
      de: /Karriereleiter/u,
      fr: /grilles? de carrière/iu,
      es: /escalas? de carrera/iu,
      ar: /سلم|سلالم/u,
    },
  ],
  [
    "evidence",
    /\bevidence\b/iu,
    { de: /Nachweis/u, fr: /éléments? probants?/iu, es: /evidencias?/iu, ar: /شواهد|شاهد/u },
  ],
  [
    "self-assessment",
    /\bself-assessments?\b/iu,
    {
      de: /Selbsteinschätzung/u,
      fr: /auto-évaluation/iu,
      es: /autoevaluaci/iu,
      ar: /تقييم\p{L}* (?:ال)?ذاتي/u,
    },
  ],
  [
    "calibration",
    /\bcalibration\b/iu,
    { de: /Kalibrierung/u, fr: /calibrage/iu, es: /calibraci/iu, ar: /معايرة/u },
  ],
  [
    "one-to-one",
    /\bone-to-ones?\b/iu,
    {
      de: /Einzelgespräch/u,
      fr: /entretiens? individuels?/iu,
      es: /reuni[oó]n(?:es)? individual(?:es)?/iu,
      ar: /(?:ال)?اجتماع\p{L}* (?:ال)?فردي/u,
    },
  ],
  [
    "scorecard",
    /\bscorecards?\b/iu,
    {
      de: /Bewertungsb[oö]gen/u,
      fr: /fiches? d’évaluation/iu,
      es: /fichas? de evaluaci/iu,
      ar: /بطاق\p{L}* (?:ال)?تقييم/u,
    },
  ],
  [
    "track",
    /\btracks?\b(?! record)/iu,
    { de: /Laufbahn/u, fr: /filière/iu, es: /itinerario/iu, ar: /مسار/u },
  ],
  [
    "mentorship",
    /\bmentorship\b/iu,
    { de: /Mentoring/u, fr: /mentorat/iu, es: /mentoría/iu, ar: /إرشاد/u },
  ],
  [
    "feedback",
    /\bfeedback\b/iu,
    { de: /Feedback/u, fr: /feedback/iu, es: /feedback/iu, ar: /تغذي\p{L}* (?:ال)?راجعة/u },
  ],
  // Rows from the native reads (German and French joined on their second). A
  // browser window, a feedback window and "a cycle is a window in which" are not promotion windows.
  [
    "promotion window",
    /(?<!browser |feedback )\bwindows?\b(?! in which)/iu,
    { de: /[Rr]unde/u, fr: /campagne/iu, es: /convocatoria/iu, ar: /دور(?:ة|ت|ات)/u },
  ],
  // Spanish and French leave a mentee unnamed where the sentence allows (el nivel objetivo).
  ["mentee", /\bmentees?\b/iu, { ar: /مسترشد/u }],
  // Spanish's second read: a rating is a calificación (calibration's word), never a valoración,
  // which is a calibrator's or committee member's mark on a proposal or criterion.
  ["rating", /\b(?:ratings?|rated|unrated)\b/iu, { es: /calific/iu }],
  // A promotion nomination is French's "proposition", never "candidature" (a job application).
  ["nomination", /\bnominations?\b/iu, { fr: /propos/iu }],
  // The number a committee reads in place of a nominee's name is a numéro d’anonymat: a
  // "numéro de candidature" would bring back the job application the row above rules out.
  ["candidate number", /\bcandidate numbers?\b/iu, { fr: /numéro d’anonymat/iu }],
  // Spanish's read of the access audit: stretch work is an oportunidad de desarrollo, never a proyecto.
  ["stretch work", /\bstretch\b/iu, { es: /oportunidad/iu }],
  // French's read of mentorship: a ladder Rungs serves is "en service", never "publiée" (a
  // published site or published pairs); German's is bereitgestellt, never angeboten (an offer).
  [
    "a served ladder",
    /\b(?:served|serves|serving)\b/iu,
    { de: /bereitgestellt|bereitstell/iu, fr: /en service/iu },
  ],
  // Spanish's consistency sweep: an objective's, key result's or action's owner is its titular;
  // responsable is the manager.
  ["owner", /\b(?:owners?|owns|owned|owning)\b/iu, { es: /titular/iu }],
  // Arabic's seventh read: a version (of a ladder, a draft or a packet) is a نسخة; الإصدار is a
  // release of Rungs or a token's issue (the promotion pages had said it for a ladder's version).
  ["version", /\bversions?\b/iu, { ar: /نسخ/u }],
  // Arabic's tenth read: the API is واجهة البرمجة, never a bare الواجهة (the interface a person sees).
  ["API", /\bAPI\b/u, { ar: /واجهة البرمجة/u }],
];
// English uses the word in another sense here: statistical evidence, "evidence fades" (memories),
// a ladder file's YAML keys, peers nominated for feedback, and a key result "on track" or "off track" (on course, not a career track).
const OTHER_SENSE = new Set([
  "accessAudit:intro.fourFifths",
  "email:reminder.intro.nudgeScorecard",
  "ladderChecks:sections.addLadder",
  "ladderChecks:rules.equivalenceRow",
  "goals:confidence",
  "goals:oneToOne.point",
  "goals:oneToOne.takeHint",
  "goals:oneToOne.takeHintManager",
  "goals:errors.notAtRisk",
  "conversations:series.agenda.keyResults",
  "conversations:series.agenda.keyResult",
  // Peers named to give feedback, not a promotion nomination.
  "home:todo.feedback.approve.detail",
  // An aspirational key result is a stretch, not stretch work.
  "goals:new.aspirationalHint",
  // The outcome a goal serves, not a ladder Rungs serves.
  "goals:new.whyHint",
]);

const english = new Map(
  messagesOf("en").map(([key, , parsed]) => [key, textsOf(parsed).join(" ")]),
);

describe.each(["de", "fr", "es", "ar"] as const)("%s says the glossary's word", (language) => {
  const translated = new Map(
    messagesOf(language).map(([key, , parsed]) => [
      key,
      language === "ar" ? arabic(textsOf(parsed).join(" ")) : textsOf(parsed).join(" "),
    ]),
  );
  const rows = CHOSEN.flatMap(([term, source, chosen]) => {
    const chosenWord = chosen[language];
    return chosenWord ? [[term, source, chosenWord] as const] : [];
  });
  test.each(rows)("where English says %s", (_term, source, chosen) => {
    const missing = [...english]
      .filter(([key, text]) => source.test(text) && !OTHER_SENSE.has(key))
      .filter(([key]) => !chosen.test(translated.get(key) ?? ""))
      .map(([key]) => `${key}: ${translated.get(key)}`);
    expect(missing).toEqual([]);
  });
});

// German's consistency sweep: a person shares a text or a review (geteilt); a committee, a manager
// or a check-in releases a result (freigegeben). Where English shares and releases nothing, German
// does not say freigegeben.
test("German: what is shared is geteilt, never freigegeben", () => {
  const german = new Map(
    messagesOf("de").map(([key, , parsed]) => [key, textsOf(parsed).join(" ")]),
  );
  const freigegeben = [...english]
    .filter(([, text]) => /\bshar(?:e|es|ed|ing)\b/iu.test(text) && !/\breleas/iu.test(text))
    .filter(([key]) => /freig|Freigabe/u.test(german.get(key) ?? ""))
    .map(([key]) => `${key}: ${german.get(key)}`);
  expect(freigegeben).toEqual([]);
});

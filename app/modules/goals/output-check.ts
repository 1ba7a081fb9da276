/**
 * Outcomes, not outputs: the advisory check shown while someone writes a key result. It flags a
 * key result that reads as a task or an output ("ship the new checkout", "migrate to Postgres",
 * "close 40 tickets") and suggests the outcome form: the number that moves because of the work. It
 * never blocks saving. Pure: the key-result form runs it in the browser, the server on save.
 *
 * The lists are whole words or word beginnings, in each of the five languages, checked in every
 * language at once (a team may write its goals in English in a French interface).
 */

/** Verbs that name an activity or a delivery rather than a change in the world. */
export const OUTPUT_VERBS: Readonly<Record<string, readonly string[]>> = {
  en: [
    "ship",
    "launch",
    "complete",
    "finish",
    "migrate",
    "release",
    "build",
    "implement",
    "deliver",
    "deploy",
    "write",
    "create",
    "develop",
    "roll out",
    "set up",
    "refactor",
  ],
  de: [
    "ausliefern",
    "liefern",
    "starten",
    "launchen",
    "abschließen",
    "fertigstellen",
    "migrieren",
    "veröffentlichen",
    "bauen",
    "implementieren",
    "umsetzen",
    "einführen",
    "entwickeln",
    "erstellen",
    "schreiben",
  ],
  fr: [
    "livrer",
    "lancer",
    "terminer",
    "achever",
    "finaliser",
    "migrer",
    "publier",
    "construire",
    "implémenter",
    "mettre en place",
    "déployer",
    "développer",
    "créer",
    "écrire",
    "refondre",
  ],
  es: [
    "entregar",
    "lanzar",
    "completar",
    "terminar",
    "finalizar",
    "migrar",
    "publicar",
    "construir",
    "implementar",
    "desplegar",
    "desarrollar",
    "crear",
    "escribir",
    "poner en marcha",
  ],
  ar: [
    "إطلاق",
    "أطلق",
    "تسليم",
    "سلم",
    "إكمال",
    "أكمل",
    "إنهاء",
    "أنهى",
    "ترحيل",
    "نقل",
    "نشر",
    "بناء",
    "بنى",
    "تنفيذ",
    "نفذ",
    "تطوير",
    "إنشاء",
    "كتابة",
  ],
};

/** Things counted that measure effort, not effect: a count of them is an output. */
export const OUTPUT_UNITS: Readonly<Record<string, readonly string[]>> = {
  en: [
    "ticket",
    "tickets",
    "pr",
    "prs",
    "pull request",
    "pull requests",
    "story",
    "stories",
    "story points",
    "lines",
    "lines of code",
    "commits",
    "features",
    "tasks",
    "epics",
  ],
  de: [
    "tickets",
    "pull requests",
    "stories",
    "story points",
    "zeilen",
    "codezeilen",
    "commits",
    "features",
    "aufgaben",
    "epics",
  ],
  fr: [
    "tickets",
    "pull requests",
    "stories",
    "points",
    "lignes",
    "lignes de code",
    "commits",
    "fonctionnalités",
    "tâches",
    "epics",
  ],
  es: [
    "tickets",
    "pull requests",
    "historias",
    "puntos de historia",
    "líneas",
    "líneas de código",
    "commits",
    "funcionalidades",
    "tareas",
    "épicas",
  ],
  ar: ["تذاكر", "تذكرة", "طلبات دمج", "قصص", "سطور", "أسطر", "سطر", "إيداعات", "ميزات", "مهام"],
};

export type OutputCheck = {
  /** The verbs found as written, lower-cased, each once. */
  verbs: string[];
  /** Whether the key result counts effort (a number of tickets, pull requests, lines…). */
  countsEffort: boolean;
  /** Whether to show the advice. */
  flagged: boolean;
};

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole word or phrase: no letter right before it, and either no letter after or (for a verb) any inflection. */
function phrase(word: string, inflected: boolean): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escape(word)}${inflected ? "\\p{L}{0,4}" : ""}(?![\\p{L}\\p{N}])`,
    "iu",
  );
}

const VERBS = Object.values(OUTPUT_VERBS)
  .flat()
  .map((word) => ({ word, pattern: phrase(word, true) }));
const UNITS = Object.values(OUTPUT_UNITS)
  .flat()
  .map((word) => phrase(word, false));
const NUMBER = /\p{N}/u;

/**
 * The check of one key result: its title and its unit. A title with an output verb is flagged; so
 * is one whose count is of effort (a number and a unit or word such as tickets, PRs, lines).
 */
export function checkKeyResult(title: string, unit = ""): OutputCheck {
  const verbs = [
    ...new Set(
      VERBS.filter(({ pattern }) => pattern.test(title)).map(({ word }) => word.toLowerCase()),
    ),
  ];
  const countsEffort =
    UNITS.some((pattern) => pattern.test(unit)) ||
    (NUMBER.test(title) && UNITS.some((pattern) => pattern.test(title)));
  return { verbs, countsEffort, flagged: verbs.length > 0 || countsEffort };
}

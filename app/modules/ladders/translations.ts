import { isLanguage, SOURCE_LANGUAGE, type Language } from "~/i18n/languages";
import { compareText } from "~/utils/compare";
import type { LadderError, LadderPath } from "./ladder-errors";
import { formatPath } from "./ladder-errors";
import { hasMarkup, type RichTextHtml } from "./rich-text";
import { richTextHtml } from "./rich-text.server";
import type { LadderLimits } from "./limits";
import { readSourceText, type LadderSource } from "./source-text";
import type { Ladder } from "./types";
import { locate, parseLadderYaml, type ParsedSource } from "./yaml-source";

/**
 * A ladder's text in another language, read from `translations/<language>/` beside the ladder
 * (docs/decisions/081). Each text is keyed by where it sits in the ladder, by ids
 * (`competencies.code-quality.name`), and carries the fingerprint of the source text it was
 * translated from, so a text changed since shows as stale instead of being shown.
 */
export interface LadderTranslation {
  language: Language;
  /** One of its files says `complete: true`: a missing or stale text is then an error. */
  complete: boolean;
  /** Key -> the translated text, the fingerprint it was made from and where it is written. */
  texts: Map<string, TranslatedText>;
  /** Where each key written (a text or a mapping or list holding texts) is, to point at the nearest one for a missing text. */
  places: Map<string, TranslationPlace>;
  /** Its files, in path order. */
  files: string[];
}

export interface TranslatedText {
  translation: string;
  source: string;
  at: TranslationPlace;
}

export type TranslationPlace = Pick<LadderError, "file" | "line" | "column">;

/**
 * The fingerprint of a source text: FNV-1a over its UTF-16 code units, 32 bits as 8 hex digits.
 * It notices edits, nothing more (decision 081), and being pure it runs in scripts, tests and pages alike.
 */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * The one place that knows which texts of a ladder are translatable and their keys: `say` is
 * asked for each (non-empty) text and gives what to put in its place. Listing the texts and
 * translating them are two uses of it, so the two cannot disagree.
 */
function mapLadderTexts(ladder: Ladder, say: (key: string, text: string) => string): Ladder {
  const put = (key: string, text: string) => (text === "" ? text : say(key, text));
  const list = (key: string, texts: readonly string[]) =>
    texts.map((text, index) => put(`${key}.${index}`, text));
  const points = (key: string, scale: Ladder["scale"]) =>
    scale.map((point) => ({
      ...point,
      label: put(`${key}.${point.value}.label`, point.label),
      meaning: put(`${key}.${point.value}.meaning`, point.meaning),
    }));
  return {
    ...ladder,
    meta: {
      ...ladder.meta,
      name: put("ladder.name", ladder.meta.name),
      description: put("ladder.description", ladder.meta.description),
    },
    scale: points("scale", ladder.scale),
    calibrationScales: ladder.calibrationScales.map((scale) => {
      const key = `calibrationScales.${scale.id}`;
      return {
        ...scale,
        name: put(`${key}.name`, scale.name),
        description: put(`${key}.description`, scale.description),
        points: points(`${key}.points`, scale.points),
      };
    }),
    areas: ladder.areas.map((area) => ({
      ...area,
      name: put(`areas.${area.id}.name`, area.name),
      description: put(`areas.${area.id}.description`, area.description),
    })),
    competencies: ladder.competencies.map((competency) => {
      const key = `competencies.${competency.id}`;
      const name = put(`${key}.name`, competency.name);
      const description = put(`${key}.description`, competency.description);
      const interview = competency.interview && {
        questions: competency.interview.questions.map((question, index) => {
          const at = `${key}.interview.questions.${index}`;
          return {
            ...question,
            text: put(`${at}.text`, question.text),
            followUps: list(`${at}.followUps`, question.followUps),
            lookFor: list(`${at}.lookFor`, question.lookFor),
          };
        }),
        anchors: competency.interview.anchors.map((anchor) => ({
          ...anchor,
          text: put(`${key}.interview.anchors.${anchor.value}`, anchor.text),
        })),
      };
      return { ...competency, name, description, interview };
    }),
    tracks: ladder.tracks.map((track) => ({
      ...track,
      name: put(`tracks.${track.id}.name`, track.name),
      description: put(`tracks.${track.id}.description`, track.description),
      levels: track.levels.map((level) => {
        const key = `levels.${level.id}`;
        const title = put(`${key}.title`, level.title);
        const summary = put(`${key}.summary`, level.summary);
        const alsoTitled = list(`${key}.alsoTitled`, level.alsoTitled);
        const sublevels = level.sublevels.map((sublevel) => ({
          ...sublevel,
          title: put(`${key}.sublevels.${sublevel.id}.title`, sublevel.title),
          ...(sublevel.summary === undefined
            ? {}
            : { summary: put(`${key}.sublevels.${sublevel.id}.summary`, sublevel.summary) }),
        }));
        const expectations = Object.fromEntries(
          Object.entries(level.expectations).map(([competencyId, statements]) => [
            competencyId,
            statements.map((statement, index) => {
              const at = `${key}.expectations.${competencyId}.${index}`;
              return {
                ...statement,
                text: put(`${at}.text`, statement.text),
                examples: list(`${at}.examples`, statement.examples),
              };
            }),
          ]),
        );
        return { ...level, title, summary, alsoTitled, sublevels, expectations };
      }),
    })),
  };
}

/** Every translatable text of a ladder with its key, in the ladder's order. */
export function ladderTexts(ladder: Ladder): { key: string; text: string }[] {
  const texts: { key: string; text: string }[] = [];
  mapLadderTexts(ladder, (key, text) => {
    texts.push({ key, text });
    return text;
  });
  return texts;
}

export interface TranslatedLadder {
  ladder: Ladder;
  /** The language the ladder's own texts are in, for the `lang` of a text left in it. */
  sourceLanguage: Language;
  /** The source texts shown because no current translation exists (none, or stale); empty when all are translated. */
  untranslated: string[];
}

/**
 * The ladder in a translation's language: each text whose translation was made from the text
 * the ladder has now is replaced by it; every other text stays in the source and is listed, so
 * a page can mark it. A ladder stored with an older record is translated the same way: only
 * where its text is the one translated.
 */
export function translateLadder(
  ladder: Ladder,
  translation: LadderTranslation | undefined,
): TranslatedLadder {
  if (translation === undefined)
    return {
      ladder,
      sourceLanguage: SOURCE_LANGUAGE,
      untranslated: ladderTexts(ladder).map(({ text }) => text),
    };
  const untranslated = new Set<string>();
  const translated = mapLadderTexts(ladder, (key, text) => {
    const entry = translation.texts.get(key);
    if (entry !== undefined && entry.source === textFingerprint(text)) return entry.translation;
    untranslated.add(text);
    return text;
  });
  return { ladder: translated, sourceLanguage: SOURCE_LANGUAGE, untranslated: [...untranslated] };
}

/** The ladder texts a page's data shows in the source, and the source's language: what a page marks. */
export interface SourceTexts {
  lang: Language;
  texts: string[];
}

/** Walks a loader's data and calls `visit` with every string in it. */
function eachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const item of value) eachString(item, visit);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) eachString(item, visit);
}

const markedUpTexts = new WeakMap<Ladder, ReadonlySet<string>>();

/** A ladder's texts that hold Markdown, found once per ladder. */
function markedUpTextsOf(ladder: Ladder): ReadonlySet<string> {
  let texts = markedUpTexts.get(ladder);
  if (texts === undefined) {
    texts = new Set(
      ladderTexts(ladder)
        .map(({ text }) => text)
        .filter(hasMarkup),
    );
    markedUpTexts.set(ladder, texts);
  }
  return texts;
}

/**
 * A loader's data with the HTML of each text of these ladders it holds that uses Markdown
 * (`richText`, what `RichText` shows), found by walking the data: the page renders ladder text
 * without a Markdown parser in the browser (decision 129). Other strings (a person's notes) are
 * never read as Markdown.
 */
export function withRichText<T extends object>(
  data: T,
  ladders: readonly Ladder[],
): T & { richText?: RichTextHtml } {
  const sets = ladders.map(markedUpTextsOf).filter((texts) => texts.size > 0);
  if (sets.length === 0) return data;
  const richText: RichTextHtml = {};
  let found = false;
  eachString(data, (text) => {
    if (!(text in richText) && sets.some((texts) => texts.has(text))) {
      richText[text] = richTextHtml(text);
      found = true;
    }
  });
  return found ? { ...data, richText } : data;
}

/**
 * A loader's data with the ladder texts in it that were left in the source (`sourceTexts`),
 * found by walking the data, so only what the page shows is sent; nothing is added when every
 * text it shows is translated. The HTML of its texts with Markdown comes with it (`withRichText`).
 */
export function withSourceTexts<T extends object>(
  data: T,
  translated: TranslatedLadder,
): T & { sourceTexts?: SourceTexts; richText?: RichTextHtml } {
  const rich = withRichText(data, [translated.ladder]);
  if (translated.untranslated.length === 0) return rich;
  const untranslated = new Set(translated.untranslated);
  const shown = new Set<string>();
  eachString(data, (text) => {
    if (untranslated.has(text)) shown.add(text);
  });
  return shown.size === 0
    ? rich
    : { ...rich, sourceTexts: { lang: translated.sourceLanguage, texts: [...shown] } };
}

/**
 * A page's data shown from more than one ladder version (a nomination's window and its packet):
 * each part walked with its own version's translation (`withSourceTexts`), the texts marked as one list.
 */
export function withSourceTextsOf<T extends object>(
  data: T,
  parts: readonly { data: object; translated: TranslatedLadder }[],
): T & { sourceTexts?: SourceTexts; richText?: RichTextHtml } {
  const found = parts.map((part) => withSourceTexts(part.data, part.translated));
  const sourceTexts = found.flatMap((item) => item.sourceTexts ?? []);
  const richText = Object.assign({}, ...found.map((item) => item.richText ?? {})) as RichTextHtml;
  return {
    ...data,
    ...(sourceTexts.length === 0
      ? {}
      : {
          sourceTexts: {
            lang: sourceTexts[0]!.lang,
            texts: [...new Set(sourceTexts.flatMap((item) => item.texts))],
          },
        }),
    ...(Object.keys(richText).length === 0 ? {} : { richText }),
  };
}

export interface TranslationFinding {
  language: Language;
  key: string;
  at: TranslationPlace;
  /** The source text's fingerprint, as the translation must write it. */
  fingerprint: string;
  text: string;
}

export interface TranslationReport {
  language: Language;
  complete: boolean;
  total: number;
  missing: TranslationFinding[];
  stale: TranslationFinding[];
}

/** What a translation lacks against the ladder: texts with no translation, and translations of a text since changed. */
export function checkTranslation(
  ladder: Ladder,
  translation: LadderTranslation,
): TranslationReport {
  const missing: TranslationFinding[] = [];
  const stale: TranslationFinding[] = [];
  const texts = ladderTexts(ladder);
  for (const { key, text } of texts) {
    const fingerprint = textFingerprint(text);
    const entry = translation.texts.get(key);
    if (entry === undefined)
      missing.push({
        language: translation.language,
        key,
        at: nearestPlace(translation, key),
        fingerprint,
        text,
      });
    else if (entry.source !== fingerprint)
      stale.push({ language: translation.language, key, at: entry.at, fingerprint, text });
  }
  return {
    language: translation.language,
    complete: translation.complete,
    total: texts.length,
    missing,
    stale,
  };
}

function nearestPlace(translation: LadderTranslation, key: string): TranslationPlace {
  const parts = key.split(".");
  for (let length = parts.length - 1; length > 0; length--) {
    const place = translation.places.get(parts.slice(0, length).join("."));
    if (place !== undefined) return place;
  }
  return { file: translation.files[0] ?? "", line: 1, column: 1 };
}

const SECTIONS = [
  "ladder",
  "scale",
  "calibrationScales",
  "areas",
  "competencies",
  "tracks",
  "levels",
] as const;
const FINGERPRINT = /^[0-9a-f]{8}$/;

export type TranslationLoadResult = { translation: LadderTranslation; errors: LadderError[] };

/**
 * Reads one language's translation files against the ladder. What is wrong is reported and
 * left out (a file that does not parse, a key the ladder does not have, a text translated
 * twice, an entry not of the form `{ source, translation }`); everything else is kept.
 */
export function readTranslation(
  ladder: Ladder,
  folder: string,
  language: string,
  sources: readonly LadderSource[],
  limits: LadderLimits,
): TranslationLoadResult | { errors: LadderError[] } {
  if (!isLanguage(language) || language === SOURCE_LANGUAGE) {
    return {
      errors: [
        {
          file: folder,
          line: 0,
          column: 0,
          path: "",
          message: `"${language}" is not a language a ladder can be translated into (one of ${TRANSLATION_LANGUAGES.join(", ")})`,
        },
      ],
    };
  }
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  for (const { key } of ladderTexts(ladder)) {
    keys.add(key);
    const parts = key.split(".");
    for (let length = 1; length < parts.length; length++)
      prefixes.add(parts.slice(0, length).join("."));
  }
  const translation: LadderTranslation = {
    language,
    complete: false,
    texts: new Map(),
    places: new Map(),
    files: [],
  };
  const errors: LadderError[] = [];
  for (const source of [...sources].sort((a, b) => compareText(a.file, b.file))) {
    translation.files.push(source.file);
    const text = readSourceText(source, limits);
    if (!text.ok) {
      errors.push(text.error);
      continue;
    }
    const parsed = parseLadderYaml(source.file, text.text, limits);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    readFile(parsed.source, { keys, prefixes, translation, errors });
  }
  return { translation, errors };
}

/** The languages a ladder may be translated into: every one Rungs speaks but the source. */
export const TRANSLATION_LANGUAGES = (
  ["de", "fr", "es", "ar"] as const satisfies readonly Language[]
).filter((language) => language !== SOURCE_LANGUAGE);

function readFile(
  source: ParsedSource,
  into: {
    keys: Set<string>;
    prefixes: Set<string>;
    translation: LadderTranslation;
    errors: LadderError[];
  },
) {
  const { keys, prefixes, translation, errors } = into;
  const fail = (path: LadderPath, message: string, atKey = false) => {
    // A key the ladder lacks is pointed at where it is written, not at what it holds.
    const last = path.at(-1);
    const { line, column } =
      atKey && typeof last === "string"
        ? locate(source, path.slice(0, -1), last)
        : locate(source, path);
    errors.push({ file: source.file, line, column, path: formatPath(path), message });
  };
  const placeOf = (path: LadderPath): TranslationPlace => ({
    file: source.file,
    ...locate(source, path),
  });
  const visit = (value: unknown, path: LadderPath): void => {
    const key = path.join(".");
    if (isEntry(value)) {
      if (!keys.has(key)) {
        fail(
          path,
          prefixes.has(key)
            ? "holds several texts: translate each of them, not the whole"
            : `the ladder has no text at ${key}${unknownPart(key, prefixes)}`,
          true,
        );
        return;
      }
      const problem = entryProblem(value);
      if (problem !== undefined) return fail(path, problem);
      const earlier = translation.texts.get(key);
      if (earlier !== undefined)
        return fail(path, `translated twice; first at ${earlier.at.file}:${earlier.at.line}`);
      translation.texts.set(key, {
        translation: value.translation as string,
        source: value.source as string,
        at: placeOf(path),
      });
      return;
    }
    if (keys.has(key)) return fail(path, `expected { source: <fingerprint>, translation: <text> }`);
    if (!prefixes.has(key))
      return fail(path, `the ladder has nothing at ${key}${unknownPart(key, prefixes)}`, true);
    if (!translation.places.has(key)) translation.places.set(key, placeOf(path));
    if (Array.isArray(value))
      value.forEach((item, index) => item === null || visit(item, [...path, index]));
    else if (value !== null && typeof value === "object")
      for (const [name, item] of Object.entries(value)) visit(item, [...path, name]);
    else fail(path, `expected a mapping or a list of translated texts`);
  };
  for (const [name, value] of Object.entries(source.data)) {
    if (name === "complete") {
      if (typeof value !== "boolean") fail([name], "expected true or false");
      else translation.complete ||= value;
      continue;
    }
    if (!(SECTIONS as readonly string[]).includes(name)) {
      fail(
        [name],
        `unknown section "${name}"; a translation has ${["complete", ...SECTIONS].join(", ")}`,
        true,
      );
      continue;
    }
    visit(value, [name]);
  }
}

function isEntry(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    ("source" in value || "translation" in value)
  );
}

function entryProblem(entry: Record<string, unknown>): string | undefined {
  const extra = Object.keys(entry).filter((name) => name !== "source" && name !== "translation");
  if (extra.length > 0)
    return `unknown key "${extra[0]}"; a translated text has source and translation`;
  if (typeof entry.source !== "string" || !FINGERPRINT.test(entry.source))
    return "source must be the fingerprint of the source text, 8 hex digits in quotes (ladders:check prints it)";
  if (typeof entry.translation !== "string" || entry.translation.trim() === "")
    return "translation must be text";
  return undefined;
}

/** "(no competency "code-qualty")": the first part of a key the ladder does not have. */
function unknownPart(key: string, prefixes: Set<string>): string {
  const parts = key.split(".");
  for (let length = 1; length <= parts.length; length++) {
    if (!prefixes.has(parts.slice(0, length).join(".")))
      return length === 1
        ? ""
        : ` ("${parts[length - 1]}" is not in ${parts.slice(0, length - 1).join(".")})`;
  }
  return "";
}

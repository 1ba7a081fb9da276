import { parse } from "yaml";
import { normaliseText } from "../text-similarity";
import {
  assembleLadder,
  type DraftTrack,
  type PlannedCell,
  type PlannedCompetency,
  type PlannedLevel,
  type PlannedTrack,
} from "./assemble";
import {
  baseName,
  isRecord,
  LEVEL_SCALE,
  parseSourceYaml,
  pathInSource,
  sourceMarkdown,
  textList,
  textOf,
} from "./common";
import { IdRegister, kebabId, withoutPictographs } from "./ids";
import { importedLadder, sharedFiles, type SharedExpectations } from "./ladder-files";
import {
  ImportSourceError,
  type DraftStatement,
  type ImportedLadder,
  type ImportOptions,
  type ReportLine,
  type SourceFile,
  type SourceStatement,
} from "./types";
import { largest, smallest } from "~/utils/extremes";

/**
 * Monzo's progression framework (monzo/progression-framework): one Markdown file per framework,
 * its YAML front matter holding `levels` (how many) and `topics`, each with `content` per level:
 * `criteria` and `exampleCriteria` (a criterion with its examples). The generic framework (the
 * page whose `path` is `/generic`, `generic.md` in Monzo's repository) holds topics that a
 * framework inherits by naming them: its criteria are shown beside the framework's own and its
 * title wins. Each framework becomes a track; each topic a competency; the generic topics the
 * frameworks name become a shared folder beside the ladder, which the ladder includes
 * (docs/ladders.md, "Shared topics"), so pages mark them as inherited from Monzo's generic framework.
 */

const SOURCE_NAME = "the Monzo framework";
const SOURCE_TITLE = "Monzo's progression framework";
const PUBLIC_REPOSITORY = "https://github.com/monzo/progression-framework";
/** Monzo's site finds its generic framework by this path (src/views/FrameworkView.js), whatever the file is called. */
const GENERIC_PATH = "/generic";

interface Topic {
  name: string;
  title: string | null;
  /** Statements per level number, in the order Monzo shows them: criteria, then examples. */
  byLevel: Map<number, DraftStatement[]>;
}

interface Framework {
  file: string;
  title: string;
  sidebarTitle: string | null;
  /** Where Monzo's site serves the page (`path` in the front matter). */
  sitePath: string | null;
  /** The level numbers the page's criteria run over, lowest first (ops-leadership.md: 2 to 6). */
  numbers: number[];
  topics: Topic[];
  body: string;
}

export function importMonzo(sources: SourceFile[], options: ImportOptions = {}): ImportedLadder {
  const report: ReportLine[] = [];
  /** What Monzo shows on each page at each level: the page's criteria and the generic ones of the topics it names. */
  const stated: SourceStatement[] = [];
  const pages = sources.flatMap((source) => {
    const framework = readFramework(source, report);
    return framework === null ? [] : [framework];
  });
  const generic = pages.find((page) => page.sitePath === GENERIC_PATH) ?? null;
  const frameworks = pages.filter((page) => page !== generic);
  if (frameworks.length === 0) {
    throw new ImportSourceError(
      sources[0]?.path ?? ".",
      "no framework with levelled topics (front matter with `yaml: true`, `levels` and `topics`) was found",
    );
  }
  const first = frameworks[0]!.file;
  const genericTopics = new Map((generic?.topics ?? []).map((topic) => [topic.name, topic]));
  const definitions = frameworks.flatMap((framework) => topicDefinitions(framework.body));
  const topicNames = [
    ...pages.flatMap((page) =>
      page.topics.flatMap((topic) => [topic.name, ...(topic.title === null ? [] : [topic.title])]),
    ),
  ];

  const competencyIds = new IdRegister();
  const competencies = new Map<string, PlannedCompetency>();
  const competencyFor = (topic: Topic): PlannedCompetency => {
    const known = competencies.get(topic.name);
    if (known !== undefined) return known;
    const shared = genericTopics.get(topic.name);
    // Monzo shows a generic topic under the generic file's title, whatever the framework wrote.
    const title = textOf(shared?.title) ?? textOf(topic.title);
    const competency: PlannedCompetency = {
      id: competencyIds.claim(kebabId(topic.name, "topic")),
      name: title ?? topic.name,
      area: shared === undefined ? "topics" : "shared",
      description: definitionOf(topic.name, title, definitions, topicNames) ?? "",
    };
    competencies.set(topic.name, competency);
    return competency;
  };

  const trackIds = new IdRegister();
  const levelIds = new IdRegister();
  const usedGeneric = new Set<string>();
  /** Level id -> the number Monzo gives it, to tell generic criteria from a page's own. */
  const numberOf = new Map<string, number>();
  const texts = new Set(frameworks.map((framework) => sourceMarkdown(framework.body)));
  const sharedText = texts.size === 1 ? [...texts][0]! : "";
  const tracks = frameworks.map((framework): PlannedTrack => {
    const trackId = trackIds.claim(kebabId(baseName(framework.file), "framework"));
    const trackName = framework.sidebarTitle ?? framework.title;
    const levelName = withoutPictographs(trackName) || trackId;
    const sublevels = sublevelLetters(framework.body) ?? sublevelLetters(generic?.body ?? "");
    const levelOf = new Map<number, PlannedLevel>();
    const levels = framework.numbers.map((number): PlannedLevel => {
      const level: PlannedLevel = {
        id: levelIds.claim(`${trackId}-${number}`),
        title: `${levelName} level ${number}`,
        summary: "",
        ...(sublevels !== null
          ? {
              sublevels: sublevels.map((letter) => ({
                id: letter.toLowerCase(),
                title: `${number}${letter}`,
              })),
            }
          : {}),
        file: framework.file,
        cells: new Map<string, PlannedCell>(),
      };
      levelOf.set(number, level);
      numberOf.set(level.id, number);
      return level;
    });
    /** Levels of the generic topics the page names that are outside the page's own levels. */
    const outside = new Set<number>();
    for (const topic of framework.topics) {
      const competency = competencyFor(topic);
      const shared = genericTopics.get(topic.name);
      if (shared !== undefined) usedGeneric.add(topic.name);
      // The page's levels are the ones its own criteria are at, so each of them has a level.
      for (const [number, statements] of topic.byLevel) {
        if (statements.length === 0) continue;
        const level = levelOf.get(number)!;
        const cell = level.cells.get(competency.id) ?? { statements: [] };
        cell.statements.push(...statements);
        stated.push(
          ...statements.map((statement) => ({
            file: framework.file,
            text: statement.text,
            levelId: level.id,
          })),
        );
        level.cells.set(competency.id, cell);
      }
      if (shared === undefined) continue;
      // A ladder inherits an included topic's expectations before its own.
      for (const [number, statements] of shared.byLevel) {
        const level = levelOf.get(number);
        if (level === undefined) {
          if (statements.length > 0) outside.add(number);
          continue;
        }
        const cell = level.cells.get(competency.id) ?? { statements: [] };
        cell.statements.unshift(...statements);
        stated.push(
          ...statements.map((statement) => ({
            file: generic!.file,
            text: statement.text,
            levelId: level.id,
          })),
        );
        level.cells.set(competency.id, cell);
      }
    }
    if (outside.size > 0) {
      const numbers = [...outside].sort((a, b) => a - b).join(", ");
      report.push({
        file: framework.file,
        message: `the generic criteria at level ${numbers} of the topics it names are not placed: the page's own criteria are at levels ${framework.numbers[0]} to ${framework.numbers.at(-1)}`,
      });
    }
    const text = sourceMarkdown(framework.body);
    if (text === "")
      report.push({
        file: framework.file,
        message: `the page has no text; the track "${trackName}" has no description`,
      });
    return { id: trackId, name: trackName, description: sharedText === "" ? text : "", levels };
  });
  if (sharedText !== "" && frameworks.length > 1) {
    report.push({
      file: first,
      message:
        "every page has the same text, so it is the ladder's description; the tracks have no description of their own",
    });
  } else if (texts.size > 1) {
    report.push({
      file: first,
      message:
        "the pages have different texts, so each is its track's description; the ladder has no description",
    });
  }
  report.push({
    file: first,
    message: "Monzo's pages say nothing about each level; the levels have no summary",
  });
  if (frameworks.length > 1) {
    report.push({
      file: first,
      message:
        "Monzo's files give no order for their pages; the tracks are in the order of their file names (rename the files in tracks/ to reorder them)",
    });
  }
  for (const [name, competency] of competencies) {
    if (competency.description === "")
      report.push({
        file: genericTopics.has(name) ? generic!.file : first,
        message: `no page defines the topic "${name}"; its competency has no description`,
      });
  }

  for (const topic of generic?.topics ?? []) {
    if (!usedGeneric.has(topic.name)) {
      report.push({
        file: generic!.file,
        message: `generic topic "${topic.name}" is named by none of the imported frameworks, so Monzo shows it on none of them; not imported`,
      });
    }
  }

  const assembled = assembleLadder([...competencies.values()], tracks, SOURCE_NAME);
  const sharedTopicOf = new Map(
    [...competencies]
      .filter(([name]) => genericTopics.has(name))
      .map(([name, competency]) => [competency.id, genericTopics.get(name)!]),
  );
  const inherited = takeInherited(assembled.tracks, sharedTopicOf, numberOf);
  const folder = commonFolder(frameworks.map((framework) => framework.file));
  const ladderId = options.ladderId ?? `monzo-${kebabId(folder ?? "progression", "progression")}`;
  const single = frameworks.length === 1 ? frameworks[0]! : null;
  const name = single !== null ? single.title : `Monzo ${folder ?? "progression"} frameworks`;
  const ownCompetencies = assembled.competencies.filter(
    (competency) => !sharedTopicOf.has(competency.id),
  );
  const sharedCompetencies = assembled.competencies.filter((competency) =>
    sharedTopicOf.has(competency.id),
  );
  const sharedFolder = `${ladderId}-generic`;
  // Monzo numbers the levels of every page alike: level n of one page sits beside level n of another.
  const numbers = [...new Set(frameworks.flatMap((framework) => framework.numbers))].sort(
    (a, b) => a - b,
  );
  const equivalence =
    tracks.length < 2
      ? []
      : numbers.map((number) =>
          Object.fromEntries(
            tracks.flatMap((track, index) =>
              frameworks[index]!.numbers.includes(number)
                ? [[track.id, track.levels[frameworks[index]!.numbers.indexOf(number)]!.id]]
                : [],
            ),
          ),
        );
  const read = [...frameworks, ...(sharedCompetencies.length === 0 ? [] : [generic!])];
  return importedLadder({
    source: { title: SOURCE_TITLE, repository: PUBLIC_REPOSITORY },
    read: read.map((page) => pathInSource(page.file, "frameworks")),
    options,
    ladder: { id: ladderId, name, description: sharedText },
    draft: {
      scale: LEVEL_SCALE,
      areas:
        ownCompetencies.length === 0 ? [] : [{ id: "topics", name: "Topics", description: "" }],
      competencies: ownCompetencies,
      tracks: assembled.tracks,
      equivalence,
      ...(sharedCompetencies.length === 0 ? {} : { include: [sharedFolder] }),
    },
    report: [...report, ...assembled.report],
    stated,
    shared:
      sharedCompetencies.length === 0
        ? []
        : [
            {
              folder: sharedFolder,
              files: sharedFiles(
                {
                  shared: {
                    name: withoutPictographs(generic!.title) || "Generic",
                    description: sourceMarkdown(generic!.body),
                  },
                  areas: [{ id: "generic", name: "Generic", description: "" }],
                  competencies: sharedCompetencies.map((competency) => ({
                    ...competency,
                    area: "generic",
                  })),
                  expectations: inherited,
                },
                `${SOURCE_TITLE} (${pathInSource(generic!.file, "frameworks")})`,
              ),
            },
          ],
  });
}

/**
 * A page's definitions of its topics: "We're interested in these five elements:" followed by a
 * list of "- Mastery - Your Monzo knowledge and technical capability".
 */
function topicDefinitions(body: string): { label: string; text: string }[] {
  return [...body.matchAll(/^[ \t]*[-*+][ \t]+([^\n]+?)[ \t]+[-–—][ \t]+([^\n]+?)[ \t]*$/gm)].map(
    (match) => ({ label: match[1]!, text: match[2]! }),
  );
}

/**
 * The definition a page gives a topic: the item labelled with its name or title, else, for a
 * topic named in one word, the one item no topic is named by whose first word begins as the
 * topic's does ("Comms & Feedback" for "communication"; "mastery-science" is not "Mastery").
 */
function definitionOf(
  name: string,
  title: string | null,
  definitions: { label: string; text: string }[],
  topicNames: readonly string[],
): string | null {
  const words = (text: string) =>
    withoutPictographs(text)
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  const exactly = (label: string, topic: string) =>
    words(label).join(" ") === words(topic).join(" ");
  const exact = definitions.find((definition) =>
    [name, title].some((topic) => topic !== null && exactly(definition.label, topic)),
  );
  if (exact !== undefined) return exact.text;
  const first = words(name);
  if (first.length !== 1 || first[0]!.length < 4) return null;
  const close = definitions.filter((definition) => {
    const label = words(definition.label)[0] ?? "";
    const claimed = topicNames.some((topic) => exactly(definition.label, topic));
    return (
      !claimed &&
      label.length >= 4 &&
      (first[0]!.startsWith(label.slice(0, 4)) || label.startsWith(first[0]!.slice(0, 4)))
    );
  });
  return new Set(close.map((definition) => definition.text)).size === 1 ? close[0]!.text : null;
}

/**
 * Moves the generic criteria out of the ladder's levels into the shared folder's expectations (by
 * level id); what a framework adds to a generic topic, and any carried-over statement, stays.
 */
function takeInherited(
  tracks: DraftTrack[],
  sharedTopicOf: Map<string, Topic>,
  numberOf: Map<string, number>,
): SharedExpectations {
  const inherited: SharedExpectations = {};
  for (const track of tracks) {
    track.levels.forEach((level) => {
      for (const [competencyId, topic] of sharedTopicOf) {
        const list = level.expectations[competencyId];
        if (list === undefined) continue;
        const generic = new Set(
          (topic.byLevel.get(numberOf.get(level.id)!) ?? []).map((statement) =>
            normaliseText(statement.text),
          ),
        );
        const isGeneric = (item: (typeof list)[number]) =>
          generic.has(normaliseText(typeof item === "string" ? item : item.text));
        const fromGeneric = list.filter(isGeneric);
        const own = list.filter((item) => !isGeneric(item));
        if (fromGeneric.length > 0) (inherited[level.id] ??= {})[competencyId] = fromGeneric;
        if (own.length > 0) level.expectations[competencyId] = own;
        else delete level.expectations[competencyId];
      }
    });
  }
  return inherited;
}

/** Whether a page is Monzo's generic framework, by what its front matter says (the import command looks for it beside the frameworks). */
export function isMonzoGenericPage(text: string): boolean {
  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter === null) return false;
  try {
    const data: unknown = parse(frontMatter[1]!, { uniqueKeys: false });
    return isRecord(data) && textOf(data.path) === GENERIC_PATH;
  } catch {
    return false;
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function readFramework(source: SourceFile, report: ReportLine[]): Framework | null {
  const match = FRONT_MATTER.exec(source.text);
  if (match === null) {
    report.push({
      file: source.path,
      message: "no front matter; not a framework file, not imported",
    });
    return null;
  }
  const data = parseSourceYaml(source.path, match[1]!);
  const body = match[2]!;
  if (!isRecord(data))
    throw new ImportSourceError(source.path, "the front matter is not a mapping");
  const title = textOf(data.title) ?? baseName(source.path);
  if (data.yaml !== true || !Array.isArray(data.topics)) {
    report.push({
      file: source.path,
      message: `"${title}" is a Markdown page (no levelled topics); its text is not imported`,
    });
    return null;
  }
  const topics = data.topics.flatMap((raw, index): Topic[] => {
    if (!isRecord(raw) || textOf(raw.name) === null) {
      report.push({ file: source.path, message: `topics[${index}] has no name; not imported` });
      return [];
    }
    const name = textOf(raw.name)!;
    const byLevel = new Map<number, DraftStatement[]>();
    const content = Array.isArray(raw.content) ? raw.content : [];
    content.forEach((entry, entryIndex) => {
      const where = `topic "${name}", content[${entryIndex}]`;
      if (
        !isRecord(entry) ||
        typeof entry.level !== "number" ||
        !Number.isInteger(entry.level) ||
        entry.level < 1
      ) {
        report.push({
          file: source.path,
          message: `${where} has no level number; its criteria are not placed`,
        });
        return;
      }
      const statements = byLevel.get(entry.level) ?? [];
      statements.push(
        ...textList(entry.criteria, source.path, `${where}.criteria`, report).map((text) => ({
          text: sourceMarkdown(text),
        })),
      );
      const examples = Array.isArray(entry.exampleCriteria) ? entry.exampleCriteria : [];
      examples.forEach((example, exampleIndex) => {
        const text = isRecord(example) ? textOf(example.criteria) : null;
        if (text === null) {
          report.push({
            file: source.path,
            message: `${where}.exampleCriteria[${exampleIndex}] has no criteria text; not imported`,
          });
          return;
        }
        statements.push({
          text: sourceMarkdown(text),
          examples: textList(
            example.examples,
            source.path,
            `${where}.exampleCriteria[${exampleIndex}].examples`,
            report,
          ).map(sourceMarkdown),
        });
      });
      byLevel.set(entry.level, statements);
    });
    return [{ name, title: textOf(raw.title), byLevel }];
  });
  return {
    file: source.path,
    title,
    sidebarTitle: textOf(data.sidebarTitle),
    sitePath: textOf(data.path),
    numbers: levelNumbers(source.path, data.levels, topics, report),
    topics,
    body,
  };
}

/**
 * A page's levels run from the lowest to the highest level its criteria are at: Monzo's site
 * shows levels 1 to `levels`, but pages are written against the content (ops-leadership.md
 * says 5 levels and has criteria at levels 2 to 6), so the content wins and the report says so.
 */
function levelNumbers(
  file: string,
  declared: unknown,
  topics: Topic[],
  report: ReportLine[],
): number[] {
  const stated = topics.flatMap((topic) =>
    [...topic.byLevel].flatMap(([number, statements]) => (statements.length > 0 ? [number] : [])),
  );
  const count =
    typeof declared === "number" && Number.isInteger(declared) && declared > 0 ? declared : null;
  if (stated.length === 0) return Array.from({ length: count ?? 1 }, (_, index) => index + 1);
  const first = smallest(stated);
  const last = largest(stated);
  if (count !== null && (first !== 1 || last !== count)) {
    report.push({
      file,
      message: `the page says it has ${count} levels, but its criteria are at levels ${first} to ${last}; those are its levels`,
    });
  }
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** Monzo's pages say "within each level you can progress in sub-levels, labelled A–E". */
function sublevelLetters(body: string): string[] | null {
  const match = /sub-?levels?,?\s+labell?ed\s+([A-Z])\s*[–—-]\s*([A-Z])/i.exec(body);
  if (match === null) return null;
  const first = match[1]!.toUpperCase().charCodeAt(0);
  const last = match[2]!.toUpperCase().charCodeAt(0);
  if (last < first) return null;
  return Array.from({ length: last - first + 1 }, (_, index) => String.fromCharCode(first + index));
}

function commonFolder(paths: string[]): string | null {
  const folders = paths.map((path) => path.split("/").slice(0, -1));
  const first = folders[0] ?? [];
  let depth = 0;
  while (depth < first.length && folders.every((parts) => parts[depth] === first[depth])) depth++;
  const last = first[depth - 1];
  return last === undefined ? null : last;
}

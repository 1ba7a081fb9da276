import {
  assembleLadder,
  type PlannedCell,
  type PlannedCompetency,
  type PlannedLevel,
  type PlannedTrack,
} from "./assemble";
import { isRecord, sourceMarkdown, textList, textOf } from "./common";
import { IdRegister, kebabId } from "./ids";
import { JsLiteralError, readJsLiteral } from "./js-literal";
import { importedLadder } from "./ladder-files";
import {
  ImportSourceError,
  type DraftStatement,
  type ImportedLadder,
  type ImportOptions,
  type ReportLine,
  type SourceFile,
  type SourceStatement,
} from "./types";
import { largest } from "~/utils/extremes";

/**
 * Medium's Snowflake (Medium/snowflake): its framework lives in the app's source, constants.js.
 * `tracks` holds sixteen tracks (Mobile, Communication, …), each in a category (A to D) with
 * five milestones (a summary, signals: "example behaviors", examples: "example tasks");
 * `milestoneToPoints` prices each milestone reached, `pointsToLevels` names bands of the total
 * ("1.1" from 0 … "5.3" from 135) and `titles` gives titles over ranges of it. Snowflake's
 * tracks are competencies here, its categories areas; the scale is the milestones 0 to 5, each
 * worth its points; its levels 1 to 5 (the bands' first figure) are the levels of one track,
 * level n expecting milestone n of every competency, with the bands n.1 to n.3 as sub-levels.
 * The file is read, never run: only its literals are parsed (js-literal.ts).
 */

const SOURCE_TITLE = "Medium's Snowflake";
const PUBLIC_REPOSITORY = "https://github.com/Medium/snowflake";
const SOURCE_NAME = "Snowflake";
const TRACK = { id: "engineering", name: "Engineering" };

interface Milestone {
  summary: string;
  signals: string[];
  examples: string[];
}

export function importSnowflake(
  sources: SourceFile[],
  options: ImportOptions = {},
): ImportedLadder {
  const constants = sources.find((source) => source.path.split("/").at(-1) === "constants.js");
  if (constants === undefined)
    throw new ImportSourceError(
      "constants.js",
      "Snowflake keeps its tracks, milestones and points in constants.js; none was found",
    );
  const readme = sources.find((source) => /^readme\.md$/i.test(source.path.split("/").at(-1)!));
  const file = constants.path;
  const report: ReportLine[] = [];
  const stated: SourceStatement[] = [];

  const rawTracks = literal(constants, "tracks");
  if (!isRecord(rawTracks))
    throw new ImportSourceError(file, "`tracks` is not an object of tracks");
  const pointsOfMilestone = milestonePoints(constants);
  const bands = literal(constants, "pointsToLevels");
  if (!isRecord(bands))
    throw new ImportSourceError(file, "`pointsToLevels` is not an object of points to levels");
  const titles = literal(constants, "titles");
  if (!Array.isArray(titles)) throw new ImportSourceError(file, "`titles` is not a list of titles");

  const bandList = Object.entries(bands)
    .map(([from, label]) => ({
      from: Number(from),
      label: textOf(label) ?? "",
    }))
    .filter((band) => Number.isFinite(band.from) && band.label !== "")
    .sort((a, b) => a.from - b.from);
  const levelNumbers = [
    ...new Set(
      bandList.map((band) => Number.parseInt(band.label, 10)).filter((number) => number > 0),
    ),
  ];
  const milestones = largest(pointsOfMilestone.map((point) => point.value));

  const competencyIds = new IdRegister();
  const competencies: PlannedCompetency[] = [];
  const categories: string[] = [];
  const levels = levelNumbers.map((number): PlannedLevel => ({
    id: `level-${number}`,
    title: `Level ${number}`,
    summary: "",
    sublevels: bandList
      .filter((band) => Number.parseInt(band.label, 10) === number)
      .map((band) => ({
        id: kebabId(band.label, "band").replace(/^band-/, ""),
        title: band.label,
      })),
    file,
    cells: new Map<string, PlannedCell>(),
  }));
  for (const [key, raw] of Object.entries(rawTracks)) {
    if (!isRecord(raw)) {
      report.push({
        file,
        message: `track ${key} is not an object; not imported`,
      });
      continue;
    }
    const category = textOf(raw.category) ?? "uncategorised";
    if (!categories.includes(category)) categories.push(category);
    const competency: PlannedCompetency = {
      id: competencyIds.claim(kebabId(key, "track")),
      name: textOf(raw.displayName) ?? key,
      area: kebabId(category, "category"),
      description: textOf(raw.description) ?? "",
    };
    competencies.push(competency);
    const list = Array.isArray(raw.milestones) ? raw.milestones : [];
    list.forEach((rawMilestone, index) => {
      const milestone = readMilestone(rawMilestone, file, `${key}.milestones[${index}]`, report);
      const level = levels[index];
      if (milestone === null) return;
      if (level === undefined) {
        report.push({
          file,
          message: `${key}: milestone ${
            index + 1
          } has no level (the bands name ${levels.length} levels); not placed`,
        });
        return;
      }
      const statements: DraftStatement[] = [
        { text: milestone.summary, examples: milestone.examples },
        ...milestone.signals.map((text) => ({ text })),
      ];
      level.cells.set(competency.id, { statements });
      stated.push(
        ...[milestone.summary, ...milestone.signals, ...milestone.examples].map((text) => ({
          file,
          text,
          levelId: level.id,
        })),
      );
    });
  }
  report.push({
    file,
    message: `Snowflake names its categories only by letter (${categories.join(
      ", ",
    )}); the areas are named so and have no description`,
  });
  report.push({
    file,
    message: `Snowflake has no tracks of its own, only titles over points: one track, ${
      TRACK.name
    }, holds its ${levels.length === 5 ? "five" : levels.length} levels and every title`,
  });
  report.push({
    file,
    message:
      "Snowflake says nothing about its levels beyond their points; the levels have no summary",
  });

  const track: PlannedTrack = { ...TRACK, description: "", levels };
  const assembled = assembleLadder(competencies, [track], SOURCE_NAME);
  const ladderId = options.ladderId ?? "snowflake";
  const scale = Array.from({ length: milestones + 1 }, (_, value) => ({
    value,
    label: `Milestone ${value}`,
    meaning:
      value === 0
        ? "Has not reached the first milestone of the competency."
        : `Has reached milestone ${value} of the competency: what level ${value} expects of it.`,
  }));
  return importedLadder({
    source: { title: SOURCE_TITLE, repository: PUBLIC_REPOSITORY },
    read: [constants, ...(readme === undefined ? [] : [readme])].map((source) =>
      source.path.split("/").at(-1)!,
    ),
    options,
    ladder: {
      id: ladderId,
      name: "Snowflake",
      description: readme === undefined ? "" : readmeIntroduction(readme),
    },
    draft: {
      scale,
      areas: categories.map((category) => ({
        id: kebabId(category, "category"),
        name: category,
        description: "",
      })),
      competencies: assembled.competencies,
      tracks: assembled.tracks.map((draft) => ({
        ...draft,
        levels: draft.levels.map((level, index) => ({
          ...level,
          target: levelNumbers[index]!,
        })),
      })),
      points: pointsSection(pointsOfMilestone, bandList, titles, file, report),
    },
    report: [...report, ...assembled.report],
    stated,
  });
}

/** The literal a `const NAME = …` (typed or not) of the file holds. */
function literal(source: SourceFile, name: string): unknown {
  const declaration = new RegExp(`\\bconst\\s+${name}\\b[^=]*=\\s*`).exec(source.text);
  if (declaration === null)
    throw new ImportSourceError(
      source.path,
      `no \`${name}\` object; is this Snowflake's constants.js?`,
    );
  try {
    return readJsLiteral(source.text, declaration.index + declaration[0].length);
  } catch (error) {
    if (error instanceof JsLiteralError)
      throw new ImportSourceError(source.path, `\`${name}\` could not be read: ${error.message}`);
    throw error;
  }
}

/** `milestoneToPoints` is a function: its `case n: return points` lines are read, as written. */
function milestonePoints(source: SourceFile): { value: number; points: number }[] {
  const body = /\bmilestoneToPoints\b[\s\S]*?\{([\s\S]*?)\n\}/.exec(source.text);
  const cases = [...(body?.[1] ?? "").matchAll(/case\s+(\d+)\s*:\s*return\s+(\d+(?:\.\d+)?)/g)].map(
    (match) => ({ value: Number(match[1]), points: Number(match[2]) }),
  );
  if (cases.length === 0)
    throw new ImportSourceError(
      source.path,
      "no `milestoneToPoints` with `case n: return points` lines; is this Snowflake's constants.js?",
    );
  return cases.sort((a, b) => a.value - b.value);
}

function readMilestone(
  raw: unknown,
  file: string,
  where: string,
  report: ReportLine[],
): Milestone | null {
  const summary = isRecord(raw) ? textOf(raw.summary) : null;
  if (summary === null || !isRecord(raw)) {
    report.push({ file, message: `${where} has no summary; not imported` });
    return null;
  }
  return {
    summary,
    signals: textList(raw.signals, file, `${where}.signals`, report),
    examples: textList(raw.examples, file, `${where}.examples`, report),
  };
}

/** The ladder's points section: what each milestone is worth, the bands, and every title on the one track. */
function pointsSection(
  perRating: { value: number; points: number }[],
  bands: { from: number; label: string }[],
  titles: unknown[],
  file: string,
  report: ReportLine[],
) {
  const ranges = titles.flatMap((raw, index) => {
    const title = isRecord(raw) ? textOf(raw.label) : null;
    if (title === null || !isRecord(raw)) {
      report.push({
        file,
        message: `titles[${index}] has no label; not imported`,
      });
      return [];
    }
    const from = typeof raw.minPoints === "number" ? raw.minPoints : 0;
    return [
      {
        title,
        from,
        ...(typeof raw.maxPoints === "number" ? { upTo: raw.maxPoints } : {}),
      },
    ];
  });
  return {
    perRating: Object.fromEntries(perRating.map((point) => [String(point.value), point.points])),
    bands: bands.map((band) => ({ label: band.label, from: band.from })),
    ...(ranges.length > 0 ? { titles: { [TRACK.id]: ranges } } : {}),
  };
}

/** README.md's opening paragraph after its title and notices: Medium's own words on what Snowflake is. */
function readmeIntroduction(readme: SourceFile): string {
  const section = /^#\s+Snowflake\s*\n([\s\S]*?)(?=\n!\[|\n#)/m.exec(readme.text);
  return section === null ? "" : sourceMarkdown(section[1]!);
}

import {
  assembleLadder,
  type PlannedCell,
  type PlannedCompetency,
  type PlannedLevel,
  type PlannedTrack,
} from "./assemble";
import {
  baseName,
  isRecord,
  parseSourceYaml,
  pathInSource,
  sourceMarkdown,
  textList,
  textOf,
} from "./common";
import { IdRegister, kebabId } from "./ids";
import { importedLadder } from "./ladder-files";
import {
  ImportSourceError,
  type DraftLink,
  type ImportedLadder,
  type ImportOptions,
  type ReportLine,
  type SourceFile,
  type SourceStatement,
} from "./types";

/**
 * The Financial Times' engineering progression (Financial-Times/engineering-progression): one
 * YAML file per job family under data/job-families/, with `levels`, `themes` and `competencies`.
 * Each FT competency is one statement of one theme at one level, with a UUID `id`, a `summary`, a
 * `proficiency`, and (in older families) `examples` and `supportingUrls`. A job family becomes a
 * ladder with one track; themes become competencies; FT competencies become statements that keep
 * their UUIDs; proficiencies become the scale and each level's targets.
 */

/** FT's proficiency levels, in order (site/pages/competencies/how-to-use.md). */
export const FT_PROFICIENCIES = [
  {
    label: "Awareness",
    meaning:
      "A basic understanding of the concept or skill, recognising its importance and general application but not yet able to apply it independently.",
  },
  {
    label: "Foundational",
    meaning:
      "Familiar with fundamental principles and concepts, able to discuss them and apply them in simple situations with guidance.",
  },
  {
    label: "Working knowledge",
    meaning:
      "Solid understanding and the ability to apply concepts and skills in routine scenarios, independently handling common tasks and challenges.",
  },
  {
    label: "Practitioner",
    meaning:
      "Proficient in applying skills and knowledge in a wide range of situations, solving complex problems, and guiding others in their application.",
  },
  {
    label: "Expert",
    meaning:
      "Deep, comprehensive expertise in the area, capable of innovating, leading initiatives, and setting standards. Recognised as a go-to authority.",
  },
] as const;

const SOURCE_NAME = "the FT job family";
const SOURCE_TITLE = "the FT's engineering progression";
const PUBLIC_REPOSITORY = "https://github.com/Financial-Times/engineering-progression";

/**
 * `site` holds the FT site's pages the import reads for the ladder's description when the
 * checkout has them: site/pages/job-families.md and site/pages/competencies/how-to-use.md.
 */
export function importFt(
  source: SourceFile,
  options: ImportOptions = {},
  site: SourceFile[] = [],
): ImportedLadder {
  const file = source.path;
  const report: ReportLine[] = [];
  /** Each FT competency with a summary: one statement, found by its id. */
  const stated: SourceStatement[] = [];
  const data = parseSourceYaml(file, source.text);
  if (!isRecord(data))
    throw new ImportSourceError(
      file,
      "a job family file is a mapping with levels, themes and competencies",
    );
  const familyName = textOf(data.name) ?? baseName(file);
  const rawLevels = Array.isArray(data.levels) ? data.levels : [];
  const rawThemes = Array.isArray(data.themes) ? data.themes : [];
  if (rawLevels.length === 0) throw new ImportSourceError(file, "the job family lists no levels");

  const levelIds = new IdRegister();
  const levels = new Map<string, PlannedLevel>();
  rawLevels.forEach((raw, index) => {
    const id = isRecord(raw) ? textOf(raw.id) : null;
    if (id === null) {
      report.push({ file, message: `levels[${index}] has no id; not imported` });
      return;
    }
    const name = textOf((raw as Record<string, unknown>).name) ?? id;
    levels.set(id, {
      id: levelIds.claim(kebabId(id, "level")),
      title: name,
      summary: "",
      file,
      cells: new Map<string, PlannedCell>(),
    });
  });

  const competencyIds = new IdRegister();
  const themes = new Map<string, PlannedCompetency>();
  rawThemes.forEach((raw, index) => {
    const id = isRecord(raw) ? textOf(raw.id) : null;
    if (id === null) {
      report.push({ file, message: `themes[${index}] has no id; not imported` });
      return;
    }
    const name = textOf((raw as Record<string, unknown>).name) ?? id;
    const summary = textOf((raw as Record<string, unknown>).summary);
    themes.set(id, {
      id: competencyIds.claim(kebabId(id, "theme")),
      name,
      area: "themes",
      description: summary ?? name,
    });
  });

  /** Proficiencies per level and theme, to set the level's target. */
  const proficiencies = new Map<PlannedCell, Set<number>>();
  const rawCompetencies = Array.isArray(data.competencies) ? data.competencies : [];
  rawCompetencies.forEach((raw, index) => {
    if (!isRecord(raw)) {
      report.push({ file, message: `competencies[${index}] is not a mapping; not imported` });
      return;
    }
    const label = textOf(raw.id) ?? `competencies[${index}]`;
    const text = textOf(raw.summary);
    if (text === null) {
      report.push({ file, message: `competency ${label} has no summary; not imported` });
      return;
    }
    const level = levels.get(textOf(raw.level) ?? "");
    const theme = themes.get(textOf(raw.theme) ?? "");
    const statementId = textOf(raw.id);
    stated.push({
      file,
      text,
      ...(statementId === null ? {} : { id: statementId }),
      ...(level === undefined || theme === undefined ? {} : { levelId: level.id }),
    });
    if (level === undefined || theme === undefined) {
      const missing =
        level === undefined ? `level "${String(raw.level)}"` : `theme "${String(raw.theme)}"`;
      report.push({
        file,
        message: `competency ${label} ("${text}") not placed: the job family has no ${missing}`,
      });
      return;
    }
    const cell = level.cells.get(theme.id) ?? { statements: [] };
    const id = textOf(raw.id);
    cell.statements.push({
      ...(id === null ? {} : { id }),
      text,
      examples: textList(raw.examples, file, `competency ${label} examples`, report),
      links: supportingLinks(raw.supportingUrls, file, label, report),
    });
    level.cells.set(theme.id, cell);
    const proficiency = FT_PROFICIENCIES.findIndex(
      (known) => known.label.toLowerCase() === textOf(raw.proficiency)?.toLowerCase(),
    );
    if (proficiency === -1) {
      if (raw.proficiency !== undefined)
        report.push({
          file,
          message: `competency ${label}: proficiency "${String(raw.proficiency)}" is not one of FT's; no target set from it`,
        });
      return;
    }
    const seen = proficiencies.get(cell) ?? new Set<number>();
    seen.add(proficiency + 1);
    proficiencies.set(cell, seen);
  });

  for (const level of levels.values()) {
    for (const [themeId, cell] of level.cells) {
      const seen = [...(proficiencies.get(cell) ?? [])].sort((a, b) => a - b);
      if (seen.length === 0) continue;
      cell.target = seen[seen.length - 1];
      if (seen.length > 1) {
        const labels = seen.map((value) => FT_PROFICIENCIES[value - 1]!.label).join(", ");
        report.push({
          file,
          message: `${level.title}, theme "${themeId}": statements expect different proficiencies (${labels}); the level's target is the highest`,
        });
      }
    }
  }
  for (const theme of themes.values()) {
    if (![...levels.values()].some((level) => level.cells.has(theme.id)))
      report.push({ file, message: `theme "${theme.name}" has no competencies; not imported` });
  }

  const paths = careerPaths([...levels.values()], file, report);
  const tracks: PlannedTrack[] =
    paths === null
      ? [
          {
            id: kebabId(familyName, "job-family"),
            name: familyName,
            description: "",
            levels: [...levels.values()],
          },
        ]
      : paths.tracks.map((path) => ({ ...path, description: "" }));
  report.push({
    file,
    message:
      paths === null
        ? "the family's text is the ladder's description; its one track has none of its own"
        : "the FT describes no path on its own; the tracks have no description",
  });
  report.push({
    file,
    message: "the FT describes its levels by their competencies only; the levels have no summary",
  });
  const jobFamilies = site.find((page) => page.path.endsWith("job-families.md"));
  const howToUse = site.find((page) => page.path.endsWith("how-to-use.md"));
  const legacy = data.isLegacy === true ? "The FT marks this job family as legacy." : null;
  const description = [
    textOf(data.summary),
    jobFamilies && familySection(jobFamilies, familyName, report),
    howToUse && howToUseOpening(howToUse, report),
    legacy,
  ]
    .filter((part): part is string => typeof part === "string" && part !== "")
    .join("\n\n");
  const assembled = assembleLadder([...themes.values()], tracks, SOURCE_NAME);
  const ladderId = options.ladderId ?? `ft-${kebabId(baseName(file), "job-family")}`;
  return importedLadder({
    source: { title: SOURCE_TITLE, repository: PUBLIC_REPOSITORY },
    read: [
      pathInSource(file, "data"),
      ...[jobFamilies, howToUse].flatMap((page) =>
        page === undefined ? [] : [pathInSource(page.path, "site")],
      ),
    ],
    options,
    ladder: { id: ladderId, name: familyName, description },
    draft: {
      scale: FT_PROFICIENCIES.map((point, index) => ({
        value: index + 1,
        label: point.label,
        meaning: point.meaning,
      })),
      areas: [{ id: "themes", name: "Themes", description: "" }],
      competencies: assembled.competencies,
      tracks: assembled.tracks,
      equivalence: paths?.equivalence ?? [],
    },
    report: [...report, ...assembled.report],
    stated,
  });
}

/** Where the FT publishes its site (README.md), for the site's own links, which name no host. */
const FT_SITE = "https://engineering-progression.ft.com";

/** A page of the FT's site as ladder Markdown: no front matter or Liquid, the site's own links to the published site. */
function sitePage(page: SourceFile): { title: string; text: string }[] {
  const body = page.text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
  const sections = body.split(/^##[ \t]+/m);
  return sections.map((section, index) => {
    const [first = "", ...rest] = index === 0 ? ["", section] : section.split("\n");
    const text = (index === 0 ? section : rest.join("\n"))
      .split("\n")
      .filter((line) => !line.includes("{{"))
      .join("\n")
      .replace(/\]\(\/(?!\/)/g, `](${FT_SITE}/`);
    return { title: first.trim(), text: sourceMarkdown(text) };
  });
}

/** The job families page's section for this family ("## Engineering"), without its diagram, which is reported. */
function familySection(page: SourceFile, familyName: string, report: ReportLine[]): string | null {
  const section = sitePage(page).find(
    (candidate, index) => index > 0 && candidate.title.toLowerCase() === familyName.toLowerCase(),
  );
  if (section === undefined) {
    report.push({
      file: page.path,
      message: `the page has no section for "${familyName}"; the ladder's description is the family's summary`,
    });
    return null;
  }
  const pictures = /!\[[^\]]*\]\(([^)]+)\)/g;
  for (const picture of section.text.matchAll(pictures)) {
    report.push({
      file: page.path,
      message: `the diagram of the paths (${picture[1]!.replace(FT_SITE, "")}) is not imported: ladder text shows no pictures; the ladder's page draws its paths`,
    });
  }
  return section.text
    .replace(pictures, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The how-to-use page's opening; its sections on proficiencies and competencies are the scale and the themes, and the rest is reported. */
function howToUseOpening(page: SourceFile, report: ReportLine[]): string {
  const [opening, ...sections] = sitePage(page);
  const used = sections
    .filter((section) => /proficienc|^competencies$/i.test(section.title))
    .map((section) => `"${section.title}"`);
  const rest = sections
    .filter((section) => !/proficienc|^competencies$/i.test(section.title))
    .map((section) => `"${section.title}"`);
  if (sections.length > 0) {
    report.push({
      file: page.path,
      message: `the sections ${words(used)} are the scale's meanings and the themes' descriptions; ${words(rest)} ${rest.length === 1 ? "is" : "are"} not imported (guidance on using the competencies, not part of them)`,
    });
  }
  return opening!.text;
}

/** "a", "a and b", "a, b and c". */
function words(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "Senior Engineer 2 (People Manager)": the path in brackets, and the level's name without it. */
const PATH_IN_NAME = /^(.*\S)\s*\(([^()]+)\)$/;

/**
 * The FT's job families branch: levels named "… (Individual Contributor)" and "… (People
 * Manager)" after the shared ones (Junior Engineer to Senior Engineer 1) are two paths
 * (site/pages/job-families.md draws them). Each path is a track; the first holds the shared
 * levels and the others branch off after the last of them. A level after the split that names
 * no path stays on the path of the level before it in the file (Technology Director follows
 * Principal Engineer (People Manager)). Levels of the same name on two paths are one row of
 * equivalence. Null when no level names a path: one track, as before.
 */
function careerPaths(
  levels: PlannedLevel[],
  file: string,
  report: ReportLine[],
): { tracks: Omit<PlannedTrack, "description">[]; equivalence: Record<string, string>[] } | null {
  const firstOnPath = levels.findIndex((level) => PATH_IN_NAME.test(level.title));
  if (firstOnPath === -1) return null;
  const trunk = levels.slice(0, firstOnPath);
  const pathIds = new IdRegister();
  const byPath = new Map<string, Omit<PlannedTrack, "description">>();
  const sameName = new Map<PlannedLevel, string>();
  let previous: { track: Omit<PlannedTrack, "description">; level: PlannedLevel } | undefined;
  for (const level of levels.slice(firstOnPath)) {
    const match = PATH_IN_NAME.exec(level.title);
    let track = previous?.track;
    if (match === null) {
      report.push({
        file,
        message: `"${level.title}" names no path; it follows "${previous!.level.title}" on the ${track!.name} path, as in the file`,
      });
    } else {
      const key = match[2]!.toLowerCase();
      sameName.set(level, match[1]!.toLowerCase());
      track = byPath.get(key);
      if (track === undefined) {
        const first = byPath.size === 0;
        track = {
          id: pathIds.claim(kebabId(match[2]!, "path")),
          name: match[2]!,
          levels: first ? [...trunk] : [],
        };
        if (!first && trunk.length > 0) track.branchesFrom = trunk.at(-1)!.id;
        byPath.set(key, track);
      }
    }
    track!.levels.push(level);
    previous = { track: track!, level };
  }
  const tracks = [...byPath.values()];
  const trackOf = new Map(
    tracks.flatMap((track) => track.levels.map((level) => [level, track] as const)),
  );
  // One row per level, in the file's order, joined by the level of the same name on another path.
  const rows: PlannedLevel[][] = [];
  for (const level of levels) {
    const twin = rows.find(
      (row) =>
        sameName.has(level) &&
        row.every(
          (other) =>
            trackOf.get(other) !== trackOf.get(level) &&
            sameName.get(other) === sameName.get(level),
        ),
    );
    if (twin === undefined) rows.push([level]);
    else twin.push(level);
  }
  return {
    tracks,
    equivalence: rows.map((row) =>
      Object.fromEntries(row.map((level) => [trackOf.get(level)!.id, level.id])),
    ),
  };
}

/** FT's `supportingUrls` (`label`, `url`) are references: they become the statement's links. */
function supportingLinks(
  value: unknown,
  file: string,
  label: string,
  report: ReportLine[],
): DraftLink[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => {
    const title = isRecord(item) ? textOf(item.label) : null;
    const url = isRecord(item) ? textOf(item.url) : null;
    if (title !== null && url !== null && /^https?:\/\//i.test(url)) return [{ title, url }];
    report.push({
      file,
      message: `competency ${label} supportingUrls[${index}] has no label or no http(s) url; not imported`,
    });
    return [];
  });
}

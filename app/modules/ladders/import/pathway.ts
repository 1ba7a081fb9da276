import {
  assembleLadder,
  type PlannedCell,
  type PlannedCompetency,
  type PlannedLevel,
  type PlannedTrack,
} from "./assemble";
import { baseName, isRecord, parseSourceYaml, textList, textOf } from "./common";
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
 * forwardimpact's pathway (its map data: levels.yaml, capabilities/, behaviours/, disciplines/,
 * tracks/, standard.yaml). A job there is a discipline at a level: each skill the discipline
 * names as core, supporting or broad is expected at the proficiency the level sets for that tier,
 * and each behaviour at the level's maturity, moved by the discipline's modifier. Here each
 * discipline is a track, each pathway level a level of every track, each skill and behaviour a
 * competency (capabilities are areas), and the proficiency or maturity description the job
 * expects is the statement, with the skill's human markers for it as examples.
 */

export const PROFICIENCIES = [
  "awareness",
  "foundational",
  "working",
  "practitioner",
  "expert",
] as const;
export const MATURITIES = [
  "emerging",
  "developing",
  "practicing",
  "role_modeling",
  "exemplifying",
] as const;
const TIERS = [
  ["coreSkills", "core"],
  ["supportingSkills", "supporting"],
  ["broadSkills", "broad"],
] as const;
const SOURCE_NAME = "pathway";
const SOURCE_TITLE = "forwardimpact's pathway";
const PUBLIC_REPOSITORY = "https://github.com/forwardimpact/pathway";

interface Skill {
  competency: PlannedCompetency;
  file: string;
  descriptions: Record<string, string>;
  markers: Record<string, string[]>;
}

interface PathwayLevel {
  id: string;
  professionalTitle: string;
  managementTitle: string | null;
  summary: string;
  proficiency: Record<string, number>;
  maturity: number;
}

export function importPathway(sources: SourceFile[], options: ImportOptions = {}): ImportedLadder {
  const report: ReportLine[] = [];
  const inFolder = (folder: string) =>
    sources.filter(
      (source) => source.path.split("/").at(-2) === folder && baseName(source.path) !== "_index",
    );
  const single = (name: string) =>
    sources.find(
      (source) =>
        /^[^/]*$/.test(relativeTo(sources, source.path)) && baseName(source.path) === name,
    );

  const levelsSource = single("levels");
  if (levelsSource === undefined)
    throw new ImportSourceError(
      "levels.yaml",
      "pathway data needs levels.yaml beside capabilities/, behaviours/ and disciplines/",
    );
  const levels = readLevels(levelsSource, report);

  const areas: { id: string; name: string; description: string }[] = [];
  const skills = new Map<string, Skill>();
  const competencyIds = new IdRegister();
  const capabilities = inFolder("capabilities")
    .map((source) => ({ source, data: parseSourceYaml(source.path, source.text) }))
    .sort((a, b) => rank(a.data) - rank(b.data));
  for (const { source, data } of capabilities) {
    if (!isRecord(data)) throw new ImportSourceError(source.path, "a capability file is a mapping");
    const areaId = kebabId(textOf(data.id) ?? baseName(source.path), "capability");
    const areaName = textOf(data.name) ?? areaId;
    areas.push({ id: areaId, name: areaName, description: textOf(data.description) ?? "" });
    if (
      data.professionalResponsibilities !== undefined ||
      data.managementResponsibilities !== undefined
    ) {
      report.push({
        file: source.path,
        message: `capability "${areaName}": its professional and management responsibilities by proficiency are not imported (a ladder holds expectations per competency, not per area)`,
      });
    }
    let agentContent = false;
    for (const [index, raw] of (Array.isArray(data.skills) ? data.skills : []).entries()) {
      const id = isRecord(raw) ? textOf(raw.id) : null;
      if (id === null || !isRecord(raw)) {
        report.push({ file: source.path, message: `skills[${index}] has no id; not imported` });
        continue;
      }
      const human = isRecord(raw.human) ? raw.human : {};
      const name = textOf(raw.name) ?? id;
      agentContent ||=
        raw.agent !== undefined ||
        raw.references !== undefined ||
        raw.instructions !== undefined ||
        hasAgentMarkers(raw.markers);
      const descriptions = descriptionsOf(human.proficiencyDescriptions, PROFICIENCIES);
      skills.set(id, {
        competency: {
          id: competencyIds.claim(kebabId(id, "skill")),
          name,
          area: areaId,
          description: withLadder(textOf(human.description), descriptions, PROFICIENCIES),
          links: toolLinks(raw.toolReferences),
        },
        file: source.path,
        descriptions,
        markers: humanMarkers(raw.markers, source.path, id, report),
      });
    }
    if (agentContent)
      report.push({
        file: source.path,
        message:
          "agent sections, agent markers and agent references are not imported (a ladder is for people)",
      });
  }

  const behaviours = new Map<
    string,
    { competency: PlannedCompetency; file: string; descriptions: Record<string, string> }
  >();
  for (const source of inFolder("behaviours")) {
    const data = parseSourceYaml(source.path, source.text);
    if (!isRecord(data)) throw new ImportSourceError(source.path, "a behaviour file is a mapping");
    const id = baseName(source.path);
    const human = isRecord(data.human) ? data.human : {};
    const name = textOf(data.name) ?? id;
    const descriptions = descriptionsOf(human.maturityDescriptions, MATURITIES);
    behaviours.set(id, {
      competency: {
        id: competencyIds.claim(kebabId(id, "behaviour")),
        name,
        area: "behaviours",
        description: withLadder(textOf(human.description), descriptions, MATURITIES),
      },
      file: source.path,
      descriptions,
    });
    if (data.agent !== undefined)
      report.push({
        file: source.path,
        message: "the agent section is not imported (a ladder is for people)",
      });
  }

  const inSomeDiscipline = new Set<string>();
  const placedSkillProficiency = new Set<string>();
  const placedBehaviourMaturity = new Set<string>();
  const trackIds = new IdRegister();
  const levelIds = new IdRegister();
  const tracks = inFolder("disciplines").map((source): PlannedTrack => {
    const data = parseSourceYaml(source.path, source.text);
    if (!isRecord(data)) throw new ImportSourceError(source.path, "a discipline file is a mapping");
    const id = trackIds.claim(kebabId(baseName(source.path), "discipline"));
    const specialization = textOf(data.specialization) ?? baseName(source.path);
    const roleTitle = textOf(data.roleTitle) ?? specialization;
    const management = data.isManagement === true || data.isProfessional === false;
    const human = isRecord(data.human) ? data.human : {};
    const roleSummary =
      textOf(management ? human.managementRoleSummary : human.professionalRoleSummary) ??
      textOf(human.roleSummary);
    const fill = (text: string) =>
      text.replaceAll("{roleTitle}", roleTitle).replaceAll("{specialization}", specialization);
    const tiers = new Map<string, string>();
    for (const [key, tier] of TIERS) {
      for (const skillId of textList(data[key], source.path, key, report)) {
        if (!skills.has(skillId))
          report.push({
            file: source.path,
            message: `${key} names skill "${skillId}", which no capability defines; not placed`,
          });
        else if (!tiers.has(skillId)) {
          tiers.set(skillId, tier);
          inSomeDiscipline.add(skillId);
        }
      }
    }
    const modifiers = isRecord(data.behaviourModifiers) ? data.behaviourModifiers : {};
    const minLevel = textOf(data.minLevel);
    const from =
      minLevel === null
        ? 0
        : Math.max(
            0,
            levels.findIndex((level) => level.id === minLevel),
          );
    const planned = levels.slice(from).map((level): PlannedLevel => {
      const cells = new Map<string, PlannedCell>();
      for (const [skillId, tier] of tiers) {
        const skill = skills.get(skillId)!;
        const proficiency = PROFICIENCIES[level.proficiency[tier]!]!;
        const text = skill.descriptions[proficiency];
        if (text === undefined) continue;
        placedSkillProficiency.add(`${skillId}:${proficiency}`);
        cells.set(skill.competency.id, {
          statements: [{ text, examples: skill.markers[proficiency] ?? [] }],
          target: level.proficiency[tier]! + 1,
        });
      }
      for (const [behaviourId, behaviour] of behaviours) {
        const shift =
          typeof modifiers[behaviourId] === "number" ? (modifiers[behaviourId] as number) : 0;
        const index = Math.min(MATURITIES.length - 1, Math.max(0, level.maturity + shift));
        const text = behaviour.descriptions[MATURITIES[index]!];
        if (text === undefined) continue;
        placedBehaviourMaturity.add(`${behaviourId}:${MATURITIES[index]!}`);
        cells.set(behaviour.competency.id, { statements: [{ text }], target: index + 1 });
      }
      return {
        id: levelIds.claim(`${id}-${kebabId(level.id, "level")}`),
        title: jobTitle(level, roleTitle, management),
        summary: level.summary,
        file: source.path,
        cells,
      };
    });
    const description = [textOf(data.description), roleSummary === null ? null : fill(roleSummary)]
      .filter((part) => part !== null)
      .join("\n\n");
    if (description === "")
      report.push({
        file: source.path,
        message: "the discipline has no description or role summary; its track has none",
      });
    return { id, name: specialization, description, levels: planned };
  });
  if (tracks.length === 0)
    throw new ImportSourceError(
      "disciplines/",
      "pathway data needs at least one discipline under disciplines/",
    );

  for (const [skillId, skill] of skills) {
    if (!inSomeDiscipline.has(skillId)) {
      report.push({
        file: skill.file,
        message: `skill "${skillId}" is in no discipline's core, supporting or broad skills; not placed`,
      });
      continue;
    }
    for (const proficiency of PROFICIENCIES) {
      if (
        skill.descriptions[proficiency] !== undefined &&
        !placedSkillProficiency.has(`${skillId}:${proficiency}`)
      ) {
        report.push({
          file: skill.file,
          message: `skill "${skillId}": no level of any discipline expects its ${proficiency} description; it is kept in the competency's description only`,
        });
      }
    }
  }
  for (const [behaviourId, behaviour] of behaviours) {
    for (const maturity of MATURITIES) {
      if (
        behaviour.descriptions[maturity] !== undefined &&
        !placedBehaviourMaturity.has(`${behaviourId}:${maturity}`)
      ) {
        report.push({
          file: behaviour.file,
          message: `behaviour "${behaviourId}": no level of any discipline expects its ${maturity} description; it is kept in the competency's description only`,
        });
      }
    }
  }
  for (const source of inFolder("tracks")) {
    const data = parseSourceYaml(source.path, source.text);
    const name = isRecord(data)
      ? (textOf(data.name) ?? baseName(source.path))
      : baseName(source.path);
    report.push({
      file: source.path,
      message: `pathway track "${name}" (skill and behaviour modifiers for a work context) not imported: the ladder's tracks are the disciplines`,
    });
  }
  const drivers = single("drivers");
  if (drivers !== undefined)
    report.push({
      file: drivers.path,
      message: "drivers (outcomes teams achieve) are not imported: they are not part of a ladder",
    });

  const standardSource = single("standard");
  const standard =
    standardSource === undefined ? {} : parseSourceYaml(standardSource.path, standardSource.text);
  const behaviourDefinition =
    isRecord(standard) &&
    isRecord(standard.entityDefinitions) &&
    isRecord(standard.entityDefinitions.behaviour)
      ? standard.entityDefinitions.behaviour
      : {};
  if (behaviours.size > 0)
    areas.push({
      id: "behaviours",
      name: textOf(behaviourDefinition.title) ?? "Behaviours",
      description: textOf(behaviourDefinition.description) ?? "",
    });
  const ladderDescription = isRecord(standard) ? textOf(standard.description) : null;
  if (ladderDescription === null)
    report.push({
      file: standardSource?.path ?? "standard.yaml",
      message: "the standard has no description; the ladder has none",
    });
  const ladderName = (isRecord(standard) ? textOf(standard.title) : null) ?? "Engineering pathway";
  const ladderId =
    options.ladderId ?? `pathway-${kebabId(ladderName.replace(/pathway/i, ""), "ladder")}`;
  const allCompetencies = [
    ...[...skills.values()].map((skill) => skill.competency),
    ...[...behaviours.values()].map((behaviour) => behaviour.competency),
  ];
  const assembled = assembleLadder(allCompetencies, tracks, SOURCE_NAME);
  // What pathway states of a skill or behaviour: its description at each proficiency or maturity.
  const stated: SourceStatement[] = [
    ...[...skills.values()].flatMap((skill) =>
      Object.values(skill.descriptions).map((text) => ({ file: skill.file, text })),
    ),
    ...[...behaviours.values()].flatMap((behaviour) =>
      Object.values(behaviour.descriptions).map((text) => ({ file: behaviour.file, text })),
    ),
  ];
  return importedLadder({
    source: { title: SOURCE_TITLE, repository: PUBLIC_REPOSITORY },
    read: sources.map((source) => relativeTo(sources, source.path)),
    options,
    ladder: { id: ladderId, name: ladderName, description: ladderDescription ?? "" },
    draft: {
      scale: PROFICIENCIES.map((proficiency, index) => ({
        value: index + 1,
        label: words(proficiency),
        meaning: `A skill at ${proficiency} proficiency, or a behaviour at ${words(MATURITIES[index]!).toLowerCase()} maturity.`,
      })),
      areas: areas.filter((area) =>
        assembled.competencies.some((competency) => competency.area === area.id),
      ),
      competencies: assembled.competencies,
      tracks: assembled.tracks,
      equivalence: tracks.length < 2 ? [] : equivalence(tracks, levels),
    },
    report: [...report, ...assembled.report],
    stated,
  });
}

function readLevels(source: SourceFile, report: ReportLine[]): PathwayLevel[] {
  const data = parseSourceYaml(source.path, source.text);
  if (!Array.isArray(data) || data.length === 0)
    throw new ImportSourceError(source.path, "levels.yaml is a list of levels");
  const sorted = [...data].filter(isRecord).sort((a, b) => rank(a) - rank(b));
  return sorted.flatMap((raw, index): PathwayLevel[] => {
    const id = textOf(raw.id);
    const base = isRecord(raw.baseSkillProficiencies) ? raw.baseSkillProficiencies : {};
    const proficiency = Object.fromEntries(
      TIERS.map(([, tier]) => [
        tier,
        PROFICIENCIES.indexOf(String(base[tier]) as (typeof PROFICIENCIES)[number]),
      ]),
    );
    const maturity = MATURITIES.indexOf(
      String(raw.baseBehaviourMaturity) as (typeof MATURITIES)[number],
    );
    if (id === null || Object.values(proficiency).some((value) => value < 0) || maturity < 0) {
      report.push({
        file: source.path,
        message: `level ${id ?? `[${index}]`} lacks an id, a known base proficiency per skill tier or a known base behaviour maturity; not imported`,
      });
      return [];
    }
    const experience = textOf(raw.typicalExperienceRange);
    const qualification = textOf(raw.qualificationSummary)?.replaceAll(
      "{typicalExperienceRange}",
      experience ?? "",
    );
    const expectations = isRecord(raw.expectations)
      ? Object.entries(raw.expectations).flatMap(([key, value]) =>
          textOf(value) === null ? [] : [`- ${words(key)}: ${textOf(value)!}`],
        )
      : [];
    const title = textOf(raw.professionalTitle) ?? id;
    const summary = [
      qualification ?? null,
      expectations.length > 0 ? expectations.join("\n") : null,
    ]
      .filter((part) => part !== null)
      .join("\n\n");
    if (summary === "")
      report.push({
        file: source.path,
        message: `level ${id} has no qualification summary or expectations; it has no summary`,
      });
    return [
      {
        id,
        professionalTitle: title,
        managementTitle: textOf(raw.managementTitle),
        summary,
        proficiency,
        maturity,
      },
    ];
  });
}

/** Pathway's own job title for a discipline at a level (libskill's generateJobTitle, without a track). */
function jobTitle(level: PathwayLevel, roleTitle: string, management: boolean): string {
  if (management) return `${level.managementTitle ?? level.professionalTitle}, ${roleTitle}`;
  return level.professionalTitle.startsWith("Level")
    ? `${roleTitle} ${level.professionalTitle}`
    : `${level.professionalTitle} ${roleTitle}`;
}

/** Disciplines share pathway's levels, so level n of each discipline sits beside level n of the others. */
function equivalence(tracks: PlannedTrack[], levels: PathwayLevel[]): Record<string, string>[] {
  return levels
    .map((level) =>
      Object.fromEntries(
        tracks.flatMap((track) => {
          const own = track.levels.find((planned) =>
            planned.id.endsWith(`-${kebabId(level.id, "level")}`),
          );
          return own === undefined ? [] : [[track.id, own.id]];
        }),
      ),
    )
    .filter((row) => Object.keys(row).length > 0);
}

/**
 * A skill's or behaviour's description followed by what it reads like at each proficiency or
 * maturity, as pathway's own pages show a skill: the levels expect one of them each, and the
 * others (no level of the imported levels expects them) are kept here.
 */
function withLadder(
  description: string | null,
  descriptions: Record<string, string>,
  steps: readonly string[],
): string {
  const ladder = steps.flatMap((step) =>
    descriptions[step] === undefined ? [] : [`- **${words(step)}**: ${descriptions[step]}`],
  );
  return [description, ladder.length > 0 ? ladder.join("\n") : null]
    .filter((part) => part !== null)
    .join("\n\n");
}

function descriptionsOf(value: unknown, keys: readonly string[]): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    keys.flatMap((key) => (textOf(value[key]) === null ? [] : [[key, textOf(value[key])!]])),
  );
}

/** A skill's observable markers for people, per proficiency: the statement's examples. */
function humanMarkers(
  value: unknown,
  file: string,
  skillId: string,
  report: ReportLine[],
): Record<string, string[]> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([proficiency, marker]) =>
      isRecord(marker)
        ? [
            [
              proficiency,
              textList(
                marker.human,
                file,
                `skill "${skillId}" markers.${proficiency}.human`,
                report,
              ),
            ],
          ]
        : [],
    ),
  );
}

function hasAgentMarkers(value: unknown): boolean {
  return (
    isRecord(value) &&
    Object.values(value).some((marker) => isRecord(marker) && marker.agent !== undefined)
  );
}

/** A skill's tool references with a documentation address become the competency's links. */
function toolLinks(value: unknown): DraftLink[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((tool) => {
    const title = isRecord(tool) ? textOf(tool.name) : null;
    const url = isRecord(tool) ? textOf(tool.url) : null;
    return title !== null && url !== null && /^https?:\/\//i.test(url) ? [{ title, url }] : [];
  });
}

function rank(value: unknown): number {
  return isRecord(value) && typeof value.ordinalRank === "number"
    ? value.ordinalRank
    : Number.MAX_SAFE_INTEGER;
}

/** `role_modeling` → `Role modeling`, `impactScope` → `Impact scope`. */
function words(key: string): string {
  const spaced = key
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A source's path below the data folder (the folder every source shares). */
function relativeTo(sources: SourceFile[], path: string): string {
  const prefix = commonPrefix(sources.map((source) => source.path));
  return path.slice(prefix.length);
}

function commonPrefix(paths: string[]): string {
  const folders = paths.map((path) => path.split("/").slice(0, -1));
  const first = folders[0] ?? [];
  let depth = 0;
  while (depth < first.length && folders.every((parts) => parts[depth] === first[depth])) depth++;
  return depth === 0 ? "" : `${first.slice(0, depth).join("/")}/`;
}

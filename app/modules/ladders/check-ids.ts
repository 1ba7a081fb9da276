import type { LadderError } from "./ladder-errors";
import { describeOrigin, errorIn, ladderError, type IdKind, type IdSighting, type LadderParts } from "./merge";
import type { SingularSection } from "./schema";
import { errorAt } from "./yaml-source";

const KIND_NAMES: Record<IdKind, string> = { area: "area", competency: "competency", track: "track", level: "level" };

/** Ids name things across files (and, for levels, across tracks), so each may be used once. */
export function checkDuplicateIds(parts: LadderParts): LadderError[] {
  const errors: LadderError[] = [];
  for (const kind of Object.keys(KIND_NAMES) as IdKind[]) {
    const first = new Map<string, IdSighting>();
    for (const sighting of parts.sightings[kind]) {
      const earlier = first.get(sighting.id);
      if (earlier === undefined) {
        first.set(sighting.id, sighting);
        continue;
      }
      const inherited = earlier.from ?? sighting.from;
      if (inherited !== undefined) {
        const where = earlier.from === undefined ? "" : ` from "${earlier.from.name}" (include "${earlier.from.include}")`;
        errors.push(
          errorIn(sighting, [], `${KIND_NAMES[kind]} id "${sighting.id}" clashes with the one inherited at ${describeOrigin(earlier)}${where}; an included ${KIND_NAMES[kind]} cannot be redefined: rename one`),
        );
        continue;
      }
      const scope = kind === "level" ? "; level ids must be unique across the whole ladder" : "";
      errors.push(errorIn(sighting, [], `duplicate ${KIND_NAMES[kind]} id "${sighting.id}" (already used at ${describeOrigin(earlier)})${scope}`));
    }
  }
  return errors;
}

const REQUIRED: Partial<Record<SingularSection, string>> = {
  ladder: `add a "ladder" mapping with id, name, version and description`,
  scale: `add a "scale" list of {value, label, meaning} points`,
};

/** `ladder`, `changelog`, `scale` and `equivalence` are not merged, so exactly one file may hold each. */
export function checkSingularSections(parts: LadderParts): LadderError[] {
  const errors: LadderError[] = [];
  for (const [section, origins] of Object.entries(parts.definitions) as Array<[SingularSection, typeof parts.definitions.ladder]>) {
    const [first, ...others] = origins;
    if (first === undefined) {
      const fix = REQUIRED[section];
      if (fix !== undefined && parts.complete) errors.push(ladderError(parts, `no file defines "${section}"; ${fix}`));
      continue;
    }
    if (others.length === 0) continue;
    const firstKey = errorAt(first.source, [], "", section);
    for (const other of others) {
      errors.push(
        errorAt(other.source, [], `"${section}" is already defined at ${first.source.file}:${firstKey.line}:${firstKey.column}; define it in exactly one file`, section),
      );
    }
  }
  if (parts.complete && parts.sightings.track.length === 0) {
    errors.push(ladderError(parts, `the ladder has no tracks; add a "tracks" list with at least one track`));
  }
  return errors;
}

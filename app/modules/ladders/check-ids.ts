import type { Message } from "~/i18n/messages";
import { check } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import {
  describeOrigin,
  errorIn,
  ladderError,
  type IdKind,
  type IdSighting,
  type LadderParts,
} from "./merge";
import type { SingularSection } from "./schema";
import { errorAt } from "./yaml-source";

const KINDS: readonly IdKind[] = ["area", "competency", "track", "level"];

/** Ids name things across files (and, for levels, across tracks), so each may be used once. */
export function checkDuplicateIds(parts: LadderParts): LadderError[] {
  const errors: LadderError[] = [];
  for (const kind of KINDS) {
    const first = new Map<string, IdSighting>();
    for (const sighting of parts.sightings[kind]) {
      const earlier = first.get(sighting.id);
      if (earlier === undefined) {
        first.set(sighting.id, sighting);
        continue;
      }
      const inherited = earlier.from ?? sighting.from;
      if (inherited !== undefined) {
        const message =
          earlier.from === undefined
            ? check("ids.inherited", { kind, id: sighting.id, place: describeOrigin(earlier) })
            : check("ids.inheritedFrom", {
                kind,
                id: sighting.id,
                place: describeOrigin(earlier),
                source: earlier.from.name,
                include: earlier.from.include,
              });
        errors.push(errorIn(sighting, [], message));
        continue;
      }
      errors.push(
        errorIn(
          sighting,
          [],
          check(kind === "level" ? "ids.duplicateLevel" : "ids.duplicate", {
            kind,
            id: sighting.id,
            place: describeOrigin(earlier),
          }),
        ),
      );
    }
  }
  return errors;
}

const REQUIRED: Partial<Record<SingularSection, Message>> = {
  ladder: check("sections.addLadder"),
  scale: check("sections.addScale"),
};

/** `ladder`, `changelog`, `scale` and `equivalence` are not merged, so exactly one file may hold each. */
export function checkSingularSections(parts: LadderParts): LadderError[] {
  const errors: LadderError[] = [];
  for (const [section, origins] of Object.entries(parts.definitions) as Array<
    [SingularSection, typeof parts.definitions.ladder]
  >) {
    const [first, ...others] = origins;
    if (first === undefined) {
      const fix = REQUIRED[section];
      if (fix !== undefined && parts.complete)
        errors.push(ladderError(parts, check("sections.missing", { section, fix })));
      continue;
    }
    if (others.length === 0) continue;
    const firstKey = errorAt(first.source, [], "", section);
    for (const other of others) {
      errors.push(
        errorAt(
          other.source,
          [],
          check("sections.twice", {
            section,
            place: `${first.source.file}:${firstKey.line}:${firstKey.column}`,
          }),
          section,
        ),
      );
    }
  }
  if (parts.complete && parts.sightings.track.length === 0) {
    errors.push(ladderError(parts, check("sections.noTracks")));
  }
  return errors;
}

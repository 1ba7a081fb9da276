import { createHash } from "node:crypto";
import type { LadderParts } from "./merge";

/**
 * Identifies a ladder's content: the merged, parsed data, not the bytes, so reformatting,
 * comments, quoting style, shorthand vs. full expectations, or moving a section to another
 * file leave it unchanged. Assessments can record it to know which ladder text they saw.
 * Server-only, like all ladder loading: ladders are never loaded in the browser.
 */
export function ladderContentHash(parts: LadderParts): string {
  const content = {
    ladder: parts.ladder?.value,
    changelog: parts.changelog?.value,
    scale: parts.scale?.value,
    areas: parts.areas.map((area) => area.value),
    competencies: parts.competencies.map((competency) => competency.value),
    tracks: parts.tracks.map((track) => track.value),
    equivalence: parts.equivalence?.value,
    points: parts.points?.value,
    // Absent for a ladder with no includes, so its hash stays what it was before includes existed.
    inherited: parts.includes.length === 0 ? undefined : inheritedContent(parts),
  };
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** What the ladder inherits beyond the areas and competencies above: where each came from, and what its levels inherit. */
function inheritedContent(parts: LadderParts) {
  return {
    sources: parts.includes,
    areas: parts.areas.flatMap((area) =>
      area.from === undefined ? [] : [[area.value.id, area.from.include]],
    ),
    competencies: parts.competencies.flatMap((competency) =>
      competency.from === undefined ? [] : [[competency.value.id, competency.from.include]],
    ),
    expectations: parts.inheritedExpectations.map((entry) => ({
      from: entry.from.include,
      level: entry.levelId,
      competency: entry.competencyId,
      expectations: entry.expectations,
    })),
  };
}

/** JSON with object keys sorted at every depth; list order is content and stays. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    // Code-unit order, so no locale ever enters the hash.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

import { check } from "./check-messages";
import { globalRegistry, type z } from "zod";
import type { LadderError, LadderPath } from "./ladder-errors";
import type { LadderParts } from "./merge";
import { ladderFileSchema } from "./schema";
import { defOf } from "./schema-def";
import { errorAt, type ParsedSource } from "./yaml-source";

/**
 * Text longer than its field's limit (docs/ladders.md, "Text and Markdown"). A warning, not an
 * error: the limits came in after ladders were in use, and long text still shows, only less well.
 * The limits are read from the schema's metadata, so they are written once.
 */
export function warnLongText(parts: LadderParts): LadderError[] {
  const sources = new Set<ParsedSource>();
  for (const origins of Object.values(parts.definitions))
    for (const origin of origins) sources.add(origin.source);
  for (const item of [...parts.areas, ...parts.competencies, ...parts.tracks])
    sources.add(item.source);
  const warnings = new Map<string, LadderError>();
  for (const source of sources) {
    walk(ladderFileSchema, source.data, null, (at, length, max) => {
      const warning = errorAt(source, pathOf(at), check("text.tooLong", { length, max }));
      warnings.set(`${source.file}|${warning.path}`, warning);
    });
  }
  return [...warnings.values()];
}

/** Where the walk is, built only when something is reported: ladders are walked on every load. */
type At = { parent: At; key: string | number } | null;
type Report = (at: At, length: number, max: number) => void;

function pathOf(at: At): LadderPath {
  const path: Array<string | number> = [];
  for (let step = at; step !== null; step = step.parent) path.unshift(step.key);
  return path;
}

function walk(schema: z.ZodType, value: unknown, path: At, report: Report): void {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      if (typeof value !== "string") return;
      const max = (globalRegistry.get(schema) as { maxLength?: unknown } | undefined)?.maxLength;
      // Only text near the limit is trimmed and measured again.
      if (typeof max === "number" && value.length > max && value.trim().length > max)
        report(path, value.trim().length, max);
      return;
    }
    case "optional":
      if (def.innerType) walk(def.innerType, value, path, report);
      return;
    case "pipe":
      if (def.in) walk(def.in, value, path, report);
      return;
    case "union":
      for (const option of def.options ?? [])
        if (fits(option, value)) walk(option, value, path, report);
      return;
    case "object":
      if (!isRecord(value)) return;
      for (const [key, field] of Object.entries(def.shape ?? {}))
        if (Object.hasOwn(value, key)) walk(field, value[key], { parent: path, key }, report);
      return;
    case "record":
      if (!isRecord(value) || !def.valueType) return;
      for (const [key, item] of Object.entries(value))
        walk(def.valueType, item, { parent: path, key }, report);
      return;
    case "array":
      if (!Array.isArray(value) || !def.element) return;
      value.forEach((item, index) =>
        walk(def.element!, item, { parent: path, key: index }, report),
      );
      return;
    default:
      return;
  }
}

/** Does the value have the shape of this union option (text, list or mapping)? */
function fits(schema: z.ZodType, value: unknown): boolean {
  const def = defOf(schema);
  if (def.type === "optional" && def.innerType) return fits(def.innerType, value);
  if (def.type === "pipe" && def.in) return fits(def.in, value);
  if (def.type === "string") return typeof value === "string";
  if (def.type === "array") return Array.isArray(value);
  if (def.type === "object" || def.type === "record") return isRecord(value);
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

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
  };
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** JSON with object keys sorted at every depth; list order is content and stays. */
export function canonicalJson(value: unknown): string {
  let copy: unknown;
  try {
    copy = sortedCopy(value);
  } catch (error) {
    if (error !== UNUSUAL) throw error;
    return writeCanonical(value);
  }
  // Native JSON.stringify writes the copy's keys in insertion order, which sortedCopy made the sorted order.
  return JSON.stringify(copy) ?? "null";
}

const UNUSUAL = new Error("not plain JSON data");

/** Array indices are enumerated (and so stringified) before other keys, in numeric order, whatever the insertion order. */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

/**
 * A copy of plain JSON data (plain objects, dense arrays, strings, numbers, booleans, null,
 * undefined) with every object's keys inserted in sorted order; throws UNUSUAL for anything
 * else, or for keys JSON.stringify would not write in that order, and writeCanonical decides.
 */
function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "undefined":
      return value;
    case "object":
      break;
    default:
      throw UNUSUAL; // functions, symbols, bigints
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let index = 0; index < value.length; index++) {
      if (!(index in value)) throw UNUSUAL;
      copy.push(sortedCopy(value[index]));
    }
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw UNUSUAL;
  const keys = sortKeys(Object.keys(value));
  const copy: Record<string, unknown> = {};
  let lastIndex = -1;
  let named = false;
  for (const key of keys) {
    if (ARRAY_INDEX.test(key) && Number(key) < 2 ** 32 - 1) {
      if (named || Number(key) <= lastIndex) throw UNUSUAL;
      lastIndex = Number(key);
    } else {
      if (key === "__proto__") throw UNUSUAL;
      named = true;
    }
    copy[key] = sortedCopy((value as Record<string, unknown>)[key]);
  }
  return copy;
}

/** Code-unit order, like `<` (and the default sort), so no locale ever enters the hash; in place. */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  // Most objects have a handful of keys: insertion sort, without the allocations of Array.prototype.sort.
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** The general writer, for values sortedCopy leaves alone: the definition of the canonical form. */
function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  let out: string;
  if (Array.isArray(value)) {
    out = "[";
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ",";
      // A hole stays empty, as Array.prototype.join leaves it.
      if (index in value) out += writeCanonical(value[index]);
    }
    return out + "]";
  }
  out = "{";
  for (const key of sortKeys(Object.keys(value))) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${writeCanonical(item)}`;
  }
  return out + "}";
}

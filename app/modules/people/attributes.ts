/**
 * Optional attributes an admin imports with people (CSV columns `attribute:<name>`, for
 * example `attribute:location`), kept on the person as a JSON object of name to value.
 * Calibration's fairness report groups outcomes by them.
 */
export const ATTRIBUTE_PREFIX = "attribute:";

/** The stored attributes; anything that is not a JSON object of strings reads as none. */
export function parseAttributes(json: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Optional attributes an admin imports with people (CSV columns `attribute:<name>`, for
 * example `attribute:location`), kept on the person as a JSON object of name to value.
 * Calibration's fairness report groups outcomes by them.
 */
export const ATTRIBUTE_PREFIX = "attribute:";

/**
 * The stored attributes; anything that is not a JSON object reads as none, and a value that
 * is not a string is left out. The result has no prototype, so looking up a name that is also
 * a property of every object (`attributes["constructor"]`) finds nothing rather than a function.
 */
export function parseAttributes(json: string): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return attributes;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return attributes;
  for (const [name, entry] of Object.entries(value))
    if (typeof entry === "string") attributes[name] = entry;
  return attributes;
}

import type { z } from "zod";
import { messageOf, type Message } from "~/i18n/messages";
import { check } from "./check-messages";
import type { LadderError, LadderPath } from "./ladder-errors";
import { defOf } from "./schema-def";
import { closestMatch } from "./suggest";
import { errorAt, type ParsedSource } from "./yaml-source";

type Issue = z.core.$ZodIssue;

/** Internal notes that let one typo produce one error (see issuesToErrors). */
interface Converted extends LadderError {
  missingKey?: string;
  suggestedKey?: string;
}

/** zod speaks to developers; these messages speak to the people writing a ladder, at the exact node. */
export function issuesToErrors(
  source: ParsedSource,
  schema: z.ZodType,
  issues: readonly Issue[],
): LadderError[] {
  // A mapping's own rule (`applies` needs `from` or `upTo`) fails because of a misspelt key in it: the key is the mistake.
  const misspeltIn = new Set(
    issues
      .filter((issue) => issue.code === "unrecognized_keys")
      .map((issue) => issue.path.join(".")),
  );
  const converted = issues
    .filter((issue) => !(issue.code === "custom" && misspeltIn.has(issue.path.join("."))))
    .flatMap((issue) => convert(source, schema, issue, []));
  // `sumary:` is one mistake: report the unknown key (which suggests "summary"), not also a missing "summary".
  const misspelt = new Set(
    converted.flatMap((error) =>
      error.suggestedKey === undefined ? [] : [`${error.path}|${error.suggestedKey}`],
    ),
  );
  return converted
    .filter(
      (error) =>
        error.missingKey === undefined || !misspelt.has(`${error.path}|${error.missingKey}`),
    )
    .map(({ file, line, column, path, message, say }) => ({
      file,
      line,
      column,
      path,
      message,
      ...(say ? { say } : {}),
    }));
}

function convert(
  source: ParsedSource,
  schema: z.ZodType,
  issue: Issue,
  prefix: LadderPath,
): Converted[] {
  const path: LadderPath = [
    ...prefix,
    ...issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment))),
  ];
  switch (issue.code) {
    case "invalid_type": {
      const value = valueAt(source.data, path);
      if (value === undefined && path.length > 0) {
        const missingKey = String(path[path.length - 1]);
        return [
          {
            ...errorAt(source, path.slice(0, -1), check("schema.missingKey", { key: missingKey })),
            missingKey,
          },
        ];
      }
      const quote =
        issue.expected === "string" && (typeof value === "number" || typeof value === "boolean");
      return [
        errorAt(
          source,
          path,
          check(quote ? "schema.expectedText" : "schema.expected", {
            expected: describeExpected(issue.expected),
            found: describeValue(value),
          }),
        ),
      ];
    }
    case "unrecognized_keys": {
      const allowed = objectKeysAt(schema, path);
      const kind = path.length === 0 ? "schema.unknownTopKey" : "schema.unknownKey";
      return issue.keys.map((key) => {
        const suggestedKey = closestMatch(key, allowed);
        const message =
          suggestedKey === undefined
            ? check(kind, { key, allowed: allowed.join(", ") })
            : check(`${kind}Meant`, { key, match: suggestedKey, allowed: allowed.join(", ") });
        return { ...errorAt(source, path, message, key), suggestedKey };
      });
    }
    case "invalid_key": {
      const key = String(path[path.length - 1]);
      const rule = issue.issues[0]?.message;
      const message = rule === undefined ? check("schema.invalidKey", { key }) : ruleOf(rule);
      return [errorAt(source, path.slice(0, -1), message, key)];
    }
    case "invalid_union": {
      // Pick the alternative the author evidently meant: the one that got past the type check.
      const meant = issue.errors.find(
        (branch) =>
          !branch.every((inner) => inner.path.length === 0 && inner.code === "invalid_type"),
      );
      if (meant !== undefined)
        return meant.flatMap((inner) => convert(source, schema, inner, path));
      const expected = [
        ...new Set(
          issue.errors.flatMap((branch) =>
            branch.flatMap((inner) => (inner.code === "invalid_type" ? [inner.expected] : [])),
          ),
        ),
      ];
      return [
        errorAt(
          source,
          path,
          check("schema.expected", {
            expected: eitherOf(expected.map(describeExpected)),
            found: describeValue(valueAt(source.data, path)),
          }),
        ),
      ];
    }
    default:
      return [errorAt(source, path, ruleOf(issue.message))];
  }
}

/** The schema's own rules carry their message as text (schema.ts, `rule`); zod's built-in ones are English. */
function ruleOf(text: string): string | Message {
  return messageOf(text) ?? text;
}

function valueAt(data: unknown, path: LadderPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function describeExpected(expected: string): string | Message {
  switch (expected) {
    case "string":
      return check("kinds.text");
    case "int":
      return check("kinds.wholeNumber");
    case "number":
      return check("kinds.number");
    case "array":
      return check("kinds.list");
    case "object":
    case "record":
      return check("kinds.mapping");
    default:
      return expected;
  }
}

/** "text or a list": the kinds a value may be, the last two joined by "or". */
function eitherOf(kinds: readonly (string | Message)[]): string | Message {
  return kinds.length === 0
    ? ""
    : kinds.reduce((first, second) => check("schema.or", { first, second }));
}

function describeValue(value: unknown): string | Message {
  if (value === null || value === undefined) return check("nodes.emptyValue");
  if (Array.isArray(value)) return check("nodes.list");
  if (typeof value === "object") return check("nodes.mapping");
  if (typeof value === "string")
    return check("nodes.text", { text: value.length > 40 ? `${value.slice(0, 40)}…` : value });
  if (typeof value === "number") return check("nodes.number", { number: String(value) });
  if (typeof value === "boolean") return check("nodes.yesNo", { value: String(value) });
  return typeof value;
}

/** The keys an object at `path` may have, read from the schema so messages never drift from it. */
function objectKeysAt(schema: z.ZodType, path: LadderPath): string[] {
  let candidates = unwrap(schema);
  for (const segment of path) {
    candidates = candidates.flatMap((candidate) => {
      const def = defOf(candidate);
      if (def.type === "object" && typeof segment === "string" && def.shape?.[segment])
        return unwrap(def.shape[segment]);
      if (def.type === "array" && typeof segment === "number" && def.element)
        return unwrap(def.element);
      if (def.type === "record" && def.valueType) return unwrap(def.valueType);
      return [];
    });
  }
  const keys = candidates.flatMap((candidate) => Object.keys(defOf(candidate).shape ?? {}));
  return [...new Set(keys)];
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.type === "optional" && def.innerType) return unwrap(def.innerType);
  if (def.type === "pipe" && def.in) return unwrap(def.in);
  if (def.type === "union" && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

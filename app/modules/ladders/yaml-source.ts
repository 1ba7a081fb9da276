import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type ParsedNode,
} from "yaml";
import type { Message } from "~/i18n/messages";
import { check, said } from "./check-messages";
import { formatPath, type LadderError, type LadderPath } from "./ladder-errors";
import type { LadderLimits } from "./limits";
import { explainIndentation, isIndentationError } from "./yaml-indentation";

/** One ladder file parsed as YAML, kept with its syntax tree so any later error can point into it. */
export interface ParsedSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: Record<string, unknown>;
}

export type ParsedYaml = { ok: true; source: ParsedSource } | { ok: false; errors: LadderError[] };

export const TOP_LEVEL_KEYS = [
  "ladder",
  "changelog",
  "scale",
  "areas",
  "competencies",
  "tracks",
  "equivalence",
  "calibrationScales",
  "include",
  "shared",
  "expectations",
  "points",
] as const;

export function parseLadderYaml(file: string, text: string, limits: LadderLimits): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      // Reported by our own walk, with the key's name and the line it was first set on.
      uniqueKeys: false,
      version: "1.2",
      merge: false,
    });
  } catch (error) {
    return fail({
      file,
      line: 1,
      column: 1,
      path: "",
      ...said(check("yaml.unreadable", { detail: String(error) })),
    });
  }
  const at = (offset: number) => lineCounter.linePos(offset);
  const [firstError, ...laterErrors] = doc.errors;
  if (firstError !== undefined && isIndentationError(firstError.message)) {
    return fail({ file, path: "", ...explainIndentation(text, at(firstError.pos[0]).line) });
  }
  if (firstError !== undefined) {
    // After a syntax error the parser guesses; its later errors are mostly echoes of the first.
    const { line, col } = at(firstError.pos[0]);
    const finding = yamlErrorMessage(firstError.code, firstError.message, limits);
    return fail({
      file,
      line,
      column: col,
      path: "",
      ...said(laterErrors.length === 0 ? finding : check("hints.fixFirst", { finding })),
    });
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return fail({
      file,
      line: 1,
      column: 1,
      path: "",
      ...said(check("yaml.empty", { keys: TOP_LEVEL_KEYS.join(", ") })),
    });
  }
  if (!isMap(root)) {
    const { line, col } = at(root.range[0]);
    return fail({
      file,
      line,
      column: col,
      path: "",
      ...said(
        check("yaml.topLevel", { keys: TOP_LEVEL_KEYS.join(", "), found: describeNode(root) }),
      ),
    });
  }

  const walk = walkNodes(doc, lineCounter, limits);
  if (walk.problems.length > 0) {
    return {
      ok: false,
      errors: walk.problems.map(({ node, path, message }) => {
        const { line, col } = at(node.range?.[0] ?? 0);
        return { file, line, column: col, path: formatPath(path), ...said(message) };
      }),
    };
  }

  const expansion = findOverExpansion(doc, walk.aliases, limits);
  if (expansion !== undefined) {
    const { line, col } = at(expansion.node.range?.[0] ?? 0);
    return fail({
      file,
      line,
      column: col,
      path: formatPath(expansion.path),
      ...said(tooMuchExpansion),
    });
  }

  let data: unknown;
  try {
    // yaml's own alias guard stays on as a second line of defence.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const { line, col } = at(walk.aliases[0]?.node.range?.[0] ?? 0);
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? tooMuchExpansion
        : check("yaml.unreadable", { detail: String(error) });
    return fail({ file, line, column: col, path: "", ...said(message) });
  }

  const source: ParsedSource = { file, doc, lineCounter, data: data as Record<string, unknown> };
  if (walk.aliases.length > 0) {
    // Aliases can stack shallow collections into a deep value the syntax tree never shows.
    const deepPath = findTooDeep(data, limits.maxDepth);
    if (deepPath !== undefined) return fail(errorAt(source, deepPath, tooDeep(limits)));
  }
  return { ok: true, source };
}

/** The line and column of the node at `path` (or of the key `key` inside it); the nearest existing ancestor when the path runs out. */
export function locate(
  source: ParsedSource,
  path: LadderPath,
  key?: string,
): { line: number; column: number } {
  const { doc, lineCounter } = source;
  let node: YamlNode | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  const steps: Array<string | number> = [...path];
  if (key !== undefined) steps.push(key);
  for (let i = 0; i < steps.length && node !== null; i++) {
    const segment = steps[i]!;
    const isKeyStep = key !== undefined && i === steps.length - 1;
    if (isAlias(node)) node = (node.resolve(doc) as YamlNode | undefined) ?? null;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      const target = (isKeyStep ? pair.key : (pair.value ?? pair.key)) as YamlNode | null;
      node = target;
      offset = target?.range?.[0] ?? offset;
      if (isKeyStep || pair.value === null) break;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as YamlNode | undefined;
      if (item === undefined) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export function errorAt(
  source: ParsedSource,
  path: LadderPath,
  message: string | Message,
  key?: string,
): LadderError {
  const { line, column } = locate(source, path, key);
  return { file: source.file, line, column, path: formatPath(path), ...said(message) };
}

const tooMuchExpansion = check("yaml.tooMuchExpansion");

function fail(error: LadderError): ParsedYaml {
  return { ok: false, errors: [error] };
}

function tooDeep(limits: LadderLimits): Message {
  return check("yaml.tooDeep", { max: limits.maxDepth });
}

/** The parser's own description of a syntax error is English: the message frames it. */
function yamlErrorMessage(code: string, message: string, limits: LadderLimits): Message {
  if (code === "MULTIPLE_DOCS") return check("yaml.twoDocuments");
  if (code === "RESOURCE_EXHAUSTION") return tooDeep(limits);
  return check("yaml.syntax", { detail: message });
}

interface AliasUse {
  node: YamlNode;
  path: LadderPath;
}

interface Problem {
  node: YamlNode;
  path: LadderPath;
  message: Message;
}

/** Checks the syntax tree before anything is converted, so hostile shapes are refused cheaply. */
function walkNodes(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  limits: LadderLimits,
): { problems: Problem[]; aliases: AliasUse[] } {
  const problems: Problem[] = [];
  const aliases: AliasUse[] = [];
  let reportedDepth = false;
  const ancestors = new Set<YamlNode>();

  const visit = (node: YamlNode | null, path: LadderPath, depth: number): void => {
    if (node === null) return;
    if (isAlias(node)) {
      aliases.push({ node, path });
      if (aliases.length === limits.maxAliases + 1) {
        problems.push({
          node,
          path,
          message: check("yaml.tooManyAliases", { max: limits.maxAliases }),
        });
      }
      const target = node.resolve(doc) as YamlNode | undefined;
      if (target === undefined) {
        problems.push({ node, path, message: check("yaml.unknownAlias", { name: node.source }) });
      } else if (ancestors.has(target)) {
        problems.push({ node, path, message: check("yaml.aliasInItself", { name: node.source }) });
      }
      return;
    }
    if (typeof node.tag === "string") {
      const tag = node.tag.replace("tag:yaml.org,2002:", "!!");
      problems.push({ node, path, message: check("yaml.tags", { tag }) });
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    const level = depth + 1;
    if (level > limits.maxDepth) {
      if (!reportedDepth) problems.push({ node, path, message: tooDeep(limits) });
      reportedDepth = true;
      return;
    }
    ancestors.add(node);
    if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item as YamlNode | null, [...path, index], level));
    } else {
      const firstSeen = new Map<string, YamlNode>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === "object") {
          problems.push({
            node: (keyNode ?? node) as YamlNode,
            path,
            message: check("yaml.keyNotText", {
              found: keyNode === null ? check("nodes.empty") : describeNode(keyNode),
            }),
          });
          continue;
        }
        const name = String(keyNode.value);
        const first = firstSeen.get(name);
        if (first !== undefined) {
          const line = lineCounter.linePos(first.range?.[0] ?? 0).line;
          problems.push({
            node: keyNode,
            path,
            message: check("yaml.duplicateKey", { key: name, line }),
          });
        } else {
          firstSeen.set(name, keyNode);
        }
        visit(pair.value as YamlNode | null, [...path, name], level);
      }
    }
    ancestors.delete(node);
  };

  visit(doc.contents as ParsedNode | null, [], 0);
  return { problems, aliases };
}

/**
 * yaml's maxAliasCount only limits aliases nested in aliases; one alias to a big list is still
 * cheap for it. Counting every value each alias adds bounds the expanded document outright.
 */
function findOverExpansion(
  doc: Document.Parsed,
  aliases: readonly AliasUse[],
  limits: LadderLimits,
): AliasUse | undefined {
  const sizes = new Map<YamlNode, number>();
  const sizeOf = (node: YamlNode | null): number => {
    if (node === null) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 0); // guards against cycles while this node is being measured
    let size = 1;
    if (isAlias(node)) size = sizeOf((node.resolve(doc) as YamlNode | undefined) ?? null);
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item as YamlNode | null);
    else if (isMap(node))
      for (const pair of node.items)
        size += sizeOf(pair.key as YamlNode | null) + sizeOf(pair.value as YamlNode | null);
    sizes.set(node, size);
    return size;
  };
  let added = 0;
  for (const alias of aliases) {
    added += sizeOf(alias.node);
    if (added > limits.maxAliasExpansion) return alias;
  }
  return undefined;
}

function describeNode(node: YamlNode): Message {
  if (isMap(node)) return check("nodes.mapping");
  if (isSeq(node)) return check("nodes.list");
  if (isAlias(node)) return check("nodes.alias");
  if (isScalar(node)) {
    if (node.value === null) return check("nodes.empty");
    if (typeof node.value === "number")
      return check("nodes.number", { number: String(node.value) });
    if (typeof node.value === "boolean") return check("nodes.trueFalse");
    return check("nodes.text", { text: String(node.value).slice(0, 40) });
  }
  return check("nodes.other");
}

function findTooDeep(data: unknown, maxDepth: number): LadderPath | undefined {
  const stack: Array<{ value: unknown; depth: number; path: LadderPath }> = [
    { value: data, depth: 0, path: [] },
  ];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > maxDepth) return path;
    const entries = Array.isArray(value)
      ? value.map((item, index) => [index, item] as const)
      : Object.entries(value);
    for (const [key, child] of entries)
      stack.push({ value: child, depth: depth + 1, path: [...path, key] });
  }
  return undefined;
}

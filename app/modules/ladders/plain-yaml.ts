/**
 * A fast reader for the plain block-style YAML that ladder files are written in: block
 * mappings and lists, one-line plain and quoted scalars, one-line flow lists and mappings of
 * scalars, and folded or literal block scalars without indentation indicators.
 *
 * It is only a shortcut. It either returns exactly what `yaml`'s parseDocument(...).toJS()
 * would (YAML 1.2 core schema), for text that `yaml` reads without any error and that the
 * loader's own syntax walk would accept (no tags, anchors or aliases, no duplicate or complex
 * keys, not too deep), or it returns undefined and the caller reads the file with `yaml`.
 * Anything it is not sure about (tabs, CR, document markers, multi-line plain or quoted
 * scalars, escapes beyond the common ones, unusual keys, ...) makes it give up, so every
 * error message still comes from `yaml` and the loader's walk.
 */

const GIVE_UP = new Error("not plain ladder YAML");

/** Deeper than this, the reader leaves the file to yaml rather than recurse further. */
const MAX_READER_DEPTH = 64;

/** Characters whose handling by `yaml` the reader does not mirror: tabs, CR and other controls, BOM, Unicode line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSUPPORTED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

/** Keys: plain scalars that are text or a decimal integer, nothing that needs quoting. */
const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;

/** Reads `text`, or returns undefined when `yaml` must. */
export function readPlainYaml(text: string, maxDepth: number): Record<string, unknown> | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new PlainYamlReader(text.split("\n"), Math.min(maxDepth, MAX_READER_DEPTH)).document();
  } catch {
    // GIVE_UP, or anything unforeseen: yaml reads the file instead, so the result is the same either way.
    return undefined;
  }
}

class PlainYamlReader {
  private readonly lines: string[];
  private readonly maxDepth: number;
  /** Leading spaces of each line, or -1 for a blank or comment-only line. */
  private readonly indents: Int32Array;
  private readonly keys = new Map<string, string>();
  /** The next content line after the value just read. */
  private next = 0;

  constructor(lines: string[], maxDepth: number) {
    this.lines = lines;
    this.maxDepth = maxDepth;
    this.indents = new Int32Array(lines.length);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      let spaces = 0;
      while (line.charCodeAt(spaces) === SPACE) spaces++;
      this.indents[index] = spaces === line.length || line.charCodeAt(spaces) === HASH ? -1 : spaces;
    }
  }

  document(): Record<string, unknown> {
    const first = this.contentFrom(0);
    if (first === this.lines.length || this.indents[first] !== 0 || isListItem(this.lines[first]!, 0)) throw GIVE_UP;
    const root = this.mapping(first, 0, 1);
    if (this.next !== this.lines.length) throw GIVE_UP;
    return root;
  }

  /** Keys recur in every item (id, name, text, ...): resolve each spelling once. */
  private key(source: string): string {
    let key = this.keys.get(source);
    if (key === undefined) {
      key = plainKey(source);
      this.keys.set(source, key);
    }
    return key;
  }

  private contentFrom(line: number): number {
    const { indents } = this;
    while (line < indents.length && indents[line] === -1) line++;
    return line;
  }

  /** A block mapping whose first key starts at `column` of `line` (after "- " for a mapping in a list). */
  private mapping(line: number, column: number, level: number): Record<string, unknown> {
    if (level > this.maxDepth) throw GIVE_UP;
    const result: Record<string, unknown> = {};
    for (;;) {
      const text = this.lines[line]!;
      const colon = keyEnd(text, column);
      if (colon < 0) throw GIVE_UP;
      const key = this.key(text.slice(column, colon));
      if (Object.hasOwn(result, key)) throw GIVE_UP;
      let at = colon + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      result[key] =
        at === text.length || text.charCodeAt(at) === HASH
          ? this.nestedBlock(line, column, level, true)
          : this.inlineValue(text, at, line, column, level);
      line = this.next;
      if (line === this.lines.length) return result;
      const indent = this.indents[line]!;
      if (indent < column) return result;
      if (indent > column) throw GIVE_UP;
    }
  }

  /** A block list whose dashes sit at `column`. */
  private list(line: number, column: number, level: number): unknown[] {
    if (level > this.maxDepth) throw GIVE_UP;
    const result: unknown[] = [];
    for (;;) {
      const text = this.lines[line]!;
      let at = column + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at === text.length || text.charCodeAt(at) === HASH) {
        result.push(this.nestedBlock(line, column, level, false));
      } else if (isListItem(text, at)) {
        throw GIVE_UP; // "- - x": a list directly inside a list item
      } else if (keyEnd(text, at) >= 0) {
        result.push(this.mapping(line, at, level + 1));
      } else {
        result.push(this.inlineValue(text, at, line, column, level));
      }
      line = this.next;
      if (line === this.lines.length) return result;
      const indent = this.indents[line]!;
      if (indent < column) return result;
      if (indent > column) throw GIVE_UP;
      // Same indentation but no dash: the list ends (a mapping that holds it at its own indentation goes on).
      if (!isListItem(this.lines[line]!, column)) return result;
    }
  }

  /** The value of "key:" or "-" with nothing after it: a block on the following lines, or null. */
  private nestedBlock(line: number, parentIndent: number, level: number, listMayShareIndent: boolean): unknown {
    const next = this.contentFrom(line + 1);
    this.next = next;
    if (next === this.lines.length) return null;
    const indent = this.indents[next]!;
    const text = this.lines[next]!;
    if (indent > parentIndent) {
      return isListItem(text, indent) ? this.list(next, indent, level + 1) : this.mapping(next, indent, level + 1);
    }
    if (indent === parentIndent && listMayShareIndent && isListItem(text, indent)) return this.list(next, indent, level + 1);
    return null;
  }

  /** A value that starts on the line of its key or dash, at `at`. */
  private inlineValue(text: string, at: number, line: number, parentIndent: number, level: number): unknown {
    const first = text[at]!;
    let value: unknown;
    let end: number;
    switch (first) {
      case '"':
        ({ value, end } = doubleQuoted(text, at));
        break;
      case "'":
        ({ value, end } = singleQuoted(text, at));
        break;
      case "[":
        if (level + 1 > this.maxDepth) throw GIVE_UP;
        ({ value, end } = flowList(text, at));
        break;
      case "{":
        if (level + 1 > this.maxDepth) throw GIVE_UP;
        ({ value, end } = flowMapping(text, at));
        break;
      case "|":
      case ">":
        return this.blockScalar(text, at, line, parentIndent);
      default: {
        if (INDICATORS.includes(first)) throw GIVE_UP;
        // A plain scalar runs to " #" (a comment) or the end of the line; ": " or a final ":"
        // before that would make it a key ("a: b: c"), which yaml rejects here.
        const comment = text.indexOf(" #", at);
        end = comment < 0 ? text.length : comment;
        const colon = text.indexOf(": ", at);
        if ((colon >= 0 && colon < end) || (comment < 0 && text.endsWith(":"))) throw GIVE_UP;
        value = plainScalar(trimEndSpaces(text.slice(at, end)));
        end = text.length;
      }
    }
    if (!restIsComment(text, end)) throw GIVE_UP;
    this.next = this.contentFrom(line + 1);
    return value;
  }

  /** `>`, `>-`, `|` or `|-`, with its lines all at one indentation. */
  private blockScalar(text: string, at: number, line: number, parentIndent: number): string {
    const folded = text[at] === ">";
    let index = at + 1;
    const strip = text[index] === "-";
    if (strip) index++;
    if (index < text.length && text.charCodeAt(index) !== SPACE) throw GIVE_UP; // indentation indicator, "+" or junk
    if (!restIsComment(text, index)) throw GIVE_UP;

    const { lines } = this;
    const firstLine = line + 1;
    if (firstLine >= lines.length) throw GIVE_UP;
    const first = lines[firstLine]!;
    let indent = 0;
    while (first.charCodeAt(indent) === SPACE) indent++;
    if (indent === first.length || indent <= parentIndent) throw GIVE_UP; // leading blank lines, or an empty scalar

    let value = "";
    let blanks = 0;
    let started = false;
    let next = firstLine;
    for (; next < lines.length; next++) {
      const current = lines[next]!;
      let spaces = 0;
      while (current.charCodeAt(spaces) === SPACE) spaces++;
      if (spaces === current.length) {
        if (spaces > indent) throw GIVE_UP; // keeps spaces as content
        blanks++;
        continue;
      }
      if (spaces < indent) break;
      if (spaces > indent) throw GIVE_UP; // more-indented lines fold differently
      const content = current.slice(indent);
      if (!started) value = content;
      else if (folded) value += (blanks === 0 ? " " : "\n".repeat(blanks)) + content;
      else value += "\n".repeat(blanks + 1) + content;
      started = true;
      blanks = 0;
    }
    this.next = this.contentFrom(next);
    return strip ? value : value + "\n";
  }
}

/** Characters that cannot start a plain scalar the way this reader reads one. */
const INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

function isListItem(text: string, column: number): boolean {
  if (text.charCodeAt(column) !== DASH) return false;
  const after = text.charCodeAt(column + 1);
  return Number.isNaN(after) || after === SPACE;
}

/** A plain key (see PLAIN_KEY) and the ":" after it, followed by a space or the end of the line. */
const KEY_AT = /[A-Za-z0-9_][A-Za-z0-9_.-]*:(?= |$)/y;

/** The index of the ":" that ends a plain key starting at `start`, or -1 when the line there is not "key:" or "key: value". */
function keyEnd(text: string, start: number): number {
  KEY_AT.lastIndex = start;
  return KEY_AT.test(text) ? KEY_AT.lastIndex - 1 : -1;
}

/** A key as yaml's toJS writes it into an object: integers in decimal, text as it is. */
function plainKey(source: string): string {
  if (source.length > 1000) throw GIVE_UP; // yaml limits implicit keys to 1024 characters
  const value = plainScalar(source);
  if (typeof value === "string") {
    if (value in Object.prototype) throw GIVE_UP; // e.g. __proto__, which yaml writes with defineProperty
    return value;
  }
  if (typeof value === "number" && Number.isInteger(value) && INT.test(source)) return String(value);
  throw GIVE_UP;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const MAYBE_NOT_TEXT = /^[-+.~0-9nNtTfF]|^$/;

/** A plain scalar resolved by the YAML 1.2 core schema, tested in yaml's order. */
function plainScalar(source: string): unknown {
  if (!MAYBE_NOT_TEXT.test(source)) return source;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === "t" || source[0] === "T";
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) {
    if (source.slice(-3).toLowerCase() === "nan") return NaN;
    return source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Whether only spaces, or spaces and then a comment, follow `end`. */
function restIsComment(text: string, end: number): boolean {
  let index = end;
  while (text.charCodeAt(index) === SPACE) index++;
  return index === text.length || (index > end && text.charCodeAt(index) === HASH);
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t" };

/** A one-line double-quoted scalar starting at `at`; `end` is just past the closing quote. */
function doubleQuoted(text: string, at: number): { value: string; end: number } {
  const close = text.indexOf('"', at + 1);
  const escape = text.indexOf("\\", at + 1);
  if (close < 0) throw GIVE_UP;
  if (escape < 0 || escape > close) return { value: text.slice(at + 1, close), end: close + 1 };
  let value = "";
  for (let index = at + 1; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') return { value, end: index + 1 };
    if (char !== "\\") {
      value += char;
      continue;
    }
    const escaped = ESCAPES[text[index + 1] ?? ""];
    if (escaped === undefined) throw GIVE_UP;
    value += escaped;
    index++;
  }
  throw GIVE_UP;
}

/** A one-line single-quoted scalar starting at `at`; `end` is just past the closing quote. */
function singleQuoted(text: string, at: number): { value: string; end: number } {
  let value = "";
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf("'", from);
    if (quote < 0) throw GIVE_UP;
    value += text.slice(from, quote);
    if (text[quote + 1] !== "'") return { value, end: quote + 1 };
    value += "'";
    from = quote + 2;
  }
}

/** A scalar inside a one-line flow collection, up to (not including) "," or the closing bracket. */
function flowScalar(text: string, at: number, close: string): { value: unknown; end: number } {
  const first = text[at];
  if (first === undefined) throw GIVE_UP;
  if (first === '"') return doubleQuoted(text, at);
  if (first === "'") return singleQuoted(text, at);
  if (INDICATORS.includes(first)) throw GIVE_UP;
  let index = at;
  for (; index < text.length; index++) {
    const char = text[index]!;
    if (char === "," || char === close) break;
    if (char === ":" || char === "#" || char === "[" || char === "]" || char === "{" || char === "}") throw GIVE_UP;
  }
  if (index === text.length) throw GIVE_UP;
  return { value: plainScalar(trimEndSpaces(text.slice(at, index))), end: index };
}

function skipSpaces(text: string, index: number): number {
  while (text.charCodeAt(index) === SPACE) index++;
  return index;
}

/** `[a, "b", 3]` on one line: scalars only. */
function flowList(text: string, at: number): { value: unknown[]; end: number } {
  const value: unknown[] = [];
  let index = skipSpaces(text, at + 1);
  if (text[index] === "]") return { value, end: index + 1 };
  for (;;) {
    const item = flowScalar(text, index, "]");
    value.push(item.value);
    index = skipSpaces(text, item.end);
    const char = text[index];
    if (char === "]") return { value, end: index + 1 };
    if (char !== ",") throw GIVE_UP;
    index = skipSpaces(text, index + 1);
    if (text[index] === "]" || text[index] === ",") throw GIVE_UP; // trailing or empty entry
  }
}

/** `{ key: value, ... }` on one line: plain keys, scalar values. */
function flowMapping(text: string, at: number): { value: Record<string, unknown>; end: number } {
  const value: Record<string, unknown> = {};
  let index = skipSpaces(text, at + 1);
  if (text[index] === "}") return { value, end: index + 1 };
  for (;;) {
    const colon = text.indexOf(":", index);
    if (colon < 0 || text.charCodeAt(colon + 1) !== SPACE) throw GIVE_UP;
    const keySource = trimEndSpaces(text.slice(index, colon));
    if (keySource.length !== colon - index || !PLAIN_KEY.test(keySource)) throw GIVE_UP;
    const key = plainKey(keySource);
    if (Object.hasOwn(value, key)) throw GIVE_UP;
    const item = flowScalar(text, skipSpaces(text, colon + 1), "}");
    value[key] = item.value;
    index = skipSpaces(text, item.end);
    const char = text[index];
    if (char === "}") return { value, end: index + 1 };
    if (char !== ",") throw GIVE_UP;
    index = skipSpaces(text, index + 1);
    if (text[index] === "}" || text[index] === ",") throw GIVE_UP;
  }
}

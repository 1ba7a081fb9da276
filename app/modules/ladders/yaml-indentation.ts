import type { Message } from "~/i18n/messages";
import { check, said } from "./check-messages";

/**
 * YAML's own messages for a line indented wrongly ("Sequence item without - indicator", "All
 * mapping items must start at the same column") name neither indentation nor the list the line
 * was meant for, and point at column 1. This reads the text around the line instead: where it
 * starts, and the list above it, with the key that list belongs to.
 */

const INDENTATION_MESSAGES = [
  /^Sequence item without - indicator/,
  /^All (mapping|sequence) items must start at the same column/,
  /^A block sequence may not be used as an implicit map key/,
];

/** True for the parser errors a wrongly indented line causes. */
export function isIndentationError(message: string): boolean {
  return INDENTATION_MESSAGES.some((pattern) => pattern.test(message));
}

export interface IndentationProblem {
  line: number;
  column: number;
  message: string;
  say?: Message;
}

interface TextLine {
  number: number;
  indent: number;
  text: string;
}

/** `errorLine` is the 1-based line the parser complained about (or the first non-blank one after it). */
export function explainIndentation(source: string, errorLine: number): IndentationProblem {
  const lines = source.split(/\r?\n/).map((text, index): TextLine => ({
    number: index + 1,
    indent: text.length - text.trimStart().length,
    text: text.trim(),
  }));
  const meaningful = (line: TextLine | undefined) =>
    line !== undefined && line.text !== "" && !line.text.startsWith("#");
  let at = lines[errorLine - 1];
  for (let index = errorLine - 1; !meaningful(at) && index < lines.length; index++)
    at = lines[index];
  if (at === undefined || !meaningful(at))
    return {
      line: errorLine,
      column: 1,
      ...said(check("yaml.indentationNear", { line: errorLine })),
    };

  const above = lines
    .slice(0, at.number - 1)
    .filter(meaningful)
    .reverse();
  const item = above.find((line) => isItem(line.text));
  const where = { line: at.number, column: at.indent + 1 };
  if (item === undefined) {
    return { ...where, ...said(check("yaml.indentationMapping", { line: at.number })) };
  }
  // The list's first item: the earliest item at the same column before anything less indented.
  let first = item;
  let parent: TextLine | undefined;
  for (const line of above.slice(above.indexOf(item) + 1)) {
    if (line.indent === item.indent && isItem(line.text)) first = line;
    else if (
      line.indent < item.indent ||
      (line.indent === item.indent && line.text.endsWith(":"))
    ) {
      parent = line;
      break;
    }
  }
  const message =
    parent === undefined
      ? check("yaml.indentationList", { line: at.number, first: first.number })
      : check("yaml.indentationListUnder", {
          line: at.number,
          first: first.number,
          key: keyOf(parent.text),
          keyLine: parent.number,
        });
  return { ...where, ...said(message) };
}

function isItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

function keyOf(text: string): string {
  const withoutDash = isItem(text) ? text.slice(1).trim() : text;
  const colon = withoutDash.indexOf(":");
  return colon < 0 ? withoutDash : withoutDash.slice(0, colon).trim();
}

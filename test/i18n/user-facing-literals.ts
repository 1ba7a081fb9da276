import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/**
 * The words a person would read that a `.tsx` file writes out itself instead of asking `t` for:
 * JSX text with a letter in it, and string literals given to label-like props (`title`,
 * `placeholder`, `aria-label`, `alt`, `label`, `…Label`, …) or written as label-like properties
 * (a `meta` function's `title`, a navigation item's `label`) or as a label-like prop's default, or
 * as a JSX child (`{ok ? "Saved" : "Failed"}`).
 */
const LABEL_LIKE =
  /^(title|placeholder|alt|aria-label|aria-description|aria-roledescription|aria-valuetext|label|hint|heading|description|caption|legend|summary|[a-z]+(Label|Title|Heading|Hint|Placeholder))$/;

/** Words that are the same in every language: the product's name, and its mark in the header. */
const SAME_IN_EVERY_LANGUAGE = new Set(["Rungs", "R"]);

/** A message's key (`nav.home`, `auth:login.heading`): worded by `t` where it is shown. */
const MESSAGE_KEY = /^([a-z]+:)?[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+$/;

const hasWords = (text: string) =>
  /\p{L}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim()) && !MESSAGE_KEY.test(text.trim());

export type Literal = { line: number; text: string };

/**
 * Punctuation each language writes its own way, written out by the file: a label's colon or a
 * semicolon after a value (French puts a narrow no-break space before them), or names joined
 * with ", " (Arabic joins with "،"). `common:list.labelled` and `listOf` word them.
 */
const OWN_PUNCTUATION = /^\s*[:;]/;

/** `items.join(", ")`. */
const isJoinedWithComma = (node: ts.Node) =>
  ts.isCallExpression(node) &&
  ts.isPropertyAccessExpression(node.expression) &&
  node.expression.name.text === "join" &&
  node.arguments.length === 1 &&
  ts.isStringLiteralLike(node.arguments[0]!) &&
  node.arguments[0].text === ", ";

/** The string literals an expression shows as it is: itself, or the branches of a choice between strings. */
function shownStrings(expression: ts.Expression): ts.Node[] {
  if (
    ts.isStringLiteral(expression) ||
    ts.isNoSubstitutionTemplateLiteral(expression) ||
    ts.isTemplateExpression(expression)
  )
    return [expression];
  if (ts.isParenthesizedExpression(expression)) return shownStrings(expression.expression);
  if (ts.isConditionalExpression(expression))
    return [...shownStrings(expression.whenTrue), ...shownStrings(expression.whenFalse)];
  if (
    ts.isBinaryExpression(expression) &&
    [
      ts.SyntaxKind.QuestionQuestionToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.AmpersandAmpersandToken,
    ].includes(expression.operatorToken.kind)
  ) {
    return [...shownStrings(expression.left), ...shownStrings(expression.right)].filter(
      (node) =>
        node !== expression.left ||
        expression.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken,
    );
  }
  return [];
}

function textOf(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ");
  return node.getText();
}

export function userFacingLiterals(path: string): Literal[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: text.trim(),
    });
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text)) add(node, text);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasWords(node.text) || OWN_PUNCTUATION.test(node.text)) add(node, node.text);
    } else if (isJoinedWithComma(node)) add(node, node.getText());
    else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const shown of shownStrings(node.expression)) report(shown, textOf(shown));
    } else if (
      ts.isJsxAttribute(node) &&
      LABEL_LIKE.test(node.name.getText()) &&
      node.initializer
    ) {
      const value = node.initializer;
      const shown = ts.isJsxExpression(value)
        ? value.expression
          ? shownStrings(value.expression)
          : []
        : [value];
      for (const literal of shown) report(literal, textOf(literal));
    } else if (
      ts.isBindingElement(node) &&
      node.initializer &&
      LABEL_LIKE.test((node.propertyName ?? node.name).getText())
    ) {
      // A component's default for a label-like prop: ({ cancelLabel = "Cancel" }).
      for (const shown of shownStrings(node.initializer)) report(shown, textOf(shown));
    } else if (
      ts.isPropertyAssignment(node) &&
      LABEL_LIKE.test(node.name.getText().replace(/^["']|["']$/g, ""))
    ) {
      for (const shown of shownStrings(node.initializer)) report(shown, textOf(shown));
    } else if (
      ts.isObjectLiteralExpression(node) &&
      node.properties.some(
        (p) =>
          ts.isPropertyAssignment(p) &&
          p.name.getText() === "name" &&
          textOf(p.initializer) === "description",
      )
    ) {
      // A meta description: { name: "description", content: "…" }.
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property) && property.name.getText() === "content")
          for (const shown of shownStrings(property.initializer)) report(shown, textOf(shown));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every `.tsx` the check reads, as paths from the repository's root. */
export function interfaceFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith(".tsx")
          ? [join(dir, entry.name)]
          : [],
    );
  return [...walk("app/routes"), ...walk("app/components"), "app/root.tsx"]
    .map((path) => relative(root, join(root, path)))
    .sort();
}

/**
 * Reads a literal value out of JavaScript source without running it: objects (quoted or bare
 * keys), arrays, strings, numbers, booleans and null, with comments and trailing commas, as
 * Medium's constants.js writes its tracks and titles. Anything else (a call, a variable) is
 * refused with where it stands, so a source is never executed to be imported.
 */
export class JsLiteralError extends Error {}

export function readJsLiteral(source: string, start: number): unknown {
  let at = start;

  const fail = (what: string): never => {
    const line = source.slice(0, at).split("\n").length;
    throw new JsLiteralError(`line ${line}: ${what}`);
  };

  const skip = () => {
    for (;;) {
      const rest = source.slice(at, at + 2);
      if (/^\s/.test(rest)) at++;
      else if (rest === "//")
        at = source.indexOf("\n", at) === -1 ? source.length : source.indexOf("\n", at);
      else if (rest === "/*")
        at =
          source.indexOf("*/", at) === -1
            ? fail("a comment that does not end")
            : source.indexOf("*/", at) + 2;
      else return;
    }
  };

  const string = (): string => {
    const quote = source[at]!;
    let text = "";
    at++;
    while (at < source.length && source[at] !== quote) {
      if (source[at] === "\n") fail("a string that does not end on its line");
      if (source[at] === "\\") {
        const next = source[at + 1] ?? "";
        const escapes: Record<string, string> = {
          n: "\n",
          t: "\t",
          r: "\r",
          b: "\b",
          f: "\f",
          v: "\v",
          "0": "\0",
        };
        if (next === "u") {
          const hex = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(source.slice(at + 2));
          if (hex === null) fail("a \\u escape without its code");
          text += String.fromCodePoint(parseInt(hex![1] ?? hex![2]!, 16));
          at += 2 + hex![0].length;
          continue;
        }
        text += escapes[next] ?? next;
        at += 2;
        continue;
      }
      text += source[at];
      at++;
    }
    if (at >= source.length) fail("a string that does not end");
    at++;
    return text;
  };

  const bareKey = (): string => {
    const key = /^[A-Za-z_$][\w$]*|^\d+/.exec(source.slice(at))?.[0] ?? fail("a key");
    at += key.length;
    return key;
  };

  const value = (): unknown => {
    skip();
    const char = source[at];
    if (char === "{") {
      at++;
      const object: Record<string, unknown> = {};
      for (;;) {
        skip();
        if (source[at] === "}") {
          at++;
          return object;
        }
        const key = source[at] === '"' || source[at] === "'" ? string() : bareKey();
        skip();
        if (source[at] !== ":") fail(`":" after the key "${key}"`);
        at++;
        object[key] = value();
        skip();
        if (source[at] === ",") at++;
        else if (source[at] !== "}") fail(`"," or "}" after "${key}"`);
      }
    }
    if (char === "[") {
      at++;
      const array: unknown[] = [];
      for (;;) {
        skip();
        if (source[at] === "]") {
          at++;
          return array;
        }
        array.push(value());
        skip();
        if (source[at] === ",") at++;
        else if (source[at] !== "]") fail('"," or "]" in a list');
      }
    }
    if (char === '"' || char === "'") return string();
    const word = /^(-?\d+(\.\d+)?|true|false|null)\b/.exec(source.slice(at));
    if (word === null)
      return fail("a value that is not written out (only literals are read, nothing is run)");
    at += word[0].length;
    return word[1] !== undefined ? Number(word[1]) : word[0] === "null" ? null : word[0] === "true";
  };

  return value();
}

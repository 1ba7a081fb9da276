// Every rule of a module's policy.ts is decided there and called from the app: a rule nothing
// calls is either dead or restated inline somewhere else, where a change to it would be missed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const root = process.cwd();
const app = path.join(root, "app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The functions and constants a policy exports: its rules. Its types only describe their facts. */
function policyRules(source: string): string[] {
  return [...source.matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)].map(
    (match) => match[1]!,
  );
}

/** The names a file imports (or re-exports) from the given module, with what it resolves import paths to. */
function namesImportedFrom(source: string, file: string, module: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(
    /(?:import|export)\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"([^"]+)"/g,
  )) {
    const specifier = match[2]!;
    const target = specifier.startsWith("~/")
      ? path.join(app, specifier.slice(2))
      : specifier.startsWith(".")
        ? path.resolve(path.dirname(file), specifier)
        : null;
    if (target === null || `${target}.ts` !== module) continue;
    for (const part of match[1]!.split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)[0]!;
      if (name) names.push(name);
    }
  }
  return names;
}

const files = sourceFiles(app);
const policies = files.filter((file) => path.basename(file) === "policy.ts");

describe("every policy rule has a caller in the app", () => {
  test("there are policies to check", () => {
    expect(policies.length).toBeGreaterThanOrEqual(9);
  });

  for (const policy of policies) {
    const name = path.relative(root, policy);
    test(name, () => {
      const callers = new Map<string, string[]>();
      for (const file of files) {
        if (file === policy) continue;
        const source = readFileSync(file, "utf8");
        for (const imported of namesImportedFrom(source, file, policy)) {
          // Imported and used, not only named in the import.
          if (source.split(new RegExp(`\\b${imported}\\b`)).length > 2)
            callers.set(imported, [...(callers.get(imported) ?? []), path.relative(root, file)]);
        }
      }
      const uncalled = policyRules(readFileSync(policy, "utf8")).filter(
        (rule) => !callers.has(rule),
      );
      expect(uncalled, `rules of ${name} that nothing in app/ calls`).toEqual([]);
    });
  }
});

describe("how callers are found", () => {
  const module = path.join(app, "modules/conversations/policy.ts");
  test("imports through ~/ and relative paths, renamed and type-only names, not other modules' policies", () => {
    const source = [
      'import { canReadNote, type NoteFacts, passOnRefusal as refusal } from "~/modules/conversations/policy";',
      'import { canSeePair } from "~/modules/mentorship/policy";',
      'export { canEditNote } from "./policy";',
    ].join("\n");
    expect(
      namesImportedFrom(source, path.join(app, "modules/conversations/agenda.server.ts"), module),
    ).toEqual(["canReadNote", "NoteFacts", "passOnRefusal", "canEditNote"]);
    expect(namesImportedFrom(source, path.join(app, "routes/x.tsx"), module)).toEqual([
      "canReadNote",
      "NoteFacts",
      "passOnRefusal",
    ]);
  });

  test("rules are the exported functions and constants", () => {
    expect(
      policyRules(
        "export type Facts = {};\nexport function canA() {}\nexport const B = 1;\nfunction inner() {}\nexport const isC = () => true;",
      ),
    ).toEqual(["canA", "B", "isC"]);
  });
});

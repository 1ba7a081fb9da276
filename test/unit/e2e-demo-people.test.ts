import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { demoOrganisation } from "../../prisma/seed/demo-organisation";

/**
 * Browser specs that share a server never change a person another spec on that server uses (issue
 * 78): specs on one server run one after another, and a spec must not find a person changed under it
 * whatever the order. A spec that changes demo people names them on one comment line,
 * "Demo people this spec changes: A, B." Here no other spec on its server uses them: signs in as
 * them, types their email or names them, in its code (comments left out).
 */

const E2E = "test/e2e";
const DECLARED = /^\s*(?:\/\/|\*)\s*Demo people this spec changes:\s*(.+?)\.?\s*$/m;

type Spec = { file: string; server: string | null; code: string; changes: string[] };

/** The server a spec runs against: the families server (playwright.config.ts' second), one of its own, or the demo server. */
function serverOf(text: string): string | null {
  if (/E2E_PORT \?\? 3210\) \+ 1/.test(text)) return "families";
  if (/\bstartAppServer\(|\bssoOrigin\b/.test(text)) return null;
  return "demo";
}

/** The spec's code without its comments (whole-line and block comments). */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n");
}

function specs(folder = E2E): Spec[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".spec.ts"))
    .map((name) => {
      const text = readFileSync(join(folder, name), "utf8");
      const declared = DECLARED.exec(text)?.[1];
      return {
        file: name,
        server: serverOf(text),
        code: codeOf(text),
        changes: declared ? declared.split(",").map((person) => person.trim()) : [],
      };
    });
}

/** helpers.ts' `people`, by key: `people.engineer` in a spec is the demo person with that email. */
function helperPeople(): Map<string, string> {
  const text = readFileSync(join(E2E, "helpers.ts"), "utf8");
  const block = /export const people = \{([\s\S]*?)\n\};/.exec(text)?.[1] ?? "";
  return new Map(
    [...block.matchAll(/(\w+): \{ email: "([^"]+)"/g)].map(([, key, email]) => [key!, email!]),
  );
}

const demo = demoOrganisation();
const helpers = helperPeople();

/** The demo people a spec's code uses: by email, by name, or through helpers' `people`. */
function usedBy(spec: Spec): Set<string> {
  const used = new Set<string>();
  for (const person of demo) {
    const key = [...helpers].find(([, email]) => email === person.email)?.[0];
    if (
      spec.code.includes(person.email) ||
      spec.code.includes(person.name) ||
      (key !== undefined && new RegExp(`\\bpeople\\.${key}\\b`).test(spec.code))
    )
      used.add(person.name);
  }
  return used;
}

describe("browser specs' demo people", () => {
  const all = specs();

  test("the specs that change demo people say so, and the check reads whom a spec uses", () => {
    // Those this rule was written for; a spec that stops declaring is a spec the check stops reading.
    const declaring = all.filter((spec) => spec.changes.length > 0).map((spec) => spec.file);
    expect(declaring).toEqual(
      expect.arrayContaining([
        "auth.spec.ts",
        "calibration.spec.ts",
        "conversations-evidence.spec.ts",
        "demo.spec.ts",
        "evidence.spec.ts",
        "export.spec.ts",
        "feedback.spec.ts",
        "goals.spec.ts",
        "hiring.spec.ts",
        "language-switch.spec.ts",
        "mentorship.spec.ts",
        "opportunities.spec.ts",
        "panels.spec.ts",
        "points.spec.ts",
        "promotions.spec.ts",
        "team-health-live.spec.ts",
        "team-health.spec.ts",
      ]),
    );
    const spec = (file: string) => all.find((candidate) => candidate.file === file)!;
    expect(spec("demo.spec.ts").server).toBe("families");
    expect(spec("hiring.spec.ts").server).toBe("demo");
    expect(spec("languages.spec.ts").server).toBeNull();
    // Through helpers' people, by email, and by name.
    expect([...usedBy(spec("demo.spec.ts"))]).toEqual(
      expect.arrayContaining(["Lena Fischer", "Nora Lindqvist", "Henrik Sorensen"]),
    );
  });

  test("each person a spec says it changes is a demo person", () => {
    const names = new Set(demo.map((person) => person.name));
    const unknown = all.flatMap((spec) =>
      spec.changes.filter((name) => !names.has(name)).map((name) => `${spec.file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  test("no spec uses a person another spec on the same server changes", () => {
    const clashes = all.flatMap((changer) =>
      changer.server === null
        ? []
        : all
            .filter((other) => other !== changer && other.server === changer.server)
            .flatMap((other) => {
              const used = usedBy(other);
              return changer.changes
                .filter((name) => used.has(name))
                .map(
                  (name) =>
                    `${changer.file} changes ${name}, whom ${other.file} uses (${changer.server} server)`,
                );
            }),
    );
    expect(clashes).toEqual([]);
  });
});

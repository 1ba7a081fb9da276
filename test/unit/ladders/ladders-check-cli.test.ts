import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers";

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/ladders-check.ts", ...args],
    { encoding: "utf8" },
  );
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

function edit(path: string, from: string, to: string) {
  writeFileSync(path, readFileSync(path, "utf8").replace(from, to));
}

const work = mkdtempSync(join(tmpdir(), "rungs-ladders-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run ladders:check", () => {
  it("accepts a single ladder folder and exits 0", () => {
    const { status, lines } = run(`${FIXTURES}/valid`);
    expect(status).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(
        /^ladders:check: 1 ladder valid: test\/fixtures\/ladders\/valid \(fixture 2\.0\.0: 2 tracks, 5 levels, 4 competencies, hash [0-9a-f]{12}\)$/,
      ),
    ]);
  });

  it("checks every ladder in a folder of ladders, prints each error on one line and a summary, and exits 1", () => {
    cpSync(`${FIXTURES}/valid`, join(work, "good"), { recursive: true });
    cpSync(`${FIXTURES}/valid`, join(work, "bad"), { recursive: true });
    edit(join(work, "bad/ladder.yaml"), "id: fixture", "id: bad");
    edit(join(work, "bad/ladder.yaml"), 'version: "2.0.0"', "version: 2");
    edit(
      join(work, "bad/competencies.yaml"),
      "area: craft\n    description: Readable",
      "area: kraft\n    description: Readable",
    );
    const { status, lines } = run(work);
    expect(status).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /\/bad\/competencies\.yaml:4:11 competencies\[0\]\.area: unknown area "kraft" \(did you mean "craft"\?\)$/,
    );
    expect(lines[1]).toMatch(
      /\/bad\/ladder\.yaml:5:12 ladder\.version: expected text, found a number \(2\); put it in quotes to keep it as text$/,
    );
    expect(lines[2]).toMatch(/^ladders:check: 2 errors in 1 of 2 ladders \(.*\/bad\)$/);
  });

  it("counts in the singular what there is one of", () => {
    const one = join(work, "one");
    mkdirSync(one);
    writeFileSync(
      join(one, "ladder.yaml"),
      `ladder: { id: one, name: One, version: "1.0.0" }
scale:
  - { value: 1, label: Consistent, meaning: Reliably. }
areas:
  - { id: craft, name: Craft }
competencies:
  - { id: code, name: Code, area: craft }
tracks:
  - id: ic
    name: Engineer
    levels:
      - id: e1
        title: Engineer
        expectations:
          code: [Writes readable code.]
`,
    );
    const { status, lines } = run(one);
    expect(lines).toEqual([
      expect.stringMatching(/\(one 1\.0\.0: 1 track, 1 level, 1 competency, hash [0-9a-f]{12}\)$/),
    ]);
    expect(status).toBe(0);
  });

  it("fails clearly on a folder that does not exist", () => {
    expect(run(join(work, "missing"))).toEqual({
      status: 1,
      lines: [`ladders:check: ${join(work, "missing")} is not a folder`],
    });
  });
});

describe("several ladders in one folder", () => {
  it("two ladders may share track and level ids (a note says where people need their ladder named), but not a ladder id", () => {
    const both = mkdtempSync(join(tmpdir(), "rungs-ladders-two-"));
    try {
      cpSync("frameworks/engineering", join(both, "engineering"), { recursive: true });
      cpSync(`${FIXTURES}/product`, join(both, "product"), { recursive: true });
      const shared = run(both);
      expect(shared.status).toBe(0);
      expect(shared.lines).toContain(
        `ladders:check: note: track id "ic" is in ladders engineering and product: people placed there need their ladder named (the person form's Ladder, the CSV's ladder column)`,
      );
      expect(shared.lines).toContainEqual(
        expect.stringMatching(
          /^ladders:check: note: level id "ic1" is in ladders engineering and product/,
        ),
      );
      edit(join(both, "product/ladder.yaml"), "id: product", "id: engineering");
      const clash = run(both);
      expect(clash.status).toBe(1);
      expect(clash.lines).toContainEqual(
        expect.stringMatching(
          /product\/ladder\.yaml:5:7 ladder\.id: ladder id "engineering" is already used by the ladder in .*engineering \(.*engineering\/ladder\.yaml:\d+:7\); each ladder needs its own id$/,
        ),
      );
    } finally {
      rmSync(both, { recursive: true, force: true });
    }
  });
});

import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

const TSX = resolve("node_modules/.bin/tsx");
const SCRIPT = resolve("scripts/ladders-import.ts");
const FIXTURES = resolve("test/fixtures/import");
const work = mkdtempSync(join(tmpdir(), "rungs-ladders-import-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run ladders:import -- ARGS`, run from `cwd` as a person would. */
function run(args: string[], cwd = work) {
  // The project's tsconfig, as `npm run` finds it, whatever folder the command runs in.
  const result = spawnSync(TSX, ["--tsconfig", resolve("tsconfig.json"), SCRIPT, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.trim().split("\n") };
}

const SOURCES = {
  monzo: `${FIXTURES}/monzo/frameworks/engineering`,
  ft: `${FIXTURES}/ft/data/job-families`,
  pathway: `${FIXTURES}/pathway/products/map/starter`,
  snowflake: `${FIXTURES}/snowflake`,
} as const;

describe("npm run ladders:import", () => {
  it.each([
    [
      "monzo",
      "monzo-engineering",
      /^ladders:import: wrote .*\/monzo \(monzo-engineering: 2 tracks, 7 levels, 4 competencies, 31 statements; valid\); keeps 31 of the source's 31 statements; 7 lines above/,
    ],
    [
      "ft",
      "ft-engineering",
      /^ladders:import: wrote .*\/ft \(ft-engineering: 1 track, 3 levels, 3 competencies, 10 statements; valid\); keeps 9 of the source's 10 statements; 6 lines above/,
    ],
    [
      "pathway",
      "pathway-engineering",
      /^ladders:import: wrote .*\/pathway \(pathway-engineering: 1 track, 3 levels, 4 competencies, 12 statements; valid\); keeps 20 of the source's 25 statements; 17 lines above/,
    ],
    [
      "snowflake",
      "snowflake",
      /^ladders:import: wrote .*\/snowflake \(snowflake: 1 track, 5 levels, 2 competencies, 40 statements; valid\); keeps 70 of the source's 70 statements; 3 lines above/,
    ],
  ] as const)(
    "--from %s writes a ladder folder that the ladder loader accepts, and prints what it could not place",
    (format, ladderId, summary) => {
      const out = join(work, format);
      const { status, lines } = run(["--from", format, "--out", out, SOURCES[format]]);
      expect(status, lines.join("\n")).toBe(0);
      expect(lines.at(-1)).toMatch(summary);
      // One line per unplaced thing, each naming its source file.
      for (const line of lines.slice(0, -1))
        expect(line).toMatch(/^\S*test\/fixtures\/import\/\S+\.(md|yml|yaml|js): /);
      const loaded = loadLadderFromDirectory(out);
      expect(loaded.ok && loaded.ladder.meta.id).toBe(ladderId);
    },
  );

  it("writes Monzo's generic topics as a shared folder beside the ladder's, which it includes, and refuses to overwrite either without --force", () => {
    const out = join(work, "monzo");
    expect(readFileSync(join(work, "monzo-engineering-generic/topics.yaml"), "utf8")).toContain(
      "name: Generic Framework",
    );
    expect(readFileSync(join(out, "ladder.yaml"), "utf8")).toContain(
      "include:\n  - monzo-engineering-generic\n",
    );
    rmSync(out, { recursive: true });
    const refused = run(["--from", "monzo", "--out", out, SOURCES.monzo]);
    expect(refused).toEqual({
      status: 1,
      lines: [
        `ladders:import: ${join(work, "monzo-engineering-generic")} already exists; nothing was written (pass --force to replace it)`,
      ],
    });
    expect(existsSync(out)).toBe(false);
  });

  it("finds Monzo's generic framework above the folder by what it says, whatever its file is called", () => {
    const frameworks = join(work, "renamed/frameworks");
    cpSync(SOURCES.monzo, join(frameworks, "engineering"), { recursive: true });
    cpSync(`${FIXTURES}/monzo/frameworks/generic.md`, join(frameworks, "monzo-generic.md"));
    writeFileSync(join(frameworks, "README.md"), "# Our frameworks\n");
    const out = join(work, "renamed/out/monzo");
    const { status, lines } = run([
      "--from",
      "monzo",
      "--out",
      out,
      join(frameworks, "engineering"),
    ]);
    expect(status, lines.join("\n")).toBe(0);
    expect(lines.at(-1)).toMatch(/\(monzo-engineering: 2 tracks, /);
    expect(
      readFileSync(join(work, "renamed/out/monzo-engineering-generic/topics.yaml"), "utf8"),
    ).toContain("name: Generic Framework");
  });

  it("names the source in the ladder's metadata by its files inside it and its public address (or --source-url's, or none), never by the path it was run with", () => {
    const out = join(work, "sourced/monzo");
    expect(run(["--from", "monzo", "--out", out, SOURCES.monzo]).status).toBe(0);
    const ladderFile = readFileSync(join(out, "ladder.yaml"), "utf8");
    expect(ladderFile).toContain(
      "  source:\n    name: Monzo's progression framework\n    url: https://github.com/monzo/progression-framework\n    files:\n      - frameworks/engineering/backend.md\n",
    );
    for (const file of [
      "ladder.yaml",
      "competencies.yaml",
      "tracks/1-backend.yaml",
      "../monzo-engineering-generic/topics.yaml",
    ]) {
      expect(readFileSync(join(out, file), "utf8"), file).not.toMatch(/fixtures|\.\.\//);
    }
    expect(
      run([
        "--from",
        "monzo",
        "--force",
        "--source-url",
        "https://git.example.com/ladders",
        "--out",
        out,
        SOURCES.monzo,
      ]).status,
    ).toBe(0);
    expect(readFileSync(join(out, "ladder.yaml"), "utf8")).toContain(
      "    url: https://git.example.com/ladders\n",
    );
    expect(
      run(["--from", "monzo", "--force", "--source-url", "none", "--out", out, SOURCES.monzo])
        .status,
    ).toBe(0);
    expect(readFileSync(join(out, "ladder.yaml"), "utf8")).not.toContain("url:");
    expect(
      run([
        "--from",
        "monzo",
        "--source-url",
        "file:///home/me",
        "--out",
        join(work, "never"),
        SOURCES.monzo,
      ]).lines[0],
    ).toBe(
      'ladders:import: --source-url must be a web address (https://…) or none, not "file:///home/me"',
    );
  });

  it("reads the FT site's pages beside the data for the ladder's description, and prints the written ladder's warnings as ladders:check does", () => {
    const out = join(work, "ft-public/operations");
    const { status, lines } = run([
      "--from",
      "ft",
      "--family",
      "operations",
      "--out",
      out,
      `${FIXTURES}/ft-public/data/job-families`,
    ]);
    expect(status, lines.join("\n")).toBe(0);
    const twice = expect.stringMatching(
      /tracks\/1-operations\.yaml:\d+:\d+ .*the same text appears twice for "leadership"/,
    );
    expect(lines.filter((line) => line.endsWith(" (warning)"))).toEqual([twice, twice]);
    expect(lines.at(-1)).toMatch(/; valid, with 2 warnings above\); /);
    expect(readFileSync(join(out, "ladder.yaml"), "utf8")).toContain(
      "Competencies are used by managers and staff in the following ways:",
    );
  });

  it("writes to frameworks/<id> by default and refuses to overwrite an existing folder unless --force", () => {
    const project = join(work, "project");
    mkdirSync(project);
    expect(run(["--from", "ft", SOURCES.ft], project).status).toBe(0);
    const ladderFile = join(project, "frameworks/ft-engineering/ladder.yaml");
    expect(existsSync(ladderFile)).toBe(true);

    writeFileSync(ladderFile, "edited by hand\n");
    const refused = run(["--from", "ft", SOURCES.ft], project);
    expect(refused).toEqual({
      status: 1,
      lines: [
        "ladders:import: frameworks/ft-engineering already exists; nothing was written (pass --force to replace it)",
      ],
    });
    expect(readFileSync(ladderFile, "utf8")).toBe("edited by hand\n");

    writeFileSync(join(project, "frameworks/ft-engineering/stale.yaml"), "ladder: {}\n");
    expect(run(["--from", "ft", "--force", SOURCES.ft], project).status).toBe(0);
    expect(readFileSync(ladderFile, "utf8")).toContain("id: ft-engineering");
    expect(existsSync(join(project, "frameworks/ft-engineering/stale.yaml"))).toBe(false);
  });

  it("asks which job family to import when the folder holds several, and takes --id for the ladder's id", () => {
    const families = join(work, "families");
    mkdirSync(families);
    cpSync(`${SOURCES.ft}/engineering.yml`, join(families, "engineering.yml"));
    cpSync(`${SOURCES.ft}/engineering.yml`, join(families, "operations.yml"));
    const ask = run(["--from", "ft", "--out", join(work, "ask"), families]);
    expect(ask.status).toBe(1);
    expect(ask.lines).toEqual([
      `ladders:import: ${families} holds several job families (engineering, operations); pick one with --family NAME`,
    ]);
    expect(existsSync(join(work, "ask"))).toBe(false);

    const picked = run([
      "--from",
      "ft",
      "--family",
      "operations",
      "--id",
      "ops",
      "--out",
      join(work, "ops"),
      families,
    ]);
    expect(picked.status).toBe(0);
    const loaded = loadLadderFromDirectory(join(work, "ops"));
    expect(loaded.ok && loaded.ladder.meta.id).toBe("ops");
  });

  it("takes Snowflake's constants.js at the top of a folder as well as under src/ as a checkout has it, and names both places when neither holds it", () => {
    const flat = join(work, "snowflake-flat");
    mkdirSync(flat);
    cpSync(`${SOURCES.snowflake}/src/constants.js`, join(flat, "constants.js"));
    const taken = run(["--from", "snowflake", "--out", join(work, "snowflake-from-flat"), flat]);
    expect(taken.status, taken.lines.join("\n")).toBe(0);
    expect(taken.lines.at(-1)).toMatch(
      /^ladders:import: wrote .*snowflake-from-flat \(snowflake: 1 track, 5 levels, 2 competencies, 40 statements; valid\)/,
    );
    const empty = join(work, "snowflake-empty");
    mkdirSync(empty);
    expect(run(["--from", "snowflake", "--out", join(work, "snowflake-never"), empty])).toEqual({
      status: 1,
      lines: [
        `ladders:import: ${empty} holds no constants.js, neither as src/constants.js nor as constants.js (Snowflake keeps its tracks, milestones and points there)`,
      ],
    });
    expect(existsSync(join(work, "snowflake-never"))).toBe(false);
  });

  it("refuses an unknown format, a missing folder and an unreadable source with a clear line, writing nothing", () => {
    expect(run(["--from", "lattice", SOURCES.ft]).lines[0]).toBe(
      "ladders:import: --from must be one of monzo, ft, pathway, snowflake",
    );
    expect(run(["--from", "ft", join(work, "missing")]).lines[0]).toBe(
      `ladders:import: ${join(work, "missing")} is not a folder`,
    );
    const broken = join(work, "broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "engineering.yml"), "levels: [\n");
    const result = run(["--from", "ft", "--out", join(work, "never"), broken]);
    expect(result.status).toBe(1);
    expect(result.lines[0]).toMatch(/broken\/engineering\.yml: not valid YAML/);
    expect(existsSync(join(work, "never"))).toBe(false);
  });
});

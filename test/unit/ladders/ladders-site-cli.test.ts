import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers";

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/ladders-site.ts", ...args],
    { encoding: "utf8" },
  );
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

const work = mkdtempSync(join(tmpdir(), "rungs-ladders-site-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The site's pages are checked in ladder-site.test.ts and in the browser (test/e2e/ladder-site.spec.ts); here, what the command refuses.
describe("npm run ladders:site", () => {
  it("writes nothing when a ladder does not load, and says why with the same errors as ladders:check", () => {
    cpSync(`${FIXTURES}/valid`, join(work, "ladders/good"), { recursive: true });
    cpSync(`${FIXTURES}/valid`, join(work, "ladders/bad"), { recursive: true });
    const file = join(work, "ladders/bad/ladder.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("id: fixture", "id: bad")
        .replace('version: "2.0.0"', "version: 2"),
    );
    const { status, lines } = run(join(work, "site"), "--from", join(work, "ladders"));
    expect(status).toBe(1);
    expect(lines[0]).toMatch(
      /\/bad\/ladder\.yaml:5:12 ladder\.version: expected text, found a number \(2\); put it in quotes to keep it as text$/,
    );
    expect(lines.at(-1)).toMatch(/^ladders:site: .*\/bad did not load; nothing was written/);
    expect(existsSync(join(work, "site"))).toBe(false);
  });

  it("asks for the out folder, and refuses an unknown option or a missing ladder folder", () => {
    expect(run()).toEqual({
      status: 1,
      lines: [
        "ladders:site: give the folder to write the site to",
        expect.stringMatching(/^usage: npm run ladders:site -- <out-folder>/),
      ],
    });
    expect(run(join(work, "x"), "--colour").lines[0]).toBe("ladders:site: unknown option --colour");
    expect(run(join(work, "x"), "--from", join(work, "nowhere"))).toMatchObject({
      status: 1,
      lines: [`ladders:site: ${join(work, "nowhere")} is not a folder`],
    });
    expect(existsSync(join(work, "x"))).toBe(false);
  });
});

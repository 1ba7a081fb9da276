import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { formatLadderError } from "~/modules/ladders";
import { loadAllLadders } from "~/modules/ladders/load-from-directory.server";
import { FIXTURES } from "./helpers";

/**
 * Ladders that validated on the release before ladder format v2 (see the folder's README):
 * an upgrade must keep serving them. What today's checks would have refused is a warning.
 */
const FOLDER = `${FIXTURES}/previous-release`;

describe("ladders that validated on the previous release", () => {
  const loaded = loadAllLadders(FOLDER);

  it("load with no errors", () => {
    expect(
      loaded.map(({ folder, result }) => ({
        folder,
        errors: result.ok ? [] : result.errors.map(formatLadderError),
      })),
    ).toEqual([
      { folder: `${FOLDER}/ft-operations`, errors: [] },
      { folder: `${FOLDER}/monzo-operations`, errors: [] },
    ]);
  });

  it("carry warnings that name each thing to fix, where it is", () => {
    const warnings = loaded.flatMap(({ result }) => result.warnings.map(formatLadderError));
    const ft = `${FOLDER}/ft-operations/ladder.yaml`;
    const monzo = `${FOLDER}/monzo-operations`;
    expect(warnings).toEqual([
      `${ft}:51:15 tracks[0].levels[0].expectations.incident-response[2]: the same text appears twice for "incident-response" (also at incident-response[0]); remove one, or reword one if they are different statements`,
      `${ft}:62:15 tracks[0].levels[1].expectations.documentation[1]: the same text appears twice for "documentation" (also at documentation[0]); remove one, or reword one if they are different statements`,
      `${monzo}/competencies.yaml:11:28 competencies[0].interview.questions[0].levels[1]: the competency does not apply at level "lead-1" (track "ops-management"), so this question would never be asked there; remove "lead-1" from the question's levels`,
      `${monzo}/ladder.yaml:9:14 changelog[0].version: the newest changelog entry is for version "1.0.0" but the ladder is version "1.1.0"; add an entry for "1.1.0" at the top, or correct the ladder's version`,
      `${monzo}/tracks.yaml:13:15 tracks[0].levels[0].expectations.customer-focus[1]: the same text appears twice for "customer-focus" (also at customer-focus[0]); remove one, or reword one if they are different statements`,
      `${monzo}/tracks.yaml:16:16 tracks[0].levels[1].title: is 122 characters long; shorten it to at most 120 characters`,
      `${monzo}/tracks.yaml:21:15 tracks[0].levels[1].expectations.customer-focus[0]: is 1117 characters long; shorten it to at most 1000 characters`,
    ]);
  });

  it("keep every statement, repeats included, so positions of marks stay where they were", () => {
    const ft = loaded[0]!.result;
    if (!ft.ok) throw new Error("expected the FT-shaped ladder to load");
    expect(
      ft.ladder.tracks[0]!.levels[0]!.expectations["incident-response"]!.map(
        (expectation) => expectation.text,
      ),
    ).toEqual([
      "Follows the runbook during an incident.",
      "Escalates when the runbook does not cover the problem.",
      "Follows the runbook during an incident.",
    ]);
  });

  it("npm run ladders:check prints the warnings and exits 0", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/ladders-check.ts", FOLDER],
      { encoding: "utf8" },
    );
    const lines = result.stdout.trim().split("\n");
    expect(result.status).toBe(0);
    expect(lines).toHaveLength(8);
    expect(lines.slice(0, 7).every((line) => line.endsWith(" (warning)"))).toBe(true);
    expect(lines[7]).toMatch(
      /^ladders:check: 2 ladders valid, with 7 warnings to fix: test\/fixtures\/ladders\/previous-release\/ft-operations \(ft-operations 1\.0\.0/,
    );
  });
});

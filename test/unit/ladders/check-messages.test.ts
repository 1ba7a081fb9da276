// Every finding the checks make says what it found as a message, so the admin's page can word it in
// their language (decision 080); its English is the message worded in English.
import { readdirSync, readFileSync } from "node:fs";
import IntlMessageFormat from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { wordsOf, type Message } from "~/i18n/messages";
import de from "~/locales/de/ladderChecks.json";
import { inEnglish } from "~/modules/ladders/check-messages";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import type { LadderError } from "~/modules/ladders";
import { FIXTURES } from "./helpers";

const DIR = `${FIXTURES}/malformed`;

/** A `t` for German's ladder check messages alone. */
function german(key: string, values?: Record<string, string>): string {
  let found: unknown = de;
  for (const part of key.replace(/^ladderChecks:/, "").split("."))
    found = (found as Record<string, unknown>)[part];
  return String(
    new IntlMessageFormat(String(found), "de", undefined, { ignoreTag: true }).format(values),
  );
}

describe("what the checks say", () => {
  const findings: LadderError[] = readdirSync(DIR).flatMap((name) => {
    const result = loadLadderFromSources([
      { file: `${DIR}/${name}`, text: readFileSync(`${DIR}/${name}`) },
    ]);
    return [...(result.ok ? [] : result.errors), ...result.warnings];
  });

  it("every finding of the malformed fixtures is a message whose English is the finding's", () => {
    expect(findings.length).toBeGreaterThan(20);
    expect(
      findings.filter((finding) => finding.say === undefined).map((finding) => finding.message),
    ).toEqual([]);
    for (const finding of findings) expect(inEnglish(finding.say!)).toBe(finding.message);
  });

  it("and reads in German", () => {
    const worded = findings.map((finding) => wordsOf(german as never, finding.say as Message));
    expect(worded).toContain(`unbekannte Kompetenz „code-qualty“ (meinten Sie „code-quality“?)`);
    expect(worded.filter((words, index) => words === findings[index]!.message)).toEqual([]);
  });
});

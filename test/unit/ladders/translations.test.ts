import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { resolveLimits } from "~/modules/ladders/limits";
import {
  loadLadderFromDirectory,
  loadTranslationsFromDirectory,
} from "~/modules/ladders/load-from-directory.server";
import {
  checkTranslation,
  textFingerprint,
  translateLadder,
  withSourceTexts,
  type LadderTranslation,
} from "~/modules/ladders/translations";
import { readTranslation } from "~/modules/ladders/translations";
import type { Ladder } from "~/modules/ladders";
import { FIXTURES } from "./helpers";

const FOLDER = `${FIXTURES}/translated`;

function fixture(): { ladder: Ladder; german: LadderTranslation } {
  const result = loadLadderFromDirectory(FOLDER);
  if (!result.ok) throw new Error("the translated fixture must load");
  const { translations, errors } = loadTranslationsFromDirectory(FOLDER, result.ladder);
  expect(errors).toEqual([]);
  return {
    ladder: result.ladder,
    german: translations.find((translation) => translation.language === "de")!,
  };
}

const competency = (ladder: Ladder, id: string) =>
  ladder.competencies.find((item) => item.id === id)!;
const level = (ladder: Ladder, id: string) =>
  ladder.tracks.flatMap((track) => track.levels).find((item) => item.id === id)!;

describe("a ladder in another language", () => {
  test("each text with a current translation is in the language; every other one stays in the source and is listed", () => {
    const { ladder, german } = fixture();
    const { ladder: translated, untranslated, sourceLanguage } = translateLadder(ladder, german);
    expect(sourceLanguage).toBe("en");
    expect(competency(translated, "code-quality").name).toBe("Codequalität");
    expect(competency(translated, "code-quality").description).toBe("Lesbarer, änderbarer Code.");
    expect(level(translated, "ic1").title).toBe("Ingenieur:in I");
    expect(
      level(translated, "ic1").expectations["code-quality"]!.map((statement) => statement.text),
    ).toEqual([
      "Writes small, readable changes that follow the team's conventions.",
      "Setzt Review-Feedback zügig um.",
    ]);
    // Missing, and stale: the source, listed so a page can mark it.
    expect(competency(translated, "testing").name).toBe("Testing");
    expect(level(translated, "ic1").summary).toBe("Delivers well-defined tasks with guidance.");
    expect(untranslated).toContain("Testing");
    expect(untranslated).toContain("Delivers well-defined tasks with guidance.");
    expect(untranslated).toContain(
      "Writes small, readable changes that follow the team's conventions.",
    );
    expect(untranslated).not.toContain("Code quality");
    // The structure is the ladder's: ids, order and everything but the texts.
    expect(translated.tracks.map((track) => track.levels.map((item) => item.id))).toEqual(
      ladder.tracks.map((track) => track.levels.map((item) => item.id)),
    );
    expect(level(translated, "ic1").targets).toEqual(level(ladder, "ic1").targets);
  });

  test("a version a record keeps is translated where its text is the one translated", () => {
    const { ladder, german } = fixture();
    const older = structuredClone(ladder);
    level(older, "ic1").summary = "Delivers small tasks with guidance.";
    expect(level(translateLadder(older, german).ladder, "ic1").summary).toBe(
      "Liefert kleine Aufgaben mit Anleitung.",
    );
  });

  test("without a translation every text is the source, listed", () => {
    const { ladder } = fixture();
    const { ladder: same, untranslated } = translateLadder(ladder, undefined);
    expect(same).toBe(ladder);
    expect(untranslated).toContain("Code quality");
  });

  test("a page's data carries the source texts it shows, and only those", () => {
    const { ladder, german } = fixture();
    const translated = translateLadder(ladder, german);
    const shown = withSourceTexts(
      {
        view: {
          name: competency(translated.ladder, "testing").name,
          other: competency(translated.ladder, "code-quality").name,
        },
      },
      translated,
    );
    expect(shown.sourceTexts).toEqual({ lang: "en", texts: ["Testing"] });
    const all = withSourceTexts({ name: "Codequalität" }, translated);
    expect(all).toEqual({ name: "Codequalität" });
  });

  test("the check finds the stale text at its line, and the missing ones", () => {
    const { ladder, german } = fixture();
    const report = checkTranslation(ladder, german);
    expect(report.stale).toEqual([
      {
        language: "de",
        key: "levels.ic1.summary",
        at: { file: `${FOLDER}/translations/de/ladder.yaml`, line: 17, column: 14 },
        fingerprint: textFingerprint("Delivers well-defined tasks with guidance."),
        text: "Delivers well-defined tasks with guidance.",
      },
    ]);
    expect(report.missing.map((item) => item.key)).toContain("competencies.testing.name");
    expect(report.total).toBe(report.missing.length + report.stale.length + 8);
  });

  test("a malformed entry, a text translated twice and a language Rungs does not speak are refused, the rest kept", () => {
    const { ladder } = fixture();
    const file = (text: string) => [{ file: "de/a.yaml", text }];
    const limits = resolveLimits();
    const read = readTranslation(
      ladder,
      "de",
      "de",
      [
        ...file(`ladder:\n  name: { source: 12345678, translation: Leiter }\n`),
        {
          file: "de/b.yaml",
          text: `ladder:\n  description: { source: "806acf00", translation: Beschreibung }\n  name: { source: "7c219b3e", translation: Leiter }\n`,
        },
        {
          file: "de/c.yaml",
          text: `ladder:\n  name: { source: "7c219b3e", translation: Nochmal }\n`,
        },
      ],
      limits,
    );
    expect(
      read.errors.map((error) => `${error.file}:${error.line} ${error.path}: ${error.message}`),
    ).toEqual([
      "de/a.yaml:2 ladder.name: source must be the fingerprint of the source text, 8 hex digits in quotes (ladders:check prints it)",
      "de/c.yaml:2 ladder.name: translated twice; first at de/b.yaml:3",
    ]);
    expect("translation" in read && [...read.translation.texts.keys()]).toEqual([
      "ladder.description",
      "ladder.name",
    ]);
    expect(readTranslation(ladder, "translations/xx", "xx", [], limits).errors[0]!.message).toMatch(
      /^"xx" is not a language a ladder can be translated into/,
    );
    expect(readTranslation(ladder, "translations/en", "en", [], limits).errors).toHaveLength(1);
  });
});

describe("translations read again", () => {
  /** The translated fixture in a folder of its own, to change. */
  function copy(): string {
    const folder = mkdtempSync(join(tmpdir(), "rungs-translations-kept-"));
    cpSync(FOLDER, folder, { recursive: true });
    return folder;
  }
  const load = (folder: string) => {
    const result = loadLadderFromDirectory(folder);
    if (!result.ok) throw new Error("the copied fixture must load");
    return { ladder: result.ladder, read: loadTranslationsFromDirectory(folder, result.ladder) };
  };
  const german = (folder: string) =>
    readFileSync(join(folder, "translations/de/ladder.yaml"), "utf8");

  test("the same files against the same ladder give the reading kept from the last time", () => {
    const folder = copy();
    const first = load(folder).read.translations[0];
    const again = load(folder).read.translations[0];
    expect(again).toBe(first);
    rmSync(folder, { recursive: true, force: true });
  });

  test("a changed file is read again, and so is an unchanged one against a ladder whose texts changed", () => {
    const folder = copy();
    const before = load(folder).read;
    expect(before.translations[0]!.texts.get("ladder.name")?.translation).toBe(
      "Fixture-Karriereleiter",
    );
    const file = join(folder, "translations/de/ladder.yaml");
    writeFileSync(file, german(folder).replace("Fixture-Karriereleiter", "Fixture-Leiter"));
    const changed = load(folder).read;
    expect(changed.translations[0]!.texts.get("ladder.name")?.translation).toBe("Fixture-Leiter");
    expect(changed.errors).toEqual([]);

    // The ladder loses the competency the translation names: the same translation files now name a
    // text the ladder lacks.
    const competencies = join(folder, "competencies.yaml");
    const renamed = readFileSync(competencies, "utf8").replaceAll("code-quality", "code-clarity");
    writeFileSync(competencies, renamed);
    for (const track of ["ic", "manager"]) {
      const path = join(folder, `tracks/${track}.yaml`);
      writeFileSync(path, readFileSync(path, "utf8").replaceAll("code-quality", "code-clarity"));
    }
    const against = load(folder);
    expect(against.read.errors.map((error) => error.path)).toContain("competencies.code-quality");
    rmSync(folder, { recursive: true, force: true });
  });
});

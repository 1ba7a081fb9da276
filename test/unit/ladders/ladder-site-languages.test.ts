import { describe, expect, it } from "vitest";
import { buildSite } from "~/components/ladders/site/build-site";
import { i18nFor } from "~/i18n/i18n.server";
import {
  loadLadderFromDirectory,
  loadTranslationsFromDirectory,
} from "~/modules/ladders/load-from-directory.server";
import { siteEditions } from "~/modules/ladders/site/site-editions";
import { sitePaths } from "~/modules/ladders/site/site-paths";
import { FIXTURES } from "./helpers";

// The published site in each language a ladder is translated into (decision 081): the source's
// at the root as before, and an edition per language in its own folder.
function editions() {
  const folder = `${FIXTURES}/translated`;
  const result = loadLadderFromDirectory(folder);
  if (!result.ok) throw new Error("the translated fixture must load");
  return siteEditions([
    {
      ladder: result.ladder,
      translations: loadTranslationsFromDirectory(folder, result.ladder).translations,
    },
  ]);
}

const competencyPage = sitePaths.competency("translated", "code-quality");

describe("the published site in several languages", () => {
  it("has the source's edition at the root and one per language a ladder is translated into, in its own folder", () => {
    expect(editions().map((edition) => [edition.language, edition.folder])).toEqual([
      ["en", ""],
      ["de", "de/"],
    ]);
  });

  it("writes each edition's pages in its language, with lang and dir, the source marked where nothing is translated, and links to the same page in the others", () => {
    const all = editions();
    const german = all.find((edition) => edition.language === "de")!;
    const files = buildSite(german.ladders, {
      edition: { language: "de", sourceTexts: german.sourceTexts, i18n: i18nFor("de") },
      editions: all,
    });
    const page = files.find((file) => file.path === competencyPage)!.content;
    expect(page.startsWith('<!DOCTYPE html><html lang="de" dir="ltr"')).toBe(true);
    expect(page).toMatch(/<h1[^>]*>Codequalität<\/h1>/);
    expect(page).toContain("Lesbarer, änderbarer Code.");
    expect(page).toMatch(
      /<span lang="en" dir="auto" class="rich-text-inline">Writes small, readable changes that follow the team(&#x27;|')s conventions\.<\/span><span title="[^"]*"[^>]*>nicht übersetzt<\/span>/,
    );
    expect(page).toContain(
      `<link rel="alternate" hrefLang="en" href="../../../${competencyPage}"/>`,
    );

    const source = buildSite(all[0]!.ladders, { editions: all }).find(
      (file) => file.path === competencyPage,
    )!.content;
    expect(source).toMatch(/<h1[^>]*>Code quality<\/h1>/);
    expect(source).not.toContain("nicht übersetzt");
    expect(source).toContain(
      `<link rel="alternate" hrefLang="de" href="../../de/${competencyPage}"/>`,
    );
  });

  it("writes a right-to-left language's pages right to left, the marks in that language", () => {
    const source = editions()[0]!;
    const files = buildSite(source.ladders, {
      edition: {
        language: "ar",
        sourceTexts: { lang: "en", texts: ["Readable, changeable code."] },
        i18n: i18nFor("ar"),
      },
    });
    const page = files.find((file) => file.path === competencyPage)!.content;
    expect(page.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl"')).toBe(true);
    expect(page).toMatch(
      /<span lang="en" dir="auto" class="rich-text-inline">Readable, changeable code\.<\/span><span title="[^"]*"[^>]*>غير مترجم<\/span>/,
    );
  });

  it("gives the search page's script its words in the edition's language, the result count in each of the language's plural forms", () => {
    const source = editions()[0]!;
    const wordsIn = (language: "de" | "ar") => {
      const files = buildSite(source.ladders, {
        edition: { language, sourceTexts: { lang: "en", texts: [] }, i18n: i18nFor(language) },
      });
      const page = files.find((file) => file.path === sitePaths.search("translated"))!.content;
      const json = /<script type="application\/json" id="search-data">(.*?)<\/script>/s.exec(
        page,
      )![1]!;
      return (
        JSON.parse(json) as { words: { results: string[]; noMatch: string; example: string } }
      ).words;
    };
    const german = wordsIn("de");
    expect([german.results[1], german.results[2], german.results[100]]).toEqual([
      "1 Ergebnis für „{query}“",
      "2 Ergebnisse für „{query}“",
      "100 Ergebnisse für „{query}“",
    ]);
    expect(german.noMatch).toBe(
      "In der Karriereleiter wurde nichts zu „{query}“ gefunden. Versuchen Sie es mit weniger oder anderen Wörtern.",
    );
    expect(german.example).toBe("z. B. {example}");
    expect(wordsIn("ar").results[2]).toBe("نتيجتان عن «{query}»");
  });
});

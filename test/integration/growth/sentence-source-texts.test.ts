// Ladder names inside a sentence in the reader's language: the gap page's heading and plan line
// and the print view's plan and gap headings stay one message each, and a level, track or
// competency name the reader's translation lacks is still shown in the ladder's own language,
// marked and with its `lang`, where the sentence puts it; a translated name carries no mark.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import * as gapRoute from "~/routes/people.$personId.gap";
import * as printRoute from "~/routes/people.$personId.print";
import { appBuild, copyLadder, getAs, serveWithLadders } from "../../utils/app-server";
import { createPerson } from "../../utils/factories";
import { createAssessment } from "./profile-factories";

const build = appBuild({
  "routes/gap": { path: "people/:personId/gap", module: gapRoute },
  "routes/print": { path: "people/:personId/print", module: printRoute },
});

const app = serveWithLadders(build, "sentence-source-texts", (dir) =>
  copyLadder("translated", dir),
);

/** A person on the fixture ladder's first level (translated into German; the next level and the track are not), with a plan and a submitted self-assessment. */
async function personWithPlan(language: string) {
  const person = await createPerson({
    name: "Lena Schulz",
    ladderId: "translated",
    track: "ic",
    level: "ic1",
    language,
  });
  const served = (await servedLadderVersion("translated"))!;
  await db.growthPlan.create({
    data: {
      personId: person.id,
      ladderVersionId: served.versionId,
      targetLevelId: "ic2",
      focus: {
        create: [
          { competencyId: "code-quality", position: 0 },
          { competencyId: "testing", position: 1 },
        ],
      },
    },
  });
  await createAssessment({
    kind: "self",
    subjectId: person.id,
    authorId: person.id,
    ladderVersionId: served.versionId,
    levelId: "ic1",
    trackId: "ic",
    ratings: [{ competencyId: "code-quality", rating: 3 }],
  });
  return person;
}

async function page(person: { id: string }, path: string) {
  const { status, body } = await getAs(app.server, person.id, `/people/${person.id}${path}`);
  expect(status).toBe(200);
  // React separates neighbouring text with empty comments; the words read without them.
  return body.replaceAll("<!-- -->", "");
}

const MARK = "Noch nicht in Ihre Sprache übersetzt";
const marked = (text: string) =>
  `<span lang="en" dir="auto">${text}</span><span title="${MARK}[^"]*"[^>]*>[^<]+</span>`;

describe("ladder names inside a sentence, in German", () => {
  test("the gap page's heading marks the target level and track the translation lacks", async () => {
    const person = await personWithPlan("de");
    const body = await page(person, "/gap");
    expect(body).toMatch(
      new RegExp(
        `<h2[^>]*>Lücke zu ${marked("Engineer II")} <span[^>]*>\\(${marked("Individual contributor")}\\)</span></h2>`,
      ),
    );
  });

  test("the gap page's sections mark the competencies and expectations the translation lacks", async () => {
    const person = await personWithPlan("de");
    const body = await page(person, "/gap");
    expect(body).toMatch(new RegExp(`<h3 id="[^"]+" class="font-semibold">${marked("Testing")}`));
    expect(body).toMatch(/<h3 id="[^"]+" class="font-semibold">Codequalität/);
    expect(body).toMatch(
      new RegExp(
        `<span lang="en" dir="auto" class="rich-text-inline">Chooses the right layer for each test.</span><span title="${MARK}`,
      ),
    );
  });

  test("a translated target level in the heading carries no mark", async () => {
    const person = await personWithPlan("de");
    const body = await page(person, "/gap?target=ic1");
    expect(body).toMatch(/<h2[^>]*>Lücke zu Ingenieur:in I <span/);
    expect(body).not.toMatch(new RegExp(marked("Ingenieur:in I")));
  });

  test("the gap page's plan line is one sentence with its target and focus marked where untranslated", async () => {
    const person = await personWithPlan("de");
    const body = await page(person, "/gap");
    expect(body).toMatch(
      new RegExp(
        `Aktueller Plan: Ziel <strong>${marked("Engineer II")}</strong>, mit Schwerpunkt auf Codequalität, ${marked("Testing")} \\(aktualisiert am [^)]+\\)\\.`,
      ),
    );
  });

  test("the print view's plan and gap headings mark the untranslated target and track", async () => {
    const person = await personWithPlan("de");
    const body = await page(person, "/print");
    expect(body).toMatch(
      new RegExp(
        `Ziel: ${marked("Engineer II")} \\(${marked("Individual contributor")}\\)\\. Aktualisiert am`,
      ),
    );
    expect(body).toMatch(
      new RegExp(
        `<h2 id="print-gap"[^>]*>Lücke zu ${marked("Engineer II")} \\(${marked("Individual contributor")}\\)</h2>`,
      ),
    );
    // The gap table's competency names: the one the translation lacks is marked, the other not.
    expect(body).toMatch(new RegExp(`<th scope="row"[^>]*>${marked("Testing")}`));
    expect(body).toMatch(/<th scope="row"[^>]*>Codequalität/);
  });

  test("in Arabic, a ladder without an Arabic translation marks the names, each isolated in the right-to-left sentence", async () => {
    const person = await personWithPlan("ar");
    const body = await page(person, "/print");
    const mark = (text: string) =>
      `<span lang="en" dir="auto">${text}</span><span title="[^"]+"[^>]*>غير مترجم</span>`;
    expect(body).toMatch(
      new RegExp(
        `الفجوة حتى \u2068${mark("Engineer II")}\u2069 \\(\u2068${mark("Individual contributor")}\u2069\\)`,
      ),
    );
  });

  test("an English reader reads the same sentences with no marks", async () => {
    const person = await personWithPlan("en");
    const gap = await page(person, "/gap");
    expect(gap).toMatch(
      /<h2[^>]*>Gap to Engineer II <span[^>]*>\(Individual contributor\)<\/span><\/h2>/,
    );
    expect(gap).toContain(
      "Current plan: towards <strong>Engineer II</strong>, focusing on Code quality, Testing (updated",
    );
    const print = await page(person, "/print");
    expect(print).toContain("Towards Engineer II (Individual contributor). Updated");
    expect(print).not.toContain('lang="en" dir="auto"');
  });
});

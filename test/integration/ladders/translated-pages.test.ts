// A ladder's pages in the reader's language (decision 081), through the real request handler and
// the document as the server renders it: the texts a translation has, in the language; the others
// in the ladder's own, with its lang and a mark worded in the reader's language.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as layout from "~/routes/ladders.$ladderId";
import * as competencyPage from "~/routes/ladders.$ladderId.competencies.$competencyId";
import * as searchPage from "~/routes/ladders.$ladderId.search";
import * as assessmentRoute from "~/routes/assessments.$assessmentId";
import { startAssessment } from "~/modules/assessments/assessments.server";
import { appBuild, copyLadder, getAs, serveWithLadders } from "../../utils/app-server";
import { createPerson } from "../../utils/factories";

const LAYOUT = "routes/ladders.$ladderId";
const build = appBuild({
  [LAYOUT]: { path: "ladders/:ladderId", module: layout },
  "routes/competency": {
    path: "competencies/:competencyId",
    module: competencyPage,
    parentId: LAYOUT,
  },
  "routes/search": { path: "search", module: searchPage, parentId: LAYOUT },
  "routes/assessment": { path: "assessments/:assessmentId", module: assessmentRoute },
});
const app = serveWithLadders(build, "translated-pages", (dir) => copyLadder("translated", dir));

async function pageAs(language: string | null, path: string) {
  const person = await createPerson({ name: "Jonas Weber" });
  await db.user.update({ where: { id: person.id }, data: { language } });
  return getAs(app.server, person.id, `/ladders/translated/${path}`);
}

const competencyAs = (language: string | null, competencyId: string) =>
  pageAs(language, `competencies/${competencyId}`);

describe("a ladder's pages in the reader's language", () => {
  test("a German reader reads a translated competency's name, and the source marked where no translation exists", async () => {
    const { status, body } = await competencyAs("de", "code-quality");
    expect(status).toBe(200);
    expect(body).toContain('<html lang="de" dir="ltr"');
    expect(body).toMatch(/<h1[^>]*>Codequalität<\/h1>/);
    expect(body).toContain("<title>Codequalität · Rungs</title>");
    expect(body).toContain("Lesbarer, änderbarer Code.");
    expect(body).toContain("Setzt Review-Feedback zügig um.");
    expect(body).not.toContain("Acts on review feedback promptly.");
    // No translation of this statement: it is shown as written, in English, and says so in German.
    expect(body).toMatch(
      /<span lang="en" dir="auto" class="rich-text-inline">Writes small, readable changes that follow the team(&#x27;|')s conventions\.<\/span><span title="Noch nicht in Ihre Sprache übersetzt[^"]*"[^>]*>nicht übersetzt<\/span>/,
    );
    // Translated texts carry no mark.
    expect(body).not.toMatch(/Setzt Review-Feedback zügig um\.<\/span><span title/);
  });

  test("a competency's name with no translation is the source's, marked as such in the reader's language", async () => {
    const { body } = await competencyAs("de", "testing");
    expect(body).toMatch(
      /<h1[^>]*><span lang="en" dir="auto">Testing<\/span><span title="Noch nicht in Ihre Sprache übersetzt[^"]*"[^>]*>nicht übersetzt<\/span><\/h1>/,
    );
  });

  test("a German reader searches the expectations in German", async () => {
    const { body } = await pageAs("de", "search?q=Review-Feedback");
    expect(body).toContain("Review-Feedback</mark>");
    expect(body).not.toContain("Acts on review feedback promptly.");
  });

  test("an English reader reads the ladder as it is written, with no marks", async () => {
    const { body } = await competencyAs("en", "code-quality");
    expect(body).toMatch(/<h1[^>]*>Code quality<\/h1>/);
    expect(body).not.toContain("not translated");
    expect(body).not.toContain('lang="en" dir="auto" class="rich-text');
  });
});

describe("a record's page reads the ladder of its own version in the reader's language", () => {
  test("a German reader's self-assessment shows the translated statements, the rest in English marked in German", async () => {
    const person = await createPerson({
      name: "Lena Schulz",
      ladderId: "translated",
      track: "ic",
      level: "ic1",
      language: "de",
    });
    const started = await startAssessment(
      {
        id: person.id,
        name: person.name,
        email: person.email,
        isAdmin: false,
        isHiringAdmin: false,
      },
      "self",
      person.id,
    );
    if (!started.ok || started.decision.action !== "open")
      throw new Error("the self-assessment should start");
    const { status, body } = await getAs(
      app.server,
      person.id,
      `/assessments/${started.decision.assessmentId}`,
    );
    expect(status).toBe(200);
    expect(body).toContain("Setzt Review-Feedback zügig um.");
    expect(body).not.toContain("Acts on review feedback promptly.");
    expect(body).toMatch(
      /<span lang="en" dir="auto" class="rich-text-inline">Writes small, readable changes that follow the team(&#x27;|')s conventions\.<\/span><span title="Noch nicht in Ihre Sprache übersetzt[^"]*"[^>]*>nicht übersetzt<\/span>/,
    );
  });
});

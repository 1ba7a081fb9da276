// A growth plan on the person's page in the reader's language: a level, track or competency the
// translation lacks is shown in the ladder's own language and marked as the ladder pages mark it
// (`LadderText`, `SourceMark`); a translated one carries no mark (decision 124).
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import * as personRoute from "~/routes/people.$personId._index";
import * as printRoute from "~/routes/people.$personId.print";
import { appBuild, copyLadder, getAs, serveWithLadders } from "../../utils/app-server";
import { createPerson } from "../../utils/factories";

const build = appBuild({
  "routes/person": { path: "people/:personId", module: personRoute },
  "routes/print": { path: "people/:personId/print", module: printRoute },
});
const app = serveWithLadders(build, "plan-source-texts", (dir) => copyLadder("translated", dir));

async function ownPageWithPlan(language: string, page = "") {
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
  const { status, body } = await getAs(app.server, person.id, `/people/${person.id}${page}`);
  expect(status).toBe(200);
  return body;
}

const marked = (text: string, mark: string) =>
  new RegExp(
    `<span lang="en" dir="auto">${text}</span><span title="${mark}[^"]*"[^>]*>[^<]+</span>`,
  );

describe("a growth plan's ladder texts the translation lacks", () => {
  test("a German reader sees the untranslated level, track and competency marked, the translated one not", async () => {
    const body = await ownPageWithPlan("de");
    const mark = "Noch nicht in Ihre Sprache übersetzt";
    expect(body).toMatch(marked("Engineer II", mark));
    expect(body).toMatch(marked("Individual contributor", mark));
    expect(body).toMatch(marked("Testing", mark));
    expect(body).toContain("<li>Codequalität</li>");
    // The plan's line is one sentence, the marked names where German puts them.
    expect(body.replaceAll("<!-- -->", "")).toMatch(
      new RegExp(
        `Ziel: <strong>${marked("Engineer II", mark).source}</strong> \\(${marked("Individual contributor", mark).source}\\), aktualisiert am`,
      ),
    );
  });

  test("the print view marks the focus competency the translation lacks, in the reader's language", async () => {
    const body = await ownPageWithPlan("de", "/print");
    expect(body).toMatch(marked("Testing", "Noch nicht in Ihre Sprache übersetzt"));
    expect(body).not.toMatch(marked("Codequalität", ""));
  });

  test("an English reader reads the plan as the ladder writes it, with no marks", async () => {
    const body = await ownPageWithPlan("en");
    expect(body).toContain("<li>Testing</li>");
    expect(body).not.toContain('lang="en" dir="auto"');
  });
});

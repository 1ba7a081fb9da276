// Stretch opportunities in the reader's language: the competencies an opportunity exercises, its
// levels and the competencies a choice was decided on sit inside sentences; a name the reader's
// translation lacks is shown in the ladder's own language, marked and with its `lang`, where the
// sentence puts it (decision 124); a translated one carries no mark.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as listRoute from "~/routes/opportunities._index";
import * as detailRoute from "~/routes/opportunities.$opportunityId";
import { appBuild, copyLadder, getAs, serveWithLadders } from "../../utils/app-server";
import { createPerson } from "../../utils/factories";

const DAY = 24 * 60 * 60 * 1000;

const build = appBuild({
  "routes/list": { path: "opportunities", module: listRoute },
  "routes/detail": { path: "opportunities/:opportunityId", module: detailRoute },
});

const app = serveWithLadders(build, "opportunity-source-texts", (dir) =>
  copyLadder("translated", dir),
);

/** A poster reading their own opportunity on the fixture ladder: code quality and the first level are translated into German, testing and the second level not. */
async function postedBy(language: string, decided = false) {
  const poster = await createPerson({
    name: "Mara Meyer",
    ladderId: "translated",
    track: "ic",
    level: "ic3",
    language,
  });
  const now = Date.now();
  const opportunity = await db.opportunity.create({
    data: {
      kind: "project",
      title: "Zahlungsdienst",
      ladderId: "translated",
      competencyIds: JSON.stringify(["code-quality", "testing"]),
      minLevel: "ic1",
      maxLevel: "ic2",
      hoursPerWeek: 4,
      startsOn: new Date(now + 10 * DAY),
      endsOn: new Date(now + 40 * DAY),
      posterId: poster.id,
      ...(decided
        ? {
            status: "chosen",
            criteriaIds: JSON.stringify(["testing", "code-quality"]),
            reason: "Die beste Testabdeckung.",
            decidedAt: new Date(now),
          }
        : {}),
    },
  });
  const read = async (path: string) => {
    const { status, body } = await getAs(app.server, poster.id, path);
    expect(status).toBe(200);
    return body.replaceAll("<!-- -->", "");
  };
  return { opportunity, read };
}

const MARK = "Noch nicht in Ihre Sprache übersetzt";
const marked = (text: string) =>
  `<span lang="en" dir="auto">${text}</span><span title="${MARK}[^"]*"[^>]*>[^<]+</span>`;

describe("an opportunity's ladder names the reader's translation lacks", () => {
  test("the list and the page mark the untranslated competency and level inside their sentences, the translated ones not", async () => {
    const { opportunity, read } = await postedBy("de");
    for (const body of [
      await read("/opportunities"),
      await read(`/opportunities/${opportunity.id}`),
    ]) {
      expect(body).toMatch(new RegExp(`Fordert: Codequalität, ${marked("Testing")}</p>`));
      expect(body).toMatch(
        new RegExp(`Für die Stufen Ingenieur:in I bis ${marked("Engineer II")}</p>`),
      );
      expect(body).not.toMatch(new RegExp(marked("Codequalität")));
    }
  });

  test("the competencies a choice was decided on are marked inside the decision's sentence", async () => {
    const { opportunity, read } = await postedBy("de", true);
    const body = await read(`/opportunities/${opportunity.id}`);
    expect(body).toMatch(
      new RegExp(`Ausschlaggebende Kompetenzen: ${marked("Testing")}, Codequalität</p>`),
    );
  });

  test("an English reader reads the names as the ladder writes them, with no marks", async () => {
    const { opportunity, read } = await postedBy("en", true);
    const body = await read(`/opportunities/${opportunity.id}`);
    expect(body).toContain("Exercises: Code quality, Testing</p>");
    expect(body).toContain("Decided on: Testing, Code quality</p>");
    expect(body).not.toContain('lang="en" dir="auto"');
  });
});

// The gap page and the growth plan's refusals in the reader's language, through the real request
// handler with the root's middleware (the page as the server renders it) and through the action
// behind the root's middleware: no English sentence reaches a German or an Arabic reader, and a
// level is named as the ladder's translation names it (decision 115).
import { describe, expect, test } from "vitest";
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import * as gapRoute from "~/routes/people.$personId.gap";
import { appBuild, getAs, serveForFile } from "../../utils/app-server";
import { behindRoot } from "../../utils/behind-root";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const app = serveForFile(
  appBuild({ "routes/gap": { path: "people/:personId/gap", module: gapRoute } }),
);

const engineerIn = (language: string) =>
  createPerson({ name: "Lena Engineer", track: "ic", level: "ic2", language });

async function gapPageAs(language: string, query: string) {
  const person = await engineerIn(language);
  return getAs(app.server, person.id, `/people/${person.id}/gap${query}`);
}

describe("the gap page as a document (decision 155)", () => {
  test("is sent without the app's scripts, with the plan's button that shows the gap to the level chosen in it in the page itself, not in a <noscript> every browser with scripts would hide", async () => {
    const { status, body } = await gapPageAs("en", "");
    expect(status).toBe(200);
    expect(body).not.toMatch(/<script[^>]*type="module"|modulepreload|__reactRouterContext/);
    const shown = body.indexOf("Show the gap to the chosen level");
    expect(shown).toBeGreaterThan(-1);
    const opened = body.lastIndexOf("<noscript>", shown);
    expect(opened === -1 || body.lastIndexOf("</noscript>", shown) > opened).toBe(true);
  });
});

describe("the gap page in the reader's language", () => {
  test("a German reader asking for a level the ladder lacks reads why in German", async () => {
    const { status, body } = await gapPageAs("de", "?target=ic99");
    expect(status).toBe(400);
    expect(body).toContain('<html lang="de" dir="ltr"');
    expect(body).toContain("Diese Karriereleiter hat keine Stufe „ic99“.");
    expect(body).not.toContain("There is no level");
  });

  test("a French reader too", async () => {
    const { body } = await gapPageAs("fr", "?target=ic99");
    expect(body).toContain("Cette grille de carrière n’a pas de niveau «\u202fic99\u202f».");
    expect(body).not.toContain("There is no level");
  });
});

describe("the growth plan's refusals in the reader's language", () => {
  type Reply = { result: { error?: Record<string, string[] | null> } };
  async function save(language: "ar" | "es", fields: [string, string][]) {
    const person = await engineerIn(language);
    const request = await signedInRequest(`/people/${person.id}/gap`, person.id, {
      method: "POST",
      body: new URLSearchParams(fields),
    });
    const answer = await behindRoot(
      gapRoute.action as RouteFunction,
      routeArgs(request, { personId: person.id }),
    );
    const t = i18nFor(language).getFixedT(language);
    const words = (errors: string[] | null | undefined) =>
      (errors ?? []).map((error) => wordsOf(t, error));
    return { status: statusOf(answer), error: bodyOf<Reply>(answer).result.error ?? {}, words };
  }

  test("an Arabic reader is told in Arabic that a level has no such competency, the level named in Arabic", async () => {
    const { status, error, words } = await save("ar", [
      ["target", "ic3"],
      ["focus", "juggling"],
    ]);
    expect(status).toBe(400);
    expect(words(error.focus)).toEqual(["لا يتضمن مهندس أول الكفاءة «juggling»."]);
  });

  test("a Spanish reader is told in Spanish that a level does not exist, or that there are too many focus competencies", async () => {
    const unknown = await save("es", [
      ["target", "ic99"],
      ["focus", "testing"],
    ]);
    expect(unknown.words(unknown.error.target)).toEqual([
      "Esta escala de carrera no tiene ningún nivel «ic99».",
    ]);
    const many = await save("es", [
      ["target", "ic3"],
      ...["testing", "system-design", "mentoring", "planning"].map(
        (id) => ["focus", id] as [string, string],
      ),
    ]);
    expect(many.words(many.error.focus)).toEqual([
      "Elija como máximo 3 competencias prioritarias.",
    ]);
  });
});

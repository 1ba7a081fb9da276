import { describe, expect, test } from "vitest";
import { competenciesForLevel, type Ladder } from "~/modules/ladders";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { db } from "~/db/client.server";
import { organisation, readPage, renderPage, save, startSelf, submit } from "./assessments-helpers";

/** The ladder's areas the level uses, in ladder order, with the competencies that apply at it: worked out from the ladder itself. */
function areasOfLevel(ladder: Ladder, levelId: string) {
  const competencies = competenciesForLevel(ladder, levelId);
  return ladder.areas
    .map((area) => ({
      id: area.id,
      name: area.name,
      competencyIds: competencies.filter((c) => c.areaId === area.id).map((c) => c.id),
    }))
    .filter((area) => area.competencyIds.length > 0);
}

/** The competencies whose rating radios are in the HTML. */
function renderedRatings(html: string): string[] {
  return [...new Set([...html.matchAll(/name="rating-([a-z0-9-]+)"/g)].map((match) => match[1]!))];
}

/** The section navigator's links: text and whether it is the current step. */
function navigator(html: string, assessmentId: string) {
  const nav = /<nav aria-label="Sections"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? "";
  return [...nav.matchAll(/<a ([^>]*)>(.*?)<\/a>/gs)].map(([, attributes, inner]) => ({
    href: /href="([^"]*)"/.exec(attributes!)?.[1]?.replace(`/assessments/${assessmentId}`, ""),
    current: attributes!.includes('aria-current="step"'),
    text: inner!.replace(/<[^>]+>/g, "").replace(/<!-- -->/g, ""),
  }));
}

async function icLadder() {
  const served = (await ladderForLevel("ic2"))!;
  return areasOfLevel(served.ladder, "ic2");
}

async function rate(authorId: string, assessmentId: string, competencyIds: string[]) {
  const { revision } = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { revision: true },
  });
  const result = await save(
    authorId,
    assessmentId,
    revision,
    competencyIds.map((id) => ({ field: `rating:${id}`, value: 3, base: null })),
  );
  expect(result.status).toBe(200);
  return result.body.revision as number;
}

describe("the draft, one area at a time", () => {
  test("the server renders only the competencies of the section in the URL, the first area when there is none", async () => {
    const areas = await icLadder();
    expect(areas.length).toBeGreaterThan(2);
    const { engineer } = await organisation();
    const id = await startSelf(engineer.id);

    const first = await renderPage(engineer.id, `/assessments/${id}`);
    expect(renderedRatings(first)).toEqual(areas[0]!.competencyIds);
    for (const area of areas) {
      const html = await renderPage(engineer.id, `/assessments/${id}?section=${area.id}`);
      expect(renderedRatings(html), area.id).toEqual(area.competencyIds);
      expect(html).toContain(`<h2 id="section-${area.id}-heading"`);
    }
  });

  test("the navigator lists every area with how much of it is rated, then the summary step; the current one is marked", async () => {
    const areas = await icLadder();
    const { engineer } = await organisation();
    const id = await startSelf(engineer.id);
    const [firstArea, secondArea] = areas;
    await rate(engineer.id, id, [secondArea!.competencyIds[0]!]);

    const links = navigator(
      await renderPage(engineer.id, `/assessments/${id}?section=${secondArea!.id}`),
      id,
    );
    expect(links).toEqual([
      ...areas.map((area) => ({
        href: `?section=${area.id}`,
        current: area.id === secondArea!.id,
        text: `${area.name}, ${area.id === secondArea!.id ? 1 : 0} of ${area.competencyIds.length} rated`,
      })),
      { href: "?section=summary", current: false, text: "Summary and submit" },
    ]);
    // With no parameter, the first area is the current step.
    const start = navigator(await renderPage(engineer.id, `/assessments/${id}`), id);
    expect(start.filter((link) => link.current).map((link) => link.href)).toEqual([
      `?section=${firstArea!.id}`,
    ]);
  });

  test("each section ends with links to the one before and after it", async () => {
    const areas = await icLadder();
    const { engineer } = await organisation();
    const id = await startSelf(engineer.id);
    const [first, second, third] = areas;

    const firstHtml = await renderPage(engineer.id, `/assessments/${id}`);
    expect(firstHtml).not.toContain("← Previous");
    expect(firstHtml).toMatch(
      new RegExp(`href="\\?section=${second!.id}"[^>]*>Next: ${second!.name} →`),
    );

    const secondHtml = await renderPage(engineer.id, `/assessments/${id}?section=${second!.id}`);
    expect(secondHtml).toMatch(
      new RegExp(`href="\\?section=${first!.id}"[^>]*>← Previous: ${first!.name}<`),
    );
    expect(secondHtml).toMatch(
      new RegExp(`href="\\?section=${third!.id}"[^>]*>Next: ${third!.name} →`),
    );

    const last = areas[areas.length - 1]!;
    const lastHtml = await renderPage(engineer.id, `/assessments/${id}?section=${last.id}`);
    expect(lastHtml).toMatch(
      new RegExp(`href="\\?section=summary"[^>]*>Next: Summary and submit →`),
    );
  });

  test("the summary step holds the overall summary and the submit button, and no competency", async () => {
    const areas = await icLadder();
    const { engineer } = await organisation();
    const id = await startSelf(engineer.id);
    const html = await renderPage(engineer.id, `/assessments/${id}?section=summary`);
    expect(renderedRatings(html)).toEqual([]);
    expect(html).toContain('id="assessment-summary"');
    expect(html).toContain("Submit self-assessment");
    expect(html).toMatch(new RegExp(`← Previous: ${areas[areas.length - 1]!.name}<`));
    expect(html).not.toContain("Next:");
    // The saved state and the overall count stay in view on every section.
    const total = areas.flatMap((area) => area.competencyIds).length;
    expect(html).toContain(`0 of ${total} rated`);

    // Every other section leaves the summary and the submit button out.
    const first = await renderPage(engineer.id, `/assessments/${id}`);
    expect(first).not.toContain('id="assessment-summary"');
    expect(first).not.toContain("Submit self-assessment");
    expect(first).toContain(`0 of ${total} rated`);
  });

  test("a refused submit lists the competencies still unrated, each linking to its section and to the competency", async () => {
    const areas = await icLadder();
    const { engineer } = await organisation();
    const id = await startSelf(engineer.id);
    const [first, , third] = areas;
    const missing = [first!.competencyIds[0]!, third!.competencyIds[0]!];
    const revision = await rate(
      engineer.id,
      id,
      areas
        .flatMap((area) => area.competencyIds)
        .filter((competencyId) => !missing.includes(competencyId)),
    );

    const html = await renderPage(engineer.id, `/assessments/${id}?section=summary`, {
      method: "POST",
      fields: { intent: "submit", revision: String(revision) },
    });
    expect(html).toContain("Not submitted");
    expect(html).toContain("2 competencies have no rating yet.");
    for (const [competencyId, area] of [
      [missing[0]!, first!],
      [missing[1]!, third!],
    ] as const) {
      expect(html).toMatch(
        new RegExp(
          `<a[^>]*href="\\?section=${area.id}&amp;check=1#${competencyId}"[^>]*>[^<]+</a> <!-- -->\\(${area.name}\\): choose a rating`,
        ),
      );
    }
    expect(
      (await db.assessment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status,
    ).toBe("draft");
  });
});

describe("the section parameter", () => {
  test("an unknown section is a 404 with a clear message, never another section", async () => {
    const areas = await icLadder();
    const { engineer } = await organisation();
    const id = await startSelf(engineer.id);
    expect((await readPage(engineer.id, id, "?section=summary")).status).toBe(200);
    expect((await readPage(engineer.id, id, `?section=${areas[1]!.id}`)).status).toBe(200);
    // A competency id, a wrongly cased area, an area the ladder does not have.
    for (const section of [areas[0]!.competencyIds[0]!, areas[0]!.id.toUpperCase(), "nonsense"]) {
      expect(await readPage(engineer.id, id, `?section=${section}`), section).toEqual({
        status: 404,
        message: "This assessment has no such section.",
      });
    }
  });

  test("a submitted assessment reads the same whatever known section the URL names", async () => {
    const areas = await icLadder();
    const { engineer } = await organisation();
    const id = await startSelf(engineer.id);
    const revision = await rate(
      engineer.id,
      id,
      areas.flatMap((area) => area.competencyIds),
    );
    expect((await submit(engineer.id, id, revision)).status).toBe(302);

    const html = await renderPage(engineer.id, `/assessments/${id}?section=${areas[1]!.id}`);
    expect(html).not.toContain('aria-label="Sections"');
    // The read view shows every competency.
    for (const competencyId of areas.flatMap((area) => area.competencyIds))
      expect(html).toContain(`id="${competencyId}-name"`);
    expect((await readPage(engineer.id, id, "?section=nonsense")).status).toBe(404);
  });
});

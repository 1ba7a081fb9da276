import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as assessmentRoute from "~/routes/assessments.$assessmentId";
import { routeArgs, statusOf } from "../../utils/responses";
import { signedInPost } from "../../utils/session";
import {
  competencyIds,
  organisation,
  readPage,
  renderPage,
  save,
  snapshot,
  startSelf,
} from "./assessments-helpers";

/** A draft, and the first area's section with its first two competencies. */
async function draft() {
  const people = await organisation();
  const id = await startSelf(people.engineer.id);
  const page = (await readPage(people.engineer.id, id)).data!;
  const area = page.ladder.areas.find((candidate) =>
    page.competencies.some((competency) => competency.areaId === candidate.id),
  )!;
  const [first, second] = page.competencies.filter((competency) => competency.areaId === area.id);
  return {
    ...people,
    id,
    section: area.id,
    first: first!.id,
    second: second!.id,
    ids: await competencyIds(id),
  };
}

/** POST /assessments/:id as the page's plain form would send it. */
async function post(viewerId: string, id: string, fields: Record<string, string>, search = "") {
  const request = await signedInPost(`/assessments/${id}${search}`, viewerId, fields);
  try {
    return await assessmentRoute.action(routeArgs(request, { assessmentId: id }));
  } catch (response) {
    return response; // redirects are thrown
  }
}

/** An element's opening tag with all these attributes, in whatever order React writes them. */
const tag = (name: string, ...attributes: string[]) =>
  new RegExp(
    `<${name}${attributes.map((attribute) => `(?=[^>]*\\s${attribute.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`).join("")}[^>]*>`,
  );

describe("the draft without JavaScript", () => {
  test("the server renders enabled fields that name their section's form, a Save button and a plain submit form", async () => {
    const { engineer, id, section, first } = await draft();
    const html = await renderPage(engineer.id, `/assessments/${id}?section=${section}`);
    expect(html).toMatch(
      tag("form", `id="draft-section-${section}"`, 'method="post"', 'hidden=""'),
    );
    expect(html).toMatch(tag("input", `name="rating-${first}"`, `form="draft-section-${section}"`));
    expect(html).toMatch(
      tag("textarea", `name="notes:${first}"`, `form="draft-section-${section}"`),
    );
    expect(html).not.toMatch(/<fieldset disabled=""/);
    expect(html).toMatch(
      new RegExp(
        `<noscript><button type="submit"[^>]*form="draft-section-${section}">Save this section</button></noscript>`,
      ),
    );
    const summary = await renderPage(engineer.id, `/assessments/${id}?section=summary`);
    // Submitting asks by a tick box, in a form the draft script holds until every edit is saved.
    expect(summary).toMatch(
      new RegExp(
        `${tag("form", 'method="post"', 'data-draft-submit=""').source}<input type="hidden" name="intent" value="submit"/>`,
      ),
    );
    expect(summary).toMatch(tag("input", 'type="checkbox"', 'name="confirm"', 'required=""'));
  });

  test("saving a section writes what was changed, merged with what another tab saved meanwhile, and comes back to the section", async () => {
    const { engineer, id, section, first, second } = await draft();
    // Another tab saves notes on the second competency after this page was rendered at revision 0.
    await save(engineer.id, id, 0, [
      { field: `notes:${second}`, value: "from the other tab", base: "" },
    ]);
    const base = JSON.stringify({
      [`rating:${first}`]: null,
      [`notes:${first}`]: "",
      [`rating:${second}`]: null,
      [`notes:${second}`]: "",
    });
    const response = await post(engineer.id, id, {
      intent: "save",
      section,
      baseRevision: "0",
      base,
      [`rating-${first}`]: "3",
      [`notes:${first}`]: "Typed without a script",
      [`notes:${second}`]: "",
    });
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(
      `/assessments/${id}?section=${section}&saved=1`,
    );
    const stored = await snapshot(id);
    expect(stored.ratings.find((row) => row.competencyId === first)).toMatchObject({
      rating: 3,
      notes: "Typed without a script",
    });
    // The untouched field keeps the other tab's text.
    expect(stored.ratings.find((row) => row.competencyId === second)).toMatchObject({
      notes: "from the other tab",
    });
  });

  test("a save that is refused changes nothing and the page shows the error with what was typed", async () => {
    const { engineer, id, section, first } = await draft();
    const before = await snapshot(id);
    const base = JSON.stringify({ [`rating:${first}`]: null, [`notes:${first}`]: "" });
    const fields = {
      intent: "save",
      section,
      baseRevision: "0",
      base,
      [`rating-${first}`]: "9",
      [`notes:${first}`]: "Notes I must not lose",
    };
    const reply = await post(engineer.id, id, fields);
    expect(statusOf(reply)).toBe(400);
    expect(await snapshot(id)).toEqual(before);
    const html = await renderPage(engineer.id, `/assessments/${id}?section=${section}`, {
      method: "POST",
      fields,
    });
    expect(html).toContain("Not saved");
    expect(html).toMatch(/<textarea[^>]*name="notes:[^"]+"[^>]*>Notes I must not lose<\/textarea>/);
    // A post that is not a save of this page is refused as not understood.
    expect(
      statusOf(
        await post(engineer.id, id, { intent: "save", section, baseRevision: "0", base: "{" }),
      ),
    ).toBe(400);
    expect(
      statusOf(await post(engineer.id, id, { intent: "save", section, baseRevision: "x", base })),
    ).toBe(400);
    expect(await snapshot(id)).toEqual(before);
  });

  test("without scripts the form for adding evidence is open only for the competency it was opened for", async () => {
    const { engineer, id, section, first, second } = await draft();
    const plainForms = (html: string) =>
      [...html.matchAll(/<input type="hidden" name="competencyId" value="([^"]+)"\/>/g)].map(
        (match) => match[1],
      );
    // Where scripts run, each competency's form is in place (the draft script saves the section
    // before it goes; a document shows it once its script runs).
    const withScript = (html: string) => html.match(/<div data-with-script=""/g)?.length ?? 0;
    const closed = await renderPage(engineer.id, `/assessments/${id}?section=${section}`);
    const competencies = plainForms(closed);
    expect(competencies).toContain(first);
    expect(withScript(closed)).toBe(competencies.length);
    // Without them, a button that saves the section (nothing typed there is lost) and opens it.
    expect(closed).toMatch(
      new RegExp(
        `<noscript>${tag("button", 'type="submit"', `form="draft-section-${section}"`, 'name="evidence"', `value="${first}"`).source}Save this section, then add evidence for `,
      ),
    );
    const opened = await renderPage(
      engineer.id,
      `/assessments/${id}?section=${section}&evidence=${second}`,
    );
    expect(plainForms(opened)).toEqual(competencies);
    expect(withScript(opened)).toBe(competencies.length - 1);
    expect(opened).toMatch(tag("details", 'open=""'));

    const base = JSON.stringify({ [`notes:${first}`]: "" });
    const saved = await post(engineer.id, id, {
      intent: "save",
      section,
      baseRevision: "0",
      base,
      [`notes:${first}`]: "Typed before adding evidence",
      evidence: first,
    });
    expect((saved as Response).headers.get("Location")).toBe(
      `/assessments/${id}?section=${section}&saved=1&evidence=${first}#${first}`,
    );
    expect((await snapshot(id)).ratings.find((row) => row.competencyId === first)).toMatchObject({
      notes: "Typed before adding evidence",
    });
  });

  test("evidence added through the plain form comes back with its form open for the next; a refused one keeps what was typed", async () => {
    const { engineer, id, section, first } = await draft();
    const added = await post(
      engineer.id,
      id,
      {
        intent: "add-evidence",
        competencyId: first,
        text: "Led the incident review",
        url: "",
        occurredOn: "",
      },
      `?section=${section}`,
    );
    expect(statusOf(added)).toBe(302);
    expect((added as Response).headers.get("Location")).toBe(
      `/assessments/${id}?section=${section}&evidence=${first}`,
    );
    expect(
      (await snapshot(id)).ratings
        .find((row) => row.competencyId === first)!
        .evidence.map((item) => item.text),
    ).toEqual(["Led the incident review"]);

    const fields = {
      intent: "add-evidence",
      competencyId: first,
      text: "Wrote the runbook",
      url: "not a link",
      occurredOn: "",
    };
    expect(statusOf(await post(engineer.id, id, fields, `?section=${section}`))).toBe(400);
    const html = await renderPage(engineer.id, `/assessments/${id}?section=${section}`, {
      method: "POST",
      fields,
    });
    expect(html).toContain("Check the evidence and try again.");
    expect(html).toMatch(/<textarea[^>]*name="text"[^>]*>Wrote the runbook<\/textarea>/);
    expect(
      (await snapshot(id)).ratings.find((row) => row.competencyId === first)!.evidence,
    ).toHaveLength(1);

    // Removing goes through the draft page too; an id that is not this draft's evidence removes nothing.
    const stored = await db.ratingEvidence.findFirstOrThrow({
      where: { rating: { assessmentId: id } },
      select: { id: true },
    });
    expect(
      statusOf(
        await post(
          engineer.id,
          id,
          { intent: "remove-evidence", evidenceId: "not-an-evidence-id" },
          `?section=${section}`,
        ),
      ),
    ).toBe(404);
    expect(
      (await snapshot(id)).ratings.find((row) => row.competencyId === first)!.evidence,
    ).toHaveLength(1);
    const removed = await post(
      engineer.id,
      id,
      { intent: "remove-evidence", evidenceId: stored.id },
      `?section=${section}`,
    );
    expect((removed as Response).headers.get("Location")).toBe(
      `/assessments/${id}?section=${section}`,
    );
    expect(
      (await snapshot(id)).ratings.find((row) => row.competencyId === first)!.evidence,
    ).toHaveLength(0);
  });
});

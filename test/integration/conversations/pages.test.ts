// The conversation pages render on the server with their loaders' data, as a person reads them.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { addAction, addPoint, seriesPage, writeNote } from "~/modules/conversations/agenda.server";
import { recordEvidence } from "~/modules/conversations/evidence.server";
import { startSeries } from "~/modules/conversations/series.server";
import * as indexRoute from "~/routes/conversations._index";
import * as seriesRoute from "~/routes/conversations.$seriesId";
import * as evidenceRoute from "~/routes/conversations.evidence";
import { createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";

const render = async (module: PageModule, pattern: string, path: string, viewerId: string) =>
  (await renderPage(module, pattern, path, viewerId)).html;

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("the conversation pages, rendered", () => {
  test("the list, a series with its agenda, notes and actions, and the evidence page", async () => {
    const manager = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m1",
      timeZone: "Europe/Berlin",
    });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      timeZone: "America/New_York",
    });
    const viewer = (person: { id: string }) => ({ id: person.id, isAdmin: false });
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "fortnightly",
        firstAt: new Date("2031-03-24T09:00:00Z"),
      },
      new Date("2031-03-20T00:00:00Z"),
    );
    const meetingId = (await seriesPage(viewer(engineer), seriesId)).next!.id;
    await addPoint(viewer(engineer), meetingId, { text: "Which conference this year?" });
    await writeNote(viewer(manager), meetingId, {
      visibility: "private",
      text: "Only the manager reads this",
    });
    await writeNote(viewer(engineer), meetingId, {
      visibility: "shared",
      text: "We both read this",
    });
    await addAction(viewer(manager), meetingId, {
      text: "Draft the talk proposal",
      ownerId: engineer.id,
      dueOn: new Date("2031-03-21T00:00:00Z"),
    });
    await recordEvidence(viewer(engineer), {
      competencyId: "testing",
      text: "Cut the suite's run time in half",
      url: "https://ci.example.com/7",
      occurredOn: new Date("2026-01-05T00:00:00Z"),
    });

    const list = text(
      await render(
        indexRoute as unknown as PageModule,
        "/conversations",
        "/conversations",
        engineer.id,
      ),
    );
    expect(list).toContain("One-to-one with Sam Manager");
    expect(list).toContain("Every two weeks");

    const page = text(
      await render(
        seriesRoute as unknown as PageModule,
        "/conversations/:seriesId",
        `/conversations/${seriesId}`,
        engineer.id,
      ),
    );
    expect(page).toContain("Monday, 24 March 2031 at 10:00 (Europe/Berlin)");
    expect(page).toContain("Monday, 24 March 2031 at 05:00 (America/New_York)");
    expect(page).toContain("Action (Lena Engineer): Draft the talk proposal · due 21 Mar 2031");
    expect(page).toContain("Which conference this year?");
    expect(page).toContain("We both read this");
    expect(page).not.toContain("Only the manager reads this");
    expect(page).toContain("How useful are your one-to-ones?");

    const forManager = text(
      await render(
        seriesRoute as unknown as PageModule,
        "/conversations/:seriesId",
        `/conversations/${seriesId}`,
        manager.id,
      ),
    );
    expect(forManager).toContain("Only the manager reads this");
    expect(forManager).not.toContain("How useful are your one-to-ones?");

    const evidence = text(
      await render(
        evidenceRoute as unknown as PageModule,
        "/conversations/evidence",
        "/conversations/evidence",
        engineer.id,
      ),
    );
    expect(evidence).toContain("Cut the suite's run time in half");
    expect(evidence).toContain("Share with my manager");
  });

  test("the form to set up a series offers each cadence once, and without a script refuses one the chosen kind does not take on its field, keeping what was typed", async () => {
    const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
    const manager = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m1",
      managerId: boss.id,
    });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const cadenceOptions = (html: string) =>
      [
        ...(html.match(/<select[^>]*name="cadence"[^>]*>(.*?)<\/select>/s)?.[1] ?? "").matchAll(
          /<option value="([^"]*)"/g,
        ),
      ].map((match) => match[1]);
    // Lena may set up a one-to-one with Sam and a skip-level with Bea: every cadence either takes, once.
    const page = await renderPage(
      indexRoute as unknown as PageModule,
      "/conversations",
      "/conversations",
      engineer.id,
    );
    expect(cadenceOptions(page.html)).toEqual([
      "",
      "weekly",
      "fortnightly",
      "monthly",
      "bimonthly",
      "quarterly",
    ]);
    // Sam may set up one-to-ones only (with Lena, and with Bea): their cadences.
    expect(
      cadenceOptions(
        (
          await renderPage(
            indexRoute as unknown as PageModule,
            "/conversations",
            "/conversations",
            manager.id,
          )
        ).html,
      ),
    ).toEqual(["", "weekly", "fortnightly", "monthly"]);

    const refused = await renderPage(
      indexRoute as unknown as PageModule,
      "/conversations",
      "/conversations",
      engineer.id,
      new URLSearchParams({
        pairing: `skip-level:${boss.id}:${engineer.id}`,
        cadence: "weekly",
        firstAt: "2031-03-03T15:30",
        minutes: "45",
      }),
    );
    expect(refused.status).toBe(400);
    // Said on the cadence field (the schema's), not only above the form (the service's).
    expect(refused.html.match(/<select[^>]*name="cadence"[^>]*>/)?.[0]).toContain(
      'aria-invalid="true"',
    );
    expect(text(refused.html)).toContain(
      "A skip-level meets less often. Choose one of these: Every month, Every two months, Every three months.",
    );
    expect(refused.html).toMatch(/name="firstAt"[^>]*value="2031-03-03T15:30"/);
    expect(refused.html).toMatch(/name="minutes"[^>]*value="45"/);
    expect(refused.html).toContain(
      `<option value="skip-level:${boss.id}:${engineer.id}" selected="">`,
    );
    expect(await db.conversationSeries.count({ where: { reportId: engineer.id } })).toBe(0);
  });
});

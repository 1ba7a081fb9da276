import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAppServer, type AppServer } from "../../scripts/app-servers";
import { expect, test as base, type Page } from "./test";
import {
  expectAccessible,
  openDraft,
  openUnhydrated,
  people,
  rateEverything,
  scriptsFetched,
  sectionLink,
  signIn,
  submitAssessment as submit,
} from "./helpers";

/**
 * The whole review journey on the demo organisation: Lena (Engineer II) assesses
 * herself with evidence and submits; Sam, her manager, reviews her; both see the
 * two side by side with disagreements highlighted; Lena reads the gap analysis to
 * Senior Engineer and sets a growth plan.
 *
 * On a demo organisation of its own: it writes Lena's and Sam's reviews, and the README's two demo
 * people are read by most specs on the demo server (specs that share a server never change a person
 * another uses).
 */

const test = base.extend<object, { demo: AppServer }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from its first argument.
    async ({}, run) => {
      const folder = mkdtempSync(join(tmpdir(), "rungs-reviews-"));
      const server = await startAppServer(`file:${join(folder, "rungs.db")}`, {
        env: { SEED_DEMO: "true" },
      });
      await run(server);
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
    // Migrations on a fresh file and the demo's seeding before the server answers.
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ demo }, run) => run(demo.url),
});

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

test("an engineer self-assesses with evidence and submits, the manager reviews, both see the comparison, the engineer reads the gap analysis and sets a growth plan", async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Lena assesses herself.
  await signIn(page, people.engineer.email);
  await page.goto("/assess");
  await openDraft(page, "Start self-assessment");
  await expect(page.getByRole("heading", { name: "Your self-assessment", level: 1 })).toBeVisible();
  // One area at a time, each a page: the first is shown, and "Next" moves on, to the top of the new section.
  await expect(sectionLink(page, "Technical craft")).toHaveAttribute("aria-current", "step");
  await expect(page.getByRole("group", { name: "Rating for Code quality" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Rating for Planning and estimation" })).toHaveCount(
    0,
  );
  await page.getByRole("link", { name: "Next: Delivery →" }).click();
  await expect(page).toHaveURL(/\?section=delivery$/);
  await expect(page.getByRole("heading", { name: "Delivery", level: 2 })).toBeInViewport();
  await expect(page.getByRole("group", { name: "Rating for Code quality" })).toHaveCount(0);
  await expectAccessible(page);

  // Lena is an Engineer II: technical direction starts at Senior Engineer, so 16 of the track's 17.
  expect(
    await rateEverything(page, {
      "Code quality": "Consistent",
      "Testing and verification": "Beyond",
      "Planning and estimation": "Developing",
    }),
  ).toBe(16);
  await sectionLink(page, "Technical craft").click();
  const codeQuality = page.getByRole("region", { name: "Code quality", exact: true });
  // Keyboard users reach the rating first: the next level's dropdowns come after it.
  await codeQuality.focus();
  await page.keyboard.press("Tab");
  await expect(codeQuality.getByRole("radio", { name: "Consistent" })).toBeFocused();
  await codeQuality
    .getByLabel("Notes on Code quality")
    .fill("Split the invoice builder into small, tested modules.");
  await codeQuality.getByLabel("How far this is met").first().selectOption("met");
  await codeQuality.getByText("Add evidence for Code quality").click();
  await codeQuality.getByLabel("What happened").fill("Refactored the billing module in PR 42");
  await codeQuality.getByLabel("Link (optional)").fill("https://example.com/pr/42");
  await codeQuality.getByRole("button", { name: "Add evidence" }).click();
  await expect(
    codeQuality.getByText("Refactored the billing module in PR 42", { exact: true }),
  ).toBeVisible();
  // Evidence half typed (the form stays open after adding) is kept while moving to another section and back.
  await codeQuality.getByLabel("What happened").fill("Paired on the ledger migration");
  await sectionLink(page, "Summary and submit").click();
  await expect(sectionLink(page, "Summary and submit")).toHaveAttribute("aria-current", "step");
  await expect(page.getByRole("region", { name: "Code quality", exact: true })).toHaveCount(0);
  await page
    .getByLabel("Overall summary")
    .fill("A half-year of steady delivery; testing is where I grew most.");
  await sectionLink(page, "Technical craft").click();
  await expect(codeQuality.getByLabel("Notes on Code quality")).toHaveValue(
    "Split the invoice builder into small, tested modules.",
  );
  await expect(codeQuality.getByLabel("What happened")).toHaveValue(
    "Paired on the ledger migration",
  );
  await expect(codeQuality.getByLabel("Consistent", { exact: true })).toBeChecked();
  // Everything typed on other sections was saved too: a fresh load of the summary step shows it.
  await page.goto(`${new URL(page.url()).pathname}?section=summary`);
  await expect(page.getByLabel("Overall summary")).toHaveValue(
    "A half-year of steady delivery; testing is where I grew most.",
  );
  await expect(sectionLink(page, "Technical craft")).toHaveText("Technical craft, 5 of 5 rated");
  // On a slow device she adds to it before the page is live (hydrating puts back a text box's
  // rendered text): what she typed is saved once it is.
  const grewMost = "A half-year of steady delivery; testing is where I grew most, and code review.";
  const release = await openUnhydrated(page, page.url());
  await page.getByLabel("Overall summary").fill(grewMost);
  await release();
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Overall summary")).toHaveValue(grewMost);
  await submit(page, "Submit self-assessment");
  await signOut(page);

  // Sam finds Lena among his reports and reviews her. Her self-assessment, outside any cycle, is on his home page,
  // and the navigation counts what he has to do.
  await signIn(page, people.manager.email);
  await expect(
    page.getByRole("listitem").filter({ hasText: `Review ${people.engineer.name}` }),
  ).toContainText("outside any review cycle");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Home \d+ to do$/ }),
  ).toBeVisible();
  await page.goto("/reviews");
  await page.getByRole("link", { name: people.engineer.name, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: people.engineer.name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/people\/[^/]+$/);
  const growthUrl = new URL(page.url()).pathname;
  await page.getByRole("link", { name: /^(Review Lena|Continue your review of Lena)$/ }).click();
  await openDraft(page, `Start review of ${people.engineer.name}`);
  const draftPath = new URL(page.url()).pathname;

  // The server renders only the section asked for.
  const served = async (search: string) => {
    const html = await (await page.request.get(`${draftPath}${search}`)).text();
    return new Set([...html.matchAll(/name="rating-([a-z0-9-]+)"/g)].map((match) => match[1])).size;
  };
  expect(await served("")).toBe(5);
  expect(await served("?section=delivery")).toBe(3);
  expect(await served("?section=summary")).toBe(0);
  const unknown = await page.request.get(`${draftPath}?section=nonsense`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("This assessment has no such section.");

  // Without JavaScript the section links still work: the server renders the section.
  const noScript = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(draftPath);
  await sectionLink(plain, "Delivery").click();
  await expect(plain).toHaveURL(/\?section=delivery$/);
  await expect(sectionLink(plain, "Delivery")).toHaveAttribute("aria-current", "step");
  await expect(
    plain.getByRole("group", { name: "Rating for Planning and estimation" }),
  ).toBeVisible();
  await expect(plain.getByRole("group", { name: "Rating for Code quality" })).toHaveCount(0);
  // Without JavaScript the draft still saves, through the section's own form, and evidence through a plain form that Enter submits.
  const planning = plain.getByRole("region", { name: "Planning and estimation", exact: true });
  await planning.getByLabel("Notes on Planning and estimation").fill("Written without JavaScript.");
  await plain.getByRole("button", { name: "Save this section", exact: true }).click();
  await expect(plain.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(planning.getByLabel("Notes on Planning and estimation")).toHaveValue(
    "Written without JavaScript.",
  );
  // The form for evidence is opened by a button that saves the section first, so nothing typed is lost.
  await planning
    .getByLabel("Notes on Planning and estimation")
    .fill("Written without JavaScript, then evidence.");
  await planning.getByText("Add evidence for Planning and estimation").click();
  await planning
    .getByRole("button", {
      name: "Save this section, then add evidence for Planning and estimation",
    })
    .click();
  await expect(plain).toHaveURL(/\?section=delivery&saved=1&evidence=planning#planning$/);
  await expect(planning.getByLabel("Notes on Planning and estimation")).toHaveValue(
    "Written without JavaScript, then evidence.",
  );
  await planning.getByLabel("What happened").fill("Planned the checkout migration");
  await planning.getByLabel("Link (optional)").fill("https://example.com/plan");
  await planning.getByLabel("Link (optional)").press("Enter");
  await expect(plain).toHaveURL(/\?section=delivery&evidence=planning$/);
  await expect(planning.getByText("Planned the checkout migration", { exact: true })).toBeVisible();
  await noScript.close();
  // Those saves moved the draft on: the tab with JavaScript picks them up before submitting.
  await page.reload();
  await sectionLink(page, "Delivery").click();
  await expect(page.getByLabel("Notes on Planning and estimation")).toHaveValue(
    "Written without JavaScript, then evidence.",
  );
  // The address the plain form's button comes back to opens the evidence form with JavaScript too.
  await page.goto(`${draftPath}?section=delivery&evidence=planning#planning`);
  await expect(
    page
      .getByRole("region", { name: "Planning and estimation", exact: true })
      .getByLabel("What happened"),
  ).toBeVisible();

  // Submitting too early: every missing rating is listed with a link to its section.
  await sectionLink(page, "Summary and submit").click();
  await expect(page.getByText("16 competencies still need a rating.")).toBeVisible();
  await page.getByLabel("I have finished: lock this review").check();
  await page.getByRole("button", { name: "Submit review" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Not submitted" });
  await expect(refusal).toContainText("16 competencies have no rating yet.");
  await expect(refusal.getByRole("link")).toHaveCount(16);
  await expect(page).toHaveURL(/\?section=summary$/);

  // Each link goes to its competency, which says what is missing until a rating is chosen.
  await refusal.getByRole("link", { name: "Testing and verification" }).click();
  await expect(page).toHaveURL(/\?section=craft&check=1#testing$/);
  const testingRegion = page.getByRole("region", { name: "Testing and verification", exact: true });
  await expect(testingRegion).toBeInViewport();
  const missing = testingRegion.getByText("Choose a rating for Testing and verification.");
  await expect(missing).toBeVisible();
  await testingRegion.getByLabel("Not yet", { exact: true }).check();
  await expect(missing).toBeHidden();

  expect(
    await rateEverything(page, {
      "Code quality": "Developing",
      "Testing and verification": "Not yet",
    }),
  ).toBe(16);
  await sectionLink(page, "Technical craft").click();
  // Notes typed and the next section asked for at once: the link goes once they are saved, so
  // nothing asks to leave and nothing has to be brought back from this browser.
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page
    .getByRole("region", { name: "Testing and verification", exact: true })
    .getByLabel("Notes on Testing and verification")
    .fill("The payments path has few tests.");
  await page.getByRole("link", { name: "Next: Delivery →" }).click();
  await page.getByRole("link", { name: "← Previous: Technical craft" }).click();
  await expect(page.getByLabel("Notes on Testing and verification")).toHaveValue(
    "The payments path has few tests.",
  );
  await expect(page.getByText("Brought back changes")).toBeHidden();
  expect(asked).toEqual([]);
  await sectionLink(page, "Summary and submit").click();
  await submit(page, "Submit review");

  await page.goto(growthUrl);
  const comparison = page.getByRole("table", { name: /side by side/ });
  await expect(comparison.getByRole("row", { name: /Testing and verification/ })).toContainText(
    "Differs by 3 (manager lower)",
  );
  await expect(comparison.getByRole("row", { name: /^Code quality/ })).toContainText(
    "Differs by 1 (manager lower)",
  );
  await expect(comparison.getByRole("row", { name: /Operational ownership/ })).toContainText(
    "Agree",
  );
  await expectAccessible(page);
  await signOut(page);

  // Lena sees both side by side too.
  await signIn(page, people.engineer.email);
  await page.goto(growthUrl);
  await expect(page.getByRole("heading", { name: "Your growth, Lena", level: 1 })).toBeVisible();
  const mine = page.getByRole("table", { name: /side by side/ });
  await expect(mine.getByRole("row", { name: /Testing and verification/ })).toContainText(
    "The payments path has few tests.",
  );
  await expect(page.getByText("1 differs by two or more")).toBeVisible();

  // On a 390 px phone both sides and the agreement of each competency are on screen, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page
    .getByRole("list", { name: /side by side/ })
    .getByRole("listitem")
    .filter({ hasText: "Testing and verification" });
  await card.scrollIntoViewIfNeeded();
  for (const text of ["Manager review", "Self-assessment"])
    await expect(card.getByText(text, { exact: true })).toBeInViewport();
  await expect(card.getByText("Differs by 3 (manager lower)")).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The gap analysis to the next level, from the manager's review, and a growth plan.
  await page
    .getByRole("navigation", { name: "Lena Fischer's growth" })
    .getByRole("link", { name: "Gap analysis" })
    .click();
  await expect(page.getByRole("heading", { name: /Gap to Senior Engineer/ })).toBeVisible();
  // Opened as a document (a link in an email, a bookmark), the gap and its plan are sent without the
  // app's scripts, and everything below works as HTML (decision 155).
  const gapScripts = scriptsFetched(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: /Gap to Senior Engineer/ })).toBeVisible();
  await expect(page.getByText(/Manager's side: the latest submitted manager review/)).toBeVisible();
  await expect(page.getByText(/Your side: the latest submitted self-assessment/)).toBeVisible();
  await expect(page.getByLabel("Gap to level")).toHaveValue("ic3");
  await expect(page.getByText(/How this is worked out/)).toBeVisible();
  const testing = page.getByRole("region", { name: "Testing and verification", exact: true });
  // A competency's expectations are disclosed on request (open for the plan's focus).
  await testing.getByText(/^Its \d+ expectations$/).click();
  await expect(
    testing.getByText("Not met (derived from the manager's rating)").first(),
  ).toBeVisible();
  // Both sides' ratings are shown where they differ.
  await expect(
    page
      .getByRole("region", { name: "Code quality", exact: true })
      .getByText("Rated 2 Developing by the manager (you: 3)"),
  ).toBeVisible();
  // The plan comes after the analysis it depends on.
  const analysisTop = (await page
    .getByRole("heading", { name: "Competency by competency" })
    .boundingBox())!.y;
  const planTop = (await page.getByRole("button", { name: "Save growth plan" }).boundingBox())!.y;
  expect(planTop).toBeGreaterThan(analysisTop);
  await expectAccessible(page);

  for (const name of [
    "Testing and verification",
    "Code quality",
    "Planning and estimation",
    "System design and architecture",
  ]) {
    await page.getByRole("checkbox", { name }).check();
  }
  await page.getByRole("button", { name: "Save growth plan" }).click();
  await expect(page.getByText("Choose at most 3 focus competencies.")).toBeVisible();
  await page.getByRole("checkbox", { name: "System design and architecture" }).uncheck();
  await page.getByRole("button", { name: "Save growth plan" }).click();
  await expect(page.getByText("Growth plan saved.")).toBeVisible();
  await expect(
    page.getByText(
      /Current plan: towards Senior Engineer, focusing on Code quality, Testing and verification, Planning and estimation/,
    ),
  ).toBeVisible();

  // Looking at a move to management shows what has never been assessed.
  await page.getByLabel("Gap to level").selectOption({ label: "Engineering Manager" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Gap to Engineering Manager/ })).toBeVisible();
  const teamHealth = page.getByRole("region", { name: "Team health and inclusion", exact: true });
  await teamHealth.getByText(/^Its \d+ expectations$/).click();
  await expect(teamHealth.getByText("Not assessed").first()).toBeVisible();
  expect(gapScripts).toEqual([]);

  // History and the picture of the current profile, with its table.
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("img", { name: /current ratings against the bar/ })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Current ratings against the bar, as a table" })
      .getByRole("row", { name: /Testing and verification/ }),
  ).toContainText("2 below");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Growth plan" })).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Testing and verification" }).first(),
  ).toBeVisible();

  // The print view carries the evidence.
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(
    page.getByRole("heading", { name: "Review of Lena Fischer", level: 1 }),
  ).toBeVisible();
  await expect(page.getByText("Refactored the billing module in PR 42")).toBeVisible();
  await expectAccessible(page);
});

test("a peer cannot open someone else's growth page", async ({ page }) => {
  await signIn(page, people.manager.email);
  await page.goto("/reviews");
  await page.getByRole("link", { name: people.engineer.name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/people\/[^/]+$/);
  const growthUrl = new URL(page.url()).pathname;
  await signOut(page);

  // Marta is on Lena's team, not in her manager chain. (Oliver's account is the one the throttling
  // test locks; opportunities.spec.ts changes Jonas, Chloe and Ravi's promotions.spec.ts.)
  await signIn(page, "marta.kowalska@example.com");
  const response = await page.goto(growthUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  // An address no page has reads in the product's words, not the router's.
  expect((await page.goto("/growth-of-lena"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("There is no page at this address.", { exact: false })).toBeVisible();
  await expect(page.getByText(/No route matches/)).toHaveCount(0);
});

test("after the reviews, each cell of a person's heat strip on the team overview names its competency and rating", async ({
  page,
}) => {
  await signIn(page, people.manager.email);
  await page.goto("/team");
  const lena = page.getByRole("row").filter({ hasText: "Lena Fischer" });
  const strip = lena.getByRole("img");
  await expect(strip).toHaveAttribute("aria-label", /^Code quality 2 \(Developing\), /);
  await expect(lena.getByText(/^Manager review, /)).toBeVisible();
  // A cell's own tooltip shows as the pointer reaches it, from the page's styles: the page is sent
  // without the app's scripts (decision 136).
  const tooltip = async (index: number) => {
    const cell = strip.locator("[data-heat]").nth(index);
    await cell.hover();
    const content = await cell.evaluate((element) => getComputedStyle(element, "::after").content);
    return (content.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((part) => JSON.parse(part)).join("");
  };
  expect(await tooltip(0)).toBe("Code quality: 2 Developing");
  expect(await tooltip(1)).toBe("Testing and verification: 1 Not yet");
  // Not shown until then.
  await page.mouse.move(0, 0);
  expect(
    await strip
      .locator("[data-heat]")
      .first()
      .evaluate((element) => getComputedStyle(element, "::after").content),
  ).toBe("none");
});

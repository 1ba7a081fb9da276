import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, people, signIn } from "./helpers";

/**
 * The whole review journey on the demo organisation: Lena (Engineer II) assesses
 * herself with evidence and submits; Sam, her manager, reviews her; both see the
 * two side by side with disagreements highlighted; Lena reads the gap analysis to
 * Senior Engineer and sets a growth plan.
 */

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

/** Opens the author's draft from its start page, whether or not one was already under way. */
async function openDraft(page: Page, startLabel: string) {
  const start = page.getByRole("button", { name: startLabel });
  const ratings = page.getByRole("group", { name: /^Rating for / });
  await expect(start.or(ratings.first())).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(page).toHaveURL(/\/assessments\//);
  await expect(ratings.first()).toBeEnabled();
}

/** Rates every competency: `Consistent` unless `ratings` says otherwise (competency name -> scale label). */
async function rateEverything(page: Page, ratings: Record<string, string>) {
  const groups = page.getByRole("group", { name: /^Rating for / });
  const count = await groups.count();
  expect(count).toBe(17);
  for (let index = 0; index < count; index++) {
    const group = groups.nth(index);
    const name = (await group.locator("legend").first().innerText()).replace(/^Rating for /, "").replace(/\s*No evidence$/, "");
    await group.getByLabel(ratings[name] ?? "Consistent", { exact: true }).check();
  }
}

async function submit(page: Page, label: string) {
  await expect(page.getByText("Every competency is rated").first()).toBeVisible();
  await page.getByRole("button", { name: label }).click();
  await expect(page.getByRole("button", { name: label })).toHaveCount(0);
  await expect(page.getByText(/^Submitted \d/).first()).toBeVisible();
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
  await rateEverything(page, { "Code quality": "Consistent", "Testing and verification": "Beyond", "Planning and estimation": "Developing" });
  const codeQuality = page.getByRole("region", { name: "Code quality", exact: true });
  await codeQuality.getByLabel("Notes on Code quality").fill("Split the invoice builder into small, tested modules.");
  await codeQuality.getByLabel("How far this is met").first().selectOption("met");
  await codeQuality.getByText("Add evidence for Code quality").click();
  await codeQuality.getByLabel("What happened").fill("Refactored the billing module in PR 42");
  await codeQuality.getByLabel("Link (optional)").fill("https://example.com/pr/42");
  await codeQuality.getByRole("button", { name: "Add evidence" }).click();
  await expect(codeQuality.getByText("Refactored the billing module in PR 42", { exact: true })).toBeVisible();
  await page.getByLabel("Overall summary").fill("A half-year of steady delivery; testing is where I grew most.");
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await submit(page, "Submit self-assessment");
  await signOut(page);

  // Sam finds Lena among his reports and reviews her.
  await signIn(page, people.manager.email);
  await page.goto("/reviews");
  await page.getByRole("link", { name: people.engineer.name, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: people.engineer.name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/people\/[^/]+$/);
  const growthUrl = new URL(page.url()).pathname;
  await page.getByRole("link", { name: /^(Review Lena|Continue your review of Lena)$/ }).click();
  await openDraft(page, `Start review of ${people.engineer.name}`);
  await rateEverything(page, { "Code quality": "Developing", "Testing and verification": "Not yet" });
  await page.getByRole("region", { name: "Testing and verification", exact: true }).getByLabel("Notes on Testing and verification").fill("The payments path has few tests.");
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await submit(page, "Submit review");

  await page.goto(growthUrl);
  const comparison = page.getByRole("table", { name: /side by side/ });
  await expect(comparison.getByRole("row", { name: /Testing and verification/ })).toContainText("Differs by 3 (manager lower)");
  await expect(comparison.getByRole("row", { name: /^Code quality/ })).toContainText("Differs by 1 (manager lower)");
  await expect(comparison.getByRole("row", { name: /Operational ownership/ })).toContainText("Agree");
  await expectAccessible(page);
  await signOut(page);

  // Lena sees both side by side too.
  await signIn(page, people.engineer.email);
  await page.goto(growthUrl);
  await expect(page.getByRole("heading", { name: "Your growth, Lena", level: 1 })).toBeVisible();
  const mine = page.getByRole("table", { name: /side by side/ });
  await expect(mine.getByRole("row", { name: /Testing and verification/ })).toContainText("The payments path has few tests.");
  await expect(page.getByText("1 differ by two or more")).toBeVisible();

  // The gap analysis to the next level, from the manager's review, and a growth plan.
  await page.getByRole("navigation", { name: "Lena Fischer's growth" }).getByRole("link", { name: "Gap analysis" }).click();
  await expect(page.getByRole("heading", { name: /Gap to Senior Engineer/ })).toBeVisible();
  await expect(page.getByText(/Based on the latest submitted manager review/)).toBeVisible();
  await expect(page.getByLabel("Target level")).toHaveValue("ic3");
  const testing = page.getByRole("region", { name: "Testing and verification", exact: true });
  await expect(testing.getByText("Not met (from rating)").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Code quality", exact: true }).getByText("Rated 2 Developing")).toBeVisible();
  await expectAccessible(page);

  for (const name of ["Testing and verification", "Code quality", "Planning and estimation", "System design and architecture"]) {
    await page.getByRole("checkbox", { name }).check();
  }
  await page.getByRole("button", { name: "Save growth plan" }).click();
  await expect(page.getByText("Choose at most 3 focus competencies.")).toBeVisible();
  await page.getByRole("checkbox", { name: "System design and architecture" }).uncheck();
  await page.getByRole("button", { name: "Save growth plan" }).click();
  await expect(page.getByText("Growth plan saved.")).toBeVisible();
  await expect(page.getByText(/Current plan: towards Senior Engineer, focusing on Code quality, Testing and verification, Planning and estimation/)).toBeVisible();

  // Looking at a move to management shows what has never been assessed.
  await page.getByLabel("Target level").selectOption({ label: "Engineering Manager" });
  await expect(page.getByRole("heading", { name: /Gap to Engineering Manager/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Team health and inclusion", exact: true }).getByText("Not assessed").first()).toBeVisible();

  // History and the picture of the current profile, with its table.
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("img", { name: /current ratings against the bar/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Current ratings against the bar, as a table" }).getByRole("row", { name: /Testing and verification/ })).toContainText("2 below");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Growth plan" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Testing and verification" }).first()).toBeVisible();

  // The print view carries the evidence.
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page.getByRole("heading", { name: "Review of Lena Fischer", level: 1 })).toBeVisible();
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

  // Jonas is on Lena's team, not in her manager chain. (Oliver's account is the one the throttling test locks.)
  await signIn(page, "jonas.berg@example.com");
  const response = await page.goto(growthUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

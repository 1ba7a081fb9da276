import { expect, test } from "@playwright/test";
import { expectAccessible, people, signIn } from "./helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, people.engineer.email);
});

test("an engineer browses a track's matrix and opens one level in full", async ({ page }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ladders" }).click();
  await expect(page.getByRole("heading", { name: "Ladders", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Individual contributor" }).first().click();

  const matrix = page.getByRole("table", { name: /Individual contributor: expectations/ });
  await expect(matrix.getByRole("columnheader", { name: "Senior Engineer" })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: "Code quality" })).toBeVisible();
  // The engineer's own level stands out, and only that one.
  await expect(matrix.getByRole("columnheader", { name: "Engineer II Your level" })).toBeVisible();
  await expect(matrix.getByText("Your level")).toHaveCount(1);
  await expectAccessible(page);

  await matrix.getByRole("link", { name: "Senior Engineer" }).click();
  await expect(page.getByRole("heading", { name: "Senior Engineer", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Code quality", level: 3 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tech Lead", exact: true })).toHaveAttribute("href", "/ladders/engineering/levels/tl1");
  await expectAccessible(page);
});

test("comparing two levels shows only what the higher level adds", async ({ page }) => {
  await page.goto("/ladders/engineering/levels/ic2");
  await page.getByRole("link", { name: "What Senior Engineer adds" }).click();
  await expect(page).toHaveURL(/compare\?from=ic2&to=ic3/);
  await expect(page.getByRole("heading", { name: "What Senior Engineer asks that Engineer II does not, and the reverse" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Only at Senior Engineer" }).first()).toBeVisible();

  await page.getByLabel("From").selectOption({ label: "Senior Engineer" });
  await page.getByLabel("To").selectOption({ label: "Engineering Manager" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: "What Engineering Manager asks that Senior Engineer does not, and the reverse" })).toBeVisible();
  await expect(page.getByText("Only in Engineering Manager's track").first()).toBeVisible();
  await expectAccessible(page);
});

test("search finds expectations and links to where they are", async ({ page }) => {
  await page.goto("/ladders/engineering");
  await page.getByRole("searchbox", { name: "Search expectations" }).fill("runbook");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Search expectations" })).toBeVisible();
  const results = page.getByRole("listitem").filter({ has: page.locator("mark") });
  await expect(results.first()).toBeVisible();
  await results.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/ladders\/engineering\/levels\/[a-z0-9-]+#[a-z-]+/);
});

test("a level that does not exist is a clear 404", async ({ page }) => {
  const response = await page.goto("/ladders/engineering/levels/ic42");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("This ladder has no such level.")).toBeVisible();
});

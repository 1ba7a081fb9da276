import { expect, test, type Page } from "./test";
import { people, signIn } from "./helpers";

/** Counts the whole documents the tab loads from now on (a link followed in the page loads none). */
function countDocuments(page: Page) {
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      documents.push(request.url());
  });
  return documents;
}

test("the navigation and a list's links open pages without reloading the document, and say which page is current", async ({
  page,
}) => {
  await signIn(page, people.admin.email);
  // Followed once the page has hydrated (its scripts loaded): until then a link loads a whole document.
  await page.waitForLoadState("networkidle");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /^Home/ })).toHaveAttribute("aria-current", "page");
  const documents = countDocuments(page);

  await nav.getByRole("link", { name: "People", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "People", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(nav.getByRole("link", { name: /^Home/ })).not.toHaveAttribute("aria-current", /./);

  const first = page.getByRole("table").getByRole("rowheader").first().getByRole("link");
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/admin\/people\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // Under /admin/people, the People link is still the current section.
  await expect(nav.getByRole("link", { name: "People", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  expect(documents).toEqual([]);

  // Back returns to the list, still in the page.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  expect(documents).toEqual([]);
});

test("without scripts the same links are ordinary links", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, people.admin.email);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "People", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  const first = page.getByRole("table").getByRole("rowheader").first().getByRole("link");
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await context.close();
});

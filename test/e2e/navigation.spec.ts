import { expect, test, type Page } from "./test";
import { hydrated, people, signIn } from "./helpers";

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
  // From a page with the app's scripts (home is sent without them, decision 134), once they hold
  // it: until then a link loads a whole document.
  await page.goto("/reviews");
  await hydrated(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Reviews" })).toHaveAttribute("aria-current", "page");
  const documents = countDocuments(page);

  await nav.getByRole("link", { name: "People", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "People", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(nav.getByRole("link", { name: "Reviews" })).not.toHaveAttribute("aria-current", /./);

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

test("each section opened from the navigation brings its own words: worded as the server words it, with nothing failing on the way", async ({
  page,
}) => {
  // The browser fetches only the messages of the namespaces a page words from, and a page opened
  // without a new document fetches its own before it shows (decision 104).
  test.setTimeout(120_000);
  const failures: string[] = [];
  const watch = (watched: Page) => {
    watched.on("pageerror", (error) => failures.push(error.message));
    watched.on("console", (message) => {
      if (message.type() === "error") failures.push(message.text());
    });
  };
  watch(page);
  await signIn(page, people.admin.email);
  // Home is sent without the app's scripts (decision 134): the walk starts on a page with them.
  await page.goto("/reviews");
  await page.waitForLoadState("networkidle");
  await hydrated(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  const documents = countDocuments(page);
  const sections = await nav
    .getByRole("link")
    .evaluateAll((links) =>
      links
        .map((link) => (link as HTMLAnchorElement).pathname)
        .filter((path) => path !== "/reviews"),
    );
  expect(sections.length).toBeGreaterThan(5);
  // Each page as a whole document, worded by the server, read beside (some are sent without the
  // app's scripts, decision 134: reloaded here, the next link would open a document of its own).
  const whole = await page.context().newPage();
  watch(whole);
  const heading = page.getByRole("heading", { level: 1 });
  for (const path of sections) {
    const before = await heading.innerText();
    await nav.locator(`a[href="${path}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    // The address changes as the navigation starts; the page shows once its words are in.
    await expect(heading).not.toHaveText(before);
    const opened = await page.locator("main").innerText();
    await whole.goto(path);
    await expect(whole.getByRole("heading", { level: 1 })).toBeVisible();
    expect(opened, path).toBe(await whole.locator("main").innerText());
  }
  // Every section opened in place.
  expect(documents).toEqual([]);
  expect(failures).toEqual([]);
});

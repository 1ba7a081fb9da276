import { expect, test, type Page } from "./test";
import {
  DEMO_PASSWORD,
  expectAccessible,
  hydrated,
  people,
  scriptsFetched,
  signIn,
} from "./helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, people.engineer.email);
});

test("an engineer browses a track's matrix and opens one level in full", async ({ page }) => {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Ladders" })
    .click();
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
  await expect(page.getByRole("link", { name: "Tech Lead", exact: true })).toHaveAttribute(
    "href",
    "/ladders/engineering/levels/tl1",
  );
  await expectAccessible(page);
});

test("comparing levels opens on the engineer's own level against the next, in picker order, and shows only what changes", async ({
  page,
}) => {
  await page.goto("/ladders/engineering/compare");
  await expect(page.getByLabel("From")).toHaveValue("ic2");
  await expect(page.getByLabel("To")).toHaveValue("ic3");
  await expect(
    page.getByRole("heading", { name: "From Engineer II to Senior Engineer: what changes" }),
  ).toBeVisible();
  // Columns follow the pickers: the From level on the left.
  const card = page.getByRole("heading", { name: /^Code quality/, level: 3 }).locator("..");
  const left = (await card.getByRole("heading", { name: "Only at Engineer II" }).boundingBox())!.x;
  const right = (await card
    .getByRole("heading", { name: "Only at Senior Engineer" })
    .boundingBox())!.x;
  expect(left).toBeLessThan(right);
  await expect(page.getByText("Expected at Senior Engineer only")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("From").selectOption({ label: "Senior Engineer" });
  await page.getByLabel("To").selectOption({ label: "Engineering Manager" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/compare\?from=ic3&to=m1/);
  await expect(
    page.getByRole("heading", {
      name: "From Senior Engineer to Engineering Manager: what changes",
    }),
  ).toBeVisible();
  await expect(page.getByText("Only in the Engineering manager track").first()).toBeVisible();
  await expectAccessible(page);
});

test("a level's link to the next one opens the comparison of the two", async ({ page }) => {
  await page.goto("/ladders/engineering/levels/ic3");
  await page.getByRole("link", { name: "What Staff Engineer adds" }).click();
  await expect(page).toHaveURL(/compare\?from=ic3&to=ic4/);
  await expect(
    page.getByRole("heading", { name: "From Senior Engineer to Staff Engineer: what changes" }),
  ).toBeVisible();
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

test("printed, the track matrix fits landscape A4: every level on the page, the header row on every page", async ({
  page,
}) => {
  await page.goto("/ladders/engineering/tracks/ic");
  // A4 landscape less 10 mm margins, at 96 px per inch: 277 mm × 190 mm.
  const paper = { width: 1047, height: 718 };
  await page.setViewportSize(paper);
  await page.emulateMedia({ media: "print" });
  const matrix = page.getByRole("table", { name: /Individual contributor: expectations/ });
  for (const title of ["Engineer I", "Staff Engineer", "Principal Engineer"]) {
    const header = (await matrix
      .getByRole("columnheader", { name: title, exact: true })
      .boundingBox())!;
    expect(header.x + header.width, title).toBeLessThanOrEqual(paper.width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    paper.width,
  );
  await expect(matrix.locator("thead")).toHaveCSS("display", "table-header-group");
  const pageRules = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules]
        .filter((rule) => rule instanceof CSSPageRule)
        .map((rule) => (rule as CSSPageRule).style.getPropertyValue("size")),
    ),
  );
  expect(pageRules.map((size) => size.toLowerCase())).toContain("a4 landscape");
});

/** The browser's print dialog, counted in the page instead of opened. */
const countPrints = () => {
  const counted = window as unknown as { printed: number };
  counted.printed = 0;
  window.print = () => {
    counted.printed += 1;
  };
};
const printed = (page: Page) =>
  page.evaluate(() => (window as unknown as { printed: number }).printed);

test("the ladder's pages, the sign-in page and home come without the app's scripts and still work: print, theme, the phone's menu, signing in (decision 134)", async ({
  page,
  browser,
}) => {
  const scripts = scriptsFetched(page);
  await page.addInitScript(countPrints);
  await page.goto("/ladders/engineering/levels/ic3");
  await expect(page.getByRole("heading", { name: "Senior Engineer", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Print or save as PDF" }).click();
  expect(await printed(page)).toBe(1);
  // Without scripts the theme is applied by its own button, and the page comes back in it.
  const theme = page.getByRole("form", { name: "Colour theme" });
  await theme.getByLabel("Theme").selectOption("dark");
  await theme.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page).toHaveURL(/\/ladders\/engineering\/levels\/ic3$/);
  // On a phone the menu is a link that shows the navigation.
  await page.setViewportSize({ width: 390, height: 844 });
  const navigation = page.getByRole("navigation", { name: "Main" });
  await expect(navigation).toBeHidden();
  await page.getByRole("link", { name: "Menu" }).click();
  await expect(navigation.getByRole("link", { name: "Reviews" })).toBeVisible();
  expect(scripts).toEqual([]);

  // A page that needs them comes with them, and a ladder page it opens in place prints once.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/reviews");
  await hydrated(page);
  expect(scripts.length).toBeGreaterThan(0);
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await navigation.getByRole("link", { name: "Ladders" }).click();
  await page.getByRole("link", { name: "Individual contributor" }).first().click();
  await expect(
    page.getByRole("heading", { name: "Individual contributor", level: 1 }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Print or save as PDF" }).click();
  expect(await printed(page)).toBe(1);
  // The goal tree, links and a form that gets, opened as a document fetches none either.
  const fetched = scripts.length;
  await page.goto("/goals");
  await expect(page.getByRole("heading", { name: "Goals", level: 1 })).toBeVisible();
  expect(scripts.length).toBe(fetched);

  const signedOut = await browser.newContext();
  const visitor = await signedOut.newPage();
  const visitorScripts = scriptsFetched(visitor);
  await visitor.goto("/login");
  await visitor.getByLabel("Email").fill(people.engineer.email);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  // Checked by the server, in the page's words, with what was typed kept.
  await expect(visitor.getByText("Enter your password.")).toBeVisible();
  await expect(visitor.getByLabel("Email")).toHaveValue(people.engineer.email);
  expect(visitorScripts).toEqual([]);
  await visitor.getByLabel("Password").fill(DEMO_PASSWORD);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  // Home, where signing in lands, is links and to-dos: no scripts either, until a page needs them.
  await expect(visitor.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(visitorScripts).toEqual([]);
  await visitor
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Reviews" })
    .click();
  await expect(visitor).toHaveURL(/\/reviews$/);
  await hydrated(visitor);
  expect(visitorScripts.length).toBeGreaterThan(0);
  await signedOut.close();
});

test("the pages people read, opened as documents, come without the app's scripts: the team overview filtered, a report's page, the audit log, the validity report (decision 136)", async ({
  browser,
}) => {
  const open = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    return { context, page, scripts: scriptsFetched(page) };
  };

  const manager = await open(people.manager.email);
  await manager.page.goto("/team");
  await expect(manager.page.getByRole("heading", { name: "Your team", level: 1 })).toBeVisible();
  const filters = manager.page.getByRole("search", { name: "Filter your team" });
  await filters.getByLabel("Show").selectOption({ label: "Only people needing attention" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(manager.page).toHaveURL(/[?&]show=attention/);
  await expect(
    manager.page.getByRole("search", { name: "Filter your team" }).getByLabel("Show"),
  ).toHaveValue("attention");
  await manager.page.getByRole("link", { name: "Clear filters" }).click();
  await manager.page
    .getByRole("row")
    .filter({ hasText: "Lena Fischer" })
    .getByRole("link", { name: "Lena Fischer", exact: true })
    .click();
  await expect(manager.page.getByRole("heading", { name: "Lena Fischer", level: 1 })).toBeVisible();
  expect(manager.scripts).toEqual([]);
  await manager.context.close();

  const admin = await open(people.admin.email);
  await admin.page.goto("/admin/audit");
  await expect(admin.page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await admin.page.goto("/hiring/validity");
  await expect(
    admin.page.getByRole("heading", { name: "Validity of interview scores", level: 1 }),
  ).toBeVisible();
  expect(admin.scripts).toEqual([]);
  await admin.context.close();
});

import { expect, type Page, type Route } from "@playwright/test";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "rungs-demo-2026";

export const people = {
  admin: { email: "priya.raman@example.com", name: "Priya Raman" },
  manager: { email: "sam.okafor@example.com", name: "Sam Okafor" },
  engineer: { email: "lena.fischer@example.com", name: "Lena Fischer" },
  hiringAdmin: { email: "grace.liu@example.com", name: "Grace Liu" },
};

/**
 * Signs in for a test that is about something else: the sign-in form's own request, posted from the
 * page's browser context (its session cookie lands there), then home. The tests about signing in
 * use the form itself (signInThroughForm).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const answer = await page.request.post("/login", {
    form: { email, password, redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(
    answer.status(),
    `signing in as ${email}: ${answer.status() === 302 ? "" : await answer.text()}`,
  ).toBe(302);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Signs in as a person does: the sign-in page, its form, and home. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** The axe-core that the builder itself depends on (its `source`, the script it would evaluate). */
const axeCoreSource: string = createRequire(
  createRequire(import.meta.url).resolve("@axe-core/playwright"),
)("axe-core").source;
/** What the builder evaluates before each run once axe-core is in the document. */
const AXE_ALREADY_IN_THE_PAGE = "void 0";

/**
 * axe on the page as it is now. Rungs' pages hold no frames, so axe runs in the page alone
 * ("legacy mode"): the default runs it per frame and then merges the results in a blank page it
 * opens for each check, which doubled the time of every check and found nothing more.
 *
 * axe-core (650 KB) is put in a document once, here, and the builder is given a source of nothing
 * to evaluate (its documented `axeSource` option): left to itself it sends and evaluates the whole
 * source twice on every run, four times a page in the sweep (light, then dark), which was much of
 * the test runner's and the page's CPU. A page loaded again is a new document and gets it again.
 */
async function axe(page: Page): Promise<AxeBuilder> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeCoreSource);
  return new AxeBuilder({ page, axeSource: AXE_ALREADY_IN_THE_PAGE })
    .setLegacyMode()
    .options({ resultTypes: ["violations"] });
}

/**
 * The rules whose result depends on the page's colours. The theme changes colours alone (the same
 * document, the same layout), so a page seen in the light theme is checked again in the dark against
 * these only.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** Serious and critical violations on the page as it is now (of `rules` alone when given), one line each. */
export async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = await axe(page);
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Fails on serious or critical accessibility violations (of `rules` alone when given). */
export async function expectAccessible(page: Page, rules?: string[]) {
  expect(await seriousViolations(page, rules)).toEqual([]);
}

/**
 * As expectAccessible, at a desktop (1280 px) and a phone (390 px) width, in the light and the
 * dark theme (the "system" theme follows the colour-scheme preference): for pages the
 * accessibility sweep (accessibility.spec.ts) cannot reach in the demo organisation as seeded.
 */
export async function expectAccessibleInEveryView(page: Page) {
  const viewport = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expectAccessible(page, colorScheme === "dark" ? COLOUR_RULES : undefined);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  if (viewport) await page.setViewportSize(viewport);
}

/** Headings never skip a level going down (an h2 is followed by an h3 at most, not an h4). */
export async function expectHeadingsInOrder(page: Page) {
  const levels = await page
    .locator("main")
    .evaluate((main) =>
      [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")]
        .filter((heading) => (heading as HTMLElement).offsetParent !== null)
        .map((heading) => Number(heading.tagName[1])),
    );
  const skips = levels.flatMap((level, index) =>
    index > 0 && level > levels[index - 1]! + 1 ? [`h${levels[index - 1]} → h${level}`] : [],
  );
  expect(skips).toEqual([]);
}

/** Opens the author's draft from its start page, whether or not one was already under way. */
export async function openDraft(page: Page, startLabel: string) {
  const start = page.getByRole("button", { name: startLabel });
  const ratings = page.getByRole("group", { name: /^Rating for / });
  await expect(start.or(ratings.first())).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(page).toHaveURL(/\/assessments\//);
  // The address changes before the draft's page replaces the start page (a transition): wait for
  // the start button to go and the draft's ratings to show before counting anything on it.
  await expect(start).toHaveCount(0);
  await expect(ratings.first()).toBeVisible();
  // Opened in place or as a document (decision 169): the draft is kept once the page has loaded.
  await page.waitForLoadState("load");
}

/** The section navigator at the top of the draft, and the rated count its link for an area shows. */
export const sectionNav = (page: Page) => page.getByRole("navigation", { name: "Sections" });
export const sectionLink = (page: Page, name: string) =>
  sectionNav(page).getByRole("link", {
    name: new RegExp(`^${name}\\s*(,\\s*\\d+ of \\d+ rated)?$`),
  });

/**
 * Rates every competency, walking the sections one area at a time through the
 * navigator: `Consistent` unless `ratings` says otherwise (competency name -> scale label). Returns how many it rated.
 */
export async function rateEverything(
  page: Page,
  ratings: Record<string, string> = {},
): Promise<number> {
  const links = sectionNav(page).getByRole("link");
  // count() does not wait: first the draft's areas, each with its rated count, must be there.
  await expect(links.first()).toHaveText(/, \d+ of \d+ rated$/);
  const count = await links.count();
  await expect(links.last()).toHaveText("Summary and submit");
  let rated = 0;
  for (let index = 0; index < count - 1; index++) {
    const link = links.nth(index);
    const [, area, total] =
      /^(.+), \d+ of (\d+) rated$/.exec((await link.textContent()) ?? "") ?? [];
    expect(area, "an area link names the area and its rated count").toBeTruthy();
    if ((await link.getAttribute("aria-current")) !== "step") await link.click();
    await expect(link).toHaveAttribute("aria-current", "step");
    const section = page.getByRole("region", { name: area!, exact: true });
    await expect(section.getByRole("heading", { name: area!, level: 2 })).toBeVisible();
    const groups = section.getByRole("group", { name: /^Rating for / });
    await expect(groups).toHaveCount(Number(total));
    // Only this area's competencies are on the page.
    await expect(page.getByRole("group", { name: /^Rating for / })).toHaveCount(Number(total));
    for (let group = 0; group < Number(total); group++) {
      const ratingGroup = groups.nth(group);
      const name = (await ratingGroup.locator("legend").first().innerText())
        .replace(/^Rating for /, "")
        .replace(/\s*No evidence$/, "");
      await ratingGroup.getByLabel(ratings[name] ?? "Consistent", { exact: true }).check();
    }
    await expect(link).toHaveText(`${area}, ${total} of ${total} rated`);
    rated += Number(total);
  }
  return rated;
}

export async function submitAssessment(page: Page, label: string) {
  await expect(page.getByText("Every competency is rated").first()).toBeVisible();
  // Submitting locks the assessment, so it asks once more: by its tick box in a document sent
  // without the app's scripts (decision 169), in a dialog where the app opened the draft in place.
  await expect(page.getByRole("heading", { name: "Summary and submit", level: 2 })).toBeVisible();
  const tick = page.getByLabel(/^I have finished: lock /);
  if (await tick.isVisible()) {
    await tick.check();
    await page.getByRole("button", { name: label }).click();
  } else {
    await page.getByRole("button", { name: label }).click();
    const confirmation = page.getByRole("dialog", { name: /^Submit your/ });
    await expect(confirmation).toContainText(
      "Once submitted it is locked and can no longer be changed. Every competency is rated.",
    );
    await confirmation.getByRole("button", { name: label }).click();
  }
  await expect(page.getByRole("button", { name: label })).toHaveCount(0);
  await expect(page.getByText(/^Submitted \d/).first()).toBeVisible();
}

/** The page scripts' files (decision 168; scripts/page-script-plugin.ts names each by its hash). */
export const PAGE_SCRIPT = {
  plain: /\/assets\/plain-page-page-[\w-]{8}\.js$/,
  draft: /\/assets\/kept-draft-page-[\w-]{8}\.js$/,
};
const isPageScript = (url: string) => Object.values(PAGE_SCRIPT).some((file) => file.test(url));

/**
 * The app's scripts `page` fetches from now on, as a list that grows: a page sent as HTML (decisions
 * 134 to 136, 142, 143) fetches none. With `"page"`, the page scripts it fetches instead (decision
 * 168): every such page the plain page script, a draft's page the draft script too.
 */
export function scriptsFetched(page: Page, which: "app" | "page" = "app"): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" && isPageScript(request.url()) === (which === "page"))
      scripts.push(request.url());
  });
  return scripts;
}

/**
 * Waits until React holds the page: its body and every form control carry React's props (the
 * page's content hydrates inside the root's Suspense boundary, after the body). A value chosen or a
 * file picked before then is reset or reaches no handler. Some pages keep an event stream open, so
 * "network idle" is no sign of it.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const held = (element: Element) =>
      Object.keys(element).some((key) => key.startsWith("__reactProps$"));
    return (
      held(document.body) &&
      [...document.querySelectorAll("main form, main input, main select, main textarea")].every(
        held,
      )
    );
  });
}

/**
 * Opens `url` with the page's scripts held back, so it stays as the server rendered it (not yet
 * hydrated, as on a slow device) until the returned `release` lets them load; `release` resolves
 * once the page has hydrated, or, in a document sent without the app's scripts, once it has loaded.
 */
export async function openUnhydrated(page: Page, url: string): Promise<() => Promise<void>> {
  let letThrough = () => {};
  const released = new Promise<void>((resolve) => (letThrough = resolve));
  const scripts = /\/assets\/.*\.js$/;
  const hold = async (route: Route) => {
    await released;
    await route.continue();
  };
  await page.route(scripts, hold);
  await page.goto(url, { waitUntil: "commit" });
  return async () => {
    letThrough();
    // A document sent without the app's scripts is never hydrated: its page scripts have run once it has loaded.
    await page.waitForLoadState("load");
    if (await page.evaluate(() => "__reactRouterContext" in window)) await hydrated(page);
    await page.unroute(scripts, hold);
  };
}

/**
 * Moves a calibration session on to `label` from its page. A move cannot be undone, so the page
 * asks first: as HTML (decision 163) by a tick box beside the button, in the app by a dialog.
 */
export async function moveSession(page: Page, label: string) {
  await askToMoveSession(page, label);
  await expect(page.getByText(`State: ${label}`)).toBeVisible();
}

/** Asks for the move as `moveSession` does, for a move the page may refuse. */
export async function askToMoveSession(page: Page, label: string) {
  const tick = page.getByLabel(`I understand: the session moves to ${label} and cannot go back`);
  if (await tick.count()) {
    await tick.check();
    await page.getByRole("button", { name: `Move to: ${label}` }).click();
  } else {
    await page.getByRole("button", { name: `Move to: ${label}` }).click();
    await page
      .getByRole("dialog", { name: `Move the session to ${label}?` })
      .getByRole("button", { name: `Move to: ${label}` })
      .click();
  }
}

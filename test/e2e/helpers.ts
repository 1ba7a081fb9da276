import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "rungs-demo-2026";

export const people = {
  admin: { email: "priya.raman@example.com", name: "Priya Raman" },
  manager: { email: "sam.okafor@example.com", name: "Sam Okafor" },
  engineer: { email: "lena.fischer@example.com", name: "Lena Fischer" },
  hiringAdmin: { email: "grace.liu@example.com", name: "Grace Liu" },
};

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
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
      await expectAccessible(page);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  if (viewport) await page.setViewportSize(viewport);
}

/** Headings never skip a level going down (an h2 is followed by an h3 at most, not an h4). */
export async function expectHeadingsInOrder(page: Page) {
  const levels = await page.locator("main").evaluate((main) =>
    [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter((heading) => (heading as HTMLElement).offsetParent !== null).map((heading) => Number(heading.tagName[1])),
  );
  const skips = levels.flatMap((level, index) => (index > 0 && level > levels[index - 1]! + 1 ? [`h${levels[index - 1]} → h${level}`] : []));
  expect(skips).toEqual([]);
}

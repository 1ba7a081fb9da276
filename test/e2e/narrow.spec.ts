import { expect, test } from "./test";
import { people, signIn } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

test("on a 390 px phone the header fits: Menu is whole, Sign out stays on one line, nothing scrolls sideways; the language switch heads the menu", async ({
  page,
}) => {
  await signIn(page, people.manager.email);
  const menu = page.getByRole("button", { name: "Menu" });
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(menu).toBeVisible();
  const menuBox = (await menu.boundingBox())!;
  const signOutBox = (await signOut.boundingBox())!;
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(390);
  // One line: no taller than the Menu button beside it.
  expect(signOutBox.height).toBeLessThanOrEqual(menuBox.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The home link keeps its name for screen readers.
  await expect(page.getByRole("link", { name: "Rungs" })).toBeVisible();
  // The language switch has no room in the header: it heads the menu.
  await expect(page.getByRole("combobox", { name: "Language", exact: true })).toHaveCount(0);
  await menu.click();
  await expect(page.getByRole("link", { name: "Team", exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: "Main" })
      .getByRole("combobox", { name: "Language", exact: true }),
  ).toHaveValue("en");
});

import { expect, test } from "./test";
import { expectAccessible, hydrated, signIn } from "./helpers";

// Hana Novak, whom no other spec signs in as: her choice of language is kept in her settings.
const hana = "hana.novak@example.com";

test("the header's language switch words the page again where it stands, keeping what was typed", async ({
  page,
}) => {
  await signIn(page, hana);
  await page.goto("/conversations/evidence");
  await hydrated(page);
  const typed = "Paired with Omar on the flaky checkout test.";
  const text = page.locator('textarea[name="text"]');
  await page.getByLabel("What happened").fill(typed);
  const switcher = page.getByRole("combobox", { name: "Language", exact: true });
  await expect(switcher).toHaveValue("en");
  await expect(switcher.getByRole("option")).toHaveText([
    "English",
    "Deutsch",
    "Français",
    "Español",
    "العربية",
  ]);
  await expectAccessible(page);

  await switcher.selectOption("de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByLabel("Was passiert ist")).toHaveValue(typed);
  const german = page.getByRole("combobox", { name: "Sprache", exact: true });
  await expect(german).toHaveValue("de");

  await german.selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("combobox", { name: "اللغة", exact: true })).toHaveValue("ar");
  await expect(text).toHaveValue(typed);
  await expectAccessible(page);

  // The choice is the person's: a new page comes in it.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await page.getByRole("combobox", { name: "اللغة", exact: true }).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

import { expect, test, type Locator, type Page } from "./test";
import { expectAccessible, hydrated, signIn } from "./helpers";

// Aisha Bello of Checkout, whom no other spec signs in as: her choice of language is kept in her
// settings, so a run stopped before she chooses English again must leave no spec a person in Arabic.
// Demo people this spec changes: Aisha Bello.
const aisha = "aisha.bello@example.com";

/** Records an item of evidence with the form's own fields, whatever the page's language. */
async function record(page: Page, text: string) {
  const form = page.locator("form").filter({ has: page.locator('input[value="record"]') });
  await form.locator('select[name="competencyId"]').selectOption({ index: 1 });
  await form.locator('textarea[name="text"]').fill(text);
  await form.locator('button[type="submit"]').click();
}

/** Where a paragraph shows its first and its last character, from the left. */
async function ends(paragraph: Locator): Promise<{ first: number; last: number }> {
  return paragraph.evaluate((element) => {
    const text = element.firstChild!;
    const at = (index: number) => {
      const range = document.createRange();
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      return range.getBoundingClientRect().x;
    };
    return { first: at(0), last: at(text.textContent!.length - 1) };
  });
}

test("the header's language switch words the page again where it stands, keeping what was typed; free text takes its own direction", async ({
  page,
}) => {
  await signIn(page, aisha);
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

  // What was typed in English, recorded on the Arabic page, reads left to right: its full stop
  // stays at its end, on the right, rather than jumping to the Arabic line's end on the left.
  await record(page, typed);
  const latin = page.locator("p", { hasText: typed });
  await expect(latin).toBeVisible();
  const latinEnds = await ends(latin);
  expect(latinEnds.last).toBeGreaterThan(latinEnds.first);

  // The choice is the person's: a new page comes in it.
  await page.goto("/reviews");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  // The switch words the page on change once the page is live (before that, its form's button does).
  await hydrated(page);
  await page.getByRole("combobox", { name: "اللغة", exact: true }).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // And Arabic on the English page reads right to left, its full stop on the left.
  await page.goto("/conversations/evidence");
  await hydrated(page);
  const written = "أصلحت الاختبار المتقطع.";
  await record(page, written);
  const arabic = page.locator("p", { hasText: written });
  await expect(arabic).toBeVisible();
  const arabicEnds = await ends(arabic);
  expect(arabicEnds.last).toBeLessThan(arabicEnds.first);
});

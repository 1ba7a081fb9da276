import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, expectHeadingsInOrder, openDraft, signIn } from "./helpers";

// Emily Clarke and Nikhil Rao: engineers no other spec on the demo server uses.
// Demo people this spec changes: Emily Clarke, Nikhil Rao.
const emily = "emily.clarke@example.com";
const nikhil = "nikhil.rao@example.com";

test("pressing Enter in the evidence form adds the evidence and stays on the draft", async ({
  page,
}) => {
  await signIn(page, emily);
  await page.goto("/assess");
  const start = page.getByRole("button", { name: "Start self-assessment" });
  const ratings = page.getByRole("group", { name: /^Rating for / });
  await expect(start.or(ratings.first())).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(page).toHaveURL(/\/assessments\//);
  const draftPath = new URL(page.url()).pathname;
  const onDraft = () => expect(new URL(page.url()).pathname).toBe(draftPath);
  await expectAccessible(page);
  await expectHeadingsInOrder(page);

  const codeQuality = page.getByRole("region", { name: "Code quality", exact: true });
  // Each next-level expectation's mark has a label people can see, not only screen readers.
  await expect(codeQuality.getByText("How far this is met").first()).toBeVisible();
  await expect(codeQuality.getByLabel("How far this is met").first()).toBeVisible();
  await codeQuality.getByText("Add evidence for Code quality").click();
  await codeQuality.getByLabel("What happened").fill("Paired on the search ranking fix");
  await codeQuality.getByLabel("Link (optional)").fill("https://example.com/pr/7");
  await codeQuality.getByLabel("Link (optional)").press("Enter");
  await expect(
    codeQuality.getByText("Paired on the search ranking fix", { exact: true }),
  ).toBeVisible();
  // Back at the competency, the form open again for the next piece.
  await expect(page).toHaveURL(`${draftPath}?evidence=code-quality`);
  await expect(codeQuality.getByLabel("What happened")).toBeFocused();
  await expect(codeQuality.getByLabel("What happened")).toHaveValue("");

  // Enter in the date field with something missing: the field says what, nothing is lost, and the page stays.
  await codeQuality.getByLabel("What happened").fill("");
  await codeQuality.getByLabel("Link (optional)").fill("https://example.com/pr/8");
  await codeQuality.getByLabel("Date (optional)").press("Enter");
  await expect(codeQuality.getByText("Describe the evidence.")).toBeVisible();
  await expect(codeQuality.getByLabel("Link (optional)")).toHaveValue("https://example.com/pr/8");
  onDraft();

  // Removing it comes back to the draft, too.
  await codeQuality
    .getByRole("button", { name: "Remove evidence: Paired on the search ranking fix" })
    .click();
  await expect(
    codeQuality.getByText("Paired on the search ranking fix", { exact: true }),
  ).toHaveCount(0);
  await expect(codeQuality.getByText("No evidence yet.")).toBeVisible();
  onDraft();
});

test("a rating chosen right after adding evidence is set: the emptied form says nothing and nothing moves under the pointer", async ({
  page,
}) => {
  await signIn(page, emily);
  await page.goto("/assess");
  await openDraft(page, "Start self-assessment");

  const codeQuality = page.getByRole("region", { name: "Code quality", exact: true });
  await codeQuality.getByText("Add evidence for Code quality").click();
  await codeQuality.getByLabel("What happened").fill("Wrote the tests the query parser lacked");
  await codeQuality.getByRole("button", { name: "Add evidence" }).click();
  await expect(
    codeQuality.getByText("Wrote the tests the query parser lacked", { exact: true }),
  ).toBeVisible();
  await expect(codeQuality.getByLabel("What happened")).toBeFocused();

  // At once, a rating further down the page: pressed and released as a person does, the focus leaving the emptied form.
  const rating = page
    .getByRole("group", { name: "Rating for Testing and verification" })
    .getByRole("radio", { name: "Consistent", exact: true });
  await rating.scrollIntoViewIfNeeded();
  const before = await rating.boundingBox();
  expect(before).not.toBeNull();
  await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
  await page.mouse.down();
  // A person holds the button down for about this long: long enough for the page to react to the blur.
  await page.waitForTimeout(150);
  const pressed = await rating.boundingBox();
  await page.mouse.up();

  await expect(rating).toBeChecked();
  expect(pressed, "the rating stays where it was pressed").toEqual(before);
  await expect(codeQuality.getByText("Describe the evidence.")).toHaveCount(0);
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("group", { name: "Rating for Testing and verification" })
      .getByRole("radio", { name: "Consistent", exact: true }),
  ).toBeChecked();
});

test("one draft in two tabs: the other tab's choice is offered beside the field in its words, and a field of another section is listed with a link to it", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, nikhil);
  await first.goto("/assess");
  await openDraft(first, "Start self-assessment");
  const draftPath = new URL(first.url()).pathname;
  const second = await context.newPage();
  await second.goto(draftPath);
  await second.waitForLoadState("load");
  const rating = (page: Page, label: string) =>
    page.getByRole("group", { name: "Rating for Code quality" }).getByLabel(label, { exact: true });
  const saved = (page: Page) =>
    page.waitForResponse((response) => response.url().endsWith("/save") && response.ok());

  // The first tab rates Code quality; the second, rendered before, chooses another rating.
  await Promise.all([saved(first), rating(first, "Consistent").check()]);
  await rating(second, "Developing").check();
  const notice = second
    .getByRole("region", { name: "Code quality", exact: true })
    .getByRole("status")
    .filter({ hasText: "The other tab had:" });
  await expect(notice).toContainText("Consistent");
  const conflicts = second
    .getByRole("status")
    .filter({ hasText: "Some fields were changed in another tab too." });
  await expect(conflicts).toBeVisible();
  await notice.getByRole("button", { name: "Use the other version" }).click();
  await expect(rating(second, "Consistent")).toBeChecked();
  await expect(notice).toHaveCount(0);
  await expect(conflicts).toBeHidden();

  // Its saves failing, the second tab moves to the next section all the same: what it typed is
  // kept in this browser (the browser may ask first).
  await second.route("**/save", (route) => route.abort());
  await second.getByLabel("Notes on Code quality").fill("Written in the second tab");
  await expect(second.getByText("Not saved — retrying")).toBeVisible();
  second.on("dialog", (dialog) => void dialog.accept());
  await second.getByRole("link", { name: /^Next: / }).click();
  await expect(second).toHaveURL(/\?section=/);
  await second.unroute("**/save");
  await expect(second.getByText(/^Saved at/)).toBeVisible();

  // A tab closed before its notes on Code quality were saved left them in this browser; meanwhile
  // the first tab wrote others. Sent from the next section, they meet: listed, with a link to them.
  await Promise.all([
    saved(first),
    first.getByLabel("Notes on Code quality").fill("Written in the first tab"),
  ]);
  const key = (await first.locator("[data-draft]").getAttribute("data-draft-key"))!;
  await second.evaluate(
    (key) =>
      localStorage.setItem(
        key,
        JSON.stringify({
          v: 1,
          entries: { "notes:code-quality": { value: "From a closed tab", base: "", tab: "gone" } },
        }),
      ),
    key,
  );
  await second.reload();
  const elsewhere = conflicts.getByRole("link", { name: "Code quality" });
  await expect(elsewhere).toBeVisible();
  await expect(elsewhere).toHaveAttribute("href", /\?section=[a-z-]+#code-quality$/);
  await expect(conflicts.getByRole("listitem").filter({ visible: true })).toHaveCount(1);
  await context.close();
});

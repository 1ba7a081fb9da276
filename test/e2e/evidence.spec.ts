import { expect, test } from "./test";
import { expectAccessible, expectHeadingsInOrder, openDraft, signIn } from "./helpers";

// Emily Clarke (Search): an engineer no other journey uses.
// Demo people this spec changes: Emily Clarke.
const emily = "emily.clarke@example.com";

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
  const draftUrl = page.url();
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
  expect(page.url()).toBe(draftUrl);
  // Ready for the next piece: focus is back in the emptied form, not lost to the page.
  await expect(codeQuality.getByLabel("What happened")).toBeFocused();
  await expect(codeQuality.getByLabel("What happened")).toHaveValue("");

  // Enter in the date field with something missing: the field says what, nothing is lost, and the page stays.
  await codeQuality.getByLabel("What happened").fill("");
  await codeQuality.getByLabel("Link (optional)").fill("https://example.com/pr/8");
  await codeQuality.getByLabel("Date (optional)").press("Enter");
  await expect(codeQuality.getByText("Describe the evidence.")).toBeVisible();
  await expect(codeQuality.getByLabel("Link (optional)")).toHaveValue("https://example.com/pr/8");
  expect(page.url()).toBe(draftUrl);

  // Removing it happens in place, too.
  await codeQuality
    .getByRole("button", { name: "Remove evidence: Paired on the search ranking fix" })
    .click();
  await expect(
    codeQuality.getByText("Paired on the search ranking fix", { exact: true }),
  ).toHaveCount(0);
  await expect(codeQuality.getByText("No evidence yet.")).toBeVisible();
  expect(page.url()).toBe(draftUrl);
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

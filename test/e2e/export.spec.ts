import { expect, test } from "./test";
import { expectAccessible, signIn } from "./helpers";

// Diego Santos: a demo engineer no other journey uses.
// Demo people this spec changes: Diego Santos.
const diego = "diego.santos@example.com";

test("a person prepares their export, watches it being built and downloads it once", async ({
  page,
}) => {
  await signIn(page, diego);
  await page.goto("/settings/email");
  await page.getByRole("link", { name: "Download your data" }).click();
  await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Prepare my export" }).click();
  await expect(page.getByText("Your export is being prepared.")).toBeVisible();
  await expectAccessible(page);

  // The background job builds it within its quarter-minute turn; the page refreshes on its own.
  const download = page.getByRole("link", { name: /^Download/ });
  await expect(download).toBeVisible({ timeout: 45_000 });
  await expectAccessible(page);
  const href = (await download.getAttribute("href"))!;
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^rungs-export-\d{4}-\d{2}-\d{2}\.zip$/);

  // Taken once: the page says so, and the link answers no more.
  await page.reload();
  await expect(page.getByText("Downloaded", { exact: true })).toBeVisible();
  expect((await page.request.get(href)).status()).toBe(403);
});

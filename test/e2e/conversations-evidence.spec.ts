import { expect, test } from "./test";
import { signIn } from "./helpers";

// Fatima Zahra (Search) and her manager Laura Bianchi: no other journey records Fatima's evidence.
// Demo people this spec changes: Fatima Zahra, Laura Bianchi.
const fatima = { email: "fatima.zahra@example.com", name: "Fatima Zahra" };
const laura = { email: "laura.bianchi@example.com", name: "Laura Bianchi" };

test("after each item the evidence form is empty and unticked, so only what the person chose to share reaches their manager", async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, fatima.email);
  await page.goto("/conversations/evidence");
  await expect(page.getByRole("heading", { name: "Your evidence", level: 1 })).toBeVisible();
  const competency = page.getByLabel("Competency");
  const happened = page.getByLabel("What happened");
  const share = page.getByRole("checkbox", { name: "Share with my manager", exact: true });

  await competency.selectOption({ label: "Code quality" });
  await happened.fill("Led the review of the ranking service's error handling.");
  await share.check();
  await page.getByRole("button", { name: "Record", exact: true }).click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "Led the review of the ranking service's error handling." }),
  ).toBeVisible();
  // Ready for the next item, with nothing carried over from the last.
  await expect(happened).toHaveValue("");
  await expect(competency).toHaveValue("");
  await expect(share).not.toBeChecked();

  await competency.selectOption({ label: "Code quality" });
  await happened.fill("Kept a note of the flaky index test for myself.");
  await page.getByRole("button", { name: "Record", exact: true }).click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "Kept a note of the flaky index test for myself." }),
  ).toBeVisible();
  await expect(share).not.toBeChecked();

  // Laura reads the item Fatima shared, and not the one she kept.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, laura.email);
  await manager.goto("/team");
  // Her name in the list of one-to-ones opens what she shares.
  await manager
    .getByRole("listitem")
    .filter({ hasText: `${fatima.name}: ` })
    .getByRole("link", { name: fatima.name, exact: true })
    .click();
  await expect(
    manager.getByRole("heading", { name: `${fatima.name}'s evidence`, level: 1 }),
  ).toBeVisible();
  await expect(
    manager.getByText("Led the review of the ranking service's error handling."),
  ).toBeVisible();
  await expect(manager.getByText("Kept a note of the flaky index test for myself.")).toHaveCount(0);
});

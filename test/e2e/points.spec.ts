import { expect, test } from "./test";
import { expectAccessible, hydrated, openDraft, people, sectionLink, signIn } from "./helpers";

// The second server of playwright.config.ts: its ladder folder holds docs/examples' structures ladder, whose levels come from points.
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3210) + 1}` });

// A demo person with no level whom no other spec on this server uses: this spec changes their level,
// and a spec sharing the server must never find a person changed under it.
// Demo people this spec changes: Owen Price.
const owen = { email: "owen.price@example.com", name: "Owen Price" };

test("on a ladder with points, the pages show how levels are earned, and a self-assessment's points follow the ratings as they are chosen", async ({
  browser,
}) => {
  // The admin places Owen on the points ladder.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, people.admin.email);
  await admin.goto("/admin/people");
  await admin.getByLabel("Name or email").fill(owen.name);
  await admin.getByRole("button", { name: "Search" }).click();
  await admin.getByRole("link", { name: owen.name }).click();
  // His page, not the list's own Track and Level filters, which stay until it arrives.
  await expect(admin.getByRole("heading", { name: owen.name, level: 1 })).toBeVisible();
  // Chosen once the page has hydrated: a choice made while React takes over the form can be lost.
  await hydrated(admin);
  await admin.getByLabel("Track").selectOption({ label: "Backend engineer" });
  await admin
    .getByLabel("Level", { exact: true })
    .selectOption({ label: "Senior Backend Engineer" });
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();
  // What was saved, as the page reads it back: a choice lost to hydration would save no level.
  await expect(admin.getByLabel("Level", { exact: true }).locator("option:checked")).toHaveText(
    "Senior Backend Engineer",
  );

  const page = await (await browser.newContext()).newPage();
  await signIn(page, owen.email);
  await page.goto("/ladders/acme-backend");
  await expect(page.getByRole("heading", { name: "How points place people" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Bands" }).getByRole("row", { name: "2.2" }),
  ).toContainText("6 points or more");
  await expect(
    page.getByRole("table", { name: "Titles" }).getByRole("row", { name: "Engineering Manager" }),
  ).toContainText("5 points or more");
  await expectAccessible(page);
  await page.goto("/ladders/acme-backend/levels/b2");
  await expect(
    page
      .getByRole("table", { name: "Titles" })
      .getByRole("row", { name: "Senior Backend Engineer" }),
  ).toContainText("4 points or more (this level)");

  await page.goto("/assess");
  await openDraft(page, "Start self-assessment");
  const points = page.getByRole("status").filter({ hasText: "Points:" });
  await expect(points).toHaveText("Points: 0 points: band 1.1, Backend Engineer");
  // A section's count in the navigator turns green once all of it is rated, as ratings are chosen.
  const complete = page.locator("[data-section-rated][data-complete]");
  await expect(complete).toHaveCount(0);
  await page
    .getByRole("group", { name: "Rating for Communication" })
    .getByLabel("Consistent", { exact: true })
    .check();
  // Before the autosave answers, and without a reload.
  await expect(points).toHaveText("Points: 3 points: band 1.2, Backend Engineer");
  await expect(complete).toHaveCount(1);
  await sectionLink(page, "Craft").click();
  await page
    .getByRole("group", { name: "Rating for Systems" })
    .getByLabel("Consistent", { exact: true })
    .check();
  await expect(points).toHaveText(
    "Points: 6 points: band 2.2, Senior Backend Engineer / Engineering Manager",
  );
  await expect(page.getByText(/^Saved/).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Points:" })).toHaveText(
    "Points: 6 points: band 2.2, Senior Backend Engineer / Engineering Manager",
  );
  await expectAccessible(page);
});

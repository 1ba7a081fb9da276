import { expect, test } from "@playwright/test";
import { expectAccessible, people, signIn } from "./helpers";

// Lena Fischer is an Engineer II on the individual contributor track.
const lenasPlace = "Individual contributor · Engineer II";

test("tracks and levels read as names, not ids, on the team overview, the people list and the reviews page", async ({ page, browser }) => {
  await signIn(page, people.manager.email);
  await page.goto("/team");
  const lena = page.getByRole("row").filter({ hasText: "Lena Fischer" });
  await expect(lena).toContainText(lenasPlace);
  await expect(page.getByText(/\bic · ic\d\b/)).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/reviews");
  await expect(page.getByRole("main")).toContainText("Engineer II");
  await expect(page.getByRole("main").getByText(/\bic\d\b/)).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/");
  await expectAccessible(page);

  // The admin, in a browser of their own.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, people.admin.email);
  await admin.goto("/admin/people?q=lena");
  await expect(admin.getByRole("row").filter({ hasText: "Lena Fischer" })).toContainText(lenasPlace);
  await admin.context().close();
});

import { expect, test } from "./test";
import { expectAccessible, people, signIn } from "./helpers";

// Lena Fischer is an Engineer II on the individual contributor track.
const lenasPlace = "Individual contributor · Engineer II";

test("tracks and levels read as names, not ids, on the team overview, the people list, the reviews page and home's reports", async ({
  page,
  browser,
}) => {
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
  // Home's "Your reports": each report's level by its title, never an id such as "ic2", "tl2" or "m3".
  const reports = page.getByRole("heading", { name: /^Your reports/ }).locator("..");
  await expect(reports.getByRole("listitem").filter({ hasText: "Lena Fischer" })).toContainText(
    "Engineer II",
  );
  await expect(
    reports.getByRole("listitem").filter({ hasText: "Marta Kowalska" }),
  ).not.toContainText("tl2");
  await expect(reports.getByText(/\b(ic|tl|m)\d\b/)).toHaveCount(0);
  await expectAccessible(page);

  // The admin, in a browser of their own.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, people.admin.email);
  await admin.goto("/admin/people?q=lena");
  await expect(admin.getByRole("row").filter({ hasText: "Lena Fischer" })).toContainText(
    lenasPlace,
  );
  await admin.goto("/");
  const directors = admin.getByRole("heading", { name: /^Your reports/ }).locator("..");
  await expect(directors.getByRole("listitem").filter({ hasText: "Daniel Osei" })).toContainText(
    /Director of Engineering · \d+ reports/,
  );
  await admin.context().close();
});

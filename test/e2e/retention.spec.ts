import { expect, test } from "@playwright/test";
import { expectAccessible, people, signIn } from "./helpers";

test("an admin reads the retention rules and what the next pass removes, places a legal hold and clears it", async ({
  page,
}) => {
  await signIn(page, people.admin.email);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Retention", exact: true })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Retention and erasure" }),
  ).toBeVisible();
  // Nobody in the demo has left: the next pass erases nobody.
  const next = page.getByRole("table", { name: "Records the next pass removes, by kind" });
  await expect(next.getByRole("row", { name: /People erased/ }).getByRole("cell")).toHaveText("0");
  await expect(page.getByLabel("People who left: months until they are erased")).toHaveValue("12");

  await page.getByLabel("Email of the person to hold").fill(people.engineer.email);
  await page.getByRole("button", { name: "Place a hold" }).click();
  await expect(page.getByText("Hold placed.")).toBeVisible();
  const holds = page.getByRole("table", { name: "People on legal hold" });
  await expect(holds.getByRole("row", { name: new RegExp(people.engineer.name) })).toBeVisible();
  await expectAccessible(page);

  await holds.getByRole("button", { name: `Clear the hold on ${people.engineer.name}` }).click();
  await expect(page.getByText("Hold cleared.")).toBeVisible();
  await expect(holds.getByRole("row", { name: new RegExp(people.engineer.name) })).toHaveCount(0);
});

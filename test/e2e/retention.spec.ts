import { expect, test } from "./test";
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

test("an admin erases someone who left through the form, and their name is gone from the people list", async ({
  page,
}) => {
  const leaver = { name: "Quinn Leaver", email: "quinn.leaver@example.com" };
  await signIn(page, people.admin.email);
  await page.goto("/admin/people/new");
  await page.getByLabel("Name", { exact: true }).fill(leaver.name);
  await page.getByLabel("Email", { exact: true }).fill(leaver.email);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: leaver.name })).toBeVisible();
  await page.getByRole("button", { name: "Deactivate", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(page.getByText("Deactivated. Their sessions have ended.")).toBeVisible();

  await page.goto("/admin/retention");
  const erase = page.getByRole("region", { name: "Erase someone who left, now" });
  await erase.getByLabel("Email of the person who left").fill(leaver.email);
  await erase.getByLabel("I understand their name, email and texts are removed for good").check();
  await erase.getByRole("button", { name: "Erase now" }).click();
  await expect(page.getByText("Person erased.")).toBeVisible();
  await expectAccessible(page);

  // Searched by name and by email among everyone, left or not: nobody answers to either.
  for (const q of ["Quinn", "quinn.leaver"]) {
    await page.goto(`/admin/people?status=all&q=${q}`);
    await expect(page.getByText("Nobody matches these filters.")).toBeVisible();
    await expect(page.getByText(/quinn/i)).toHaveCount(0);
  }
});

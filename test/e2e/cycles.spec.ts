import { expect, test } from "./test";
import { expectAccessible, people, scriptsFetched, signIn } from "./helpers";

test("an admin opens a cycle for two teams and follows one team's progress by typing its name", async ({
  page,
  browser,
}) => {
  await signIn(page, people.admin.email);
  await page.goto("/admin/cycles/new");
  await page.getByRole("textbox", { name: "Name" }).fill("Search and Mobile pilot");
  await page.getByRole("radio", { name: "Chosen teams" }).check();
  await page.getByRole("checkbox", { name: /^Search\b/ }).check();
  await page.getByRole("checkbox", { name: /^Mobile\b/ }).check();
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("heading", { name: "Search and Mobile pilot" })).toBeVisible();
  const everyone = page.getByRole("heading", { name: /^Progress: \d+ participants$/ });
  await expect(everyone).toBeVisible();

  // An engineer of one of the teams finds it at the top of their home page, with its due date.
  const engineer = await (await browser.newContext()).newPage();
  await signIn(engineer, "zoe.papadopoulos@example.com");
  const todo = engineer
    .getByRole("listitem")
    .filter({ hasText: "Assess yourself for Search and Mobile pilot" });
  await expect(todo).toContainText(/Due \d+ \w+ \d{4}, \d+ days left/);
  await expectAccessible(engineer);
  await todo.getByRole("link").click();
  await expect(engineer.getByRole("button", { name: "Start self-assessment" })).toBeVisible();
  await engineer.context().close();

  // The team is typed, with suggestions from the server as the admin types.
  const team = page.getByLabel("Team", { exact: true });
  await team.fill("mob");
  await expect(page.locator('datalist option[value="Mobile"]')).toHaveCount(1);
  await team.fill("mobile");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(
    page.getByRole("heading", { name: /^Progress of Mobile: \d+ participants$/ }),
  ).toBeVisible();
  const teams = page.getByRole("table").getByRole("row").locator("td:nth-child(2)");
  await expect(teams.first()).toHaveText("Mobile");
  expect(new Set(await teams.allTextContents())).toEqual(new Set(["Mobile"]));
  await expectAccessible(page);

  // A name no team has: the field says so and keeps what was typed; nothing is filtered.
  await team.fill("Nowhere");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No team is called “Nowhere”.")).toBeVisible();
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue("Nowhere");
  await expect(everyone).toBeVisible();

  // Who takes part, opened in place: a refused email is said and kept; a joiner is added, and the form clears once done.
  const addPeople = page.getByLabel("Add people");
  await addPeople.fill("nobody@example.com");
  await page.getByRole("button", { name: "Add to the cycle" }).click();
  await expect(page.getByText("Nobody has this email: nobody@example.com.")).toBeVisible();
  await expect(addPeople).toHaveValue("nobody@example.com");
  await addPeople.fill(people.engineer.email);
  await page.getByRole("button", { name: "Add to the cycle" }).click();
  await expect(page.getByText("The people named take part in the cycle now.")).toBeVisible();
  await expect(addPeople).toHaveValue("");

  // Reloaded, the page is a document of HTML (decision 157): its forms post and redirect, and the
  // team field suggests through the document's one script.
  const scripts = scriptsFetched(page);
  await page.reload();
  await expect(page.getByText("The people named take part in the cycle now.")).toBeVisible();
  await team.fill("sea");
  await expect(page.locator('datalist option[value="Search"]')).toHaveCount(1);
  const takeOut = page.getByLabel("Take someone out");
  await takeOut.fill(people.engineer.email);
  await page.getByRole("button", { name: "Take out", exact: true }).click();
  await expect(
    page.getByText(`${people.engineer.name} no longer takes part in Search and Mobile pilot.`),
  ).toBeVisible();
  await expect(takeOut).toHaveValue("");
  await expectAccessible(page);

  // Closed again, so other journeys find no open cycle.
  await page.getByRole("checkbox", { name: /I want to close/ }).check();
  await page.getByRole("button", { name: "Close cycle" }).click();
  await expect(page.getByText("Search and Mobile pilot is closed.")).toBeVisible();
  expect(scripts).toEqual([]);
});

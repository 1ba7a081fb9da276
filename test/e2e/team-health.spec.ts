import { expect, test, type Page } from "./test";
import { scriptsFetched } from "./helpers";
import { answerItems, items, onPhone } from "./team-health";

// Data Platform's manager Hannah Kim starts a check-in for her team; its engineers answer on phones
// (one of them with JavaScript off); the results appear once four have answered, a late answer moves
// nothing, the team chooses an action, and the next check-in asks whether it helped. Between the
// two, an admin writes an item of the organisation's own (decision 123), which the next one asks.
// Mateo answers, not Anna Schmidt, whom other specs read as the demo's committee chair.
// Demo people this spec changes: Hannah Kim, Mateo Rossi, Leila Ahmadi, Victor Dubois, Elif Yilmaz, Patrick Doyle.
const hannah = "hannah.kim@example.com";
const answerers = [
  "mateo.rossi@example.com",
  "leila.ahmadi@example.com",
  "victor.dubois@example.com",
  "elif.yilmaz@example.com",
];
const late = "patrick.doyle@example.com";
const action = "Open every planning meeting with the risks nobody has raised";
const ownItem = "We can say no to a deadline without it being held against us.";

/** Every script the walk's pages fetched: none, as team health's pages are HTML (decision 142). */
const fetched: string[] = [];

async function answer(page: Page, person: number) {
  const scripts = scriptsFetched(page);
  await page.goto("/team-health");
  await page.getByRole("link", { name: "Answer for Data Platform" }).click();
  await answerItems(page, (index) => (person * 3 + index) % 7);
  fetched.push(...scripts);
}

test("a check-in from invitation to results, a late answer that moves nothing, an action, and the next check-in asking whether it helped", async ({
  browser,
}) => {
  // Several people sign in over two check-ins: more than the default half minute on a busy machine.
  test.setTimeout(120_000);
  const manager = await onPhone(browser, hannah);
  const managerScripts = scriptsFetched(manager);
  await manager.goto("/team-health");
  await manager.getByRole("link", { name: "Start a check-in" }).click();
  await manager.getByRole("checkbox", { name: /^Data Platform/ }).check();
  await manager.getByRole("checkbox", { name: "Ask for an anonymous comment" }).check();
  await manager.getByRole("button", { name: "Start the check-in" }).click();
  await expect(manager.getByRole("link", { name: /^Data Platform, started/ })).toBeVisible();

  for (const [person, email] of answerers.slice(0, 3).entries())
    await answer(await onPhone(browser, email, person !== 1), person);
  await manager
    .getByRole("link", { name: /^Data Platform, started/ })
    .first()
    .click();
  await expect(manager.getByRole("heading", { name: "Data Platform: team health" })).toBeVisible();
  const results = manager.url();
  await expect(manager.getByText(/No results yet/)).toBeVisible();

  await answer(await onPhone(browser, answerers[3]!), 3);
  await manager.goto(results);
  await expect(manager.getByText(/From 4 answers of 8 asked/)).toBeVisible();
  const before = await manager.getByRole("table").innerText();

  await answer(await onPhone(browser, late), 5);
  await manager.goto(results);
  await expect(manager.getByText(/From 4 answers of 8 asked/)).toBeVisible();
  expect(await manager.getByRole("table").innerText()).toBe(before);

  await manager.getByLabel("The pattern (an item)").selectOption({ label: items[3]! });
  await manager.getByLabel("The action").fill(action);
  await manager.getByLabel("Owner").selectOption({ label: "Leila Ahmadi" });
  await manager.getByRole("button", { name: "Choose this action" }).click();
  await expect(manager.getByText(`“${action}”`)).toBeVisible();

  // The action's owner: Leila, whom no other browser test signs in as or changes.
  const owner = await onPhone(browser, answerers[1]!);
  const ownerScripts = scriptsFetched(owner);
  await owner.goto("/");
  await expect(
    owner.getByText("Follow through on your team's health action for Data Platform"),
  ).toBeVisible();

  // An admin writes the organisation's own item: a refused form keeps what was typed.
  const admin = await onPhone(browser, "priya.raman@example.com");
  // The page is a document of HTML (decision 157): the refusal comes back as one.
  const adminScripts = scriptsFetched(admin);
  await admin.goto("/admin/team-health");
  await admin.getByLabel("Written in").selectOption({ label: "Deutsch" });
  await admin.getByLabel("Statement in English").fill(ownItem);
  await admin.getByRole("button", { name: "Add the item" }).click();
  await expect(admin.getByText("Write the statement in the language you chose.")).toBeVisible();
  await expect(admin.getByLabel("Statement in English")).toHaveValue(ownItem);
  await admin.getByLabel("Written in").selectOption({ label: "English" });
  await admin.getByRole("button", { name: "Add the item" }).click();
  await expect(admin.getByRole("listitem").filter({ hasText: ownItem })).toBeVisible();
  expect(adminScripts).toEqual([]);

  await manager.goto("/team-health");
  await manager.getByRole("button", { name: "Close now" }).click();
  // Each step waits for its answer: a link followed while a form is still sending cancels it, and
  // the owner's page, loaded before the next check-in exists, would never offer it.
  await expect(manager.getByRole("button", { name: "Close now" })).toHaveCount(0);
  await manager.getByRole("link", { name: "Start a check-in" }).click();
  await manager.getByRole("checkbox", { name: /^Data Platform/ }).check();
  await manager.getByRole("checkbox", { name: ownItem }).check();
  await manager.getByRole("button", { name: "Start the check-in" }).click();
  await expect(manager).toHaveURL(/\/team-health$/);
  await expect(manager.getByRole("button", { name: "Close now" })).toBeVisible();

  await owner.goto("/team-health");
  await owner.getByRole("link", { name: "Answer for Data Platform" }).click();
  await expect(
    owner.getByText(`Last time the team chose: “${action}”. Did it help?`),
  ).toBeVisible();
  await owner
    .getByRole("group", { name: `8. ${ownItem}` })
    .getByRole("radio", { name: "Agree", exact: true })
    .check();
  await owner.getByRole("radio", { name: "Partly" }).check();
  await owner.getByRole("button", { name: "Send my answers" }).click();
  await expect(owner.getByText("you answered")).toBeVisible();
  // Started, answered, read, acted on and closed on phones with no script fetched.
  expect([...fetched, ...managerScripts, ...ownerScripts]).toEqual([]);
});

import { expect, test, type Page } from "./test";
import { expectAccessibleInEveryView, signIn } from "./helpers";
import { answerItems, items, onPhone, phone } from "./team-health";

// Mobile's manager Tom Hughes runs a live check-in in the team's retro (decision 112): he starts it
// on the room's screen, three engineers answer on their phones (one with JavaScript off, one
// skipping items), and the room counts them as they answer, without a reload, and shows no result:
// the organisation's floor is four. Tom answers too, from a second tab, and the room shows the
// results of that one whole batch. He closes it: an ordinary closed check-in, results on the
// team's page. Other specs on the demo server sign in as Mobile's Diego, Ibrahim and Yuki, outside
// team health; the check-in is closed before the test ends.
// Demo people this spec changes: Tom Hughes, Clara Jensen, Hana Novak, Ben Adeyemi.
const tom = "tom.hughes@example.com";
const phones = ["clara.jensen@example.com", "hana.novak@example.com", "ben.adeyemi@example.com"];
/** Answers on the page the code led to: person 0, 1, 2 and 3 give 2, 4, 6 and 7 (four values apart, none too alike). */
async function answer(page: Page, person: number, skip: readonly number[] = []) {
  await expect(page.getByRole("heading", { name: /How is it on Mobile/ })).toBeVisible();
  await answerItems(page, () => [1, 3, 5, 6][person]!, skip);
}

/** Not wider than the phone. */
async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(phone.width);
}

test("a live retro check-in answered from three phones shows its results only once the floor is reached; a wrong code and an outsider get the same 404", async ({
  browser,
}) => {
  // Five people sign in and answer in turn: more than the default half minute on a busy machine.
  test.setTimeout(120_000);
  const room = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  await signIn(room, tom);
  await room.goto("/team-health");
  await room.getByRole("link", { name: "Start a live check-in" }).click();
  await room.getByLabel("Team", { exact: true }).selectOption({ label: "Mobile (7 members)" });
  await room.getByRole("button", { name: "Start the live check-in" }).click();
  await expect(room.getByRole("heading", { name: "Mobile: live check-in" })).toBeVisible();
  const code = (await room.getByRole("heading", { name: /^Code: / }).innerText()).slice(6);
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  await expect(room).toHaveURL(new RegExp(`/team-health/live/${code}/room$`));
  await expect(room.getByText("Answered or skipped: 0 of 7 asked")).toBeVisible();
  await expect(room.getByText(/No results yet/)).toBeVisible();
  await expectAccessibleInEveryView(room);
  await room.setViewportSize({ width: 1280, height: 800 });

  // Someone outside the team with the right code gets the 404 a wrong code gets, with no hint.
  const outsider = await onPhone(browser, "lena.fischer@example.com");
  expect((await outsider.goto("/team-health/live/ACD-EFG"))?.status()).toBe(404);
  const wrong = await outsider.locator("main").innerText();
  expect((await outsider.goto(`/team-health/live/${code}`))?.status()).toBe(404);
  expect(await outsider.locator("main").innerText()).toBe(wrong);
  expect((await outsider.goto(`/team-health/live/${code}/room`))?.status()).toBe(404);
  expect(await outsider.locator("main").innerText()).toBe(wrong);

  for (const [person, email] of phones.entries()) {
    const page = await onPhone(browser, email, person !== 1);
    await page.goto("/team-health");
    await page.getByRole("link", { name: "Join a live check-in" }).click();
    // Typed as heard: lower case, a space for the dash.
    await page.getByLabel("Code").fill(code.toLowerCase().replace("-", " "));
    await page.getByRole("button", { name: "Join" }).click();
    await fitsPhone(page);
    await answer(page, person, person === 2 ? [0, 4] : []);
    // The room hears it without a reload: a count, never a name.
    await expect(room.getByText(`Answered or skipped: ${person + 1} of 7 asked`)).toBeVisible();
    await expect(room.getByText(/No results yet/)).toBeVisible();
    await expect(room.getByRole("table")).toHaveCount(0);
    if (person === 0) {
      // Once answered, the code opens the room on the phone: the same count, still no results.
      await page.goto(`/team-health/live/${code}`);
      await expect(page).toHaveURL(new RegExp(`/team-health/live/${code}/room$`));
      await expect(page.getByText(`Answered or skipped: 1 of 7 asked`)).toBeVisible();
      await fitsPhone(page);
    }
  }
  // Without JavaScript a reload shows the same.
  const still = await onPhone(browser, phones[1]!, false);
  await still.goto(`/team-health/live/${code}/room`);
  await expect(still.getByText("Answered or skipped: 3 of 7 asked")).toBeVisible();
  await expect(still.getByText(/No results yet/)).toBeVisible();

  // The fourth answer, Tom's from a second tab, completes the floor's batch: the room shows it.
  const tab = await room.context().newPage();
  await tab.goto(`/team-health/live/${code}`);
  await answer(tab, 3);
  await expect(room.getByText("Answered or skipped: 4 of 7 asked")).toBeVisible();
  await expect(room.getByText(/From 4 answers of 7 asked/)).toBeVisible();
  await expect(room.getByText(/Psychological safety score/)).toBeVisible();
  const table = room.getByRole("table");
  await expect(table).toBeVisible();
  // An item's statement heads its row group; its figures (4 answers) are the row under it.
  await expect(table.locator("tbody", { hasText: items[3]! }).getByRole("cell").first()).toHaveText(
    "4",
  );
  await still.reload();
  await expect(still.getByText(/From 4 answers of 7 asked/)).toBeVisible();

  await room.getByRole("button", { name: "Close the check-in" }).click();
  await expect(room.getByRole("heading", { name: "Mobile: team health" })).toBeVisible();
  await expect(room.getByText(/From 4 answers of 7 asked/)).toBeVisible();
  await expect(room.getByText(/Closed\./)).toBeVisible();
  await expect(room.getByRole("button", { name: "Choose this action" })).toBeVisible();
  await still.goto(`/team-health/live/${code}`);
  await expect(still.getByText(/This check-in is closed/)).toBeVisible();
});

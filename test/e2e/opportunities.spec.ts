import { expect, test, type Browser } from "./test";
import { people, scriptsFetched, signIn } from "./helpers";

// Sam Okafor posts; two of Checkout's engineers no other journey signs in as express interest; Mei
// Tanaka sponsors the one chosen.
// Demo people this spec changes: Jonas Berg, Chloe Martin, Mei Tanaka.
const chloe = { email: "chloe.martin@example.com", name: "Chloe Martin" };
const jonas = { email: "jonas.berg@example.com", name: "Jonas Berg" };
const mei = { email: "mei.tanaka@example.com", name: "Mei Tanaka" };
const title = "Extract the checkout pricing rules";

async function as(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("an opportunity posted, two people interested, one chosen with a reason the other reads, evidence recorded, a sponsorship recorded", async ({
  browser,
}) => {
  const sam = await as(browser, people.manager.email);
  await sam.goto("/opportunities");
  await sam.getByRole("link", { name: "Post an opportunity" }).click();
  await sam.getByLabel("Kind").selectOption({ label: "Project" });
  await sam.getByLabel("Title").fill(title);
  await sam.getByRole("checkbox", { name: "Testing and verification" }).check();
  await sam.getByRole("checkbox", { name: "Code quality" }).check();
  await sam.getByLabel("Hours a week").fill("5");
  await sam.getByRole("button", { name: "Post", exact: true }).click();
  await expect(sam.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const url = sam.url();

  for (const [person, note] of [
    [chloe, "I wrote the first version of these rules."],
    [jonas, "I want to get better at testing code like this."],
  ] as const) {
    const page = await as(browser, person.email);
    await page.goto("/opportunities");
    await page.getByRole("link", { name: title }).click();
    await page.getByLabel("Your note").fill(note);
    await page.getByRole("button", { name: "Express interest" }).click();
    await expect(page.getByText(note)).toBeVisible();
  }

  // Opened as a document (from an email or the to-do list), the page and its forms work as HTML (decision 144).
  const samScripts = scriptsFetched(sam);
  await sam.goto(url);
  await sam.getByLabel("Person").selectOption({ label: jonas.name });
  await sam.getByRole("checkbox", { name: "Testing and verification" }).check();
  await sam
    .getByLabel("Reason")
    .fill("Jonas's plan asks for testing depth, and this is the place to build it.");
  await sam.getByRole("button", { name: "Choose", exact: true }).click();
  await expect(sam.getByText(`Chosen: ${jonas.name}`)).toBeVisible();
  expect(samScripts).toEqual([]);

  const other = await as(browser, chloe.email);
  await other.goto(url);
  await expect(other.getByText("You were not chosen this time.")).toBeVisible();
  await expect(
    other.getByText("Jonas's plan asks for testing depth, and this is the place to build it."),
  ).toBeVisible();

  const chosen = await as(browser, jonas.email);
  const chosenScripts = scriptsFetched(chosen);
  await chosen.goto(url);
  await chosen.getByLabel("Competency").selectOption({ label: "Testing and verification" });
  await chosen
    .getByLabel("What you did")
    .fill("Covered the discount rules with table-driven tests.");
  await chosen.getByRole("button", { name: "Record evidence" }).click();
  await expect(
    chosen.getByText("Covered the discount rules with table-driven tests."),
  ).toBeVisible();
  expect(chosenScripts).toEqual([]);

  const sponsor = await as(browser, mei.email);
  // The sponsorships page is a document of HTML (decision 157): its form posts and redirects.
  const sponsorScripts = scriptsFetched(sponsor);
  await sponsor.goto("/sponsorships");
  await sponsor.getByLabel("Their email").fill(jonas.email);
  await sponsor.getByLabel("Advocating for").selectOption({ label: "A role" });
  await sponsor.getByLabel("Role", { exact: true }).fill("Tech lead of Checkout pricing");
  await sponsor.getByRole("button", { name: "Record the sponsorship" }).click();
  await expect(sponsor.getByText(`${mei.name} sponsors ${jonas.name}`)).toBeVisible();

  await chosen.goto("/sponsorships");
  await expect(chosen.getByText(`${mei.name} sponsors ${jonas.name}`)).toBeVisible();
  await expect(chosen.getByRole("button", { name: "Decline" })).toBeVisible();
  expect(sponsorScripts).toEqual([]);
});

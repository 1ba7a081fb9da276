import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The first half of a promotion window in the demo organisation, in Identity, where no other
 * browser walk signs in: the process everyone reads, a self-nomination's packet written from
 * evidence and submitted, the manager told and adding to a nomination they did not make, and a
 * sponsorship recorded on the sponsorships page shown with the nomination to the nominee but not to
 * her manager (sponsorships are the sponsor's, the sponsee's, admins' and the committee's). The
 * committee's votes, the meeting and the release follow in the second half.
 */
const admin = { email: "priya.raman@example.com" };
const nominee = { email: "niamh.gallagher@example.com", name: "Niamh Gallagher" };
const manager = { email: "rosa.delgado@example.com", name: "Rosa Delgado" };
const sponsor = { email: "kwame.boateng@example.com" };

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("a window's nominations and packets: everyone reads the process; a sponsor records a sponsorship; the nominee writes and submits a packet beside it; the manager adds to it", async ({ browser }) => {
  const priya = await as(browser, admin.email);
  await priya.goto("/admin/promotions");
  await expect(priya.getByRole("heading", { name: "Promotion process" })).toBeVisible();
  await expect(priya.getByRole("link", { name: "Spring 2027 promotions" })).toBeVisible();
  await priya.getByRole("link", { name: "Spring 2027 promotions" }).click();
  await expect(priya.getByText("The criteria are locked", { exact: false })).toBeVisible();
  await expect(priya.getByRole("table", { name: "Nominations" }).getByRole("link", { name: nominee.name })).toBeVisible();

  const kwame = await as(browser, sponsor.email);
  await kwame.goto("/promotions");
  await expect(kwame.getByRole("heading", { name: "How promotion works here" })).toBeVisible();
  await expect(kwame.getByRole("table", { name: "Windows" }).getByText("8 nominated · 4 promoted · 4 not yet")).toBeVisible();
  // Kwame, senior to Niamh, sponsors her for a role; her nomination shows it from now on.
  await kwame.goto("/sponsorships");
  await kwame.getByLabel("Their email").fill(nominee.email);
  await kwame.getByLabel("Advocating for").selectOption({ label: "A role" });
  await kwame.getByLabel("Role", { exact: true }).fill("Identity tech lead");
  await kwame.getByRole("button", { name: "Record the sponsorship" }).click();
  await expect(kwame.getByText("For the role Identity tech lead", { exact: false })).toBeVisible();

  const niamh = await as(browser, nominee.email);
  await niamh.goto("/");
  await niamh.getByRole("link", { name: "Write the promotion packet for Spring 2027 promotions" }).click();
  await expect(niamh.getByRole("heading", { name: `${nominee.name}, for Senior Engineer` })).toBeVisible();
  await expect(niamh.getByText("Gap: no evidence").first()).toBeVisible();
  await expect(niamh.getByRole("heading", { name: "Sponsorship" })).toBeVisible();
  await expect(niamh.getByText("Kwame Boateng sponsors them for the role Identity tech lead", { exact: false })).toBeVisible();
  const testing = niamh.locator("#case-testing").locator("xpath=..");
  await testing.getByLabel("Your case").fill("Wrote the contract tests every login change now runs.");
  await testing.getByRole("button", { name: "Save this criterion" }).click();
  await expect(niamh.locator("#case-testing").locator("xpath=..").getByLabel("Your case")).toHaveValue("Wrote the contract tests every login change now runs.");

  const rosa = await as(browser, manager.email);
  await rosa.goto("/");
  await rosa.getByRole("link", { name: `Add to ${nominee.name}'s promotion nomination` }).click();
  await rosa.getByLabel("Your addition as their manager").fill("She also ran the passkey rollout's on-call.");
  await rosa.getByRole("button", { name: "Save the addition" }).click();
  await expect(rosa.getByRole("paragraph").filter({ hasText: "She also ran the passkey rollout's on-call." })).toBeVisible();
  await expect(rosa.getByRole("button", { name: "Withdraw the nomination" })).toHaveCount(0);
  // Her manager reads the nomination and its packet, not her sponsorship.
  await expect(rosa.getByText("Kwame Boateng sponsors them", { exact: false })).toHaveCount(0);

  await niamh.reload();
  await niamh.getByRole("button", { name: "Submit the packet" }).click();
  await expect(niamh.getByRole("heading", { name: /The packet, submitted on/ })).toBeVisible();
  await expect(niamh.getByRole("button", { name: "Save this criterion" })).toHaveCount(0);
});

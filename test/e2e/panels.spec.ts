import { expect, test, type Browser, type Page } from "./test";
import { expectAccessible, people, scriptsFetched, signIn } from "./helpers";

// The demo's panel rule mixes teams and levels and lets only qualified interviewers score. People no
// other browser test staffs: Identity's Niamh (qualified in coding) and Sana (in delivery),
// Infrastructure's Omar (in system design), Yara (a shadow in system design, seated with Yuki Sato
// on the loop in progress).
// Demo people this spec changes: Niamh Gallagher, Sana Qureshi, Omar Farouk, Yara Haddad, Yuki Sato.
const niamh = { email: "niamh.gallagher@example.com" };
const sana = { email: "sana.qureshi@example.com" };
const yuki = { email: "yuki.sato@example.com" };
const omar = { email: "omar.farouk@example.com" };

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The interviewer opens the sign-off from their to-do list and moves the trainee on. */
async function signOff(browser: Browser, email: string, stage: string, button: string) {
  const page = await signedIn(browser, email);
  // The seat's page is opened from home as a document of HTML, and its form posts (decision 144).
  const scripts = scriptsFetched(page);
  await page
    .getByRole("listitem")
    .filter({ hasText: `Sign off a trainee who sat in on your ${stage} interview` })
    .filter({ hasText: "Yara Haddad" })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { name: "Practice notes" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Signed off: now / })).toBeVisible();
  expect(scripts).toEqual([]);
  await page.context().close();
}

test("a hiring admin staffs a loop whose panel the rule flags, widens it with a suggestion, and a shadow becomes a qualified interviewer", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  await signIn(page, people.hiringAdmin.email);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Hiring" })
    .click();
  await page.getByRole("link", { name: "Senior Engineer, Identity", exact: true }).click();
  await page.getByLabel("Candidate's name").fill("Rowan Panel");
  await page.getByRole("button", { name: "Add candidate and start their loop" }).click();
  await expect(page.getByRole("heading", { name: "Rowan Panel", level: 1 })).toBeVisible();

  // Two interviewers from one team: the rule flags the panel.
  const assign = page.locator("form").filter({ has: page.getByLabel("Interviewer's email") });
  for (const [stage, person] of [
    ["Coding", niamh],
    ["Delivery and product", sana],
  ] as const) {
    await assign.getByLabel("Stage").selectOption({ label: stage });
    await assign.getByLabel("Interviewer's email").fill(person.email);
    await assign.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByText("Interviewer assigned.")).toBeVisible();
  }
  await page.getByRole("link", { name: "Panel mix and trainees" }).click();
  await expect(
    page.getByRole("heading", { name: "The panel for Rowan Panel", level: 1 }),
  ).toBeVisible();
  // The panel's page is sent as HTML (decision 149): opened as a document, as from an email, it is
  // widened and a trainee seated with no script fetched.
  const panelScripts = scriptsFetched(page);
  await page.goto(page.url());
  await expect(
    page.getByText("The panel comes from one group on a dimension the organisation asked to mix."),
  ).toBeVisible();
  await expectAccessible(page);

  // Omar, from another team and qualified in system design, widens it.
  await page
    .getByRole("region", {
      name: "Qualified interviewers who would widen the panel for System design",
    })
    .getByRole("button", { name: "Add to the panel: Omar Farouk" })
    .click();
  await expect(page.getByText("The interviewer is added to the panel.")).toBeVisible();
  await expect(page.getByText("The panel meets the organisation's rule.")).toBeVisible();

  // Yuki signs off Yara's shadow seat; Yara, now a reverse shadow, leads Omar's interview; Omar qualifies her.
  await signOff(browser, yuki.email, "System design", "Ready to lead as a reverse shadow");
  await page.reload();
  await page.getByRole("button", { name: "Sit in with Omar Farouk: Yara Haddad" }).click();
  await expect(page.getByText("The trainee is seated on the interview.")).toBeVisible();
  await expect(page.getByText("Yara Haddad sits in (Reverse shadow)")).toBeVisible();
  expect(panelScripts).toEqual([]);
  await signOff(browser, omar.email, "System design", "Qualified to interview");

  await page.goto("/hiring/panels");
  await expect(page.getByRole("row").filter({ hasText: "Yara Haddad" })).toContainText(
    "System design and architecture: Qualified",
  );
  await expectAccessible(page);
});

import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// The demo's "Autumn promotions" (prisma/seed/demo-promotion-committee.ts): Elif Yilmaz has voted on
// both nominees; Anna Schmidt chairs and Diego Santos votes. No other browser test signs in as them,
// Lucas Moreau or Niamh Gallagher.
const WINDOW = "/promotions/windows/demo-promotions-autumn";
const chair = "anna.schmidt@example.com";
const member = "diego.santos@example.com";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Marks every criterion of a form (one group each) the same, the first one as `first` when given. */
async function markEvery(scope: Locator, mark: string, first?: string) {
  const groups = scope.getByRole("group");
  const count = await groups.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index += 1) await groups.nth(index).getByRole("radio", { name: index === 0 && first ? first : mark, exact: true }).check();
}

/** A member's vote on the nominee with that candidate number: read redacted, marked, submitted; then the others' votes are there. */
async function vote(page: Page, candidate: number, mark: string, first?: string) {
  await page.goto(`${WINDOW}/meeting`);
  await expect(page.getByText("The votes on this nominee are shown once your own is in.").first()).toBeVisible();
  await page.getByRole("heading", { name: new RegExp(`^#${candidate}, for`) }).locator("xpath=..").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Candidate ${candidate}, for`) })).toBeVisible();
  await expect(page.getByText(/You are reading this packet redacted/)).toBeVisible();
  await expect(page.getByText(/Lucas|Niamh|Laura|Rosa/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "The other members' votes" })).toHaveCount(0);
  await markEvery(page.locator("form").filter({ has: page.getByRole("button", { name: "Submit my vote" }) }), mark, first);
  await page.getByRole("button", { name: "Submit my vote" }).click();
  await expect(page.getByText("Your vote is in. You now read the other members' votes as they come in.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "The other members' votes" }).first()).toBeVisible();
  await expect(page.getByText(/Elif Yilmaz: /).first()).toBeVisible();
}

test("two members vote independently on a redacted first read; the chair holds the meeting, decides and releases, opens the audit and the window closes; one nominee reads a promotion, the other a not yet they put into their growth plan", async ({ browser }) => {
  test.setTimeout(120_000);

  // The chair finds the votes she owes on her home page.
  const anna = await signedIn(browser, chair);
  const owed = anna.getByRole("listitem").filter({ hasText: "Vote on the nominees of Autumn promotions" });
  await expect(owed).toContainText("2 nominees are waiting for your vote.");
  await owed.getByRole("link").click();
  await expect(anna.getByRole("heading", { level: 1, name: "The meeting of Autumn promotions" })).toBeVisible();
  await vote(anna, 1, "Met");
  await expectAccessible(anna);
  await vote(anna, 2, "Met", "Not yet");
  const diego = await signedIn(browser, member);
  await vote(diego, 1, "Met");
  await vote(diego, 2, "Partly", "Not yet");

  // The chair opens the meeting: the nominees side by side, a disagreement marked, the agreement measured.
  await anna.goto(`${WINDOW}/meeting`);
  await anna.getByRole("button", { name: "Start the meeting" }).click();
  await expect(anna.getByRole("table", { name: /Each member's mark per criterion for Niamh Gallagher/ }).getByText("Marks differ").first()).toBeVisible();
  await expect(anna.getByText(/Krippendorff's alpha \(ordinal\)/)).toBeVisible();
  await expectAccessible(anna);

  const decisionForm = (nominationId: string) => anna.locator(`form:has(input[name="nominationId"][value="${nominationId}"])`).filter({ has: anna.getByRole("button", { name: "Save the decision" }) });
  const lucasForm = decisionForm("demo-nomination-lucas");
  await lucasForm.getByLabel("Outcome").selectOption("promote");
  await markEvery(lucasForm, "Met");
  await lucasForm.getByLabel("Summary").fill("Every expectation is met, with evidence beyond the team.");
  await lucasForm.getByRole("button", { name: "Save the decision" }).click();
  await expect(anna.getByRole("heading", { name: "Decision: Promote" })).toBeVisible();

  const niamhForm = decisionForm("demo-nomination-niamh");
  await niamhForm.getByLabel("Outcome").selectOption("not-yet");
  await markEvery(niamhForm, "Met", "Not yet");
  // A criterion not met needs its reason: refused, then given.
  await niamhForm.getByRole("button", { name: "Save the decision" }).click();
  await expect(anna.getByText("Say why this criterion is not met.")).toBeVisible();
  await markEvery(niamhForm, "Met", "Not yet");
  await niamhForm.getByRole("group").first().getByRole("textbox").fill("Shown on the sign-in rebuild; not yet across the area's teams.");
  await niamhForm.getByRole("button", { name: "Save the decision" }).click();
  await expect(anna.getByRole("heading", { name: "Decision: Not yet" })).toBeVisible();

  // Until the release, Lucas reads no decision.
  const lucas = await signedIn(browser, "lucas.moreau@example.com");
  await lucas.goto("/promotions/outcome/demo-nomination-lucas");
  await expect(lucas.getByText("No decision has been released yet. You will be told as soon as it is.")).toBeVisible();

  await anna.getByRole("button", { name: "Release the decision to Lucas Moreau" }).click();
  await expect(anna.getByText("Released to the nominee.")).toBeVisible();
  await anna.getByRole("button", { name: "Release the decision to Niamh Gallagher" }).click();
  await expect(anna.getByText("Released to the nominee.")).toHaveCount(2);

  // The window closes only after its chair has opened its audit: refused before, offered after.
  const priya = await signedIn(browser, "priya.raman@example.com");
  await priya.goto("/admin/promotions/demo-promotions-autumn");
  await expect(priya.getByText("The chair has not opened the window's audit yet: the window closes only after they have.")).toBeVisible();
  await expect(priya.getByRole("button", { name: "Close the window" })).toHaveCount(0);
  await anna.goto(`${WINDOW}/meeting`);
  await anna.getByRole("link", { name: "The window's audit" }).click();
  await expect(anna.getByRole("heading", { level: 1, name: "Who was nominated and promoted in Autumn promotions" })).toBeVisible();
  await expect(anna.getByText(/your reading is recorded in the window's history/)).toBeVisible();
  await expectAccessible(anna);
  await priya.reload();
  await expect(priya.getByText(/The chair, Anna Schmidt, opened the window's audit on/)).toBeVisible();
  await priya.getByRole("button", { name: "Close the window" }).click();
  await expect(priya.getByText(/Closed/).first()).toBeVisible();

  await lucas.reload();
  await expect(lucas.getByRole("heading", { name: /^Promoted to / })).toBeVisible();
  await expect(lucas.getByText(/The new level takes effect on/)).toBeVisible();
  await expectAccessible(lucas);

  // Niamh's home page says her decision is there, not what it is.
  const niamh = await signedIn(browser, "niamh.gallagher@example.com");
  const released = niamh.getByRole("listitem").filter({ hasText: "Your promotion decision in Autumn promotions is released" });
  await expect(released).not.toContainText("Not yet");
  await released.getByRole("link").click();
  await expect(niamh.getByRole("heading", { name: /^Not yet / })).toBeVisible();
  await expect(niamh.getByText("Shown on the sign-in rebuild; not yet across the area's teams.")).toBeVisible();
  await expect(niamh.getByRole("heading", { name: "What would change the answer" })).toBeVisible();
  await expect(niamh.getByText(/You may be nominated again/)).toBeVisible();
  await niamh.getByRole("button", { name: "Put these into my growth plan" }).click();
  await expect(niamh.getByText("The criteria not yet met are now the focus of your growth plan.")).toBeVisible();
  await expectAccessible(niamh);
});

import { expect, test, type Browser, type Locator, type Page } from "./test";
import { expectAccessible, scriptsFetched, signIn } from "./helpers";

/**
 * One promotion window, from its first nomination to its close: the demo's "Summer promotions"
 * (prisma/seed/demo-promotion-committee.ts), open with nobody nominated and no committee, two voters
 * and a redacted first read. In Infrastructure, Julia Costa nominates herself, Arjun Mehta his report
 * Amara Nwosu, and Kwame Boateng, who sponsors Nora Lindqvist, nominates her; each writes and submits
 * a packet. Ines Duarte chairs and Ravi Iyer votes (outside the nominees' organisation, at or above
 * their target levels). The window decides the three nominees' promotions (Amara's and Nora's take
 * effect 60 days after the seed): no other spec on the demo server signs in as or names them, Kwame,
 * Ines or Ravi. Arjun, whose goals goals.spec.ts writes, only acts here.
 * Demo people this spec changes: Julia Costa, Amara Nwosu, Nora Lindqvist, Kwame Boateng, Ines Duarte, Ravi Iyer.
 */
const WINDOW = "demo-promotions-summer";
const MEETING = `/promotions/windows/${WINDOW}/meeting`;
const admin = "priya.raman@example.com";
const manager = { email: "arjun.mehta@example.com" };
const sponsor = { email: "kwame.boateng@example.com" };
const julia = { email: "julia.costa@example.com", name: "Julia Costa" };
const amara = { email: "amara.nwosu@example.com", name: "Amara Nwosu" };
const nora = { email: "nora.lindqvist@example.com", name: "Nora Lindqvist" };
const chair = { email: "ines.duarte@example.com", name: "Ines Duarte" };
const member = { email: "ravi.iyer@example.com", name: "Ravi Iyer" };

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function nominate(page: Page, nomineeEmail: string, level: string, statement: string) {
  await page.goto("/promotions/nominate");
  await page.getByRole("link", { name: "Summer promotions" }).click();
  await page.getByLabel("Whom to nominate (their email)").fill(nomineeEmail);
  await page.getByLabel("For the level").selectOption(level);
  await page.getByLabel("Statement", { exact: true }).fill(statement);
  await page.getByRole("button", { name: "Nominate" }).click();
}

/** Writes the first criterion's case, then submits the packet: once in, it is no longer written. */
async function writeAndSubmit(page: Page, text: string) {
  const scripts = scriptsFetched(page);
  const firstCase = () => page.locator('[id^="case-"]').first().locator("xpath=..");
  // One criterion is written at a time: the first without a case is open, the others are links.
  await expect(page.getByLabel("Your case")).toHaveCount(1);
  await firstCase().getByLabel("Your case").fill(text);
  // Saved (a whole page's post), the page names it and opens the next criterion, ready to type in;
  // the submission then carries the packet's revision as that page read it.
  await firstCase().getByRole("button", { name: "Save this criterion" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /^Your case for .+ is saved\.$/ }),
  ).toBeVisible();
  await expect(firstCase()).toContainText(text);
  await expect(firstCase().getByRole("link", { name: "Change your case" })).toBeVisible();
  await expect(page.getByLabel("Your case")).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit the packet" }).click();
  await expect(page.getByRole("heading", { name: /The packet, submitted on/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save this criterion" })).toHaveCount(0);
  // The packet opens as a document (from home's to-do, or read again) and is HTML (decision 143).
  expect(scripts).toEqual([]);
}

/** Marks every criterion of a form (one group each) the same, the first one as `first` when given. */
async function markEvery(scope: Locator, mark: string, first?: string) {
  // A criterion's group of marks; the level's expectations beside it are a closed <details> (a group too).
  const groups = scope.getByRole("group").filter({ has: scope.page().getByRole("radio") });
  const count = await groups.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index += 1)
    await groups
      .nth(index)
      .getByRole("radio", { name: index === 0 && first ? first : mark, exact: true })
      .check();
}

/**
 * A member's vote on the nominee with that candidate number: read redacted (no nominee, manager or
 * other member's vote), marked, submitted; then the votes already in are there, `before`'s among them.
 */
async function vote(page: Page, candidate: number, mark: string, first?: string, before?: string) {
  const scripts = scriptsFetched(page);
  await page.goto(MEETING);
  await expect(
    page.getByText("The votes on this nominee are shown once your own is in.").first(),
  ).toBeVisible();
  await page
    .getByRole("heading", { name: new RegExp(`^#${candidate}, for`) })
    .locator("xpath=..")
    .getByRole("link")
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: new RegExp(`^Candidate ${candidate}, for`) }),
  ).toBeVisible();
  await expect(page.getByText(/You are reading this packet redacted/)).toBeVisible();
  await expect(page.getByText(/Julia|Costa|Amara|Nwosu|Nora|Lindqvist|Arjun|Mehta/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "The other members' votes" })).toHaveCount(0);
  if (before) await expect(page.getByText(`${before}: `)).toHaveCount(0);
  await markEvery(
    page.locator("form").filter({ has: page.getByRole("button", { name: "Submit my vote" }) }),
    mark,
    first,
  );
  await page.getByRole("button", { name: "Submit my vote" }).click();
  await expect(
    page.getByText("Your vote is in. You now read the other members' votes as they come in."),
  ).toBeVisible();
  if (before) await expect(page.getByText(`${before}: `).first()).toBeVisible();
  expect(scripts).toEqual([]);
}

test("a promotion window end to end: a self, a manager's and a sponsor's nomination; packets; the committee's independent, redacted votes; the meeting side by side; release, audit and close; a promotion and a not yet", async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // Everyone reads how promotion works; a sponsor records a sponsorship, then nominates his sponsee.
  const kwame = await as(browser, sponsor.email);
  await kwame.goto("/promotions");
  await expect(kwame.getByRole("heading", { name: "How promotion works here" })).toBeVisible();
  await expect(
    kwame.getByRole("table", { name: "Windows" }).getByText("8 nominated · 4 promoted · 4 not yet"),
  ).toBeVisible();
  await kwame.goto("/sponsorships");
  await kwame.getByLabel("Their email").fill(nora.email);
  await kwame.getByLabel("Advocating for").selectOption({ label: "A role" });
  await kwame.getByLabel("Role", { exact: true }).fill("Infrastructure tech lead");
  await kwame.getByRole("button", { name: "Record the sponsorship" }).click();
  await expect(
    kwame.getByText("For the role Infrastructure tech lead", { exact: false }),
  ).toBeVisible();
  await nominate(
    kwame,
    nora.email,
    "ic4",
    "Nora set the build cache's design for three teams this year.",
  );
  await expect(
    kwame.getByRole("heading", { name: `${nora.name}, for Staff Engineer` }),
  ).toBeVisible();
  await expect(
    kwame.getByText("Kwame Boateng made this nomination as their sponsor."),
  ).toBeVisible();

  // Julia nominates herself; her manager nominates Amara.
  const juliaPage = await as(browser, julia.email);
  await nominate(
    juliaPage,
    "",
    "ic2",
    "I have run the team's on-call rota and its incident reviews since spring.",
  );
  await expect(
    juliaPage.getByRole("heading", { name: `${julia.name}, for Engineer II` }),
  ).toBeVisible();
  const arjun = await as(browser, manager.email);
  await nominate(
    arjun,
    amara.email,
    "ic3",
    "Amara leads the deploy pipeline work and reviews most of the team's designs.",
  );
  await expect(
    arjun.getByRole("heading", { name: `${amara.name}, for Senior Engineer` }),
  ).toBeVisible();

  // The manager is told of the nominations he did not make, adds to one, and reads no sponsorship.
  await arjun.goto("/");
  await arjun.getByRole("link", { name: `Add to ${julia.name}'s promotion nomination` }).click();
  await arjun
    .getByLabel("Your addition as their manager")
    .fill("She also wrote the runbooks the other teams now copy.");
  await arjun.getByRole("button", { name: "Save the addition" }).click();
  await expect(
    arjun
      .getByRole("paragraph")
      .filter({ hasText: "She also wrote the runbooks the other teams now copy." }),
  ).toBeVisible();
  await expect(arjun.getByRole("button", { name: "Withdraw the nomination" })).toHaveCount(0);
  await arjun.goto("/");
  await arjun.getByRole("link", { name: `Add to ${nora.name}'s promotion nomination` }).click();
  await expect(
    arjun.getByRole("heading", { name: `${nora.name}, for Staff Engineer` }),
  ).toBeVisible();
  await expect(arjun.getByText("Kwame Boateng sponsors them", { exact: false })).toHaveCount(0);

  // Each nominee writes and submits their packet; the sponsored one reads the sponsorship beside it.
  await juliaPage.reload();
  await writeAndSubmit(juliaPage, "Ran eleven incident reviews; two changed how the team deploys.");
  const amaraPage = await as(browser, amara.email);
  await amaraPage
    .getByRole("link", { name: "Write the promotion packet for Summer promotions" })
    .click();
  await expect(amaraPage).toHaveURL(/\/promotions\/nominations\/[^/]+$/);
  const amaraNomination = new URL(amaraPage.url()).pathname.split("/").pop()!;
  await writeAndSubmit(amaraPage, "Designed the staged rollout that every deploy now uses.");
  const noraPage = await as(browser, nora.email);
  await noraPage
    .getByRole("link", { name: "Write the promotion packet for Summer promotions" })
    .click();
  await expect(noraPage.getByRole("heading", { name: "Sponsorship" })).toBeVisible();
  await expect(
    noraPage.getByText("Kwame Boateng sponsors them for the role Infrastructure tech lead", {
      exact: false,
    }),
  ).toBeVisible();
  await writeAndSubmit(noraPage, "Set the build cache's design, which three teams now build on.");

  // The admin names the committee, which meets the window's rules for every nominee, and starts the votes.
  const priya = await as(browser, admin);
  await priya.goto("/admin/promotions");
  await priya.getByRole("link", { name: "Summer promotions" }).click();
  await expect(priya.getByText("The criteria are locked", { exact: false })).toBeVisible();
  await expect(
    priya.getByText("The committee has no chair yet: name one before the votes start."),
  ).toBeVisible();
  await priya.getByRole("link", { name: "The committee", exact: true }).click();
  // Its heading waits for the page's words, the last script the click's navigation fetches.
  await expect(
    priya.getByRole("heading", { name: "The committee of Summer promotions" }),
  ).toBeVisible();
  await expect(priya).toHaveURL(/\/committee$/);
  // The committee's page is sent as HTML (decision 153): opened as a document, its members are
  // named with no script fetched.
  const committeeScripts = scriptsFetched(priya);
  await priya.goto(priya.url());
  for (const [person, role] of [
    [chair, "chair"],
    [member, "member"],
  ] as const) {
    await priya.getByLabel("Email of the person to name").fill(person.email);
    await priya.getByLabel("Role", { exact: true }).selectOption(role);
    await priya.getByRole("button", { name: "Name to the committee" }).click();
    await expect(priya.getByRole("button", { name: `Remove ${person.name}` })).toBeVisible();
    await expect(priya.getByText("Named to the committee.")).toBeVisible();
  }
  await expect(priya.getByText("This committee meets the window's rules.")).toHaveCount(3);
  expect(committeeScripts).toEqual([]);
  await priya.goto(`/admin/promotions/${WINDOW}`);
  await priya.getByRole("button", { name: "End nominations and start the votes" }).click();
  await expect(priya.getByText(/· Committee reading$/)).toBeVisible();

  // The chair finds the votes she owes on her home page and votes first; the member votes without reading hers.
  const ines = await as(browser, chair.email);
  const owed = ines
    .getByRole("listitem")
    .filter({ hasText: "Vote on the nominees of Summer promotions" });
  await expect(owed).toContainText("3 nominees are waiting for your vote.");
  await owed.getByRole("link").click();
  await expect(
    ines.getByRole("heading", { level: 1, name: "The meeting of Summer promotions" }),
  ).toBeVisible();
  await vote(ines, 1, "Met", "Not yet");
  await expectAccessible(ines);
  await vote(ines, 2, "Met");
  await vote(ines, 3, "Met");
  const ravi = await as(browser, member.email);
  await vote(ravi, 1, "Met", "Partly", chair.name);
  await vote(ravi, 2, "Met", undefined, chair.name);
  await vote(ravi, 3, "Met", undefined, chair.name);

  // The chair opens the meeting: the nominees side by side, a disagreement marked, the agreement measured.
  const meetingScripts = scriptsFetched(ines);
  await ines.goto(MEETING);
  await ines.getByRole("button", { name: "Start the meeting" }).click();
  await expect(
    ines
      .getByRole("table", {
        name: `Each member's mark per criterion for ${julia.name}; rows where marks differ are marked.`,
      })
      .getByText("Marks differ")
      .first(),
  ).toBeVisible();
  await expect(ines.getByText(/Krippendorff's alpha \(ordinal\)/)).toBeVisible();
  // With its interval over the nominees, or the words that they are too few to read it.
  await expect(ines.getByText(/^(95% interval|Too few nominees)/)).toBeVisible();
  await expectAccessible(ines);
  // The meeting's heaviest view, on a phone (issue 81): three nominees' marks side by side, each
  // with a link to its decision form, one form open at a time (decision 170). Every form open (the
  // old layout) it is 11,185 px tall at 390 px; closed, 3,395. Measured here, where a window reaches
  // its meeting with every ballot in: the demo's "Autumn promotions" is still taking votes
  // (test/e2e/narrow.spec.ts reads it there).
  await expect(ines.getByRole("link", { name: "Record the decision" })).toHaveCount(3);
  const desktop = ines.viewportSize()!;
  await ines.setViewportSize({ width: 390, height: 844 });
  const phone = await ines.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(phone.width, `the meeting is ${phone.width} px wide`).toBeLessThanOrEqual(390);
  expect(phone.height, `the meeting is ${phone.height} px tall`).toBeLessThanOrEqual(4_500);
  await ines.setViewportSize(desktop);

  const card = (name: string, target: string) =>
    ines.getByRole("heading", { level: 2, name: `${name}, for ${target}` }).locator("xpath=..");
  const decisionForm = (name: string, target: string) =>
    card(name, target)
      .locator("form")
      .filter({ has: ines.getByRole("button", { name: "Save the decision" }) });
  for (const [nominee, target] of [
    [amara, "Senior Engineer"],
    [nora, "Staff Engineer"],
  ] as const) {
    const form = decisionForm(nominee.name, target);
    // Each nominee's decision form is opened by its link, the only one on the page.
    await card(nominee.name, target).getByRole("link", { name: "Record the decision" }).click();
    await expect(ines.getByRole("button", { name: "Save the decision" })).toHaveCount(1);
    if (nominee === amara) await expectAccessible(ines);
    await form.getByLabel("Outcome").selectOption("promote");
    await markEvery(form, "Met");
    await form
      .getByLabel("Summary")
      .fill("Every expectation is met, with evidence beyond the team.");
    await form.getByRole("button", { name: "Save the decision" }).click();
    await expect(
      card(nominee.name, target).getByRole("heading", { name: "Decision: Promote" }),
    ).toBeVisible();
  }
  const juliaForm = decisionForm(julia.name, "Engineer II");
  await card(julia.name, "Engineer II").getByRole("link", { name: "Record the decision" }).click();
  await juliaForm.getByLabel("Outcome").selectOption("not-yet");
  await markEvery(juliaForm, "Met", "Not yet");
  // A criterion not met needs its reason: refused, then given.
  await juliaForm.getByRole("button", { name: "Save the decision" }).click();
  await expect(ines.getByText("Say why this criterion is not met.")).toBeVisible();
  await markEvery(juliaForm, "Met", "Not yet");
  await juliaForm
    .getByRole("group")
    .first()
    .getByRole("textbox")
    .fill("Shown within the team's on-call; not yet in the work the team plans.");
  await juliaForm.getByRole("button", { name: "Save the decision" }).click();
  await expect(
    card(julia.name, "Engineer II").getByRole("heading", { name: "Decision: Not yet" }),
  ).toBeVisible();

  // Until the release, the nominee reads no decision, on a page that is HTML (decision 143).
  const outcomeScripts = scriptsFetched(amaraPage);
  await amaraPage.goto(`/promotions/outcome/${amaraNomination}`);
  await expect(
    amaraPage.getByText("No decision has been released yet. You will be told as soon as it is."),
  ).toBeVisible();

  for (const [index, nominee] of [amara, nora, julia].entries()) {
    await ines.getByRole("button", { name: `Release the decision to ${nominee.name}` }).click();
    await expect(ines.getByText("Released to the nominee.")).toHaveCount(index + 1);
  }
  // The meeting, its decisions refused and saved, and the releases, as HTML (decision 143).
  expect(meetingScripts).toEqual([]);

  // The window closes only after its chair has opened its audit: refused before, offered after.
  await priya.goto(`/admin/promotions/${WINDOW}`);
  await expect(
    priya.getByText(
      "The chair has not opened the window's audit yet: the window closes only after they have.",
    ),
  ).toBeVisible();
  await expect(priya.getByRole("button", { name: "Close the window" })).toHaveCount(0);
  await ines.goto(MEETING);
  await ines.getByRole("link", { name: "The window's audit" }).click();
  await expect(
    ines.getByRole("heading", {
      level: 1,
      name: "Who was nominated and promoted in Summer promotions",
    }),
  ).toBeVisible();
  await expect(ines.getByText(/your reading is recorded in the window's history/)).toBeVisible();
  await expectAccessible(ines);
  await priya.reload();
  await expect(
    priya.getByText(/The chair, Ines Duarte, opened the window's audit on/),
  ).toBeVisible();
  await priya.getByRole("button", { name: "Close the window" }).click();
  await expect(priya.getByText(/Closed/).first()).toBeVisible();
  // The audit across windows, with time to promotion and calibration's nine-box beside.
  await priya.goto("/promotions/audit");
  await expect(
    priya.getByRole("heading", { level: 1, name: "Who is nominated and promoted" }),
  ).toBeVisible();
  await expect(
    priya.getByRole("heading", { level: 2, name: "How soon people are promoted" }),
  ).toBeVisible();
  await expect(
    priya.getByRole("heading", { level: 2, name: "Performance and potential in calibration" }),
  ).toBeVisible();
  await expectAccessible(priya);

  await amaraPage.reload();
  await expect(amaraPage.getByRole("heading", { name: /^Promoted to / })).toBeVisible();
  await expect(amaraPage.getByText(/The new level takes effect on/)).toBeVisible();
  await expectAccessible(amaraPage);
  expect(outcomeScripts).toEqual([]);

  // Julia's home page says her decision is there, not what it is.
  const juliaScripts = scriptsFetched(juliaPage);
  await juliaPage.goto("/");
  const released = juliaPage
    .getByRole("listitem")
    .filter({ hasText: "Your promotion decision in Summer promotions is released" });
  await expect(released).not.toContainText("Not yet");
  await released.getByRole("link").click();
  await expect(juliaPage.getByRole("heading", { name: /^Not yet / })).toBeVisible();
  await expect(
    juliaPage.getByText("Shown within the team's on-call; not yet in the work the team plans."),
  ).toBeVisible();
  await expect(
    juliaPage.getByRole("heading", { name: "What would change the answer" }),
  ).toBeVisible();
  await expect(juliaPage.getByText(/You may be nominated again/)).toBeVisible();
  await juliaPage.getByRole("button", { name: "Put these into my growth plan" }).click();
  await expect(
    juliaPage.getByText("The criteria not yet met are now the focus of your growth plan."),
  ).toBeVisible();
  expect(juliaScripts).toEqual([]);
});

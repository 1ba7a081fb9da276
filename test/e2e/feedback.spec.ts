import { expect, test, type Browser, type Page } from "./test";
import {
  expectAccessible,
  openDraft,
  people,
  rateEverything,
  scriptsFetched,
  PAGE_SCRIPT,
  sectionLink,
  signIn,
  submitAssessment,
  moveSession,
} from "./helpers";

/**
 * Peer feedback in a review cycle, with the Developer Experience team, whom no other browser test
 * signs in as: Sofia Alvarez manages Maya Patel, Erik Holm, Grace Mwangi, Samuel Cohen and Liam Byrne.
 * Demo people this spec changes: Sofia Alvarez, Maya Patel, Erik Holm, Grace Mwangi, Samuel Cohen, Liam Byrne, Rachel Stein.
 */
const team = {
  manager: { email: "sofia.alvarez@example.com", name: "Sofia Alvarez" },
  person: { email: "maya.patel@example.com", name: "Maya Patel" },
  peers: [
    { email: "erik.holm@example.com", name: "Erik Holm" },
    { email: "grace.mwangi@example.com", name: "Grace Mwangi" },
    { email: "samuel.cohen@example.com", name: "Samuel Cohen" },
  ],
  declined: { email: "liam.byrne@example.com", name: "Liam Byrne" },
};
/** What four of Sofia's reports say about her as their manager (upward feedback; the organisation's floor is four). */
const upwardExamples = [
  "When the release slipped in June she took the conversation with product herself and came back with a plan we could keep.",
  "She moved our planning to Tuesdays after I said Monday mornings left no time to read the tickets.",
  "In my first month she set up pairing sessions with three people on other teams so I learnt the build quickly.",
  "After the outage review she made sure the follow-up work was planned into the next sprint instead of promised.",
];
const cycleName = "Developer Experience feedback pilot";
/** Calibrates the cycle's session without being in Maya's line: reads a summary only. */
const calibrator = { email: "rachel.stein@example.com", name: "Rachel Stein" };

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** A report answers the upward request about their manager, Sofia, from their to-do list. */
async function answerUpward(reviewer: Page, example: string) {
  await reviewer.goto("/");
  const todo = reviewer
    .getByRole("listitem")
    .filter({ hasText: `Give feedback about your manager, ${team.manager.name}` });
  await expect(todo).toContainText("never with your name");
  await todo.getByRole("link").first().click();
  await expect(
    reviewer.getByRole("heading", {
      name: `Feedback about your manager, ${team.manager.name}`,
      level: 1,
    }),
  ).toBeVisible();
  await reviewer.getByLabel("An example").first().fill(example);
  await expect(reviewer.getByText(/^Saved at/)).toBeVisible();
  await reviewer.getByRole("button", { name: "Submit feedback" }).click();
  await expect(
    reviewer.getByText("Thank you: your feedback is submitted and can no longer change."),
  ).toBeVisible();
}

test("an admin asks for peer and upward feedback in a cycle; a person nominates, the manager approves, a colleague declines with a reason, three peers answer, the manager reads it beside the self-assessment, the admin reads the upward aggregate, a calibrator reads a summary, and the person reads it once released", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);

  // The admin opens a cycle for one team and turns peer feedback on, on the cycle's page.
  await signIn(page, people.admin.email);
  await page.goto("/admin/cycles/new");
  await page.getByRole("textbox", { name: "Name" }).fill(cycleName);
  await page.getByRole("radio", { name: "Chosen teams" }).check();
  await page.getByRole("checkbox", { name: /^Developer Experience\b/ }).check();
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("heading", { name: cycleName, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Peer and upward feedback" })).toBeVisible();
  await expect(page.getByText("This cycle asks for no feedback yet.")).toBeVisible();
  await page.getByRole("checkbox", { name: "Peer feedback" }).check();
  await page.getByRole("checkbox", { name: "Upward feedback" }).check();
  await expect(
    page.getByRole("radio", { name: "The person nominates; their manager approves" }),
  ).toBeChecked();
  await expect(page.getByLabel("Fewest peers")).toHaveValue("3");
  await page.getByRole("button", { name: "Save feedback settings" }).click();
  await expect(page.getByText("Feedback settings saved.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Peer feedback" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Upward feedback" })).toBeChecked();
  await expectAccessible(page);
  const cyclePage = page.url();

  // Maya finds the nomination on her home page and asks three teammates from the suggestions and one by email.
  const maya = await as(browser, team.person.email);
  const nominate = maya
    .getByRole("listitem")
    .filter({ hasText: `Choose who gives you feedback in ${cycleName}` });
  await expect(nominate).toContainText("0 peers asked of at least 3.");
  await nominate.getByRole("link").first().click();
  await expect(
    maya.getByRole("heading", { name: `Your feedback in ${cycleName}`, level: 1 }),
  ).toBeVisible();
  await expect(maya.getByText("Nobody is asked yet.")).toBeVisible();
  await expect(
    maya.getByRole("heading", { name: "Suggested: people you work with" }),
  ).toBeVisible();
  await expectAccessible(maya);
  for (const peer of team.peers) {
    await maya.getByRole("button", { name: `Ask ${peer.name}` }).click();
    await expect(maya.getByText("Nominated: waiting for the manager's approval.")).toBeVisible();
    await expect(maya.getByRole("button", { name: `Ask ${peer.name}` })).toHaveCount(0);
  }
  // An email nobody has is refused and kept in the field.
  const byEmail = maya.getByLabel("Or ask a colleague by email");
  await byEmail.fill("nobody.here@example.com");
  await maya.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(
    maya.getByText("Nobody in Rungs has the email nobody.here@example.com."),
  ).toBeVisible();
  await expect(byEmail).toHaveValue("nobody.here@example.com");
  await byEmail.fill(team.declined.email);
  await maya.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(maya.getByText("Nominated: waiting for the manager's approval.")).toBeVisible();
  const asked = maya.getByRole("list", { name: "Who is asked for your feedback" });
  for (const colleague of [...team.peers, team.declined]) {
    await expect(asked.getByRole("listitem").filter({ hasText: colleague.name })).toContainText(
      "Waiting for the manager's approval",
    );
  }
  await expect(maya.getByText("4 peers asked; this cycle asks for 3 to 5.")).toBeVisible();

  // Maya assesses herself in the cycle, so her manager has something to read the answers beside.
  await maya.goto("/assess");
  await openDraft(maya, "Start self-assessment");
  await rateEverything(maya, { "Code quality": "Beyond" });
  await sectionLink(maya, "Summary and submit").click();
  await submitAssessment(maya, "Submit self-assessment");

  // Sofia approves all four.
  const sofia = await as(browser, team.manager.email);
  const approve = sofia
    .getByRole("listitem")
    .filter({ hasText: `Approve peer reviewers for ${team.person.name}` });
  await expect(approve).toContainText(`4 nominations waiting for you in ${cycleName}.`);
  // The page is sent as HTML (decision 145): opened as a document, as from the email, Sofia
  // approves each nomination with no script fetched.
  const sofiaScripts = scriptsFetched(sofia);
  await sofia.goto((await approve.getByRole("link").first().getAttribute("href"))!);
  await expect(
    sofia.getByRole("heading", { name: `Feedback for ${team.person.name}`, level: 1 }),
  ).toBeVisible();
  await expectAccessible(sofia);
  const nominations = sofia.getByRole("list", {
    name: `Who is asked for ${team.person.name}'s feedback`,
  });
  // On a 390 px phone the controls stay on the screen, and nothing scrolls sideways.
  const wide = sofia.viewportSize();
  await sofia.setViewportSize({ width: 390, height: 844 });
  for (const name of ["Approve", "Decline", "Withdraw"]) {
    const box = (await nominations
      .getByRole("button", { name, exact: true })
      .first()
      .boundingBox())!;
    expect(box.x + box.width, name).toBeLessThanOrEqual(390);
  }
  await expect(
    sofia.getByText("Decline a nomination to say no to it, with a reason the person reads."),
  ).toBeVisible();
  expect(await sofia.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (wide) await sofia.setViewportSize(wide);
  for (const peer of [...team.peers, team.declined]) {
    await nominations
      .getByRole("listitem")
      .filter({ hasText: peer.name })
      .getByRole("button", { name: "Approve" })
      .click();
    await expect(sofia.getByText("Approved: they are asked now.")).toBeVisible();
    await expect(nominations.getByRole("listitem").filter({ hasText: peer.name })).toContainText(
      "Asked",
    );
  }
  await expect(
    sofia
      .getByRole("listitem")
      .filter({ hasText: `Approve peer reviewers for ${team.person.name}` }),
  ).toHaveCount(0);
  expect(sofiaScripts).toEqual([]);
  const feedbackPath = new URL(sofia.url()).pathname;

  // Liam declines on the request's page, with a reason; Sofia reads it beside his name.
  const liam = await as(browser, team.declined.email);
  await liam
    .getByRole("listitem")
    .filter({ hasText: `Give ${team.person.name} feedback` })
    .getByRole("link")
    .first()
    .click();
  await expect(
    liam.getByRole("heading", { name: `Feedback for ${team.person.name}`, level: 1 }),
  ).toBeVisible();
  // He had begun an example that could not be saved: this browser keeps it until the draft ends.
  await liam.route("**/save", (route) => route.abort());
  await liam.getByLabel("An example").first().fill("Half a thought about Maya");
  await expect(liam.getByRole("status").filter({ hasText: "Not saved" })).toBeVisible();
  const kept = (await liam.locator("form[data-draft-key]").getAttribute("data-draft-key"))!;
  const copy = () => liam.evaluate((key) => localStorage.getItem(key), kept);
  expect(await copy()).toContain("Half a thought about Maya");
  liam.once("dialog", (dialog) => dialog.accept());
  await liam
    .getByLabel("Why you decline")
    .fill("I joined the team last week and have not worked with Maya yet.");
  await liam.getByRole("button", { name: "Decline", exact: true }).click();
  await expect(
    liam.getByText(
      `You declined this request: I joined the team last week and have not worked with Maya yet. ${team.person.name}'s manager reads your reason, to ask someone else.`,
    ),
  ).toBeVisible();
  // Declined, the words he typed are gone from the browser too.
  await expect.poll(copy).toBeNull();
  await expect(liam.getByRole("button", { name: "Submit feedback" })).toHaveCount(0);
  await liam.context().close();
  await sofia.reload();
  await expect(
    nominations.getByRole("listitem").filter({ hasText: team.declined.name }),
  ).toContainText(
    "Declined by the colleague: I joined the team last week and have not worked with Maya yet.",
  );

  // Maya reads who declined, and that her peers' answers wait for her outcome; she answers about her manager.
  await maya.goto(feedbackPath);
  await expect(asked.getByRole("listitem").filter({ hasText: team.declined.name })).toContainText(
    "Declined by the colleague",
  );
  await expect(maya.getByText("3 peers asked; this cycle asks for 3 to 5.")).toBeVisible();
  await expect(
    maya.getByText(
      "You read your peers' feedback once this cycle is closed: no calibration session of it includes you.",
    ),
  ).toBeVisible();
  await answerUpward(maya, upwardExamples[0]!);

  // Three peers answer: the level's expectations per competency, an example each, autosaved.
  const examples = [
    "In the March incident review Maya walked the team through the timeline and wrote the follow-up document that closed three action items.",
    "During sprint 14 she paired with me on the build cache pull request and showed how to measure the change before and after.",
    "At the planning meeting in May she split the migration into four reviewable steps, and each shipped within the sprint it was planned for.",
  ];
  for (const [index, peer] of team.peers.entries()) {
    const reviewer = await as(browser, peer.email);
    const scripts = scriptsFetched(reviewer);
    const pageScripts = scriptsFetched(reviewer, "page");
    const todo = reviewer
      .getByRole("listitem")
      .filter({ hasText: `Give ${team.person.name} feedback` });
    await expect(todo).toContainText("An example per competency");
    await todo.getByRole("link").first().click();
    await expect(
      reviewer.getByRole("heading", { name: `Feedback for ${team.person.name}`, level: 1 }),
    ).toBeVisible();
    await expect(
      reviewer.getByText("Their manager reads your answers with your name."),
    ).toBeVisible();
    const codeQuality = reviewer.getByRole("group", { name: "Code quality", exact: true });
    // What the level expects is there on request.
    await codeQuality.getByText(/^About this competency/).click();
    await expect(codeQuality.getByRole("listitem").first()).toBeVisible();
    await codeQuality
      .getByRole("radiogroup", { name: "Rating for Code quality" })
      .getByRole("radio", { name: /Consistent/ })
      .check();
    const example = codeQuality.getByLabel("An example");
    if (index === 0) {
      // The word check advises on a word describing the person, and on too short an answer, but blocks nothing.
      await example.fill("Maya can be abrasive.");
      await expect(
        codeQuality.getByText("“abrasive” describes a person rather than what they did.", {
          exact: false,
        }),
      ).toBeVisible();
      await expect(codeQuality.getByText(/Say a little more/)).toBeVisible();
      await expect(reviewer.getByText(/^Saved at/)).toBeVisible();
      await example.fill(
        `${examples[index]} Some found her abrasive in that review, yet the document settled the argument.`,
      );
      await expect(
        codeQuality.getByText(/describes a person rather than what they did/),
      ).toBeVisible();
      await expect(codeQuality.getByText(/Say a little more/)).toHaveCount(0);
      await expect(reviewer.getByText(/^Saved at/)).toBeVisible();
      // What was typed was saved on the server: a fresh load shows it.
      await reviewer.reload();
      await expect(
        reviewer.getByRole("group", { name: "Code quality", exact: true }).getByLabel("An example"),
      ).toHaveValue(/abrasive in that review/);
      await expectAccessible(reviewer);
    } else {
      await example.fill(examples[index]!);
      await expect(codeQuality.getByText(/describes a person/)).toHaveCount(0);
      await expect(reviewer.getByText(/^Saved at/)).toBeVisible();
    }
    await reviewer.getByRole("button", { name: "Submit feedback" }).click();
    await expect(
      reviewer.getByText("Thank you: your feedback is submitted and can no longer change."),
    ).toBeVisible();
    await expect(reviewer.getByRole("button", { name: "Submit feedback" })).toHaveCount(0);
    // The answer is HTML with the draft script, not the app's scripts (decision 167).
    expect(scripts).toEqual([]);
    expect([...new Set(pageScripts)].sort()).toEqual([
      expect.stringMatching(PAGE_SCRIPT.draft),
      expect.stringMatching(PAGE_SCRIPT.plain),
    ]);
    // Each is also one of Sofia's reports, asked about her as their manager.
    await answerUpward(reviewer, upwardExamples[index + 1]!);
    await reviewer.context().close();
  }

  // Sofia reads every answer with its author, beside Maya's own rating.
  await sofia.reload();
  const peerFeedback = sofia.getByRole("region", { name: "Peer feedback" });
  const codeQualityAnswers = peerFeedback
    .getByRole("heading", { name: "Code quality", level: 3 })
    .locator("..");
  await expect(codeQualityAnswers).toContainText("Self-assessment: 4");
  for (const [index, peer] of team.peers.entries()) {
    await expect(
      codeQualityAnswers.getByRole("listitem").filter({ hasText: peer.name }),
    ).toContainText(examples[index]!.slice(0, 40));
  }
  await expect(
    nominations.getByRole("listitem").filter({ hasText: team.peers[0]!.name }),
  ).toContainText("Answered");
  await expectAccessible(sofia);

  // Maya still reads nothing of the answers: the cycle is open and no calibration session includes her.
  await maya.goto(feedbackPath);
  await expect(
    maya.getByText(
      "You read your peers' feedback once this cycle is closed: no calibration session of it includes you.",
    ),
  ).toBeVisible();
  await expect(maya.getByText(examples[1]!)).toHaveCount(0);
  await maya.context().close();
  await sofia.context().close();

  // The admin reads Sofia's upward feedback from the cycle's page: four reports' answers together, no name, no answer alone.
  await page.goto(cyclePage);
  await page
    .getByRole("table", { name: /^Participants of / })
    .getByRole("link", { name: `Read feedback for ${team.manager.name}` })
    .click();
  await expect(
    page.getByRole("heading", { name: `Feedback for ${team.manager.name}`, level: 1 }),
  ).toBeVisible();
  const upward = page.getByRole("region", { name: "Upward feedback from their reports" });
  await expect(upward).toContainText("4 people answered.");
  for (const example of upwardExamples)
    await expect(upward.getByRole("listitem").filter({ hasText: example })).toHaveCount(1);
  for (const report of [team.person, ...team.peers])
    await expect(page.getByText(report.name)).toHaveCount(0);
  await expectAccessible(page);

  // A calibration session over the cycle: a calibrator outside Maya's line (Rachel Stein) reads a summary per competency, without names or examples.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Calibration" })
    .click();
  await page.getByRole("link", { name: "Set up a session" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`${cycleName}: calibration`);
  await page.getByLabel("Review cycle").selectOption({ label: cycleName });
  await page.getByLabel("Ladder", { exact: true }).selectOption({ label: "Engineering" });
  await page.getByLabel("Facilitator's email").fill(people.admin.email);
  await page.getByRole("radio", { name: "A list of people" }).check();
  await page.getByLabel("People's emails").fill(team.person.email);
  await page.getByLabel("Other calibrators (optional)").fill(calibrator.email);
  await page.getByRole("button", { name: "Set up session" }).click();
  await expect(
    page.getByRole("heading", { name: `${cycleName}: calibration`, level: 1 }),
  ).toBeVisible();
  await moveSession(page, "Proposals open");
  const sessionUrl = page.url();

  const rachel = await as(browser, calibrator.email);
  await rachel.goto(sessionUrl);
  await rachel
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("link", { name: team.person.name })
    .click();
  await rachel.getByRole("link", { name: "Feedback from peers and reports" }).click();
  await expect(
    rachel.getByRole("heading", { name: `Feedback for ${team.person.name}`, level: 1 }),
  ).toBeVisible();
  const summary = rachel.getByRole("region", { name: "Peer feedback" });
  const codeQualitySummary = summary
    .getByRole("heading", { name: "Code quality", level: 3 })
    .locator("..");
  await expect(codeQualitySummary).toContainText("3 answers, average rating 3");
  for (const [index, peer] of team.peers.entries()) {
    await expect(rachel.getByText(peer.name)).toHaveCount(0);
    await expect(rachel.getByText(examples[index]!.slice(0, 40))).toHaveCount(0);
  }
  // Nor who was asked: that table is Maya's and her manager's.
  await expect(rachel.getByRole("heading", { name: "Peers asked" })).toHaveCount(0);
  await expectAccessible(rachel);
  await rachel.context().close();

  // Sofia proposes; the facilitator accepts it, locks and publishes; Sofia releases Maya's outcome.
  const manager = await as(browser, team.manager.email);
  await manager.goto(sessionUrl);
  await manager
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("link", { name: team.person.name })
    .click();
  await manager.getByRole("radio", { name: /^3 Consistent/ }).check();
  await manager.getByRole("radio", { name: "Stay at level" }).check();
  await manager
    .getByLabel("Rationale")
    .fill("At the bar for the level; her peers' examples back it.");
  await manager.getByRole("button", { name: "Save proposal" }).click();
  await expect(manager.getByText("Proposal saved.")).toBeVisible();
  await page.goto(sessionUrl);
  await moveSession(page, "Live");
  await page.getByRole("button", { name: "Accept every open proposal" }).click();
  await page
    .getByRole("region", { name: /^Accept 1 proposal as/ })
    .getByRole("button", { name: "Accept 1 proposal" })
    .click();
  await expect(page.getByText("1 proposal accepted as its final outcome.")).toBeVisible();
  for (const state of ["Locked", "Published"]) {
    await moveSession(page, state);
  }
  await manager.goto(sessionUrl);
  await manager
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("link", { name: team.person.name })
    .click();
  await manager.getByRole("button", { name: `Release to ${team.person.name}` }).click();
  await expect(manager.getByText(`${team.person.name} can now see their outcome.`)).toBeVisible();
  await manager.context().close();

  // Released, Maya is told on her home page and reads her peers' answers from there: every example, without names, in an order that follows neither.
  const released = await as(browser, team.person.email);
  await released
    .getByRole("listitem")
    .filter({ hasText: `Read your feedback from ${cycleName}` })
    .getByRole("link")
    .first()
    .click();
  await expect(released).toHaveURL(new RegExp(`${feedbackPath}$`));
  const mine = released.getByRole("region", { name: "Peer feedback" });
  await expect(mine).toContainText("3 people answered.");
  const myCodeQuality = mine.getByRole("heading", { name: "Code quality", level: 3 }).locator("..");
  await expect(myCodeQuality).toContainText("3 answers, average rating 3");
  for (const [index, peer] of team.peers.entries()) {
    await expect(
      myCodeQuality.getByRole("listitem").filter({ hasText: examples[index]!.slice(0, 40) }),
    ).toHaveCount(1);
    await expect(mine.getByText(peer.name)).toHaveCount(0);
  }
  await expect(
    released.getByText(
      "You read your peers' feedback once your outcome for this cycle is released.",
    ),
  ).toHaveCount(0);
  await expectAccessible(released);
  // She takes Code quality to her next one-to-one: without a series with Sofia yet, she is told so and nothing is added.
  await released.getByRole("button", { name: "Add to my next one-to-one (Code quality)" }).click();
  await expect(
    released.getByText("You have no one-to-one series with your manager yet.", { exact: false }),
  ).toBeVisible();
  // Opened, it is announced no more.
  await released.goto("/");
  await expect(
    released.getByRole("listitem").filter({ hasText: `Read your feedback from ${cycleName}` }),
  ).toHaveCount(0);
  await released.context().close();

  // Closed again, so other journeys find no open cycle.
  await page.goto(cyclePage);
  await page.getByRole("checkbox", { name: /I want to close/ }).check();
  await page.getByRole("button", { name: "Close cycle" }).click();
  await expect(page.getByText(`${cycleName} is closed.`)).toBeVisible();
});

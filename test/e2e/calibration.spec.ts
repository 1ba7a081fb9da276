import { expect, test } from "./test";
import type { Route } from "@playwright/test";
import {
  expectAccessible,
  expectAccessibleInEveryView,
  hydrated,
  people,
  signIn,
  askToMoveSession,
  moveSession,
} from "./helpers";

// The second server of playwright.config.ts: a database of its own, so the cycle opened here is nobody else's.
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3210) + 1}` });

// Mobile (Tom Hughes and his reports) and Search's Laura Bianchi and Nikhil Rao, whom no other spec on
// this server uses: the sessions here decide outcomes for them and promote Nikhil.
// Demo people this spec changes: Tom Hughes, Yuki Sato, Ben Adeyemi, Clara Jensen, Diego Santos, Hana Novak, Ibrahim Khan, Laura Bianchi, Nikhil Rao.
const manager = { email: "tom.hughes@example.com", name: "Tom Hughes" };
const engineer = { email: "hana.novak@example.com", name: "Hana Novak" };

test("an admin sets up a session, the manager proposes, the facilitator records an outcome with its reason; locking waits for every outcome", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, people.admin.email);
  await page.goto("/admin/cycles/new");
  await page.getByRole("textbox", { name: "Name" }).fill("Autumn reviews");
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("heading", { name: "Autumn reviews" })).toBeVisible();

  // Set up: Tom's organisation, facilitated by the admin.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Calibration" })
    .click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Set up a session" }).click();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Mobile calibration");
  await page.getByLabel("Ladder", { exact: true }).selectOption({ label: "Engineering" });
  await page.getByLabel("Facilitator's email").fill(people.admin.email);
  await page.getByRole("radio", { name: "Everyone under a manager" }).check();
  await page.getByLabel("Manager's email").fill(manager.email);
  await page.getByRole("button", { name: "Set up session" }).click();
  await expect(page.getByRole("heading", { name: "Mobile calibration", level: 1 })).toBeVisible();
  await expect(page.getByText("State: Draft")).toBeVisible();
  const agenda = page.getByRole("table", { name: "People in this session, in discussion order" });
  await expect(agenda.getByRole("row", { name: new RegExp(engineer.name) })).toBeVisible();
  await expectAccessible(page);
  // The move cannot be undone: the button alone, without its tick box, changes nothing.
  await page.getByRole("button", { name: "Move to: Proposals open" }).click();
  await page.reload();
  await expect(page.getByText("State: Draft")).toBeVisible();
  await moveSession(page, "Proposals open");
  const sessionUrl = page.url();

  // Tom proposes for Hana.
  const tom = await (await browser.newContext()).newPage();
  await signIn(tom, manager.email);
  // It is on his home page, with what is missing.
  const todo = tom
    .getByRole("listitem")
    .filter({ hasText: "Propose ratings for Mobile calibration" });
  await expect(todo).toContainText("6 of 6 reports have no proposal yet.");
  await todo.getByRole("link").click();
  await tom
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("link", { name: engineer.name })
    .click();
  await tom.getByRole("radio", { name: /^3 Consistent/ }).check();
  await tom.getByRole("radio", { name: "Promote" }).check();
  await tom.getByRole("button", { name: "Save proposal" }).click();
  // A promotion needs its level; what was typed stays.
  await expect(tom.getByText("Choose the level to promote to.")).toBeVisible();
  await expect(tom.getByRole("radio", { name: "Promote" })).toBeChecked();
  await tom.getByLabel("Promote to").selectOption({ label: "Senior Engineer" });
  await tom.getByLabel("Rationale").fill("Led the offline mode rewrite end to end.");
  await tom.getByRole("button", { name: "Save proposal" }).click();
  await expect(tom.getByText("Proposal saved.")).toBeVisible();
  await expectAccessible(tom);
  // Tom keeps the session open while it runs.
  await tom.goto(sessionUrl);
  const tomsEngineer = tom
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("row", { name: new RegExp(engineer.name) });
  await expect(tomsEngineer).toContainText("3 · Promote to Senior Engineer");

  // The facilitator goes live and records a different outcome: a reason is required.
  await page.goto(sessionUrl);
  await moveSession(page, "Live");
  await expect(agenda.getByRole("row", { name: new RegExp(engineer.name) })).toContainText(
    "3 · Promote to Senior Engineer",
  );
  await agenda.getByRole("link", { name: engineer.name }).click();
  // The form starts from the proposal; the facilitator keeps the rating but not the promotion.
  await expect(page.getByLabel("Reason")).toHaveValue("");
  await page
    .getByRole("group", { name: "Level outcome" })
    .last()
    .getByRole("radio", { name: "Stay at level" })
    .check();
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expect(page.getByText("Give a reason: this differs from the proposal.")).toBeVisible();
  await page.getByLabel("Reason").fill("Design scope not yet at Senior; revisit next cycle.");
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expect(page.getByText("Outcome recorded.")).toBeVisible();
  // Recording it again as it is changes nothing, and says so.
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expect(page.getByText("Nothing changed: the entry already says this")).toBeVisible();
  // Tom sees the outcome without reloading.
  await expect(tomsEngineer).toContainText("3 · Stay at level");
  await tom.context().close();
  const history = page.getByRole("heading", { name: "History" }).locator("..");
  // The history reads in words, one line per change (none for the unchanged save).
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history).toContainText(
    "Tom Hughes: proposed rating Consistent (3); proposed outcome Promote; proposed level Senior Engineer; rationale “Led the offline mode rewrite end to end.”",
  );
  await expect(history).toContainText("final rating Consistent (3); final outcome Stay at level");
  await expect(history).toContainText("Why: Design scope not yet at Senior; revisit next cycle.");
  await expect(history).not.toContainText("nothing");
  await expectAccessible(page);

  // A second tab edits the same outcome while this one saves: it is told, and keeps what it typed.
  const entryUrl = page.url().split("?")[0]!;
  const second = await page.context().newPage();
  await second.goto(entryUrl);
  await second.waitForLoadState("networkidle");
  await second.getByLabel("Reason").fill("Second tab: hold at level until the design review.");
  await page.goto(entryUrl);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Reason").fill("Design scope not yet at Senior; revisit in spring.");
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expect(page.getByText("Outcome recorded.")).toBeVisible();
  // Sent as HTML, the page says it changed and keeps what the second tab typed.
  await expect(second.getByRole("status")).toContainText(
    "This page has changed since you opened it. What you have typed here is not sent yet.",
  );
  await expect(second.getByRole("link", { name: "Show the newest version" })).toBeVisible();
  await second.getByRole("button", { name: "Record outcome" }).click();
  await expect(
    second.getByText(/^Someone else changed this entry since you opened it/),
  ).toBeVisible();
  await expect(second.getByLabel("Reason")).toHaveValue(
    "Second tab: hold at level until the design review.",
  );
  await second.close();
  await page.reload();
  await expect(history).toContainText("Why: Design scope not yet at Senior; revisit in spring.");

  await page.goto(sessionUrl);
  await expect(agenda.getByRole("row", { name: new RegExp(engineer.name) })).toContainText(
    "3 · Stay at level",
  );
  // The managers tab: leniency, raters and the form to invite another calibrator.
  await page
    .getByRole("navigation", { name: "Session views" })
    .getByRole("link", { name: "Managers and raters" })
    .click();
  await expect(page.getByLabel("Invite a calibrator")).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("navigation", { name: "Session views" })
    .getByRole("link", { name: "Agenda and ratings" })
    .click();
  // Locking waits for every outcome: the page says what is missing, and nothing moves.
  await askToMoveSession(page, "Locked");
  await expect(page.getByRole("alert")).toContainText(
    "5 people have no final outcome yet; record every outcome before locking.",
  );
  await expect(page.getByText("State: Live")).toBeVisible();
});

test("two managers propose; the facilitator runs the session while a manager watches live, locks and publishes; the promoted engineer's level changes", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const nikhil = { email: "nikhil.rao@example.com", name: "Nikhil Rao" };
  const laura = { email: "laura.bianchi@example.com", name: "Laura Bianchi" };
  await signIn(page, people.admin.email);
  await page.goto("/admin/cycles/new");
  await page.getByRole("textbox", { name: "Name" }).fill("Promotion round");
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("heading", { name: "Promotion round" })).toBeVisible();

  // A list of two people, on the ladder's five-point performance scale, with potential for a 9-box.
  await page.goto("/calibration/new");
  await page
    .getByRole("textbox", { name: "Name", exact: true })
    .fill("Promotion round calibration");
  await page.getByLabel("Review cycle").selectOption({ label: "Promotion round" });
  await page.getByLabel("Facilitator's email").fill(people.admin.email);
  await page.getByRole("radio", { name: "A list of people" }).check();
  await page.getByLabel("People's emails").fill(`${engineer.email}\n${nikhil.email}`);
  await page
    .getByLabel("Overall rating scale")
    .selectOption({ label: "Performance rating (5 points)" });
  await page.getByLabel("Second dimension (optional)").fill("Potential");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Set up session" }).click();
  await expect(
    page.getByRole("heading", { name: "Promotion round calibration", level: 1 }),
  ).toBeVisible();
  await moveSession(page, "Proposals open");
  const sessionUrl = page.url();

  async function propose(
    email: string,
    person: string,
    rating: RegExp,
    potential: string,
    promoteTo?: string,
  ) {
    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, email);
    await manager.goto(sessionUrl);
    await manager
      .getByRole("table", { name: "People in this session, in discussion order" })
      .getByRole("link", { name: person })
      .click();
    // The gap to the next level sits beside the form.
    await expect(manager.getByRole("heading", { name: /^Gap to / })).toBeVisible();
    await manager.getByRole("radio", { name: rating }).check();
    await manager
      .getByRole("group", { name: "Potential" })
      .getByRole("radio", { name: potential })
      .check();
    if (promoteTo) {
      await manager.getByRole("radio", { name: "Promote" }).check();
      await manager.getByLabel("Promote to").selectOption({ label: promoteTo });
    }
    // The choices are kept first; the rationale typed after them is kept too, and until it is the
    // status does not show the choices' time as if it were (a reload then would lose the words).
    const kept = manager.getByRole("status").filter({ hasText: /^Draft kept at/ });
    await expect(kept).toBeVisible();
    await manager.getByLabel("Rationale").fill("The review's evidence carries it.");
    await expect(kept).toBeHidden();
    // The form is kept as the manager types: a reload loses nothing, and it is not a proposal yet.
    await expect(kept).toBeVisible();
    await manager.reload();
    await expect(manager.getByLabel("Rationale")).toHaveValue("The review's evidence carries it.");
    await expect(manager.getByRole("radio", { name: rating })).toBeChecked();
    await manager.getByRole("button", { name: "Save proposal" }).click();
    await expect(manager.getByText("Proposal saved.")).toBeVisible();
    await expectAccessible(manager);
    return manager;
  }
  const tom = await propose(manager.email, engineer.name, /^3 Meets/, "Medium");
  const lauraPage = await propose(
    laura.email,
    nikhil.name,
    /^5 Far exceeds/,
    "High",
    "Engineer II",
  );

  // The facilitator goes live; Tom watches the session in his own browser.
  await page.goto(sessionUrl);
  await moveSession(page, "Live");
  await tom.goto(sessionUrl);
  const tomsNikhil = tom
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("row", { name: /Nikhil Rao/ });
  await expect(tomsNikhil).toContainText("5 · Promote to Engineer II");
  await expect(tom.getByRole("table", { name: /^Potential \(up\) by performance/ })).toBeVisible();

  // On the grid, the facilitator moves Nikhil by keyboard: picked up, one cell left, dropped; it differs from the proposal, so the reason is asked.
  await page
    .getByRole("navigation", { name: "Session views" })
    .getByRole("link", { name: "Grid" })
    .click();
  const gridStatus = page.getByRole("status", { name: "Moves on the grid" });
  const nikhilOnGrid = page.getByRole("button", { name: nikhil.name, exact: true });
  await expect(nikhilOnGrid).toBeVisible();
  await expectAccessible(page);
  await nikhilOnGrid.focus();
  await page.keyboard.press("Enter");
  await expect(gridStatus).toHaveText(
    /^Nikhil Rao picked up, in Far exceeds \(5\), High potential\./,
  );
  await page.keyboard.press("ArrowLeft");
  await expect(gridStatus).toHaveText("Exceeds (4), High potential");
  await page.keyboard.press("Enter");
  const why = page.getByRole("dialog", { name: `Why move ${nikhil.name}?` });
  await expect(why).toContainText(
    "To Exceeds (4), High potential: this differs from the proposal (Far exceeds (5), High potential).",
  );
  await expectAccessible(page);
  await why.getByRole("button", { name: `Move ${nikhil.name}` }).click();
  await expect(why.getByText("Give a reason: this differs from the proposal.")).toBeVisible();
  await why.getByLabel("Reason").fill("Scope grew, but not yet at the top of the scale.");
  await why.getByRole("button", { name: `Move ${nikhil.name}` }).click();
  await expect(why).toBeHidden();
  await expect(gridStatus).toHaveText(
    "Nikhil Rao moved to Exceeds (4), High potential: their final outcome is recorded.",
  );
  await expect(nikhilOnGrid).toBeFocused();
  // Tom, watching the agenda, sees the move without reloading; then its undoing.
  await expect(tomsNikhil.getByRole("cell").last()).toHaveText("4 · Promote to Engineer II");
  // Tom begins a filter, not sent: the undoing is not put over what he typed; the page says so.
  const tomsTeamFilter = tom.getByRole("combobox", { name: "Team" });
  await tomsTeamFilter.fill("Platf");
  await page.getByRole("button", { name: `Undo my last move (${nikhil.name})` }).click();
  await expect(gridStatus).toHaveText(
    "Move undone: Nikhil Rao is back in Far exceeds (5), High potential (as proposed).",
  );
  const tomsNotice = tom.getByRole("status").filter({ hasText: "This page has changed" });
  await expect(tomsNotice).toHaveText(
    "This page has changed since you opened it. What you have typed here is not sent yet. Show the newest version",
  );
  await expect(tomsTeamFilter).toHaveValue("Platf");
  await expect(tomsNikhil.getByRole("cell").last()).toHaveText("4 · Promote to Engineer II");
  await tomsNotice.getByRole("link", { name: "Show the newest version" }).click();
  await expect(tomsNikhil.getByRole("cell").last()).toHaveText("—");
  await expect(tomsNotice).toBeHidden();
  await expect(page.getByRole("button", { name: "Undo my last move" })).toBeDisabled();
  // Dragged to the cell of his proposal, Nikhil moves without a reason asked; undone again.
  await nikhilOnGrid.dragTo(page.locator('td[data-words="Far exceeds (5), High potential"]'));
  await expect(gridStatus).toHaveText(
    "Nikhil Rao moved to Far exceeds (5), High potential: their final outcome is recorded.",
  );
  await page.getByRole("button", { name: `Undo my last move (${nikhil.name})` }).click();
  await expect(page.getByRole("button", { name: "Undo my last move" })).toBeDisabled();
  // In Arabic the grid runs right to left, and so do its arrow keys: the right arrow goes to the
  // cell on the right, down the scale. Nikhil's Latin name is isolated in the Arabic sentences.
  const arabic = await (
    await browser.newContext({ locale: "ar", storageState: await page.context().storageState() })
  ).newPage();
  await arabic.goto(`${sessionUrl}/grid`);
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await arabic.getByRole("button", { name: nikhil.name }).focus();
  await arabic.keyboard.press("Enter");
  await expect(arabic.getByRole("status").filter({ hasText: nikhil.name })).toHaveText(
    new RegExp(`\u2068${nikhil.name}\u2069`),
  );
  // The cell the person would be dropped in, as the page's script marks it.
  const targeted = arabic.locator("td[data-targeted]");
  const startBox = (await targeted.boundingBox())!;
  await arabic.keyboard.press("ArrowRight");
  await expect.poll(async () => (await targeted.boundingBox())!.x).toBeGreaterThan(startBox.x);
  await arabic.keyboard.press("ArrowLeft");
  await expect.poll(async () => (await targeted.boundingBox())!.x).toBe(startBox.x);
  await arabic.keyboard.press("ArrowRight");
  await arabic.keyboard.press("ArrowRight");
  await expect.poll(async () => (await targeted.boundingBox())!.x).toBeGreaterThan(startBox.x);
  await arabic.keyboard.press("Escape");
  await expect(targeted).toHaveCount(0);
  await arabic.context().close();
  // Without JavaScript, each person's own form sets their cell, and undoing is a plain form too.
  const plain = await (
    await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    })
  ).newPage();
  await plain.goto(`${sessionUrl}/grid`);
  // Meanwhile the first tab holds Nikhil: what the other tab changes waits until he is put back.
  await nikhilOnGrid.focus();
  await page.keyboard.press("Enter");
  await expect(nikhilOnGrid).toHaveAttribute("aria-pressed", "true");
  const newest = page.waitForResponse(
    (response) =>
      response.request().resourceType() === "fetch" &&
      new URL(response.url()).pathname.endsWith("/grid"),
  );
  await plain
    .getByRole("listitem")
    .filter({ hasText: engineer.name })
    .getByText("Set the cell")
    .click();
  const engineersForm = plain.getByRole("form", { name: `Set ${engineer.name}'s cell` });
  await expect(engineersForm.getByLabel("Rating")).toHaveValue("3");
  await engineersForm.getByRole("button", { name: `Move ${engineer.name}` }).click();
  await expect(plain.getByRole("status", { name: "Moves on the grid" })).toHaveText(
    `${engineer.name} moved to Meets (3), Medium potential: their final outcome is recorded.`,
  );
  await (await newest).finished();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  await expect(nikhilOnGrid).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Undo my last move" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(
    page.getByRole("button", { name: `Undo my last move (${engineer.name})` }),
  ).toBeEnabled();
  // A person's form opened in the first tab stays open as the other tab's undoing arrives.
  await page
    .getByRole("listitem")
    .filter({ hasText: engineer.name })
    .getByText("Set the cell")
    .click();
  await plain.getByRole("button", { name: `Undo my last move (${engineer.name})` }).click();
  await expect(plain.getByRole("status", { name: "Moves on the grid" })).toHaveText(
    `Move undone: ${engineer.name} is back in Meets (3), Medium potential (as proposed).`,
  );
  await expect(page.getByRole("button", { name: "Undo my last move" })).toBeDisabled();
  await expect(page.getByRole("form", { name: `Set ${engineer.name}'s cell` })).toBeVisible();
  await plain.context().close();

  // Meeting mode: the facilitator takes the agenda one person at a time; Tom follows on his own screen.
  await page
    .getByRole("navigation", { name: "Session views" })
    .getByRole("link", { name: "Meeting mode" })
    .click();
  await page.getByRole("button", { name: `Start with: ${nikhil.name}` }).click();
  await expect(page.getByRole("heading", { name: `Now discussing: ${nikhil.name}` })).toBeVisible();
  await tom.goto(`${sessionUrl}/meeting`);
  await expect(tom.getByRole("heading", { name: `Now discussing: ${nikhil.name}` })).toBeVisible();
  await page
    .getByLabel(`Discussion notes on ${nikhil.name}`)
    .fill("Agreed: promote; scope to be written up by Laura.");
  await expect(
    page.getByRole("status").filter({ hasText: /^Notes saved at \d\d:\d\d \(UTC\)\.$/ }),
  ).toBeVisible();
  await expect(tom.getByText("Agreed: promote; scope to be written up by Laura.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Next: ${engineer.name}` }).click();
  await expect(
    page.getByRole("heading", { name: `Now discussing: ${engineer.name}` }),
  ).toBeVisible();
  await expect(
    tom.getByRole("heading", { name: `Now discussing: ${engineer.name}` }),
  ).toBeVisible();
  await page.getByRole("button", { name: "End the discussion" }).click();
  await expect(page.getByRole("heading", { name: "Nobody is being discussed" })).toBeVisible();
  const times = page.getByRole("table", {
    name: "Time spent on each person discussed, in agenda order",
  });
  await expect(times.getByRole("row")).toHaveText([
    /^Person\s*Time$/,
    new RegExp(`^${nikhil.name}\\s*(\\d+ min )?\\d+ s$`),
    new RegExp(`^${engineer.name}\\s*(\\d+ min )?\\d+ s$`),
    /^Total\s*(\d+ min )?\d+ s$/,
  ]);
  await expectAccessible(tom);
  await tom.goto(sessionUrl);
  await page.goto(sessionUrl);

  // Outcomes as proposed need no reason: the facilitator accepts them in bulk, a ticked row, then every open one, confirming each
  // step; Tom sees each arrive without reloading.
  const agenda = page.getByRole("table", { name: "People in this session, in discussion order" });
  await agenda.getByRole("checkbox", { name: `Accept ${nikhil.name}'s proposal` }).check();
  await page.getByRole("button", { name: "Accept selected proposals" }).click();
  const confirmation = page.getByRole("region", {
    name: "Accept 1 proposal as its final outcome?",
  });
  await expect(confirmation).toContainText(nikhil.name);
  await expectAccessible(page);
  await confirmation.getByRole("button", { name: "Accept 1 proposal" }).click();
  await expect(page.getByText("1 proposal accepted as its final outcome.")).toBeVisible();
  await expect(tomsNikhil.getByRole("cell").last()).toHaveText("5 · Promote to Engineer II");
  await page.getByRole("button", { name: "Accept every open proposal" }).click();
  await expect(confirmation).toContainText(engineer.name);
  await confirmation.getByRole("button", { name: "Accept 1 proposal" }).click();
  const tomsEngineer = tom
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("row", { name: new RegExp(engineer.name) });
  await expect(tomsEngineer.getByRole("cell").last()).toHaveText("3 · Stay at level");
  await tom.context().close();
  // Each accepted outcome is its own line of the person's history, in words.
  await agenda.getByRole("link", { name: nikhil.name }).click();
  await expect(page.getByRole("heading", { name: "History" }).locator("..")).toContainText(
    "final rating Far exceeds (5); final outcome Promote; final level Engineer II; final Potential High",
  );

  await page.goto(sessionUrl);
  await moveSession(page, "Locked");
  await page.getByLabel("Promotions take effect on").fill(new Date().toISOString().slice(0, 10));
  await moveSession(page, "Published");
  await page.getByRole("link", { name: "Fairness report" }).click();
  await expect(page.getByRole("heading", { name: "Fairness report" })).toBeVisible();
  // The demo holds no locked session, so the accessibility sweep cannot reach this page: checked here.
  await expectAccessibleInEveryView(page);

  // Laura shares the outcome with Nikhil, whose level is now Engineer II.
  await lauraPage.goto(sessionUrl);
  await lauraPage
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("link", { name: nikhil.name })
    .click();
  await lauraPage.getByRole("button", { name: `Release to ${nikhil.name}` }).click();
  await expect(lauraPage.getByText(`${nikhil.name} can now see their outcome.`)).toBeVisible();
  await lauraPage.context().close();
  const nikhilPage = await (await browser.newContext()).newPage();
  await signIn(nikhilPage, nikhil.email);
  await nikhilPage
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My growth" })
    .click();
  await expect(
    nikhilPage.getByText(/Promoted to Engineer II, from \d{4}-\d{2}-\d{2}\./),
  ).toBeVisible();
  await expect(nikhilPage.getByRole("main")).toContainText("Engineer II");
  await nikhilPage.context().close();
});

test("what a manager chooses and types in the proposal form is kept as the draft, in the app and as HTML, even when leaving at once, and the meeting's notes are kept as they are typed", async ({
  page,
  browser,
}) => {
  // A whole session's flow, as the file's other long tests: 21 s alone, and it ran out of the
  // default 30 s once in a full CI run.
  test.setTimeout(90_000);
  const clara = { email: "clara.jensen@example.com", name: "Clara Jensen" };
  await signIn(page, people.admin.email);
  await page.goto("/admin/cycles/new");
  await page.getByRole("textbox", { name: "Name" }).fill("Spring reviews");
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("heading", { name: "Spring reviews" })).toBeVisible();
  await page.goto("/calibration/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Spring calibration");
  await page.getByLabel("Ladder", { exact: true }).selectOption({ label: "Engineering" });
  await page.getByLabel("Review cycle").selectOption({ label: "Spring reviews" });
  await page.getByLabel("Facilitator's email").fill(people.admin.email);
  await page.getByRole("radio", { name: "A list of people" }).check();
  await page.getByLabel("People's emails").fill(clara.email);
  await page.getByRole("button", { name: "Set up session" }).click();
  await expect(page.getByRole("heading", { name: "Spring calibration", level: 1 })).toBeVisible();
  await moveSession(page, "Proposals open");

  // Tom starts a rationale, kept as his draft: opened from the sessions' list, the app renders the
  // entry in place and keeps it; opened as a document, the page's script does.
  const tom = await (await browser.newContext()).newPage();
  await signIn(tom, manager.email);
  await tom.goto("/calibration");
  await tom.getByRole("link", { name: "Spring calibration" }).click();
  await tom
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("link", { name: clara.name })
    .click();
  await tom.waitForURL(/\/entries\//);
  await hydrated(tom);
  await tom.getByLabel("Rationale").fill("Owns the release");
  const kept = tom.getByRole("status").filter({ hasText: /^Draft kept at/ });
  await expect(kept).toBeVisible();
  await tom.goto(tom.url());
  await expect(tom.getByLabel("Rationale")).toHaveValue("Owns the release");
  await tom.getByLabel("Rationale").fill("Owns the release checklist.");
  await expect(kept).toBeVisible();

  // With the connection gone, the page says the draft was not kept and keeps the words; his next
  // change, with the connection back, keeps it.
  const cut = (route: Route) =>
    route.request().method() === "POST" ? route.abort() : route.fallback();
  await tom.route(/\/entries\//, cut);
  await tom.getByLabel("Rationale").fill("Owns the release checklist and its dry runs.");
  await expect(tom.getByRole("status").filter({ hasText: /^Your draft was not kept/ })).toHaveText(
    "Your draft was not kept: the connection failed. What you typed is still here; it is kept at your next change.",
  );
  await tom.unroute(/\/entries\//, cut);
  await tom.getByLabel("Rationale").press("End");
  await tom.getByLabel("Rationale").pressSequentially(".");
  await expect(kept).toBeVisible();

  // He changes the rating, the outcome and the words, and leaves before the pause is over: back
  // on the page, what the browser put back in the form is kept.
  await tom.getByRole("radio", { name: /^3 Consistent/ }).check();
  await tom.getByRole("radio", { name: "Promote" }).check();
  await tom.getByLabel("Promote to").selectOption({ label: "Engineer II" });
  await tom.getByLabel("Rationale").fill("Owns the release checklist. Mentored two new joiners.");
  await tom.getByRole("link", { name: "Spring calibration" }).click();
  await tom.goBack();
  await expect(kept).toBeVisible();
  await tom.reload();
  await expect(tom.getByRole("radio", { name: /^3 Consistent/ })).toBeChecked();
  await expect(tom.getByRole("radio", { name: "Promote" })).toBeChecked();
  await expect(tom.getByLabel("Promote to").locator("option:checked")).toHaveText("Engineer II");
  await expect(tom.getByLabel("Rationale")).toHaveValue(
    "Owns the release checklist. Mentored two new joiners.",
  );
  // Once his words are kept, they count as sent: the session going live is put in place on his
  // page (proposals closed) rather than only said.
  await tom.getByLabel("Rationale").pressSequentially(" Ready.");
  await expect(kept).toBeVisible();
  await moveSession(page, "Live");
  await expect(tom.getByText(/ · session live$/)).toBeVisible();
  await expect(tom.getByLabel("Rationale")).toBeHidden();
  await expect(tom.getByText(/^This page has changed since you opened it/)).toBeHidden();
  await tom.context().close();

  // In meeting mode the facilitator's notes are kept as they are typed. Each keeping changes the
  // session, so the page puts its newest state in place: not while the notes are being typed on,
  // and then with the caret where it was.
  await page.goto(`${page.url()}/meeting`);
  await page.getByRole("button", { name: `Start with: ${clara.name}` }).click();
  const notes = page.getByLabel(`Discussion notes on ${clara.name}`);
  const notesKept = page.getByRole("status").filter({ hasText: /^Notes saved at/ });
  const changed = page.getByText(/^This page has changed since you opened it/);
  // The page's newest state is in place once the notes marked here are gone: put in place only once
  // they are kept, and then saying still that they were.
  const inPlace = async () => {
    await notes.evaluate((element) => element.setAttribute("data-typed-in", ""));
    await expect(page.locator("textarea[data-typed-in]")).toHaveCount(0);
    await expect(notesKept).toBeVisible();
  };
  await notes.pressSequentially("Ready");
  await inPlace();
  await notes.pressSequentially(" for the next level, as the", { delay: 100 });
  expect(await changed.isVisible()).toBe(false);
  await inPlace();
  await expect(notes).toBeFocused();
  await page.keyboard.type(" review says.");
  await expect(notes).toHaveValue("Ready for the next level, as the review says.");
  await inPlace();
  await page.reload();
  await expect(notes).toHaveValue("Ready for the next level, as the review says.");
});

import { expect, test, type Browser, type Page } from "./test";
import { expectAccessible, people, scriptsFetched, signIn } from "./helpers";

// The second server of playwright.config.ts. The README's people are this spec's there: no other spec
// on it signs in as or names Sam, Lena, Nora or Patrick, mentors, or proposes in the demo's own
// session, "Autumn calibration: Product" (calibration.spec.ts opens sessions of its own, over Mobile).
// Demo people this spec changes: Sam Okafor, Lena Fischer, Nora Lindqvist, Patrick Doyle.
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3210) + 1}` });

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("the README's demo people each find their workflow: Sam proposes in the open session and mentors, Lena joins as a mentee and chooses her mentor, who accepts, Grace opens a debrief", async ({
  browser,
}) => {
  test.setTimeout(90_000);

  // Sam Okafor, the named manager: the open session asks him for his reports' proposals.
  const sam = await signedIn(browser, people.manager.email);
  await sam
    .getByRole("listitem")
    .filter({ hasText: "Propose ratings for Autumn calibration: Product" })
    .getByRole("link")
    .click();
  await expect(
    sam.getByRole("heading", { name: "Autumn calibration: Product", level: 1 }),
  ).toBeVisible();
  await sam
    .getByRole("table", { name: "People in this session, in discussion order" })
    .getByRole("link", { name: people.engineer.name })
    .click();
  await sam.getByRole("radio", { name: /^3 Consistent/ }).check();
  await sam
    .getByRole("group", { name: "Potential" })
    .getByRole("radio", { name: "Medium" })
    .check();
  await sam
    .getByLabel("Rationale")
    .fill("Steady at Engineer II; the review's evidence carries it.");
  await sam.getByRole("button", { name: "Save proposal" }).click();
  await expect(sam.getByText("Proposal saved.")).toBeVisible();

  // He can offer to mentor in the open programme (a fresh page load: the proposal form's draft keeper may still be saving).
  await sam.goto("/mentorship");
  await sam.getByRole("link", { name: "Spring mentoring" }).click();
  await sam.getByRole("link", { name: "Join as a mentor" }).click();
  await sam.getByRole("checkbox", { name: "Execution and follow-through" }).check();
  await sam.getByLabel("How many mentees you can take").fill("2");
  await sam.getByLabel("Your time zone").selectOption("UTC");
  await sam.getByRole("button", { name: "Join as a mentor" }).click();
  await expect(sam.getByText("Your answers as a mentor are saved.")).toBeVisible();
  await sam.context().close();

  // Lena Fischer, the named engineer, joins the programme as a mentee from her home page.
  const lena = await signedIn(browser, people.engineer.email);
  await lena
    .getByRole("listitem")
    .filter({ hasText: "Join Spring mentoring as a mentee or mentor" })
    .getByRole("link")
    .click();
  await lena.getByRole("link", { name: "Join as a mentee" }).click();
  await lena.getByRole("checkbox", { name: "Testing and verification" }).check();
  await lena.getByLabel("Your time zone").selectOption("UTC");
  await lena.getByRole("button", { name: "Join as a mentee" }).click();
  await expect(lena.getByText("Your answers as a mentee are saved.")).toBeVisible();

  // She chooses her mentors: Sam, her manager, is not open to her; she asks Nora first and Patrick second.
  await lena.getByRole("link", { name: "Choose your mentors" }).click();
  await expect(
    lena.getByRole("heading", { name: "Mentors of Spring mentoring", level: 1 }),
  ).toBeVisible();
  // Opened as a document (as from its email), the page and its forms are HTML (decision 144).
  const lenaScripts = scriptsFetched(lena);
  await lena.reload();
  await expect(lena.getByRole("region", { name: "Sam Okafor" })).toContainText(
    "Sam Okafor is in your management chain; a mentor comes from outside it.",
  );
  await expect(lena.getByRole("region", { name: "Sam Okafor" }).getByRole("button")).toHaveCount(0);
  const nora = lena.getByRole("region", { name: "Nora Lindqvist" });
  await expect(nora).toContainText("Testing and verification");
  await expect(nora).toContainText("1 place left");
  await nora.getByRole("button", { name: "Ask Nora Lindqvist" }).click();
  await expect(lena.getByText("Request sent.")).toBeVisible();
  const patrick = lena.getByRole("region", { name: "Patrick Doyle" });
  await expect(patrick.getByLabel("Your choice")).toHaveValue("2");
  await patrick.getByRole("button", { name: "Ask Patrick Doyle" }).click();
  const requests = lena.getByRole("list").filter({ hasText: "1st choice: Nora Lindqvist" });
  await expect(requests).toContainText("2nd choice: Patrick Doyle");
  await expectAccessible(lena);

  // Nora finds the request on her home page and accepts it.
  const noraPage = await signedIn(browser, "nora.lindqvist@example.com");
  // Her requests page is a document of HTML, and its forms post (decision 144).
  const noraScripts = scriptsFetched(noraPage);
  await noraPage
    .getByRole("listitem")
    .filter({ hasText: "Answer a request from Lena Fischer for you as their mentor" })
    .getByRole("link")
    .click();
  const request = noraPage.getByRole("region", { name: "Lena Fischer" });
  await expect(request).toContainText("Asked you as their 1st choice");
  await expectAccessible(noraPage);
  await request.getByRole("button", { name: "Accept Lena Fischer" }).click();
  await expect(noraPage.getByText("Accepted: you are paired.")).toBeVisible();
  expect(noraScripts).toEqual([]);
  await noraPage.context().close();

  // Lena has her mentor: the pair is active and says it was her choice; her second request was withdrawn.
  await lena.reload();
  await expect(requests).toContainText("Nora Lindqvist accepted: you are paired.");
  await expect(requests).not.toContainText("Patrick Doyle");
  expect(lenaScripts).toEqual([]);
  await lena.getByRole("link", { name: "Spring mentoring" }).click();
  await lena.getByRole("link", { name: "Nora Lindqvist, your mentor" }).click();
  await expect(
    lena.getByText("Requested by the mentee (their 1st choice) and accepted by the mentor."),
  ).toBeVisible();
  await lena.context().close();

  // Grace Liu, the hiring admin, has a loop whose cards are all in: its debrief is hers to read and decide.
  const grace = await signedIn(browser, people.hiringAdmin.email);
  // To-do titles name no candidate (they reach email too); the candidate is named beside the link.
  await grace
    .getByRole("listitem")
    .filter({ hasText: "Candidate: Morgan Ellis" })
    .getByRole("link", { name: /^Record a hiring decision for / })
    .click();
  const matrix = grace.getByRole("table", { name: /Interviewers by competencies/ });
  await expect(matrix.getByRole("row", { name: /Henrik Sorensen/ })).toBeVisible();
  await expect(grace.getByRole("button", { name: "Record decision" })).toBeVisible();
  await grace.context().close();
});

test("Priya, the admin, finds Organisation insights in the navigation: time in level as charts, each table beside them and as CSV", async ({
  browser,
}) => {
  const priya = await signedIn(browser, people.admin.email);
  // Opened from home, a page without the app's scripts, the insights arrive as a document of their own.
  const scripts = scriptsFetched(priya);
  await priya.getByRole("link", { name: "Insights", exact: true }).first().click();
  await expect(
    priya.getByRole("heading", { name: "Organisation insights", level: 1 }),
  ).toBeVisible();
  await expect(priya.getByRole("heading", { name: "Time in level", level: 2 })).toBeVisible();
  await expect(
    priya.getByRole("img", { name: /^Time at .+ before promotion/ }).first(),
  ).toBeVisible();
  await expect(
    priya.getByRole("table", { name: "Median time to promotion by track and level" }),
  ).toBeVisible();
  await expect(
    priya.getByRole("heading", { name: "Mentoring and growth", level: 2 }),
  ).toBeVisible();
  await expect(priya.getByText("An association, not an effect")).toBeVisible();
  await expect(priya.getByRole("link", { name: "Download calibration shift (CSV)" })).toBeVisible();
  // Read, and its cycle chosen by a form that gets: sent without the app's scripts (decision 155).
  expect(scripts).toEqual([]);
  await priya.context().close();
});

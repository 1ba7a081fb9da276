import { expect, test, type Browser, type Page } from "@playwright/test";
import { people, signIn } from "./helpers";

// The second server of playwright.config.ts, whose demo organisation no other spec proposes, mentors or decides in.
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3210) + 1}` });

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("the README's demo people each find their workflow: Sam proposes in the open session and mentors, Lena joins as a mentee, Grace opens a debrief", async ({ browser }) => {
  test.setTimeout(90_000);

  // Sam Okafor, the named manager: the open session asks him for his reports' proposals.
  const sam = await signedIn(browser, people.manager.email);
  await sam.getByRole("listitem").filter({ hasText: "Propose ratings for Autumn calibration: Product" }).getByRole("link").click();
  await expect(sam.getByRole("heading", { name: "Autumn calibration: Product", level: 1 })).toBeVisible();
  await sam.getByRole("table", { name: "People in this session, in discussion order" }).getByRole("link", { name: people.engineer.name }).click();
  await sam.getByRole("radio", { name: /^3 Consistent/ }).check();
  await sam.getByRole("group", { name: "Potential" }).getByRole("radio", { name: "Medium" }).check();
  await sam.getByLabel("Rationale").fill("Steady at Engineer II; the review's evidence carries it.");
  await sam.getByRole("button", { name: "Save proposal" }).click();
  await expect(sam.getByText("Proposal saved.")).toBeVisible();

  // He can offer to mentor in the open programme (a fresh page load: the proposal form's draft keeper may still be saving).
  await sam.goto("/mentorship");
  await sam.getByRole("link", { name: "Spring mentoring" }).click();
  await sam.getByRole("link", { name: "Join as a mentor" }).click();
  await sam.getByRole("checkbox", { name: "Execution and follow-through" }).check();
  await sam.getByLabel("How many mentees you can take").fill("2");
  await sam.getByLabel("Your time zone").selectOption({ label: "UTC±00:00" });
  await sam.getByRole("button", { name: "Join as a mentor" }).click();
  await expect(sam.getByText("Your answers as a mentor are saved.")).toBeVisible();
  await sam.context().close();

  // Lena Fischer, the named engineer, joins the programme as a mentee from her home page.
  const lena = await signedIn(browser, people.engineer.email);
  await lena.getByRole("listitem").filter({ hasText: "Join Spring mentoring as a mentee or mentor" }).getByRole("link").click();
  await lena.getByRole("link", { name: "Join as a mentee" }).click();
  await lena.getByRole("checkbox", { name: "Testing and verification" }).check();
  await lena.getByLabel("Your time zone").selectOption({ label: "UTC±00:00" });
  await lena.getByRole("button", { name: "Join as a mentee" }).click();
  await expect(lena.getByText("Your answers as a mentee are saved.")).toBeVisible();
  await lena.context().close();

  // Grace Liu, the hiring admin, has a loop whose cards are all in: its debrief is hers to read and decide.
  const grace = await signedIn(browser, people.hiringAdmin.email);
  // To-do titles name no candidate (they reach email too); the candidate is named beside the link.
  await grace.getByRole("listitem").filter({ hasText: "Candidate: Morgan Ellis" }).getByRole("link", { name: /^Record a hiring decision for / }).click();
  const matrix = grace.getByRole("table", { name: /Interviewers by competencies/ });
  await expect(matrix.getByRole("row", { name: /Henrik Sorensen/ })).toBeVisible();
  await expect(grace.getByRole("button", { name: "Record decision" })).toBeVisible();
  await grace.context().close();
});

test("Priya, the admin, finds Organisation insights in the navigation: time in level as charts, each table beside them and as CSV", async ({ browser }) => {
  const priya = await signedIn(browser, people.admin.email);
  await priya.getByRole("link", { name: "Insights", exact: true }).first().click();
  await expect(priya.getByRole("heading", { name: "Organisation insights", level: 1 })).toBeVisible();
  await expect(priya.getByRole("heading", { name: "Time in level", level: 2 })).toBeVisible();
  await expect(priya.getByRole("img", { name: /^Time at .+ before promotion/ }).first()).toBeVisible();
  await expect(priya.getByRole("table", { name: "Median time to promotion by track and level" })).toBeVisible();
  await expect(priya.getByRole("heading", { name: "Mentoring and growth", level: 2 })).toBeVisible();
  await expect(priya.getByText("An association, not an effect")).toBeVisible();
  await expect(priya.getByRole("link", { name: "Download calibration shift (CSV)" })).toBeVisible();
  await priya.context().close();
});

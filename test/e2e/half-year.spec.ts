import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { freePort, setTestClock, startAppServer, type AppServer } from "../../scripts/app-servers";
import { startSmtpSink } from "../utils/smtp-sink";

/**
 * A small company's half year with Rungs, from an empty database, on a test clock that the server,
 * the email pass and the browsers all read (decision 079): the first admin from the setup link,
 * people from a CSV file, passwords from sign-in links; evidence recorded between cycles, shared
 * only by a deliberate tick; a monthly one-to-one that skips a meeting (cancelled in the calendar)
 * and moves off a weekend; and a review cycle opened ahead, which reaches the engineer's to-do list
 * on its first day, where the evidence of the winter is attached in one click and a rating chosen
 * right after adding evidence is kept; the manager swaps a nominated peer, and is herself offered
 * fellow managers to ask.
 */

const run = promisify(execFile);
const PASSWORD = "half-year-password-2026";
const csv = [
  "name,email,manager_email,team,track,level",
  "Cleo Director,cleo@acme.example,,,manager,m2",
  "Mara Manager,mara@acme.example,cleo@acme.example,,manager,m1",
  "Omar Manager,omar@acme.example,cleo@acme.example,,manager,m1",
  "Eli Engineer,eli@acme.example,mara@acme.example,,ic,ic2",
  "Noor Engineer,noor@acme.example,mara@acme.example,,ic,ic2",
  "Pia Engineer,pia@acme.example,omar@acme.example,,ic,ic2",
];

let server: AppServer | undefined;
let folder: string | undefined;
test.afterAll(async () => {
  await server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** An invitation's method and start, read by a calendar client's own parser (ical.js). */
function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const start = event.getFirstPropertyValue("dtstart") as InstanceType<typeof ICAL.Time>;
  return { method: String(calendar.getFirstPropertyValue("method")), uid: String(event.getFirstPropertyValue("uid")), startsAt: start.toICALString() };
}

test("a company's half year on the test clock: evidence shared by a tick, a monthly one-to-one skipped and off the weekend, a cycle's self-assessment with the winter's evidence, and a nominated peer swapped by the manager", async ({ browser }) => {
  test.setTimeout(240_000);
  folder = mkdtempSync(join(tmpdir(), "rungs-half-year-"));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const sink = await startSmtpSink();
  const databaseUrl = `file:${join(folder, "rungs.db")}`;
  const mail = { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: "Rungs <rungs@acme.example>", PUBLIC_URL: origin };
  // Thursday 26 November 2026, nine in the morning: the half year begins.
  let today = new Date("2026-11-26T09:00:00Z");
  server = await startAppServer(databaseUrl, { port, testClock: today, env: { ...mail, NOTIFY_SCHEDULE: "off" } });
  const clockFile = server.clockFile!;

  // Every browser shares the server's day, so the forms' own checks agree with the server's.
  const contexts: BrowserContext[] = [];
  const moveTo = async (at: Date) => {
    today = at;
    await setTestClock(clockFile, at);
    for (const context of contexts) await context.clock.setSystemTime(at);
  };
  const openBrowser = async (target: Browser): Promise<Page> => {
    const context = await target.newContext({ baseURL: origin });
    await context.clock.setSystemTime(today);
    contexts.push(context);
    return context.newPage();
  };
  // One email pass, as cron runs it, on the same clock as the server.
  const emailPass = () =>
    run("./node_modules/.bin/tsx", ["scripts/notifications-send.ts"], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, ...mail, RUNGS_TEST_CLOCK: clockFile, RUNGS_TEST_CLOCK_ALLOWED: "1" },
    });
  const invitationsTo = (email: string) =>
    sink.received
      .filter((message) => message.to.includes(email))
      .flatMap((message) => message.mail.attachments.filter((part) => part.contentType.startsWith("text/calendar")).map((part) => readCalendar(part.content.toString("utf8"))))
      .filter((invitation) => invitation.uid.startsWith("conversation-"));

  try {
    // The first admin, from the setup link in the log; the company's people, from its CSV file.
    const setupLink = new RegExp(`${origin}/setup/\\S+`).exec(server.log())?.[0];
    expect(setupLink, server.log()).toBeDefined();
    const admin = await openBrowser(browser);
    await admin.goto(setupLink!);
    await admin.getByLabel("Your name").fill("Ines Admin");
    await admin.getByLabel("Your work email").fill("ines@acme.example");
    await admin.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await admin.getByLabel("Type it again").fill(PASSWORD);
    await admin.getByRole("button", { name: "Become the first admin" }).click();
    await expect(admin.getByRole("button", { name: "Sign out" })).toBeVisible();
    await admin.goto("/admin/people/import");
    await admin.getByLabel("Choose a CSV file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv.join("\n")}\n`) });
    await expect(admin.getByLabel("CSV", { exact: true })).toHaveValue(/Pia Engineer/);
    await admin.getByRole("button", { name: "Check" }).click();
    await admin.getByRole("button", { name: "Import 6 people" }).click();
    await expect(admin.getByText("6 people added")).toBeVisible();

    // Each person chooses a password from the sign-in link the admin sends them.
    const arrive = async (name: string): Promise<Page> => {
      await admin.goto("/admin/people");
      await admin.getByLabel("Name or email").fill(name);
      await admin.getByRole("button", { name: "Search" }).click();
      await admin.getByRole("link", { name, exact: true }).first().click();
      await admin.getByRole("button", { name: "Create sign-in link" }).click();
      const link = await admin.getByRole("textbox", { name: "Sign-in link" }).inputValue();
      const page = await openBrowser(browser);
      await page.goto(link);
      await page.getByLabel("New password").fill(PASSWORD);
      await page.getByLabel("Type it again").fill(PASSWORD);
      await page.getByRole("button", { name: "Set password and sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      return page;
    };
    const mara = await arrive("Mara Manager");
    const eli = await arrive("Eli Engineer");

    // Point 1. Eli records evidence between cycles: the form is dated on the clock's day, and after
    // each item it is empty and unticked, so only what he ticks reaches Mara.
    await eli.goto("/conversations/evidence");
    const competency = eli.getByLabel("Competency");
    const happened = eli.getByLabel("What happened");
    const share = eli.getByRole("checkbox", { name: "Share with my manager", exact: true });
    await expect(eli.getByLabel("When")).toHaveAttribute("max", "2026-11-26");
    await competency.selectOption({ label: "Code quality" });
    await happened.fill("Led the review of the billing service's error handling.");
    await share.check();
    await eli.getByRole("button", { name: "Record", exact: true }).click();
    await expect(eli.getByRole("listitem").filter({ hasText: "Led the review of the billing service's error handling." })).toBeVisible();
    await expect(happened).toHaveValue("");
    await expect(competency).toHaveValue("");
    await expect(share).not.toBeChecked();
    await competency.selectOption({ label: "Code quality" });
    await happened.fill("Kept a note of the flaky invoice test for myself.");
    await eli.getByRole("button", { name: "Record", exact: true }).click();
    await expect(eli.getByRole("listitem").filter({ hasText: "Kept a note of the flaky invoice test for myself." })).toBeVisible();
    await expect(share).not.toBeChecked();

    // Point 5. Mara sets up a monthly one-to-one with Eli, the first on Monday 30 November.
    await mara.goto("/conversations");
    await mara.getByLabel("With").selectOption({ label: "One-to-one with Eli Engineer" });
    await mara.getByLabel("How often").selectOption({ label: "Every month" });
    await mara.getByLabel(/^First meeting \(your clock, /).fill("2026-11-30T10:00");
    await mara.getByRole("button", { name: "Set up" }).click();
    await expect(mara.getByRole("heading", { name: "One-to-one with Eli Engineer", level: 1 })).toBeVisible();
    const seriesPath = new URL(mara.url()).pathname;
    const nextMeeting = mara.getByRole("heading", { name: "Next meeting" }).locator("..");
    await expect(nextMeeting.getByRole("list").first()).toContainText(/30 Nov(ember)? 2026/);
    await emailPass();
    expect(invitationsTo("eli@acme.example").map((invitation) => [invitation.method, invitation.startsAt])).toEqual([["REQUEST", "20261130T100000Z"]]);
    sink.received.length = 0;

    // Mara reads the item Eli shared, and not the one he kept.
    await mara.goto("/team");
    await mara.getByRole("listitem").filter({ hasText: "Eli Engineer: " }).getByRole("link", { name: "Eli Engineer", exact: true }).click();
    await expect(mara.getByRole("heading", { name: "Eli Engineer's evidence", level: 1 })).toBeVisible();
    await expect(mara.getByText("Led the review of the billing service's error handling.")).toBeVisible();
    await expect(mara.getByText("Kept a note of the flaky invoice test for myself.")).toHaveCount(0);

    // Mara skips the first meeting: both calendars are told it is cancelled, and the series goes on.
    await mara.goto(seriesPath);
    await mara.getByRole("button", { name: "Skip this meeting" }).click();
    await mara.getByRole("dialog", { name: "Skip this meeting?" }).getByRole("button", { name: "Skip it" }).click();
    await expect(nextMeeting.getByRole("list").first()).toContainText(/30 Dec(ember)? 2026/);
    await emailPass();
    const toEli = invitationsTo("eli@acme.example").map((invitation) => [invitation.method, invitation.startsAt]);
    expect(toEli).toContainEqual(["CANCEL", "20261130T100000Z"]);
    sink.received.length = 0;

    // The admin opens the winter's review cycle ahead of its first day, 11 January.
    await admin.goto("/admin/cycles/new");
    await admin.getByRole("textbox", { name: "Name" }).fill("Winter 2027");
    await admin.getByLabel("Starts on").fill("2027-01-11");
    await admin.getByLabel("Ends on").fill("2027-02-26");
    await admin.getByRole("button", { name: "Open cycle" }).click();
    await expect(admin.getByRole("heading", { name: "Winter 2027" })).toBeVisible();
    await admin.goto("/admin/cycles");
    await expect(admin.getByRole("row", { name: /Winter 2027/ })).toContainText("Not started yet");

    // New Year's Eve: the December meeting passed unrecorded, so the series rolls on, and 30 January
    // being a Saturday, the next meeting is on Friday 29 January.
    await moveTo(new Date("2026-12-31T09:00:00Z"));
    await mara.goto(seriesPath);
    await expect(nextMeeting.getByRole("list").first()).toContainText(/29 Jan(uary)? 2027/);
    await expect(nextMeeting.getByRole("list").first()).toContainText(/Fri(day)?/);
    await eli.goto("/");
    await expect(eli.getByRole("listitem").filter({ hasText: "Assess yourself for Winter 2027" })).toHaveCount(0);

    // Points 6 and 2. On the cycle's first day, Eli's to-do list asks for his self-assessment; the
    // evidence he recorded in November is offered beside Code quality and attached in one click.
    await moveTo(new Date("2027-01-11T09:00:00Z"));
    await admin.goto("/admin/cycles");
    await expect(admin.getByRole("row", { name: /Winter 2027/ })).toContainText("Open");
    await eli.goto("/");
    const assess = eli.getByRole("listitem").filter({ hasText: "Assess yourself for Winter 2027" });
    await expect(assess).toBeVisible();
    await assess.getByRole("link").click();
    await eli.getByRole("button", { name: "Start self-assessment" }).click();
    await expect(eli).toHaveURL(/\/assessments\//);
    const codeQuality = eli.getByRole("region", { name: "Code quality", exact: true });
    await expect(codeQuality.getByText("Recorded since your last self-assessment")).toBeVisible();
    await codeQuality.getByRole("button", { name: /^Attach as evidence: Led the review of the billing service/ }).click();
    await expect(codeQuality.getByText("Attached as evidence")).toBeVisible();
    await expect(codeQuality.getByText("Led the review of the billing service's error handling.", { exact: true }).first()).toBeVisible();

    // A rating chosen right after adding evidence is kept.
    await codeQuality.getByText("Add evidence for Code quality").click();
    await codeQuality.getByLabel("What happened").fill("Wrote the tests the invoice parser lacked");
    await codeQuality.getByRole("button", { name: "Add evidence" }).click();
    await expect(codeQuality.getByText("Wrote the tests the invoice parser lacked", { exact: true })).toBeVisible();
    const rating = eli.getByRole("group", { name: "Rating for Testing and verification" }).getByRole("radio").first();
    await rating.click();
    await expect(rating).toBeChecked();
    await expect(eli.getByText(/^Saved at/)).toBeVisible();
    await eli.reload();
    await expect(eli.getByRole("group", { name: "Rating for Testing and verification" }).getByRole("radio").first()).toBeChecked();

    // Point 4. The admin asks for peer feedback in the cycle; Eli nominates Noor, and Mara, who knows
    // Noor is away, swaps her for Pia in one step. Mara's own suggestions are fellow managers, not her reports.
    await admin.getByRole("link", { name: "Winter 2027" }).click();
    await admin.getByRole("checkbox", { name: "Peer feedback" }).check();
    await admin.getByRole("button", { name: "Save feedback settings" }).click();
    await expect(admin.getByText("Feedback settings saved.")).toBeVisible();
    await eli.goto("/");
    await eli.getByRole("listitem").filter({ hasText: "Choose who gives you feedback in Winter 2027" }).getByRole("link").first().click();
    await expect(eli.getByRole("heading", { name: "Your feedback in Winter 2027", level: 1 })).toBeVisible();
    await eli.getByRole("button", { name: "Ask Noor Engineer" }).click();
    await expect(eli.getByText("Nominated: waiting for the manager's approval.")).toBeVisible();
    await mara.goto("/");
    await mara.getByRole("listitem").filter({ hasText: "Approve Eli Engineer's peer reviewers" }).getByRole("link").first().click();
    await expect(mara.getByRole("heading", { name: "Feedback for Eli Engineer", level: 1 })).toBeVisible();
    const asked = mara.getByRole("list", { name: "Who is asked for Eli Engineer's feedback" });
    const noor = asked.getByRole("listitem").filter({ hasText: "Noor Engineer" });
    await noor.getByLabel("Ask instead (email)").fill("pia@acme.example");
    await noor.getByLabel("Reason for the swap").fill("Noor is on leave until March.");
    await noor.getByRole("button", { name: "Swap" }).click();
    await expect(mara.getByText("Swapped: the new colleague is asked now.")).toBeVisible();
    await expect(asked.getByRole("listitem").filter({ hasText: "Pia Engineer" })).toContainText("Asked");
    await mara.goto("/");
    await mara.getByRole("listitem").filter({ hasText: "Choose who gives you feedback in Winter 2027" }).getByRole("link").first().click();
    await expect(mara.getByRole("button", { name: "Ask Omar Manager" })).toBeVisible();
    await expect(mara.getByRole("button", { name: /^Ask (Eli|Noor) Engineer$/ })).toHaveCount(0);

    // Late May: the cycle's end has passed on the clock, and the admins' page says so.
    await moveTo(new Date("2027-05-25T09:00:00Z"));
    await admin.goto("/admin/cycles");
    await expect(admin.getByRole("row", { name: /Winter 2027/ })).toContainText("Open, past its end date");
  } finally {
    await sink.close();
  }
});

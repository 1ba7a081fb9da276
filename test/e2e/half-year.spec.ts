import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type BrowserContext, type Page } from "./test";
import ICAL from "ical.js";
import { freePort, setTestClock, startAppServer, type AppServer } from "../../scripts/app-servers";
import { moveSession, openDraft, rateEverything, sectionLink, submitAssessment } from "./helpers";
import { startSmtpSink } from "../utils/smtp-sink";

/**
 * A small company's half year with Rungs, from an empty database, on a test clock that the server,
 * the email pass and the browsers all read (decision 078): the first admin from the setup link,
 * people from a CSV file, passwords from sign-in links; evidence recorded between cycles, shared
 * only by a deliberate tick; a monthly one-to-one that skips a meeting (cancelled in the calendar)
 * and moves off a weekend; and a review cycle opened ahead, which reaches the engineer's to-do list
 * on its first day, where the evidence of the winter is attached in one click and a rating chosen
 * right after adding evidence is kept; the manager swaps a nominated peer and adds two, one declines
 * and the engineer is prompted to choose another, and the manager is herself offered fellow managers
 * to ask; the peers answer; the manager's review, which the cycle first shares once each outcome is
 * released and then on a date the admin chooses, stays unread past the release until that day; the
 * session calibrates, locks and publishes, and the released feedback is announced in the Monday
 * digest and on the to-do list, linked from the growth, review and team pages, and taken to the next
 * one-to-one in one click; a mentor's opt-in ticks only the strongest few of what his review rates;
 * and after the lock the engineer moves team and manager: the fairness report reads as at the lock,
 * and the ended one-to-one lists its last meeting as cancelled, not to come.
 */

const run = promisify(execFile);
const PASSWORD = "half-year-password-2026";
const csv = [
  "name,email,manager_email,team,track,level",
  "Cleo Director,cleo@acme.example,,,manager,m2",
  "Mara Manager,mara@acme.example,cleo@acme.example,,manager,m1",
  "Omar Manager,omar@acme.example,cleo@acme.example,,manager,m1",
  "Eli Engineer,eli@acme.example,mara@acme.example,Payments,ic,ic2",
  "Noor Engineer,noor@acme.example,mara@acme.example,Payments,ic,ic2",
  "Raj Engineer,raj@acme.example,mara@acme.example,Payments,ic,ic2",
  "Tess Engineer,tess@acme.example,mara@acme.example,Payments,ic,ic2",
  "Pia Engineer,pia@acme.example,omar@acme.example,Mobile,ic,ic2",
];

// A step the app refuses (a button it no longer offers) fails the walk there within seconds, not at the walk's own timeout.
test.use({ actionTimeout: 15_000 });

let server: AppServer | undefined;
let folder: string | undefined;
test.afterAll(async () => {
  await server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A colleague answers Eli's peer request from their to-do list: Code quality, with an example. */
async function giveEliFeedback(reviewer: Page, example: string) {
  await reviewer.goto("/");
  await reviewer
    .getByRole("listitem")
    .filter({ hasText: "Give Eli Engineer feedback" })
    .getByRole("link")
    .first()
    .click();
  await expect(
    reviewer.getByRole("heading", { name: "Feedback for Eli Engineer", level: 1 }),
  ).toBeVisible();
  const codeQuality = reviewer.getByRole("group", { name: "Code quality", exact: true });
  await codeQuality
    .getByRole("radiogroup", { name: "Rating for Code quality" })
    .getByRole("radio", { name: /Consistent/ })
    .check();
  await codeQuality.getByLabel("An example").fill(example);
  await expect(reviewer.getByText(/^Saved at/)).toBeVisible();
  await reviewer.getByRole("button", { name: "Submit feedback" }).click();
  await expect(
    reviewer.getByText("Thank you: your feedback is submitted and can no longer change."),
  ).toBeVisible();
}

/** An invitation's method and start, read by a calendar client's own parser (ical.js). */
function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const start = event.getFirstPropertyValue("dtstart") as InstanceType<typeof ICAL.Time>;
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    startsAt: start.toICALString(),
  };
}

test("a company's half year on the test clock: evidence shared by a tick, a monthly one-to-one skipped and off the weekend, a cycle's self-assessment with the winter's evidence, peers swapped, added and replaced after a decline, a manager's review shared on the day the cycle chose and not before, released feedback announced and taken to a one-to-one, a mentor's strongest few ticked, and a locked session's report and an ended series that stay as they were", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  folder = mkdtempSync(join(tmpdir(), "rungs-half-year-"));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const sink = await startSmtpSink();
  const databaseUrl = `file:${join(folder, "rungs.db")}`;
  const mail = {
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_FROM: "Rungs <rungs@acme.example>",
    PUBLIC_URL: origin,
  };
  // Thursday 26 November 2026, nine in the morning: the half year begins.
  let today = new Date("2026-11-26T09:00:00Z");
  server = await startAppServer(databaseUrl, {
    port,
    testClock: today,
    env: { ...mail, NOTIFY_SCHEDULE: "off" },
  });
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
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        ...mail,
        RUNGS_TEST_CLOCK: clockFile,
        RUNGS_TEST_CLOCK_ALLOWED: "1",
      },
    });
  const invitationsTo = (email: string) =>
    sink.received
      .filter((message) => message.to.includes(email))
      .flatMap((message) =>
        message.mail.attachments
          .filter((part) => part.contentType.startsWith("text/calendar"))
          .map((part) => readCalendar(part.content.toString("utf8"))),
      )
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
    await admin.getByLabel("Choose a CSV file").setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${csv.join("\n")}\n`),
    });
    await expect(admin.getByLabel("CSV", { exact: true })).toHaveValue(/Pia Engineer/);
    await admin.getByRole("button", { name: "Check" }).click();
    await admin.getByRole("button", { name: "Import 8 people" }).click();
    await expect(admin.getByText("8 people added")).toBeVisible();

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
    await expect(
      eli
        .getByRole("listitem")
        .filter({ hasText: "Led the review of the billing service's error handling." }),
    ).toBeVisible();
    await expect(happened).toHaveValue("");
    await expect(competency).toHaveValue("");
    await expect(share).not.toBeChecked();
    await competency.selectOption({ label: "Code quality" });
    await happened.fill("Kept a note of the flaky invoice test for myself.");
    await eli.getByRole("button", { name: "Record", exact: true }).click();
    await expect(
      eli
        .getByRole("listitem")
        .filter({ hasText: "Kept a note of the flaky invoice test for myself." }),
    ).toBeVisible();
    await expect(share).not.toBeChecked();

    // Point 5. Mara sets up a monthly one-to-one with Eli, the first on Monday 30 November.
    await mara.goto("/conversations");
    await mara.getByLabel("With").selectOption({ label: "One-to-one with Eli Engineer" });
    await mara.getByLabel("How often").selectOption({ label: "Every month" });
    await mara.getByLabel(/^First meeting \(your clock, /).fill("2026-11-30T10:00");
    await mara.getByRole("button", { name: "Set up" }).click();
    await expect(
      mara.getByRole("heading", { name: "One-to-one with Eli Engineer", level: 1 }),
    ).toBeVisible();
    const seriesPath = new URL(mara.url()).pathname;
    const nextMeeting = mara.getByRole("heading", { name: "Next meeting" }).locator("..");
    await expect(nextMeeting.getByRole("list").first()).toContainText(/30 Nov(ember)? 2026/);
    await emailPass();
    expect(
      invitationsTo("eli@acme.example").map((invitation) => [
        invitation.method,
        invitation.startsAt,
      ]),
    ).toEqual([["REQUEST", "20261130T100000Z"]]);
    sink.received.length = 0;

    // Mara reads the item Eli shared, and not the one he kept.
    await mara.goto("/team");
    await mara
      .getByRole("listitem")
      .filter({ hasText: "Eli Engineer: " })
      .getByRole("link", { name: "Eli Engineer", exact: true })
      .click();
    await expect(
      mara.getByRole("heading", { name: "Eli Engineer's evidence", level: 1 }),
    ).toBeVisible();
    await expect(
      mara.getByText("Led the review of the billing service's error handling."),
    ).toBeVisible();
    await expect(mara.getByText("Kept a note of the flaky invoice test for myself.")).toHaveCount(
      0,
    );

    // Mara skips the first meeting: both calendars are told it is cancelled, and the series goes on.
    await mara.goto(seriesPath);
    await mara.getByRole("button", { name: "Skip this meeting" }).click();
    await mara
      .getByRole("dialog", { name: "Skip this meeting?" })
      .getByRole("button", { name: "Skip it" })
      .click();
    await expect(nextMeeting.getByRole("list").first()).toContainText(/30 Dec(ember)? 2026/);
    await emailPass();
    const toEli = invitationsTo("eli@acme.example").map((invitation) => [
      invitation.method,
      invitation.startsAt,
    ]);
    expect(toEli).toContainEqual(["CANCEL", "20261130T100000Z"]);
    sink.received.length = 0;

    // The admin opens the winter's review cycle ahead of its first day, 11 January. Point 9: she
    // chooses that each person reads their manager's review only once their calibrated outcome is released.
    await admin.goto("/admin/cycles/new");
    await admin.getByRole("textbox", { name: "Name" }).fill("Winter 2027");
    await admin.getByLabel("Starts on").fill("2027-01-11");
    await admin.getByLabel("Ends on").fill("2027-02-26");
    await admin
      .getByRole("radio", { name: "Once their calibration outcome is released to them" })
      .check();
    await admin.getByRole("button", { name: "Open cycle" }).click();
    await expect(admin.getByRole("heading", { name: "Winter 2027" })).toBeVisible();
    await expect(
      admin.getByText(
        "Reviews are shared with each person once their calibration outcome is released to them.",
      ),
    ).toBeVisible();
    const cyclePath = new URL(admin.url()).pathname;
    await admin.goto("/admin/cycles");
    await expect(admin.getByRole("row", { name: /Winter 2027/ })).toContainText("Not started yet");

    // New Year's Eve: the December meeting passed unrecorded, so the series rolls on, and 30 January
    // being a Saturday, the next meeting is on Friday 29 January.
    await moveTo(new Date("2026-12-31T09:00:00Z"));
    await mara.goto(seriesPath);
    await expect(nextMeeting.getByRole("list").first()).toContainText(/29 Jan(uary)? 2027/);
    await expect(nextMeeting.getByRole("list").first()).toContainText(/Fri(day)?/);
    await eli.goto("/");
    await expect(
      eli.getByRole("listitem").filter({ hasText: "Assess yourself for Winter 2027" }),
    ).toHaveCount(0);

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
    await codeQuality
      .getByRole("button", { name: /^Attach as evidence: Led the review of the billing service/ })
      .click();
    await expect(codeQuality.getByText("Attached as evidence")).toBeVisible();
    await expect(
      codeQuality
        .getByText("Led the review of the billing service's error handling.", { exact: true })
        .first(),
    ).toBeVisible();

    // A rating chosen right after adding evidence is kept.
    await codeQuality.getByText("Add evidence for Code quality").click();
    await codeQuality.getByLabel("What happened").fill("Wrote the tests the invoice parser lacked");
    await codeQuality.getByRole("button", { name: "Add evidence" }).click();
    await expect(
      codeQuality.getByText("Wrote the tests the invoice parser lacked", { exact: true }),
    ).toBeVisible();
    const rating = eli
      .getByRole("group", { name: "Rating for Testing and verification" })
      .getByRole("radio")
      .first();
    await rating.click();
    await expect(rating).toBeChecked();
    await expect(eli.getByText(/^Saved at/)).toBeVisible();
    await eli.reload();
    await expect(
      eli
        .getByRole("group", { name: "Rating for Testing and verification" })
        .getByRole("radio")
        .first(),
    ).toBeChecked();

    // Point 4. The admin asks for peer feedback in the cycle; Eli nominates Noor, and Mara, who knows
    // Noor is away, swaps her for Pia in one step. Mara's own suggestions are fellow managers, not her reports.
    await admin.getByRole("link", { name: "Winter 2027" }).click();
    await admin.getByRole("checkbox", { name: "Peer feedback" }).check();
    await admin.getByRole("button", { name: "Save feedback settings" }).click();
    await expect(admin.getByText("Feedback settings saved.")).toBeVisible();
    await eli.goto("/");
    await eli
      .getByRole("listitem")
      .filter({ hasText: "Choose who gives you feedback in Winter 2027" })
      .getByRole("link")
      .first()
      .click();
    await expect(
      eli.getByRole("heading", { name: "Your feedback in Winter 2027", level: 1 }),
    ).toBeVisible();
    const eliFeedbackPath = new URL(eli.url()).pathname;
    // The due day is written as every other day is, not as an ISO date.
    await expect(
      eli.getByText(/^Winter 2027\. Answers due \d{1,2} [A-Z][a-z]{2} \d{4}\.$/),
    ).toBeVisible();
    const eliId = eliFeedbackPath.split("/").at(-1)!;
    await eli.getByRole("button", { name: "Ask Noor Engineer" }).click();
    await expect(eli.getByText("Nominated: waiting for the manager's approval.")).toBeVisible();
    await mara.goto("/");
    await mara
      .getByRole("listitem")
      .filter({ hasText: "Approve peer reviewers for Eli Engineer" })
      .getByRole("link")
      .first()
      .click();
    await expect(
      mara.getByRole("heading", { name: "Feedback for Eli Engineer", level: 1 }),
    ).toBeVisible();
    const asked = mara.getByRole("list", { name: "Who is asked for Eli Engineer's feedback" });
    const noor = asked.getByRole("listitem").filter({ hasText: "Noor Engineer" });
    await noor.getByLabel("Ask instead (email)").fill("pia@acme.example");
    await noor.getByLabel("Reason for the swap").fill("Noor is on leave until February.");
    await noor.getByRole("button", { name: "Swap" }).click();
    await expect(mara.getByText("Swapped: the new colleague is asked now.")).toBeVisible();
    await expect(asked.getByRole("listitem").filter({ hasText: "Pia Engineer" })).toContainText(
      "Asked",
    );
    // She adds two more herself: a manager's choice is asked at once, with no approval to wait for.
    for (const [email, name] of [
      ["omar@acme.example", "Omar Manager"],
      ["cleo@acme.example", "Cleo Director"],
    ] as const) {
      await mara.getByLabel("Or ask a colleague by email").fill(email);
      await mara.getByRole("button", { name: "Ask", exact: true }).click();
      await expect(asked.getByRole("listitem").filter({ hasText: name })).toContainText("Asked");
    }
    // Omar declines; Eli, left with fewer peers than the cycle asks for, is prompted to choose another.
    const omar = await arrive("Omar Manager");
    await omar.goto("/");
    await omar
      .getByRole("listitem")
      .filter({ hasText: "Give Eli Engineer feedback" })
      .getByRole("link")
      .first()
      .click();
    await omar.getByLabel("Why you decline").fill("I have not worked with Eli this winter.");
    await omar.getByRole("button", { name: "Decline", exact: true }).click();
    await expect(
      omar.getByText(/^You declined this request: I have not worked with Eli this winter\./),
    ).toBeVisible();
    await eli.goto("/");
    await expect(
      eli
        .getByRole("listitem")
        .filter({ hasText: "Choose another peer for your feedback in Winter 2027" }),
    ).toContainText("Omar Manager will not give you feedback.");
    // Pia and Cleo answer.
    const pia = await arrive("Pia Engineer");
    await giveEliFeedback(
      pia,
      "In the January incident Eli rewrote the retry logic and added the test that reproduced the double charge.",
    );
    const cleo = await arrive("Cleo Director");
    await giveEliFeedback(
      cleo,
      "Eli's review comments on the ledger change named the failing case and the fix, and the author merged it the same day.",
    );
    await mara.goto("/");
    await mara
      .getByRole("listitem")
      .filter({ hasText: "Choose who gives you feedback in Winter 2027" })
      .getByRole("link")
      .first()
      .click();
    await expect(mara.getByRole("button", { name: "Ask Omar Manager" })).toBeVisible();
    await expect(mara.getByRole("button", { name: /^Ask (Eli|Noor) Engineer$/ })).toHaveCount(0);

    // February: Noor is back. Eli chooses her from his prompt, Mara approves, and Noor answers.
    await moveTo(new Date("2027-02-01T09:00:00Z"));
    await eli.goto("/");
    await eli
      .getByRole("listitem")
      .filter({ hasText: "Choose another peer for your feedback in Winter 2027" })
      .getByRole("link")
      .first()
      .click();
    await eli.getByLabel("Or ask a colleague by email").fill("noor@acme.example");
    await eli.getByRole("button", { name: "Ask", exact: true }).click();
    await expect(eli.getByText("Nominated: waiting for the manager's approval.")).toBeVisible();
    await mara.goto("/");
    await mara
      .getByRole("listitem")
      .filter({ hasText: "Approve peer reviewers for Eli Engineer" })
      .getByRole("link")
      .first()
      .click();
    await asked
      .getByRole("listitem")
      .filter({ hasText: "Noor Engineer" })
      .filter({ hasText: "Waiting for the manager's approval" })
      .getByRole("button", { name: "Approve" })
      .click();
    await expect(mara.getByText("Approved: they are asked now.")).toBeVisible();
    const noorPage = await arrive("Noor Engineer");
    await giveEliFeedback(
      noorPage,
      "Eli paired with me on the settlement export and showed how he checks a change against last month's files before merging.",
    );

    // Eli submits his self-assessment, and Mara her review: she rates Code quality beyond the bar and
    // the rest at it.
    await eli.goto("/assess");
    await openDraft(eli, "Start self-assessment");
    await rateEverything(eli);
    await sectionLink(eli, "Summary and submit").click();
    await submitAssessment(eli, "Submit self-assessment");
    await mara.goto(`/people/${eliId}/review`);
    await openDraft(mara, "Start review of Eli Engineer");
    await rateEverything(mara, { "Code quality": "Beyond" });
    await sectionLink(mara, "Summary and submit").click();
    const maraSummary = "A winter of careful reviews: the billing service is safer for them.";
    await mara.getByLabel("Overall summary").fill(maraSummary);
    await submitAssessment(mara, "Submit review");
    await expect(mara.getByText(maraSummary)).toBeVisible();
    const reviewPath = new URL(mara.url()).pathname;

    // Point 9. Both are in, but Eli's outcome is not released: his growth page says when the review
    // reaches him, and neither its ratings nor its summary are his to read, there or on its own page.
    const comparison = eli.getByRole("table", {
      name: "Self-assessment and manager review of Eli Engineer, side by side",
    });
    const expectReviewHeldBack = async (when: string) => {
      await eli.goto(`/people/${eliId}`);
      await expect(
        eli.getByText(`Your manager's review in Winter 2027 is shared with you ${when}.`),
      ).toBeVisible();
      await expect(comparison).toHaveCount(0);
      await expect(eli.getByText(maraSummary)).toHaveCount(0);
      await eli.goto(reviewPath);
      await expect(eli.getByText("We could not find that assessment.")).toBeVisible();
      await expect(eli.getByText(maraSummary)).toHaveCount(0);
    };
    await expectReviewHeldBack("once your calibration outcome is released to you");

    // The winter's calibration: the four engineers of Payments and Pia of Mobile. Their managers
    // propose, the admin accepts, locks and publishes; the fairness report lists Payments with its 4
    // people (a team of fewer is not listed).
    await admin.goto("/calibration/new");
    await admin.getByRole("textbox", { name: "Name", exact: true }).fill("Winter 2027 calibration");
    await admin.getByLabel("Review cycle").selectOption({ label: "Winter 2027" });
    await admin.getByLabel("Facilitator's email").fill("ines@acme.example");
    await admin.getByRole("radio", { name: "A list of people" }).check();
    await admin
      .getByLabel("People's emails")
      .fill(
        "eli@acme.example, noor@acme.example, raj@acme.example, tess@acme.example, pia@acme.example",
      );
    await admin.getByRole("button", { name: "Set up session" }).click();
    await expect(
      admin.getByRole("heading", { name: "Winter 2027 calibration", level: 1 }),
    ).toBeVisible();
    await moveSession(admin, "Proposals open");
    const sessionPath = new URL(admin.url()).pathname;
    const inSession = (page: Page) =>
      page.getByRole("table", { name: "People in this session, in discussion order" });
    for (const [manager, name] of [
      [mara, "Eli Engineer"],
      [mara, "Noor Engineer"],
      [mara, "Raj Engineer"],
      [mara, "Tess Engineer"],
      [omar, "Pia Engineer"],
    ] as const) {
      await manager.goto(sessionPath);
      await inSession(manager).getByRole("link", { name }).click();
      await manager.getByRole("radio", { name: /^3 Consistent/ }).check();
      await manager.getByRole("radio", { name: "Stay at level" }).check();
      await manager
        .getByLabel("Rationale")
        .fill("At the bar for the level; the peers' examples back it.");
      await manager.getByRole("button", { name: "Save proposal" }).click();
      await expect(manager.getByText("Proposal saved.")).toBeVisible();
    }
    await admin.goto(sessionPath);
    await moveSession(admin, "Live");
    await admin.getByRole("button", { name: "Accept every open proposal" }).click();
    await admin
      .getByRole("region", { name: /^Accept 5 proposals as/ })
      .getByRole("button", { name: "Accept 5 proposals" })
      .click();
    await expect(admin.getByText("5 proposals accepted as final outcomes.")).toBeVisible();
    await moveSession(admin, "Locked");
    await moveSession(admin, "Published");
    await admin.getByRole("link", { name: "Fairness report" }).click();
    await expect(admin.getByRole("heading", { name: "Fairness report" })).toBeVisible();
    const fairnessPath = new URL(admin.url()).pathname;
    const byTeam = admin.getByRole("table", { name: "Final outcomes by team" });
    const peopleIn = (team: string) =>
      byTeam
        .getByRole("row", { name: new RegExp(`^${team}\\b`) })
        .getByRole("cell")
        .first();
    await expect(peopleIn("Payments")).toHaveText("4");

    // Point 9. The company would rather everyone read their review on the same day, the Monday after:
    // the admin changes the cycle's choice to that date.
    await admin.goto(cyclePath);
    await admin.getByRole("radio", { name: "On a date", exact: true }).check();
    await admin.getByLabel("Shared on").fill("2027-02-08");
    await admin.getByRole("button", { name: "Save when reviews are shared" }).click();
    await expect(
      admin.getByText(
        "Reviews are shared with each person on 8 Feb 2027, once both they and their manager have submitted.",
      ),
    ).toBeVisible();

    // Mara releases Eli's outcome; the review still waits for its day.
    await mara.goto(sessionPath);
    await inSession(mara).getByRole("checkbox", { name: "Release Eli Engineer's outcome" }).check();
    await mara.getByRole("button", { name: "Release to the people ticked" }).click();
    await expect(
      mara.getByText("1 outcome released: the person can see it on their growth page."),
    ).toBeVisible();
    await expectReviewHeldBack("on 8 Feb 2027");

    // Point 3. The Monday after, Eli's digest tells him his feedback is released, and so does his to-do list.
    await moveTo(new Date("2027-02-08T09:00:00Z"));
    sink.received.length = 0;
    await emailPass();
    const digest = sink.received.find(
      (message) =>
        message.to.includes("eli@acme.example") &&
        message.mail.subject?.startsWith("Your Rungs to-do list"),
    );
    expect(
      digest?.mail.text,
      sink.received.map((message) => `${message.to.join()}: ${message.mail.subject}`).join("\n"),
    ).toContain("Read your feedback from Winter 2027");
    await eli.goto("/");
    await eli
      .getByRole("listitem")
      .filter({ hasText: "Read your feedback from Winter 2027" })
      .getByRole("link")
      .first()
      .click();
    await expect(eli).toHaveURL(new RegExp(`${eliFeedbackPath}$`));
    const released = eli.getByRole("region", { name: "Peer feedback" });
    await expect(released).toContainText("3 people answered.");
    await expect(
      released.getByRole("heading", { name: "Code quality", level: 3 }).locator(".."),
    ).toContainText("3 answers, average rating 3");
    // With his outcome released, nobody more is asked.
    await expect(eli.getByLabel("Or ask a colleague by email")).toHaveCount(0);
    // One click takes Code quality to the next one-to-one with Mara, where both read it on the agenda.
    await eli.getByRole("button", { name: "Add to my next one-to-one (Code quality)" }).click();
    const point = "What I take from my feedback in Winter 2027 on Code quality";
    await expect(
      eli.getByText(`Added to the agenda of your next one-to-one: “${point}”.`),
    ).toBeVisible();
    for (const reader of [eli, mara]) {
      await reader.goto(seriesPath);
      await expect(
        reader.getByRole("heading", { name: "Next meeting" }).locator(".."),
      ).toContainText(point);
    }
    // The released feedback stays a link away: from Eli's growth page and reviews page, and Mara's team page.
    await eli
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "My growth" })
      .click();
    await expect(eli.getByRole("link", { name: "Your peer feedback" })).toHaveAttribute(
      "href",
      eliFeedbackPath,
    );
    // Point 9. It is the day the cycle shares reviews: Eli reads Mara's ratings beside his own, and her summary.
    await expect(comparison.getByRole("row", { name: /^Code quality/ })).toContainText(
      "Differs by 1 (manager higher)",
    );
    await expect(eli.getByText(maraSummary)).toBeVisible();
    await expect(
      eli.getByText("Your manager's review in Winter 2027 is shared with you"),
    ).toHaveCount(0);
    await eli.goto(reviewPath);
    await expect(eli.getByText(maraSummary)).toBeVisible();
    await eli.goto("/reviews");
    await expect(eli.getByRole("link", { name: "Your peer feedback" })).toHaveAttribute(
      "href",
      eliFeedbackPath,
    );
    await mara.goto("/team");
    await expect(mara.getByRole("link", { name: /^Eli Engineer: peer feedback/ })).toHaveAttribute(
      "href",
      eliFeedbackPath,
    );

    // Point 8. Now that Mara's review is Eli's to read, the admin sets up a mentoring programme (its
    // matching day two weeks from the clock's day), and Eli opts in as a mentor: of all his review
    // rates at or above the bar, only the strongest few are ticked for him.
    await admin.goto("/mentorship/new");
    await admin.getByLabel("Name", { exact: true }).fill("Spring 2027 mentoring");
    await expect(admin.getByLabel("Matching day")).toHaveValue("2027-02-22");
    await admin.getByRole("button", { name: "Set up programme" }).click();
    await expect(
      admin.getByRole("heading", { name: "Spring 2027 mentoring", level: 1 }),
    ).toBeVisible();
    await eli.goto(new URL(admin.url()).pathname);
    await eli.getByRole("link", { name: "Join as a mentor" }).click();
    const canHelp = eli.getByRole("group", { name: "Competencies you can help with" });
    await expect(canHelp.getByRole("checkbox", { name: /^Code quality\b/ })).toBeChecked();
    await expect(canHelp.getByRole("checkbox", { checked: true })).toHaveCount(3);
    expect(await canHelp.getByRole("checkbox", { name: /\(review\)$/ }).count()).toBeGreaterThan(3);

    // Late May: the cycle's end has passed on the clock, and the admins' page says so.
    await moveTo(new Date("2027-05-25T09:00:00Z"));
    await admin.goto("/admin/cycles");
    await expect(admin.getByRole("row", { name: /Winter 2027/ })).toContainText(
      "Open, past its end date",
    );

    // Mara opens the one-to-one, whose next meeting is now at the end of May.
    await mara.goto(seriesPath);
    await expect(nextMeeting.getByRole("list").first()).toContainText(/May 2027/);

    // Points 7 and 5. Eli moves to Omar's Mobile team: the locked session's fairness report still lists
    // Payments with 4 people, and the ended series lists its last meeting as cancelled, none as to come.
    await admin.goto("/admin/people");
    await admin.getByLabel("Name or email").fill("Eli Engineer");
    await admin.getByRole("button", { name: "Search" }).click();
    await admin.getByRole("link", { name: "Eli Engineer", exact: true }).first().click();
    // The list's own filter is labelled "Team" too: wait for the person's page before choosing one.
    await expect(admin.getByRole("heading", { level: 1, name: "Eli Engineer" })).toBeVisible();
    await admin.getByLabel("Team", { exact: true }).selectOption({ label: "Mobile" });
    await admin.getByLabel("Manager's email").fill("omar@acme.example");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await expect(admin.getByText("Saved.", { exact: true })).toBeVisible();
    await admin.goto(fairnessPath);
    await expect(peopleIn("Payments")).toHaveText("4");
    await mara.goto(seriesPath);
    await expect(mara.getByText("This series has ended", { exact: false })).toBeVisible();
    await expect(mara.getByRole("heading", { name: "Next meeting" })).toHaveCount(0);
    const earlier = mara.getByRole("heading", { name: "Earlier meetings" }).locator("..");
    await expect(
      earlier.getByRole("listitem").filter({ hasText: /May 2027.* · cancelled/ }),
    ).toHaveCount(1);
    await expect(earlier).not.toContainText("to come");
  } finally {
    await sink.close();
  }
});

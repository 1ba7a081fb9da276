import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "./test";
import ICAL from "ical.js";
import { slotAt } from "../../app/modules/conversations/cadence";
import { freePort, startAppServer, type AppServer } from "../../scripts/app-servers";
import { startSmtpSink } from "../utils/smtp-sink";
import { expectAccessible, openDraft, signIn } from "./helpers";

const run = promisify(execFile);

/** Data Platform's Hannah Kim and her report Kofi Mensah, whom no other browser test signs in as. */
const manager = { email: "hannah.kim@example.com", name: "Hannah Kim" };
const report = { email: "kofi.mensah@example.com", name: "Kofi Mensah" };

/**
 * The walk waits for its meetings in real time, so it runs on a demo organisation of its own, beside the
 * other journeys rather than between them; its email passes then send only its own invitations.
 */
let server: AppServer | undefined;
let folder: string | undefined;
let origin = "";
let databaseUrl = "";

test.beforeAll(async () => {
  // The server is awaited by its readiness (startAppServer asks /healthz for up to 100 s): on a
  // loaded machine its start, with the demo's seeding, outlasts a hook's default 30 s.
  test.setTimeout(120_000);
  folder = mkdtempSync(join(tmpdir(), "rungs-conversations-"));
  const port = await freePort();
  origin = `http://localhost:${port}`;
  databaseUrl = `file:${join(folder, "rungs.db")}`;
  server = await startAppServer(databaseUrl, {
    port,
    env: { SEED_DEMO: "true", PUBLIC_URL: origin },
  });
});

test.afterAll(async () => {
  await server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  await signIn(page, email);
  return page;
}

/** A moment as a `datetime-local` field holds it on the given clock (to the minute). */
function localValue(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The same time a day on, as often as it takes to leave a Saturday or Sunday of the clock. */
function onAWorkingDay(at: Date, timeZone: string): Date {
  const weekday = (day: Date) =>
    new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short" }).format(day);
  let day = at;
  while (["Sat", "Sun"].includes(weekday(day))) day = new Date(day.getTime() + 86_400_000);
  return day;
}

/** An invitation's event read back by a calendar client's own parser (ical.js): method, UID, sequence and start. */
function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const start = event.getFirstPropertyValue("dtstart") as InstanceType<typeof ICAL.Time>;
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: String(event.getFirstPropertyValue("sequence")),
    startsAt: start.toICALString(),
  };
}

/** A moment as iCalendar writes it in UTC, to the second. */
function icalTime(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

test("a manager and a report hold one-to-ones over three meetings: agenda from the growth plan, a point carried, shared and private notes, an action carried and closed, evidence offered in the next self-assessment, and a meeting moved with its invitation updated", async ({
  browser,
}) => {
  test.setTimeout(480_000);

  // Kofi's growth plan focuses on Code quality, which the agenda will suggest.
  const kofi = await as(browser, report.email);
  await kofi
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My growth" })
    .click();
  await kofi
    .getByRole("navigation", { name: `${report.name}'s growth` })
    .getByRole("link", { name: "Gap analysis" })
    .click();
  await expect(kofi.getByRole("heading", { name: /^Gap to / })).toBeVisible();
  await kofi.getByRole("checkbox", { name: "Code quality" }).check();
  await kofi.getByRole("button", { name: "Save growth plan" }).click();
  await expect(kofi.getByText("Growth plan saved.")).toBeVisible();

  // Hannah sets up a weekly one-to-one with Kofi, its first meeting a minute or two from now.
  const hannah = await as(browser, manager.email);
  await hannah
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Conversations" })
    .click();
  await expect(hannah.getByRole("heading", { name: "Conversations", level: 1 })).toBeVisible();
  await expectAccessible(hannah);
  const firstMeeting = hannah.getByLabel(/^First meeting \(your clock, /);
  const timeZone = /your clock, ([^)]+)\)/.exec(
    (await hannah.locator(`label[for="${await firstMeeting.getAttribute("id")}"]`).textContent()) ??
      "",
  )![1]!;
  // The next minute but one: still to come when the form is sent, and soon enough to be held in this journey.
  const soon = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 120_000);
  // A first meeting is held Monday to Friday like every slot: on a weekend the series is set up for
  // the next working day and its first meeting then moved to `soon` (a move goes where it is put).
  const startsAt = onAWorkingDay(soon, timeZone);
  await hannah.getByLabel("With").selectOption({ label: `One-to-one with ${report.name}` });
  await hannah.getByLabel("How often").selectOption({ label: "Every week" });
  await firstMeeting.fill(localValue(startsAt, timeZone));
  await hannah.getByRole("button", { name: "Set up" }).click();
  await expect(
    hannah.getByRole("heading", { name: `One-to-one with ${report.name}`, level: 1 }),
  ).toBeVisible();
  await expect(
    hannah.getByText(`Every week, 30 minutes, on ${manager.name}'s clock`),
  ).toBeVisible();
  const seriesPath = new URL(hannah.url()).pathname;
  const moveTo = hannah.getByLabel(/^Move to \(your clock, /);
  if (startsAt.getTime() !== soon.getTime()) {
    await moveTo.fill(localValue(soon, timeZone));
    await hannah.getByRole("button", { name: "Move this meeting" }).click();
    await expect(moveTo).toHaveValue(localValue(soon, timeZone));
  }

  // The agenda: a suggestion from Kofi's growth plan, and a point of Hannah's own.
  const agenda = hannah.getByRole("heading", { name: "Agenda", level: 3 }).locator("..");
  const suggestion = agenda
    .getByRole("listitem")
    .filter({ hasText: /^Progress on Code quality, a focus of the growth plan toward / });
  await expect(suggestion).toHaveCount(1);
  await suggestion.getByRole("button", { name: "Add" }).click();
  await expect(
    agenda
      .getByRole("list")
      .first()
      .getByRole("listitem")
      .filter({ hasText: /^Progress on Code quality/ }),
  ).toBeVisible();
  // Taken, it is no longer suggested.
  await expect(
    agenda
      .getByRole("listitem")
      .filter({ hasText: /^Progress on Code quality/ })
      .getByRole("button", { name: "Add" }),
  ).toHaveCount(0);
  await agenda.getByLabel("Add a talking point").fill("The winter on-call rota");
  await agenda.getByRole("button", { name: "Add", exact: true }).first().click();
  const rota = agenda.getByRole("listitem").filter({ hasText: "The winter on-call rota" });
  await expect(rota).toBeVisible();

  // A note for both of them and one for Hannah alone, and an action for Kofi.
  await hannah
    .getByLabel("Note", { exact: true })
    .fill("Kofi wants to lead the next schema migration.");
  await hannah.getByLabel("Who reads it").selectOption({ label: "Both of us" });
  await hannah.getByRole("button", { name: "Save note" }).click();
  await expect(hannah.getByText("Kofi wants to lead the next schema migration.")).toBeVisible();
  await hannah
    .getByLabel("Note", { exact: true })
    .fill("Ask Mateo whether the migration is the right first lead.");
  await hannah.getByLabel("Who reads it").selectOption({ label: "Only me" });
  await hannah.getByRole("button", { name: "Save note" }).click();
  const privateNote = hannah
    .getByRole("listitem")
    .filter({ hasText: "Ask Mateo whether the migration is the right first lead." });
  await expect(privateNote).toContainText("private: only you read it");
  await hannah
    .getByLabel("What is to be done")
    .fill("Draft the migration plan for the events table");
  await hannah.getByLabel("Owner").selectOption({ label: report.name });
  await hannah.getByRole("button", { name: "Add action" }).click();
  await expect(
    agenda.getByRole("listitem").filter({
      hasText: `Action (${report.name}): Draft the migration plan for the events table`,
    }),
  ).toBeVisible();
  await expectAccessible(hannah);

  // Kofi reads the shared note and not the private one, and records evidence from the conversation.
  await kofi
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Conversations" })
    .click();
  await kofi.getByRole("link", { name: `One-to-one with ${manager.name}` }).click();
  await expect(
    kofi.getByRole("heading", { name: `One-to-one with ${manager.name}`, level: 1 }),
  ).toBeVisible();
  await expect(
    kofi.getByRole("listitem").filter({ hasText: "Kofi wants to lead the next schema migration." }),
  ).toContainText(`${manager.name} · shared`);
  await expect(
    kofi.getByText("Ask Mateo whether the migration is the right first lead."),
  ).toHaveCount(0);
  await expect(
    kofi.getByRole("listitem").filter({ hasText: "The winter on-call rota" }),
  ).toBeVisible();
  await expectAccessible(kofi);
  await kofi.getByRole("link", { name: "Record evidence from this conversation" }).click();
  await expect(kofi.getByRole("heading", { name: "Your evidence", level: 1 })).toBeVisible();
  await kofi.getByLabel("Competency").selectOption({ label: "Code quality" });
  await kofi
    .getByLabel("What happened")
    .fill("Reviewed the events table migration and added the rollback tests it lacked.");
  await kofi.getByRole("button", { name: "Record", exact: true }).click();
  const recorded = kofi.getByRole("listitem").filter({
    hasText: "Reviewed the events table migration and added the rollback tests it lacked.",
  });
  await expect(recorded).toContainText("Code quality");
  await expect(recorded).toContainText("from a conversation");
  await expectAccessible(kofi);

  // Once the meeting has begun, Hannah records it as held; one point is covered, the other carried.
  await agenda
    .getByRole("listitem")
    .filter({ hasText: /^Progress on Code quality/ })
    .getByRole("button", { name: "Covered" })
    .click();
  await expect(
    agenda
      .getByRole("listitem")
      .filter({ hasText: /^Progress on Code quality/ })
      .getByRole("button", { name: "Reopen" }),
  ).toBeVisible();
  const hold = hannah.getByRole("button", { name: "Record this meeting as held" });
  await expect(async () => {
    await hannah.reload();
    await expect(hold).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await hold.click();
  const earlier = hannah.getByRole("heading", { name: "Earlier meetings" }).locator("..");
  await expect(earlier.getByRole("listitem").first()).toContainText("held");
  await expect(earlier).toContainText(/Progress on Code quality.*\(covered\)/);
  await expect(earlier).toContainText("Kofi wants to lead the next schema migration.");
  // The next meeting's agenda is headed by the open action and carries the point left open.
  await expect(agenda.getByRole("list").first().getByRole("listitem").first()).toContainText(
    `Action (${report.name}): Draft the migration plan for the events table`,
  );
  await expect(
    agenda.getByRole("listitem").filter({ hasText: "The winter on-call rota" }),
  ).toContainText("carried 1×");
  await expect(
    agenda.getByRole("listitem").filter({ hasText: /^Progress on Code quality/ }),
  ).toHaveCount(1);

  // The notification pass sends both of them the second meeting's invitation, at its regular time a week on.
  const sink = await startSmtpSink();
  const invitations = async () => {
    await run("./node_modules/.bin/tsx", ["scripts/notifications-send.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAIL_FROM: "Rungs <rungs@example.com>",
        PUBLIC_URL: origin,
      },
    });
    return sink.received
      .flatMap((message) =>
        message.to
          .filter((to) => to === manager.email || to === report.email)
          .flatMap((to) =>
            message.mail.attachments
              .filter((part) => part.contentType.startsWith("text/calendar"))
              .map((part) => ({ to, ...readCalendar(part.content.toString("utf8")) })),
          ),
      )
      .filter((invitation) => invitation.uid.startsWith("conversation-"));
  };
  const nextMeeting = hannah.getByRole("heading", { name: "Next meeting" }).locator("..");
  try {
    const invited = await invitations();
    // A week on, on the series' clock; on the Friday or Monday when that is a weekend (the cadence's rule).
    const regular = slotAt(startsAt, "weekly", timeZone, 1);
    expect(
      invited
        .map((invitation) => [
          invitation.to,
          invitation.method,
          invitation.sequence,
          invitation.startsAt,
        ])
        .sort(),
    ).toEqual(
      [manager.email, report.email].map((to) => [to, "REQUEST", "0", icalTime(regular)]).sort(),
    );
    const uid = invited[0]!.uid;
    expect(invited[1]!.uid).toBe(uid);
    sink.received.length = 0;

    // Past the series' next regular slot is refused, and the time typed stays.
    const tooLate = localValue(
      new Date(slotAt(startsAt, "weekly", timeZone, 2).getTime() + 86_400_000),
      timeZone,
    );
    await moveTo.fill(tooLate);
    await hannah.getByRole("button", { name: "Move this meeting" }).click();
    await expect(
      hannah.getByText("Choose a time before the series' next regular meeting"),
    ).toBeVisible();
    await expect(moveTo).toHaveValue(tooLate);
    // Hannah brings the second meeting forward to the next whole minute at least 20 seconds away (the
    // field holds minutes; the test then waits for it in real time): both clocks follow, and so do both calendars.
    const clocksBefore = await nextMeeting.getByRole("list").first().textContent();
    const secondAt = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    await moveTo.fill(localValue(secondAt, timeZone));
    await hannah.getByRole("button", { name: "Move this meeting" }).click();
    await expect(moveTo).toHaveValue(localValue(secondAt, timeZone));
    await expect(nextMeeting.getByRole("list").first()).not.toHaveText(clocksBefore ?? "");
    await expectAccessible(hannah);
    const updated = await invitations();
    expect(
      updated
        .map((invitation) => [
          invitation.to,
          invitation.method,
          invitation.uid,
          invitation.sequence,
          invitation.startsAt,
        ])
        .sort(),
    ).toEqual(
      [manager.email, report.email]
        .map((to) => [to, "REQUEST", uid, "1", icalTime(secondAt)])
        .sort(),
    );
  } finally {
    await sink.close();
  }

  // Kofi has the action on his to-do list and adds a point of his own; the action is not done by the second meeting.
  await kofi.goto("/");
  const todo = kofi
    .getByRole("listitem")
    .filter({ hasText: `Follow through on an action from your one-to-one with ${manager.name}` });
  await expect(todo).toBeVisible();
  await todo.getByRole("link").first().click();
  await expect(kofi).toHaveURL(new RegExp(`${seriesPath}$`));
  const kofiAgenda = kofi.getByRole("heading", { name: "Agenda", level: 3 }).locator("..");
  await kofiAgenda
    .getByLabel("Add a talking point")
    .fill("Which conference to speak at in the spring");
  await kofiAgenda.getByRole("button", { name: "Add", exact: true }).first().click();
  await expect(
    kofiAgenda
      .getByRole("listitem")
      .filter({ hasText: "Which conference to speak at in the spring" }),
  ).toBeVisible();

  // The second meeting begins and is held: Kofi's point is covered; the open action and the rota point carry to the third.
  await expect(async () => {
    await hannah.reload();
    await expect(hold).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await agenda
    .getByRole("listitem")
    .filter({ hasText: "Which conference to speak at in the spring" })
    .getByRole("button", { name: "Covered" })
    .click();
  await expect(
    agenda
      .getByRole("listitem")
      .filter({ hasText: "Which conference to speak at in the spring" })
      .getByRole("button", { name: "Reopen" }),
  ).toBeVisible();
  await hold.click();
  const heldMeetings = earlier.getByRole("listitem").filter({ hasText: /· held/ });
  await expect(heldMeetings).toHaveCount(2);
  await expect(heldMeetings.first()).toContainText("moved from");
  await expect(earlier).toContainText(/Which conference to speak at in the spring.*\(covered\)/);
  await expect(agenda.getByRole("list").first().getByRole("listitem").first()).toContainText(
    `Action (${report.name}): Draft the migration plan for the events table`,
  );
  await expect(
    agenda.getByRole("listitem").filter({ hasText: "The winter on-call rota" }),
  ).toContainText("carried 2×");
  // The third meeting is back on the weekly rhythm: two weeks after the first.
  await expect(moveTo).toHaveValue(localValue(slotAt(startsAt, "weekly", timeZone, 2), timeZone));

  // Before the third meeting Kofi marks the action done on its agenda: it leaves the agenda and his to-do list.
  await kofi.reload();
  const action = kofiAgenda
    .getByRole("listitem")
    .filter({ hasText: `Action (${report.name}): Draft the migration plan for the events table` });
  await action.getByRole("button", { name: "Done" }).click();
  await expect(action).toHaveCount(0);
  await expect(
    kofi.getByText("Ask Mateo whether the migration is the right first lead."),
  ).toHaveCount(0);
  await kofi.goto("/");
  await expect(
    kofi
      .getByRole("listitem")
      .filter({ hasText: `Follow through on an action from your one-to-one with ${manager.name}` }),
  ).toHaveCount(0);
  await hannah.reload();
  await expect(
    agenda
      .getByRole("listitem")
      .filter({ hasText: "Draft the migration plan for the events table" }),
  ).toHaveCount(0);

  // His next self-assessment offers the evidence beside the competency.
  await kofi.goto("/assess");
  await openDraft(kofi, "Start self-assessment");
  const codeQuality = kofi.getByRole("region", { name: "Code quality", exact: true });
  await expect(
    codeQuality.getByRole("heading", { name: "Recorded since your last self-assessment" }),
  ).toBeVisible();
  await expect(
    codeQuality.getByText(
      "Reviewed the events table migration and added the rollback tests it lacked.",
    ),
  ).toBeVisible();

  await kofi.context().close();
  await hannah.context().close();
});

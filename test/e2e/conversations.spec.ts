import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, openDraft, signIn } from "./helpers";

/** Data Platform's Hannah Kim and her report Kofi Mensah, whom no other browser test signs in as. */
const manager = { email: "hannah.kim@example.com", name: "Hannah Kim" };
const report = { email: "kofi.mensah@example.com", name: "Kofi Mensah" };

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** A moment as a `datetime-local` field holds it on the given clock (to the minute). */
function localValue(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test("a manager and a report hold one-to-ones: agenda from the growth plan, a point carried, shared and private notes, an action followed up, evidence offered in the next self-assessment, and a meeting moved", async ({
  browser,
}) => {
  test.setTimeout(300_000);

  // Kofi's growth plan focuses on Code quality, which the agenda will suggest.
  const kofi = await as(browser, report.email);
  await kofi.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My growth" }).click();
  await kofi.getByRole("navigation", { name: `${report.name}'s growth` }).getByRole("link", { name: "Gap analysis" }).click();
  await expect(kofi.getByRole("heading", { name: /^Gap to / })).toBeVisible();
  await kofi.getByRole("checkbox", { name: "Code quality" }).check();
  await kofi.getByRole("button", { name: "Save growth plan" }).click();
  await expect(kofi.getByText("Growth plan saved.")).toBeVisible();

  // Hannah sets up a weekly one-to-one with Kofi, its first meeting a minute or two from now.
  const hannah = await as(browser, manager.email);
  await hannah.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Conversations" }).click();
  await expect(hannah.getByRole("heading", { name: "Conversations", level: 1 })).toBeVisible();
  await expectAccessible(hannah);
  const firstMeeting = hannah.getByLabel(/^First meeting \(your clock, /);
  const timeZone = /your clock, ([^)]+)\)/.exec((await hannah.locator(`label[for="${await firstMeeting.getAttribute("id")}"]`).textContent()) ?? "")![1]!;
  // The next minute but one: still to come when the form is sent, and soon enough to be held in this journey.
  const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 120_000);
  await hannah.getByLabel("With").selectOption({ label: `One-to-one with ${report.name}` });
  await hannah.getByLabel("How often").selectOption({ label: "Every week" });
  await firstMeeting.fill(localValue(startsAt, timeZone));
  await hannah.getByRole("button", { name: "Set up" }).click();
  await expect(hannah.getByRole("heading", { name: `One-to-one with ${report.name}`, level: 1 })).toBeVisible();
  await expect(hannah.getByText(`Every week, 30 minutes, on ${manager.name}'s clock`)).toBeVisible();
  const seriesPath = new URL(hannah.url()).pathname;

  // The agenda: a suggestion from Kofi's growth plan, and a point of Hannah's own.
  const agenda = hannah.getByRole("heading", { name: "Agenda", level: 3 }).locator("..");
  const suggestion = agenda.getByRole("listitem").filter({ hasText: /^Progress on Code quality, a focus of the growth plan toward / });
  await expect(suggestion).toHaveCount(1);
  await suggestion.getByRole("button", { name: "Add" }).click();
  await expect(agenda.getByRole("list").first().getByRole("listitem").filter({ hasText: /^Progress on Code quality/ })).toBeVisible();
  // Taken, it is no longer suggested.
  await expect(agenda.getByRole("listitem").filter({ hasText: /^Progress on Code quality/ }).getByRole("button", { name: "Add" })).toHaveCount(0);
  await agenda.getByLabel("Add a talking point").fill("The winter on-call rota");
  await agenda.getByRole("button", { name: "Add", exact: true }).first().click();
  const rota = agenda.getByRole("listitem").filter({ hasText: "The winter on-call rota" });
  await expect(rota).toBeVisible();

  // A note for both of them and one for Hannah alone, and an action for Kofi.
  await hannah.getByLabel("Note", { exact: true }).fill("Kofi wants to lead the next schema migration.");
  await hannah.getByLabel("Who reads it").selectOption({ label: "Both of us" });
  await hannah.getByRole("button", { name: "Save note" }).click();
  await expect(hannah.getByText("Kofi wants to lead the next schema migration.")).toBeVisible();
  await hannah.getByLabel("Note", { exact: true }).fill("Ask Mateo whether the migration is the right first lead.");
  await hannah.getByLabel("Who reads it").selectOption({ label: "Only me" });
  await hannah.getByRole("button", { name: "Save note" }).click();
  const privateNote = hannah.getByRole("listitem").filter({ hasText: "Ask Mateo whether the migration is the right first lead." });
  await expect(privateNote).toContainText("private: only you read it");
  await hannah.getByLabel("What is to be done").fill("Draft the migration plan for the events table");
  await hannah.getByLabel("Owner").selectOption({ label: report.name });
  await hannah.getByRole("button", { name: "Add action" }).click();
  await expect(agenda.getByRole("listitem").filter({ hasText: `Action (${report.name}): Draft the migration plan for the events table` })).toBeVisible();
  await expectAccessible(hannah);

  // Kofi reads the shared note and not the private one, and records evidence from the conversation.
  await kofi.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Conversations" }).click();
  await kofi.getByRole("link", { name: `One-to-one with ${manager.name}` }).click();
  await expect(kofi.getByRole("heading", { name: `One-to-one with ${manager.name}`, level: 1 })).toBeVisible();
  await expect(kofi.getByRole("listitem").filter({ hasText: "Kofi wants to lead the next schema migration." })).toContainText(`${manager.name} · shared`);
  await expect(kofi.getByText("Ask Mateo whether the migration is the right first lead.")).toHaveCount(0);
  await expect(kofi.getByRole("listitem").filter({ hasText: "The winter on-call rota" })).toBeVisible();
  await expectAccessible(kofi);
  await kofi.getByRole("link", { name: "Record evidence from this conversation" }).click();
  await expect(kofi.getByRole("heading", { name: "Your evidence", level: 1 })).toBeVisible();
  await kofi.getByLabel("Competency").selectOption({ label: "Code quality" });
  await kofi.getByLabel("What happened").fill("Reviewed the events table migration and added the rollback tests it lacked.");
  await kofi.getByRole("button", { name: "Record", exact: true }).click();
  const recorded = kofi.getByRole("listitem").filter({ hasText: "Reviewed the events table migration and added the rollback tests it lacked." });
  await expect(recorded).toContainText("Code quality");
  await expect(recorded).toContainText("from a conversation");
  await expectAccessible(kofi);

  // Once the meeting has begun, Hannah records it as held; one point is covered, the other carried.
  await agenda.getByRole("listitem").filter({ hasText: /^Progress on Code quality/ }).getByRole("button", { name: "Covered" }).click();
  await expect(agenda.getByRole("listitem").filter({ hasText: /^Progress on Code quality/ }).getByRole("button", { name: "Reopen" })).toBeVisible();
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
  await expect(agenda.getByRole("list").first().getByRole("listitem").first()).toContainText(`Action (${report.name}): Draft the migration plan for the events table`);
  await expect(agenda.getByRole("listitem").filter({ hasText: "The winter on-call rota" })).toContainText("carried 1×");
  await expect(agenda.getByRole("listitem").filter({ hasText: /^Progress on Code quality/ })).toHaveCount(1);

  // Hannah moves the next meeting a day later: both clocks follow.
  const nextMeeting = hannah.getByRole("heading", { name: "Next meeting" }).locator("..");
  const moveTo = hannah.getByLabel(/^Move to \(your clock, /);
  const was = await moveTo.inputValue();
  const clocksBefore = await nextMeeting.getByRole("list").first().textContent();
  const movedTo = localValue(new Date(startsAt.getTime() + 8 * 86_400_000), timeZone);
  expect(movedTo.slice(11)).toBe(was.slice(11));
  await moveTo.fill(movedTo);
  await hannah.getByRole("button", { name: "Move this meeting" }).click();
  await expect(moveTo).toHaveValue(movedTo);
  await expect(nextMeeting.getByRole("list").first()).not.toHaveText(clocksBefore ?? "");
  // Past the series' next regular slot is refused.
  await moveTo.fill(localValue(new Date(startsAt.getTime() + 15 * 86_400_000), timeZone));
  await hannah.getByRole("button", { name: "Move this meeting" }).click();
  await expect(hannah.getByText("Choose a time before the series' next regular meeting")).toBeVisible();
  await expectAccessible(hannah);

  // Kofi has the action on his to-do list, and marks it done on the next meeting's agenda.
  await kofi.goto("/");
  const todo = kofi.getByRole("listitem").filter({ hasText: `Follow through on an action from your one-to-one with ${manager.name}` });
  await expect(todo).toBeVisible();
  await todo.getByRole("link").first().click();
  await expect(kofi).toHaveURL(new RegExp(`${seriesPath}$`));
  const kofiAgenda = kofi.getByRole("heading", { name: "Agenda", level: 3 }).locator("..");
  const action = kofiAgenda.getByRole("listitem").filter({ hasText: `Action (${report.name}): Draft the migration plan for the events table` });
  await action.getByRole("button", { name: "Done" }).click();
  await expect(action).toHaveCount(0);
  await expect(kofi.getByText("Ask Mateo whether the migration is the right first lead.")).toHaveCount(0);
  await kofi.goto("/");
  await expect(kofi.getByRole("listitem").filter({ hasText: `Follow through on an action from your one-to-one with ${manager.name}` })).toHaveCount(0);

  // His next self-assessment offers the evidence beside the competency.
  await kofi.goto("/assess");
  await openDraft(kofi, "Start self-assessment");
  const codeQuality = kofi.getByRole("region", { name: "Code quality", exact: true });
  await expect(codeQuality.getByRole("heading", { name: "Recorded since your last self-assessment" })).toBeVisible();
  await expect(codeQuality.getByText("Reviewed the events table migration and added the rollback tests it lacked.")).toBeVisible();

  await kofi.context().close();
  await hannah.context().close();
});

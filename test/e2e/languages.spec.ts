import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Browser, type Page, type TestInfo } from "./test";
import { IntlMessageFormat } from "intl-messageformat";
import { startAppServer, type AppServer } from "../../scripts/app-servers";
import { expectAccessible, signIn } from "./helpers";

/**
 * The main journeys in German (the long language) and Arabic (right to left), walked by people
 * whose own setting says so, on a demo organisation of their own: Lena Fischer writes her
 * self-assessment in German; Sam Okafor, her manager, reviews her in Arabic and reads the two side
 * by side, proposes her calibration outcome and sets up a one-to-one that Lena opens in German;
 * Marcus Reid writes an interview scorecard in German. Every page is checked at a desktop and a
 * phone width: in its language and direction, nothing wider than the screen, and axe finds no
 * serious violation; a screenshot of each is attached to the report.
 *
 * The words looked for are the shipped messages themselves (app/locales), formatted as the app
 * formats them: a page that fell back to English, or to a key, fails here.
 */

type Language = "de" | "ar";

const messages = new Map<string, Record<string, unknown>>();
/** The shipped message `namespace:key.path` in a language, with its values. */
function say(language: Language, id: string, values: Record<string, string | number> = {}): string {
  const [namespace, path] = id.split(":") as [string, string];
  const file = `${language}/${namespace}`;
  if (!messages.has(file))
    messages.set(file, JSON.parse(readFileSync(`app/locales/${file}.json`, "utf8")));
  const message = path
    .split(".")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages.get(file),
    );
  if (typeof message !== "string") throw new Error(`no message ${id} in ${language}`);
  // A Latin value in an Arabic sentence is isolated, as the pages' wording does (decision 107).
  const shown = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      language === "ar" && typeof value === "string" && /[A-Za-z]/.test(value)
        ? `\u2068${value}\u2069`
        : value,
    ]),
  );
  return String(new IntlMessageFormat(message, language).format(shown));
}

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

/**
 * The page as its reader sees it, at both widths: its language and direction on <html>, no
 * element wider than the screen (which would scroll the whole page sideways), and no serious
 * accessibility violation; the screenshots go to the report.
 */
async function expectLaidOut(page: Page, language: Language, name: string, testInfo: TestInfo) {
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  await expect(page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");
  const viewport = page.viewportSize();
  for (const { name: width, ...size } of WIDTHS) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(
      overflow,
      `${name} at the ${width} width scrolls sideways by ${overflow} px`,
    ).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await testInfo.attach(`${name}, ${language}, ${width}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  }
  if (viewport) await page.setViewportSize(viewport);
}

/** Signs in (the demo's browsers ask for English) and chooses a language on the settings page, as a person does. */
async function personSpeaking(
  browser: Browser,
  baseURL: string,
  email: string,
  language: Language,
): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, locale: "en-GB" })).newPage();
  await signIn(page, email);
  await page.goto("/settings/email");
  const form = page
    .getByRole("main")
    .locator("form")
    .filter({ has: page.locator('select[name="language"]') });
  await form.locator("select").selectOption(language);
  await form.getByRole("button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  return page;
}

/** Rates every competency of a draft 3 (the middle of the demo's scale), section by section, through the section navigator. */
async function rateEverything(page: Page, language: Language) {
  const sections = page
    .getByRole("navigation", { name: say(language, "assessments:editor.sections") })
    .getByRole("link");
  // count() does not wait: the draft's page (an area and the summary at least) must be there first.
  await expect(sections.nth(1)).toBeVisible();
  const count = await sections.count();
  for (let index = 0; index < count - 1; index++) {
    await sections.nth(index).click();
    await expect(sections.nth(index)).toHaveAttribute("aria-current", "step");
    const ratings = page
      .locator('input[type="radio"][name^="rating-"][value="3"]')
      .filter({ visible: true });
    await expect(ratings.first()).toBeVisible();
    for (const rating of await ratings.all()) await rating.check();
  }
  await sections.last().click();
  await expect(
    page.getByText(say(language, "assessments:editor.everyRatedStatus")).first(),
  ).toBeVisible();
}

/** Submits a draft by its tick box (a section's page is a document, decision 169), and waits for the page to say it is submitted (`submitted`, the message before its day). */
async function submitDraft(page: Page, button: string, tick: string, submitted: string) {
  await page.getByLabel(tick).check();
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByText(new RegExp(`^${submitted}\\s*\\d`)).first()).toBeVisible();
  await expect(page.getByRole("button", { name: button })).toHaveCount(0);
}

/** A message's words before its first value: what a page's text starts with. */
const before = (language: Language, id: string) =>
  say(language, id, { date: "\u0000", when: "\u0000" }).split("\u0000")[0]!.trim();

let server: AppServer | undefined;
let folder: string | undefined;
test.afterAll(async () => {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("the main journeys in German and in Arabic, right to left: a self-assessment, a review side by side, a calibration entry, a one-to-one and a scorecard", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  folder = mkdtempSync(join(tmpdir(), "rungs-languages-"));
  server = await startAppServer(`file:${join(folder, "rungs.db")}`, { env: { SEED_DEMO: "true" } });
  const baseURL = server.url;

  // Lena chose German: her self-assessment, start to submitted.
  const lena = await personSpeaking(browser, baseURL, "lena.fischer@example.com", "de");
  await lena.goto("/assess");
  await expect(lena.getByRole("heading", { level: 1 })).toHaveText(
    say("de", "assessments:assess.heading"),
  );
  await lena.getByRole("button", { name: say("de", "assessments:assess.start") }).click();
  await expect(
    lena.getByRole("heading", { name: say("de", "assessments:page.yourSelfAssessment"), level: 1 }),
  ).toBeVisible();
  await expectLaidOut(lena, "de", "the self-assessment", testInfo);
  await rateEverything(lena, "de");
  await submitDraft(
    lena,
    say("de", "assessments:editor.submitSelf"),
    say("de", "assessments:editor.confirmSelf"),
    before("de", "assessments:page.submittedOn"),
  );
  await expect(lena.getByText(/^Eingereicht am \d/).first()).toBeVisible();

  // Sam chose Arabic: he reviews Lena, then reads the two side by side.
  const sam = await personSpeaking(browser, baseURL, "sam.okafor@example.com", "ar");
  await sam.goto("/reviews");
  await sam.getByRole("link", { name: "Lena Fischer", exact: true }).first().click();
  await expect(sam.getByRole("heading", { name: "Lena Fischer", level: 1 })).toBeVisible();
  const lenaPath = new URL(sam.url()).pathname;
  await sam.goto(`${lenaPath}/review`);
  await sam
    .getByRole("button", {
      name: say("ar", "assessments:personReview.start", { name: "Lena Fischer" }),
    })
    .click();
  await expect(
    sam.getByRole("heading", {
      name: say("ar", "assessments:page.reviewOf", { name: "Lena Fischer" }),
      level: 1,
    }),
  ).toBeVisible();
  await expectLaidOut(sam, "ar", "a manager's review", testInfo);
  await rateEverything(sam, "ar");
  await submitDraft(
    sam,
    say("ar", "assessments:editor.submitReview"),
    say("ar", "assessments:editor.confirmReview"),
    before("ar", "assessments:page.submittedOn"),
  );
  // Her page sets the two side by side: both rated everything the same, so every row agrees.
  await sam.goto(lenaPath);
  await expect(
    sam.getByRole("table").first().getByText(say("ar", "growth:comparison.agree")).first(),
  ).toBeVisible();
  await expectLaidOut(sam, "ar", "the review side by side", testInfo);

  // Sam proposes Lena's outcome in the demo's Product session, open for proposals.
  await sam.goto("/calibration");
  await sam.locator('main a[href^="/calibration/"]').filter({ hasText: "Product" }).first().click();
  const agenda = sam.getByRole("table", { name: say("ar", "calibration:session.agenda.caption") });
  await expectLaidOut(sam, "ar", "a calibration session", testInfo);
  await agenda.getByRole("link", { name: "Lena Fischer" }).click();
  await sam.locator('input[name="rating"][value="3"]').first().check();
  await sam.locator('input[name="second"]').first().check();
  await sam.getByRole("button", { name: say("ar", "calibration:entry.proposal.save") }).click();
  await expect(sam.getByText(say("ar", "calibration:entry.saved.propose"))).toBeVisible();
  await expectLaidOut(sam, "ar", "a calibration entry", testInfo);

  // Sam sets up a one-to-one with Lena; she opens it in German.
  await sam.goto("/conversations");
  await expect(
    sam.getByRole("heading", { name: say("ar", "conversations:start.heading") }),
  ).toBeVisible();
  await sam.locator('select[name="pairing"]').selectOption({
    label: say("ar", "conversations:pairing.withReport", { name: "Lena Fischer" }),
  });
  await sam.locator('select[name="cadence"]').selectOption({ index: 1 });
  await sam
    .locator('input[type="datetime-local"]')
    .fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + "10:00");
  await sam.getByRole("button", { name: say("ar", "conversations:start.submit") }).click();
  await expect(
    sam.getByRole("heading", {
      name: say("ar", "conversations:series.heading.oneToOne", { name: "Lena Fischer" }),
      level: 1,
    }),
  ).toBeVisible();
  await expectLaidOut(sam, "ar", "a one-to-one", testInfo);
  const seriesPath = new URL(sam.url()).pathname;
  await lena.goto(seriesPath);
  await expect(
    lena.getByRole("heading", {
      name: say("de", "conversations:series.heading.oneToOne", { name: "Sam Okafor" }),
      level: 1,
    }),
  ).toBeVisible();
  await lena
    .getByRole("textbox", { name: say("de", "conversations:series.agenda.addPoint") })
    .fill("Die Migration der Rechnungsstellung");
  await lena
    .getByRole("button", { name: say("de", "conversations:series.agenda.add"), exact: true })
    .first()
    .click();
  await expect(lena.getByText("Die Migration der Rechnungsstellung")).toBeVisible();
  await expectLaidOut(lena, "de", "a one-to-one", testInfo);

  // Marcus chose German: the scorecard of the demo's loop in progress, from his home page.
  const marcus = await personSpeaking(browser, baseURL, "marcus.reid@example.com", "de");
  await marcus.goto("/");
  await marcus.locator('main a[href^="/hiring/interviews/"]').first().click();
  await expect(
    marcus.getByRole("button", { name: say("de", "hiring:scorecard.form.submitScorecard") }),
  ).toBeVisible();
  await marcus.locator('input[type="radio"][name^="score-"][value="3"]').first().check();
  await marcus.locator('input[type="radio"][name="recommendation"]').first().check();
  // The draft's saved state in his language too (the scorecard showed it in English).
  await expect(marcus.getByRole("status").filter({ hasText: /^Gespeichert um / })).toBeVisible();
  await expectLaidOut(marcus, "de", "a scorecard", testInfo);
  const scorecardPath = new URL(marcus.url()).pathname;
  const submit = say("de", "hiring:scorecard.form.submitScorecard");
  // Sent as HTML (decision 167): submitting asks by its tick box.
  await marcus.getByLabel(say("de", "hiring:scorecard.form.finishedScorecard")).check();
  await marcus.getByRole("button", { name: submit }).click();
  // Submitted, the card leads to the loop; back on it, Marcus reads his card as submitted.
  await expect(marcus).toHaveURL(/\/hiring\/loops\//);
  await marcus.goto(scorecardPath);
  await expect(
    marcus.getByRole("heading", { name: say("de", "hiring:scorecard.submitted.heading") }),
  ).toBeVisible();
  await expect(
    marcus.getByText(new RegExp(`^${before("de", "hiring:scorecard.submitted.when")}\\s*\\d`)),
  ).toBeVisible();
  await expectLaidOut(marcus, "de", "a submitted scorecard", testInfo);
});

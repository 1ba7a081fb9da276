import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { expect, test, type Browser, type Page } from "./test";
import { people } from "./helpers";

/**
 * The ladder in the reader's language on every page that shows it (issue 84): a German and an Arabic
 * reader (their browsers ask for it; the demo's people chose no language) open each page of the demo
 * that shows ladder texts, and find the ladder's own translation of its competencies, tracks and
 * levels there, and none of their English names. Only reads: the demo's data stays as it is.
 */

type Language = "de" | "ar";
const LADDER = "frameworks/engineering";

type Text = { key: string; english: string; translated: Record<Language, string> };

/** The ladder's competency and track names and level titles, in English and as each translation has them. */
function ladderTexts(): Text[] {
  const read = (file: string) => parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const competencies = (
    read(`${LADDER}/competencies.yaml`).competencies as { id: string; name: string }[]
  ).map((competency) => ({ key: `competencies.${competency.id}.name`, english: competency.name }));
  const tracks = readdirSync(`${LADDER}/tracks`).flatMap(
    (file) =>
      read(`${LADDER}/tracks/${file}`).tracks as {
        id: string;
        name: string;
        levels: { id: string; title: string }[];
      }[],
  );
  const ladder = read(`${LADDER}/ladder.yaml`).ladder as { name: string };
  const english = [
    { key: "ladder.name", english: ladder.name },
    ...competencies,
    ...tracks.map((track) => ({ key: `tracks.${track.id}.name`, english: track.name })),
    ...tracks.flatMap((track) =>
      track.levels.map((level) => ({ key: `levels.${level.id}.title`, english: level.title })),
    ),
  ];
  const translations = Object.fromEntries(
    (["de", "ar"] as const).map((language) => {
      const folder = `${LADDER}/translations/${language}`;
      const merged: Record<string, unknown> = {};
      for (const file of readdirSync(folder)) Object.assign(merged, read(`${folder}/${file}`));
      return [language, merged];
    }),
  ) as Record<Language, Record<string, unknown>>;
  const translated = (language: Language, key: string) => {
    const entry = key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        translations[language],
      ) as { translation?: string } | undefined;
    if (!entry?.translation) throw new Error(`the ${language} ladder has no ${key}`);
    return entry.translation;
  };
  return english.map((text) => ({
    ...text,
    translated: { de: translated("de", text.key), ar: translated("ar", text.key) },
  }));
}

const TEXTS = ladderTexts();

/** Signs in with a browser that asks for the language (the demo's people follow their browser's). */
async function reader(browser: Browser, email: string, language: Language): Promise<Page> {
  const context = await browser.newContext({ locale: language === "de" ? "de-DE" : "ar" });
  const page = await context.newPage();
  const answer = await page.request.post("/login", {
    form: { email, password: "rungs-demo-2026", redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(answer.status(), `signing in as ${email}`).toBe(302);
  return page;
}

/**
 * The page shows ladder texts in the reader's language (at least one, and `expected` where given),
 * and no competency or track by its English name (`allowed`: English names the page's own data
 * happens to use, such as a hiring stage named as a competency is).
 */
async function expectLadderIn(
  page: Page,
  path: string,
  language: Language,
  options: {
    expected?: string[];
    allowed?: string[];
    someTranslated?: boolean;
    /** Where the page names the ladder, where its people's own words (in English) name it too. */
    namedIn?: string;
  } = {},
) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  const shown = await page.getByRole("main").innerText();
  const differing = TEXTS.filter((text) => text.translated[language] !== text.english);
  const translated = differing.filter((text) => shown.includes(text.translated[language]));
  if (options.someTranslated ?? true)
    expect(
      translated.length,
      `${path} in ${language}: no ladder text in ${language}`,
    ).toBeGreaterThan(0);
  for (const key of options.expected ?? []) {
    const text = TEXTS.find((candidate) => candidate.key === key)!;
    expect(shown, `${path} in ${language}: ${key}`).toContain(text.translated[language]);
  }
  const named = options.namedIn
    ? (await page.getByRole("main").locator(options.namedIn).allInnerTexts()).join("\n")
    : shown;
  const english = differing
    // Level titles and the ladder's name are words the demo's own data uses too (an opening's title).
    .filter((text) => !text.key.startsWith("levels.") && text.key !== "ladder.name")
    .filter((text) => !(options.allowed ?? []).includes(text.key))
    .filter((text) =>
      new RegExp(`(^|[^\\p{L}])${escape(text.english)}($|[^\\p{L}])`, "u").test(named),
    )
    .map((text) => `${text.key}: ${text.english}`);
  expect(english, `${path} in ${language}: ladder texts in English`).toEqual([]);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Paths of the page's own links matching `pattern`, in document order. */
async function links(page: Page, pattern: RegExp): Promise<string[]> {
  const paths = await page.locator("a[href]").evaluateAll((anchors) =>
    anchors
      .map((anchor) => new URL((anchor as HTMLAnchorElement).href))
      .filter((url) => url.origin === location.origin)
      .map((url) => url.pathname),
  );
  return [...new Set(paths.filter((path) => pattern.test(path)))];
}

async function first(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const [found] = await links(page, pattern);
  expect(found, `a link like ${pattern} on ${from}`).toBeDefined();
  return found!;
}

const CODE_QUALITY = "competencies.code-quality.name";

for (const language of ["de", "ar"] as const) {
  test.describe(`the ladder in ${language}`, () => {
    test(`an engineer's pages: home, growth, gap, history, print view, reviews, opportunities, evidence`, async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const page = await reader(browser, people.engineer.email, language);
      // The home page's track and level.
      await expectLadderIn(page, "/", language, { expected: ["tracks.ic.name"] });
      const profile = await first(page, "/", /^\/people\/[^/]+$/);
      await expectLadderIn(page, profile, language);
      // The history last: its trend lines are read below.
      for (const suffix of ["/gap", "/print", "/history"])
        await expectLadderIn(page, `${profile}${suffix}`, language, { expected: [CODE_QUALITY] });
      // The history's trend lines are read out in the reader's language, with the ladder's names.
      const lines = await page
        .getByRole("main")
        .locator("table svg[role=img]")
        .evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute("aria-label") ?? ""));
      const overTime = { de: " im Zeitverlauf. ", ar: " عبر الزمن. " }[language];
      expect(lines.length, "the history's trend lines").toBeGreaterThan(0);
      expect(lines.filter((label) => !label.includes(overTime))).toEqual([]);
      const codeQuality = TEXTS.find((text) => text.key === CODE_QUALITY)!.translated[language];
      expect(lines.filter((label) => label.startsWith(`${codeQuality}${overTime}`))).toHaveLength(
        1,
      );
      // The reviews list names levels only: German keeps the English titles ("Engineer II").
      await expectLadderIn(page, "/reviews", language, { someTranslated: language === "ar" });
      await expectLadderIn(page, "/opportunities", language);
      await expectLadderIn(page, "/conversations/evidence", language, { expected: [CODE_QUALITY] });
    });

    test(`a manager's pages: team, calibration, insights`, async ({ browser }) => {
      test.setTimeout(90_000);
      const page = await reader(browser, people.manager.email, language);
      await expectLadderIn(page, "/team", language);
      const session = await first(page, "/calibration", /^\/calibration\/(?!new$)[^/]+$/);
      await expectLadderIn(page, session, language);
      const entry = await first(page, session, /^\/calibration\/[^/]+\/entries\/[^/]+$/);
      await expectLadderIn(page, entry, language);
      await expectLadderIn(page, `${session}/grid`, language);
      await expectLadderIn(page, "/insights", language);
    });

    test(`promotions: the packet, the window, a ballot`, async ({ browser }) => {
      test.setTimeout(60_000);
      const admin = await reader(browser, people.admin.email, language);
      await expectLadderIn(admin, "/promotions/nominations/demo-nomination-lucas", language);
      // The window names its ladder only, which German calls "Engineering" too.
      await expectLadderIn(admin, "/promotions/windows/demo-promotions-autumn", language, {
        expected: language === "ar" ? ["ladder.name"] : [],
        someTranslated: language === "ar",
      });
      const chair = await reader(browser, "anna.schmidt@example.com", language);
      await expectLadderIn(
        chair,
        "/promotions/windows/demo-promotions-autumn/ballots/demo-nomination-lucas",
        language,
        // The demo's cases are written in English and name the competency they argue for.
        { namedIn: "h2" },
      );
    });

    test(`hiring: an opening, its interview kits, a loop, a scorecard`, async ({ browser }) => {
      test.setTimeout(90_000);
      // The demo's hiring stages are named for what they ask: one is "Collaboration", as a competency is.
      const allowed = ["competencies.collaboration.name"];
      const admin = await reader(browser, people.hiringAdmin.email, language);
      // The demo's opening (prisma/seed/demo-hiring.ts): journeys before this one add openings whose scorecards' notes (free
      // text, kept as written) name competencies in English ("Tobias saw: Code quality").
      await admin.goto("/hiring");
      const opening = new URL(
        await admin
          .getByRole("link", { name: "Senior Engineer, Identity" })
          .first()
          .evaluate((a) => (a as HTMLAnchorElement).href),
      ).pathname;
      await expectLadderIn(admin, opening, language, { allowed });
      for (const kit of await links(admin, /^\/hiring\/openings\/[^/]+\/stages\/[^/]+\/kit$/))
        await expectLadderIn(admin, kit, language, { allowed });
      const loop = await first(admin, opening, /^\/hiring\/loops\/[^/]+$/);
      await expectLadderIn(admin, loop, language, { allowed });
      const interviewer = await reader(browser, "marcus.reid@example.com", language);
      const card = await first(interviewer, "/hiring", /^\/hiring\/interviews\/[^/]+$/);
      await expectLadderIn(interviewer, card, language, { allowed });
    });
  });
}

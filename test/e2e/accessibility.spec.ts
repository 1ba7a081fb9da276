import { expect, test, type Browser, type BrowserContext, type Page } from "./test";
import { COLOUR_RULES, people, seriousViolations, signIn } from "./helpers";

/**
 * Every page type of the app, as the roles that see it, in light and dark theme, at a desktop
 * (1280 px) and a phone (390 px) width: axe finds no serious or critical violation. One browser
 * context per role and width, signed in once; the theme is switched by the colour-scheme
 * preference the "system" theme follows, so a page is analysed in dark (against the rules
 * that depend on colour) without loading it again.
 *
 * Pages whose address carries an id are reached from links on pages visited before them (the
 * demo organisation's records), so the sweep follows the demo data instead of knowing its ids.
 */

/** A page by its path, or by the first link seen so far that matches (plus a suffix). `missingInDemo`: the demo may hold none yet; say so instead of failing. */
type Step =
  { path: string } | { link: RegExp; suffix?: string; label: string; missingInDemo?: string };

const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

// An interviewer of the demo's loop in progress, with cards to write.
const interviewer = { email: "marcus.reid@example.com" };
// The chair of the demo's "Autumn promotions" committee, its votes under way.
const chair = { email: "anna.schmidt@example.com" };
// A mentor of the demo's programme, who has a profile and a requests page (not Yuki Sato, whose
// trainee panels.spec.ts signs off).
const mentor = { email: "sven.larsen@example.com" };

const ROLES: { name: string; email: string | null; steps: Step[] }[] = [
  { name: "signed out", email: null, steps: [{ path: "/login" }] },
  {
    name: "engineer",
    email: people.engineer.email,
    steps: [
      { path: "/" },
      { path: "/ladders" },
      { path: "/ladders/engineering" },
      { path: "/ladders/engineering/tracks/ic" },
      { path: "/ladders/engineering/levels/ic3" },
      { link: /^\/ladders\/engineering\/competencies\/[^/]+$/, label: "a competency" },
      { path: "/ladders/engineering/compare?from=ic2&to=ic3" },
      { path: "/ladders/engineering/search?q=design" },
      { path: "/ladders/engineering/versions" },
      { path: "/assess" },
      { path: "/reviews" },
      { link: /^\/assessments\/[^/]+$/, label: "an assessment" },
      { link: /^\/people\/[^/]+$/, label: "a growth profile" },
      { link: /^\/people\/[^/]+$/, suffix: "/gap", label: "a gap analysis" },
      { link: /^\/people\/[^/]+$/, suffix: "/history", label: "a history" },
      { link: /^\/people\/[^/]+$/, suffix: "/print", label: "a printable review" },
      { path: "/mentorship" },
      { link: /^\/mentorship\/[^/]+$/, label: "a programme" },
      { link: /^\/mentorship\/[^/]+$/, suffix: "/join?as=mentee", label: "joining a programme" },
      { path: "/goals" },
      { link: /^\/goals\/objectives\/(?!new$)[^/]+$/, label: "an objective" },
      { path: "/goals/objectives/new" },
      { path: "/team-health" },
      {
        link: /^\/team-health\/(?!new$|live$|organisation$)[^/]+$/,
        label: "a team health check-in to answer",
        missingInDemo: "the engineer has answered every open check-in of the demo",
      },
      { path: "/team-health/live" },
    ],
  },
  {
    name: "manager",
    email: people.manager.email,
    steps: [
      { path: "/" },
      { path: "/team" },
      { path: "/reviews" },
      { link: /^\/people\/[^/]+\/review$/, label: "a manager review" },
      { path: "/calibration" },
      { link: /^\/calibration\/[^/]+$/, label: "a calibration session" },
      { link: /^\/calibration\/[^/]+\/grid$/, label: "a calibration session's grid" },
      { link: /^\/calibration\/[^/]+\/meeting$/, label: "a calibration session's meeting mode" },
      { link: /^\/calibration\/[^/]+\/entries\/[^/]+$/, label: "a calibration entry" },
      { path: "/insights" },
      { path: "/team-health" },
      { path: "/team-health/new" },
      { path: "/team-health/organisation" },
      { link: /^\/team-health\/[^/]+\/teams\/[^/]+$/, label: "a team's health results" },
      { path: "/team-health/live" },
    ],
  },
  {
    name: "admin",
    email: people.admin.email,
    steps: [
      { path: "/" },
      { path: "/admin/people" },
      { link: /^\/admin\/people\/(?!new$|import$)[^/]+$/, label: "a person's admin page" },
      { path: "/admin/people/new" },
      { path: "/admin/people/import" },
      { path: "/admin/teams" },
      { path: "/admin/cycles" },
      { link: /^\/admin\/cycles\/(?!new$)[^/]+$/, label: "a review cycle" },
      { path: "/admin/cycles/new" },
      { path: "/admin/audit" },
      { path: "/admin/ladders" },
      { path: "/admin/scim" },
      { path: "/admin/api" },
      { path: "/admin/email" },
      { path: "/admin/retention" },
      { path: "/admin/goals" },
      { path: "/admin/team-health" },
      { path: "/settings/email" },
      { path: "/settings/api" },
      { path: "/calibration" },
      { path: "/calibration/new" },
      { link: /^\/calibration\/(?!new$)[^/]+$/, label: "a calibration session" },
      {
        link: /^\/calibration\/[^/]+$/,
        suffix: "?tab=managers",
        label: "a calibration session's managers",
      },
      { link: /^\/calibration\/[^/]+\/grid$/, label: "a calibration session's grid" },
      { link: /^\/calibration\/[^/]+\/meeting$/, label: "a calibration session's meeting mode" },
      {
        link: /^\/calibration\/[^/]+\/fairness$/,
        label: "a fairness report",
        missingInDemo:
          "the demo organisation has no locked calibration session, whose fairness report admins read; calibration.spec.ts checks one in every view",
      },
      { path: "/team-health" },
      // The organisation view (experience by group is withheld for everyone, decision 128).
      { path: "/team-health/organisation" },
      { link: /^\/team-health\/live\/[^/]+\/room$/, label: "a live team health check-in's room" },
      { path: "/mentorship" },
      { path: "/mentorship/new" },
      { link: /^\/mentorship\/(?!new$)[^/]+$/, label: "a programme" },
      { link: /^\/mentorship\/[^/]+\/matching$/, label: "a programme's matching" },
      { link: /^\/mentorship\/[^/]+\/mentors$/, label: "a programme's mentors" },
      {
        link: /^\/mentorship\/[^/]+\/pairs\/[^/]+$/,
        label: "a pair",
        missingInDemo:
          "the demo organisation's programme has no pairs until an admin runs matching and publishes; mentorship.spec.ts checks one in every view",
      },
      { link: /^\/mentorship\/[^/]+\/report$/, label: "a programme's report" },
      { link: /^\/mentorship\/[^/]+\/settings$/, label: "a programme's settings" },
      { path: "/hiring/settings" },
      // The calendar of promotion windows links each window's own page for those who may open it.
      { path: "/promotions" },
      { link: /^\/promotions\/windows\/[^/]+$/, label: "a promotion window" },
      // A packet as a reader reads it: its criteria without evidence in one card.
      { path: "/promotions/nominations/demo-nomination-lucas" },
    ],
  },
  {
    name: "committee chair",
    email: chair.email,
    steps: [
      { path: "/promotions/windows/demo-promotions-autumn/meeting" },
      { path: "/promotions/windows/demo-promotions-autumn/ballots/demo-nomination-lucas" },
    ],
  },
  {
    name: "hiring admin",
    email: people.hiringAdmin.email,
    steps: [
      { path: "/" },
      { path: "/hiring" },
      { path: "/hiring/openings/new" },
      { link: /^\/hiring\/openings\/(?!new$)[^/]+$/, label: "an opening" },
      { link: /^\/hiring\/openings\/[^/]+\/pipeline$/, label: "an opening's pipeline" },
      { link: /^\/hiring\/openings\/[^/]+\/stages\/[^/]+\/kit$/, label: "an interview kit" },
      { link: /^\/hiring\/loops\/[^/]+$/, label: "a loop" },
      { link: /^\/hiring\/loops\/[^/]+\/debrief$/, label: "a debrief" },
      { link: /^\/hiring\/loops\/[^/]+\/panel$/, label: "a loop's panel" },
      { path: "/hiring/panels" },
      { path: "/hiring/stats" },
      { path: "/hiring/validity" },
    ],
  },
  {
    name: "mentor",
    email: mentor.email,
    steps: [
      { path: "/mentorship" },
      { link: /^\/mentorship\/[^/]+$/, label: "a programme" },
      {
        link: /^\/mentorship\/[^/]+\/mentors$/,
        label: "a programme's mentors, with the mentor's own note",
      },
      { link: /^\/mentorship\/[^/]+\/requests$/, label: "requests to a mentor" },
    ],
  },
  {
    name: "interviewer",
    email: interviewer.email,
    steps: [
      { path: "/hiring" },
      { link: /^\/hiring\/interviews\/[^/]+$/, label: "an interview's scorecard" },
    ],
  },
];

async function signedInState(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Paths of the page's own links, in document order. */
async function linkPaths(page: Page): Promise<string[]> {
  return page.locator("a[href]").evaluateAll((links) =>
    links
      .map((link) => new URL((link as HTMLAnchorElement).href))
      .filter((url) => url.origin === location.origin)
      .map((url) => url.pathname),
  );
}

for (const role of ROLES) {
  test.describe(`axe, as ${role.name}`, () => {
    let state: Awaited<ReturnType<typeof signedInState>> | undefined;
    test.beforeAll(async ({ browser }) => {
      if (role.email) state = await signedInState(browser, role.email);
    });

    for (const width of WIDTHS) {
      test(`every page at ${width.viewport.width} px, light and dark`, async ({ browser }) => {
        // Each page is loaded and analysed twice (light, then dark): the sweep's time grows with
        // its pages, so its budget does too (an axe pass takes 2 to 3 s a page on a quiet machine: about 6 s a page in all).
        test.setTimeout(30_000 + role.steps.length * 12_000);
        const context: BrowserContext = await browser.newContext({
          storageState: state,
          viewport: width.viewport,
          colorScheme: "light",
        });
        const page = await context.newPage();
        const seen: string[] = [];
        const found: Record<string, string[]> = {};
        for (const step of role.steps) {
          let path: string;
          if ("path" in step) path = step.path;
          else {
            const target = seen.find((candidate) => step.link.test(candidate));
            if (!target && step.missingInDemo) {
              test.info().annotations.push({
                type: "not checked",
                description: `${step.label}: ${step.missingInDemo}`,
              });
              continue;
            }
            expect
              .soft(target, `no link to ${step.label} on the pages visited as ${role.name}`)
              .toBeDefined();
            if (!target) continue;
            path = `${target}${step.suffix ?? ""}`;
          }
          const response = await page.goto(path);
          expect.soft(response?.status(), `${path} as ${role.name}`).toBe(200);
          seen.push(...(await linkPaths(page)));
          const light = await seriousViolations(page);
          await page.emulateMedia({ colorScheme: "dark" });
          const dark = await seriousViolations(page, COLOUR_RULES);
          await page.emulateMedia({ colorScheme: "light" });
          if (light.length) found[`${path} (light)`] = light;
          if (dark.length) found[`${path} (dark)`] = dark;
        }
        await context.close();
        expect(found).toEqual({});
      });
    }
  });
}

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "./test";
import { freePort, startAppServer, type AppServer } from "../../scripts/app-servers";
import { startIdentityProvider, TEST_CLIENT, type TestProvider } from "../utils/identity-provider";
import { startSmtpSink } from "../utils/smtp-sink";
import {
  expectAccessible,
  openDraft,
  rateEverything,
  sectionLink,
  submitAssessment,
  moveSession,
} from "./helpers";

/**
 * A company's first day, from an empty database, as it adopts Rungs: its own identity provider
 * (oidc-provider), its own mail server (smtp-server), and the built app started as an operator
 * starts it (demo off). The first admin comes from the setup link in the log; people arrive over
 * SCIM with the request shapes Okta sends; they sign in through the provider; a review cycle runs
 * through calibration to the release of a promotion, which the engineer learns only then; and a
 * mail provider's one-click unsubscribe, posted with its own Origin, is answered 200.
 */

const run = promisify(execFile);
const IDP_NAME = "Acme Okta";
const accounts = {
  mara: { email: "mara.manager@acme.example", email_verified: true, name: "Mara Manager" },
  eli: { email: "eli.engineer@acme.example", email_verified: true, name: "Eli Engineer" },
};

let provider: TestProvider | undefined;
let server: AppServer | undefined;
let folder: string | undefined;
test.afterAll(async () => {
  await server?.kill();
  await provider?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function signInThroughProvider(
  browser: Browser,
  origin: string,
  login: keyof typeof accounts,
): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: `Sign in with ${IDP_NAME}` }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByText(accounts[login].name).first()).toBeVisible();
  return page;
}

test("a company adopts Rungs from an empty database: setup link, SCIM, single sign-on, a cycle through release, and a mail provider's unsubscribe", async ({
  browser,
}) => {
  // Two assessments of sixteen competencies, a calibration and two email passes through a cold server: about two minutes alone, more beside other work.
  test.setTimeout(300_000);
  folder = mkdtempSync(join(tmpdir(), "rungs-first-day-"));
  const [port, providerPort] = [await freePort(), await freePort()];
  const origin = `http://localhost:${port}`;
  provider = await startIdentityProvider({ port: providerPort, appOrigins: [origin], accounts });
  const sink = await startSmtpSink();
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: `file:${join(folder, "rungs.db")}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: origin,
    SEED_DEMO: "false",
    LOG_REQUESTS: "false",
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: TEST_CLIENT.id,
    OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    OIDC_NAME: IDP_NAME,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_FROM: "Rungs <rungs@acme.example>",
    NOTIFY_SCHEDULE: "off",
  };
  try {
    server = await startAppServer(env.DATABASE_URL, { port, env });
    const log = server.log();

    // The operator finds the one-time setup link in the log, under the public address.
    const setupLink = new RegExp(`${origin}/setup/\\S+`).exec(log)?.[0];
    expect(setupLink, log).toBeDefined();
    const admin = await (await browser.newContext({ baseURL: origin })).newPage();
    await admin.goto(setupLink!);
    await admin.getByLabel("Your name").fill("Ines Admin");
    await admin.getByLabel("Your work email").fill("ines.admin@acme.example");
    await admin.getByLabel("Password", { exact: true }).fill("first-admin-password-2026");
    await admin.getByLabel("Type it again").fill("first-admin-password-2026");
    await admin.getByRole("button", { name: "Become the first admin" }).click();
    await expect(admin.getByRole("button", { name: "Sign out" })).toBeVisible();

    // A SCIM token for the identity provider, from the admins' page.
    await admin.goto("/admin/scim");
    await expect(admin.getByText(`${origin}/scim/v2`)).toBeVisible();
    await admin.getByRole("textbox", { name: "Name" }).fill("Okta");
    await admin.getByRole("button", { name: "Create token" }).click();
    const token = (await admin.getByLabel("New SCIM token").inputValue()).trim();
    expect(token.length).toBeGreaterThan(20);

    // Okta provisions Mara, then Eli reporting to her, then pushes their team.
    const scim = async (method: string, path: string, body: unknown) => {
      const answer = await fetch(`${origin}/scim/v2${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
        body: JSON.stringify(body),
      });
      const text = await answer.text();
      expect(answer.status, `${method} ${path}: ${text}`).toBeLessThan(300);
      return JSON.parse(text) as { id: string; meta?: { location?: string } };
    };
    const person = (
      login: keyof typeof accounts,
      externalId: string,
      track: string,
      level: string,
      managerId?: string,
    ) => ({
      schemas: [
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "urn:ietf:params:scim:schemas:extension:rungs:2.0:User",
      ],
      userName: accounts[login].email,
      name: {
        givenName: accounts[login].name.split(" ")[0],
        familyName: accounts[login].name.split(" ")[1],
      },
      emails: [{ primary: true, value: accounts[login].email, type: "work" }],
      displayName: accounts[login].name,
      externalId,
      active: true,
      groups: [],
      ...(managerId
        ? {
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
              manager: { value: managerId },
            },
          }
        : {}),
      "urn:ietf:params:scim:schemas:extension:rungs:2.0:User": { track, level },
    });
    const mara = await scim("POST", "/Users", person("mara", "00u-mara", "manager", "m1"));
    expect(mara.meta?.location).toBe(`${origin}/scim/v2/Users/${mara.id}`);
    const eli = await scim("POST", "/Users", person("eli", "00u-eli", "ic", "ic2", mara.id));
    await scim("POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Payments",
      members: [{ value: mara.id }, { value: eli.id }],
    });
    expect(eli.id).toBeTruthy();
    await admin.goto("/admin/people");
    await expect(admin.getByRole("link", { name: "Eli Engineer" })).toBeVisible();

    // Both sign in through the company's identity provider, matched by their verified email.
    const maraPage = await signInThroughProvider(browser, origin, "mara");
    const eliPage = await signInThroughProvider(browser, origin, "eli");

    // The admin opens the first review cycle for everyone.
    await admin.goto("/admin/cycles/new");
    await admin.getByRole("textbox", { name: "Name" }).fill("Autumn 2026");
    await admin.getByRole("button", { name: "Open cycle" }).click();
    await expect(admin.getByRole("heading", { name: "Autumn 2026" })).toBeVisible();

    // Eli assesses himself; Mara reviews him.
    await eliPage.goto("/assess");
    await openDraft(eliPage, "Start self-assessment");
    expect(await rateEverything(eliPage, { "Code quality": "Beyond" })).toBeGreaterThan(10);
    await sectionLink(eliPage, "Summary and submit").click();
    await submitAssessment(eliPage, "Submit self-assessment");
    await maraPage.goto("/reviews");
    await maraPage.getByRole("link", { name: "Eli Engineer", exact: true }).first().click();
    await maraPage
      .getByRole("link", { name: /^(Review Eli|Continue your review of Eli)$/ })
      .click();
    await openDraft(maraPage, "Start review of Eli Engineer");
    await rateEverything(maraPage, { "Code quality": "Beyond" });
    await sectionLink(maraPage, "Summary and submit").click();
    await submitAssessment(maraPage, "Submit review");

    // Calibration: the admin facilitates; Mara proposes Eli's promotion.
    await admin.goto("/calibration/new");
    await admin.getByRole("textbox", { name: "Name", exact: true }).fill("Autumn 2026 calibration");
    await admin.getByLabel("Review cycle").selectOption({ label: "Autumn 2026" });
    await admin.getByLabel("Facilitator's email").fill("ines.admin@acme.example");
    await admin.getByRole("radio", { name: "A list of people" }).check();
    await admin.getByLabel("People's emails").fill(accounts.eli.email);
    await admin.getByRole("button", { name: "Set up session" }).click();
    await expect(
      admin.getByRole("heading", { name: "Autumn 2026 calibration", level: 1 }),
    ).toBeVisible();
    await moveSession(admin, "Proposals open");
    const sessionUrl = admin.url();
    await maraPage.goto(sessionUrl);
    await maraPage
      .getByRole("table", { name: "People in this session, in discussion order" })
      .getByRole("link", { name: "Eli Engineer" })
      .click();
    await maraPage.getByRole("radio", { name: /^4 Beyond/ }).check();
    await maraPage.getByRole("radio", { name: "Promote" }).check();
    await maraPage.getByLabel("Promote to").selectOption({ label: "Senior Engineer" });
    await maraPage.getByLabel("Rationale").fill("Led the payments migration end to end.");
    await maraPage.getByRole("button", { name: "Save proposal" }).click();
    await expect(maraPage.getByText("Proposal saved.")).toBeVisible();

    await admin.goto(sessionUrl);
    await moveSession(admin, "Live");
    await admin.getByRole("button", { name: "Accept every open proposal" }).click();
    await admin
      .getByRole("region", { name: /^Accept 1 proposal as/ })
      .getByRole("button", { name: "Accept 1 proposal" })
      .click();
    await expect(admin.getByText("1 proposal accepted as its final outcome.")).toBeVisible();
    await moveSession(admin, "Locked");
    // Published with the promotion due today: it still waits for Mara to tell Eli.
    await expect(
      admin.getByText(
        "A promotion takes effect on this day or, if later, the day the person's outcome is released to them.",
      ),
    ).toBeVisible();
    await admin.getByLabel("Promotions take effect on").fill(new Date().toISOString().slice(0, 10));
    await moveSession(admin, "Published");

    await eliPage.goto(`/people/${eli.id}`);
    await expect(eliPage.getByRole("main")).toContainText("Engineer II");
    await expect(eliPage.getByRole("main")).not.toContainText("Senior Engineer");
    const beforeRelease = await eliPage.request.get(`/people/${eli.id}.data`);
    expect(await beforeRelease.text()).not.toContain("Senior Engineer");

    // Mara's to-do takes her to the session page, where she releases the outcome.
    await maraPage.goto("/");
    await maraPage
      .getByRole("listitem")
      .filter({ hasText: "Release outcomes" })
      .getByRole("link")
      .first()
      .click();
    await expect(maraPage.getByRole("heading", { name: "Release outcomes" })).toBeVisible();
    const agenda = maraPage.getByRole("table", {
      name: "People in this session, in discussion order",
    });
    await expect(agenda.getByRole("row", { name: /Eli Engineer/ })).toContainText("Not yet");
    await expectAccessible(maraPage);
    await agenda.getByRole("checkbox", { name: "Release Eli Engineer's outcome" }).check();
    await maraPage.getByRole("button", { name: "Release to the people ticked" }).click();
    await expect(
      maraPage.getByText("1 outcome released: the person can see it on their growth page."),
    ).toBeVisible();
    await expect(agenda.getByRole("row", { name: /Eli Engineer/ })).toContainText("Released");

    await eliPage.goto(`/people/${eli.id}`);
    await expect(eliPage.getByText(/Promoted to Senior Engineer/)).toBeVisible();

    // The email pass, as cron runs it: each message carries a one-click unsubscribe that a mail provider posts with its own Origin.
    await run("./node_modules/.bin/tsx", ["scripts/notifications-send.ts"], { env });
    const withUnsubscribe = sink.received.filter((message) =>
      /^List-Unsubscribe:/im.test(message.raw),
    );
    expect(withUnsubscribe.length).toBeGreaterThan(0);
    const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>/im.exec(
      withUnsubscribe[0]!.raw.replace(/\r?\n[ \t]+/g, " "),
    )![1]!;
    expect(unsubscribeUrl.startsWith(`${origin}/unsubscribe?token=`)).toBe(true);
    for (const mailOrigin of ["https://mail.google.com", "null"]) {
      const answer = await fetch(unsubscribeUrl, {
        method: "POST",
        headers: { Origin: mailOrigin, "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(answer.status, mailOrigin).toBe(200);
    }
    expect(server.log()).not.toMatch(/"level":"error"/);
  } finally {
    await sink.close();
  }
});

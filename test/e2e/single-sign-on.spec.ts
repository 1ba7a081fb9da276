import { expect, test, type Page } from "./test";
import { startIdentityProvider, type TestProvider } from "../utils/identity-provider";
import { expectAccessible } from "./helpers";
import { identityProviderPort, ssoAccounts, ssoOrigin, ssoProviderName } from "./single-sign-on";

/**
 * Signing in through a real OpenID provider (oidc-provider, started here on its fixed port) to
 * the third app server, whose database has no demo: Ada (an admin from `npm run admin`), Uma,
 * and Dora (deactivated). The provider's own login and consent pages are filled in.
 */
test.use({ baseURL: ssoOrigin });

let provider: TestProvider;
test.beforeAll(async () => {
  provider = await startIdentityProvider({
    port: identityProviderPort,
    appOrigins: [ssoOrigin],
    accounts: ssoAccounts,
  });
});
test.afterAll(() => provider.stop());

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: `Sign in with ${ssoProviderName}` }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

// First in the file: the app server has not discovered the provider yet.
test("a provider that is down gets a clear page, not a 500", async ({ page }) => {
  await provider.stop();
  try {
    await page.goto("/login");
    await page.getByRole("link", { name: `Sign in with ${ssoProviderName}` }).click();
    await expect(page.getByRole("heading", { name: "Not available right now" })).toBeVisible();
    await expect(
      page.getByText("Rungs could not reach your identity provider to sign you in."),
    ).toBeVisible();
  } finally {
    await provider.resume();
  }
});

test("a person signs in through the identity provider, cannot replay it, and signs out there too", async ({
  page,
}) => {
  let callback = "";
  page.on("request", (request) => {
    if (request.url().startsWith(`${ssoOrigin}/auth/oidc/callback`)) callback = request.url();
  });
  await page.goto("/ladders");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fladders/);
  await expectAccessible(page);
  await page.getByRole("link", { name: `Sign in with ${ssoProviderName}` }).click();
  await page.getByPlaceholder("Enter any login").fill("ada");
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${ssoOrigin}/ladders`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByText("Ada Lovelace").first()).toBeVisible();

  // The provider's redirect again, with its code and state: refused.
  expect(callback).toContain("code=");
  const replay = await page.goto(callback);
  expect(replay?.status()).toBe(400);
  await expect(page.getByText(/This sign-in could not be completed/)).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(`${ssoOrigin}/login`);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a tampered state, an unverified email, an unknown email and a deactivated person are refused", async ({
  browser,
}) => {
  // Four sign-ins through the provider, each in a fresh browser context: about 23 s when the whole suite runs on two cores.
  test.setTimeout(60_000);
  const freshPage = async () => (await browser.newContext({ baseURL: ssoOrigin })).newPage();
  const tampered = await freshPage();
  // Part-way through a sign-in (the attempt's cookie set, the provider's login page open), a
  // callback arrives with a state that is not the attempt's.
  await tampered.goto("/login");
  await tampered.getByRole("link", { name: `Sign in with ${ssoProviderName}` }).click();
  await expect(tampered.getByPlaceholder("Enter any login")).toBeVisible();
  const forged = new URLSearchParams({
    code: "a-code-from-another-sign-in",
    state: "tampered-state-value-0123456789",
    iss: provider.issuer,
  });
  const refused = await tampered.goto(`/auth/oidc/callback?${forged}`);
  expect(refused?.status()).toBe(400);
  await expect(
    tampered.getByText(
      "Rungs could not verify this sign-in with your identity provider, so it did not sign you in.",
    ),
  ).toBeVisible();
  await tampered.context().close();

  const refusals: Record<string, string> = {
    uma: "Your identity provider has not verified uma.unverified@example.com",
    nobody: "Nobody with the email nobody@example.com is in Rungs yet. Ask an admin to add you.",
    dora: "The account for dora.deactivated@example.com is deactivated in Rungs.",
  };
  for (const [login, message] of Object.entries(refusals)) {
    const page = await freshPage();
    await signInAtProvider(page, login);
    await expect(page.getByRole("heading", { name: "Rungs did not sign you in" })).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await page.context().close();
  }
});

test("someone refused tries another account at the provider and gets in; or signs out there", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const page = await (await browser.newContext({ baseURL: ssoOrigin })).newPage();
  await signInAtProvider(page, "uma");
  await expect(page.getByRole("heading", { name: "Rungs did not sign you in" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Try another account" }).click();
  await page.getByPlaceholder("Enter any login").fill("ada");
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.context().close();

  const other = await (await browser.newContext({ baseURL: ssoOrigin })).newPage();
  await signInAtProvider(other, "uma");
  await other.getByRole("link", { name: `Sign out of ${ssoProviderName}` }).click();
  await other.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(other).toHaveURL(`${ssoOrigin}/login`);
  await other.getByRole("link", { name: `Sign in with ${ssoProviderName}` }).click();
  await expect(other.getByPlaceholder("Enter any login")).toBeVisible();
  await other.context().close();
});

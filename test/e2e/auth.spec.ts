import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, people, signIn, signInThroughForm } from "./helpers";

// The throttling test locks Oliver's account for a while: no other spec signs in as him.
// Demo people this spec changes: Oliver Grant.

test("a person signs in, sees their name, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
  await signInThroughForm(page, people.engineer.email);
  await expect(page.getByText(people.engineer.name).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a clear message and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(people.manager.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText("That email and password do not match an active account."),
  ).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(people.manager.email);
  await signInThroughForm(page, people.manager.email);
});

test("after a refused sign-in, one click on Sign in with the right password signs in", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(people.hiringAdmin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText("That email and password do not match an active account."),
  ).toBeVisible();
  // The click lands where the button is when the pointer goes down: the message must not move it away.
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("repeated failures lock the account for a while, even with the right password", async ({
  page,
}) => {
  const email = "oliver.grant@example.com";
  await page.goto("/login");
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    // Each attempt must be answered before the next, or the attempts would overlap.
    await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === "POST" &&
          new URL(response.url()).pathname.startsWith("/login"),
      ),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    await expect(
      page.getByText("That email and password do not match an active account."),
    ).toBeVisible();
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText(/Too many failed sign-in attempts\. Try again in 15 minutes/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("an engineer is refused an admin page", async ({ page }) => {
  await signIn(page, people.engineer.email);
  await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
  const response = await page.goto("/admin/people");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("This page is for admins.")).toBeVisible();
});

test("responses carry security headers and an httpOnly, SameSite=Lax session cookie", async ({
  page,
}) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  await signInThroughForm(page, people.engineer.email);
  const cookie = (await page.context().cookies()).find((c) => c.name === "rungs_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(cookie?.secure).toBe(true);
});

test("the status page answers without signing in", async ({ page }) => {
  const response = await page.goto("/status");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Rungs is up.")).toBeVisible();
  await expect(page).toHaveTitle("Status · Rungs");
});

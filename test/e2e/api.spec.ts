import { expect, test } from "./test";
import { expectAccessible, hydrated, people, scriptsFetched, signIn } from "./helpers";

// An engineer whom no other spec on the demo server uses: the tokens here are theirs.
// Demo people this spec changes: Lucas Moreau.
const engineer = { email: "lucas.moreau@example.com", name: "Lucas Moreau" };

test("an admin issues an API token, a tool reads people with it page by page, and revoking it shuts the tool out", async ({
  page,
}) => {
  await signIn(page, people.admin.email);
  // From a page running the app's scripts, the tokens page is shown in place and its forms post
  // through them: the token issued reaches the page's .data answer (decision 154).
  await page.goto("/admin/cycles");
  await hydrated(page);
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Name", { exact: true }).fill("Workday sync");
  await page.getByRole("button", { name: "Issue token" }).click();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();
  await page.getByRole("checkbox", { name: /Read people and teams/ }).check();
  await page.getByRole("button", { name: "Issue token" }).click();
  await expect(page.getByText("Token “Workday sync” issued")).toBeVisible();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^rungs_api_/);
  await expectAccessible(page);

  const headers = { Authorization: `Bearer ${token}` };
  const first = await page.request.get("/api/v1/people?limit=2", { headers });
  expect(first.status()).toBe(200);
  const page1 = await first.json();
  expect(page1.data).toHaveLength(2);
  const second = await (
    await page.request.get(
      `/api/v1/people?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
      { headers },
    )
  ).json();
  expect(second.data[0].id).not.toBe(page1.data[0].id);
  expect((await page.request.get("/api/v1/ladders", { headers })).status()).toBe(403);
  expect((await page.request.get("/api/v1/openapi.json")).status()).toBe(200);

  // Shown once (decision 154): a reload shows it no more.
  await page.reload();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  const row = page.getByRole("row", { name: /Workday sync/ });
  await expect(row).toContainText("Read people and teams");
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Revoke Workday sync" }).click();
  await expect(page.getByText("Token revoked")).toBeVisible();
  expect((await page.request.get("/api/v1/people", { headers })).status()).toBe(401);
});

test("an engineer issues their own token on their account page: it reads what their pages show them, the admin pages' reads are refused", async ({
  page,
}) => {
  await signIn(page, engineer.email);
  await page.goto("/settings/email");
  await page.getByRole("link", { name: "API tokens for your own tools" }).click();
  await expect(page.getByRole("heading", { name: "My API tokens", level: 1 })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Add and change people/ })).toHaveCount(0);
  await page.getByLabel("Name", { exact: true }).fill("My sheet");
  await page.getByRole("checkbox", { name: /Read people and teams/ }).check();
  await page.getByRole("button", { name: "Issue token" }).click();
  const token = await page.getByLabel("New API token").inputValue();
  await expectAccessible(page);

  const headers = { Authorization: `Bearer ${token}` };
  const mine = await (await page.request.get("/api/v1/people", { headers })).json();
  expect(mine.data.map((person: { name: string }) => person.name)).toEqual([engineer.name]);
  expect(mine.data[0].email).toBeUndefined();
  const teams = await page.request.get("/api/v1/teams", { headers });
  expect(teams.status()).toBe(403);

  await page
    .getByRole("row", { name: /My sheet/ })
    .getByRole("button", { name: "Revoke My sheet" })
    .click();
  await expect(page.getByText("Token revoked")).toBeVisible();
  expect((await page.request.get("/api/v1/people", { headers })).status()).toBe(401);
});

test("an admin finds an engineer's own token beneath the organisation's and revokes it: the tool is shut out, and the engineer's page says so", async ({
  browser,
}) => {
  const lucas = await (await browser.newContext()).newPage();
  await signIn(lucas, engineer.email);
  // Opened as a document, the page is HTML (decision 154): its form posts, and the token issued is
  // carried to the page it redirects to.
  const lucasScripts = scriptsFetched(lucas);
  await lucas.goto("/settings/api");
  await lucas.getByLabel("Name", { exact: true }).fill("Lucas's dashboard");
  await lucas.getByRole("checkbox", { name: /Read people and teams/ }).check();
  await lucas.getByRole("button", { name: "Issue token" }).click();
  const headers = {
    Authorization: `Bearer ${await lucas.getByLabel("New API token").inputValue()}`,
  };
  expect(lucasScripts).toEqual([]);
  expect((await lucas.request.get("/api/v1/people", { headers })).status()).toBe(200);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, people.admin.email);
  await admin.goto("/admin/api");
  const row = admin
    .getByRole("table", { name: "People's own tokens" })
    .getByRole("row", { name: /Lucas's dashboard/ });
  await expect(row).toContainText(`Belongs to ${engineer.name}`);
  await expectAccessible(admin);
  await row.getByRole("button", { name: "Revoke Lucas's dashboard" }).click();
  await expect(admin.getByText("Token revoked")).toBeVisible();
  await expect(
    admin
      .getByRole("table", { name: "People's own tokens" })
      .getByRole("row", { name: /Lucas's dashboard/ }),
  ).toHaveCount(0);
  expect((await admin.request.get("/api/v1/people", { headers })).status()).toBe(401);

  await lucas.reload();
  await expect(lucas.getByRole("row", { name: /Lucas's dashboard/ })).toContainText("Revoked");
});

import { execFile } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect, test, type Page } from "./test";
import { expectAccessible, people, signIn } from "./helpers";

/**
 * The published ladder site (npm run ladders:site): built into a temporary folder, served by a
 * plain static file server from a sub-path (as a company would host it beside other pages),
 * and opened straight from disk. Nobody signs in; no app server is involved.
 */
const SUB_PATH = "/careers/ladders/";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
};

let folder = "";
let server: Server | undefined;
let origin = "";

// Seven page types, each checked by axe twice, on a machine other tests share.
test.describe.configure({ timeout: 150_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  folder = mkdtempSync(join(tmpdir(), "rungs-ladder-site-"));
  await promisify(execFile)("./node_modules/.bin/tsx", [
    "scripts/ladders-site.ts",
    folder,
    "--title",
    "Acme career ladders",
  ]);
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.startsWith(SUB_PATH)
      ? normalize(join(folder, path.slice(SUB_PATH.length)))
      : "";
    if (!file.startsWith(folder) || !isFile(file)) {
      response.writeHead(404).end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

async function expectAccessibleLightAndDark(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page);
  }
  await page.emulateMedia({ colorScheme: null });
}

test("a candidate browses the published site from a sub-path: overview, track, level, competency, a comparison and search, each page accessible in light and dark", async ({
  page,
}) => {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${origin}${SUB_PATH}index.html`);
  await expect(page.getByRole("heading", { level: 1, name: "Career ladders" })).toBeVisible();
  await expectAccessibleLightAndDark(page);

  await page.getByRole("link", { name: "Engineering", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Engineering ladder" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Paths through the ladder" })).toBeVisible();
  await expectAccessibleLightAndDark(page);

  const ladderNav = page.getByRole("navigation", { name: "Engineering ladder" });
  await ladderNav.getByRole("link", { name: "Individual contributor" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Individual contributor" }),
  ).toBeVisible();
  await expect(ladderNav.getByRole("link", { name: "Individual contributor" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectAccessibleLightAndDark(page);

  await page.getByRole("table").getByRole("link", { name: "Senior Engineer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Senior Engineer" })).toBeVisible();
  await expect(
    page.getByText("Sets and explains the code conventions for the team's services"),
  ).toBeVisible();
  await expectAccessibleLightAndDark(page);

  await page.getByRole("heading", { level: 3, name: "Code quality" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Code quality" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Individual contributor" }),
  ).toBeVisible();
  await expect(page.getByText("Interview material")).toHaveCount(0);
  await expectAccessibleLightAndDark(page);

  await ladderNav.getByRole("link", { name: "Compare levels" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare two levels" })).toBeVisible();
  await expectAccessibleLightAndDark(page);
  await page.getByLabel("From").selectOption({ label: "Engineer II" });
  await page.getByLabel("To").selectOption({ label: "Tech Lead" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "From Engineer II to Tech Lead: what changes" }),
  ).toBeVisible();
  await expect(page.getByText(/competencies change/)).toBeVisible();
  await expectAccessibleLightAndDark(page);

  await page.getByLabel("Search expectations").fill("incremental refactors");
  await page.getByLabel("Search expectations").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Search expectations" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/results? for “incremental refactors”/);
  const hit = page
    .getByRole("listitem")
    .filter({ hasText: "Plans and carries out larger refactors in safe, incremental steps" });
  await expect(hit).toBeVisible();
  await expect(page.getByText("Search needs JavaScript.")).toBeHidden();
  await expectAccessibleLightAndDark(page);
  await hit.getByRole("link", { name: "Senior Engineer · Code quality" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Senior Engineer" })).toBeVisible();
  expect(new URL(page.url()).hash).toBe("#code-quality");

  const json = await page.request.get(`${origin}${SUB_PATH}engineering/ladder.json`);
  expect(await json.json()).toMatchObject({
    format: "rungs-ladder",
    formatVersion: 1,
    ladder: { id: "engineering" },
  });
  expect(failed).toEqual([]);
});

test("the site works opened from disk, and its pages read without JavaScript", async ({
  browser,
}) => {
  const fromDisk = await browser.newPage();
  await fromDisk.goto(
    `${pathToFileURL(join(folder, "engineering", "search.html")).href}?q=one-to-ones`,
  );
  await expect(fromDisk.getByRole("status")).toHaveText(/results? for “one-to-ones”/);
  await fromDisk
    .getByRole("navigation", { name: "Engineering ladder" })
    .getByRole("link", { name: "Compare levels" })
    .click();
  await fromDisk.getByLabel("From").selectOption({ label: "Senior Engineer" });
  await fromDisk.getByLabel("To").selectOption({ label: "Staff Engineer" });
  await fromDisk.getByRole("button", { name: "Compare" }).click();
  await expect(
    fromDisk.getByRole("heading", {
      level: 1,
      name: "From Senior Engineer to Staff Engineer: what changes",
    }),
  ).toBeVisible();
  await fromDisk.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${origin}${SUB_PATH}engineering/compare/index.html`);
  await noScript.getByRole("link", { name: "Engineer I to Engineer II" }).click();
  await expect(
    noScript.getByRole("heading", {
      level: 1,
      name: "From Engineer I to Engineer II: what changes",
    }),
  ).toBeVisible();
  await noScript
    .getByRole("navigation", { name: "Engineering ladder" })
    .getByRole("link", { name: "Search" })
    .click();
  await expect(noScript.getByText("Search needs JavaScript.")).toBeVisible();
  await context.close();
});

test("inside Rungs, GET /ladders/:id.json gives the same document to a signed-in person and sends others to sign in", async ({
  page,
  request,
}) => {
  const signedOut = await request.get("/ladders/engineering.json", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(302);
  expect(signedOut.headers()["location"]).toMatch(/^\/login/);

  await signIn(page, people.engineer.email);
  const answer = await page.request.get("/ladders/engineering.json");
  expect(answer.status()).toBe(200);
  const published = await page.request.get(`${origin}${SUB_PATH}engineering/ladder.json`);
  expect(await answer.json()).toEqual(await published.json());
  expect((await page.request.get("/ladders/nope.json")).status()).toBe(404);
});

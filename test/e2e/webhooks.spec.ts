import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./test";
import { expectAccessible, hydrated, people, scriptsFetched, signIn } from "./helpers";

// Every key-result owner in the demo's goals is someone another spec on the demo server uses, so an
// engineer no other spec uses writes an objective of his own here and checks in on its key result.
// Demo people this spec changes: Kofi Mensah.
const kofi = { email: "kofi.mensah@example.com", name: "Kofi Mensah" };
const objective = "Pipelines report their own health 5c1d";
const keyResult = "Pipelines with a health check 5c1d";

test("an admin adds a webhook endpoint for people who left and key-result check-ins, copies its secret once, sends a signed test, sees a check-in owed to it, and removes it", async ({
  page,
  browser,
}) => {
  const received: { signature: string; body: string }[] = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        signature: String(request.headers["rungs-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rungs`;
  try {
    await signIn(page, people.admin.email);
    // The page is sent as HTML (decision 154): its form posts, and the secret is carried once to
    // the page it redirects to.
    const scripts = scriptsFetched(page);
    await page.goto("/admin/webhooks");
    await page.getByLabel("Address").fill(url);
    await page.getByLabel("Person left").check();
    await page.getByLabel("Key result checked in").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText(`Endpoint added: ${url}`)).toBeVisible();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(scripts).toEqual([]);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Open its delivery log" }).click();
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByText("The test was delivered.")).toBeVisible();
    const [delivery] = received;
    const [, timestamp, hex] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(delivery!.signature)!;
    expect(hex).toBe(
      createHmac("sha256", secret).update(`${timestamp}.${delivery!.body}`).digest("hex"),
    );
    await expect(page.getByRole("row").filter({ hasText: "Test" })).toContainText("Delivered");
    await expectAccessible(page);

    // Kofi writes an objective, opens it to everyone (only what everyone reads leaves Rungs) and
    // checks in on its key result: an event is owed to the endpoint.
    const engineer = await (await browser.newContext()).newPage();
    await signIn(engineer, kofi.email);
    await engineer.goto("/goals/objectives/new");
    // The form's choices are React's once it has hydrated: chosen before, they are reset.
    await hydrated(engineer);
    await engineer.getByLabel("Whose objective").selectOption({ label: "Mine" });
    await engineer.getByLabel("Objective", { exact: true }).fill(objective);
    await engineer.getByLabel("Why it matters").fill("We fix what we can see.");
    await engineer.getByRole("button", { name: "Save the objective" }).click();
    await expect(engineer.getByRole("heading", { name: objective, level: 1 })).toBeVisible();
    await engineer.getByRole("button", { name: "Open to everyone" }).click();
    await expect(engineer.getByText("Readable by everyone in the organisation")).toBeVisible();
    // A key result is written on a page of its own (decision 152), React's once hydrated.
    await engineer.getByRole("link", { name: "Add a key result" }).click();
    await hydrated(engineer);
    await engineer.getByLabel("Key result", { exact: true }).fill(keyResult);
    await engineer.getByLabel("Unit").fill("pipelines");
    await engineer.getByRole("textbox", { name: "Start", exact: true }).fill("2");
    await engineer.getByRole("textbox", { name: "Target", exact: true }).fill("12");
    await engineer.getByRole("button", { name: "Add the key result" }).click();
    const health = engineer.getByRole("region", { name: keyResult });
    await health.getByLabel("Current value").fill("5");
    await health.getByRole("button", { name: "Record the check-in" }).click();
    await expect(health.getByText(/^Latest: 5/)).toBeVisible();
    await engineer.context().close();
    // Read again: the check-in's delivery is in the log, and the page never shows the secret.
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "Key result checked in" })).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);

    await page.getByRole("button", { name: "Remove endpoint" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove endpoint" }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByRole("link", { name: url })).toHaveCount(0);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});

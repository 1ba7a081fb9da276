import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./test";
import { expectAccessible, people, signIn } from "./helpers";

// The demo's company objective (prisma/seed/demo-goals.ts); Sam owns its key result "Checkout conversion".
const companyObjective = "Customers check out without friction";

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
    await page.goto("/admin/webhooks");
    await page.getByLabel("Address").fill(url);
    await page.getByLabel("Person left").check();
    await page.getByLabel("Key result checked in").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText(`Endpoint added: ${url}`)).toBeVisible();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
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

    // Sam checks in on the company objective's key result he owns: an event is owed to the endpoint.
    const sam = await (await browser.newContext()).newPage();
    await signIn(sam, people.manager.email);
    await sam.goto("/goals");
    await sam.getByRole("link", { name: companyObjective }).first().click();
    const conversion = sam.getByRole("region", { name: "Checkout conversion" });
    await conversion.getByLabel("Current value").fill("66");
    await conversion.getByRole("button", { name: "Record the check-in" }).click();
    await expect(conversion.getByText(/^Latest: 66/)).toBeVisible();
    await sam.context().close();
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

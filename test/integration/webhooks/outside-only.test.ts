import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as logRoute from "~/routes/admin.webhooks.$endpointId";
import * as webhooksRoute from "~/routes/admin.webhooks._index";
import { createAdmin } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { addedOf } from "./added";

/*
 * Webhooks go only to the outside (webhooks/policy.ts, mayDeliverTo), here without
 * WEBHOOKS_TO_LOOPBACK. A receiver listens on this machine and must hear nothing. The private,
 * link-local and metadata addresses below are refused before any connection is made: no test
 * sends anything to them.
 */

let server: Server;
let port = 0;
const heard: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    heard.push(request.url ?? "/");
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("webhooks go only to the outside", () => {
  test("an endpoint whose address leads inside is refused with its kind, and nothing is saved", async () => {
    const admin = await createAdmin();
    const refused = [
      [`http://127.0.0.1:${port}/literal`, "loopback"],
      // A name: what it resolves to decides.
      [`https://localhost:${port}/named`, "loopback"],
      ["https://0x7f000001/", "loopback"],
      ["https://[::1]/", "loopback"],
      ["https://10.0.0.1/hook", "private"],
      ["https://192.168.1.1/hook", "private"],
      ["https://[fd00::1]/hook", "private"],
      ["https://169.254.169.254/latest/meta-data/", "metadata"],
      ["https://metadata.google.internal/computeMetadata/v1/", "metadata"],
      ["https://[fe80::1]/hook", "link-local"],
      ["https://224.0.0.1/hook", "multicast"],
      ["https://0.0.0.0/hook", "reserved"],
    ] as const;
    for (const [url, place] of refused) {
      const answer = await webhooksRoute.action(
        routeArgs(
          await signedInPost("/admin/webhooks", admin.id, {
            intent: "add",
            url,
            events: "person.left",
          }),
        ),
      );
      expect(statusOf(answer), url).toBe(400);
      const { result } = bodyOf<{ result: { error?: Record<string, string[]> } }>(answer);
      expect(result.error?.url, url).toEqual([`webhooks:errors.inside.${place}`]);
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
    expect(heard).toEqual([]);
  });

  test("a delivery is refused where it leads inside however the endpoint came to be, and its log says so without another service's words", async () => {
    const admin = await createAdmin();
    // Saved when loopback was allowed, or a name that led outside and now leads inside
    // (rebinding): each delivery checks the address it connects to.
    const endpoints = [
      `http://localhost:${port}/rebound`,
      `http://127.0.0.1:${port}/literal`,
      "https://10.0.0.1/hook",
      "https://169.254.169.254/latest/meta-data/",
    ];
    for (const [index, url] of endpoints.entries()) {
      const endpointId = `inside-${index}`;
      await db.webhookEndpoint.create({
        data: {
          id: endpointId,
          url,
          secret: "s".repeat(32),
          events: JSON.stringify(["person.left"]),
          createdAt: new Date(),
        },
      });
      const answer = bodyOf<{ test: { status: string; failure: string | null } }>(
        await logRoute.action(
          routeArgs(
            await signedInPost(`/admin/webhooks/${endpointId}`, admin.id, { intent: "test" }),
            { endpointId },
          ),
        ),
      );
      expect(answer.test, url).toEqual({ status: "queued", lastStatus: null, failure: "inside" });
      const log = bodyOf<Awaited<ReturnType<typeof logRoute.loader>>>(
        await logRoute.loader(
          routeArgs(await signedInRequest(`/admin/webhooks/${endpointId}`, admin.id), {
            endpointId,
          }),
        ),
      );
      expect(log.deliveries.map((delivery) => delivery.failure)).toEqual(["inside"]);
    }
    expect(heard).toEqual([]);
  });

  test("a name that does not resolve is logged as that kind, never as the error's text", async () => {
    const admin = await createAdmin();
    await db.webhookEndpoint.create({
      data: {
        id: "unresolvable",
        url: "https://no-such-receiver.invalid/hook",
        secret: "s".repeat(32),
        events: JSON.stringify(["person.left"]),
        createdAt: new Date(),
      },
    });
    const answer = bodyOf<{ test: { failure: string | null } }>(
      await logRoute.action(
        routeArgs(
          await signedInPost("/admin/webhooks/unresolvable", admin.id, { intent: "test" }),
          { endpointId: "unresolvable" },
        ),
      ),
    );
    expect(answer.test.failure).toBe("unresolvable");
    const stored = await db.webhookDelivery.findMany({
      where: { endpointId: "unresolvable" },
      select: { lastError: true },
    });
    expect(stored.map((row) => row.lastError)).not.toContainEqual(
      expect.stringMatching(/ENOTFOUND|getaddrinfo|invalid/),
    );
    expect(stored).toEqual([{ lastError: "unresolvable" }]);
  });
});

describe("every kind of place inside, through the endpoint form", () => {
  // One address of each range the policy names (its first address where the range starts), the
  // cloud metadata names, and IPv6 spellings that carry an IPv4 address; then the addresses just
  // outside the ranges, which are the outside and are saved.
  test("each range and name is refused with its kind, and the addresses just outside them are saved", async () => {
    const admin = await createAdmin();
    const add = async (url: string) =>
      webhooksRoute.action(
        routeArgs(
          await signedInPost("/admin/webhooks", admin.id, {
            intent: "add",
            url,
            events: "person.left",
          }),
        ),
      );
    const before = await db.webhookEndpoint.count();
    const refused = [
      ["0.1.2.3", "reserved"],
      ["10.0.0.0", "private"],
      ["100.64.0.1", "private"],
      ["100.127.255.255", "private"],
      ["100.100.100.200", "metadata"],
      ["127.8.9.10", "loopback"],
      ["169.254.1.1", "link-local"],
      ["169.254.169.254", "metadata"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.0.0.8", "reserved"],
      ["192.0.2.1", "reserved"],
      ["192.88.99.1", "reserved"],
      ["192.168.1.1", "private"],
      ["198.19.0.1", "reserved"],
      ["198.51.100.7", "reserved"],
      ["203.0.113.9", "reserved"],
      ["239.255.255.250", "multicast"],
      ["255.255.255.255", "reserved"],
      ["metadata", "metadata"],
      ["metadata.google.internal.", "metadata"],
      ["metadata.goog", "metadata"],
      ["instance-data", "metadata"],
      ["instance-data.ec2.internal", "metadata"],
      ["[::1]", "loopback"],
      ["[::]", "reserved"],
      ["[::2]", "reserved"],
      ["[::ffff:a9fe:a9fe]", "metadata"],
      ["[64:ff9b::a00:1]", "private"],
      ["[fd00:ec2::254]", "metadata"],
      ["[fc00::1]", "private"],
      ["[fe80::1]", "link-local"],
      ["[ff02::1]", "multicast"],
      ["[2001:db8::1]", "reserved"],
      ["[2002:c0a8:101::]", "private"],
      ["[100::1]", "reserved"],
    ] as const;
    for (const [host, place] of refused) {
      const url = `https://${host}/hook`;
      const answer = await add(url);
      expect(statusOf(answer), url).toBe(400);
      expect(
        bodyOf<{ result: { error?: Record<string, string[]> } }>(answer).result.error?.url,
        url,
      ).toEqual([`webhooks:errors.inside.${place}`]);
    }
    expect(await db.webhookEndpoint.count()).toBe(before);

    const outside = ["9.255.255.255", "11.0.0.0", "100.128.0.0", "172.32.0.0", "[2606:4700::1111]"];
    for (const host of outside) {
      const url = `https://${host}/hook`;
      const answer = await add(url);
      expect(statusOf(answer), url).toBe(302);
      expect(await addedOf(answer, admin.id), url).not.toBeNull();
    }
    expect(await db.webhookEndpoint.count()).toBe(before + outside.length);
    expect(heard).toEqual([]);
  });
});

import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { signatureHeader } from "~/modules/webhooks/signature";
import * as logRoute from "~/routes/admin.webhooks.$endpointId";
import * as webhooksRoute from "~/routes/admin.webhooks._index";
import { createAdmin } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInPost } from "../../utils/session";
import { addedOf } from "./added";

// With SECRETS_KEYS set, a webhook's signing secret is sealed in the database; the receiver on this
// machine checks deliveries with the secret shown once.
vi.hoisted(() => {
  process.env.WEBHOOKS_TO_LOOPBACK = "true";
  process.env.SECRETS_KEYS = Buffer.alloc(32, 7).toString("base64");
});

let server: Server;
let base = "";
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("a webhook's signing secret at rest", () => {
  test("is sealed in the database, and deliveries are signed with the secret shown once", async () => {
    const admin = await createAdmin();
    const added = (await addedOf(
      await webhooksRoute.action(
        routeArgs(
          await signedInPost("/admin/webhooks", admin.id, {
            intent: "add",
            url: `${base}/sealed`,
            events: "person.left",
          }),
        ),
      ),
      admin.id,
    ))!;
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: added.id } });
    expect(stored.secret).toMatch(/^sealed:v1:/);
    expect(stored.secret).not.toContain(added.secret);

    const answer = bodyOf<{ test: { status: string } }>(
      await logRoute.action(
        routeArgs(await signedInPost(`/admin/webhooks/${added.id}`, admin.id, { intent: "test" }), {
          endpointId: added.id,
        }),
      ),
    );
    expect(answer.test.status).toBe("delivered");
    const [delivery] = received;
    const header = String(delivery!.headers["rungs-signature"]);
    const at = new Date(Number(/t=(\d+)/.exec(header)![1]) * 1000);
    expect(header).toBe(signatureHeader(added.secret, delivery!.body, at));
  });

  test("one sealed with a key no longer given is not sent, and the log says why", async () => {
    const admin = await createAdmin();
    await db.webhookEndpoint.create({
      data: {
        id: "lost-key",
        url: `${base}/lost`,
        secret: "sealed:v1:" + randomBytes(40).toString("base64url"),
        events: JSON.stringify(["person.left"]),
        createdAt: new Date(),
      },
    });
    const answer = bodyOf<{ test: { failure: string | null } }>(
      await logRoute.action(
        routeArgs(await signedInPost("/admin/webhooks/lost-key", admin.id, { intent: "test" }), {
          endpointId: "lost-key",
        }),
      ),
    );
    expect(answer.test.failure).toBe("sealed");
    expect(received.filter((request) => request.body.includes("lost-key"))).toEqual([]);
  });
});

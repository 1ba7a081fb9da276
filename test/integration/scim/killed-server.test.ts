import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { createScimToken } from "~/modules/identity/scim/tokens.server";
import { ensureBuild, startAppServer, type AppServer } from "../../../scripts/app-servers";
import {
  createBody,
  externalId,
  inParallel,
  managerPatchBody,
  random,
  shuffled,
  tree,
} from "./burst";

/**
 * The real app server (the production build, as `npm run serve` runs it) on this test
 * file's database, killed with SIGKILL in the middle of a provisioning burst: every
 * request either happened whole or not at all, and the identity provider's retries
 * after a restart finish the job.
 */

const SIZE = 300;
const KILL_AFTER = 120;

type Sent = { status: number; body: Record<string, unknown> | null } | { status: "lost" };

async function send(
  server: AppServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Sent> {
  try {
    const response = await fetch(`${server.url}/scim/v2${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  } catch {
    return { status: "lost" };
  }
}

/** What must hold whatever was cut short: whole people, each with its audit event, and kept lines that match the managers. */
async function expectNothingHalfWritten(tokenId: string) {
  const people = await db.user.findMany({
    select: {
      id: true,
      email: true,
      managerId: true,
      linePath: true,
      lineDepth: true,
      scimExternalId: true,
      scimManagerRef: true,
    },
  });
  const created = await db.auditEvent.findMany({
    where: { scimTokenId: tokenId, action: "person.created" },
    select: { subjectId: true },
  });
  const provisioned = people.filter((person) => person.scimExternalId?.startsWith("burst-"));
  expect(new Set(created.map((event) => event.subjectId))).toEqual(
    new Set(provisioned.map((person) => person.id)),
  );
  const byId = new Map(people.map((person) => [person.id, person]));
  const externalIds = new Set(people.map((person) => person.scimExternalId));
  for (const person of people) {
    const chain: string[] = [];
    for (let at = person.managerId; at; at = byId.get(at)!.managerId) chain.unshift(at);
    expect({ id: person.id, linePath: person.linePath, lineDepth: person.lineDepth }).toEqual({
      id: person.id,
      linePath: chain.length ? `/${chain.join("/")}/` : "/",
      lineDepth: chain.length,
    });
    if (person.scimManagerRef) {
      expect(person.managerId).toBeNull();
      expect(externalIds.has(person.scimManagerRef)).toBe(false);
    }
  }
  return provisioned;
}

describe("a server killed in the middle of a burst", () => {
  let server: AppServer | null = null;
  beforeAll(() => ensureBuild(), 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  test("leaves nothing half-written, and the provider's retries after a restart put every reporting line right", async () => {
    const { id: tokenId, token } = await createScimToken(null, "Killed burst");
    const next = random(7);
    const first = tree(SIZE, next);
    const second = tree(SIZE, next);
    const order = shuffled(
      Array.from({ length: SIZE }, (_, index) => index),
      next,
    );

    server = await startAppServer(process.env.DATABASE_URL!);
    const running = server;
    let answered = 0;
    let killing: Promise<void> | null = null;
    const results = await inParallel(
      order.map((index) => async () => {
        const result = await send(
          running,
          token,
          "POST",
          "/Users",
          createBody(index, first[index]!),
        );
        if (++answered === KILL_AFTER) killing = running.kill();
        return result;
      }),
      8,
    );
    await killing;
    expect(results.some((result) => result.status === "lost")).toBe(true);
    const provisioned = await expectNothingHalfWritten(tokenId);
    expect(provisioned.length).toBeGreaterThanOrEqual(KILL_AFTER - 8);
    expect(provisioned.length).toBeLessThan(SIZE);

    // The provider retries on a restarted server: a create that was in fact done answers 409.
    server = await startAppServer(process.env.DATABASE_URL!);
    const restarted = server;
    const retried = await inParallel(
      order.map(
        (index) => () => send(restarted, token, "POST", "/Users", createBody(index, first[index]!)),
      ),
      8,
    );
    expect(retried.filter((result) => result.status !== 201 && result.status !== 409)).toEqual([]);
    const people = await db.user.findMany({
      where: { scimExternalId: { startsWith: "burst-" } },
      select: { id: true, scimExternalId: true },
    });
    expect(people).toHaveLength(SIZE);
    const ids = new Map(people.map((person) => [person.scimExternalId, person.id]));
    const patches = await inParallel(
      order.map(
        (index) => () =>
          send(
            restarted,
            token,
            "PATCH",
            `/Users/${ids.get(externalId(index))}`,
            managerPatchBody(index, second[index] === null ? null : externalId(second[index]!)),
          ),
      ),
      8,
    );
    expect(patches.filter((result) => result.status !== 200 && result.status !== 204)).toEqual([]);

    await expectNothingHalfWritten(tokenId);
    const final = await db.user.findMany({
      where: { scimExternalId: { startsWith: "burst-" } },
      select: { scimExternalId: true, managerId: true },
    });
    for (const person of final) {
      const index = Number(person.scimExternalId!.slice("burst-".length));
      expect(person.managerId).toBe(
        second[index] === null ? null : ids.get(externalId(second[index]!)),
      );
    }
  }, 300_000);
});

// An endpoint is told only of the kinds of event it asked for (webhooks/policy.ts, endpointWants):
// an event its service emits is queued for the endpoints that ticked its kind, and for no other.
// And with loopback allowed (a receiver under development on this machine), loopback is all it
// allows: the rest of the inside is refused still (mayDeliverTo).
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import { closeCheckIn, startCheckIn, submitAnswer } from "~/modules/team-health/team-health.server";
import * as webhooksRoute from "~/routes/admin.webhooks._index";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost } from "../../utils/session";

vi.hoisted(() => {
  process.env.WEBHOOKS_TO_LOOPBACK = "true";
});

let admin: Awaited<ReturnType<typeof createPerson>>;
let teamId: string;

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  teamId = (await db.team.create({ data: { name: "Falcons" } })).id;
  for (const name of ["Ari", "Bea", "Cem", "Dov"])
    await createPerson({ name: `${name} Falcon`, teamId });
  for (const [id, events] of [
    ["wants-leavers", ["person.left"]],
    ["wants-check-ins", ["team_health.check_in_closed"]],
  ] as const)
    await db.webhookEndpoint.create({
      data: {
        id,
        url: `https://93.184.216.34/${id}`,
        secret: "s".repeat(32),
        events: JSON.stringify(events),
        createdAt: new Date(),
      },
    });
});

describe("what an endpoint is told of", () => {
  test("a closed check-in is queued for the endpoint that asked for closed check-ins, and not for one that asked only for leavers", async () => {
    const checkInId = await startCheckIn(admin, {
      teamIds: [teamId],
      libraryItems: [],
      askComment: false,
      days: 3,
    });
    const asked = await db.user.findMany({ where: { teamId }, select: { id: true } });
    for (const person of asked)
      await submitAnswer({ id: person.id, isAdmin: false }, checkInId, {
        values: Object.fromEntries(EDMONDSON_ITEMS.map((item) => [item, 3])),
        comment: "",
      });
    await closeCheckIn(admin, checkInId);
    const queued = await db.webhookDelivery.findMany({ select: { endpointId: true } });
    expect(queued.map((delivery) => delivery.endpointId)).toEqual(["wants-check-ins"]);
  });

  test("with loopback allowed, an address on this machine is saved, and one elsewhere inside is refused still", async () => {
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
    expect(statusOf(await add("http://127.0.0.1:9/hooks"))).toBe(302);
    for (const [url, place] of [
      ["https://10.0.0.1/hooks", "private"],
      ["https://169.254.169.254/latest/meta-data/", "metadata"],
    ] as const) {
      const answer = await add(url);
      expect(statusOf(answer), url).toBe(400);
      expect(
        bodyOf<{ result: { error?: Record<string, string[]> } }>(answer).result.error?.url,
      ).toEqual([`webhooks:errors.inside.${place}`]);
    }
  });
});

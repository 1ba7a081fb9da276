import { randomUUID } from "node:crypto";
import type { Prisma } from "~/db/client.server";
import * as clock from "~/platform/clock.server";
import { endpointWants, webhookPayload } from "./policy";
import type { WebhookFact } from "./events";
import { wantedKinds } from "./queries.server";

type Writer = Pick<
  Prisma.TransactionClient,
  "webhookEndpoint" | "webhookEvent" | "webhookDelivery"
>;

/**
 * The one way a service tells webhook endpoints that something happened, in the transaction of the
 * change itself: the event commits with it or not at all, and is owed to every endpoint that asked
 * for its kind (a delivery each, sent later by whichever delivery pass claims it). Nothing is
 * written when no endpoint wants any of the events.
 */
export async function emitWebhookEvents(
  tx: Writer,
  facts: readonly WebhookFact[],
  now = clock.now(),
): Promise<void> {
  if (!facts.length) return;
  const endpoints = (await tx.webhookEndpoint.findMany({ select: { id: true, events: true } })).map(
    (endpoint) => ({ id: endpoint.id, wanted: wantedKinds(endpoint.events) }),
  );
  const events: Prisma.WebhookEventCreateManyInput[] = [];
  const deliveries: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const fact of facts) {
    const to = endpoints.filter((endpoint) => endpointWants(endpoint.wanted, fact.kind));
    if (!to.length) continue;
    const id = randomUUID();
    events.push({
      id,
      kind: fact.kind,
      payload: JSON.stringify(webhookPayload(fact)),
      occurredAt: now,
    });
    for (const endpoint of to)
      deliveries.push({
        id: randomUUID(),
        endpointId: endpoint.id,
        eventId: id,
        status: "queued",
        nextAttemptAt: now,
        createdAt: now,
      });
  }
  if (!events.length) return;
  await tx.webhookEvent.createMany({ data: events });
  await tx.webhookDelivery.createMany({ data: deliveries });
}

import { randomUUID, timingSafeEqual } from "node:crypto";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import * as clock from "~/platform/clock.server";
import {
  DELIVERY_STATUSES,
  failureOf,
  type DeliveryFailure,
  type DeliveryStatus,
} from "./delivery";
import { deliverWebhooks } from "./delivery.server";
import { destinationRefusal } from "./destination.server";
import { TEST_EVENT_KIND, type WebhookEventKind } from "./events";
import type { WebhookData } from "./payloads";
import { AddEndpointSchema, type AddEndpointInput } from "./form";
import { canManageWebhooks, type WebhookViewer } from "./policy";
import { wantedKinds } from "./queries.server";
import { newWebhookSecret } from "./signature";
import { openSecret, sealSecret } from "~/utils/sealed-secrets.server";

/**
 * The admins' side of webhooks: adding an endpoint (its secret shown once), the list, each
 * endpoint's delivery log, a test sent while the admin waits, a failed delivery sent again, and
 * removing an endpoint. Anyone but an admin is told there is nothing here (a 404). Every change is
 * an audit event; it names the endpoint's host, not its address, which may carry a receiver's token.
 */

type Actor = WebhookViewer & { id: string };

const NO_ENDPOINT = { key: "webhooks:errors.noSuchEndpoint" } as const;

function requireManager(viewer: WebhookViewer): void {
  if (!canManageWebhooks(viewer)) throw new NotFoundError();
}

async function requireEndpoint(endpointId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { id: true, url: true, events: true, createdAt: true },
  });
  if (!endpoint) throw new NotFoundError(NO_ENDPOINT);
  return endpoint;
}

export type AddedEndpoint =
  | { ok: true; id: string; url: string; secret: string }
  | { ok: false; fieldErrors: { url: string[] } };

/**
 * An endpoint just added, carried to the admins' page once with its secret (decision 154): shown
 * only to someone who may manage webhooks, and only when the secret carried is the endpoint's.
 */
export async function addedEndpointFor(
  viewer: WebhookViewer,
  endpointId: unknown,
  secret: string,
): Promise<{ id: string; url: string; secret: string } | null> {
  if (!canManageWebhooks(viewer) || typeof endpointId !== "string") return null;
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { id: true, url: true, secret: true },
  });
  if (!endpoint) return null;
  const [kept, carried] = [Buffer.from(openSecret(endpoint.secret)), Buffer.from(secret)];
  if (kept.length !== carried.length || !timingSafeEqual(kept, carried)) return null;
  return { id: endpoint.id, url: endpoint.url, secret };
}

/**
 * Adds an endpoint; the caller shows `secret` once, carried to the page it redirects to. An
 * address that leads inside (policy.ts, mayDeliverTo) is refused with its kind, and nothing is
 * written.
 */
export async function addEndpoint(viewer: Actor, input: AddEndpointInput): Promise<AddedEndpoint> {
  requireManager(viewer);
  const value = AddEndpointSchema.parse(input);
  const inside = await destinationRefusal(value.url);
  if (inside) return { ok: false, fieldErrors: { url: [`webhooks:errors.inside.${inside}`] } };
  const id = randomUUID();
  const secret = newWebhookSecret();
  const events = [...new Set(value.events)];
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.create({
      data: {
        id,
        url: value.url,
        secret: sealSecret(secret),
        events: JSON.stringify(events),
        createdAt: clock.now(),
      },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "webhook.endpoint_added",
      subjectType: "webhook",
      subjectId: id,
      detail: { host: new URL(value.url).host, events },
    });
  });
  return { ok: true, id, url: value.url, secret };
}

export type DeliveryCounts = Record<DeliveryStatus, number>;

function countsOf(rows: readonly { status: string; _count: { _all: number } }[]): DeliveryCounts {
  return Object.fromEntries(
    DELIVERY_STATUSES.map((status) => [
      status,
      rows.find((row) => row.status === status)?._count._all ?? 0,
    ]),
  ) as DeliveryCounts;
}

export type EndpointListItem = {
  id: string;
  url: string;
  events: WebhookEventKind[];
  createdAt: string;
  counts: DeliveryCounts;
};

/** Newest first, with how many deliveries each has waiting, delivered and failed. */
export async function listEndpoints(viewer: WebhookViewer): Promise<EndpointListItem[]> {
  requireManager(viewer);
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, url: true, events: true, createdAt: true },
    }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], _count: { _all: true } }),
  ]);
  return endpoints.map((endpoint) => ({
    id: endpoint.id,
    url: endpoint.url,
    events: wantedKinds(endpoint.events),
    createdAt: endpoint.createdAt.toISOString(),
    counts: countsOf(counts.filter((row) => row.endpointId === endpoint.id)),
  }));
}

export const LOG_PAGE_SIZE = 50;

export type DeliveryLogItem = {
  id: string;
  eventId: string;
  kind: string;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  failure: DeliveryFailure | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

/** One endpoint and one page of its deliveries, newest first. */
export async function endpointLog(viewer: WebhookViewer, endpointId: string, page: number) {
  requireManager(viewer);
  const endpoint = await requireEndpoint(endpointId);
  const [total, counts] = await Promise.all([
    db.webhookDelivery.count({ where: { endpointId } }),
    db.webhookDelivery.groupBy({ by: ["status"], where: { endpointId }, _count: { _all: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * LOG_PAGE_SIZE,
    take: LOG_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      attempts: true,
      lastStatus: true,
      lastError: true,
      nextAttemptAt: true,
      deliveredAt: true,
      event: { select: { id: true, kind: true, occurredAt: true } },
    },
  });
  const deliveries: DeliveryLogItem[] = rows.map((row) => ({
    id: row.id,
    eventId: row.event.id,
    kind: row.event.kind,
    occurredAt: row.event.occurredAt.toISOString(),
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    failure: failureOf(row.lastError),
    // A retry's time, once an attempt has failed; a first attempt is simply waiting.
    nextAttemptAt:
      row.status === "queued" && row.attempts > 0 ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  }));
  return {
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      events: wantedKinds(endpoint.events),
      createdAt: endpoint.createdAt.toISOString(),
    },
    counts: countsOf(counts),
    deliveries,
    page: current,
    pageCount,
  };
}

/**
 * The test button: an event of its own kind for this endpoint only, delivered while the admin
 * waits (with the same signing, claiming and retries as every other). Returns how it went.
 */
export async function sendTestEvent(
  viewer: Actor,
  endpointId: string,
): Promise<{ status: DeliveryStatus; lastStatus: number | null; failure: DeliveryFailure | null }> {
  requireManager(viewer);
  const endpoint = await requireEndpoint(endpointId);
  const now = clock.now();
  const eventId = randomUUID();
  const deliveryId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.webhookEvent.create({
      data: {
        id: eventId,
        kind: TEST_EVENT_KIND,
        payload: JSON.stringify({
          endpoint: { id: endpoint.id },
        } satisfies WebhookData<typeof TEST_EVENT_KIND>),
        occurredAt: now,
      },
    });
    await tx.webhookDelivery.create({
      data: {
        id: deliveryId,
        endpointId,
        eventId,
        status: "queued",
        nextAttemptAt: now,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "webhook.test_sent",
      subjectType: "webhook",
      subjectId: endpoint.id,
      detail: { host: new URL(endpoint.url).host },
    });
  });
  await deliverWebhooks({ only: [deliveryId] });
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: { status: true, lastStatus: true, lastError: true },
  });
  return {
    status: delivery.status as DeliveryStatus,
    lastStatus: delivery.lastStatus,
    failure: failureOf(delivery.lastError),
  };
}

/** A failed delivery is queued again, as new: the next pass sends it (the event keeps its id, so a receiver can tell it is the same). */
export async function redeliver(
  viewer: Actor,
  endpointId: string,
  deliveryId: string,
): Promise<void> {
  requireManager(viewer);
  await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, endpointId },
      select: { status: true, endpoint: { select: { url: true } } },
    });
    if (!delivery) throw new NotFoundError(NO_ENDPOINT);
    if (delivery.status !== "failed") throw new InvalidError({ key: "webhooks:errors.notFailed" });
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        status: "queued",
        attempts: 0,
        nextAttemptAt: clock.now(),
        lastError: null,
        lastStatus: null,
        claimedBy: null,
        claimedUntil: null,
      },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "webhook.redelivered",
      subjectType: "webhook",
      subjectId: endpointId,
      detail: { host: new URL(delivery.endpoint.url).host },
    });
  });
}

/** Removes an endpoint with its log; what it was still owed is not sent. */
export async function removeEndpoint(viewer: Actor, endpointId: string): Promise<void> {
  requireManager(viewer);
  const endpoint = await requireEndpoint(endpointId);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    // Events no other endpoint is owed are of no use any more.
    await tx.webhookEvent.deleteMany({ where: { deliveries: { none: {} } } });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "webhook.endpoint_removed",
      subjectType: "webhook",
      subjectId: endpointId,
      detail: { host: new URL(endpoint.url).host },
    });
  });
}

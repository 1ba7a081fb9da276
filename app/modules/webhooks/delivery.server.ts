import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { db } from "~/db/client.server";
import * as clock from "~/platform/clock.server";
import { afterAttempt, type AttemptResult, type DeliveryFailure } from "./delivery";
import { checkedLookup, loopbackAllowed, OutsideOnlyError } from "./destination.server";
import { hostClass, mayDeliverTo } from "./policy";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { openSecret, SecretUnopenedError } from "~/utils/sealed-secrets.server";
import { claimDueDeliveries, type ClaimedDelivery } from "./queries.server";

/**
 * Delivery passes: each claims due deliveries with a lease (queries.server.ts), posts each event
 * to its endpoint signed with the endpoint's secret, and records the answer at once, so an event
 * goes once to an endpoint whichever of any number of app servers delivers it. A pass that dies
 * mid-batch leaves the rest to the next once its lease runs out.
 */

export const LEASE_MS = 5 * 60 * 1000;
const BATCH_SIZE = 25;
/** A receiver that has not answered by then is taken as not answering: the attempt is retried later. */
export const ANSWER_WITHIN_MS = 10_000;

/** The body every endpoint receives: the event's id (the same on every retry), its kind, when it happened, and its data. */
export function deliveryBody(event: {
  id: string;
  kind: string;
  occurredAt: Date;
  payload: string;
}): string {
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.kind)},"occurredAt":${JSON.stringify(event.occurredAt.toISOString())},"data":${event.payload}}`;
}

/** The kind of a failed connection, from Node's error codes; its text is never kept. */
function failureOf(error: unknown): DeliveryFailure {
  if (error instanceof OutsideOnlyError) return "inside";
  const code = (error as { code?: unknown }).code;
  const name = (error as { name?: unknown }).name;
  if (name === "TimeoutError" || name === "AbortError") return "timeout";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NODATA") return "unresolvable";
  if (code === "ECONNREFUSED") return "refused";
  if (
    typeof code === "string" &&
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)
  )
    return "tls";
  return "network";
}

/**
 * One POST to the endpoint. Its host is checked where the connection is made (policy.ts,
 * mayDeliverTo): an address in the URL before anything is sent, a name on the addresses it
 * resolves to now, and the connection goes to the address that was checked, so a name that
 * resolved outside when it was saved cannot be pointed inside later (DNS rebinding).
 */
async function attempt(
  url: string,
  secret: string,
  delivery: ClaimedDelivery,
  event: { id: string; kind: string; occurredAt: Date; payload: string },
  at: Date,
): Promise<AttemptResult> {
  const target = new URL(url);
  const allowed = loopbackAllowed();
  const named = hostClass(target.hostname);
  if (named !== null && !mayDeliverTo(named, allowed)) return { status: null, failure: "inside" };
  const body = deliveryBody(event);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<AttemptResult>((resolve) => {
    const request = send(
      target,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "Rungs-Webhooks/1",
          [SIGNATURE_HEADER]: signatureHeader(secret, body, at),
          "Rungs-Event": event.kind,
          "Rungs-Event-Id": event.id,
          "Rungs-Delivery": delivery.id,
        },
        // A connection of its own each time, made to the address the lookup checked. A redirect
        // is not followed: it would send the payload somewhere the admin did not name.
        agent: false,
        lookup: checkedLookup(allowed),
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      },
      (response: IncomingMessage) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
        response.destroy();
      },
    );
    request.on("error", (error) => resolve({ status: null, failure: failureOf(error) }));
    request.end(body);
  });
}

/** An attempt with the endpoint's secret opened; one sealed with a key no longer given is not sent. */
function attemptSealed(
  endpoint: { url: string; secret: string },
  delivery: ClaimedDelivery,
  event: { id: string; kind: string; occurredAt: Date; payload: string },
  at: Date,
): Promise<AttemptResult> {
  let secret: string;
  try {
    secret = openSecret(endpoint.secret);
  } catch (error) {
    if (!(error instanceof SecretUnopenedError)) throw error;
    return Promise.resolve({ status: null, failure: "sealed" });
  }
  return attempt(endpoint.url, secret, delivery, event, at);
}

export type WebhookPassResult = { delivered: number; retried: number; failed: number };

export type WebhookPassOptions = {
  /** Tells this pass apart from others (several app servers); unique per call by default. */
  worker?: string;
  now?: () => Date;
  batchSize?: number;
  /** Only these deliveries (an admin's test, sent while they wait). */
  only?: readonly string[];
  signal?: AbortSignal;
};

/** Delivers due webhooks until none is left that this pass may take. */
export async function deliverWebhooks(
  options: WebhookPassOptions = {},
): Promise<WebhookPassResult> {
  const worker = options.worker ?? `${hostname()}:${process.pid}:${randomUUID()}`;
  const readClock = options.now ?? clock.now;
  const result: WebhookPassResult = { delivered: 0, retried: 0, failed: 0 };
  while (!options.signal?.aborted) {
    const now = readClock();
    const batch = await claimDueDeliveries(
      worker,
      now,
      new Date(now.getTime() + LEASE_MS),
      options.batchSize ?? BATCH_SIZE,
      options.only,
    );
    if (!batch.length) break;
    const [endpoints, events] = await Promise.all([
      db.webhookEndpoint.findMany({
        where: { id: { in: [...new Set(batch.map((row) => row.endpointId))] } },
        select: { id: true, url: true, secret: true },
      }),
      db.webhookEvent.findMany({
        where: { id: { in: [...new Set(batch.map((row) => row.eventId))] } },
        select: { id: true, kind: true, occurredAt: true, payload: true },
      }),
    ]);
    const endpointById = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    const eventById = new Map(events.map((event) => [event.id, event]));
    for (const delivery of batch) {
      if (options.signal?.aborted) return result;
      const endpoint = endpointById.get(delivery.endpointId);
      const event = eventById.get(delivery.eventId);
      // Removed with its endpoint meanwhile (the rows cascade): nothing is owed any more.
      if (!endpoint || !event) continue;
      const attempts = delivery.attempts + 1;
      const answer = await attemptSealed(endpoint, delivery, event, readClock());
      const outcome = afterAttempt(answer, attempts, readClock());
      const mine = { id: delivery.id, claimedBy: worker };
      const released = { attempts, lastStatus: answer.status, claimedBy: null, claimedUntil: null };
      if (outcome.status === "delivered") {
        await db.webhookDelivery.updateMany({
          where: mine,
          data: { ...released, status: "delivered", deliveredAt: readClock(), lastError: null },
        });
        result.delivered++;
      } else if (outcome.status === "retry") {
        await db.webhookDelivery.updateMany({
          where: mine,
          data: { ...released, lastError: outcome.reason, nextAttemptAt: outcome.nextAttemptAt },
        });
        result.retried++;
      } else {
        await db.webhookDelivery.updateMany({
          where: mine,
          data: { ...released, status: "failed", lastError: outcome.reason },
        });
        result.failed++;
      }
    }
  }
  return result;
}

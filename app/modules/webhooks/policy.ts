import { dateToDay } from "~/modules/days";
import type { WebhookEventKind, WebhookFact } from "./events";

/**
 * Who may manage webhooks, and what leaves Rungs in a webhook: the one place that decides both.
 * Endpoints are the company's tools (HR systems, BI, chat), outside Rungs' own access rules, so a
 * payload carries no text anybody wrote or is called by: ids, kinds, dates, and a level only
 * where it has been released (an outcome released to its person, a promotion that took effect).
 * A receiver that wants more asks the API, where its token's scope decides.
 */

export type WebhookViewer = { isAdmin: boolean };

/** Adding, testing and removing endpoints, and reading their log: admins only; anyone else gets a 404. */
export function canManageWebhooks(viewer: WebhookViewer): boolean {
  return viewer.isAdmin;
}

/** Whether an endpoint that asked for `wanted` is told of an event of `kind`. */
export function endpointWants(wanted: readonly string[], kind: WebhookEventKind): boolean {
  return wanted.includes(kind);
}

export type WebhookPayloadData = Record<
  string,
  Record<string, string | boolean | null | Record<string, string | null>>
>;

/** The `data` of an event's payload, from the facts its service gave. */
export function webhookPayload(fact: WebhookFact): WebhookPayloadData {
  switch (fact.kind) {
    case "cycle.opened":
      return {
        cycle: {
          id: fact.cycle.id,
          startsOn: dateToDay(fact.cycle.startsOn),
          endsOn: dateToDay(fact.cycle.endsOn),
        },
      };
    case "cycle.closed":
      return { cycle: { id: fact.cycle.id, closedAt: fact.cycle.closedAt.toISOString() } };
    case "feedback.window_opened":
      return {
        cycle: { id: fact.cycle.id },
        feedback: {
          peer: fact.feedback.peer,
          upward: fact.feedback.upward,
          dueOn: dateToDay(fact.feedback.dueOn),
        },
      };
    case "outcome.released":
      // Released to its person, so its kind and level go; the rating and the facilitator's reason stay in Rungs.
      return {
        outcome: {
          id: fact.outcome.id,
          calibrationSessionId: fact.outcome.calibrationSessionId,
          cycleId: fact.outcome.cycleId,
          personId: fact.outcome.personId,
          outcome: fact.outcome.finalOutcome,
          level: fact.outcome.finalLevelId,
        },
      };
    case "promotion.effective":
      return {
        promotion: {
          personId: fact.promotion.personId,
          effectiveAt: fact.promotion.effectiveAt.toISOString(),
          calibrationSessionId: fact.promotion.calibrationSessionId,
          from: { track: fact.promotion.from.track, level: fact.promotion.from.level },
          to: { track: fact.promotion.to.track, level: fact.promotion.to.level },
        },
      };
    case "person.joined":
      return { person: { id: fact.person.id, via: fact.person.via } };
    case "person.left":
      return { person: { id: fact.person.id, leftAt: fact.person.leftAt.toISOString() } };
  }
}

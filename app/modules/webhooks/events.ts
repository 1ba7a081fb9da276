/**
 * What Rungs tells webhook endpoints about: the kinds of event an endpoint may ask for, and the
 * facts each service hands over at the moment the thing happens. The facts may carry more than a
 * payload may (a cycle's name, a person's email): policy.ts decides what leaves Rungs.
 */

export const WEBHOOK_EVENT_KINDS = [
  "cycle.opened",
  "cycle.closed",
  "feedback.window_opened",
  "outcome.released",
  "promotion.effective",
  "person.joined",
  "person.left",
  "goals.period_closed",
  "goals.key_result_checked_in",
  "team_health.check_in_closed",
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** Sent to one endpoint when an admin presses its test button; no endpoint asks for it. */
export const TEST_EVENT_KIND = "webhook.test" as const;

export function isWebhookEventKind(value: string): value is WebhookEventKind {
  return (WEBHOOK_EVENT_KINDS as readonly string[]).includes(value);
}

type Place = { track: string | null; level: string | null };

export type WebhookFact =
  | { kind: "cycle.opened"; cycle: { id: string; name: string; startsOn: Date; endsOn: Date } }
  | { kind: "cycle.closed"; cycle: { id: string; name: string; closedAt: Date } }
  | {
      kind: "feedback.window_opened";
      cycle: { id: string; name: string };
      feedback: { peer: boolean; upward: boolean; dueOn: Date };
    }
  | {
      kind: "outcome.released";
      outcome: {
        id: string;
        calibrationSessionId: string;
        cycleId: string;
        personId: string;
        finalOutcome: string | null;
        finalLevelId: string | null;
        finalRating: number | null;
        finalReason: string | null;
      };
    }
  /**
   * A promotion taking effect: a person's track and level change on the day it was decided for.
   * Calibration's accepted promotions tell it (applyDuePromotions); any other way a promotion
   * comes to take effect tells it through the same emitWebhookEvents.
   */
  | {
      kind: "promotion.effective";
      promotion: {
        personId: string;
        effectiveAt: Date;
        from: Place;
        to: Place;
        calibrationSessionId: string | null;
      };
    }
  | {
      kind: "person.joined";
      person: { id: string; name: string; email: string; via: "created" | "reactivated" };
    }
  | { kind: "person.left"; person: { id: string; name: string; email: string; leftAt: Date } }
  /**
   * A goal period closed, with the objectives everyone in the organisation reads (the goals policy's
   * readableByEveryone decides which, in the goals service) and their key results' final scores.
   * No other objective is handed over at all.
   */
  | {
      kind: "goals.period_closed";
      period: { id: string; name: string; startsOn: Date; endsOn: Date; closedAt: Date };
      objectives: {
        id: string;
        level: "company" | "team" | "person";
        teamId: string | null;
        parentId: string | null;
        commitment: "committed" | "aspirational";
        title: string;
        keyResults: { id: string; title: string; finalScore: number | null }[];
      }[];
    }
  /**
   * A check-in on a key result of an objective everyone in the organisation reads (the goals policy's
   * readableByEveryone decides which, in the goals service's one check-in write, from the page or
   * by API token). A check-in on any other key result is not handed over at all.
   */
  | {
      kind: "goals.key_result_checked_in";
      checkIn: {
        id: string;
        at: Date;
        value: number;
        confidence: "onTrack" | "atRisk" | "offTrack";
        note: string;
        authorId: string;
        tokenId: string | null;
      };
      keyResult: { id: string; objectiveId: string; title: string; progress: number };
    }
  /**
   * One team's part of a team health check-in closed (by hand, or its day came). Its results are
   * read by the team and its managers only (decision 099), so no figure is handed over.
   */
  | {
      kind: "team_health.check_in_closed";
      checkIn: { id: string; openedAt: Date; closedAt: Date };
      team: { id: string; name: string };
    };

/** The message each kind is named by on the admins' pages (app/locales/<lang>/webhooks.json). */
export const KIND_LABELS = {
  "cycle.opened": "kinds.cycleOpened",
  "cycle.closed": "kinds.cycleClosed",
  "feedback.window_opened": "kinds.feedbackWindowOpened",
  "outcome.released": "kinds.outcomeReleased",
  "promotion.effective": "kinds.promotionEffective",
  "person.joined": "kinds.personJoined",
  "person.left": "kinds.personLeft",
  "goals.period_closed": "kinds.goalPeriodClosed",
  "goals.key_result_checked_in": "kinds.keyResultCheckedIn",
  "team_health.check_in_closed": "kinds.teamHealthCheckInClosed",
  [TEST_EVENT_KIND]: "kinds.test",
} as const satisfies Record<WebhookEventKind | typeof TEST_EVENT_KIND, string>;

/** A stored kind's label; a kind no longer told of is shown as stored. */
export function kindLabel(kind: string): (typeof KIND_LABELS)[keyof typeof KIND_LABELS] | null {
  return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as keyof typeof KIND_LABELS] : null;
}

/**
 * Whether a released "promote" outcome changes the person's level itself, or another workflow
 * decides it: with promotion committees on for the session's ladder (app/modules/promotions), the
 * outcome becomes a nomination into the ladder's next window and is never applied here, so a
 * promotion is decided once (docs/decisions/084-promotions.md). The route is registered in
 * app/modules/workflows.server.ts, so calibration imports no workflow built on it; asked before it
 * is registered, it refuses rather than apply promotions a committee should decide.
 */
export type PromoteOutcome = {
  entryId: string;
  sessionId: string;
  personId: string;
  ladderId: string;
  ladderVersionId: string;
  levelId: string | null;
  finalLevelId: string;
  rationale: string;
  facilitatorId: string;
};

export type PromotionRoute = {
  /** Takes the outcomes it decides instead of calibration (nominating where it can), and answers their entry ids. */
  take(outcomes: readonly PromoteOutcome[], now: Date): Promise<ReadonlySet<string>>;
  /** Of these promote outcomes, the entry ids it decides instead of calibration; reads only. */
  decidedElsewhere(
    outcomes: readonly { entryId: string; ladderId: string }[],
  ): Promise<ReadonlySet<string>>;
};

let route: PromotionRoute | null = null;

export function routeCalibrationPromotions(taking: PromotionRoute): void {
  route = taking;
}

function registered(): PromotionRoute {
  if (!route)
    throw new Error(
      "No promotion route is registered: the entry point must import ~/modules/workflows.server.",
    );
  return route;
}

export function promotionsTakenElsewhere(
  outcomes: readonly PromoteOutcome[],
  now: Date,
): Promise<ReadonlySet<string>> {
  return registered().take(outcomes, now);
}

export function promotionsDecidedElsewhere(
  outcomes: readonly { entryId: string; ladderId: string }[],
): Promise<ReadonlySet<string>> {
  return outcomes.length ? registered().decidedElsewhere(outcomes) : Promise.resolve(new Set());
}

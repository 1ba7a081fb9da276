/**
 * The rules of people's records that other modules' decisions meet. Pure: services gather the facts
 * and ask.
 */

/**
 * A promotion decided elsewhere (a calibration session, a promotions committee) takes effect only
 * while the person is still at the level it was decided from: one whose level changed some other way
 * meanwhile (an import, an admin, another promotion) keeps it, and the decision's history says so.
 */
export function promotionStillApplies(facts: {
  currentLevelId: string | null;
  decidedFromLevelId: string | null;
}): boolean {
  return facts.currentLevelId === facts.decidedFromLevelId;
}

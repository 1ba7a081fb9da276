import type { Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { getLevel, type Ladder } from "~/modules/ladders";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import { recordLevelChanges } from "./level-history.server";
import { levelSinceAfter } from "./level-since";
import { promotionStillApplies } from "./policy";

/** Where a promotion was decided: a calibration session's released outcome, or a committee's decision. */
export type PromotionSource = { calibrationSessionId: string } | { promotionWindowId: string };

/**
 * A promotion decided elsewhere takes effect on the person's record, in the caller's transaction:
 * their track and level (without a sub-level: a promotion is to a level), the level's start, the
 * level history, the audit log and the `promotion.effective` webhook. The one way calibration and
 * promotion committees apply a promotion. Nothing changes when the rule says it no longer applies
 * (promotionStillApplies); the caller records either way in its own history, from `from`.
 */
export async function applyPromotion(
  tx: Prisma.TransactionClient,
  promotion: {
    personId: string;
    /** The level the promotion was decided from. */
    decidedFromLevelId: string | null;
    ladder: Ladder;
    targetLevelId: string;
    /** When it takes effect: the level history's and the webhook's moment. */
    effectiveAt: Date;
    /** Who released it, credited in the audit log (null: nobody recorded). */
    actorId: string | null;
    source: PromotionSource;
    now: Date;
  },
): Promise<{ applied: boolean; from: { track: string | null; level: string | null } }> {
  const { personId, ladder, source } = promotion;
  const person = await tx.user.findUniqueOrThrow({
    where: { id: personId },
    select: { track: true, level: true, levelSince: true },
  });
  const from = { track: person.track, level: person.level };
  const target = getLevel(ladder, promotion.targetLevelId);
  if (
    !target ||
    !promotionStillApplies({
      currentLevelId: person.level,
      decidedFromLevelId: promotion.decidedFromLevelId,
    })
  )
    return { applied: false, from };
  const to = { track: target.trackId, level: target.id };
  const levelSince = levelSinceAfter({
    levelChanged: true,
    given: undefined,
    current: person.levelSince,
    movedAt: null,
  });
  await tx.user.update({
    where: { id: personId },
    data: { ...to, sublevel: null, ladderId: ladder.meta.id, levelSince },
  });
  await recordLevelChanges(
    tx,
    "promoted",
    [{ personId, from, to, fromSince: person.levelSince }],
    promotion.effectiveAt,
  );
  await recordAuditEvent(tx, {
    actorId: promotion.actorId,
    action: "person.promoted",
    subjectType: "person",
    subjectId: personId,
    detail: { from, to, ...source },
  });
  // The company's other tools hear of it as of any promotion taking effect (app/modules/webhooks).
  await emitWebhookEvents(
    tx,
    [
      {
        kind: "promotion.effective",
        promotion: {
          personId,
          effectiveAt: promotion.effectiveAt,
          from,
          to,
          calibrationSessionId:
            "calibrationSessionId" in source ? source.calibrationSessionId : null,
        },
      },
    ],
    promotion.now,
  );
  return { applied: true, from };
}

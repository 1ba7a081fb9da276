import { db } from "~/db/client.server";
import type { PromoteOutcome } from "~/modules/calibration/promotion-route.server";
import { chunks } from "~/utils/chunks";
import { nominateFromCalibration } from "./nominations.server";
import { calibrationDecides, promotionModeFor, takesNominations } from "./policy";
import { upcomingWindows } from "./windows.server";

/**
 * Calibration's released "promote" outcomes on ladders that committees decide: each becomes a
 * nomination into the ladder's next window taking nominations, once (a draft window's criteria
 * may still change); until one opens it waits (opening a window brings it in), and calibration
 * never applies it (calibration/promotion-route.server.ts). Answers the entries taken.
 */
export async function takeCalibrationPromotions(
  outcomes: readonly PromoteOutcome[],
  now: Date,
): Promise<ReadonlySet<string>> {
  const modes = await db.promotionSettings.findMany({ select: { scope: true, mode: true } });
  const taken = outcomes.filter(
    (outcome) => !calibrationDecides(promotionModeFor(outcome.ladderId, modes)),
  );
  if (taken.length === 0) return new Set();
  const nominated = new Set<string>();
  for (const ids of chunks(
    taken.map((outcome) => outcome.entryId),
    5000,
  )) {
    for (const row of await db.promotionNomination.findMany({
      where: { calibrationEntryId: { in: ids } },
      select: { calibrationEntryId: true },
    }))
      nominated.add(row.calibrationEntryId!);
  }
  const windows = new Map<
    string,
    Awaited<ReturnType<typeof upcomingWindows>>[number] | undefined
  >();
  for (const outcome of taken) {
    if (nominated.has(outcome.entryId)) continue;
    if (!windows.has(outcome.ladderId))
      windows.set(
        outcome.ladderId,
        (await upcomingWindows(outcome.ladderId, now)).find((window) =>
          takesNominations(window, now),
        ),
      );
    const window = windows.get(outcome.ladderId);
    if (window) await db.$transaction((tx) => nominateFromCalibration(tx, outcome, window, now));
  }
  return new Set(taken.map((outcome) => outcome.entryId));
}

/** Of these promote outcomes, those on ladders committees decide: a committee, not calibration, gives the answer. */
export async function calibrationPromotionsDecidedHere(
  outcomes: readonly { entryId: string; ladderId: string }[],
): Promise<ReadonlySet<string>> {
  const modes = await db.promotionSettings.findMany({ select: { scope: true, mode: true } });
  return new Set(
    outcomes
      .filter((outcome) => !calibrationDecides(promotionModeFor(outcome.ladderId, modes)))
      .map((outcome) => outcome.entryId),
  );
}

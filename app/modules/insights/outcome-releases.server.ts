import type { Release } from "~/modules/disclosure/check";
import { cycleOutcomeRelease, type OutcomeEntry } from "~/modules/disclosure/outcomes";
import { ViewCache } from "~/platform/view-cache.server";
import type { InsightsScope } from "./policy";

/**
 * A cycle's outcome release, kept per scope, cycle and version of the data it reads (insightsVersion,
 * read before the entries): worked out lock by lock (decision 076), it takes seconds for a cycle of
 * thousands, and every admin's insights page and each of the cycle's fairness reports read the same one.
 */
const releases = new ViewCache<Release>({ entries: 64, maxAgeMs: 10 * 60 * 1000 });

export function keptOutcomeRelease(
  scope: InsightsScope,
  version: string,
  cycleId: string,
  entries: readonly OutcomeEntry[],
  floorOf: (personId: string) => number,
): Promise<Release> {
  const key = [scope.kind === "organisation" ? "" : scope.managerId, cycleId, version].join(
    "\u0000",
  );
  return releases.get(key, async () =>
    cycleOutcomeRelease(cycleId, entries, scope.kind === "organisation", floorOf),
  );
}

import { db } from "~/db/client.server";
import { auditDimensions, byPerson } from "~/modules/access-audit/units";
import {
  auditedPeople,
  groupChanges,
  levelChanges,
  managerChanges,
  teamNames,
} from "~/modules/access-audit/queries.server";
import { performanceBand, sessionScale } from "~/modules/calibration/scale";
import type { PersonFloors } from "~/modules/disclosure/floor";
import { outcomeDimensions, outcomeGroups } from "~/modules/disclosure/outcomes";
import { funnelSteps, groupLabel, labelledAudit } from "~/modules/equity/audit";
import { equityAuditOffLoop } from "~/modules/equity/off-loop.server";
import { isPromotion } from "~/modules/insights/insights.server";
import { calibrationInScope } from "~/modules/insights/queries.server";
import { levelStays } from "~/modules/insights/time-in-level";
import type { Ladder } from "~/modules/ladders";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { parseAttributes } from "~/modules/people/attributes";
import { groupsOverTime } from "~/modules/people/groups-over-time";
import { insideOrganisation, lineHistories, type Inside } from "~/modules/people/line-over-time";
import { presenceOf } from "~/modules/people/presence";
import { ViewCache } from "~/platform/view-cache.server";
import {
  HIGH_PERFORMANCE_STAGES,
  HIGH_POTENTIAL_STAGES,
  nineBoxGaps,
  nineBoxUnits,
  TIME_TO_PROMOTION,
  timeToPromotionUnits,
  type NineBoxOutcome,
  type TenurePerson,
} from "./career-audit-units";
import { countedInPromotionAudit, type PromotionAuditScope } from "./policy";
import { careerAuditVersion } from "./queries.server";

/**
 * The promotion audit's time to promotion and calibration's nine-box by group (issue 57, point 7;
 * decision 093): the units are career-audit-units.ts's, every figure `equityAudit`'s, and the one
 * thing computed here is the gap between two shares the check shows.
 */

const views = new ViewCache<Awaited<ReturnType<typeof computeCareerAudits>>>({
  entries: 32,
  maxAgeMs: 10 * 60 * 1000,
});

/** The time-to-promotion funnels and the nine-box for a scope, as of the start of `asOf`'s day, kept per scope, day and version. */
export async function careerAudits(
  scope: PromotionAuditScope,
  asOf: Date,
  floorOf: PersonFloors,
  ladders: readonly Ladder[],
  ladderHashes: string,
) {
  const key = [
    scope.kind === "line" ? scope.managerId : "",
    asOf.toISOString(),
    ladderHashes,
    await careerAuditVersion(),
    floorOf.key,
  ].join("\u0000");
  return views.get(key, () => computeCareerAudits(scope, asOf, floorOf, ladders));
}

async function computeCareerAudits(
  scope: PromotionAuditScope,
  asOf: Date,
  floorOf: PersonFloors,
  ladders: readonly Ladder[],
) {
  const [timeToPromotion, nineBox] = await Promise.all([
    timeToPromotionAudits(scope, asOf, floorOf, ladders),
    nineBoxAudits(scope, asOf, floorOf, ladders),
  ]);
  return { timeToPromotion, nineBox };
}

async function timeToPromotionAudits(
  scope: PromotionAuditScope,
  asOf: Date,
  floorOf: PersonFloors,
  ladders: readonly Ladder[],
) {
  const [everyone, changes, regroupings, teamName, moves] = await Promise.all([
    auditedPeople(),
    levelChanges(),
    groupChanges(),
    teamNames(),
    scope.kind === "line" ? managerChanges() : [],
  ]);
  const inside: ReadonlyMap<string, Inside[]> =
    scope.kind === "line"
      ? insideOrganisation(scope.managerId, lineHistories(everyone, moves))
      : new Map();
  const people = everyone.filter((person) =>
    countedInPromotionAudit(scope, person.id, inside.has(person.id)),
  );
  const dimensions = auditDimensions(people);
  const changesOf = byPerson(changes);
  const regroupingsOf = byPerson(regroupings);
  const tenure: TenurePerson[] = people.map((person) => {
    const own = changesOf.get(person.id) ?? [];
    return {
      id: person.id,
      stays: levelStays({
        id: person.id,
        createdAt: person.createdAt.getTime(),
        deactivatedAt: person.deactivatedAt?.getTime() ?? null,
        current: { track: person.track, level: person.level },
        levelSince: person.levelSince?.getTime() ?? null,
        changes: own.map((change) => ({
          at: change.changedAt.getTime(),
          from: { track: change.fromTrackId, level: change.fromLevelId },
          to: { track: change.toTrackId, level: change.toLevelId },
          promotion: isPromotion(ladders, change),
          fromSince: change.fromSince?.getTime() ?? null,
          // A leaving ends the stay and a return begins a new one, as time in level reads them: a reactivation does not make the person present throughout.
          presence: presenceOf(change.source),
        })),
      }),
      // A change from a place to itself is Rungs learning that the stay began on another day, unless it is a leaving or a return.
      corrections: own
        .filter(
          (change) =>
            change.fromTrackId === change.toTrackId &&
            change.fromLevelId === change.toLevelId &&
            !presenceOf(change.source),
        )
        .map((change) => change.changedAt.getTime()),
      groupsSince: groupsOverTime(
        person,
        [],
        regroupingsOf.get(person.id) ?? [],
        dimensions.filter((dimension) => dimension !== "track" && dimension !== "level"),
        (id) => teamName.get(id) ?? null,
      ),
      inside: inside.get(person.id),
    };
  });
  return Promise.all(
    TIME_TO_PROMOTION.map(async (funnel) => ({
      id: funnel.id,
      steps: funnelSteps(funnel.stages),
      audit: labelledAudit(
        await equityAuditOffLoop(
          { name: `promotions-${funnel.id}`, stages: funnel.stages, dimensions },
          timeToPromotionUnits(tenure, funnel.months, funnel.stages, asOf),
          floorOf,
        ),
        ladders,
      ),
    })),
  );
}

async function nineBoxAudits(
  scope: PromotionAuditScope,
  asOf: Date,
  floorOf: PersonFloors,
  ladders: readonly Ladder[],
) {
  const rows = (
    await calibrationInScope(
      scope.kind === "line"
        ? { kind: "reports", managerId: scope.managerId }
        : { kind: "organisation" },
    )
  ).filter((row) => countedInPromotionAudit(scope, row.personId, true));
  const sessionIds = [...new Set(rows.map((row) => row.sessionId))];
  const [sessions, placed] = await Promise.all([
    db.calibrationSession.findMany({
      where: { id: { in: sessionIds }, secondDimension: { not: null } },
      select: { id: true, scaleId: true, ladderVersionId: true },
    }),
    db.calibrationEntry.findMany({
      where: { sessionId: { in: sessionIds } },
      select: { sessionId: true, personId: true, finalSecond: true },
    }),
  ]);
  const seconds = new Map(
    placed.map((entry) => [`${entry.sessionId}:${entry.personId}`, entry.finalSecond]),
  );
  const pointsOf = new Map(
    await Promise.all(
      sessions.map(
        async (session) =>
          [
            session.id,
            sessionScale(await requireLadderOfVersion(session.ladderVersionId), session.scaleId)
              .points,
          ] as const,
      ),
    ),
  );
  const entries = rows.flatMap((row) => {
    const points = pointsOf.get(row.sessionId);
    // A session on no nine-box, or one whose lock Rungs did not record (set up outside it), is not read: it cannot be dated.
    if (!points || row.lockedAt === null) return [];
    return [{ ...row, attributes: parseAttributes(row.attributes), points }];
  });
  const dimensions = outcomeDimensions(entries);
  const outcomes: NineBoxOutcome[] = entries.map((entry) => ({
    personId: entry.personId,
    cycleId: entry.cycleId,
    sessionId: entry.sessionId,
    lockedAt: entry.lockedAt!,
    band: entry.finalRating === null ? null : performanceBand(entry.finalRating, entry.points),
    second: seconds.get(`${entry.sessionId}:${entry.personId}`) ?? null,
    groups: outcomeGroups(entry, dimensions),
  }));
  const units = nineBoxUnits(outcomes, asOf);
  const [performance, potential] = await Promise.all([
    equityAuditOffLoop(
      { name: "promotions-nineBoxPerformance", stages: HIGH_PERFORMANCE_STAGES, dimensions },
      units.performance,
      floorOf,
    ),
    equityAuditOffLoop(
      { name: "promotions-nineBoxPotential", stages: HIGH_POTENTIAL_STAGES, dimensions },
      units.potential,
      floorOf,
    ),
  ]);
  const gaps = nineBoxGaps(performance, potential);
  return {
    audits: [
      {
        id: "nineBoxPerformance" as const,
        steps: funnelSteps(HIGH_PERFORMANCE_STAGES),
        audit: labelledAudit(performance, ladders),
      },
      {
        id: "nineBoxPotential" as const,
        steps: funnelSteps(HIGH_POTENTIAL_STAGES),
        audit: labelledAudit(potential, ladders),
      },
    ],
    gaps: {
      total: gaps.total,
      dimensions: gaps.dimensions.map((dimension) => ({
        ...dimension,
        groups: dimension.groups.map((group) => ({
          ...group,
          label: groupLabel(ladders, dimension.id, group.value),
        })),
      })),
    },
  };
}

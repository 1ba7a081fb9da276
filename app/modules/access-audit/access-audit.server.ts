import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { mayLag } from "~/db/replicas.server";
import { personFloors } from "~/modules/disclosure/floors.server";
import { SMALL_GROUP_FLOOR, type PersonFloors } from "~/modules/disclosure/floor";
import { funnelSteps, labelledAudit, listedAudits, type AuditUnit } from "~/modules/equity/audit";
import { equityAuditOffLoop } from "~/modules/equity/off-loop.server";
import { NotFoundError } from "~/modules/errors";
import { keyResultHoldings } from "~/modules/goals/goals.server";
import { interviewerStaffings, interviewerTrainingHistory } from "~/modules/hiring/panels.server";
import type { Viewer } from "~/modules/identity/policy";
import { servedLadders, servedLaddersIn } from "~/modules/ladders/registry.server";
import { opportunityAccess } from "~/modules/opportunities/opportunities.server";
import { groupsOverTime } from "~/modules/people/groups-over-time";
import { insideOrganisation, lineHistories, type Inside } from "~/modules/people/line-over-time";
import { presenceOf, presenceSpans } from "~/modules/people/presence";
import { sponsorshipSpans } from "~/modules/sponsorship/sponsorship.server";
import * as clock from "~/platform/clock.server";
import { ViewCache } from "~/platform/view-cache.server";
import { accessAuditScope, countedInScope, type AccessAuditScope } from "./policy";
import { hasReports } from "~/modules/people/queries.server";
import {
  accessAuditVersion,
  auditedPeople,
  groupChanges,
  levelChanges,
  managerChanges,
  teamNames,
} from "./queries.server";
import {
  auditDimensions,
  byPerson,
  dayOf,
  INTERVIEWER_TRAINING_STAGES,
  interviewerTrainingUnits,
  INTERVIEWING_STAGES,
  interviewingUnits,
  KEY_RESULT_STAGES,
  keyResultUnits,
  OPPORTUNITY_STAGES,
  opportunityUnits,
  SPONSORSHIP_STAGES,
  sponsorshipUnits,
  type AccessStage,
  type AuditedPerson,
} from "./units";
import { largest } from "~/utils/extremes";

/**
 * The audit of fair access (issue 58, point 5; decision 092): who saw, applied for and was chosen
 * for stretch work, who among the people in the audit has an active sponsor, who is asked to
 * interview and who is trained to, who owns or contributes to a key result that matters (issue 82,
 * point 7; decision 111), by team, track, level and imported attribute. Every figure is `equityAudit`'s (decision 083: rates, intervals,
 * the four-fifths rule and the disclosure check over time); this module only says who is audited
 * and what happened to them when.
 */

/**
 * One funnel of the access audit: its stages and how its units are built from the audited people.
 * A new source joins this list and the page shows it like the others (its words under
 * `accessAudit:audits.<id>` and `accessAudit:stages`). Interview panels are two funnels, not one:
 * someone may be qualified without having interviewed lately, and interview without being trained,
 * so neither stage lies on the way to the other.
 */
export type AccessAuditId =
  "opportunities" | "sponsorship" | "interviewing" | "interviewerTraining" | "keyResults";

export type AccessAuditSource = {
  id: AccessAuditId;
  stages: readonly AccessStage[];
  units: (people: readonly AuditedPerson[], asOf: Date) => Promise<AuditUnit[]>;
};

export const ACCESS_AUDIT_SOURCES: readonly AccessAuditSource[] = [
  {
    id: "opportunities",
    stages: OPPORTUNITY_STAGES,
    units: async (people, asOf) => opportunityUnits(people, await opportunityAccess(), asOf),
  },
  {
    id: "sponsorship",
    stages: SPONSORSHIP_STAGES,
    units: async (people, asOf) => sponsorshipUnits(people, await sponsorshipSpans(), asOf),
  },
  {
    id: "interviewing",
    stages: INTERVIEWING_STAGES,
    units: async (people, asOf) => interviewingUnits(people, await interviewerStaffings(), asOf),
  },
  {
    id: "interviewerTraining",
    stages: INTERVIEWER_TRAINING_STAGES,
    units: async (people, asOf) => {
      const { log, stages } = await interviewerTrainingHistory();
      return interviewerTrainingUnits(people, log, stages, asOf);
    },
  },
  {
    id: "keyResults",
    stages: KEY_RESULT_STAGES,
    units: async (people, asOf) => keyResultUnits(people, await keyResultHoldings(), asOf),
  },
];

export async function requireAccessAuditScope(viewer: Viewer): Promise<AccessAuditScope> {
  const scope = accessAuditScope(viewer, {
    hasReports: viewer.isAdmin ? false : await hasReports(viewer.id),
  });
  if (!scope) throw new NotFoundError();
  return scope;
}

/**
 * Views kept per scope, day and version of what they read, as insights keeps its own (decision 023):
 * the audit's check over time is the costly part (decision 083), and a day's view changes only when
 * the data does. Each server keeps its own.
 */
const views = new ViewCache<Awaited<ReturnType<typeof computeView>>>({
  entries: 32,
  maxAgeMs: 10 * 60 * 1000,
});

/**
 * `language`: the reader's, for the ladder's track and level names; the figures are the same in every one. `all`: the
 * dimension listed whole (listedAudit).
 */
export async function accessAuditView(
  viewer: Viewer,
  options: { now?: Date; language?: PageLanguage; all?: string | null } = {},
) {
  const language = options.language ?? SOURCE_LANGUAGE;
  const scope = await requireAccessAuditScope(viewer);
  const asOf = dayOf(options.now ?? clock.now());
  const sources = ACCESS_AUDIT_SOURCES;
  // Who may read it (above) and the floors, a disclosure decision, are read on the primary. The
  // records counted, up to yesterday, may be a moment old: with read replicas they and their
  // version (the kept view's key, so a view is kept under the version it was read at) are read on
  // one (decision 116).
  const [version, ladderHashes, floorOf] = await Promise.all([
    mayLag(accessAuditVersion),
    servedLadders().then((served) => served.map((entry) => entry.hash).join(",")),
    personFloors(),
  ]);
  const key = [
    scope.kind === "line" ? scope.managerId : "",
    asOf.toISOString(),
    sources.map((source) => source.id).join(","),
    ladderHashes,
    version,
    floorOf.key,
    language,
  ].join("\u0000");
  const view = await views.get(key, () =>
    mayLag(() => computeView(scope, asOf, sources, floorOf, language)),
  );
  return {
    ...view,
    audits: listedAudits(view.audits, options.all),
  };
}

async function computeView(
  scope: AccessAuditScope,
  asOf: Date,
  sources: readonly AccessAuditSource[],
  floorOf: PersonFloors,
  language: PageLanguage,
) {
  const [everyone, changes, regroupings, teams, moves, ladders] = await Promise.all([
    auditedPeople(),
    levelChanges(),
    groupChanges(),
    teamNames(),
    scope.kind === "line" ? managerChanges() : [],
    servedLaddersIn(language).then((served) => served.map((entry) => entry.ladder)),
  ]);
  // Who was in the manager's organisation when, from the reporting line's history (as insights reads it).
  const inside: ReadonlyMap<string, Inside[]> =
    scope.kind === "line"
      ? insideOrganisation(scope.managerId, lineHistories(everyone, moves))
      : new Map();
  const inScope = everyone.filter((person) =>
    countedInScope(scope, person.id, inside.has(person.id)),
  );
  const changesOf = byPerson(changes);
  const regroupingsOf = byPerson(regroupings);
  const dimensions = auditDimensions(inScope);
  // Each person's groups as they were on each day: team, attributes, track and level from their recorded changes (decision 092); when they were away, from the leavings and returns among them.
  const people: AuditedPerson[] = inScope.map((person) => ({
    id: person.id,
    createdAt: person.createdAt,
    present: presenceSpans(person, changesOf.get(person.id) ?? []),
    inside: inside.get(person.id),
    // A leaving row is written at the return, at the place the person returns to: it says nothing of their level before.
    groupsSince: groupsOverTime(
      person,
      (changesOf.get(person.id) ?? []).filter((change) => !presenceOf(change.source)),
      regroupingsOf.get(person.id) ?? [],
      dimensions,
      (id) => teams.get(id) ?? null,
    ),
  }));
  const audits = await Promise.all(
    sources.map(async (source) => {
      const audit = await equityAuditOffLoop(
        { name: `access-${source.id}`, stages: source.stages, dimensions },
        await source.units(people, asOf),
        floorOf,
      );
      return {
        id: source.id,
        steps: funnelSteps(source.stages),
        audit: labelledAudit(audit, ladders),
      };
    }),
  );
  return {
    scope: scope.kind,
    asOf: asOf.toISOString().slice(0, 10),
    floor: largest(
      inScope.map((person) => floorOf(person.id)),
      SMALL_GROUP_FLOOR,
    ),
    audits,
  };
}

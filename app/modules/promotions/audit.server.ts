import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import { auditedPeople, managerChanges } from "~/modules/access-audit/queries.server";
import { personFloors } from "~/modules/disclosure/floors.server";
import { SMALL_GROUP_FLOOR, type PersonFloors } from "~/modules/disclosure/floor";
import { funnelSteps, labelledAudit, listedAudits, type AuditRate } from "~/modules/equity/audit";
import { equityAuditOffLoop } from "~/modules/equity/off-loop.server";
import { NotFoundError } from "~/modules/errors";
import { servedLadders, servedLaddersIn } from "~/modules/ladders/registry.server";
import { parseAttributes } from "~/modules/people/attributes";
import { insideOrganisation, lineHistories } from "~/modules/people/line-over-time";
import { hasReports } from "~/modules/people/queries.server";
import * as clock from "~/platform/clock.server";
import { ViewCache } from "~/platform/view-cache.server";
import {
  auditDimensions,
  baseDimensions,
  NOMINATION_STAGES,
  promotionAuditUnits,
  PUT_FORWARD_STAGES,
  splitDimension,
  WINDOW_DIMENSION,
  type EligibleRow,
  type PromotionAuditStage,
} from "./audit-units";
import {
  countedInPromotionAudit,
  openingRecordsAuditStep,
  promotionAuditScope,
  windowAuditScope,
  type PromotionAuditScope,
  type PromotionViewer,
} from "./policy";
import { careerAudits } from "./career-audit.server";
import { promotionAuditVersion } from "./queries.server";
import { recordPromotionEvent } from "./windows.server";
import { largest } from "~/utils/extremes";

/**
 * The promotion audit (issue 57, point 7; decision 093): who among the eligible was nominated, who
 * was put forward by someone else, and who was promoted, per window and across windows, by team,
 * track, level and imported attribute. Every figure is `equityAudit`'s (decision 083); this module
 * says who is audited and what happened to them when, who reads it, and records the chair's reading.
 */

export type PromotionAuditId = "nominations" | "putForward";

const SOURCES: readonly { id: PromotionAuditId; stages: readonly PromotionAuditStage[] }[] = [
  { id: "nominations", stages: NOMINATION_STAGES },
  { id: "putForward", stages: PUT_FORWARD_STAGES },
];

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);

async function scopeFor(
  viewer: PromotionViewer,
  chairOfWindow: boolean,
): Promise<PromotionAuditScope> {
  const scope = promotionAuditScope(viewer, {
    chairOfWindow,
    hasReports: viewer.isAdmin || chairOfWindow ? false : await hasReports(viewer.id),
  });
  if (!scope) throw new NotFoundError();
  return scope;
}

/** The viewer's scope over one window's audit (windowAuditScope), or null. */
async function windowAuditScopeFor(
  viewer: PromotionViewer,
  window: { openedAt: Date | null; chairOfWindow: boolean },
): Promise<PromotionAuditScope | null> {
  const asksReports = window.openedAt !== null && !viewer.isAdmin && !window.chairOfWindow;
  return windowAuditScope(viewer, {
    opened: window.openedAt !== null,
    chairOfWindow: window.chairOfWindow,
    hasReports: asksReports ? await hasReports(viewer.id) : false,
  });
}

/** Whether the viewer reads the audit across windows (the process page links it for them). */
export async function readsPromotionAudit(viewer: PromotionViewer): Promise<boolean> {
  return (
    promotionAuditScope(viewer, {
      chairOfWindow: false,
      hasReports: viewer.isAdmin ? false : await hasReports(viewer.id),
    }) !== null
  );
}

/** Views kept per scope, day and version, as the access audit keeps its own: the check over time is the costly part (decision 083). */
const views = new ViewCache<Awaited<ReturnType<typeof computeView>>>({
  entries: 32,
  maxAgeMs: 10 * 60 * 1000,
});

async function viewFor(
  scope: PromotionAuditScope,
  now: Date,
  floorOf: PersonFloors,
  language: PageLanguage,
) {
  const asOf = dayOf(now);
  const [version, ladderHashes] = await Promise.all([
    promotionAuditVersion(),
    servedLadders().then((served) => served.map((entry) => entry.hash).join(",")),
  ]);
  const key = [
    scope.kind === "line" ? scope.managerId : "",
    asOf.toISOString(),
    ladderHashes,
    version,
    floorOf.key,
    language,
  ].join("\u0000");
  return views.get(key, () => computeView(scope, asOf, floorOf, language));
}

async function computeView(
  scope: PromotionAuditScope,
  asOf: Date,
  floorOf: PersonFloors,
  language: PageLanguage,
) {
  const [windows, rows, nominations, teams, ladders] = await Promise.all([
    db.promotionWindow.findMany({
      where: { openedAt: { not: null } },
      select: { id: true, name: true, openedAt: true },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    }),
    db.promotionEligible.findMany({
      select: {
        windowId: true,
        personId: true,
        trackId: true,
        levelId: true,
        teamId: true,
        attributes: true,
      },
    }),
    db.promotionNomination.findMany({
      select: {
        windowId: true,
        nomineeId: true,
        kind: true,
        createdAt: true,
        decision: { select: { outcome: true, releasedAt: true } },
      },
    }),
    db.team.findMany({ select: { id: true, name: true } }),
    servedLaddersIn(language).then((served) => served.map((entry) => entry.ladder)),
  ]);
  const opened = windows.map((window) => ({ id: window.id, openedAt: window.openedAt! }));
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  let counted = (_row: { windowId: string; personId: string }) => true;
  if (scope.kind === "line") {
    const [everyone, moves] = await Promise.all([auditedPeople(), managerChanges()]);
    const inside = insideOrganisation(scope.managerId, lineHistories(everyone, moves));
    const openedAt = new Map(opened.map((window) => [window.id, window.openedAt.getTime()]));
    counted = (row) => {
      const at = openedAt.get(row.windowId) ?? 0;
      const under = (inside.get(row.personId) ?? []).some(
        (span) =>
          (span.since === null || span.since <= at) && (span.until === null || at < span.until),
      );
      return countedInPromotionAudit(scope, row.personId, under);
    };
  }
  const eligible: EligibleRow[] = rows.filter(counted).map((row) => ({
    windowId: row.windowId,
    personId: row.personId,
    team: row.teamId ? (teamName.get(row.teamId) ?? null) : null,
    track: row.trackId,
    level: row.levelId,
    attributes: parseAttributes(row.attributes),
  }));
  const base = baseDimensions(eligible);
  const dimensions = auditDimensions(base, opened);
  const units = promotionAuditUnits(
    opened,
    eligible,
    nominations.map((row) => ({
      windowId: row.windowId,
      nomineeId: row.nomineeId,
      kind: row.kind,
      createdAt: row.createdAt,
      promotedAt: row.decision?.outcome === "promote" ? row.decision.releasedAt : null,
    })),
    base,
    asOf,
  );
  const windowName = new Map(windows.map((window) => [window.id, window.name]));
  return {
    scope: scope.kind,
    asOf: asOf.toISOString().slice(0, 10),
    floor: largest(
      eligible.map((row) => floorOf(row.personId)),
      SMALL_GROUP_FLOOR,
    ),
    audits: await Promise.all(
      SOURCES.map(async (source) => ({
        id: source.id,
        steps: funnelSteps(source.stages),
        audit: labelledAudit(
          await equityAuditOffLoop(
            { name: `promotions-${source.id}`, stages: source.stages, dimensions },
            units[source.id],
            floorOf,
          ),
          ladders,
          {
            baseOf: (dimension) => splitDimension(dimension)?.dimension ?? dimension,
            other: (base, value) => (base === WINDOW_DIMENSION ? windowName.get(value) : undefined),
          },
        ),
      })),
    ),
  };
}

type View = Awaited<ReturnType<typeof computeView>>;
type LabelledAudit = View["audits"][number]["audit"];

/** What the page across windows shows: everyone, each base dimension, and each window's total as a row of its own. */
function acrossWindows(audit: LabelledAudit): LabelledAudit {
  return {
    ...audit,
    dimensions: audit.dimensions.filter((dimension) => splitDimension(dimension.id) === null),
  };
}

/** What one window's page shows: its total (its row among the windows) and its own dimensions, named as the base ones. */
function ofWindow(audit: LabelledAudit, windowId: string): LabelledAudit {
  const row = audit.dimensions
    .find((dimension) => dimension.id === WINDOW_DIMENSION)
    ?.groups.find((group) => group.value === windowId);
  const steps: AuditRate[] | null = row?.steps
    ? row.steps.map(({ from, to, n, successes, band, rate }) => ({
        from,
        to,
        n,
        successes,
        band,
        rate,
      }))
    : null;
  return {
    ...audit,
    total: { shown: row?.shown ?? false, steps },
    dimensions: audit.dimensions.flatMap((dimension) => {
      const own = splitDimension(dimension.id);
      return own?.windowId === windowId ? [{ ...dimension, id: own.dimension }] : [];
    }),
  };
}

/**
 * The audit across windows: admins the organisation's, a manager their own organisation's. Each
 * opening is kept (who read it, when). `language`: the reader's, for the ladder's track and level
 * names; the figures are the same in every one. `all`: the dimension listed whole (listedAudit).
 */
export async function promotionAuditView(
  viewer: PromotionViewer,
  options: { now?: Date; language?: PageLanguage; all?: string | null } = {},
) {
  const scope = await scopeFor(viewer, false);
  const now = options.now ?? clock.now();
  const language = options.language ?? SOURCE_LANGUAGE;
  const [floorOf, served] = await Promise.all([personFloors(), servedLaddersIn(language)]);
  const view = await viewFor(scope, now, floorOf, language);
  const careers = await careerAudits(
    scope,
    dayOf(now),
    floorOf,
    served.map((entry) => entry.ladder),
    `${served.map((entry) => entry.hash).join(",")}:${language}`,
  );
  await db.promotionAuditView.create({
    data: { windowId: null, viewerId: viewer.id, openedAt: now },
  });
  return {
    ...view,
    audits: listedAudits(view.audits, options.all, acrossWindows),
    timeToPromotion: listedAudits(careers.timeToPromotion, options.all),
    nineBox: { ...careers.nineBox, audits: listedAudits(careers.nineBox.audits, options.all) },
  };
}

/**
 * One window's audit: admins and the window's chair over everyone it could promote, a manager over
 * their own organisation. The chair's first opening is a step of the window, recorded in its history
 * (the window closes only after it); every opening is kept.
 */
export async function windowAuditView(
  viewer: PromotionViewer,
  windowId: string,
  options: { now?: Date; language?: PageLanguage; all?: string | null } = {},
) {
  const window = await db.promotionWindow.findUnique({
    where: { id: windowId },
    select: {
      id: true,
      name: true,
      state: true,
      openedAt: true,
      members: { where: { personId: viewer.id }, select: { role: true } },
      events: { where: { kind: "audit-opened" }, select: { id: true }, take: 1 },
    },
  });
  if (!window) throw new NotFoundError({ key: "promotions:errors.noSuchWindow" });
  const isChair = window.members.some((member) => member.role === "chair");
  const scope = await windowAuditScopeFor(viewer, {
    openedAt: window.openedAt,
    chairOfWindow: isChair,
  });
  if (!scope) throw new NotFoundError({ key: "promotions:errors.noSuchWindow" });
  const now = options.now ?? clock.now();
  await db.$transaction(async (tx) => {
    await tx.promotionAuditView.create({ data: { windowId, viewerId: viewer.id, openedAt: now } });
    if (
      openingRecordsAuditStep({
        isChair,
        windowState: window.state,
        alreadyOpenedByChair: window.events.length > 0,
      })
    ) {
      await recordPromotionEvent(tx, {
        windowId,
        actorId: viewer.id,
        kind: "audit-opened",
        at: now,
      });
      await tx.promotionWindow.update({
        where: { id: windowId },
        data: { auditOpenedAt: now, auditOpenedById: viewer.id },
      });
    }
  });
  const [view, readsAcross] = await Promise.all([
    personFloors().then((floorOf) =>
      viewFor(scope, now, floorOf, options.language ?? SOURCE_LANGUAGE),
    ),
    readsPromotionAudit(viewer),
  ]);
  return {
    ...view,
    window: { id: window.id, name: window.name },
    chair: isChair,
    readsAcross,
    audits: listedAudits(view.audits, options.all, (audit) => ofWindow(audit, windowId)),
  };
}

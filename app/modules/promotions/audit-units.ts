import type { AuditState, AuditUnit } from "~/modules/equity/audit";

/**
 * The units of the promotion audit, built from what Rungs recorded (pure; decision 093). One unit per
 * person and window they were eligible in (the people a window could promote, kept as they were when
 * it opened), the person carried so floors count people. Their groups are the ones kept at opening,
 * so nothing regroups a window's figures later. Every change is dated by the day Rungs learned it
 * (eligible when the window opened, nominated when the nomination was made, promoted when the
 * decision was released to the nominee) and only days before `asOf` are read, as the access audit
 * reads its own (decision 092). The rates, intervals and flags are `equityAudit`'s.
 *
 * Every window and the windows together are one audit: a window's rows are the groups of dimensions
 * of its own (`team@<window>`, in which the people of other windows have no group and are withheld),
 * and the windows themselves are a dimension. So the one disclosure check sees each window's figures
 * beside the figures across windows, and no window's hidden group is the difference of the two.
 */

/** Who among the eligible was nominated (by anyone, withdrawn nominations included), and who of them was promoted. */
export const NOMINATION_STAGES = ["eligible", "nominated", "promoted"] as const;
/** Who among the eligible was put forward by someone else: their manager chain, a sponsor, or calibration. */
export const PUT_FORWARD_STAGES = ["eligible", "putForward"] as const;
export type PromotionAuditStage =
  (typeof NOMINATION_STAGES)[number] | (typeof PUT_FORWARD_STAGES)[number];

export const BASE_DIMENSIONS = ["team", "track", "level"] as const;
export const WINDOW_DIMENSION = "window";

/** A dimension of one window's own rows: the base dimension, then `@` and the window's id. */
export const windowDimension = (dimension: string, windowId: string) => `${dimension}@${windowId}`;

/** The base dimension and window of a window's own dimension, or null for a dimension across windows. */
export function splitDimension(dimension: string): { dimension: string; windowId: string } | null {
  const at = dimension.lastIndexOf("@");
  return at < 0 ? null : { dimension: dimension.slice(0, at), windowId: dimension.slice(at + 1) };
}

export type EligibleRow = {
  windowId: string;
  personId: string;
  team: string | null;
  track: string | null;
  level: string | null;
  attributes: Readonly<Record<string, string>>;
};
export type NominationRow = {
  windowId: string;
  nomineeId: string;
  kind: string;
  createdAt: Date;
  promotedAt: Date | null;
};
export type AuditWindow = { id: string; openedAt: Date };

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);

/** The base dimensions, and each imported attribute any eligible person has (sorted). */
export function baseDimensions(eligible: readonly EligibleRow[]): string[] {
  const attributes = [...new Set(eligible.flatMap((row) => Object.keys(row.attributes)))].sort();
  return [...BASE_DIMENSIONS, ...attributes.map((name) => `attribute:${name}`)];
}

/** Every dimension of the audit: the base ones across windows, the windows, and each window's own. */
export function auditDimensions(
  base: readonly string[],
  windows: readonly AuditWindow[],
): string[] {
  return [
    ...base,
    WINDOW_DIMENSION,
    ...windows.flatMap((window) => base.map((dimension) => windowDimension(dimension, window.id))),
  ];
}

function groupsOf(
  row: EligibleRow,
  base: readonly string[],
  windows: readonly AuditWindow[],
): Record<string, string | null> {
  const own = (dimension: string): string | null =>
    dimension === "team"
      ? row.team
      : dimension === "track"
        ? row.track
        : dimension === "level"
          ? row.level
          : (row.attributes[dimension.slice("attribute:".length)] ?? null);
  const groups: Record<string, string | null> = { [WINDOW_DIMENSION]: row.windowId };
  for (const dimension of base) {
    groups[dimension] = own(dimension);
    for (const window of windows)
      groups[windowDimension(dimension, window.id)] =
        window.id === row.windowId ? own(dimension) : null;
  }
  return groups;
}

/**
 * A unit's history from its dated stages (in the funnel's order): at the end of each day the
 * furthest stage reached so far, from the day the window opened (a nomination recorded before it,
 * as calibration's waiting ones are, counts from the opening); days from `asOf` on are not read.
 */
function history(
  stages: readonly string[],
  opened: Date,
  events: readonly { at: Date; stage: string }[],
  groups: Readonly<Record<string, string | null>>,
  asOf: Date,
): { at: Date; state: AuditState }[] {
  const start = dayOf(opened).getTime();
  const byDay = new Map<number, number>([[start, 0]]);
  for (const event of events) {
    const day = Math.max(start, dayOf(event.at).getTime());
    byDay.set(day, Math.max(byDay.get(day) ?? 0, stages.indexOf(event.stage)));
  }
  const kept: { at: Date; state: AuditState }[] = [];
  let furthest = -1;
  for (const [day, reached] of [...byDay].sort((a, b) => a[0] - b[0])) {
    if (day >= asOf.getTime() || reached <= furthest) continue;
    furthest = reached;
    kept.push({ at: new Date(day), state: { stage: stages[reached]!, groups } });
  }
  return kept;
}

/**
 * The units of both funnels. `eligible`: the rows counted in the reader's scope; `nominations`: every
 * nomination of those windows; `promotedAt`: when a "promote" decision was released (null otherwise).
 */
export function promotionAuditUnits(
  windows: readonly AuditWindow[],
  eligible: readonly EligibleRow[],
  nominations: readonly NominationRow[],
  base: readonly string[],
  asOf: Date,
): { nominations: AuditUnit[]; putForward: AuditUnit[] } {
  const openedAt = new Map(windows.map((window) => [window.id, window.openedAt]));
  const nominationOf = new Map(
    nominations.map((nomination) => [`${nomination.windowId}:${nomination.nomineeId}`, nomination]),
  );
  const units = { nominations: [] as AuditUnit[], putForward: [] as AuditUnit[] };
  for (const row of eligible) {
    const opened = openedAt.get(row.windowId);
    if (!opened) continue;
    const id = `${row.windowId}:${row.personId}`;
    const groups = groupsOf(row, base, windows);
    const nomination = nominationOf.get(id);
    const nominated = nomination
      ? [
          { at: nomination.createdAt, stage: "nominated" },
          ...(nomination.promotedAt ? [{ at: nomination.promotedAt, stage: "promoted" }] : []),
        ]
      : [];
    const byOthers =
      nomination && nomination.kind !== "self"
        ? [{ at: nomination.createdAt, stage: "putForward" }]
        : [];
    const first = history(NOMINATION_STAGES, opened, nominated, groups, asOf);
    if (first.length) units.nominations.push({ id, person: row.personId, history: first });
    const second = history(PUT_FORWARD_STAGES, opened, byOthers, groups, asOf);
    if (second.length) units.putForward.push({ id, person: row.personId, history: second });
  }
  return units;
}

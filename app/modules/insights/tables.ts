import { wordsOf, type Message } from "~/i18n/messages";
import type { CsvValue } from "~/utils/csv";
import type { Proportion } from "~/modules/statistics/intervals";
import type { FunnelStageRow, validityOverTime } from "./hiring";
import type { MentoringComparison } from "./mentoring";
import type { CycleBreakdown, CycleOutcomes } from "./outcomes";
import type { ManagerShift, ShiftReport } from "./shift";
import type { CurvePoint } from "./time-in-level";

/**
 * The insights page's tables as rows of values: what each CSV download holds, and the text
 * alternative of each chart. A row the disclosure check hides keeps its name and, where it counts
 * people, their number (who is in a group is no secret), and nothing measured of them: no stays,
 * promotions, rates, intervals or counts of what happened to them. Pure.
 *
 * A row label or note is a message, worded by the caller: the CSV in the downloader's language, the
 * API in English. Each such column has a code column, last, the same in every language (decision 124).
 */

export const INSIGHT_TABLES = [
  "time-in-level",
  "time-in-level-curves",
  "outcomes-by-cycle",
  "outcomes-by-group",
  "calibration-shift",
  "mentoring",
  "hiring-validity",
  "hiring-funnel",
] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];

export type Cell = CsvValue | Message;
export type Table = { columns: string[]; rows: Cell[][] };

/** What the tables read of the insights view (insights.server.ts builds it). */
export type InsightTablesInput = {
  floor: number;
  timeInLevel: readonly {
    track: string;
    trackName: string;
    levels: readonly {
      level: string;
      levelName: string;
      n: number | null;
      promotions: number | null;
      unknownStarts: number | null;
      suppressed: boolean;
      median: number | null;
      medianInterval: [number | null, number | null] | null;
      points: readonly CurvePoint[];
    }[];
  }[];
  outcomesByCycle: readonly CycleOutcomes[];
  outcomesByGroup: CycleBreakdown | null;
  mentoring: MentoringComparison;
  hiring: {
    validity: ReturnType<typeof validityOverTime>;
    funnel: readonly FunnelStageRow[];
  } | null;
  shift: Omit<ShiftReport, "managers"> & { managers: readonly (ManagerShift & { name: string })[] };
};

/** The rows with each message worded in `t`'s language; figures and codes as they are. */
export function wordedRows(
  t: Parameters<typeof wordsOf>[0],
  rows: readonly Cell[][],
): CsvValue[][] {
  return rows.map((row) =>
    row.map((cell) => (cell !== null && typeof cell === "object" ? wordsOf(t, cell) : cell)),
  );
}

const round = (value: number | null | undefined, digits = 4) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : Number(value.toFixed(digits));
const proportion = (value: Proportion | null | undefined): CsvValue[] =>
  value
    ? [round(value.estimate), round(value.interval[0]), round(value.interval[1])]
    : [null, null, null];
const shownNote = (hidden: boolean, floor: number): Message =>
  hidden
    ? { key: "insights:export.cells.hidden", values: { floor } }
    : { key: "insights:export.cells.shown" };
/** The code beside a `shown` column: `shown` or `hidden`. */
const disclosure = (hidden: boolean) => (hidden ? "hidden" : "shown");
const BY: Record<string, Message> = {
  team: { key: "insights:export.cells.by.team" },
  track: { key: "insights:export.cells.by.track" },
  level: { key: "insights:export.cells.by.level" },
};

export function insightTable(view: InsightTablesInput, table: InsightTable): Table {
  const floor = view.floor;
  switch (table) {
    case "time-in-level":
      return {
        columns: [
          "track",
          "level",
          "stays",
          "promotions",
          "stays with no known start",
          "median days to promotion",
          "median lower (95%)",
          "median upper (95%)",
          "shown",
          "track id",
          "level id",
          "disclosure",
        ],
        rows: view.timeInLevel.flatMap((track) =>
          track.levels.map((level) => [
            track.trackName,
            level.levelName,
            level.n,
            level.promotions,
            level.unknownStarts,
            level.median,
            level.medianInterval?.[0] ?? null,
            level.medianInterval?.[1] ?? null,
            shownNote(level.suppressed, floor),
            track.track,
            level.level,
            disclosure(level.suppressed),
          ]),
        ),
      };
    case "time-in-level-curves":
      return {
        columns: [
          "track",
          "level",
          "day",
          "still at level",
          "lower (95%)",
          "upper (95%)",
          "track id",
          "level id",
        ],
        rows: view.timeInLevel.flatMap((track) =>
          track.levels.flatMap((level) =>
            level.points.map(([day, survival, lower, upper]) => [
              track.trackName,
              level.levelName,
              day,
              round(survival),
              round(lower),
              round(upper),
              track.track,
              level.level,
            ]),
          ),
        ),
      };
    case "outcomes-by-cycle":
      return {
        columns: [
          "cycle",
          "people",
          "promoted",
          "promoted lower",
          "promoted upper",
          "stay",
          "stay lower",
          "stay upper",
          "not ready",
          "not ready lower",
          "not ready upper",
          "shown",
          "disclosure",
        ],
        rows: view.outcomesByCycle.map((cycle) => [
          cycle.name,
          cycle.n,
          ...proportion(cycle.rates?.promote),
          ...proportion(cycle.rates?.stay),
          ...proportion(cycle.rates?.["not-ready"]),
          shownNote(cycle.suppressed, floor),
          disclosure(cycle.suppressed),
        ]),
      };
    case "outcomes-by-group": {
      const breakdown = view.outcomesByGroup;
      return {
        columns: [
          "cycle",
          "by",
          "group",
          "people",
          "promoted",
          "promoted lower",
          "promoted upper",
          "not ready",
          "not ready lower",
          "not ready upper",
          "shown",
          "by id",
          "group id",
          "disclosure",
        ],
        rows: breakdown
          ? breakdown.dimensions.flatMap((dimension) => [
              ...dimension.groups.map((group) => [
                breakdown.name,
                BY[dimension.id] ?? dimension.label,
                group.label,
                group.n,
                ...proportion(group.rates?.promote),
                ...proportion(group.rates?.["not-ready"]),
                shownNote(group.suppressed, floor),
                dimension.id,
                group.value,
                disclosure(group.suppressed),
              ]),
              ...(dimension.smallGroupsLeftOut
                ? [
                    [
                      breakdown.name,
                      BY[dimension.id] ?? dimension.label,
                      { key: "insights:export.cells.smallGroups", values: { floor } },
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      dimension.id,
                      null,
                      "not listed",
                    ],
                  ]
                : []),
            ])
          : [],
      };
    }
    case "mentoring": {
      const mentoring = view.mentoring;
      const mean = (value: { estimate: number; interval: [number, number] } | null): CsvValue[] => [
        round(value?.estimate),
        round(value?.interval[0]),
        round(value?.interval[1]),
      ];
      const shown = shownNote(mentoring.suppressed, floor);
      const code = disclosure(mentoring.suppressed);
      return {
        columns: [
          "group",
          "people",
          "goals compared",
          "mean change in goal rating",
          "lower (95%)",
          "upper (95%)",
          "shown",
          "group id",
          "disclosure",
        ],
        rows: [
          [
            { key: "insights:export.cells.mentees" },
            mentoring.mentees,
            mentoring.goals,
            ...mean(mentoring.menteeChange),
            shown,
            "mentees",
            code,
          ],
          [
            { key: "insights:export.cells.comparison" },
            mentoring.comparisonPeople,
            mentoring.goals,
            ...mean(mentoring.comparisonChange),
            shown,
            "comparison",
            code,
          ],
          [
            { key: "insights:export.cells.difference" },
            null,
            mentoring.goals,
            ...mean(mentoring.difference),
            shown,
            "difference",
            code,
          ],
        ],
      };
    }
    case "hiring-validity": {
      const coefficient = (
        value: { value: number; interval: [number, number] | null } | null,
      ): CsvValue[] => [
        round(value?.value),
        round(value?.interval?.[0]),
        round(value?.interval?.[1]),
      ];
      return {
        columns: [
          "year of decision",
          "hires",
          "pearson r",
          "r lower (95%)",
          "r upper (95%)",
          "spearman rho",
          "rho lower (95%)",
          "rho upper (95%)",
          "shown",
          "disclosure",
        ],
        rows: (view.hiring?.validity.periods ?? []).map((period) => [
          period.period,
          period.n,
          ...coefficient(period.pearson),
          ...coefficient(period.spearman),
          period.suppressed
            ? {
                key: "insights:export.cells.hiddenHires",
                values: { minN: view.hiring!.validity.minN },
              }
            : { key: "insights:export.cells.shown" },
          disclosure(period.suppressed),
        ]),
      };
    }
    case "hiring-funnel":
      return {
        columns: [
          "stage",
          "reached",
          "moved on",
          "rejected here",
          "open",
          "conversion",
          "conversion lower (95%)",
          "conversion upper (95%)",
          "shown",
          "stage id",
          "disclosure",
        ],
        rows: (view.hiring?.funnel ?? []).map((row) => [
          { key: `insights:export.cells.stage.${row.stage}` },
          row.reached,
          row.movedOn,
          row.rejected,
          row.open,
          ...proportion(row.conversion),
          shownNote(row.suppressed, floor),
          row.stage,
          disclosure(row.suppressed),
        ]),
      };
    case "calibration-shift":
      return {
        columns: [
          "manager",
          "calibrations (a person in a session)",
          "sessions",
          "mean shift (final − proposed rating)",
          "shift lower (95%)",
          "shift upper (95%)",
          "outcome changed",
          "changed lower",
          "changed upper",
          "shown",
          "row kind",
          "disclosure",
        ],
        rows: [
          [
            { key: "insights:export.cells.everyone" },
            view.shift.n,
            view.shift.sessions,
            round(view.shift.meanShift?.estimate),
            round(view.shift.meanShift?.interval[0]),
            round(view.shift.meanShift?.interval[1]),
            ...proportion(view.shift.outcomeChanged),
            shownNote(view.shift.suppressed, floor),
            "everyone",
            disclosure(view.shift.suppressed),
          ],
          ...view.shift.managers.map((manager) => [
            manager.name,
            manager.n,
            manager.sessions,
            round(manager.meanShift?.estimate),
            round(manager.meanShift?.interval[0]),
            round(manager.meanShift?.interval[1]),
            ...proportion(manager.outcomeChanged),
            shownNote(manager.suppressed, floor),
            "manager",
            disclosure(manager.suppressed),
          ]),
        ],
      };
  }
}

import { describe, expect, test } from "vitest";
import { equityAudit, type Audit, type AuditState, type AuditUnit } from "~/modules/equity/audit";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { seeded } from "../../../prisma/seed/random";
import { Attacker, changesWithFewerThan, hiddenValuesFound } from "../../utils/derive";

/**
 * The generated disclosure attack on the equity audit over time (decisions 075, 076 and 083): a
 * random organisation starts empty and changes one person at a time (someone becomes eligible,
 * is nominated, is promoted, moves team or level, leaves), each change dated after the one before,
 * and the audit is read after every change. Whatever a reader reads of a row (everyone, a group)
 * may change only once the floor's worth of different people changed it since it last changed; an
 * attacker who combines every reading of a row finds no one person's stage nor any one change of it;
 * and one who knows who was in each row at each reading (membership is no secret, and a row read
 * after every change moves exactly when its reading does) and adds and subtracts every reading of
 * every row finds none either.
 */

const STAGES = ["eligible", "nominated", "promoted"];
const TEAMS = ["Payments", "Search", "Mobile"];
const LEVELS = ["ic1", "ic2", "ic3"];
const DIMENSIONS = ["team", "level"];
const DAY = 86_400_000;

/** A row as read: its own figures where shown, "hidden", or "nothing" where it is not listed. */
function rowReading(audit: Audit, row: string): string {
  if (row === "") return audit.total.shown ? JSON.stringify(audit.total.steps) : "nothing";
  const [dimension, value] = row.split(":") as [string, string];
  const group = audit.dimensions
    .find((entry) => entry.id === dimension)!
    .groups.find((entry) => entry.value === value);
  if (!group) return "nothing";
  // The ratio, p-values and flag are worked out from shown rows' figures (the highest group's too): a row's own figures are its n and successes at each step, and what rests on them alone.
  return group.shown
    ? JSON.stringify(
        group.steps!.map(({ from, to, n, successes, rate }) => ({ from, to, n, successes, rate })),
      )
    : "hidden";
}

/** The additive figures of a row as read: how many reached each stage. */
function stageCounts(reading: string): Record<string, number | null> {
  if (reading === "nothing" || reading === "hidden")
    return { eligible: null, nominated: null, promoted: null };
  const steps = JSON.parse(reading) as { from: string; to: string; n: number; successes: number }[];
  return { eligible: steps[0]!.n, nominated: steps[0]!.successes, promoted: steps[1]!.successes };
}

describe("the equity audit read after every change of one person", () => {
  test("no row moves by fewer than the floor's worth of people, and no hidden stage of one person follows from its readings", () => {
    let shownChanges = 0;
    let hiddenRows = 0;
    for (const seed of [2, 6]) {
      const random = seeded(seed);
      const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
      const units: (AuditUnit & { history: { at: Date; state: AuditState | null }[] })[] = [];
      const now = (unit: AuditUnit) => unit.history.at(-1)!.state;
      const rows = [
        "",
        ...TEAMS.map((team) => `team:${team}`),
        ...LEVELS.map((level) => `level:${level}`),
      ];
      const readings = new Map(rows.map((row) => [row, [] as string[]]));
      const authors = new Map(rows.map((row) => [row, [] as (string | null)[]]));
      const rowsOf = (state: AuditState | null) =>
        state ? ["", `team:${state.groups.team}`, `level:${state.groups.level}`] : [];
      // Every shown reading of every row, as the people (each at their version then) its figures are over.
      const shownSets: string[][] = [];
      const version = (unit: AuditUnit) => `${unit.id}#${unit.history.length - 1}`;
      const inRow = (row: string, state: AuditState | null) =>
        state !== null && rowsOf(state).includes(row);
      for (let index = 0; index < 90; index++) {
        const at = new Date(Date.UTC(2026, 0, 1) + index * DAY);
        const present = units.filter((unit) => now(unit));
        const advancing = present.filter((unit) => now(unit)!.stage !== "promoted");
        const kind =
          index < 12 || random() < 0.3
            ? "join"
            : pick(["advance", "advance", "move", "leave"] as const);
        let unit: (typeof units)[number];
        let next: AuditState | null;
        if (kind === "join" || !present.length) {
          unit = { id: `p${units.length}`, history: [] };
          units.push(unit);
          next = { stage: "eligible", groups: { team: pick(TEAMS), level: pick(LEVELS) } };
        } else if (kind === "advance" && advancing.length) {
          unit = pick(advancing);
          const state = now(unit)!;
          next = { ...state, stage: STAGES[STAGES.indexOf(state.stage) + 1]! };
        } else if (kind === "move") {
          unit = pick(present);
          const state = now(unit)!;
          next =
            random() < 0.5
              ? { ...state, groups: { ...state.groups, team: pick(TEAMS) } }
              : { ...state, groups: { ...state.groups, level: pick(LEVELS) } };
        } else {
          unit = pick(present);
          next = null;
        }
        const touched = new Set([...rowsOf(unit.history.at(-1)?.state ?? null), ...rowsOf(next)]);
        unit.history.push({ at, state: next });
        const audit = equityAudit(
          { name: "promotions", stages: STAGES, dimensions: DIMENSIONS },
          units,
          () => SMALL_GROUP_FLOOR,
        );
        for (const row of rows) {
          const reading = rowReading(audit, row);
          if (
            reading !== readings.get(row)!.at(-1) &&
            reading !== "nothing" &&
            reading !== "hidden"
          )
            shownSets.push(units.filter((entry) => inRow(row, now(entry))).map(version));
          readings.get(row)!.push(reading);
          authors.get(row)!.push(touched.has(row) ? unit.id : null);
        }
      }
      const attacker = new Attacker(shownSets);
      const versions = units.flatMap((entry) =>
        entry.history.map((_, index) => `${entry.id}#${index}`),
      );
      expect(
        versions.filter((unit) => attacker.derives([unit])),
        `seed ${seed}: one person's stage`,
      ).toEqual([]);
      expect(
        versions.filter(
          (unit) =>
            !unit.endsWith("#0") &&
            attacker.derivesDifference(
              unit,
              unit.replace(/#(\d+)$/, (_, n: string) => `#${Number(n) - 1}`),
            ),
        ),
        `seed ${seed}: one person's change`,
      ).toEqual([]);
      for (const row of rows) {
        const list = readings.get(row)!;
        expect(
          changesWithFewerThan(list, authors.get(row)!, SMALL_GROUP_FLOOR, "nothing"),
          `seed ${seed}, row "${row}"`,
        ).toEqual([]);
        expect(
          hiddenValuesFound(list, authors.get(row)!, "nothing", stageCounts),
          `seed ${seed}, row "${row}"`,
        ).toEqual([]);
        shownChanges += new Set(
          list.filter((reading) => reading !== "nothing" && reading !== "hidden"),
        ).size;
        hiddenRows += list.filter((reading) => reading === "hidden").length;
      }
    }
    // Rows were shown and moved, and some were hidden: the test does not pass on an audit that never shows anything.
    expect(shownChanges).toBeGreaterThan(20);
    expect(hiddenRows).toBeGreaterThan(0);
  });
});

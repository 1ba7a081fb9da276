import { describe, expect, test } from "vitest";
import { equityAudit, type Audit, type AuditState, type AuditUnit } from "~/modules/equity/audit";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { seeded } from "../../../prisma/seed/random";
import { BoundedReader, type Pinned } from "../../utils/bounded-attacker";
import { releasedAudits } from "~/modules/equity/releases.server";

// Hundreds of linear programs, CPU-bound: a test run with another suite beside it took 64 s for the
// file, past the default 30 s a test, where a quiet machine takes 12.
const SOLVING = 180_000;

/**
 * The generated disclosure audit with the bounded attacker (issue 80, point 3; decision 105). Random
 * organisations change one person a day, and every scope (the organisation and each of two
 * managers' lines) is read after every change. The reader knows each person's stage is 0 or 1 at
 * each step, that promotion comes through nomination, that nobody goes back, that people join at
 * the first stage, and who was in each row when it moved. A mixed-integer program over those 0/1
 * unknowns (HiGHS, test/utils/bounded-attacker.ts) finds every person whose nomination or promotion
 * is pinned on some day.
 *
 * What holds: one reading of a page (every row as it stands) pins nobody, though rows of nobody or
 * everyone are common. What does not hold yet, and is recorded here so that the day it holds this
 * file says so: a reader who keeps every daily reading pins people from rows that move (a row that
 * stays put while people join says they joined at nought; one that falls after one person left says
 * that person was in). Decision 105 says why and what would close it.
 */

const STAGES = ["eligible", "nominated", "promoted"];
const TEAMS = ["Payments", "Search", "Mobile"];
const LEVELS = ["ic1", "ic2", "ic3"];
const DIMENSIONS = ["team", "level"];
const DAY = 86_400_000;
const SCOPES = [null, 0, 1] as const;

type Unit = AuditUnit & { history: { at: Date; state: AuditState | null }[]; line: number };
/** A row's figures read when it moved, over the people in it then: for each later stage, its range (an exact count: low = high). */
type Reading = {
  scope: number | null;
  row: string;
  at: number;
  members: { person: string; reached: number }[];
  ranges: ([number, number] | null)[];
};
type History = {
  readings: Reading[];
  joins: { unit: string; at: number }[];
  units: Unit[];
  dimensions: readonly string[];
  /** The days its audit is released on (decision 122): each month's end, and each window's close. */
  releases: number[];
};

/** A row's figures as read: for each later stage, how many reached it (exact, a band, or nothing). */
function rowFigures(audit: Audit, row: string): string | null {
  let steps;
  if (row === "") steps = audit.total.shown ? audit.total.steps : null;
  else {
    const [dimension, value] = row.split(":") as [string, string];
    const group = audit.dimensions
      .find((entry) => entry.id === dimension)
      ?.groups.find((entry) => entry.value === value);
    steps = group?.shown ? group.steps : null;
  }
  if (!steps) return null;
  return JSON.stringify(
    STAGES.slice(1).map((stage) => {
      const step = steps.find((entry) => entry.from === STAGES[0] && entry.to === stage)!;
      return step.successes !== null
        ? [step.successes, step.successes]
        : step.band
          ? [step.band.low, step.band.high]
          : null;
    }),
  );
}

/** Reads every scope's audit now: each row whose figures changed is a reading over the people in it now. */
function readEveryScope(
  units: readonly Unit[],
  dimensions: readonly string[],
  at: number,
  last: Map<string, string | null>,
  readings: Reading[],
) {
  const rowsOf = (state: AuditState) => [
    "",
    ...Object.entries(state.groups).flatMap(([dimension, value]) =>
      value ? [`${dimension}:${value}`] : [],
    ),
  ];
  for (const scope of SCOPES) {
    const held = units.filter((unit) => scope === null || unit.line === scope);
    const audit = equityAudit(
      {
        name: scope === null ? "promotions" : `promotions-line-${scope}`,
        stages: STAGES,
        dimensions,
      },
      held,
      () => SMALL_GROUP_FLOOR,
    );
    const present = held.flatMap((unit) => {
      const state = unit.history.at(-1)!.state;
      return state ? [{ unit, state }] : [];
    });
    const rows = new Set([
      ...present.flatMap((entry) => rowsOf(entry.state)),
      ...[...last.keys()].flatMap((key) =>
        key.startsWith(`${scope}|`) ? [key.slice(`${scope}|`.length)] : [],
      ),
    ]);
    for (const row of rows) {
      const key = `${scope}|${row}`;
      const reading = rowFigures(audit, row);
      if (reading === (last.get(key) ?? null)) continue;
      last.set(key, reading);
      if (reading === null) continue;
      readings.push({
        scope,
        row,
        at,
        members: present.flatMap((entry) =>
          rowsOf(entry.state).includes(row)
            ? [{ person: entry.unit.id, reached: STAGES.indexOf(entry.state.stage) }]
            : [],
        ),
        ranges: JSON.parse(reading) as ([number, number] | null)[],
      });
    }
  }
}

/** An organisation over 70 days: people join, are nominated and promoted, move team or level, and leave, one change a day. */
function organisationHistory(seed: number): History {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const units: Unit[] = [];
  const now = (unit: Unit) => unit.history.at(-1)!.state;
  // The days after which January and February end.
  const history: History = {
    readings: [],
    joins: [],
    units,
    dimensions: DIMENSIONS,
    releases: [30, 58],
  };
  const last = new Map<string, string | null>();
  for (let index = 0; index < 70; index++) {
    const at = new Date(Date.UTC(2026, 0, 1) + index * DAY);
    const present = units.filter((unit) => now(unit));
    const advancing = present.filter((unit) => now(unit)!.stage !== "promoted");
    const kind =
      index < 14 || random() < 0.3
        ? "join"
        : pick(["advance", "advance", "advance", "move", "leave"] as const);
    let unit: Unit;
    let next: AuditState | null;
    if (kind === "join" || !present.length) {
      unit = { id: `p${units.length}`, history: [], line: Math.floor(random() * 2) };
      units.push(unit);
      history.joins.push({ unit: unit.id, at: index });
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
    unit.history.push({ at, state: next });
    readEveryScope(units, DIMENSIONS, index, last, history.readings);
  }
  return history;
}

/**
 * Three promotion windows one after another: a random share of 36 people eligible at each opening
 * (their team and level kept from it), then nominations and promotions among the nominees, one a day;
 * every window's rows and the rows across windows are one audit, as the promotion audit's are.
 */
function windowHistory(seed: number): History {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const people = Array.from({ length: 36 }, (_, index) => ({
    id: `p${index}`,
    line: Math.floor(random() * 2),
  }));
  const windows = ["w0", "w1", "w2"];
  const dimensions = [
    ...DIMENSIONS,
    "window",
    ...windows.flatMap((window) => DIMENSIONS.map((dimension) => `${dimension}@${window}`)),
  ];
  const units: Unit[] = [];
  const history: History = { readings: [], joins: [], units, dimensions, releases: [30, 58] };
  const last = new Map<string, string | null>();
  let day = 0;
  for (const window of windows) {
    day += 1;
    const opened = new Date(Date.UTC(2026, 0, 1) + day * DAY);
    for (const person of people) {
      if (random() < 0.45) continue;
      const groups: Record<string, string | null> = {
        team: pick(TEAMS),
        level: pick(LEVELS),
        window,
      };
      for (const other of windows)
        for (const dimension of DIMENSIONS)
          groups[`${dimension}@${other}`] = other === window ? groups[dimension]! : null;
      const id = `${person.id}@${window}`;
      history.joins.push({ unit: id, at: day });
      units.push({
        id,
        person: person.id,
        line: person.line,
        history: [{ at: opened, state: { stage: "eligible", groups } }],
      });
    }
    readEveryScope(units, dimensions, day, last, history.readings);
    const open = units.filter((unit) => unit.id.endsWith(`@${window}`));
    for (let step = 0; step < 24; step++) {
      day += 1;
      const movable = open.filter(
        (unit) => unit.history.at(-1)!.state!.stage === (step < 14 ? "eligible" : "nominated"),
      );
      if (movable.length && random() < 0.8) {
        const unit = pick(movable);
        const state = unit.history.at(-1)!.state!;
        unit.history.push({
          at: new Date(Date.UTC(2026, 0, 1) + day * DAY),
          state: { ...state, stage: STAGES[STAGES.indexOf(state.stage) + 1]! },
        });
      }
      readEveryScope(units, dimensions, day, last, history.readings);
    }
    // A window's figures are released when it closes.
    history.releases.push(day);
  }
  history.releases.sort((a, b) => a - b);
  return history;
}

/** A reader of one scope who read `readings` (and knows who joined when). */
function readerOf(history: History, readings: readonly Reading[]): BoundedReader {
  const reader = new BoundedReader(STAGES.length);
  for (const join of history.joins) reader.joined(join.unit, join.at);
  for (const reading of readings)
    reading.ranges.forEach((range, offset) => {
      if (range) reader.read(reading.members, offset + 1, reading.at, range[0], range[1]);
    });
  return reader;
}

const HISTORIES: [string, () => History][] = [
  ...[3, 29].map((seed): [string, () => History] => [
    `organisation ${seed}`,
    () => organisationHistory(seed),
  ]),
  ...[23].map((seed): [string, () => History] => [`windows ${seed}`, () => windowHistory(seed)]),
];

describe("the bounded attacker", () => {
  test("pins everyone in a row of nobody or everyone, and no one in a band", async () => {
    const reader = new BoundedReader(2);
    const people = ["a", "b", "c", "d", "e"].map((person) => ({ person, reached: 0 }));
    reader.read(people, 1, 0, 0, 0);
    expect((await reader.pinned()).map((pin) => pin.person).sort()).toEqual(
      people.map((entry) => entry.person),
    );
    const banded = new BoundedReader(2);
    banded.read(people, 1, 0, 0, 3);
    expect(await banded.pinned()).toEqual([]);
  });

  test("pins a person by bounds across two readings that no linear combination gives", async () => {
    // Day 0: 2 of a, b, c nominated; day 1: of b, c, d, e, at most 1 (d and e joined). Monotone: b and c at most 1 of them at day 0 too, so a was nominated on day 0.
    const reader = new BoundedReader(2);
    reader.read(
      ["a", "b", "c"].map((person) => ({ person, reached: person === "c" ? 0 : 1 })),
      1,
      0,
      2,
      2,
    );
    reader.read(
      ["b", "c", "d", "e"].map((person) => ({ person, reached: person === "b" ? 1 : 0 })),
      1,
      1,
      0,
      1,
    );
    const pins = await reader.pinned();
    expect(pins).toContainEqual({ person: "a", stage: 1, at: 0, value: 1 });
  });
});

describe("the equity audit against the bounded attacker", () => {
  const histories = new Map<string, History>();
  const historyOf = (name: string) => {
    if (!histories.has(name)) histories.set(name, HISTORIES.find(([key]) => key === name)![1]());
    return histories.get(name)!;
  };

  test(
    "on random organisations known at once, no row read on its own pins anyone (no row of nobody or everyone); all rows read together still can (open: decision 105)",
    async () => {
      const random = seeded(20261129);
      let pinnedRounds = 0;
      let figures = 0;
      let bands = 0;
      for (let round = 0; round < 40; round++) {
        const people = Array.from({ length: 8 + Math.floor(random() * 30) }, (_, index) => ({
          id: `p${index}`,
          team: `t${Math.floor(random() * random() * 4)}`,
          level: random() < 0.1 ? null : `l${Math.floor(random() * 3)}`,
          // Rare steps, as promotions are: many rows of nobody.
          stage: random() < 0.6 ? 0 : random() < 0.6 ? 1 : 2,
        }));
        const start = new Date(Date.UTC(2026, 0, 1));
        const audit = equityAudit(
          { name: "promotions", stages: STAGES, dimensions: ["team", "level"] },
          people.map((person) => ({
            id: person.id,
            history: [
              {
                at: start,
                state: {
                  stage: STAGES[person.stage]!,
                  groups: { team: person.team, level: person.level },
                },
              },
            ],
          })),
          () => SMALL_GROUP_FLOOR,
        );
        const together = new BoundedReader(STAGES.length);
        const rows = [
          { row: "", members: people },
          ...(["team", "level"] as const).flatMap((dimension) =>
            [...new Set(people.flatMap((person) => person[dimension] ?? []))].map((value) => ({
              row: `${dimension}:${value}`,
              members: people.filter((person) => person[dimension] === value),
            })),
          ),
        ];
        for (const { row, members } of rows) {
          const reading = rowFigures(audit, row);
          if (!reading) continue;
          const alone = new BoundedReader(STAGES.length);
          (JSON.parse(reading) as ([number, number] | null)[]).forEach((range, offset) => {
            if (!range) return;
            figures += 1;
            if (range[0] !== range[1]) bands += 1;
            for (const reader of [alone, together])
              reader.read(
                members.map((person) => ({ person: person.id, reached: person.stage })),
                offset + 1,
                0,
                range[0],
                range[1],
              );
          });
          expect(await alone.pinned(), `round ${round}, row "${row}"`).toEqual([]);
        }
        if ((await together.pinned()).length) pinnedRounds += 1;
      }
      // Figures were read, exact and as bands: the test does not pass on an audit that shows nothing.
      expect(figures).toBeGreaterThan(100);
      expect(bands).toBeGreaterThan(30);
      // Measured when this was written: 2 of 40 (decision 105). Bounds between rows are not checked yet: when they are, make it 0.
      expect(pinnedRounds).toBeGreaterThan(0);
    },
    SOLVING,
  );

  test(
    "a reader who keeps every daily reading of one scope still pins people where rows move (open: decision 105)",
    async () => {
      const pinned: Pinned[] = [];
      let unknowns = 0;
      const perHistory: string[] = [];
      for (const [name] of HISTORIES) {
        const history = historyOf(name);
        for (const scope of SCOPES) {
          const reader = readerOf(
            history,
            history.readings.filter((reading) => reading.scope === scope),
          );
          unknowns += reader.unknowns;
          const found = await reader.pinned();
          perHistory.push(`${name}/${scope}: ${found.length} of ${reader.unknowns}`);
          pinned.push(...found);
        }
      }
      // Measured when this was written (decision 105): 280 of 4,016 unknowns over these nine readers, every history pinned in the
      // organisation's scope. When releases hold against it, this fails: make it expect(pinned).toEqual([]).
      expect(perHistory.length).toBe(HISTORIES.length * SCOPES.length);
      expect(unknowns).toBeGreaterThan(1000);
      expect(pinned.length).toBeGreaterThan(0);
    },
    SOLVING,
  );
});

describe("audits released at fixed moments, each checked by the bounded reader (decision 122)", () => {
  test(
    "a reader who keeps every release of each scope, and knows who joined when, pins nobody; the check withholds few figures",
    async () => {
      let figures = 0;
      let withheld = 0;
      let unknowns = 0;
      for (const [name, make] of HISTORIES) {
        const history = make();
        for (const scope of SCOPES) {
          const held = history.units.filter((unit) => scope === null || unit.line === scope);
          const releases = await releasedAudits(
            {
              name: scope === null ? "promotions" : `promotions-line-${scope}`,
              stages: STAGES,
              dimensions: history.dimensions,
            },
            held,
            () => SMALL_GROUP_FLOOR,
            history.releases.map((day) => new Date(Date.UTC(2026, 0, 1) + day * DAY)),
          );
          const reader = new BoundedReader(STAGES.length);
          for (const join of history.joins) reader.joined(join.unit, join.at);
          releases.forEach((release, index) => {
            const day = history.releases[index]!;
            expect(release.at.getTime()).toBe(Date.UTC(2026, 0, 1) + day * DAY);
            withheld += release.withheld;
            // Every row as it stood on the day the release names: who was in it, and where each stood.
            const present = held.flatMap((unit) => {
              const state = unit.history.filter((entry) => entry.at <= release.at).at(-1)?.state;
              return state ? [{ unit, state }] : [];
            });
            const rows = new Set([
              "",
              ...present.flatMap((entry) =>
                Object.entries(entry.state.groups).flatMap(([dimension, value]) =>
                  value ? [`${dimension}:${value}`] : [],
                ),
              ),
            ]);
            for (const row of rows) {
              const reading = rowFigures(release.audit, row);
              if (!reading) continue;
              const [dimension, value] = row ? row.split(":") : [];
              const members = present.flatMap((entry) =>
                !dimension || entry.state.groups[dimension] === value
                  ? [{ person: entry.unit.id, reached: STAGES.indexOf(entry.state.stage) }]
                  : [],
              );
              (JSON.parse(reading) as ([number, number] | null)[]).forEach((range, offset) => {
                if (!range) return;
                figures += 1;
                reader.read(members, offset + 1, day, range[0], range[1]);
              });
            }
          });
          unknowns += reader.unknowns;
          expect(await reader.pinned(), `${name}, scope ${scope}`).toEqual([]);
        }
      }
      // Releases were read, and the check had something to withhold: without it the same releases pin people.
      expect(unknowns).toBeGreaterThan(300);
      expect(figures).toBeGreaterThan(100);
      expect(withheld).toBeGreaterThan(0);
      expect(withheld / (figures + withheld)).toBeLessThan(0.1);
    },
    SOLVING,
  );
});

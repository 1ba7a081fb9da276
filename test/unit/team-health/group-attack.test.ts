import { describe, expect, it } from "vitest";
import { seeded } from "../../../prisma/seed/random";
import {
  askedByGroup,
  experienceByGroup,
  groupOnPage,
  type GroupAsked,
  type GroupStore,
} from "~/modules/team-health/by-group";
import { storesInGroup } from "~/modules/team-health/policy";
import {
  batchOf,
  itemRelease,
  releasedBatchCount,
  type StoredAnswer,
} from "~/modules/team-health/release";

/**
 * The generated attack over team and group figures read together (decision 126), in the spirit of
 * release.test.ts. A small world: people on teams (a person asked in two check-ins of the quarter
 * moved team), each in one group of one dimension (or none), the same floor for all, a 1..3 or 1..4
 * scale. The reader is an admin who may have answered themselves (then
 * they know their own answers); they know who is on which team and in which group (public) and the
 * order people answered in (the strong reader of release.test.ts), and after every answer they read:
 * - every team's item release as its results show it (itemRelease: the batches shown, the values'
 *   distribution, whether a batch is withheld);
 * - the "Experience by group" section exactly as the page's data carries it (experienceByGroup with
 *   the service's count of who was asked, askedByGroup, then groupOnPage): which groups have a store,
 *   whether each is shown and, for a shown one, its answers, score and the item's mean, interval and
 *   difference from the rest (estimate, interval, p, adjusted p, mark), to nine significant figures.
 * One item is the whole attack, as in release.test.ts: each item is released from its own column and
 * the score only from the items' shown figures. A difference from the rest is worked out from the
 * shown groups' figures, which the reader reads anyway (these worlds show one group, so none is
 * compared): a shown group's mean and interval already give its sum and sum of squares. An answer is a value, or a skip (nothing stored in
 * the team or the groups, as a skipped check-in or a blank answer). For every vector of answers we
 * compute the readings; among the vectors that read the same and agree on the reader's own answers,
 * every other answer must have two possibilities (a skip is not an answer: learning that someone
 * answered is not the leak).
 */

const ITEM = "raiseProblems";
const DIMENSION = "level";
type Value = number | null;

/** One answer asked for: a person on a team in a check-in (a person asked twice moved team). */
type Slot = { person: string; team: string; checkIn: number };
type World = {
  floor: number;
  scale: number;
  slots: Slot[];
  /** Each person's group in the dimension; none where absent. */
  groups: Record<string, string>;
};

type AskedOf = (dimension: string, group: string) => GroupAsked;

/** What the service counts of who was asked: each invitation, its team and the person's group. */
function askedIn(world: World): AskedOf {
  return askedByGroup(
    world.slots.map((slot) => ({
      personId: slot.person,
      teamId: slot.team,
      groups: world.groups[slot.person]
        ? [{ dimension: DIMENSION, group: world.groups[slot.person]! }]
        : [],
    })),
  );
}

const round = (_: string, value: unknown) =>
  typeof value === "number" ? Number(value.toPrecision(9)) : value;

/** Everything the reader reads once the answers so far are stored. */
function reading(
  world: World,
  teams: Map<string, StoredAnswer[]>,
  stores: Map<string, StoredAnswer[]>,
  askedOf: AskedOf,
  cache: Map<string, string>,
): string {
  const seen: string[] = [];
  for (const [team, answers] of teams) {
    const shown = itemRelease<number>(
      answers,
      releasedBatchCount(answers.length, world.floor),
      ITEM,
    );
    seen.push(`${team}=${shown.batches}:${[...shown.values].sort().join(",")}:${shown.withheld}`);
  }
  const groupStores: GroupStore[] = [...stores]
    .filter(([, answers]) => answers.length > 0)
    .map(([group, answers]) => ({ dimension: DIMENSION, group, floor: world.floor, answers }));
  const key = JSON.stringify(groupStores.map((store) => [store.group, store.answers]));
  let section = cache.get(key);
  if (section === undefined) {
    const experience = experienceByGroup(groupStores, askedOf);
    section = JSON.stringify(
      {
        comparisons: experience.comparisons,
        groups: experience.dimensions.flatMap((dimension) =>
          dimension.groups.map((group) => ({ group: group.value, ...groupOnPage(group) })),
        ),
      },
      round,
    );
    cache.set(key, section);
  }
  seen.push(section);
  return seen.join(";");
}

/** Decision 126's store: every group of at least its floor of people, before decision 128 withheld it. */
const storedUnder126 = (facts: { people: number; floor: number }) => facts.people >= facts.floor;

type Options = {
  /** Which groups' answers are stored: the app's rule (policy.storesInGroup), or decision 126's. */
  stores?: (facts: { people: number; floor: number }) => boolean;
  /** Who was asked, as the service counts it; replaced to weaken the spread rule. */
  askedOf?: AskedOf;
  /**
   * When the section is read: after every answer (the app), only once every answer is in (a
   * candidate rule, not the app's: the section shown once the quarter's check-ins are closed), or
   * never (the teams' figures alone).
   */
  groupsRead?: "always" | "at close" | "never";
};

/** The answers pinned for one order of answering: "reader: slot = value". */
function attack(world: World, order: readonly number[], options: Options = {}): string[] {
  const askedOf = options.askedOf ?? askedIn(world);
  const people = new Set(world.slots.map((slot) => slot.person));
  const sizes = new Map<string, number>();
  for (const person of people) {
    const group = world.groups[person];
    if (group) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  }
  // A group with fewer people than its floor is not stored at all (storesInGroup).
  const stored = (person: string) => {
    const group = world.groups[person];
    return group &&
      (options.stores ?? storesInGroup)({ people: sizes.get(group)!, floor: world.floor })
      ? group
      : null;
  };
  const teamOf = (slot: Slot) => `${slot.checkIn}:${slot.team}`;
  const teams = new Map(world.slots.map((slot) => [teamOf(slot), [] as StoredAnswer[]]));
  const stores = new Map<string, StoredAnswer[]>();
  for (const person of people) if (stored(person)) stores.set(stored(person)!, []);
  const values: Value[] = [null, ...Array.from({ length: world.scale }, (_, i) => i + 1)];
  const cache = new Map<string, string>();
  const byReading = new Map<string, Value[][]>();
  const vector: Value[] = world.slots.map(() => null);
  const seen: string[] = [];
  const visit = (step: number) => {
    if (step === order.length) {
      const key = seen.join("|");
      (byReading.get(key) ?? byReading.set(key, []).get(key)!).push([...vector]);
      return;
    }
    const index = order[step]!;
    const slot = world.slots[index]!;
    const team = teams.get(teamOf(slot))!;
    const group = stored(slot.person);
    for (const value of values) {
      vector[index] = value;
      if (value !== null) {
        team.push({ batch: batchOf(team.length, world.floor), values: { [ITEM]: value } });
        if (group) {
          const store = stores.get(group)!;
          store.push({ batch: batchOf(store.length, world.floor), values: { [ITEM]: value } });
        }
      }
      seen.push(
        (options.groupsRead ?? "always") === "always" ||
          (options.groupsRead === "at close" && step === order.length - 1)
          ? reading(world, teams, stores, askedOf, cache)
          : reading(world, teams, new Map(), askedOf, cache),
      );
      visit(step + 1);
      seen.pop();
      if (value !== null) {
        team.pop();
        if (group) stores.get(group)!.pop();
      }
    }
  };
  visit(0);
  const found = new Set<string>();
  const readers = [null, ...people];
  for (const vectors of byReading.values())
    for (const reader of readers) {
      const own = world.slots.flatMap((slot, index) => (slot.person === reader ? [index] : []));
      const byOwn = new Map<string, Value[][]>();
      for (const v of vectors) {
        const key = own.map((index) => v[index]).join(",");
        (byOwn.get(key) ?? byOwn.set(key, []).get(key)!).push(v);
      }
      for (const same of byOwn.values())
        world.slots.forEach((slot, target) => {
          if (slot.person === reader) return;
          const possible = new Set(same.map((v) => v[target]));
          const [only] = possible;
          if (possible.size === 1 && only !== null)
            found.add(`${reader ?? "an admin who did not answer"}: ${named(slot)} = ${only}`);
        });
    }
  return [...found].sort();
}

const named = (slot: Slot) => `${slot.person} (${slot.team}, check-in ${slot.checkIn})`;

function orders(count: number, seed: number, slots: number): number[][] {
  // The project's seeded generator: sampled orders are the same on every run.
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    const order = Array.from({ length: slots }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  });
}

const slots = (team: string, people: string[], checkIn = 1): Slot[] =>
  people.map((person) => ({ person, team, checkIn }));
const senior = (...people: string[]) =>
  Object.fromEntries(people.map((person) => [person, "senior"]));

/** Every group shown whatever its spread: the spread rule dropped. */
const spreadAssumed: AskedOf = () => ({ asked: 100, elsewhere: 100 });

// Two teams of a check-in; the group "senior" is six of the seven people, three in each team, so
// the spread rule shows it (three asked outside team A, the floor). The one person outside the group
// answers first, then two of the group in their team, then team B, then the last of team A.
const spread: World = {
  floor: 3,
  scale: 3,
  slots: [...slots("A", ["r", "a", "b", "c"]), ...slots("B", ["e", "f", "g"])],
  groups: senior("a", "b", "c", "e", "f", "g"),
};
const inTurn = [0, 1, 2, 4, 5, 6, 3];

describe("the generated attack over team and group figures read together", () => {
  it("pins nobody in teams alone: the attack's worlds leak only through the groups", () => {
    for (const order of [inTurn, ...orders(3, 1, 7)])
      expect(attack(spread, order, { groupsRead: "never" })).toEqual([]);
    expect(attack({ ...spread, scale: 4 }, inTurn, { groupsRead: "never" })).toEqual([]);
  });

  it("pins nobody as Rungs releases today: no answer is stored by group (decision 128)", () => {
    const moved: World = {
      floor: 3,
      scale: 3,
      slots: [...slots("A", ["m", "a", "b", "c"], 1), ...slots("B", ["m", "e", "f", "g"], 2)],
      groups: senior("m", "a", "b", "c", "e", "f", "g"),
    };
    for (const order of [inTurn, ...orders(2, 1, 7)]) expect(attack(spread, order)).toEqual([]);
    expect(attack({ ...spread, scale: 4 }, inTurn)).toEqual([]);
    for (const order of orders(2, 7, 8)) expect(attack(moved, order)).toEqual([]);
  });
});

/*
 * Decision 126's release (a store for every group of at least its floor of people, its figures shown
 * once spread beyond any one team): what decision 128 withheld it for. The spread rule holds where
 * it was meant to, but a group's batch beside a team's pins someone whatever the spread.
 */
describe("the same attack against decision 126's release of groups", () => {
  const under126 = { stores: storedUnder126 };

  it("pins nobody when the group is one team's people but one: the spread rule hides it", () => {
    // "senior" is three of team A and one of team B: one asked outside team A, below the floor.
    const oneTeam: World = { ...spread, groups: senior("a", "b", "c", "e") };
    for (const order of orders(6, 3, 7)) expect(attack(oneTeam, order, under126)).toEqual([]);
  });

  it("finds the pin there once the spread rule is dropped (the attack has teeth)", () => {
    const oneTeam: World = { ...spread, groups: senior("a", "b", "c", "e") };
    const found = orders(6, 3, 7).flatMap((order) =>
      attack(oneTeam, order, { ...under126, askedOf: spreadAssumed }),
    );
    expect(found).not.toEqual([]);
  });

  /*
   * Why decision 128 withheld it. The spread rule is taken on who was asked; the reader who knows the
   * order knows who is in each team batch and each group batch, and a group's batch that differs
   * from a team's by two people gives the one from the other.
   */
  it("pins a person of another team: a group batch beside a team batch, read as they are released", () => {
    // Team A's batch is r, a, b; the group's first batch a, b, e. Both released, e answered what r
    // did (on a 1..3 scale at a floor of three, every batch shown is one of each).
    const found = attack(spread, inTurn, under126);
    expect(found).toContain("r: e (B, check-in 1) = 2");
    expect(found).toContain("r: c (A, check-in 1) = 2");
  });

  it("pins one however wide the spread: a group of two in each of three teams", () => {
    // Four of the group asked outside any one team, two outside any two: the same two batches.
    const world: World = {
      floor: 3,
      scale: 3,
      slots: [
        ...slots("A", ["r", "a", "b"]),
        ...slots("B", ["e", "f", "g"]),
        ...slots("C", ["i", "j", "k"]),
      ],
      groups: senior("a", "b", "e", "f", "i", "j"),
    };
    const found = attack(world, [0, 1, 2, 3, 4, 5, 6, 7, 8], under126);
    expect(found).toContain("r: e (B, check-in 1) = 2");
  });

  it("pins one even for an admin who did not answer, on a 1..4 scale", () => {
    // x (outside the group) in team A's batch with a and b, e in the group's with a and b: the
    // group's mean and interval give the sum and the sum of squares of its batch, the team's
    // distribution its own, and x − e with x² − e² give both.
    const world: World = {
      ...spread,
      scale: 4,
      slots: [...slots("A", ["x", "a", "b", "c"]), ...slots("B", ["e", "f", "g"])],
    };
    const found = attack(world, inTurn, under126);
    expect(found).toContain("an admin who did not answer: x (A, check-in 1) = 1");
    expect(found).toContain("an admin who did not answer: e (B, check-in 1) = 4");
  });

  it("pins one across a team move: one person asked in team A, then in team B", () => {
    const world: World = {
      floor: 3,
      scale: 3,
      slots: [...slots("A", ["m", "a", "b", "c"], 1), ...slots("B", ["m", "e", "f", "g"], 2)],
      groups: senior("m", "a", "b", "c", "e", "f", "g"),
    };
    const found = orders(2, 7, 8).flatMap((order) => attack(world, order, under126));
    expect(found).toContain("a: m (A, check-in 1) = 2");
  });

  it("would still pin with the groups shown only once every check-in is closed: the team's partial batch is taken apart", () => {
    // c's answer is team A's partial last batch (never shown), and in the group's second batch;
    // the group's six less team B's three and team A's first batch leave c − r.
    const found = attack(spread, inTurn, { ...under126, groupsRead: "at close" });
    expect(found).toContain("r: c (A, check-in 1) = 2");
  });
});

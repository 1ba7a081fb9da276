import { kaplanMeier, type SurvivalCurve } from "~/modules/statistics/kaplan-meier";
import { disclosureCheck, releasedAsOf, type Contribution } from "~/modules/disclosure/check";
import { groupCellId, timeInLevelCells } from "~/modules/disclosure/reports";
import type { Inside } from "~/modules/people/line-over-time";

/**
 * Time in level: for each track and level, how long people stay before a promotion, as a
 * Kaplan–Meier curve over every stay at that level (spell). A stay ends with the event when the
 * person was promoted out of it; it is censored when they moved some other way (sideways, down,
 * another track), left the organisation, or are still there. Pure; decision 042.
 */

export type Place = { track: string | null; level: string | null };

/**
 * A dated change of a person's place; `promotion` says whether it counts as the event; `fromSince`,
 * when known, the day the stay it ended began (earlier than Rungs saw it begin). A change from a place
 * to itself ends no stay: it is when Rungs learned that the stay began on another day, and `fromSince`
 * is the day it was taken to begin until then; unless it is a leaving (`presence`: the person was
 * deactivated then, ending the stay) or a return (reactivated, beginning a new one at `to`).
 */
export type PlaceChange = {
  at: number;
  from: Place;
  to: Place;
  promotion: boolean;
  fromSince?: number | null;
  presence?: "left" | "returned";
};

export type PersonHistory = {
  id: string;
  createdAt: number;
  deactivatedAt: number | null;
  current: Place;
  /** When the current stay began, when known to be earlier than Rungs saw it begin. */
  levelSince?: number | null;
  /** In order of time. */
  changes: readonly PlaceChange[];
  /** When they were in the reader's organisation (a manager's), in order; absent: always (everyone's). */
  inside?: readonly Inside[];
};

/**
 * `days`: whole days at the level (curves step by day); `entry`: how many of them had passed when
 * Rungs first saw the stay (0 unless it began before); `knownStart`: false for a first stay whose
 * beginning nobody gave, counted from the person's arrival in Rungs though it may have begun before.
 */
export type LevelSpell = {
  personId: string;
  track: string;
  level: string;
  days: number;
  promoted: boolean;
  entry: number;
  knownStart: boolean;
};

const DAY = 86_400_000;

/** A stay as Rungs saw it: from when (`seenAt`), until when (`endedAt`: null while it lasts), and the day it began when known to be earlier. */
type Stay = {
  place: Place;
  seenAt: number;
  endedAt: number | null;
  promoted: boolean;
  since: number | null | undefined;
  first: boolean;
};

const samePlace = (change: PlaceChange) =>
  change.from.track === change.to.track && change.from.level === change.to.level;

/** A change that records only a level since learned of late (no move, no leaving or return). */
const sinceOnly = (change: PlaceChange) => samePlace(change) && change.presence === undefined;

/**
 * The person's changes with their deactivation, when they are deactivated now, as a leaving among
 * them: a change of place made after it (an admin editing someone who left) begins no stay, as it
 * would not once they return and the leaving is a row.
 */
function withLeaving(person: PersonHistory): readonly PlaceChange[] {
  const left = person.deactivatedAt;
  if (left === null) return person.changes;
  const after = person.changes.findIndex((change) => change.at >= left);
  if (after === -1) return person.changes;
  const next = person.changes[after]!;
  const leaving: PlaceChange = {
    at: left,
    from: next.from,
    to: next.from,
    promotion: false,
    fromSince: next.fromSince,
    presence: "left",
  };
  return [...person.changes.slice(0, after), leaving, ...person.changes.slice(after)];
}

function stays(person: PersonHistory): Stay[] {
  const found: Stay[] = [];
  let place = person.changes[0]?.from ?? person.current;
  // Null while the person is away (deactivated, then reactivated later): a change of place then begins no stay.
  let seenFrom: number | null = person.createdAt;
  for (const change of withLeaving(person)) {
    if (seenFrom === null) {
      place = change.to;
      if (change.presence === "returned") seenFrom = change.at;
      continue;
    }
    if (sinceOnly(change) || change.presence === "returned") continue;
    const at = Math.max(change.at, seenFrom);
    found.push({
      place,
      seenAt: seenFrom,
      endedAt: at,
      promoted: change.promotion,
      since: change.fromSince,
      first: !found.length,
    });
    place = change.to;
    seenFrom = change.presence === "left" ? null : at;
  }
  if (seenFrom !== null) {
    found.push({
      place,
      seenAt: seenFrom,
      endedAt: person.deactivatedAt === null ? null : Math.max(seenFrom, person.deactivatedAt),
      promoted: false,
      since: person.levelSince,
      first: !found.length,
    });
  }
  return found;
}

/**
 * A stay at a track and level as dated moments (milliseconds), for reports that count from the day
 * a stay began: `began` is the day it began as levelSpells counts it (null for a first stay whose
 * beginning nobody gave), `seenAt` when Rungs saw it begin, `endedAt` when it ended (null while it
 * lasts), `promoted` whether it ended with a promotion. The same stays as levelSpells.
 */
export type LevelStay = {
  track: string;
  level: string;
  began: number | null;
  seenAt: number;
  endedAt: number | null;
  promoted: boolean;
};

export function levelStays(person: PersonHistory): LevelStay[] {
  return stays(person).flatMap(
    ({ place, seenAt, endedAt, promoted, since, first }): LevelStay[] => {
      if (!place.track || !place.level) return [];
      const given = since !== null && since !== undefined;
      const began = given && since < seenAt ? since : first && !given ? null : seenAt;
      return [{ track: place.track, level: place.level, began, seenAt, endedAt, promoted }];
    },
  );
}

/**
 * A person's stays: the first from their createdAt at the place their first change left (or their
 * current place when nothing changed), one more after each change, each ended by a leaving and the
 * next begun by their return, the last censored at their deactivation or `now`. Stays without a track
 * and level are left out. A stay known to have begun before Rungs saw it (a level since given at
 * import, by SCIM or on the person form) counts from that day, entering the curve when Rungs first saw
 * it (left truncation).
 */
export function levelSpells(person: PersonHistory, now: number): LevelSpell[] {
  return stays(person).flatMap(
    ({ place, seenAt, endedAt, promoted, since, first }): LevelSpell[] => {
      if (!place.track || !place.level) return [];
      const start = since !== null && since !== undefined && since < seenAt ? since : seenAt;
      const end = endedAt ?? Math.max(seenAt, now);
      return [
        {
          personId: person.id,
          track: place.track,
          level: place.level,
          days: Math.floor(Math.max(0, end - start) / DAY),
          promoted,
          entry: Math.floor((seenAt - start) / DAY),
          knownStart: !first || (since !== null && since !== undefined),
        },
      ];
    },
  );
}

/**
 * A person's history as it stood at `at` (they were added by then): later changes not yet made, a later
 * deactivation not yet either, and the level since of the stay going on then as Rungs knew it (the next
 * change keeps it, corrected later or not).
 */
function historyAsOf(person: PersonHistory, at: number): PersonHistory {
  const made = person.changes.filter((change) => change.at <= at);
  const next = person.changes[made.length];
  return {
    ...person,
    changes: made,
    current: made.at(-1)?.to ?? next?.from ?? person.current,
    levelSince: next ? (next.fromSince ?? null) : person.levelSince,
    deactivatedAt:
      person.deactivatedAt !== null && person.deactivatedAt <= at ? person.deactivatedAt : null,
  };
}

function insideAt(person: PersonHistory, at: number): boolean {
  return (
    !person.inside ||
    person.inside.some(
      (period) =>
        (period.since === null || period.since <= at) &&
        (period.until === null || at < period.until),
    )
  );
}

/**
 * The stays each level's curve is drawn from, released over time (decision 075). A reader who reads a
 * level's curve before and after one person arrives at it, is promoted out of it or leaves would
 * learn that person's stay, so each level stands as it was when its latest batch closed: a batch is
 * the floor's worth of different people whose stay at the level began or ended, or whose level since
 * there Rungs learned of late (`releasedAsOf`: each dated when Rungs learned of it), and
 * until then stays that went on are counted as they were, and later ones not at all. A level that
 * never had the floor's worth of people has no batch, and the disclosure check hides it as it is.
 *
 * A manager reads the people in their organisation (`inside`): one moving in or out brings or takes
 * all their stays, so the move is their contribution, dated when it happened, at every level where
 * they had a stay by then; a stay that began or ended while they were outside is no contribution to
 * the manager's levels; and each level is read with the people inside when its latest batch closed.
 */
export function releasedSpells(
  people: readonly PersonHistory[],
  now: number,
  floorOf: (personId: string) => number,
): LevelSpell[] {
  const byLevel = new Map<string, Contribution[]>();
  const contribute = (key: string, contribution: Contribution) =>
    (byLevel.get(key) ?? byLevel.set(key, []).get(key)!).push(contribution);
  for (const person of people) {
    const placed = stays(person).map((stay, index) => ({
      stay,
      index,
      key: stay.place.track && stay.place.level ? `${stay.place.track}/${stay.place.level}` : null,
    }));
    for (const { stay, index, key } of placed) {
      if (key === null) continue;
      if (insideAt(person, stay.seenAt))
        contribute(key, {
          id: `${person.id}#${index}<`,
          contributor: person.id,
          at: new Date(stay.seenAt),
        });
      if (stay.endedAt !== null && insideAt(person, stay.endedAt))
        contribute(key, {
          id: `${person.id}#${index}>`,
          contributor: person.id,
          at: new Date(stay.endedAt),
        });
    }
    for (const [index, change] of person.changes.entries()) {
      if (sinceOnly(change) && change.to.track && change.to.level && insideAt(person, change.at)) {
        contribute(`${change.to.track}/${change.to.level}`, {
          id: `${person.id}~${index}`,
          contributor: person.id,
          at: new Date(change.at),
        });
      }
    }
    const moves = (person.inside ?? [])
      .flatMap((period) => [period.since, period.until])
      .filter((at) => at !== null);
    for (const at of moves) {
      const levels = new Set(
        placed.filter(({ stay, key }) => key !== null && stay.seenAt <= at).map(({ key }) => key!),
      );
      for (const key of levels)
        contribute(key, { id: `${person.id}@${at}`, contributor: person.id, at: new Date(at) });
    }
  }
  const levelOf = (spell: LevelSpell) => `${spell.track}/${spell.level}`;
  const asOf = new Map(
    [...byLevel].map(([key, contributions]) => [
      key,
      releasedAsOf(contributions, floorOf)?.getTime() ?? null,
    ]),
  );
  const current = people
    .filter((person) => insideAt(person, now))
    .flatMap((person) => levelSpells(person, now));
  const released = current.filter((spell) => asOf.get(levelOf(spell)) === null);
  for (const at of new Set([...asOf.values()].filter((value) => value !== null))) {
    const levels = new Set([...asOf].filter(([, value]) => value === at).map(([key]) => key));
    for (const person of people) {
      if (person.createdAt > at || !insideAt(person, at)) continue;
      released.push(
        ...levelSpells(historyAsOf(person, at), at).filter((spell) => levels.has(levelOf(spell))),
      );
    }
  }
  return released;
}

export type LevelCurve = {
  track: string;
  level: string;
  /** Stays at the level, and how many ended in a promotion (null when hidden: nothing measured of a hidden level is released). */
  n: number | null;
  promotions: number | null;
  /** Stays counted from the person's arrival in Rungs because nobody gave when they began. */
  unknownStarts: number | null;
  /** Hidden by the disclosure check: no count, curve or median shown. */
  suppressed: boolean;
  curve: SurvivalCurve | null;
};

/** A curve as the page draws it: each step's time (days), survival and band (null where none). */
export type CurvePoint = [number, number, number | null, number | null];

/** A track's levels with stays (`stays`: how many in all, for leaving out tracks with none; never shown, it would give hidden levels' stays). */
export type TrackTimeInLevel = { track: string; stays: number; levels: LevelCurve[] };

/**
 * Curves per track and level, in the order given (the ladder's). Which levels show their curve is
 * the disclosure check's to say, each stay under its person's floor: no track-wide curve or median
 * is shown beside them, so only the floors apply unless stays nest some other way.
 */
export function timeInLevel(
  spells: readonly LevelSpell[],
  order: readonly { track: string; levels: readonly string[] }[],
  floorOf: (personId: string) => number,
): TrackTimeInLevel[] {
  const byPlace = new Map<string, LevelSpell[]>();
  for (const spell of spells) {
    const key = `${spell.track}/${spell.level}`;
    const list = byPlace.get(key);
    if (list) list.push(spell);
    else byPlace.set(key, [spell]);
  }
  const units = spells.map((spell, index) => ({
    unit: `${spell.personId}#${index}`,
    track: spell.track,
    level: spell.level,
  }));
  const personOf = (unit: string) => unit.slice(0, unit.lastIndexOf("#"));
  const release = disclosureCheck(
    timeInLevelCells(units),
    (unit) => floorOf(personOf(unit)),
    personOf,
  );
  return order
    .map(({ track, levels }) => {
      const curves = levels.flatMap((level): LevelCurve[] => {
        const stays = byPlace.get(`${track}/${level}`);
        if (!stays) return [];
        const suppressed = !release.shown.has(groupCellId("time-in-level", `${track}/${level}`));
        if (suppressed)
          return [
            {
              track,
              level,
              n: null,
              promotions: null,
              unknownStarts: null,
              suppressed,
              curve: null,
            },
          ];
        return [
          {
            track,
            level,
            n: stays.length,
            promotions: stays.filter((spell) => spell.promoted).length,
            unknownStarts: stays.filter((spell) => !spell.knownStart).length,
            suppressed,
            curve: kaplanMeier(
              stays.map((spell) => ({
                time: spell.days,
                event: spell.promoted,
                entry: spell.entry,
              })),
            ),
          },
        ];
      });
      return {
        track,
        stays: levels.reduce(
          (sum, level) => sum + (byPlace.get(`${track}/${level}`)?.length ?? 0),
          0,
        ),
        levels: curves,
      };
    })
    .filter((track) => track.stays > 0);
}

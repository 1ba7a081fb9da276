import { kaplanMeier, type SurvivalCurve } from "~/modules/statistics/kaplan-meier";
import { disclosureCheck } from "~/modules/disclosure/check";
import { groupCellId, timeInLevelCells } from "~/modules/disclosure/reports";

/**
 * Time in level: for each track and level, how long people stay before a promotion, as a
 * Kaplan–Meier curve over every stay at that level (spell). A stay ends with the event when the
 * person was promoted out of it; it is censored when they moved some other way (sideways, down,
 * another track), left the organisation, or are still there. Pure; decision 042.
 */

export type Place = { track: string | null; level: string | null };

/**
 * A dated change of a person's place; `promotion` says whether it counts as the event; `fromSince`,
 * when known, the day the stay it ended began (earlier than Rungs saw it begin).
 */
export type PlaceChange = { at: number; from: Place; to: Place; promotion: boolean; fromSince?: number | null };

export type PersonHistory = {
  id: string;
  createdAt: number;
  deactivatedAt: number | null;
  current: Place;
  /** When the current stay began, when known to be earlier than Rungs saw it begin. */
  levelSince?: number | null;
  /** In order of time. */
  changes: readonly PlaceChange[];
};

/**
 * `days`: whole days at the level (curves step by day); `entry`: how many of them had passed when
 * Rungs first saw the stay (0 unless it began before); `knownStart`: false for a first stay whose
 * beginning nobody gave, counted from the person's arrival in Rungs though it may have begun before.
 */
export type LevelSpell = { personId: string; track: string; level: string; days: number; promoted: boolean; entry: number; knownStart: boolean };

const DAY = 86_400_000;

/**
 * A person's stays: the first from their createdAt at the place their first change left (or their
 * current place when nothing changed), one more after each change, the last censored at their
 * deactivation or `now`. Stays without a track and level are left out. A stay known to have begun
 * before Rungs saw it (a level since given at import, by SCIM or on the person form) counts from that
 * day, entering the curve when Rungs first saw it (left truncation).
 */
export function levelSpells(person: PersonHistory, now: number): LevelSpell[] {
  const spells: LevelSpell[] = [];
  let place = person.changes[0]?.from ?? person.current;
  let seenFrom = person.createdAt;
  let first = true;
  const push = (end: number, promoted: boolean, since: number | null | undefined) => {
    const start = since !== null && since !== undefined && since < seenFrom ? since : seenFrom;
    if (place.track && place.level) {
      spells.push({
        personId: person.id,
        track: place.track,
        level: place.level,
        days: Math.floor(Math.max(0, end - start) / DAY),
        promoted,
        entry: Math.floor((seenFrom - start) / DAY),
        knownStart: !first || (since !== null && since !== undefined),
      });
    }
    first = false;
  };
  for (const change of person.changes) {
    const at = Math.max(change.at, seenFrom);
    push(at, change.promotion, change.fromSince);
    place = change.to;
    seenFrom = at;
  }
  push(Math.max(seenFrom, person.deactivatedAt ?? now), false, person.levelSince);
  return spells;
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
export function timeInLevel(spells: readonly LevelSpell[], order: readonly { track: string; levels: readonly string[] }[], floorOf: (personId: string) => number): TrackTimeInLevel[] {
  const byPlace = new Map<string, LevelSpell[]>();
  for (const spell of spells) {
    const key = `${spell.track}/${spell.level}`;
    const list = byPlace.get(key);
    if (list) list.push(spell);
    else byPlace.set(key, [spell]);
  }
  const units = spells.map((spell, index) => ({ unit: `${spell.personId}#${index}`, track: spell.track, level: spell.level }));
  const personOf = (unit: string) => unit.slice(0, unit.lastIndexOf("#"));
  const release = disclosureCheck(timeInLevelCells(units), (unit) => floorOf(personOf(unit)), personOf);
  return order
    .map(({ track, levels }) => {
      const curves = levels.flatMap((level): LevelCurve[] => {
        const stays = byPlace.get(`${track}/${level}`);
        if (!stays) return [];
        const suppressed = !release.shown.has(groupCellId("time-in-level", `${track}/${level}`));
        if (suppressed) return [{ track, level, n: null, promotions: null, unknownStarts: null, suppressed, curve: null }];
        return [
          {
            track,
            level,
            n: stays.length,
            promotions: stays.filter((spell) => spell.promoted).length,
            unknownStarts: stays.filter((spell) => !spell.knownStart).length,
            suppressed,
            curve: kaplanMeier(stays.map((spell) => ({ time: spell.days, event: spell.promoted, entry: spell.entry }))),
          },
        ];
      });
      return { track, stays: levels.reduce((sum, level) => sum + (byPlace.get(`${track}/${level}`)?.length ?? 0), 0), levels: curves };
    })
    .filter((track) => track.stays > 0);
}

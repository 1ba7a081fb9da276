import { disclosureCheck, type Cell } from "~/modules/disclosure/check";

/**
 * A closed window's outcomes as everyone may read them: how many were nominated, promoted and told
 * "not yet", each a figure the one disclosure check releases (a group below its floor shows no
 * count, nor does any figure it could be worked out from). Units are a person in a window, so one
 * person nominated in two windows is one person to the floor. Pure.
 */
export type WindowNominees = {
  windowId: string;
  nominees: readonly { personId: string; outcome: string | null }[];
};

export type WindowOutcome = {
  windowId: string;
  nominated: number | null;
  promoted: number | null;
  notYet: number | null;
};

const unit = (windowId: string, personId: string) => `${windowId}/${personId}`;
const personOf = (unitId: string) => unitId.slice(unitId.indexOf("/") + 1);

export function windowOutcomeCells(windows: readonly WindowNominees[]): Cell[] {
  return windows.flatMap((window) => {
    const of = (outcome: string | null | "any") =>
      window.nominees
        .filter((nominee) => outcome === "any" || nominee.outcome === outcome)
        .map((nominee) => unit(window.windowId, nominee.personId));
    return [
      { id: `${window.windowId}:nominated`, members: of("any") },
      { id: `${window.windowId}:promoted`, members: of("promote") },
      { id: `${window.windowId}:not-yet`, members: of("not-yet") },
      // Nominations withdrawn or left undecided: counted in the nominated, never shown alone.
      { id: `${window.windowId}:other`, members: of(null), withheld: true },
    ];
  });
}

export function windowOutcomes(
  windows: readonly WindowNominees[],
  floorOf: (personId: string) => number,
): WindowOutcome[] {
  const release = disclosureCheck(
    windowOutcomeCells(windows),
    (unitId) => floorOf(personOf(unitId)),
    personOf,
  );
  const shown = (id: string, count: number) => (release.shown.has(id) ? count : null);
  return windows.map((window) => ({
    windowId: window.windowId,
    nominated: shown(`${window.windowId}:nominated`, window.nominees.length),
    promoted: shown(
      `${window.windowId}:promoted`,
      window.nominees.filter((nominee) => nominee.outcome === "promote").length,
    ),
    notYet: shown(
      `${window.windowId}:not-yet`,
      window.nominees.filter((nominee) => nominee.outcome === "not-yet").length,
    ),
  }));
}

import type { Message } from "~/i18n/messages";

/**
 * What the hiring statistics pages say about what they show, as messages the pages word: which
 * loops the figures are over, and, before the validity loop has anything to compare, what it needs.
 */

/**
 * The statistics page's scope: the loops counted and, only when there are any, the loops left
 * out because the viewer still owes a scorecard in them (so no figure reflects a card they may
 * not see yet).
 */
export function statisticsScope(counted: number, withheld: number, isAdmin: boolean): Message[] {
  const scope: Message = {
    key: isAdmin ? "hiring:stats.scope.all" : "hiring:stats.scope.own",
    values: { count: counted },
  };
  return withheld
    ? [scope, { key: "hiring:stats.scope.withheld", values: { count: withheld } }]
    : [scope];
}

/** Before any hire can be compared: why, and when the page fills. Null once one can. */
export function validityWaitingFor(
  linkedHires: number,
  comparedHires: number,
  minN: number,
): Message[] | null {
  if (comparedHires > 0) return null;
  return [
    linkedHires === 0
      ? { key: "hiring:validity.waiting.noneLinked" }
      : linkedHires === 1
        ? { key: "hiring:validity.waiting.oneLinked" }
        : { key: "hiring:validity.waiting.manyLinked", values: { count: linkedHires } },
    { key: "hiring:validity.waiting.counts", values: { minN } },
  ];
}

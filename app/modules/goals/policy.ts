/**
 * Who may read, write and check in on goals. Pure rules from facts the service gathers.
 *
 * Reading: company and team objectives are everyone's in the organisation (that is how alignment
 * works). A person's objective is read by them, their manager chain, the people they share it with
 * (naming someone owner or contributor of one of its key results shares it with them), or everyone
 * if they open it to all. Admins read no private objective they are not part of.
 * Anyone else gets a 404, as if it did not exist.
 *
 * Writing: admins set the periods, close them, and write company objectives; a team's objectives
 * are written by admins and the team's managers (someone who manages a member of the team
 * directly); a person writes their own. An objective is edited (key results added, shared, carried
 * over) by its owner and by whoever may write an objective at its level for its team. Nothing is
 * written in a closed period but the owners' reflections.
 *
 * Check-ins: a key result's owner and its contributors (they do the work and know the figure),
 * while its period is not closed. An API token checks in only on the key results it names, and only
 * while the person who issued it may check in on them (decision 097).
 */
import type { Commitment, Confidence } from "./progress";

export const OBJECTIVE_LEVELS = ["company", "team", "person"] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

export type GoalViewer = { id: string; isAdmin: boolean };

/** The periods: set, and closed, by admins. */
export function canManagePeriods(viewer: GoalViewer): boolean {
  return viewer.isAdmin;
}

/** What is known of the viewer when they write at a level: the teams whose members they manage directly. */
export type WriterFacts = { managesTeamIds: readonly string[] };

/** Writing an objective at a level: company by admins; a team by admins and its managers; a person's for themselves. */
export function canWriteObjective(
  viewer: GoalViewer,
  writer: WriterFacts,
  target: { level: ObjectiveLevel; teamId: string | null; ownerId: string },
): boolean {
  if (target.level === "company") return viewer.isAdmin;
  if (target.level === "team")
    return (
      target.teamId !== null && (viewer.isAdmin || writer.managesTeamIds.includes(target.teamId))
    );
  return target.ownerId === viewer.id;
}

/** Which objectives one may support: a team's, a company one; a person's, a company or a team one; in the same period. */
export function maySupport(
  child: { level: ObjectiveLevel; periodId: string },
  parent: { level: ObjectiveLevel; periodId: string },
): boolean {
  if (child.periodId !== parent.periodId) return false;
  if (child.level === "team") return parent.level === "company";
  if (child.level === "person") return parent.level === "company" || parent.level === "team";
  return false;
}

export type ObjectiveFacts = {
  level: ObjectiveLevel;
  ownerId: string;
  /** The owner's manager chain, nearest first. */
  ownerChain: readonly string[];
  openToAll: boolean;
  sharedWith: readonly string[];
  /** The owners and contributors of its key results. */
  keyResultPeople: readonly string[];
};

/**
 * Who reads an objective, part by part: everyone reads company and team objectives and a person's
 * objective its owner opened to all; of the others, its owner, their manager chain, the people it is
 * shared with and the owners and contributors of its key results. `canReadObjective` asks these
 * parts of one objective's facts, and a read of many objectives at once asks the same parts of its
 * rows (the goal tree, queries.server.ts), so the rule is written here once.
 */
export type ReaderPart =
  | { everyone: "levels"; levels: readonly ObjectiveLevel[] }
  | { everyone: "openToAll" }
  | { viewer: "owner" | "ownerChain" | "sharedWith" | "keyResultPeople" };

export const OBJECTIVE_READERS: readonly ReaderPart[] = [
  { everyone: "levels", levels: ["company", "team"] },
  { everyone: "openToAll" },
  { viewer: "owner" },
  { viewer: "ownerChain" },
  { viewer: "sharedWith" },
  { viewer: "keyResultPeople" },
];

function holds(part: ReaderPart, objective: ObjectiveFacts, viewer: GoalViewer | null): boolean {
  if ("everyone" in part)
    return part.everyone === "levels" ? part.levels.includes(objective.level) : objective.openToAll;
  if (viewer === null) return false;
  switch (part.viewer) {
    case "owner":
      return viewer.id === objective.ownerId;
    case "ownerChain":
      return objective.ownerChain.includes(viewer.id);
    case "sharedWith":
      return objective.sharedWith.includes(viewer.id);
    case "keyResultPeople":
      return objective.keyResultPeople.includes(viewer.id);
  }
}

/**
 * Whether everyone in the organisation reads an objective, whoever they are. What leaves Rungs
 * about goals to the whole organisation (the goals.period_closed and goals.key_result_checked_in
 * webhooks) is these and nothing else.
 */
export function readableByEveryone(
  objective: Pick<ObjectiveFacts, "level" | "openToAll">,
): boolean {
  const facts = { ...objective, ownerId: "", ownerChain: [], sharedWith: [], keyResultPeople: [] };
  return OBJECTIVE_READERS.some((part) => holds(part, facts, null));
}

/** Reading an objective, its key results, check-ins and chart. */
export function canReadObjective(viewer: GoalViewer, objective: ObjectiveFacts): boolean {
  return OBJECTIVE_READERS.some((part) => holds(part, objective, viewer));
}

/**
 * Whether every objective one may support is one everyone reads (`maySupport` against
 * `OBJECTIVE_READERS`): then whatever a viewer reads hangs, in the goal tree, from an objective
 * they read or from nothing, and the tree's top is the objectives supporting none.
 */
export function supportedReadByEveryone(): boolean {
  return OBJECTIVE_LEVELS.filter((level) =>
    OBJECTIVE_LEVELS.some((child) =>
      maySupport({ level: child, periodId: "" }, { level, periodId: "" }),
    ),
  ).every((level) => readableByEveryone({ level, openToAll: false }));
}

/** Editing an objective (key results, texts, carrying it over): its owner, or whoever may write at its level. */
export function canEditObjective(
  viewer: GoalViewer,
  writer: WriterFacts,
  objective: { level: ObjectiveLevel; teamId: string | null; ownerId: string },
): boolean {
  return viewer.id === objective.ownerId || canWriteObjective(viewer, writer, objective);
}

/** Sharing a person's objective, or opening it to everyone: its owner alone. */
export function canShareObjective(
  viewer: GoalViewer,
  objective: { level: ObjectiveLevel; ownerId: string },
): boolean {
  return objective.level === "person" && viewer.id === objective.ownerId;
}

/** Nothing but reflections is written in a closed period. */
export function isWritablePeriod(period: { closedAt: Date | null }): boolean {
  return period.closedAt === null;
}

export type KeyResultPeople = { ownerId: string; contributorIds: readonly string[] };

/** Checking in on a key result: its owner and contributors, while its period is not closed. */
export function canCheckIn(
  personId: string,
  keyResult: KeyResultPeople,
  period: { closedAt: Date | null },
): boolean {
  return (
    isWritablePeriod(period) &&
    (personId === keyResult.ownerId || keyResult.contributorIds.includes(personId))
  );
}

/**
 * A token's check-in: the key result is one it names, and the person who issued it may check in
 * on it now (no token widens what anyone may do).
 */
export function canTokenCheckIn(
  token: { personId: string; keyResultIds: readonly string[] },
  keyResultId: string,
  keyResult: KeyResultPeople,
  period: { closedAt: Date | null },
): boolean {
  return token.keyResultIds.includes(keyResultId) && canCheckIn(token.personId, keyResult, period);
}

/** A reflection on a final score: the key result's owner, once the period is closed. */
export function canReflect(
  viewer: GoalViewer,
  keyResult: { ownerId: string },
  period: { closedAt: Date | null },
): boolean {
  return period.closedAt !== null && viewer.id === keyResult.ownerId;
}

/** Recording one's contribution to a key result as career evidence: its owner and contributors. */
export function canRecordContribution(viewer: GoalViewer, keyResult: KeyResultPeople): boolean {
  return viewer.id === keyResult.ownerId || keyResult.contributorIds.includes(viewer.id);
}

/**
 * Taking a key result to a one-to-one, from its page or from the one-to-one's agenda (issue 82,
 * point 8; decision 118): either of the two people of that one-to-one, its owner or the owner's
 * manager, while its period is open and its latest check-in says it is at risk or off track (what a
 * manager can help with). A contributor, a manager higher up the chain or a former manager may not:
 * it is the owner's conversation with the manager they have now.
 */
export function canTakeToOneToOne(
  viewer: GoalViewer,
  keyResult: { ownerId: string; ownerManagerId: string | null },
  period: { closedAt: Date | null },
  latest: Confidence | null,
): boolean {
  return (
    isWritablePeriod(period) &&
    (viewer.id === keyResult.ownerId ||
      (keyResult.ownerManagerId !== null && viewer.id === keyResult.ownerManagerId)) &&
    (latest === "atRisk" || latest === "offTrack")
  );
}

/**
 * The goals that matter, as the access audit counts who gets them (issue 82, point 7; decision 111):
 * a key result of a company objective, or of a committed objective at any level. Owning or
 * contributing to one is visible, trusted work; an aspirational team or personal key result is
 * not counted, as anyone may set one for themself.
 */
export function mattersForAccess(objective: { level: string; commitment: string }): boolean {
  return objective.level === "company" || objective.commitment === "committed";
}

/** Carrying an objective into another period: it may be edited, its period is closed, it is unfinished, and it was not carried already. */
export function canCarryOver(
  mayEdit: boolean,
  facts: { periodClosed: boolean; unfinished: boolean; alreadyCarried: boolean },
): boolean {
  return mayEdit && facts.periodClosed && facts.unfinished && !facts.alreadyCarried;
}

export type { Commitment };

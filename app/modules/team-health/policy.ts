/**
 * Team health's rules (decision 099). Pure, from facts the service gathers.
 *
 * A check-in is started by an admin for any team, or by a manager for a team one of whose members
 * reports to them (directly or not). A team smaller than its floor is not asked: its results could
 * never be shown. A team's results are read by whoever was asked, the team's members now, the
 * managers above any of them and admins, and by nobody else (a 404). Whoever was asked answers once
 * while the check-in is open, and may skip any item or all of them. The team (its manager chain or
 * any member) chooses one action from released results; its owner or the team marks it done.
 * Who answered is shown to nobody but the person themselves.
 */

export const MIN_DAYS = 1;
export const MAX_DAYS = 30;
export const DEFAULT_DAYS = 7;

export type HealthViewer = { id: string; isAdmin: boolean };

/** How the viewer stands to a team, as the service found it. */
export type TeamStanding = {
  /** Asked in this check-in (a member when it started). */
  asked: boolean;
  /** A member of the team now. */
  member: boolean;
  /** Above a member (now, or when it started) in the reporting line. */
  managesMember: boolean;
};

export function canStartFor(viewer: HealthViewer, standing: Pick<TeamStanding, "managesMember">) {
  return viewer.isAdmin || standing.managesMember;
}

/** Why a team may not be asked, or null when it may. */
export function startRefusal(facts: {
  mayStart: boolean;
  members: number;
  floor: number;
}): "forbidden" | "too-small" | null {
  if (!facts.mayStart) return "forbidden";
  if (facts.members < facts.floor) return "too-small";
  return null;
}

export function canReadResults(viewer: HealthViewer, standing: TeamStanding): boolean {
  return viewer.isAdmin || standing.asked || standing.member || standing.managesMember;
}

/** Open: not closed by hand and its closing moment not reached. */
export function isOpen(checkIn: { closesAt: Date; closedAt: Date | null }, now: Date): boolean {
  return checkIn.closedAt === null && checkIn.closesAt.getTime() > now.getTime();
}

export function answerRefusal(facts: {
  asked: boolean;
  answered: boolean;
  open: boolean;
}): "not-asked" | "answered" | "closed" | null {
  if (!facts.asked) return "not-asked";
  if (!facts.open) return "closed";
  if (facts.answered) return "answered";
  return null;
}

/** The team chooses: its members, whoever was asked and its managers; an admin alone does not. */
export function canChooseAction(standing: TeamStanding): boolean {
  return standing.asked || standing.member || standing.managesMember;
}

export function actionRefusal(facts: {
  mayChoose: boolean;
  alreadyChosen: boolean;
  itemShown: boolean;
  ownerInTeam: boolean;
}): "forbidden" | "already" | "item" | "owner" | null {
  if (!facts.mayChoose) return "forbidden";
  if (facts.alreadyChosen) return "already";
  if (!facts.itemShown) return "item";
  if (!facts.ownerInTeam) return "owner";
  return null;
}

export function canMarkDone(
  viewer: HealthViewer,
  action: { ownerId: string | null; doneAt: Date | null },
  standing: TeamStanding,
): boolean {
  return action.doneAt === null && (viewer.id === action.ownerId || canChooseAction(standing));
}

/** The owner takes an open action to their next one-to-one with their manager (its agenda). */
export function canTakeToOneToOne(
  viewer: HealthViewer,
  action: { ownerId: string | null; doneAt: Date | null },
): boolean {
  return action.doneAt === null && viewer.id === action.ownerId;
}

export function canClose(viewer: HealthViewer, startedById: string | null): boolean {
  return viewer.isAdmin || viewer.id === startedById;
}

/** Whether the person is shown that they answered: only to themselves. */
export function showsAnswered(viewer: HealthViewer, personId: string): boolean {
  return viewer.id === personId;
}

/** The organisation view: admins (every team) and managers (the teams below them). */
export function canReadOrganisation(viewer: HealthViewer, managesAnyTeam: boolean): boolean {
  return viewer.isAdmin || managesAnyTeam;
}

/** The fewest teams whose answers Cronbach's alpha is worked out over: a team's own would be one more figure about its few answers. */
const ALPHA_MIN_TEAMS = 3;

export function showsAlpha(teams: number): boolean {
  return teams >= ALPHA_MIN_TEAMS;
}

/**
 * Where a live check-in's code takes the viewer (decision 112): whoever was asked to answer, while
 * it is open and they have not; anyone else who may read the team's results to the room; nobody
 * else (null: a 404, the same as for a code that does not exist).
 */
export function liveEntry(
  viewer: HealthViewer,
  standing: TeamStanding,
  facts: { open: boolean; answered: boolean },
): "answer" | "room" | null {
  if (standing.asked && facts.open && !facts.answered) return "answer";
  return canReadResults(viewer, standing) ? "room" : null;
}

/**
 * Codes that open nothing for the viewer (none, or not their team's) are counted as sign-in
 * failures are (identity/passwords/throttle.ts): ten in a quarter of an hour, and the viewer waits
 * a quarter of an hour before any code opens again.
 */
export const liveCodeRule = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/*
 * The organisation's own items (decision 123).
 */

/** Who writes, changes, retires and deletes the organisation's own items: admins, and nobody else (a 404). */
export function canWriteItems(viewer: HealthViewer): boolean {
  return viewer.isAdmin;
}

/**
 * The most items a check-in asks besides Edmondson's seven, the library's and the organisation's
 * own together: eleven in all is what the library alone allowed, and stays under a minute on a phone.
 */
export const MAX_EXTRA_ITEMS = 4;

/** The most own items offered at once: the start form stays a short list. */
export const MAX_ACTIVE_OWN_ITEMS = 12;

/** An own item is offered to a new check-in until it is retired. */
export function isOffered(item: { retiredAt: Date | null }): boolean {
  return item.retiredAt === null;
}

/** Why a check-in may not ask these items besides the seven, or null when it may. */
export function extraItemsRefusal(facts: {
  library: number;
  own: readonly ({ retiredAt: Date | null } | null)[];
}): "not-offered" | "too-many" | null {
  if (facts.own.some((item) => item === null || !isOffered(item))) return "not-offered";
  if (facts.library + facts.own.length > MAX_EXTRA_ITEMS) return "too-many";
  return null;
}

/** Why an item may not be written (or brought back) as an offered one, or null when it may. */
export function itemWriteRefusal(facts: {
  mayWrite: boolean;
  /** Whether the write makes one more item offered: a new item, or a retired one brought back. */
  addsOffered: boolean;
  offered: number;
}): "forbidden" | "too-many" | null {
  if (!facts.mayWrite) return "forbidden";
  if (facts.addsOffered && facts.offered >= MAX_ACTIVE_OWN_ITEMS) return "too-many";
  return null;
}

/** An item a check-in asked is never deleted (it is retired): past check-ins name it. */
export function canDeleteItem(item: { askedAt: Date | null }): boolean {
  return item.askedAt === null;
}

/*
 * Experience by group (decision 126): the equity audit of the organisation's check-ins by track,
 * level and imported attribute, from a store of answers by group that holds no team.
 */

/**
 * Whether answers are compared by group at all: not now (decision 128). The generated attack over
 * team and group figures read together (test/unit/team-health/group-attack.test.ts) pins one
 * person's answer from a group's batch read beside a team's, however widely the group was asked,
 * and across team moves; no rule on who was asked closes it, because who falls in which batch follows
 * the order people answer in. Until a release the attack cannot pin, no answer is stored by group and
 * nobody reads the section, admins included.
 */
const COMPARED_BY_GROUP = false;

/** Whether answers are compared by group at all (above). */
export function comparesByGroup(): boolean {
  return COMPARED_BY_GROUP;
}

/**
 * Who reads the organisation's experience by group, once it is compared: admins. The store holds
 * no team, so it cannot be cut to a manager's line, and the whole organisation's groups would show
 * a manager people outside it.
 */
export function canReadByGroup(viewer: HealthViewer): boolean {
  return comparesByGroup() && viewer.isAdmin;
}

/** The dimensions groups are taken by: track, level and each imported attribute; never team or manager (no league table). */
export function isGroupDimension(dimension: string): boolean {
  if (dimension === "track" || dimension === "level") return true;
  if (!dimension.startsWith("attribute:")) return false;
  const name = dimension.slice("attribute:".length).trim().toLowerCase();
  return name !== "" && name !== "team" && name !== "manager";
}

/**
 * Whether an answer is stored in its group at all: only while groups are compared, and when the
 * group has at least its floor of people in the organisation. A smaller group's figures could never
 * be shown, and a row "level: principal" in an organisation of one principal would be that person's
 * answer.
 */
export function storesInGroup(facts: { people: number; floor: number }): boolean {
  return comparesByGroup() && facts.people >= facts.floor;
}

/**
 * Whether a group's figures are shown: at least one whole batch of its store released, and its
 * people asked in the quarter spread so that no one team holds all but fewer than the floor of them
 * (`askedElsewhere`: those asked outside the team that holds most of them). A group that one team
 * makes up is that team's people of that group: read beside the team's results, the difference of
 * the two would be about fewer than the floor. It does not stop a group's batch being read beside a
 * team's batch by a reader who knows the order (group-attack.test.ts pins someone): groups are not
 * compared until that is closed (`COMPARED_BY_GROUP`, decision 128).
 */
export function showsGroup(facts: {
  releasedBatches: number;
  askedElsewhere: number;
  floor: number;
}): boolean {
  return facts.releasedBatches > 0 && facts.askedElsewhere >= facts.floor;
}

/** A comparison is marked when its Holm-adjusted p-value, over every comparison the section shows, is below this. */
export const BY_GROUP_ALPHA = 0.05;

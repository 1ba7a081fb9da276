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

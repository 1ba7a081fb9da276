/**
 * Who may see and do what with promotions, and how an organisation decides them. Pure rules; the
 * services gather the facts (docs/decisions/084-promotions.md).
 *
 * - How: per ladder (job family), its own choice, else the organisation's, else calibration as before.
 *   With committees, a calibration "promote" outcome is a nomination into the ladder's next window,
 *   never a decision of its own.
 * - Nominating: the person themselves, anyone in their manager chain, or their sponsor (anyone else
 *   with an active sponsorship of them recorded), as the settings allow, while the window takes
 *   nominations. The person's manager is told
 *   and may add to a nomination they did not make; nothing lets them withdraw or block it.
 * - A packet: its nominee, their manager chain, the window's committee (once it is submitted) and
 *   admins; everyone else gets a 404. The nominee and their manager write it while the window is
 *   open; a submitted packet never changes, a correction is a linked amendment.
 * - A window's ladder version is locked from the moment it opens: the criteria are fixed before
 *   anyone is read.
 * - A nominee's active sponsorships are shown beside their nomination to those a sponsorship is for
 *   (sponsor, sponsee, admins) and to the window's committee once the packet is submitted; not to
 *   the manager chain as such.
 */
import type { Message } from "~/i18n/messages";

export type PromotionViewer = { id: string; isAdmin: boolean };

export const PROMOTION_MODES = ["calibration", "committee"] as const;
export type PromotionMode = (typeof PROMOTION_MODES)[number];

/** The settings row of the whole organisation; a ladder's own row has the ladder's id. */
export const ORGANISATION_SCOPE = "";

export type ModeRow = { scope: string; mode: string };

/** How a ladder's promotions are decided: its own choice, else the organisation's, else in calibration. */
export function promotionModeFor(ladderId: string | null, rows: readonly ModeRow[]): PromotionMode {
  const own = ladderId === null ? undefined : rows.find((row) => row.scope === ladderId);
  const chosen = own ?? rows.find((row) => row.scope === ORGANISATION_SCOPE);
  return chosen?.mode === "committee" ? "committee" : "calibration";
}

/** Whether a calibration "promote" outcome changes the person's level itself (else it becomes a nomination). */
export function calibrationDecides(mode: PromotionMode): boolean {
  return mode === "calibration";
}

export function canManagePromotions(viewer: PromotionViewer): boolean {
  return viewer.isAdmin;
}

export const WINDOW_STATES = ["draft", "open", "committee", "meeting", "closed"] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

/** The ladder version of a window is its criteria: chosen while a draft, fixed from the moment it opens. */
export function ladderVersionLocked(window: { openedAt: Date | null }): boolean {
  return window.openedAt !== null;
}

/** An admin changes a window's name and dates until it closes; its composition rules only while a draft. */
export function canEditWindow(viewer: PromotionViewer, window: { state: string }): boolean {
  return canManagePromotions(viewer) && window.state !== "closed";
}

/** An admin opens a draft window, once its ladder is decided by committees. */
export function canOpenWindow(
  viewer: PromotionViewer,
  window: { state: string },
  mode: PromotionMode,
): boolean {
  return canManagePromotions(viewer) && window.state === "draft" && mode === "committee";
}

const DAY = 24 * 60 * 60 * 1000;

/** An open window takes nominations from its first nomination day to the end of its last. */
export function takesNominations(
  window: { state: string; nominationsOpenOn: Date; nominationsCloseOn: Date },
  now: Date,
): boolean {
  return (
    window.state === "open" &&
    now.getTime() >= window.nominationsOpenOn.getTime() &&
    now.getTime() < window.nominationsCloseOn.getTime() + DAY
  );
}

export const NOMINATION_KINDS = ["self", "manager", "sponsor", "calibration"] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];

/** What a nomination by this person is: their own, their manager chain's, or a sponsor's. */
export function nominationKind(
  nominatorId: string,
  nominee: { id: string; managerChain: readonly string[] },
): "self" | "manager" | "sponsor" {
  if (nominatorId === nominee.id) return "self";
  return nominee.managerChain.includes(nominatorId) ? "manager" : "sponsor";
}

/**
 * Whether the nomination form may offer the levels open to this nominee (those above their level,
 * promotionTargets): only to the person and their manager chain, who read their record. A sponsor
 * reads nothing of it (nominationRefusal): a form that offered them the levels above the person's
 * would tell them the person's level. A sponsor, and anyone who types an email the form cannot yet
 * resolve, is offered the whole ladder with nothing marked, and learns no more than the one answer.
 */
export function nomineeLevelsShown(
  viewerId: string,
  nominee: { id: string; managerChain: readonly string[] },
): boolean {
  return nominationKind(viewerId, nominee) !== "sponsor";
}

export type NominationFacts = {
  kind: "self" | "manager" | "sponsor";
  selfNomination: boolean;
  sponsorNomination: boolean;
  /** The nominator has an active sponsorship of the nominee recorded (a sponsor's nomination needs one). */
  sponsorsNominee: boolean;
  /** The window takes nominations now (takesNominations). */
  windowOpen: boolean;
  nomineeActive: boolean;
  /** The nominee is on the window's ladder with a level. */
  nomineeOnLadder: boolean;
  /** The target is a level above the nominee's on their track, or a track change at or above their band. */
  targetAllowed: boolean;
  alreadyNominated: boolean;
  /** A "not yet" decision named a later window as the first they may be nominated into. */
  waitingForLaterWindow: boolean;
};

/**
 * Why this nomination may not be made, or null when it may. Who may nominate is said first. A
 * sponsor reads nothing of the person's record (their level, a nomination standing, a committee's
 * "not yet"): whatever in it stands in the way, they get one answer, so that trying one level or
 * window after another tells them nothing.
 */
export function nominationRefusal(facts: NominationFacts): Message | null {
  if (!facts.windowOpen) return { key: "promotions:errors.windowNotTakingNominations" };
  if (facts.kind === "self" && !facts.selfNomination)
    return { key: "promotions:errors.selfNominationOff" };
  if (facts.kind === "sponsor" && !facts.sponsorNomination)
    return { key: "promotions:errors.sponsorNominationOff" };
  if (facts.kind === "sponsor" && !facts.sponsorsNominee)
    return { key: "promotions:errors.sponsorNeedsSponsorship" };
  const inTheRecord = recordRefusal(facts);
  if (inTheRecord && facts.kind === "sponsor")
    return { key: "promotions:errors.sponsorCannotNominate" };
  return inTheRecord;
}

function recordRefusal(facts: NominationFacts): Message | null {
  if (!facts.nomineeActive || !facts.nomineeOnLadder)
    return { key: "promotions:errors.nomineeNotOnLadder" };
  if (!facts.targetAllowed) return { key: "promotions:errors.targetNotAllowed" };
  if (facts.alreadyNominated) return { key: "promotions:errors.alreadyNominated" };
  if (facts.waitingForLaterWindow) return { key: "promotions:errors.waitingForLaterWindow" };
  return null;
}

export type NominationAccess = {
  nomineeId: string;
  nominatedById: string;
  /** The nominee's managers now, nearest first. */
  managerChain: readonly string[];
  /** The window's committee members (and chair). */
  committeeIds: readonly string[];
};

/** A nomination's page (its statement and state): everyone who may read its packet, and whoever made it. */
export function canReadNomination(
  viewer: PromotionViewer,
  nomination: NominationAccess,
  packetSubmitted: boolean,
  firstReadRedacted: boolean,
): boolean {
  return (
    viewer.id === nomination.nominatedById ||
    canReadPacket(viewer, nomination, packetSubmitted, firstReadRedacted)
  );
}

/**
 * A packet: the nominee, their manager chain and admins; the window's committee once it is
 * submitted. A member whose first read of the nominee is still redacted reads it on their ballot
 * page only, under the candidate number: the nomination's own page names the nominee.
 */
export function canReadPacket(
  viewer: PromotionViewer,
  nomination: NominationAccess,
  submitted: boolean,
  firstReadRedacted: boolean,
): boolean {
  if (
    viewer.isAdmin ||
    viewer.id === nomination.nomineeId ||
    nomination.managerChain.includes(viewer.id)
  )
    return true;
  return submitted && nomination.committeeIds.includes(viewer.id) && !firstReadRedacted;
}

/**
 * A nominee's active sponsorship, shown with their nomination and packet: to those who read the
 * sponsorship itself (its sponsor, the nominee, admins), and to the window's committee once the
 * packet is submitted, since a sponsor's advocacy is meant for the people who decide. Their manager
 * chain reads the packet but not the sponsorship (sponsorship's own rule): a sponsee may be sponsored
 * for a role elsewhere and tells their manager themselves.
 */
export function canReadSponsorshipInPacket(
  viewer: PromotionViewer,
  facts: { nomineeId: string; sponsorId: string; isCommittee: boolean; packetSubmitted: boolean },
): boolean {
  if (viewer.isAdmin || viewer.id === facts.nomineeId || viewer.id === facts.sponsorId) return true;
  return facts.isCommittee && facts.packetSubmitted;
}

/** Who writes the packet: the nominee, and their manager (the nearest in the chain). */
export function packetAuthorRole(
  viewer: PromotionViewer,
  nomination: NominationAccess,
): "nominee" | "manager" | null {
  if (viewer.id === nomination.nomineeId) return "nominee";
  return nomination.managerChain[0] === viewer.id ? "manager" : null;
}

/**
 * Whether a packet draft may be written while its window is in this state: a first packet while the
 * window is open; an amendment of a submitted one until the committee meets. What the authors'
 * to-do lists (todo.server.ts) and the two rules below read.
 */
export function draftWritableIn(windowState: string, amendment: boolean): boolean {
  return windowState === "open" || (amendment && windowState === "committee");
}

/** A draft packet is written while the window is open; a submitted one only through an amendment, until the committee meets. */
export function canWritePacket(
  viewer: PromotionViewer,
  nomination: NominationAccess & { state: string },
  windowState: string,
): boolean {
  return (
    packetAuthorRole(viewer, nomination) !== null &&
    nomination.state === "nominated" &&
    draftWritableIn(windowState, false)
  );
}

export function canAmendPacket(
  viewer: PromotionViewer,
  nomination: NominationAccess & { state: string },
  windowState: string,
): boolean {
  return (
    packetAuthorRole(viewer, nomination) !== null &&
    nomination.state === "nominated" &&
    draftWritableIn(windowState, true)
  );
}

/**
 * What an author may put in a packet is what they may read: the nominee everything of theirs on
 * offer; their manager the same, less career evidence the nominee has not shared with them.
 */
export function mayOfferEvidence(
  role: "nominee" | "manager",
  item: { kind: string; shared: boolean },
): boolean {
  return role === "nominee" || item.kind !== "career-evidence" || item.shared;
}

/** A manager adds to a report's nomination while its window is open (what their to-do list reads too). */
export function additionsOpenIn(windowState: string): boolean {
  return windowState === "open";
}

/** The manager adds to a nomination made by someone else (the nominee or a sponsor) while the window is open: adding is all they can do. */
export function canAddToNomination(
  viewer: PromotionViewer,
  nomination: NominationAccess & { state: string },
  windowState: string,
): boolean {
  return (
    nomination.managerChain[0] === viewer.id &&
    nomination.nominatedById !== viewer.id &&
    nomination.state === "nominated" &&
    additionsOpenIn(windowState)
  );
}

/** The nominee may withdraw their candidacy, and whoever nominated them their nomination; a manager cannot withdraw someone else's. */
export function canWithdrawNomination(
  viewer: PromotionViewer,
  nomination: NominationAccess & { state: string },
  windowState: string,
): boolean {
  if (nomination.state !== "nominated" || (windowState !== "open" && windowState !== "committee"))
    return false;
  return viewer.id === nomination.nomineeId || viewer.id === nomination.nominatedById;
}

/**
 * A window opened and not yet closed: its committee decides the nominations made in it, whatever
 * the ladder's process is now (a ladder switched back to calibration keeps its running windows).
 */
export function windowStillDecides(window: { state: string }): boolean {
  return window.state !== "draft" && window.state !== "closed";
}

/** A window's outcomes are shown in aggregate only once it has closed: a count that moves with each decision would tell who. */
export function windowOutcomesShown(window: { state: string }): boolean {
  return window.state === "closed";
}

/**
 * Who reads the promotion audit (who among the eligible is nominated and promoted, by group), and
 * over whom: admins the whole organisation; the chair of a window that window, over everyone it
 * could promote; a manager their own organisation (the people under them when a window opened,
 * never themselves); anyone else a 404. `chairOfWindow` is only ever true on one window's audit: the
 * chair reads their window, not the other windows.
 */
export type PromotionAuditScope = { kind: "organisation" } | { kind: "line"; managerId: string };

export function promotionAuditScope(
  viewer: PromotionViewer,
  facts: { hasReports: boolean; chairOfWindow: boolean },
): PromotionAuditScope | null {
  if (viewer.isAdmin || facts.chairOfWindow) return { kind: "organisation" };
  if (facts.hasReports) return { kind: "line", managerId: viewer.id };
  return null;
}

/**
 * One window's audit: once the window has opened (its eligible population is kept then), over the
 * scope the viewer has; null, a 404, for a draft or for a viewer with no scope.
 */
export function windowAuditScope(
  viewer: PromotionViewer,
  facts: { opened: boolean; hasReports: boolean; chairOfWindow: boolean },
): PromotionAuditScope | null {
  return facts.opened ? promotionAuditScope(viewer, facts) : null;
}

/** The pages of one window, each readable by its own rule: the admin's, the committee's, the meeting, the audit. */
export type WindowPages = { manage: boolean; committee: boolean; meeting: boolean; audit: boolean };

/**
 * A window's own address says what the window is and leads to its pages the viewer may open. Whoever
 * may open none of them gets the 404 of a window that does not exist: the address is no way round
 * the rules of the pages it leads to, and tells a stranger no more than they already read.
 */
export function canReadWindowPage(pages: WindowPages): boolean {
  return pages.manage || pages.committee || pages.meeting || pages.audit;
}

/** Whether an eligible person counts in a scope: everyone in the organisation's; in a manager's, whoever was under them when the window opened. */
export function countedInPromotionAudit(
  scope: PromotionAuditScope,
  personId: string,
  underManagerAtOpening: boolean,
): boolean {
  return scope.kind === "organisation" || (personId !== scope.managerId && underManagerAtOpening);
}

/**
 * The chair's reading of the audit is a step of the window: the committee looks at who was
 * nominated and promoted, by group, before the window closes, and its history says when the chair
 * did. It counts once nominations are closed (the votes or the meeting), so that what the chair read
 * is the window's whole field; opening it as anyone else records nothing in the window's history.
 */
export function openingRecordsAuditStep(facts: {
  isChair: boolean;
  windowState: string;
  alreadyOpenedByChair: boolean;
}): boolean {
  return (
    facts.isChair &&
    (facts.windowState === "committee" || facts.windowState === "meeting") &&
    !facts.alreadyOpenedByChair
  );
}

export type VotesFacts = {
  state: string;
  hasChair: boolean;
  /** Standing nominations (not withdrawn). */
  nominations: number;
  /** Standing nominations whose packet is not submitted. */
  packetsOut: number;
};

/**
 * Why an admin may not end the nominations and start the committee's votes, or null when they may:
 * only from an open window with a chair and at least one nomination, and only once every standing
 * nomination's packet is in, so that no committee votes on a case its nominee has not finished.
 * The window's dates are its plan; this step is the admin's, on the day the packets are in.
 */
export function votesStartRefusal(viewer: PromotionViewer, facts: VotesFacts): Message | null {
  if (!canManagePromotions(viewer)) return { key: "common:errors.adminsOnly" };
  if (facts.state !== "open") return { key: "promotions:errors.votesNotFromOpen" };
  if (!facts.hasChair) return { key: "promotions:errors.votesWithoutChair" };
  if (facts.nominations === 0) return { key: "promotions:errors.votesWithoutNominations" };
  if (facts.packetsOut > 0)
    return { key: "promotions:errors.votesWithPacketsOut", values: { count: facts.packetsOut } };
  return null;
}

export type CloseFacts = {
  state: string;
  hasChair: boolean;
  /** The window's history holds the chair's opening of its audit. */
  chairOpenedAudit: boolean;
  /** Standing nominations (not withdrawn) with no decision, or a decision not yet released to the nominee. */
  unreleased: number;
};

/**
 * Why an admin may not close this window, or null when they may: only from the meeting, once every
 * standing nomination's decision is released, and only after the window's chair has opened its audit.
 */
export function windowCloseRefusal(viewer: PromotionViewer, facts: CloseFacts): Message | null {
  if (!canManagePromotions(viewer)) return { key: "common:errors.adminsOnly" };
  if (facts.state === "closed") return { key: "promotions:errors.windowClosed" };
  if (facts.state !== "meeting") return { key: "promotions:errors.closeBeforeMeeting" };
  if (facts.unreleased > 0)
    return { key: "promotions:errors.closeWithUnreleased", values: { count: facts.unreleased } };
  if (!facts.hasChair) return { key: "promotions:errors.closeWithoutChair" };
  if (!facts.chairOpenedAudit) return { key: "promotions:errors.closeBeforeAudit" };
  return null;
}

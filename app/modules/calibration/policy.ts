import {
  outcomesEditable,
  proposalsEditable,
  proposalsRevealed,
  type SessionState,
} from "./session-state";

/**
 * Who may do what in a calibration session. Only the facilitator, invited calibrators and
 * admins see a session at all (everyone else gets a 404); a manager sees other managers'
 * proposals only once the session is live; people see nothing but their own released outcome.
 */
export type CalibrationViewer = { id: string; isAdmin: boolean };

export type SessionAccess = {
  facilitatorId: string;
  /**
   * Invited calibrators (the managers of the population and anyone else the facilitator invited)
   * among the people the read asked about: a session read for a viewer asks about the viewer alone.
   */
  calibratorIds: readonly string[];
  state: SessionState;
  /**
   * The viewer and their managers up the line: people in the population the viewer is calibrated
   * beside, not over (a manager whose own manager's organisation is calibrated). Empty for admins.
   */
  withheldPersonIds: readonly string[];
};

export type EntryAccess = { personId: string; managerId: string | null; released: boolean };

/** Sessions are set up by admins, who name the facilitator. */
export const canSetUpSession = (viewer: CalibrationViewer) => viewer.isAdmin;

export const isFacilitator = (viewer: CalibrationViewer, session: SessionAccess) =>
  viewer.id === session.facilitatorId;
const isCalibrator = (viewer: CalibrationViewer, session: SessionAccess) =>
  session.calibratorIds.includes(viewer.id);

export function canViewSession(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return viewer.isAdmin || isFacilitator(viewer, session) || isCalibrator(viewer, session);
}

/**
 * Someone in the population who also calibrates (a manager whose own manager's organisation is
 * calibrated) is calibrated without them: neither their own entry nor those of their managers up
 * the line are theirs to open, mark or rate, and they are left out of their view of the session.
 * They learn their outcome as everyone does, once it is released. Admins see everything. While the
 * facilitator sets the session up (its draft), calibrators see only their own reports' entries, which
 * carry review figures: they read others' reviews through the session only from proposals on.
 */
export function canOpenEntry(
  viewer: CalibrationViewer,
  session: SessionAccess,
  entry: EntryAccess,
): boolean {
  if (viewer.isAdmin) return true;
  if (session.state === "draft" && !isFacilitator(viewer, session) && entry.managerId !== viewer.id)
    return false;
  return canViewSession(viewer, session) && !session.withheldPersonIds.includes(entry.personId);
}

/** A proposal: its manager always; the facilitator and admins always; other calibrators once proposals are revealed. */
export function canSeeProposal(
  viewer: CalibrationViewer,
  session: SessionAccess,
  entry: EntryAccess,
): boolean {
  if (!canOpenEntry(viewer, session, entry)) return false;
  return (
    viewer.isAdmin ||
    isFacilitator(viewer, session) ||
    entry.managerId === viewer.id ||
    proposalsRevealed(session.state)
  );
}

/** Independent pre-read ratings and marks stay blind until proposals are revealed; the facilitator and admins see them throughout. */
export function canSeePreReads(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return viewer.isAdmin || isFacilitator(viewer, session) || proposalsRevealed(session.state);
}

/** The session's exports, its list of calibrators, inviting more and its meeting: the facilitator and admins. */
export function canOverseeSession(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return viewer.isAdmin || isFacilitator(viewer, session);
}

/** Only the person's manager proposes, while proposals are open. */
export function canPropose(
  viewer: CalibrationViewer,
  session: SessionAccess,
  entry: EntryAccess,
): boolean {
  return (
    entry.managerId === viewer.id &&
    isCalibrator(viewer, session) &&
    proposalsEditable(session.state)
  );
}

/** Calibrators give their independent pre-read marks during the pre-read. */
function canPreRead(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return isCalibrator(viewer, session) && session.state === "preread";
}

/** An independent rating of someone else's report, during the pre-read: the person's own manager has their proposal. */
export function canRateIndependently(
  viewer: CalibrationViewer,
  session: SessionAccess,
  entry: EntryAccess,
): boolean {
  return (
    canPreRead(viewer, session) &&
    canOpenEntry(viewer, session, entry) &&
    entry.managerId !== viewer.id
  );
}

/** Once proposals are revealed (and while outcomes are open), other calibrators mark a proposal: agree, question, or no view. */
export function canMarkProposal(
  viewer: CalibrationViewer,
  session: SessionAccess,
  entry: EntryAccess,
): boolean {
  return (
    isCalibrator(viewer, session) &&
    canOpenEntry(viewer, session, entry) &&
    entry.managerId !== viewer.id &&
    session.state === "live"
  );
}

/** The facilitator records outcomes; so may an admin, for an entry the facilitator may not open (their own, or a manager's of theirs). */
export function canRecordOutcome(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return (isFacilitator(viewer, session) || viewer.isAdmin) && outcomesEditable(session.state);
}

/** Meeting mode (stepping through the agenda, the discussion notes) is run by whoever records outcomes: the facilitator or an admin, while the session is live. */
export function canRunMeeting(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return canRecordOutcome(viewer, session);
}

/** The facilitator or an admin sets, moves or removes the session's meeting, until it is locked. */
export function canScheduleMeeting(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return (
    (viewer.isAdmin || isFacilitator(viewer, session)) &&
    session.state !== "locked" &&
    session.state !== "published"
  );
}

export function canChangeState(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return isFacilitator(viewer, session);
}

/**
 * A person's outcome is theirs once released to them: their entry released (canReleaseOutcome) in a
 * published session. Before that nobody outside the session learns it: not the person, the release of
 * their feedback or reviews, their promotion packet, nor a token. The one statement of the rule;
 * queries.server.ts holds it as a query filter and as SQL.
 */
export function isReleasedToPerson(
  entry: { released: boolean },
  session: { state: string },
): boolean {
  return entry.released && session.state === "published";
}

/** Why no outcome of the session is released yet (a message key), or null once they may be. */
export function releaseRefusal(session: Pick<SessionAccess, "state">): string | null {
  return session.state === "published" ? null : "calibration:errors.releaseAfterPublish";
}

/**
 * Once the session is published, the person's manager shows the person their outcome, after talking
 * it through; the facilitator may release anyone's (someone whose manager has left, say).
 */
export function canReleaseOutcome(
  viewer: CalibrationViewer,
  session: SessionAccess,
  entry: EntryAccess,
): boolean {
  return (
    releaseRefusal(session) === null &&
    canOpenEntry(viewer, session, entry) &&
    (entry.managerId === viewer.id || isFacilitator(viewer, session))
  );
}

/** The fairness report: admins only, once outcomes are frozen (locked or published). */
export function canSeeFairness(viewer: CalibrationViewer, session: SessionAccess): boolean {
  return viewer.isAdmin && (session.state === "locked" || session.state === "published");
}

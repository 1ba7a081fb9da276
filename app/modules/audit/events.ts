
/** Every action the app records, with the words the audit log page shows for it. */
export const ACTION_LABELS = {
  "person.created": "Person added",
  "person.updated": "Person updated",
  "person.deactivated": "Person deactivated",
  "person.reactivated": "Person reactivated",
  "person.signed_out_everywhere": "Signed out everywhere",
  "person.sign_in_link_created": "Sign-in link created",
  "person.password_set_with_link": "Password set with a sign-in link",
  "person.promoted": "Promoted through calibration",
  "person.signed_in_with_single_sign_on": "Signed in with single sign-on",
  "setup.first_admin": "First admin set up with the setup link",
  "setup.admin_by_command": "Made an admin with npm run admin",
  "people.imported": "People imported",
  "team.created": "Team created",
  "team.renamed": "Team renamed",
  "team.deleted": "Team deleted",
  "scim.token_created": "SCIM token created",
  "scim.token_revoked": "SCIM token revoked",
  "scim.group_created": "SCIM group created",
  "scim.group_renamed": "SCIM group renamed",
  "scim.group_deleted": "SCIM group deleted",
  "scim.group_members_changed": "SCIM group's members changed",
  "scim.group_team_set": "SCIM group's team set",
  "scim.groups_as_teams_set": "Which SCIM groups are teams chosen",
  "cycle.open": "Review cycle opened",
  "cycle.close": "Review cycle closed",
  "cycle.participants_added": "People added to a review cycle",
  "cycle.participant_removed": "Person taken out of a review cycle",
  "cycle.review_sharing_set": "When a review cycle shares reviews chosen",
  "ladders.reloaded": "Ladders reloaded",
  "ladder.retired": "Ladder retired",
  "ladder.restored": "Ladder restored",
  "candidate.purged": "Candidate data purged",
  "hiring.retention_set": "Candidate retention period set",
  "mentorship.programme_created": "Mentorship programme set up",
  "mentorship.programme_updated": "Mentorship programme changed",
  "mentorship.programme_closed": "Mentorship programme closed",
  "mentorship.matching_run": "Mentor matching run",
  "mentorship.pair_pinned": "Mentorship pair pinned",
  "mentorship.pair_forbidden": "Mentorship pair forbidden",
  "mentorship.pair_rule_removed": "Mentorship pin or forbid removed",
  "mentorship.pairs_published": "Mentorship pairs published",
  "email.resent": "Email sent again",
  "feedback.settings_changed": "Feedback settings of a review cycle changed",
  "feedback.nominated": "Reviewer nominated for feedback",
  "feedback.approved": "Feedback nomination approved",
  "feedback.declined": "Feedback nomination declined",
  "feedback.withdrawn": "Feedback request withdrawn",
  "feedback.request_declined": "Feedback request declined by the colleague asked",
  "feedback.opened": "Released feedback opened by the person it is about",
  "conversation.series_started": "Career conversations set up",
  "conversation.cadence_changed": "Career conversations' cadence changed",
  "conversation.meeting_moved": "Career conversation moved",
  "conversation.meeting_held": "Career conversation held",
  "conversation.meeting_skipped": "Career conversation skipped",
  "conversation.action_added": "Action agreed in a career conversation",
  "conversation.action_closed": "Action from a career conversation closed",
  "conversation.action_reopened": "Action from a career conversation reopened",
} as const;

export type AuditAction = keyof typeof ACTION_LABELS;

/** The label of a stored action; an action no longer written shows as stored. */
export function actionLabel(action: string): string {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action as AuditAction] : action;
}

/**
 * How the served ladders name a track, a level and a place (track and level) in words, the id
 * where none knows it: ladders' lookups, bound by the caller (ladderWords), so that recording and
 * describing events, which every module does, depends on no module.
 */
export type LadderWords = {
  track(trackId: string | null, ladderId?: string | null): string | null;
  level(levelId: string | null, ladderId?: string | null, sublevelId?: string | null): string | null;
  place(trackId: string | null, levelId: string | null, ladderId?: string | null, sublevelId?: string | null): string | null;
};

/** What describing a detail reads besides it: the ladders' words for tracks and levels, and the names of people and sessions a detail refers to by id. */
export type DetailContext = { ladderWords: LadderWords; names: ReadonlyMap<string, string> };

type Detail = Readonly<Record<string, unknown>>;
type Describe = (detail: Detail, context: DetailContext) => string[];

/** Stored keys in the words the audit log shows; a key not here is shown as stored. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  managerEmail: "manager",
  managerPending: "manager not yet provisioned",
  ladderId: "ladder",
  sublevel: "sub-level",
  isAdmin: "admin",
  isHiringAdmin: "hiring admin",
  userName: "SCIM user name",
  externalId: "SCIM external id",
  endedSessions: "sessions ended",
  expiresAt: "expires",
  signInLinkExpiresAt: "sign-in link expires",
  revokedEarlierLinks: "earlier links revoked",
  alreadyInRungs: "already in Rungs",
  startsOn: "starts",
  endsOn: "ends",
  loopId: "interview loop",
  retentionDays: "retention (days)",
  was: "status before",
  calibrationSessionId: "calibration session",
  menteeId: "mentee",
  mentorId: "mentor",
  reviewerId: "reviewer",
  feedbackRequestsWithdrawn: "feedback requests withdrawn",
  managerId: "manager",
  reportId: "report",
  ownerId: "owner",
  movedFrom: "moved from",
  conversationMeetingsWithdrawn: "career conversations withdrawn",
};

/** Keys whose value is the id of a person or session, shown by name. */
const NAMED_BY_ID = new Set(["calibrationSessionId", "menteeId", "mentorId", "reviewerId", "managerId", "reportId", "ownerId"]);

/** The ids a detail refers to that the audit log names (people, calibration sessions). */
export function idsToName(detail: unknown): string[] {
  if (!isDetail(detail)) return [];
  return Object.entries(detail).flatMap(([key, value]) => (NAMED_BY_ID.has(key) && typeof value === "string" ? [value] : []));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const instantFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("en-GB");
/** How many items of a stored list the audit log names before it counts the rest. */
export const LISTED_AT_MOST = 20;

function isDetail(value: unknown): value is Detail {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return isDetail(value) && "from" in value && "to" in value;
}

/** One stored value in words: tracks and levels by their titles, ids by name, never an object's default text. */
function valueText(key: string, value: unknown, detail: Detail, context: DetailContext): string {
  if (isChange(value)) return `${valueText(key, value.from, detail, context)} → ${valueText(key, value.to, detail, context)}`;
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return numberFormat.format(value);
  if (Array.isArray(value)) return listText(value.map((item) => valueText(key, item, detail, context)));
  if (isDetail(value)) {
    return Object.entries(value)
      .map(([inner, item]) => `${FIELD_NAMES[inner] ?? inner} ${valueText(inner, item, value, context)}`)
      .join(", ");
  }
  const text = String(value);
  const ladderId = typeof detail.ladderId === "string" ? detail.ladderId : null;
  if (key === "track") return context.ladderWords.track(text, ladderId) ?? text;
  if (key === "level") return context.ladderWords.level(text, ladderId) ?? text;
  if (NAMED_BY_ID.has(key)) return context.names.get(text) ?? text;
  if (ISO_INSTANT.test(text)) return `${instantFormat.format(new Date(text))} UTC`;
  return text;
}

/**
 * A list's first LISTED_AT_MOST items, and how many more of `total` there are (events written
 * before lists were kept short at writing hold them whole: an import of 50,000 people named its
 * thousands of new teams).
 */
function listText(items: readonly string[], total = items.length): string {
  const named = items.slice(0, LISTED_AT_MOST);
  const more = Math.max(total, items.length) - named.length;
  return (more > 0 ? `${named.join(", ")} and ${numberFormat.format(more)} more` : named.join(", ")) || "none";
}

/** Every field as "name: value" in the order it was stored; `via` reads as the way the change came. */
function fields(detail: Detail, context: DetailContext, names: Readonly<Record<string, string>> = {}): string[] {
  return Object.entries(detail).map(([key, value]) =>
    key === "via" ? `via ${valueText(key, value, detail, context)}` : `${names[key] ?? FIELD_NAMES[key] ?? key}: ${valueText(key, value, detail, context)}`,
  );
}

const listed: Describe = (detail, context) => fields(detail, context);

/** A place ({ track, level }) by the level's title, and the track's too when the track changes. */
function placeChange(from: unknown, to: unknown, context: DetailContext): string {
  const place = (value: unknown) => (isDetail(value) ? { track: typeof value.track === "string" ? value.track : null, level: typeof value.level === "string" ? value.level : null } : { track: null, level: null });
  const [before, after] = [place(from), place(to)];
  const words =
    before.track === after.track
      ? (side: typeof before) => context.ladderWords.level(side.level)
      : (side: typeof before) => context.ladderWords.place(side.track, side.level);
  return `${words(before) ?? "none"} → ${words(after) ?? "none"}`;
}

const pick = (detail: Detail, ...keys: string[]): Detail => Object.fromEntries(Object.entries(detail).filter(([key]) => keys.includes(key)));
const without = (detail: Detail, ...keys: string[]): Detail => Object.fromEntries(Object.entries(detail).filter(([key]) => !keys.includes(key)));

const programme: Describe = (detail, context) => fields(detail, context, { name: "programme" });

/** Each kind's detail as its writers record it. */
const DESCRIBE: { [A in AuditAction]: Describe } = {
  "person.created": (detail, context) => {
    const ladderId = typeof detail.ladderId === "string" ? detail.ladderId : null;
    const text = (key: string) => (typeof detail[key] === "string" ? (detail[key] as string) : null);
    const place = context.ladderWords.place(text("track"), text("level"), ladderId, text("sublevel"));
    return [
      ...fields(pick(detail, "name", "email"), context),
      ...(place ? [`place: ${place}`] : []),
      ...(detail.isAdmin === true ? ["admin"] : []),
      ...(detail.isHiringAdmin === true ? ["hiring admin"] : []),
      ...(detail.active === false ? ["deactivated"] : []),
      ...fields(without(detail, "name", "email", "ladderId", "track", "level", "sublevel", "isAdmin", "isHiringAdmin", "active"), context),
    ];
  },
  "person.updated": listed,
  "person.deactivated": listed,
  "person.reactivated": listed,
  "person.signed_out_everywhere": listed,
  "person.sign_in_link_created": listed,
  "person.password_set_with_link": listed,
  "person.promoted": (detail, context) => [placeChange(detail.from, detail.to, context), ...fields(without(detail, "from", "to"), context)],
  "person.signed_in_with_single_sign_on": listed,
  "setup.first_admin": listed,
  "setup.admin_by_command": (detail, context) => fields(detail, context, { created: "new to Rungs" }),
  // The import keeps the first LISTED_AT_MOST new teams' names and counts them all (newTeams).
  "people.imported": (detail, context) => {
    const names = Array.isArray(detail.newTeamNames) ? detail.newTeamNames.map((name) => valueText("newTeamNames", name, detail, context)) : null;
    const total = typeof detail.newTeams === "number" ? detail.newTeams : (names?.length ?? 0);
    return [...fields(without(detail, "newTeams", "newTeamNames"), context, { created: "added" }), ...(names ? [`new teams: ${listText(names, total)}`] : [])];
  },
  "team.created": listed,
  "team.renamed": (detail, context) => [valueText("name", { from: detail.from, to: detail.to }, detail, context), ...fields(without(detail, "from", "to"), context)],
  "team.deleted": listed,
  "scim.token_created": listed,
  "scim.token_revoked": listed,
  "scim.group_created": listed,
  "scim.group_renamed": (detail, context) => [valueText("name", { from: detail.from, to: detail.to }, detail, context), ...fields(without(detail, "from", "to"), context)],
  "scim.group_deleted": listed,
  "scim.group_members_changed": listed,
  "scim.group_team_set": listed,
  "scim.groups_as_teams_set": (detail) => [typeof detail.groupsAsTeams === "string" ? detail.groupsAsTeams : ""],
  "cycle.open": listed,
  "cycle.close": listed,
  "cycle.participants_added": listed,
  "cycle.participant_removed": listed,
  "cycle.review_sharing_set": listed,
  "ladders.reloaded": (detail) => {
    const entries = (value: unknown) => (Array.isArray(value) ? value.filter(isDetail) : []);
    const served = entries(detail.served).map((entry) => `${String(entry.folder)} ${String(entry.version)} (${String(entry.hash)})`);
    const problems = entries(detail.problems).map((entry) => `${String(entry.folder)} (errors: ${String(entry.errors)})`);
    return [`served: ${served.join(", ") || "none"}`, `problems: ${problems.join(", ") || "none"}`];
  },
  "ladder.retired": listed,
  "ladder.restored": listed,
  "candidate.purged": listed,
  "hiring.retention_set": (detail) => [typeof detail.retentionDays === "number" ? `rejected candidates kept (days): ${numberFormat.format(detail.retentionDays)}` : "rejected candidates kept until purged by hand"],
  "mentorship.programme_created": programme,
  "mentorship.programme_updated": programme,
  "mentorship.programme_closed": programme,
  "mentorship.matching_run": programme,
  "mentorship.pair_pinned": programme,
  "mentorship.pair_forbidden": programme,
  "mentorship.pair_rule_removed": programme,
  "mentorship.pairs_published": programme,
  "email.resent": listed,
  // Feedback: who was asked about whom and what became of it; never what anyone wrote.
  "feedback.settings_changed": listed,
  "feedback.nominated": listed,
  "feedback.approved": listed,
  "feedback.declined": listed,
  "feedback.withdrawn": listed,
  "feedback.request_declined": listed,
  "feedback.opened": listed,
  // Career conversations: who, when and the cadence; never what was said or agreed.
  "conversation.series_started": listed,
  "conversation.cadence_changed": listed,
  "conversation.meeting_moved": listed,
  "conversation.meeting_held": listed,
  "conversation.meeting_skipped": listed,
  "conversation.action_added": listed,
  "conversation.action_closed": listed,
  "conversation.action_reopened": listed,
};

/**
 * An event's detail in words for the audit log. Details are stored as each release wrote them,
 * so anything unexpected (an action no longer written, a field added later) still reads as
 * words, never as an object's default text.
 */
export function describeAuditDetail(action: string, detail: unknown, context: DetailContext): string {
  if (detail === null || detail === undefined) return "";
  if (!isDetail(detail)) return valueText("", detail, {}, context);
  const describe: Describe = Object.hasOwn(DESCRIBE, action) ? DESCRIBE[action as AuditAction] : listed;
  return describe(detail, context).join("; ");
}

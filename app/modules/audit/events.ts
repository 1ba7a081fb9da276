import { listOf, type Message } from "~/i18n/messages";
import type { AuditSubjectType } from "./audit.server";
/** Every action the app records, with the message the audit log page words it with (app/locales). */
export const ACTION_LABELS = {
  "person.created": "admin:audit.actions.personCreated",
  "person.updated": "admin:audit.actions.personUpdated",
  "person.deactivated": "admin:audit.actions.personDeactivated",
  "person.reactivated": "admin:audit.actions.personReactivated",
  "person.signed_out_everywhere": "admin:audit.actions.personSignedOutEverywhere",
  "person.sign_in_link_created": "admin:audit.actions.personSignInLinkCreated",
  "person.password_set_with_link": "admin:audit.actions.personPasswordSetWithLink",
  "person.promoted": "admin:audit.actions.personPromoted",
  "person.signed_in_with_single_sign_on": "admin:audit.actions.personSignedInWithSingleSignOn",
  "setup.first_admin": "admin:audit.actions.setupFirstAdmin",
  "setup.admin_by_command": "admin:audit.actions.setupAdminByCommand",
  "people.imported": "admin:audit.actions.peopleImported",
  "team.created": "admin:audit.actions.teamCreated",
  "team.renamed": "admin:audit.actions.teamRenamed",
  "team.deleted": "admin:audit.actions.teamDeleted",
  "scim.token_created": "admin:audit.actions.scimTokenCreated",
  "scim.token_revoked": "admin:audit.actions.scimTokenRevoked",
  "scim.group_created": "admin:audit.actions.scimGroupCreated",
  "scim.group_renamed": "admin:audit.actions.scimGroupRenamed",
  "scim.group_deleted": "admin:audit.actions.scimGroupDeleted",
  "scim.group_members_changed": "admin:audit.actions.scimGroupMembersChanged",
  "scim.group_team_set": "admin:audit.actions.scimGroupTeamSet",
  "scim.groups_as_teams_set": "admin:audit.actions.scimGroupsAsTeamsSet",
  "cycle.open": "admin:audit.actions.cycleOpen",
  "cycle.close": "admin:audit.actions.cycleClose",
  "cycle.participants_added": "admin:audit.actions.cycleParticipantsAdded",
  "cycle.participant_removed": "admin:audit.actions.cycleParticipantRemoved",
  "cycle.review_sharing_set": "admin:audit.actions.cycleReviewSharingSet",
  "ladders.reloaded": "admin:audit.actions.laddersReloaded",
  "ladder.retired": "admin:audit.actions.ladderRetired",
  "ladder.restored": "admin:audit.actions.ladderRestored",
  "candidate.purged": "admin:audit.actions.candidatePurged",
  "hiring.retention_set": "admin:audit.actions.hiringRetentionSet",
  "hiring.panel_rule_set": "admin:audit.actions.hiringPanelRuleSet",
  "mentorship.programme_created": "admin:audit.actions.mentorshipProgrammeCreated",
  "mentorship.programme_updated": "admin:audit.actions.mentorshipProgrammeUpdated",
  "mentorship.programme_closed": "admin:audit.actions.mentorshipProgrammeClosed",
  "mentorship.matching_run": "admin:audit.actions.mentorshipMatchingRun",
  "mentorship.pair_pinned": "admin:audit.actions.mentorshipPairPinned",
  "mentorship.pair_forbidden": "admin:audit.actions.mentorshipPairForbidden",
  "mentorship.pair_rule_removed": "admin:audit.actions.mentorshipPairRuleRemoved",
  "mentorship.pairs_published": "admin:audit.actions.mentorshipPairsPublished",
  "email.resent": "admin:audit.actions.emailResent",
  "feedback.settings_changed": "admin:audit.actions.feedbackSettingsChanged",
  "feedback.nominated": "admin:audit.actions.feedbackNominated",
  "feedback.approved": "admin:audit.actions.feedbackApproved",
  "feedback.declined": "admin:audit.actions.feedbackDeclined",
  "feedback.withdrawn": "admin:audit.actions.feedbackWithdrawn",
  "feedback.request_declined": "admin:audit.actions.feedbackRequestDeclined",
  "feedback.opened": "admin:audit.actions.feedbackOpened",
  "conversation.series_started": "admin:audit.actions.conversationSeriesStarted",
  "conversation.cadence_changed": "admin:audit.actions.conversationCadenceChanged",
  "conversation.meeting_moved": "admin:audit.actions.conversationMeetingMoved",
  "conversation.meeting_held": "admin:audit.actions.conversationMeetingHeld",
  "conversation.meeting_skipped": "admin:audit.actions.conversationMeetingSkipped",
  "conversation.action_added": "admin:audit.actions.conversationActionAdded",
  "conversation.action_closed": "admin:audit.actions.conversationActionClosed",
  "conversation.action_reopened": "admin:audit.actions.conversationActionReopened",
  "webhook.endpoint_added": "webhooks:audit.endpointAdded",
  "webhook.endpoint_removed": "webhooks:audit.endpointRemoved",
  "webhook.test_sent": "webhooks:audit.testSent",
  "webhook.redelivered": "webhooks:audit.redelivered",
  "api.token_issued": "api:audit.tokenIssued",
  "api.token_revoked": "api:audit.tokenRevoked",
  "api.person_created": "api:audit.personCreated",
  "api.person_updated": "api:audit.personUpdated",
  "opportunity.poster_allowed": "admin:audit.actions.opportunityPosterAllowed",
  "opportunity.poster_removed": "admin:audit.actions.opportunityPosterRemoved",
  "sponsorship.cap_set": "admin:audit.actions.sponsorshipCapSet",
  "export.requested": "exports:audit.requested",
  "export.downloaded": "exports:audit.downloaded",
  "person.erased": "retention:audit.personErased",
  "person.legal_hold_set": "retention:audit.legalHoldSet",
  "person.legal_hold_cleared": "retention:audit.legalHoldCleared",
  "retention.rules_set": "retention:audit.rulesSet",
  "retention.private_notes_removed": "retention:audit.privateNotesRemoved",
  "retention.feedback_texts_removed": "retention:audit.feedbackTextsRemoved",
  "retention.team_health_answers_removed": "retention:audit.teamHealthAnswersRemoved",
  "team_health.item_written": "teamHealth:audit.itemWritten",
  "team_health.item_changed": "teamHealth:audit.itemChanged",
  "team_health.item_retired": "teamHealth:audit.itemRetired",
  "team_health.item_restored": "teamHealth:audit.itemRestored",
  "team_health.item_deleted": "teamHealth:audit.itemDeleted",
  "promotions.settings_changed": "admin:audit.actions.promotionSettingsChanged",
  "promotions.settings_cleared": "admin:audit.actions.promotionSettingsCleared",
} as const;

export type AuditAction = keyof typeof ACTION_LABELS;

/**
 * The kinds of subject the log names by a word, not by a link to the subject's page (people,
 * teams, cycles and an import have their own words on the page).
 */
export const SUBJECT_LABELS = {
  ladders: "admin:audit.subjects.ladders",
  candidate: "admin:audit.subjects.candidate",
  hiring: "admin:audit.subjects.hiring",
  MentorshipProgramme: "admin:audit.subjects.mentorshipProgramme",
  email: "admin:audit.subjects.email",
  "scim-token": "admin:audit.subjects.scimToken",
  "scim-group": "admin:audit.subjects.scimGroup",
  scim: "admin:audit.subjects.scim",
  conversation: "admin:audit.subjects.conversation",
  webhook: "admin:audit.subjects.webhook",
  "api-token": "admin:audit.subjects.apiToken",
  retention: "admin:audit.subjects.retention",
  promotions: "admin:audit.subjects.promotions",
  "team-health-item": "admin:audit.subjects.teamHealthItem",
} as const satisfies Record<
  Exclude<AuditSubjectType, "person" | "team" | "ReviewCycle" | "people">,
  string
>;

/** The message naming a stored subject's kind; a kind no longer written shows as stored. */
export function subjectLabel(subjectType: string): string {
  return Object.hasOwn(SUBJECT_LABELS, subjectType)
    ? SUBJECT_LABELS[subjectType as keyof typeof SUBJECT_LABELS]
    : subjectType;
}

/** The message of a stored action's label; an action no longer written shows as stored. */
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
  level(
    levelId: string | null,
    ladderId?: string | null,
    sublevelId?: string | null,
  ): string | null;
  place(
    trackId: string | null,
    levelId: string | null,
    ladderId?: string | null,
    sublevelId?: string | null,
  ): string | null;
};

/** What describing a detail reads besides it: the ladders' words for tracks and levels, and the names of people and sessions a detail refers to by id. */
export type DetailContext = { ladderWords: LadderWords; names: ReadonlyMap<string, string> };

type Detail = Readonly<Record<string, unknown>>;
/** A piece of a detail in words: a message, or a stored text (a name, a host) shown as it is. */
type Words = string | Message;
type Describe = (detail: Detail, context: DetailContext) => Words[];

const said = (key: string, values?: Message["values"]): Message =>
  values
    ? { key: `admin:audit.detailWords.${key}`, values }
    : { key: `admin:audit.detailWords.${key}` };

/** Stored keys the audit log names in the reader's words (admin:audit.fields); a key not here is shown as stored. */
const NAMED_FIELDS = new Set([
  "privateNotesMonths",
  "feedbackTextsCycles",
  "leaversMonths",
  "teamHealthAnswersMonths",
  "othersTexts",
  "managerEmail",
  "managerPending",
  "ladderId",
  "sublevel",
  "isAdmin",
  "isHiringAdmin",
  "userName",
  "externalId",
  "endedSessions",
  "expiresAt",
  "signInLinkExpiresAt",
  "revokedEarlierLinks",
  "alreadyInRungs",
  "startsOn",
  "endsOn",
  "loopId",
  "retentionDays",
  "was",
  "calibrationSessionId",
  "menteeId",
  "mentorId",
  "reviewerId",
  "feedbackRequestsWithdrawn",
  "managerId",
  "reportId",
  "ownerId",
  "movedFrom",
  "conversationMeetingsWithdrawn",
  "apiTokensRevoked",
  "name",
  "email",
  "team",
  "teams",
  "level",
  "track",
  "manager",
  "group",
  "issuer",
  "rows",
  "changed",
  "unchanged",
  "added",
  "removed",
  "participants",
  "people",
  "person",
  "personId",
  "reason",
  "kind",
  "reviewsShared",
  "reviewsSharedOn",
  "objective",
  "fairness",
  "proposed",
  "unpaired",
  "offered",
  "from",
  "to",
  "peer",
  "upward",
  "minPeers",
  "maxPeers",
  "reviewCap",
  "dueOn",
  "nominator",
  "competencies",
  "answerKind",
  "namesShown",
  "upwardRequests",
  "requestId",
  "cycleId",
  "state",
  "cadence",
  "firstAt",
  "meetingId",
  "at",
  "actionId",
  "status",
  "host",
  "events",
  "scopes",
  "token",
  "fields",
  "export",
  "byAdmin",
]);

/**
 * Stored codes the audit log words as the pages that set them do (a cadence, who nominates peers);
 * a code not here is shown as stored.
 */
const VALUE_WORDS: Readonly<Record<string, Readonly<Record<string, Message>>>> = {
  cadence: Object.fromEntries(
    ["weekly", "fortnightly", "monthly", "bimonthly", "quarterly"].map((cadence) => [
      cadence,
      { key: `conversations:cadence.${cadence}` },
    ]),
  ),
  kind: {
    "one-to-one": { key: "admin:audit.values.oneToOne" },
    "skip-level": { key: "admin:audit.values.skipLevel" },
    run: { key: "admin:audit.values.run" },
    rerun: { key: "admin:audit.values.rerun" },
  },
  teams: { everyone: { key: "admin:audit.values.everyone" } },
  reviewsShared: Object.fromEntries(
    ["when-both-submitted", "on-date", "after-release"].map((choice) => [
      choice,
      { key: `cycles:reviewSharing.options.${choice}` },
    ]),
  ),
  nominator: {
    person: { key: "feedback:settings.nominators.person" },
    manager: { key: "feedback:settings.nominators.manager" },
  },
  answerKind: {
    rating: { key: "feedback:settings.answerKinds.rating" },
    evidence: { key: "feedback:settings.answerKinds.evidence" },
  },
  objective: {
    "most-matched": { key: "mentorship:objective.mostMatched" },
    "most-fit": { key: "mentorship:objective.mostFit" },
  },
  status: Object.fromEntries(
    ["open", "done", "dropped"].map((status) => [
      status,
      { key: "conversations:series.earlier.actionStatus", values: { status } },
    ]),
  ),
};

/** A stored key's name: the kind's own word for it (`names`), else the log's, else the key as stored. */
function fieldName(key: string, names: Readonly<Record<string, string>> = {}): Words {
  const own = names[key];
  if (own !== undefined) return { key: `admin:audit.fields.${own}` };
  return NAMED_FIELDS.has(key) ? { key: `admin:audit.fields.${key}` } : key;
}

/** Keys whose value is the id of a person or session, shown by name. */
const NAMED_BY_ID = new Set([
  "calibrationSessionId",
  "menteeId",
  "mentorId",
  "reviewerId",
  "managerId",
  "reportId",
  "ownerId",
]);

/** The ids a detail refers to that the audit log names (people, calibration sessions). */
export function idsToName(detail: unknown): string[] {
  if (!isDetail(detail)) return [];
  return Object.entries(detail).flatMap(([key, value]) =>
    NAMED_BY_ID.has(key) && typeof value === "string" ? [value] : [],
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** How many items of a stored list the audit log names before it counts the rest. */
export const LISTED_AT_MOST = 20;

function isDetail(value: unknown): value is Detail {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return isDetail(value) && "from" in value && "to" in value;
}

/** One stored value in words: tracks and levels by their titles, ids by name, never an object's default text. */
function valueText(key: string, value: unknown, detail: Detail, context: DetailContext): Words {
  if (isChange(value))
    return said("change", {
      from: valueText(key, value.from, detail, context),
      to: valueText(key, value.to, detail, context),
    });
  if (value === null || value === undefined) return said("none");
  if (typeof value === "boolean") return said(value ? "yes" : "no");
  if (typeof value === "number") return said("number", { value });
  if (Array.isArray(value))
    return listText(value.map((item) => valueText(key, item, detail, context)));
  if (isDetail(value))
    return listOf(
      Object.entries(value).map(([inner, item]) =>
        said("inner", { name: fieldName(inner), value: valueText(inner, item, value, context) }),
      ),
    );
  const text = String(value);
  const ladderId = typeof detail.ladderId === "string" ? detail.ladderId : null;
  if (key === "track") return context.ladderWords.track(text, ladderId) ?? text;
  if (key === "level") return context.ladderWords.level(text, ladderId) ?? text;
  if (NAMED_BY_ID.has(key)) return context.names.get(text) ?? text;
  // Written as days are stored (2026-03-08), with the minute and the zone: the same in every language.
  if (ISO_INSTANT.test(text)) return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
  const words = VALUE_WORDS[key];
  return words && Object.hasOwn(words, text) ? words[text]! : text;
}

/**
 * A list's first LISTED_AT_MOST items, and how many more of `total` there are (events written
 * before lists were kept short at writing hold them whole: an import of 50,000 people named its
 * thousands of new teams).
 */
function listText(items: readonly Words[], total = items.length): Words {
  const named = items.slice(0, LISTED_AT_MOST);
  const more = Math.max(total, items.length) - named.length;
  if (named.length === 0) return said("none");
  return more > 0 ? said("more", { items: listOf(named), count: more }) : listOf(named);
}

/** Every field as "name: value" in the order it was stored; `via` reads as the way the change came. */
function fields(
  detail: Detail,
  context: DetailContext,
  names: Readonly<Record<string, string>> = {},
): Words[] {
  return Object.entries(detail).map(([key, value]) =>
    key === "via"
      ? said("via", { value: valueText(key, value, detail, context) })
      : said("field", {
          name: fieldName(key, names),
          value: valueText(key, value, detail, context),
        }),
  );
}

const listed: Describe = (detail, context) => fields(detail, context);

/** A place ({ track, level }) by the level's title, and the track's too when the track changes. */
function placeChange(from: unknown, to: unknown, context: DetailContext): Message {
  const place = (value: unknown) =>
    isDetail(value)
      ? {
          track: typeof value.track === "string" ? value.track : null,
          level: typeof value.level === "string" ? value.level : null,
        }
      : { track: null, level: null };
  const [before, after] = [place(from), place(to)];
  const words =
    before.track === after.track
      ? (side: typeof before) => context.ladderWords.level(side.level)
      : (side: typeof before) => context.ladderWords.place(side.track, side.level);
  return said("change", { from: words(before) ?? said("none"), to: words(after) ?? said("none") });
}

const pick = (detail: Detail, ...keys: string[]): Detail =>
  Object.fromEntries(Object.entries(detail).filter(([key]) => keys.includes(key)));
const without = (detail: Detail, ...keys: string[]): Detail =>
  Object.fromEntries(Object.entries(detail).filter(([key]) => !keys.includes(key)));

const programme: Describe = (detail, context) => fields(detail, context, { name: "programme" });

/**
 * An API token's events: its name and scopes as stored, its reach in the reader's words (a reach a
 * later release adds shows as stored), and, when someone else revoked it, whose it was by name.
 */
const TOKEN_REACHES = new Set(["organisation", "person"]);
const apiToken: Describe = (detail, context) => [
  ...fields(without(detail, "reach", "ownerId"), context),
  ...(typeof detail.reach === "string" && TOKEN_REACHES.has(detail.reach)
    ? [
        said("field", {
          name: { key: "api:audit.reach" },
          value: { key: `api:audit.reaches.${detail.reach}` },
        }),
      ]
    : fields(pick(detail, "reach"), context)),
  ...(typeof detail.ownerId === "string"
    ? [
        said("field", {
          name: { key: "api:audit.owner" },
          value: valueText("ownerId", detail.ownerId, detail, context),
        }),
      ]
    : []),
];

/** Each kind's detail as its writers record it. */
const DESCRIBE: { [A in AuditAction]: Describe } = {
  "person.created": (detail, context) => {
    const ladderId = typeof detail.ladderId === "string" ? detail.ladderId : null;
    const text = (key: string) =>
      typeof detail[key] === "string" ? (detail[key] as string) : null;
    const place = context.ladderWords.place(
      text("track"),
      text("level"),
      ladderId,
      text("sublevel"),
    );
    return [
      ...fields(pick(detail, "name", "email"), context),
      ...(place ? [said("place", { place })] : []),
      ...(detail.isAdmin === true ? [fieldName("isAdmin")] : []),
      ...(detail.isHiringAdmin === true ? [fieldName("isHiringAdmin")] : []),
      ...(detail.active === false ? [said("deactivated")] : []),
      ...fields(
        without(
          detail,
          "name",
          "email",
          "ladderId",
          "track",
          "level",
          "sublevel",
          "isAdmin",
          "isHiringAdmin",
          "active",
        ),
        context,
      ),
    ];
  },
  "person.updated": listed,
  "person.deactivated": listed,
  "person.reactivated": listed,
  "person.signed_out_everywhere": listed,
  "person.sign_in_link_created": listed,
  "person.password_set_with_link": listed,
  "person.promoted": (detail, context) => [
    placeChange(detail.from, detail.to, context),
    ...fields(without(detail, "from", "to"), context),
  ],
  "person.signed_in_with_single_sign_on": listed,
  "setup.first_admin": listed,
  "setup.admin_by_command": (detail, context) => fields(detail, context, { created: "newToRungs" }),
  // The import keeps the first LISTED_AT_MOST new teams' names and counts them all (newTeams).
  "people.imported": (detail, context) => {
    const names = Array.isArray(detail.newTeamNames)
      ? detail.newTeamNames.map((name) => valueText("newTeamNames", name, detail, context))
      : null;
    const total = typeof detail.newTeams === "number" ? detail.newTeams : (names?.length ?? 0);
    return [
      ...fields(without(detail, "newTeams", "newTeamNames"), context, { created: "added" }),
      ...(names
        ? [
            said("field", {
              name: fieldName("newTeams", { newTeams: "newTeams" }),
              value: listText(names, total),
            }),
          ]
        : []),
    ];
  },
  "team.created": listed,
  "team.renamed": (detail, context) => [
    valueText("name", { from: detail.from, to: detail.to }, detail, context),
    ...fields(without(detail, "from", "to"), context),
  ],
  "team.deleted": listed,
  "scim.token_created": listed,
  "scim.token_revoked": listed,
  "scim.group_created": listed,
  "scim.group_renamed": (detail, context) => [
    valueText("name", { from: detail.from, to: detail.to }, detail, context),
    ...fields(without(detail, "from", "to"), context),
  ],
  "scim.group_deleted": listed,
  "scim.group_members_changed": listed,
  "scim.group_team_set": listed,
  // The rule's kind (and prefix), worded by the reader's language; events recorded before it was
  // stored that way hold the rule in English words, shown as stored.
  "scim.groups_as_teams_set": ({ groupsAsTeams, teamPrefix }) => [
    groupsAsTeams === "all" || groupsAsTeams === "none"
      ? said(`groupsAsTeams.${groupsAsTeams}`)
      : groupsAsTeams === "prefix" && typeof teamPrefix === "string"
        ? said("groupsAsTeams.prefix", { prefix: teamPrefix })
        : typeof groupsAsTeams === "string"
          ? groupsAsTeams
          : "",
  ],
  "cycle.open": listed,
  "cycle.close": listed,
  "cycle.participants_added": listed,
  "cycle.participant_removed": listed,
  "cycle.review_sharing_set": listed,
  "ladders.reloaded": (detail) => {
    const entries = (value: unknown) => (Array.isArray(value) ? value.filter(isDetail) : []);
    const served = entries(detail.served).map(
      (entry) => `${String(entry.folder)} ${String(entry.version)} (${String(entry.hash)})`,
    );
    const problems = entries(detail.problems).map((entry) =>
      said("problem", { folder: String(entry.folder), count: Number(entry.errors) }),
    );
    return [
      said("served", { ladders: listText(served) }),
      said("problems", { ladders: listText(problems) }),
    ];
  },
  "ladder.retired": listed,
  "ladder.restored": listed,
  "candidate.purged": listed,
  "hiring.panel_rule_set": (detail) => [
    said("panelDimensions", {
      dimensions: listText(Array.isArray(detail.dimensions) ? detail.dimensions.map(String) : []),
    }),
    typeof detail.maxInterviewsPerWeek === "number"
      ? said("panelCap", { count: detail.maxInterviewsPerWeek })
      : said("panelNoCap"),
    said(detail.requireQualification === true ? "panelQualifiedOnly" : "panelAnyInterviewer"),
  ],
  "hiring.retention_set": (detail) => [
    typeof detail.retentionDays === "number"
      ? said("retention", { days: detail.retentionDays })
      : said("retentionByHand"),
  ],
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
  // Webhooks: the endpoint's host and the events it wants; never its address (it may carry a receiver's token) nor its secret.
  "webhook.endpoint_added": listed,
  "webhook.endpoint_removed": listed,
  "webhook.test_sent": listed,
  "webhook.redelivered": listed,
  // The API: which token, with which scopes and reach, whose when another revoked it; a write names the token beside the person's own event.
  "api.token_issued": apiToken,
  "api.token_revoked": apiToken,
  "api.person_created": listed,
  "api.person_updated": listed,
  "opportunity.poster_allowed": listed,
  "opportunity.poster_removed": listed,
  "sponsorship.cap_set": (detail) => [
    typeof detail.cap === "number" ? said("sponsorshipCap", { cap: detail.cap }) : "",
  ],
  // A person's export: who started it for whom, and when it was taken; never what it holds.
  "export.requested": listed,
  "export.downloaded": listed,
  // Retention and erasure: what was removed, counted; never what it said.
  "person.erased": listed,
  "person.legal_hold_set": listed,
  "person.legal_hold_cleared": listed,
  "retention.rules_set": listed,
  "retention.private_notes_removed": listed,
  "retention.feedback_texts_removed": listed,
  "retention.team_health_answers_removed": listed,
  // The organisation's own team health items (decision 123): which item, by its id; never its words.
  "team_health.item_written": listed,
  "team_health.item_changed": listed,
  "team_health.item_retired": listed,
  "team_health.item_restored": listed,
  "team_health.item_deleted": listed,
  "promotions.settings_changed": listed,
  "promotions.settings_cleared": listed,
};

/**
 * An event's detail in words for the audit log, a message the page words in the reader's
 * language. Details are stored as each release wrote them, so anything unexpected (an action no
 * longer written, a field added later) still reads as words, never as an object's default text.
 */
export function describeAuditDetail(
  action: string,
  detail: unknown,
  context: DetailContext,
): Words {
  if (detail === null || detail === undefined) return "";
  if (!isDetail(detail)) return valueText("", detail, {}, context);
  const describe: Describe = Object.hasOwn(DESCRIBE, action)
    ? DESCRIBE[action as AuditAction]
    : listed;
  return joined(describe(detail, context).filter((part) => part !== ""));
}

/** The parts of a detail one after another, each separated as the reader's language separates clauses. */
function joined(parts: readonly Words[]): Words {
  const [first, ...rest] = parts;
  if (first === undefined) return "";
  return rest.length ? said("parts", { first, rest: joined(rest) }) : first;
}

import { describe, expect, test } from "vitest";
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import {
  ACTION_LABELS,
  describeAuditDetail as describeAsMessage,
  LISTED_AT_MOST,
  type AuditAction,
} from "~/modules/audit/events";
import { inEnglishWords } from "../../utils/english";
import { ladderWords, type Ladder } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

function shippedLadder(): Ladder {
  const result = loadLadderFromDirectory("frameworks/engineering");
  if (!result.ok) throw new Error("the shipped ladder must load");
  return result.ladder;
}

const names = new Map([
  ["mentee-1", "Mia Mentee"],
  ["mentor-1", "Max Mentor"],
  ["session-1", "Spring calibration"],
]);
const context = { ladderWords: ladderWords([shippedLadder()]), names };
const via = "SCIM token Okta";
const describeAuditDetail = (...args: Parameters<typeof describeAsMessage>) =>
  inEnglishWords(describeAsMessage(...args));

/** Each kind's detail as its writers record it (find each recordAuditEvent call), several where writers differ. */
const RECORDED: { [A in AuditAction]: unknown[] } = {
  "person.created": [
    {
      name: "Ada Lovelace",
      email: "ada@example.com",
      ladderId: "engineering",
      track: "ic",
      level: "ic2",
      sublevel: null,
      isAdmin: false,
      isHiringAdmin: true,
      team: "Platform",
      managerEmail: "grace@example.com",
    },
    { name: "Ada Lovelace", email: "ada@example.com", via: "single sign-on" },
    {
      name: "Ada Lovelace",
      email: "ada@example.com",
      team: null,
      managerEmail: null,
      managerPending: "ext-42",
      ladderId: "engineering",
      track: "ic",
      level: "ic3",
      active: false,
      via,
    },
  ],
  "person.updated": [
    {
      level: { from: "ic2", to: "ic3" },
      team: { from: "Platform", to: null },
      manager: { from: null, to: "grace@example.com" },
      isAdmin: { from: false, to: true },
    },
    {
      name: { from: "Ada", to: "Ada Lovelace" },
      userName: { from: "ada", to: "ada.lovelace" },
      track: { from: "ic", to: "manager" },
      level: { from: "ic3", to: "m1" },
      via,
    },
    { team: { from: "Payments", to: "Guild Frontend" }, group: "Guild Frontend", via },
  ],
  "person.deactivated": [
    { endedSessions: 2 },
    { endedSessions: 0, via },
    { endedSessions: 1, feedbackRequestsWithdrawn: 3 },
  ],
  "person.reactivated": [undefined, { via }],
  "person.signed_out_everywhere": [{ endedSessions: 1 }],
  "person.sign_in_link_created": [
    { expiresAt: "2026-03-08T09:30:00.000Z", revokedEarlierLinks: 1 },
  ],
  "person.password_set_with_link": [{ endedSessions: 0 }],
  "person.promoted": [
    {
      from: { track: "ic", level: "ic2" },
      to: { track: "ic", level: "ic3" },
      calibrationSessionId: "session-1",
    },
  ],
  "person.signed_in_with_single_sign_on": [{ issuer: "https://login.example.com", subject: "ada" }],
  "setup.first_admin": [{ via: "setup link", email: "ada@example.com", alreadyInRungs: false }],
  "setup.admin_by_command": [
    {
      email: "ada@example.com",
      created: true,
      signInLinkExpiresAt: "2026-03-02T09:30:00.000Z",
      revokedEarlierLinks: 0,
    },
  ],
  "people.imported": [
    {
      rows: 12,
      created: 10,
      changed: 1,
      unchanged: 1,
      newTeams: 2,
      newTeamNames: ["Payments", "Search"],
    },
  ],
  "team.created": [
    { name: "Payments" },
    { name: "Payments", via },
    { name: "Payments", group: "Team Payments", via },
  ],
  "team.renamed": [
    { from: "Payments", to: "Money" },
    { from: "Payments", to: "Money", via },
    { from: "Payments", to: "Money", group: "Team Money", via },
  ],
  "team.deleted": [
    { name: "Money" },
    { name: "Money", via },
    { name: "Money", group: "Team Money", via },
  ],
  "scim.token_created": [{ name: "Okta" }],
  "scim.token_revoked": [{ name: "Okta" }],
  "scim.group_created": [{ name: "Guild Frontend", via }],
  "scim.group_renamed": [{ from: "Guild Frontend", to: "Guild Web", via }],
  "scim.group_deleted": [{ name: "Guild Web", via }],
  "scim.group_members_changed": [{ group: "Guild Web", added: 3, removed: 1, via }],
  "scim.group_team_set": [
    { group: "Platform", team: { from: null, to: "Platform" }, via },
    { group: "Guild Frontend", team: { from: "Guild Frontend", to: null } },
  ],
  "scim.groups_as_teams_set": [
    { groupsAsTeams: "prefix", teamPrefix: "Team " },
    { groupsAsTeams: "all" },
    { groupsAsTeams: "none" },
    // As recorded before the rule's kind was stored.
    { groupsAsTeams: "groups whose names start with “Team ” are teams, named without it" },
  ],
  "cycle.open": [
    {
      name: "Spring 2026",
      startsOn: "2026-03-01",
      endsOn: "2026-03-28",
      participants: 40,
      teams: "everyone",
    },
    {
      name: "Spring 2026",
      startsOn: "2026-03-01",
      endsOn: "2026-03-28",
      participants: 8,
      teams: ["Payments", "Search"],
    },
    {
      name: "Spring 2026",
      startsOn: "2026-03-01",
      endsOn: "2026-03-28",
      participants: 40,
      teams: "everyone",
      reviewsShared: "on-date",
      reviewsSharedOn: "2026-04-15",
    },
  ],
  "cycle.close": [{ name: "Spring 2026" }],
  "cycle.participants_added": [
    { name: "Spring 2026", people: ["ada@example.com", "grace@example.com"] },
  ],
  "cycle.participant_removed": [{ name: "Spring 2026", person: "ada@example.com" }],
  "cycle.review_sharing_set": [
    { name: "Spring 2026", reviewsShared: "after-release" },
    { name: "Spring 2026", reviewsShared: "on-date", reviewsSharedOn: "2027-01-12" },
  ],
  "ladders.reloaded": [
    {
      served: [{ folder: "engineering", version: "1.4.0", hash: "3f2a9c0d1e2b" }],
      problems: [{ folder: "design", errors: 3 }],
    },
  ],
  "ladder.retired": [{ name: "Design" }],
  "ladder.restored": [{ name: "Design" }],
  "candidate.purged": [
    { reason: "hiring admin", loopId: "loop-1" },
    { reason: "retention", retentionDays: 180 },
  ],
  "hiring.retention_set": [{ retentionDays: 180 }, { retentionDays: null }],
  "hiring.panel_rule_set": [
    {
      dimensions: ["team", "attribute:location"],
      maxInterviewsPerWeek: 4,
      requireQualification: true,
    },
    { dimensions: [], maxInterviewsPerWeek: null, requireQualification: false },
  ],
  "mentorship.programme_created": [{ name: "Autumn mentoring" }],
  "mentorship.programme_updated": [{ name: "Autumn mentoring", changed: ["openTo", "teamIds"] }],
  "mentorship.programme_closed": [{ name: "Autumn mentoring" }],
  "mentorship.matching_run": [
    {
      name: "Autumn mentoring",
      kind: "rerun",
      objective: "total",
      fairness: "balanced",
      proposed: 14,
      unpaired: 2,
    },
  ],
  "mentorship.pair_pinned": [
    { name: "Autumn mentoring", menteeId: "mentee-1", mentorId: "mentor-1" },
  ],
  "mentorship.pair_forbidden": [
    { name: "Autumn mentoring", menteeId: "mentee-1", mentorId: "mentor-1" },
  ],
  "mentorship.pair_rule_removed": [
    { name: "Autumn mentoring", menteeId: "mentee-1", mentorId: "mentor-1" },
  ],
  "mentorship.pairs_published": [{ name: "Autumn mentoring", offered: 14 }],
  "email.resent": [
    { to: "ada@example.com", subject: "Assess yourself for Spring 2026", was: "failed" },
  ],
  "feedback.settings_changed": [
    {
      peer: true,
      upward: true,
      minPeers: 3,
      maxPeers: 5,
      nominator: "person",
      dueOn: "2026-04-30",
      competencies: "level",
      answerKind: "rating",
      namesShown: "never",
      reviewCap: 5,
      upwardRequests: 12,
    },
  ],
  "feedback.nominated": [
    { requestId: "request-1", reviewerId: "mentor-1", cycleId: "cycle-1", state: "nominated" },
  ],
  "feedback.approved": [{ requestId: "request-1", reviewerId: "mentor-1", cycleId: "cycle-1" }],
  "feedback.declined": [
    {
      requestId: "request-1",
      reviewerId: "mentor-1",
      cycleId: "cycle-1",
      reason: "Max is on leave until June.",
    },
  ],
  "feedback.withdrawn": [
    { requestId: "request-1", reviewerId: "mentor-1", cycleId: "cycle-1", reason: "by-nominator" },
  ],
  "feedback.request_declined": [
    {
      requestId: "request-1",
      reviewerId: "mentor-1",
      cycleId: "cycle-1",
      reason: "We have not worked together this year.",
    },
  ],
  "feedback.opened": [{}],
  "conversation.series_started": [
    {
      kind: "one-to-one",
      managerId: "mentor-1",
      reportId: "mentee-1",
      cadence: "fortnightly",
      firstAt: "2026-03-02T09:00:00.000Z",
    },
  ],
  "conversation.cadence_changed": [{ from: "fortnightly", to: "weekly" }],
  "conversation.meeting_moved": [
    {
      meetingId: "meeting-1",
      movedFrom: "2026-03-02T09:00:00.000Z",
      to: "2026-03-03T14:00:00.000Z",
    },
  ],
  "conversation.meeting_held": [{ meetingId: "meeting-1", at: "2026-03-02T09:00:00.000Z" }],
  "conversation.meeting_skipped": [{ meetingId: "meeting-1", at: "2026-03-02T09:00:00.000Z" }],
  "conversation.action_added": [{ actionId: "action-1", ownerId: "mentee-1", dueOn: "2026-03-16" }],
  "conversation.action_closed": [{ actionId: "action-1", status: "done" }],
  "conversation.action_reopened": [{ actionId: "action-1", status: "open" }],
  "webhook.endpoint_added": [
    { host: "hooks.example.com", events: ["cycle.opened", "person.left"] },
  ],
  "webhook.endpoint_removed": [{ host: "hooks.example.com" }],
  "webhook.test_sent": [{ host: "hooks.example.com" }],
  "webhook.redelivered": [{ host: "hooks.example.com" }],
  "api.token_issued": [
    { name: "Metabase", scopes: "people:read aggregates:read" },
    { name: "Metabase", scopes: "people:read", reach: "organisation" },
    { name: "My sheet", scopes: "people:read", reach: "person" },
  ],
  "api.token_revoked": [
    { name: "Metabase" },
    { name: "My sheet", reach: "person", ownerId: "mentee-1" },
  ],
  "api.person_created": [{ token: "Workday sync", personId: "person-1" }],
  "api.person_updated": [
    { token: "Workday sync", personId: "person-1", fields: ["name", "managerEmail"] },
  ],
  "opportunity.poster_allowed": [{}],
  "opportunity.poster_removed": [{}],
  "sponsorship.cap_set": [{ cap: 3 }],
  "export.requested": [
    { export: "export-1", byAdmin: false },
    { export: "export-2", byAdmin: true },
  ],
  "export.downloaded": [{ export: "export-1" }],
  "person.erased": [{ reason: "retention" }, { reason: "replay" }],
  "person.legal_hold_set": [null],
  "person.legal_hold_cleared": [null],
  "retention.rules_set": [
    { privateNotesMonths: 12, feedbackTextsCycles: null, leaversMonths: 6, othersTexts: "keep" },
    {
      privateNotesMonths: null,
      feedbackTextsCycles: 2,
      leaversMonths: null,
      teamHealthAnswersMonths: 24,
      othersTexts: "remove",
    },
  ],
  "retention.private_notes_removed": [{ count: 3 }],
  "retention.feedback_texts_removed": [{ count: 0 }],
  "retention.team_health_answers_removed": [{ count: 8 }],
  "team_health.item_written": [{}],
  "team_health.item_changed": [{}],
  "team_health.item_retired": [{}],
  "team_health.item_restored": [{}],
  "team_health.item_deleted": [{}],
  "promotions.settings_changed": [
    {
      scope: "organisation",
      mode: { from: null, to: "committee" },
      selfNomination: true,
      sponsorNomination: true,
      minMembers: 3,
      membersAtOrAbove: true,
      minOutsideMembers: 1,
      redactedFirstRead: false,
      waitWindowsAfterNotYet: 0,
    },
  ],
  "promotions.settings_cleared": [{}],
};

describe("an audit event's detail in words", () => {
  test.each(Object.keys(ACTION_LABELS) as AuditAction[])(
    "%s reads as words, never as an object or a missing value",
    (action) => {
      for (const detail of RECORDED[action]) {
        const text = describeAuditDetail(action, detail, context);
        expect(text).not.toMatch(/\[object|undefined|NaN/);
      }
    },
  );

  test("a long list names its first items and counts the rest", () => {
    const newTeamNames = Array.from({ length: 5_900 }, (_, index) => `Team ${index + 1}`);
    const text = describeAuditDetail(
      "people.imported",
      { rows: 50_000, created: 50_000, newTeams: 5_900, newTeamNames },
      context,
    );
    expect(text).toBe(
      `rows: 50,000; added: 50,000; new teams: ${newTeamNames.slice(0, LISTED_AT_MOST).join(", ")} and 5,880 more`,
    );
    const exactly = newTeamNames.slice(0, LISTED_AT_MOST);
    expect(describeAuditDetail("people.imported", { newTeamNames: exactly }, context)).toBe(
      `new teams: ${exactly.join(", ")}`,
    );
    // As the import writes it now: the first names, every new team counted.
    expect(
      describeAuditDetail(
        "people.imported",
        { rows: 50_000, newTeams: 5_900, newTeamNames: exactly },
        context,
      ),
    ).toBe(`rows: 50,000; new teams: ${exactly.join(", ")} and 5,880 more`);
    // Any other stored list is held to the same length.
    expect(
      describeAuditDetail(
        "cycle.open",
        { teams: newTeamNames.slice(0, LISTED_AT_MOST + 2) },
        context,
      ),
    ).toBe(`teams: ${exactly.join(", ")} and 2 more`);
  });

  test("a promotion through calibration names the levels by their titles and the session", () => {
    expect(describeAuditDetail("person.promoted", RECORDED["person.promoted"][0], context)).toBe(
      "Engineer II → Senior Engineer; calibration session: Spring calibration",
    );
  });

  test("an edit names levels and tracks by their titles, and says what else changed", () => {
    expect(describeAuditDetail("person.updated", RECORDED["person.updated"][0], context)).toBe(
      "level: Engineer II → Senior Engineer; team: Platform → none; manager: none → grace@example.com; admin: no → yes",
    );
    expect(describeAuditDetail("person.updated", RECORDED["person.updated"][1], context)).toBe(
      "name: Ada → Ada Lovelace; SCIM user name: ada → ada.lovelace; track: Individual contributor → Engineering manager; level: Senior Engineer → Engineering Manager; via SCIM token Okta",
    );
  });

  test("a new person's place is named from the ladder", () => {
    expect(describeAuditDetail("person.created", RECORDED["person.created"][0], context)).toBe(
      "name: Ada Lovelace; email: ada@example.com; place: Individual contributor · Engineer II; hiring admin; team: Platform; manager: grace@example.com",
    );
  });

  test("a ladder reload lists what is served and what failed", () => {
    expect(describeAuditDetail("ladders.reloaded", RECORDED["ladders.reloaded"][0], context)).toBe(
      "served: engineering 1.4.0 (3f2a9c0d1e2b); problems: design (errors: 3)",
    );
  });

  test("mentorship pairs name the two people", () => {
    expect(
      describeAuditDetail("mentorship.pair_pinned", RECORDED["mentorship.pair_pinned"][0], context),
    ).toBe("programme: Autumn mentoring; mentee: Mia Mentee; mentor: Max Mentor");
  });

  test("a feedback request names its reviewer, and a deactivation counts the requests it withdrew", () => {
    expect(
      describeAuditDetail("feedback.approved", RECORDED["feedback.approved"][0], context),
    ).toContain("reviewer: Max Mentor");
    expect(
      describeAuditDetail("person.deactivated", RECORDED["person.deactivated"][2], context),
    ).toBe("sessions ended: 1; feedback requests withdrawn: 3");
  });

  test("a career conversation's events name its people and times, never what was said", () => {
    expect(
      describeAuditDetail(
        "conversation.series_started",
        RECORDED["conversation.series_started"][0],
        context,
      ),
    ).toBe(
      "kind: one-to-one; manager: Max Mentor; report: Mia Mentee; cadence: Every two weeks; first meeting: 2026-03-02 09:00 UTC",
    );
    expect(
      describeAuditDetail(
        "conversation.meeting_moved",
        RECORDED["conversation.meeting_moved"][0],
        context,
      ),
    ).toBe("meeting: meeting-1; moved from: 2026-03-02 09:00 UTC; to: 2026-03-03 14:00 UTC");
    expect(
      describeAuditDetail(
        "person.deactivated",
        { endedSessions: 1, conversationMeetingsWithdrawn: 2 },
        context,
      ),
    ).toBe("sessions ended: 1; career conversations withdrawn: 2");
    expect(
      describeAuditDetail(
        "conversation.action_added",
        RECORDED["conversation.action_added"][0],
        context,
      ),
    ).toBe("action: action-1; owner: Mia Mentee; due: 2026-03-16");
  });

  test("an API token's reach is worded, and a token someone else revoked names whose it was", () => {
    expect(describeAuditDetail("api.token_issued", RECORDED["api.token_issued"][2], context)).toBe(
      "name: My sheet; scopes: people:read; reach: a person's own, read-only",
    );
    expect(describeAuditDetail("api.token_issued", RECORDED["api.token_issued"][1], context)).toBe(
      "name: Metabase; scopes: people:read; reach: organisation-wide, an admin's",
    );
    expect(
      describeAuditDetail("api.token_revoked", RECORDED["api.token_revoked"][1], context),
    ).toBe("name: My sheet; reach: a person's own, read-only; belongs to: Mia Mentee");
    // A reach this release does not know shows as stored.
    expect(
      describeAuditDetail("api.token_issued", { name: "Bot", reach: "service" }, context),
    ).toBe("name: Bot; reach: service");
  });

  test("an action no longer written, and a level no ladder knows, still read without objects", () => {
    expect(
      describeAuditDetail("person.retired", { reason: { code: 7, words: ["gone"] } }, context),
    ).toBe("reason: code 7, words gone");
    expect(
      describeAuditDetail(
        "person.promoted",
        { from: { track: "ic", level: "ic9" }, to: { track: "ic", level: "ic10" } },
        context,
      ),
    ).toBe("ic9 → ic10");
  });
});

describe("an audit event's detail in the reader's language", () => {
  test("a German admin reads the field names, the values and the list's remainder in German", () => {
    const german = i18nFor("de").getFixedT("de", "admin");
    const inGerman = (action: AuditAction, detail: unknown) =>
      wordsOf(german, describeAsMessage(action, detail, context));
    expect(
      inGerman("person.updated", {
        isAdmin: { from: false, to: true },
        team: { from: "Platform", to: null },
      }),
    ).toBe("Admin: nein → ja; Team: Platform → keine");
    expect(
      inGerman("cycle.open", {
        teams: Array.from({ length: LISTED_AT_MOST + 2 }, (_, index) => `T${index + 1}`),
      }),
    ).toMatch(/^Teams: T1, T2, .*T20 und 2 weitere$/);
    expect(inGerman("sponsorship.cap_set", { cap: 1500 })).toBe(
      "aktive Förderschaften pro fördernde Person: 1.500",
    );
    expect(
      inGerman("api.token_issued", { name: "Mein Blatt", scopes: "people:read", reach: "person" }),
    ).toBe(
      "Name: Mein Blatt; Berechtigungen: people:read; Reichweite: eigenes Token einer Person, nur lesend",
    );
    expect(
      inGerman("scim.groups_as_teams_set", { groupsAsTeams: "prefix", teamPrefix: "Team " }),
    ).toBe("Gruppen, deren Name mit „Team “ beginnt, sind Teams, benannt ohne dieses Präfix");
    expect(
      inGerman("conversation.series_started", {
        kind: "skip-level",
        cadence: "monthly",
        status: "done",
        teams: "everyone",
      }),
    ).toBe("Art: Skip-Level-Gespräch; Rhythmus: Jeden Monat; Status: erledigt; Teams: alle");
    expect(inGerman("scim.groups_as_teams_set", { groupsAsTeams: "all" })).toBe(
      "jede übertragene Gruppe ist ein Team",
    );
    expect(
      inGerman("api.token_revoked", { name: "Mein Blatt", reach: "person", ownerId: "mentee-1" }),
    ).toBe(
      "Name: Mein Blatt; Reichweite: eigenes Token einer Person, nur lesend; gehört: Mia Mentee",
    );
  });
});

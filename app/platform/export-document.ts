/**
 * The export's document: what `rungs-export.json` holds, section by section, as the published
 * JSON Schema describes it (public/schemas/export-v1.json, docs/exports.md). Every value is plain
 * JSON (instants as ISO 8601 strings, calendar days as YYYY-MM-DD), so the file reads the same in
 * any tool. Each section is filled from what the person's own pages let them read (collect.server.ts).
 */

export const EXPORT_SCHEMA_ID = "https://rungs.dev/schemas/export-v1.json";
export const EXPORT_SCHEMA_PATH = "/schemas/export-v1.json";
export const EXPORT_FORMAT_VERSION = 1;

/** The sections in the order they are built (progress counts them) and listed in the readable bundle. */
export const SECTIONS = [
  "profile",
  "assessments",
  "growthPlan",
  "evidence",
  "conversations",
  "feedbackReceived",
  "feedbackWritten",
  "mentorship",
  "teamHealth",
  "outcomes",
  "promotions",
  "opportunities",
  "sponsorships",
  "interviews",
  "goals",
  "notificationSettings",
  "apiTokens",
  "auditEvents",
] as const;

export type Section = (typeof SECTIONS)[number];

export type ExportProfile = {
  id: string;
  name: string;
  email: string;
  team: string | null;
  manager: string | null;
  ladderId: string | null;
  track: string | null;
  level: string | null;
  levelTitle: string | null;
  /** Level changes decided in calibration and applied, oldest first. */
  levelHistory: { on: string; from: string | null; to: string | null; session: string }[];
};

export type ExportAssessment = {
  id: string;
  kind: "self" | "manager";
  status: "draft" | "submitted";
  author: string;
  cycle: string | null;
  level: string;
  summary: string;
  submittedAt: string | null;
  ratings: {
    competencyId: string;
    competency: string;
    rating: number | null;
    ratingLabel: string | null;
    notes: string;
    evidence: { text: string; url: string | null; occurredOn: string | null }[];
  }[];
};

export type ExportGrowthPlan = {
  targetLevel: string;
  track: string | null;
  focus: { competencyId: string; competency: string }[];
  updatedAt: string;
} | null;

export type ExportEvidence = {
  competencyId: string;
  competency: string;
  text: string;
  url: string | null;
  occurredOn: string;
  sharedWithManager: boolean;
  fromConversation: boolean;
};

export type ExportConversation = {
  kind: "one-to-one" | "skip-level";
  role: "manager" | "report";
  manager: string;
  report: string;
  cadence: string;
  current: boolean;
  meetings: {
    startsAt: string;
    status: string;
    points: { text: string; status: string }[];
    actions: { text: string; status: string; dueOn: string | null }[];
    notes: { author: string; visibility: "shared" | "private"; text: string; writtenAt: string }[];
  }[];
};

/** One answer as the person may read it: with its author's name only where the cycle shows names. */
export type ExportFeedbackAnswer = {
  author: string | null;
  rating: number | null;
  example: string;
};

export type ExportFeedbackReceived = {
  cycle: string;
  channel: "peer" | "upward";
  /** How the person reads it: named answers, anonymous batches, or an aggregate of ratings. */
  view: "named" | "anonymous" | "summary" | "aggregate";
  competencies: {
    competencyId: string;
    competency: string;
    answers: ExportFeedbackAnswer[];
    count: number | null;
    averageRating: number | null;
  }[];
};

export type ExportFeedbackWritten = {
  cycle: string;
  channel: "peer" | "upward";
  about: string;
  state: string;
  answers: { competencyId: string; competency: string; rating: number | null; example: string }[];
};

export type ExportMentorship = {
  programme: string;
  role: "mentee" | "mentor" | null;
  mentee: string;
  mentor: string;
  status: string;
  goals: string[];
  outcome: string | null;
  outcomeNote: string | null;
  checkIns: { occurredOn: string; author: string; note: string; competencies: string[] }[];
  pulses: { checkpoint: number; usefulness: number; comfort: number }[];
};

export type ExportOutcome = { session: string; rating: string; outcome: string };
/** A promotion nomination of the person's own, with the committee's decision once it is released to them. */
export type ExportPromotion = {
  window: string;
  target: string;
  kind: string;
  state: string;
  /** Whom it nominates: null for the person's own nomination, the nominee's name for one they made for someone else. */
  nominee: string | null;
  /** The nominator's statement, as the nomination's page shows it. */
  statement: string;
  /** What the nominee's manager added to the person's own nomination, as its page shows it to them (null: none). */
  managerAddition: string | null;
  /** The packet of the person's own nomination as its page shows it to them; null when there is none. */
  packet: {
    submittedAt: string | null;
    cases: { competencyId: string; competency: string; nomineeCase: string; managerCase: string }[];
  } | null;
  decision: {
    outcome: string;
    summary: string;
    releasedAt: string | null;
    takesEffectOn: string | null;
    criteria: { name: string; mark: string | null; rationale: string }[];
  } | null;
};

/** Stretch work: what they posted (with the reason for a choice) and what they asked for, with their note and the outcome. */
export type ExportOpportunities = {
  posted: {
    title: string;
    kind: string;
    description: string;
    startsOn: string;
    endsOn: string;
    status: string;
    interested: number;
    reason: string | null;
  }[];
  interests: {
    title: string;
    poster: string;
    note: string;
    outcome: string | null;
    expressedAt: string;
    reason: string | null;
  }[];
};

/** One sponsorship they gave or received, as their sponsorships page shows it. */
export type ExportSponsorship = {
  sponsor: string;
  sponsee: string;
  advocacy: string;
  target: string;
  note: string;
  until: string;
  declinedAt: string | null;
  declineReason: string | null;
  endedAt: string | null;
};

export type ExportSponsorships = { given: ExportSponsorship[]; received: ExportSponsorship[] };

export type ExportInterview = {
  opening: string;
  level: string;
  /** Null once the candidate's data was purged. */
  candidate: string | null;
  stage: string;
  scheduledAt: string | null;
  state: "draft" | "submitted" | "amending";
  submittedAt: string | null;
  scores: { competencyId: string; competency: string; score: number | null; notes: string }[];
  recommendation: string | null;
};

export type ExportNotificationSettings = {
  digest: string;
  nudgeNew: boolean;
  nudgeDueSoon: boolean;
  nudgeOverdue: boolean;
  nudgeScorecard: boolean;
  invitations: boolean;
  paused: boolean;
  timeZone: string | null;
};

/** An API token of the person's own, as their account page lists it: what it is, never its secret nor the hash Rungs keeps of it. */
export type ExportApiToken = {
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** An objective the person owns or holds a key result of (one they may read), with their part in each key result and the check-ins they sent. */
export type ExportGoal = {
  period: string;
  level: "company" | "team" | "person";
  title: string;
  why: string;
  commitment: string;
  owner: string;
  keyResults: {
    title: string;
    unit: string;
    startValue: number;
    targetValue: number;
    role: "owner" | "contributor" | null;
    finalScore: number | null;
    reflection: string | null;
    checkIns: { at: string; value: number; confidence: string; note: string; byToken: boolean }[];
  }[];
};
/** A team health check-in the person was asked in: which team and when. Never their answers, nor whether they answered. */
export type ExportTeamHealth = { team: string; startedAt: string; closesAt: string };

export type ExportAuditEvent = { action: string; at: string; actor: string | null };

export type ExportDocument = {
  $schema: string;
  formatVersion: number;
  generatedAt: string;
  language: string;
  profile: ExportProfile;
  assessments: ExportAssessment[];
  growthPlan: ExportGrowthPlan;
  evidence: ExportEvidence[];
  conversations: ExportConversation[];
  feedbackReceived: ExportFeedbackReceived[];
  feedbackWritten: ExportFeedbackWritten[];
  mentorship: ExportMentorship[];
  teamHealth: ExportTeamHealth[];
  outcomes: ExportOutcome[];
  promotions: ExportPromotion[];
  opportunities: ExportOpportunities;
  sponsorships: ExportSponsorships;
  interviews: ExportInterview[];
  goals: ExportGoal[];
  notificationSettings: ExportNotificationSettings;
  apiTokens: ExportApiToken[];
  auditEvents: ExportAuditEvent[];
};

/** An instant as the document writes it (ISO 8601), or null. */
export const isoOrNull = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();
/** A calendar day as the document writes it (YYYY-MM-DD), or null. */
export const dayOrNull = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString().slice(0, 10);
/** A form value as text: a draft's field that is not text is empty. */
export const textOf = (value: unknown): string => (typeof value === "string" ? value : "");
export const numberOrNull = (value: unknown): number | null =>
  typeof value === "number" ? value : null;

import type { Prisma } from "../../prisma/generated/sqlite/client";

/**
 * The columns whose default is the time a row is written (`@default(now())`), by model, that say
 * when something happened in the organisation's life: when someone asked for stretch work, since
 * when a candidate is at a stage, when an audit event was recorded. They take the app's clock, as
 * every page and report reads it (decision 078; app/platform/clock.server.ts), so a test on a test
 * clock, or a replay, reads one time. The ones left on the machine's time are sign-in machinery,
 * which ages in real time whatever day the app says it is (decision 078): MACHINE_TIME_DEFAULTS.
 * A test reads the schema and fails on a `now()` default in neither list.
 */
export const APP_CLOCK_DEFAULTS: Partial<Record<Prisma.ModelName, readonly string[]>> = {
  Team: ["createdAt"],
  User: ["createdAt"],
  LevelChange: ["changedAt"],
  ManagerChange: ["changedAt"],
  AuditEvent: ["createdAt"],
  ScimGroup: ["createdAt"],
  LadderVersion: ["createdAt"],
  RetiredLadder: ["retiredAt"],
  ReviewCycle: ["createdAt"],
  ReviewCycleParticipant: ["updatedAt"],
  Assessment: ["createdAt"],
  RatingEvidence: ["createdAt"],
  GrowthPlan: ["createdAt"],
  CalibrationSession: ["createdAt"],
  CalibrationCalibrator: ["createdAt"],
  CalibrationEntry: ["updatedAt"],
  CalibrationEvent: ["createdAt"],
  HiringOpening: ["createdAt"],
  HiringOpeningAdmin: ["createdAt"],
  HiringStage: ["createdAt"],
  HiringCandidate: ["createdAt", "pipelineStageSince"],
  HiringPipelineMove: ["movedAt"],
  HiringLoop: ["createdAt"],
  HiringDissent: ["createdAt"],
  HiringInterview: ["createdAt", "updatedAt"],
  HiringScorecard: ["createdAt"],
  HiringInterviewRemoval: ["removedAt"],
  HiringTraineeSeat: ["createdAt"],
  InterviewerTraining: ["since"],
  InterviewerTrainingStep: ["at"],
  MentorshipProgramme: ["createdAt"],
  MentorshipParticipant: ["createdAt"],
  MentorshipRun: ["createdAt"],
  MenteeGoalChange: ["changedAt"],
  MentorshipPair: ["createdAt"],
  MentorshipPairRule: ["createdAt"],
  MentorshipRequest: ["createdAt"],
  MentorshipCheckIn: ["createdAt"],
  MentorshipPulse: ["createdAt"],
  ConversationSeries: ["createdAt"],
  ConversationMeeting: ["createdAt"],
  ConversationPoint: ["createdAt"],
  ConversationNote: ["createdAt"],
  ConversationNoteShare: ["sharedAt"],
  ConversationAction: ["createdAt", "updatedAt"],
  CareerEvidence: ["createdAt"],
  ConversationPulse: ["answeredAt"],
  FeedbackRequest: ["createdAt"],
  Opportunity: ["createdAt"],
  OpportunityInterest: ["createdAt"],
  OpportunityView: ["viewedAt"],
  OpportunityPoster: ["createdAt"],
  Sponsorship: ["createdAt"],
  LegalHold: ["setAt"],
  PromotionWindow: ["createdAt"],
  PromotionCommitteeMember: ["createdAt"],
  PromotionNomination: ["createdAt"],
  PromotionPacket: ["createdAt"],
  PromotionBallot: ["createdAt"],
  PromotionDissent: ["createdAt"],
  PromotionEvent: ["createdAt"],
  PromotionAuditView: ["openedAt"],
  GroupChange: ["changedAt"],
  GoalPeriod: ["createdAt"],
  Objective: ["createdAt"],
  ObjectiveShare: ["createdAt"],
  KeyResult: ["createdAt"],
  KeyResultCheckIn: ["createdAt"],
  TeamHealthCheckIn: ["createdAt"],
  TeamHealthAction: ["createdAt"],
  TeamHealthItem: ["createdAt"],
};

/** Sign-in machinery, tokens and a person's export build: they age in real time (decision 078). */
export const MACHINE_TIME_DEFAULTS: Partial<Record<Prisma.ModelName, readonly string[]>> = {
  Session: ["createdAt"],
  SetupToken: ["createdAt"],
  SingleSignOnAttempt: ["createdAt"],
  KnownDevice: ["createdAt"],
  PasswordToken: ["createdAt"],
  ScimToken: ["createdAt"],
  ApiToken: ["createdAt"],
  PersonalExport: ["requestedAt"],
};

type Row = Record<string, unknown>;

/** A create's data with each app-clock column the caller left out set to `now`. */
export function withAppClock(model: string, data: unknown, now: Date): unknown {
  const columns = APP_CLOCK_DEFAULTS[model as Prisma.ModelName];
  if (!columns || data === null || typeof data !== "object") return data;
  const fill = (row: Row): Row => {
    const missing = columns.filter((column) => row[column] === undefined);
    return missing.length
      ? { ...row, ...Object.fromEntries(missing.map((column) => [column, now])) }
      : row;
  };
  return Array.isArray(data) ? data.map((row: Row) => fill(row)) : fill(data as Row);
}

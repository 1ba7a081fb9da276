/**
 * A review cycle as CSV: one row per participant and competency. Pure: the server
 * module loads the rows in batches and streams what these functions format.
 */

import { csvRow } from "~/utils/csv";

/**
 * The columns, each a key of `cycles:export.columns` worded in the downloader's language, but the
 * code columns ("competency id", and last the track's and level's ids), whose headers are the same
 * in every language as their values are (decisions 119 and 124).
 */
export const CYCLE_EXPORT_COLUMNS = [
  "cycle",
  "person",
  "email",
  "team",
  "manager",
  "track",
  "level",
  "competency",
  "competency id",
  "selfRating",
  "managerRating",
  "difference",
  "evidenceCount",
  "selfSubmittedOn",
  "managerSubmittedOn",
  "peersAsked",
  "peersAnswered",
  "peersDeclined",
  "upwardAnswers",
  "track id",
  "level id",
] as const;

const CODE_COLUMNS: ReadonlySet<string> = new Set(["competency id", "track id", "level id"]);

/** The header row's cells: `word` words a key of `cycles:export.columns` in the downloader's language. */
export function cycleExportHeader(word: (column: string) => string): string[] {
  return CYCLE_EXPORT_COLUMNS.map((column) => (CODE_COLUMNS.has(column) ? column : word(column)));
}

export type ExportRating = { rating: number | null; evidence: number };

/** A submitted assessment of one participant, reduced to what the export shows. */
export type ExportAssessment = {
  submittedAt: Date | null;
  trackId: string;
  levelId: string;
  ratings: ReadonlyMap<string, ExportRating>;
};

export type ExportParticipant = {
  name: string;
  email: string;
  team: string | null;
  managerName: string | null;
  track: string | null;
  level: string | null;
  /** Only submitted assessments: drafts are private to their author, admins included. */
  selfAssessment: ExportAssessment | null;
  managerReview: ExportAssessment | null;
  /** The competencies to list, in ladder order (those of the track the assessments were made against). */
  competencies: readonly { id: string; name: string }[];
  /** A track's and a level's names in the downloader's language (the ladder the rows were read against). */
  names: { track: (id: string) => string; level: (id: string) => string };
  /** Counts of the person's peer and upward feedback (the feedback module's), or null when the cycle asks for none: never text, never names. */
  feedback: ExportFeedback | null;
};

/** A person's feedback as the export counts it; `upwardAnswers` is null where the reader may not be shown the upward aggregate. */
export type ExportFeedback = {
  peersAsked: number;
  peersAnswered: number;
  peersDeclined: number;
  upwardAnswers: number | null;
};

/** The feedback counts of one batch of people, by person. */
export type ExportFeedbackReader = (
  subjectIds: readonly string[],
) => Promise<ReadonlyMap<string, ExportFeedback>>;

function isoDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** The rows of one participant; someone with no competency to list still gets one row, so nobody drops out of the file. */
export function participantRows(cycleName: string, participant: ExportParticipant): string {
  const { selfAssessment: self, managerReview: manager } = participant;
  const track = self?.trackId ?? manager?.trackId ?? participant.track;
  const level = self?.levelId ?? manager?.levelId ?? participant.level;
  const common = [
    cycleName,
    participant.name,
    participant.email,
    participant.team,
    participant.managerName,
    track && participant.names.track(track),
    level && participant.names.level(level),
  ];
  const feedback = participant.feedback;
  // Blank where the cycle asks for no feedback, and for upward answers the reader may not be shown.
  const tail = [
    isoDay(self?.submittedAt),
    isoDay(manager?.submittedAt),
    feedback?.peersAsked ?? null,
    feedback?.peersAnswered ?? null,
    feedback?.peersDeclined ?? null,
    feedback?.upwardAnswers ?? null,
    track,
    level,
  ];
  if (participant.competencies.length === 0)
    return csvRow([...common, null, null, null, null, null, null, ...tail]);
  let out = "";
  for (const competency of participant.competencies) {
    const selfRating = self?.ratings.get(competency.id);
    const managerRating = manager?.ratings.get(competency.id);
    const selfValue = selfRating?.rating ?? null;
    const managerValue = managerRating?.rating ?? null;
    const difference =
      selfValue !== null && managerValue !== null ? managerValue - selfValue : null;
    const evidence = (selfRating?.evidence ?? 0) + (managerRating?.evidence ?? 0);
    out += csvRow([
      ...common,
      competency.name,
      competency.id,
      selfValue,
      managerValue,
      difference,
      evidence,
      ...tail,
    ]);
  }
  return out;
}

/** An ASCII file name safe in a Content-Disposition header and on every file system. */
export function exportFilename(cycleName: string, on: Date): string {
  const slug = cycleName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `review-cycle-${slug || "export"}-${isoDay(on)}.csv`;
}

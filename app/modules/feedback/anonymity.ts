/**
 * What anonymous feedback shows, so that nobody can tell who wrote what:
 * - Batches: answers are shown in batches of at least the floor, in the order they were submitted
 *   (the disclosure check over time, `releasedBatches`, decision 075). Before the first batch is
 *   full the reader learns nothing, not even how many answered; after it, one more answer changes
 *   nothing shown until a whole batch more is in, so no answer, rating or author follows from
 *   reading the page twice. Submitted answers are locked, so a batch once shown never changes.
 * - Order: answers are shown in an order that follows neither submission nor authors: sorted by a
 *   keyed hash of each answer's id and the cycle's secret (`readerOrder`). The same page shows the
 *   same order on every visit (a shuffle on each visit would let a reader compare visits), and
 *   nobody without the secret can work the order back to the ids.
 * - Nothing more than the page shows: a shown answer carries its text only, never its rating (the
 *   ratings of one author on several competencies would link their answers), an id (a cuid holds
 *   its creation time), a timestamp or an author; averages are rounded as the page shows them.
 * - Counts: how many answered each competency is a figure about the authors. Within each batch it
 *   passes the one disclosure check (app/modules/disclosure/check.ts) beside the count of everyone
 *   in the batch, so that where one or two people skipped a competency (or rated it), that
 *   competency's answers and figures from that batch are withheld rather than single out who left it.
 *
 * Peer answers use the floor of three the product sets for anonymous answers. Upward feedback is a
 * released figure about a manager's reports, so it keeps the organisation's floor (UPWARD_FLOOR),
 * and each report's raised one (a calibration session's), passed as `floorOf`. Pure.
 */
import { disclosureCheck, releasedBatches, type Cell } from "~/modules/disclosure/check";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";

export const ANONYMITY_FLOOR = 3;

/** Upward answers are a figure about a manager's reports: the organisation's floor, never under the anonymity floor. */
export const UPWARD_FLOOR = Math.max(ANONYMITY_FLOOR, SMALL_GROUP_FLOOR);

/** An answer as stored: one author's answer on one competency, submitted (with the author's other answers) at `submittedAt`. */
export type AnswerRow = {
  id: string;
  authorId: string;
  competencyId: string;
  rating: number | null;
  example: string;
  submittedAt: Date;
};

/** An answer as an anonymous reader sees it: its text only. */
export type ShownAnswer = { example: string };

export type CompetencyRelease = {
  competencyId: string;
  /** False when the competency's answers would single out an author: nothing of it is shown. */
  shown: boolean;
  /** How many answered it; null when not shown. */
  count: number | null;
  /** The mean of the ratings given, to one decimal as the page shows it, when the ratings pass the check on their own; else null. */
  averageRating: number | null;
  /** How many gave a rating, when the average is shown; else null. */
  ratingCount: number | null;
  /** In reader order; empty when not shown or when only figures are asked for. */
  answers: ShownAnswer[];
};

export type AnonymousRelease = {
  /** A first batch is in: some of it may be shown. */
  released: boolean;
  /** How many people answered, counted over the batches shown, when released. */
  authors: number | null;
  /** The smallest batch: answers are shown in groups of at least this many people. */
  floor: number;
  competencies: CompetencyRelease[];
};

/** 53-bit string hash (cyrb53): quick, well spread, no dependencies; the secret is what keeps the order unknowable. */
export function keyedHash(secret: string, value: string): number {
  const text = `${secret}\u0000${value}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2_654_435_761);
    h2 = Math.imul(h2 ^ code, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
}

/** Answers in the order readers see them: by keyed hash of their id, never by time or author. */
export function readerOrder<T extends { id: string }>(answers: readonly T[], secret: string): T[] {
  return answers
    .map((answer) => ({ answer, key: keyedHash(secret, answer.id) }))
    .sort(
      (a, b) =>
        a.key - b.key || (a.answer.id < b.answer.id ? -1 : a.answer.id > b.answer.id ? 1 : 0),
    )
    .map(({ answer }) => answer);
}

export type ReleaseOptions = {
  /** The cycle's secret that orders answers. */
  secret: string;
  /** Whether to include the answers' text (a calibration summary carries figures only). */
  withAnswers: boolean;
  /** The channel's floor: ANONYMITY_FLOOR for peers, UPWARD_FLOOR for a manager's reports. */
  floor: number;
  /** Each author's own floor where it is higher (a calibration session's, for upward feedback). */
  floorOf?: (authorId: string) => number;
};

type BatchRelease = {
  all: boolean;
  competencies: Map<string, { answers: AnswerRow[]; ratings: number[] | null }>;
};

/** One batch through the disclosure check: which competencies' answers, and which of their ratings, it may show. */
function batchRelease(
  answers: readonly AnswerRow[],
  competencyIds: readonly string[],
  floorOf: (authorId: string) => number,
): BatchRelease {
  const answered = (competencyId: string) =>
    answers.filter((row) => row.competencyId === competencyId);
  const cells: Cell[] = [
    { id: "all", members: answers.map((row) => row.authorId) },
    ...competencyIds.flatMap((competencyId) => [
      { id: `answers:${competencyId}`, members: answered(competencyId).map((row) => row.authorId) },
      {
        id: `ratings:${competencyId}`,
        members: answered(competencyId).flatMap((row) =>
          row.rating === null ? [] : [row.authorId],
        ),
      },
    ]),
  ];
  const { shown } = disclosureCheck(cells, floorOf);
  const competencies = new Map<string, { answers: AnswerRow[]; ratings: number[] | null }>();
  for (const competencyId of competencyIds) {
    if (!shown.has(`answers:${competencyId}`)) continue;
    const these = answered(competencyId);
    const ratings = these.flatMap((row) => (row.rating === null ? [] : [row.rating]));
    competencies.set(competencyId, {
      answers: these,
      ratings: shown.has(`ratings:${competencyId}`) && ratings.length ? ratings : null,
    });
  }
  return { all: shown.has("all"), competencies };
}

/**
 * The anonymous release of one person's answers, competency by competency (in the order given):
 * the batches of authors (releasedBatches), each checked on its own, then put together, so that
 * what a reader sees moves only by a whole batch. Answers on competencies not listed are ignored, and
 * so is a competency none of the released batches' authors answered: which competencies have answers
 * would otherwise tell, one answer at a time, what the latest author answered.
 */
export function anonymousRelease(
  rows: readonly AnswerRow[],
  competencyIds: readonly string[],
  options: ReleaseOptions,
): AnonymousRelease {
  const listed = new Set(competencyIds);
  const answers = rows.filter((row) => listed.has(row.competencyId));
  // Every author is protected by the channel's floor at least: the check hides any group of authors smaller than its floor.
  const floorOf = (authorId: string) => Math.max(options.floor, options.floorOf?.(authorId) ?? 0);
  const hidden = (competencyId: string): CompetencyRelease => ({
    competencyId,
    shown: false,
    count: null,
    averageRating: null,
    ratingCount: null,
    answers: [],
  });
  const submitted = new Map<string, Date>();
  for (const row of answers) submitted.set(row.authorId, row.submittedAt);
  const batches = releasedBatches(
    [...submitted].map(([authorId, at]) => ({ id: authorId, contributor: authorId, at })),
    floorOf,
  );
  if (!batches.length)
    return { released: false, authors: null, floor: options.floor, competencies: [] };

  const batchAuthors = new Set(
    batches.flatMap((batch) => batch.map((contribution) => contribution.contributor)),
  );
  const inBatches = new Set(
    answers
      .filter(
        (row) =>
          batchAuthors.has(row.authorId) && (row.rating !== null || row.example.trim() !== ""),
      )
      .map((row) => row.competencyId),
  );
  const released = batches.map((batch) => {
    const authors = new Set(batch.map((contribution) => contribution.contributor));
    return {
      size: authors.size,
      ...batchRelease(
        answers.filter((row) => authors.has(row.authorId)),
        competencyIds,
        floorOf,
      ),
    };
  });
  return {
    released: true,
    authors: released.every((batch) => batch.all)
      ? released.reduce((sum, batch) => sum + batch.size, 0)
      : null,
    floor: options.floor,
    competencies: competencyIds
      .filter((competencyId) => inBatches.has(competencyId))
      .map((competencyId) => {
        const parts = released.flatMap((batch) => batch.competencies.get(competencyId) ?? []);
        if (!parts.length) return hidden(competencyId);
        const these = parts.flatMap((part) => part.answers);
        const ratings = parts.flatMap((part) => part.ratings ?? []);
        return {
          competencyId,
          shown: true,
          count: these.length,
          averageRating: ratings.length
            ? Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 10) /
              10
            : null,
          ratingCount: ratings.length ? ratings.length : null,
          answers: options.withAnswers
            ? readerOrder(these, options.secret).map((row) => ({ example: row.example }))
            : [],
        };
      }),
  };
}

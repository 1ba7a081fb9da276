/**
 * What anonymous feedback shows, so that nobody can tell who wrote what:
 * - The floor: no answer is shown before at least ANONYMITY_FLOOR people answered (product: anonymous
 *   answers need at least three). Below it the reader learns nothing, not even how many answered.
 * - Order: answers are shown in an order that follows neither submission nor authors: sorted by a
 *   keyed hash of each answer's id and the cycle's secret (`readerOrder`). The same page shows the
 *   same order on every visit (a shuffle on each visit would let a reader compare visits), and
 *   nobody without the secret can work the order back to the ids.
 * - Nothing dated: a shown answer carries its rating and its text only, never an id (a cuid holds
 *   its creation time), a timestamp or an author.
 * - Counts: how many answered each competency is a figure about the authors. It passes the one
 *   disclosure check (app/modules/disclosure/check.ts) beside the count of everyone who answered, so
 *   that where one or two people skipped a competency (or rated it), that competency's answers and
 *   figures are withheld rather than single out who left it.
 *
 * Peer answers use the floor of three the product sets for anonymous answers. Upward feedback is a
 * released figure about a manager's reports, so it also keeps each report's floor (the
 * organisation's, or a calibration session's raised one), passed as `floorOf`. Pure.
 */
import { disclosureCheck, type Cell } from "~/modules/disclosure/check";

export const ANONYMITY_FLOOR = 3;

/** An answer as stored: one author's answer on one competency. */
export type AnswerRow = { id: string; authorId: string; competencyId: string; rating: number | null; example: string };

/** An answer as an anonymous reader sees it. */
export type ShownAnswer = { rating: number | null; example: string };

export type CompetencyRelease = {
  competencyId: string;
  /** False when the competency's answers would single out an author: nothing of it is shown. */
  shown: boolean;
  /** How many answered it; null when not shown. */
  count: number | null;
  /** The mean of the ratings given, when the ratings pass the check on their own; else null. */
  averageRating: number | null;
  /** How many gave a rating, when the average is shown; else null. */
  ratingCount: number | null;
  /** In reader order; empty when not shown or when only figures are asked for. Ratings are left out (null) where the average is. */
  answers: ShownAnswer[];
};

export type AnonymousRelease = {
  /** At least the floor answered: some of it may be shown. */
  released: boolean;
  /** How many people answered, when released. */
  authors: number | null;
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
    .sort((a, b) => a.key - b.key || (a.answer.id < b.answer.id ? -1 : a.answer.id > b.answer.id ? 1 : 0))
    .map(({ answer }) => answer);
}

export type ReleaseOptions = {
  /** The cycle's secret that orders answers. */
  secret: string;
  /** Whether to include the answers' text (a calibration summary carries figures only). */
  withAnswers: boolean;
  /** Each author's own floor, when the answers are a released figure about them (upward feedback). */
  floorOf?: (authorId: string) => number;
};

/**
 * The anonymous release of one person's answers, competency by competency (in the order given).
 * Answers on competencies not listed are ignored.
 */
export function anonymousRelease(rows: readonly AnswerRow[], competencyIds: readonly string[], options: ReleaseOptions): AnonymousRelease {
  const listed = new Set(competencyIds);
  const answers = rows.filter((row) => listed.has(row.competencyId));
  const authors = [...new Set(answers.map((row) => row.authorId))];
  // Every author is protected by the floor of three at least: the check hides any group of authors smaller than its floor.
  const floorOf = (authorId: string) => Math.max(ANONYMITY_FLOOR, options.floorOf?.(authorId) ?? 0);
  const hidden = (competencyId: string): CompetencyRelease => ({ competencyId, shown: false, count: null, averageRating: null, ratingCount: null, answers: [] });
  const highestFloor = Math.max(ANONYMITY_FLOOR, ...authors.map(floorOf));
  if (authors.length < highestFloor) return { released: false, authors: null, competencies: competencyIds.map(hidden) };

  const answered = (competencyId: string) => answers.filter((row) => row.competencyId === competencyId);
  const cells: Cell[] = [
    { id: "all", members: authors },
    ...competencyIds.flatMap((competencyId) => [
      { id: `answers:${competencyId}`, members: answered(competencyId).map((row) => row.authorId) },
      { id: `ratings:${competencyId}`, members: answered(competencyId).flatMap((row) => (row.rating === null ? [] : [row.authorId])) },
    ]),
  ];
  const { shown } = disclosureCheck(cells, floorOf);
  return {
    released: true,
    authors: shown.has("all") ? authors.length : null,
    competencies: competencyIds.map((competencyId) => {
      if (!shown.has(`answers:${competencyId}`)) return hidden(competencyId);
      const these = answered(competencyId);
      const ratings = these.flatMap((row) => (row.rating === null ? [] : [row.rating]));
      const ratingsShown = shown.has(`ratings:${competencyId}`) && ratings.length > 0;
      return {
        competencyId,
        shown: true,
        count: these.length,
        averageRating: ratingsShown ? ratings.reduce((sum, value) => sum + value, 0) / ratings.length : null,
        ratingCount: ratingsShown ? ratings.length : null,
        answers: options.withAnswers ? readerOrder(these, options.secret).map((row) => ({ rating: ratingsShown ? row.rating : null, example: row.example })) : [],
      };
    }),
  };
}

import { Matrix, inverse } from "ml-matrix";
import { tQuantile } from "~/modules/statistics/intervals";

export interface IndependentRating {
  raterId: string;
  personId: string;
  value: number;
}

export interface RaterSeverity {
  raterId: string;
  /** How much higher (positive) or lower than an average rater this rater rates the same people. */
  offset: number;
  interval: [number, number];
  /** The interval excludes zero. */
  flagged: boolean;
  /** Ratings and distinct people behind the estimate. */
  ratings: number;
  people: number;
}

export type RaterModelResult =
  | {
      estimable: true;
      raters: RaterSeverity[];
      residualSd: number;
      notEstimable: { raterId: string; reason: string }[];
    }
  | { estimable: false; reason: string; notEstimable: { raterId: string; reason: string }[] };

/** Raters in groups linked through the people they rated (union–find over shared people), each group sorted. */
function connectedGroups(
  raterIds: readonly string[],
  peopleOf: ReadonlyMap<string, ReadonlySet<string>>,
): string[][] {
  const parent = new Map(raterIds.map((raterId) => [raterId, raterId]));
  const root = (raterId: string): string => {
    let current = raterId;
    while (parent.get(current) !== current) current = parent.get(current)!;
    parent.set(raterId, current);
    return current;
  };
  const firstRaterOf = new Map<string, string>();
  for (const raterId of raterIds) {
    for (const personId of peopleOf.get(raterId) ?? []) {
      const first = firstRaterOf.get(personId);
      if (first === undefined) firstRaterOf.set(personId, raterId);
      else parent.set(root(raterId), root(first));
    }
  }
  const groups = new Map<string, string[]>();
  for (const raterId of raterIds)
    groups.set(root(raterId), [...(groups.get(root(raterId)) ?? []), raterId]);
  return [...groups.values()];
}

/** Ridge penalty on person and rater effects: small, so it only settles what the data leave open (the overall level). */
export const DEFAULT_RIDGE = 0.1;

/**
 * Each rater's severity from independent ratings of the same people (the blind pre-read), with
 * the model rating = overall mean + person effect + rater offset + noise, fitted by regularised
 * (ridge) least squares. A rater can only be compared with raters linked to them through people
 * they rated in common: a rater who shares nobody with another is not estimable, raters in a
 * smaller group linked among themselves but not to the largest are not compared with it, and when
 * no two raters share anyone the overlap is too thin for any estimate.
 * Intervals come from the fitted noise and the estimates' covariance (decision record 018).
 */
export function raterSeverity(
  ratings: readonly IndependentRating[],
  options: { ridge?: number; confidence?: number } = {},
): RaterModelResult {
  const ridge = options.ridge ?? DEFAULT_RIDGE;
  const confidence = options.confidence ?? 0.95;
  // Only people rated by two or more raters say anything about raters: with one rating, the person's own effect absorbs it.
  const ratersOf = new Map<string, Set<string>>();
  for (const rating of ratings)
    ratersOf.set(rating.personId, (ratersOf.get(rating.personId) ?? new Set()).add(rating.raterId));
  const raterIds = [...new Set(ratings.map((rating) => rating.raterId))].sort();
  const personIds = [...ratersOf.keys()]
    .filter((personId) => ratersOf.get(personId)!.size >= 2)
    .sort();

  // Raters joined through the people they both rated.
  const shared = new Set(personIds);
  const peopleOf = new Map(
    raterIds.map((raterId) => [
      raterId,
      new Set(
        ratings
          .filter((rating) => rating.raterId === raterId && shared.has(rating.personId))
          .map((rating) => rating.personId),
      ),
    ]),
  );
  const isolated = raterIds.filter(
    (raterId) =>
      !raterIds.some(
        (other) =>
          other !== raterId &&
          [...peopleOf.get(raterId)!].some((person) => peopleOf.get(other)!.has(person)),
      ),
  );
  const notEstimable = isolated.map((raterId) => ({
    raterId,
    reason: "calibration:session.severity.reasons.isolated",
  }));
  const linked = raterIds.filter((raterId) => !isolated.includes(raterId));
  if (linked.length < 2)
    return {
      estimable: false,
      reason: "calibration:session.severity.reasons.noSharedPerson",
      notEstimable,
    };
  // Offsets compare only within a connected group (raters linked through shared people, directly or
  // not): between two groups that rated different people, a difference in raters cannot be told
  // from a difference in the people. The largest group is estimated; the others are said so.
  const groups = connectedGroups(linked, peopleOf);
  const size = (group: readonly string[]) =>
    group.reduce((sum, raterId) => sum + peopleOf.get(raterId)!.size, 0);
  const largest = groups.reduce((best, group) =>
    group.length > best.length || (group.length === best.length && size(group) > size(best))
      ? group
      : best,
  );
  for (const group of groups) {
    if (group !== largest)
      for (const raterId of group)
        notEstimable.push({
          raterId,
          reason: "calibration:session.severity.reasons.otherGroup",
        });
  }
  const raters = linked.filter((raterId) => largest.includes(raterId));
  const compared = ratings.filter(
    (rating) => raters.includes(rating.raterId) && shared.has(rating.personId),
  );
  const people = personIds.filter((personId) =>
    compared.some((rating) => rating.personId === personId),
  );

  // Columns: the overall mean, one per person, one per rater.
  const columns = 1 + people.length + raters.length;
  const personColumn = new Map(people.map((personId, index) => [personId, 1 + index]));
  const raterColumn = new Map(raters.map((raterId, index) => [raterId, 1 + people.length + index]));
  const design = Matrix.zeros(compared.length, columns);
  const observed = Matrix.zeros(compared.length, 1);
  compared.forEach((rating, row) => {
    design.set(row, 0, 1);
    design.set(row, personColumn.get(rating.personId)!, 1);
    design.set(row, raterColumn.get(rating.raterId)!, 1);
    observed.set(row, 0, rating.value);
  });
  const gram = design.transpose().mmul(design);
  const penalised = gram.clone();
  for (let column = 1; column < columns; column++)
    penalised.set(column, column, penalised.get(column, column) + ridge);
  const penalisedInverse = inverse(penalised);
  const estimates = penalisedInverse.mmul(design.transpose()).mmul(observed);

  // Noise: residual sum of squares over the degrees of freedom the fit leaves (n minus the effective number of parameters).
  const fitted = design.mmul(estimates);
  const residualSum = compared.reduce(
    (sum, _, row) => sum + (observed.get(row, 0) - fitted.get(row, 0)) ** 2,
    0,
  );
  // The effective number of parameters, trace(X A⁻¹ Xᵀ) = trace(A⁻¹ XᵀX), without the n × n hat matrix.
  let effectiveParameters = 0;
  for (let i = 0; i < columns; i++)
    for (let j = 0; j < columns; j++)
      effectiveParameters += penalisedInverse.get(i, j) * gram.get(j, i);
  const degreesOfFreedom = compared.length - effectiveParameters;
  if (degreesOfFreedom < 1)
    return {
      estimable: false,
      reason: "calibration:session.severity.reasons.tooFewRatings",
      notEstimable,
    };
  const noise = residualSum / degreesOfFreedom;
  const covariance = penalisedInverse.mmul(gram).mmul(penalisedInverse).mul(noise);
  const t = tQuantile((1 + confidence) / 2, degreesOfFreedom);

  // Offsets against the average rater in the comparison.
  const offsets = raters.map((raterId) => estimates.get(raterColumn.get(raterId)!, 0));
  const centre = offsets.reduce((sum, offset) => sum + offset, 0) / offsets.length;
  return {
    estimable: true,
    residualSd: Math.sqrt(noise),
    notEstimable,
    raters: raters.map((raterId, index) => {
      // The variance of (this offset − the mean offset): c' Σ c with c = e_j − (1/R) Σ e_k over the rater columns.
      const contrast = Matrix.zeros(columns, 1);
      for (const other of raters) contrast.set(raterColumn.get(other)!, 0, -1 / raters.length);
      contrast.set(raterColumn.get(raterId)!, 0, contrast.get(raterColumn.get(raterId)!, 0) + 1);
      const variance = contrast.transpose().mmul(covariance).mmul(contrast).get(0, 0);
      const half = t * Math.sqrt(Math.max(0, variance));
      const offset = offsets[index]! - centre;
      const interval: [number, number] = [offset - half, offset + half];
      const own = compared.filter((rating) => rating.raterId === raterId);
      return {
        raterId,
        offset,
        interval,
        flagged: interval[0] > 0 || interval[1] < 0,
        ratings: own.length,
        people: new Set(own.map((rating) => rating.personId)).size,
      };
    }),
  };
}

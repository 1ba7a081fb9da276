/**
 * A person's ratings over time, and their current profile against the level's
 * bar. Pure; the caller passes only submitted assessments the viewer may read.
 */

export type HistoryAssessment = {
  kind: "self" | "manager";
  cycleId: string | null;
  cycleName: string | null;
  cycleStartsOn: Date | null;
  submittedAt: Date;
  ratings: readonly { competencyId: string; rating: number | null }[];
};

/**
 * A column of the history: a cycle (`cycleName`, null for a cycle with no name) or a month outside
 * any cycle (`month`, YYYY-MM). The page words it in the reader's language.
 */
export type HistoryPoint = {
  key: string;
  cycleName: string | null;
  month: string | null;
  date: Date;
};

export type HistoryValue = { self: number | null; manager: number | null };

export type HistoryRow = {
  competencyId: string;
  name: string;
  /** One per point, in point order. */
  values: HistoryValue[];
  /** Manager rating where there is one, else self, from the latest point that rated the competency. */
  latest: number | null;
  /** Compared with the previous point that rated it. */
  trend: "up" | "down" | "same" | null;
  /** Rated at some point, but not a competency of the level the history is read against. */
  outsideLevel: boolean;
};

export type History = { points: HistoryPoint[]; rows: HistoryRow[] };

function pointOf(assessment: HistoryAssessment): HistoryPoint {
  if (assessment.cycleId) {
    return {
      key: `cycle:${assessment.cycleId}`,
      cycleName: assessment.cycleName,
      month: null,
      date: assessment.cycleStartsOn ?? assessment.submittedAt,
    };
  }
  const month = assessment.submittedAt.toISOString().slice(0, 7);
  return {
    key: `month:${month}`,
    cycleName: null,
    month,
    date: new Date(`${month}-01T00:00:00Z`),
  };
}

function headline(value: HistoryValue): number | null {
  return value.manager ?? value.self;
}

/**
 * Competencies in the order given, then any others that were rated at some point
 * (a track, level or ladder changed), named from `names` and marked outside the level.
 * Within a point the latest submission of each kind counts.
 */
export function buildHistory(
  competencies: readonly { id: string; name: string }[],
  assessments: readonly HistoryAssessment[],
  names: ReadonlyMap<string, string> = new Map(),
): History {
  const points = new Map<string, HistoryPoint>();
  const latestOfKind = new Map<string, HistoryAssessment>();
  for (const assessment of assessments) {
    const point = pointOf(assessment);
    if (!points.has(point.key)) points.set(point.key, point);
    const slot = `${point.key}|${assessment.kind}`;
    const current = latestOfKind.get(slot);
    if (!current || assessment.submittedAt > current.submittedAt)
      latestOfKind.set(slot, assessment);
  }
  const ordered = [...points.values()].sort(
    (a, b) => a.date.getTime() - b.date.getTime() || a.key.localeCompare(b.key),
  );

  const rowNames = new Map(competencies.map((competency) => [competency.id, competency.name]));
  const ids = [...rowNames.keys()];
  const outside = new Set<string>();
  const ratings = new Map<string, number | null>();
  for (const [slot, assessment] of latestOfKind) {
    for (const rating of assessment.ratings) {
      ratings.set(`${slot}|${rating.competencyId}`, rating.rating);
      if (!rowNames.has(rating.competencyId)) {
        rowNames.set(rating.competencyId, names.get(rating.competencyId) ?? rating.competencyId);
        ids.push(rating.competencyId);
        outside.add(rating.competencyId);
      }
    }
  }

  const rows = ids.map((competencyId): HistoryRow => {
    const values = ordered.map((point) => ({
      self: ratings.get(`${point.key}|self|${competencyId}`) ?? null,
      manager: ratings.get(`${point.key}|manager|${competencyId}`) ?? null,
    }));
    const rated = values.map(headline).filter((value): value is number => value !== null);
    const latest = rated.at(-1) ?? null;
    const previous = rated.at(-2);
    const trend =
      latest === null || previous === undefined
        ? null
        : latest > previous
          ? "up"
          : latest < previous
            ? "down"
            : "same";
    return {
      competencyId,
      name: rowNames.get(competencyId) ?? competencyId,
      values,
      latest,
      trend,
      outsideLevel: outside.has(competencyId),
    };
  });
  return { points: ordered, rows };
}

export type ProfileRow = {
  competencyId: string;
  name: string;
  self: number | null;
  manager: number | null;
  bar: number;
  /** Manager rating (else self) minus the bar; null when neither rated it. */
  againstBar: number | null;
};

/** The current profile, competency by competency, against the level's target for each (its bar). */
export function profileAgainstBar(input: {
  competencies: readonly { id: string; name: string }[];
  /** The level's targets by competency, and its default for any not listed. */
  targets: Readonly<Record<string, number>>;
  target: number;
  self: readonly { competencyId: string; rating: number | null }[] | null;
  manager: readonly { competencyId: string; rating: number | null }[] | null;
}): ProfileRow[] {
  const self = new Map((input.self ?? []).map((rating) => [rating.competencyId, rating.rating]));
  const manager = new Map(
    (input.manager ?? []).map((rating) => [rating.competencyId, rating.rating]),
  );
  return input.competencies.map((competency) => {
    const selfRating = self.get(competency.id) ?? null;
    const managerRating = manager.get(competency.id) ?? null;
    const current = managerRating ?? selfRating;
    const bar = input.targets[competency.id] ?? input.target;
    return {
      competencyId: competency.id,
      name: competency.name,
      self: selfRating,
      manager: managerRating,
      bar,
      againstBar: current === null ? null : current - bar,
    };
  });
}

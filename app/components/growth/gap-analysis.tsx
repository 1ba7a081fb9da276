import type { GapAnalysis, GapBasis, GapCompetency, GapStatus } from "~/modules/growth/gap-analysis";

const statusText: Record<GapStatus, { symbol: string; text: string; tone: string }> = {
  met: { symbol: "✓", text: "Met", tone: "border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100" },
  partly: { symbol: "◐", text: "Partly met", tone: "border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100" },
  "not-met": { symbol: "✗", text: "Not met", tone: "border-red-400 bg-red-50 text-red-950 dark:border-red-600 dark:bg-red-950 dark:text-red-100" },
  "not-assessed": { symbol: "–", text: "Not assessed", tone: "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300" },
};

export function GapStatusBadge({ status, basis }: { status: GapStatus; basis: GapBasis }) {
  const { symbol, text, tone } = statusText[status];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${tone}`}>
      <span aria-hidden="true">{symbol}</span>
      {text}
      {basis === "from-rating" ? <span className="font-normal"> (from rating)</span> : null}
    </span>
  );
}

/** Met and partly met as a bar, with the same figures in words beside it. */
export function ReadinessBar({ competency }: { competency: GapCompetency }) {
  const { counts } = competency;
  const pct = (n: number) => (counts.total ? (100 * n) / counts.total : 0);
  const words =
    counts.notAssessed === counts.total
      ? "Not assessed"
      : `${Math.round(competency.readiness * 100)}% ready: ${counts.met} met, ${counts.partly} partly met, ${counts.notMet} not met${counts.notAssessed ? `, ${counts.notAssessed} not assessed` : ""}`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="flex h-2.5 w-40 overflow-hidden rounded-full border border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-800" aria-hidden="true">
        <div className="h-full bg-emerald-600 dark:bg-emerald-400" style={{ width: `${pct(counts.met)}%` }} />
        <div className="h-full" style={{ width: `${pct(counts.partly)}%`, backgroundImage: "repeating-linear-gradient(45deg, #d97706 0 3px, transparent 3px 6px)" }} />
      </div>
      <span className="text-xs text-slate-600 dark:text-slate-300">{words}</span>
    </div>
  );
}

export function GapSummary({ analysis }: { analysis: GapAnalysis }) {
  const { summary } = analysis;
  const items: [string, number][] = [
    ["Met", summary.met],
    ["Partly met", summary.partly],
    ["Not met", summary.notMet],
    ["Not assessed", summary.notAssessed],
  ];
  return (
    <div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
        Of {summary.total} expectations for {analysis.target.title}.{" "}
        {summary.noEvidence === 0
          ? "Every rated competency has evidence."
          : summary.noEvidence === 1
            ? "1 rated competency has no evidence."
            : `${summary.noEvidence} rated competencies have no evidence.`}
      </p>
    </div>
  );
}

export function GapCompetencySection({ competency, focus }: { competency: GapCompetency; focus: boolean }) {
  const headingId = `gap-${competency.competencyId}`;
  return (
    <section aria-labelledby={headingId} className="break-inside-avoid border-t border-slate-200 py-4 first:border-t-0 dark:border-slate-700">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={headingId} className="font-semibold">
          {competency.name}
          {focus ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100">Focus</span> : null}
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {competency.rating === null ? "Not rated" : `Rated ${competency.rating} ${competency.ratingLabel ?? ""}`}
          {competency.noEvidence ? (
            <span className="ml-2 rounded border border-amber-500 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:text-amber-200">No evidence</span>
          ) : null}
        </p>
      </div>
      <ReadinessBar competency={competency} />
      <ul className="mt-3 space-y-2 text-sm">
        {competency.expectations.map((expectation) => (
          <li key={expectation.index} className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-3">
            <GapStatusBadge status={expectation.status} basis={expectation.basis} />
            <span>{expectation.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { GapAnalysis, GapBasis, GapCompetency, GapExpectation, GapStatus, MarkStatus } from "~/modules/growth/gap-analysis";
import { RichText } from "~/components/ui/rich-text";
import { plural } from "~/utils/plural";
import { possessive } from "~/utils/possessive";

const statusText: Record<GapStatus, { symbol: string; text: string; tone: string }> = {
  met: { symbol: "✓", text: "Met", tone: "border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100" },
  partly: { symbol: "◐", text: "Partly met", tone: "border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100" },
  "not-met": { symbol: "✗", text: "Not met", tone: "border-red-400 bg-red-50 text-red-950 dark:border-red-600 dark:bg-red-950 dark:text-red-100" },
  "not-assessed": { symbol: "–", text: "Not assessed", tone: "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300" },
};

export function GapStatusBadge({ status, basis, ratedBy }: { status: GapStatus; basis: GapBasis; ratedBy?: string }) {
  const { symbol, text, tone } = statusText[status];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${tone}`}>
      <span aria-hidden="true">{symbol}</span>
      {text}
      {basis === "from-rating" ? <span className="font-normal"> (derived from {ratedBy ? `${ratedBy} rating` : "the rating"})</span> : null}
    </span>
  );
}

const markWords: Record<MarkStatus, string> = { met: "met", partly: "partly met", "not-met": "not met" };

/** Both sides' marks, when they marked the expectation differently (or only one side marked it while the other rated). */
function MarksDiffer({ expectation, selfName }: { expectation: GapExpectation; selfName: string }) {
  const { self, manager } = expectation.marks;
  if (!self || !manager || self === manager) return null;
  return (
    <span className="text-xs text-slate-600 dark:text-slate-300">
      {selfName}: {markWords[self]} · Manager: {markWords[manager]} (the manager&apos;s mark counts)
    </span>
  );
}

/** How the statuses were decided, in words, under the summary. */
export function GapRuleNote({ analysis, selfName }: { analysis: GapAnalysis; selfName: string }) {
  const you = selfName === "You" ? "you" : selfName;
  return (
    <div className="mt-3 space-y-1 text-xs text-slate-600 dark:text-slate-300">
      <p>
        <strong>How this is worked out.</strong> Each expectation of {analysis.target.title} takes the mark made on it in the assessments: the manager&apos;s when
        both marked it (both are shown when they differ), else the one {you} made.
      </p>
      <p>
        Where nobody marked an expectation, its status is derived from the competency&apos;s rating (the manager&apos;s, else {selfName === "You" ? "yours" : possessive(selfName)})
        and labelled so.{" "}
        {analysis.ratingRule === "reaches-target"
          ? `A rating that reaches the target for ${analysis.target.title} counts as met, one point short as partly met, lower as not met.`
          : `Ratings are given against the assessed level, so a rating above that level's target counts as partly met here and anything else as not met; only marks say met.`}{" "}
        A competency nobody rated is not assessed.
      </p>
      {analysis.matchedBy === "text" ? <p>Marks were matched to this level&apos;s expectations by their wording.</p> : null}
    </div>
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
        Of {plural(summary.total, "# expectation")} for {analysis.target.title}.{" "}
        {summary.noEvidence === 0 ? "Every rated competency has evidence." : `${plural(summary.noEvidence, "# rated competency has")} no evidence.`}
      </p>
    </div>
  );
}

export function GapCompetencySection({ competency, focus, selfName }: { competency: GapCompetency; focus: boolean; selfName: string }) {
  const ratedBy = competency.ratedBy === "manager" ? "the manager's" : competency.ratedBy === "self" ? (selfName === "You" ? "your" : possessive(selfName)) : undefined;
  const other = competency.ratedBy === "manager" ? competency.ratings.self : null;
  const headingId = `gap-${competency.competencyId}`;
  return (
    <section aria-labelledby={headingId} className="break-inside-avoid border-t border-slate-200 py-4 first:border-t-0 dark:border-slate-700">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={headingId} className="font-semibold">
          {competency.name}
          {focus ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100">Focus</span> : null}
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {competency.rating === null ? "Not rated" : `Rated ${competency.rating} ${competency.ratingLabel ?? ""} by ${ratedBy === "your" ? "you" : competency.ratedBy === "manager" ? "the manager" : selfName}`}
          {other !== null && other !== competency.rating ? ` (${selfName === "You" ? "you" : selfName}: ${other})` : ""}
          {` · target ${competency.target}${competency.targetLabel ? ` ${competency.targetLabel}` : ""}`}
          {competency.noEvidence ? (
            <span className="flag ml-2">No evidence</span>
          ) : null}
        </p>
      </div>
      <ReadinessBar competency={competency} />
      <ul className="mt-3 space-y-2 text-sm">
        {competency.expectations.map((expectation) => (
          <li key={expectation.index} className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-3">
            <GapStatusBadge status={expectation.status} basis={expectation.basis} ratedBy={ratedBy} />
            <span className="flex flex-col">
              <RichText text={expectation.text} inline />
              <MarksDiffer expectation={expectation} selfName={selfName} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

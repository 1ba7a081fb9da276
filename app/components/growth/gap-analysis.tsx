import type { GapAnalysis, GapBasis, GapCompetency, GapExpectation, GapStatus, MarkStatus } from "~/modules/growth/gap-analysis";
import { RichText } from "~/components/ui/rich-text";
import { plural } from "~/utils/plural";
import { possessive } from "~/utils/possessive";

/** Each status in words and as a symbol; its colours are the `status-*` classes of app/tailwind.css (a page has one per expectation). */
const statusText: Record<GapStatus, { symbol: string; text: string }> = {
  met: { symbol: "✓", text: "Met" },
  partly: { symbol: "◐", text: "Partly met" },
  "not-met": { symbol: "✗", text: "Not met" },
  "not-assessed": { symbol: "–", text: "Not assessed" },
};

export function GapStatusBadge({ status, basis, ratedBy }: { status: GapStatus; basis: GapBasis; ratedBy?: string }) {
  const { symbol, text } = statusText[status];
  return (
    <span className={`status status-${status}`}>
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
    <span className="subtle text-xs">{`${selfName}: ${markWords[self]} · Manager: ${markWords[manager]} (the manager's mark counts)`}</span>
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
  // A share to a tenth of a percent: finer than a bar 160 pixels wide can show.
  const pct = (n: number) => (counts.total ? Math.round((1000 * n) / counts.total) / 10 : 0);
  const words =
    counts.notAssessed === counts.total
      ? "Not assessed"
      : `${Math.round(competency.readiness * 100)}% ready: ${counts.met} met, ${counts.partly} partly met, ${counts.notMet} not met${counts.notAssessed ? `, ${counts.notAssessed} not assessed` : ""}`;
  return (
    <div className="readiness-line">
      <div className="readiness" aria-hidden="true">
        <div className="readiness-met" style={{ width: `${pct(counts.met)}%` }} />
        <div className="readiness-partly" style={{ width: `${pct(counts.partly)}%` }} />
      </div>
      <span className="subtle text-xs">{words}</span>
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
    <section aria-labelledby={headingId} className="gap-competency">
      <div className="gap-competency-head">
        <h3 id={headingId} className="font-semibold">
          {competency.name}
          {focus ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100">Focus</span> : null}
        </h3>
        <p className="subtle text-sm">
          {/* One string, not a text node per part: a page has seventeen of these. */}
          {`${competency.rating === null ? "Not rated" : `Rated ${competency.rating} ${competency.ratingLabel ?? ""} by ${ratedBy === "your" ? "you" : competency.ratedBy === "manager" ? "the manager" : selfName}`}${
            other !== null && other !== competency.rating ? ` (${selfName === "You" ? "you" : selfName}: ${other})` : ""
          } · target ${competency.target}${competency.targetLabel ? ` ${competency.targetLabel}` : ""}`}
          {competency.noEvidence ? <span className="flag ml-2">No evidence</span> : null}
        </p>
      </div>
      <ReadinessBar competency={competency} />
      <ul className="gap-expectations">
        {competency.expectations.map((expectation) => (
          <li key={expectation.index}>
            <GapStatusBadge status={expectation.status} basis={expectation.basis} ratedBy={ratedBy} />
            <span>
              <RichText text={expectation.text} inline />
              <MarksDiffer expectation={expectation} selfName={selfName} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useTranslation } from "~/i18n/use-translation";
import type {
  GapAnalysis,
  GapBasis,
  GapCompetency,
  GapExpectation,
  GapStatus,
  MarkStatus,
} from "~/modules/growth/gap-analysis";
import { readinessBarWidths } from "~/modules/growth/gap-analysis";
import { LadderText } from "~/components/ladders/source-texts";
import { RichText } from "~/components/ui/rich-text";
import { useFormats } from "~/i18n/use-formats";

/**
 * Whose rating or mark a phrase names: the manager's, the viewer's own (the page passes "You" as
 * the self side's name when the viewer reads their own gap), or the person's, by name.
 */
type Who = { who: "manager" | "viewer" | "person"; name: string };
const selfSide = (selfName: string): Who =>
  selfName === "You" ? { who: "viewer", name: selfName } : { who: "person", name: selfName };

/** Each status in words (keys of the growth messages) and as a symbol; its colours are the `status-*` classes of app/tailwind.css (a page has one per expectation). */
const statusText = {
  met: { symbol: "✓", key: "gap.status.met" },
  partly: { symbol: "◐", key: "gap.status.partly" },
  "not-met": { symbol: "✗", key: "gap.status.notMet" },
  "not-assessed": { symbol: "–", key: "gap.status.notAssessed" },
} as const satisfies Record<GapStatus, { symbol: string; key: string }>;

export function GapStatusBadge({
  status,
  basis,
  ratedBy,
}: {
  status: GapStatus;
  basis: GapBasis;
  ratedBy?: Who;
}) {
  const { t } = useTranslation("growth");
  const { symbol, key } = statusText[status];
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{symbol}</span>
      {t(key)}
      {basis === "from-rating" ? (
        <span className="font-normal">
          {" "}
          {t("gap.derived", { who: ratedBy?.who ?? "nobody", name: ratedBy?.name ?? "" })}
        </span>
      ) : null}
    </span>
  );
}

const markWords = {
  met: "gap.mark.met",
  partly: "gap.mark.partly",
  "not-met": "gap.mark.notMet",
} as const satisfies Record<MarkStatus, string>;

/** Both sides' marks, when they marked the expectation differently (or only one side marked it while the other rated). */
function MarksDiffer({ expectation, selfName }: { expectation: GapExpectation; selfName: string }) {
  const { t } = useTranslation("growth");
  const { self, manager } = expectation.marks;
  if (!self || !manager || self === manager) return null;
  const side = selfSide(selfName);
  return (
    <span className="subtle text-xs">
      {t("gap.marksDiffer", {
        who: side.who,
        name: side.name,
        selfMark: t(markWords[self]),
        managerMark: t(markWords[manager]),
      })}
    </span>
  );
}

/** How the statuses were decided, in words, under the summary. */
export function GapRuleNote({ analysis, selfName }: { analysis: GapAnalysis; selfName: string }) {
  const { t } = useTranslation("growth");
  const side = selfSide(selfName);
  const target = analysis.target.title;
  return (
    <div className="mt-3 space-y-1 text-xs text-slate-600 dark:text-slate-300">
      <p>
        <strong>{t("gap.rule.heading")}</strong>{" "}
        {t("gap.rule.marks", { target, who: side.who, name: side.name })}
      </p>
      <p>
        {t("gap.rule.derived", { who: side.who, name: side.name })}{" "}
        {analysis.ratingRule === "reaches-target"
          ? t("gap.rule.reachesTarget", { target })
          : t("gap.rule.againstAssessed")}{" "}
        {t("gap.rule.notRated")}
      </p>
      {analysis.matchedBy === "text" ? <p>{t("gap.rule.matchedByText")}</p> : null}
    </div>
  );
}

/** Met and partly met as a bar, with the same figures in words beside it. */
export function ReadinessBar({ competency }: { competency: GapCompetency }) {
  const { t } = useTranslation("growth");
  const f = useFormats();
  const { counts } = competency;
  const widths = readinessBarWidths(counts);
  const words =
    counts.notAssessed === counts.total
      ? t("gap.readiness.notAssessed")
      : t("gap.readiness.ready", {
          ready: f.percent(competency.readiness),
          met: counts.met,
          partly: counts.partly,
          notMet: counts.notMet,
          notAssessed: counts.notAssessed,
        });
  return (
    <div className="readiness-line">
      <div className="readiness" aria-hidden="true">
        <div className="readiness-met" style={{ width: `${widths.met}%` }} />
        <div className="readiness-partly" style={{ width: `${widths.partly}%` }} />
      </div>
      <span className="subtle text-xs">{words}</span>
    </div>
  );
}

export function GapSummary({ analysis }: { analysis: GapAnalysis }) {
  const { t } = useTranslation("growth");
  const { summary } = analysis;
  const items = [
    ["met", t("gap.summary.met"), summary.met],
    ["partly", t("gap.summary.partly"), summary.partly],
    ["not-met", t("gap.summary.notMet"), summary.notMet],
    ["not-assessed", t("gap.summary.notAssessed"), summary.notAssessed],
  ] as const;
  return (
    <div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {items.map(([key, label, value]) => (
          <div key={key}>
            <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
        {t("gap.summary.of", { total: summary.total, target: analysis.target.title })}{" "}
        {summary.noEvidence === 0
          ? t("gap.summary.allEvidenced")
          : t("gap.summary.noEvidence", { count: summary.noEvidence })}
      </p>
    </div>
  );
}

export function GapCompetencySection({
  competency,
  focus,
  selfName,
}: {
  competency: GapCompetency;
  focus: boolean;
  selfName: string;
}) {
  const { t } = useTranslation("growth");
  const side = selfSide(selfName);
  const ratedBy: Who | undefined =
    competency.ratedBy === "manager"
      ? { who: "manager", name: "" }
      : competency.ratedBy === "self"
        ? side
        : undefined;
  const other = competency.ratedBy === "manager" ? competency.ratings.self : null;
  const headingId = `gap-${competency.competencyId}`;
  const rating =
    competency.rating === null
      ? t("gap.notRated")
      : t("gap.ratedBy", {
          rating: competency.rating,
          label: competency.ratingLabel ?? "",
          who: ratedBy?.who ?? "nobody",
          name: ratedBy?.name ?? "",
        });
  const otherRating =
    other !== null && other !== competency.rating
      ? ` ${t("gap.otherRating", { who: side.who, name: side.name, rating: other })}`
      : "";
  return (
    <section aria-labelledby={headingId} className="gap-competency">
      <div className="gap-competency-head">
        <h3 id={headingId} className="font-semibold">
          <LadderText text={competency.name} />
          {focus ? (
            <span className="ms-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100">
              {t("gap.focus")}
            </span>
          ) : null}
        </h3>
        <p className="subtle text-sm">
          {/* One string, not a text node per part: a page has seventeen of these. */}
          {`${rating}${otherRating} · ${t("gap.target", { target: competency.target, label: competency.targetLabel ?? "" })}`}
          {competency.noEvidence ? <span className="flag ms-2">{t("gap.noEvidence")}</span> : null}
        </p>
      </div>
      <ReadinessBar competency={competency} />
      {/* Closed unless it is a focus: seventeen competencies' expectations were 52 rows, 10,000 px on a phone. */}
      <details open={focus}>
        <summary className="link mt-2 cursor-pointer text-sm font-medium">
          {t("gap.expectationsToggle", { count: competency.expectations.length })}
        </summary>
        <ul className="gap-expectations">
          {competency.expectations.map((expectation) => (
            <li key={expectation.index}>
              <GapStatusBadge
                status={expectation.status}
                basis={expectation.basis}
                ratedBy={ratedBy}
              />
              <span>
                <RichText text={expectation.text} inline />
                <MarksDiffer expectation={expectation} selfName={selfName} />
              </span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

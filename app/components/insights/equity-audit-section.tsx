import { Link } from "react-router";
import { IntervalBar } from "~/components/insights/charts";
import { dimensionInSentence } from "~/components/calibration/outcome-grid";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, Card } from "~/components/ui/page";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import {
  GROUPS_LISTED,
  type AuditRate,
  type AuditStep,
  type ListedAudit,
} from "~/modules/equity/audit";

/**
 * One funnel of an equity audit as a page shows it (decision 083): everyone's rates, then a table
 * per dimension with each shown group's rate, n and interval, its comparison with the highest group
 * and the four-fifths flag where the audit raised it; a hidden group shows that it is hidden and
 * nothing measured. The access audit and the promotion audit show their funnels alike, in the
 * figure words of the `accessAudit` namespace; each page names its own stages.
 */
type Step = { from: string; to: string };

const muted = "text-slate-600 dark:text-slate-300";

function useAuditWords(stageName: (id: string) => string) {
  const { t, i18n } = useTranslation("accessAudit");
  const f = useFormats();
  const stepName = (step: Step) =>
    t("figures.step", { from: stageName(step.from), to: stageName(step.to) });
  const rate = (step: AuditRate) =>
    step.rate
      ? t("figures.rate", {
          estimate: f.percent(step.rate.estimate),
          low: f.percent(step.rate.interval[0]),
          high: f.percent(step.rate.interval[1]),
          successes: step.successes,
          n: step.n,
        })
      : step.band && step.n !== null
        ? t("figures.band", { low: step.band.low, high: step.band.high, n: step.n })
        : step.n === 0
          ? t("figures.nobody")
          : t("figures.notExact");
  const dimensionWord = (id: string) =>
    id === "team" || id === "track" || id === "level"
      ? t(`dimension.${id}`)
      : dimensionInSentence(id.slice("attribute:".length), i18n.language);
  return { t, stepName, rate, dimensionWord };
}

function Comparison({ step, labelOf }: { step: AuditStep; labelOf: (value: string) => string }) {
  const { t } = useTranslation("accessAudit");
  if (step.highest) return <span className={muted}>{t("impact.highest")}</span>;
  const impact = step.impact;
  if (!impact?.ratio) return <span className={muted}>{t("impact.none")}</span>;
  const words = t("impact.ratio", {
    ratio: impact.ratio.estimate,
    low: impact.ratio.interval[0],
    high: impact.ratio.interval[1],
    reference: labelOf(impact.reference),
    raw: impact.pValue,
    p: impact.adjustedP,
  });
  return (
    <span>
      {words}
      {impact.flagged ? (
        <strong className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          {t("impact.flagged")}
        </strong>
      ) : null}
    </span>
  );
}

function GroupCells({
  step,
  label,
  labelOf,
  rate,
}: {
  step: AuditStep;
  label: string;
  labelOf: (value: string) => string;
  rate: string;
}) {
  return (
    <>
      <td className={`${tdClass} tabular-nums`}>
        <span className="block">{rate}</span>
        {step.rate ? (
          <IntervalBar
            estimate={step.rate.estimate}
            interval={step.rate.interval}
            domain={[0, 1]}
            label={label}
          />
        ) : null}
      </td>
      <td className={`${tdClass} text-sm`}>
        <Comparison step={step} labelOf={labelOf} />
      </td>
    </>
  );
}

export function EquityAuditSection({
  id,
  heading,
  explain,
  steps,
  audit,
  floor,
  stageName,
  dimensionName,
  groupLink,
  comparisons,
}: {
  id: string;
  heading: string;
  explain: string;
  steps: readonly Step[];
  /** `unlisted`: how many groups of a dimension the page counts without listing (listedAudit). */
  audit: ListedAudit;
  floor: number;
  stageName: (id: string) => string;
  /** A dimension the audit names itself (the windows); the others are team, track, level and attributes. */
  dimensionName?: (id: string) => string | null;
  /** Where a group's row leads (a window's own audit), if anywhere. */
  groupLink?: (dimension: string, value: string) => string | null;
  /** Overrides the note on how many comparisons were adjusted together. */
  comparisons?: string;
}) {
  const { t, stepName, rate, dimensionWord } = useAuditWords(stageName);
  const anyShown =
    audit.total.shown ||
    audit.dimensions.some((dimension) => dimension.groups.some((group) => group.shown));
  const headingId = `audit-${id}`;
  const nameOf = (dimension: string) => dimensionName?.(dimension) ?? dimensionWord(dimension);
  return (
    <section className="mb-10" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-xl font-semibold">
        {heading}
      </h2>
      <p className={`mb-3 max-w-3xl text-sm ${muted}`}>{explain}</p>
      {audit.total.steps ? (
        <ul className="mb-4 list-disc ps-6 text-sm">
          {audit.total.steps.map((step) => (
            <li key={`${step.from}-${step.to}`}>
              {t("figures.everyone", { step: stepName(step), rate: rate(step) })}
            </li>
          ))}
        </ul>
      ) : null}
      {!anyShown ? (
        <Alert tone="info" title={t("hiddenAll.title")}>
          {t("hiddenAll.body", { floor })}
        </Alert>
      ) : null}
      {audit.dimensions.map((dimension) =>
        dimension.groups.length || dimension.smallGroupsLeftOut ? (
          <div key={dimension.id} className="mb-6">
            <h3 className="mb-2 font-semibold">{t("by", { dimension: nameOf(dimension.id) })}</h3>
            {dimension.groups.length ? (
              <DataTable
                caption={t("caption", { audit: heading, dimension: nameOf(dimension.id) })}
                headings={[
                  t("columns.group"),
                  ...steps.flatMap((step) => [
                    stepName(step),
                    t("columns.compared", { step: stepName(step) }),
                  ]),
                ]}
              >
                {dimension.groups.map((group) => {
                  const href = groupLink?.(dimension.id, group.value);
                  return (
                    <tr key={group.value}>
                      <th scope="row" className={`${tdClass} font-medium`}>
                        {href ? (
                          <Link
                            to={href}
                            className="text-brand-600 hover:underline dark:text-brand-100"
                          >
                            {group.label}
                          </Link>
                        ) : (
                          group.label
                        )}
                      </th>
                      {group.steps ? (
                        group.steps.map((step) => (
                          <GroupCells
                            key={`${step.from}-${step.to}`}
                            step={step}
                            rate={rate(step)}
                            labelOf={(value) =>
                              dimension.groups.find((other) => other.value === value)?.label ??
                              value
                            }
                            label={t("figures.barLabel", {
                              group: group.label,
                              step: stepName(step),
                              rate: rate(step),
                            })}
                          />
                        ))
                      ) : (
                        <td
                          className={`${tdClass} ${muted}`}
                          colSpan={Math.max(1, steps.length * 2)}
                        >
                          {t("disclosure.hidden", { floor })}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </DataTable>
            ) : null}
            {dimension.unlisted ? (
              <p className={`mt-1 text-sm ${muted}`}>
                {t("listed.some", { count: dimension.unlisted })}{" "}
                <Link
                  to={{ search: `?all=${encodeURIComponent(dimension.id)}`, hash: headingId }}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {t("listed.all", { total: dimension.groups.length + dimension.unlisted })}
                </Link>
              </p>
            ) : dimension.groups.length > GROUPS_LISTED ? (
              <p className={`mt-1 text-sm ${muted}`}>
                <Link
                  to={{ search: "", hash: headingId }}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {t("listed.fewer", { listed: GROUPS_LISTED })}
                </Link>
              </p>
            ) : null}
            {dimension.smallGroupsLeftOut ? (
              <p className={`mt-1 text-xs ${muted}`}>{t("disclosure.smallGroups", { floor })}</p>
            ) : null}
          </div>
        ) : null,
      )}
      {audit.comparisons ? (
        <p className={`text-xs ${muted}`}>
          {comparisons ?? t("comparisons", { count: audit.comparisons })}
        </p>
      ) : null}
    </section>
  );
}

/**
 * What an audit page says before its figures: the page's own lines (what it counts, as of when),
 * then what every audit's rates, four-fifths flag and hidden groups mean.
 */
export function AuditIntro({
  lines,
  floor,
  className = "mb-8",
}: {
  lines: readonly string[];
  floor: number;
  className?: string;
}) {
  const { t } = useTranslation("accessAudit");
  return (
    <Card className={className}>
      <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>{t("intro.rates")}</p>
        <p>{t("intro.fourFifths")}</p>
        <p>{t("intro.hidden", { floor })}</p>
      </div>
    </Card>
  );
}

type SectionProps = Parameters<typeof EquityAuditSection>[0];

/**
 * A page's funnels, one section each: `words` gives a funnel's heading and explanation by its id, and
 * `comparisons` its note on the comparisons adjusted together, where the page words it itself.
 */
export function EquityAuditSections<Id extends string>({
  entries,
  words,
  comparisons,
  ...shared
}: {
  entries: readonly { id: Id; steps: readonly Step[]; audit: SectionProps["audit"] }[];
  words: (id: Id) => { heading: string; explain: string };
  comparisons?: (comparisons: number) => string;
} & Pick<SectionProps, "floor" | "stageName" | "dimensionName" | "groupLink">) {
  return (
    <>
      {entries.map((entry) => (
        <EquityAuditSection
          key={entry.id}
          id={entry.id}
          {...words(entry.id)}
          steps={entry.steps}
          audit={entry.audit}
          comparisons={comparisons?.(entry.audit.comparisons)}
          {...shared}
        />
      ))}
    </>
  );
}

import type { Route } from "./+types/calibration.$sessionId.fairness";
import { dimensionInSentence } from "~/components/calibration/outcome-grid";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { fairnessView } from "~/modules/insights/fairness.server";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("calibration:fairness.title", { name: loaderData.session.name })
      : metaT(matches)("calibration:fairness.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return fairnessView(viewer, params.sessionId ?? "", languageOf(context));
});

type Difference = { estimate: number; interval: [number, number]; worthALook: boolean };

const signOf = (value: number) => (value > 0 ? "plus" : value < 0 ? "minus" : "none");

/** The report's figures in the page's language: signed differences to two places, percentages, shares with their interval. */
function useFairnessFigures() {
  const { t } = useTranslation("calibration");
  const f = useFormats();
  const signed = (value: number) =>
    t("fairness.signed", { sign: signOf(value), value: Math.abs(value) });
  const signedPoints = (value: number) =>
    t("fairness.signedPoints", { sign: signOf(value), points: Math.abs(Math.round(value * 100)) });
  /** A share with its 95% interval: "40% (20–63%)". */
  const share = (proportion: { estimate: number; interval: [number, number] }) =>
    t("fairness.share", {
      estimate: f.percent(proportion.estimate),
      low: f.percent(proportion.interval[0]),
      high: f.percent(proportion.interval[1]),
    });
  return { t, f, signed, signedPoints, share };
}

function DifferenceText({
  difference,
  format,
}: {
  difference: Difference | null;
  format: (value: number) => string;
}) {
  const { t } = useTranslation("calibration");
  if (!difference) return <>—</>;
  return (
    <>
      <span className="tabular-nums">
        {t("fairness.difference", {
          estimate: format(difference.estimate),
          low: format(difference.interval[0]),
          high: format(difference.interval[1]),
        })}
      </span>
      {difference.worthALook ? (
        <strong className="ms-1 text-amber-900 dark:text-amber-200">
          {t("fairness.worthALook")}
        </strong>
      ) : null}
    </>
  );
}

export default function CalibrationFairness({ loaderData }: Route.ComponentProps) {
  const { session, floor, report } = loaderData;
  const { t, f, signed, signedPoints, share } = useFairnessFigures();
  const { t: insightsT, i18n } = useTranslation("insights");
  const dimensionWord = (dimension: { id: string; label: string }) =>
    dimension.id === "team" || dimension.id === "track" || dimension.id === "level"
      ? t(`fairness.dimension.${dimension.id}`)
      : dimensionInSentence(dimension.label, i18n.language);
  // Columns for how peer feedback was written, when any was written about the session's people.
  const withFeedback = report.dimensions.some((dimension) =>
    dimension.groups.some((group) => group.feedback !== null),
  );
  return (
    <>
      <BackLink to={`/calibration/${session.id}`}>{session.name}</BackLink>
      <PageHeader
        title={t("fairness.heading")}
        description={t("fairness.description", { count: report.n, state: session.state })}
      />
      <Card className="mb-6">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t("fairness.explain", { comparisons: report.comparisons, floor })}{" "}
          {t("fairness.acrossSession", {
            mean:
              report.meanRating === null ? "—" : t("fairness.mean", { value: report.meanRating }),
            rate: report.promotionRate ? f.percent(report.promotionRate.estimate) : "—",
          })}
        </p>
        {withFeedback ? (
          <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
            {t("fairness.feedbackExplain")}
          </p>
        ) : null}
      </Card>
      {report.dimensions.map((dimension) => (
        <section key={dimension.id} className="mb-8" aria-labelledby={`dimension-${dimension.id}`}>
          <h2 id={`dimension-${dimension.id}`} className="mb-2 text-lg font-semibold">
            {t("fairness.by", { dimension: dimensionWord(dimension) })}
          </h2>
          <DataTable
            caption={t("fairness.caption", { dimension: dimensionWord(dimension) })}
            headings={[
              t("fairness.columns.group"),
              t("fairness.columns.people"),
              t("fairness.columns.meanRating"),
              t("fairness.columns.ratingAgainst"),
              t("fairness.columns.promoted"),
              t("fairness.columns.promotionAgainst"),
              ...(withFeedback
                ? [t("fairness.columns.withExample"), t("fairness.columns.personalityWord")]
                : []),
            ]}
          >
            {dimension.groups.map((group) => (
              <tr key={group.value}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {group.label}
                </th>
                <td className={`${tdClass} tabular-nums`}>{f.number(group.n)}</td>
                {group.suppressed ? (
                  <td
                    className={`${tdClass} text-slate-600 dark:text-slate-300`}
                    colSpan={withFeedback ? 6 : 4}
                  >
                    {insightsT("disclosure.hidden", { floor })}
                  </td>
                ) : (
                  <>
                    <td className={`${tdClass} tabular-nums`}>
                      {group.meanRating === null
                        ? "—"
                        : t("fairness.mean", { value: group.meanRating })}
                    </td>
                    <td className={tdClass}>
                      <DifferenceText difference={group.ratingDifference} format={signed} />
                    </td>
                    <td className={`${tdClass} tabular-nums`}>
                      {group.promotionRate ? share(group.promotionRate) : "—"}
                    </td>
                    <td className={tdClass}>
                      <DifferenceText
                        difference={group.promotionDifference}
                        format={signedPoints}
                      />
                    </td>
                    {withFeedback ? (
                      <>
                        <td className={`${tdClass} tabular-nums`}>
                          {group.feedback
                            ? t("fairness.feedbackShare", {
                                share: share(group.feedback.withExample),
                                answers: group.feedback.answers,
                                people: group.feedback.people,
                              })
                            : "—"}
                        </td>
                        <td className={`${tdClass} tabular-nums`}>
                          {group.feedback
                            ? t("fairness.feedbackShare", {
                                share: share(group.feedback.flagged),
                                answers: group.feedback.answers,
                                people: group.feedback.people,
                              })
                            : "—"}
                        </td>
                      </>
                    ) : null}
                  </>
                )}
              </tr>
            ))}
          </DataTable>
          {dimension.smallGroupsLeftOut ? (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
              {insightsT("disclosure.smallGroups", { floor })}
            </p>
          ) : null}
          {dimension.unknown ? (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
              {t("fairness.unknown", {
                count: dimension.unknown,
                dimension: dimensionWord(dimension),
              })}
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

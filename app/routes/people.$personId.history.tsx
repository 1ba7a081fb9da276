import type { Route } from "./+types/people.$personId.history";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { describeAgainstBar, RadarChart } from "~/components/growth/chart-radar";
import { Sparkline } from "~/components/growth/chart-sparkline";
import { useAssessmentWords } from "~/components/growth/profile-assessments";
import { ProfileNav, useProfileDescription } from "~/components/growth/profile-nav";
import { OutsideLevelNote } from "~/components/growth/profile-comparison";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import type { HistoryValue } from "~/modules/growth/history";
import { languageOf } from "~/i18n/i18n.server";
import { historyPage } from "~/modules/growth/profile.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("growth:history.title", { name: loaderData.person.name })
      : metaT(matches)("growth:history.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!params.personId) throw new NotFoundError({ key: "growth:errors.noPerson" });
  return historyPage(viewer, params.personId, languageOf(context));
});

/** The words of the page's tables, in its language. */
function useHistoryWords() {
  const { t } = useTranslation("growth");
  const f = useFormats();
  const againstBarText = (value: number | null) => {
    if (value === null) return t("history.againstBar.notRated");
    if (value === 0) return t("history.againstBar.at");
    return value > 0
      ? t("history.againstBar.above", { points: f.number(value) })
      : t("history.againstBar.below", { points: f.number(-value) });
  };
  const valueText = (value: HistoryValue) => {
    if (value.self === null && value.manager === null) return "–";
    return [
      value.self === null ? null : t("history.value.self", { rating: f.number(value.self) }),
      value.manager === null
        ? null
        : t("history.value.manager", { rating: f.number(value.manager) }),
    ]
      .filter(Boolean)
      .join(t("history.value.separator"));
  };
  const trendText = (trend: "up" | "down" | "same") => t(`history.trend.${trend}`);
  /** The line's figures read out, for those who cannot see it. */
  const lineLabel = (name: string, values: readonly HistoryValue[]) => {
    const series = (pick: (value: HistoryValue) => number | null) =>
      f.list(
        values.map((value) => {
          const rating = pick(value);
          return rating === null ? t("history.cycles.noRating") : f.number(rating);
        }),
      );
    return t("history.cycles.line", {
      name,
      manager: series((value) => value.manager),
      self: series((value) => value.self),
    });
  };
  return { t, f, againstBarText, valueText, trendText, lineLabel };
}

export default function HistoryPage({ loaderData }: Route.ComponentProps) {
  const { person, history, profile, scale, profileSources, levelChanges } = loaderData;
  const { t, f, againstBarText, valueText, trendText, lineLabel } = useHistoryWords();
  const profileDescription = useProfileDescription();
  const { assessmentLine } = useAssessmentWords();
  const min = scale[0]?.value ?? 1;
  const max = scale.at(-1)?.value ?? 4;
  const bar = profile[0]?.bar ?? 3;
  const barLabel = scale.find((point) => point.value === bar)?.label ?? "";
  return (
    <>
      <PageHeader
        title={t("history.heading", { name: person.name })}
        description={profileDescription(person)}
      />
      <ProfileNav personId={person.id} personName={person.name} />

      <Card className="mb-6">
        <h2 className="mb-1 text-lg font-semibold">{t("history.profile.heading")}</h2>
        {profile.length ? (
          <>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
              {profileSources.manager
                ? `${t("history.profile.manager", { line: assessmentLine(profileSources.manager) })} `
                : ""}
              {profileSources.self
                ? `${t("history.profile.self", { line: assessmentLine(profileSources.self) })} `
                : ""}
              {t("history.profile.bar", { bar: f.number(bar), label: barLabel })}{" "}
              {describeAgainstBar(t, profile)}
            </p>
            <div className="space-y-6">
              <RadarChart
                rows={profile}
                max={max}
                bar={bar}
                barLabel={barLabel}
                title={t("history.profile.chartTitle", { name: person.name })}
              />
              <DataTable
                plain
                showCaption
                caption={t("history.profile.caption")}
                headings={[
                  t("history.profile.competency"),
                  t("history.profile.managerColumn"),
                  t("history.profile.selfColumn"),
                  t("history.profile.againstBar", { bar: f.number(bar) }),
                ]}
              >
                {profile.map((row) => (
                  <tr key={row.competencyId}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.name}
                    </th>
                    <td className={`${tdClass} tabular-nums`}>
                      {row.manager === null ? "–" : f.number(row.manager)}
                    </td>
                    <td className={`${tdClass} tabular-nums`}>
                      {row.self === null ? "–" : f.number(row.self)}
                    </td>
                    <td
                      className={`${tdClass} ${row.againstBar !== null && row.againstBar < 0 ? "font-semibold" : ""}`}
                    >
                      {againstBarText(row.againstBar)}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("history.profile.none")}</p>
        )}
      </Card>

      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("history.cycles.heading")}</h2>
        {history.points.length ? (
          <>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
              {t("history.cycles.explain")}
            </p>
            <DataTable
              plain
              caption={t("history.cycles.caption")}
              headings={[
                t("history.cycles.competency"),
                t("history.cycles.trend"),
                ...history.points.map((point) => ({
                  key: point.key,
                  label:
                    point.cycleName ??
                    (point.month
                      ? t("history.cycles.outsideCycle", { month: f.month(point.month) })
                      : t("history.cycles.unnamedCycle")),
                })),
                t("history.cycles.change"),
              ]}
            >
              {history.rows.map((row) => (
                <tr key={row.competencyId}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {row.name}
                    <OutsideLevelNote outsideLevel={row.outsideLevel} />
                  </th>
                  <td className={tdClass}>
                    <Sparkline
                      label={lineLabel(row.name, row.values)}
                      values={row.values}
                      min={min}
                      max={max}
                    />
                  </td>
                  {row.values.map((value, index) => (
                    <td
                      key={history.points[index]!.key}
                      className={`${tdClass} whitespace-nowrap tabular-nums`}
                    >
                      {valueText(value)}
                    </td>
                  ))}
                  <td className={`${tdClass} whitespace-nowrap`}>
                    {row.trend ? trendText(row.trend) : "–"}
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("history.cycles.none")}</p>
        )}
      </Card>

      {levelChanges.length ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("history.levels.heading")}</h2>
          <ul className="space-y-1 text-sm">
            {levelChanges.map((change) => (
              <li key={`${change.on}-${change.to}`}>
                {t("history.levels.change", {
                  on: f.day(change.on),
                  from: change.from ?? t("history.levels.noLevel"),
                  to: change.to ?? t("history.levels.noLevel"),
                  session: change.sessionName,
                })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

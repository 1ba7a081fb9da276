import { Form } from "react-router";
import type { ReactNode } from "react";
import type { Route } from "./+types/insights._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDays, IntervalBar, SurvivalChart } from "~/components/insights/charts";
import { dimensionInSentence } from "~/components/calibration/outcome-grid";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { insightsView } from "~/modules/insights/insights.server";
import type { InsightTable } from "~/modules/insights/tables";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { largest } from "~/utils/extremes";
import { plainHtml } from "~/utils/page-scripts";

// Read, and its cycle chosen by a form that gets: sent without the app's scripts (decision 155).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("insights:title") },
];

export const loader = withDomainErrors(async ({ request, url, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return insightsView(viewer, {
    cycleId: url.searchParams.get("cycle"),
    language: languageOf(context),
  });
});

type Proportion = { estimate: number; interval: [number, number] };

const muted = "text-slate-600 dark:text-slate-300";

/** The page's figures in its language: rates with their interval, signed changes to two places, times at a level. */
function useInsightsWords() {
  const { t, i18n } = useTranslation("insights");
  const f = useFormats();
  const rate = (value: Proportion | null | undefined) =>
    value
      ? t("figures.rate", {
          estimate: f.percent(value.estimate),
          low: f.percent(value.interval[0]),
          high: f.percent(value.interval[1]),
        })
      : "—";
  const signed = (value: number) =>
    t("figures.signed", {
      sign: value > 0 ? "plus" : value < 0 ? "minus" : "none",
      value: Math.abs(value),
    });
  const interval = (estimate: string, low: string, high: string) =>
    t("figures.interval", { estimate, low, high });
  const days = (value: number) => formatDays(t, value);
  return { t, i18n, f, rate, signed, interval, days };
}

function Hidden({ floor, colSpan }: { floor: number; colSpan: number }) {
  const { t } = useTranslation("insights");
  return (
    <td className={`${tdClass} ${muted}`} colSpan={colSpan}>
      {t("disclosure.hidden", { floor })}
    </td>
  );
}

function Section({
  id,
  title,
  csv,
  children,
  cycleId,
}: {
  id: string;
  title: string;
  csv: InsightTable[];
  children: ReactNode;
  cycleId?: string;
}) {
  const { t } = useTranslation("insights");
  return (
    <section className="mb-10 break-inside-avoid-page" aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        <p className="no-print flex flex-wrap gap-3 text-sm">
          {csv.map((table) => (
            <a
              key={table}
              href={`/insights/${table}.csv${cycleId ? `?cycle=${encodeURIComponent(cycleId)}` : ""}`}
              className="font-medium text-brand-600 underline dark:text-brand-100"
              download
            >
              {t(`download.${table}`)}
            </a>
          ))}
        </p>
      </div>
      {children}
    </section>
  );
}

export default function Insights({ loaderData }: Route.ComponentProps) {
  const view = loaderData;
  const { t, i18n, f, rate, signed, interval, days } = useInsightsWords();
  const dimensionWord = (dimension: { id: string; label: string }) =>
    dimension.id === "team" || dimension.id === "track" || dimension.id === "level"
      ? t(`dimension.${dimension.id}`)
      : dimensionInSentence(dimension.label, i18n.language);
  const maxDays = largest(
    view.timeInLevel.flatMap((track) =>
      track.levels.flatMap((level) => level.points.map((point) => point[0])),
    ),
    365,
  );
  const breakdown = view.outcomesByGroup;
  const shiftSpan = largest(
    view.shift.managers.flatMap((manager) =>
      manager.meanShift ? manager.meanShift.interval.map(Math.abs) : [],
    ),
    1,
  );
  return (
    <>
      <PageHeader
        title={t("heading")}
        description={
          view.scope === "organisation"
            ? t("scope.organisation", { count: view.people })
            : t("scope.reports", { count: view.people })
        }
      />
      <Card className="mb-8">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t("intro", { floor: view.floor })}
        </p>
      </Card>

      <Section
        id="time-in-level"
        title={t("timeInLevel.heading")}
        csv={["time-in-level", "time-in-level-curves"]}
      >
        <p className={`mb-4 max-w-3xl text-sm ${muted}`}>{t("timeInLevel.explain")}</p>
        {view.timeInLevel.length === 0 ? <p className={muted}>{t("timeInLevel.none")}</p> : null}
        {view.timeInLevel.map((track) => (
          <div key={track.track} className="mb-6">
            <h3 className="mb-2 font-semibold">{track.trackName}</h3>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {track.levels.map((level) => (
                <li
                  key={level.level}
                  className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
                >
                  <p className="font-medium">{level.levelName}</p>
                  {level.suppressed || level.n === null || level.promotions === null ? (
                    <p className={`text-sm ${muted}`}>
                      {t("disclosure.hidden", { floor: view.floor })}
                    </p>
                  ) : (
                    <>
                      <SurvivalChart
                        title={t("timeInLevel.chartTitle", { level: level.levelName })}
                        points={level.points}
                        median={level.median}
                        maxDays={maxDays}
                      />
                      <p className="text-sm">
                        {t("timeInLevel.median")}{" "}
                        <strong>
                          {level.median === null
                            ? t("timeInLevel.medianNotReached")
                            : days(level.median)}
                        </strong>
                        {level.median !== null && level.medianInterval ? (
                          <span className={muted}>
                            {" "}
                            {t("timeInLevel.medianInterval", {
                              low:
                                level.medianInterval[0] === null
                                  ? "—"
                                  : days(level.medianInterval[0]),
                              high:
                                level.medianInterval[1] === null
                                  ? t("timeInLevel.notReached")
                                  : days(level.medianInterval[1]),
                            })}
                          </span>
                        ) : null}
                      </p>
                      <p className={`text-xs ${muted}`}>
                        {t("timeInLevel.stays", { count: level.n, promotions: level.promotions })}
                        {level.unknownStarts
                          ? t("timeInLevel.unknownStarts", { count: level.unknownStarts })
                          : ""}
                      </p>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {view.timeInLevel.length ? (
          <DataTable
            caption={t("timeInLevel.caption")}
            headings={[
              t("timeInLevel.columns.track"),
              t("timeInLevel.columns.level"),
              t("timeInLevel.columns.stays"),
              t("timeInLevel.columns.promoted"),
              t("timeInLevel.columns.median"),
            ]}
          >
            {view.timeInLevel.flatMap((track) =>
              track.levels.map((level) => (
                <tr key={`${track.track}/${level.level}`}>
                  <td className={tdClass}>{track.trackName}</td>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {level.levelName}
                  </th>
                  <td className={`${tdClass} tabular-nums`}>
                    {level.n === null ? "—" : f.number(level.n)}
                  </td>
                  {level.suppressed ? (
                    <Hidden floor={view.floor} colSpan={2} />
                  ) : (
                    <>
                      <td className={`${tdClass} tabular-nums`}>
                        {level.promotions === null ? "—" : f.number(level.promotions)}
                      </td>
                      <td className={tdClass}>
                        {level.median === null
                          ? t("timeInLevel.notReachedCell")
                          : days(level.median)}
                        {level.median !== null && level.medianInterval ? (
                          <span className={muted}>
                            {" "}
                            {t("timeInLevel.range", {
                              low:
                                level.medianInterval[0] === null
                                  ? "—"
                                  : days(level.medianInterval[0]),
                              high:
                                level.medianInterval[1] === null
                                  ? t("timeInLevel.notReached")
                                  : days(level.medianInterval[1]),
                            })}
                          </span>
                        ) : null}
                      </td>
                    </>
                  )}
                </tr>
              )),
            )}
          </DataTable>
        ) : null}
      </Section>

      <Section
        id="outcomes"
        title={t("outcomes.heading")}
        csv={["outcomes-by-cycle", "outcomes-by-group"]}
        cycleId={breakdown?.cycleId}
      >
        <p className={`mb-4 max-w-3xl text-sm ${muted}`}>{t("outcomes.explain")}</p>
        {view.outcomesByCycle.length === 0 ? (
          <p className={muted}>{t("outcomes.none")}</p>
        ) : (
          <DataTable
            caption={t("outcomes.byCycle")}
            headings={[
              t("outcomes.columns.cycle"),
              t("outcomes.columns.people"),
              t("outcomes.columns.promoted"),
              t("outcomes.columns.promotionRate"),
              t("outcomes.columns.stay"),
              t("outcomes.columns.notReady"),
            ]}
          >
            {view.outcomesByCycle.map((cycle) => (
              <tr key={cycle.cycleId}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {cycle.name}
                </th>
                <td className={`${tdClass} tabular-nums`}>{f.number(cycle.n)}</td>
                {cycle.rates ? (
                  <>
                    <td className={`${tdClass} tabular-nums`}>{rate(cycle.rates.promote)}</td>
                    <td className={tdClass}>
                      <IntervalBar
                        estimate={cycle.rates.promote.estimate}
                        interval={cycle.rates.promote.interval}
                        domain={[0, 1]}
                        label={t("outcomes.promotedLabel", { rate: rate(cycle.rates.promote) })}
                      />
                    </td>
                    <td className={`${tdClass} tabular-nums`}>{rate(cycle.rates.stay)}</td>
                    <td className={`${tdClass} tabular-nums`}>{rate(cycle.rates["not-ready"])}</td>
                  </>
                ) : (
                  <Hidden floor={view.floor} colSpan={4} />
                )}
              </tr>
            ))}
          </DataTable>
        )}
        {breakdown ? (
          <div className="mt-6">
            <Form method="get" className="no-print mb-4 flex flex-wrap items-end gap-3">
              <SelectField
                label={t("outcomes.chooseCycle")}
                name="cycle"
                defaultValue={breakdown.cycleId}
              >
                {view.cycles.map((cycle) => (
                  <option key={cycle.id} value={cycle.id}>
                    {cycle.name}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" variant="secondary">
                {t("outcomes.show")}
              </Button>
            </Form>
            <p className="mb-3 text-sm">
              {t("outcomes.cycleSummary", {
                cycle: breakdown.name,
                count: breakdown.n,
                promoted: rate(breakdown.rates?.promote),
                notReady: rate(breakdown.rates?.["not-ready"]),
              })}
            </p>
            <p className={`mb-3 max-w-3xl text-sm ${muted}`}>{t("outcomes.groupsExplain")}</p>
            {breakdown.dimensions.map((dimension) => (
              <div key={dimension.id} className="mb-6">
                <h3 className="mb-2 font-semibold">
                  {t("outcomes.by", { dimension: dimensionWord(dimension) })}
                </h3>
                <DataTable
                  caption={t("outcomes.byCaption", {
                    cycle: breakdown.name,
                    dimension: dimensionWord(dimension),
                  })}
                  headings={[
                    t("outcomes.columns.group"),
                    t("outcomes.columns.people"),
                    t("outcomes.columns.promoted"),
                    t("outcomes.columns.promotionRate"),
                    t("outcomes.columns.notReady"),
                  ]}
                >
                  {dimension.groups.map((group) => (
                    <tr key={group.value}>
                      <th scope="row" className={`${tdClass} font-medium`}>
                        {group.label}
                      </th>
                      <td className={`${tdClass} tabular-nums`}>{f.number(group.n)}</td>
                      {group.rates ? (
                        <>
                          <td className={`${tdClass} tabular-nums`}>{rate(group.rates.promote)}</td>
                          <td className={tdClass}>
                            <IntervalBar
                              estimate={group.rates.promote.estimate}
                              interval={group.rates.promote.interval}
                              domain={[0, 1]}
                              reference={breakdown.rates?.promote.estimate}
                              label={t("outcomes.groupLabel", {
                                rate: rate(group.rates.promote),
                                cycleRate: rate(breakdown.rates?.promote),
                              })}
                            />
                          </td>
                          <td className={`${tdClass} tabular-nums`}>
                            {rate(group.rates["not-ready"])}
                          </td>
                        </>
                      ) : (
                        <Hidden floor={view.floor} colSpan={3} />
                      )}
                    </tr>
                  ))}
                </DataTable>
                {dimension.smallGroupsLeftOut ? (
                  <p className={`mt-1 text-xs ${muted}`}>
                    {t("disclosure.smallGroups", { floor: view.floor })}
                  </p>
                ) : null}
                {dimension.unknown ? (
                  <p className={`mt-1 text-xs ${muted}`}>
                    {t("outcomes.unknown", {
                      count: dimension.unknown,
                      dimension: dimensionWord(dimension),
                    })}
                  </p>
                ) : null}
              </div>
            ))}
          </div>
        ) : null}
      </Section>

      <Section id="mentoring" title={t("mentoring.heading")} csv={["mentoring"]}>
        <p className={`mb-2 max-w-3xl text-sm ${muted}`}>{t("mentoring.explain")}</p>
        <Alert tone="warning" title={t("mentoring.caveatTitle")}>
          {t("mentoring.caveat")}
        </Alert>
        {view.mentoring.suppressed ? (
          <p className={muted}>
            {t("mentoring.counts", {
              mentees: view.mentoring.mentees,
              people: view.mentoring.comparisonPeople,
            })}{" "}
            {t("disclosure.hidden", { floor: view.floor })}
          </p>
        ) : (
          <DataTable
            caption={t("mentoring.caption")}
            headings={[
              t("mentoring.columns.who"),
              t("mentoring.columns.people"),
              t("mentoring.columns.goals"),
              t("mentoring.columns.meanChange"),
              t("mentoring.columns.change"),
            ]}
          >
            {(
              [
                [t("mentoring.rows.mentees"), view.mentoring.mentees, view.mentoring.menteeChange],
                [
                  t("mentoring.rows.comparison"),
                  view.mentoring.comparisonPeople,
                  view.mentoring.comparisonChange,
                ],
                [t("mentoring.rows.difference"), null, view.mentoring.difference],
              ] as const
            ).map(([label, people, change]) => (
              <tr key={label}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {label}
                </th>
                <td className={`${tdClass} tabular-nums`}>
                  {people === null ? "—" : f.number(people)}
                </td>
                <td className={`${tdClass} tabular-nums`}>
                  {view.mentoring.goals === null ? null : f.number(view.mentoring.goals)}
                </td>
                <td className={`${tdClass} tabular-nums`}>
                  {change
                    ? interval(
                        signed(change.estimate),
                        signed(change.interval[0]),
                        signed(change.interval[1]),
                      )
                    : "—"}
                </td>
                <td className={tdClass}>
                  {change ? (
                    <IntervalBar
                      estimate={change.estimate}
                      interval={change.interval}
                      domain={[-2, 2]}
                      reference={0}
                      label={t("mentoring.changeLabel", {
                        who: label,
                        change: signed(change.estimate),
                      })}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="calibration-shift" title={t("shift.heading")} csv={["calibration-shift"]}>
        <p className={`mb-4 max-w-3xl text-sm ${muted}`}>{t("shift.explain")}</p>
        {view.shift.n === 0 ? (
          <p className={muted}>{t("shift.none")}</p>
        ) : (
          <DataTable
            caption={t("shift.caption")}
            headings={[
              t("shift.columns.manager"),
              t("shift.columns.calibrations"),
              t("shift.columns.sessions"),
              t("shift.columns.meanShift"),
              t("shift.columns.shift"),
              t("shift.columns.outcomeChanged"),
            ]}
          >
            {[
              { managerId: "", name: t("shift.everyone"), ...view.shift },
              ...view.shift.managers,
            ].map((row) => (
              <tr key={row.managerId || "everyone"}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {row.name}
                </th>
                <td className={`${tdClass} tabular-nums`}>{f.number(row.n)}</td>
                <td className={`${tdClass} tabular-nums`}>
                  {row.sessions === null || row.sessions === undefined
                    ? "—"
                    : f.number(row.sessions)}
                </td>
                {row.suppressed ? (
                  <Hidden floor={view.floor} colSpan={3} />
                ) : (
                  <>
                    <td className={`${tdClass} tabular-nums`}>
                      {row.meanShift
                        ? interval(
                            signed(row.meanShift.estimate),
                            signed(row.meanShift.interval[0]),
                            signed(row.meanShift.interval[1]),
                          )
                        : "—"}
                    </td>
                    <td className={tdClass}>
                      {row.meanShift ? (
                        <IntervalBar
                          estimate={row.meanShift.estimate}
                          interval={row.meanShift.interval}
                          domain={[-shiftSpan, shiftSpan]}
                          reference={0}
                          label={t("shift.label", { shift: signed(row.meanShift.estimate) })}
                        />
                      ) : null}
                    </td>
                    <td className={`${tdClass} tabular-nums`}>{rate(row.outcomeChanged)}</td>
                  </>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section
        id="hiring"
        title={t("hiring.heading")}
        csv={view.hiring ? ["hiring-validity", "hiring-funnel"] : []}
      >
        {view.hiring ? (
          <>
            <h3 className="mb-2 font-semibold">{t("hiring.validity.heading")}</h3>
            <p className={`mb-2 max-w-3xl text-sm ${muted}`}>
              {t("hiring.validity.explain", { minN: view.hiring.validity.minN })}
            </p>
            <p className={`mb-3 max-w-3xl text-sm ${muted}`}>{t("hiring.validity.caveat")}</p>
            {view.hiring.validity.periods.length === 0 ? (
              <p className={`mb-6 ${muted}`}>{t("hiring.validity.none")}</p>
            ) : (
              <div className="mb-6">
                <DataTable
                  caption={t("hiring.validity.caption")}
                  headings={[
                    t("hiring.validity.columns.year"),
                    t("hiring.validity.columns.hires"),
                    t("hiring.validity.columns.pearson"),
                    t("hiring.validity.columns.correlation"),
                  ]}
                >
                  {view.hiring.validity.periods.map((period) => (
                    <tr key={period.period}>
                      <th scope="row" className={`${tdClass} font-medium`}>
                        {period.period}
                      </th>
                      <td className={`${tdClass} tabular-nums`}>{f.number(period.n)}</td>
                      {period.suppressed || !period.pearson ? (
                        <td className={`${tdClass} ${muted}`} colSpan={2}>
                          {period.suppressed
                            ? t("hiring.validity.hidden", { minN: view.hiring!.validity.minN })
                            : t("hiring.validity.noSpread")}
                        </td>
                      ) : (
                        <>
                          <td className={`${tdClass} tabular-nums`}>
                            {period.pearson.interval
                              ? interval(
                                  t("figures.fixed", { value: period.pearson.value }),
                                  t("figures.fixed", { value: period.pearson.interval[0] }),
                                  t("figures.fixed", { value: period.pearson.interval[1] }),
                                )
                              : t("figures.fixed", { value: period.pearson.value })}
                          </td>
                          <td className={tdClass}>
                            {period.pearson.interval ? (
                              <IntervalBar
                                estimate={period.pearson.value}
                                interval={period.pearson.interval}
                                domain={[-1, 1]}
                                reference={0}
                                label={t("hiring.validity.label", {
                                  r: t("figures.fixed", { value: period.pearson.value }),
                                })}
                              />
                            ) : null}
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </DataTable>
              </div>
            )}
            <h3 className="mb-2 font-semibold">{t("hiring.funnel.heading")}</h3>
            <p className={`mb-3 max-w-3xl text-sm ${muted}`}>
              {t("hiring.funnel.explain", { count: view.hiring.candidates, floor: view.floor })}
            </p>
            <DataTable
              caption={t("hiring.funnel.caption")}
              headings={[
                t("hiring.funnel.columns.stage"),
                t("hiring.funnel.columns.reached"),
                t("hiring.funnel.columns.movedOn"),
                t("hiring.funnel.columns.rejected"),
                t("hiring.funnel.columns.waiting"),
                t("hiring.funnel.columns.conversionFigure"),
                t("hiring.funnel.columns.conversion"),
              ]}
            >
              {view.hiring.funnel.map((row) => (
                <tr key={row.stage}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {t(`hiring.funnel.stage.${row.stage}`)}
                  </th>
                  {([row.reached, row.movedOn, row.rejected, row.open] as const).map(
                    (count, index) => (
                      <td key={index} className={`${tdClass} tabular-nums`}>
                        {count === null ? (
                          <span className={muted}>{t("hiring.funnel.hidden")}</span>
                        ) : (
                          f.number(count)
                        )}
                      </td>
                    ),
                  )}
                  {row.stage === "hired" ? (
                    <td className={tdClass} colSpan={2} />
                  ) : !row.conversion ? (
                    <Hidden floor={view.floor} colSpan={2} />
                  ) : (
                    <>
                      <td className={`${tdClass} tabular-nums`}>{rate(row.conversion)}</td>
                      <td className={tdClass}>
                        {row.conversion ? (
                          <IntervalBar
                            estimate={row.conversion.estimate}
                            interval={row.conversion.interval}
                            domain={[0, 1]}
                            label={t("hiring.funnel.label", {
                              stage: t(`hiring.funnel.stage.${row.stage}`),
                              rate: rate(row.conversion),
                            })}
                          />
                        ) : null}
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p className={muted}>{t("hiring.forAdmins")}</p>
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

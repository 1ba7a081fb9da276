import { Form } from "react-router";
import type { ReactNode } from "react";
import type { Route } from "./+types/insights._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDays, IntervalBar, SurvivalChart } from "~/components/insights/charts";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { hiddenNote, smallGroupsNote } from "~/modules/disclosure/floor";
import { requireUser } from "~/modules/identity/permissions.server";
import { insightsView } from "~/modules/insights/insights.server";
import type { InsightTable } from "~/modules/insights/tables";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Organisation insights · Rungs" }];

export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return insightsView(viewer, { cycleId: url.searchParams.get("cycle") });
});

type Proportion = { estimate: number; interval: [number, number] };

const percent = (value: number) => `${Math.round(value * 100)}%`;
const rate = (value: Proportion | null | undefined) => (value ? `${percent(value.estimate)} (${percent(value.interval[0])}–${percent(value.interval[1])})` : "—");
const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(2)}`;
const muted = "text-slate-600 dark:text-slate-300";

function Hidden({ floor, colSpan }: { floor: number; colSpan: number }) {
  return (
    <td className={`${tdClass} ${muted}`} colSpan={colSpan}>
      {hiddenNote(floor)}
    </td>
  );
}

function Section({ id, title, csv, children, cycleId }: { id: string; title: string; csv: InsightTable[]; children: ReactNode; cycleId?: string }) {
  return (
    <section className="mb-10 break-inside-avoid-page" aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        <p className="no-print flex flex-wrap gap-3 text-sm">
          {csv.map((table) => (
            <a key={table} href={`/insights/${table}.csv${cycleId ? `?cycle=${encodeURIComponent(cycleId)}` : ""}`} className="font-medium text-brand-600 underline dark:text-brand-100" download>
              Download {table.replaceAll("-", " ")} (CSV)
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
  const maxDays = Math.max(365, ...view.timeInLevel.flatMap((track) => track.levels.flatMap((level) => level.points.map((point) => point[0]))));
  const breakdown = view.outcomesByGroup;
  const shiftSpan = Math.max(1, ...view.shift.managers.flatMap((manager) => (manager.meanShift ? manager.meanShift.interval.map(Math.abs) : [])));
  return (
    <>
      <PageHeader
        title="Organisation insights"
        description={
          view.scope === "organisation"
            ? `Across the whole organisation: ${view.people} active people.`
            : `Across your organisation, everyone under you in the reporting line: ${view.people} active people.`
        }
      />
      <Card className="mb-8">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Every figure comes with the number of people behind it (n) and a 95% interval. The figures of groups of fewer than {view.floor} people are not shown (more where a
          calibration session raised the floor for its people), and so many more that none of them can be worked out by adding and subtracting others: rows of one table,
          a track and its levels, this page and the calibration sessions' fairness reports, or the cycles you can choose. A hidden row names its group and how many people
          are in it, and nothing about them. Each chart has a table with the same figures, and each table can be downloaded as CSV.
        </p>
      </Card>

      <Section id="time-in-level" title="Time in level" csv={["time-in-level", "time-in-level-curves"]}>
        <p className={`mb-4 max-w-3xl text-sm ${muted}`}>
          How long people stay at a level before a promotion. Each curve starts with everyone who reached the level and falls as people are promoted; people who are still at the
          level, moved another way or left are counted until then and not after (Kaplan–Meier, censored), so the curve neither ignores them nor counts them as promoted. The
          shaded band is the 95% interval; the median is where the curve crosses 50%.
        </p>
        {view.timeInLevel.length === 0 ? <p className={muted}>Nobody in scope has a track and level yet.</p> : null}
        {view.timeInLevel.map((track) => (
          <div key={track.track} className="mb-6">
            <h3 className="mb-2 font-semibold">{track.trackName}</h3>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {track.levels.map((level) => (
                <li key={level.level} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
                  <p className="font-medium">{level.levelName}</p>
                  {level.suppressed || level.n === null || level.promotions === null ? (
                    <p className={`text-sm ${muted}`}>{hiddenNote(view.floor)}</p>
                  ) : (
                    <>
                      <SurvivalChart title={`Time at ${level.levelName} before promotion`} points={level.points} median={level.median} maxDays={maxDays} />
                      <p className="text-sm">
                        Median time to promotion:{" "}
                        <strong>{level.median === null ? "not reached (more than half still at the level)" : formatDays(level.median)}</strong>
                        {level.median !== null && level.medianInterval ? (
                          <span className={muted}>
                            {" "}
                            (95%: {level.medianInterval[0] === null ? "—" : formatDays(level.medianInterval[0])} to {level.medianInterval[1] === null ? "not reached" : formatDays(level.medianInterval[1])})
                          </span>
                        ) : null}
                      </p>
                      <p className={`text-xs ${muted}`}>
                        n = {plural(level.n, "# stay")}, {level.promotions} promoted
                        {level.unknownStarts ? `; ${plural(level.unknownStarts, "# stay")} began before Rungs on a day nobody gave, so counted from when the person was added` : ""}
                      </p>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {view.timeInLevel.length ? (
          <DataTable caption="Median time to promotion by track and level" headings={["Track", "Level", "Stays (n)", "Promoted", "Median time to promotion (95% interval)"]}>
            {view.timeInLevel.flatMap((track) =>
              track.levels.map((level) => (
                <tr key={`${track.track}/${level.level}`}>
                  <td className={tdClass}>{track.trackName}</td>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {level.levelName}
                  </th>
                  <td className={`${tdClass} tabular-nums`}>{level.n ?? "—"}</td>
                  {level.suppressed ? (
                    <Hidden floor={view.floor} colSpan={2} />
                  ) : (
                    <>
                      <td className={`${tdClass} tabular-nums`}>{level.promotions}</td>
                      <td className={tdClass}>
                        {level.median === null ? "Not reached" : formatDays(level.median)}
                        {level.median !== null && level.medianInterval ? (
                          <span className={muted}>
                            {" "}
                            ({level.medianInterval[0] === null ? "—" : formatDays(level.medianInterval[0])} to {level.medianInterval[1] === null ? "not reached" : formatDays(level.medianInterval[1])})
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

      <Section id="outcomes" title="Promotion and outcome rates" csv={["outcomes-by-cycle", "outcomes-by-group"]} cycleId={breakdown?.cycleId}>
        <p className={`mb-4 max-w-3xl text-sm ${muted}`}>
          Final level outcomes recorded in calibration (locked and published sessions), with Wilson's 95% interval. The bar shows the promotion rate and its interval.
        </p>
        {view.outcomesByCycle.length === 0 ? (
          <p className={muted}>No calibration session over these people has final outcomes yet.</p>
        ) : (
          <DataTable caption="Outcomes by cycle" headings={["Cycle", "People (n)", "Promoted (95%)", "Promotion rate", "Stay (95%)", "Not ready (95%)"]}>
            {view.outcomesByCycle.map((cycle) => (
              <tr key={cycle.cycleId}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {cycle.name}
                </th>
                <td className={`${tdClass} tabular-nums`}>{cycle.n}</td>
                {cycle.rates ? (
                  <>
                    <td className={`${tdClass} tabular-nums`}>{rate(cycle.rates.promote)}</td>
                    <td className={tdClass}>
                      <IntervalBar estimate={cycle.rates.promote.estimate} interval={cycle.rates.promote.interval} domain={[0, 1]} label={`Promoted ${rate(cycle.rates.promote)}`} />
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
              <SelectField label="Cycle to break down by group" name="cycle" defaultValue={breakdown.cycleId}>
                {view.cycles.map((cycle) => (
                  <option key={cycle.id} value={cycle.id}>
                    {cycle.name}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" variant="secondary">
                Show
              </Button>
            </Form>
            <p className="mb-3 text-sm">
              {breakdown.name}: {plural(breakdown.n, "# person")}, promoted {rate(breakdown.rates?.promote)}, not ready {rate(breakdown.rates?.["not-ready"])}.
            </p>
            <p className={`mb-3 max-w-3xl text-sm ${muted}`}>
              Each group's interval is for that group's own rate; the dashed line is the cycle's. Among many groups some intervals leave out the cycle's rate by chance
              alone, so no group is marked here as different from it.
            </p>
            {breakdown.dimensions.map((dimension) => (
              <div key={dimension.id} className="mb-6">
                <h3 className="mb-2 font-semibold">By {dimension.label.toLowerCase()}</h3>
                <DataTable caption={`${breakdown.name}: outcomes by ${dimension.label.toLowerCase()}`} headings={["Group", "People (n)", "Promoted (95%)", "Promotion rate", "Not ready (95%)"]}>
                  {dimension.groups.map((group) => (
                    <tr key={group.value}>
                      <th scope="row" className={`${tdClass} font-medium`}>
                        {group.label}
                      </th>
                      <td className={`${tdClass} tabular-nums`}>{group.n}</td>
                      {group.rates ? (
                        <>
                          <td className={`${tdClass} tabular-nums`}>{rate(group.rates.promote)}</td>
                          <td className={tdClass}>
                            <IntervalBar
                              estimate={group.rates.promote.estimate}
                              interval={group.rates.promote.interval}
                              domain={[0, 1]}
                              reference={breakdown.rates?.promote.estimate}
                              label={`Promoted ${rate(group.rates.promote)}, against ${rate(breakdown.rates?.promote)} across the cycle`}
                            />
                          </td>
                          <td className={`${tdClass} tabular-nums`}>{rate(group.rates["not-ready"])}</td>
                        </>
                      ) : (
                        <Hidden floor={view.floor} colSpan={3} />
                      )}
                    </tr>
                  ))}
                </DataTable>
                {dimension.smallGroupsLeftOut ? <p className={`mt-1 text-xs ${muted}`}>{smallGroupsNote(view.floor)}</p> : null}
                {dimension.unknown ? <p className={`mt-1 text-xs ${muted}`}>{plural(dimension.unknown, "# person has")} no {dimension.label.toLowerCase()} recorded.</p> : null}
              </div>
            ))}
          </div>
        ) : null}
      </Section>

      <Section id="mentoring" title="Mentoring and growth" csv={["mentoring"]}>
        <p className={`mb-2 max-w-3xl text-sm ${muted}`}>
          How mentees' goal competencies moved in their manager reviews, from the last review before their pair began to the latest since, beside people in no programme
          who were at the same level with the same starting rating on that competency, over the same dates. Each mentee counts once: one person's goals move together, so a
          mentee's goals are averaged into one figure, and the 95% interval (Student's t) is of the mean over mentees. Mentees with the same level and starting rating are
          compared with the same people, so the interval of the comparison and of the difference also counts what those shared people's own movement brings to several mentees.
        </p>
        <Alert tone="warning" title="An association, not an effect">
          {view.mentoring.caveat}
        </Alert>
        {view.mentoring.suppressed ? (
          <p className={muted}>
            {plural(view.mentoring.mentees, "# mentee")} and {plural(view.mentoring.comparisonPeople, "# comparable person")} with reviews before and after. {hiddenNote(view.floor)}
          </p>
        ) : (
          <DataTable caption="Goal movement of mentees and comparable people" headings={["Who", "People (n)", "Goals compared", "Mean change in rating (95%)", "Change"]}>
            {(
              [
                ["Mentees", view.mentoring.mentees, view.mentoring.menteeChange],
                ["Comparable people in no programme", view.mentoring.comparisonPeople, view.mentoring.comparisonChange],
                ["Difference", null, view.mentoring.difference],
              ] as const
            ).map(([label, people, change]) => (
              <tr key={label}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {label}
                </th>
                <td className={`${tdClass} tabular-nums`}>{people ?? "—"}</td>
                <td className={`${tdClass} tabular-nums`}>{view.mentoring.goals}</td>
                <td className={`${tdClass} tabular-nums`}>{change ? `${signed(change.estimate)} (${signed(change.interval[0])} to ${signed(change.interval[1])})` : "—"}</td>
                <td className={tdClass}>
                  {change ? <IntervalBar estimate={change.estimate} interval={change.interval} domain={[-2, 2]} reference={0} label={`${label}: ${signed(change.estimate)} points`} /> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="calibration-shift" title="Calibration shift" csv={["calibration-shift"]}>
        <p className={`mb-4 max-w-3xl text-sm ${muted}`}>
          How far final overall ratings moved from each manager's proposals, across every locked or published session: the mean of final minus proposed rating (below zero:
          calibrated down) with a 95% interval for that manager's mean shift (Student's t from their own shifts; from every shift shown where theirs are all equal), and how
          often the level outcome changed, with Wilson's interval. The dashed line is no shift.
        </p>
        {view.shift.n === 0 ? (
          <p className={muted}>No calibrated proposals over these people yet.</p>
        ) : (
          <DataTable caption="Calibration shift by manager" headings={["Manager", "Calibrations (n)", "Sessions", "Mean shift (95%)", "Shift", "Outcome changed (95%)"]}>
            {[{ managerId: "", name: "Everyone", ...view.shift }, ...view.shift.managers].map((row) => (
              <tr key={row.managerId || "everyone"}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {row.name}
                </th>
                <td className={`${tdClass} tabular-nums`}>{row.n}</td>
                <td className={`${tdClass} tabular-nums`}>{row.sessions ?? "—"}</td>
                {row.suppressed ? (
                  <Hidden floor={view.floor} colSpan={3} />
                ) : (
                  <>
                    <td className={`${tdClass} tabular-nums`}>
                      {row.meanShift ? `${signed(row.meanShift.estimate)} (${signed(row.meanShift.interval[0])} to ${signed(row.meanShift.interval[1])})` : "—"}
                    </td>
                    <td className={tdClass}>
                      {row.meanShift ? (
                        <IntervalBar
                          estimate={row.meanShift.estimate}
                          interval={row.meanShift.interval}
                          domain={[-shiftSpan, shiftSpan]}
                          reference={0}
                          label={`Mean shift ${signed(row.meanShift.estimate)} points`}
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

      <Section id="hiring" title="Hiring" csv={view.hiring ? ["hiring-validity", "hiring-funnel"] : []}>
        {view.hiring ? (
          <>
            <h3 className="mb-2 font-semibold">The validity loop, year by year</h3>
            <p className={`mb-2 max-w-3xl text-sm ${muted}`}>
              For each year of hiring decisions: how each hire's mean interview score goes with their mean rating in their first manager review, over the competencies the
              review rated (Pearson's r, Spearman's rho in the CSV, each with Fisher's 95% interval). Years with fewer than {view.hiring.validity.minN} hires show only their count.
            </p>
            <p className={`mb-3 max-w-3xl text-sm ${muted}`}>{view.hiring.validity.caveat}</p>
            {view.hiring.validity.periods.length === 0 ? (
              <p className={`mb-6 ${muted}`}>No hire has both interview scores and a manager review since joining yet.</p>
            ) : (
              <div className="mb-6">
                <DataTable caption="Validity of interview scores by year of decision" headings={["Year", "Hires (n)", "Pearson's r (95%)", "Correlation"]}>
                  {view.hiring.validity.periods.map((period) => (
                    <tr key={period.period}>
                      <th scope="row" className={`${tdClass} font-medium`}>
                        {period.period}
                      </th>
                      <td className={`${tdClass} tabular-nums`}>{period.n}</td>
                      {period.suppressed || !period.pearson ? (
                        <td className={`${tdClass} ${muted}`} colSpan={2}>
                          {period.suppressed ? `Not shown: fewer than ${view.hiring!.validity.minN} hires.` : "No spread to correlate."}
                        </td>
                      ) : (
                        <>
                          <td className={`${tdClass} tabular-nums`}>
                            {period.pearson.value.toFixed(2)}
                            {period.pearson.interval ? ` (${period.pearson.interval[0].toFixed(2)} to ${period.pearson.interval[1].toFixed(2)})` : ""}
                          </td>
                          <td className={tdClass}>
                            {period.pearson.interval ? (
                              <IntervalBar estimate={period.pearson.value} interval={period.pearson.interval} domain={[-1, 1]} reference={0} label={`r = ${period.pearson.value.toFixed(2)}`} />
                            ) : null}
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </DataTable>
              </div>
            )}
            <h3 className="mb-2 font-semibold">The funnel, stage by stage</h3>
            <p className={`mb-3 max-w-3xl text-sm ${muted}`}>
              {plural(view.hiring.candidates, "# candidate")} through the pipeline's stages. Each counts once, at the furthest stage they reached; the conversion is the share of those decided
              at a stage who went on (candidates still waiting are left out of it), with Wilson's 95% interval. A count of fewer than {view.floor} candidates is hidden, and so
              is any count beside it that would give it.
            </p>
            <DataTable caption="Hiring funnel by pipeline stage" headings={["Stage", "Reached (n)", "Moved on", "Rejected here", "Waiting", "Conversion (95%)", "Conversion"]}>
              {view.hiring.funnel.map((row) => (
                <tr key={row.stage}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {row.label}
                  </th>
                  {([row.reached, row.movedOn, row.rejected, row.open] as const).map((count, index) => (
                    <td key={index} className={`${tdClass} tabular-nums`}>
                      {count ?? <span className={muted}>Hidden</span>}
                    </td>
                  ))}
                  {row.stage === "hired" ? (
                    <td className={tdClass} colSpan={2} />
                  ) : !row.conversion ? (
                    <Hidden floor={view.floor} colSpan={2} />
                  ) : (
                    <>
                      <td className={`${tdClass} tabular-nums`}>{rate(row.conversion)}</td>
                      <td className={tdClass}>
                        {row.conversion ? <IntervalBar estimate={row.conversion.estimate} interval={row.conversion.interval} domain={[0, 1]} label={`${row.label}: ${rate(row.conversion)} went on`} /> : null}
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p className={muted}>Hiring figures are for admins: candidates are not people in your organisation, so they are not shown to managers.</p>
        )}
      </Section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

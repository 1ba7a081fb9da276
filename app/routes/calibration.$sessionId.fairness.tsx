import type { Route } from "./+types/calibration.$sessionId.fairness";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { hiddenNote, smallGroupsNote } from "~/modules/disclosure/floor";
import { requireUser } from "~/modules/identity/permissions.server";
import { fairnessView } from "~/modules/insights/fairness.server";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Fairness · ${loaderData?.session.name ?? "Calibration session"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return fairnessView(viewer, params.sessionId ?? "");
});

const signed = (value: number, digits = 2) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(digits)}`;
const percent = (value: number) => `${Math.round(value * 100)}%`;
/** A share with its 95% interval: "40% (20–63%)". */
const share = (proportion: { estimate: number; interval: [number, number] }) => `${percent(proportion.estimate)} (${percent(proportion.interval[0])}–${percent(proportion.interval[1])})`;
const signedPercent = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(Math.round(value * 100))} pts`;

type Difference = { estimate: number; interval: [number, number]; worthALook: boolean };

function DifferenceText({ difference, format }: { difference: Difference | null; format: (value: number) => string }) {
  if (!difference) return <>—</>;
  return (
    <>
      <span className="tabular-nums">
        {format(difference.estimate)} ({format(difference.interval[0])} to {format(difference.interval[1])})
      </span>
      {difference.worthALook ? <strong className="ml-1 text-amber-900 dark:text-amber-200">worth a look</strong> : null}
    </>
  );
}

export default function CalibrationFairness({ loaderData }: Route.ComponentProps) {
  const { session, floor, report } = loaderData;
  // Columns for how peer feedback was written, when any was written about the session's people.
  const withFeedback = report.dimensions.some((dimension) => dimension.groups.some((group) => group.feedback !== null));
  return (
    <>
      <BackLink to={`/calibration/${session.id}`}>{session.name}</BackLink>
      <PageHeader
        title="Fairness report"
        description={`Final outcomes of ${plural(report.n, "# person")}, by group, each against everyone else in the session (session ${session.stateLabel.toLowerCase()}).`}
      />
      <Card className="mb-6">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Each difference comes with its 95% interval, for that comparison on its own: Welch's interval for the mean final rating, Newcombe's score interval for the
          promotion rate. This report makes {report.comparisons} {report.comparisons === 1 ? "comparison" : "comparisons"}, and among many some intervals exclude zero by
          chance alone, even where no group differs. So a difference is marked worth a look only when it stands out among all of them (Benjamini–Hochberg: on average at
          most 5 in 100 marks are chance). A mark is a reason to look at the people and the reasons behind the figures, not a finding of unfairness, and no mark does not
          show that groups were treated alike. The figures of groups of fewer than {floor} people are not shown, and so many more that none of them can be worked out by adding
          and subtracting others: rows of this report, a track and its levels, this report and the cycle's other sessions' reports, or the insights page over the same
          people. A hidden group shows how many people are in it and nothing about them. A difference and its group's figure give everyone else's, so a group is compared with
          everyone else only where their figures could be shown too (a dash otherwise). Across the session: mean final rating{" "}
          {report.meanRating === null ? "—" : report.meanRating.toFixed(2)}, promotion rate {report.promotionRate ? percent(report.promotionRate.estimate) : "—"}.
        </p>
        {withFeedback ? (
          <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
            Peer feedback: the share of answers written about each group's people that give an example, and the share that use a word describing a person rather than
            what they did (&ldquo;abrasive&rdquo;, &ldquo;emotional&rdquo;), by the same check people see as they write. Reviews of women have been found vaguer and
            richer in such words (Snyder, 2014; Correll and Simard, 2016): a lower share of examples or a higher share of such words for one group is worth a look at the
            feedback itself. The answers about one person come from the same few colleagues, and one colleague writes alike about several people, so the 95% interval
            counts the answers by person and by colleague rather than as if each were independent, and says how many people they are about.
          </p>
        ) : null}
      </Card>
      {report.dimensions.map((dimension) => (
        <section key={dimension.id} className="mb-8" aria-labelledby={`dimension-${dimension.id}`}>
          <h2 id={`dimension-${dimension.id}`} className="mb-2 text-lg font-semibold">
            By {dimension.label.toLowerCase()}
          </h2>
          <DataTable
            caption={`Final outcomes by ${dimension.label.toLowerCase()}`}
            headings={["Group", "People", "Mean rating", "Against the rest", "Promoted", "Against the rest", ...(withFeedback ? ["Feedback with an example", "Feedback with a personality word"] : [])]}
          >
            {dimension.groups.map((group) => (
              <tr key={group.value}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {group.label}
                </th>
                <td className={`${tdClass} tabular-nums`}>{group.n}</td>
                {group.suppressed ? (
                  <td className={`${tdClass} text-slate-600 dark:text-slate-300`} colSpan={withFeedback ? 6 : 4}>
                    {hiddenNote(floor)}
                  </td>
                ) : (
                  <>
                    <td className={`${tdClass} tabular-nums`}>{group.meanRating?.toFixed(2) ?? "—"}</td>
                    <td className={tdClass}>
                      <DifferenceText difference={group.ratingDifference} format={(value) => signed(value)} />
                    </td>
                    <td className={`${tdClass} tabular-nums`}>
                      {group.promotionRate ? `${percent(group.promotionRate.estimate)} (${percent(group.promotionRate.interval[0])}–${percent(group.promotionRate.interval[1])})` : "—"}
                    </td>
                    <td className={tdClass}>
                      <DifferenceText difference={group.promotionDifference} format={signedPercent} />
                    </td>
                    {withFeedback ? (
                      <>
                        <td className={`${tdClass} tabular-nums`}>{group.feedback ? `${share(group.feedback.withExample)} of ${plural(group.feedback.answers, "# answer")} about ${plural(group.feedback.people, "# person")}` : "—"}</td>
                        <td className={`${tdClass} tabular-nums`}>{group.feedback ? `${share(group.feedback.flagged)} of ${plural(group.feedback.answers, "# answer")} about ${plural(group.feedback.people, "# person")}` : "—"}</td>
                      </>
                    ) : null}
                  </>
                )}
              </tr>
            ))}
          </DataTable>
          {dimension.smallGroupsLeftOut ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{smallGroupsNote(floor)}</p> : null}
          {dimension.unknown ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{plural(dimension.unknown, "# person has")} no {dimension.label.toLowerCase()} recorded.</p> : null}
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

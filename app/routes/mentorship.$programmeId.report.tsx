import type { Route } from "./+types/mentorship.$programmeId.report";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProgrammeTabs } from "~/components/mentorship/parts";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { OUTCOME_LABELS, OUTCOMES, PAIR_STATUS_LABELS, PAIR_STATUSES } from "~/modules/mentorship/lifecycle";
import { PULSE_QUESTIONS } from "~/modules/mentorship/forms";
import { programmeReport } from "~/modules/mentorship/report.server";
import { hiddenNote } from "~/modules/disclosure/floor";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Report · ${loaderData?.programme.name ?? "Mentorship programme"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return programmeReport(viewer, params.programmeId ?? "");
});

type Average = { n: number; mean: number | null; suppressed: boolean };

const averageText = (average: Average, floor: number) => (average.suppressed ? (average.n === 0 ? "no answers" : hiddenNote(floor)) : `${average.mean!.toFixed(1)} (${average.n})`);
const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(2)}`;
const changeText = (average: Average, floor: number) => (average.suppressed ? (average.n === 0 ? "—" : hiddenNote(floor)) : `${signed(average.mean!)} (${average.n})`);

/** A bar per value, as a share of the largest: pair states at a glance. */
function Bars({ rows, label }: { rows: { label: string; value: number }[]; label: string }) {
  const largest = Math.max(1, ...rows.map((row) => row.value));
  return (
    <ul aria-label={label} className="space-y-1">
      {rows.map((row) => (
        <li key={row.label} className="grid grid-cols-[10rem_1fr_3rem] items-center gap-2 text-sm">
          <span>{row.label}</span>
          <span aria-hidden="true" className="h-3 rounded bg-brand-600" style={{ width: `${(row.value / largest) * 100}%` }} />
          <span className="tabular-nums">{row.value}</span>
        </li>
      ))}
    </ul>
  );
}

export default function ProgrammeReport({ loaderData }: Route.ComponentProps) {
  const { programme, floor, participation, pairs, pulses, movement } = loaderData;
  return (
    <>
      <BackLink to={`/mentorship/${programme.id}`}>{programme.name}</BackLink>
      <PageHeader title="Report" description={`${programme.phaseLabel}. Averages over fewer than ${floor} people are not shown (a mentor's answers for several pairs are one person's): they would say more about one person than about the programme. Another is hidden with them where it and the total would give theirs.`} />
      <ProgrammeTabs programmeId={programme.id} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Participation</h2>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            {(
              [
                ["People it is open to", participation.eligible],
                ["Joined", participation.joined],
                ["Mentees", participation.mentees],
                ["Mentors", participation.mentors],
                ["Both mentee and mentor", participation.both],
                ["Mentor slots", participation.slots],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Pairs</h2>
          <Bars label="Pairs by state" rows={PAIR_STATUSES.map((status) => ({ label: PAIR_STATUS_LABELS[status], value: pairs.byStatus[status] }))} />
          <p className="mt-3 text-sm">
            Of {pairs.published} published, {pairs.accepted} accepted by both and {pairs.declined} declined ({pairs.declinedBy.mentee} by the mentee, {pairs.declinedBy.mentor} by the mentor).{" "}
            {plural(pairs.checkIns, "# check-in")}; {pairs.acceptedWithCheckIns} of {plural(pairs.accepted, "# accepted pair")} recorded at least one.
          </p>
          <p className="mt-2 text-sm">Outcomes: {OUTCOMES.map((outcome) => `${OUTCOME_LABELS[outcome]} ${pairs.outcomes[outcome]}`).join(", ")}.</p>
        </Card>
      </div>

      <section aria-labelledby="pulse-heading" className="mt-6">
        <h2 id="pulse-heading" className="mb-2 text-lg font-semibold">
          Relationship pulses
        </h2>
        <DataTable caption="Average pulse answers (1 to 5) with how many answered" headings={["Pulse", "Question", "Everyone", "Mentees", "Mentors"]}>
          {pulses.flatMap((pulse) =>
            (["usefulness", "comfort"] as const).map((question) => (
              <tr key={`${pulse.checkpoint}-${question}`}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {pulse.checkpoint} days
                </th>
                <td className={tdClass}>{PULSE_QUESTIONS[question]}</td>
                <td className={`${tdClass} tabular-nums`}>{averageText(pulse.everyone[question], floor)}</td>
                <td className={`${tdClass} tabular-nums`}>{averageText(pulse.mentee[question], floor)}</td>
                <td className={`${tdClass} tabular-nums`}>{averageText(pulse.mentor[question], floor)}</td>
              </tr>
            )),
          )}
        </DataTable>
      </section>

      <section aria-labelledby="movement-heading" className="mt-6">
        <h2 id="movement-heading" className="mb-2 text-lg font-semibold">
          Goal movement
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          The mentees' goal competencies in their last manager review before the pair began and their latest since. {movement.compared} of {plural(movement.goals, "# goal")} of accepted pairs
          can be compared
          {movement.improved === null ? "" : `: ${movement.improved} rose, ${movement.same} stayed, ${movement.lower} fell`}; average change {changeText(movement.change, floor)}.
        </p>
        {movement.byCompetency.length ? (
          <DataTable caption="Average change of each goal competency" headings={["Competency", "Goals compared", "Average change"]}>
            {movement.byCompetency.map((row) => (
              <tr key={row.competencyId}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {row.name}
                </th>
                <td className={`${tdClass} tabular-nums`}>{row.compared}</td>
                <td className={`${tdClass} tabular-nums`}>{changeText(row.change, floor)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

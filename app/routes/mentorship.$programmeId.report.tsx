import type { Route } from "./+types/mentorship.$programmeId.report";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProgrammeTabs, programmeMeta } from "~/components/mentorship/parts";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { OUTCOMES, PAIR_STATUSES } from "~/modules/mentorship/lifecycle";
import type { Average } from "~/modules/mentorship/report";
import { programmeReport } from "~/modules/mentorship/report.server";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { largest } from "~/utils/extremes";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = programmeMeta("report");

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return programmeReport(viewer, params.programmeId ?? "", undefined, languageOf(context));
});

/** The outcomes' message keys (a key takes no hyphen in ICU's choices, and reads as the others do). */
const OUTCOME_KEYS = {
  "goals-met": "goalsMet",
  "partly-met": "partlyMet",
  "not-met": "notMet",
  "ended-early": "endedEarly",
} as const;

/** A bar per value, as a share of the largest: pair states at a glance. */
function Bars({ rows, label }: { rows: { label: string; value: number }[]; label: string }) {
  const f = useFormats();
  const top = largest(
    rows.map((row) => row.value),
    1,
  );
  return (
    <ul aria-label={label} className="space-y-1">
      {rows.map((row) => (
        <li key={row.label} className="grid grid-cols-[10rem_1fr_3rem] items-center gap-2 text-sm">
          <span>{row.label}</span>
          <span
            aria-hidden="true"
            className="h-3 rounded bg-brand-600"
            style={{ width: `${(row.value / top) * 100}%` }}
          />
          <span className="tabular-nums">{f.number(row.value)}</span>
        </li>
      ))}
    </ul>
  );
}

export default function ProgrammeReport({ loaderData }: Route.ComponentProps) {
  const { programme, floor, participation, pairs, pulses, movement } = loaderData;
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  const averageText = (average: Average) =>
    average.suppressed
      ? average.n === 0
        ? t("report.noAnswers")
        : t("report.hidden", { floor })
      : t("report.average", { mean: average.mean ?? 0, n: average.n });
  const changeText = (average: Average) =>
    average.suppressed
      ? average.n === 0
        ? "—"
        : t("report.hidden", { floor })
      : t("report.change", { change: average.mean ?? 0, n: average.n });
  return (
    <>
      <BackLink to={`/mentorship/${programme.id}`}>{programme.name}</BackLink>
      <PageHeader
        title={t("report.heading")}
        description={t("report.description", { phase: t(`phase.${programme.phase}`), floor })}
      />
      <ProgrammeTabs programmeId={programme.id} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("report.participation.heading")}</h2>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            {(
              [
                [t("report.participation.eligible"), participation.eligible],
                [t("report.participation.joined"), participation.joined],
                [t("report.participation.mentees"), participation.mentees],
                [t("report.participation.mentors"), participation.mentors],
                [t("report.participation.both"), participation.both],
                [t("matching.figure.slots"), participation.slots],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{f.number(value)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("matching.pairs")}</h2>
          <Bars
            label={t("matching.pairsByState")}
            rows={PAIR_STATUSES.map((status) => ({
              label: t(`pair.status.${status}`),
              value: pairs.byStatus[status],
            }))}
          />
          <p className="mt-3 text-sm">
            {t("report.pairs.answers", {
              published: pairs.published,
              accepted: pairs.accepted,
              declined: pairs.declined,
              byMentee: pairs.declinedBy.mentee,
              byMentor: pairs.declinedBy.mentor,
            })}{" "}
            {t("report.pairs.checkIns", {
              checkIns: pairs.checkIns,
              withCheckIns: pairs.acceptedWithCheckIns,
              accepted: pairs.accepted,
            })}
          </p>
          <p className="mt-2 text-sm">
            {t("report.outcomes", {
              outcomes: f.list(
                OUTCOMES.map((outcome) =>
                  t("report.outcomeCount", {
                    outcome: t(`outcome.${OUTCOME_KEYS[outcome]}`),
                    count: pairs.outcomes[outcome],
                  }),
                ),
              ),
            })}
          </p>
        </Card>
      </div>

      <section aria-labelledby="pulse-heading" className="mt-6">
        <h2 id="pulse-heading" className="mb-2 text-lg font-semibold">
          {t("report.pulses.heading")}
        </h2>
        <DataTable
          caption={t("report.pulses.caption")}
          headings={[
            t("report.pulses.pulse"),
            t("report.pulses.question"),
            t("report.pulses.everyone"),
            t("report.participation.mentees"),
            t("report.participation.mentors"),
          ]}
        >
          {pulses.flatMap((pulse) =>
            (["usefulness", "comfort"] as const).map((question) => (
              <tr key={`${pulse.checkpoint}-${question}`}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {t("report.pulses.days", { days: pulse.checkpoint })}
                </th>
                <td className={tdClass}>{t(`pulse.question.${question}`)}</td>
                <td className={`${tdClass} tabular-nums`}>
                  {averageText(pulse.everyone[question])}
                </td>
                <td className={`${tdClass} tabular-nums`}>{averageText(pulse.mentee[question])}</td>
                <td className={`${tdClass} tabular-nums`}>{averageText(pulse.mentor[question])}</td>
              </tr>
            )),
          )}
        </DataTable>
      </section>

      <section aria-labelledby="movement-heading" className="mt-6">
        <h2 id="movement-heading" className="mb-2 text-lg font-semibold">
          {t("report.movement.heading")}
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          {t("report.movement.intro")}{" "}
          {movement.improved === null
            ? t("report.movement.compared", {
                compared: movement.compared,
                goals: movement.goals,
                change: changeText(movement.change),
              })
            : t("report.movement.comparedWithDirections", {
                compared: movement.compared,
                goals: movement.goals,
                rose: movement.improved,
                same: movement.same ?? 0,
                fell: movement.lower ?? 0,
                change: changeText(movement.change),
              })}
        </p>
        {movement.byCompetency.length ? (
          <DataTable
            caption={t("report.movement.caption")}
            headings={[
              t("report.movement.competency"),
              t("report.movement.goalsCompared"),
              t("report.movement.averageChange"),
            ]}
          >
            {movement.byCompetency.map((row) => (
              <tr key={row.competencyId}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {row.name}
                </th>
                <td className={`${tdClass} tabular-nums`}>{f.number(row.compared)}</td>
                <td className={`${tdClass} tabular-nums`}>{changeText(row.change)}</td>
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

import type { Route } from "./+types/people.$personId.history";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { describeAgainstBar, RadarChart } from "~/components/growth/chart-radar";
import { Sparkline } from "~/components/growth/chart-sparkline";
import { assessmentLine } from "~/components/growth/profile-assessments";
import { profileDescription, ProfileNav } from "~/components/growth/profile-nav";
import { OutsideLevelNote } from "~/components/growth/profile-comparison";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import type { HistoryValue } from "~/modules/growth/history";
import { historyPage } from "~/modules/growth/profile.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { possessive } from "~/utils/possessive";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `History · ${loaderData?.person.name ?? "Growth"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!params.personId) throw new NotFoundError("There is no person with that id.");
  return historyPage(viewer, params.personId);
});

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function againstBarText(value: number | null) {
  if (value === null) return "Not rated";
  if (value === 0) return "At the bar";
  return value > 0 ? `${value} above` : `${-value} below`;
}

function valueText(value: HistoryValue) {
  if (value.self === null && value.manager === null) return "–";
  return [value.self === null ? null : `Self ${value.self}`, value.manager === null ? null : `Manager ${value.manager}`].filter(Boolean).join(", ");
}

const trendText = { up: "↑ up", down: "↓ down", same: "→ same" } as const;

export default function HistoryPage({ loaderData }: Route.ComponentProps) {
  const { person, history, profile, scale, profileSources, levelChanges } = loaderData;
  const min = scale[0]?.value ?? 1;
  const max = scale.at(-1)?.value ?? 4;
  const bar = profile[0]?.bar ?? 3;
  const barLabel = scale.find((point) => point.value === bar)?.label ?? "";
  return (
    <>
      <PageHeader title={`History and profile of ${person.name}`} description={profileDescription(person)} />
      <ProfileNav personId={person.id} personName={person.name} />

      <Card className="mb-6">
        <h2 className="mb-1 text-lg font-semibold">Current profile against the bar</h2>
        {profile.length ? (
          <>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
              {profileSources.manager ? `Manager review: ${assessmentLine(profileSources.manager)}. ` : ""}
              {profileSources.self ? `Self-assessment: ${assessmentLine(profileSources.self)}. ` : ""}
              The bar for the level is {bar} ({barLabel}). {describeAgainstBar(profile)}
            </p>
            <div className="space-y-6">
              <RadarChart rows={profile} max={max} bar={bar} barLabel={barLabel} title={`${possessive(person.name)} current ratings against the bar for the level`} />
              <DataTable plain showCaption caption="Current ratings against the bar, as a table" headings={["Competency", "Manager", "Self", `Against the bar (${bar})`]}>
                {profile.map((row) => (
                  <tr key={row.competencyId}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.name}
                    </th>
                    <td className={`${tdClass} tabular-nums`}>{row.manager ?? "–"}</td>
                    <td className={`${tdClass} tabular-nums`}>{row.self ?? "–"}</td>
                    <td className={`${tdClass} ${row.againstBar !== null && row.againstBar < 0 ? "font-semibold" : ""}`}>{againstBarText(row.againstBar)}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">Nothing submitted yet that you can see, so there is no profile to draw.</p>
        )}
      </Card>

      <Card>
        <h2 className="mb-1 text-lg font-semibold">Competency by cycle</h2>
        {history.points.length ? (
          <>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
              Each line runs from the oldest cycle on the left to the latest on the right: the manager review solid with circles, the self-assessment dashed with
              squares.
            </p>
            <DataTable
              plain
              caption="Ratings per competency in each cycle"
              headings={["Competency", "Trend", ...history.points.map((point) => ({ key: point.key, label: point.label })), "Change"]}
            >
              {history.rows.map((row) => (
                <tr key={row.competencyId}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {row.name}
                    <OutsideLevelNote outsideLevel={row.outsideLevel} />
                  </th>
                  <td className={tdClass}>
                    <Sparkline name={row.name} values={row.values} min={min} max={max} />
                  </td>
                  {row.values.map((value, index) => (
                    <td key={history.points[index]!.key} className={`${tdClass} whitespace-nowrap tabular-nums`}>
                      {valueText(value)}
                    </td>
                  ))}
                  <td className={`${tdClass} whitespace-nowrap`}>{row.trend ? trendText[row.trend] : "–"}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">No submitted assessments yet that you can see.</p>
        )}
      </Card>

      {levelChanges.length ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Level changes</h2>
          <ul className="space-y-1 text-sm">
            {levelChanges.map((change) => (
              <li key={`${change.on}-${change.to}`}>
                {dayFormat.format(new Date(change.on))}: {change.from ?? "no level"} → {change.to ?? "no level"}, decided in calibration ({change.sessionName})
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

import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDay, PairStatusBadge, ProgrammeTabs } from "~/components/mentorship/parts";
import { Button, buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { isPairStatus, PAIR_STATUS_LABELS } from "~/modules/mentorship/lifecycle";
import { closeProgramme, programmePage } from "~/modules/mentorship/programmes.server";
import { timeZoneLabel } from "~/modules/time-zones";
import { withDomainErrors } from "~/utils/http.server";
import { pageParam } from "~/utils/search-params";
import { useTimeZone } from "~/utils/time-zone";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.programme.name ?? "Mentorship programme"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return programmePage(viewer, params.programmeId ?? "", pageParam(url.searchParams));
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "close") throw new InvalidError("Unknown action.");
  await closeProgramme(viewer, params.programmeId ?? "");
  return redirect(`/mentorship/${params.programmeId}`);
});

const ROLE_NAMES = { mentee: "Mentee", mentor: "Mentor" } as const;

export default function ProgrammePage({ loaderData }: Route.ComponentProps) {
  const { programme, canOptIn, optIns, pairs, admin, canBrowseMentors, requestsWaiting } = loaderData;
  const timeZone = useTimeZone();
  const joinedAs = new Set(optIns.map((optIn) => optIn.role));
  const [searchParams] = useSearchParams();
  const justJoined = searchParams.get("joined");
  const rules = [
    `at most ${plural(programme.maxMenteesPerMentor, "# mentee")} per mentor`,
    programme.crossTeamOnly ? "mentors from another team only" : null,
    programme.allowRepeatPairs ? "repeat pairs allowed" : "no repeat of an earlier pair",
    programme.maxTimeZoneHours === null ? null : `time zones at most ${plural(programme.maxTimeZoneHours, "# hour")} apart on every day of the programme`,
  ].filter(Boolean);
  return (
    <>
      <BackLink to="/mentorship">Mentorship</BackLink>
      <PageHeader
        title={programme.name}
        description={`${formatDay(programme.startsOn)} to ${formatDay(programme.endsOn)} · matching on ${formatDay(programme.matchingOn)} · ${programme.ladderName} ladder`}
        actions={
          admin && programme.phase !== "closed" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button type="submit" variant="secondary">
                Close programme
              </Button>
            </Form>
          ) : null
        }
      />
      {admin ? <ProgrammeTabs programmeId={programme.id} /> : null}
      {justJoined === "mentee" || justJoined === "mentor" ? (
        <Alert tone="success">Your answers as a {justJoined} are saved. You can change them until the matching day.</Alert>
      ) : null}
      <p className="mb-4 text-sm">
        <span>
          State: <strong>{programme.phaseLabel}</strong>
        </span>{" "}
        · Open to {programme.openTo === "everyone" ? "everyone on the ladder" : `the teams ${programme.teamNames.join(", ")}`} · Rules: {rules.join("; ")}.
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Your part</h2>
          {optIns.length ? (
            <ul className="space-y-3 text-sm">
              {optIns.map((optIn) => (
                <li key={optIn.role}>
                  <p className="font-medium">You joined as a {optIn.role}.</p>
                  <p className="text-slate-700 dark:text-slate-300">
                    {optIn.role === "mentee" ? "Goals" : "Can help with"}: {optIn.competencies.join(", ") || "none"} · {timeZoneLabel(timeZone)}
                    {optIn.role === "mentor" ? ` · up to ${plural(optIn.capacity ?? programme.maxMenteesPerMentor, "# mentee")}` : ""}
                  </p>
                  {canOptIn ? (
                    <Link to={`/mentorship/${programme.id}/join?as=${optIn.role}`} className="text-brand-600 underline dark:text-brand-100">
                      Change your answers as a {optIn.role}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">{canOptIn ? "You have not joined yet." : "You did not join this programme."}</p>
          )}
          {canOptIn ? (
            <p className="mt-4 flex flex-wrap gap-3">
              {(["mentee", "mentor"] as const)
                .filter((role) => !joinedAs.has(role))
                .map((role) => (
                  <Link key={role} to={`/mentorship/${programme.id}/join?as=${role}`} className={buttonClass(role === "mentee" ? "primary" : "secondary")}>
                    Join as a {role}
                  </Link>
                ))}
            </p>
          ) : programme.phase === "open" ? null : (
            <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">Opt-ins are closed.</p>
          )}
          {canBrowseMentors ? (
            <p className="mt-4 flex flex-wrap gap-3 text-sm">
              <Link to={`/mentorship/${programme.id}/mentors`} className="text-brand-600 underline dark:text-brand-100">
                {joinedAs.has("mentee") ? "Choose your mentors" : joinedAs.has("mentor") ? "Your mentor profile and note" : "The programme's mentors"}
              </Link>
              {joinedAs.has("mentor") ? (
                <Link to={`/mentorship/${programme.id}/requests`} className="text-brand-600 underline dark:text-brand-100">
                  Requests to you{requestsWaiting ? ` (${requestsWaiting} waiting)` : ""}
                </Link>
              ) : null}
            </p>
          ) : null}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Your pairs</h2>
          {pairs.length ? (
            <ul className="space-y-2 text-sm">
              {pairs.map((pair) => (
                <li key={pair.id} className="flex flex-wrap items-center gap-2">
                  <Link to={`/mentorship/${programme.id}/pairs/${pair.id}`} className="text-brand-600 underline dark:text-brand-100">
                    {pair.role === "mentee" ? `${pair.otherName}, your mentor` : `${pair.otherName}, your mentee`}
                  </Link>
                  <PairStatusBadge status={pair.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">Pairs appear here once they are published.</p>
          )}
        </Card>
      </div>

      {admin ? (
        <section className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">Who joined</h2>
          <p className="mb-3 text-sm">
            {plural(admin.mentees, "# mentee")} and {plural(admin.mentors, "# mentor")}
            {Object.keys(admin.pairs).length
              ? ` · pairs: ${Object.entries(admin.pairs)
                  .map(([status, count]) => `${count} ${isPairStatus(status) ? PAIR_STATUS_LABELS[status].toLowerCase() : status}`)
                  .join(", ")}`
              : ""}
          </p>
          {admin.participants && admin.participants.rows.length ? (
            <>
              <DataTable caption="People who joined the programme, by name" headings={["Name", "Team", "Role", "Time zone", "Capacity"]}>
                {admin.participants.rows.map((row) => (
                  <tr key={`${row.id}-${row.role}`}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.name}
                    </th>
                    <td className={tdClass}>{row.team ?? "No team"}</td>
                    <td className={tdClass}>{ROLE_NAMES[row.role]}</td>
                    <td className={tdClass}>{row.timeZone}</td>
                    <td className={`${tdClass} tabular-nums`}>{row.role === "mentor" ? (row.capacity ?? programme.maxMenteesPerMentor) : "—"}</td>
                  </tr>
                ))}
              </DataTable>
              <Pagination page={admin.participants.page} pageCount={admin.participants.pages} label="Pages of people who joined" />
            </>
          ) : (
            <Card>
              <p className="text-sm">Nobody has joined yet.</p>
            </Card>
          )}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

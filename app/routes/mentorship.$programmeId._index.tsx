import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PairStatusBadge, ProgrammeTabs, programmeMeta } from "~/components/mentorship/parts";
import { Button, buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { isPairStatus } from "~/modules/mentorship/lifecycle";
import { closeProgramme, programmePage } from "~/modules/mentorship/programmes.server";
import { timeZoneLabel } from "~/modules/time-zones";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { pageParam } from "~/utils/search-params";
import { useTimeZone } from "~/utils/time-zone";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = programmeMeta("programme");

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    return programmePage(
      viewer,
      params.programmeId ?? "",
      pageParam(url.searchParams),
      undefined,
      languageOf(context),
    );
  },
);

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const form = await formOf(request);
  if (form.get("intent") !== "close")
    throw new InvalidError({ key: "mentorship:errors.unknownAction" });
  await closeProgramme(viewer, params.programmeId ?? "");
  return redirect(`/mentorship/${params.programmeId}`);
});

export default function ProgrammePage({ loaderData }: Route.ComponentProps) {
  const { programme, canOptIn, optIns, pairs, admin, canBrowseMentors, requestsWaiting } =
    loaderData;
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  const timeZone = useTimeZone();
  const joinedAs = new Set(optIns.map((optIn) => optIn.role));
  const [searchParams] = useSearchParams();
  const justJoined = searchParams.get("joined");
  const rules = [
    t("programme.rule.capacity", { count: programme.maxMenteesPerMentor }),
    programme.crossTeamOnly ? t("programme.rule.crossTeamOnly") : null,
    programme.allowRepeatPairs ? t("programme.rule.repeatsAllowed") : t("programme.rule.noRepeats"),
    programme.maxTimeZoneHours === null
      ? null
      : t("programme.rule.timeZones", { count: programme.maxTimeZoneHours }),
  ].filter((rule) => rule !== null);
  return (
    <>
      <BackLink to="/mentorship">{t("list.heading")}</BackLink>
      <PageHeader
        title={programme.name}
        description={t("programme.description", {
          startsOn: f.day(programme.startsOn),
          endsOn: f.day(programme.endsOn),
          matchingOn: f.day(programme.matchingOn),
          ladder: programme.ladderName,
        })}
        actions={
          admin && programme.phase !== "closed" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button type="submit" variant="secondary">
                {t("programme.close")}
              </Button>
            </Form>
          ) : null
        }
      />
      {admin ? <ProgrammeTabs programmeId={programme.id} /> : null}
      {justJoined === "mentee" || justJoined === "mentor" ? (
        <Alert tone="success">{t("programme.joined", { role: justJoined })}</Alert>
      ) : null}
      <p className="mb-4 text-sm">
        <span>
          {t("programme.state")} <strong>{t(`phase.${programme.phase}`)}</strong>
        </span>{" "}
        ·{" "}
        {programme.openTo === "everyone"
          ? t("programme.openToEveryone")
          : t("programme.openToTeams", { teams: f.list(programme.teamNames) })}{" "}
        · {t("programme.rules", { rules: f.list(rules) })}
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("programme.yourPart")}</h2>
          {optIns.length ? (
            <ul className="space-y-3 text-sm">
              {optIns.map((optIn) => (
                <li key={optIn.role}>
                  <p className="font-medium">{t("programme.joinedAs", { role: optIn.role })}</p>
                  <p className="text-slate-700 dark:text-slate-300">
                    {optIn.competencies.length
                      ? t("programme.competencies", {
                          role: optIn.role,
                          competencies: f.list(optIn.competencies),
                        })
                      : t("programme.noCompetencies", { role: optIn.role })}{" "}
                    · {timeZoneLabel(timeZone)}
                    {optIn.role === "mentor"
                      ? ` · ${t("programme.upTo", { count: optIn.capacity ?? programme.maxMenteesPerMentor })}`
                      : ""}
                  </p>
                  {canOptIn ? (
                    <Link
                      to={`/mentorship/${programme.id}/join?as=${optIn.role}`}
                      className="text-brand-600 underline dark:text-brand-100"
                    >
                      {t("programme.change", { role: optIn.role })}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {canOptIn ? t("programme.notJoinedYet") : t("programme.didNotJoin")}
            </p>
          )}
          {canOptIn ? (
            <p className="mt-4 flex flex-wrap gap-3">
              {(["mentee", "mentor"] as const)
                .filter((role) => !joinedAs.has(role))
                .map((role) => (
                  <Link
                    key={role}
                    to={`/mentorship/${programme.id}/join?as=${role}`}
                    className={buttonClass(role === "mentee" ? "primary" : "secondary")}
                  >
                    {t("programme.join", { role })}
                  </Link>
                ))}
            </p>
          ) : programme.phase === "open" ? null : (
            <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
              {t("programme.optInsClosed")}
            </p>
          )}
          {canBrowseMentors ? (
            <p className="mt-4 flex flex-wrap gap-3 text-sm">
              <Link
                to={`/mentorship/${programme.id}/mentors`}
                className="text-brand-600 underline dark:text-brand-100"
              >
                {joinedAs.has("mentee")
                  ? t("programme.chooseMentors")
                  : joinedAs.has("mentor")
                    ? t("programme.mentorProfile")
                    : t("programme.mentors")}
              </Link>
              {joinedAs.has("mentor") ? (
                <Link
                  to={`/mentorship/${programme.id}/requests`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("programme.requests", { waiting: requestsWaiting })}
                </Link>
              ) : null}
            </p>
          ) : null}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("programme.yourPairs")}</h2>
          {pairs.length ? (
            <ul className="space-y-2 text-sm">
              {pairs.map((pair) => (
                <li key={pair.id} className="flex flex-wrap items-center gap-2">
                  <Link
                    to={`/mentorship/${programme.id}/pairs/${pair.id}`}
                    className="text-brand-600 underline dark:text-brand-100"
                  >
                    {t("programme.pairWith", { role: pair.role, name: pair.otherName })}
                  </Link>
                  <PairStatusBadge status={pair.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">{t("programme.noPairs")}</p>
          )}
        </Card>
      </div>

      {admin ? (
        <section className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">{t("programme.whoJoined")}</h2>
          <p className="mb-3 text-sm">
            {t("programme.joinedCounts", { mentees: admin.mentees, mentors: admin.mentors })}
            {Object.keys(admin.pairs).length
              ? ` · ${t("programme.pairsByStatus", {
                  statuses: f.list(
                    Object.entries(admin.pairs).map(([status, count]) =>
                      t("programme.statusCount", {
                        status: isPairStatus(status) ? t(`pair.status.${status}`) : status,
                        count,
                      }),
                    ),
                  ),
                })}`
              : ""}
          </p>
          {admin.participants && admin.participants.rows.length ? (
            <>
              <DataTable
                caption={t("programme.participants.caption")}
                headings={[
                  t("programme.participants.name"),
                  t("programme.participants.team"),
                  t("programme.participants.role"),
                  t("programme.participants.timeZone"),
                  t("programme.participants.capacity"),
                ]}
              >
                {admin.participants.rows.map((row) => (
                  <tr key={`${row.id}-${row.role}`}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.name}
                    </th>
                    <td className={tdClass}>{row.team ?? t("programme.participants.noTeam")}</td>
                    <td className={tdClass}>{t(`role.${row.role}`)}</td>
                    <td className={tdClass}>{row.timeZone}</td>
                    <td className={`${tdClass} tabular-nums`}>
                      {row.role === "mentor"
                        ? f.number(row.capacity ?? programme.maxMenteesPerMentor)
                        : "—"}
                    </td>
                  </tr>
                ))}
              </DataTable>
              <Pagination
                page={admin.participants.page}
                pageCount={admin.participants.pages}
                label={t("programme.participants.pages")}
              />
            </>
          ) : (
            <Card>
              <p className="text-sm">{t("programme.participants.none")}</p>
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

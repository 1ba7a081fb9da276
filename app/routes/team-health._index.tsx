import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/team-health._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { formatLiveCode } from "~/modules/team-health/live";
import { liveRooms } from "~/modules/team-health/live.server";
import { closeCheckIn, healthHome, startableTeams } from "~/modules/team-health/team-health.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealth:page.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [home, teams, rooms] = await Promise.all([
    healthHome(viewer),
    startableTeams(viewer),
    liveRooms(viewer),
  ]);
  return {
    ...home,
    mayStart: teams.length > 0,
    floor: SMALL_GROUP_FLOOR,
    rooms: rooms.map((room) => ({ ...room, code: formatLiveCode(room.code) })),
  };
});

export const action = withFormRefusals(async ({ request }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  if (form.get("intent") !== "close")
    throw new InvalidError({ key: "teamHealth:errors.unknownAction" });
  await closeCheckIn(viewer, String(form.get("checkInId") ?? ""));
  return redirect("/team-health");
});

export default function TeamHealth({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealth");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const live = useTranslation("teamHealthLive").t;
  return (
    <>
      <PageHeader
        title={t("page.heading")}
        description={t("page.intro", { floor: loaderData.floor })}
      />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      {loaderData.mayStart ? (
        <p className="mb-4">
          <Link className="link" to="/team-health/new">
            {t("page.start")}
          </Link>
          {" · "}
          <Link className="link" to="/team-health/organisation">
            {t("page.organisation")}
          </Link>
          {" · "}
          <Link className="link" to="/team-health/live">
            {live("home.start")}
          </Link>
        </p>
      ) : (
        <p className="mb-4">
          <Link className="link" to="/team-health/live">
            {live("home.join")}
          </Link>
        </p>
      )}
      {loaderData.rooms.length ? (
        <section aria-labelledby="live-heading" className="mb-6">
          <h2 id="live-heading" className="mb-2 text-lg font-semibold">
            {live("home.heading")}
          </h2>
          <ul className="space-y-2">
            {loaderData.rooms.map((room) => (
              <li key={room.code} className="flex flex-wrap items-center gap-2 text-sm">
                <Link className="link" to={`/team-health/live/${room.code}/room`}>
                  {live("home.row", {
                    team: room.team,
                    date: f.day(room.startedAt),
                    code: room.code,
                  })}
                </Link>
                <span className="muted">{room.open ? t("page.open") : t("page.closed")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="to-answer-heading" className="mb-6">
        <h2 id="to-answer-heading" className="mb-2 text-lg font-semibold">
          {t("page.toAnswer")}
        </h2>
        {loaderData.toAnswer.length ? (
          <ul className="space-y-2">
            {loaderData.toAnswer.map((row) => (
              <li key={row.checkInId} className="flex flex-wrap items-center gap-2 text-sm">
                {row.answered ? (
                  <span>
                    {common("list.labelled", { label: row.team })} {t("page.answered")}
                  </span>
                ) : (
                  <Link className="link" to={`/team-health/${row.checkInId}`}>
                    {t("page.answer", { team: row.team })}
                  </Link>
                )}
                <span className="muted">{t("page.closes", { date: f.day(row.closesAt) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t("page.noneToAnswer")}</p>
        )}
      </section>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-2 text-lg font-semibold">
          {t("page.results")}
        </h2>
        {loaderData.results.length ? (
          <ul className="space-y-2">
            {loaderData.results.map((row) => (
              <li
                key={`${row.checkInId}/${row.teamId}`}
                className="flex flex-wrap items-center gap-2 text-sm"
              >
                <Link className="link" to={`/team-health/${row.checkInId}/teams/${row.teamId}`}>
                  {t("page.resultsRow", { team: row.team, date: f.day(row.startedAt) })}
                </Link>
                <span className="muted">{row.open ? t("page.open") : t("page.closed")}</span>
                {row.canClose ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="close" />
                    <input type="hidden" name="checkInId" value={row.checkInId} />
                    <Button type="submit" variant="secondary">
                      {t("page.close")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t("page.noResults")}</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

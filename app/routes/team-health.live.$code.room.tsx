import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/team-health.live.$code.room";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ItemTable } from "~/components/team-health/item-table";
import { HealthScore, ReleasedAsOf } from "~/components/team-health/score";
import { useLiveRoom } from "~/components/team-health/use-live-room";
import { Button } from "~/components/ui/button";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { formatLiveCode } from "~/modules/team-health/live";
import { closeLiveCheckIn, liveRoom } from "~/modules/team-health/live.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealthLive:room.title") },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const room = await liveRoom(viewer, params.code, undefined, languageOf(context));
  const code = formatLiveCode(room.code);
  return {
    ...room,
    code,
    address: `${new URL(request.url).host}/team-health/live/${code}`,
  };
});

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  if (form.get("intent") !== "close")
    throw new InvalidError({ key: "teamHealth:errors.unknownAction" });
  const closed = await closeLiveCheckIn(viewer, params.code);
  return redirect(`/team-health/${closed.checkInId}/teams/${closed.teamId}`);
});

export default function LiveRoom({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealthLive");
  const health = useTranslation("teamHealth").t;
  const view = loaderData;
  useLiveRoom(view.code, view.open);
  return (
    <>
      <BackLink to="/team-health">{health("page.heading")}</BackLink>
      <PageHeader title={t("room.heading", { team: view.team })} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      {view.open ? (
        <section aria-labelledby="join-heading" className="mb-6">
          <h2 id="join-heading" className="font-mono text-3xl font-semibold tracking-widest">
            {t("room.code", { code: view.code })}
          </h2>
          <p className="text-sm break-words">{t("room.joinAt", { address: view.address })}</p>
          {view.mayAnswer ? (
            <p className="mt-2">
              <Link className="link" to={`/team-health/live/${view.code}`}>
                {t("room.answer")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : (
        <Alert tone="info">
          {t("room.closed")}{" "}
          <Link
            className="link underline underline-offset-2"
            to={`/team-health/${view.checkInId}/teams/${view.teamId}`}
          >
            {t("room.results")}
          </Link>
        </Alert>
      )}
      <div aria-live="polite">
        <p className="text-lg font-medium">
          {t("room.answered", { answered: view.answered, asked: view.asked })}
        </p>
        <ReleasedAsOf release={view} />
      </div>
      <p className="muted mb-4 text-sm">{t("room.floor", { floor: view.floor })}</p>
      {view.answers > 0 ? (
        <>
          <HealthScore score={view.score} />
          <ItemTable items={view.items} own={view.own} />
        </>
      ) : null}
      {view.open ? <p className="muted mb-4 text-xs">{t("room.updates")}</p> : null}
      {view.canClose ? (
        <Form method="post">
          <input type="hidden" name="intent" value="close" />
          <Button type="submit" variant="secondary">
            {t("room.close")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

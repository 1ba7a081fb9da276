import { parseWithZod } from "@conform-to/zod/v4";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/team-health.live._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckInStartFields } from "~/components/team-health/start-fields";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { JoinSchema, LiveStartSchema } from "~/modules/team-health/forms";
import { formatLiveCode, normaliseLiveCode } from "~/modules/team-health/live";
import { startLiveCheckIn } from "~/modules/team-health/live.server";
import { startableTeams } from "~/modules/team-health/team-health.server";
import { offeredOwnItems } from "~/modules/team-health/own-items.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { invalidForm, type FieldErrors } from "~/utils/posted";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealthLive:join.title") },
];

/** A code typed in the join form (a GET, so it works without JavaScript) goes to its address, which decides. */
export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const typed = new URL(request.url).searchParams.get("code");
  let codeErrors: string[] | null = null;
  if (typed !== null) {
    const submission = JoinSchema.safeParse({ code: typed });
    if (submission.success) {
      const code = normaliseLiveCode(submission.data.code);
      // A code that cannot be one goes to its address too: it is refused there, and counted.
      throw redirect(
        `/team-health/live/${code ? formatLiveCode(code) : encodeURIComponent(submission.data.code)}`,
      );
    }
    codeErrors = submission.error.issues.map((issue) => issue.message);
  }
  const teams = await startableTeams(viewer);
  return {
    own: teams.length ? await offeredOwnItems(languageOf(context)) : [],
    typedCode: typed ?? "",
    codeErrors,
    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      members: team.members,
      floor: team.floor,
      tooSmall: team.tooSmall,
    })),
  };
});

const typedOf = (form: FormData) => ({
  teamId: String(form.get("teamId") ?? ""),
  libraryItems: form.getAll("libraryItems").map(String),
  ownItems: form.getAll("ownItems").map(String),
});

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const submission = parseWithZod(form, { schema: LiveStartSchema });
    if (submission.status !== "success") return invalidForm(submission.error, typedOf(form));
    const code = await startLiveCheckIn(viewer, submission.value);
    return redirect(`/team-health/live/${formatLiveCode(code)}/room`);
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

export default function LiveCheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealthLive");
  const health = useTranslation("teamHealth").t;
  const errors = actionData?.errors ?? {};
  const typed = actionData?.typed;
  return (
    <>
      <BackLink to="/team-health">{health("page.heading")}</BackLink>
      <PageHeader title={t("join.heading")} description={t("join.intro")} />
      <Form method="get" className="mb-8 flex max-w-md flex-wrap items-end gap-2">
        <Field
          label={t("join.code")}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={loaderData.typedCode}
          errors={loaderData.codeErrors}
          className="grow"
        />
        <Button type="submit">{t("join.submit")}</Button>
      </Form>
      {loaderData.teams.length ? (
        <Card className="max-w-2xl">
          <h2 className="mb-1 text-lg font-semibold">{t("start.heading")}</h2>
          <p className="muted mb-3 text-sm">{t("start.intro")}</p>
          {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
          <Form method="post" className="space-y-4">
            <CheckInStartFields
              teams={loaderData.teams}
              own={loaderData.own}
              one={{ label: t("start.team") }}
              chosen={
                typed && {
                  teamIds: [typed.teamId],
                  libraryItems: typed.libraryItems,
                  ownItems: typed.ownItems,
                }
              }
              teamErrors={errors.teamId}
              ownErrors={errors.ownItems}
            />
            <Button type="submit">{t("start.submit")}</Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

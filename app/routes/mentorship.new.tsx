import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import type { Route } from "./+types/mentorship.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProgrammeForm } from "~/components/mentorship/programme-form";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/identity/permissions.server";
import { listTeamsForCycle } from "~/modules/cycles/cycles.server";
import { ladderChoices } from "~/modules/ladders/retired.server";
import { ProgrammeSchema } from "~/modules/mentorship/forms";
import { dateToDay } from "~/modules/days";
import { createProgramme } from "~/modules/mentorship/programmes.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { withDomainErrors, formOf } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("mentorship:new.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const today = clock.now().getTime();
  const addDays = (days: number) => dateToDay(new Date(today + days * 24 * 60 * 60 * 1000));
  const [teams, { ladders, defaultLadderId }] = await Promise.all([
    listTeamsForCycle(),
    ladderChoices(undefined, languageOf(context)),
  ]);
  return {
    teams,
    ladders: ladders.map((served) => ({
      id: served.ladder.meta.id,
      name: served.ladder.meta.name,
    })),
    defaultLadderId,
    defaults: { matchingOn: addDays(14), startsOn: addDays(21), endsOn: addDays(21 + 182) },
  };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const submission = parseWithZod(await formOf(request), { schema: ProgrammeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createProgramme(viewer, submission.value);
  if (!result.ok) {
    const { form, ...fieldErrors } = result.fieldErrors;
    return data(
      submission.reply({
        fieldErrors: fieldErrors as Record<string, string[]>,
        formErrors: form ?? [],
      }),
      { status: 400 },
    );
  }
  return redirect(`/mentorship/${result.programmeId}`);
});

export default function NewProgramme({ loaderData, actionData }: Route.ComponentProps) {
  const { teams, ladders, defaultLadderId, defaults } = loaderData;
  const lastResult = actionData;
  const { t } = useTranslation("mentorship");
  return (
    <>
      <BackLink to="/mentorship">{t("list.heading")}</BackLink>
      <PageHeader title={t("new.heading")} description={t("new.description")} />
      <Card className="max-w-3xl">
        <ProgrammeForm
          id="new-programme"
          lastResult={lastResult}
          defaultValue={{
            ...defaults,
            ladderId: defaultLadderId,
            openTo: "everyone",
            maxMenteesPerMentor: "2",
            weightGoals: "3",
            weightCrossTeam: "1",
            weightLevel: "1",
            objective: "most-matched",
          }}
          ladders={ladders}
          teams={teams}
          submitLabel={t("new.submit")}
        />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.settings";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProgrammeForm } from "~/components/mentorship/programme-form";
import { ProgrammeTabs, programmeMeta } from "~/components/mentorship/parts";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { listTeamsForCycle } from "~/modules/cycles/cycles.server";
import { ladderChoices } from "~/modules/ladders/retired.server";
import { ProgrammeSchema, WeightsSchema } from "~/modules/mentorship/forms";
import { weightsPreview } from "~/modules/mentorship/matching.server";
import {
  programmeFormValues,
  requireProgrammeAdmin,
  updateProgramme,
} from "~/modules/mentorship/programmes.server";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { usePendingForm } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = programmeMeta("settings");

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const { programme } = await requireProgrammeAdmin(viewer, params.programmeId ?? "");
  const [teams, { ladders }] = await Promise.all([
    listTeamsForCycle(),
    ladderChoices(programme.ladderId, languageOf(context)),
  ]);
  return {
    programme: { id: programme.id, name: programme.name, phase: programme.phase },
    values: programmeFormValues(programme),
    teams,
    ladders: ladders.map((served) => ({
      id: served.ladder.meta.id,
      name: served.ladder.meta.name,
    })),
  };
});

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const programmeId = params.programmeId ?? "";
  const form = await formOf(request);
  if (form.get("intent") === "preview") {
    // The weights alone: nothing is saved, the form keeps what was typed.
    const weights = WeightsSchema.safeParse(
      Object.fromEntries(
        ["weightGoals", "weightCrossTeam", "weightLevel"].map((name) => [
          name,
          form.get(name) || undefined,
        ]),
      ),
    );
    if (!weights.success)
      return data(
        {
          intent: "preview" as const,
          error: wordsOf(
            translatorOf(context),
            weights.error.issues[0]?.message ?? "mentorship:settings.errors.checkWeights",
          ),
          preview: null,
        },
        { status: 400 },
      );
    const { weightGoals: goals, weightCrossTeam: crossTeam, weightLevel: level } = weights.data;
    return {
      intent: "preview" as const,
      error: null,
      preview: await weightsPreview(viewer, programmeId, { goals, crossTeam, level }),
    };
  }
  const submission = parseWithZod(form, { schema: ProgrammeSchema });
  if (submission.status !== "success")
    return data({ intent: "save" as const, reply: submission.reply() }, { status: 400 });
  const result = await updateProgramme(viewer, programmeId, submission.value);
  if (!result.ok) {
    const { form: formErrors, ...fieldErrors } = result.fieldErrors;
    return data(
      {
        intent: "save" as const,
        reply: submission.reply({
          fieldErrors: fieldErrors as Record<string, string[]>,
          formErrors: formErrors ?? [],
        }),
      },
      { status: 400 },
    );
  }
  return redirect(`/mentorship/${programmeId}/settings?saved=1`);
});

export default function ProgrammeSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { programme, values, teams, ladders } = loaderData;
  const result = actionData;
  const pendingForm = usePendingForm();
  const previewing = pendingForm?.get("intent") === "preview";
  const [searchParams] = useSearchParams();
  const saved = searchParams.has("saved");
  const preview = result?.intent === "preview" ? result : null;
  const { t } = useTranslation("mentorship");
  return (
    <>
      <BackLink to={`/mentorship/${programme.id}`}>{programme.name}</BackLink>
      <PageHeader title={t("settings.heading")} description={t("settings.description")} />
      <ProgrammeTabs programmeId={programme.id} />
      {saved && !result ? <Alert tone="success">{t("settings.saved")}</Alert> : null}
      {programme.phase === "closed" ? <Alert tone="info">{t("settings.closed")}</Alert> : null}
      <Card className="max-w-3xl">
        <ProgrammeForm
          id="programme-settings"
          lastResult={result?.intent === "save" ? result.reply : undefined}
          defaultValue={values}
          ladders={ladders}
          teams={teams}
          submitLabel={t("settings.save")}
        >
          <Button
            type="submit"
            name="intent"
            value="preview"
            variant="secondary"
            formNoValidate
            disabled={previewing}
          >
            {previewing ? t("settings.previewing") : t("settings.preview")}
          </Button>
        </ProgrammeForm>
      </Card>
      {preview ? (
        <section aria-labelledby="preview-heading" className="mt-6 max-w-3xl">
          <h2 id="preview-heading" className="mb-2 text-lg font-semibold">
            {t("settings.previewHeading")}
          </h2>
          {preview.error ? <Alert tone="error">{preview.error}</Alert> : null}
          {preview.preview ? <WeightsPreview preview={preview.preview} /> : null}
        </section>
      ) : null}
    </>
  );
}

type Preview = Awaited<ReturnType<typeof weightsPreview>>;

function WeightsPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation("mentorship");
  const totals = (side: Preview["before"]) =>
    side.averageFit === null
      ? t("settings.totals", { paired: side.paired, totalFit: side.totalFit })
      : t("settings.totalsWithAverage", {
          paired: side.paired,
          totalFit: side.totalFit,
          averageFit: side.averageFit,
        });
  return (
    <Card>
      <p className="text-sm" role="status">
        {t("settings.previewSummary", {
          goals: preview.weights.goals,
          crossTeam: preview.weights.crossTeam,
          level: preview.weights.level,
          added: preview.added.total,
          removed: preview.removed.total,
          kept: preview.kept,
          before: totals(preview.before),
          after: totals(preview.after),
        })}
      </p>
      {(
        [
          [t("settings.added"), preview.added],
          [t("settings.removed"), preview.removed],
        ] as const
      ).map(([caption, list]) =>
        list.rows.length ? (
          <div key={caption} className="mt-4">
            <h3 className="mb-2 text-sm font-semibold">
              {caption}
              {list.total > list.rows.length
                ? ` ${t("settings.firstOf", { shown: list.rows.length, total: list.total })}`
                : ""}
            </h3>
            <DataTable
              caption={caption}
              headings={[t("role.mentee"), t("role.mentor"), t("matching.table.fit")]}
            >
              {list.rows.map((row) => (
                <tr key={`${row.mentee}-${row.mentor}`}>
                  <td className={tdClass}>{row.mentee}</td>
                  <td className={tdClass}>{row.mentor}</td>
                  <td className={`${tdClass} tabular-nums`}>{t("fit", { fit: row.fit })}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        ) : null,
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

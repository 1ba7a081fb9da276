import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { ErrorList, Field } from "~/components/ui/field";
import { useFormats } from "~/i18n/use-formats";
import { StageSchema } from "~/modules/hiring/forms";

type Competency = { id: string; name: string };

/**
 * One stage of an interview plan: its name and the level's competencies it covers. The same form
 * adds a stage (no `stage`) and changes one. Competencies are fixed once a scorecard for the stage exists.
 */
export function StageForm({
  stage,
  competencies,
  coveredElsewhere,
  lastResult,
  locked,
  busy,
}: {
  stage: { id: string; name: string; competencyIds: string[] } | null;
  competencies: readonly Competency[];
  /** Competency id -> names of the other stages covering it. */
  coveredElsewhere: Readonly<Record<string, string[]>>;
  lastResult: SubmissionResult<string[]> | null | undefined;
  locked: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const [form, fields] = useForm({
    id: stage ? `stage-${stage.id}` : "new-stage",
    lastResult,
    constraint: getZodConstraint(StageSchema),
    defaultValue: stage
      ? { name: stage.name, competencyIds: stage.competencyIds }
      : { competencyIds: [] },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StageSchema }),
  });
  const chosen = new Set(stage?.competencyIds ?? []);
  const legendId = `${form.id}-legend`;
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-stage" />
      {stage ? <input type="hidden" name="stageId" value={stage.id} /> : null}
      <Field
        label={stage ? t("stage.name") : t("stage.new")}
        autoComplete="off"
        errors={fields.name.errors}
        {...getInputProps(fields.name, { type: "text" })}
      />
      <fieldset
        aria-labelledby={legendId}
        aria-describedby={
          fields.competencyIds.errors?.length ? fields.competencyIds.errorId : undefined
        }
      >
        <legend id={legendId} className="mb-1 text-sm font-medium">
          {stage ? t("stage.competenciesOf", { stage: stage.name }) : t("stage.competenciesNew")}
        </legend>
        {locked ? (
          <p className="mb-1 text-xs text-slate-600 dark:text-slate-300">{t("stage.locked")}</p>
        ) : null}
        <div className="grid gap-1 sm:grid-cols-2">
          {competencies.map((competency) => (
            <label key={competency.id} className="flex items-start gap-2 text-sm">
              {locked && chosen.has(competency.id) ? (
                <input type="hidden" name="competencyIds" value={competency.id} />
              ) : null}
              <input
                type="checkbox"
                name="competencyIds"
                value={competency.id}
                defaultChecked={chosen.has(competency.id)}
                disabled={locked}
                className="mt-1 size-4"
              />
              <span>
                {competency.name}
                {coveredElsewhere[competency.id]?.length ? (
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {t("stage.alsoIn", { stages: f.list(coveredElsewhere[competency.id]!) })}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
        <ErrorList id={fields.competencyIds.errorId} errors={fields.competencyIds.errors} />
      </fieldset>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button type="submit" variant={stage ? "secondary" : "primary"} disabled={busy}>
        {stage ? t("stage.save") : t("stage.add")}
      </Button>
    </Form>
  );
}

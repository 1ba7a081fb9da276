import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigate } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { ErrorList, FormErrors, SelectField } from "~/components/ui/field";
import { GrowthPlanSchema, MAX_FOCUS } from "~/modules/growth/profile-plan";
import type { TargetOption } from "~/modules/growth/profile.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { WithoutScripts } from "~/components/ui/without-scripts";

export function TargetOptions({ options }: { options: readonly TargetOption[] }) {
  return options.map((track) => (
    <optgroup key={track.trackId} label={track.trackName}>
      {track.levels.map((level) => (
        <option key={level.id} value={level.id}>
          {level.title}
        </option>
      ))}
    </optgroup>
  ));
}

/** For readers who may not change the plan: look at the gap to any level. */
export function TargetPicker({
  options,
  value,
  error,
}: {
  options: readonly TargetOption[];
  value: string;
  error: string | null;
}) {
  const { t } = useTranslation("growth");
  const navigate = useNavigate();
  return (
    <Form method="get" className="no-print flex flex-wrap items-end gap-3">
      <SelectField
        name="target"
        label={t("plan.gapTo")}
        defaultValue={value}
        errors={error ? [error] : null}
        className="min-w-64"
        onChange={(event) =>
          navigate(`?target=${encodeURIComponent(event.currentTarget.value)}`, {
            preventScrollReset: true,
            replace: true,
          })
        }
      >
        <TargetOptions options={options} />
      </SelectField>
      <Button type="submit" variant="secondary">
        {t("plan.show")}
      </Button>
    </Form>
  );
}

/**
 * The growth plan: a target level (changing it shows the gap to that level) and
 * up to three focus competencies of the target's track.
 */
export function GrowthPlanForm({
  options,
  target,
  targetError,
  competencies,
  focus,
  lastResult,
}: {
  options: readonly TargetOption[];
  target: string;
  targetError: string | null;
  competencies: readonly { id: string; name: string; hint: string }[];
  focus: readonly string[];
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const { t } = useTranslation("growth");
  const navigate = useNavigate();
  const sending = useSubmitting();
  const saving = sending;
  const [form, fields] = useForm({
    id: `growth-plan-${target}`,
    lastResult,
    constraint: getZodConstraint(GrowthPlanSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    defaultValue: { target, focus: focus.filter((id) => competencies.some((c) => c.id === id)) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GrowthPlanSchema }),
  });
  const targetErrors = [...(targetError ? [targetError] : []), ...(fields.target.errors ?? [])];
  // The checkboxes are built from the field's metadata read once (conform's collection
  // helper reads it again for every option, a tenth of this page's rendering).
  const focusField = {
    id: fields.focus.id,
    name: fields.focus.name,
    initialValue: fields.focus.initialValue,
  };
  const chosen = new Set(
    Array.isArray(focusField.initialValue)
      ? focusField.initialValue
      : focusField.initialValue
        ? [focusField.initialValue]
        : [],
  );
  const focusErrors = fields.focus.errors?.length ? fields.focus.errors : null;
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <SelectField
        label={t("plan.target")}
        hint={t("plan.targetHint")}
        errors={targetErrors.length ? targetErrors : null}
        className="max-w-md"
        {...getSelectProps(fields.target)}
        onChange={(event) =>
          navigate(`?target=${encodeURIComponent(event.currentTarget.value)}`, {
            preventScrollReset: true,
            replace: true,
          })
        }
      >
        <TargetOptions options={options} />
      </SelectField>
      <fieldset aria-describedby={focusErrors ? fields.focus.errorId : undefined}>
        <legend className="text-sm font-medium">{t("plan.focus", { max: MAX_FOCUS })}</legend>
        <div className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2 *:flex *:items-start *:gap-2">
          {competencies.map((competency) => {
            // One plan form on the page, so the competency alone makes the id unique (seventeen of them, four times each).
            const id = `focus-${competency.id}`;
            return (
              <div key={`${competency.id}-${chosen.has(competency.id)}`}>
                <input
                  type="checkbox"
                  id={id}
                  name={focusField.name}
                  value={competency.id}
                  defaultChecked={chosen.has(competency.id)}
                  aria-invalid={focusErrors ? true : undefined}
                  aria-describedby={`${id}-hint`}
                  className="checkbox"
                />
                <div>
                  <label htmlFor={id} className="text-sm font-medium">
                    {competency.name}
                  </label>
                  <p id={`${id}-hint`} className="muted text-xs">
                    {competency.hint}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
        <ErrorList id={fields.focus.errorId} errors={focusErrors} />
      </fieldset>
      <FormErrors form={form} />
      <WithoutScripts>
        <p className="text-sm">
          <button type="submit" formMethod="get" formNoValidate className="underline">
            {t("plan.showGap")}
          </button>
        </p>
      </WithoutScripts>
      <Button type="submit" disabled={saving}>
        {saving ? t("plan.saving") : t("plan.save")}
      </Button>
    </Form>
  );
}

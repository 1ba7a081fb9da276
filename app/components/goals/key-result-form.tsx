import { Form } from "react-router";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Alert } from "~/components/ui/page";
import { useTranslation } from "~/i18n/use-translation";
import { checkKeyResult } from "~/modules/goals/output-check";
import { DIRECTIONS, KEY_RESULT_KINDS } from "~/modules/goals/progress";

type Errors = Record<string, string[] | null | undefined>;

/**
 * Adding a key result, with the outcomes-not-outputs check run live as it is written (the same
 * pure check the server runs on save): advice only, never a refusal.
 */
export function KeyResultForm({
  typed,
  errors,
  busy,
}: {
  typed: Partial<Record<string, string>>;
  errors: Errors;
  busy: boolean;
}) {
  const { t } = useTranslation("goals");
  const [title, setTitle] = useState(typed.title ?? "");
  const [unit, setUnit] = useState(typed.unit ?? "");
  const [kind, setKind] = useState(typed.kind ?? "metric");
  const flagged = checkKeyResult(title, unit).flagged;
  return (
    <Form method="post" className="space-y-2">
      <Field
        label={t("kr.title")}
        hint={t("kr.titleHint")}
        name="title"
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        errors={errors.title}
      />
      {flagged ? (
        <div role="status">
          <Alert tone="info">{t("objective.outputFlag")}</Alert>
        </div>
      ) : null}
      <SelectField
        label={t("kr.kind")}
        name="kind"
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value)}
        errors={errors.kind}
      >
        {KEY_RESULT_KINDS.map((value) => (
          <option key={value} value={value}>
            {t("kr.kindOption", { kind: value })}
          </option>
        ))}
      </SelectField>
      {kind !== "binary" ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {kind === "metric" ? (
            <Field
              label={t("kr.unit")}
              name="unit"
              value={unit}
              onChange={(event) => setUnit(event.currentTarget.value)}
              errors={errors.unit}
            />
          ) : null}
          <SelectField
            label={t("kr.direction")}
            name="direction"
            defaultValue={typed.direction ?? "increase"}
            errors={errors.direction}
          >
            {DIRECTIONS.map((value) => (
              <option key={value} value={value}>
                {t("kr.directionOption", { direction: value })}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("kr.start")}
            name="startValue"
            inputMode="decimal"
            defaultValue={typed.startValue}
            errors={errors.startValue}
          />
          <Field
            label={t("kr.target")}
            name="targetValue"
            inputMode="decimal"
            defaultValue={typed.targetValue}
            errors={errors.targetValue}
          />
        </div>
      ) : null}
      <Field
        label={t("kr.owner")}
        hint={t("kr.ownerHint")}
        name="ownerEmail"
        type="email"
        defaultValue={typed.ownerEmail}
        errors={errors.ownerEmail}
      />
      <Field
        label={t("kr.contributors")}
        hint={t("kr.contributorsHint")}
        name="contributorEmails"
        defaultValue={typed.contributorEmails}
        errors={errors.contributorEmails}
      />
      <Button type="submit" disabled={busy}>
        {t("kr.submit")}
      </Button>
    </Form>
  );
}

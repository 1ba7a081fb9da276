import { Form } from "react-router";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Alert } from "~/components/ui/page";
import { useTranslation } from "~/i18n/use-translation";
import { checkKeyResult } from "~/modules/goals/output-check";
import { DIRECTIONS, KEY_RESULT_KINDS } from "~/modules/goals/progress";

type Errors = Record<string, string[] | null | undefined>;

/** Where the page's one script asks the outcomes-not-outputs check (decision 162). */
const KEY_RESULT_ADVICE = "/goals/key-results/advice";

/**
 * Adding a key result, with the outcomes-not-outputs check run live as it is written (the same
 * pure check the server runs on save): advice only, never a refusal. In a document sent without the
 * app's scripts the page's one script asks `KEY_RESULT_ADVICE` and shows the advice it names
 * (`data-advice`); once the app's scripts hold the form, React runs the check itself. Every field is
 * rendered, and those a kind does not use are hidden by the stylesheet as the kind is chosen, with
 * or without a script (the server ignores them for that kind).
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
  const flagged = checkKeyResult(title, unit).flagged;
  return (
    <Form
      method="post"
      className="group space-y-2"
      data-advice={KEY_RESULT_ADVICE}
      data-advice-fields="title unit"
    >
      <Field
        label={t("kr.title")}
        hint={t("kr.titleHint")}
        name="title"
        defaultValue={typed.title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        errors={errors.title}
      />
      <div role="status">
        <div data-advice-key="output" hidden={!flagged}>
          <Alert tone="info">{t("objective.outputFlag")}</Alert>
        </div>
      </div>
      <SelectField
        label={t("kr.kind")}
        name="kind"
        defaultValue={typed.kind ?? "metric"}
        errors={errors.kind}
      >
        {KEY_RESULT_KINDS.map((value) => (
          <option key={value} value={value}>
            {t("kr.kindOption", { kind: value })}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-2 group-has-[[name=kind]_[value=binary]:checked]:hidden sm:grid-cols-2">
        <div className="group-has-[[name=kind]_[value=percent]:checked]:hidden">
          <Field
            label={t("kr.unit")}
            name="unit"
            defaultValue={typed.unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
            errors={errors.unit}
          />
        </div>
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

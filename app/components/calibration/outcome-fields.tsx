import { useTranslation } from "~/i18n/use-translation";
import { ErrorList, SelectField, TextareaField } from "~/components/ui/field";
import { LEVEL_OUTCOMES, MAX_RATIONALE } from "~/modules/calibration/outcomes";

export type OutcomeValues = {
  rating?: string;
  outcome?: string;
  levelId?: string;
  text?: string;
  second?: string;
  evidence?: string[];
};

/** An overall rating, a level outcome (and the level for a promotion) and the words behind them: the proposal and the final outcome alike. */
export function OutcomeFields({
  idPrefix,
  scale,
  targets,
  values,
  errors,
  textLabel,
  textHint,
  secondDimension,
}: {
  idPrefix: string;
  scale: readonly { value: number; label: string; meaning: string }[];
  targets: readonly { id: string; title: string; trackName: string }[];
  values: OutcomeValues;
  errors: Record<string, readonly string[] | null | undefined>;
  textLabel: string;
  textHint: string;
  /** The session's second dimension, when it collects one (for the 9-box). */
  secondDimension?: { name: string; points: readonly { value: 1 | 2 | 3 }[] } | null;
}) {
  const { t } = useTranslation("calibration");
  const tracks = [...new Set(targets.map((target) => target.trackName))];
  return (
    <div className="space-y-4">
      <fieldset aria-describedby={errors.rating ? `${idPrefix}-rating-error` : undefined}>
        <legend className="mb-2 text-sm font-medium">{t("outcomeFields.rating")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {scale.map((point) => (
            <label
              key={point.value}
              className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
            >
              <input
                type="radio"
                name="rating"
                value={point.value}
                defaultChecked={values.rating === String(point.value)}
                required
                className="mt-1 size-4"
              />
              <span>
                <span className="font-medium">
                  {point.value} {point.label}
                </span>
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  {point.meaning}
                </span>
              </span>
            </label>
          ))}
        </div>
        <ErrorList id={`${idPrefix}-rating-error`} errors={errors.rating} />
      </fieldset>
      {secondDimension ? (
        <fieldset aria-describedby={errors.second ? `${idPrefix}-second-error` : undefined}>
          <legend className="mb-2 text-sm font-medium">{secondDimension.name}</legend>
          <div className="flex flex-wrap gap-4">
            {secondDimension.points.map((point) => (
              <label key={point.value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="second"
                  value={point.value}
                  defaultChecked={values.second === String(point.value)}
                  required
                  className="size-4"
                />
                {t(`second.${point.value}`)}
              </label>
            ))}
          </div>
          <ErrorList id={`${idPrefix}-second-error`} errors={errors.second} />
        </fieldset>
      ) : null}
      <fieldset aria-describedby={errors.outcome ? `${idPrefix}-outcome-error` : undefined}>
        <legend className="mb-2 text-sm font-medium">{t("outcomeFields.levelOutcome")}</legend>
        <div className="flex flex-wrap gap-4">
          {LEVEL_OUTCOMES.map((outcome) => (
            <label key={outcome} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="outcome"
                value={outcome}
                defaultChecked={(values.outcome ?? "stay") === outcome}
                className="size-4"
              />
              {t(`levelOutcome.${outcome}`)}
            </label>
          ))}
        </div>
        <ErrorList id={`${idPrefix}-outcome-error`} errors={errors.outcome} />
      </fieldset>
      <SelectField
        id={`${idPrefix}-level`}
        name="levelId"
        label={t("outcomeFields.promoteTo")}
        hint={t("outcomeFields.promoteToHint")}
        defaultValue={values.levelId ?? ""}
        errors={errors.levelId}
      >
        <option value="">{t("outcomeFields.chooseLevel")}</option>
        {tracks.map((track) => (
          <optgroup key={track} label={track}>
            {targets
              .filter((target) => target.trackName === track)
              .map((target) => (
                <option key={target.id} value={target.id}>
                  {target.title}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <TextareaField
        id={`${idPrefix}-text`}
        name="text"
        label={textLabel}
        hint={textHint}
        rows={4}
        maxLength={MAX_RATIONALE}
        defaultValue={values.text ?? ""}
        errors={errors.text}
      />
    </div>
  );
}

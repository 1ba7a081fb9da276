import { useTranslation } from "~/i18n/use-translation";
import type { AmendmentDiff } from "~/modules/hiring/scorecard";
import { RECOMMENDATION_KEYS } from "~/modules/hiring/scorecard";

/** What an amendment changed: per competency the score and notes, then the recommendation and summary. */
export function AmendmentChanges({
  diff,
  competencyName,
}: {
  diff: AmendmentDiff;
  competencyName: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation("hiring");
  if (!diff.changed) return <p className="text-sm">{t("amendment.nothing")}</p>;
  const score = (value: number | null) =>
    value === null ? t("scorecard.notAssessed") : String(value);
  const text = (value: string) => value || t("amendment.none");
  return (
    <ul className="list-disc space-y-1 ps-5 text-sm">
      {diff.entries.map((entry) => (
        <li key={entry.competencyId} className="whitespace-pre-line">
          <span className="font-medium">
            {competencyName[entry.competencyId] ?? entry.competencyId}
          </span>
          {": "}
          {[
            entry.score
              ? t("amendment.score", { from: score(entry.score.from), to: score(entry.score.to) })
              : null,
            entry.notes
              ? t("amendment.notes", { from: text(entry.notes.from), to: text(entry.notes.to) })
              : null,
          ]
            .filter(Boolean)
            .join(t("amendment.separator"))}
        </li>
      ))}
      {diff.recommendation ? (
        <li>
          {t("amendment.recommendation", {
            from: t(RECOMMENDATION_KEYS[diff.recommendation.from]),
            to: t(RECOMMENDATION_KEYS[diff.recommendation.to]),
          })}
        </li>
      ) : null}
      {diff.summary ? (
        <li className="whitespace-pre-line">
          {t("amendment.summary", { from: text(diff.summary.from), to: text(diff.summary.to) })}
        </li>
      ) : null}
    </ul>
  );
}

import { Card } from "~/components/ui/page";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { FeedbackRelease } from "~/modules/feedback/release";

type SelfAssessment = {
  id: string;
  ratings: Record<string, { rating: number | null; notes: string }>;
} | null;

/**
 * What a reader is shown of a person's feedback (release.ts): every answer with its author for the
 * manager, beside the person's own self-assessment; anonymous answers, a summary or an aggregate
 * for everyone else. Nothing dated is shown.
 */
export function FeedbackReleaseView({
  release,
  competencyName,
  selfAssessment,
}: {
  release: FeedbackRelease;
  competencyName: Record<string, string>;
  selfAssessment: SelfAssessment;
}) {
  const { t } = useTranslation("feedback");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const name = (id: string) => competencyName[id] ?? id;
  if (release.view === "none") return null;
  if (release.view === "named") {
    const answered = release.competencies.filter((competency) => competency.answers.length);
    if (!answered.length) return <p className="text-sm">{t("release.noAnswers")}</p>;
    return (
      <div className="space-y-4">
        {answered.map((competency) => {
          const self = selfAssessment?.ratings[competency.competencyId];
          return (
            <Card key={competency.competencyId}>
              <h3 className="font-semibold">{name(competency.competencyId)}</h3>
              {self ? (
                <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
                  {self.rating === null
                    ? t("release.selfNotRated")
                    : t("release.selfRating", { rating: f.number(self.rating) })}
                  {self.notes ? ` — ${self.notes}` : ""}
                </p>
              ) : null}
              <ul className="space-y-2">
                {competency.answers.map((answer) => (
                  <li key={answer.authorId} className="text-sm">
                    <span className="font-medium">
                      {common("list.labelled", {
                        label:
                          answer.rating !== null
                            ? `${answer.authorName} (${answer.rating})`
                            : answer.authorName,
                      })}
                    </span>{" "}
                    <span className="whitespace-pre-line">{answer.example}</span>
                  </li>
                ))}
              </ul>
            </Card>
          );
        })}
      </div>
    );
  }
  const { release: anonymous } = release;
  if (!anonymous.released)
    return <p className="text-sm">{t("release.tooFew", { floor: anonymous.floor })}</p>;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        {anonymous.authors !== null ? `${t("release.authors", { count: anonymous.authors })} ` : ""}
        {t("release.groups", { floor: anonymous.floor })}
      </p>
      {anonymous.competencies.map((competency) => (
        <Card key={competency.competencyId}>
          <h3 className="font-semibold">{name(competency.competencyId)}</h3>
          {!competency.shown ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">{t("release.notShown")}</p>
          ) : (
            <>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {competency.averageRating === null
                  ? t("release.answers", { count: competency.count ?? 0 })
                  : t("release.answersWithAverage", {
                      count: competency.count ?? 0,
                      average: f.number(competency.averageRating, 1),
                    })}
              </p>
              {competency.answers.length ? (
                <ul className="mt-2 list-disc space-y-1 ps-5 text-sm">
                  {competency.answers.map((answer, index) => (
                    <li key={index} className="whitespace-pre-line">
                      {answer.example}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </Card>
      ))}
    </div>
  );
}

import { useTranslation } from "~/i18n/use-translation";
import { Card } from "~/components/ui/page";
import {
  lacksEvidence,
  type LadderContext,
  type RatedCompetency,
} from "~/modules/assessments/assessment-view";
import { NEXT_LEVEL_MARK_KEYS } from "~/modules/assessments/draft";
import { AssessmentEvidenceList } from "./assessment-evidence";
import { RichText } from "~/components/ui/rich-text";

const markTones = {
  met: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  partly: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  "not-met": "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
} as const;

function RatingBadge({
  competency,
  scaleSize,
}: {
  competency: RatedCompetency;
  scaleSize: number;
}) {
  const { t } = useTranslation("assessments");
  if (competency.rating === null)
    return <span className="text-sm text-slate-500 dark:text-slate-400">{t("read.notRated")}</span>;
  return (
    <span className="rounded-md bg-brand-50 px-2 py-0.5 text-sm font-semibold text-brand-700 dark:bg-slate-800 dark:text-white">
      {competency.ratingLabel}
      <span className="sr-only">
        {" "}
        {t("read.ratingOnScale", { rating: competency.rating, size: scaleSize })}
      </span>
    </span>
  );
}

/** One assessment, read only: rating, notes, dated evidence and next-level marks per competency, then the summary. */
export function AssessmentReadView({
  ladder,
  competencies,
  summary,
}: {
  ladder: LadderContext;
  competencies: RatedCompetency[];
  summary: string;
}) {
  const { t } = useTranslation("assessments");
  const withoutEvidence = competencies.filter(lacksEvidence).length;
  return (
    <div className="space-y-4">
      {withoutEvidence ? (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          {t("read.withoutEvidence", { count: withoutEvidence })}
        </p>
      ) : null}
      {competencies.map((competency) => (
        <section
          key={competency.id}
          id={competency.id}
          aria-labelledby={`${competency.id}-name`}
          className="break-inside-avoid"
        >
          <Card>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`${competency.id}-name`} className="text-lg font-semibold">
                {competency.name}
              </h2>
              <div className="flex items-center gap-2">
                <RatingBadge competency={competency} scaleSize={ladder.scale.length} />
                {lacksEvidence(competency) ? (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                    {t("read.noEvidenceBadge")}
                  </span>
                ) : null}
              </div>
            </div>
            <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              {competency.areaName}
            </p>

            <h3 className="mt-3 text-sm font-semibold">{t("read.notes")}</h3>
            {competency.notes ? (
              <p className="mt-1 whitespace-pre-wrap text-sm">{competency.notes}</p>
            ) : (
              <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{t("read.noNotes")}</p>
            )}

            <h3 className="mt-3 text-sm font-semibold">{t("read.evidence")}</h3>
            <div className="mt-1">
              {competency.evidence.length ? (
                <AssessmentEvidenceList evidence={competency.evidence} />
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">{t("read.noEvidence")}</p>
              )}
            </div>

            {ladder.nextLevel && competency.nextExpectations.length ? (
              <>
                <h3 className="mt-3 text-sm font-semibold">
                  {t("read.towards", { level: ladder.nextLevel.title })}
                </h3>
                <ul className="mt-1 space-y-1.5 text-sm">
                  {competency.nextExpectations.map((expectation, index) => {
                    const mark = competency.marks[String(index)];
                    return (
                      <li key={index} className="flex items-start justify-between gap-3">
                        <RichText text={expectation.text} inline />
                        <span
                          className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${mark ? markTones[mark] : "text-slate-500 dark:text-slate-400"}`}
                        >
                          {t(mark ? NEXT_LEVEL_MARK_KEYS[mark] : "marks.none")}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </Card>
        </section>
      ))}
      <Card>
        <h2 className="text-lg font-semibold">{t("read.summary")}</h2>
        {summary ? (
          <p className="mt-2 whitespace-pre-wrap text-sm">{summary}</p>
        ) : (
          <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">{t("read.noSummary")}</p>
        )}
      </Card>
    </div>
  );
}

import { useTranslation } from "~/i18n/use-translation";
import { QuestionGuide } from "~/components/ladders/question-guide";
import { RichText } from "~/components/ui/rich-text";
import { useFormats } from "~/i18n/use-formats";
import type { InterviewKit } from "~/modules/hiring/kit";

const MATCH_KEYS = {
  "every-level": "kit.match.everyLevel",
  level: "kit.match.level",
  equivalent: "kit.match.equivalent",
} as const;

/**
 * A stage's interview kit: per competency, what the level expects, the questions that suit it with
 * their follow-ups and what good answers show, and the meaning of each score. The same on screen,
 * on the scorecard page and on paper.
 */
export function KitView({
  kit,
  headingLevel = 2,
  scores = true,
}: {
  kit: InterviewKit;
  headingLevel?: 2 | 3;
  /** False beside a scorecard form, whose choices already say what each score means. */
  scores?: boolean;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const { t } = useTranslation("hiring");
  const f = useFormats();
  return (
    <div className="space-y-6">
      {kit.competencies.map((competency) => (
        <section
          key={competency.competencyId}
          aria-labelledby={`kit-${competency.competencyId}`}
          className="break-inside-avoid-page rounded-md border border-slate-200 p-4 dark:border-slate-700 print:border-slate-400"
        >
          <H id={`kit-${competency.competencyId}`} className="text-lg font-semibold">
            {competency.name}
          </H>
          <RichText
            text={competency.description}
            className="mt-1 text-sm text-slate-600 dark:text-slate-300 print:text-black"
          />
          {competency.expectations.length ? (
            <>
              <Sub className="mt-3 text-sm font-semibold">
                {competency.target !== null
                  ? t("kit.expectsWithBar", { bar: competency.target })
                  : t("kit.expects")}
              </Sub>
              <ul className="list-disc ps-5 text-sm">
                {/* Keyed by position: a list may repeat a statement's words (a warning, not an error). */}
                {competency.expectations.map((expectation, index) => (
                  <li key={index}>
                    <RichText text={expectation.text} inline />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Sub className="mt-3 text-sm font-semibold">{t("kit.questions")}</Sub>
          {competency.questions.length ? (
            <ol className="mt-1 space-y-3">
              {competency.questions.map((question, index) => (
                <li key={index} className="text-sm">
                  <RichText text={question.text} className="font-medium" />
                  <p className="text-xs text-slate-500 dark:text-slate-400 print:text-black">
                    {t(MATCH_KEYS[question.match])}
                  </p>
                  <QuestionGuide
                    question={question}
                    Heading="p"
                    headingClass="text-xs font-semibold uppercase tracking-wide"
                    className="mt-1 grid gap-3 md:grid-cols-2 print:grid-cols-2"
                  />
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm italic">{t("kit.noQuestion")}</p>
          )}
          {scores ? (
            <>
              <Sub className="mt-3 text-sm font-semibold">{t("kit.scores")}</Sub>
              <dl className="mt-1 space-y-1 text-sm">
                {competency.anchors.map((anchor) => (
                  <div
                    key={anchor.value}
                    className="grid gap-1 md:grid-cols-[9rem_1fr] print:grid-cols-[9rem_1fr]"
                  >
                    <dt className="font-medium">
                      {anchor.value}. {anchor.label}
                    </dt>
                    <dd>
                      <RichText text={anchor.meaning} inline />
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
        </section>
      ))}
      {kit.unknown.length ? (
        <p className="text-sm">{t("kit.unknown", { competencies: f.list(kit.unknown) })}</p>
      ) : null}
    </div>
  );
}

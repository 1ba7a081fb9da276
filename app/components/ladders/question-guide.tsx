import { RichText } from "~/components/ui/rich-text";
import { useTranslation } from "~/i18n/use-translation";

/**
 * An interview question's follow-ups and what good answers show, side by side (the ladder's
 * competency page and the printed interview kit).
 */
export function QuestionGuide({
  question,
  Heading,
  headingClass,
  className,
}: {
  question: { followUps: readonly string[]; lookFor: readonly string[] };
  Heading: "h3" | "h4" | "p";
  headingClass: string;
  className: string;
}) {
  const { t } = useTranslation("ladders");
  return (
    <div className={className}>
      {(
        [
          [t("competency.interview.followUps"), question.followUps],
          [t("competency.interview.lookFor"), question.lookFor],
        ] as const
      ).map(([title, texts]) => (
        <div key={title}>
          <Heading className={headingClass}>{title}</Heading>
          <ul className="list-disc pl-5">
            {texts.map((text) => (
              <li key={text}>
                <RichText text={text} inline />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

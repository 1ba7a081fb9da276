import { LadderText, SourceMark, useSourceLanguage } from "~/components/ladders/source-texts";
import { wordsOf } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { planItemName } from "~/modules/growth/profile-plan";

/**
 * A growth plan's level or competency by its ladder name, marked as the ladder pages mark a text
 * the reader's translation lacks (inside a `SourceTextsProvider` given the plan's `sourceTexts`).
 */
export function PlanItemName({ item }: { item: { name: string; earlier: boolean } }) {
  const { t } = useTranslation("growth");
  const lang = useSourceLanguage(item.name);
  if (!item.earlier) return <LadderText text={item.name} />;
  return (
    <>
      {wordsOf(t, planItemName(item))}
      {lang ? <SourceMark /> : null}
    </>
  );
}

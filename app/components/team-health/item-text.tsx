import type { TFunction } from "i18next";
import { UntranslatedMark } from "~/components/ladders/source-texts";
import { useTranslation } from "~/i18n/use-translation";
import type { ItemKey } from "~/modules/team-health/items";
import type { ShownOwnItem } from "~/modules/team-health/own-items";

/** An own item's words by key, as the service worded them for the reader (decision 123). */
export type OwnWords = Readonly<Record<string, ShownOwnItem>>;

/** An item's words as plain text (an option's label, a message's argument). */
export function itemWords(t: TFunction<"teamHealth">, item: string, own: OwnWords): string {
  return own[item]?.text ?? t(`items.${item as ItemKey}`);
}

/**
 * An item's words: Edmondson's and the library's from the messages; an organisation's own as it was
 * written, in the reader's language when it was written in it, else in the language it was
 * written in and marked so, as a ladder text without a translation is.
 */
export function ItemText({ item, own }: { item: string; own: OwnWords }) {
  const { t } = useTranslation("teamHealth");
  const shown = own[item];
  if (!shown) return <>{t(`items.${item as ItemKey}`)}</>;
  if (shown.lang === null) return <span dir="auto">{shown.text}</span>;
  return (
    <>
      <span lang={shown.lang} dir="auto">
        {shown.text}
      </span>
      <UntranslatedMark label={t("own.mark")} title={t("own.markTitle")} />
    </>
  );
}

/** Whether an item is worded negatively (reverse-scored): Edmondson's three, or an own item that says so. */
export function isReversedItem(item: string, own: OwnWords, reversed: ReadonlySet<string>) {
  return own[item]?.reversed ?? reversed.has(item);
}

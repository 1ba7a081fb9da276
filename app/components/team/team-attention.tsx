import { wordsOf } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { AttentionFlag, AttentionKind } from "~/modules/cycles/cycle-progress";

const ICON: Record<AttentionKind, string> = {
  "self-not-started": "⏳",
  "manager-not-started": "⏳",
  disagreement: "⇅",
  "thin-evidence": "∅",
};

/** The reasons a person needs attention, in words (the symbols are decoration). */
export function TeamAttention({ flags }: { flags: AttentionFlag[] }) {
  const { t } = useTranslation("team");
  if (!flags.length) return <span className="muted text-sm">{t("attention.nothing")}</span>;
  return (
    <ul className="space-y-1">
      {flags.map((flag) => (
        <li key={flag.kind} className="attention">
          <span aria-hidden="true">{ICON[flag.kind]}</span>
          {wordsOf(t, flag.message)}
        </li>
      ))}
    </ul>
  );
}

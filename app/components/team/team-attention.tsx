import type { AttentionFlag, AttentionKind } from "~/modules/cycles/cycle-progress";

const ICON: Record<AttentionKind, string> = {
  "self-not-started": "⏳",
  "manager-not-started": "⏳",
  disagreement: "⇅",
  "thin-evidence": "∅",
};

/** The reasons a person needs attention, in words (the symbols are decoration). */
export function TeamAttention({ flags }: { flags: AttentionFlag[] }) {
  if (!flags.length) return <span className="text-sm text-slate-500 dark:text-slate-400">Nothing to follow up</span>;
  return (
    <ul className="space-y-1">
      {flags.map((flag) => (
        <li key={flag.kind} className="flex items-start gap-1.5 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <span aria-hidden="true">{ICON[flag.kind]}</span>
          {flag.label}
        </li>
      ))}
    </ul>
  );
}

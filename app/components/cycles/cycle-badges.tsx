import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { CycleStatus, ParticipantState } from "~/modules/cycles/cycle-progress";

/** One colour per participant state, shared by the progress bar, its legend and the badges (app/tailwind.css). */
export const STATE_SWATCH: Record<ParticipantState, string> = {
  "not-started": "swatch-not-started",
  "self-draft": "swatch-self-draft",
  "self-submitted": "swatch-self-submitted",
  "manager-draft": "swatch-manager-draft",
  "manager-submitted": "swatch-manager-submitted",
};

/** A participant's state in words, with its colour (a page of participants has one on every row, so its classes are named once in app/tailwind.css). */
export function StateBadge({ state }: { state: ParticipantState }) {
  const { t } = useTranslation("cycles");
  return (
    <span className={`badge badge-${state}`}>
      <span aria-hidden="true" className={`size-2 rounded-full swatch-${state}`} />
      {t(`states.${state}`)}
    </span>
  );
}

const STATUS_BADGE: Record<CycleStatus, string> = {
  upcoming: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  open: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  overdue: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  closed: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useTranslation("cycles");
  return <span className={`badge ${STATUS_BADGE[status]}`}>{t(`status.${status}`)}</span>;
}

/** Cycle days are stored as UTC midnights, so they are shown in UTC to keep the day the admin chose. */
export function CycleDates({ startsOn, endsOn }: { startsOn: Date; endsOn: Date }) {
  const f = useFormats();
  return (
    <span className="whitespace-nowrap tabular-nums">
      <time dateTime={startsOn.toISOString().slice(0, 10)}>{f.day(startsOn)}</time>
      {" – "}
      <time dateTime={endsOn.toISOString().slice(0, 10)}>{f.day(endsOn)}</time>
    </span>
  );
}

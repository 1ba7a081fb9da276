import { CYCLE_STATUS_LABELS, STATE_LABELS, type CycleStatus, type ParticipantState } from "~/modules/cycles/cycle-progress";

/** One colour per participant state, shared by the progress bar, its legend and the badges. */
export const STATE_SWATCH: Record<ParticipantState, string> = {
  "not-started": "bg-slate-300 dark:bg-slate-600",
  "self-draft": "bg-amber-300 dark:bg-amber-700",
  "self-submitted": "bg-sky-400 dark:bg-sky-600",
  "manager-draft": "bg-indigo-300 dark:bg-indigo-700",
  "manager-submitted": "bg-emerald-500 dark:bg-emerald-600",
};

const STATE_BADGE: Record<ParticipantState, string> = {
  "not-started": "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  "self-draft": "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  "self-submitted": "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  "manager-draft": "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100",
  "manager-submitted": "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
};

const badgeClass = "inline-flex items-center gap-1.5 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium";

export function StateBadge({ state }: { state: ParticipantState }) {
  return (
    <span className={`${badgeClass} ${STATE_BADGE[state]}`}>
      <span aria-hidden="true" className={`size-2 rounded-full ${STATE_SWATCH[state]}`} />
      {STATE_LABELS[state]}
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
  return <span className={`${badgeClass} ${STATUS_BADGE[status]}`}>{CYCLE_STATUS_LABELS[status]}</span>;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Cycle days are stored as UTC midnights, so they are shown in UTC to keep the day the admin chose. */
export function CycleDates({ startsOn, endsOn }: { startsOn: Date; endsOn: Date }) {
  return (
    <span className="whitespace-nowrap tabular-nums">
      <time dateTime={startsOn.toISOString().slice(0, 10)}>{dayFormat.format(startsOn)}</time>
      {" – "}
      <time dateTime={endsOn.toISOString().slice(0, 10)}>{dayFormat.format(endsOn)}</time>
    </span>
  );
}

export function formatDay(date: Date): string {
  return dayFormat.format(date);
}

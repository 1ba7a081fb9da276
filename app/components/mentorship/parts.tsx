import { NavLink } from "react-router";
import { formatDay } from "~/modules/days";
import { PAIR_STATUS_LABELS, type PairStatus } from "~/modules/mentorship/lifecycle";

export { formatDay };

export const fitText = (fit: number) => fit.toFixed(2);

const statusTones: Record<PairStatus, string> = {
  proposed: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  offered: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  declined: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  ended: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
};

export function PairStatusBadge({ status }: { status: string }) {
  const known = status in statusTones ? (status as PairStatus) : "proposed";
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${statusTones[known]}`}>{PAIR_STATUS_LABELS[known]}</span>;
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"}`;

/** The admin's pages of a programme. */
export function ProgrammeTabs({ programmeId }: { programmeId: string }) {
  const base = `/mentorship/${programmeId}`;
  return (
    <nav aria-label="Programme" className="mb-6 flex flex-wrap gap-2">
      <NavLink to={base} end className={tabClass}>
        Overview
      </NavLink>
      <NavLink to={`${base}/settings`} className={tabClass}>
        Settings
      </NavLink>
      <NavLink to={`${base}/matching`} className={tabClass}>
        Matching
      </NavLink>
      <NavLink to={`${base}/report`} className={tabClass}>
        Report
      </NavLink>
    </nav>
  );
}

/** A fit factor as explained to the viewer: its figures only for those who may see them (programme admins, the mentee). */
type Factor = { factor: string; text: string; figures?: { raw: number; weight: number; contribution: number } };

const FACTOR_NAMES: Record<string, string> = { goals: "Goals", "cross-team": "Another team", level: "Level" };

/** Why a pair scored as it did, factor by factor; `figures` false leaves out the numbers (for a mentor, whom the goal gaps would tell about the mentee's reviews). */
export function FactorList({ factors }: { factors: readonly Factor[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {factors.map(({ factor, text, figures }) => (
        <li key={factor}>
          <span className="font-medium">{FACTOR_NAMES[factor] ?? factor}</span>
          {/* Each part one string: a page of pairs has 75 of these lines. */}
          {figures ? <span className="subtle tabular-nums">{` ${figures.raw.toFixed(2)} × ${figures.weight} = ${figures.contribution.toFixed(2)}`}</span> : null}
          {`: ${text}`}
        </li>
      ))}
    </ul>
  );
}

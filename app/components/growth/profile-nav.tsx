import { NavLink } from "@remix-run/react";
import { possessive } from "~/utils/possessive";

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
    isActive ? "bg-slate-900 text-white dark:bg-white dark:text-slate-900" : "text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
  }`;

/** The tabs of a person's growth pages. */
export function ProfileNav({ personId, personName }: { personId: string; personName: string }) {
  const base = `/people/${personId}`;
  return (
    <nav aria-label={`${possessive(personName)} growth`} className="no-print mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-3 dark:border-slate-800">
      <NavLink to={base} end className={tabClass}>
        Overview
      </NavLink>
      <NavLink to={`${base}/gap`} className={tabClass}>
        Gap analysis
      </NavLink>
      <NavLink to={`${base}/history`} className={tabClass}>
        History
      </NavLink>
      <NavLink to={`${base}/print`} className={tabClass}>
        Print view
      </NavLink>
    </nav>
  );
}

/** "Engineer II · Individual contributor · Checkout · Manager: Sam Okafor" */
export function profileDescription(person: { levelTitle: string | null; trackName: string | null; teamName: string | null; managerName: string | null }) {
  return [
    person.levelTitle ?? "No level",
    person.trackName,
    person.teamName,
    person.managerName ? `Manager: ${person.managerName}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDate(date: Date | string | null | undefined): string {
  return date ? dateFormat.format(new Date(date)) : "";
}

import { NavLink } from "react-router";
import { possessive } from "~/utils/possessive";

/** A tab's classes (app/tailwind.css): the current one is marked by NavLink's aria-current. */
const tabClass = "tab";

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

import { Link } from "react-router";
import { formatDateTime } from "~/modules/time-zones";

export const linkClass = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A stored time on the reader's clock, the zone named; "not scheduled" when there is none. */
export function formatInstant(iso: string | null, timeZone: string): string {
  return iso ? formatDateTime(iso, timeZone) : "not scheduled";
}

export function formatDate(iso: string | null): string {
  return iso ? dateOnly.format(new Date(iso)) : "";
}

/** The links between the hiring pages for hiring admins. */
export function HiringNav({ canSeeStatistics, isAdmin }: { canSeeStatistics: boolean; isAdmin: boolean }) {
  if (!canSeeStatistics) return null;
  return (
    <nav aria-label="Hiring" className="no-print mb-6 flex flex-wrap gap-4 text-sm">
      <Link to="/hiring" className={linkClass}>
        Openings and interviews
      </Link>
      <Link to="/hiring/stats" className={linkClass}>
        Interviewer and panel statistics
      </Link>
      <Link to="/hiring/validity" className={linkClass}>
        Validity of interview scores
      </Link>
      {isAdmin ? (
        <Link to="/hiring/settings" className={linkClass}>
          Candidate retention
        </Link>
      ) : null}
    </nav>
  );
}

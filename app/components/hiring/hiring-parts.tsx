import { Link } from "@remix-run/react";

export const linkClass = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A stored time, the same on the server and in the browser (UTC). */
export function formatDateTime(iso: string | null): string {
  return iso ? `${dateTime.format(new Date(iso))} UTC` : "not scheduled";
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

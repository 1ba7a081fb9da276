import { Link } from "react-router";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {/* A <div>, as a description may hold ladder text in paragraphs or a list. */}
        {description ? (
          <div className="mt-1 max-w-3xl text-slate-600 dark:text-slate-300">{description}</div>
        ) : null}
      </div>
      {actions ? <div className="no-print flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <section className={className ? `card ${className}` : "card"}>{children}</section>;
}

export function Alert({
  tone = "info",
  children,
  title,
}: {
  tone?: "info" | "error" | "success" | "warning";
  title?: ReactNode;
  children?: ReactNode;
}) {
  const tones = {
    info: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100",
    error:
      "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100",
    success:
      "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100",
    warning:
      "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  };
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded-md border px-4 py-3 text-sm ${tones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children}
    </div>
  );
}

/** The way back to a parent page, above the title (not printed). */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="no-print mb-2 text-sm">
      <Link to={to} className="text-brand-600 hover:underline dark:text-brand-100">
        {/* Back points to where a line starts: left in English, right in Arabic. */}
        <span className="inline-block rtl:-scale-x-100">←</span> {children}
      </Link>
    </p>
  );
}

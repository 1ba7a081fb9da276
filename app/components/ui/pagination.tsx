import { useTranslation } from "~/i18n/use-translation";
import { Link, useLocation } from "react-router";

function pageHref(pathname: string, search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

const linkClass =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/**
 * Previous/next links that keep the current filters in the query string. `pageCount` null: a list
 * counted only so far (past a count's cap), followed page by page while `hasNext` says one follows.
 */
export function Pagination({
  page,
  pageCount,
  hasNext = false,
  label,
}: {
  page: number;
  pageCount: number | null;
  hasNext?: boolean;
  label?: string;
}) {
  const { pathname, search } = useLocation();
  const { t } = useTranslation();
  const next = pageCount === null ? hasNext : page < pageCount;
  if (pageCount !== null && pageCount <= 1) return null;
  return (
    <nav
      aria-label={label ?? t("pagination.label")}
      className="mt-4 flex items-center justify-between gap-2"
    >
      {page > 1 ? (
        <Link to={pageHref(pathname, search, page - 1)} className={linkClass} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-600 dark:text-slate-300" aria-current="page">
        {pageCount === null
          ? t("pagination.pageOnly", { page })
          : t("pagination.page", { page, pageCount })}
      </p>
      {next ? (
        <Link to={pageHref(pathname, search, page + 1)} className={linkClass} rel="next">
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

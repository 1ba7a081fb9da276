import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/use-translation";
import { Link, isRouteErrorResponse, useRouteError } from "react-router";

function messageOf(
  error: unknown,
  t: TFunction,
): { status: number | null; title: string; detail: string } {
  if (isRouteErrorResponse(error)) {
    // A domain error's message was worded in the request's language where the route mapped it
    // (app/utils/http.server.ts). Anything else the framework says (an address no route matches:
    // 'Error: No route matches URL "/x"') is neither the reader's words nor meant for them.
    const detail =
      typeof error.data === "object" && error.data && "message" in error.data
        ? String((error.data as { message: unknown }).message)
        : error.status === 404
          ? t("errorPage.noPage")
          : "";
    const titles: Record<number, string> = {
      400: t("errorPage.badRequest"),
      403: t("errorPage.forbidden"),
      404: t("errorPage.notFound"),
      503: t("errorPage.unavailable"),
    };
    return {
      status: error.status,
      title: titles[error.status] ?? error.statusText ?? t("errorPage.somethingWentWrong"),
      detail,
    };
  }
  return {
    status: null,
    title: t("errorPage.somethingWentWrong"),
    detail: t("errorPage.unexpected"),
  };
}

/** The one error view every route's ErrorBoundary renders. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { status, title, detail } = messageOf(error, t);
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      {status ? (
        <p className="text-sm font-semibold text-brand-600 dark:text-brand-100">{status}</p>
      ) : null}
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      {detail ? <p className="mt-3 text-slate-600 dark:text-slate-300">{detail}</p> : null}
      <p className="mt-6">
        <Link to="/" className="text-brand-600 underline dark:text-brand-100">
          {t("errorPage.home")}
        </Link>
      </p>
    </div>
  );
}

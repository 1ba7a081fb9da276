import { Link, isRouteErrorResponse, useRouteError } from "react-router";

function messageOf(error: unknown): { status: number | null; title: string; detail: string } {
  if (isRouteErrorResponse(error)) {
    const detail =
      typeof error.data === "object" && error.data && "message" in error.data ? String((error.data as { message: unknown }).message) : String(error.data ?? "");
    const titles: Record<number, string> = { 400: "That request was not valid", 403: "Not allowed", 404: "Not found", 503: "Not available right now" };
    return { status: error.status, title: titles[error.status] ?? error.statusText ?? "Something went wrong", detail };
  }
  return { status: null, title: "Something went wrong", detail: "An unexpected error happened. It has been logged; please try again." };
}

/** The one error view every route's ErrorBoundary renders. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { status, title, detail } = messageOf(error);
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      {status ? <p className="text-sm font-semibold text-brand-600 dark:text-brand-100">{status}</p> : null}
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      {detail ? <p className="mt-3 text-slate-600 dark:text-slate-300">{detail}</p> : null}
      <p className="mt-6">
        <Link to="/" className="text-brand-600 underline dark:text-brand-100">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}

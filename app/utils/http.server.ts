import { data, redirect, type RouterContextProvider } from "react-router";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { blankSessionCookie } from "~/modules/identity/sessions/session.server";
import { DomainError, SignInRequiredError, type DomainErrorKind } from "~/modules/errors";
import { safeRedirectPath } from "~/utils/redirect-target";

/**
 * The one place where domain errors (app/modules/errors.ts) become HTTP answers. Every
 * loader and action that calls a domain module is wrapped in `withDomainErrors` (pages)
 * or `jsonEndpoint` (the JSON endpoints); anything that is not a domain error is
 * rethrown untouched, so React Router still logs it and shows a 500.
 */
const STATUS: Record<DomainErrorKind, { status: number; statusText: string }> = {
  "not-found": { status: 404, statusText: "Not Found" },
  forbidden: { status: 403, statusText: "Forbidden" },
  invalid: { status: 400, statusText: "Bad Request" },
  conflict: { status: 409, statusText: "Conflict" },
  unavailable: { status: 503, statusText: "Service Unavailable" },
};

/** What a route function is given that mapping its errors needs: its address, and its request's language. */
type MappedArgs = { url: URL; context?: Readonly<RouterContextProvider> };

/** A domain error's message in the request's language. */
function sayError(error: DomainError, args: MappedArgs): string {
  return wordsOf(translatorOf(args.context), error.said);
}

/**
 * To the sign-in page, coming back here afterwards; the dead session's cookie is cleared. The
 * address is React Router's normalised one (a page's `.data` request comes back to the page).
 */
function signInRedirect(url: URL): Response {
  const redirectTo = safeRedirectPath(url.pathname + url.search);
  const params = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
  return redirect(`/login${params}`, { headers: { "Set-Cookie": blankSessionCookie() } });
}

/** A loader or action whose domain errors are thrown as `{ message }` with their status, for the ErrorBoundary. */
export function withDomainErrors<Args extends MappedArgs, Result>(
  handler: (args: Args) => Promise<Result>,
) {
  return async (args: Args): Promise<Result> => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof SignInRequiredError) throw signInRedirect(args.url);
      if (error instanceof DomainError)
        throw data({ message: sayError(error, args) }, STATUS[error.kind]);
      throw error;
    }
  };
}

/**
 * A form action whose refusals are said on its page, beside the form the person sent, rather than
 * as an error page over it: a domain error is answered as `{ intent, ...onPage(form), error, kind }`
 * with its kind's status (403, 400, 409, 503): the form's `intent` says which form it came from, and
 * `onPage` gives back anything else the page needs to show it there (what was typed). A record that is not there, or not the viewer's to know of,
 * stays the 404 page.
 */
export function withFormRefusals<
  Args extends MappedArgs & { request: Request },
  Result,
  Shown extends object = Record<never, never>,
>(
  handler: (args: Args, form: FormData) => Promise<Result>,
  onPage?: (form: FormData, args: Args) => Shown | Promise<Shown>,
) {
  return withDomainErrors(async (args: Args) => {
    const form = await formOf(args.request);
    try {
      return await handler(args, form);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === "not-found") throw error;
      const shown = (await onPage?.(form, args)) as Shown;
      return data(
        {
          intent: String(form.get("intent") ?? ""),
          ...shown,
          error: sayError(error, args),
          kind: error.kind,
        },
        STATUS[error.kind],
      );
    }
  });
}

/**
 * The autosave and evidence endpoints answer JSON to plain `fetch` calls (not React Router
 * fetchers, whose failures would replace the page with the error boundary): the
 * handler gives a status and body, and a domain error becomes
 * `{ ok: false, kind: "error", message }` with its status.
 */
export function jsonEndpoint<Args extends MappedArgs>(
  handler: (args: Args) => Promise<{ status: number; body: unknown }>,
) {
  return async (args: Args): Promise<Response> => {
    try {
      const { status, body } = await handler(args);
      return Response.json(body, { status });
    } catch (error) {
      if (error instanceof SignInRequiredError) throw signInRedirect(args.url);
      if (error instanceof DomainError)
        return Response.json(
          { ok: false, kind: "error", message: sayError(error, args) },
          { status: STATUS[error.kind].status },
        );
      throw error;
    }
  };
}

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * The form a page's action was sent. A body of another kind (no browser's form sends one) is the
 * client's mistake: a 400, never the 500 of a body that cannot be read as a form.
 */
export async function formOf(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get("Content-Type") ?? ""))
    throw data(null, { status: 400 });
  return request.formData();
}

/**
 * Reads a JSON request body, or undefined when there is none or it is not valid JSON (a body of
 * `null` is JSON, read as null): the drafts' save endpoints, the API and SCIM read bodies this way.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** A CSV download: attachment, never cached, never sniffed as something else. */
export function csvResponse(filename: string, body: BodyInit): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A zip download (a person's export): attachment, never cached anywhere, never sniffed as something else. */
export function zipResponse(filename: string, body: Uint8Array): Response {
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(body.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

import type { NextFunction, Request, Response } from "express";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one path other sites may post to: one-click unsubscribe (RFC 8058), which mail
 * providers post on a person's behalf. It needs no session; its signed token names the
 * one choice it changes (app/routes/unsubscribe.tsx).
 */
const OPEN_TO_OTHER_SITES = new Set(["/unsubscribe"]);

export const CROSS_SITE_MESSAGE = "Rungs refused this request because it came from another site. Open Rungs and make the change from its own pages.";

/**
 * Refuses every request that could change something (anything but GET, HEAD and
 * OPTIONS) when the browser says it was sent by another site, for every route at once.
 * SameSite=Lax keeps the session cookie off cross-site POSTs today, but that is one
 * cookie attribute away from a forged review or a changed role, and it does nothing for
 * a sibling subdomain (same site, other origin).
 *
 * Browsers send Origin with every POST, so that is what is compared: scheme, host and
 * port must be the ones this request was sent to, as Express sees them (behind a
 * trusted proxy, X-Forwarded-Proto and X-Forwarded-Host; see TRUST_PROXY). `Origin: null`
 * (sandboxed frames, opaque redirects) is not ours. Without Origin, Sec-Fetch-Site must
 * not say `cross-site` or `same-site`. A request with neither header (curl, scripts,
 * tests) did not come from a browser page and passes.
 */
export function refuseCrossSiteWrites() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (READS.has(req.method) || OPEN_TO_OTHER_SITES.has(req.path) || !isCrossSite(req)) return next();
    res.status(403).type("text/plain").send(CROSS_SITE_MESSAGE);
  };
}

function isCrossSite(req: Request): boolean {
  const origin = req.get("Origin");
  if (origin !== undefined) return !isOwnOrigin(origin, req) || !matchesForwardedHost(origin, req);
  const site = req.get("Sec-Fetch-Site");
  return site === "cross-site" || site === "same-site";
}

function isOwnOrigin(origin: string, req: Request): boolean {
  const host = requestHost(req);
  if (!host) return false;
  try {
    const given = new URL(origin);
    const own = new URL(`${req.protocol}://${host}`);
    return given.protocol === own.protocol && given.host === own.host;
  } catch {
    return false;
  }
}

/**
 * Remix refuses an action whose Origin is not the host in X-Forwarded-Host (when there is one),
 * trusted or not, and answers 500. Such a request is refused here first, with the same 403 as
 * every other cross-site write: a client that claims another host than the page it posts from.
 */
function matchesForwardedHost(origin: string, req: Request): boolean {
  const forwarded = req.get("X-Forwarded-Host")?.split(",")[0]?.trim();
  if (!forwarded) return true;
  try {
    return new URL(origin).host === forwarded;
  } catch {
    return false;
  }
}

/** Host and port the request was sent to: Express's `req.hostname` rule, keeping the port. */
function requestHost(req: Request): string | undefined {
  const trust = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  const forwarded = req.get("X-Forwarded-Host");
  if (forwarded && trust(req.socket.remoteAddress, 0)) return forwarded.split(",")[0]!.trim();
  return req.get("Host");
}

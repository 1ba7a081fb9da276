import type { NextFunction, Request, Response } from "express";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Paths other sites may post to, on purpose: one-click unsubscribe (RFC 8058), which mail
 * providers post on a person's behalf (it needs no session; its signed token names the one
 * choice it changes, app/routes/unsubscribe.tsx), and SCIM and the API, which identity providers
 * and other tools call with a bearer token, a credential no browser sends on its own.
 */
const OPEN_TO_OTHER_SITES = new Set(["/unsubscribe"]);
const OPEN_PREFIXES = ["/scim/v2/", "/api/v1/"];

const openToOtherSites = (path: string) =>
  OPEN_TO_OTHER_SITES.has(path) || OPEN_PREFIXES.some((prefix) => path.startsWith(prefix));

export const CROSS_SITE_MESSAGE =
  "Rungs refused this request because it came from another site. Open Rungs and make the change from its own pages.";

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
    if (READS.has(req.method)) return next();
    if (!openToOtherSites(req.path) && isCrossSite(req)) {
      res.status(403).type("text/plain").send(CROSS_SITE_MESSAGE);
      return;
    }
    // Decided here, once: React Router's own Origin check would refuse a post it reads as
    // foreign (any Origin on the open paths, `null`, a default port spelled out, a host in
    // capitals), so the header has done its work and goes no further.
    delete req.headers.origin;
    next();
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
 * A post whose X-Forwarded-Host (trusted or not) names another host than its Origin: a client
 * that claims another host than the page it posts from, refused like any other cross-site write.
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
  const trust = req.app.get("trust proxy fn") as (
    address: string | undefined,
    hop: number,
  ) => boolean;
  const forwarded = req.get("X-Forwarded-Host");
  if (forwarded && trust(req.socket.remoteAddress, 0)) return forwarded.split(",")[0]!.trim();
  return req.get("Host");
}

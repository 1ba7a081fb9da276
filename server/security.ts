import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * Security headers for every response; a fresh CSP nonce per request for inline scripts.
 * `formTargets` are other origins a form post may end up at: signing out of a single sign-on
 * session redirects the post to the identity provider's end-session page.
 */
export function securityHeaders({ development, formTargets = [] }: { development: boolean; formTargets?: readonly string[] }) {
  const formAction = ["'self'", ...formTargets].join(" ");
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const scriptSrc = development ? `'self' 'unsafe-inline' 'unsafe-eval'` : `'self' 'nonce-${nonce}'`;
    const connectSrc = development ? `'self' ws: wss:` : `'self'`;
    res.setHeader(
      "Content-Security-Policy",
      [
        `default-src 'self'`,
        `script-src ${scriptSrc}`,
        `style-src 'self' 'unsafe-inline'`,
        `img-src 'self' data:`,
        `font-src 'self'`,
        `connect-src ${connectSrc}`,
        `object-src 'none'`,
        `base-uri 'self'`,
        `form-action ${formAction}`,
        `frame-ancestors 'none'`,
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (!development) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * CSP nonces come from one pool of the system's secure random bytes, drawn 16 at a time and
 * refilled when spent: the same generator as randomBytes(16) per request, without a call into
 * it on every page (the way Node's randomUUID batches its entropy).
 */
const NONCE_BYTES = 16;
const POOL_NONCES = 256;
let pool = Buffer.alloc(0);
let drawn = 0;

export function freshNonce(): string {
  if (drawn + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_BYTES * POOL_NONCES);
    drawn = 0;
  }
  const nonce = pool.toString("base64", drawn, drawn + NONCE_BYTES);
  drawn += NONCE_BYTES;
  return nonce;
}

/**
 * Security headers for every response; a fresh CSP nonce per request for inline scripts.
 * `formTargets` are other origins a form post may end up at: signing out of a single sign-on
 * session redirects the post to the identity provider's end-session page.
 */
export function securityHeaders({
  development,
  formTargets = [],
}: {
  development: boolean;
  formTargets?: readonly string[];
}) {
  const formAction = ["'self'", ...formTargets].join(" ");
  const connectSrc = development ? `'self' ws: wss:` : `'self'`;
  const policy = (scriptSrc: string) =>
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
    ].join("; ");
  // Everything but the nonce is the same on every response: built once, the nonce put between.
  const [beforeNonce, afterNonce] = policy(`'self' 'nonce-\u0000'`).split("\u0000") as [
    string,
    string,
  ];
  const developmentPolicy = policy(`'self' 'unsafe-inline' 'unsafe-eval'`);
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = freshNonce();
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      development ? developmentPolicy : `${beforeNonce}${nonce}${afterNonce}`,
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (!development)
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

import type { NextFunction, Request, Response } from "express";

/**
 * Warns once when the TRUST_PROXY setting and the requests seen disagree. Behind a proxy
 * with TRUST_PROXY=0, every client has the proxy's address, so sign-in throttling by
 * account and address treats everyone as one client; with TRUST_PROXY set and no proxy in front, a
 * client chooses its own address by sending X-Forwarded-For.
 */
export function warnOnProxyMismatch(
  trustProxy: number,
  warn: (message: string) => void = (message) => console.warn(message),
) {
  let warned = false;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!warned) {
      const forwarded = req.headers["x-forwarded-for"] !== undefined;
      if (trustProxy === 0 && forwarded) {
        warned = true;
        warn(
          "Requests arrive through a proxy (X-Forwarded-For) but TRUST_PROXY is 0: every client has the proxy's address. Set TRUST_PROXY to the number of proxies in front of Rungs.",
        );
      } else if (trustProxy > 0 && !forwarded) {
        warned = true;
        warn(
          `TRUST_PROXY is ${trustProxy} but a request arrived without X-Forwarded-For: if clients reach Rungs directly, they can choose their own address. Set TRUST_PROXY=0 unless a proxy is in front.`,
        );
      }
    }
    next();
  };
}

import type { NextFunction, Request, Response } from "express";

/**
 * Everything React Router answers is personal or may be (a signed-in page, its data request,
 * a JSON endpoint, the sign-in and set-password pages, a redirect that sets a session
 * cookie), so no browser or shared cache may keep it: `Cache-Control: no-store` unless
 * the route chose its own. Mounted only in front of React Router's handler, so the static
 * files served before it keep their long caching.
 *
 * The header is decided when the head is written (React Router sets its headers first, then
 * streams the body), which is the first moment the route's own choice is known.
 */
export function noStoreByDefault() {
  return (_req: Request, res: Response, next: NextFunction) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
      if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "no-store");
      return writeHead.apply(this, args);
    } as Response["writeHead"];
    next();
  };
}

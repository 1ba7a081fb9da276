import type { NextFunction, Request, Response } from "express";

export const MiB = 1024 * 1024;

export type BodyLimits = {
  /** Bytes any request body may have. */
  limit: number;
  /** Larger limits for some paths (the CSV import, whose file is posted as form text). */
  larger?: { path: RegExp; limit: number }[];
};

export const TOO_LARGE_MESSAGE =
  "This request is too large for Rungs. If you were importing people, split the file into smaller ones.";
export const LENGTH_REQUIRED_MESSAGE = "Send the request with a Content-Length header.";

/**
 * Request bodies are limited before anything reads them: a body declaring more than its
 * path's limit is answered 413 at once and never read, so one huge upload cannot stall
 * the server or fill its memory. Node reads exactly Content-Length bytes, so the header
 * is the body's true size; a body without one (chunked) is refused with 411, as no page
 * of Rungs sends one.
 */
export function limitRequestBodies({ limit, larger = [] }: BodyLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody =
      req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;
    if (!hasBody) return next();
    const allowed = larger.find((rule) => rule.path.test(req.path))?.limit ?? limit;
    const declared = req.headers["content-length"];
    // The connection is closed after the answer, so the unread body is never read.
    const refuse = (status: number, message: string) =>
      res.status(status).set("Connection", "close").type("text/plain").send(message);
    if (declared === undefined) return refuse(411, LENGTH_REQUIRED_MESSAGE);
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0)
      return refuse(400, "The request's Content-Length is not a number of bytes.");
    if (length > allowed) return refuse(413, TOO_LARGE_MESSAGE);
    next();
  };
}

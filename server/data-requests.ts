import type { NextFunction, Request, Response } from "express";

export const DATA_PARAMETER_MESSAGE = "Rungs does not answer ?_data= requests: its pages' data is at the page's address followed by .data.";

/**
 * `?_data=` is Remix's data protocol from before single fetch, which Rungs' own pages never use.
 * Remix still answers it, after reporting each one to the app's error handler as a server error,
 * so anyone could fill the error log with it. It is a client's mistake: a 400, logged as one.
 */
export function refuseDataParameter() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.query._data === undefined) return next();
    res.status(400).type("text/plain").send(DATA_PARAMETER_MESSAGE);
  };
}

import type { NextFunction, Request, Response } from "express";

export const DATA_PARAMETER_MESSAGE =
  "Rungs does not answer ?_data= requests: its pages' data is at the page's address followed by .data.";

/**
 * `?_data=` is Remix 2's data protocol from before single fetch, which Rungs' pages never used.
 * Remix answered it after reporting each one to the app's error handler as a server error;
 * React Router ignores the parameter and would answer a whole page where the client expects
 * data. Either way it is a client's mistake: a 400 that says where a page's data is, logged as one.
 */
export function refuseDataParameter() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.query._data === undefined) return next();
    res.status(400).type("text/plain").send(DATA_PARAMETER_MESSAGE);
  };
}

import type { MiddlewareFunction } from "react-router";
import { getEnv } from "~/utils/env.server";
import { db } from "./client.server";
import { formatLsn, parseLsn } from "./read-routing";
import { withRequestReads, type RequestReads } from "./replicas.server";

/**
 * A person reads their own writes, with read replicas (decision 116). The root's middleware tracks
 * each request's reads and writes (replicas.server.ts): a request that wrote reads the primary from
 * then on, and its answer carries, in a cookie, where the primary's WAL ended after it. The
 * session's next requests, on whichever app server, read a replica only once it has replayed that
 * far; the cookie lasts ten minutes, far beyond any lag a replica worth reading from has (the
 * operations guide says what lag to alert on). Without replicas this does nothing.
 */
export const WROTE_COOKIE = "rungs-wrote";
const WROTE_SECONDS = 10 * 60;

export const readYourWrites: MiddlewareFunction<Response> = async ({ request }, next) => {
  const env = getEnv();
  if (env.replicaUrls.length === 0) return next();
  const reads: RequestReads = {
    method: request.method,
    wrote: false,
    wroteAt: parseLsn(cookieValue(request.headers.get("Cookie"), WROTE_COOKIE)),
  };
  const response = await withRequestReads(reads, next);
  if (!reads.wrote) return response;
  const rows = (await db.$queryRawUnsafe("SELECT pg_current_wal_lsn()::text AS lsn")) as {
    lsn: string;
  }[];
  const lsn = parseLsn(rows[0]?.lsn);
  if (lsn === null) return response;
  const cookie = [
    `${WROTE_COOKIE}=${formatLsn(lsn)}`,
    "Path=/",
    `Max-Age=${WROTE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(env.secureCookies ? ["Secure"] : []),
  ].join("; ");
  try {
    response.headers.append("Set-Cookie", cookie);
    return response;
  } catch {
    // An answer whose headers are fixed (Response.redirect): the same answer, with the cookie.
    const copy = new Response(response.body, response);
    copy.headers.append("Set-Cookie", cookie);
    return copy;
  }
};

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

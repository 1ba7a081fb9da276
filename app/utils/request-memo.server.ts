import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareFunction } from "react-router";

/**
 * Work shared by the loaders of one request. React Router runs the root loader and the page's
 * loaders side by side, and each asks who is signed in; within a scope they get one answer
 * from one database read. The root route's middleware opens a scope for each GET
 * (`shareLookupsWithinRequest`): no action runs in those, so nothing a loader reads can change
 * under it. Outside a scope (actions, tests calling a loader directly) every call computes afresh.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function memoForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return compute();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) memo.set(key, (value = compute()));
  return value;
}

/** The root middleware: the loaders of one page view (or its `.data` request) share one scope. */
export const shareLookupsWithinRequest: MiddlewareFunction<Response> = ({ request }, next) =>
  request.method === "GET" || request.method === "HEAD" ? scope.run(new Map(), next) : next();

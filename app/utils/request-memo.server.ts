import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Work shared by the loaders of one request. Remix runs the root loader and the page's
 * loaders side by side, and each asks who is signed in; within a scope they get one answer
 * from one database read. The server opens a scope for each GET (server/index.ts): no
 * action runs in those, so nothing a loader reads can change under it. Outside a scope
 * (actions, tests calling a loader directly) every call computes afresh.
 *
 * Kept on globalThis because the server and the built app each load their own copy of
 * this module.
 */
const globalForScope = globalThis as unknown as { rungsRequestScope?: AsyncLocalStorage<Map<string, Promise<unknown>>> };
const scope = (globalForScope.rungsRequestScope ??= new AsyncLocalStorage());

export function withRequestMemo<T>(run: () => T): T {
  return scope.run(new Map(), run);
}

export function memoForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return compute();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) memo.set(key, (value = compute()));
  return value;
}

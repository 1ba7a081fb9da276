/**
 * Work shared by the loaders of one request. React Router runs the root loader and the page's
 * loaders side by side, handing each the same Request, and each asks who is signed in; they get
 * one answer from one database read, kept with what it belongs to (the Request, or the signed-in
 * answer drawn from it) and dropped with it. Only GET and HEAD share: a form posted without
 * JavaScript runs its action and then the loaders in one request, and what the action changed must
 * be read again. A loader called on its own (in a test) computes afresh, as no one shares its Request.
 *
 * Kept beside the object rather than in an AsyncLocalStorage scope opened by a root middleware: the
 * same sharing with no scope to open around every request, and no framework feature to keep it.
 */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

const shared = (request: Request) => request.method === "GET" || request.method === "HEAD";

function memoOn<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  const memo = memos.get(owner) ?? memos.set(owner, new Map()).get(owner)!;
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) memo.set(key, (value = compute()));
  return value;
}

/** What `compute` answers for this request, worked out once for GET and HEAD. */
export function memoForRequest<T>(request: Request, key: string, compute: () => Promise<T>): Promise<T> {
  return shared(request) ? memoOn(request, key, compute) : compute();
}

/**
 * What `compute` answers about an object a request's loaders share (the signed-in answer of a GET:
 * one object for all of them), worked out once for as long as that object lives.
 */
export function memoForShared<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  return memoOn(owner, key, compute);
}

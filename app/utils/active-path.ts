/**
 * Whether a navigation link to `to` is the current page's, as a router `NavLink` decides:
 * the same path, or (unless `end`) a path under it, whole segments only and ignoring case.
 * `/people` is active on `/people/42`, not on `/peoples`; `/` only on `/` when `end`.
 */
export function isActivePath(pathname: string, to: string, end = false): boolean {
  const path = stripTrailingSlash(pathname).toLowerCase();
  const target = stripTrailingSlash(to).toLowerCase();
  if (path === target) return true;
  if (end) return false;
  return target === "/" || (path.startsWith(target) && path.charAt(target.length) === "/");
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") || "/" : path;
}

const MAX_LENGTH = 2048;
const PLACEHOLDER_ORIGIN = "http://rungs.invalid";

/**
 * Where to send someone after a form that names its own way back (`redirectTo` on
 * sign-in, the theme switch, the sign-in redirect's return path). The value comes from
 * the request, so it is only ever a path on this site, or the fallback.
 *
 * Browsers forgive a lot in a Location header: they drop tabs and newlines anywhere
 * (`/\t/evil` becomes `//evil`), strip leading spaces and control characters, and read
 * `\` as `/`, so a value that merely starts with one slash is not enough. A value with
 * any of those characters is refused outright; what is left is resolved as a URL on a
 * placeholder origin (resolving `.` and `..`, percent-encoding what a header cannot
 * carry) and kept only if it is still a path on that origin and not `//…` afterwards
 * (`/..//evil` resolves to `//evil`).
 */
export function safeRedirectPath(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/",
): string {
  if (typeof to !== "string" || to.length > MAX_LENGTH || !to.startsWith("/")) return fallback;
  // Control characters (tab, newline, CR, NUL, DEL…) and backslashes never appear in a path of ours.
  if (/[\p{Cc}\\]/u.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}

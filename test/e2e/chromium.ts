/**
 * Debian's Chromium headless shell (package `chromium-headless-shell`, the "old" headless mode that
 * Playwright's own downloads use for headless runs): the same Blink and V8 as Debian's `chromium`,
 * without the full browser's windowing and GPU process. The browser tests spend two thirds of their
 * CPU in Chromium; the shell took 12% less CPU over the accessibility sweep (decision 074).
 * CHROMIUM_PATH names another Chromium or Chrome binary.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";

/** The Debian package that holds `chromiumPath` when it is the default. */
export const chromiumPackage = "chromium-headless-shell";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

import type { ReactNode } from "react";
import { useMatches } from "react-router";
import { documentShipsScripts } from "~/utils/page-scripts";

/**
 * Whether the page runs the app's scripts: always where a browser renders it (hydrating, or opened
 * in place), and on the server when its document is sent with them (decision 134). A document sent
 * without them is never hydrated, so the two renders of one document always agree.
 */
export function useScriptsRun(): boolean {
  const matches = useMatches();
  return typeof document !== "undefined" || documentShipsScripts(matches.map((m) => m.handle));
}

/**
 * What a page offers in place of what needs its scripts (a confirmation's tick box, a button that
 * shows what a choice would): inside `<noscript>` where the scripts run, so only a browser without
 * them shows it, and as it is in a document sent without them, where `<noscript>` would hide it from
 * every browser that runs scripts at all (decision 155).
 */
export function WithoutScripts({ children }: { children: ReactNode }) {
  return useScriptsRun() ? <noscript>{children}</noscript> : children;
}

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * True while React hydrates the server-rendered page (the page still holds the form as rendered,
 * with whatever was chosen or typed in it meanwhile); false on the server and once hydrated.
 */
export function useHydrating(): boolean {
  // In the browser the server's snapshot is read while hydrating only.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return !hydrated && typeof document !== "undefined";
}

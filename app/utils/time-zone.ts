import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";

/**
 * The signed-in viewer's time zone, from the root loader: a page shows its times and reads its
 * date-and-time fields on it (app/modules/time-zones.ts). Pages with times are for signed-in
 * people only; UTC stands in on the rest.
 */
export function useTimeZone(): string {
  return useRouteLoaderData<typeof rootLoader>("root")?.viewer?.timeZone ?? "UTC";
}

import { getEnv } from "~/utils/env.server";
import { resolveTimeZone } from "./time-zones";

/** The zone a person's times are on: their own choice (`User.timeZone`), else the organisation's (ORG_TIME_ZONE). */
export function personTimeZone(chosen: string | null): string {
  return resolveTimeZone(chosen, getEnv().ORG_TIME_ZONE);
}

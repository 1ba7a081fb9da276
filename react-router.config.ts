import type { Config } from "@react-router/dev/config";

/** Server-rendered pages from app/routes (app/routes.ts), served by server/index.ts. */
export default {
  ssr: true,
  // Every document links the whole route manifest, one cached file, instead of carrying a partial
  // manifest computed per request and asking for the rest as links are followed (decision 007).
  routeDiscovery: { mode: "initial" },
} satisfies Config;

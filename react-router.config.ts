import type { Config } from "@react-router/dev/config";

/** Server-rendered pages from app/routes (app/routes.ts), served by server/index.ts. */
export default {
  ssr: true,
} satisfies Config;

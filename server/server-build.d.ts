/** The app as React Router's Vite plugin builds it, imported by server/app.ts. */
declare module "virtual:react-router/server-build" {
  import type { ServerBuild } from "react-router";

  const build: ServerBuild;
  export = build;
}

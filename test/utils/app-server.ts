/**
 * The app's own pages through the real request handler, for tests that read the document as the
 * server renders it (the translated-ladder and language tests).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ComponentType } from "react";
import type { ServerBuild } from "react-router";
import { afterAll, beforeAll } from "vitest";
import renderDocument, { handleError } from "~/entry.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import { resetLadderRegistry } from "~/modules/ladders/registry.server";
import * as root from "~/root";
import { withRouteProps } from "./responses";
import { route, serveBuild, serverBuild } from "./server-build";

type PageModule = Record<string, unknown> & { default: ComponentType<never> };
type Page = { path: string; module: PageModule; parentId?: string };

/** A build of the app's root and `pages` (under the root unless a page names its parent), rendered by the app's entry. */
export function appBuild(pages: Record<string, Page>): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(pages).map(([id, { path, module, parentId }]) => {
      const page = route(id, path, { ...module, default: withRouteProps(module.default) });
      return [id, parentId ? { ...page, parentId } : page];
    }),
  );
  return serverBuild(
    {
      root: route("root", "", { ...root, links: () => [], default: withRouteProps(root.default) }),
      ...routes,
    },
    { document: renderDocument as never, handleError },
  );
}

export type Served = Awaited<ReturnType<typeof serveBuild>>;

/** Serves `build` for the test file; the server is `.server` of what it returns. */
export function serveForFile(build: ServerBuild) {
  const served = {} as { server: Served };
  beforeAll(async () => {
    served.server = await serveBuild(build);
  });
  afterAll(async () => served.server.close());
  return served;
}

/**
 * Serves `build` for the test file with the ladders `prepare` writes into a temporary folder in
 * place of the frameworks; after the file, the frameworks again. The server is `.server` of what it returns.
 */
export function serveWithLadders(build: ServerBuild, name: string, prepare: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), `rungs-${name}-`));
  const served = {} as { server: Served };
  beforeAll(async () => {
    prepare(dir);
    resetLadderRegistry(dir);
    served.server = await serveBuild(build);
  });
  afterAll(async () => {
    await served.server.close();
    resetLadderRegistry("frameworks");
    rmSync(dir, { recursive: true, force: true });
  });
  return served;
}

/** Copies the ladder fixture `fixture` (test/fixtures/ladders) into `dir` as the ladder `as`. */
export const copyLadder = (fixture: string, dir: string, as = fixture) =>
  cpSync(join("test/fixtures/ladders", fixture), join(dir, as), { recursive: true });

/**
 * A signed-in GET as a browser sends it, with the person's session cookie and English as the
 * browser's language: a page in another language is in it because the person chose it.
 */
export async function getAs(server: Served, userId: string, path: string) {
  return server.send("GET", path, {
    Cookie: (await startSession(userId)).split(";")[0]!,
    "Accept-Language": "en",
  });
}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createRequestHandler, type EntryContext, type ServerBuild } from "react-router";
import { describe, expect, test } from "vitest";
import { withoutHandoff } from "~/utils/page-scripts";

/**
 * React Router writes the data a document's scripts hydrate from (its hand-off stream) only once
 * the document reads it (patches/react-router+8.5.3.patch, applied at install; decision 140), so a
 * page sent without scripts does not encode every loader's data for nothing. The patch is made for
 * one release: if an upgrade changes the installed router, this fails, and the patch is looked at
 * again.
 */
const require = createRequire(import.meta.url);
const routerFolder = path.dirname(require.resolve("react-router/package.json"));

/** A build of one page whose loader's data counts how often it is read, and the given entry. */
function buildWith(entry: (context: EntryContext) => Promise<Response> | Response) {
  const reads = { count: 0 };
  const data = {
    get probe() {
      reads.count += 1;
      return "the loader's data";
    },
  };
  const build = {
    routes: {
      root: { id: "root", path: "", module: { default: () => null, loader: () => data } },
    },
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers, context: EntryContext) =>
          entry(context),
      },
    },
    assets: {
      entry: { module: "/entry.js", imports: [] },
      routes: {
        root: {
          id: "root",
          path: "",
          module: "/root.js",
          hasLoader: true,
          hasAction: false,
          hasClientLoader: false,
          hasClientAction: false,
          hasClientMiddleware: false,
          hasErrorBoundary: false,
        },
      },
      url: "/manifest.js",
      version: "1",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
  return { handler: createRequestHandler(build, "production"), reads };
}

describe("the router patch", () => {
  test("is applied to the release it was made for, in both of its builds", () => {
    const { version } = JSON.parse(
      readFileSync(path.join(routerFolder, "package.json"), "utf8"),
    ) as { version: string };
    expect(version).toBe("8.5.3");
    for (const build of ["development", "production"]) {
      const server = readFileSync(
        path.join(routerFolder, "dist", build, "lib/server-runtime/server.js"),
        "utf8",
      );
      expect(server).toContain("get serverHandoffStream() {");
    }
  });

  test("a document that never reads its hand-off stream has no loader data encoded", async () => {
    const { handler, reads } = buildWith(() => new Response("<p>a page</p>"));
    const response = await handler(new Request("http://rungs.test/"));
    expect(await response.text()).toBe("<p>a page</p>");
    expect(reads.count).toBe(0);
  });

  test("a document that reads it gets the loader's data, encoded once", async () => {
    const { handler, reads } = buildWith(
      (context) => new Response(context.serverHandoffStream as ReadableStream<Uint8Array>),
    );
    const response = await handler(new Request("http://rungs.test/"));
    expect(await response.text()).toContain("the loader's data");
    expect(reads.count).toBe(1);
  });

  test("the context a page without scripts renders from has no stream, and reading it encoded nothing", async () => {
    let copied: EntryContext | undefined;
    const { handler, reads } = buildWith((context) => {
      copied = withoutHandoff(context);
      return new Response("<p>a page</p>");
    });
    await handler(new Request("http://rungs.test/"));
    expect(copied && "serverHandoffStream" in copied).toBe(false);
    expect(copied?.staticHandlerContext.loaderData).toEqual({ root: expect.anything() });
    expect(reads.count).toBe(0);
  });
});

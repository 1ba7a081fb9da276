import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as competencyRoute from "~/routes/ladders.$ladderId.competencies.$competencyId";
import * as levelRoute from "~/routes/ladders.$ladderId.levels.$levelId";
import { resetLadderRegistry } from "~/modules/ladders/registry.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, withRouteProps, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const dir = mkdtempSync(join(tmpdir(), "rungs-references-"));

function edit(path: string, from: string, to: string) {
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${path}`);
  writeFileSync(path, text.replace(from, to));
}

beforeAll(() => {
  const ladder = join(dir, "fixture");
  cpSync("test/fixtures/ladders/valid", ladder, { recursive: true });
  edit(
    join(ladder, "competencies.yaml"),
    "    description: Confidence that software works.\n",
    '    description: Confidence that software works.\n    links:\n      - { title: Testing handbook, url: "https://example.com/testing" }\n',
  );
  edit(
    join(ladder, "tracks/ic.yaml"),
    "            - Adds tests with every change that alters behaviour.\n",
    '            - id: 0b3c5d2e-8f1a-4c6b-9d7e-1a2b3c4d5e6f\n              text: Adds tests with every change that alters behaviour.\n              links:\n                - { title: Tests that pay, url: "https://example.org/tests?level=1&x=2" }\n',
  );
  resetLadderRegistry(dir);
});

afterAll(() => {
  resetLadderRegistry("frameworks");
  rmSync(dir, { recursive: true, force: true });
});

/** The HTML the server renders for a ladder page: the route's component with its loader's data. */
async function renderPage(
  route: { loader: RouteFunction; default: ComponentType<never> },
  pattern: string,
  path: string,
  viewerId: string,
) {
  const handler = createStaticHandler([
    {
      id: "page",
      path: pattern,
      loader: async ({
        request,
        params,
      }: {
        request: Request;
        params: Record<string, string | undefined>;
      }) => bodyOf(await route.loader(routeArgs(request, params as Record<string, string>))),
      Component: withRouteProps(route.default),
    },
  ]);
  const context = await handler.query(await signedInRequest(path, viewerId));
  if (context instanceof Response || context.errors)
    throw new Error(
      `the page failed: ${JSON.stringify(context instanceof Response ? context.status : context.errors)}`,
    );
  return renderToString(
    createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context),
      context,
      hydrate: false,
    }),
  );
}

describe("references on ladder pages", () => {
  test("the level page shows a competency's references and a statement's as links that open in the same tab", async () => {
    const person = await createPerson();
    const data = bodyOf<Awaited<ReturnType<typeof levelRoute.loader>>>(
      await levelRoute.loader(
        routeArgs(await signedInRequest("/ladders/fixture/levels/ic1", person.id), {
          ladderId: "fixture",
          levelId: "ic1",
        }),
      ),
    );
    const testing = data.view.areas
      .flatMap((area) => area.competencies)
      .find((competency) => competency.id === "testing")!;
    expect(testing.links).toEqual([
      { title: "Testing handbook", url: "https://example.com/testing" },
    ]);
    expect(testing.expectations[0]!.links).toEqual([
      { title: "Tests that pay", url: "https://example.org/tests?level=1&x=2" },
    ]);

    const html = await renderPage(
      levelRoute,
      "/ladders/:ladderId/levels/:levelId",
      "/ladders/fixture/levels/ic1",
      person.id,
    );
    expect(html).toContain('<a href="https://example.com/testing" rel="noopener"');
    expect(html).toContain('<a href="https://example.org/tests?level=1&amp;x=2" rel="noopener"');
    expect(html).toContain("References for Testing");
    expect(html).not.toMatch(/target="_blank"/);
  });

  test("the competency page shows its references and, at each level, the statements' own", async () => {
    const person = await createPerson();
    const html = await renderPage(
      competencyRoute as never,
      "/ladders/:ladderId/competencies/:competencyId",
      "/ladders/fixture/competencies/testing",
      person.id,
    );
    expect(html).toMatch(/<h2[^>]*>References<\/h2>/);
    expect(html).toContain('<a href="https://example.com/testing" rel="noopener"');
    expect(html).toContain('<a href="https://example.org/tests?level=1&amp;x=2" rel="noopener"');
  });
});

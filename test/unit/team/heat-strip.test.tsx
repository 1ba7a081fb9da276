import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { TeamHeatStrip, TeamHeatTooltips } from "~/components/team/team-heat-strip";

const labels = new Map([
  [1, "Not yet"],
  [3, "Consistent"],
]);

/** The strip as a page renders it: inside a router, whose root data (none here) gives the viewer's time zone. */
async function render(element: ReactNode): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response)
    throw new Error(`expected a page, got a ${context.status} response`);
  return renderToStaticMarkup(
    <StaticRouterProvider
      router={createStaticRouter(handler.dataRoutes, context)}
      context={context}
      hydrate={false}
    />,
  );
}

describe("the team heat strip", () => {
  it("shades and numbers every cell, names the whole strip in one sentence and says the assessment under it", async () => {
    const profile = {
      kind: "manager" as const,
      cycleName: "Spring",
      submittedAt: null,
      trackKey: "engineering:1.1.0:ic2",
      ratings: [3, null, 1],
    };
    const names = ["Code quality", "Testing & <verification>", "Delivery"];
    const html = await render(
      <TeamHeatStrip profile={profile} names={names} set={0} labels={labels} />,
    );
    const cells = [...html.matchAll(/<span data-heat="(h\d|n)">([^<]*)<\/span>/g)].map(
      ([, heat, shown]) => [heat, shown],
    );
    expect(cells).toEqual([
      ["h3", "3"],
      ["n", "–"],
      ["h1", "1"],
    ]);
    expect(html).toContain(
      'role="img" aria-label="Code quality 3 (Consistent), Testing &amp; &lt;verification&gt; not rated, Delivery 1 (Not yet)." data-set="0"',
    );
    expect(html).toContain(">Manager review, Spring</p>");
  });

  it("words each cell's tooltip once per page: a competency per track's position, a rating per scale point, none able to end the stylesheet", async () => {
    const html = await render(
      <TeamHeatTooltips
        tracks={{ a: ["Code quality", 'Testing "&" </style><b>'], b: ["Mentoring"] }}
        scale={[
          { value: 1, label: "Not yet" },
          { value: 3, label: "Consistent" },
        ]}
      />,
    );
    const css = /^<style>(.*)<\/style>$/.exec(html)![1]!;
    expect(css).not.toContain("<");
    const rules = [...css.matchAll(/([^{}]+)\{--heat-(\w+):("(?:[^"\\]|\\.)*")\}/g)].map(
      ([, selector, part, value]) => [selector, part, value],
    );
    expect(rules).toEqual([
      ['.heat [data-heat="n"]', "rating", '"not rated"'],
      [".heat [data-set]>*", "competency", '"Competency:"'],
      ['.heat [data-heat="h1"]', "rating", '"1 Not yet"'],
      ['.heat [data-heat="h3"]', "rating", '"3 Consistent"'],
      ['.heat [data-set="0"]>:nth-child(1)', "competency", '"Code quality:"'],
      [
        '.heat [data-set="0"]>:nth-child(2)',
        "competency",
        '"Testing \\"&\\" \\3c /style>\\3c b>:"',
      ],
      ['.heat [data-set="1"]>:nth-child(1)', "competency", '"Mentoring:"'],
    ]);
  });

  it("words each strip from its own people's competencies and ratings when a page of strips shares its labels", async () => {
    const strip = (trackKey: string, ratings: (number | null)[]) => ({
      kind: "self" as const,
      cycleName: null,
      submittedAt: null,
      trackKey,
      ratings,
    });
    const html = await render(
      <>
        <TeamHeatStrip
          profile={strip("a", [3, 1])}
          names={["Code quality", "Delivery"]}
          set={0}
          labels={labels}
        />
        <TeamHeatStrip
          profile={strip("b", [3, null])}
          names={["Mentoring", "Delivery"]}
          set={1}
          labels={labels}
        />
        <TeamHeatStrip
          profile={strip("a", [1, 3])}
          names={["Code quality", "Delivery"]}
          set={0}
          labels={labels}
        />
      </>,
    );
    const sentences = [...html.matchAll(/role="img" aria-label="([^"]*)"/g)].map(
      ([, title]) => title,
    );
    expect(sentences).toEqual([
      "Code quality 3 (Consistent), Delivery 1 (Not yet).",
      "Mentoring 3 (Consistent), Delivery not rated.",
      "Code quality 1 (Not yet), Delivery 3 (Consistent).",
    ]);
  });
});

import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { cellTitle, TeamHeatStrip } from "~/components/team/team-heat-strip";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";

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
  it("shades and numbers every cell, names the whole strip in one sentence, says the assessment under it, and words each cell's tooltip", async () => {
    const profile = {
      kind: "manager" as const,
      cycleName: "Spring",
      submittedAt: null,
      trackKey: "engineering:1.1.0:ic2",
      ratings: [3, null, 1],
    };
    const names = ["Code quality", "Testing & <verification>", "Delivery"];
    const html = await render(<TeamHeatStrip profile={profile} names={names} labels={labels} />);
    const cells = [...html.matchAll(/<span data-heat="(h\d)">([^<]*)<\/span>/g)].map(
      ([, heat, shown]) => [heat, shown],
    );
    expect(cells).toEqual([
      ["h3", "3"],
      ["h0", "–"],
      ["h1", "1"],
    ]);
    expect(html).toContain(
      'role="img" title="Code quality 3 (Consistent), Testing &amp; &lt;verification&gt; not rated, Delivery 1 (Not yet)."',
    );
    expect(html).toContain(">Manager review, Spring</p>");
    // Given as the pointer reaches each cell, set as the element's title (so not markup).
    expect(
      profile.ratings.map((rating, index) =>
        wordsOf(translatorOf(undefined), cellTitle(rating, names[index]!, labels)),
      ),
    ).toEqual([
      "Code quality: 3 Consistent",
      "Testing & <verification>: not rated",
      "Delivery: 1 Not yet",
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
          labels={labels}
        />
        <TeamHeatStrip
          profile={strip("b", [3, null])}
          names={["Mentoring", "Delivery"]}
          labels={labels}
        />
        <TeamHeatStrip
          profile={strip("a", [1, 3])}
          names={["Code quality", "Delivery"]}
          labels={labels}
        />
      </>,
    );
    const sentences = [...html.matchAll(/role="img" title="([^"]*)"/g)].map(([, title]) => title);
    expect(sentences).toEqual([
      "Code quality 3 (Consistent), Delivery 1 (Not yet).",
      "Mentoring 3 (Consistent), Delivery not rated.",
      "Code quality 1 (Not yet), Delivery 3 (Consistent).",
    ]);
  });
});

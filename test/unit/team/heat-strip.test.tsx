import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TeamHeatStrip } from "~/components/team/team-heat-strip";

const labels = new Map([
  [1, "Not yet"],
  [3, "Consistent"],
]);

describe("the team heat strip", () => {
  it("labels every cell with its competency and rating, escaping names, and names the whole strip in one sentence", () => {
    const profile = {
      kind: "manager" as const,
      cycleName: "Spring",
      submittedAt: null,
      trackKey: "engineering:1.1.0:ic2",
      ratings: [3, null, 1],
    };
    const html = renderToStaticMarkup(<TeamHeatStrip profile={profile} names={["Code quality", "Testing & <verification>", "Delivery"]} labels={labels} />);
    const cells = [...html.matchAll(/<span data-heat="(h\d)" title="([^"]*)">([^<]*)<\/span>/g)].map(([, heat, title, shown]) => [heat, title, shown]);
    expect(cells).toEqual([
      ["h3", "Code quality: 3 Consistent", "3"],
      ["h0", "Testing &amp; &lt;verification&gt;: not rated", "–"],
      ["h1", "Delivery: 1 Not yet", "1"],
    ]);
    expect(html).toContain(
      'role="img" title="Manager review, Spring: Code quality 3 (Consistent), Testing &amp; &lt;verification&gt; not rated, Delivery 1 (Not yet)."'
    );
  });
});

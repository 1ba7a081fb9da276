import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { cellTitle, TeamHeatStrip } from "~/components/team/team-heat-strip";

const labels = new Map([
  [1, "Not yet"],
  [3, "Consistent"],
]);

describe("the team heat strip", () => {
  it("shades and numbers every cell, names the whole strip in one sentence, says the assessment under it, and words each cell's tooltip", () => {
    const profile = {
      kind: "manager" as const,
      cycleName: "Spring",
      submittedAt: null,
      trackKey: "engineering:1.1.0:ic2",
      ratings: [3, null, 1],
    };
    const names = ["Code quality", "Testing & <verification>", "Delivery"];
    const html = renderToStaticMarkup(<TeamHeatStrip profile={profile} names={names} labels={labels} />);
    const cells = [...html.matchAll(/<span data-heat="(h\d)">([^<]*)<\/span>/g)].map(([, heat, shown]) => [heat, shown]);
    expect(cells).toEqual([
      ["h3", "3"],
      ["h0", "–"],
      ["h1", "1"],
    ]);
    expect(html).toContain('role="img" title="Code quality 3 (Consistent), Testing &amp; &lt;verification&gt; not rated, Delivery 1 (Not yet)."');
    expect(html).toContain(">Manager review, Spring</p>");
    // Given as the pointer reaches each cell, set as the element's title (so not markup).
    expect(profile.ratings.map((rating, index) => cellTitle(rating, names[index], labels))).toEqual([
      "Code quality: 3 Consistent",
      "Testing & <verification>: not rated",
      "Delivery: 1 Not yet",
    ]);
  });
});

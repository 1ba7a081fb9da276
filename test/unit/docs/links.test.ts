// The links check's reading of Markdown (scripts/markdown-links.ts): headings' anchors by GitHub's
// rules, and the links a file makes outside code.
import { describe, expect, test } from "vitest";
import { anchorsOf, isExternal, linksOf, slug, splitTarget } from "../../../scripts/markdown-links";

describe("a heading's anchor", () => {
  test("is lowercase, spaces as hyphens, punctuation dropped", () => {
    expect(slug("Running on PostgreSQL")).toBe("running-on-postgresql");
    expect(slug("SCIM provisioning (Okta, Microsoft Entra ID)")).toBe(
      "scim-provisioning-okta-microsoft-entra-id",
    );
    expect(slug("The test run (decision 074)")).toBe("the-test-run-decision-074");
    expect(slug("2026-11-28, statements prepared once")).toBe("2026-11-28-statements-prepared-once");
  });

  test("keeps letters of any script, digits, hyphens and underscores", () => {
    expect(slug("Übersicht der Stufen")).toBe("übersicht-der-stufen");
    expect(slug("snake_case and kebab-case")).toBe("snake_case-and-kebab-case");
    expect(slug("مسار المهندس")).toBe("مسار-المهندس");
  });

  test("reads code, emphasis and links as their words", () => {
    expect(slug("References: `links`")).toBe("references-links");
    expect(slug("Shared topics: `include`")).toBe("shared-topics-include");
    expect(slug("**Bold** and [a link](x.md)")).toBe("bold-and-a-link");
  });

  test("keeps a space's hyphen where punctuation between words is dropped", () => {
    expect(slug("Targets: the bar")).toBe("targets-the-bar");
    expect(slug("A → B")).toBe("a--b");
  });
});

describe("a file's anchors", () => {
  test("number a repeated heading -1, -2, and leave headings in fenced code out", () => {
    const markdown = [
      "# Guide",
      "## Setup",
      "```sh",
      "# not a heading",
      "```",
      "## Setup",
      "### Setup",
      "Other",
      "-----",
      '<a id="kept"></a>',
    ].join("\n");
    expect([...anchorsOf(markdown)].sort()).toEqual(
      ["guide", "kept", "other", "setup", "setup-1", "setup-2"].sort(),
    );
  });
});

describe("a file's links", () => {
  test("inline links, images and definitions, with their lines; none in code", () => {
    const markdown = [
      "See [the guide](docs/guide.md#setup) and ![a picture](docs/shot.png).",
      "In code: `[not](a-link.md)`, [here](#guide).",
      "```md",
      "[fenced](nope.md)",
      "```",
      "[ref]: docs/ref.md",
      "[with a title](docs/t.md \"Title\") and [nested](docs/a_(b).md)",
    ].join("\n");
    expect(linksOf(markdown)).toEqual([
      { line: 1, target: "docs/guide.md#setup" },
      { line: 1, target: "docs/shot.png" },
      { line: 2, target: "#guide" },
      { line: 6, target: "docs/ref.md" },
      { line: 7, target: "docs/t.md" },
      { line: 7, target: "docs/a_(b).md" },
    ]);
  });

  test("other sites are not checked; a target splits into its file and anchor", () => {
    expect(isExternal("https://example.com/x.md")).toBe(true);
    expect(isExternal("mailto:someone@example.com")).toBe(true);
    expect(isExternal("docs/x.md")).toBe(false);
    expect(splitTarget("docs/x%20y.md#part-one")).toEqual({ path: "docs/x y.md", anchor: "part-one" });
    expect(splitTarget("#here")).toEqual({ path: "", anchor: "here" });
    expect(splitTarget("docs/x.md")).toEqual({ path: "docs/x.md", anchor: null });
  });
});

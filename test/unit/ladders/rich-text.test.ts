import { describe, expect, test } from "vitest";
import MarkdownIt from "markdown-it";
import { hasBlocks, hasMarkup, inlineHtml } from "~/modules/ladders/rich-text";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import { ladderTexts, withRichText } from "~/modules/ladders/translations";
import { richTextHtml, richTextPlain } from "~/modules/ladders/rich-text.server";

const inline = (text: string) => inlineHtml(richTextHtml(text));

describe("ladder text with Markdown", () => {
  test("paragraphs, lists, emphasis, links and inline code", () => {
    expect(
      richTextHtml("Writes **clear** and *short* `README`s.\n\n- one\n- two\n\n1. first"),
    ).toBe(
      "<p>Writes <strong>clear</strong> and <em>short</em> <code>README</code>s.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n</ol>",
    );
    expect(inline("See [the guide](https://example.com/guide).")).toBe(
      'See <a href="https://example.com/guide" rel="nofollow noopener noreferrer">the guide</a>.',
    );
    // Only one paragraph has an inline form: two, or a list, stay blocks.
    expect(inline("One *line*.")).toBe("One <em>line</em>.");
    expect(inline("One.\n\nTwo.")).toBeNull();
    expect(inline("- one\n- two")).toBeNull();
    expect(inline("Lead.\n\n- one")).toBeNull();
  });

  test("plain text is escaped and wrapped, or left inline", () => {
    expect(richTextHtml("Ships small changes.")).toBe("<p>Ships small changes.</p>");
    expect(inline("Ships small changes.")).toBe("Ships small changes.");
  });

  test("a script tag, raw HTML and a javascript: link render as inert text", () => {
    const html = richTextHtml(
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) <b>bold</b>',
    );
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("[click](javascript:alert(3))");
  });

  test("only http(s) and mailto links keep their address; other elements never pass", () => {
    expect(inline("[x](data:text/html;base64,PHNjcmlwdD4=)")).not.toContain("href");
    expect(inline("[mail](mailto:a@example.com)")).toContain('href="mailto:a@example.com"');
    expect(richTextHtml("# Heading\n\n> quote\n\n![img](https://example.com/x.png)")).not.toMatch(
      /<h1|<blockquote|<img/,
    );
  });

  test("search reads the words, not the markup", () => {
    expect(richTextPlain("Writes **clear** [docs](https://example.com) with `code` & care")).toBe(
      "Writes clear docs with code & care",
    );
    expect(richTextPlain("- one\n- two")).toBe("one\ntwo");
    expect(richTextPlain("Plain words.")).toBe("Plain words.");
  });
});

describe("ladder text's HTML sent with a page's data (decision 129)", () => {
  // The shipped ladder is plain sentences; this one's texts use Markdown.
  const loaded = loadLadderFromDirectory("test/fixtures/ladders/product");
  if (!loaded.ok) throw new Error("the fixture ladder must load");
  const ladder = loaded.ladder;
  const markedUp = ladderTexts(ladder)
    .map(({ text }) => text)
    .filter(hasMarkup);

  test("every one-line text of a ladder has the inline form markdown-it gives it", () => {
    const oneLine = markedUp.filter((text) => !hasBlocks(text));
    expect(oneLine.length).toBeGreaterThan(0);
    for (const text of oneLine) {
      const inlineForm = new MarkdownIt("zero")
        .enable(["emphasis", "link", "backticks", "escape", "entity", "newline"])
        .renderInline(text);
      expect(inline(text)?.replace(/ rel="[^"]*"/g, "")).toBe(inlineForm.trim());
    }
  });

  test("only the ladder's texts with Markdown are rendered, never another string of the data", () => {
    const expectation = markedUp[0]!;
    const note = "My *own* note\n\n- with a list";
    const data = withRichText({ competency: { text: expectation }, notes: [note] }, [ladder]);
    expect(data.richText).toEqual({ [expectation]: richTextHtml(expectation) });
    expect(withRichText({ notes: [note], title: "Plain" }, [ladder])).not.toHaveProperty(
      "richText",
    );
  });
});

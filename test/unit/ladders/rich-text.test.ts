import { describe, expect, test } from "vitest";
import { richTextHtml, richTextPlain } from "~/modules/ladders/rich-text";

describe("ladder text with Markdown", () => {
  test("paragraphs, lists, emphasis, links and inline code", () => {
    expect(
      richTextHtml("Writes **clear** and *short* `README`s.\n\n- one\n- two\n\n1. first"),
    ).toBe(
      "<p>Writes <strong>clear</strong> and <em>short</em> <code>README</code>s.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n</ol>",
    );
    expect(richTextHtml("See [the guide](https://example.com/guide).", { inline: true })).toBe(
      'See <a href="https://example.com/guide" rel="nofollow noopener noreferrer">the guide</a>.',
    );
  });

  test("plain text is escaped and wrapped, or left inline", () => {
    expect(richTextHtml("Ships small changes.")).toBe("<p>Ships small changes.</p>");
    expect(richTextHtml("Ships small changes.", { inline: true })).toBe("Ships small changes.");
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
    expect(richTextHtml("[x](data:text/html;base64,PHNjcmlwdD4=)", { inline: true })).not.toContain(
      "href",
    );
    expect(richTextHtml("[mail](mailto:a@example.com)", { inline: true })).toContain(
      'href="mailto:a@example.com"',
    );
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

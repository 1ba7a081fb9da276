import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { PageHeader } from "~/components/ui/page";
import type { ReactElement } from "react";
import { SourceTextsProvider } from "~/components/ladders/source-texts";
import { RichText } from "~/components/ui/rich-text";
import { hasBlocks } from "~/modules/ladders/rich-text";
import { richTextHtml } from "~/modules/ladders/rich-text.server";

const summary = "Owns a service end to end.\n\n1. Designs it.\n2. Runs it in production.";

/** Renders as a page does: the texts' HTML given by the loader's data. */
function render(element: ReactElement, ...texts: string[]): string {
  const richText = Object.fromEntries(texts.map((text) => [text, richTextHtml(text)]));
  return renderToStaticMarkup(
    <SourceTextsProvider texts={{ richText }}>{element}</SourceTextsProvider>,
  );
}

describe("ladder text that holds paragraphs or lists", () => {
  test("is told apart from one line of text", () => {
    expect(hasBlocks(summary)).toBe(true);
    expect(hasBlocks("- Reviews code\n- Writes tests")).toBe(true);
    expect(hasBlocks("First paragraph.\n\nSecond paragraph.")).toBe(true);
    expect(hasBlocks("Ships *small* changes, with `tests`.")).toBe(false);
    expect(hasBlocks("A line\nwrapped in the YAML")).toBe(false);
    expect(hasBlocks("Owns 2 services - and their on-call")).toBe(false);
    expect(hasBlocks("Paragraph trailing blank lines\n\n")).toBe(false);
  });

  test("shows as paragraphs and a list even where the page asked for one line, which stays inline", () => {
    const block = render(<RichText text={summary} inline />, summary);
    expect(block).toBe(
      '<div class="rich-text"><p>Owns a service end to end.</p>\n<ol>\n<li>Designs it.</li>\n<li>Runs it in production.</li>\n</ol></div>',
    );
    const list = "- Reviews code\n- Writes tests";
    expect(render(<RichText text={list} inline />, list)).toContain("<ul>\n<li>Reviews code</li>");
    const line = "Ships *small* changes.";
    expect(render(<RichText text={line} inline />, line)).toBe(
      '<span class="rich-text-inline">Ships <em>small</em> changes.</span>',
    );
    expect(render(<RichText text="Ships small changes." inline />)).toBe(
      '<span class="rich-text-inline">Ships small changes.</span>',
    );
  });

  test("a page header's description holds a block without a paragraph around it", () => {
    const html = render(
      <PageHeader title="Senior Engineer" description={<RichText text={summary} inline />} />,
      summary,
    );
    expect(html).toContain("<ol>");
    expect(html).not.toMatch(/<p[^>]*>\s*<div/);
  });

  test("a text with Markdown whose HTML the loader left out fails the page in tests, naming the loader", () => {
    expect(() => renderToStaticMarkup(<RichText text="Ships *small* changes." />)).toThrow(
      /the loader must add it/,
    );
  });
});

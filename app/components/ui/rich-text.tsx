import { SourceMark, useRichTextHtml, useSourceLanguage } from "~/components/ladders/source-texts";
import { escapeHtml, hasBlocks, hasMarkup, inlineHtml } from "~/modules/ladders/rich-text";

/**
 * Ladder text that may use Markdown (paragraphs, lists, emphasis, links, inline code). Plain
 * sentences are escaped here; a text with markup shows the sanitised HTML the server made of it
 * and sent with the page's data (decision 129: `withRichText`, given below by
 * `SourceTextsProvider`), so the browser needs no Markdown parser. `inline` keeps it inside a line (a heading's
 * description, a list item) when it is one line of text; otherwise, and whenever the text
 * holds paragraphs or a list, it is a block (a <div>: never put it inside a <p>). Empty text
 * renders nothing. A text the page shows in the ladder's own language, untranslated, carries
 * that language and a mark (decision 081), and its own direction, isolated from the page's (decision 107).
 */
export function RichText({
  text,
  inline = false,
  className = "",
}: {
  text: string;
  inline?: boolean;
  className?: string;
}) {
  const lang = useSourceLanguage(text) ?? undefined;
  const given = useRichTextHtml(text);
  // A ladder may leave a description out (an imported one whose source has none): nothing shows.
  if (text.trim() === "") return null;
  // Plain sentences (most ladder text) are one line escaped: no paragraphs to look for.
  const plain = hasMarkup(text) ? null : escapeHtml(text);
  const block = plain === null ? (given ?? missingHtml(text)) : `<p>${plain}</p>`;
  const inlined = inline ? (plain ?? (hasBlocks(text) ? null : inlineHtml(block))) : null;
  const asInline = inlined !== null;
  const html = inlined ?? block;
  const shown = asInline ? (
    <span
      lang={lang}
      dir={lang === undefined ? undefined : "auto"}
      className={className ? `rich-text-inline ${className}` : "rich-text-inline"}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  ) : (
    <div
      lang={lang}
      dir={lang === undefined ? undefined : "auto"}
      className={className ? `rich-text ${className}` : "rich-text"}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
  return lang === undefined ? (
    shown
  ) : (
    <>
      {shown}
      <SourceMark />
    </>
  );
}

/**
 * A text with Markdown whose HTML the page's loader did not send. Tests and development fail here,
 * naming the loader's omission; a served page shows the text as written, escaped.
 */
function missingHtml(text: string): string {
  if (!import.meta.env.PROD)
    throw new Error(
      `Ladder text with Markdown reached a page without its HTML; the loader must add it (withRichText or withSourceTexts): ${JSON.stringify(text.slice(0, 80))}`,
    );
  return `<p>${escapeHtml(text)}</p>`;
}

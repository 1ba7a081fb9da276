import { SourceMark, useSourceLanguage } from "~/components/ladders/source-texts";
import { hasBlocks, richTextHtml } from "~/modules/ladders/rich-text";

/**
 * Ladder text that may use Markdown (paragraphs, lists, emphasis, links, inline code),
 * rendered to sanitised HTML by the ladders module (rich-text.ts) the same way on the
 * server, in the browser and in print. `inline` keeps it inside a line (a heading's
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
  // A ladder may leave a description out (an imported one whose source has none): nothing shows.
  if (text.trim() === "") return null;
  const asInline = inline && !hasBlocks(text);
  const html = richTextHtml(text, { inline: asInline });
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

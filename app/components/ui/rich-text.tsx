import { richTextHtml } from "~/modules/ladders/rich-text";

/**
 * Ladder text that may use Markdown (paragraphs, lists, emphasis, links, inline code),
 * rendered to sanitised HTML by the ladders module (rich-text.ts) the same way on the
 * server, in the browser and in print. `inline` keeps it inside a line (a heading's
 * description, a list item); otherwise it is a block of paragraphs and lists.
 */
export function RichText({ text, inline = false, className = "" }: { text: string; inline?: boolean; className?: string }) {
  const html = richTextHtml(text, { inline });
  return inline ? (
    <span className={`rich-text-inline ${className}`} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <div className={`rich-text ${className}`} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

import { useId, type MouseEvent, type ReactNode } from "react";
import { useFollowLinksInPage } from "./client-links";

/** A table's, a column heading's and a cell's classes (app/tailwind.css): short names, as a long table repeats them on every row. */
export const tableClass = "data-table";
export const thClass = "col-head";
export const tdClass = "cell";

/** A column heading: its text, or text (or hidden text) with extra classes for its cell. */
export type Heading = string | { key: string; label: ReactNode; className?: string };

/** Focus ring of a scrolling region that keyboard users reach with Tab to scroll it. */
export const scrollRegionClass = "scroll-region";

/**
 * A region that scrolls sideways when its content is wider than the screen (a wide table on a
 * phone). It takes focus, so keyboard users can scroll it with the arrow keys, and is named by
 * the element `labelledBy` names (its table's caption).
 */
export function ScrollRegion({
  labelledBy,
  className,
  busy,
  onClick,
  children,
}: {
  labelledBy: string;
  className?: string;
  busy?: boolean;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  children: ReactNode;
}) {
  return (
    // The links inside are what is interactive; a click handler here only changes how they are followed.
    <div
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      className={className ? `${scrollRegionClass} ${className}` : scrollRegionClass}
      aria-busy={busy}
      onClick={onClick}
    >
      {children}
    </div>
  );
}

/**
 * A horizontally scrolling table: an optional caption (for screen readers unless `showCaption`),
 * one row of column headings, and the rows given as children. Framed on the list pages; `plain`
 * inside a card or an alert, which frames it already. Plain `<a href>` links in its rows are
 * followed in the page, so a long list needs no `<Link>` per row (see `useFollowLinksInPage`).
 */
export function DataTable({
  caption,
  showCaption,
  headings,
  busy,
  plain,
  children,
}: {
  /** What the table holds: it names the table and its scrolling region (for screen readers unless `showCaption`). */
  caption: ReactNode;
  showCaption?: boolean;
  headings: readonly Heading[];
  busy?: boolean;
  plain?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  const followLinks = useFollowLinksInPage();
  return (
    <ScrollRegion
      onClick={followLinks}
      labelledBy={captionId}
      className={plain ? undefined : "table-frame"}
      busy={busy}
    >
      <table className={tableClass}>
        <caption
          id={captionId}
          className={showCaption ? "mb-2 text-left text-sm font-semibold" : "sr-only"}
        >
          {caption}
        </caption>
        <thead className={plain ? undefined : "table-head"}>
          <tr>
            {headings.map((heading) =>
              typeof heading === "string" ? (
                <th key={heading} scope="col" className={thClass}>
                  {heading}
                </th>
              ) : (
                <th
                  key={heading.key}
                  scope="col"
                  className={heading.className ? `${thClass} ${heading.className}` : thClass}
                >
                  {heading.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="table-body">{children}</tbody>
      </table>
    </ScrollRegion>
  );
}

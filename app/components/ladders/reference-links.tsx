import { useTranslation } from "~/i18n/use-translation";
import type { ReferenceLink } from "~/modules/ladders";

const linkClass = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

/**
 * References a ladder gives for a competency or a statement: ordinary links to other sites,
 * opening in the same tab (docs/ladders.md, "References"). With a heading, a list under it;
 * without, one line after a statement.
 */
export function ReferenceLinks({
  links,
  heading,
  Heading = "h4",
}: {
  links: readonly ReferenceLink[] | undefined;
  heading?: string;
  Heading?: "h2" | "h3" | "h4";
}) {
  const { t } = useTranslation("ladders");
  if (!links?.length) return null;
  const anchors = links.map((link, index) => (
    <li
      key={`${index}:${link.url}`}
      data-separator={heading ? undefined : t("separator")}
      className={
        heading ? undefined : "inline after:content-[attr(data-separator)] last:after:content-none"
      }
    >
      <a href={link.url} rel="noopener" className={linkClass}>
        {link.title}
      </a>
    </li>
  ));
  if (!heading) {
    return (
      <div className="mt-0.5 text-slate-600 dark:text-slate-400">
        <span className="me-1">{t("references.see")}</span>
        <ul className="inline">{anchors}</ul>
      </div>
    );
  }
  return (
    <div className="mt-2">
      <Heading className="text-sm font-semibold">{heading}</Heading>
      <ul className="mt-1 list-disc space-y-0.5 ps-5 text-sm">{anchors}</ul>
    </div>
  );
}

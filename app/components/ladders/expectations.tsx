import type { Expectation } from "~/modules/ladders";
import { RichText } from "~/components/ui/rich-text";
import { useTranslation } from "~/i18n/use-translation";
import { ReferenceLinks } from "./reference-links";

/** The expectations as a list; `compact` leaves their examples out (a list given without them, as the assessment editor's, is always compact). */
export function ExpectationList({
  expectations,
  compact = false,
}: {
  expectations: readonly (Omit<Expectation, "examples"> & { examples?: readonly string[] })[];
  compact?: boolean;
}) {
  const { t } = useTranslation("ladders");
  if (!expectations.length)
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">
        {t("expectations.nothingListed")}
      </p>
    );
  return (
    <ul
      className={`list-disc space-y-1.5 ps-5 ${compact ? "text-[13px] leading-snug" : "text-sm"}`}
    >
      {/* By position: a list may repeat a statement's words (a warning, not an error). */}
      {expectations.map((expectation, index) => (
        <li key={index}>
          <RichText text={expectation.text} inline />
          {expectation.inheritedFrom ? <InheritedMark from={expectation.inheritedFrom} /> : null}
          {expectation.examples?.length && !compact ? (
            <ul className="mt-1 space-y-0.5 text-slate-600 dark:text-slate-400">
              {expectation.examples.map((example) => (
                // The prefix comes from the stylesheet, so copying an example copies its words alone.
                <li
                  key={example}
                  data-prefix={t("expectations.example")}
                  className="before:me-1 before:content-[attr(data-prefix)]"
                >
                  <RichText text={example} inline />
                </li>
              ))}
            </ul>
          ) : null}
          <ReferenceLinks links={expectation.links} />
        </li>
      ))}
    </ul>
  );
}

/** Marks what a ladder inherits from a shared source (docs/ladders.md, "Shared topics"). */
export function InheritedMark({ from }: { from: string }) {
  const { t } = useTranslation("ladders");
  return (
    <span className="ms-1.5 inline-block rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-600 dark:bg-slate-800 dark:text-slate-300">
      {t("expectations.inheritedFrom", { source: from })}
    </span>
  );
}

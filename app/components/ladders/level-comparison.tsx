import type { ReactNode } from "react";
import type { WordChange } from "~/modules/ladders/compare-levels";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf, type Message } from "~/i18n/messages";
import { RichText } from "~/components/ui/rich-text";

/**
 * Parts of the comparison of two levels that the app and the published ladder site
 * (app/modules/ladders/site) both show. Free of the router: the page makes the links and gives the cards.
 */

/**
 * One competency's change, a card's heading and body. `Heading` follows the page's outline (the
 * headings of the statements only one level makes and of "Reworded" are one below it); the page
 * gives the two levels' titles (`from`, `to`) and the link to the competency.
 */
export function CompetencyChange({
  change,
  Heading,
  competencyLink,
  from,
  to,
}: {
  change: {
    id: string;
    name: string;
    presence: Message | null;
    target: { from: { value: number; label: string }; to: { value: number; label: string } } | null;
    onlyInFrom: readonly string[];
    onlyInTo: readonly string[];
    reworded: readonly { from: string; words: readonly WordChange[] }[];
    unchanged: number;
  };
  Heading: "h2" | "h3";
  competencyLink: (competency: { id: string; name: string }) => ReactNode;
  from: string;
  to: string;
}) {
  const { t } = useTranslation("ladders");
  const SubHeading = Heading === "h2" ? "h3" : "h4";
  return (
    <>
      <Heading className="mb-2 font-semibold">
        {competencyLink(change)}
        {change.presence ? (
          <span className="ms-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            {wordsOf(t, change.presence)}
          </span>
        ) : null}
      </Heading>
      {change.target ? (
        <p className="mb-2 text-sm">
          {t("compare.targetChange", {
            fromValue: change.target.from.value,
            fromLabel: change.target.from.label,
            toValue: change.target.to.value,
            toLabel: change.target.to.label,
          })}
        </p>
      ) : null}
      {change.onlyInFrom.length || change.onlyInTo.length ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Statements
            heading={t("compare.onlyAt", { level: from })}
            texts={change.onlyInFrom}
            tone="from"
            Heading={SubHeading}
          />
          <Statements
            heading={t("compare.onlyAt", { level: to })}
            texts={change.onlyInTo}
            tone="to"
            Heading={SubHeading}
          />
        </div>
      ) : null}
      {change.reworded.length ? (
        <div className="mt-3">
          <SubHeading className="mb-1 text-sm font-semibold">{t("compare.reworded")}</SubHeading>
          <ul className="list-disc space-y-1 ps-5 text-sm">
            {change.reworded.map((rewording) => (
              <li key={rewording.from}>
                <WordDiff words={rewording.words} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {change.unchanged > 0 ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {t("compare.unchanged", { count: change.unchanged })}
        </p>
      ) : null}
    </>
  );
}

/** A rewording: removed words struck through, added words underlined, both also said in words for screen readers. */
function WordDiff({ words }: { words: readonly WordChange[] }) {
  const { t } = useTranslation("ladders");
  return (
    <>
      {words.map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del
            key={index}
            className="bg-red-50 text-red-800 line-through dark:bg-red-950 dark:text-red-200"
          >
            <span className="sr-only">{t("compare.removedOpen")}</span>
            {part.text}
            <span className="sr-only">{t("compare.close")}</span>
          </del>
        ) : (
          <ins
            key={index}
            className="bg-emerald-50 text-emerald-900 underline dark:bg-emerald-950 dark:text-emerald-200"
          >
            <span className="sr-only">{t("compare.addedOpen")}</span>
            {part.text}
            <span className="sr-only">{t("compare.close")}</span>
          </ins>
        ),
      )}
    </>
  );
}

/** The statements only one of the two levels makes, under `heading`; the later level's in green. */
function Statements({
  heading,
  texts,
  tone,
  Heading,
}: {
  heading: string;
  texts: readonly string[];
  tone: "from" | "to";
  Heading: "h3" | "h4";
}) {
  const { t } = useTranslation("ladders");
  return (
    <div>
      <Heading
        className={`mb-1 text-sm font-semibold ${tone === "to" ? "text-emerald-800 dark:text-emerald-300" : "text-slate-700 dark:text-slate-300"}`}
      >
        {heading}
      </Heading>
      {texts.length ? (
        <ul className="list-disc space-y-1 ps-5 text-sm">
          {texts.map((text) => (
            <li key={text}>
              <RichText text={text} inline />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("compare.nothing")}</p>
      )}
    </div>
  );
}

/** The options of a picker of levels: "Choose a level", then each track's levels in a group. */
export function LevelOptions({
  options,
}: {
  options: readonly { id: string; title: string; trackId: string; trackName: string }[];
}) {
  const { t } = useTranslation("ladders");
  const tracks = [
    ...new Map(options.map((option) => [option.trackId, option.trackName])).entries(),
  ];
  return (
    <>
      <option value="">{t("compare.chooseLevel")}</option>
      {tracks.map(([trackId, trackName]) => (
        <optgroup key={trackId} label={trackName}>
          {options
            .filter((option) => option.trackId === trackId)
            .map((option) => (
              <option key={option.id} value={option.id}>
                {option.title}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

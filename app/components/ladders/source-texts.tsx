import { createContext, Fragment, useContext, type ReactNode } from "react";
import { useMatches } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { SourceTexts } from "~/modules/ladders/translations";

interface Marks {
  lang: string;
  texts: ReadonlySet<string>;
}

/** The ladder texts the page shows in the ladder's own language, because no current translation exists (decision 081). */
const SourceTextsContext = createContext<Marks | null>(null);

/** Gives the components below the texts a page's loaders said are left in the source. */
export function SourceTextsProvider({
  sourceTexts,
  children,
}: {
  sourceTexts: SourceTexts | undefined;
  children: ReactNode;
}) {
  const marks = sourceTexts ? { lang: sourceTexts.lang, texts: new Set(sourceTexts.texts) } : null;
  return <SourceTextsContext.Provider value={marks}>{children}</SourceTextsContext.Provider>;
}

/** The same, gathered from the loaders of the routes on the page (each adds `sourceTexts` with `requireLadderIn`'s `marked`). */
export function SourceTextsFromRoutes({ children }: { children: ReactNode }) {
  const matches = useMatches();
  const found = matches.flatMap(
    (match) => (match.loaderData as { sourceTexts?: SourceTexts } | undefined)?.sourceTexts ?? [],
  );
  const sourceTexts =
    found.length === 0
      ? undefined
      : { lang: found[0]!.lang, texts: found.flatMap((item) => item.texts) };
  return <SourceTextsProvider sourceTexts={sourceTexts}>{children}</SourceTextsProvider>;
}

/** The language to mark a ladder text with when the page shows it in the source; null when it is translated (or the page is in the source). */
export function useSourceLanguage(text: string): string | null {
  const marks = useContext(SourceTextsContext);
  return marks?.texts.has(text) ? marks.lang : null;
}

/** The small note beside a text left in the ladder's own language, worded in the reader's. */
export function SourceMark() {
  const { t } = useTranslation("ladders");
  return <UntranslatedMark label={t("translation.mark")} title={t("translation.markTitle")} />;
}

/** The note itself, worded by its caller: any text shown in a language other than the reader's (a team health item of the organisation's own, decision 123, too). */
export function UntranslatedMark({ label, title }: { label: string; title: string }) {
  return (
    <span
      title={title}
      className="ms-1.5 whitespace-nowrap rounded bg-amber-100 px-1 py-0.5 align-middle text-[0.7rem] font-normal text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
    >
      {label}
    </span>
  );
}

/** A plain ladder text (a name, a title): marked, with its language and direction, when it is shown in the source. */
export function LadderText({ text }: { text: string }) {
  const lang = useSourceLanguage(text);
  if (lang === null) return <>{text}</>;
  return (
    <>
      <span lang={lang} dir="auto">
        {text}
      </span>
      <SourceMark />
    </>
  );
}

/** Ladder texts in a row (the competencies a sentence names), each marked as `LadderText` marks it, between the caller's worded separator. */
export function LadderTextList({
  texts,
  separator,
}: {
  texts: readonly string[];
  separator: string;
}) {
  return (
    <>
      {texts.map((text, index) => (
        <Fragment key={`${index}-${text}`}>
          {index > 0 ? separator : null}
          <LadderText text={text} />
        </Fragment>
      ))}
    </>
  );
}

import { createContext, Fragment, useContext, type ReactNode } from "react";
import { useMatches } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { RichTextHtml } from "~/modules/ladders/rich-text";
import type { SourceTexts } from "~/modules/ladders/translations";

/** What a loader adds to its data about the ladder texts in it (`withSourceTexts`, `withRichText`). */
export interface LadderTextsOf {
  sourceTexts?: SourceTexts;
  richText?: RichTextHtml;
}

interface LadderTexts {
  /** The ladder texts the page shows in the ladder's own language, because no current translation exists (decision 081). */
  marks: { lang: string; texts: ReadonlySet<string> } | null;
  /** The HTML of the texts with Markdown (decision 129). */
  html: ReadonlyMap<string, string>;
}

const LadderTextsContext = createContext<LadderTexts>({ marks: null, html: new Map() });

/**
 * Gives the components below what a part of a page's data says of its ladder texts: the texts
 * left in the source, and the HTML of those with Markdown (added to what the page already has).
 */
export function SourceTextsProvider({
  texts,
  children,
}: {
  texts: LadderTextsOf | null | undefined;
  children: ReactNode;
}) {
  const outer = useContext(LadderTextsContext);
  const sourceTexts = texts?.sourceTexts;
  const richText = Object.entries(texts?.richText ?? {});
  const value: LadderTexts = {
    marks: sourceTexts ? { lang: sourceTexts.lang, texts: new Set(sourceTexts.texts) } : null,
    html: richText.length === 0 ? outer.html : new Map([...outer.html, ...richText]),
  };
  return <LadderTextsContext.Provider value={value}>{children}</LadderTextsContext.Provider>;
}

/** The same, gathered from the loaders of the routes on the page (each adds them with `requireLadderIn`'s `marked`, `withSourceTexts` or `withRichText`). */
export function SourceTextsFromRoutes({ children }: { children: ReactNode }) {
  const found = useMatches().flatMap(
    (match) => (match.loaderData as LadderTextsOf | undefined) ?? [],
  );
  const sourceTexts = found.flatMap((item) => item.sourceTexts ?? []);
  const texts: LadderTextsOf = {
    sourceTexts:
      sourceTexts.length === 0
        ? undefined
        : { lang: sourceTexts[0]!.lang, texts: sourceTexts.flatMap((item) => item.texts) },
    richText: Object.assign({}, ...found.map((item) => item.richText ?? {})) as RichTextHtml,
  };
  return <SourceTextsProvider texts={texts}>{children}</SourceTextsProvider>;
}

/** The language to mark a ladder text with when the page shows it in the source; null when it is translated (or the page is in the source). */
export function useSourceLanguage(text: string): string | null {
  const { marks } = useContext(LadderTextsContext);
  return marks?.texts.has(text) ? marks.lang : null;
}

/** The HTML (block form) of a ladder text with Markdown, as the page's data gives it; undefined when it gave none. */
export function useRichTextHtml(text: string): string | undefined {
  return useContext(LadderTextsContext).html.get(text);
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

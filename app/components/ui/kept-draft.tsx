import { useEffect, useRef } from "react";
import { preload } from "react-dom";
import { useTranslation } from "~/i18n/use-translation";
import { forgetDraft } from "~/modules/assessments/draft-form";
import draftScriptSrc from "./kept-draft.page.ts?script";
import type { DraftValues } from "~/modules/assessments/draft";
import { keepRenderedDraft, type DraftSpellingName } from "./rendered-draft";
import { useNonce } from "~/utils/nonce";
import { useScriptsRun } from "./without-scripts";

/**
 * A form kept as it is typed by the draft script (decision 167): the attributes the script reads in
 * a document sent without the app's scripts (`DraftScript`), and a ref that binds it the same way
 * where they run (`keepRenderedDraft`). The form's `base` input holds the values it was rendered
 * with, unless `values` names more fields than the form shows (an assessment, one section a page).
 */
export function useKeptDraft<Root extends HTMLElement = HTMLFormElement>({
  saveUrl,
  storageKey,
  revision,
  values,
  spelling = "draft",
}: {
  saveUrl: string;
  storageKey: string;
  revision: number;
  values?: DraftValues;
  /** How the form spells its fields (rendered-draft.ts names each). */
  spelling?: DraftSpellingName;
}) {
  const ref = useRef<Root>(null);
  useEffect(() => keepRenderedDraft(ref.current!).stop, []);
  return {
    ref,
    "data-draft-spelling": spelling,
    "data-draft": saveUrl,
    "data-draft-key": storageKey,
    "data-draft-revision": String(revision),
    "data-draft-values": values ? JSON.stringify(values) : undefined,
  };
}

/**
 * The draft script, in a document sent without the app's scripts: a file of its own that the
 * browser keeps, fetched from the head (`preload`) and run once the document is read (`defer`), so
 * after every form it keeps.
 */
export function DraftScript() {
  const nonce = useNonce();
  const scripted = useScriptsRun();
  if (scripted) return null;
  preload(draftScriptSrc, { as: "script", nonce });
  return <script src={draftScriptSrc} defer nonce={nonce} />;
}

/**
 * On a page where a draft can no longer change (declined, submitted, locked): the copy of unsaved
 * edits this browser kept of it is dropped, by the draft script in a document sent without the
 * app's scripts, once mounted where they run. Its words are gone from the browser too.
 */
export function ForgottenDraft({ storageKey }: { storageKey: string }) {
  useEffect(() => forgetDraft(storageKey), [storageKey]);
  return (
    <>
      <span hidden data-draft-forget={storageKey} />
      <DraftScript />
    </>
  );
}

/** Each status's words, named as the draft script looks them up (the last part of its message's key). */
const STATUS_KEYS = [
  "notSavedInvalid",
  "notSavedSignedOut",
  "notSavedRetrying",
  "saving",
  "allSaved",
] as const;

/** A kept draft's status line: what it says now, and every other status's words for the script. */
export function DraftStatus() {
  const { t } = useTranslation("assessments");
  const words = Object.fromEntries(
    STATUS_KEYS.map((key) => [
      `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
      t(`autosave.${key}`),
    ]),
  );
  return (
    <p
      role="status"
      aria-live="polite"
      data-draft-status=""
      data-tone="neutral"
      data-not-saved-because={t("autosave.notSavedBecause", { reason: "{reason}" })}
      {...words}
      className="text-sm text-slate-600 data-[tone=error]:font-semibold data-[tone=error]:text-red-700 data-[tone=ok]:text-emerald-700 dark:text-slate-300 dark:data-[tone=error]:text-red-400 dark:data-[tone=ok]:text-emerald-300"
    >
      {t("autosave.allSaved")}
    </p>
  );
}

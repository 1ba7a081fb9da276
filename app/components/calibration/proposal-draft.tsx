import { useTranslation } from "~/i18n/use-translation";
import { useFetcher } from "react-router";
import { useEffect, useRef, useState } from "react";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";

/** How long after the last change the form is kept. */
const PAUSE_MS = 800;

/**
 * Keeps the manager's proposal form as they type (intent "draft" on the entry's own action):
 * not a proposal until they save it, seen by nobody else. Says what it did in a live region.
 * Without JavaScript nothing is kept and the form still saves as a proposal.
 */
export function useProposalDraft(formId: string, enabled: boolean) {
  return useAutosavedForm(formId, enabled, "draft");
}

/**
 * Sends a form to its page's action with `intent` a moment after the last change (a proposal's
 * draft, the meeting's notes): the action answers `{ intent, savedAt }` or `{ intent, error }`.
 * The form is found by its id, `formId`. Only where the app renders the page in place: as a
 * document the page is sent as HTML and its one script keeps the form (`data-keep`, decision 164).
 */
export function useAutosavedForm(formId: string, enabled: boolean, intent: string) {
  const fetcher = useFetcher<{ intent: string; savedAt?: string; error?: string }>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A change waiting out the pause is not kept yet: the status says so, not the last save's time.
  const [waiting, setWaiting] = useState(false);
  const submit = fetcher.submit;
  useEffect(() => {
    const element = document.getElementById(formId);
    if (!enabled || !(element instanceof HTMLFormElement)) return;
    const send = () => {
      setWaiting(false);
      const data = new FormData(element);
      data.set("intent", intent);
      submit(data, { method: "post" });
    };
    const keep = () => {
      setWaiting(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(send, PAUSE_MS);
    };
    element.addEventListener("input", keep);
    element.addEventListener("change", keep);
    return () => {
      element.removeEventListener("input", keep);
      element.removeEventListener("change", keep);
      if (timer.current) clearTimeout(timer.current);
      // The waiting change will not be sent (the form can no longer be kept): nothing is saving.
      setWaiting(false);
    };
  }, [formId, enabled, submit, intent]);
  const reply = fetcher.data?.intent === intent ? fetcher.data : null;
  return {
    saving: waiting || fetcher.state !== "idle",
    savedAt: reply?.savedAt ?? null,
    error: reply?.error ?? null,
  };
}

/**
 * What the proposal's draft is doing, in a live region. On the page sent as HTML (decision 164) the
 * page's one script keeps the form and puts this line from the page the action answers in its place
 * (`data-kept` when the draft was kept), or says `data-failed` when no answer came.
 */
export function DraftStatus({
  id,
  saving,
  savedAt,
  error,
  keptAt,
}: {
  id: string;
  saving: boolean;
  savedAt: string | null;
  error: string | null;
  keptAt: string | null;
}) {
  const { t } = useTranslation("calibration");
  const f = useFormats();
  const text = saving
    ? t("draft.saving")
    : error
      ? t("draft.failed", { error })
      : savedAt
        ? t("draft.kept", { time: f.timeOfDay(savedAt) })
        : keptAt
          ? t("draft.unsaved")
          : "";
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      data-keep-status
      data-saving={t("draft.saving")}
      data-failed={t("draft.notKept")}
      data-kept={!saving && !error && savedAt ? "" : undefined}
      className={`min-h-5 text-sm ${error ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-300"}`}
    >
      {text}
    </p>
  );
}

/** Where a piece of evidence comes from, as the entry's data names it: its key in the messages. */
export const EVIDENCE_SOURCE_KEYS = {
  "manager review": "evidenceSource.managerReview",
  "self-assessment": "evidenceSource.selfAssessment",
} as const;

/** The evidence of the person's reviews a proposal points to, grouped by competency. */
export function EvidenceChoice({
  evidence,
  chosen,
  errors,
}: {
  evidence: readonly {
    id: string;
    text: string;
    url: string | null;
    competency: string;
    source: keyof typeof EVIDENCE_SOURCE_KEYS;
  }[];
  chosen: readonly string[];
  errors?: readonly string[] | null;
}) {
  const { t } = useTranslation("calibration");
  if (!evidence.length)
    return <p className="text-sm text-slate-600 dark:text-slate-300">{t("evidenceChoice.none")}</p>;
  const competencies = [...new Set(evidence.map((item) => item.competency))];
  return (
    <fieldset aria-describedby={errors?.length ? "proposal-evidence-error" : undefined}>
      <legend className="mb-2 text-sm font-medium">{t("evidenceChoice.legend")}</legend>
      <div className="max-h-72 space-y-3 overflow-y-auto rounded-md border border-slate-200 p-3 dark:border-slate-700">
        {competencies.map((competency) => (
          <div key={competency}>
            <p className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
              {competency}
            </p>
            {evidence
              .filter((item) => item.competency === competency)
              .map((item) => (
                <label key={item.id} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="evidence"
                    value={item.id}
                    defaultChecked={chosen.includes(item.id)}
                    className="mt-1 size-4"
                  />
                  <span>
                    {item.text}{" "}
                    <span className="text-xs text-slate-600 dark:text-slate-300">
                      {t("evidenceChoice.source", { source: t(EVIDENCE_SOURCE_KEYS[item.source]) })}
                    </span>
                  </span>
                </label>
              ))}
          </div>
        ))}
      </div>
      {errors?.length ? (
        <p id="proposal-evidence-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.map((error) => wordsOf(t, error)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

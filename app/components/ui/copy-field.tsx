import { useId, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "./button";
import { inputClass } from "./field";

/** A read-only value with a Copy button; falls back to selecting the text where the clipboard API is unavailable. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      input.current?.select();
      setState("failed");
    }
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          className={`${inputClass} font-mono`}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          variant="secondary"
          onClick={copy}
          data-copy={id}
          data-copied={t("copy.copied")}
          data-failed={t("copy.failed")}
        >
          {t("actions.copy")}
        </Button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <p
        id={`${id}-status`}
        role="status"
        aria-live="polite"
        className="mt-1 text-sm text-slate-600 dark:text-slate-300"
      >
        {state === "copied" ? t("copy.copied") : state === "failed" ? t("copy.failed") : ""}
      </p>
    </div>
  );
}

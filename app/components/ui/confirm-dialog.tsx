import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "./button";
import { CheckboxField } from "./field";
import { useScriptsRun } from "./without-scripts";

/** How the project's modal dialogs look: ConfirmDialog's, and those a page's script fills. */
export const dialogClass =
  "max-w-md rounded-lg border border-slate-200 bg-white p-6 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * The step before something that cannot be undone: a modal dialog (focus moves into it; Escape or
 * the cancel button closes it and changes nothing) that says what will happen, with the button
 * that does it.
 */
export function ConfirmDialog({
  dialogRef,
  title,
  children,
  cancelLabel,
  confirm,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: string;
  children: ReactNode;
  cancelLabel: string;
  /** The button that goes ahead; it closes the dialog itself. */
  confirm: ReactNode;
}) {
  const titleId = useId();
  const textId = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={textId}
      className={dialogClass}
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div id={textId} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {children}
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
          {cancelLabel}
        </Button>
        {confirm}
      </div>
    </dialog>
  );
}

/**
 * A submit button, inside a form, for a step that cannot be undone. With JavaScript it asks first
 * in a ConfirmDialog, whose button submits the form (with this button's name and value). Without
 * JavaScript, or in a document sent without the app's scripts, the form shows a tick box that must
 * be ticked instead (`confirm=yes`), as the self-assessment's submit does; until scripts run, the
 * asking button is disabled.
 */
export function ConfirmSubmit({
  label,
  title,
  children,
  confirmLabel = label,
  cancelLabel,
  tickLabel,
  name,
  value,
  disabled = false,
  variant = "primary",
}: {
  label: string;
  title: string;
  /** What will happen, said before it does. */
  children: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** The tick box's label without JavaScript ("I understand: …"). */
  tickLabel: string;
  name?: string;
  value?: string;
  disabled?: boolean;
  variant?: "primary" | "danger";
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const scripts = useScriptsRun();
  const ticked = (
    <span className="flex flex-col gap-2">
      <CheckboxField name="confirm" value="yes" required label={tickLabel} />
      <Button type="submit" variant={variant} name={name} value={value} disabled={disabled}>
        {label}
      </Button>
    </span>
  );
  // In a document sent without the app's scripts, the tick box is the only way (decision 155).
  if (!scripts) return ticked;
  return (
    <>
      <Button
        variant={variant}
        onClick={() => dialogRef.current?.showModal()}
        disabled={!interactive || disabled}
      >
        {label}
      </Button>
      <ConfirmDialog
        dialogRef={dialogRef}
        title={title}
        cancelLabel={cancelLabel ?? t("actions.cancel")}
        confirm={
          <Button
            type="submit"
            variant={variant}
            name={name}
            value={value}
            onClick={() => dialogRef.current?.close()}
          >
            {confirmLabel}
          </Button>
        }
      >
        {children}
      </ConfirmDialog>
      <noscript>{ticked}</noscript>
    </>
  );
}

import { useCallback, useEffect, useId, useReducer, useRef, useState } from "react";
import { pageControls, sentValue } from "~/components/ui/page-controls";
import { useHydrating } from "~/components/ui/use-hydrating";
import {
  autosaveReducer,
  changesBeforeHydration,
  displayValue,
  editsToRestore,
  hasUnsaved,
  initialAutosaveState,
  nextStoredDraft,
  parseStoredDraft,
  saveDelay,
  saveStatus,
  type AutosaveState,
  type SaveReply,
} from "~/modules/assessments/autosave";
import {
  formChanges,
  valueOf,
  type DraftValues,
  type FieldChange,
  type FieldSpelling,
  type FieldValue,
} from "~/modules/assessments/draft";

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, text: string | null) {
  try {
    if (text === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, text);
  } catch {
    // Storage full or blocked: the server copy and the in-memory edits still stand.
  }
}

/** Forgets any unsaved copy of a draft kept in this browser under `storageKey` (once it is submitted). */
export function forgetStoredDraft(storageKey: string) {
  writeStorage(storageKey, null);
}

/** The draft's fields and how its form spells them, to find what was changed in the page before it hydrated. */
export type DraftForm = { fields: readonly string[]; spelling: FieldSpelling };

/** The fields whose input in the element `rootId` holds another value than the one rendered. */
function changedInPage(rootId: string, rendered: DraftValues, form: DraftForm): FieldChange[] {
  const root = document.getElementById(rootId);
  if (!root) return [];
  const controls = pageControls(root.querySelectorAll("input[name], select[name], textarea[name]"));
  const fields = Object.fromEntries(form.fields.map((field) => [field, valueOf(rendered, field)]));
  return formChanges(fields, (name) => sentValue(controls, name), form.spelling);
}

type SaveAttempt = SaveReply | { failed: true; signedOut: boolean };

async function postSave(
  url: string,
  baseRevision: number,
  changes: unknown,
  lockedMessage: string,
): Promise<SaveAttempt> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ baseRevision, changes }),
  });
  // A sign-in page (session ended) or a proxy error page is a failure to retry, not an answer.
  if (!(response.headers.get("Content-Type") ?? "").includes("application/json")) {
    return {
      failed: true,
      signedOut: response.redirected && new URL(response.url).pathname === "/login",
    };
  }
  const body = (await response.json()) as { ok?: boolean; kind?: string; message?: string };
  if (response.ok) return body as SaveReply;
  if (response.status === 400 && body.kind === "invalid") return body as SaveReply;
  if (response.status === 404 || response.status === 409) {
    return { ok: false, kind: "locked", message: body.message ?? lockedMessage };
  }
  return { failed: true, signedOut: false };
}

/**
 * Autosave for a draft of fields (an assessment, an interviewer's scorecard): the state machine of
 * app/modules/assessments/autosave.ts with the draft's own save endpoint and storage key. Keeps
 * edits in memory and in localStorage, sends the changed fields after a pause in typing (one save
 * at a time, retried with backoff), merges what another tab saved, and warns before leaving with
 * unsaved edits.
 *
 * With `form`, what the author chose or typed in the server-rendered page before it hydrated is
 * taken as edits too: the element given `fieldsId` (the form, or one around its inputs) is read as
 * hydration begins and once it is done, and every field that differs from the rendered value is an
 * edit (saved, kept in storage and shown like any other). Taking them also keeps React from
 * putting the rendered values back over them on its next render.
 */
export function useDraftAutosave({
  storageKey,
  saveUrl,
  lockedMessage = "This draft can no longer be saved.",
  revision,
  values,
  form,
  onSubmit,
}: {
  /** Where this browser keeps unsaved edits: one key per draft and author. */
  storageKey: string;
  /** The draft's save endpoint: `{ baseRevision, changes }` in, a SaveReply out. */
  saveUrl: string;
  /** Said when the endpoint answers 404 or 409 without a message. */
  lockedMessage?: string;
  revision: number;
  values: DraftValues;
  /** The draft's fields as the page's form holds them, to keep what was changed before hydration. */
  form?: DraftForm;
  /** Called once everything is saved after `requestSubmit`, with the revision the author has seen. */
  onSubmit: (revision: number) => void;
}) {
  const [state, dispatch] = useReducer(autosaveReducer, null, () =>
    initialAutosaveState(values, revision),
  );
  const [submitWanted, setSubmitWanted] = useState(false);
  const tab = useRef("");
  const initialValues = useRef(values);
  const latest = useRef<AutosaveState>(state);
  latest.current = state;
  const fieldsId = useId();
  const hydrating = useHydrating();
  // Read as hydration begins, before React puts a textarea rendered with text back to that text.
  const [changedEarly] = useState(() =>
    hydrating && form ? changedInPage(fieldsId, values, form) : null,
  );
  const hydratedForm = useRef(form);

  // Bring back edits this browser kept but the server never got (refresh, crash, offline).
  useEffect(() => {
    tab.current =
      typeof crypto.randomUUID === "function"
        ? crypto.randomUUID()
        : String(Math.random()).slice(2);
    const edits = editsToRestore(parseStoredDraft(readStorage(storageKey)), initialValues.current);
    const adopted = nextStoredDraft({ v: 1, entries: {} }, tab.current, edits);
    writeStorage(storageKey, Object.keys(adopted.entries).length ? JSON.stringify(adopted) : null);
    dispatch({ type: "restore", edits, now: Date.now() });
  }, [storageKey]);

  // Once hydrated (after the stored edits, so what was typed in the page wins), take what was
  // changed in the page before: the inputs still show it, the state does not have it yet.
  useEffect(() => {
    if (!changedEarly || !hydratedForm.current) return;
    const changedLate = changedInPage(fieldsId, initialValues.current, hydratedForm.current);
    for (const { field, value } of changesBeforeHydration(changedEarly, changedLate))
      dispatch({ type: "edit", field, value, now: Date.now() });
  }, [changedEarly, fieldsId]);

  const persistReady = useRef(false);
  useEffect(() => {
    // The first run is the mount, before the restored edits are in state; restoring wrote storage itself.
    if (!persistReady.current) {
      persistReady.current = true;
      return;
    }
    const next = nextStoredDraft(
      parseStoredDraft(readStorage(storageKey)),
      tab.current,
      state.edits,
    );
    writeStorage(storageKey, Object.keys(next.entries).length ? JSON.stringify(next) : null);
  }, [state.edits, storageKey]);

  // A newer copy from the loader (after a refused submit or a revalidation).
  useEffect(() => dispatch({ type: "server", values, revision }), [values, revision]);

  useEffect(() => {
    const wait = saveDelay(state, Date.now());
    if (wait === null) return;
    // Submitting: save what is left at once (unless backing off after a failure).
    const delay = submitWanted && state.failures === 0 ? 0 : wait;
    const timer = window.setTimeout(() => dispatch({ type: "send" }), delay);
    return () => window.clearTimeout(timer);
  }, [state, submitWanted]);

  const inFlight = state.inFlight;
  useEffect(() => {
    if (!inFlight) return;
    postSave(saveUrl, inFlight.baseRevision, inFlight.changes, lockedMessage)
      .then((attempt) =>
        dispatch(
          "failed" in attempt
            ? { type: "failed", id: inFlight.id, signedOut: attempt.signedOut }
            : { type: "reply", id: inFlight.id, reply: attempt },
        ),
      )
      .catch(() => dispatch({ type: "failed", id: inFlight.id }));
  }, [inFlight, saveUrl, lockedMessage]);

  // Back online: retry at once rather than waiting out the backoff.
  useEffect(() => {
    const retry = () => latest.current.failures > 0 && dispatch({ type: "send" });
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, []);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved(latest.current)) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  // Leaving the page (another route, or closing the tab): hand the unsaved edits to the
  // browser to deliver even after the page is gone. They also stay in localStorage
  // until a later visit finds the server has them.
  useEffect(() => {
    const flush = () => {
      const current = latest.current;
      const changes = Object.entries(current.edits).map(([field, edit]) => ({
        field,
        value: edit.value,
        base: edit.base,
      }));
      if (!changes.length || current.locked || current.invalid) return;
      void fetch(saveUrl, {
        method: "POST",
        keepalive: true,
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ baseRevision: current.revision, changes }),
      }).catch(() => undefined);
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [saveUrl]);

  useEffect(() => {
    if (!submitWanted) return;
    if (state.locked || state.invalid) setSubmitWanted(false);
    else if (!hasUnsaved(state)) {
      setSubmitWanted(false);
      onSubmit(state.revision);
    }
  }, [state, submitWanted, onSubmit]);

  const setValue = useCallback(
    (field: string, value: FieldValue) => dispatch({ type: "edit", field, value, now: Date.now() }),
    [],
  );
  const resolveConflict = useCallback(
    (field: string, take: "mine" | "theirs") =>
      dispatch({ type: "resolve", field, take, now: Date.now() }),
    [],
  );
  const requestSubmit = useCallback(() => setSubmitWanted(true), []);
  const value = useCallback((field: string) => displayValue(state, field), [state]);

  return {
    state,
    value,
    setValue,
    resolveConflict,
    requestSubmit,
    submitPending: submitWanted,
    status: saveStatus(state),
    /** The id to give the element holding the draft's inputs (with `form`). */
    fieldsId,
  };
}

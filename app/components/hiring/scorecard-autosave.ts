import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import {
  autosaveReducer,
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
import type { DraftValues, FieldValue } from "~/modules/assessments/draft";

/**
 * Autosave for an interviewer's scorecard draft: the reviews' state machine
 * (app/modules/assessments/autosave.ts) with the scorecard's own save endpoint and storage key.
 * Edits are kept in memory and in this browser's storage, sent after a pause in typing (one save
 * at a time, retried with backoff), merged with what another tab saved, and flushed on leaving.
 */

export const scorecardStorageKey = (interviewId: string, authorId: string) => `rungs:scorecard-draft:${interviewId}:${authorId}`;

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

export function forgetStoredScorecard(interviewId: string, authorId: string) {
  writeStorage(scorecardStorageKey(interviewId, authorId), null);
}

type SaveAttempt = SaveReply | { failed: true; signedOut: boolean };

async function postSave(url: string, baseRevision: number, changes: unknown): Promise<SaveAttempt> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ baseRevision, changes }),
  });
  if (!(response.headers.get("Content-Type") ?? "").includes("application/json")) {
    return { failed: true, signedOut: response.redirected && new URL(response.url).pathname === "/login" };
  }
  const body = (await response.json()) as { ok?: boolean; kind?: string; message?: string };
  if (response.ok) return body as SaveReply;
  if (response.status === 400 && body.kind === "invalid") return body as SaveReply;
  if (response.status === 404 || response.status === 409) return { ok: false, kind: "locked", message: body.message ?? "This card can no longer be saved." };
  return { failed: true, signedOut: false };
}

export function useScorecardAutosave({
  interviewId,
  authorId,
  revision,
  values,
  enabled,
  onSubmit,
}: {
  interviewId: string;
  authorId: string;
  revision: number;
  values: DraftValues;
  enabled: boolean;
  /** Called once everything is saved after `requestSubmit`, with the revision the interviewer has seen. */
  onSubmit: (revision: number) => void;
}) {
  const [state, dispatch] = useReducer(autosaveReducer, null, () => initialAutosaveState(values, revision));
  const [submitWanted, setSubmitWanted] = useState(false);
  const storageKey = scorecardStorageKey(interviewId, authorId);
  const saveUrl = `/hiring/interviews/${interviewId}/save`;
  const tab = useRef("");
  const initialValues = useRef(values);
  const latest = useRef<AutosaveState>(state);
  latest.current = state;

  useEffect(() => {
    if (!enabled) return;
    tab.current = typeof crypto.randomUUID === "function" ? crypto.randomUUID() : String(Math.random()).slice(2);
    const edits = editsToRestore(parseStoredDraft(readStorage(storageKey)), initialValues.current);
    const adopted = nextStoredDraft({ v: 1, entries: {} }, tab.current, edits);
    writeStorage(storageKey, Object.keys(adopted.entries).length ? JSON.stringify(adopted) : null);
    dispatch({ type: "restore", edits, now: Date.now() });
  }, [storageKey, enabled]);

  const persistReady = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    if (!persistReady.current) {
      persistReady.current = true;
      return;
    }
    const next = nextStoredDraft(parseStoredDraft(readStorage(storageKey)), tab.current, state.edits);
    writeStorage(storageKey, Object.keys(next.entries).length ? JSON.stringify(next) : null);
  }, [state.edits, storageKey, enabled]);

  useEffect(() => dispatch({ type: "server", values, revision }), [values, revision]);

  useEffect(() => {
    const wait = saveDelay(state, Date.now());
    if (wait === null) return;
    const delay = submitWanted && state.failures === 0 ? 0 : wait;
    const timer = window.setTimeout(() => dispatch({ type: "send" }), delay);
    return () => window.clearTimeout(timer);
  }, [state, submitWanted]);

  const inFlight = state.inFlight;
  useEffect(() => {
    if (!inFlight) return;
    postSave(saveUrl, inFlight.baseRevision, inFlight.changes)
      .then((attempt) => dispatch("failed" in attempt ? { type: "failed", id: inFlight.id, signedOut: attempt.signedOut } : { type: "reply", id: inFlight.id, reply: attempt }))
      .catch(() => dispatch({ type: "failed", id: inFlight.id }));
  }, [inFlight, saveUrl]);

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

  useEffect(() => {
    const flush = () => {
      const current = latest.current;
      const changes = Object.entries(current.edits).map(([field, edit]) => ({ field, value: edit.value, base: edit.base }));
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

  const setValue = useCallback((field: string, value: FieldValue) => dispatch({ type: "edit", field, value, now: Date.now() }), []);
  const resolveConflict = useCallback((field: string, take: "mine" | "theirs") => dispatch({ type: "resolve", field, take, now: Date.now() }), []);
  const requestSubmit = useCallback(() => setSubmitWanted(true), []);
  const value = useCallback((field: string) => displayValue(state, field), [state]);

  return { state, value, setValue, resolveConflict, requestSubmit, submitPending: submitWanted, status: saveStatus(state) };
}

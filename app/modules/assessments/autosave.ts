import type { Message } from "~/i18n/messages";
import {
  sameValue,
  valueOf,
  type DraftValues,
  type FieldChange,
  type FieldConflict,
  type FieldValue,
} from "./draft";

/**
 * The browser side of draft autosave, as a pure state machine (the draft script, draft-form.ts,
 * drives it for every draft, decision 167).
 *
 * - `server` is the last copy of the draft the server confirmed, at `revision`.
 * - `edits` are the author's changes not yet confirmed, each with the value it was
 *   edited from (`base`), so the server can tell whether another tab changed the
 *   same field meanwhile. They are also kept in localStorage (see `storedDraft`),
 *   so a refresh, a failed request or a closed tab loses nothing.
 * - One save is in flight at a time; edits made during it wait for the next one.
 */
export type Edit = { value: FieldValue; base: FieldValue };

export type SaveReply =
  | { ok: true; revision: number; values: DraftValues; conflicts: FieldConflict[]; savedAt: string }
  | { ok: false; kind: "invalid"; fieldErrors: Record<string, string[]>; message: string }
  | { ok: false; kind: "locked"; message: string };

export type AutosaveState = {
  revision: number;
  server: DraftValues;
  edits: Record<string, Edit>;
  inFlight: { id: number; baseRevision: number; changes: FieldChange[] } | null;
  /** Bumped by every edit, so a pending debounce restarts. */
  editCount: number;
  /** When the oldest unsaved edit was made (ms), to cap how long typing can postpone a save. */
  firstUnsavedAt: number | null;
  lastEditAt: number | null;
  failures: number;
  /** Set when the last save failed because the session ended (the save page answered with the sign-in page). */
  signedOut: boolean;
  savedAt: string | null;
  /** Fields another tab also changed: this tab's value was kept, theirs is offered. */
  conflicts: Record<string, FieldConflict>;
  fieldErrors: Record<string, string[]>;
  /** Set when the server refused the save as invalid; no retry until the author edits again. */
  invalid: string | null;
  /** Set when the draft can no longer be saved (submitted, cycle closed, gone). */
  locked: string | null;
  restored: number;
  nextSaveId: number;
};

export type AutosaveEvent =
  | { type: "edit"; field: string; value: FieldValue; now: number }
  | { type: "restore"; edits: Record<string, Edit>; now: number }
  | { type: "send" }
  | { type: "reply"; id: number; reply: SaveReply }
  | { type: "failed"; id: number; signedOut?: boolean }
  | { type: "server"; values: DraftValues; revision: number }
  | { type: "resolve"; field: string; take: "mine" | "theirs"; now: number };

export const SAVE_DEBOUNCE_MS = 800;
export const SAVE_MAX_WAIT_MS = 5_000;

export function initialAutosaveState(values: DraftValues, revision: number): AutosaveState {
  return {
    revision,
    server: values,
    edits: {},
    inFlight: null,
    editCount: 0,
    firstUnsavedAt: null,
    lastEditAt: null,
    failures: 0,
    signedOut: false,
    savedAt: null,
    conflicts: {},
    fieldErrors: {},
    invalid: null,
    locked: null,
    restored: 0,
    nextSaveId: 1,
  };
}

/** What the author sees in a field: their unsaved edit, else the server's value. */
export function displayValue(state: AutosaveState, field: string): FieldValue {
  const edit = state.edits[field];
  return edit ? edit.value : valueOf(state.server, field);
}

export function hasUnsaved(state: AutosaveState): boolean {
  return state.inFlight !== null || Object.keys(state.edits).length > 0;
}

function inFlightValue(state: AutosaveState, field: string): { value: FieldValue } | undefined {
  const change = state.inFlight?.changes.find((candidate) => candidate.field === field);
  return change ? { value: change.value } : undefined;
}

function applyEdit(
  state: AutosaveState,
  field: string,
  value: FieldValue,
  now: number,
): AutosaveState {
  const edits = { ...state.edits };
  const flying = inFlightValue(state, field);
  // Once the in-flight save lands, the server holds the flying value; compare with that.
  const settled = flying ? flying.value : valueOf(state.server, field);
  if (sameValue(field, value, settled) && !edits[field]) return state;
  if (sameValue(field, value, settled) && !flying) delete edits[field];
  else edits[field] = { value, base: edits[field]?.base ?? settled };
  const fieldErrors = { ...state.fieldErrors };
  delete fieldErrors[field];
  return {
    ...state,
    edits,
    fieldErrors,
    invalid: null,
    editCount: state.editCount + 1,
    lastEditAt: now,
    firstUnsavedAt: Object.keys(edits).length ? (state.firstUnsavedAt ?? now) : null,
  };
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "edit":
      if (state.locked) return state;
      return applyEdit(state, event.field, event.value, event.now);

    case "restore": {
      let next = state;
      let restored = 0;
      for (const [field, edit] of Object.entries(event.edits)) {
        if (sameValue(field, edit.value, valueOf(next.server, field)) || next.edits[field])
          continue;
        next = { ...next, edits: { ...next.edits, [field]: edit } };
        restored++;
      }
      if (!restored) return state;
      return {
        ...next,
        restored,
        editCount: next.editCount + 1,
        lastEditAt: event.now,
        firstUnsavedAt: next.firstUnsavedAt ?? event.now,
      };
    }

    case "send": {
      if (state.inFlight || state.locked || state.invalid) return state;
      const changes = Object.entries(state.edits).map(([field, edit]) => ({
        field,
        value: edit.value,
        base: edit.base,
      }));
      if (!changes.length) return state;
      return {
        ...state,
        inFlight: { id: state.nextSaveId, baseRevision: state.revision, changes },
        nextSaveId: state.nextSaveId + 1,
      };
    }

    case "reply": {
      if (state.inFlight?.id !== event.id) return state;
      const { reply } = event;
      const sent = state.inFlight.changes;
      if (!reply.ok) {
        if (reply.kind === "locked") return { ...state, inFlight: null, locked: reply.message };
        return {
          ...state,
          inFlight: null,
          invalid: reply.message,
          fieldErrors: { ...state.fieldErrors, ...reply.fieldErrors },
        };
      }
      const edits = { ...state.edits };
      for (const change of sent) {
        const edit = edits[change.field];
        if (!edit) continue;
        // Typed more while the save was on its way: the server now holds what was sent.
        if (sameValue(change.field, edit.value, change.value)) delete edits[change.field];
        else edits[change.field] = { value: edit.value, base: change.value };
      }
      const conflicts = { ...state.conflicts };
      for (const change of sent) delete conflicts[change.field];
      for (const conflict of reply.conflicts) conflicts[conflict.field] = conflict;
      const unsaved = Object.keys(edits).length > 0;
      return {
        ...state,
        inFlight: null,
        server: reply.values,
        revision: Math.max(state.revision, reply.revision),
        edits,
        conflicts,
        failures: 0,
        signedOut: false,
        savedAt: reply.savedAt,
        firstUnsavedAt: unsaved ? state.firstUnsavedAt : null,
      };
    }

    case "failed":
      if (state.inFlight?.id !== event.id) return state;
      return {
        ...state,
        inFlight: null,
        failures: state.failures + 1,
        signedOut: event.signedOut ?? false,
      };

    case "server":
      // A fresher copy from the page's loader (after a reload or a refused submit).
      if (event.revision <= state.revision || state.inFlight) return state;
      return { ...state, server: event.values, revision: event.revision };

    case "resolve": {
      const conflict = state.conflicts[event.field];
      if (!conflict) return state;
      const conflicts = { ...state.conflicts };
      delete conflicts[event.field];
      const resolved = { ...state, conflicts };
      return event.take === "theirs"
        ? applyEdit(resolved, event.field, conflict.theirs, event.now)
        : resolved;
    }
  }
}

/** Delay before retrying after `failures` failed saves in a row: 1 s, 2 s, 4 s … up to 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
}

/**
 * How long to wait before sending the unsaved edits, or null when there is nothing
 * to send now (nothing unsaved, a save in flight, or blocked). Typing postpones a
 * save by the debounce, but never beyond SAVE_MAX_WAIT_MS after the first unsaved edit.
 */
export function saveDelay(state: AutosaveState, now: number): number | null {
  if (state.inFlight || state.locked || state.invalid || !Object.keys(state.edits).length)
    return null;
  if (state.failures > 0) return retryDelay(state.failures);
  const debounce = (state.lastEditAt ?? now) + SAVE_DEBOUNCE_MS - now;
  const cap = (state.firstUnsavedAt ?? now) + SAVE_MAX_WAIT_MS - now;
  return Math.max(0, Math.min(debounce, cap));
}

/** The visible saved state: `said` is the message the status line words (`DraftStatus`). */
export type SaveStatus = { tone: "neutral" | "busy" | "ok" | "error"; said: Message };

/** The visible saved state. */
export function saveStatus(state: AutosaveState): SaveStatus {
  if (state.locked)
    return {
      tone: "error",
      said: { key: "assessments:autosave.notSavedBecause", values: { reason: state.locked } },
    };
  if (state.invalid)
    return {
      tone: "error",
      said: { key: "assessments:autosave.notSavedInvalid" },
    };
  if (state.failures > 0 && state.signedOut) {
    return {
      tone: "error",
      said: { key: "assessments:autosave.notSavedSignedOut" },
    };
  }
  if (state.failures > 0)
    return {
      tone: "error",
      said: { key: "assessments:autosave.notSavedRetrying" },
    };
  if (hasUnsaved(state)) return { tone: "busy", said: { key: "assessments:autosave.saving" } };
  if (state.savedAt)
    return {
      tone: "ok",
      said: { key: "assessments:autosave.savedAt", values: { time: Date.parse(state.savedAt) } },
    };
  return {
    tone: "neutral",
    said: { key: "assessments:autosave.allSaved" },
  };
}

/**
 * The localStorage copy of unsaved edits, shared by every tab on the same draft.
 * Each entry notes the tab that wrote it; a tab rewrites only its own entries, so it
 * never drops another tab's unsaved text.
 */
export type StoredDraft = { v: 1; entries: Record<string, Edit & { tab: string }> };

export function draftStorageKey(assessmentId: string, authorId: string): string {
  return `rungs:assessment-draft:${assessmentId}:${authorId}`;
}

export function parseStoredDraft(text: string | null): StoredDraft {
  const empty: StoredDraft = { v: 1, entries: {} };
  if (!text) return empty;
  try {
    const parsed = JSON.parse(text) as Partial<StoredDraft>;
    if (parsed?.v !== 1 || !parsed.entries || typeof parsed.entries !== "object") return empty;
    const entries: StoredDraft["entries"] = {};
    const isValue = (value: unknown) =>
      value === null || typeof value === "string" || typeof value === "number";
    for (const [field, entry] of Object.entries(parsed.entries)) {
      if (entry && isValue(entry.value) && isValue(entry.base) && typeof entry.tab === "string")
        entries[field] = entry;
    }
    return { v: 1, entries };
  } catch {
    return empty;
  }
}

/** The stored draft after this tab writes its current edits: other tabs' entries stay, this tab's are replaced. */
export function nextStoredDraft(
  stored: StoredDraft,
  tab: string,
  edits: Record<string, Edit>,
): StoredDraft {
  const entries: StoredDraft["entries"] = {};
  for (const [field, entry] of Object.entries(stored.entries))
    if (entry.tab !== tab) entries[field] = entry;
  for (const [field, edit] of Object.entries(edits)) entries[field] = { ...edit, tab };
  return { v: 1, entries };
}

/** Edits to restore from storage on load: those that still differ from what the server holds. */
export function editsToRestore(stored: StoredDraft, server: DraftValues): Record<string, Edit> {
  const edits: Record<string, Edit> = {};
  for (const [field, entry] of Object.entries(stored.entries)) {
    if (!sameValue(field, entry.value, valueOf(server, field)))
      edits[field] = { value: entry.value, base: entry.base };
  }
  return edits;
}

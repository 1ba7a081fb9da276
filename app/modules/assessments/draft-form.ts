import { pageControls, sentValue } from "~/components/ui/page-controls";
import {
  autosaveReducer,
  changesBeforeHydration,
  editsToRestore,
  hasUnsaved,
  initialAutosaveState,
  nextStoredDraft,
  parseStoredDraft,
  saveDelay,
  saveStatus,
  type AutosaveEvent,
  type AutosaveState,
  type SaveReply,
} from "./autosave";
import {
  draftSpelling,
  formChanges,
  type DraftValues,
  type FieldChange,
  type FieldSpelling,
  type FieldValue,
} from "./draft";

/**
 * A draft that saves itself, bound to the form the server rendered (decision 167): the state
 * machine of decision 004 (autosave.ts) driven by the form's own fields. Where the app's scripts
 * run, the form's component binds it once mounted; a document sent without them carries it as one
 * small script (draft-form.page.ts). Either way it is the one way a draft is kept as it is typed.
 *
 * The form says what it needs in attributes: `data-draft` the save endpoint, `data-draft-key`
 * where this browser keeps unsaved edits, `data-draft-revision` and `data-draft-values` (JSON,
 * every field) the server's copy it was rendered from. Everything it says is rendered by the
 * server: the status line (`data-draft-status`) carries each status's words in an attribute named
 * after its message's key; a field another tab also changed (`data-draft-conflict`, the field)
 * shows the other tab's value (`data-theirs`, in its words' `{theirs}`) with buttons to keep either (`data-take`); a field's
 * errors (`data-draft-errors`) and what the save endpoint notes about the draft
 * (`data-draft-note`, its name) come worded in the save's answer; a draft that can no longer be
 * saved shows why (`data-draft-locked`, the reason put in its `data-reason`). `spelling` is how
 * the form names and sends its fields, as the server reads a plain post of it.
 */
export function keepDraft(
  form: HTMLElement,
  spelling: FieldSpelling = draftSpelling,
  { onState, typed = [] }: DraftOptions = {},
): DraftHandle {
  const saveUrl = form.dataset.draft!;
  const storageKey = form.dataset.draftKey!;
  const values = JSON.parse(form.dataset.draftValues!) as DraftValues;
  const status = form.querySelector<HTMLElement>("[data-draft-status]");
  const tab =
    typeof crypto.randomUUID === "function" ? crypto.randomUUID() : String(Math.random()).slice(2);
  const listeners: [EventTarget, string, EventListener, boolean?][] = [];
  const on = <E extends Event>(
    target: EventTarget,
    type: string,
    listener: (event: E) => void,
    capture?: boolean,
  ) => {
    target.addEventListener(type, listener as EventListener, capture);
    listeners.push([target, type, listener as EventListener, capture]);
  };

  let state: AutosaveState = initialAutosaveState(values, Number(form.dataset.draftRevision));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let savedWords: string | null = null;
  /** What asked to submit (a button, the form, or the page's own step), waiting for every edit to be saved. */
  let submitWanted:
    HTMLElement | true | { go: (revision: number) => void; stop: () => void } | null = null;
  let letThrough = false;

  const fieldOfInput = new Map(
    Object.keys(values).map((field) => [spelling.inputName(field), field]),
  );
  const controlsNamed = (name: string) =>
    pageControls(form.querySelectorAll(`[name="${CSS.escape(name)}"]`));
  const read = (name: string) => sentValue(controlsNamed(name), name);
  const put = (field: string, value: FieldValue) => {
    const text = value === null ? "" : String(value);
    for (const control of controlsNamed(spelling.inputName(field)))
      control.put(control.choice ? String(control.element.value === text) : text);
  };

  function dispatch(event: AutosaveEvent) {
    const before = state;
    state = autosaveReducer(state, event);
    if (state !== before) changed(before);
  }

  function changed(before: AutosaveState) {
    if (state.edits !== before.edits) store(state.locked ? null : state.edits);
    if (state.locked) store(null);
    const revision = form.querySelector<HTMLInputElement>('input[name="revision"]');
    if (revision) revision.value = String(state.revision);
    if (state.conflicts !== before.conflicts) showConflicts();
    if (state.fieldErrors !== before.fieldErrors)
      for (const list of form.querySelectorAll<HTMLElement>("[data-draft-errors]")) {
        const errors = state.fieldErrors[list.dataset.draftErrors!];
        list.textContent = errors?.join(" ") ?? "";
        list.hidden = !errors?.length;
      }
    for (const locked of form.querySelectorAll<HTMLElement>("[data-draft-locked]")) {
      locked.hidden = !state.locked;
      const reason = locked.querySelector("[data-reason]");
      if (reason && state.locked) reason.textContent = state.locked;
    }
    say();
    if (state.inFlight && state.inFlight !== before.inFlight) send(state.inFlight);
    schedule();
    if (submitWanted && (state.locked || state.invalid)) giveUpSubmitting();
    else if (submitWanted && !hasUnsaved(state)) submitNow();
    onState?.(state);
  }

  function giveUpSubmitting() {
    if (typeof submitWanted === "object" && submitWanted && "stop" in submitWanted)
      submitWanted.stop();
    submitWanted = null;
  }

  function store(edits: AutosaveState["edits"] | null) {
    try {
      const next = nextStoredDraft(
        parseStoredDraft(localStorage.getItem(storageKey)),
        tab,
        edits ?? {},
      );
      if (!edits || !Object.keys(next.entries).length) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the server copy and the edits in the page still stand.
    }
  }

  function say() {
    if (!status) return;
    const { tone, said } = saveStatus(state);
    const name = said.key.slice(said.key.lastIndexOf(".") + 1);
    const words =
      name === "savedAt"
        ? savedWords
        : (status.dataset[name] ?? "").replace("{reason}", () => state.locked ?? "");
    status.textContent = words ?? status.dataset.allSaved ?? "";
    status.dataset.tone = tone;
  }

  function showConflicts() {
    for (const notice of form.querySelectorAll<HTMLElement>("[data-draft-conflict]")) {
      const conflict = state.conflicts[notice.dataset.draftConflict!];
      notice.hidden = !conflict;
      const theirs = notice.querySelector<HTMLElement>("[data-theirs]");
      if (conflict && theirs)
        theirs.textContent = (theirs.dataset.words ?? "{theirs}").replace("{theirs}", () =>
          conflict.theirs === null || conflict.theirs === ""
            ? (theirs.dataset.none ?? "")
            : String(conflict.theirs),
        );
    }
  }

  function schedule() {
    clearTimeout(timer);
    const wait = saveDelay(state, Date.now());
    if (wait === null) return;
    // Submitting: save what is left at once (unless backing off after a failure).
    timer = setTimeout(
      () => dispatch({ type: "send" }),
      submitWanted && !state.failures ? 0 : wait,
    );
  }

  function send(inFlight: NonNullable<AutosaveState["inFlight"]>) {
    post(inFlight.baseRevision, inFlight.changes, false)
      .then(async (response) => {
        // A sign-in page (session ended) or a proxy's error page is a failure to retry, not an answer.
        if (!(response.headers.get("Content-Type") ?? "").includes("application/json"))
          return dispatch({
            type: "failed",
            id: inFlight.id,
            signedOut: response.redirected && new URL(response.url).pathname === "/login",
          });
        const body = (await response.json()) as SaveReply & {
          said?: string;
          notes?: Record<string, string>;
          message?: string;
        };
        if (response.ok) {
          if (body.ok) savedWords = body.said ?? null;
          for (const note of form.querySelectorAll<HTMLElement>("[data-draft-note]")) {
            const words = body.notes?.[note.dataset.draftNote!];
            if (words === undefined) continue;
            note.textContent = words;
            note.hidden = !words;
          }
          return dispatch({ type: "reply", id: inFlight.id, reply: body });
        }
        if (response.status === 400 && !body.ok && body.kind === "invalid")
          return dispatch({ type: "reply", id: inFlight.id, reply: body });
        if (response.status === 404 || response.status === 409)
          return dispatch({
            type: "reply",
            id: inFlight.id,
            reply: { ok: false, kind: "locked", message: body.message ?? "" },
          });
        dispatch({ type: "failed", id: inFlight.id });
      })
      .catch(() => dispatch({ type: "failed", id: inFlight.id }));
  }

  function post(baseRevision: number, changes: unknown, keepalive: boolean) {
    return fetch(saveUrl, {
      method: "POST",
      keepalive,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ baseRevision, changes }),
    });
  }

  function submitNow() {
    const wanted = submitWanted;
    submitWanted = null;
    store(null);
    if (typeof wanted === "object" && wanted && "go" in wanted) return wanted.go(state.revision);
    letThrough = true;
    (form as HTMLFormElement).requestSubmit(wanted instanceof HTMLElement ? wanted : null);
  }

  /** What differs in the page from the server's copy: typed before this ran, or put back by the browser. */
  function takeWhatThePageHolds() {
    const now = Date.now();
    for (const { field, value } of formChanges(state.server, read, spelling))
      if (!(field in state.edits) || state.edits[field]!.value !== value)
        dispatch({ type: "edit", field, value, now });
  }

  // Bring back edits this browser kept but the server never got (a refresh, a crash, offline).
  let stored = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage blocked: nothing to bring back.
  }
  const restored = editsToRestore(parseStoredDraft(stored), values);
  // What was typed before this ran: read as the app's page hydrated (hydrating may have put a
  // rendered text back), and as the page holds it now, which wins.
  const typedFirst = changesBeforeHydration(typed, formChanges(values, read, spelling));
  dispatch({ type: "restore", edits: restored, now: Date.now() });
  for (const field of Object.keys(restored))
    if (!typedFirst.some((change) => change.field === field)) put(field, restored[field]!.value);
  store(state.edits);
  for (const { field, value } of typedFirst) {
    put(field, value);
    dispatch({ type: "edit", field, value, now: Date.now() });
  }
  say();
  onState?.(state);

  const edited = (event: Event) => {
    const target = event.target as HTMLInputElement;
    const field = target.name ? fieldOfInput.get(target.name) : undefined;
    if (!field) return;
    dispatch({
      type: "edit",
      field,
      value: spelling.value(field, read(target.name) ?? null),
      now: Date.now(),
    });
  };
  on(form, "input", edited);
  on(form, "change", edited);
  on(form, "click", (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLElement>("[data-take]");
    const field = button?.closest<HTMLElement>("[data-draft-conflict]")?.dataset.draftConflict;
    if (!button || !field) return;
    const conflict = state.conflicts[field];
    const take = button.dataset.take === "theirs" ? "theirs" : "mine";
    dispatch({ type: "resolve", field, take, now: Date.now() });
    if (conflict && take === "theirs") put(field, conflict.theirs);
  });
  // Submitting waits until every edit is saved, then submits with the revision the author has seen.
  if (form instanceof HTMLFormElement)
    on(
      form,
      "submit",
      (event: SubmitEvent) => {
        if (letThrough) {
          letThrough = false;
          store(null);
          return;
        }
        if (!hasUnsaved(state)) return store(null);
        event.preventDefault();
        event.stopImmediatePropagation();
        if (state.locked) return;
        submitWanted = event.submitter ?? true;
        if (state.invalid) submitWanted = null;
        schedule();
      },
      true,
    );
  on(window, "online", () => state.failures > 0 && dispatch({ type: "send" }));
  on(window, "pageshow", (event: PageTransitionEvent) => event.persisted && takeWhatThePageHolds());
  on(window, "beforeunload", (event: BeforeUnloadEvent) => {
    if (!hasUnsaved(state) || letThrough) return;
    event.preventDefault();
    event.returnValue = "";
  });
  // Leaving (another page, or the tab closed): the browser delivers what is left after the page is
  // gone; it also stays in storage until a later visit finds the server has it.
  const flush = () => {
    const changes = Object.entries(state.edits).map(([field, edit]) => ({ field, ...edit }));
    if (changes.length && !state.locked && !state.invalid)
      post(state.revision, changes, true).catch(() => undefined);
  };
  on(window, "pagehide", flush);

  return {
    stop() {
      clearTimeout(timer);
      for (const [target, type, listener, capture] of listeners)
        target.removeEventListener(type, listener, capture);
      flush();
    },
    edit(field, value) {
      put(field, value);
      dispatch({ type: "edit", field, value, now: Date.now() });
    },
    server(values, revision) {
      dispatch({ type: "server", values, revision });
    },
    resolve(field, take) {
      const conflict = state.conflicts[field];
      dispatch({ type: "resolve", field, take, now: Date.now() });
      if (conflict && take === "theirs") put(field, conflict.theirs);
    },
    submitWhenSaved(go, stop) {
      if (state.locked || state.invalid) return stop();
      submitWanted = { go, stop };
      if (!hasUnsaved(state)) submitNow();
      else schedule();
    },
  };
}

export type DraftOptions = {
  /** Told every state the draft passes through, for a page that shows it itself (the app's editor). */
  onState?: (state: AutosaveState) => void;
  /** What was typed in the page before it could be bound (read as the app's page hydrated). */
  typed?: readonly FieldChange[];
};

/** A bound draft, for a page that drives parts of it itself. */
export type DraftHandle = {
  /** Unbinds, handing what is not saved yet to the browser to deliver. */
  stop: () => void;
  /** Sets a field, in the page and in the draft (a button that clears a rating). */
  edit: (field: string, value: FieldValue) => void;
  /** A newer copy of the draft from the server (the app's page read again). */
  server: (values: DraftValues, revision: number) => void;
  /** Keeps this tab's value of a field another tab also changed, or takes theirs. */
  resolve: (field: string, take: "mine" | "theirs") => void;
  /** Calls `go` with the revision the author has seen once every edit is saved; `stop` if it cannot be. */
  submitWhenSaved: (go: (revision: number) => void, stop: () => void) => void;
};

/** The fields whose input under `root` holds another value than the one rendered (`values`). */
export function typedInPage(
  root: Element,
  values: DraftValues,
  spelling: FieldSpelling = draftSpelling,
): FieldChange[] {
  const controls = pageControls(root.querySelectorAll("input[name], select[name], textarea[name]"));
  return formChanges(values, (name) => sentValue(controls, name), spelling);
}

import { pageControls, sentValue } from "~/components/ui/page-controls";
import {
  autosaveReducer,
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
  type FieldSpelling,
  type FieldValue,
} from "./draft";

/**
 * Drops the copy this browser keeps of a draft's unsaved edits: once saved, and on a page where the
 * draft can no longer change (declined, submitted, locked), which names it (`ForgottenDraft`).
 */
export function forgetDraft(storageKey: string) {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Storage blocked: nothing was kept there.
  }
}

/**
 * A draft that saves itself, bound to the fields the server rendered under `form` (a form, or an
 * assessment's editor: decisions 167 and 169): the state machine of decision 004 (autosave.ts)
 * driven by the page's own fields. Both where the app's scripts run and in a document sent without
 * them, it is bound from the root's attributes (`keepRenderedDraft`): the one way a draft is kept
 * as it is typed. A form sent from under the root, and a link marked `data-draft-save-first`, wait
 * until every edit is saved.
 *
 * Everything it says is rendered by the server: the status line (`data-draft-status`) carries each
 * status's words in an attribute named after its message's key; beside a field another tab also
 * changed goes a copy of `template[data-draft-conflict]`, showing the other tab's value
 * (`data-theirs`, in its words' `{theirs}`) with buttons to keep either (`data-take`); beside a
 * field's errors, a copy of `template[data-draft-errors]`, worded in the save's answer; a draft that
 * can no longer be saved shows why (`data-draft-locked`, the reason put in its `data-reason`);
 * edits brought back from this browser show `data-draft-restored`.
 */
export function keepDraft(
  form: HTMLElement,
  { saveUrl, storageKey, revision, values, spelling = draftSpelling, onState }: Draft,
): DraftHandle {
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

  let state: AutosaveState = initialAutosaveState(values, revision);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let savedWords: string | null = null;
  /** What asked to submit (a form and its button, or a link out), waiting for every edit to be saved. */
  let submitWanted:
    | { form: HTMLFormElement; submitter: HTMLElement | null }
    | { go: (revision: number) => void; stop: () => void; leaving?: true }
    | null = null;
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
    // A draft that can no longer be saved keeps nothing in this browser.
    if (state.locked) store(null);
    else if (state.edits !== before.edits) store(state.edits);
    const seen = form.querySelector<HTMLInputElement>('input[name="revision"]');
    if (seen) seen.value = String(state.revision);
    if (state.conflicts !== before.conflicts)
      beside("data-draft-conflict", state.conflicts, (notice, conflict) => {
        const theirs = notice.querySelector<HTMLElement>("[data-theirs]")!;
        // A choice's value in its words (`data-labels`: by the field's kind, each value's label).
        const labels = JSON.parse(theirs.dataset.labels ?? "{}") as Record<
          string,
          Record<string, string>
        >;
        const kind = conflict.field.slice(0, conflict.field.indexOf(":"));
        theirs.textContent = (theirs.dataset.words ?? "{theirs}").replace("{theirs}", () =>
          conflict.theirs === null || conflict.theirs === ""
            ? (theirs.dataset.none ?? "")
            : (labels[kind]?.[String(conflict.theirs)] ?? String(conflict.theirs)),
        );
      });
    for (const restored of form.querySelectorAll<HTMLElement>("[data-draft-restored]"))
      restored.hidden = !state.restored;
    if (state.fieldErrors !== before.fieldErrors)
      beside("data-draft-errors", state.fieldErrors, (list, errors) => {
        list.textContent = errors.join(" ");
      });
    for (const locked of form.querySelectorAll<HTMLElement>("[data-draft-locked]")) {
      locked.hidden = !state.locked;
      const reason = locked.querySelector("[data-reason]");
      if (reason && state.locked) reason.textContent = state.locked;
    }
    say();
    if (state.inFlight && state.inFlight !== before.inFlight) send(state.inFlight);
    schedule();
    // A link out goes without its save once a save fails: the edits stay in this browser.
    const cannotWait = submitWanted && "leaving" in submitWanted && state.failures > 0;
    if (submitWanted && (state.locked || state.invalid || cannotWait)) giveUpSubmitting();
    else if (submitWanted && !hasUnsaved(state)) submitNow();
    onState?.(state);
  }

  function giveUpSubmitting() {
    if (submitWanted && "stop" in submitWanted) submitWanted.stop();
    submitWanted = null;
  }

  /** A form whose sending ends the draft (the draft's own form, or one marked `data-draft-submit`): no copy of it is kept after. */
  const ends = (sent: HTMLFormElement) => sent === form || sent.hasAttribute("data-draft-submit");

  function store(edits: AutosaveState["edits"] | null) {
    try {
      const next = nextStoredDraft(
        parseStoredDraft(localStorage.getItem(storageKey)),
        tab,
        edits ?? {},
      );
      if (!edits || !Object.keys(next.entries).length) forgetDraft(storageKey);
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

  /**
   * Shows something about each field named in `about` (a conflict, its errors) beside the field:
   * a copy of the page's `template[<attribute>]`, the field in that attribute, after its last
   * control; copies of fields no longer named go.
   */
  function beside<T>(
    attribute: string,
    about: Record<string, T>,
    fill: (element: HTMLElement, about: T) => void,
  ) {
    const template = form.querySelector<HTMLTemplateElement>(`template[${attribute}]`);
    if (!template) return;
    const shown = new Map(
      [...form.querySelectorAll<HTMLElement>(`[${attribute}]:not(template)`)].map((element) => [
        element.getAttribute(attribute)!,
        element,
      ]),
    );
    for (const [field, element] of shown) if (!(field in about)) element.remove();
    for (const [field, said] of Object.entries(about)) {
      let element = shown.get(field);
      const last = controlsNamed(spelling.inputName(field)).at(-1)?.element;
      if (!element && last) {
        element = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
        element.setAttribute(attribute, field);
        (last.closest("label") ?? last).after(element);
      }
      if (element) fill(element, said);
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
          message?: string;
        };
        if (response.ok) {
          if (body.ok) savedWords = body.said ?? null;
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
    if (!wanted) return;
    if ("go" in wanted) return wanted.go(state.revision);
    if (ends(wanted.form)) store(null);
    letThrough = true;
    wanted.form.requestSubmit(wanted.submitter);
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
  // What was typed before this ran (a document's fields are usable before its scripts are).
  const typedFirst = formChanges(values, read, spelling);
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
  // A form sent from the draft (submitting it, or another of its page's forms) waits until every
  // edit is saved, then goes with the revision the author has seen.
  on(
    form,
    "submit",
    (event: SubmitEvent) => {
      const sent = event.target as HTMLFormElement;
      if (letThrough || !hasUnsaved(state)) {
        letThrough = false;
        if (ends(sent)) store(null);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (state.locked || state.invalid) return;
      submitWanted = { form: sent, submitter: event.submitter };
      schedule();
    },
    true,
  );
  // A link to another part of the draft (`data-draft-save-first`) goes once what is typed is saved,
  // so moving between its pages asks nothing; it goes all the same if that cannot be done (locked,
  // refused, or a save failed), the browser asking before edits kept only here are left behind.
  on(
    form,
    "click",
    (event: MouseEvent) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>("a[data-draft-save-first]");
      if (!link || letThrough || !hasUnsaved(state) || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const go = () => {
        letThrough = true;
        link.click();
        letThrough = false;
      };
      submitWanted = { go, stop: go, leaving: true };
      if (state.locked || state.invalid || state.failures > 0) return giveUpSubmitting();
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
  };
}

export type Draft = {
  /** The draft's save endpoint: `{ baseRevision, changes }` in, a SaveReply out. */
  saveUrl: string;
  /** Where this browser keeps unsaved edits: one key per draft and author. */
  storageKey: string;
  /** The server's copy the page was rendered from, every field, and its revision. */
  values: DraftValues;
  revision: number;
  /** How the page names and sends its fields, as the server reads a plain post of them. */
  spelling?: FieldSpelling;
  /** Told every state the draft passes through, for a page that shows more of it (decision 169). */
  onState?: (state: AutosaveState) => void;
};

/** A bound draft. */
export type DraftHandle = {
  /** Unbinds, handing what is not saved yet to the browser to deliver. */
  stop: () => void;
};

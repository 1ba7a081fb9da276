// The one script every document sent without the app's scripts carries (decision 134), a file of
// its own the browser keeps (scripts/page-script-plugin.ts). Each part answers markup the server
// rendered for it; in a document with the app's scripts, the components' own handlers do.

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const elementOf = (event: Event) => event.target as Element;

// Print buttons (`data-print`) print. Copy buttons (`data-copy`, the id of the field they copy)
// copy, saying so in the field's status, or select the text where the clipboard is not offered
// (decision 152).
addEventListener("click", (event) => {
  const button = elementOf(event).closest?.<HTMLElement>("[data-print],[data-copy]");
  if (!button) return;
  if (button.dataset.copy === undefined) return print();
  const field = document.getElementById(button.dataset.copy) as HTMLInputElement;
  const status = document.getElementById(`${button.dataset.copy}-status`)!;
  Promise.resolve()
    .then(() => navigator.clipboard.writeText(field.value))
    .then(
      () => (status.textContent = button.dataset.copied ?? ""),
      () => {
        field.select();
        status.textContent = button.dataset.failed ?? "";
      },
    );
});

// The latest question asked of a resource route by each field or form: an older answer is dropped.
const asked = new WeakMap<Element, number>();
const ask = (element: Element) => {
  const number = (asked.get(element) ?? 0) + 1;
  asked.set(element, number);
  return () => asked.get(element) === number;
};

// A field that suggests as people type (`data-suggestions`, `SuggestField`) fills its list from
// that resource route (decision 157).
addEventListener("input", (event) => {
  const field = event.target as HTMLInputElement;
  const route = field.dataset?.suggestions;
  const typed = route ? field.value.trim() : "";
  if (!route || !typed) return;
  const latest = ask(field);
  const query = new URLSearchParams({ q: typed });
  fetch(`${route}${route.includes("?") ? "&" : "?"}${query}`)
    .then((response) => response.json())
    .then(
      (answer: { suggestions: Partial<HTMLOptionElement>[] }) => {
        if (!latest()) return;
        const options = answer.suggestions.map((suggestion) =>
          Object.assign(document.createElement("option"), suggestion),
        );
        field.list!.replaceChildren(...options);
      },
      () => {},
    );
});

// A form that advises as people type (`data-advice`, the resource route asked with the fields named
// in `data-advice-fields` as one of them changes) shows the advice (`data-advice-key`) whose keys
// the latest answer names, and hides the rest (decision 162).
addEventListener("input", (event) => {
  const control = event.target as Control;
  const form = control.form;
  const route = form?.dataset.advice;
  if (!form || !route) return;
  const names = form.dataset.adviceFields!.split(" ");
  if (!names.includes(control.name)) return;
  const latest = ask(form);
  const value = (name: string) =>
    (form.elements.namedItem(name) as { value?: string } | null)?.value ?? "";
  const query = new URLSearchParams(names.map((name) => [name, value(name)]));
  fetch(`${route}?${query}`)
    .then((response) => response.json())
    .then(
      (answer: { advice: string[] }) => {
        if (!latest()) return;
        for (const advice of form.querySelectorAll<HTMLElement>("[data-advice-key]"))
          advice.hidden = !answer.advice.includes(advice.dataset.adviceKey!);
      },
      () => {},
    );
});

/** Whether a control holds something other than what the page was rendered with. */
function changed(control: Control): boolean {
  if (control.type === "checkbox" || control.type === "radio")
    return (control as HTMLInputElement).checked !== (control as HTMLInputElement).defaultChecked;
  if (control instanceof HTMLSelectElement)
    return [...control.options].some((option) => option.selected !== option.defaultSelected);
  return control.value !== control.defaultValue;
}

/** What a control holds now counts as sent: the page's own copy of it. */
function markSent(control: Element) {
  if (
    control instanceof HTMLInputElement &&
    (control.type === "checkbox" || control.type === "radio")
  )
    control.defaultChecked = control.checked;
  else if (control instanceof HTMLSelectElement)
    for (const option of control.options) option.defaultSelected = option.selected;
  else if ("defaultValue" in control)
    (control as HTMLInputElement).defaultValue = (control as HTMLInputElement).value;
}

// A form kept as it is typed (`data-keep`, the intent its page's action keeps it under) is sent a
// moment after each change; its status (`data-keep-status`) then says what the page the action
// answers says in its place, and once kept, what it holds counts as sent (decision 164).
const keeping = new WeakMap<
  HTMLFormElement,
  { edit: number; timer?: ReturnType<typeof setTimeout> }
>();
function keep(form: HTMLFormElement) {
  const status = form.querySelector<HTMLElement>("[data-keep-status]")!;
  const kept = keeping.get(form) ?? { edit: 0 };
  keeping.set(form, kept);
  const edit = ++kept.edit;
  status.textContent = status.dataset.saving ?? "";
  clearTimeout(kept.timer);
  kept.timer = setTimeout(() => {
    const body = new FormData(form);
    body.set("intent", form.dataset.keep!);
    fetch(form.action, { method: "POST", body })
      .then((response) => response.text())
      .then((html) => {
        const answered = new DOMParser()
          .parseFromString(html, "text/html")
          .getElementById(status.id);
        if (!answered) throw new Error("the answer has no status");
        if (kept.edit !== edit) return;
        status.textContent = answered.textContent;
        status.className = answered.className;
        if (answered.dataset.kept !== undefined)
          for (const control of form.elements) markSent(control);
      })
      .catch(() => {
        if (kept.edit === edit) status.textContent = status.dataset.failed ?? "";
      });
  }, 800);
}
for (const type of ["input", "change"])
  addEventListener(type, (event) => {
    const form = (event.target as Partial<Control>).form;
    if (form?.dataset.keep) keep(form);
  });
// Back on the page (from the browser's history) with changes not yet kept: they are kept.
addEventListener("pageshow", () => {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-keep]"))
    if ([...form.querySelectorAll<Control>("input,select,textarea")].some(changed)) keep(form);
});

// A live page (`LiveNotice`, `data-live` its event stream) puts its newest state in place of the
// old a moment after each change (decision 163), unless a field in it holds something not yet
// sent: then its notice says the page changed. A field of a form kept as it is typed, a person
// picked up on the grid and an open dialog only put the newest state off until they are done; the
// field being typed in keeps its caret, a kept form's status line what it said (decision 166), and
// a `details` with an id that was open stays open.
const live = document.querySelector<HTMLElement>("[data-live]");
if (live) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asking = 0;
  const refresh = (after: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const number = ++asking;
      fetch(location.href)
        .then((response) =>
          response.ok && !response.redirected ? response.text() : Promise.reject(new Error()),
        )
        .then(
          (html) => {
            const newest = new DOMParser().parseFromString(html, "text/html");
            const incoming = newest.querySelector("main");
            const main = document.querySelector("main");
            const notice = main?.querySelector<HTMLElement>("[data-live]");
            if (number !== asking || !incoming || !main || !notice) return;
            const unsent = [...main.querySelectorAll<Control>("input,select,textarea")].filter(
              changed,
            );
            if (unsent.length && unsent.every((control) => control.form?.dataset.keep))
              return refresh(1000);
            // A person picked up on the grid or a dialog open: the newest state waits until done.
            if (main.querySelector('button[data-person][aria-pressed="true"], dialog[open]'))
              return refresh(1000);
            if (unsent.length) {
              const show = Object.assign(document.createElement("a"), {
                href: notice.dataset.href,
                textContent: notice.dataset.show,
              });
              return notice.replaceChildren(`${notice.dataset.changed} `, show);
            }
            const active = document.activeElement as HTMLInputElement | null;
            const activeId = active?.id;
            let selection: [number | null, number | null] | undefined;
            try {
              selection = [active!.selectionStart, active!.selectionEnd];
            } catch {
              // Not a field with a caret.
            }
            const statuses = [...main.querySelectorAll("[data-keep-status]")];
            // What someone opened stays open (by its id).
            const opened = [...main.querySelectorAll("details[open][id]")].map(({ id }) => id);
            main.replaceChildren(...incoming.childNodes);
            for (const id of opened) document.getElementById(id)?.setAttribute("open", "");
            for (const status of statuses) {
              const fresh = document.getElementById(status.id);
              if (fresh && !fresh.textContent) fresh.replaceWith(status);
            }
            document.title = newest.title;
            const focused = activeId
              ? (document.getElementById(activeId) as HTMLInputElement | null)
              : null;
            if (!focused) return;
            focused.focus();
            try {
              if (selection?.[0] != null) focused.setSelectionRange(selection[0], selection[1]);
            } catch {
              // Not a field with a caret.
            }
          },
          () => {},
        );
    }, after);
  };
  new EventSource(live.dataset.live!).addEventListener("change", () => refresh(300));
}

// A calibration grid (`data-grid`) moves people by dragging, clicking or the keyboard, asking the
// reason in its dialog where the server marked a cell as needing one, each step said in the words
// the server rendered (decision 165).
const grid = document.querySelector<HTMLElement>("[data-grid]");
if (grid) moveOnGrid(grid);

function moveOnGrid(grid: HTMLElement) {
  type Cell = HTMLTableCellElement;
  // The person picked up, and the cell they would be put in.
  let held: { person: HTMLButtonElement; target: Cell | null } | null = null;
  const status = grid.querySelector("[data-grid-status]")!;
  const dialog = grid.querySelector<HTMLDialogElement>("dialog[data-move]")!;
  const form = dialog.querySelector("form")!;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const words = (text: string, person: HTMLElement, cell?: Cell | null) =>
    text
      .replace("{name}", () => person.dataset.name!)
      .replace("{cell}", () => cell?.dataset.words ?? "");
  const say = (key: string, person: HTMLElement, cell?: Cell | null) =>
    (status.textContent = words(grid.dataset[key]!, person, cell));
  const cellCalled = (id: string) => grid.querySelector<Cell>(`td[data-cell="${id}"]`);
  const aimAt = (cell: Cell | null | undefined) => {
    grid.querySelector("[data-targeted]")?.removeAttribute("data-targeted");
    cell?.setAttribute("data-targeted", "");
  };
  const hold = (person: HTMLButtonElement | null) => {
    held?.person.setAttribute("aria-pressed", "false");
    held = person && { person, target: cellCalled(person.dataset.start!) };
    person?.setAttribute("aria-pressed", "true");
    aimAt(held?.target);
  };
  const move = (person: HTMLButtonElement, cell: Cell) => {
    hold(null);
    const id = cell.dataset.cell!;
    if (person.dataset.stay === id) return say("stays", person, cell);
    field("entryId").value = person.dataset.person!;
    field("revision").value = person.dataset.revision!;
    field("rating").value = cell.dataset.rating!;
    field("second").value = cell.dataset.second ?? "";
    field("second").disabled = !cell.dataset.second;
    const reason = field("reason");
    if (person.dataset.free!.split(" ").includes(id)) {
      reason.required = false;
      reason.value = "";
      say("moving", person, cell);
      return form.submit();
    }
    reason.required = true;
    say("needsReason", person, cell);
    dialog.querySelector("h2")!.textContent = words(dialog.dataset.title!, person, cell);
    const why = person.dataset.proposal
      ? dialog.dataset.differs!.replace("{proposal}", () => person.dataset.proposal!)
      : dialog.dataset.none!;
    document.getElementById(dialog.getAttribute("aria-describedby")!)!.textContent = words(
      why,
      person,
      cell,
    );
    form.querySelector("button:not([formmethod])")!.textContent = words(
      dialog.dataset.button!,
      person,
      cell,
    );
    dialog.showModal();
  };
  const personAt = (event: Event) =>
    elementOf(event).closest?.<HTMLButtonElement>("button[data-person]");
  const cellAt = (event: Event) => elementOf(event).closest?.<Cell>("td[data-cell]");

  grid.querySelector<HTMLElement>("[data-focus]")?.focus();
  grid.addEventListener("click", (event) => {
    const person = personAt(event);
    if (person) {
      if (held?.person === person) {
        hold(null);
        say("putBack", person);
      } else {
        hold(person);
        if (person.dataset.placed === undefined) say("pickedUpOffGrid", person);
        else say("pickedUp", person, held!.target);
      }
      return;
    }
    const cell = cellAt(event);
    if (held && cell && !elementOf(event).closest("button,summary,form,a,dialog"))
      move(held.person, cell);
  });
  // The arrows, Home and End move the aim along the cell's neighbours (`data-to`), in this order.
  const KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"];
  grid.addEventListener("keydown", (event) => {
    const person = personAt(event);
    if (!person || !held || held.person !== person) return;
    const direction = KEYS.indexOf(event.key);
    if (direction >= 0) {
      event.preventDefault();
      held.target = cellCalled(held.target!.dataset.to!.split(" ")[direction]!);
      aimAt(held.target);
      status.textContent = held.target!.dataset.words ?? "";
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      move(person, held.target!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      hold(null);
      say("putBack", person);
    }
  });
  grid.addEventListener("dragstart", (event) => {
    const person = personAt(event);
    if (!person) return;
    event.dataTransfer!.setData("text/plain", person.dataset.person!);
    event.dataTransfer!.effectAllowed = "move";
    hold(person);
  });
  grid.addEventListener("dragover", (event) => {
    const cell = cellAt(event);
    if (!held || !cell) return;
    event.preventDefault();
    if (held.target !== cell) aimAt((held.target = cell));
  });
  grid.addEventListener("drop", (event) => {
    const cell = cellAt(event);
    const id = event.dataTransfer!.getData("text/plain") || held?.person.dataset.person;
    const person = id ? grid.querySelector<HTMLButtonElement>(`button[data-person="${id}"]`) : null;
    if (!cell) return;
    event.preventDefault();
    if (person) move(person, cell);
  });
}

// A required field with its own message (`data-needed`, the message's id) shows it instead of the
// browser's bubble.
addEventListener(
  "invalid",
  (event) => {
    const control = event.target as Control;
    const needed = control.dataset?.needed && document.getElementById(control.dataset.needed);
    if (!needed) return;
    event.preventDefault();
    needed.hidden = false;
    control.focus();
  },
  true,
);

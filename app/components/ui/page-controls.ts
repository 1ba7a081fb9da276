/**
 * A form's controls read from the page itself: while React hydrates, what was chosen or typed in
 * the server-rendered form is only in the DOM (no listener fired), and hydrating may put a control
 * back to what was rendered. The draft script (`draft-form.ts`) and the whole-form
 * autosave (`proposal-draft.tsx`) both read it here.
 */
export interface PageControl {
  element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  name: string;
  /** A radio button or tick box: its tick is the choice, its value what the form sends when ticked. */
  choice: boolean;
  /** What it holds now, as text: "true" or "false" for a choice, the value otherwise. */
  now: string;
  /** What the server rendered in it, the same way. */
  rendered: string;
  /** Puts a value of `now`'s kind back. */
  put: (value: string) => void;
}

const NO_VALUE_OF_ITS_OWN = ["button", "file", "image", "reset", "submit"];

/** The controls among `elements` that hold a value of their own (a choice, a text), in order. */
export function pageControls(elements: Iterable<Element>): PageControl[] {
  return [...elements].flatMap((element): PageControl[] => {
    if (element instanceof HTMLInputElement && ["radio", "checkbox"].includes(element.type)) {
      const put = (value: string) => (element.checked = value === "true");
      const now = String(element.checked);
      const rendered = String(element.defaultChecked);
      return [{ element, name: element.name, choice: true, now, rendered, put }];
    }
    if (element instanceof HTMLInputElement && NO_VALUE_OF_ITS_OWN.includes(element.type))
      return [];
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      const put = (value: string) => (element.value = value);
      const { name, value, defaultValue } = element;
      return [{ element, name, choice: false, now: value, rendered: defaultValue, put }];
    }
    if (element instanceof HTMLSelectElement) {
      // No option rendered selected: the select shows its first.
      const shown =
        [...element.options].find((option) => option.defaultSelected) ?? element.options[0];
      const put = (value: string) => (element.value = value);
      const rendered = shown?.value ?? "";
      return [{ element, name: element.name, choice: false, now: element.value, rendered, put }];
    }
    return [];
  });
}

/** What the controls named `name` send now: the value, or a group's ticked one; null when none is ticked, undefined when there is no such control. */
export function sentValue(
  controls: readonly PageControl[],
  name: string,
): string | null | undefined {
  const named = controls.filter((control) => control.name === name);
  if (!named.length) return undefined;
  const chosen = named.find((control) => !control.choice || control.now === "true");
  return chosen ? chosen.element.value : null;
}

import { displayValue, type AutosaveState } from "./autosave";
import { draftSpelling, parseField, ratingField } from "./draft";
import { SUMMARY_FIELD_ID } from "./assessment-sections";

/**
 * What an assessment draft's page rendered for the script to follow (decision 169): each
 * competency's section, and the points each rating is worth on a ladder with points.
 */
export type DraftProgress = {
  sections: Record<string, string>;
  points: Record<string, number> | null;
};

/** Words by a figure, as the server rendered them (`data-words`: JSON, keyed by the figure). */
function wordsFor(element: HTMLElement, figure: number): string | undefined {
  return (JSON.parse(element.dataset.words ?? "{}") as Record<string, string>)[String(figure)];
}

/**
 * Follows an assessment draft's ratings as they are chosen, across its sections, though its page
 * holds only one (decision 169): the rated counts (`data-rated`, the whole draft's, and
 * `data-section-rated`, a section's), the points standing (`data-standing`), a rating's "no
 * evidence" badge and its Clear button (`data-rated-only`, the competency), what says a rating is
 * missing (`data-unrated-only`), and the fields another tab also changed in the sections not on the
 * page (`data-conflicts`, each a copy of `template[data-conflict-place]` filled from
 * `data-conflict-places`). Every word is the server's, rendered for each figure it can take. Told
 * each state by the draft script (`onState`); binds the Clear buttons (`data-clear-rating`).
 */
export function followRatings(root: HTMLElement): (state: AutosaveState) => void {
  keepEvidenceTyped(root);
  const progress = JSON.parse(root.dataset.progress ?? "{}") as DraftProgress;
  const competencies = Object.keys(progress.sections);
  root.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLElement>("[data-clear-rating]");
    if (!button) return;
    const radios = root.querySelectorAll<HTMLInputElement>(
      `input[name="${CSS.escape(draftSpelling.inputName(ratingField(button.dataset.clearRating!)))}"]`,
    );
    for (const radio of radios) radio.checked = false;
    // Told as a choice is: the draft keeps it, and this follows it.
    radios[0]?.dispatchEvent(new Event("change", { bubbles: true }));
  });
  const show = (element: HTMLElement, words: string | undefined) => {
    if (words !== undefined) element.textContent = words;
  };
  return (state) => {
    const rating = (competencyId: string) => displayValue(state, ratingField(competencyId));
    const rated = new Set(competencies.filter((competencyId) => rating(competencyId) !== null));
    for (const element of root.querySelectorAll<HTMLElement>("[data-rated]"))
      show(element, wordsFor(element, rated.size));
    for (const element of root.querySelectorAll<HTMLElement>("[data-section-rated]")) {
      const section = element.dataset.sectionRated;
      const count = [...rated].filter((id) => progress.sections[id] === section).length;
      show(element, wordsFor(element, count));
      // Its words run from none rated to all: the last is the section complete.
      const most = (JSON.parse(element.dataset.words ?? "[]") as string[]).length - 1;
      element.toggleAttribute("data-complete", count === most);
    }
    const points = progress.points;
    if (points) {
      const total = [...rated].reduce(
        (sum, competencyId) => sum + (points[String(rating(competencyId))] ?? 0),
        0,
      );
      for (const element of root.querySelectorAll<HTMLElement>("[data-standing]"))
        show(element, wordsFor(element, total));
    }
    for (const element of root.querySelectorAll<HTMLElement>("[data-rated-only]"))
      element.hidden = !rated.has(element.dataset.ratedOnly!);
    for (const element of root.querySelectorAll<HTMLElement>("[data-unrated-only]"))
      element.hidden = rated.has(element.dataset.unratedOnly!);

    const elsewhere = new Set<string>();
    for (const field of Object.keys(state.conflicts)) {
      const parsed = parseField(field);
      const place = parsed?.kind === "summary" ? SUMMARY_FIELD_ID : parsed?.competencyId;
      if (place && !root.querySelector(`[name="${CSS.escape(draftSpelling.inputName(field))}"]`))
        elsewhere.add(place);
    }
    for (const element of root.querySelectorAll<HTMLElement>("[data-conflicts]"))
      element.hidden = !Object.keys(state.conflicts).length;
    const list = root.querySelector<HTMLElement>("[data-conflict-places]");
    const template = root.querySelector<HTMLTemplateElement>("template[data-conflict-place]");
    if (list && template) {
      const places = JSON.parse(list.dataset.conflictPlaces!) as Record<
        string,
        [string, string, string]
      >;
      list.replaceChildren(
        ...Object.entries(places)
          .filter(([place]) => elsewhere.has(place))
          .map(([, [href, name, section]]) => {
            const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
            const link = item.querySelector("a")!;
            link.href = href;
            link.textContent = name;
            const words = item.querySelector<HTMLElement>("[data-words]")!;
            words.textContent = words.dataset.words!.replace("{section}", () => section);
            return item;
          }),
      );
    }
  };
}

/**
 * Evidence typed but not yet added is kept in this tab while the author moves between sections
 * (each a page): put back, its form open, when the competency's section is shown again, and dropped
 * once sent. The form is shown in place where scripts run (`data-with-script`).
 */
function keepEvidenceTyped(root: HTMLElement) {
  for (const element of root.querySelectorAll<HTMLElement>("[data-with-script]"))
    element.hidden = false;
  for (const form of root.querySelectorAll<HTMLFormElement>("form[data-evidence-form]")) {
    const key = `${root.dataset.draftKey}:evidence:${form.dataset.evidenceForm}`;
    const fields = [
      ...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        "input:not([type=hidden]), textarea",
      ),
    ];
    const storage = (act: (storage: Storage) => void) => {
      try {
        act(sessionStorage);
      } catch {
        // Storage blocked: what is typed stays in the page only.
      }
    };
    storage((kept) => {
      const typed = JSON.parse(kept.getItem(key) ?? "{}") as Record<string, string>;
      if (fields.some((field) => field.value)) return;
      for (const field of fields) if (typed[field.name]) field.value = typed[field.name]!;
      const details = form.closest("details");
      if (details && fields.some((field) => field.value)) details.open = true;
    });
    form.addEventListener("input", () =>
      storage((kept) =>
        kept.setItem(key, JSON.stringify(Object.fromEntries(fields.map((f) => [f.name, f.value])))),
      ),
    );
    form.addEventListener("submit", () => storage((kept) => kept.removeItem(key)));
  }
}

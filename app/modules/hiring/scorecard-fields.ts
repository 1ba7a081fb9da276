import { pageControls, sentValue } from "~/components/ui/page-controls";
import { scaleChoice, type FieldSpelling } from "~/modules/assessments/draft";

/**
 * A card's fields as the scorecard form holds them, without zod: how the form spells them (the
 * server reads a plain post with it, the page's draft script the form as it is typed in, decision
 * 167) and which scores lack evidence, pointed out as they are typed.
 */

/** The form value for a competency the interviewer did not assess; stored as a null score. */
export const NOT_ASSESSED = "not-assessed";

export const recommendationField = "recommendation";

/** The name of a field's input in the page's form: scores and the recommendation are radio groups. */
export function scorecardInputName(field: string): string {
  return field.startsWith("rating:") ? `score-${field.slice("rating:".length)}` : field;
}

/** How the scorecard form spells its fields: scores and the recommendation are radio groups. */
export const scorecardSpelling: FieldSpelling = {
  inputName: scorecardInputName,
  value: (field, raw) => {
    if (field.startsWith("rating:")) return raw === NOT_ASSESSED ? null : scaleChoice(raw);
    if (field === recommendationField) return raw || null;
    return raw ?? "";
  },
};

/** Scored competencies with no evidence notes: shown, not refused (evidence over opinion). */
export function scoresWithoutEvidence(card: {
  entries: readonly { competencyId: string; score: number | null; notes: string }[];
}): string[] {
  return card.entries
    .filter((entry) => entry.score !== null && entry.notes.trim() === "")
    .map((entry) => entry.competencyId);
}

/**
 * Keeps the form's note of scores without evidence (`data-without-evidence`: its words with
 * `{competencies}`, and the competencies' names by id) as the card is typed in, the names listed
 * as the page's language writes a list.
 */
export function noteScoresWithoutEvidence(form: HTMLFormElement): () => void {
  const notes = [...form.querySelectorAll<HTMLElement>("[data-without-evidence]")];
  const list = new Intl.ListFormat(document.documentElement.lang || undefined, {
    type: "conjunction",
  });
  const read = (field: string) => {
    const name = scorecardInputName(field);
    const controls = pageControls(form.querySelectorAll(`[name="${CSS.escape(name)}"]`));
    return scorecardSpelling.value(field, sentValue(controls, name) ?? null);
  };
  const update = () => {
    for (const note of notes) {
      const names = JSON.parse(note.dataset.names!) as Record<string, string>;
      const missing = scoresWithoutEvidence({
        entries: Object.keys(names).map((competencyId) => ({
          competencyId,
          score: read(`rating:${competencyId}`) as number | null,
          notes: String(read(`notes:${competencyId}`) ?? ""),
        })),
      });
      note.hidden = !missing.length;
      note.textContent = note.dataset.withoutEvidence!.replace("{competencies}", () =>
        list.format(missing.map((id) => names[id]!)),
      );
    }
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  return () => {
    form.removeEventListener("input", update);
    form.removeEventListener("change", update);
  };
}

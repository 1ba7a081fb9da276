import { draftSpelling, type DraftValues, type FieldSpelling } from "~/modules/assessments/draft";
import { keepDraft, type DraftHandle } from "~/modules/assessments/draft-form";
import { followRatings } from "~/modules/assessments/draft-progress";
import { scorecardSpelling } from "~/modules/hiring/scorecard-fields";

/** How each kind of kept draft spells its fields, by the name its form gives (`data-draft-spelling`). */
const SPELLINGS: Record<DraftSpellingName, FieldSpelling> = {
  draft: draftSpelling,
  scorecard: scorecardSpelling,
};
export type DraftSpellingName = "draft" | "scorecard";

/**
 * Keeps the draft the server rendered under `root` (decision 167), as its attributes say: the save
 * endpoint (`data-draft`), where this browser keeps its edits, its revision and spelling, and the
 * values it was rendered with (`data-draft-values`, or the `base` its form posts without scripts).
 * An assessment's ratings are followed across its sections (`data-progress`, decision 169). The one
 * way a draft is bound, by the draft script and by the app's component alike.
 */
export function keepRenderedDraft(root: HTMLElement): DraftHandle {
  const values =
    root.dataset.draftValues ?? root.querySelector<HTMLInputElement>('input[name="base"]')!.value;
  return keepDraft(root, {
    saveUrl: root.dataset.draft!,
    storageKey: root.dataset.draftKey!,
    revision: Number(root.dataset.draftRevision),
    values: JSON.parse(values) as DraftValues,
    spelling: SPELLINGS[root.dataset.draftSpelling === "scorecard" ? "scorecard" : "draft"],
    onState: root.dataset.progress ? followRatings(root) : undefined,
  });
}

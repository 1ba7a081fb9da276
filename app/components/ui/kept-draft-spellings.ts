import { draftSpelling, type FieldSpelling } from "~/modules/assessments/draft";
import { scorecardSpelling } from "~/modules/hiring/scorecard-fields";

/** How each kind of kept draft spells its fields, by the name its form gives (`data-draft-spelling`). */
export const SPELLINGS: Record<"draft" | "scorecard", FieldSpelling> = {
  draft: draftSpelling,
  scorecard: scorecardSpelling,
};

import type { ReleasedView } from "./team-health.server";

/**
 * The figures kept when a team's answers are deleted under the retention rule (decision 113): what
 * its results showed at that moment, so that a page read afterwards shows the same. Comments go
 * with the answers (they are words someone wrote), and so do the rows Cronbach's alpha is worked
 * out from (one per answer). Pure.
 */
export function keptFigures(view: ReleasedView): string {
  const { answers, asked, items, score, helped } = view;
  return JSON.stringify({ answers, asked, items, score, helped });
}

export function keptView(kept: string): ReleasedView {
  const parsed = JSON.parse(kept) as Omit<ReleasedView, "comments" | "scaleRows">;
  return { ...parsed, comments: [], scaleRows: [] };
}

/**
 * The assessment editor shows one area of the ladder at a time, then a last step with
 * the overall summary and the submit button. Which section a URL names, what comes
 * before and after it, and how much of each is rated. Pure.
 */

import { parseField } from "./draft";

/** The `section` search parameter of the last step. */
export const SUMMARY_SECTION = "summary";

type Sectioned = { id: string; name: string; areaId: string; areaName: string };

export type AreaSection<C extends Sectioned> = {
  kind: "area";
  id: string;
  name: string;
  competencies: C[];
};
export type SummarySection = { kind: "summary"; id: typeof SUMMARY_SECTION; name: string };
export type AssessmentSection<C extends Sectioned> = AreaSection<C> | SummarySection;

/**
 * One section per area the competencies belong to, in the ladder's order of areas
 * (`areaOrder`; an area it does not list comes after, in order of first appearance),
 * competencies keeping their order; then the summary step.
 */
export function assessmentSections<C extends Sectioned>(
  competencies: readonly C[],
  areaOrder: readonly string[] = [],
): AssessmentSection<C>[] {
  const byArea = new Map<string, AreaSection<C>>();
  for (const competency of competencies) {
    let section = byArea.get(competency.areaId);
    if (!section)
      byArea.set(
        competency.areaId,
        (section = {
          kind: "area",
          id: competency.areaId,
          name: competency.areaName,
          competencies: [],
        }),
      );
    section.competencies.push(competency);
  }
  const rank = new Map(areaOrder.map((areaId, index) => [areaId, index]));
  // Stable sort: areas outside `areaOrder` keep their order of first appearance.
  const areas = [...byArea.values()].sort(
    (a, b) => (rank.get(a.id) ?? areaOrder.length) - (rank.get(b.id) ?? areaOrder.length),
  );
  return [...areas, { kind: "summary", id: SUMMARY_SECTION, name: "Summary and submit" }];
}

/**
 * The section a `section` search parameter names: the first one when there is none,
 * null when it names no section of this assessment (the page answers 404).
 */
export function resolveSection<S extends { id: string }>(
  sections: readonly S[],
  param: string | null,
): S | null {
  if (param === null || param === "") return sections[0] ?? null;
  return sections.find((section) => section.id === param) ?? null;
}

/** The sections before and after this one (null at either end). */
export function neighbours<S extends { id: string }>(
  sections: readonly S[],
  sectionId: string,
): { previous: S | null; next: S | null } {
  const index = sections.findIndex((section) => section.id === sectionId);
  if (index < 0) return { previous: null, next: null };
  return { previous: sections[index - 1] ?? null, next: sections[index + 1] ?? null };
}

/** The area section holding a competency, if any. */
export function sectionOfCompetency<C extends Sectioned>(
  sections: readonly AssessmentSection<C>[],
  competencyId: string,
): AreaSection<C> | null {
  for (const section of sections) {
    if (
      section.kind === "area" &&
      section.competencies.some((competency) => competency.id === competencyId)
    )
      return section;
  }
  return null;
}

/** The id of the overall summary's field on the summary step (the link target for it). */
export const SUMMARY_FIELD_ID = "assessment-summary";

export type FieldLocation<C extends Sectioned> = {
  section: AssessmentSection<C>;
  anchor: string;
  label: string;
};

/**
 * Where a draft field is edited: its section, the element id to link to (the
 * competency, or the summary field) and what to call it. Null for an unknown field.
 */
export function fieldLocation<C extends Sectioned>(
  sections: readonly AssessmentSection<C>[],
  field: string,
): FieldLocation<C> | null {
  const parsed = parseField(field);
  if (!parsed) return null;
  if (parsed.kind === "summary") {
    const summary = sections.find((section) => section.kind === "summary");
    return summary
      ? { section: summary, anchor: SUMMARY_FIELD_ID, label: "Overall summary" }
      : null;
  }
  const section = sectionOfCompetency(sections, parsed.competencyId);
  const competency = section?.competencies.find(
    (candidate) => candidate.id === parsed.competencyId,
  );
  return section && competency ? { section, anchor: competency.id, label: competency.name } : null;
}

export type RatedCount = { rated: number; total: number };

/** How many competencies of each area section are rated, by section id (the summary step has none). */
export function ratedCounts<C extends Sectioned>(
  sections: readonly AssessmentSection<C>[],
  isRated: (competencyId: string) => boolean,
): Record<string, RatedCount> {
  const counts: Record<string, RatedCount> = {};
  for (const section of sections) {
    if (section.kind !== "area") continue;
    counts[section.id] = {
      rated: section.competencies.filter((competency) => isRated(competency.id)).length,
      total: section.competencies.length,
    };
  }
  return counts;
}

/** A link (relative to the assessment page) to a section, optionally to an element in it. */
export function sectionHref(sectionId: string, anchor?: string): string {
  return `?section=${encodeURIComponent(sectionId)}${anchor ? `#${encodeURIComponent(anchor)}` : ""}`;
}

import { describe, expect, test } from "vitest";
import {
  assessmentSections,
  fieldLocation,
  neighbours,
  ratedCounts,
  resolveSection,
  sectionHref,
  sectionOfCompetency,
  SUMMARY_FIELD_ID,
  SUMMARY_SECTION,
} from "~/modules/assessments/assessment-sections";

const competency = (id: string, areaId: string) => ({
  id,
  name: `Name of ${id}`,
  areaId,
  areaName: `Area ${areaId}`,
});

// Ladder order of competencies, with the areas interleaved as a ladder file may list them.
const competencies = [
  competency("code-quality", "craft"),
  competency("planning", "delivery"),
  competency("testing", "craft"),
  competency("mentoring", "people"),
  competency("execution", "delivery"),
];
const areaOrder = ["craft", "impact", "delivery", "people"];

describe("grouping competencies into sections", () => {
  test("one section per area in the ladder's order of areas, competencies in ladder order, then the summary step", () => {
    const sections = assessmentSections(competencies, areaOrder);
    expect(
      sections.map((section) => [
        section.id,
        section.kind === "area" ? section.competencies.map((c) => c.id) : [],
      ]),
    ).toEqual([
      ["craft", ["code-quality", "testing"]],
      ["delivery", ["planning", "execution"]],
      ["people", ["mentoring"]],
      [SUMMARY_SECTION, []],
    ]);
    expect(sections[0]).toMatchObject({ kind: "area", name: "Area craft" });
    expect(sections[3]).toEqual({ kind: "summary", id: "summary", name: "Summary and submit" });
  });

  test("an area the order does not list comes after the listed ones, in order of first appearance", () => {
    const sections = assessmentSections(
      [competency("a", "unlisted"), competency("b", "people"), competency("c", "other")],
      ["people"],
    );
    expect(sections.map((section) => section.id)).toEqual([
      "people",
      "unlisted",
      "other",
      "summary",
    ]);
  });

  test("without competencies there is only the summary step", () => {
    expect(assessmentSections([], areaOrder).map((section) => section.id)).toEqual(["summary"]);
  });
});

describe("resolving the section parameter", () => {
  const sections = assessmentSections(competencies, areaOrder);

  test("no parameter (or an empty one) is the first area", () => {
    expect(resolveSection(sections, null)?.id).toBe("craft");
    expect(resolveSection(sections, "")?.id).toBe("craft");
  });

  test("an area id or summary names that section", () => {
    expect(resolveSection(sections, "people")?.id).toBe("people");
    expect(resolveSection(sections, "summary")?.kind).toBe("summary");
  });

  test("anything else names no section, including an area of the ladder this track does not use, and a competency id", () => {
    expect(resolveSection(sections, "impact")).toBeNull();
    expect(resolveSection(sections, "code-quality")).toBeNull();
    expect(resolveSection(sections, "Craft")).toBeNull();
  });
});

describe("moving between sections", () => {
  const sections = assessmentSections(competencies, areaOrder);

  test("previous and next, with nothing before the first area and nothing after the summary", () => {
    expect(neighbours(sections, "craft")).toEqual({ previous: null, next: sections[1] });
    expect(neighbours(sections, "people")).toEqual({ previous: sections[1], next: sections[3] });
    expect(neighbours(sections, "summary")).toEqual({ previous: sections[2], next: null });
    expect(neighbours(sections, "nowhere")).toEqual({ previous: null, next: null });
  });

  test("links carry the section and, when given, the element to go to", () => {
    expect(sectionHref("delivery")).toBe("?section=delivery");
    expect(sectionHref("delivery", "planning")).toBe("?section=delivery#planning");
  });
});

describe("what each section holds", () => {
  const sections = assessmentSections(competencies, areaOrder);

  test("rated counts per area section, none for the summary step", () => {
    const rated = new Set(["code-quality", "testing", "execution"]);
    expect(ratedCounts(sections, (id) => rated.has(id))).toEqual({
      craft: { rated: 2, total: 2 },
      delivery: { rated: 1, total: 2 },
      people: { rated: 0, total: 1 },
    });
  });

  test("the section of a competency", () => {
    expect(sectionOfCompetency(sections, "execution")?.id).toBe("delivery");
    expect(sectionOfCompetency(sections, "unknown")).toBeNull();
  });

  test("where a draft field is edited: the competency's section and anchor, or the summary step", () => {
    expect(fieldLocation(sections, "rating:testing")).toMatchObject({
      section: { id: "craft" },
      anchor: "testing",
      label: "Name of testing",
    });
    expect(fieldLocation(sections, "notes:mentoring")).toMatchObject({
      section: { id: "people" },
      anchor: "mentoring",
    });
    expect(fieldLocation(sections, "mark:planning:2")).toMatchObject({
      section: { id: "delivery" },
      anchor: "planning",
    });
    expect(fieldLocation(sections, "summary")).toMatchObject({
      section: { id: "summary" },
      anchor: SUMMARY_FIELD_ID,
      label: "Overall summary",
    });
    expect(fieldLocation(sections, "rating:unknown")).toBeNull();
    expect(fieldLocation(sections, "nonsense")).toBeNull();
  });
});

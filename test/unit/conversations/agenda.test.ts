import { describe, expect, test } from "vitest";
import {
  agendaOrder,
  carryOver,
  isActionOverdue,
  suggestions,
  type AgendaAction,
  type AgendaPoint,
  type GrowthPlanShape,
} from "~/modules/conversations/agenda";
import { CAREER_QUESTIONS } from "~/modules/conversations/questions";
import { inEnglishWords } from "../../utils/english";

const at = (iso: string) => new Date(iso);
const point = (
  id: string,
  status: AgendaPoint["status"],
  carried = 0,
  created = "2026-05-01T10:00:00Z",
): AgendaPoint => ({
  id,
  text: id,
  authorId: "p1",
  source: "added",
  sourceKey: null,
  status,
  carried,
  createdAt: at(created),
});
const action = (
  id: string,
  dueOn: string | null,
  status: AgendaAction["status"] = "open",
): AgendaAction => ({
  id,
  text: id,
  ownerId: "p1",
  dueOn: dueOn ? at(dueOn) : null,
  status,
  createdAt: at("2026-04-01T10:00:00Z"),
});

describe("carrying points to the next meeting", () => {
  test("points still open carry, each once more; covered and closed ones stay with their meeting", () => {
    expect(
      carryOver([
        point("a", "open"),
        point("b", "covered"),
        point("c", "closed"),
        point("d", "open", 2),
      ]),
    ).toEqual([
      { id: "a", carried: 1 },
      { id: "d", carried: 3 },
    ]);
  });
});

describe("the agenda's order", () => {
  test("open actions head it (soonest due first, overdue marked), then the longest carried points, then new ones, then the record", () => {
    const today = at("2026-05-10T12:00:00Z");
    const entries = agendaOrder(
      [
        point("new-2", "open", 0, "2026-05-09T10:00:00Z"),
        point("done", "covered", 1),
        point("new-1", "open", 0, "2026-05-08T10:00:00Z"),
        point("carried-twice", "open", 2),
        point("carried", "open", 1),
      ],
      [
        action("undated", null),
        action("later", "2026-05-20"),
        action("late", "2026-05-09"),
        action("finished", "2026-05-01", "done"),
        action("due-today", "2026-05-10"),
      ],
      today,
    );
    expect(
      entries.map((entry) =>
        entry.type === "action"
          ? `action ${entry.action.id}${entry.overdue ? " (overdue)" : ""}`
          : `point ${entry.point.id}`,
      ),
    ).toEqual([
      "action late (overdue)",
      "action due-today",
      "action later",
      "action undated",
      "point carried-twice",
      "point carried",
      "point new-1",
      "point new-2",
      "point done",
    ]);
    expect(isActionOverdue(action("x", "2026-05-09"), today)).toBe(true);
    expect(isActionOverdue(action("x", "2026-05-09", "dropped"), today)).toBe(false);
    expect(isActionOverdue(action("x", "2026-05-10"), today)).toBe(false);
  });
});

describe("suggestions", () => {
  const plan: GrowthPlanShape = {
    targetTitle: "Senior Engineer",
    focus: [
      {
        competencyId: "design",
        name: "System design",
        expectations: ["Leads the design of a service", "Weighs trade-offs in writing"],
      },
      { competencyId: "mentoring", name: "Mentoring", expectations: ["Mentors a newer engineer"] },
    ],
  };
  const keys = (list: { sourceKey: string }[]) => list.map((suggestion) => suggestion.sourceKey);

  test("from the growth plan: each focus competency and the target level's expectations of it; then the questions in the list's order", () => {
    const first = suggestions({ kind: "one-to-one", plan, used: new Set(), current: new Set() });
    expect(keys(first)).toEqual([
      "focus:design",
      "focus:mentoring",
      "expectation:design:0",
      "expectation:mentoring:0",
      "question:direction-two-years",
      "question:direction-track",
    ]);
    expect(
      inEnglishWords(
        first.find((suggestion) => suggestion.sourceKey === "expectation:design:0")!.text,
      ),
    ).toBe("Senior Engineer asks (System design): Leads the design of a service");
    expect(
      inEnglishWords(first.find((suggestion) => suggestion.sourceKey === "focus:design")!.text),
    ).toBe("Progress on System design, a focus of the growth plan toward Senior Engineer");
  });

  test("expectations and questions the series has had are not offered again; a focus is offered at every meeting that lacks it", () => {
    const used = new Set([
      "focus:design",
      "expectation:design:0",
      "expectation:mentoring:0",
      "question:direction-two-years",
    ]);
    const next = suggestions({
      kind: "one-to-one",
      plan,
      used,
      current: new Set(["focus:mentoring"]),
    });
    expect(keys(next)).toEqual([
      "focus:design",
      "expectation:design:1",
      "question:direction-track",
      "question:direction-next-level",
    ]);
  });

  test("a skip-level takes questions for skip-levels only, and not the detail of the growth plan", () => {
    const skip = suggestions({
      kind: "skip-level",
      plan,
      used: new Set(),
      current: new Set(),
      perKind: 20,
    });
    expect(skip.every((suggestion) => suggestion.source === "question")).toBe(true);
    expect(keys(skip)).toContain("question:support-skip-team");
    expect(keys(skip)).not.toContain("question:support-manager");
  });

  test("without a growth plan, questions only", () => {
    expect(
      suggestions({ kind: "one-to-one", plan: null, used: new Set(), current: new Set() }).map(
        (suggestion) => suggestion.source,
      ),
    ).toEqual(["question", "question"]);
  });

  test("the shipped questions have unique ids, each is for some kind of series, and each has its words: a question", () => {
    expect(new Set(CAREER_QUESTIONS.map((question) => question.id)).size).toBe(
      CAREER_QUESTIONS.length,
    );
    expect(CAREER_QUESTIONS.every((question) => question.kinds.length > 0)).toBe(true);
    for (const question of CAREER_QUESTIONS)
      expect(inEnglishWords({ key: `conversations:questions.${question.id}` })).toMatch(/\?$/);
  });
});

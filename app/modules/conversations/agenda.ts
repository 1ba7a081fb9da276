import type { Message } from "~/i18n/messages";
import { CAREER_QUESTIONS, type CareerQuestion } from "./questions";
import type { SeriesKind } from "./cadence";

/**
 * A meeting's agenda, which both people build: pure. Talking points are added by either of them
 * or taken from a suggestion (the person's growth plan, what the next level of their ladder asks,
 * the shipped career questions). A point is open until it is covered in a meeting or closed
 * without being talked through; one still open when a meeting is held carries to the next
 * meeting, and keeps carrying until it is covered or closed. Open actions from earlier meetings
 * head the next meeting's agenda until they are done or dropped.
 */

export const POINT_STATUSES = ["open", "covered", "closed"] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

/**
 * Where a point came from: typed by one of the two, a suggestion taken from the growth plan, the
 * next level or the questions, or a key result at risk taken from goals (`key-result:<id>`).
 */
export const POINT_SOURCES = ["added", "growth-plan", "next-level", "question", "goal"] as const;
export type PointSource = (typeof POINT_SOURCES)[number];

export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type AgendaPoint = {
  id: string;
  text: string;
  authorId: string;
  source: PointSource;
  /** What a suggested point was made from (`focus:<competency>`, `expectation:<competency>:<n>`, `question:<id>`, `key-result:<id>`), so it is not suggested again. */
  sourceKey: string | null;
  status: PointStatus;
  /** How many meetings it has been carried over from. */
  carried: number;
  createdAt: Date;
};

export type AgendaAction = {
  id: string;
  text: string;
  ownerId: string;
  dueOn: Date | null;
  status: ActionStatus;
  createdAt: Date;
};

/** The points that go on to the next meeting when a meeting is held: those still open, each carried once more. */
export function carryOver(points: readonly AgendaPoint[]): { id: string; carried: number }[] {
  return points
    .filter((point) => point.status === "open")
    .map((point) => ({ id: point.id, carried: point.carried + 1 }));
}

export type AgendaEntry =
  | { type: "action"; action: AgendaAction; overdue: boolean }
  | { type: "point"; point: AgendaPoint };

/**
 * The agenda as the meeting reads it: the series' open actions first (soonest due first, those
 * without a due date after them), then carried points (the longest carried first), then this
 * meeting's own points in the order they were added; covered and closed points last, as a record.
 */
export function agendaOrder(
  points: readonly AgendaPoint[],
  openActions: readonly AgendaAction[],
  today: Date,
): AgendaEntry[] {
  const actions = openActions
    .filter((action) => action.status === "open")
    .sort(
      (a, b) =>
        (a.dueOn?.getTime() ?? Infinity) - (b.dueOn?.getTime() ?? Infinity) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
    .map((action): AgendaEntry => ({
      type: "action",
      action,
      overdue: action.dueOn !== null && action.dueOn.getTime() < startOfDay(today),
    }));
  const rank = (point: AgendaPoint) => (point.status === "open" ? 0 : 1);
  const ordered = [...points].sort(
    (a, b) =>
      rank(a) - rank(b) || b.carried - a.carried || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return [...actions, ...ordered.map((point): AgendaEntry => ({ type: "point", point }))];
}

const startOfDay = (date: Date) =>
  Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** An action is overdue once its due day (a calendar day, stored as midnight UTC) has passed. */
export function isActionOverdue(
  action: Pick<AgendaAction, "dueOn" | "status">,
  today: Date,
): boolean {
  return (
    action.status === "open" && action.dueOn !== null && action.dueOn.getTime() < startOfDay(today)
  );
}

/** The person's growth plan as suggestions read it: focus competencies toward a target level, with what that level expects of each. */
export type GrowthPlanShape = {
  targetTitle: string;
  focus: readonly { competencyId: string; name: string; expectations: readonly string[] }[];
};

/** A suggestion's words, worded in the reader's language; a point taken from it keeps them as worded for whoever took it. */
export type Suggestion = {
  source: Exclude<PointSource, "added">;
  sourceKey: string;
  text: Message;
};

/** How many suggestions of each kind are offered at a time. */
export const SUGGESTIONS_PER_KIND = 2;

/**
 * What the agenda could take next. From the growth plan, each focus competency (offered again
 * at every meeting whose agenda does not have it: `current`) and the target level's expectations
 * of it, one at a time in the ladder's order; then the shipped questions for this kind of series,
 * in the list's order. An expectation or a question the series has already had (`used`: source
 * keys of its points, in any meeting) is not offered again, so they rotate through the plan and
 * the list.
 */
export function suggestions(input: {
  kind: SeriesKind;
  plan: GrowthPlanShape | null;
  used: ReadonlySet<string>;
  current: ReadonlySet<string>;
  questions?: readonly CareerQuestion[];
  perKind?: number;
}): Suggestion[] {
  const perKind = input.perKind ?? SUGGESTIONS_PER_KIND;
  const fresh = (suggestion: Suggestion) =>
    !input.used.has(suggestion.sourceKey) && !input.current.has(suggestion.sourceKey);
  const plan: Suggestion[] = [];
  const nextLevel: Suggestion[] = [];
  // A skip-level is about the person's direction and the team, not the detail of their plan.
  if (input.plan && input.kind === "one-to-one") {
    for (const focus of input.plan.focus) {
      plan.push({
        source: "growth-plan",
        sourceKey: `focus:${focus.competencyId}`,
        text: {
          key: "conversations:series.agenda.suggest.focus",
          values: { competency: focus.name, target: input.plan.targetTitle },
        },
      });
      const expectation = focus.expectations
        .map((text, index) => ({ text, index }))
        .find(({ index }) => !input.used.has(`expectation:${focus.competencyId}:${index}`));
      if (expectation)
        nextLevel.push({
          source: "next-level",
          sourceKey: `expectation:${focus.competencyId}:${expectation.index}`,
          text: {
            key: "conversations:series.agenda.suggest.expectation",
            values: {
              target: input.plan.targetTitle,
              competency: focus.name,
              expectation: expectation.text,
            },
          },
        });
    }
  }
  const questions = (input.questions ?? CAREER_QUESTIONS)
    .filter((question) => question.kinds.includes(input.kind))
    .map((question): Suggestion => ({
      source: "question",
      sourceKey: `question:${question.id}`,
      text: { key: `conversations:questions.${question.id}` },
    }));
  return [
    ...plan.filter((suggestion) => !input.current.has(suggestion.sourceKey)).slice(0, perKind),
    ...nextLevel.filter(fresh).slice(0, perKind),
    ...questions.filter(fresh).slice(0, perKind),
  ];
}

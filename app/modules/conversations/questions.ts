/**
 * The career-conversation questions Rungs ships: suggestions either person may add to a
 * one-to-one's or a skip-level's agenda, one or two at a time (agenda.ts picks the next ones the
 * series has not used). Original wording, grouped by what they open up. Ids are stable: an agenda
 * point records the id it came from, so a question is not suggested twice in a series; add new
 * questions with new ids rather than rewording an id into another question.
 */

export type QuestionTheme = "direction" | "growth" | "work" | "support" | "feedback";

/** Each question's words are `conversations:questions.<id>` (app/locales). */
export type CareerQuestion = {
  id: string;
  theme: QuestionTheme;
  kinds: readonly ("one-to-one" | "skip-level")[];
};

const BOTH = ["one-to-one", "skip-level"] as const;
const ONE_TO_ONE = ["one-to-one"] as const;
const SKIP_LEVEL = ["skip-level"] as const;

export const CAREER_QUESTIONS: readonly CareerQuestion[] = [
  { id: "direction-two-years", theme: "direction", kinds: BOTH },
  { id: "direction-track", theme: "direction", kinds: ONE_TO_ONE },
  { id: "direction-next-level", theme: "direction", kinds: ONE_TO_ONE },
  { id: "growth-recent-stretch", theme: "growth", kinds: BOTH },
  { id: "growth-skill", theme: "growth", kinds: ONE_TO_ONE },
  { id: "growth-evidence", theme: "growth", kinds: ONE_TO_ONE },
  { id: "growth-mentor", theme: "growth", kinds: BOTH },
  { id: "work-energy", theme: "work", kinds: BOTH },
  { id: "work-impact", theme: "work", kinds: ONE_TO_ONE },
  { id: "work-blockers", theme: "work", kinds: BOTH },
  { id: "support-manager", theme: "support", kinds: ONE_TO_ONE },
  { id: "support-visibility", theme: "support", kinds: ONE_TO_ONE },
  { id: "support-skip-team", theme: "support", kinds: SKIP_LEVEL },
  { id: "support-skip-manager", theme: "support", kinds: SKIP_LEVEL },
  { id: "feedback-recent", theme: "feedback", kinds: BOTH },
  { id: "feedback-ask", theme: "feedback", kinds: ONE_TO_ONE },
];

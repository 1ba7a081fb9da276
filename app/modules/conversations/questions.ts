/**
 * The career-conversation questions Rungs ships: suggestions either person may add to a
 * one-to-one's or a skip-level's agenda, one or two at a time (agenda.ts picks the next ones the
 * series has not used). Original wording, grouped by what they open up. Ids are stable: an agenda
 * point records the id it came from, so a question is not suggested twice in a series; add new
 * questions with new ids rather than rewording an id into another question.
 */

export type QuestionTheme = "direction" | "growth" | "work" | "support" | "feedback";

export type CareerQuestion = { id: string; theme: QuestionTheme; text: string; kinds: readonly ("one-to-one" | "skip-level")[] };

const BOTH = ["one-to-one", "skip-level"] as const;
const ONE_TO_ONE = ["one-to-one"] as const;
const SKIP_LEVEL = ["skip-level"] as const;

export const CAREER_QUESTIONS: readonly CareerQuestion[] = [
  { id: "direction-two-years", theme: "direction", kinds: BOTH, text: "Where would you like your work to be in two years, and what would tell you that you are on the way?" },
  { id: "direction-track", theme: "direction", kinds: ONE_TO_ONE, text: "Does the track you are on (individual contributor, tech lead, manager) still feel like the right one? What draws you to the others?" },
  { id: "direction-next-level", theme: "direction", kinds: ONE_TO_ONE, text: "Which expectation of the next level feels furthest away, and what could bring it closer this quarter?" },
  { id: "growth-recent-stretch", theme: "growth", kinds: BOTH, text: "What is the most recent piece of work that stretched you? What did you learn from it?" },
  { id: "growth-skill", theme: "growth", kinds: ONE_TO_ONE, text: "Which skill would you most like to build next, and where in our work could you practise it?" },
  { id: "growth-evidence", theme: "growth", kinds: ONE_TO_ONE, text: "What have you done since we last spoke that you would want in your next self-assessment?" },
  { id: "growth-mentor", theme: "growth", kinds: BOTH, text: "Is there someone, inside or outside the team, you would like to learn from?" },
  { id: "work-energy", theme: "work", kinds: BOTH, text: "Which parts of your work give you energy, and which drain it?" },
  { id: "work-impact", theme: "work", kinds: ONE_TO_ONE, text: "Where do you feel you could have more impact than your current work allows?" },
  { id: "work-blockers", theme: "work", kinds: BOTH, text: "What slows you or the team down that nobody seems to be fixing?" },
  { id: "support-manager", theme: "support", kinds: ONE_TO_ONE, text: "What could I do differently to support you better?" },
  { id: "support-visibility", theme: "support", kinds: ONE_TO_ONE, text: "Is there work of yours that people who matter for your growth do not see? How could they?" },
  { id: "support-skip-team", theme: "support", kinds: SKIP_LEVEL, text: "What would you change about how your team works if it were up to you?" },
  { id: "support-skip-manager", theme: "support", kinds: SKIP_LEVEL, text: "What helps you most in how your manager works with you, and what would you like more of?" },
  { id: "feedback-recent", theme: "feedback", kinds: BOTH, text: "What feedback have you had recently that you agreed with, or did not?" },
  { id: "feedback-ask", theme: "feedback", kinds: ONE_TO_ONE, text: "Is there something you would like feedback on that you have not had yet?" },
];

export function questionById(id: string): CareerQuestion | undefined {
  return CAREER_QUESTIONS.find((question) => question.id === id);
}

// Relative, not "~/": the published ladder site bundles this file without the app's alias (scripts/ladders-site.ts).
import { formatsFor } from "../i18n/format";

/**
 * Every phrase Rungs says with a count, in one table: the form for one (the key) and the form for
 * any other count, "#" standing for the count. English has two plural forms; Intl.PluralRules
 * picks between them, so 0 takes the plural as 2 does ("0 people", "1 person", "2 people").
 * A phrase whose words agree with a count said elsewhere in the sentence ("has" / "have") has no "#".
 */
export const PLURALS = {
  "# accepted pair": "# accepted pairs",
  "# active person": "# active people",
  "# active person is": "# active people are",
  "# active person still reports": "# active people still report",
  "# active session": "# active sessions",
  "agrees": "agree",
  "another interview": "# other interviews",
  "# answer": "# answers",
  "# asks for the same things at both levels and is not shown": "# ask for the same things at both levels and are not shown",
  "# band": "# bands",
  "# byte": "# bytes",
  "# candidate": "# candidates",
  "# candidate you interview is": "# candidates you interview are",
  "# change": "# changes",
  "changes": "change",
  "# check-in": "# check-ins",
  "# comparable person": "# comparable people",
  "# competency": "# competencies",
  "# database migration": "# database migrations",
  "# day": "# days",
  "# decided loop": "# decided loops",
  "# differs": "# differ",
  "# dissent": "# dissents",
  "# eligible mentor": "# eligible mentors",
  "# error": "# errors",
  "# event": "# events",
  "# expectation": "# expectations",
  "# goal": "# goals",
  "has": "have",
  "# hiring loop": "# hiring loops",
  "# hour": "# hours",
  "# independent rating": "# independent ratings",
  "# interview": "# interviews",
  "# interviewer": "# interviewers",
  "is": "are",
  "it": "them",
  "# ladder": "# ladders",
  "# level": "# levels",
  "# line": "# lines",
  "# loop": "# loops",
  "# feedback request by or about them is": "# feedback requests by or about them are",
  "# manager": "# managers",
  "# meeting still to come is": "# meetings still to come are",
  "# mentee": "# mentees",
  "# mentor": "# mentors",
  "# month": "# months",
  "# more check-in is": "# more check-ins are",
  "# more decided loop is left out until you submit your own scorecard in it.": "# more decided loops are left out until you submit your own scorecard in them.",
  "# more person": "# more people",
  "# more report": "# more reports",
  "# new team": "# new teams",
  "# nomination": "# nominations",
  "One competency still needs": "# competencies still need",
  "One field was": "# fields were",
  "One path:": "# paths, one row each:",
  "One person has": "# people have",
  "One rating has": "# ratings have",
  "# one-to-one or skip-level series ends": "# one-to-one or skip-level series end",
  "# other": "# others",
  "# outcome released: the person can see it on their growth page.": "# outcomes released: each person can see theirs on their growth page.",
  "# pair": "# pairs",
  "# participant": "# participants",
  "# person": "# people",
  "person": "people",
  "# person already has their proposal as their outcome.": "# people already have their proposal as their outcome.",
  "# person has": "# people have",
  "# person keeps the outcome already recorded for them.": "# people keep the outcomes already recorded for them.",
  "# person reports": "# people report",
  "# person sees their outcome": "# people see their outcomes",
  "# person without a proposal or an outcome is left for you to decide.": "# people without a proposal or an outcome are left for you to decide one by one.",
  "# piece of evidence": "# pieces of evidence",
  "# place": "# places",
  "# problem": "# problems",
  "it is": "they are",
  "# proposal": "# proposals",
  "# proposal accepted as its final outcome.": "# proposals accepted as final outcomes.",
  "# proposal as its final outcome": "# proposals as final outcomes",
  "# proposed pair": "# proposed pairs",
  "# rated competency has": "# rated competencies have",
  "# rating": "# ratings",
  "Release the # outcome": "Release all # outcomes",
  "# report": "# reports",
  "# request": "# requests",
  "# result": "# results",
  "# review": "# reviews",
  "# row": "# rows",
  "# scorecard": "# scorecards",
  "# session": "# sessions",
  "# stage": "# stages",
  "# statement": "# statements",
  "# statement is": "# statements are",
  "# stay": "# stays",
  "# team": "# teams",
  "# track": "# tracks",
  "The only eligible mentor is full": "All # eligible mentors are full",
  "# warning": "# warnings",
} as const satisfies Record<string, string>;

export type CountedPhrase = keyof typeof PLURALS;

const rules = new Intl.PluralRules("en");
const english = formatsFor("en", "UTC");

/**
 * The phrase for this count: plural(2, "# person has") is "2 people have". English only: a page
 * being translated writes its counted phrases as ICU plural messages in its namespace instead
 * (docs/i18n.md), and this table shrinks as its callers go.
 */
export function plural(count: number, phrase: CountedPhrase): string {
  const form: string = rules.select(count) === "one" ? phrase : PLURALS[phrase];
  return form.replaceAll("#", english.number(count));
}

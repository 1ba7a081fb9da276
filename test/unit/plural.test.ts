import { describe, expect, test } from "vitest";
import { PLURALS, plural, type CountedPhrase } from "~/utils/plural";
import { possessive } from "~/utils/possessive";

/** Every counted phrase, written out at 0, 1 and 2 as a reader should see it. */
const READ_AS: [CountedPhrase, [string, string, string]][] = [
  ["# accepted pair", ["0 accepted pairs","1 accepted pair","2 accepted pairs"]],
  ["# active person", ["0 active people","1 active person","2 active people"]],
  ["# active person is", ["0 active people are","1 active person is","2 active people are"]],
  ["# active person still reports", ["0 active people still report","1 active person still reports","2 active people still report"]],
  ["# active session", ["0 active sessions","1 active session","2 active sessions"]],
  ["agrees", ["agree","agrees","agree"]],
  ["another interview", ["0 other interviews","another interview","2 other interviews"]],
  ["# answer", ["0 answers","1 answer","2 answers"]],
  ["# asks for the same things at both levels and is not shown", ["0 ask for the same things at both levels and are not shown","1 asks for the same things at both levels and is not shown","2 ask for the same things at both levels and are not shown"]],
  ["# band", ["0 bands","1 band","2 bands"]],
  ["# byte", ["0 bytes","1 byte","2 bytes"]],
  ["# candidate", ["0 candidates","1 candidate","2 candidates"]],
  ["# candidate you interview is", ["0 candidates you interview are","1 candidate you interview is","2 candidates you interview are"]],
  ["# change", ["0 changes","1 change","2 changes"]],
  ["changes", ["change","changes","change"]],
  ["# check-in", ["0 check-ins","1 check-in","2 check-ins"]],
  ["# comparable person", ["0 comparable people","1 comparable person","2 comparable people"]],
  ["# competency", ["0 competencies","1 competency","2 competencies"]],
  ["# database migration", ["0 database migrations","1 database migration","2 database migrations"]],
  ["# day", ["0 days","1 day","2 days"]],
  ["# decided loop", ["0 decided loops","1 decided loop","2 decided loops"]],
  ["# differs", ["0 differ","1 differs","2 differ"]],
  ["# dissent", ["0 dissents","1 dissent","2 dissents"]],
  ["# eligible mentor", ["0 eligible mentors","1 eligible mentor","2 eligible mentors"]],
  ["# error", ["0 errors","1 error","2 errors"]],
  ["# event", ["0 events","1 event","2 events"]],
  ["# expectation", ["0 expectations","1 expectation","2 expectations"]],
  ["# feedback request by or about them is", ["0 feedback requests by or about them are","1 feedback request by or about them is","2 feedback requests by or about them are"]],
  ["# goal", ["0 goals","1 goal","2 goals"]],
  ["has", ["have","has","have"]],
  ["# hiring loop", ["0 hiring loops","1 hiring loop","2 hiring loops"]],
  ["# hour", ["0 hours","1 hour","2 hours"]],
  ["it is", ["they are","it is","they are"]],
  ["# meeting still to come is", ["0 meetings still to come are","1 meeting still to come is","2 meetings still to come are"]],
  ["# one-to-one or skip-level series ends", ["0 one-to-one or skip-level series end","1 one-to-one or skip-level series ends","2 one-to-one or skip-level series end"]],
  ["# independent rating", ["0 independent ratings","1 independent rating","2 independent ratings"]],
  ["# interview", ["0 interviews","1 interview","2 interviews"]],
  ["# interviewer", ["0 interviewers","1 interviewer","2 interviewers"]],
  ["is", ["are","is","are"]],
  ["it", ["them","it","them"]],
  ["# ladder", ["0 ladders","1 ladder","2 ladders"]],
  ["# level", ["0 levels","1 level","2 levels"]],
  ["# line", ["0 lines","1 line","2 lines"]],
  ["# loop", ["0 loops","1 loop","2 loops"]],
  ["# manager", ["0 managers","1 manager","2 managers"]],
  ["# mentee", ["0 mentees","1 mentee","2 mentees"]],
  ["# mentor", ["0 mentors","1 mentor","2 mentors"]],
  ["# month", ["0 months","1 month","2 months"]],
  ["# more check-in is", ["0 more check-ins are","1 more check-in is","2 more check-ins are"]],
  ["# more decided loop is left out until you submit your own scorecard in it.", ["0 more decided loops are left out until you submit your own scorecard in them.","1 more decided loop is left out until you submit your own scorecard in it.","2 more decided loops are left out until you submit your own scorecard in them."]],
  ["# more person", ["0 more people", "1 more person", "2 more people"]],
  ["# more report", ["0 more reports", "1 more report", "2 more reports"]],
  ["# new team", ["0 new teams","1 new team","2 new teams"]],
  ["# nomination", ["0 nominations","1 nomination","2 nominations"]],
  ["One competency still needs", ["0 competencies still need","One competency still needs","2 competencies still need"]],
  ["One field was", ["0 fields were","One field was","2 fields were"]],
  ["One path:", ["0 paths, one row each:","One path:","2 paths, one row each:"]],
  ["One person has", ["0 people have","One person has","2 people have"]],
  ["One rating has", ["0 ratings have","One rating has","2 ratings have"]],
  ["# other", ["0 others","1 other","2 others"]],
  ["# outcome released: the person can see it on their growth page.", ["0 outcomes released: each person can see theirs on their growth page.","1 outcome released: the person can see it on their growth page.","2 outcomes released: each person can see theirs on their growth page."]],
  ["# pair", ["0 pairs","1 pair","2 pairs"]],
  ["# participant", ["0 participants","1 participant","2 participants"]],
  ["# person", ["0 people","1 person","2 people"]],
  ["person", ["people","person","people"]],
  ["# person already has their proposal as their outcome.", ["0 people already have their proposal as their outcome.","1 person already has their proposal as their outcome.","2 people already have their proposal as their outcome."]],
  ["# person has", ["0 people have","1 person has","2 people have"]],
  ["# person keeps the outcome already recorded for them.", ["0 people keep the outcomes already recorded for them.","1 person keeps the outcome already recorded for them.","2 people keep the outcomes already recorded for them."]],
  ["# person reports", ["0 people report","1 person reports","2 people report"]],
  ["# person sees their outcome", ["0 people see their outcomes","1 person sees their outcome","2 people see their outcomes"]],
  ["# person without a proposal or an outcome is left for you to decide.", ["0 people without a proposal or an outcome are left for you to decide one by one.","1 person without a proposal or an outcome is left for you to decide.","2 people without a proposal or an outcome are left for you to decide one by one."]],
  ["# piece of evidence", ["0 pieces of evidence","1 piece of evidence","2 pieces of evidence"]],
  ["# place", ["0 places","1 place","2 places"]],
  ["# problem", ["0 problems","1 problem","2 problems"]],
  ["# proposal", ["0 proposals","1 proposal","2 proposals"]],
  ["# proposal accepted as its final outcome.", ["0 proposals accepted as final outcomes.","1 proposal accepted as its final outcome.","2 proposals accepted as final outcomes."]],
  ["# proposal as its final outcome", ["0 proposals as final outcomes","1 proposal as its final outcome","2 proposals as final outcomes"]],
  ["# proposed pair", ["0 proposed pairs","1 proposed pair","2 proposed pairs"]],
  ["# rated competency has", ["0 rated competencies have","1 rated competency has","2 rated competencies have"]],
  ["# rating", ["0 ratings","1 rating","2 ratings"]],
  ["Release the # outcome", ["Release all 0 outcomes","Release the 1 outcome","Release all 2 outcomes"]],
  ["# report", ["0 reports","1 report","2 reports"]],
  ["# request", ["0 requests","1 request","2 requests"]],
  ["# result", ["0 results","1 result","2 results"]],
  ["# review", ["0 reviews","1 review","2 reviews"]],
  ["# row", ["0 rows","1 row","2 rows"]],
  ["# scorecard", ["0 scorecards","1 scorecard","2 scorecards"]],
  ["# session", ["0 sessions","1 session","2 sessions"]],
  ["# stage", ["0 stages","1 stage","2 stages"]],
  ["# statement", ["0 statements","1 statement","2 statements"]],
  ["# statement is", ["0 statements are","1 statement is","2 statements are"]],
  ["# stay", ["0 stays","1 stay","2 stays"]],
  ["# team", ["0 teams","1 team","2 teams"]],
  ["The only eligible mentor is full", ["All 0 eligible mentors are full","The only eligible mentor is full","All 2 eligible mentors are full"]],
  ["# track", ["0 tracks","1 track","2 tracks"]],
  ["# warning", ["0 warnings","1 warning","2 warnings"]],
];

describe("counted phrases", () => {
  test("the list below covers every phrase the helper knows, and no other", () => {
    expect(READ_AS.map(([phrase]) => phrase).sort()).toEqual(Object.keys(PLURALS).sort());
  });

  test.each(READ_AS)("%s at 0, 1 and 2", (phrase, [zero, one, two]) => {
    expect([0, 1, 2].map((count) => plural(count, phrase))).toEqual([zero, one, two]);
  });

  test("counts are written as the pages write numbers", () => {
    expect(plural(5000, "# person")).toBe("5,000 people");
    expect(plural(1, "# piece of evidence")).toBe("1 piece of evidence");
  });
});

describe("possessives", () => {
  test("a name takes 's, and a name ending in s only the apostrophe", () => {
    expect(possessive("Ada")).toBe("Ada's");
    expect(possessive("Engineer II")).toBe("Engineer II's");
    expect(possessive("Monzo engineering frameworks")).toBe("Monzo engineering frameworks'");
    expect(possessive("JAMES")).toBe("JAMES'");
  });
});

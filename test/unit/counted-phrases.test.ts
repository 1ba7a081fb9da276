import { describe, expect, test } from "vitest";
import { describeAgainstBar } from "~/components/growth/chart-radar";
import { formatDays } from "~/components/insights/charts";
import { i18nFor, translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { contentFlags } from "~/modules/cycles/cycle-progress";
import { ruleReason } from "~/modules/mentorship/requests";
import { todoItems, type TodoFacts } from "~/modules/todo/todo";
import { inEnglish } from "../utils/todo-words";

const todoItemsInEnglish = (facts: TodoFacts, at: Date) => todoItems(facts, at).map(inEnglish);

const none: TodoFacts = { ownCycles: [], reportsToReview: [], cyclesToClose: [] };
const now = new Date("2026-03-20T10:00:00Z");

/** Texts the pages build with a count, read where the count is one: the singular, never "1 things". */
describe("what the pages say about one of something", () => {
  test("a profile of one competency, one rating without evidence, about a month", () => {
    expect(
      describeAgainstBar(i18nFor("en").getFixedT("en", "growth"), [
        { competencyId: "testing", name: "Testing", self: 3, manager: 3, bar: 3, againstBar: 0 },
      ]),
    ).toBe("Of 1 competency, 0 above the bar, 1 at the bar, 0 below it.");
    expect(
      contentFlags({ disagreements: 1, rated: 1, unevidenced: 1 }).map((flag) =>
        wordsOf(translatorOf(undefined), flag.message),
      ),
    ).toEqual([
      "Self and manager 2+ points apart on 1 competency",
      "1 of 1 rating without evidence",
    ]);
    expect(formatDays(i18nFor("en").getFixedT("en", "insights"), 40)).toBe("1 month");
  });

  test("a programme's time zones at most one hour apart; one of three reports without a proposal", () => {
    expect(
      wordsOf(
        translatorOf(undefined),
        ruleReason("time-zone", {
          mentorName: "James",
          mentorAboveMentee: false,
          maxTimeZoneHours: 1,
        }),
      ),
    ).toBe("James's time zone is more than 1 hour from yours, the most this programme allows.");
    const [item] = todoItemsInEnglish(
      {
        ...none,
        proposalsToMake: [
          {
            session: { id: "s1", name: "Checkout calibration" },
            dueOn: null,
            total: 3,
            missing: 1,
          },
        ],
      },
      now,
    );
    expect(item?.detail).toBe("1 of 3 reports has no proposal yet.");
  });

  test("the committee's agreement over one criterion, and one person agreeing in the pre-read, in every language", () => {
    const alpha = (language: "en" | "fr" | "de" | "es" | "ar", units: number) =>
      i18nFor(language).getFixedT(language, "promotionsCommittee")("meeting.agreement.alpha", {
        alpha: "0.80",
        units,
      });
    expect(alpha("en", 1)).toBe(
      "Krippendorff's alpha (ordinal): 0.80, over 1 criterion marked by two members or more.",
    );
    expect(alpha("en", 6)).toContain("over 6 criteria marked");
    expect(alpha("fr", 1)).toContain("sur 1 critère apprécié par");
    expect(alpha("de", 1)).toContain("bewertetes Kriterium.");
    expect(alpha("es", 1)).toContain("sobre 1 criterio valorado por");
    expect(alpha("ar", 1)).toContain("على معيار واحد قدّره");
    const agree = (language: "en" | "de", count: number) =>
      i18nFor(language).getFixedT(language, "calibration")("session.preRead.agree", { count });
    expect([agree("en", 1), agree("en", 2), agree("de", 1)]).toEqual([
      "1 agrees",
      "2 agree",
      "1 stimmt zu",
    ]);
  });
});

import { describe, expect, test } from "vitest";
import { decideEntry, type ExistingAssessment } from "~/modules/assessments/assessment-entry";
import {
  evidenceSchema,
  isHttpUrl,
  latestEvidenceDate,
} from "~/modules/assessments/assessment-form";
import { reportReviewStatus } from "~/modules/assessments/assessment-list";
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";

const row = (
  id: string,
  authorId: string,
  status: "draft" | "submitted",
  day: number,
): ExistingAssessment => ({
  id,
  authorId,
  authorName: authorId === "sam" ? "Sam" : "Ola",
  status,
  createdAt: new Date(Date.UTC(2026, 0, day)),
  submittedAt: status === "submitted" ? new Date(Date.UTC(2026, 0, day + 1)) : null,
});

describe("start or continue", () => {
  test("in a cycle the oldest assessment is the one, whatever its status", () => {
    expect(decideEntry("self", "lena", true, [])).toEqual({ action: "create" });
    expect(
      decideEntry("self", "lena", true, [
        row("b", "lena", "draft", 2),
        row("a", "lena", "submitted", 1),
      ]),
    ).toEqual({ action: "open", assessmentId: "a" });
  });

  test("outside a cycle the draft is continued, and a new one starts once the last is submitted", () => {
    expect(
      decideEntry("self", "lena", false, [
        row("a", "lena", "submitted", 1),
        row("b", "lena", "draft", 2),
      ]),
    ).toEqual({ action: "open", assessmentId: "b" });
    expect(decideEntry("self", "lena", false, [row("a", "lena", "submitted", 1)])).toEqual({
      action: "create",
    });
  });

  test("a manager review another manager is drafting is taken; once submitted it opens for reading", () => {
    expect(decideEntry("manager", "ola", true, [row("a", "sam", "draft", 1)])).toEqual({
      action: "taken",
      assessmentId: "a",
      authorName: "Sam",
    });
    expect(decideEntry("manager", "ola", true, [row("a", "sam", "submitted", 1)])).toEqual({
      action: "open",
      assessmentId: "a",
    });
    expect(decideEntry("manager", "sam", true, [row("a", "sam", "draft", 1)])).toEqual({
      action: "open",
      assessmentId: "a",
    });
    expect(decideEntry("manager", "ola", false, [row("a", "sam", "submitted", 1)])).toEqual({
      action: "create",
    });
  });
});

describe("a direct report's review status", () => {
  test("not started, draft, taken, submitted", () => {
    expect(reportReviewStatus("sam", "lena", true, [], true)).toEqual({
      label: { key: "assessments:reviews.status.notStarted" },
      action: { label: { key: "assessments:reviews.action.start" }, href: "/people/lena/review" },
      read: null,
    });
    expect(reportReviewStatus("sam", "lena", true, [], false).label).toEqual({
      key: "assessments:reviews.status.noLevel",
    });
    expect(
      reportReviewStatus("sam", "lena", true, [row("a", "sam", "draft", 1)], true).action,
    ).toEqual({
      label: { key: "assessments:reviews.action.continue" },
      href: "/people/lena/review",
    });
    expect(
      reportReviewStatus("sam", "lena", true, [row("a", "ola", "draft", 1)], true),
    ).toMatchObject({
      label: { key: "assessments:reviews.status.draftBy", values: { author: "Ola" } },
      action: null,
    });
    expect(
      reportReviewStatus("sam", "lena", true, [row("a", "sam", "submitted", 1)], true),
    ).toMatchObject({
      label: { key: "assessments:reviews.status.submittedOn", values: { date: "2026-01-02" } },
      action: { label: { key: "assessments:reviews.action.read" }, href: "/assessments/a" },
    });
  });

  test("outside a cycle a submitted review offers a new one and a link to the last", () => {
    expect(
      reportReviewStatus("sam", "lena", false, [row("a", "sam", "submitted", 1)], true),
    ).toMatchObject({
      label: { key: "assessments:reviews.status.lastSubmittedOn", values: { date: "2026-01-02" } },
      action: { label: { key: "assessments:reviews.action.startNew" } },
      read: { href: "/assessments/a" },
    });
  });
});

describe("evidence", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const parse = (value: Record<string, unknown>) =>
    evidenceSchema(now).safeParse({ competencyId: "code-quality", ...value });
  /** The form's errors as a reader of `language` reads them (the form's ErrorList words the keys). */
  const messages = (value: Record<string, unknown>, language: "en" | "de" | "ar" = "en") => {
    const result = parse(value);
    const t = i18nFor(language).getFixedT(language);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join(".")}: ${wordsOf(t, issue.message)}`);
  };

  test("its errors are messages, in the reader's language", () => {
    expect(messages({ text: "   " }, "de")).toEqual(["text: Beschreiben Sie den Nachweis."]);
    expect(messages({ text: "x".repeat(2_001) }, "de")).toEqual([
      "text: Ein Nachweis darf höchstens 2.000 Zeichen lang sein.",
    ]);
    expect(messages({ text: "t", occurredOn: "2026-03-12" }, "ar")).toEqual([
      "occurredOn: لا يمكن أن يكون التاريخ في المستقبل.",
    ]);
  });

  test("needs text; a link and a date are optional", () => {
    expect(parse({ text: "Led the incident review" }).success).toBe(true);
    expect(
      parse({ text: "  Shipped  ", url: "https://example.com/pr/1", occurredOn: "2026-03-10" })
        .data,
    ).toEqual({
      competencyId: "code-quality",
      text: "Shipped",
      url: "https://example.com/pr/1",
      occurredOn: "2026-03-10",
    });
    expect(messages({ text: "   " })).toEqual(["text: Describe the evidence."]);
    expect(messages({})).toEqual(["text: Describe the evidence."]);
  });

  test("links must be http or https", () => {
    expect(isHttpUrl("http://x.example")).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      "ftp://example.com",
      "example.com",
      "mailto:a@example.com",
      "https://",
    ]) {
      expect(messages({ text: "t", url }), url).toEqual([
        "url: Enter a link starting with http:// or https://.",
      ]);
    }
  });

  test("dates are real calendar dates and not in the future", () => {
    expect(latestEvidenceDate(now)).toBe("2026-03-11");
    expect(parse({ text: "t", occurredOn: "2026-03-11" }).success).toBe(true);
    expect(messages({ text: "t", occurredOn: "2026-03-12" })).toEqual([
      "occurredOn: The date cannot be in the future.",
    ]);
    expect(messages({ text: "t", occurredOn: "2026-02-30" })).toEqual([
      "occurredOn: Enter a date as YYYY-MM-DD.",
    ]);
    expect(messages({ text: "t", occurredOn: "10/03/2026" })).toEqual([
      "occurredOn: Enter a date as YYYY-MM-DD.",
    ]);
  });
});

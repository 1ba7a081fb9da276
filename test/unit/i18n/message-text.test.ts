// A message with values travels as one string where only text can (a form's errors), and is worded
// with its values in the reader's language.
import { describe, expect, test } from "vitest";
import { i18nFor } from "~/i18n/i18n.server";
import { NAMESPACES } from "~/i18n/languages";
import { isMessageKey, messageOf, messageText, wordsOf } from "~/i18n/messages";

const german = i18nFor("de").getFixedT("de", NAMESPACES);

describe("a message as one string", () => {
  test("keeps its values, and is worded with them in the reader's language", () => {
    const text = messageText({
      key: "assessments:page.submittedOn",
      values: { date: "27.11.2026" },
    });
    expect(text).toBe('assessments:page.submittedOn|{"date":"27.11.2026"}');
    expect(isMessageKey(text)).toBe(true);
    expect(wordsOf(german, text)).toBe("Eingereicht am 27.11.2026");
  });

  test("a value may hold the separator or braces of its own", () => {
    const text = messageText({ key: "assessments:page.submittedOn", values: { date: "a|b {c}" } });
    expect(messageOf(text)).toEqual({
      key: "assessments:page.submittedOn",
      values: { date: "a|b {c}" },
    });
  });

  test("a key without values is the key itself", () => {
    expect(messageText({ key: "assessments:page.draft" })).toBe("assessments:page.draft");
    expect(wordsOf(german, "assessments:page.draft")).toBe("Entwurf");
  });

  test("English not yet translated, or text that only looks like a key, is shown as it is", () => {
    for (const text of [
      "Keep it under 200 characters.",
      "assessments:page.submittedOn|not json",
      'assessments:page.submittedOn|["a"]',
      'nowhere:key|{"a":1}',
    ]) {
      expect(messageOf(text), text).toBeNull();
      expect(wordsOf(german, text)).toBe(text);
    }
  });
});

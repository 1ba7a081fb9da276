import { describe, expect, test } from "vitest";
import { freeTextProblem } from "~/utils/free-text";

describe("what free text may hold", () => {
  test("text in any script, with balanced isolates and embeddings on each line, and marks inside words", () => {
    for (const text of [
      "",
      "   ",
      "Wrote the rollback plan.\n\tThen ran it.",
      "خطة التطور \u2067Rungs\u2069 جيدة",
      "\u202Bعربي\u202C and \u2068\u2066nested\u2069\u2069",
      "a\u200Fb",
      "\uFFFD stays: pasted text may hold it",
    ])
      expect(freeTextProblem(text)).toBeNull();
  });

  test("an override, an unclosed or stray direction character, a control character, only invisible characters", () => {
    expect(freeTextProblem("\u202E")).toEqual({
      key: "common:errors.text.override",
      values: { code: "U+202E" },
    });
    expect(freeTextProblem("ok \u202Dbalanced\u202C")?.key).toBe("common:errors.text.override");
    // Closed on the next line only: the bidi algorithm ends it at the line break.
    expect(freeTextProblem("one \u2067two\nthree\u2069")).toEqual({
      key: "common:errors.text.unclosed",
      values: { code: "U+2067" },
    });
    expect(freeTextProblem("\u2066a\u202C\u2069")?.key).toBe("common:errors.text.strayClose");
    expect(freeTextProblem("end\u202C")?.values).toEqual({ code: "U+202C" });
    expect(freeTextProblem("bell\u0007")?.key).toBe("common:errors.text.control");
    expect(freeTextProblem("\u200F \u200B\u2066\u2069\u3164")?.key).toBe(
      "common:errors.text.invisible",
    );
  });
});

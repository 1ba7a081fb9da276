import { describe, expect, test } from "vitest";
import { InvalidError } from "~/modules/errors";
import { choiceParam, MAX_PAGE, pageParam, textParam } from "~/utils/search-params";

const params = (query: Record<string, string>) => new URLSearchParams(query);

describe("page numbers", () => {
  test.each([
    ["1", 1],
    ["2", 2],
    [" 3 ", 3],
    ["007", 7],
    ["-5", 1],
    ["0", 1],
    ["1.5", 1],
    ["2abc", 1],
    ["abc", 1],
    ["1e3", 1],
    ["Infinity", 1],
    ["0x10", 1],
    ["", 1],
    ["99999999999999999999", MAX_PAGE],
    ["9".repeat(400), MAX_PAGE],
  ])("%j is page %d", (page, expected) => {
    expect(pageParam(params({ page }))).toBe(expected);
  });

  test("no page is the first; any page times any list's page size is a safe OFFSET", () => {
    expect(pageParam(params({}))).toBe(1);
    expect(Number.isSafeInteger((MAX_PAGE - 1) * 1000)).toBe(true);
  });
});

describe("choices", () => {
  const STATES = ["open", "closed"] as const;
  test("a known value, or nothing for an empty or missing one", () => {
    expect(choiceParam(params({ state: "open" }), "state", STATES)).toBe("open");
    expect(choiceParam(params({ state: "" }), "state", STATES)).toBe("");
    expect(choiceParam(params({}), "state", STATES)).toBe("");
  });

  test("an unknown value is an InvalidError naming the allowed ones", () => {
    expect(() => choiceParam(params({ state: "Open" }), "state", STATES)).toThrow(InvalidError);
    expect(() => choiceParam(params({ state: "Open" }), "state", STATES)).toThrow(
      "There is no state “Open”. Use one of: open, closed.",
    );
    expect(() => choiceParam(params({ show: "x" }), "show", ["attention"], "view")).toThrow(
      "There is no view “x”. Use one of: attention.",
    );
  });

  test("what is shown back is short and printable", () => {
    let message = "";
    try {
      choiceParam(params({ state: `\u0000${"x".repeat(5000)}` }), "state", STATES);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^There is no state “x{40}…”/);
  });
});

describe("text", () => {
  test("trimmed, without control characters (PostgreSQL refuses NUL in text), at most the given length", () => {
    expect(textParam(params({ q: "  Platform team  " }), "q")).toBe("Platform team");
    expect(textParam(params({ q: "a\u0000b\u0007c\u007f\td" }), "q")).toBe("abcd");
    expect(textParam(params({ q: "x".repeat(5000) }), "q")).toHaveLength(100);
    expect(textParam(params({ q: "x".repeat(5000) }), "q", 200)).toHaveLength(200);
    expect(textParam(params({}), "q")).toBe("");
  });
});

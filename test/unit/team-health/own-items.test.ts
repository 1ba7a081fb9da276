// The organisation's own items' words as each reader sees them (decision 123): their language's
// wording when it was written, else the statement as written, marked with its language.
import { describe, expect, test } from "vitest";
import {
  parseAskedOwnItems,
  shownIn,
  shownOwnItems,
  type AskedOwnItem,
} from "~/modules/team-health/own-items";

const onCall: AskedOwnItem = {
  language: "de",
  wording: { de: "Die Rufbereitschaft ist fair verteilt.", en: "On-call is shared fairly." },
  reversed: false,
};

describe("an own item in the reader's language", () => {
  test("their language's wording, unmarked", () => {
    expect(shownIn(onCall, "en")).toEqual({
      text: "On-call is shared fairly.",
      lang: null,
      reversed: false,
    });
    expect(shownIn(onCall, "de").lang).toBeNull();
  });

  test("without it, as written and marked with the language it is in", () => {
    expect(shownIn(onCall, "ar")).toEqual({
      text: "Die Rufbereitschaft ist fair verteilt.",
      lang: "de",
      reversed: false,
    });
    expect(shownIn(onCall, "en-XA").lang).toBe("de");
  });

  test("a check-in's copy read back: unknown keys and languages dropped, nothing thrown", () => {
    const asked = parseAskedOwnItems(
      JSON.stringify({
        "own-a": { ...onCall, reversed: true },
        raiseProblems: onCall,
        "own-b": { language: "xx", wording: { en: "Kept.", xx: "Dropped." } },
      }),
    );
    expect(Object.keys(asked)).toEqual(["own-a", "own-b"]);
    expect(asked["own-a"]!.reversed).toBe(true);
    expect(asked["own-b"]).toEqual({ language: "en", wording: { en: "Kept." }, reversed: false });
    expect(parseAskedOwnItems("{}")).toEqual({});
    expect(Object.keys(shownOwnItems(asked, ["raiseProblems", "own-a", "own-c"], "fr"))).toEqual([
      "own-a",
    ]);
  });
});

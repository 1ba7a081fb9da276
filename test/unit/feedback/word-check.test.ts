import { describe, expect, it } from "vitest";
import { inflections, PERSONALITY_WORDS } from "~/modules/feedback/personality-words";
import {
  checkAnswer,
  exampleVerdict,
  MIN_EXAMPLE_WORDS,
  personalityWordsIn,
} from "~/modules/feedback/word-check";

const concrete =
  "When the checkout migration stalled in the March design review, she wrote the rollback plan and the team shipped two days later.";

describe("personality words", () => {
  it("flags listed words in any case, with where they stand", () => {
    const text = "She can be Abrasive and BOSSY in meetings.";
    expect(personalityWordsIn(text)).toEqual([
      { text: "Abrasive", word: "abrasive", start: 11, end: 19 },
      { text: "BOSSY", word: "bossy", start: 24, end: 29 },
    ]);
  });

  it("flags simple inflections of the listed words", () => {
    const found = personalityWordsIn(
      "He reacted emotionally, aggressively and with some pushiness; dramatically so. Shrilly, too. The divas.",
    );
    expect(found.map((flag) => flag.word)).toEqual([
      "emotional",
      "aggressive",
      "pushy",
      "dramatic",
      "shrill",
      "diva",
    ]);
  });

  it("never matches inside other words", () => {
    expect(
      personalityWordsIn(
        "A melodramatic plot, unemotional data, an embossy font, a dramaturgy, harshen-proof, nonabrasive.",
      ),
    ).toEqual([]);
  });

  it("splits on hyphens and punctuation", () => {
    expect(personalityWordsIn("over-emotional,strident.").map((flag) => flag.word)).toEqual([
      "emotional",
      "strident",
    ]);
  });

  it("lists the words the research names, each with its forms", () => {
    const words = PERSONALITY_WORDS.map((entry) => entry.word);
    for (const word of [
      "abrasive",
      "emotional",
      "aggressive",
      "bossy",
      "shrill",
      "strident",
      "hysterical",
      "dramatic",
      "difficult",
      "pushy",
    ])
      expect(words).toContain(word);
    expect(inflections({ word: "bossy", kind: "adjective" })).toEqual([
      "bossy",
      "bossier",
      "bossiest",
      "bossily",
      "bossiness",
    ]);
    expect(inflections({ word: "dramatic", kind: "adjective" })).toEqual([
      "dramatic",
      "dramatically",
    ]);
    expect(inflections({ word: "diva", kind: "noun" })).toEqual(["diva", "divas"]);
  });
});

describe("whether an answer gives an example", () => {
  it("accepts an answer long enough with a concrete marker", () => {
    expect(exampleVerdict(concrete)).toEqual({
      verdict: "example",
      markers: ["time", "artefact", "situation"],
    });
  });

  it("calls an empty answer empty and a short one too short", () => {
    expect(exampleVerdict("   ").verdict).toBe("empty");
    expect(exampleVerdict("Great in the March review.").verdict).toBe("too-short");
  });

  it("asks for an anchor when a long answer names no time, artefact, link or situation", () => {
    expect(
      exampleVerdict(
        "She is a really great colleague to work with and always very reliable and kind to everyone.",
      ).verdict,
    ).toBe("no-marker");
  });

  it("recognises links, ticket keys and meetings as markers", () => {
    const padding = " and it made the whole team faster at what we do every day";
    expect(exampleVerdict(`See https://git.example.com/pay/pull/12${padding}`).markers).toContain(
      "link",
    );
    expect(exampleVerdict(`Fixed PAY-1234 on her own${padding}`).markers).toContain("artefact");
    expect(exampleVerdict(`She led us in the quarterly planning${padding}`).markers).toContain(
      "situation",
    );
    expect(MIN_EXAMPLE_WORDS).toBe(12);
  });
});

describe("the whole check", () => {
  it("suggests describing the behaviour and its effect, naming the words", () => {
    const check = checkAnswer("Too aggressive and emotional.");
    expect(check.flagged).toEqual(["aggressive", "emotional"]);
    expect(check.example).toBe("too-short");
    expect(check.suggestions).toEqual([
      { key: "feedback:wordCheck.personality", values: { count: 2 } },
      { key: "feedback:wordCheck.tooShort", values: { min: MIN_EXAMPLE_WORDS } },
    ]);
  });

  it("has nothing to suggest about a concrete answer", () => {
    expect(checkAnswer(concrete)).toEqual({
      words: [],
      example: "example",
      markers: ["time", "artefact", "situation"],
      flagged: [],
      suggestions: [],
    });
  });
});

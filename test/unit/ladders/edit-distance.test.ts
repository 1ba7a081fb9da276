import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "~/modules/ladders/suggest";
import { normaliseText, textSimilarity, words } from "~/modules/ladders/text-similarity";

/** The distance as defined: the whole table, each cell from its neighbours and the swap two back. */
function distanceByWholeTable(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A seeded generator, so a failure names strings that can be tried again. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function text(random: () => number, letters: string, longest: number): string {
  const length = Math.floor(random() * (longest + 1));
  return Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join("");
}

describe("edit distance", () => {
  it("counts a swapped pair as one typo, an insertion, a deletion and a change as one each", () => {
    expect(editDistance("level", "lveel")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("mentor", "mentors")).toBe(1);
    expect(editDistance("mentors", "mentor")).toBe(1);
    expect(editDistance("scope", "slope")).toBe(1);
    expect(editDistance("", "track")).toBe(5);
    expect(editDistance("track", "")).toBe(5);
    expect(editDistance("calibration", "calibration")).toBe(0);
    // Optimal string alignment, not Damerau: no edit inside a swapped pair.
    expect(editDistance("ca", "abc")).toBe(3);
  });

  it("equals the whole table's answer on thousands of strings of few letters, where swaps and repeats are common", () => {
    const random = seeded(20261127);
    for (let round = 0; round < 3000; round++) {
      const a = text(random, "abcé ", 14);
      const b = random() < 0.3 ? a.split("").reverse().join("") : text(random, "abcé ", 14);
      expect(editDistance(a, b), `${JSON.stringify(a)} → ${JSON.stringify(b)}`).toBe(
        distanceByWholeTable(a, b),
      );
    }
  });

  it("suggests the closest plausible typo and nothing far off", () => {
    expect(closestMatch("Mnaager", ["Manager", "Engineer"])).toBe("Manager");
    expect(closestMatch("Director", ["Manager", "Engineer"])).toBeUndefined();
  });
});

describe("text similarity", () => {
  /** The better of the two measures, each always computed. */
  function bothMeasures(a: string, b: string): number {
    const left = normaliseText(a);
    const right = normaliseText(b);
    if (left === right) return 1;
    const byCharacters =
      1 - distanceByWholeTable(left, right) / Math.max(left.length, right.length);
    const leftWords = new Set(words(left));
    const rightWords = new Set(words(right));
    const shared = [...leftWords].filter((word) => rightWords.has(word)).length;
    const byWords =
      leftWords.size + rightWords.size === 0
        ? 1
        : (2 * shared) / (leftWords.size + rightWords.size);
    return Math.max(byCharacters, byWords);
  }

  it("is the better of shared words and characters, whichever it skips computing", () => {
    const random = seeded(56);
    const vocabulary = [
      "owns",
      "the",
      "design",
      "of",
      "a",
      "system",
      "mentors",
      "others",
      "leads",
      "team",
      "reviews",
      "Code",
      "code",
    ];
    for (let round = 0; round < 1500; round++) {
      const sentence = () =>
        Array.from(
          { length: Math.floor(random() * 8) },
          () => vocabulary[Math.floor(random() * vocabulary.length)],
        ).join(" ");
      const a = sentence();
      const b = random() < 0.3 ? `${a} ${sentence()}` : sentence();
      expect(textSimilarity(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBeCloseTo(
        bothMeasures(a, b),
        12,
      );
    }
    expect(textSimilarity("Reviews code for the team", "reviews  code for the teams")).toBeCloseTo(
      1 - 1 / 26,
      12,
    );
    expect(textSimilarity("Owns the design", "owns the design")).toBe(1);
  });
});

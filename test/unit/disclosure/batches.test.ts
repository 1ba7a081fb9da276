import { describe, expect, test } from "vitest";
import { releasedBatches } from "~/modules/disclosure/check";

const day = (n: number) => new Date(Date.UTC(2026, 2, n));
const answer = (contributor: string, n: number, id = `${contributor}${n}`) => ({
  id,
  contributor,
  at: day(n),
});
const names = (batches: { id: string }[][]) =>
  batches.map((batch) => batch.map((contribution) => contribution.id));

describe("releases over time: batches of at least the floor", () => {
  test("shows the contributions in the order they arrived, cut to whole batches of the floor", () => {
    const all = ["a", "b", "c", "d", "e", "f", "g"].map((person, index) =>
      answer(person, index + 1),
    );
    const floor = () => 3;
    expect(releasedBatches(all.slice(0, 2), floor)).toEqual([]);
    expect(names(releasedBatches(all.slice(0, 3), floor))).toEqual([["a1", "b2", "c3"]]);
    // A fourth and a fifth change nothing shown.
    expect(names(releasedBatches(all.slice(0, 5), floor))).toEqual([["a1", "b2", "c3"]]);
    expect(names(releasedBatches(all.slice(0, 6), floor))).toEqual([
      ["a1", "b2", "c3"],
      ["d4", "e5", "f6"],
    ]);
    // The order they were passed in does not matter, only when they arrived.
    expect(releasedBatches([...all].reverse(), floor)).toEqual(releasedBatches(all, floor));
  });

  test("counts contributors, not answers: a changed answer does not fill a batch on its own", () => {
    const answers = [
      answer("a", 1),
      answer("a", 2),
      answer("b", 3),
      answer("a", 4),
      answer("c", 5),
      answer("a", 6),
      answer("b", 7),
    ];
    expect(names(releasedBatches(answers, () => 3))).toEqual([["a1", "a2", "b3", "a4", "c5"]]);
  });

  test("a contributor with a raised floor makes their batch wait for that many", () => {
    const answers = ["a", "b", "c", "d", "e"].map((person, index) => answer(person, index + 1));
    expect(names(releasedBatches(answers, (person) => (person === "b" ? 5 : 3)))).toEqual([
      ["a1", "b2", "c3", "d4", "e5"],
    ]);
    expect(releasedBatches(answers.slice(0, 4), (person) => (person === "b" ? 5 : 3))).toEqual([]);
  });

  test("answers at the same moment are taken in the order of their ids", () => {
    const same = [
      answer("c", 1, "z"),
      answer("a", 1, "x"),
      answer("b", 1, "y"),
      answer("d", 1, "w"),
    ];
    expect(names(releasedBatches(same, () => 3))).toEqual([["w", "x", "y"]]);
  });

  test("with whole moments, a batch closes only once every answer of its last moment is in", () => {
    const imported = ["a", "b", "c", "d", "e"].map((person) => answer(person, 1));
    expect(names(releasedBatches(imported, () => 3, true))).toEqual([
      ["a1", "b1", "c1", "d1", "e1"],
    ]);
    // Then batches of the floor again, one moment at a time.
    const later = [...imported, answer("f", 2), answer("g", 3), answer("h", 4)];
    expect(names(releasedBatches(later, () => 3, true))).toEqual([
      ["a1", "b1", "c1", "d1", "e1"],
      ["f2", "g3", "h4"],
    ]);
  });
});

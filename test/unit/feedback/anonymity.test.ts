import { describe, expect, it } from "vitest";
import { ANONYMITY_FLOOR, anonymousRelease, keyedHash, readerOrder, type AnswerRow } from "~/modules/feedback/anonymity";

const answer = (id: string, authorId: string, competencyId: string, rating: number | null = 3, example = `An example on ${competencyId}`): AnswerRow => ({ id, authorId, competencyId, rating, example });
const everyone = (authors: string[], competencies: string[]) =>
  authors.flatMap((author, a) => competencies.map((competency, c) => answer(`${a}-${c}`, author, competency, 2 + ((a + c) % 3))));

describe("the three-answer floor", () => {
  it("shows nothing, not even a count, before three people answered", () => {
    const release = anonymousRelease(everyone(["ana", "ben"], ["testing"]), ["testing"], { secret: "s", withAnswers: true });
    expect(release).toEqual({ released: false, authors: null, competencies: [{ competencyId: "testing", shown: false, count: null, averageRating: null, ratingCount: null, answers: [] }] });
  });

  it("shows the answers once three people answered", () => {
    const release = anonymousRelease(everyone(["ana", "ben", "cas"], ["testing"]), ["testing"], { secret: "s", withAnswers: true });
    expect(ANONYMITY_FLOOR).toBe(3);
    expect(release.released).toBe(true);
    expect(release.authors).toBe(3);
    expect(release.competencies[0]).toMatchObject({ shown: true, count: 3, ratingCount: 3, averageRating: 3 });
    expect(release.competencies[0]!.answers).toHaveLength(3);
  });

  it("counts people, not answers: one author's answers on many competencies stay under the floor", () => {
    expect(anonymousRelease(everyone(["ana"], ["a", "b", "c", "d"]), ["a", "b", "c", "d"], { secret: "s", withAnswers: true }).released).toBe(false);
  });

  it("keeps each author's higher floor where the answers are a figure about them", () => {
    const rows = everyone(["ana", "ben", "cas"], ["testing"]);
    expect(anonymousRelease(rows, ["testing"], { secret: "s", withAnswers: true, floorOf: () => 4 }).released).toBe(false);
    expect(anonymousRelease(everyone(["ana", "ben", "cas", "dee"], ["testing"]), ["testing"], { secret: "s", withAnswers: true, floorOf: () => 4 }).released).toBe(true);
  });
});

describe("what a shown answer carries", () => {
  it("carries its rating and text only: no id, author or time", () => {
    const release = anonymousRelease(everyone(["ana", "ben", "cas"], ["testing"]), ["testing"], { secret: "s", withAnswers: true });
    for (const shown of release.competencies[0]!.answers) expect(Object.keys(shown).sort()).toEqual(["example", "rating"]);
    expect(JSON.stringify(release)).not.toMatch(/ana|ben|cas"|\d{4}-\d{2}-\d{2}/);
  });

  it("leaves figures only for a summary", () => {
    const release = anonymousRelease(everyone(["ana", "ben", "cas"], ["testing"]), ["testing"], { secret: "s", withAnswers: false });
    expect(release.competencies[0]).toMatchObject({ shown: true, count: 3, answers: [] });
  });
});

describe("the order readers see", () => {
  const rows = Array.from({ length: 12 }, (_, index) => answer(`answer-${String(index).padStart(2, "0")}`, `author-${index}`, "testing"));

  it("does not follow the ids (nor so the order they were made in)", () => {
    const ids = readerOrder(rows, "cycle-secret").map((row) => row.id);
    expect(ids).not.toEqual(rows.map((row) => row.id));
    expect([...ids].sort()).toEqual(rows.map((row) => row.id));
  });

  it("is the same on every visit and differs from one cycle's secret to another's", () => {
    expect(readerOrder(rows, "cycle-secret")).toEqual(readerOrder([...rows].reverse(), "cycle-secret"));
    expect(readerOrder(rows, "cycle-secret")).not.toEqual(readerOrder(rows, "another-secret"));
  });

  it("hashes with the secret", () => {
    expect(keyedHash("a", "x")).toBe(keyedHash("a", "x"));
    expect(keyedHash("a", "x")).not.toBe(keyedHash("b", "x"));
  });
});

describe("counts that would single out an author", () => {
  it("withholds a competency only one or two of the authors answered", () => {
    const rows = [...everyone(["ana", "ben", "cas", "dee"], ["testing"]), answer("x1", "ana", "design"), answer("x2", "ben", "design")];
    const release = anonymousRelease(rows, ["testing", "design"], { secret: "s", withAnswers: true });
    expect(release.competencies.map((competency) => [competency.competencyId, competency.shown])).toEqual([
      ["testing", true],
      ["design", false],
    ]);
  });

  it("withholds a competency that all but one answered, since the one who left it out would follow", () => {
    const rows = [...everyone(["ana", "ben", "cas", "dee"], ["testing"]), ...everyone(["ana", "ben", "cas"], ["design"]).map((row) => ({ ...row, id: `d-${row.id}` }))];
    const release = anonymousRelease(rows, ["testing", "design"], { secret: "s", withAnswers: true });
    expect(release.authors).toBe(4);
    expect(release.competencies.find((competency) => competency.competencyId === "design")?.shown).toBe(false);
    expect(release.competencies.find((competency) => competency.competencyId === "testing")?.count).toBe(4);
  });

  it("shows the answers but not the ratings where too few rated", () => {
    const rows = everyone(["ana", "ben", "cas"], ["testing"]).map((row) => (row.authorId === "cas" ? { ...row, rating: null } : row));
    const [testing] = anonymousRelease(rows, ["testing"], { secret: "s", withAnswers: true }).competencies;
    expect(testing).toMatchObject({ shown: true, count: 3, averageRating: null, ratingCount: null });
    expect(testing!.answers.map((shown) => shown.rating)).toEqual([null, null, null]);
  });
});

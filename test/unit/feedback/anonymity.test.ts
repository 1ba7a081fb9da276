import { describe, expect, it } from "vitest";
import {
  ANONYMITY_FLOOR,
  anonymousRelease,
  keyedHash,
  readerOrder,
  UPWARD_FLOOR,
  type AnswerRow,
  type ReleaseOptions,
} from "~/modules/feedback/anonymity";

// Authors submit in the order of their names, a minute apart.
const submittedAt = (authorId: string) =>
  new Date(Date.UTC(2026, 4, 1, 9, authorId.charCodeAt(0) - 96));
const answer = (
  id: string,
  authorId: string,
  competencyId: string,
  rating: number | null = 3,
  example = `An example on ${competencyId}`,
): AnswerRow => ({
  id,
  authorId,
  competencyId,
  rating,
  example,
  submittedAt: submittedAt(authorId),
});
const everyone = (authors: string[], competencies: string[]) =>
  authors.flatMap((author, a) =>
    competencies.map((competency, c) => answer(`${a}-${c}`, author, competency, 2 + ((a + c) % 3))),
  );
const peers = (options: Partial<ReleaseOptions> = {}): ReleaseOptions => ({
  secret: "s",
  withAnswers: true,
  floor: ANONYMITY_FLOOR,
  ...options,
});

describe("the three-answer floor", () => {
  it("shows nothing, not even a count, before three people answered", () => {
    const release = anonymousRelease(everyone(["ana", "ben"], ["testing"]), ["testing"], peers());
    expect(release).toEqual({ released: false, authors: null, floor: 3, competencies: [] });
  });

  it("shows the answers once three people answered", () => {
    const release = anonymousRelease(
      everyone(["ana", "ben", "cas"], ["testing"]),
      ["testing"],
      peers(),
    );
    expect(ANONYMITY_FLOOR).toBe(3);
    expect(release.released).toBe(true);
    expect(release.authors).toBe(3);
    expect(release.competencies[0]).toMatchObject({
      shown: true,
      count: 3,
      ratingCount: 3,
      averageRating: 3,
    });
    expect(release.competencies[0]!.answers).toHaveLength(3);
  });

  it("counts people, not answers: one author's answers on many competencies stay under the floor", () => {
    expect(
      anonymousRelease(everyone(["ana"], ["a", "b", "c", "d"]), ["a", "b", "c", "d"], peers())
        .released,
    ).toBe(false);
  });

  it("keeps each author's higher floor where the answers are a figure about them", () => {
    const rows = everyone(["ana", "ben", "cas"], ["testing"]);
    expect(anonymousRelease(rows, ["testing"], peers({ floorOf: () => 4 })).released).toBe(false);
    expect(
      anonymousRelease(
        everyone(["ana", "ben", "cas", "dee"], ["testing"]),
        ["testing"],
        peers({ floorOf: () => 4 }),
      ).released,
    ).toBe(true);
  });
});

describe("what a shown answer carries", () => {
  it("carries its text only: no rating (one author's ratings would link their answers), id, author or time", () => {
    const release = anonymousRelease(
      everyone(["ana", "ben", "cas"], ["testing"]),
      ["testing"],
      peers(),
    );
    for (const shown of release.competencies[0]!.answers)
      expect(Object.keys(shown)).toEqual(["example"]);
    expect(JSON.stringify(release)).not.toMatch(/ana|ben|cas"|\d{4}-\d{2}-\d{2}/);
  });

  it("leaves figures only for a summary", () => {
    const release = anonymousRelease(
      everyone(["ana", "ben", "cas"], ["testing"]),
      ["testing"],
      peers({ withAnswers: false }),
    );
    expect(release.competencies[0]).toMatchObject({ shown: true, count: 3, answers: [] });
  });
});

describe("the order readers see", () => {
  const rows = Array.from({ length: 12 }, (_, index) =>
    answer(`answer-${String(index).padStart(2, "0")}`, `author-${index}`, "testing"),
  );

  it("does not follow the ids (nor so the order they were made in)", () => {
    const ids = readerOrder(rows, "cycle-secret").map((row) => row.id);
    expect(ids).not.toEqual(rows.map((row) => row.id));
    expect([...ids].sort()).toEqual(rows.map((row) => row.id));
  });

  it("is the same on every visit and differs from one cycle's secret to another's", () => {
    expect(readerOrder(rows, "cycle-secret")).toEqual(
      readerOrder([...rows].reverse(), "cycle-secret"),
    );
    expect(readerOrder(rows, "cycle-secret")).not.toEqual(readerOrder(rows, "another-secret"));
  });

  it("hashes with the secret", () => {
    expect(keyedHash("a", "x")).toBe(keyedHash("a", "x"));
    expect(keyedHash("a", "x")).not.toBe(keyedHash("b", "x"));
  });
});

describe("counts that would single out an author", () => {
  it("withholds a competency only one or two of the authors answered", () => {
    const rows = [
      ...everyone(["ana", "ben", "cas", "dee"], ["testing"]),
      answer("x1", "ana", "design"),
      answer("x2", "ben", "design"),
    ];
    const release = anonymousRelease(rows, ["testing", "design"], peers());
    expect(
      release.competencies.map((competency) => [competency.competencyId, competency.shown]),
    ).toEqual([
      ["testing", true],
      ["design", false],
    ]);
  });

  it("withholds a competency that all but one of a batch answered, since the one who left it out would follow", () => {
    // Ben's raised floor makes the first batch five: ana to eve.
    const rows = [
      ...everyone(["ana", "ben", "cas", "dee", "eve"], ["testing"]),
      ...everyone(["ana", "ben", "cas", "dee"], ["design"]).map((row) => ({
        ...row,
        id: `d-${row.id}`,
      })),
    ];
    const release = anonymousRelease(
      rows,
      ["testing", "design"],
      peers({ floorOf: (author) => (author === "ben" ? 5 : 3) }),
    );
    expect(release.authors).toBe(5);
    expect(
      release.competencies.find((competency) => competency.competencyId === "design")?.shown,
    ).toBe(false);
    expect(
      release.competencies.find((competency) => competency.competencyId === "testing")?.count,
    ).toBe(5);
  });

  it("shows the answers but not the ratings where too few rated", () => {
    const rows = everyone(["ana", "ben", "cas"], ["testing"]).map((row) =>
      row.authorId === "cas" ? { ...row, rating: null } : row,
    );
    const [testing] = anonymousRelease(rows, ["testing"], peers()).competencies;
    expect(testing).toMatchObject({
      shown: true,
      count: 3,
      averageRating: null,
      ratingCount: null,
    });
    expect(testing!.answers).toHaveLength(3);
  });
});

describe("answers read again later", () => {
  const authors = ["ana", "ben", "cas", "dee", "eve", "fay", "gus"];

  it("are shown in batches of the floor, in the order they were submitted: one or two more change nothing", () => {
    const rows = everyone(authors, ["testing", "design"]);
    const upTo = (count: number) =>
      anonymousRelease(
        rows.filter((row) => authors.slice(0, count).includes(row.authorId)),
        ["testing", "design"],
        peers(),
      );
    expect(upTo(4)).toEqual(upTo(3));
    expect(upTo(5)).toEqual(upTo(3));
    expect(upTo(6)).not.toEqual(upTo(5));
    expect(upTo(7)).toEqual(upTo(6));
    expect(upTo(6).authors).toBe(6);
    expect(upTo(6).competencies[0]).toMatchObject({ count: 6, ratingCount: 6 });
  });

  it("add a batch's answers on a competency only where that batch's own check releases them", () => {
    // The second batch (dee, eve, fay): only dee and eve answered design, which would single out fay.
    const rows = [
      ...everyone(authors.slice(0, 6), ["testing"]),
      ...everyone(authors.slice(0, 5), ["design"]).map((row) => ({ ...row, id: `d-${row.id}` })),
    ];
    const release = anonymousRelease(rows, ["testing", "design"], peers());
    expect(
      release.competencies.map((competency) => [competency.competencyId, competency.count]),
    ).toEqual([
      ["testing", 6],
      ["design", 3],
    ]);
  });

  it("upward answers wait for the organisation's floor, and averages are rounded as the page shows them", () => {
    expect(UPWARD_FLOOR).toBe(4);
    const rows = authors
      .slice(0, 4)
      .map((author, index) => answer(`u-${author}`, author, "testing", [1, 2, 2, 2][index]!));
    expect(
      anonymousRelease(rows.slice(0, 3), ["testing"], peers({ floor: UPWARD_FLOOR })).released,
    ).toBe(false);
    const release = anonymousRelease(rows, ["testing"], peers({ floor: UPWARD_FLOOR }));
    expect(release).toMatchObject({ released: true, authors: 4, floor: 4 });
    expect(release.competencies[0]!.averageRating).toBe(1.8);
  });
});

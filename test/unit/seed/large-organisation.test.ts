import { describe, expect, test } from "vitest";
import { largeOrganisation } from "../../../prisma/seed/large-organisation";

describe("the large organisation generator", () => {
  test.each([1, 9, 60, 5000])(
    "makes exactly %i people, each with a unique email and a manager in the organisation",
    (size) => {
      const people = largeOrganisation(size);
      expect(people).toHaveLength(size);
      const emails = new Set(people.map((p) => p.email));
      expect(emails.size).toBe(size);
      expect(people.filter((p) => p.manager === null)).toHaveLength(1);
      for (const p of people) if (p.manager) expect(emails.has(p.manager)).toBe(true);
    },
  );

  test("is the same organisation every time for the same seed", () => {
    expect(largeOrganisation(200, 7)).toEqual(largeOrganisation(200, 7));
  });
});

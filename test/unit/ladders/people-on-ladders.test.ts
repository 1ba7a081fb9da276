import { describe, expect, it } from "vitest";
import {
  countPeopleByLadder,
  defaultLadderId,
  ladderOfPlace,
  levelsFoundOn,
  peopleStillOnLadder,
} from "~/modules/ladders/people-on-ladders";

const ladder = (id: string, ...levelIds: string[]) => ({
  meta: { id },
  tracks: [{ levels: levelIds.map((levelId) => ({ id: levelId })) }],
});
const engineering = ladder("engineering", "ic1", "ic2");
const product = ladder("product", "ic1", "p2");

describe("which ladder people are on", () => {
  it("a person with a ladder is on it; without one, on the first ladder that has their level, as their pages read it", () => {
    expect(ladderOfPlace([engineering, product], { ladderId: "product", level: "ic1" })).toBe(
      "product",
    );
    expect(ladderOfPlace([engineering, product], { ladderId: null, level: "ic1" })).toBe(
      "engineering",
    );
    expect(ladderOfPlace([engineering, product], { ladderId: null, level: "p2" })).toBe("product");
    expect(
      ladderOfPlace([engineering, product], { ladderId: null, level: "gone" }),
    ).toBeUndefined();
    expect(ladderOfPlace([engineering, product], { ladderId: null, level: null })).toBeUndefined();
    // A ladder whose folder is gone still has the people recorded on it.
    expect(ladderOfPlace([engineering], { ladderId: "data", level: "d1" })).toBe("data");
  });

  it("finds people without a ladder on a ladder by the levels no ladder before it has", () => {
    expect(levelsFoundOn([engineering, product], "engineering")).toEqual(["ic1", "ic2"]);
    expect(levelsFoundOn([engineering, product], "product")).toEqual(["p2"]);
    expect(levelsFoundOn([engineering, product], "data")).toEqual([]);
  });

  it("counts the people of each place once, under their ladder", () => {
    const counts = countPeopleByLadder(
      [engineering, product],
      [
        { ladderId: "product", level: "p2", people: 3 },
        { ladderId: null, level: "p2", people: 2 },
        { ladderId: null, level: "ic2", people: 1 },
        { ladderId: "engineering", level: null, people: 4 },
        { ladderId: null, level: null, people: 9 },
      ],
    );
    expect(Object.fromEntries(counts)).toEqual({ product: 5, engineering: 5 });
  });
});

describe("the default ladder of a picker", () => {
  it("is the offered ladder most people are on", () => {
    expect(
      defaultLadderId(
        ["engineering", "product"],
        new Map([
          ["engineering", 2],
          ["product", 7],
        ]),
      ),
    ).toBe("product");
  });

  it("breaks a tie by the order ladders are offered in, and falls back to the first when nobody is on any", () => {
    expect(
      defaultLadderId(
        ["engineering", "product"],
        new Map([
          ["engineering", 3],
          ["product", 3],
        ]),
      ),
    ).toBe("engineering");
    expect(
      defaultLadderId(
        ["product", "engineering"],
        new Map([
          ["engineering", 3],
          ["product", 3],
        ]),
      ),
    ).toBe("product");
    expect(defaultLadderId(["engineering", "product"], new Map())).toBe("engineering");
  });

  it("never picks a ladder that is not offered, however many people are on it", () => {
    expect(
      defaultLadderId(
        ["engineering", "product"],
        new Map([
          ["data", 50],
          ["product", 1],
        ]),
      ),
    ).toBe("product");
    expect(defaultLadderId([], new Map([["data", 50]]))).toBeUndefined();
  });
});

describe("refusing to retire a ladder people are on", () => {
  it("says how many, names the first five and counts the others", () => {
    expect(peopleStillOnLadder("Engineering", 1, ["Ada Obi"])).toEqual({
      ladder: "Engineering",
      count: 1,
      named: ["Ada Obi"],
      others: 0,
    });
    expect(
      peopleStillOnLadder("Engineering", 7, [
        "Ada Obi",
        "Ben Ng",
        "Cy Ola",
        "Di Roe",
        "Ed Fox",
        "Flo Gee",
      ]),
    ).toEqual({
      ladder: "Engineering",
      count: 7,
      named: ["Ada Obi", "Ben Ng", "Cy Ola", "Di Roe", "Ed Fox"],
      others: 2,
    });
  });
});

import { describe, expect, test } from "vitest";
import { insideOrganisation } from "~/modules/people/line-over-time";

describe("who was in a manager's organisation when", () => {
  test("a move of someone between a person and the manager moves the person too, and a move under someone outside leaves them outside", () => {
    // Mia manages Ari, who manages Ben; Cy reports to Eve, who is never under Mia.
    const inside = insideOrganisation("mia", [
      {
        id: "ari",
        manager: "mia",
        changes: [
          { at: 10, from: "mia", to: "eve" },
          { at: 30, from: "eve", to: "mia" },
        ],
      },
      { id: "ben", manager: "ari", changes: [] },
      { id: "cy", manager: "ben", changes: [{ at: 20, from: "eve", to: "ben" }] },
      { id: "eve", manager: null, changes: [] },
    ]);
    expect(Object.fromEntries(inside)).toEqual({
      ari: [
        { since: null, until: 10 },
        { since: 30, until: null },
      ],
      ben: [
        { since: null, until: 10 },
        { since: 30, until: null },
      ],
      cy: [{ since: 30, until: null }],
    });
  });

  test("moves made at the same moment are taken together", () => {
    // An import moves Ari out and Ben from under Ari straight to Mia: Ben never leaves.
    const inside = insideOrganisation("mia", [
      { id: "ari", manager: "eve", changes: [{ at: 10, from: "mia", to: "eve" }] },
      { id: "ben", manager: "mia", changes: [{ at: 10, from: "ari", to: "mia" }] },
    ]);
    expect(Object.fromEntries(inside)).toEqual({
      ari: [{ since: null, until: 10 }],
      ben: [{ since: null, until: null }],
    });
  });
});

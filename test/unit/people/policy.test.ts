import { describe, expect, test } from "vitest";
import { promotionStillApplies } from "~/modules/people/policy";

describe("promotionStillApplies", () => {
  test("while the person is at the level the promotion was decided from", () => {
    expect(promotionStillApplies({ currentLevelId: "ic3", decidedFromLevelId: "ic3" })).toBe(true);
  });

  test("not once their level changed some other way, up, down or to none", () => {
    for (const currentLevelId of ["ic5", "ic2", null])
      expect(promotionStillApplies({ currentLevelId, decidedFromLevelId: "ic3" })).toBe(false);
  });
});

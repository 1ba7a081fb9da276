import { describe, expect, it } from "vitest";
import {
  FEEDBACK_SCENARIOS,
  feedbackCoverage,
  MENTORING_SCENARIOS,
  mentoringFalseRate,
} from "../../../scripts/coverage-simulations";

/**
 * A short, seeded run of `npm run stats:coverage`'s simulations, with bars loose enough for a few
 * hundred runs (about two simulation standard errors past the script's bars of 94% and 6%). The
 * answer-level Wilson interval held the truth in 67% of groups in the first scenario, and the
 * interval over mentees alone excluded zero in 11% of organisations in the second: both far outside.
 */
describe("intervals over clustered answers hold their promise", () => {
  it("the feedback share's 95% interval holds the true share in at least 92% of 600 groups, with colleague and person spread", () => {
    expect(
      feedbackCoverage(FEEDBACK_SCENARIOS["answers with an example"]!, 600, 31),
    ).toBeGreaterThanOrEqual(0.92);
  });

  it("with no effect, the mentoring difference's 95% interval excludes zero in at most 8% of 500 organisations where mentees share their comparable people", () => {
    expect(
      mentoringFalseRate(
        MENTORING_SCENARIOS["few comparable people, a person's goals moving together"]!,
        500,
        32,
      ),
    ).toBeLessThanOrEqual(0.08);
  });
});

import { describe, expect, test } from "vitest";
import { joiningHooks } from "~/modules/cycles/joining.server";
import { deactivationHooks } from "~/modules/people/deactivation.server";
import { todoProviderNames } from "~/modules/todo/todo.server";
import "~/modules/workflows.server";

/** What every way in gets by importing workflows.server.ts: each workflow's part, registered once. */
describe("the workflows' registrations", () => {
  test("give the to-do list every workflow's provider", () => {
    expect(todoProviderNames()).toEqual([
      "reviews",
      "calibration",
      "hiring",
      "mentorship",
      "conversations",
      "feedback",
      "opportunities",
      "sponsorship",
      "goals",
      "promotions",
      "promotion-committees",
    ]);
  });

  test("give deactivation the hooks of the workflows whose work it ends", () => {
    expect(deactivationHooks.names()).toEqual(["feedback", "conversations", "api"]);
  });

  test("give a cycle's joining the hooks of the workflows that start work for those who join", () => {
    expect(joiningHooks.names()).toEqual(["feedback"]);
  });
});

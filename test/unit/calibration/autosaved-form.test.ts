import { describe, expect, test } from "vitest";
import { afterHydration } from "~/modules/calibration/autosaved-form";

describe("afterHydration", () => {
  test("a form untouched before hydrating is left alone and not kept", () => {
    expect(
      afterHydration([
        { rendered: "Earlier words.", before: "Earlier words.", after: "Earlier words." },
        { rendered: "false", before: "false", after: "false" },
      ]),
    ).toEqual({ putBack: [null, null], edited: false });
  });

  test("text added before hydrating and reset by it is put back, and the form is kept", () => {
    expect(
      afterHydration([
        { rendered: "Earlier words.", before: "Earlier words. More.", after: "Earlier words." },
      ]),
    ).toEqual({ putBack: ["Earlier words. More."], edited: true });
  });

  test("a choice the page kept through hydration is kept without putting anything back", () => {
    expect(
      afterHydration([
        { rendered: "false", before: "true", after: "true" },
        { rendered: "", before: "", after: "" },
      ]),
    ).toEqual({ putBack: [null, null], edited: true });
  });

  test("a change made as hydration ended wins over the value read as it began", () => {
    expect(
      afterHydration([{ rendered: "", before: "Typed early", after: "Typed early, then more" }]),
    ).toEqual({ putBack: [null], edited: true });
  });

  test("a control not there as hydration began has nothing to put back", () => {
    expect(afterHydration([{ rendered: "false", before: null, after: "true" }])).toEqual({
      putBack: [null],
      edited: true,
    });
  });
});

import { describe, expect, test } from "vitest";
import { presenceOf, presenceSpans } from "~/modules/people/presence";

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));
const at = (n: number) => day(n).getTime();
const row = (source: string, n: number) => ({ source, changedAt: day(n) });

describe("when a person was in the organisation", () => {
  test("from their arrival, still there, or until their deactivation when they are away now", () => {
    expect(
      presenceSpans({ createdAt: day(1), deactivatedAt: null }, [
        row("edited", 3),
        row("level-since", 4),
      ]),
    ).toEqual([{ since: at(1), until: null }]);
    expect(presenceSpans({ createdAt: day(1), deactivatedAt: day(6) }, [row("edited", 3)])).toEqual(
      [{ since: at(1), until: at(6) }],
    );
  });

  test("a reactivation's leaving ends a span and its return begins another, in whatever order the rows come; away again, the last ends", () => {
    const rows = [row("reactivated", 9), row("deactivated", 5), row("edited", 7)];
    expect(presenceSpans({ createdAt: day(1), deactivatedAt: null }, rows)).toEqual([
      { since: at(1), until: at(5) },
      { since: at(9), until: null },
    ]);
    expect(
      presenceSpans({ createdAt: day(1), deactivatedAt: day(12) }, [
        ...rows,
        row("deactivated", 10),
        row("reactivated", 11),
      ]),
    ).toEqual([
      { since: at(1), until: at(5) },
      { since: at(9), until: at(10) },
      { since: at(11), until: at(12) },
    ]);
  });

  test("only a reactivation's rows speak of presence", () => {
    expect(
      ["deactivated", "reactivated", "edited", "level-since", "promoted"].map(presenceOf),
    ).toEqual(["left", "returned", undefined, undefined, undefined]);
  });
});

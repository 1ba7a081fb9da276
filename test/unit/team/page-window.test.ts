import { describe, expect, test } from "vitest";
import { pageWindow } from "~/modules/team/page-window";

// People shown per layer below the viewer: 8 direct reports, 60 in the next layer, 4,931 below that.
const vp = new Map([
  [1, 8],
  [2, 60],
  [3, 4931],
]);

describe("the layers a page of the team overview falls in", () => {
  test("the first page: the direct reports and the start of the next layer", () => {
    expect(pageWindow(vp, 0, 25)).toEqual({ fromDepth: 1, toDepth: 2, offset: 0, limit: 25 });
  });

  test("a page inside one layer counts its offset from that layer's start", () => {
    expect(pageWindow(vp, 25, 25)).toEqual({ fromDepth: 2, toDepth: 2, offset: 17, limit: 25 });
    expect(pageWindow(vp, 100, 25)).toEqual({ fromDepth: 3, toDepth: 3, offset: 32, limit: 25 });
  });

  test("a page across a layer boundary reads both layers", () => {
    expect(pageWindow(vp, 50, 25)).toEqual({ fromDepth: 2, toDepth: 3, offset: 42, limit: 25 });
  });

  test("layers are taken in order whatever order they were counted in, and empty layers are skipped", () => {
    const shuffled = new Map([
      [3, 5],
      [1, 2],
      [2, 0],
    ]);
    expect(pageWindow(shuffled, 0, 25)).toEqual({ fromDepth: 1, toDepth: 3, offset: 0, limit: 25 });
    expect(pageWindow(shuffled, 2, 25)).toEqual({ fromDepth: 3, toDepth: 3, offset: 0, limit: 25 });
  });

  test("nothing to show past the end or with nobody shown", () => {
    expect(pageWindow(vp, 5000, 25)).toBeNull();
    expect(pageWindow(new Map(), 0, 25)).toBeNull();
  });
});

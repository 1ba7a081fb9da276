import { describe, expect, test } from "vitest";
import { patternOf, routePatterns, UNMATCHED } from "../../../server/route-patterns";

// The shape of a React Router build's manifest for a few of Rungs' flat routes.
const manifest = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root" },
  "routes/calibration._index": {
    id: "routes/calibration._index",
    parentId: "root",
    path: "calibration",
  },
  "routes/calibration.new": {
    id: "routes/calibration.new",
    parentId: "root",
    path: "calibration/new",
  },
  "routes/calibration.$sessionId._index": {
    id: "routes/calibration.$sessionId._index",
    parentId: "root",
    path: "calibration/:sessionId",
  },
  "routes/calibration.$sessionId.entries.$entryId": {
    id: "routes/calibration.$sessionId.entries.$entryId",
    parentId: "root",
    path: "calibration/:sessionId/entries/:entryId",
  },
  "routes/ladders.$ladderId": {
    id: "routes/ladders.$ladderId",
    parentId: "root",
    path: "ladders/:ladderId",
  },
  "routes/ladders.$ladderId.levels.$levelId": {
    id: "routes/ladders.$ladderId.levels.$levelId",
    parentId: "routes/ladders.$ladderId",
    path: "levels/:levelId",
  },
  "routes/set-password.$token": {
    id: "routes/set-password.$token",
    parentId: "root",
    path: "set-password/:token",
  },
};

describe("route patterns for metrics", () => {
  const patterns = routePatterns(manifest);

  test("a path is labelled by its route's pattern, never by the ids it names", () => {
    expect(patternOf("/calibration/0b6f3c1e-9f1a-4a5e-8f0e-3f0a2b1c4d5e", patterns)).toBe(
      "/calibration/:sessionId",
    );
    expect(patternOf("/calibration/abc/entries/def", patterns)).toBe(
      "/calibration/:sessionId/entries/:entryId",
    );
    expect(patternOf("/ladders/engineering/levels/ic3", patterns)).toBe(
      "/ladders/:ladderId/levels/:levelId",
    );
    expect(patternOf("/set-password/secret-token", patterns)).toBe("/set-password/:token");
  });

  test("a static segment wins over a parameter in the same place", () => {
    expect(patternOf("/calibration/new", patterns)).toBe("/calibration/new");
    expect(patternOf("/calibration", patterns)).toBe("/calibration");
    expect(patternOf("/", patterns)).toBe("/");
  });

  test("a path's words match its route's whatever their case, as React Router matches them", () => {
    expect(patternOf("/Calibration/NEW", patterns)).toBe("/calibration/new");
    expect(patternOf("/LADDERS/engineering/levels/ic3", patterns)).toBe(
      "/ladders/:ladderId/levels/:levelId",
    );
  });

  test("single fetch's data requests count as their page; trailing slashes and assets are folded", () => {
    expect(patternOf("/calibration/abc.data", patterns)).toBe("/calibration/:sessionId");
    expect(patternOf("/_.data", patterns)).toBe("/");
    expect(patternOf("/calibration/abc/_.data", patterns)).toBe("/calibration/:sessionId");
    expect(patternOf("/calibration/abc/", patterns)).toBe("/calibration/:sessionId");
    expect(patternOf("/assets/entry.client-Ab12.js", patterns)).toBe("/assets/*");
  });

  test("a path no route has is one label, whatever it names", () => {
    expect(patternOf("/wp-admin/setup.php", patterns)).toBe(UNMATCHED);
    expect(patternOf("/calibration/abc/entries", patterns)).toBe(UNMATCHED);
    expect(patternOf("/calibration/abc/entries/def/extra", patterns)).toBe(UNMATCHED);
  });
});

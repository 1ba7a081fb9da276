import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ladderJsonSchema } from "~/modules/ladders/json-schema";

describe("the published JSON Schema", () => {
  test("frameworks/ladder.schema.json is what the loader's schema generates (run `npm run ladders:schema` after changing it)", () => {
    expect(JSON.parse(readFileSync("frameworks/ladder.schema.json", "utf8"))).toEqual(ladderJsonSchema());
  });

  test("it describes the format's parts, new ones included, and rejects unknown keys as the loader does", () => {
    const schema = ladderJsonSchema() as { properties: Record<string, { items?: { properties?: Record<string, unknown>; additionalProperties?: unknown } }> };
    expect(Object.keys(schema.properties)).toEqual(["ladder", "changelog", "scale", "areas", "competencies", "tracks", "equivalence", "calibrationScales", "include", "shared", "expectations"]);
    expect(Object.keys(schema.properties.competencies!.items!.properties!)).toContain("applies");
    expect(Object.keys(schema.properties.scale!.items!.properties!)).toContain("target");
    expect(schema.properties.competencies!.items!.additionalProperties).toBe(false);
  });
});

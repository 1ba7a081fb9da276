import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ladderJsonSchema } from "~/modules/ladders/json-schema";

describe("the published JSON Schema", () => {
  test("frameworks/ladder.schema.json is what the loader's schema generates (run `npm run ladders:schema` after changing it)", () => {
    expect(JSON.parse(readFileSync("frameworks/ladder.schema.json", "utf8"))).toEqual(
      ladderJsonSchema(),
    );
  });

  test("it describes the format's parts, new ones included, and rejects unknown keys as the loader does", () => {
    const schema = ladderJsonSchema() as {
      properties: Record<
        string,
        { items?: { properties?: Record<string, unknown>; additionalProperties?: unknown } }
      >;
    };
    expect(Object.keys(schema.properties)).toEqual([
      "ladder",
      "changelog",
      "scale",
      "areas",
      "competencies",
      "tracks",
      "equivalence",
      "calibrationScales",
      "include",
      "shared",
      "expectations",
      "points",
    ]);
    expect(Object.keys(schema.properties.competencies!.items!.properties!)).toContain("applies");
    expect(Object.keys(schema.properties.scale!.items!.properties!)).toContain("target");
    expect(schema.properties.competencies!.items!.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.competencies!.items!.properties!)).toContain("links");
  });

  test("it publishes the text limits (which ladders:check reports as warnings), statement ids as sources write them, and links to web pages only", () => {
    const text = JSON.stringify(ladderJsonSchema());
    expect(text).toContain('"maxLength":120');
    expect(text).toContain('"maxLength":1000');
    expect(text).toContain('"maxLength":3000');
    expect(text).toContain(JSON.stringify("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    expect(text).toContain(JSON.stringify("^https?:\\/\\/\\S+$"));
  });
});

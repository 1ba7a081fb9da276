import { z } from "zod";
import { ladderFileSchema } from "./schema";

/**
 * The JSON Schema of one ladder file, generated from the zod schema the loader validates
 * with, so the two never disagree. Editors use it to validate and complete ladder files
 * (docs/ladders.md, "Editor support"); `npm run ladders:schema` writes it to
 * frameworks/ladder.schema.json and a test keeps that file in sync. It checks each file on
 * its own: references between files (unknown ids, missing expectations) are ladders:check's.
 */
export function ladderJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ladderFileSchema, {
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: "https://rungs.dev/schemas/ladder.schema.json",
    title: "Rungs ladder file",
    description:
      "One file of a Rungs career ladder (a folder of .yaml files). See docs/ladders.md.",
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== "$schema")),
  };
}

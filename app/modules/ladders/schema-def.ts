import type { z } from "zod";

/** What the ladder checks read of a zod schema's definition: its kind and the schemas inside it. */
export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

/** A schema's definition, as zod 4 shows it on every schema (`.def`: the very object it keeps internally). */
export const defOf = (schema: z.ZodType): SchemaDef => schema.def as SchemaDef;

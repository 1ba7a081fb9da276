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

/** A schema's definition: zod 4 keeps it in `_zod.def`, which its public types do not show. */
export const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

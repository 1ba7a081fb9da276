/**
 * `npm run ladders:schema`: writes frameworks/ladder.schema.json, the JSON Schema of a ladder
 * file generated from the loader's zod schema (app/modules/ladders/json-schema.ts). Run it
 * after changing the schema; test/unit/ladders/json-schema.test.ts fails until you do.
 */
import { writeFileSync } from "node:fs";
import { ladderJsonSchema } from "../app/modules/ladders/json-schema.ts";

const SCHEMA_FILE = "frameworks/ladder.schema.json";

writeFileSync(SCHEMA_FILE, `${JSON.stringify(ladderJsonSchema(), null, 2)}\n`);
console.log(`ladders:schema: wrote ${SCHEMA_FILE}`);

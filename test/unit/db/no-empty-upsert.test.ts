// A row that only has to be there is added through createUnlessExists (decision 121), never an
// upsert with `update: {}`: Prisma reads and then inserts for one, so two requests at once both
// insert and the second is a 500 on PostgreSQL. Only an upsert whose create is never taken stays.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const app = path.join(process.cwd(), "app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Each stays with its reason in decision 121. */
const LEFT = [
  // An assessment has a rating for every competency from its start: the create is never taken.
  "modules/assessments/evidence.server.ts",
];

test("no upsert with an empty update, except those decision 121 leaves", () => {
  const found = sourceFiles(app)
    .filter((file) => /^\s*update:\s*\{\s*\},?$/m.test(readFileSync(file, "utf8")))
    .map((file) => path.relative(app, file).split(path.sep).join("/"));
  expect(found).toEqual(LEFT);
});

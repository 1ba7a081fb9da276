/**
 * `npm run seed:reviews [-- --cycles 2 --seed 7]`: adds past, closed review cycles with
 * submitted self-assessments and manager reviews to the database at DATABASE_URL
 * (the demo or the large organisation). A closed cycle already there with the same name is
 * completed with the people not yet in it; one that has everyone, or is still open, is skipped.
 */
import { parseArgs } from "node:util";
import { getEnv } from "../app/utils/env.server.ts";
import { applyMigrations } from "../app/db/migrate.server.ts";

const { values } = parseArgs({
  options: { cycles: { type: "string", default: "2" }, seed: { type: "string", default: "7" } },
});
const cycles = Number(values.cycles);
const seed = Number(values.seed);
if (!Number.isInteger(cycles) || cycles < 1 || cycles > 20 || !Number.isInteger(seed)) {
  console.error("usage: npm run seed:reviews [-- --cycles <1-20>] [--seed <integer>]");
  process.exit(1);
}

await applyMigrations(getEnv().sessionDatabaseUrl);
const { db } = await import("../app/db/client.server.ts");
if ((await db.user.count()) === 0) {
  console.error(
    "The database has nobody in it yet: run `npm run seed` (demo) or `npm run seed:large` first.",
  );
  process.exit(1);
}
const { seedReviewHistory } = await import("../prisma/seed/review-history.ts");
const started = performance.now();
const summary = await seedReviewHistory({ cycles, seed, log: (message) => console.log(message) });
for (const name of summary.skipped) console.log(`${name}: already there, skipped`);
for (const { name, joined } of summary.completed)
  console.log(
    `${name}: already there; ${joined.toLocaleString("en-GB")} people not yet in it joined`,
  );
console.log(
  `Added ${summary.cycles} review cycle(s)${summary.completed.length ? `, completed ${summary.completed.length}` : ""}: ${summary.assessments.toLocaleString("en-GB")} assessments, ${summary.ratings.toLocaleString("en-GB")} ratings, ${summary.evidence.toLocaleString("en-GB")} pieces of evidence in ${Math.round(performance.now() - started)} ms.`,
);
process.exit(0);

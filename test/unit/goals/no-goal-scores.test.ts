// No goal score, progress or confidence reaches a rating, calibration, the 9-box or a promotion vote
// (decision 097): the modules and pages that decide those read nothing of the goals module nor its
// tables. Goals reach careers only as career evidence a person records.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

const ROOT = join(__dirname, "../../..");
const RATING_MODULES = ["calibration", "promotions", "cycles", "assessments", "insights"];
const RATING_ROUTES =
  /^(calibration|promotions|reviews|assess|insights|admin\.promotions|admin\.cycles)/;
const GOALS = [
  /~\/modules\/goals/,
  /\b(objective|keyResult|keyResultCheckIn|keyResultEvidence|goalPeriod)\.(find|count|aggregate|groupBy)/,
  /"(Objective|KeyResult|KeyResultCheckIn|KeyResultEvidence|GoalPeriod)"/,
  /\bfinalScore\b/,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("calibration, reviews, promotions and insights read nothing of goals", () => {
  const sources = [
    ...RATING_MODULES.flatMap((module) => files(join(ROOT, "app/modules", module))),
    ...files(join(ROOT, "app/routes")).filter((path) => RATING_ROUTES.test(path.split("/").pop()!)),
  ];
  expect(sources.length).toBeGreaterThan(20);
  const readers = sources.filter((path) => {
    const text = readFileSync(path, "utf8");
    return GOALS.some((pattern) => pattern.test(text));
  });
  expect(readers).toEqual([]);
});

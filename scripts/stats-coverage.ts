/**
 * `npm run stats:coverage`: seeded simulations of the intervals whose answers come in clusters
 * (scripts/coverage-simulations.ts). Prints how often the fairness report's feedback-share interval
 * holds the true share (it should be at least 94% for a 95% interval) and how often the insights
 * page's mentoring difference excludes zero when mentoring does nothing (at most 6%), and fails
 * (exit 1) when any scenario is outside. About half a minute on one core.
 */
import {
  FEEDBACK_SCENARIOS,
  feedbackCoverage,
  MENTORING_SCENARIOS,
  mentoringFalseRate,
} from "./coverage-simulations.ts";

const FEEDBACK_RUNS = 10_000;
const MENTORING_RUNS = 5_000;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

let failed = false;
console.log(
  `Feedback shares, 95% interval: how often it holds the true share over ${FEEDBACK_RUNS.toLocaleString("en")} groups (at least 94%)`,
);
for (const [index, [name, scenario]] of Object.entries(FEEDBACK_SCENARIOS).entries()) {
  const coverage = feedbackCoverage(scenario, FEEDBACK_RUNS, 1000 + index);
  const holds = coverage >= 0.94;
  failed ||= !holds;
  console.log(`  ${name.padEnd(58)} ${percent(coverage).padStart(6)} ${holds ? "" : "TOO LOW"}`);
}
console.log(
  `Mentoring difference with no effect, 95% interval: how often it excludes zero over ${MENTORING_RUNS.toLocaleString("en")} organisations (at most 6%)`,
);
for (const [index, [name, scenario]] of Object.entries(MENTORING_SCENARIOS).entries()) {
  const falseRate = mentoringFalseRate(scenario, MENTORING_RUNS, 2000 + index);
  const holds = falseRate <= 0.06;
  failed ||= !holds;
  console.log(`  ${name.padEnd(58)} ${percent(falseRate).padStart(6)} ${holds ? "" : "TOO HIGH"}`);
}
if (failed) process.exitCode = 1;

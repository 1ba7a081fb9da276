// `npm run bench` prints each page's SQL statements a request, from the app's count in GET /metrics
// (scripts/bench-statements.ts).
import { describe, expect, test } from "vitest";
import { statementCount } from "../../../scripts/bench-statements";

const metrics = (count: string) =>
  [
    "# HELP rungs_database_statement_duration_seconds Time each SQL statement took, from the app's side of the driver.",
    "# TYPE rungs_database_statement_duration_seconds histogram",
    'rungs_database_statement_duration_seconds_bucket{le="0.0005"} 7',
    'rungs_database_statement_duration_seconds_bucket{le="+Inf"} 12',
    "rungs_database_statement_duration_seconds_sum 0.0312",
    `rungs_database_statement_duration_seconds_count ${count}`,
    'rungs_http_request_duration_seconds_count{method="GET",route="/"} 3',
  ].join("\n");

describe("the statements a page runs", () => {
  test("are read from the statement histogram's count, not its buckets, sum or another histogram's count", () => {
    expect(statementCount(metrics("12"))).toBe(12);
    expect(statementCount(metrics("1.25e+06"))).toBe(1_250_000);
  });

  test("a server that does not count them is an error, not nought", () => {
    expect(() => statementCount(metrics("12").replace(/^.*_count 12$/m, ""))).toThrow(
      /no statement count/,
    );
  });
});

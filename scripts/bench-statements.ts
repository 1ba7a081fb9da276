/**
 * The app's own count of its SQL statements: every statement its driver adapter runs is timed into
 * the histogram `rungs_database_statement_duration_seconds` of GET /metrics
 * (app/db/statement-timing.server.ts), whose `_count` line this reads from the metrics' text. The
 * bench reads it around a page's requests for the statements a request runs.
 */
export function statementCount(metricsText: string): number {
  const line =
    /^rungs_database_statement_duration_seconds_count(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+?\d+)?)$/m.exec(
      metricsText,
    );
  if (!line)
    throw new Error(
      "GET /metrics has no statement count (rungs_database_statement_duration_seconds_count)",
    );
  return Number(line[1]);
}

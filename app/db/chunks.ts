/**
 * Rows a write names at a time (createMany's data, updateMany's ids): well under SQLite's and
 * PostgreSQL's bound-parameter limits, and small enough for Prisma's query compiler, whose time
 * and garbage grow faster than the rows (opening a promotion window for 200,000 people: 115 s as
 * one createMany, about a quarter of that in these chunks).
 */
export const WRITE_CHUNK = 500;

/** `rows` in consecutive slices of at most `size`. */
export function* chunksOf<T>(rows: readonly T[], size = WRITE_CHUNK): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

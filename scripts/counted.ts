/**
 * A count with its noun, for the command-line tools' English output (the interface's counts are
 * ICU plural messages in app/locales): `counted(2, "track", "tracks")` is "2 tracks".
 */
export function counted(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}

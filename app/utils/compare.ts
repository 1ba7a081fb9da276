/** Code-unit order, so results never depend on the machine's locale (localeCompare's do). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

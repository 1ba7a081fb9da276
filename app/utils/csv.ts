/** Writing CSV: the cell and record rules every export (cycles, calibration, hiring) shares. Pure. */

export type CsvValue = string | number | null | undefined;

/**
 * Spreadsheets run a cell that starts with one of these as a formula ("CSV injection"),
 * so text cells starting with them get a leading apostrophe. Numbers are written as
 * numbers and left alone, so a difference of -1 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, ended with CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

import { describe, expect, test } from "vitest";
import { csvCell, csvRow } from "~/utils/csv";

describe("CSV cells", () => {
  test("plain text and numbers pass through", () => {
    expect(csvCell("Lena Fischer")).toBe("Lena Fischer");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  test("quotes, commas and line breaks are quoted, quotes doubled", () => {
    expect(csvCell('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvCell("Okafor, Sam")).toBe('"Okafor, Sam"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("carriage\rreturn")).toBe('"carriage\rreturn"');
  });

  test("text that a spreadsheet would run as a formula is neutralised", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("=1,2")).toBe('"\'=1,2"');
  });

  test("numbers stay numbers, negative ones included", () => {
    expect(csvCell(-1)).toBe("-1");
    expect(csvRow(["a", -2, null])).toBe("a,-2,\r\n");
  });
});

// `npm run bench -- --against DIR` compares a page's CPU with another checkout's: only where both
// show the same page (scripts/bench-same-page.ts).
import { describe, expect, test } from "vitest";
import { notTheSamePage, visibleText } from "../../../scripts/bench-same-page";

const pairRow = (why: string) =>
  `<tr><th scope="row"><a href="/mentorship/p/pairs/1">Ada Gill</a></th><td>Milo Banerjee</td><td>5.00</td><td><ul>${why}</ul></td><td><span>Waiting for answers</span></td></tr>`;
const explanation =
  "<li><span>Goals</span><span> 1.00 × 3 = 3.00</span>: Covers 2 of 2 goals: Security and privacy (gap 2), Testing and verification (gap 1)</li><li><span>Another team</span>: Different team: cross-team exposure</li><li><span>Level</span>: Mentor is 2 bands above the mentee's target level (preferred)</li>";
const page = (rows: string, { react18 = false, data = "" } = {}) =>
  `<!DOCTYPE html><html><head><title>Matching</title><style>.cell{padding:0}</style></head><body><h1>Bench mentoring</h1><nav><a>Waiting for answers${react18 ? "<!-- --> (<!-- -->300<!-- -->)" : " (300)"}</a></nav><table><tbody>${rows}</tbody></table><script>window.__data=${JSON.stringify(data)}</script></body></html>`;

describe("the same page on two checkouts", () => {
  test("a reader's text: no scripts, styles or comments, no tags, spaces collapsed", () => {
    expect(visibleText(page(pairRow(""), { react18: true, data: "x".repeat(5_000) }))).toBe(
      "Matching Bench mentoring Waiting for answers (300) Ada Gill Milo Banerjee 5.00 Waiting for answers",
    );
  });

  test("one page rendered by two versions (React 18's text separators, other embedded data, a word changed) is the same page", () => {
    const ours = page(pairRow(explanation).repeat(25), { data: "y".repeat(20_000) });
    const theirs = page(pairRow(explanation.replace("Another team", "Other team")).repeat(25), {
      react18: true,
      data: "z".repeat(8_000),
    });
    expect(notTheSamePage(ours, theirs)).toBeNull();
  });

  test("a page whose explanations the other checkout cannot read is not the same page, and says how much text each shows", () => {
    const ours = page(pairRow(explanation).repeat(25));
    const theirs = page(pairRow("").repeat(25), { react18: true });
    expect(notTheSamePage(ours, theirs)).toMatch(
      /^before shows \d+\.\d KB of text against \d+\.\d: not the same page/,
    );
    // Either way round.
    expect(notTheSamePage(theirs, ours)).not.toBeNull();
  });
});

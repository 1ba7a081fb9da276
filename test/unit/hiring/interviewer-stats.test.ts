import { describe, expect, it } from "vitest";
import { tQuantile } from "~/modules/statistics/intervals";
import { interviewerStats, type PastCard, type PastLoop } from "~/modules/hiring/interviewer-stats";

const HOUR = 60 * 60 * 1000;

function card(
  interviewerId: string,
  scores: Record<string, number | null>,
  recommendation: PastCard["recommendation"] = null,
  hours: number | null = null,
): PastCard {
  return {
    interviewerId,
    scores: Object.entries(scores).map(([competencyId, score]) => ({ competencyId, score })),
    recommendation,
    interviewedAt: hours === null ? null : new Date(Date.UTC(2026, 10, 2)),
    submittedAt: hours === null ? null : Date.UTC(2026, 10, 2) + hours * HOUR,
  };
}

/** mean ± t(0.975, n − 1) · sd / √n of the per-candidate differences. */
function tInterval(differences: number[]): [number, number] {
  const n = differences.length;
  const mean = differences.reduce((sum, value) => sum + value, 0) / n;
  const sd = Math.sqrt(differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
  const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return [mean - half, mean + half];
}

// Worked by hand: each interviewer's score minus the mean of the others' on the same competency,
// averaged within each candidate.
const loops: PastLoop[] = [
  // ana: a 4 − (2+3)/2 = 1.5, b 3 − 3 = 0 → 0.75. ben: a 2 − 3.5 = −1.5, b 0 → −0.75. cleo: a 3 − 3 = 0 → 0.
  {
    cards: [
      card("ana", { a: 4, b: 3 }, "yes", 2),
      card("ben", { a: 2, b: 3 }, "no", 20),
      card("cleo", { a: 3, b: null }, "yes", 1),
    ],
  },
  // ana 0, ben 0.
  { cards: [card("ana", { a: 3 }, "yes", 30), card("ben", { a: 3 }, "no", 4)] },
  // ana: a 4 − 2 = 2, b 4 − 3 = 1 → 1.5. cleo: −2, −1 → −1.5.
  {
    cards: [
      card("ana", { a: 4, b: 4 }, "strong-yes", 5),
      card("cleo", { a: 2, b: 3 }, "strong-no", -3),
    ],
  },
  // ana alone: nothing to compare with.
  { cards: [card("ana", { a: 3 }, "no", 10)] },
  // ben: b 2 − 4 = −2. dev: +2, on a single candidate.
  { cards: [card("ben", { b: 2 }), card("dev", { b: 4 }, "yes")] },
];

describe("interviewer statistics", () => {
  const stats = interviewerStats(loops);
  const of = (id: string) => stats.find((item) => item.interviewerId === id)!;

  it("measures each interviewer against their co-panelists on the same candidates, with a t interval over candidates", () => {
    expect(stats.map((item) => item.interviewerId)).toEqual(["ana", "ben", "cleo", "dev"]);
    const ana = of("ana").offset;
    expect(ana).toMatchObject({ candidates: 3, cells: 5, excludesZero: false });
    expect(ana.estimate).toBeCloseTo(0.75, 12);
    const [low, high] = tInterval([0.75, 0, 1.5]);
    expect(ana.interval![0]).toBeCloseTo(low, 10);
    expect(ana.interval![1]).toBeCloseTo(high, 10);
    // By hand: sd 0.75, se 0.75/√3, t(0.975, 2) = 4.303.
    expect(ana.interval![0]).toBeCloseTo(0.75 - 4.3027 * (0.75 / Math.sqrt(3)), 3);

    const ben = of("ben").offset;
    expect(ben).toMatchObject({ candidates: 3, cells: 4 });
    expect(ben.estimate).toBeCloseTo(-2.75 / 3, 12);
    expect(ben.interval![1]).toBeCloseTo(tInterval([-0.75, 0, -2])[1], 10);

    expect(of("cleo").offset.estimate).toBeCloseTo(-0.75, 12);
    expect(of("cleo").offset.candidates).toBe(2);
  });

  it("gives no interval below two shared candidates", () => {
    expect(of("dev").offset).toEqual({
      estimate: 2,
      candidates: 1,
      cells: 1,
      interval: null,
      excludesZero: false,
    });
  });

  it("flags an interviewer whose interval excludes zero", () => {
    const generous: PastLoop[] = [1, 2, 3, 4, 5].map((i) => ({
      cards: [
        card("high", { a: 4, b: 4 }),
        card("x", { a: 2, b: i % 2 === 0 ? 3 : 2 }),
        card("y", { a: 3, b: 2 }),
      ],
    }));
    const high = interviewerStats(generous).find((item) => item.interviewerId === "high")!.offset;
    expect(high.excludesZero).toBe(true);
    expect(high.interval![0]).toBeGreaterThan(0);
  });

  it("compares an interviewer holding two cards in a loop by their own mean", () => {
    const [ana, ben] = interviewerStats([
      { cards: [card("ana", { a: 4 }), card("ana", { a: 2 }), card("ben", { a: 2 })] },
    ]);
    expect(ana!.offset).toMatchObject({ estimate: 1, candidates: 1, cells: 1 });
    expect(ben!.offset).toMatchObject({ estimate: -1, candidates: 1, cells: 1 });
  });

  it("counts positive recommendations, shown as a rate from the group floor", () => {
    expect(of("ana").recommendations).toEqual({ n: 4, positive: 3, positiveRate: 0.75 });
    expect(of("ben").recommendations).toEqual({ n: 2, positive: 0, positiveRate: null });
    expect(of("ana").cards).toBe(4);
  });

  it("takes the median hours from interview to submission, leaving out submissions before the interview", () => {
    expect(of("ana").submission).toEqual({ n: 4, medianHours: 7.5 });
    expect(of("cleo").submission).toEqual({ n: 1, medianHours: 1 });
    expect(of("dev").submission).toEqual({ n: 0, medianHours: null });
  });
});

/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence on every run
 * and machine, so generated organisations, benchmarks and simulated data are reproducible.
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normal draw (Box–Muller) from a uniform generator. */
export function normal(random: () => number, sd = 1): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * sd;
}

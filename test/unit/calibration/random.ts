import { seeded } from "../../../prisma/seed/random";

export { seeded };

/** A normal draw (Box–Muller) from a uniform generator. */
export function normal(random: () => number, sd = 1): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * sd;
}

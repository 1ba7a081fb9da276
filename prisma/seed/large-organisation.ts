import type { DemoPerson } from "./demo-organisation.ts";
import { seeded as random } from "./random.ts";

const FIRST = [
  "Ada",
  "Ben",
  "Chen",
  "Dara",
  "Eli",
  "Fay",
  "Gus",
  "Hari",
  "Iris",
  "Jon",
  "Kai",
  "Lina",
  "Milo",
  "Nia",
  "Omar",
  "Pia",
  "Quinn",
  "Rui",
  "Sara",
  "Teo",
  "Uma",
  "Vik",
  "Wen",
  "Xan",
  "Yusuf",
  "Zara",
];
const LAST = [
  "Abbott",
  "Banerjee",
  "Castro",
  "Dunn",
  "Eze",
  "Fox",
  "Gill",
  "Hart",
  "Ito",
  "Joshi",
  "Kerr",
  "Lund",
  "Moss",
  "Ng",
  "Ortiz",
  "Park",
  "Quint",
  "Reyes",
  "Shah",
  "Toth",
  "Ueda",
  "Vance",
  "Ward",
  "Xu",
  "Young",
  "Zeller",
];
const IC_LEVELS = ["ic1", "ic2", "ic2", "ic3", "ic3", "ic3", "ic4", "ic5"];

/**
 * An organisation of `size` people for benchmarks: a VP, directors, managers of
 * managers, team managers with about eight reports each, and a tech lead per team.
 */
export function largeOrganisation(size: number, seed = 1): DemoPerson[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const people: DemoPerson[] = [];
  const add = (
    manager: DemoPerson | null,
    team: string,
    track: DemoPerson["track"],
    level: string,
  ): DemoPerson => {
    const n = people.length + 1;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const p: DemoPerson = {
      name,
      email: `person${n}@bench.example.com`,
      manager: manager?.email ?? null,
      team,
      track,
      level,
    };
    people.push(p);
    return p;
  };

  const teamSize = 8;
  const teams = Math.max(1, Math.ceil((size - 1) / (teamSize + 0.4)));
  const groups = Math.max(1, Math.ceil(teams / 6));
  const directors = Math.max(1, Math.ceil(groups / 5));

  const vp = add(null, "Leadership", "manager", "m4");
  const directorPeople = Array.from({ length: directors }, () =>
    add(vp, "Leadership", "manager", "m3"),
  );
  const groupManagers = Array.from({ length: groups }, (_, g) =>
    add(directorPeople[g % directors]!, "Leadership", "manager", "m2"),
  );
  // Teams are added until the organisation has exactly `size` people.
  for (let t = 0; people.length < size; t++) {
    const team = `Team ${t + 1}`;
    const manager = add(groupManagers[t % groups]!, team, "manager", "m1");
    if (people.length < size) add(manager, team, "tech-lead", pick(["tl1", "tl1", "tl2"]));
    for (let i = 0; i < teamSize - 2 && people.length < size; i++)
      add(manager, team, "ic", pick(IC_LEVELS));
  }
  return people.slice(0, size);
}

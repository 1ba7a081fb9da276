// What the bounded reader's check costs an audit's releases at an organisation's size (decision 122):
// a generated organisation (teams of 8, five levels, about 6% of people moving on a stage a month,
// people joining and leaving), one scope, released at each month's end.
//   npx tsx scripts/bench-releases.ts [--people 200] [--months 12] [--seed 1]
import { parseArgs } from "node:util";
import { seeded } from "../prisma/seed/random.ts";
import type { AuditState, AuditUnit } from "~/modules/equity/audit";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { releasedAudits } from "~/modules/equity/releases.server";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "200" },
    months: { type: "string", default: "12" },
    seed: { type: "string", default: "1" },
  },
});
const people = Number(values.people);
const months = Number(values.months);
const random = seeded(Number(values.seed));
const STAGES = ["eligible", "nominated", "promoted"];
const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 1);
const monthEnd = (month: number) => Date.UTC(2026, month + 1, 1) - DAY;

type Person = {
  id: string;
  team: string;
  level: string;
  stage: number;
  history: { at: Date; state: AuditState | null }[];
};
const state = (person: Person): AuditState => ({
  stage: STAGES[person.stage]!,
  groups: { team: person.team, level: person.level },
});
let next = 0;
const newcomer = (at: number): Person => {
  const person: Person = {
    id: `p${next}`,
    // Newcomers fill the teams people left.
    team: `team-${Math.floor((next < people ? next : random() * people) / 8)}`,
    level: `L${1 + Math.floor(random() * 5)}`,
    stage: 0,
    history: [],
  };
  next += 1;
  person.history.push({ at: new Date(at), state: state(person) });
  return person;
};
const everyone: Person[] = [];
const present: Person[] = [];
for (let index = 0; index < people; index++) {
  const person = newcomer(start);
  everyone.push(person);
  present.push(person);
}
for (let month = 0; month < months; month++) {
  const from = month ? monthEnd(month - 1) : start;
  const day = () => from + DAY * (1 + Math.floor(random() * 27));
  for (const person of present)
    if (person.stage < STAGES.length - 1 && random() < 0.06) {
      person.stage += 1;
      person.history.push({ at: new Date(day()), state: state(person) });
    }
  // About 1% leave and as many join each month.
  for (let index = present.length - 1; index >= 0; index--)
    if (random() < 0.01) {
      present[index]!.history.push({ at: new Date(day()), state: null });
      present.splice(index, 1);
    }
  while (present.length < people) {
    const person = newcomer(day());
    everyone.push(person);
    present.push(person);
  }
}
for (const person of everyone) person.history.sort((a, b) => a.at.getTime() - b.at.getTime());

const moments = Array.from({ length: months }, (_, month) => new Date(monthEnd(month)));
const began = performance.now();
const releases = await releasedAudits(
  { name: "promotions", stages: STAGES, dimensions: ["team", "level"] },
  everyone as AuditUnit[],
  () => SMALL_GROUP_FLOOR,
  moments,
);
const seconds = (performance.now() - began) / 1000;
console.log(
  JSON.stringify({
    people,
    units: everyone.length,
    months,
    seconds: Math.round(seconds * 10) / 10,
    withheld: releases.map((release) => release.withheld),
  }),
);

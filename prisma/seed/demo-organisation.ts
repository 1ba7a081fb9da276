/**
 * The demo organisation: a product company's engineering group of about sixty
 * people, with a VP, two directors, six teams, all three tracks and managers of
 * managers. Pure data so tests and the seed share it.
 */
export const DEMO_PASSWORD = "rungs-demo-2026";
/** The shipped ladder every demo person with a track is on. */
export const DEMO_LADDER_ID = "engineering";

export type DemoPerson = {
  name: string;
  email: string;
  manager: string | null;
  team: string;
  track: "ic" | "tech-lead" | "manager" | "";
  level: string;
  roles?: ("admin" | "hiringAdmin")[];
};

const e = (name: string) =>
  `${name
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .replace(/ /g, ".")}@example.com`;

function person(
  name: string,
  manager: string | null,
  team: string,
  track: DemoPerson["track"],
  level: string,
  roles?: DemoPerson["roles"],
): DemoPerson {
  return { name, email: e(name), manager: manager ? e(manager) : null, team, track, level, roles };
}

const teams: {
  team: string;
  manager: [string, string];
  lead: [string, string];
  engineers: [string, string][];
  director: string;
}[] = [
  {
    team: "Checkout",
    director: "Daniel Osei",
    manager: ["Sam Okafor", "m2"],
    lead: ["Marta Kowalska", "tl2"],
    engineers: [
      ["Lena Fischer", "ic2"],
      ["Oliver Grant", "ic3"],
      ["Aisha Bello", "ic1"],
      ["Jonas Berg", "ic2"],
      ["Chloe Martin", "ic3"],
      ["Ravi Iyer", "ic4"],
    ],
  },
  {
    team: "Search",
    director: "Daniel Osei",
    manager: ["Laura Bianchi", "m1"],
    lead: ["Tariq Haddad", "tl1"],
    engineers: [
      ["Emily Clarke", "ic2"],
      ["Nikhil Rao", "ic1"],
      ["Zoe Papadopoulos", "ic3"],
      ["Lucas Moreau", "ic2"],
      ["Fatima Zahra", "ic3"],
    ],
  },
  {
    team: "Mobile",
    director: "Daniel Osei",
    manager: ["Tom Hughes", "m1"],
    lead: ["Yuki Sato", "tl1"],
    engineers: [
      ["Ben Adeyemi", "ic2"],
      ["Clara Jensen", "ic1"],
      ["Diego Santos", "ic3"],
      ["Hana Novak", "ic2"],
      ["Ibrahim Khan", "ic1"],
    ],
  },
  {
    team: "Infrastructure",
    director: "Mei Tanaka",
    manager: ["Arjun Mehta", "m2"],
    lead: ["Sven Larsen", "tl2"],
    engineers: [
      ["Nora Lindqvist", "ic3"],
      ["Peter Walsh", "ic4"],
      ["Amara Nwosu", "ic2"],
      ["Felix Wagner", "ic2"],
      ["Julia Costa", "ic1"],
      ["Omar Farouk", "ic3"],
    ],
  },
  {
    team: "Developer Experience",
    // A second-line manager: Sofia's manager is Arjun, who reports to Mei.
    director: "Arjun Mehta",
    manager: ["Sofia Alvarez", "m1"],
    lead: ["Liam Byrne", "tl1"],
    engineers: [
      ["Maya Patel", "ic2"],
      ["Erik Holm", "ic3"],
      ["Grace Mwangi", "ic1"],
      ["Samuel Cohen", "ic2"],
    ],
  },
  {
    team: "Data Platform",
    director: "Mei Tanaka",
    manager: ["Hannah Kim", "m1"],
    lead: ["Mateo Rossi", "tl1"],
    engineers: [
      ["Anna Schmidt", "ic3"],
      ["Kofi Mensah", "ic2"],
      ["Leila Ahmadi", "ic1"],
      ["Victor Dubois", "ic2"],
      ["Elif Yilmaz", "ic3"],
      ["Patrick Doyle", "ic4"],
    ],
  },
  {
    team: "Identity",
    director: "Daniel Osei",
    manager: ["Rosa Delgado", "m1"],
    lead: ["Henrik Sorensen", "tl1"],
    engineers: [
      ["Yara Haddad", "ic2"],
      ["Marcus Reid", "ic3"],
      ["Sana Qureshi", "ic1"],
      ["Tobias Keller", "ic2"],
      ["Niamh Gallagher", "ic2"],
    ],
  },
];

export function demoOrganisation(): DemoPerson[] {
  const people: DemoPerson[] = [
    person("Priya Raman", null, "Engineering Leadership", "manager", "m4", ["admin"]),
    person("Daniel Osei", "Priya Raman", "Engineering Leadership", "manager", "m3"),
    person("Mei Tanaka", "Priya Raman", "Engineering Leadership", "manager", "m3"),
    person("Ines Duarte", "Priya Raman", "Engineering Leadership", "ic", "ic6"),
    person("Rachel Stein", "Daniel Osei", "Engineering Leadership", "ic", "ic5"),
    person("Kwame Boateng", "Mei Tanaka", "Engineering Leadership", "ic", "ic5"),
    person("Grace Liu", "Priya Raman", "Talent", "", "", ["hiringAdmin"]),
    person("Owen Price", "Priya Raman", "Talent", "", "", ["admin"]),
  ];
  for (const team of teams) {
    const [managerName, managerLevel] = team.manager;
    people.push(person(managerName, team.director, team.team, "manager", managerLevel));
    people.push(person(team.lead[0], managerName, team.team, "tech-lead", team.lead[1]));
    for (const [name, level] of team.engineers)
      people.push(person(name, managerName, team.team, "ic", level));
  }
  return people;
}

export const demoLogins = [
  { email: e("Priya Raman"), who: "VP of Engineering, admin, manager of managers" },
  { email: e("Sam Okafor"), who: "Engineering manager of the Checkout team" },
  { email: e("Lena Fischer"), who: "Engineer II on Checkout, reports to Sam" },
  { email: e("Grace Liu"), who: "Hiring admin" },
];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(people: DemoPerson[]): string {
  // The ladder is named so the file reads the same wherever other job families share its track and level ids.
  const header = "name,email,manager_email,team,ladder,track,level";
  const rows = people.map((p) =>
    [p.name, p.email, p.manager ?? "", p.team, p.track ? DEMO_LADDER_ID : "", p.track, p.level]
      .map(csvCell)
      .join(","),
  );
  return [header, ...rows].join("\n") + "\n";
}

import { db } from "../../app/db/client.server.ts";
import type { Viewer } from "../../app/modules/identity/policy.ts";
import {
  optInPage,
  saveOptIn,
  type OptInResult,
} from "../../app/modules/mentorship/opt-in.server.ts";
import { dateToDay } from "../../app/modules/days.ts";
import { createProgramme } from "../../app/modules/mentorship/programmes.server.ts";

export const DEMO_PROGRAMME_NAME = "Spring mentoring";

const TEAMS = [
  "Checkout",
  "Mobile",
  "Infrastructure",
  "Developer Experience",
  "Data Platform",
  "Identity",
];

/** Mentees: goals (competency ids) and time zone. */
const MENTEES: [string, string[], string][] = [
  ["Clara Jensen", ["testing", "code-quality"], "Europe/Berlin"],
  ["Hana Novak", ["system-design", "operations"], "Europe/Berlin"],
  ["Amara Nwosu", ["operations", "security"], "Europe/London"],
  ["Julia Costa", ["testing", "written-communication"], "Europe/London"],
  ["Grace Mwangi", ["code-quality", "collaboration"], "Europe/Berlin"],
  ["Kofi Mensah", ["data-and-measurement", "system-design"], "Europe/London"],
  ["Leila Ahmadi", ["testing", "execution"], "Europe/Athens"],
  ["Sana Qureshi", ["security", "code-quality"], "Asia/Kolkata"],
  ["Tobias Keller", ["system-design", "technical-judgement"], "Europe/Berlin"],
];

/** Mentors: capacity, time zone, and what they offer to help with, besides what their latest review prefills. */
const MENTORS: [string, number, string, string[]][] = [
  ["Yuki Sato", 2, "Europe/Berlin", ["system-design", "code-quality", "mentoring"]],
  ["Sven Larsen", 2, "Europe/London", ["operations", "security", "system-design"]],
  ["Nora Lindqvist", 1, "Europe/London", ["testing", "operations"]],
  [
    "Patrick Doyle",
    2,
    "Europe/London",
    ["data-and-measurement", "system-design", "technical-judgement"],
  ],
  ["Marcus Reid", 1, "America/New_York", ["security", "testing"]],
  ["Arjun Mehta", 2, "Europe/London", ["execution", "collaboration", "written-communication"]],
  ["Liam Byrne", 1, "Europe/Berlin", ["code-quality", "collaboration", "testing"]],
];

const emailOf = (name: string) => `${name.toLowerCase().replace(/ /g, ".")}@example.com`;

/**
 * The demo's mentorship programme, ready to match: open to six teams (all but Search), its
 * matching day two weeks away, with nine mentees and seven mentors opted in through the opt-in
 * module, as people would (a mentor's competencies are what they offer plus what their reviews
 * prefill). Others on those teams have not joined yet: Sam Okafor and Lena Fischer of Checkout
 * (the README's manager and engineer, who can join as a mentor and a mentee), and Ibrahim Khan
 * and Peter Walsh, whom the browser tests sign in as. Idempotent.
 */
export async function seedDemoMentorship(now = new Date()): Promise<void> {
  if (
    await db.mentorshipProgramme.findFirst({
      where: { name: DEMO_PROGRAMME_NAME },
      select: { id: true },
    })
  )
    return;
  const people = await db.user.findMany({
    where: {
      email: {
        in: ["priya.raman@example.com", ...[...MENTEES, ...MENTORS].map(([name]) => emailOf(name))],
      },
    },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  const byEmail = new Map(people.map((person) => [person.email, person]));
  const admin = byEmail.get("priya.raman@example.com");
  const teams = await db.team.findMany({ where: { name: { in: TEAMS } }, select: { id: true } });
  if (!admin || teams.length !== TEAMS.length) return;
  const day = (days: number) => dateToDay(new Date(now.getTime() + days * 24 * 60 * 60 * 1000));
  const created = await createProgramme(
    admin,
    {
      name: DEMO_PROGRAMME_NAME,
      ladderId: "engineering",
      startsOn: day(21),
      endsOn: day(21 + 182),
      matchingOn: day(14),
      openTo: "teams",
      teamIds: teams.map((team) => team.id),
      maxMenteesPerMentor: 2,
      allowRepeatPairs: false,
      crossTeamOnly: false,
      maxTimeZoneHours: 6,
      weightGoals: 3,
      weightCrossTeam: 1,
      weightLevel: 1,
      objective: "most-matched",
      fairness: false,
    },
    now,
  );
  if (!created.ok)
    throw new Error(
      `The demo mentorship programme was not set up: ${JSON.stringify(created.fieldErrors)}`,
    );
  const viewer = (name: string): Viewer | undefined => byEmail.get(emailOf(name));
  const joined = (name: string, result: OptInResult) => {
    if (!result.ok)
      throw new Error(
        `${name} could not join the demo mentorship programme: ${JSON.stringify(result.fieldErrors)}`,
      );
  };
  for (const [name, goals, timeZone] of MENTEES) {
    const person = viewer(name);
    if (person)
      joined(
        name,
        await saveOptIn(
          person,
          created.programmeId,
          { role: "mentee", goals, preferences: "", timeZone },
          now,
        ),
      );
  }
  for (const [name, capacity, timeZone, offered] of MENTORS) {
    const person = viewer(name);
    if (!person) continue;
    const prefilled = (await optInPage(person, created.programmeId, "mentor", now)).values
      .competencies;
    // What they offer first, so the programme's goals stay covered whatever the seeded reviews say.
    const competencies = [...new Set([...offered, ...prefilled])];
    joined(
      name,
      await saveOptIn(
        person,
        created.programmeId,
        { role: "mentor", competencies, capacity, timeZone },
        now,
      ),
    );
  }
}

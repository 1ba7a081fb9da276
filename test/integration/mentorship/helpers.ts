import { db } from "~/db/client.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { saveOptIn } from "~/modules/mentorship/opt-in.server";
import { createProgramme } from "~/modules/mentorship/programmes.server";
import { createAdmin, createPerson } from "../../utils/factories";

export async function call<T>(fn: () => Promise<T>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

/** The date `offset` days from today, as the programme form takes it. */
export const day = (offset: number) =>
  new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export const programmeFields = (
  overrides: Record<string, string> = {},
): Record<string, string> => ({
  name: "Spring mentoring",
  ladderId: "engineering",
  startsOn: day(20),
  endsOn: day(200),
  matchingOn: day(10),
  openTo: "everyone",
  maxMenteesPerMentor: "2",
  weightGoals: "3",
  weightCrossTeam: "1",
  weightLevel: "1",
  objective: "most-matched",
  ...overrides,
});

/**
 * An organisation for mentorship: Sam manages Lena (ic2) and Omar (ic1) on Checkout; Ravi
 * (ic4) and Nora (ic5) are on Search; Sasha is on Search too but not on the ladder; a programme
 * open to everyone, its matching day ten days away (or as `fields` say).
 */
export async function setUp(fields: Record<string, string> = {}) {
  const checkout = await db.team.create({ data: { name: `Checkout ${Math.random()}` } });
  const search = await db.team.create({ data: { name: `Search ${Math.random()}` } });
  const admin = await createAdmin({ name: "Ada Admin" });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m2",
    teamId: checkout.id,
  });
  const lena = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: sam.id,
    teamId: checkout.id,
  });
  const omar = await createPerson({
    name: "Omar Engineer",
    track: "ic",
    level: "ic1",
    managerId: sam.id,
    teamId: checkout.id,
  });
  const ravi = await createPerson({
    name: "Ravi Senior",
    track: "ic",
    level: "ic4",
    teamId: search.id,
  });
  const nora = await createPerson({
    name: "Nora Staff",
    track: "ic",
    level: "ic5",
    teamId: search.id,
  });
  const sasha = await createPerson({ name: "Sasha Unplaced", teamId: search.id });
  const created = await createProgramme(
    { ...admin, isHiringAdmin: false },
    { ...parsedFields(programmeFields(fields)) },
  );
  if (!created.ok) throw new Error(`no programme: ${JSON.stringify(created.fieldErrors)}`);
  return {
    admin,
    sam,
    lena,
    omar,
    ravi,
    nora,
    sasha,
    teams: { checkout, search },
    programmeId: created.programmeId,
  };
}

/** The form's fields as the schema outputs them. */
export function parsedFields(fields: Record<string, string>) {
  return {
    name: fields.name!,
    ladderId: fields.ladderId!,
    startsOn: fields.startsOn!,
    endsOn: fields.endsOn!,
    matchingOn: fields.matchingOn!,
    openTo: fields.openTo as "everyone" | "teams",
    teamIds: [],
    maxMenteesPerMentor: Number(fields.maxMenteesPerMentor),
    allowRepeatPairs: false,
    crossTeamOnly: false,
    maxTimeZoneHours: undefined,
    weightGoals: Number(fields.weightGoals),
    weightCrossTeam: Number(fields.weightCrossTeam),
    weightLevel: Number(fields.weightLevel),
    objective: fields.objective as "most-matched" | "most-fit",
    fairness: false,
  };
}

/** A submitted review of the person (manager's or their own), with these ratings, as the assessments module would leave it. */
export async function submittedReview(
  subjectId: string,
  authorId: string,
  kind: "self" | "manager",
  levelId: string,
  ratings: Record<string, number>,
  submittedAt = new Date(),
) {
  const served = await ladderForLevel(levelId);
  if (!served) throw new Error(`no ladder has ${levelId}`);
  const level = served.ladder.tracks
    .flatMap((track) => track.levels)
    .find((candidate) => candidate.id === levelId)!;
  return db.assessment.create({
    data: {
      kind,
      status: "submitted",
      subjectId,
      authorId,
      ladderVersionId: served.versionId,
      trackId: level.trackId,
      levelId,
      submittedAt,
      ratings: {
        create: Object.entries(ratings).map(([competencyId, rating]) => ({ competencyId, rating })),
      },
    },
  });
}

type Person = { id: string; name: string; email: string; isAdmin: boolean; isHiringAdmin: boolean };

/** Opts the person in through the module, as the form would. */
export async function joinAs(
  person: Person,
  programmeId: string,
  role: "mentee" | "mentor",
  competencies: string[],
  options: { capacity?: number; timeZone?: string } = {},
) {
  const timeZone = options.timeZone ?? null;
  const result =
    role === "mentee"
      ? await saveOptIn(person, programmeId, {
          role,
          goals: competencies,
          preferences: "",
          timeZone,
        })
      : await saveOptIn(person, programmeId, {
          role,
          competencies,
          capacity: options.capacity ?? 1,
          timeZone,
        });
  if (!result.ok) throw new Error(`could not join: ${JSON.stringify(result.fieldErrors)}`);
}

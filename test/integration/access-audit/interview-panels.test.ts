// Interview panels in the audit of fair access, on a population with no small group anywhere (so that
// the disclosure check leaves both teams shown side by side): one team is asked to interview far less
// often than the other, and the page flags it under the four-fifths rule; a team moved only by fewer
// than the floor's worth of interviewers does not move at all, nor does a team or location that one
// person moved out of or into (a team and attribute history dates the move), nor does one who left and
// came back (their leaving and return are dated), an interviewer taken off a panel before her card, or a
// stage's competencies edited or the stage removed (the seat and the stage's versions are dated).
import { beforeAll, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { addCandidate, removeInterview } from "~/modules/hiring/loops.server";
import { createOpening, removeStage, saveStage } from "~/modules/hiring/openings.server";
import { accessAuditView } from "~/modules/access-audit/access-audit.server";
import { importPeople } from "~/modules/people/import.server";
import { setPersonActive } from "~/modules/people/service.server";
import * as auditRoute from "~/routes/access-audit";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

type View = Awaited<ReturnType<typeof auditRoute.loader>>;

const DAY = 24 * 60 * 60 * 1000;
const today = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (days: number) => new Date(today - days * DAY + 9 * 60 * 60 * 1000);
const PER_TEAM = 20;
/** Of each team, how many were staffed on a panel ten days ago. */
const INTERVIEWED = { Atlas: 15, Borealis: 4 } as const;

let adminId = "";
let openingId = "";
/** Stages nobody interviews in, covering one competency each since thirty days ago: Review (testing) and Design (system-design). */
const stageIds = { review: "", design: "" };
/** One of Atlas's engineers never staffed, who leaves and comes back. */
let leaverId = "";
const movers: { email: string; name: string; location: string }[] = [];
/** Half of everyone in Lisbon, half in Berlin, alike in both teams. */
const locationOf = (index: number) => JSON.stringify({ location: index % 2 ? "Berlin" : "Lisbon" });

beforeAll(async () => {
  const teams = {
    Atlas: (await db.team.create({ data: { name: "Atlas" } })).id,
    Borealis: (await db.team.create({ data: { name: "Borealis" } })).id,
  };
  // The reader is one of Atlas's engineers too: nobody sits in a group of their own.
  const admin = await createAdmin({
    name: "Ada Admin",
    track: "ic",
    level: "ic3",
    teamId: teams.Atlas,
    attributes: locationOf(0),
  });
  adminId = admin.id;
  const people: { id: string; team: keyof typeof teams }[] = [];
  for (const team of ["Atlas", "Borealis"] as const) {
    const count = team === "Atlas" ? PER_TEAM - 1 : PER_TEAM;
    for (let index = 0; index < count; index++) {
      const person = await createPerson({
        name: `${team} engineer ${index}`,
        track: "ic",
        level: "ic3",
        teamId: teams[team],
        attributes: locationOf(index),
      });
      people.push({ id: person.id, team });
      // Two of Atlas's interviewers, both away from the Borealis engineers staffed late (4 and 6 in Lisbon, 5 in Berlin).
      if (team === "Atlas" && (index === 1 || index === 2))
        movers.push({
          email: person.email,
          name: person.name,
          location: index % 2 ? "Berlin" : "Lisbon",
        });
      if (team === "Atlas" && index === 17) leaverId = person.id;
    }
  }
  await db.user.updateMany({ data: { createdAt: daysAgo(40) } });

  const viewer = {
    id: admin.id,
    name: admin.name,
    email: admin.email,
    isAdmin: true,
    isHiringAdmin: false,
  };
  const opening = await createOpening(viewer, {
    title: "Engineer",
    ladderId: "engineering",
    levelId: "ic3",
    adminEmails: [],
    starterPlan: false,
  });
  if (!opening.ok) throw new Error(JSON.stringify(opening.fieldErrors));
  const saved = await saveStage(viewer, opening.openingId, {
    name: "Coding",
    competencyIds: ["code-quality"],
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
  const stage = await db.hiringStage.findFirstOrThrow({ select: { id: true } });
  const loops: string[] = [];
  for (let index = 0; index < 3; index++)
    loops.push(
      (
        await addCandidate(viewer, opening.openingId, {
          name: `Candidate ${index}`,
          email: "",
          source: "",
          notes: "",
        })
      ).loopId,
    );
  const staffed = (["Atlas", "Borealis"] as const).flatMap((team) =>
    people.filter((person) => person.team === team).slice(0, INTERVIEWED[team]),
  );
  await db.hiringInterview.createMany({
    data: staffed.map((person, index) => ({
      loopId: loops[index % loops.length]!,
      stageId: stage.id,
      interviewerId: person.id,
      createdAt: daysAgo(10),
    })),
  });
  // Three more Borealis engineers staffed yesterday, fewer than the floor: Borealis's figures wait for more before they move.
  const late = people
    .filter((person) => person.team === "Borealis")
    .slice(INTERVIEWED.Borealis, INTERVIEWED.Borealis + 3);
  await db.hiringInterview.createMany({
    data: late.map((person) => ({
      loopId: loops[0]!,
      stageId: stage.id,
      interviewerId: person.id,
      createdAt: daysAgo(1),
    })),
  });

  openingId = opening.openingId;
  for (const [key, name, competencyId] of [
    ["review", "Review", "testing"],
    ["design", "Design", "system-design"],
  ] as const) {
    const added = await saveStage(viewer, openingId, { name, competencyIds: [competencyId] });
    if (!added.ok) throw new Error(JSON.stringify(added.fieldErrors));
    stageIds[key] = (
      await db.hiringStage.findFirstOrThrow({ where: { openingId, name }, select: { id: true } })
    ).id;
    await db.hiringStage.update({ where: { id: stageIds[key] }, data: { createdAt: daysAgo(30) } });
  }
  // Qualified twenty days ago: four of each team on system design, and two of Borealis on testing, fewer than the floor (Atlas, which
  // already waits on three people's changes from the moves and the return, has none).
  const ofTeam = (team: keyof typeof teams, from: number, count: number) =>
    people.filter((person) => person.team === team).slice(from, from + count);
  const qualified = (members: readonly { id: string }[], competencyId: string) =>
    members.map((person) => ({
      personId: person.id,
      competencyId,
      fromStep: null,
      toStep: "qualified",
      byId: adminId,
      at: daysAgo(20),
    }));
  const designers = [...ofTeam("Atlas", 9, 4), ...ofTeam("Borealis", 16, 4)];
  const reviewers = ofTeam("Borealis", 10, 2);
  await db.interviewerTrainingStep.createMany({
    data: [...qualified(designers, "system-design"), ...qualified(reviewers, "testing")],
  });
});

test("a team asked to interview far less often than another is flagged under the four-fifths rule, with the evidence beside it", async () => {
  const view = bodyOf<View>(
    await auditRoute.loader(routeArgs(await signedInRequest("/access-audit", adminId))),
  );
  const teams = view.audits
    .find((entry) => entry.id === "interviewing")!
    .audit.dimensions.find((dimension) => dimension.id === "team")!;
  const step = (value: string) => teams.groups.find((group) => group.value === value)!.steps![0]!;
  expect(step("Atlas")).toMatchObject({
    from: "eligible",
    to: "interviews",
    n: PER_TEAM,
    successes: INTERVIEWED.Atlas,
    highest: true,
  });
  // Four staffed ten days ago; the three staffed yesterday are fewer than the floor, so the figure has not moved yet.
  const borealis = step("Borealis");
  expect(borealis).toMatchObject({ n: PER_TEAM, successes: INTERVIEWED.Borealis });
  expect(borealis.impact).toMatchObject({ reference: "Atlas", flagged: true });
  expect(borealis.impact!.ratio!.estimate).toBeLessThan(0.8);
  expect(borealis.impact!.ratio!.interval[1]).toBeLessThan(1);
  expect(borealis.impact!.adjustedP).toBeLessThan(0.05);
});

/** Every audit's team and location groups, as the admin reads them today (or on `now`'s day). */
async function grouped(now?: Date) {
  const viewer = {
    ...(await db.user.findUniqueOrThrow({
      where: { id: adminId },
      select: { id: true, name: true, email: true },
    })),
    isAdmin: true,
    isHiringAdmin: false,
  };
  return (await accessAuditView(viewer, now ? { now } : {})).audits.map((entry) => ({
    id: entry.id,
    dimensions: entry.audit.dimensions.flatMap((dimension) =>
      dimension.id === "team" || dimension.id === "attribute:location"
        ? [{ id: dimension.id, groups: dimension.groups }]
        : [],
    ),
  }));
}

test("a team move and a changed attribute leave what was read as it was, and the next day move no group by one person", async () => {
  const before = await grouped();
  expect(
    before
      .find((entry) => entry.id === "interviewing")!
      .dimensions.map((dimension) => dimension.groups.map((group) => group.value)),
  ).toEqual([
    ["Atlas", "Borealis"],
    ["Berlin", "Lisbon"],
  ]);
  // One Berlin interviewer moves from Atlas to a new team, one Lisbon interviewer of Atlas moves to Berlin: one person each.
  const [moving, relocating] = movers as [(typeof movers)[number], (typeof movers)[number]];
  const imported = await importPeople(
    [
      "name,email,team,attribute:location",
      `${moving.name},${moving.email},Cygnus,${moving.location}`,
      `${relocating.name},${relocating.email},Atlas,Berlin`,
    ].join("\n"),
    { actorId: adminId, dryRun: false },
  );
  expect(imported.ok && imported.summary.changed).toBe(2);
  // Read the same day, their past stays where it was; read the next day, their moves are one person's in each group, fewer than the
  // floor (the new team of one is a small group, neither named nor counted).
  expect(await grouped()).toEqual(before);
  expect(await grouped(new Date(today + DAY + 9 * 60 * 60 * 1000))).toEqual(before);
});

test("a return leaves what was read while the person was away as it was, and the next day moves no team by one person", async () => {
  // Away since twenty days ago, before the panels were staffed: the figures read since count Atlas without them.
  await db.user.update({ where: { id: leaverId }, data: { deactivatedAt: daysAgo(20) } });
  const before = await grouped();
  const atlas = before
    .find((entry) => entry.id === "interviewing")!
    .dimensions.find((dimension) => dimension.id === "team")!
    .groups.find((group) => group.value === "Atlas")!;
  expect(atlas.steps![0]!.n).toBe(PER_TEAM - 1);
  expect(await setPersonActive(adminId, leaverId, true)).toEqual({ ok: true });
  // Their return is dated today: the days they were away are read as before. Tomorrow it is one person's change to Atlas beside the
  // move out of it above, fewer than the floor, so Atlas stands as it was (each location already waits on three people's changes from
  // the moves and yesterday's staffing: with the return they are the floor's worth, and move together as they should).
  expect(await grouped()).toEqual(before);
  const teams = (read: Awaited<ReturnType<typeof grouped>>) =>
    read.map((entry) => ({
      id: entry.id,
      teams: entry.dimensions.find((dimension) => dimension.id === "team"),
    }));
  expect(teams(await grouped(new Date(today + DAY + 9 * 60 * 60 * 1000)))).toEqual(teams(before));
});

const nextDay = () => new Date(today + DAY + 9 * 60 * 60 * 1000);
const teamsOf = (read: Awaited<ReturnType<typeof grouped>>) =>
  read.map((entry) => ({
    id: entry.id,
    teams: entry.dimensions.find((dimension) => dimension.id === "team"),
  }));
const adminViewer = async () => ({
  ...(await db.user.findUniqueOrThrow({
    where: { id: adminId },
    select: { id: true, name: true, email: true },
  })),
  isAdmin: true,
  isHiringAdmin: false,
});

test("an interviewer taken off a panel before her card stays staffed on the day she was: the interviewing figures read are as they were, that day and the next", async () => {
  const before = await grouped();
  const atlas = before
    .find((entry) => entry.id === "interviewing")!
    .dimensions.find((dimension) => dimension.id === "team")!
    .groups.find((group) => group.value === "Atlas")!;
  expect(atlas.steps![0]!.successes).toBe(INTERVIEWED.Atlas);
  const interview = await db.hiringInterview.findFirstOrThrow({
    where: { createdAt: daysAgo(10), interviewer: { team: { name: "Atlas" } } },
    select: { id: true, loopId: true, interviewerId: true },
  });
  await removeInterview(await adminViewer(), interview.loopId, interview.id);
  expect(await grouped()).toEqual(before);
  expect(teamsOf(await grouped(nextDay()))).toEqual(teamsOf(before));
  expect(
    await db.hiringInterviewRemoval.findMany({
      where: { interviewerId: interview.interviewerId },
      select: { loopId: true, seatedAt: true },
    }),
  ).toEqual([{ loopId: interview.loopId, seatedAt: daysAgo(10) }]);
});

test("a stage's competencies edited in place leave who was qualified for it as it was read: the edit counts from its day", async () => {
  const before = await grouped();
  const training = before
    .find((entry) => entry.id === "interviewerTraining")!
    .dimensions.find((dimension) => dimension.id === "team")!;
  expect(training.groups.map((group) => group.value)).toEqual(["Atlas", "Borealis"]);
  // Review covered testing since thirty days ago; it covers code quality too from today. Those qualified on testing alone were
  // qualified for it from twenty days ago until today: read the same day, as before; read the next day, fewer than the floor of
  // Borealis are no longer qualified, so no team moves.
  expect(
    await saveStage(await adminViewer(), openingId, {
      stageId: stageIds.review,
      name: "Review",
      competencyIds: ["testing", "code-quality"],
    }),
  ).toEqual({ ok: true });
  expect(await grouped()).toEqual(before);
  expect(teamsOf(await grouped(nextDay()))).toEqual(teamsOf(before));
  expect(
    await db.hiringStageVersion.findMany({
      where: { stageId: stageIds.review },
      select: { competencyIds: true, since: true },
    }),
  ).toEqual([{ competencyIds: '["testing"]', since: daysAgo(30) }]);
});

test("a stage removed leaves who was qualified for it while it was in the plan as it was read", async () => {
  const before = await grouped();
  // Design qualified those on system design from twenty days ago: removed today, they were qualified for it until today.
  await removeStage(await adminViewer(), openingId, stageIds.design);
  expect(await grouped()).toEqual(before);
  expect(
    await db.hiringStageVersion.findMany({
      where: { stageId: stageIds.design },
      select: { competencyIds: true, since: true },
    }),
  ).toEqual([{ competencyIds: '["system-design"]', since: daysAgo(30) }]);
});

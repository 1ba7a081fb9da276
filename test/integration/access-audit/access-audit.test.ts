// The audit of fair access against a real database, through the page's loader: who may read it
// (admins the organisation, a manager their own people, anyone else a 404), that its figures are the
// equity audit's for the same units (built here from what was generated, not by the module), that a
// hidden or small group carries no figure in the page's data, and that a generated population whose
// teams apply at very different rates is flagged under the four-fifths rule (interview-panels.test.ts does the same for panels).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { i18nFor } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/languages";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { equityAudit, type AuditUnit } from "~/modules/equity/audit";
import { createSession } from "~/modules/calibration/sessions.server";
import { addCandidate } from "~/modules/hiring/loops.server";
import { createOpening, saveStage } from "~/modules/hiring/openings.server";
import * as auditRoute from "~/routes/access-audit";
import { seeded } from "../../../prisma/seed/random";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { renderPage, type PageModule } from "../../utils/render-page";
import { signedInRequest } from "../../utils/session";
import { withoutLabels } from "../../utils/audits";

type Person = Awaited<ReturnType<typeof createPerson>>;
/** How far a person got on the interviewer training path: a stage covers two competencies, "half" is qualified on one of them only. */
type Training = "none" | "shadow" | "half" | "qualified";
type Generated = {
  person: Person;
  team: string;
  level: string;
  location: string;
  applied: boolean[];
  sponsored: boolean;
  interviewed: boolean;
  training: Training;
};
type View = Awaited<ReturnType<typeof auditRoute.loader>>;

const DAY = 24 * 60 * 60 * 1000;
const today = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (days: number) => new Date(today - days * DAY + 9 * 60 * 60 * 1000);
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);
const JOINED = daysAgo(40);
const SAW = daysAgo(30);
const APPLIED = daysAgo(25);
const DECIDED = daysAgo(20);
const SPONSORED = daysAgo(15);
const TRAINED = daysAgo(12);
const INTERVIEWED = daysAgo(10);
const QUALIFIED = daysAgo(8);
const OPPORTUNITIES = 4;
const DIMENSIONS = ["team", "track", "level", "attribute:location"];
/** In every note, reason and sponsorship: none of it belongs on the audit. */
const MARK = "ACCESS-AUDIT-MARK-7c1d";

let admin: Person, atlasManager: Person, borealisManager: Person, engineer: Person, sponsor: Person;
const generated: Generated[] = [];
const opportunityIds: string[] = [];
const chosenOf = new Map<string, string>();

beforeAll(async () => {
  const random = seeded(58);
  admin = await createAdmin({ name: "Ada Admin" });
  atlasManager = await createPerson({ name: "Mona Atlas", track: "manager", level: "m1" });
  borealisManager = await createPerson({ name: "Bo Borealis", track: "manager", level: "m1" });
  sponsor = await createPerson({ name: "Priya Principal", track: "ic", level: "ic5" });
  for (let index = 0; index < 48; index++) {
    const atlas = index < 24;
    const team = atlas ? "Atlas" : "Borealis";
    const level = random() < 0.5 ? "ic2" : "ic3";
    // Two people in Oslo: a group below the floor, never named nor counted.
    const location = index === 3 || index === 30 ? "Oslo" : random() < 0.5 ? "Lisbon" : "Berlin";
    const teamId = (
      await db.team.upsert({
        where: { name: team },
        create: { name: team },
        update: {},
        select: { id: true },
      })
    ).id;
    const person = await createPerson({
      name: `${team} engineer ${index}`,
      track: "ic",
      level,
      teamId,
      managerId: atlas ? atlasManager.id : borealisManager.id,
      attributes: JSON.stringify({ location }),
    });
    generated.push({
      person,
      team,
      level,
      location,
      // Some never apply (a sixth of Atlas, half of Borealis): a team where all but a few applied would show only a band (decision 105).
      applied: Array.from(
        { length: OPPORTUNITIES },
        () => random() < (atlas ? 0.8 : 0.2) && !(atlas ? index % 6 === 2 : index % 2 === 1),
      ),
      sponsored: random() < (atlas ? 0.3 : 0.15),
      interviewed: false,
      training: "none",
    });
  }
  // Panels, chosen so that every group moves by the floor's worth of people or by none (as the choices above): of each team and level,
  // Atlas has three in four of its people (none in Oslo) asked to interview and Borealis two; everyone outside Oslo starts training,
  // and two Berlin people of each team and level qualify, the next two only on one of the stage's two competencies.
  const cohorts = new Map<string, Generated[]>();
  for (const entry of generated)
    (
      cohorts.get(`${entry.team}/${entry.level}`) ??
      cohorts.set(`${entry.team}/${entry.level}`, []).get(`${entry.team}/${entry.level}`)!
    ).push(entry);
  for (const cohort of cohorts.values()) {
    const outsideOslo = cohort.filter((entry) => entry.location !== "Oslo");
    outsideOslo
      .slice(0, cohort[0]!.team === "Atlas" ? Math.ceil(outsideOslo.length * 0.75) : 2)
      .forEach((entry) => (entry.interviewed = true));
    outsideOslo.forEach((entry) => (entry.training = "shadow"));
    const berlin = outsideOslo.filter((entry) => entry.location === "Berlin");
    berlin.slice(0, 2).forEach((entry) => (entry.training = "qualified"));
    berlin.slice(2, 4).forEach((entry) => (entry.training = "half"));
  }
  engineer = generated[0]!.person;
  await db.user.updateMany({ data: { createdAt: JOINED } });
  for (let index = 0; index < OPPORTUNITIES; index++) {
    // A different person each time, all in one team, level and location: every group moves by the floor's worth of people or by none
    // when they are chosen. Were one Borealis person chosen among Atlas ones, the check would rightly hide a team (total less Atlas gives their change).
    const applicants = generated.filter((entry) => entry.applied[index]);
    const chosen = applicants.find(
      (entry) =>
        entry.team === "Atlas" &&
        entry.level === "ic2" &&
        entry.location === "Berlin" &&
        ![...chosenOf.values()].includes(entry.person.id),
    )!;
    const opportunity = await db.opportunity.create({
      data: {
        kind: "project",
        title: `Stretch ${index}`,
        ladderId: "engineering",
        competencyIds: "[]",
        hoursPerWeek: 4,
        startsOn: DECIDED,
        endsOn: daysAgo(-30),
        posterId: atlasManager.id,
        status: "chosen",
        reason: `Closest fit ${MARK}`,
        criteriaIds: "[]",
        decidedAt: DECIDED,
        createdAt: SAW,
      },
      select: { id: true },
    });
    opportunityIds.push(opportunity.id);
    chosenOf.set(opportunity.id, chosen.person.id);
    await db.opportunityView.createMany({
      data: generated.map((entry) => ({
        opportunityId: opportunity.id,
        personId: entry.person.id,
        viewedAt: SAW,
      })),
    });
    await db.opportunityInterest.createMany({
      data: applicants.map((entry) => ({
        opportunityId: opportunity.id,
        personId: entry.person.id,
        note: `Keen ${MARK}`,
        outcome: entry === chosen ? "chosen" : "not-chosen",
        createdAt: APPLIED,
      })),
    });
  }
  await db.sponsorship.createMany({
    data: generated
      .filter((entry) => entry.sponsored)
      .map((entry) => ({
        sponsorId: sponsor.id,
        sponseeId: entry.person.id,
        advocacy: "role",
        target: `Tech lead ${MARK}`,
        note: MARK,
        until: daysAgo(-200),
        createdAt: SPONSORED,
      })),
  });

  // One opening whose Coding stage covers two competencies (it existed before anyone trained); interviewers staffed on its loops, dated.
  const viewer = {
    id: admin.id,
    name: admin.name,
    email: admin.email,
    isAdmin: true,
    isHiringAdmin: false,
  };
  const opening = await createOpening(viewer, {
    title: `Engineer ${MARK}`,
    ladderId: "engineering",
    levelId: "ic3",
    adminEmails: [],
    starterPlan: false,
  });
  if (!opening.ok) throw new Error(JSON.stringify(opening.fieldErrors));
  const saved = await saveStage(viewer, opening.openingId, {
    name: "Coding",
    competencyIds: ["code-quality", "testing"],
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
  await db.hiringStage.updateMany({ data: { createdAt: JOINED } });
  const stage = await db.hiringStage.findFirstOrThrow({
    where: { openingId: opening.openingId },
    select: { id: true },
  });
  const loops: string[] = [];
  for (let index = 0; index < 4; index++)
    loops.push(
      (
        await addCandidate(viewer, opening.openingId, {
          name: `Candidate ${index} ${MARK}`,
          email: "",
          source: "",
          notes: MARK,
        })
      ).loopId,
    );
  await db.hiringInterview.createMany({
    data: generated
      .filter((entry) => entry.interviewed)
      .map((entry, index) => ({
        loopId: loops[index % loops.length]!,
        stageId: stage.id,
        interviewerId: entry.person.id,
        createdAt: INTERVIEWED,
      })),
  });
  const steps = (entry: Generated) => {
    const step = (competencyId: string, toStep: string, at: Date) => ({
      personId: entry.person.id,
      competencyId,
      toStep,
      at,
      byId: admin.id,
    });
    const started = [step("code-quality", "shadow", TRAINED), step("testing", "shadow", TRAINED)];
    if (entry.training === "shadow") return started;
    if (entry.training === "half")
      return [...started, step("code-quality", "qualified", QUALIFIED)];
    if (entry.training === "qualified")
      return [
        ...started,
        step("code-quality", "qualified", QUALIFIED),
        step("testing", "qualified", QUALIFIED),
      ];
    return [];
  };
  await db.interviewerTrainingStep.createMany({ data: generated.flatMap(steps) });
});

async function read(viewer: Person): Promise<View> {
  return bodyOf<View>(
    await auditRoute.loader(routeArgs(await signedInRequest("/access-audit", viewer.id))),
  );
}

/** Every person's groups as generated (the people not generated have none but their track and level). */
async function groupsOf(): Promise<Map<string, Record<string, string | null>>> {
  const everyone = await db.user.findMany({ select: { id: true, track: true, level: true } });
  const known = new Map(generated.map((entry) => [entry.person.id, entry]));
  return new Map(
    everyone.map((person) => {
      const entry = known.get(person.id);
      return [
        person.id,
        {
          team: entry?.team ?? null,
          track: person.track,
          level: person.level,
          "attribute:location": entry?.location ?? null,
        },
      ];
    }),
  );
}

describe("the access audit", () => {
  test("admins read it, a manager reads it over their own people only, and anyone else gets a 404", async () => {
    expect(statusOf(await thrown(async () => read(engineer)))).toBe(404);
    expect(statusOf(await thrown(async () => read(sponsor)))).toBe(404);

    const mine = await read(atlasManager);
    expect(mine.scope).toBe("line");
    const atlas = generated.filter((entry) => entry.team === "Atlas");
    const sponsorship = mine.audits.find((entry) => entry.id === "sponsorship")!.audit;
    expect(sponsorship.total.steps?.[0]).toMatchObject({
      n: atlas.length,
      successes: atlas.filter((entry) => entry.sponsored).length,
    });
    const opportunities = mine.audits.find((entry) => entry.id === "opportunities")!.audit;
    // Each person once, however many opportunities they saw.
    expect(opportunities.total.steps?.[0]).toMatchObject({ n: atlas.length });
    expect(
      opportunities.dimensions
        .find((dimension) => dimension.id === "team")!
        .groups.map((group) => group.value),
    ).toEqual(["Atlas"]);
    // Panels too: only the manager's people are counted, whoever else interviews.
    const interviewing = mine.audits.find((entry) => entry.id === "interviewing")!.audit;
    expect(interviewing.total.steps?.[0]).toMatchObject({
      n: atlas.length,
      successes: atlas.filter((entry) => entry.interviewed).length,
    });
    expect(
      interviewing.dimensions
        .find((dimension) => dimension.id === "team")!
        .groups.map((group) => group.value),
    ).toEqual(["Atlas"]);
    // All Atlas people but the one in Oslo started training: within the floor of everyone, so a band, never the count (decision 105).
    const training = mine.audits.find((entry) => entry.id === "interviewerTraining")!.audit;
    expect(atlas.filter((entry) => entry.training !== "none").length).toBe(atlas.length - 1);
    expect(training.total.steps?.[0]).toMatchObject({
      n: atlas.length,
      successes: null,
      band: { low: atlas.length - SMALL_GROUP_FLOOR + 1, high: atlas.length },
      rate: null,
    });
    const borealis = generated.filter((entry) => entry.team === "Borealis");
    expect(
      (await read(borealisManager)).audits.find((entry) => entry.id === "interviewing")!.audit.total
        .steps?.[0],
    ).toMatchObject({
      n: borealis.length,
      successes: borealis.filter((entry) => entry.interviewed).length,
    });

    // No one in Borealis was chosen: their manager reads a band, never "0 of 24", which would say it of each of them (decision 105).
    const borealisOpportunities = (await read(borealisManager)).audits.find(
      (entry) => entry.id === "opportunities",
    )!.audit;
    expect(
      borealis.some((entry) => chosenOf.size && [...chosenOf.values()].includes(entry.person.id)),
    ).toBe(false);
    expect(
      borealisOpportunities.total.steps?.find(
        (step) => step.from === "saw" && step.to === "chosen",
      ),
    ).toEqual({
      from: "saw",
      to: "chosen",
      n: borealis.length,
      successes: null,
      band: { low: 0, high: SMALL_GROUP_FLOOR - 1 },
      rate: null,
    });

    const everyone = await read(admin);
    expect(everyone.scope).toBe("organisation");
    expect(
      everyone.audits.find((entry) => entry.id === "sponsorship")!.audit.total.steps?.[0]?.n,
    ).toBe(await db.user.count());
    expect(everyone.audits.map((entry) => entry.id)).toEqual([
      "opportunities",
      "sponsorship",
      "interviewing",
      "interviewerTraining",
      "keyResults",
    ]);
  });

  test("its figures are the equity audit's for the same units: nothing is computed twice", async () => {
    const groups = await groupsOf();
    const asOf = today;
    // One unit per person: saw every opportunity, applied to any, chosen for any (decision 101).
    const chosenPeople = new Set(chosenOf.values());
    const opportunityUnits: AuditUnit[] = generated.map((entry) => {
      const state = (stage: string) => ({ stage, groups: groups.get(entry.person.id)! });
      return {
        id: entry.person.id,
        person: entry.person.id,
        history: [
          { at: dayOf(SAW), state: state("saw") },
          ...(entry.applied.some(Boolean) ? [{ at: dayOf(APPLIED), state: state("applied") }] : []),
          ...(chosenPeople.has(entry.person.id)
            ? [{ at: dayOf(DECIDED), state: state("chosen") }]
            : []),
        ],
      };
    });
    const sponsored = new Set(
      generated.filter((entry) => entry.sponsored).map((entry) => entry.person.id),
    );
    const sponsorshipUnits: AuditUnit[] = [...groups].map(([id, personGroups]) => ({
      id,
      person: id,
      history: [
        { at: dayOf(JOINED), state: { stage: "eligible", groups: personGroups } },
        ...(sponsored.has(id)
          ? [{ at: dayOf(SPONSORED), state: { stage: "sponsored", groups: personGroups } }]
          : []),
      ],
    }));
    expect(dayOf(SPONSORED).getTime()).toBeLessThan(asOf);

    const view = await read(admin);
    const total = view.audits.find((entry) => entry.id === "opportunities")!.audit.total.steps!;
    expect(total.find((step) => step.from === "applied" && step.to === "chosen")?.successes).toBe(
      OPPORTUNITIES,
    );
    const floorOf = () => SMALL_GROUP_FLOOR;
    expect(withoutLabels(view.audits.find((entry) => entry.id === "opportunities")!.audit)).toEqual(
      equityAudit(
        {
          name: "access-opportunities",
          stages: ["saw", "applied", "chosen"],
          dimensions: DIMENSIONS,
        },
        opportunityUnits,
        floorOf,
      ),
    );
    expect(withoutLabels(view.audits.find((entry) => entry.id === "sponsorship")!.audit)).toEqual(
      equityAudit(
        { name: "access-sponsorship", stages: ["eligible", "sponsored"], dimensions: DIMENSIONS },
        sponsorshipUnits,
        floorOf,
      ),
    );
  });

  test("the panel figures are the equity audit's for the same units: interviewed in the past year; in training; qualified only on every competency of a stage", async () => {
    const groups = await groupsOf();
    const known = new Map(generated.map((entry) => [entry.person.id, entry]));
    const unitOf = (
      id: string,
      personGroups: Record<string, string | null>,
      dated: [Date, string][],
    ): AuditUnit => ({
      id,
      person: id,
      history: [[JOINED, "eligible"] as [Date, string], ...dated].map(([at, stage]) => ({
        at: dayOf(at),
        state: { stage, groups: personGroups },
      })),
    });
    const interviewingUnits = [...groups].map(([id, personGroups]) =>
      unitOf(id, personGroups, known.get(id)?.interviewed ? [[INTERVIEWED, "interviews"]] : []),
    );
    const trainingUnits = [...groups].map(([id, personGroups]) => {
      const training = known.get(id)?.training ?? "none";
      return unitOf(
        id,
        personGroups,
        training === "none"
          ? []
          : training === "qualified"
            ? [
                [TRAINED, "training"],
                [QUALIFIED, "qualified"],
              ]
            : [[TRAINED, "training"]],
      );
    });
    const view = await read(admin);
    const floorOf = () => SMALL_GROUP_FLOOR;
    const interviewing = view.audits.find((entry) => entry.id === "interviewing")!.audit;
    expect(interviewing.total.steps?.[0]).toMatchObject({
      from: "eligible",
      to: "interviews",
      successes: generated.filter((entry) => entry.interviewed).length,
    });
    expect(withoutLabels(interviewing)).toEqual(
      equityAudit(
        { name: "access-interviewing", stages: ["eligible", "interviews"], dimensions: DIMENSIONS },
        interviewingUnits,
        floorOf,
      ),
    );
    const training = view.audits.find((entry) => entry.id === "interviewerTraining")!.audit;
    // Qualified on one of the stage's two competencies is in training, not qualified.
    expect(
      training.total.steps?.find((step) => step.from === "eligible" && step.to === "qualified")
        ?.successes,
    ).toBe(generated.filter((entry) => entry.training === "qualified").length);
    expect(withoutLabels(training)).toEqual(
      equityAudit(
        {
          name: "access-interviewerTraining",
          stages: ["eligible", "training", "qualified"],
          dimensions: DIMENSIONS,
        },
        trainingUnits,
        floorOf,
      ),
    );
  });

  test("a hidden group carries no figure in the page's data, and a group below the floor is neither named nor counted", async () => {
    const view = await read(admin);
    const data = JSON.stringify(view);
    // Two people in Oslo, one principal engineer, two managers: too few to name.
    expect(data).not.toContain("Oslo");
    expect(data).not.toContain("ic5");
    for (const entry of view.audits) {
      const location = entry.audit.dimensions.find(
        (dimension) => dimension.id === "attribute:location",
      )!;
      expect(location.smallGroupsLeftOut).toBe(true);
      for (const dimension of entry.audit.dimensions)
        for (const group of dimension.groups) if (!group.shown) expect(group.steps).toBeNull();
    }
    // Nor does any reader's page carry a note, a reason, a sponsorship's words, or anyone's id or name.
    for (const reader of [admin, atlasManager, borealisManager])
      expect(JSON.stringify(await read(reader))).not.toContain(MARK);
    for (const entry of generated) {
      expect(data).not.toContain(entry.person.id);
      expect(data).not.toContain(entry.person.name);
    }
  });

  test("a team that applies far less often than another is flagged under the four-fifths rule, with the evidence beside it", async () => {
    const view = await read(admin);
    const teams = view.audits
      .find((entry) => entry.id === "opportunities")!
      .audit.dimensions.find((dimension) => dimension.id === "team")!;
    const step = (value: string) =>
      teams.groups
        .find((group) => group.value === value)!
        .steps!.find((candidate) => candidate.from === "saw" && candidate.to === "applied")!;
    expect(step("Atlas").highest).toBe(true);
    const borealis = step("Borealis");
    expect(borealis.impact).toMatchObject({ reference: "Atlas", flagged: true });
    expect(borealis.impact!.ratio!.estimate).toBeLessThan(0.8);
    expect(borealis.impact!.ratio!.interval[1]).toBeLessThan(1);
    expect(borealis.impact!.adjustedP).toBeLessThan(0.05);
    // Levels drawn alike in both teams are not flagged.
    const levels = view.audits
      .find((entry) => entry.id === "opportunities")!
      .audit.dimensions.find((dimension) => dimension.id === "level")!;
    expect(
      levels.groups
        .flatMap((group) => group.steps ?? [])
        .some((candidate) => candidate.impact?.flagged),
    ).toBe(false);
  });

  test("the page says what each figure means, shows the flag, and says why some figures are hidden", async () => {
    const text = (html: string) =>
      html
        .replace(/<!-- -->/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/\s+/g, " ");
    const page = text(
      (
        await renderPage(
          auditRoute as unknown as PageModule,
          "/access-audit",
          "/access-audit",
          admin.id,
        )
      ).html,
    );
    expect(page).toContain(
      "Who gets stretch work, sponsorship, a seat on interview panels and the key results that matter",
    );
    expect(page).toContain(
      "A ratio below 0.8 without a flag means the groups are too small to tell.",
    );
    expect(page).toContain("Stretch assignments");
    expect(page).toContain("Interview panels");
    expect(page).toContain("Interviewer training");
    expect(page).toContain("everyone → interviewed");
    expect(page).toMatch(/Borealis .*Below four-fifths/);
    expect(page).toMatch(/0\.\d\d of Atlas \(0\.\d\d–0\.\d\d\), p 0\.\d\d\d, adjusted p 0\.\d\d\d/);
    expect(page).toContain("Groups of fewer than 4 people are not listed.");
    // Each funnel is adjusted on its own, and the page says so; a count of nobody reads as a band (decision 105).
    expect(page).toContain(
      "in this section, adjusted together (Holm); each section is adjusted on its own.",
    );
    expect(page).not.toContain("on this page, adjusted together");
    expect(page).toMatch(/between 0 and 3 of \d+ No comparison/);
    expect(page).toMatch(/Borealis between 21 and 24 of 24 No comparison/);
    expect(page).toContain(
      "is shown only as a range: an exact count would tell each person's step.",
    );
    expect(page).not.toContain("Mostly hidden for now");

    // In every language the comparison is worded with its figures, not left as a key or a broken format.
    expect(
      i18nFor("en").getFixedT("en", "accessAudit")("impact.ratio", {
        ratio: 0.5,
        low: 0.31,
        high: 0.82,
        reference: "Atlas",
        raw: 0.0041,
        p: 0.0123,
      }),
    ).toBe("0.50 of Atlas (0.31–0.82), p 0.004, adjusted p 0.012");
    const words: Record<Language, string> = {
      en: "adjusted p",
      de: "angepasstes p",
      fr: "p ajusté",
      es: "p ajustado",
      ar: "قيمة p المعدّلة",
    };
    for (const [language, adjusted] of Object.entries(words) as [Language, string][]) {
      const said = i18nFor(language).getFixedT(language, "accessAudit")("impact.ratio", {
        ratio: 0.5,
        low: 0.31,
        high: 0.82,
        reference: "Atlas",
        raw: 0.0041,
        p: 0.0123,
      });
      expect(said).toContain("Atlas");
      expect(said).toContain(adjusted);
      // Rounded as the format says: three places for p, two for the ratio and its interval.
      expect(said).toMatch(/0[.,٫]012(?!3)/);
      expect(said).toMatch(/0[.,٫]50/);
      expect(said).not.toMatch(/[{}]/);
    }
  });

  // Last: it raises the Atlas people's floor for good.
  test("a calibration session that raises its people's floor applies to the audit the moment it is set up, though the audit was just read and kept", async () => {
    const teamGroups = (view: View) =>
      view.audits
        .find((entry) => entry.id === "opportunities")!
        .audit.dimensions.find((dimension) => dimension.id === "team")!.groups;
    const before = await read(admin);
    expect(before.floor).toBe(SMALL_GROUP_FLOOR);
    expect(teamGroups(before).find((group) => group.value === "Atlas")).toMatchObject({
      shown: true,
    });

    const atlas = generated.filter((entry) => entry.team === "Atlas");
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Atlas half-year",
        startsOn: daysAgo(5),
        endsOn: daysAgo(-60),
        participants: { create: atlas.map((entry) => ({ userId: entry.person.id })) },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Atlas calibration",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: atlasManager.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
        groupFloor: atlas.length + 1,
      },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));

    // Every Atlas person now needs a group larger than Atlas itself: no figure of the team is released, whatever was kept.
    const after = await read(admin);
    expect(after.floor).toBe(atlas.length + 1);
    const atlasGroup = teamGroups(after).find((group) => group.value === "Atlas");
    expect(atlasGroup?.shown ?? false).toBe(false);
    expect(atlasGroup?.steps ?? null).toBeNull();
  });
});

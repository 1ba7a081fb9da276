import { withRichText } from "~/modules/ladders/translations";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import type { Viewer } from "~/modules/identity/policy";
import { ConflictError, ForbiddenError, NotFoundError } from "~/modules/errors";
import { getLevel } from "~/modules/ladders";
import { servedLaddersIn } from "~/modules/ladders/registry.server";
import { parseAttributes } from "~/modules/people/attributes";
import * as clock from "~/platform/clock.server";
import {
  openingLadder,
  parseCompetencyIds,
  requireVisibleLoop,
  type VisibleLoop,
} from "./access.server";
import { interviewKit } from "./kit";
import { interviewsInWeek } from "./queries.server";
import {
  isAttributeDimension,
  nextStep,
  panelMix,
  parseDimensions,
  qualifiedFor,
  stageStep,
  suggestInterviewers,
  weekOf,
  type PanelDimension,
  type PanelMember,
  type SeatMode,
  type TrainingRecord,
  type TrainingStep,
} from "./panels";
import {
  canJoinPanel,
  canManageTraining,
  canSetPanelRule,
  canSignOff,
  canStaffLoop,
  canViewSeat,
  canWritePracticeNotes,
  interviewerRefusal,
  managesOpening,
  mayScore,
  type SeatFacts,
} from "./policy";

/**
 * Interview panels by the organisation's rule and interviewers' training: the rule's settings,
 * each panel's mix with suggestions that widen it, the weekly load and its cap, trainee seats with
 * their practice notes, and sign-offs from shadow to qualified (decision 085). Practice notes live
 * on their seats only: no debrief, statistic, agreement or export reads them.
 */

type FieldErrors = Record<string, string[]>;

export type PanelSettings = {
  dimensions: PanelDimension[];
  maxInterviewsPerWeek: number | null;
  requireQualification: boolean;
};

/** Without a rule of the organisation's own, panels are judged on team alone. */
const DEFAULT_DIMENSIONS: PanelDimension[] = ["team"];

/** The organisation's panel rule; without a row, panels are judged on team alone and nothing is capped or required. */
export async function panelSettings(): Promise<
  PanelSettings & { updatedAt: Date | null; updatedBy: string | null }
> {
  const row = await db.hiringPanelSettings.findUnique({
    where: { id: "panels" },
    select: {
      dimensions: true,
      maxInterviewsPerWeek: true,
      requireQualification: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
  if (!row)
    return {
      dimensions: DEFAULT_DIMENSIONS,
      maxInterviewsPerWeek: null,
      requireQualification: false,
      updatedAt: null,
      updatedBy: null,
    };
  return {
    dimensions: parseDimensions(row.dimensions),
    maxInterviewsPerWeek: row.maxInterviewsPerWeek,
    requireQualification: row.requireQualification,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy?.name ?? null,
  };
}

/** The names of the attributes people were imported with: the dimensions an admin may add besides team, level and track. */
async function attributeNames(): Promise<string[]> {
  const rows = await db.user.findMany({
    where: { deactivatedAt: null, NOT: { attributes: "{}" } },
    select: { attributes: true },
  });
  return [...new Set(rows.flatMap((row) => Object.keys(parseAttributes(row.attributes))))].sort();
}

export async function setPanelSettings(
  viewer: Viewer,
  input: PanelSettings,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  if (!canSetPanelRule(viewer)) throw new ForbiddenError({ key: "panels:errors.adminsOnly" });
  const known = new Set(await attributeNames());
  const unknown = input.dimensions.filter(
    (dimension) =>
      isAttributeDimension(dimension) && !known.has(dimension.slice("attribute:".length)),
  );
  if (unknown.length)
    return { ok: false, fieldErrors: { dimensions: ["panels:errors.unknownAttribute"] } };
  const data = {
    dimensions: JSON.stringify(input.dimensions),
    maxInterviewsPerWeek: input.maxInterviewsPerWeek,
    requireQualification: input.requireQualification,
    updatedById: viewer.id,
  };
  await db.$transaction(async (tx) => {
    await tx.hiringPanelSettings.upsert({
      where: { id: "panels" },
      create: { id: "panels", ...data },
      update: data,
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "hiring.panel_rule_set",
      subjectType: "hiring",
      subjectId: null,
      detail: {
        dimensions: input.dimensions,
        maxInterviewsPerWeek: input.maxInterviewsPerWeek,
        requireQualification: input.requireQualification,
      },
    });
  });
  return { ok: true };
}

/**
 * Who was staffed on a panel, and when (decision 092's interviewing audit): an interviewer on a
 * loop, dated when they were staffed, and so is one taken off it before their card (being asked
 * was the access); a trainee's seat is not an interview.
 */
export async function interviewerStaffings(): Promise<{ personId: string; at: Date }[]> {
  const [interviews, removals] = await Promise.all([
    db.hiringInterview.findMany({ select: { interviewerId: true, createdAt: true } }),
    db.hiringInterviewRemoval.findMany({ select: { interviewerId: true, seatedAt: true } }),
  ]);
  return [
    ...interviews.map((row) => ({ personId: row.interviewerId, at: row.createdAt })),
    ...removals.map((row) => ({ personId: row.interviewerId, at: row.seatedAt })),
  ];
}

/**
 * The training log in order, with what each stage covered when: its retired versions (a change of
 * its competencies, its removal) and the live one since its last change, else since it was created.
 * From them the access audit reads back who was in training and who was qualified for a stage, when.
 */
export async function interviewerTrainingHistory() {
  const [steps, stages, versions] = await Promise.all([
    db.interviewerTrainingStep.findMany({
      select: { personId: true, competencyId: true, toStep: true, at: true },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    db.hiringStage.findMany({ select: { id: true, competencyIds: true, createdAt: true } }),
    db.hiringStageVersion.findMany({
      select: { stageId: true, competencyIds: true, since: true, until: true },
    }),
  ]);
  const changed = new Map<string, Date>();
  for (const version of versions)
    if ((changed.get(version.stageId)?.getTime() ?? -Infinity) < version.until.getTime())
      changed.set(version.stageId, version.until);
  return {
    log: steps.map((step) => ({
      personId: step.personId,
      competencyId: step.competencyId,
      step: step.toStep,
      at: step.at,
    })),
    stages: [
      ...versions.map((version) => ({
        competencyIds: parseCompetencyIds(version.competencyIds),
        since: version.since,
        until: version.until,
      })),
      ...stages.map((stage) => ({
        competencyIds: parseCompetencyIds(stage.competencyIds),
        since: changed.get(stage.id) ?? stage.createdAt,
        until: null,
      })),
    ],
  };
}

/** Each person's step on each competency they train on. */
export async function trainingRecords(
  personIds: readonly string[],
): Promise<Map<string, TrainingRecord>> {
  const rows = personIds.length
    ? await db.interviewerTraining.findMany({
        where: { personId: { in: [...personIds] } },
        select: { personId: true, competencyId: true, step: true },
      })
    : [];
  const byPerson = new Map<string, typeof rows>();
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  return new Map([...byPerson].map(([personId, own]) => [personId, trainingRecordOf(own)]));
}

/** A person's training record from their rows of it. */
function trainingRecordOf(rows: readonly { competencyId: string; step: string }[]): TrainingRecord {
  return Object.fromEntries(rows.map((row) => [row.competencyId, row.step as TrainingStep]));
}

/**
 * Interviews (held or sat in on as a trainee) each person has in the week of `at`: an interview
 * counts in the week of its time, or, not scheduled yet, in the week it was staffed.
 */
export async function weeklyLoads(
  personIds: readonly string[],
  at: Date,
): Promise<Map<string, number>> {
  const loads = new Map<string, number>(personIds.map((id) => [id, 0]));
  if (personIds.length === 0) return loads;
  const { start, end } = weekOf(at);
  for (const row of await interviewsInWeek(personIds, start, end))
    loads.set(row.personId, (loads.get(row.personId) ?? 0) + row.interviews);
  return loads;
}

/** Why this person may not be staffed as the interviewer of a stage covering these competencies, at this time, or null. */
export async function staffingRefusal(
  personId: string,
  competencyIds: readonly string[],
  at: Date,
): Promise<string | null> {
  const [settings, records, loads] = await Promise.all([
    panelSettings(),
    trainingRecords([personId]),
    weeklyLoads([personId], at),
  ]);
  const refusal = interviewerRefusal({
    requireQualification: settings.requireQualification,
    qualified: qualifiedFor(records.get(personId) ?? {}, competencyIds),
    load: loads.get(personId) ?? 0,
    cap: settings.maxInterviewsPerWeek,
  });
  return refusal === null ? null : `panels:errors.${refusal}`;
}

/** Whether this interviewer may score a stage covering these competencies (the scorecard rule, policy's mayScore). */
export async function mayScoreStage(
  interviewerId: string,
  competencyIds: readonly string[],
): Promise<boolean> {
  const [settings, records] = await Promise.all([
    panelSettings(),
    trainingRecords([interviewerId]),
  ]);
  return mayScore({
    requireQualification: settings.requireQualification,
    qualified: qualifiedFor(records.get(interviewerId) ?? {}, competencyIds),
  });
}

export const memberSelect = {
  id: true,
  name: true,
  email: true,
  isAdmin: true,
  isHiringAdmin: true,
  teamId: true,
  level: true,
  track: true,
  attributes: true,
  team: { select: { name: true } },
} satisfies Prisma.UserSelect;
type MemberRow = Prisma.UserGetPayload<{ select: typeof memberSelect }>;

export function asMember(
  row: Pick<MemberRow, "id" | "teamId" | "level" | "track" | "attributes">,
): PanelMember {
  return {
    id: row.id,
    teamId: row.teamId,
    levelId: row.level,
    track: row.track,
    attributes: parseAttributes(row.attributes),
  };
}

/**
 * The panel rule's verdict on the panel of these interviewers: whether it meets the organisation's
 * rule (every page that says so asks here, so the loop page and the panel page never disagree).
 */
export async function panelMeetsRule(interviewerIds: readonly string[]): Promise<boolean> {
  const [rule, rows] = await Promise.all([
    db.hiringPanelSettings.findUnique({ where: { id: "panels" }, select: { dimensions: true } }),
    db.user.findMany({
      where: { id: { in: [...new Set(interviewerIds)] } },
      select: { id: true, teamId: true, level: true, track: true, attributes: true },
    }),
  ]);
  const dimensions = rule ? parseDimensions(rule.dimensions) : DEFAULT_DIMENSIONS;
  return panelMix(rows.map(asMember), dimensions).metRule;
}

function requireStaffedLoop(viewer: Viewer, loop: VisibleLoop) {
  if (!managesOpening(viewer, loop.access))
    throw new NotFoundError({ key: "hiring:errors.noLoop" });
}

/**
 * The loop's panel as its hiring admins staff it: each stage's interviewers with their weekly load
 * and whether they are qualified, the trainees seated with them, the panel's mix on the
 * organisation's dimensions with what the rule flags, qualified interviewers who would widen it
 * (with their load), and trainees at a step the stage can take. Attributes appear only as numbers
 * of groups and flags, never beside a name.
 */
export async function panelPage(
  viewer: Viewer,
  loopId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const loop = await requireVisibleLoop(viewer, loopId);
  requireStaffedLoop(viewer, loop);
  const ladder = await openingLadder(loop.opening, language);
  const settings = await panelSettings();
  const competencyIds = [...new Set(loop.opening.stages.flatMap((stage) => stage.competencyIds))];
  const panelIds = [...new Set(loop.interviews.map((interview) => interview.interviewerId))];
  const [seats, trainingRows] = await Promise.all([
    db.hiringTraineeSeat.findMany({
      where: { interview: { loopId } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        interviewId: true,
        mode: true,
        trainee: { select: { id: true, name: true } },
      },
    }),
    // Everyone on a path for a competency of the plan: the pool of suggestions and of trainees.
    competencyIds.length
      ? db.interviewerTraining.findMany({
          where: { competencyId: { in: competencyIds }, person: { deactivatedAt: null } },
          select: { personId: true },
          distinct: ["personId"],
        })
      : Promise.resolve([]),
  ]);
  const poolIds = new Set(trainingRows.map((row) => row.personId));
  // The panel and the pool with their training, in one read (by id: an OR with the pool's
  // condition would read every person).
  const people = await db.user.findMany({
    where: { id: { in: [...new Set([...panelIds, ...poolIds])] } },
    select: {
      ...memberSelect,
      interviewerTraining: { select: { competencyId: true, step: true } },
    },
    orderBy: { name: "asc" },
  });
  const panelRows = people.filter((row) => panelIds.includes(row.id));
  const poolRows = people.filter((row) => poolIds.has(row.id));
  const records = new Map(people.map((row) => [row.id, trainingRecordOf(row.interviewerTraining)]));
  const loads = await weeklyLoads(
    people.map((row) => row.id),
    now,
  );
  const byId = new Map([...panelRows, ...poolRows].map((row) => [row.id, row]));
  const panel = panelRows.map(asMember);
  const mix = panelMix(panel, settings.dimensions);
  const levelTitle = (id: string | null) => (id ? (getLevel(ladder, id)?.title ?? id) : null);
  const competencyName = Object.fromEntries(
    ladder.competencies.map((competency) => [competency.id, competency.name]),
  );
  const teamName = new Map(
    [...panelRows, ...poolRows].map((row) => [row.teamId, row.team?.name ?? null]),
  );
  const staffable = canStaffLoop(viewer, loop.access);
  const person = (id: string) => {
    const row = byId.get(id)!;
    return {
      id,
      name: row.name,
      team: row.team?.name ?? null,
      level: levelTitle(row.level),
      load: loads.get(id) ?? 0,
    };
  };
  return {
    loop: { id: loop.id, candidate: loop.candidate.purgedAt ? null : loop.candidate.name },
    opening: { id: loop.opening.id, title: loop.opening.title },
    settings: { dimensions: settings.dimensions, cap: settings.maxInterviewsPerWeek },
    canStaff: staffable,
    mix: {
      size: mix.size,
      metRule: mix.metRule,
      dimensions: mix.dimensions.map((dimension) => ({
        ...dimension,
        // Team and level values are shown by their names; a track by its id; attributes never.
        counts:
          dimension.counts?.map((count) => ({
            name:
              dimension.dimension === "team"
                ? (teamName.get(count.value) ?? count.value)
                : dimension.dimension === "level"
                  ? (levelTitle(count.value) ?? count.value)
                  : count.value,
            count: count.count,
          })) ?? null,
      })),
    },
    stages: loop.opening.stages.map((stage) => {
      const interviews = loop.interviews.filter((interview) => interview.stageId === stage.id);
      const onStage = new Set(interviews.map((interview) => interview.interviewerId));
      const qualifiedPool = poolRows.filter(
        (row) =>
          qualifiedFor(records.get(row.id) ?? {}, stage.competencyIds) &&
          !onStage.has(row.id) &&
          canJoinPanel(row, loop.access),
      );
      const seated = new Set(
        seats
          .filter((seat) => interviews.some((interview) => interview.id === seat.interviewId))
          .map((seat) => seat.trainee.id),
      );
      return {
        id: stage.id,
        name: stage.name,
        competencies: stage.competencyIds.map((id) => competencyName[id] ?? id),
        interviews: interviews.map((interview) => ({
          id: interview.id,
          interviewer: {
            ...person(interview.interviewerId),
            qualified: qualifiedFor(
              records.get(interview.interviewerId) ?? {},
              stage.competencyIds,
            ),
          },
          seats: seats
            .filter((seat) => seat.interviewId === interview.id)
            .map((seat) => ({
              id: seat.id,
              mode: seat.mode as SeatMode,
              trainee: seat.trainee.name,
            })),
        })),
        suggestions: staffable
          ? suggestInterviewers(
              qualifiedPool.map((row) => ({ ...asMember(row), load: loads.get(row.id) ?? 0 })),
              panel,
              settings.dimensions,
              settings.maxInterviewsPerWeek,
            ).map((suggestion) => ({
              ...person(suggestion.id),
              email: byId.get(suggestion.id)!.email,
              widens: suggestion.widens,
              clearsFlag: suggestion.flagsCleared > 0,
            }))
          : [],
        trainees:
          staffable && interviews.length
            ? poolRows
                .filter((row) => !seated.has(row.id) && !onStage.has(row.id))
                .flatMap((row) => {
                  const step = stageStep(records.get(row.id) ?? {}, stage.competencyIds);
                  return step === "shadow" || step === "reverse-shadow"
                    ? [{ ...person(row.id), step }]
                    : [];
                })
            : [],
      };
    }),
  };
}

export type PanelPage = Awaited<ReturnType<typeof panelPage>>;

/**
 * Seats a trainee on one of the loop's interviews, at their step for its stage (a shadow watches,
 * a reverse shadow leads while the interviewer scores); the seat counts in their weekly load.
 */
export async function seatTrainee(
  viewer: Viewer,
  loopId: string,
  input: { interviewId: string; personId: string },
  now = clock.now(),
): Promise<{ ok: true } | { ok: false; error: string }> {
  const loop = await requireVisibleLoop(viewer, loopId);
  requireStaffedLoop(viewer, loop);
  if (!canStaffLoop(viewer, loop.access))
    throw new ForbiddenError({ key: "hiring:errors.staffAdminsOnly" });
  const interview = loop.interviews.find((candidate) => candidate.id === input.interviewId);
  if (!interview) throw new NotFoundError({ key: "hiring:errors.noSuchInterview" });
  const stage = loop.opening.stages.find((candidate) => candidate.id === interview.stageId)!;
  const trainee = await db.user.findUnique({
    where: { id: input.personId },
    select: { id: true, deactivatedAt: true, isAdmin: true, isHiringAdmin: true },
  });
  if (!trainee || trainee.deactivatedAt)
    return { ok: false, error: "hiring:loop.errors.nobodyActive" };
  if (trainee.id === interview.interviewerId || !canJoinPanel(trainee, loop.access))
    return { ok: false, error: "panels:errors.cannotSit" };
  const [settings, records, loads] = await Promise.all([
    panelSettings(),
    trainingRecords([trainee.id]),
    weeklyLoads([trainee.id], interview.scheduledAt ?? now),
  ]);
  const step = stageStep(records.get(trainee.id) ?? {}, stage.competencyIds);
  if (step !== "shadow" && step !== "reverse-shadow")
    return { ok: false, error: "panels:errors.notTraining" };
  if (
    settings.maxInterviewsPerWeek !== null &&
    (loads.get(trainee.id) ?? 0) >= settings.maxInterviewsPerWeek
  )
    return { ok: false, error: "panels:errors.atCap" };
  try {
    await db.hiringTraineeSeat.create({
      data: { interviewId: interview.id, traineeId: trainee.id, mode: step },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, error: "panels:errors.alreadySeated" };
    throw error;
  }
  return { ok: true };
}

/** A seat with what its rules read; NotFoundError unless the viewer is its trainee or the interview's interviewer. */
async function requireSeat(viewer: Viewer, seatId: string) {
  const seat = await db.hiringTraineeSeat.findUnique({
    where: { id: seatId },
    select: {
      id: true,
      mode: true,
      practiceNotes: true,
      outcome: true,
      traineeId: true,
      trainee: { select: { name: true } },
      interview: {
        select: {
          id: true,
          loopId: true,
          stageId: true,
          interviewerId: true,
          scheduledAt: true,
          interviewer: { select: { name: true } },
        },
      },
    },
  });
  const facts: SeatFacts | null = seat
    ? {
        traineeId: seat.traineeId,
        interviewerId: seat.interview.interviewerId,
        outcome: seat.outcome,
      }
    : null;
  if (!seat || !facts || !canViewSeat(viewer, facts))
    throw new NotFoundError({ key: "panels:errors.noSeat" });
  const loop = await requireVisibleLoopFor(seat.interview.loopId, seat.interview.interviewerId);
  const stage = loop.opening.stages.find((candidate) => candidate.id === seat.interview.stageId);
  if (!stage) throw new NotFoundError({ key: "panels:errors.noSeat" });
  return { seat, facts, loop, stage };
}

/** The loop as its interviewer reads it: a trainee is not on the panel, so the loop is read through the interviewer they sit with. */
function requireVisibleLoopFor(loopId: string, interviewerId: string) {
  return requireVisibleLoop(
    { id: interviewerId, name: "", email: "", isAdmin: false, isHiringAdmin: false },
    loopId,
  );
}

/**
 * The seat's page: for the trainee, the stage's kit and their practice notes; for the interviewer,
 * the notes to read and the sign-off. Nothing of any scorecard.
 */
export async function seatPage(
  viewer: Viewer,
  seatId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const { seat, facts, loop, stage } = await requireSeat(viewer, seatId);
  const ladder = await openingLadder(loop.opening, language);
  const isTrainee = viewer.id === seat.traineeId;
  const signerQualified =
    !isTrainee &&
    qualifiedFor((await trainingRecords([viewer.id])).get(viewer.id) ?? {}, stage.competencyIds);
  return withRichText(
    {
      seat: {
        id: seat.id,
        mode: seat.mode as SeatMode,
        practiceNotes: seat.practiceNotes,
        outcome: seat.outcome,
      },
      trainee: seat.trainee.name,
      interviewer: seat.interview.interviewer.name,
      scheduledAt: seat.interview.scheduledAt?.toISOString() ?? null,
      opening: { id: loop.opening.id, title: loop.opening.title },
      stage: { id: stage.id, name: stage.name },
      candidate: loop.candidate.purgedAt ? null : loop.candidate.name,
      /** The kit is the trainee's to prepare with; the interviewer has it on their own interview's page. */
      kit: isTrainee ? interviewKit(ladder, loop.opening.levelId, stage.competencyIds) : null,
      isTrainee,
      can: {
        write: canWritePracticeNotes(viewer, facts, loop.access),
        signOff: canSignOff(viewer, facts, signerQualified),
      },
    },
    [ladder],
  );
}

export async function savePracticeNotes(
  viewer: Viewer,
  seatId: string,
  text: string,
): Promise<void> {
  const { facts, loop } = await requireSeat(viewer, seatId);
  if (!canWritePracticeNotes(viewer, facts, loop.access))
    throw new ConflictError({ key: "panels:errors.notesClosed" });
  await db.hiringTraineeSeat.update({ where: { id: seatId }, data: { practiceNotes: text } });
}

/**
 * The interviewer signs off the seat: "advance" moves the trainee to the next step on every
 * competency of the stage where they stood at the seat's step, each move logged; "not-yet" keeps
 * them where they are. Once per seat.
 */
export async function signOffSeat(
  viewer: Viewer,
  seatId: string,
  outcome: "advance" | "not-yet",
  now = clock.now(),
): Promise<{ step: TrainingStep | null }> {
  const { seat, facts, stage } = await requireSeat(viewer, seatId);
  const signerQualified = qualifiedFor(
    (await trainingRecords([viewer.id])).get(viewer.id) ?? {},
    stage.competencyIds,
  );
  if (!canSignOff(viewer, facts, signerQualified))
    throw new ConflictError({ key: "panels:errors.cannotSignOff" });
  const mode = seat.mode as SeatMode;
  const to = nextStep(mode);
  return db.$transaction(async (tx) => {
    const updated = await tx.hiringTraineeSeat.updateMany({
      where: { id: seatId, outcome: null },
      data: { outcome, outcomeById: viewer.id, outcomeAt: now },
    });
    if (updated.count !== 1) throw new ConflictError({ key: "panels:errors.cannotSignOff" });
    if (outcome === "not-yet") return { step: null };
    const at = await tx.interviewerTraining.findMany({
      where: { personId: seat.traineeId, competencyId: { in: stage.competencyIds }, step: mode },
      select: { competencyId: true },
    });
    for (const { competencyId } of at) {
      await tx.interviewerTraining.update({
        where: { personId_competencyId: { personId: seat.traineeId, competencyId } },
        data: { step: to, since: now },
      });
      await tx.interviewerTrainingStep.create({
        data: {
          personId: seat.traineeId,
          competencyId,
          fromStep: mode,
          toStep: to,
          byId: viewer.id,
          seatId,
          at: now,
        },
      });
    }
    return { step: to };
  });
}

/** Every competency name across the served ladders, for pages not tied to one opening. */
async function competencyNames(language: PageLanguage): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const served of await servedLaddersIn(language))
    for (const competency of served.ladder.competencies)
      if (!names.has(competency.id)) names.set(competency.id, competency.name);
  return names;
}

/**
 * The training roster for hiring admins and admins: everyone on a path, by competency and step,
 * and the panel rule (which admins change). Attributes are named only as dimensions.
 */
export async function trainingPage(viewer: Viewer, language: PageLanguage = SOURCE_LANGUAGE) {
  if (!canManageTraining(viewer)) throw new NotFoundError();
  const [settings, rows, names, attributes] = await Promise.all([
    panelSettings(),
    db.interviewerTraining.findMany({
      where: { person: { deactivatedAt: null } },
      orderBy: [{ person: { name: "asc" } }, { competencyId: "asc" }],
      select: {
        competencyId: true,
        step: true,
        since: true,
        person: { select: { id: true, name: true } },
      },
    }),
    competencyNames(language),
    canSetPanelRule(viewer) ? attributeNames() : Promise.resolve([]),
  ]);
  const people = new Map<
    string,
    { id: string; name: string; paths: { competency: string; step: TrainingStep; since: string }[] }
  >();
  for (const row of rows) {
    const entry = people.get(row.person.id) ?? {
      id: row.person.id,
      name: row.person.name,
      paths: [],
    };
    entry.paths.push({
      competency: names.get(row.competencyId) ?? row.competencyId,
      step: row.step as TrainingStep,
      since: row.since.toISOString(),
    });
    people.set(row.person.id, entry);
  }
  return {
    settings: {
      dimensions: settings.dimensions,
      maxInterviewsPerWeek: settings.maxInterviewsPerWeek,
      requireQualification: settings.requireQualification,
      updatedAt: settings.updatedAt?.toISOString() ?? null,
      updatedBy: settings.updatedBy,
    },
    canSetRule: canSetPanelRule(viewer),
    attributes,
    competencies: [...names].map(([id, name]) => ({ id, name })),
    people: [...people.values()],
  };
}

/**
 * Puts someone on the path for these competencies at a step: a new interviewer starts as a shadow;
 * interviewers the organisation already trusts are recorded as qualified once, when training starts
 * to count. Each step is logged.
 */
export async function setTrainingStep(
  viewer: Viewer,
  input: { email: string; competencyIds: string[]; step: TrainingStep },
  now = clock.now(),
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  if (!canManageTraining(viewer)) throw new NotFoundError();
  const person = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, deactivatedAt: true },
  });
  if (!person || person.deactivatedAt)
    return { ok: false, fieldErrors: { email: ["hiring:loop.errors.nobodyActive"] } };
  const names = await competencyNames(SOURCE_LANGUAGE);
  if (input.competencyIds.some((id) => !names.has(id)))
    return { ok: false, fieldErrors: { competencyIds: ["panels:errors.unknownCompetency"] } };
  await db.$transaction(async (tx) => {
    const existing = new Map(
      (
        await tx.interviewerTraining.findMany({
          where: { personId: person.id, competencyId: { in: input.competencyIds } },
          select: { competencyId: true, step: true },
        })
      ).map((row) => [row.competencyId, row.step]),
    );
    for (const competencyId of input.competencyIds) {
      const from = existing.get(competencyId) ?? null;
      if (from === input.step) continue;
      await tx.interviewerTraining.upsert({
        where: { personId_competencyId: { personId: person.id, competencyId } },
        create: { personId: person.id, competencyId, step: input.step, since: now },
        update: { step: input.step, since: now },
      });
      await tx.interviewerTrainingStep.create({
        data: {
          personId: person.id,
          competencyId,
          fromStep: from,
          toStep: input.step,
          byId: viewer.id,
          at: now,
        },
      });
    }
  });
  return { ok: true };
}

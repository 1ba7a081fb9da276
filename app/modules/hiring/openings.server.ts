import { withRichText } from "~/modules/ladders/translations";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import { createUnlessExists } from "~/db/create-unless-exists.server";
import { listOf, messageText } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import { getLevel, trackOfLevel, type Ladder } from "~/modules/ladders";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { ladderChoices } from "~/modules/ladders/retired.server";
import * as clock from "~/platform/clock.server";
import { openingLadder, requireManagedOpening, toStage, type Stage } from "./access.server";
import type { NewOpeningInput, StageInput } from "./forms";
import {
  ADMINS_NAMED,
  personAdminPath,
  roleNeededMessage,
  type RoleToGrant,
} from "./hiring-admin-role";
import { interviewKit } from "./kit";
import { planCoverage } from "./plan";
import { openingFigures, openingLoopsPage } from "./queries.server";
import {
  canCreateOpening,
  canSeeOthersScorecards,
  canViewKit,
  loopStateFor,
  managesOpening,
  type LoopAccess,
} from "./policy";

/**
 * Openings and their interview plans: a hiring admin opens a role (ladder, track, level), builds
 * the plan's stages from the level's competencies, and sees its coverage before any loop starts.
 */

type FieldErrors = Record<string, string[]>;

/** Refuses anyone who may not open a role, before their form is read. */
export function requireOpeningCreator(viewer: Viewer): void {
  if (!canCreateOpening(viewer))
    throw new ForbiddenError({ key: "hiring:newOpening.errors.forbidden" });
}

/** The ladders offered and their levels, and the one the new-opening form starts on. */
export async function openingChoices(viewer: Viewer, language: PageLanguage = SOURCE_LANGUAGE) {
  requireOpeningCreator(viewer);
  const { ladders, defaultLadderId } = await ladderChoices(undefined, language);
  return {
    ladders: ladders.map(({ ladder }) => ({
      id: ladder.meta.id,
      name: ladder.meta.name,
      tracks: ladder.tracks.map((track) => ({
        id: track.id,
        name: track.name,
        levels: track.levels.map((level) => ({ id: level.id, title: level.title })),
      })),
    })),
    defaultLadderId,
  };
}

/** One stage per area of the ladder, each with the level's competencies in that area: a plan that covers the level, to edit. */
export function starterStages(
  ladder: Ladder,
  levelId: string,
): { name: string; competencyIds: string[] }[] {
  const level = getLevel(ladder, levelId);
  if (!level) return [];
  return ladder.areas
    .map((area) => ({
      name: area.name,
      competencyIds: area.competencyIds.filter((id) => level.competencyIds.includes(id)),
    }))
    .filter((stage) => stage.competencyIds.length > 0);
}

/** Opens a role. The creator and the hiring admins named become the opening's hiring admins. */
export async function createOpening(
  viewer: Viewer,
  input: NewOpeningInput,
): Promise<
  | { ok: true; openingId: string }
  | { ok: false; fieldErrors: FieldErrors; roleToGrant?: RoleToGrant }
> {
  requireOpeningCreator(viewer);
  const served = await servedLadderVersion(input.ladderId);
  if (!served)
    return { ok: false, fieldErrors: { ladderId: ["hiring:newOpening.errors.ladderNotServed"] } };
  const { ladder, versionId } = served;
  const level = getLevel(ladder, input.levelId);
  if (!level)
    return { ok: false, fieldErrors: { levelId: ["hiring:newOpening.errors.levelNotInLadder"] } };
  const others = input.adminEmails.length
    ? await db.user.findMany({
        where: { email: { in: input.adminEmails }, deactivatedAt: null },
        select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
      })
    : [];
  const unknown = input.adminEmails.filter(
    (email) => !others.some((other) => other.email === email),
  );
  if (unknown.length)
    return {
      ok: false,
      fieldErrors: {
        adminEmails: [
          messageText({
            key: "hiring:newOpening.errors.unknownEmails",
            values: { count: unknown.length, emails: listOf(unknown) },
          }),
        ],
      },
    };
  const notHiring = others.filter((other) => !canCreateOpening(other));
  if (notHiring.length) {
    const { message, roleToGrant } = await hiringAdminRoleNeeded(viewer, notHiring);
    return { ok: false, fieldErrors: { adminEmails: [message] }, roleToGrant };
  }
  const stages = input.starterPlan ? starterStages(ladder, level.id) : [];
  const opening = await db.hiringOpening.create({
    data: {
      title: input.title,
      ladderId: ladder.meta.id,
      ladderVersionId: versionId,
      trackId: level.trackId,
      levelId: level.id,
      createdById: viewer.id,
      admins: {
        create: [...new Set([viewer.id, ...others.map((other) => other.id)])].map((userId) => ({
          userId,
        })),
      },
      stages: {
        create: stages.map((stage, position) => ({
          name: stage.name,
          position,
          competencyIds: JSON.stringify(stage.competencyIds),
        })),
      },
    },
    select: { id: true },
  });
  return { ok: true, openingId: opening.id };
}

/** The hiring home: openings the viewer manages, and interviews they hold (their own cards' state only). */
export async function hiringHome(viewer: Viewer, language: PageLanguage = SOURCE_LANGUAGE) {
  const [openings, interviews] = await Promise.all([
    canCreateOpening(viewer)
      ? db.hiringOpening.findMany({
          where: viewer.isAdmin ? {} : { admins: { some: { userId: viewer.id } } },
          orderBy: [{ state: "desc" }, { createdAt: "desc" }],
          select: {
            id: true,
            title: true,
            ladderVersionId: true,
            levelId: true,
            state: true,
            createdAt: true,
            _count: { select: { loops: true, stages: true } },
          },
        })
      : Promise.resolve([]),
    db.hiringInterview.findMany({
      where: { interviewerId: viewer.id },
      orderBy: [{ scheduledAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        scheduledAt: true,
        stage: { select: { name: true } },
        loop: {
          select: {
            id: true,
            state: true,
            decision: true,
            candidate: { select: { name: true, purgedAt: true } },
            opening: { select: { title: true } },
          },
        },
        scorecards: { where: { authorId: viewer.id }, select: { status: true, amendsId: true } },
      },
    }),
  ]);
  const cardIn = (card: { status: string; amendsId: string | null }) =>
    card.status === "submitted" && card.amendsId === null;
  // The viewer's facts about a loop they interview on: for an interviewer, the rules read only their own interviews.
  const ownFacts = (loop: (typeof interviews)[number]["loop"]): LoopAccess => ({
    adminIds: [],
    interviews: interviews
      .filter((interview) => interview.loop.id === loop.id)
      .map((interview) => ({
        interviewerId: viewer.id,
        submitted: interview.scorecards.some(cardIn),
      })),
    debriefOpenedAt: null,
    decided: loop.decision !== null,
    purged: loop.candidate.purgedAt !== null,
  });
  const versionIds = [...new Set(openings.map((opening) => opening.ladderVersionId))];
  const ladders = new Map(
    await Promise.all(
      versionIds.map(
        async (id) => [id, await openingLadder({ ladderVersionId: id }, language)] as const,
      ),
    ),
  );
  const levelTitle = (ladderVersionId: string, levelId: string) => {
    const ladder = ladders.get(ladderVersionId);
    return (ladder && getLevel(ladder, levelId)?.title) ?? levelId;
  };
  return {
    canCreate: canCreateOpening(viewer),
    openings: openings.map((opening) => ({
      id: opening.id,
      title: opening.title,
      level: levelTitle(opening.ladderVersionId, opening.levelId),
      state: opening.state,
      loops: opening._count.loops,
      stages: opening._count.stages,
    })),
    interviews: interviews.map((interview) => ({
      id: interview.id,
      loopState: loopStateFor(viewer, ownFacts(interview.loop), interview.loop.state),
      loopId: interview.loop.id,
      candidate: interview.loop.candidate.purgedAt ? null : interview.loop.candidate.name,
      opening: interview.loop.opening.title,
      stage: interview.stage.name,
      scheduledAt: interview.scheduledAt?.toISOString() ?? null,
      card: interview.scorecards.some(cardIn)
        ? ("submitted" as const)
        : interview.scorecards.length
          ? ("draft" as const)
          : ("not-started" as const),
    })),
  };
}

/** Candidates (loops) a page of the opening lists, newest first. */
export const OPENING_LOOPS_PAGE_SIZE = 25;

/** The opening page: its plan with coverage, its hiring admins and its loops. Counts of cards only where the viewer may see them. */
export async function openingPage(
  viewer: Viewer,
  openingId: string,
  page = 1,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const opening = await requireManagedOpening(viewer, openingId);
  const ladder = await openingLadder(opening, language);
  const level = getLevel(ladder, opening.levelId);
  const coverage = planCoverage(ladder, opening.levelId, opening.stages);
  const figures = await openingFigures(openingId);
  const pageCount = Math.max(1, Math.ceil(figures.loops / OPENING_LOOPS_PAGE_SIZE));
  const shownPage = Math.min(page, pageCount);
  const [admins, loops] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...opening.access.adminIds] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true },
    }),
    openingLoopsPage(openingId, (shownPage - 1) * OPENING_LOOPS_PAGE_SIZE, OPENING_LOOPS_PAGE_SIZE),
  ]);
  const competencyName = new Map(
    ladder.competencies.map((competency) => [competency.id, competency.name]),
  );
  return {
    opening: {
      id: opening.id,
      title: opening.title,
      state: opening.state,
      levelId: opening.levelId,
      ladderId: opening.ladderId,
      createdAt: opening.createdAt.toISOString(),
    },
    level: level
      ? {
          id: level.id,
          title: level.title,
          track: trackOfLevel(ladder, level.id)?.name ?? level.trackId,
        }
      : null,
    ladderName: ladder.meta.name,
    /** The level's competencies, in ladder order, to choose from. */
    competencies: (level?.competencyIds ?? []).map((id) => ({
      id,
      name: competencyName.get(id) ?? id,
    })),
    competencyName: Object.fromEntries(competencyName),
    stages: opening.stages.map((stage) => ({
      ...stage,
      /** Its competencies are then fixed: whether anyone has started a card is not told (an admin may be an interviewer still writing theirs). */
      hasInterviews: figures.usedStageIds.has(stage.id),
    })),
    coverage,
    admins,
    /** The opening's candidates, a page at a time: how many in all, and which page this is. */
    loopPages: { total: figures.loops, page: shownPage, pageCount },
    loops: loops.map((loop) => {
      const access: LoopAccess = {
        adminIds: opening.access.adminIds,
        interviews: loop.interviews,
        debriefOpenedAt: loop.debriefOpenedAt,
        decided: loop.decision !== null,
        purged: loop.candidate.purgedAt !== null,
      };
      const seesCards = canSeeOthersScorecards(viewer, access);
      return {
        id: loop.id,
        candidate: loop.candidate.purgedAt ? null : loop.candidate.name,
        interviews: loop.interviews.length,
        submitted: seesCards
          ? access.interviews.filter((interview) => interview.submitted).length
          : null,
        decision: seesCards ? loop.decision : null,
        createdAt: loop.createdAt.toISOString(),
      };
    }),
  };
}

async function stageCompetencyErrors(
  opening: { ladderVersionId: string; levelId: string },
  competencyIds: readonly string[],
): Promise<FieldErrors | null> {
  const ladder = await openingLadder(opening);
  const level = getLevel(ladder, opening.levelId);
  const unknown = competencyIds.filter((id) => !level?.competencyIds.includes(id));
  if (unknown.length)
    return {
      competencyIds: [
        messageText({
          key: "hiring:opening.errors.notOfLevel",
          values: { count: unknown.length, competencies: listOf(unknown) },
        }),
      ],
    };
  if (new Set(competencyIds).size !== competencyIds.length)
    return { competencyIds: ["hiring:opening.errors.competencyTwice"] };
  return null;
}

/**
 * Keeps the competencies a stage covered until now as a retired version (from its last change, else
 * its creation), in the transaction that changes or removes them: who was qualified for the stage on
 * an earlier day is read from what it covered that day (the access audit, decision 092).
 */
async function retireStageVersion(
  tx: Prisma.TransactionClient,
  stageId: string,
  now: Date,
): Promise<void> {
  const [stage, last] = await Promise.all([
    tx.hiringStage.findUniqueOrThrow({
      where: { id: stageId },
      select: { openingId: true, competencyIds: true, createdAt: true },
    }),
    tx.hiringStageVersion.findFirst({
      where: { stageId },
      orderBy: { until: "desc" },
      select: { until: true },
    }),
  ]);
  await tx.hiringStageVersion.create({
    data: {
      stageId,
      openingId: stage.openingId,
      competencyIds: stage.competencyIds,
      since: last?.until ?? stage.createdAt,
      until: now,
    },
  });
}

/** Adds a stage at the end of the plan, or changes one. A stage's competencies are fixed once an interview of it is assigned, so every card of the stage scores the same ones. */
export async function saveStage(
  viewer: Viewer,
  openingId: string,
  input: StageInput,
  now = clock.now(),
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const opening = await requireManagedOpening(viewer, openingId);
  if (opening.state !== "open")
    throw new ConflictError({ key: "hiring:opening.errors.closedPlan" });
  const errors = await stageCompetencyErrors(opening, input.competencyIds);
  if (errors) return { ok: false, fieldErrors: errors };
  if (!input.stageId) {
    const position = opening.stages.reduce((last, stage) => Math.max(last, stage.position + 1), 0);
    await db.hiringStage.create({
      data: {
        openingId,
        name: input.name,
        position,
        competencyIds: JSON.stringify(input.competencyIds),
      },
    });
    return { ok: true };
  }
  const stage = opening.stages.find((candidate) => candidate.id === input.stageId);
  if (!stage) throw new NotFoundError({ key: "hiring:opening.errors.noSuchStage" });
  const changed = JSON.stringify(stage.competencyIds) !== JSON.stringify(input.competencyIds);
  if (changed && (await db.hiringInterview.count({ where: { stageId: stage.id } })) > 0) {
    return { ok: false, fieldErrors: { competencyIds: ["hiring:opening.errors.stageLocked"] } };
  }
  await db.$transaction(async (tx) => {
    if (changed) await retireStageVersion(tx, stage.id, now);
    await tx.hiringStage.update({
      where: { id: stage.id },
      data: { name: input.name, competencyIds: JSON.stringify(input.competencyIds) },
    });
  });
  return { ok: true };
}

/** Removes a stage nobody interviews in yet; what it covered while it was in the plan is kept. */
export async function removeStage(
  viewer: Viewer,
  openingId: string,
  stageId: string,
  now = clock.now(),
): Promise<void> {
  const opening = await requireManagedOpening(viewer, openingId);
  if (!opening.stages.some((stage) => stage.id === stageId))
    throw new NotFoundError({ key: "hiring:opening.errors.noSuchStage" });
  if ((await db.hiringInterview.count({ where: { stageId } })) > 0)
    throw new ConflictError({ key: "hiring:opening.errors.stageInUse" });
  await db.$transaction(async (tx) => {
    await retireStageVersion(tx, stageId, now);
    await tx.hiringStage.delete({ where: { id: stageId } });
  });
}

/** Moves a stage one place up or down in the plan. */
export async function moveStage(
  viewer: Viewer,
  openingId: string,
  stageId: string,
  direction: "up" | "down",
): Promise<void> {
  const opening = await requireManagedOpening(viewer, openingId);
  const index = opening.stages.findIndex((stage) => stage.id === stageId);
  if (index < 0) throw new NotFoundError({ key: "hiring:opening.errors.noSuchStage" });
  const other = opening.stages[direction === "up" ? index - 1 : index + 1];
  if (!other) return;
  const stages = [...opening.stages];
  stages[index] = other;
  stages[direction === "up" ? index - 1 : index + 1] = opening.stages[index]!;
  await db.$transaction(
    stages.map((stage, position) =>
      db.hiringStage.update({ where: { id: stage.id }, data: { position } }),
    ),
  );
}

/**
 * The answer when people named as an opening's hiring admins lack the role: who can give it (the
 * viewer, when an admin; else the admins, by name) and each person's page where it is given.
 */
async function hiringAdminRoleNeeded(
  viewer: Viewer,
  people: { id: string; name: string; email: string }[],
): Promise<{ message: string; roleToGrant: RoleToGrant }> {
  const admins = viewer.isAdmin
    ? []
    : await db.user.findMany({
        where: { isAdmin: true, deactivatedAt: null },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: ADMINS_NAMED + 1,
        select: { name: true, email: true },
      });
  const roleToGrant: RoleToGrant = {
    people: people.map((person) => ({
      name: person.name,
      email: person.email,
      path: personAdminPath(person.id),
    })),
    admins: admins.slice(0, ADMINS_NAMED),
    viewerIsAdmin: viewer.isAdmin,
  };
  return { message: roleNeededMessage(roleToGrant, admins.length > ADMINS_NAMED), roleToGrant };
}

export async function addOpeningAdmin(
  viewer: Viewer,
  openingId: string,
  email: string,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors; roleToGrant?: RoleToGrant }> {
  await requireManagedOpening(viewer, openingId);
  const person = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      isHiringAdmin: true,
      deactivatedAt: true,
    },
  });
  if (!person || person.deactivatedAt)
    return { ok: false, fieldErrors: { email: ["hiring:opening.errors.nobodyActive"] } };
  if (!canCreateOpening(person)) {
    const { message, roleToGrant } = await hiringAdminRoleNeeded(viewer, [person]);
    return { ok: false, fieldErrors: { email: [message] }, roleToGrant };
  }
  await createUnlessExists(db, (client) =>
    client.hiringOpeningAdmin.create({ data: { openingId, userId: person.id } }),
  );
  return { ok: true };
}

export async function setOpeningState(
  viewer: Viewer,
  openingId: string,
  state: "open" | "closed",
): Promise<void> {
  await requireManagedOpening(viewer, openingId);
  await db.hiringOpening.update({ where: { id: openingId }, data: { state } });
}

/**
 * A stage's interview kit, for the opening's hiring admins and whoever interviews in that stage:
 * the questions, follow-ups, what good answers show and the anchored meaning of each score.
 */
export async function stageKit(
  viewer: Viewer,
  openingId: string,
  stageId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const row = await db.hiringStage.findFirst({
    where: { id: stageId, openingId },
    select: {
      id: true,
      name: true,
      position: true,
      competencyIds: true,
      opening: {
        select: {
          id: true,
          title: true,
          ladderVersionId: true,
          levelId: true,
          admins: { select: { userId: true } },
        },
      },
      // A trainee seated on one of the stage's interviews reads its kit as the interviewer does.
      interviews: {
        where: {
          OR: [{ interviewerId: viewer.id }, { traineeSeats: { some: { traineeId: viewer.id } } }],
        },
        select: { id: true },
        take: 1,
      },
    },
  });
  if (
    !row ||
    !canViewKit(
      viewer,
      { adminIds: row.opening.admins.map((admin) => admin.userId) },
      row.interviews.length ? [viewer.id] : [],
    )
  ) {
    throw new NotFoundError({ key: "hiring:kitPage.errors.notFound" });
  }
  const stage: Stage = toStage(row);
  const ladder = await openingLadder(row.opening, language);
  const kit = interviewKit(ladder, row.opening.levelId, stage.competencyIds);
  if (!kit) throw new InvalidError({ key: "hiring:kitPage.errors.levelGone" });
  return withRichText(
    {
      opening: { id: row.opening.id, title: row.opening.title },
      manages: managesOpening(viewer, {
        adminIds: row.opening.admins.map((admin) => admin.userId),
      }),
      stage,
      level: getLevel(ladder, row.opening.levelId)?.title ?? row.opening.levelId,
      ladderName: ladder.meta.name,
      kit,
    },
    [ladder],
  );
}

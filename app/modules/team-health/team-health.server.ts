import { randomUUID } from "node:crypto";
import { db, type Prisma } from "~/db/client.server";
import {
  addPointToNextOneToOne,
  type PointFromElsewhere,
} from "~/modules/conversations/agenda.server";
import { dayToDate } from "~/modules/days";
import { personFloors } from "~/modules/disclosure/floors.server";
import { ConflictError, InvalidError, NotFoundError } from "~/modules/errors";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import * as clock from "~/platform/clock.server";
import { memoForRequest } from "~/utils/request-memo.server";
import { shownComments } from "./comments";
import { keptView } from "./kept";
import { invitationsOf, readableTeamRows } from "./queries.server";
import {
  cronbachAlpha,
  furthestItems,
  itemFigures,
  scaleScore,
  scoreChange,
  type ItemFigures,
  type Score,
} from "./figures";
import type { ActionInput, StartInput } from "./forms";
import { EDMONDSON_ITEMS, HELPED, isItem, scored, type Helped } from "./items";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { asAsked } from "./own-items.server";
import {
  isOwnKey,
  ownKey,
  parseAskedOwnItems,
  shownOwnItems,
  type AskedOwnItems,
} from "./own-items";
import { announceCheckInChange } from "./live-updates.server";
import { groupPlaces, storeByGroup } from "./by-group.server";
import {
  actionRefusal,
  answerRefusal,
  canChooseAction,
  canClose,
  canMarkDone,
  canReadOrganisation,
  canReadResults,
  canStartFor,
  canTakeToOneToOne,
  extraItemsRefusal,
  isOpen,
  MAX_EXTRA_ITEMS,
  showsAlpha,
  showsAnswered,
  startRefusal,
  type HealthViewer,
  type TeamStanding,
} from "./policy";
import {
  batchOf,
  completesBatch,
  itemRelease,
  releasedBatchCount,
  type StoredAnswer,
} from "./release";
import { largest } from "~/utils/extremes";
import { belowInLine, lineRangeBelow } from "~/modules/people/reporting-line.server";

/**
 * Team health check-ins (decision 099): started for teams, answered anonymously (an answer keeps
 * no person and no time, only its release batch), read by the team and its managers from whole
 * batches only, and followed by one action the next check-in asks about.
 */

const DAY_MS = 86_400_000;

const inLine = (linePath: string, viewerId: string) => linePath.includes(`/${viewerId}/`);

function parseItems(items: string): string[] {
  const parsed: unknown = JSON.parse(items);
  return Array.isArray(parsed)
    ? parsed.filter((item): item is string => typeof item === "string")
    : [];
}

/**
 * The teams the viewer may start a check-in for, with how many active members each has and whether
 * the policy refuses it as too small for the floor (startRefusal), which the start form shows.
 */
/**
 * The people below the viewer in the reporting line, as a condition on the line's index (a prefix:
 * a range of it), and whether there is anyone: most people have nobody below them, and then no
 * team is read for it (an engineer's page read every team of the organisation to find none: 124 ms
 * at 200,000 people).
 */
function lineBelow(viewerId: string) {
  // The page's list and its start link both ask: one answer per page view.
  return memoForRequest(`team-health:line-below:${viewerId}`, async () => {
    const me = await db.user.findUnique({
      where: { id: viewerId },
      select: { teamId: true, linePath: true },
    });
    const range = lineRangeBelow(me?.linePath ?? "/", viewerId);
    const below = belowInLine(me?.linePath ?? "/", viewerId);
    const anyone = (await db.user.findFirst({ where: below, select: { id: true } })) !== null;
    return { me, below, range, anyone };
  });
}

export async function startableTeams(viewer: HealthViewer) {
  // Only teams with someone below the viewer are read (the policy decides on that fact below).
  const line = viewer.isAdmin ? null : await lineBelow(viewer.id);
  if (line && !line.anyone) return [];
  const teams = await db.team.findMany({
    where: line ? { members: { some: { deactivatedAt: null, ...line.below } } } : {},
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { where: { deactivatedAt: null }, select: { id: true, linePath: true } },
    },
  });
  const floors = await personFloors();
  return teams.flatMap((team) => {
    const managesMember = team.members.some((member) => inLine(member.linePath, viewer.id));
    const floor = largest(
      team.members.map((member) => floors(member.id)),
      0,
    );
    const members = team.members.length;
    const refusal = startRefusal({
      mayStart: canStartFor(viewer, { managesMember }),
      members,
      floor,
    });
    if (refusal === "forbidden") return [];
    return [{ id: team.id, name: team.name, members, floor, tooSmall: refusal === "too-small" }];
  });
}

/** Starts a check-in for the teams: who was asked is each team's active members now. */
export async function startCheckIn(
  viewer: HealthViewer,
  input: StartInput,
  now = clock.now(),
  /** A live check-in's code (live.server.ts), for one team. */
  liveCode: string | null = null,
): Promise<string> {
  const teams = await startableTeams(viewer);
  const chosen = [...new Set(input.teamIds)].map((id) => teams.find((team) => team.id === id));
  // Each startable team carries the policy's answer (startRefusal): a team not among them is forbidden.
  for (const team of chosen) {
    if (!team) throw new NotFoundError();
    if (team.tooSmall)
      throw new InvalidError({
        key: "teamHealth:errors.tooSmall",
        values: { team: team.name, floor: team.floor },
      });
  }
  return db.$transaction(async (tx) => {
    // The organisation's own items asked besides (decision 123): offered ones only, within the cap,
    // each kept with the wording it is asked in now.
    const ownIds = [...new Set(input.ownItems ?? [])];
    const rows = await tx.teamHealthItem.findMany({
      where: { id: { in: ownIds } },
      select: {
        id: true,
        language: true,
        wording: true,
        reversed: true,
        askedAt: true,
        retiredAt: true,
      },
    });
    const own = ownIds.map((id) => rows.find((row) => row.id === id) ?? null);
    const refusal = extraItemsRefusal({
      library: new Set(input.libraryItems).size,
      own,
    });
    if (refusal === "not-offered")
      throw new InvalidError({ key: "teamHealth:errors.own.notOffered" });
    if (refusal === "too-many")
      throw new InvalidError({
        key: "teamHealth:errors.tooManyItems",
        values: { max: MAX_EXTRA_ITEMS },
      });
    const asked: AskedOwnItems = Object.fromEntries(
      rows.map((row) => [ownKey(row.id), asAsked(row)]),
    );
    const items = [
      ...EDMONDSON_ITEMS,
      ...new Set(input.libraryItems),
      ...ownIds.map((id) => ownKey(id)),
    ];
    await tx.teamHealthItem.updateMany({
      where: { id: { in: ownIds }, askedAt: null },
      data: { askedAt: now },
    });
    const checkIn = await tx.teamHealthCheckIn.create({
      data: {
        startedById: viewer.id,
        items: JSON.stringify(items),
        ownItems: JSON.stringify(asked),
        askComment: input.askComment,
        closesAt: new Date(now.getTime() + input.days * DAY_MS),
        liveCode,
        createdAt: now,
      },
      select: { id: true },
    });
    for (const team of chosen as NonNullable<(typeof chosen)[number]>[]) {
      const lastAction = await tx.teamHealthAction.findFirst({
        where: { teamId: team.id, followedUpBy: { none: {} } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      const members = await tx.user.findMany({
        where: { teamId: team.id, deactivatedAt: null },
        select: { id: true },
      });
      await tx.teamHealthTeam.create({
        data: {
          checkInId: checkIn.id,
          teamId: team.id,
          floor: team.floor,
          followUpActionId: lastAction?.id ?? null,
          invitations: { create: members.map((member) => ({ personId: member.id })) },
        },
      });
    }
    return checkIn.id;
  });
}

/** How the viewer stands to a check-in's team: asked, a member now, above a member now or asked. */
export async function standingIn(
  viewer: HealthViewer,
  checkInTeam: { id: string; teamId: string },
): Promise<TeamStanding> {
  const [asked, people] = await Promise.all([
    db.teamHealthInvitation.count({
      where: { checkInTeamId: checkInTeam.id, personId: viewer.id },
    }),
    db.user.findMany({
      where: {
        OR: [
          { teamId: checkInTeam.teamId },
          { teamHealthInvitations: { some: { checkInTeamId: checkInTeam.id } } },
        ],
      },
      select: { id: true, teamId: true, linePath: true },
    }),
  ]);
  return {
    asked: asked > 0,
    member: people.some(
      (person) => person.id === viewer.id && person.teamId === checkInTeam.teamId,
    ),
    managesMember: people.some((person) => inLine(person.linePath, viewer.id)),
  };
}

/** The viewer's page: check-ins they were asked in (and whether they answered: theirs alone), and the teams' results they may read. */
export async function healthHome(viewer: HealthViewer, now = clock.now()) {
  const toAnswer = (await invitationsOf(viewer.id))
    .filter((invitation) => isOpen(invitation, now))
    .map((invitation) => ({
      checkInId: invitation.checkInId,
      team: invitation.team,
      closesAt: invitation.closesAt,
      answered: showsAnswered(viewer, invitation.personId) && invitation.answered,
    }));
  // One statement for the rows and what the viewer's standing needs: their own invitation, and one
  // member now or one person asked below them in the reporting line (asked only if there is anyone).
  const { me, range, anyone } = await lineBelow(viewer.id);
  const rows = await readableTeamRows(viewer.id, {
    all: viewer.isAdmin,
    teamId: me?.teamId ?? null,
    below: anyone ? range : null,
    limit: 200,
  });
  const readable = [];
  for (const row of rows) {
    const standing: TeamStanding = {
      asked: row.asked,
      member: me?.teamId === row.teamId,
      managesMember: row.managesMember,
    };
    if (!canReadResults(viewer, standing)) continue;
    readable.push({
      checkInId: row.checkInId,
      teamId: row.teamId,
      team: row.team,
      startedAt: row.createdAt,
      closesAt: row.closesAt,
      open: isOpen(row, now),
      canClose: isOpen(row, now) && canClose(viewer, row.startedById),
      releasedAt: row.releasedAt,
    });
  }
  return { toAnswer, results: readable };
}

/** The check-ins a person was asked in, for their export: which team and when, never what (or whether) they answered. */
export async function checkInsAskedOf(personId: string) {
  const rows = await db.teamHealthInvitation.findMany({
    where: { personId },
    orderBy: { checkInTeam: { checkIn: { createdAt: "asc" } } },
    select: {
      checkInTeam: {
        select: {
          team: { select: { name: true } },
          checkIn: { select: { createdAt: true, closesAt: true } },
        },
      },
    },
  });
  return rows.map((row) => ({
    team: row.checkInTeam.team.name,
    startedAt: row.checkInTeam.checkIn.createdAt,
    closesAt: row.checkInTeam.checkIn.closesAt,
  }));
}

/** What the viewer is asked in a check-in; a 404 when they were not asked. */
export async function answerForm(
  viewer: HealthViewer,
  checkInId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const invitation = await db.teamHealthInvitation.findFirst({
    where: { personId: viewer.id, checkInTeam: { checkInId } },
    select: {
      answered: true,
      checkInTeam: {
        select: {
          team: { select: { name: true } },
          followUpAction: { select: { item: true, text: true } },
          checkIn: {
            select: {
              items: true,
              ownItems: true,
              askComment: true,
              closesAt: true,
              closedAt: true,
            },
          },
        },
      },
    },
  });
  if (!invitation) throw new NotFoundError();
  const { checkIn, team, followUpAction } = invitation.checkInTeam;
  const items = parseItems(checkIn.items);
  return {
    team: team.name,
    items,
    own: shownOwnItems(parseAskedOwnItems(checkIn.ownItems), items, language),
    askComment: checkIn.askComment,
    closesAt: checkIn.closesAt,
    open: isOpen(checkIn, now),
    answered: invitation.answered,
    followUp: followUpAction,
  };
}

export type AnswerInput = {
  values: Record<string, number>;
  helped?: Helped;
  comment: string;
  /** Skip the whole check-in: nothing is stored but that the person is done. */
  skip?: boolean;
};

/**
 * Records an answer with no person and no time: the next place in the team's batches. The
 * invitation only becomes "answered". An answer with nothing in it is a skip.
 */
export async function submitAnswer(
  viewer: HealthViewer,
  checkInId: string,
  input: AnswerInput,
  now = clock.now(),
): Promise<void> {
  // The person's groups, for the store by group (decision 126): read before the transaction, as
  // the floors are read by the app's client.
  const places = input.skip ? [] : await groupPlaces(viewer.id);
  await db.$transaction(async (tx) => {
    const invitation = await tx.teamHealthInvitation.findFirst({
      where: { personId: viewer.id, checkInTeam: { checkInId } },
      select: {
        answered: true,
        checkInTeamId: true,
        checkInTeam: {
          select: {
            floor: true,
            followUpActionId: true,
            checkIn: {
              select: {
                items: true,
                askComment: true,
                closesAt: true,
                closedAt: true,
                createdAt: true,
              },
            },
          },
        },
      },
    });
    const refusal = answerRefusal({
      asked: invitation !== null,
      answered: invitation?.answered ?? false,
      open: invitation ? isOpen(invitation.checkInTeam.checkIn, now) : false,
    });
    if (refusal === "not-asked") throw new NotFoundError();
    if (refusal === "closed") throw new ConflictError({ key: "teamHealth:errors.closed" });
    if (refusal === "answered") throw new ConflictError({ key: "teamHealth:errors.answered" });
    const { checkInTeam, checkInTeamId } = invitation!;
    // Only updates that still find it unanswered count: two tabs posting at once store one answer.
    const marked = await tx.teamHealthInvitation.updateMany({
      where: { checkInTeamId, personId: viewer.id, answered: false },
      data: { answered: true },
    });
    if (marked.count !== 1) throw new ConflictError({ key: "teamHealth:errors.answered" });
    if (input.skip) return;
    const asked = new Set(parseItems(checkInTeam.checkIn.items));
    const values = Object.fromEntries(
      Object.entries(input.values).filter(([item]) => asked.has(item)),
    );
    const helped = checkInTeam.followUpActionId ? (input.helped ?? null) : null;
    const comment = checkInTeam.checkIn.askComment ? input.comment.trim() || null : null;
    if (!Object.keys(values).length && !helped && !comment) return;
    // A write of the team's own floor takes its row lock on PostgreSQL first, so two answers at
    // once are counted one after the other: each takes its own place, and no batch is cut short.
    await tx.teamHealthTeam.update({
      where: { id: checkInTeamId },
      data: { floor: checkInTeam.floor },
      select: { id: true },
    });
    const before = await tx.teamHealthResponse.count({ where: { checkInTeamId } });
    await tx.teamHealthResponse.create({
      data: {
        id: randomUUID(),
        checkInTeamId,
        batch: batchOf(before, checkInTeam.floor),
        values: JSON.stringify(values),
        helped,
        comment,
      },
    });
    if (completesBatch(before, checkInTeam.floor))
      await tx.teamHealthTeam.update({ where: { id: checkInTeamId }, data: { releasedAt: now } });
    // The same values by group, with no team and no link to the row above (decision 126).
    await storeByGroup(tx, places, checkInTeam.checkIn.createdAt, values);
  });
  // A live check-in's room shows how many answered: it reloads (live-updates.server.ts).
  await announceCheckInChange(checkInId);
}

/**
 * Marks a check-in closed at `closedAt` unless it is already, and tells webhook endpoints, one event
 * per team asked (in the same transaction). False when it was closed already (by hand or by the pass).
 */
async function markClosed(
  checkInId: string,
  closedAt: Date,
  open: Prisma.TeamHealthCheckInWhereInput,
) {
  return db.$transaction(async (tx) => {
    const closed = await tx.teamHealthCheckIn.updateMany({
      where: { id: checkInId, closedAt: null, ...open },
      data: { closedAt },
    });
    if (closed.count !== 1) return false;
    const checkIn = await tx.teamHealthCheckIn.findUniqueOrThrow({
      where: { id: checkInId },
      select: {
        createdAt: true,
        teams: { orderBy: { id: "asc" }, select: { team: { select: { id: true, name: true } } } },
      },
    });
    await emitWebhookEvents(
      tx,
      checkIn.teams.map(({ team }) => ({
        kind: "team_health.check_in_closed" as const,
        checkIn: { id: checkInId, openedAt: checkIn.createdAt, closedAt },
        team,
      })),
    );
    return true;
  });
}

/** Closes a check-in before its day: its starter or an admin. A last batch short of the floor stays unshown. */
export async function closeCheckIn(viewer: HealthViewer, checkInId: string, now = clock.now()) {
  const checkIn = await db.teamHealthCheckIn.findUnique({
    where: { id: checkInId },
    select: { startedById: true, closesAt: true, closedAt: true },
  });
  if (!checkIn || !canClose(viewer, checkIn.startedById)) throw new NotFoundError();
  if (!isOpen(checkIn, now)) return;
  if (await markClosed(checkInId, now, { closesAt: { gt: now } }))
    await announceCheckInChange(checkInId);
}

/**
 * The clock's pass: a check-in whose day came is marked closed at that moment (it was closed
 * already for every reader, policy.isOpen), so that its close is announced once, like one closed by
 * hand. Returns how many it closed.
 */
export async function closeDueCheckIns(now = clock.now()): Promise<number> {
  const due = await db.teamHealthCheckIn.findMany({
    where: { closedAt: null, closesAt: { lte: now } },
    select: { id: true, closesAt: true, closedAt: true },
  });
  let closed = 0;
  for (const checkIn of due.filter((row) => !isOpen(row, now)))
    if (await markClosed(checkIn.id, checkIn.closesAt, { closesAt: checkIn.closesAt })) closed++;
  return closed;
}

export type ReleasedView = {
  answers: number;
  asked: number;
  items: { item: string; figures: ItemFigures | null; withheld: boolean; batches: number }[];
  score: Score | null;
  helped: { counts: Record<Helped, number>; n: number } | null;
  comments: string[];
  /** The released answers that answered all seven items, reverse-scored: for Cronbach's alpha across teams only (never sent with a team's page). */
  scaleRows: number[][];
};

/** Everything a team's results show, from whole released batches only (release.ts). */
export function releasedView(
  answers: readonly (StoredAnswer & { helped: string | null; comment: string | null })[],
  floor: number,
  items: readonly string[],
  asked: number,
  names: readonly string[],
  /** The organisation's own items as the check-in asked them: whether each is reverse-scored. */
  own: AskedOwnItems = {},
): ReleasedView {
  const released = releasedBatchCount(answers.length, floor);
  const shown = items.map((item) => {
    const release = itemRelease<number>(answers, released, item);
    return {
      item,
      figures: own[item]
        ? itemFigures(item, release.values, own[item].reversed)
        : itemFigures(item, release.values),
      withheld: release.withheld || (released > 0 && release.batches === 0),
      batches: release.batches,
    };
  });
  const helpedRelease = itemRelease<string>(
    answers.map((answer) => ({
      batch: answer.batch,
      values: (answer.helped ? { helped: answer.helped } : {}) as Record<string, string>,
    })),
    released,
    "helped",
  );
  const helped = helpedRelease.values.length
    ? {
        counts: Object.fromEntries(
          HELPED.map((option) => [option, helpedRelease.values.filter((v) => v === option).length]),
        ) as Record<Helped, number>,
        n: helpedRelease.values.length,
      }
    : null;
  // The score is the seven items' figures put together, only when all were shown from the same batches.
  const scale = shown.filter((row) => (EDMONDSON_ITEMS as readonly string[]).includes(row.item));
  const sameRelease = scale.every((row) => row.batches === released && released > 0);
  return {
    answers: released * floor,
    asked,
    items: shown,
    score: sameRelease ? scaleScore(scale.map((row) => row.figures)) : null,
    helped,
    scaleRows: answers
      .filter(
        (answer) =>
          answer.batch < released &&
          EDMONDSON_ITEMS.every((item) => typeof answer.values[item] === "number"),
      )
      .map((answer) => EDMONDSON_ITEMS.map((item) => scored(item, answer.values[item] as number))),
    comments: shownComments(
      answers
        .filter((answer) => answer.batch < released && answer.comment)
        .map((answer) => answer.comment!),
      names,
    ),
  };
}

export async function checkInTeamView(checkInTeamId: string) {
  const row = await db.teamHealthTeam.findUnique({
    where: { id: checkInTeamId },
    select: {
      id: true,
      floor: true,
      releasedAt: true,
      teamId: true,
      keptFigures: true,
      checkIn: { select: { items: true, ownItems: true, createdAt: true } },
      responses: { select: { batch: true, values: true, helped: true, comment: true } },
      invitations: { select: { person: { select: { name: true } } } },
      team: { select: { members: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const names = [
    ...row.invitations.map((invitation) => invitation.person.name),
    ...row.team.members.map((member) => member.name),
  ];
  const own = parseAskedOwnItems(row.checkIn.ownItems);
  // Past the retention rule for answers, the figures kept when they were deleted (decision 113).
  const view = row.keptFigures
    ? keptView(row.keptFigures)
    : releasedView(
        row.responses.map((response) => ({
          batch: response.batch,
          values: JSON.parse(response.values) as Record<string, number>,
          helped: response.helped,
          comment: response.comment,
        })),
        row.floor,
        parseItems(row.checkIn.items),
        row.invitations.length,
        names,
        own,
      );
  return {
    ...view,
    /** The check-in's own items as it asked them (decision 123), worded by each reader's page. */
    ownItems: own,
    floor: row.floor,
    releasedAt: row.releasedAt,
    startedAt: row.checkIn.createdAt,
  };
}

/** A team's results in a check-in, with the change since its last one, its action and its trend; a 404 for anyone who may not read them. */
export async function teamResults(
  viewer: HealthViewer,
  checkInId: string,
  teamId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const checkInTeam = await db.teamHealthTeam.findUnique({
    where: { checkInId_teamId: { checkInId, teamId } },
    select: {
      id: true,
      teamId: true,
      team: { select: { name: true } },
      checkIn: { select: { closesAt: true, closedAt: true, createdAt: true } },
      followUpAction: { select: { item: true, text: true } },
      actions: {
        select: {
          id: true,
          item: true,
          text: true,
          dueOn: true,
          doneAt: true,
          ownerId: true,
          owner: { select: { name: true } },
        },
      },
      invitations: { select: { person: { select: { id: true, name: true } } } },
    },
  });
  if (!checkInTeam) throw new NotFoundError();
  const standing = await standingIn(viewer, checkInTeam);
  if (!canReadResults(viewer, standing)) throw new NotFoundError();
  const history = await db.teamHealthTeam.findMany({
    where: { teamId, checkIn: { createdAt: { lte: checkInTeam.checkIn.createdAt } } },
    orderBy: { checkIn: { createdAt: "asc" } },
    select: { id: true, checkInId: true, checkIn: { select: { createdAt: true } } },
  });
  const trend = [];
  for (const past of history) {
    const view = await checkInTeamView(past.id);
    trend.push({ checkInId: past.checkInId, startedAt: past.checkIn.createdAt, view: view! });
  }
  const current = trend.at(-1)!.view;
  const previous = trend
    .slice(0, -1)
    .reverse()
    .find((entry) => entry.view.score !== null);
  const shownItems = current.items.flatMap((row) => (row.figures ? [row.figures] : []));
  const action = checkInTeam.actions[0] ?? null;
  const owners = checkInTeam.invitations.map((invitation) => invitation.person);
  return {
    checkInId,
    teamId,
    team: checkInTeam.team.name,
    open: isOpen(checkInTeam.checkIn, now),
    closesAt: checkInTeam.checkIn.closesAt,
    releasedAt: current.releasedAt,
    floor: current.floor,
    answers: current.answers,
    asked: current.asked,
    items: current.items,
    /** Own items as asked, every language written (the API's; a page sends `own`). */
    ownItems: current.ownItems,
    own: shownOwnItems(
      current.ownItems,
      current.items.map((row) => row.item),
      language,
    ),
    score: current.score,
    change:
      current.score && previous?.view.score
        ? scoreChange(current.score, previous.view.score)
        : null,
    furthest: furthestItems(shownItems),
    helped: current.helped,
    followUp: checkInTeam.followUpAction,
    comments: current.comments,
    trend: trend.map((entry) => ({
      checkInId: entry.checkInId,
      startedAt: entry.startedAt,
      score: entry.view.score?.estimate ?? null,
      interval: entry.view.score?.interval ?? null,
    })),
    action: action
      ? {
          id: action.id,
          item: action.item,
          text: action.text,
          dueOn: action.dueOn,
          doneAt: action.doneAt,
          owner: action.owner?.name ?? null,
          canMarkDone: canMarkDone(viewer, action, standing),
          canTakeToOneToOne: canTakeToOneToOne(viewer, action),
        }
      : null,
    canChoose:
      action === null &&
      canChooseAction(standing) &&
      current.items.some((row) => row.figures !== null),
    owners,
  };
}

/** The team chooses its one action from the check-in's shown items. */
export async function chooseAction(
  viewer: HealthViewer,
  checkInId: string,
  teamId: string,
  input: ActionInput,
  now = clock.now(),
): Promise<void> {
  const results = await teamResults(viewer, checkInId, teamId, now);
  const standing = await standingIn(viewer, {
    id: (await db.teamHealthTeam.findUnique({
      where: { checkInId_teamId: { checkInId, teamId } },
      select: { id: true },
    }))!.id,
    teamId,
  });
  const refusal = actionRefusal({
    mayChoose: canChooseAction(standing),
    alreadyChosen: results.action !== null,
    itemShown:
      (isItem(input.item) || isOwnKey(input.item)) &&
      results.items.some((row) => row.item === input.item && row.figures),
    ownerInTeam: results.owners.some((owner) => owner.id === input.ownerId),
  });
  if (refusal === "forbidden") throw new NotFoundError();
  if (refusal) throw new InvalidError({ key: `teamHealth:errors.action.${refusal}` });
  await db.$transaction(async (tx) => {
    const row = await tx.teamHealthTeam.findUniqueOrThrow({
      where: { checkInId_teamId: { checkInId, teamId } },
      select: { id: true },
    });
    if (await tx.teamHealthAction.count({ where: { checkInTeamId: row.id } }))
      throw new ConflictError({ key: "teamHealth:errors.action.already" });
    await tx.teamHealthAction.create({
      data: {
        checkInTeamId: row.id,
        teamId,
        item: input.item,
        text: input.text,
        ownerId: input.ownerId,
        dueOn: dayToDate(input.dueOn),
        createdAt: now,
      },
    });
  });
}

export async function markActionDone(
  viewer: HealthViewer,
  actionId: string,
  now = clock.now(),
): Promise<void> {
  const action = await db.teamHealthAction.findUnique({
    where: { id: actionId },
    select: { ownerId: true, doneAt: true, checkInTeamId: true, teamId: true },
  });
  if (!action) throw new NotFoundError();
  const standing = await standingIn(viewer, { id: action.checkInTeamId, teamId: action.teamId });
  if (!canReadResults(viewer, standing)) throw new NotFoundError();
  if (!canMarkDone(viewer, action, standing))
    throw new ConflictError({ key: "teamHealth:errors.notYours" });
  await db.teamHealthAction.update({ where: { id: actionId }, data: { doneAt: now } });
}

/** The action's owner puts it on their next one-to-one with their manager (conversations' agenda). */
export async function actionToOneToOne(
  viewer: HealthViewer,
  actionId: string,
  now = clock.now(),
): Promise<PointFromElsewhere> {
  const action = await db.teamHealthAction.findUnique({
    where: { id: actionId },
    select: { ownerId: true, doneAt: true, text: true },
  });
  if (!action || !canTakeToOneToOne(viewer, action)) throw new NotFoundError();
  return addPointToNextOneToOne(viewer, action.text, now);
}

/**
 * Across the organisation (admins) or the teams below a manager: each team's latest score with its
 * interval, as a distribution (ordered by score, no team named: never a league table), Cronbach's
 * alpha of the seven items over the released answers of at least three teams, the share of those
 * asked whose answers are shown in closed check-ins, and the share of closed check-ins whose action
 * is done. A 404 for anyone else.
 */
export async function organisationView(viewer: HealthViewer, now = clock.now()) {
  const me = await db.user.findUnique({
    where: { id: viewer.id },
    select: { linePath: true },
  });
  const below = belowInLine(me?.linePath ?? "/", viewer.id);
  const rows = await db.teamHealthTeam.findMany({
    where: viewer.isAdmin ? {} : { team: { members: { some: below } } },
    orderBy: { checkIn: { createdAt: "desc" } },
    select: {
      id: true,
      teamId: true,
      checkIn: { select: { closesAt: true, closedAt: true } },
      actions: { select: { doneAt: true } },
    },
  });
  if (!canReadOrganisation(viewer, rows.length > 0)) throw new NotFoundError();
  const latest = new Map<string, string>();
  for (const row of rows) if (!latest.has(row.teamId)) latest.set(row.teamId, row.id);
  const scores: { estimate: number; interval: [number, number] }[] = [];
  const scaleRows: number[][] = [];
  let teamsInAlpha = 0;
  for (const checkInTeamId of latest.values()) {
    const view = (await checkInTeamView(checkInTeamId))!;
    if (view.score) scores.push({ estimate: view.score.estimate, interval: view.score.interval });
    if (view.scaleRows.length) {
      teamsInAlpha += 1;
      scaleRows.push(...view.scaleRows);
    }
  }
  const closed = rows.filter((row) => !isOpen(row.checkIn, now));
  let asked = 0;
  let shown = 0;
  for (const row of closed) {
    const view = (await checkInTeamView(row.id))!;
    asked += view.asked;
    shown += view.answers;
  }
  return {
    teams: latest.size,
    scores: scores.sort((a, b) => a.estimate - b.estimate),
    alpha: showsAlpha(teamsInAlpha) ? cronbachAlpha(scaleRows) : null,
    participation: asked ? { shown, asked } : null,
    actions: {
      closed: closed.length,
      done: closed.filter((row) => row.actions.some((action) => action.doneAt !== null)).length,
    },
  };
}

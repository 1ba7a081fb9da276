import type { z } from "zod";
import { db, type Prisma } from "~/db/client.server";
import { NotFoundError } from "~/modules/errors";
import { canOpenEntry, type SessionAccess } from "~/modules/calibration/policy";
import { listSessions, requireSessionAccess } from "~/modules/calibration/sessions.server";
import { requirePersonVisible } from "~/modules/identity/permissions.server";
import { canViewPerson, type Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { erasedAmong, isErased } from "~/modules/people/erased.server";
import { belowInLine, managerChainOfLine } from "~/modules/people/reporting-line.server";
import { PERSON_LISTED } from "~/modules/people/service.server";
import { insightsView } from "~/modules/insights/insights.server";
import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE } from "~/i18n/languages";
import { INSIGHT_TABLES, insightTable, wordedRows } from "~/modules/insights/tables";
import { servedLadders } from "~/modules/ladders/registry.server";
import { dateToDay } from "~/modules/days";
import { pageOf, type PageRequest } from "./pages";
import { outcomeReadable, outcomeReadableBy, personTokenMayCall, type TokenReach } from "./policy";
import type {
  ApiAggregate,
  ApiCyclePage,
  ApiLadderList,
  ApiOutcome,
  ApiOutcomePage,
  ApiPerson,
  ApiPersonPage,
  ApiTeamPage,
} from "./schemas";

/**
 * The API's reads: for an admin's token what the admin pages show of people, teams, ladders, cycles,
 * released outcomes and the insights tables; for a person's token what that person's own pages show
 * them, through the rules those pages use (canViewPerson, calibration's canOpenEntry, the insights
 * scope); never more. Lists are in id order, so a cursor is the last id read and a page is an index
 * seek. Who may call them is decided before (policy.ts); what a row may be is decided here by the
 * policies named.
 */

/** Whom a read is for: the token's person, and the reach of their token. */
export type Reader = { reach: TokenReach; viewer: Viewer };

const after = (page: PageRequest) => (page.after ? { id: { gt: page.after } } : {});

/** Rows read at a time while looking for a page of those a rule keeps. */
const BATCH = 200;

/**
 * A page of the rows a rule keeps, in id order: rows are read in batches from the cursor on and each
 * batch is passed to `keep`, until a page (and one more, to know a next page exists) is found. The
 * rule stays with its owner, and a page is full however many rows it leaves out between kept ones.
 */
async function keptPage<Row extends { id: string }, Kept extends { id: string }>(
  page: PageRequest,
  read: (afterId: string | null, take: number) => Promise<Row[]>,
  keep: (rows: Row[]) => Promise<Kept[]> | Kept[],
): Promise<{ rows: Kept[]; nextCursor: string | null }> {
  const found: Kept[] = [];
  let cursor = page.after;
  for (;;) {
    const rows = await read(cursor, BATCH);
    found.push(...(await keep(rows)));
    if (found.length > page.limit || rows.length < BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  return pageOf(found, page.limit);
}

const PERSON = { ...PERSON_LISTED, sublevel: true } as const;

type PersonRow = Prisma.UserGetPayload<{ select: typeof PERSON }>;

/**
 * A person as the reader's pages show them: the admins' people page has everything; a person's own
 * growth pages show a place in the organisation (team, manager, ladder, track, level), not an email
 * address or roles.
 */
function personOf(
  { deactivatedAt, ladderId, ...row }: PersonRow,
  reach: TokenReach,
): z.output<typeof ApiPerson> {
  const place = {
    id: row.id,
    name: row.name,
    active: deactivatedAt === null,
    team: row.team,
    manager: row.manager,
    ladder: ladderId,
    track: row.track,
    level: row.level,
    sublevel: row.sublevel,
  };
  return reach === "organisation"
    ? { ...place, email: row.email, isAdmin: row.isAdmin, isHiringAdmin: row.isHiringAdmin }
    : place;
}

/**
 * People: for an admin's token everyone, as the admins' people page lists them; for a person's,
 * those whose growth pages they may open (canViewPerson, with each row's manager chain read from its
 * kept line). The statement reads only the reader and everyone below them, the rows the rule can
 * keep; the rule decides.
 */
export async function listPeople(
  page: PageRequest,
  reader: Reader,
): Promise<z.output<typeof ApiPersonPage>> {
  if (reader.reach === "organisation") {
    const { rows, nextCursor } = await keptPage(
      page,
      (afterId, take) =>
        db.user.findMany({
          where: afterId ? { id: { gt: afterId } } : {},
          orderBy: { id: "asc" },
          take,
          select: PERSON,
        }),
      async (batch) => {
        const erased = await erasedAmong(batch.map((row) => row.id));
        return batch.filter((row) => readableAsPerson(erased.has(row.id)));
      },
    );
    return { data: rows.map((row) => personOf(row, "organisation")), nextCursor };
  }
  const { viewer } = reader;
  const own = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { linePath: true },
  });
  const candidates = viewer.isAdmin
    ? {}
    : { OR: [{ id: viewer.id }, belowInLine(own.linePath, viewer.id)] };
  const { rows, nextCursor } = await keptPage(
    page,
    (afterId, take) =>
      db.user.findMany({
        where: { ...candidates, ...(afterId ? { id: { gt: afterId } } : {}) },
        orderBy: { id: "asc" },
        take,
        select: { ...PERSON, linePath: true },
      }),
    async (batch) => {
      const erased = await erasedAmong(batch.map((row) => row.id));
      return batch.filter((row) =>
        canViewPerson(viewer, row.id, managerChainOfLine(row.linePath), erased.has(row.id)),
      );
    },
  );
  return { data: rows.map(({ linePath: _line, ...row }) => personOf(row, "person")), nextCursor };
}

/** One person: for a person's token a 404 unless they may open that person's growth page (requirePersonVisible, as the page asks). */
export async function getPerson(
  personId: string,
  reader: Reader,
): Promise<z.output<typeof ApiPerson>> {
  if (reader.reach === "person") {
    await requirePersonVisible(reader.viewer, personId).catch((error: unknown) => {
      throw error instanceof NotFoundError
        ? new NotFoundError({ key: "api:errors.noSuchPerson" })
        : error;
    });
  }
  const [row, erased] = await Promise.all([
    db.user.findUnique({ where: { id: personId }, select: PERSON }),
    isErased(personId),
  ]);
  if (!row || !readableAsPerson(erased))
    throw new NotFoundError({ key: "api:errors.noSuchPerson" });
  return personOf(row, reader.reach);
}

export async function listTeams(page: PageRequest): Promise<z.output<typeof ApiTeamPage>> {
  const rows = await db.team.findMany({
    where: after(page),
    orderBy: { id: "asc" },
    take: page.limit + 1,
    select: { id: true, name: true },
  });
  const { rows: shown, nextCursor } = pageOf(rows, page.limit);
  // Counted for the page's teams only.
  const counts = await db.user.groupBy({
    by: ["teamId"],
    where: { teamId: { in: shown.map((team) => team.id) }, deactivatedAt: null },
    _count: { _all: true },
  });
  const active = new Map(counts.map((group) => [group.teamId, group._count._all]));
  return {
    data: shown.map((team) => ({ ...team, activeMembers: active.get(team.id) ?? 0 })),
    nextCursor,
  };
}

/** The ladders served now: their tracks, levels and competencies, as the browse pages show them to everyone (interview material stays on hiring's pages). */
export async function listLadders(): Promise<z.output<typeof ApiLadderList>> {
  const served = await servedLadders();
  return {
    data: served.map(({ ladder, hash }) => ({
      id: ladder.meta.id,
      name: ladder.meta.name,
      version: ladder.meta.version,
      contentHash: hash,
      tracks: ladder.tracks.map((track) => ({
        id: track.id,
        name: track.name,
        levels: track.levels.map((level) => ({
          id: level.id,
          title: level.title,
          summary: level.summary,
        })),
      })),
      competencies: ladder.competencies.map((competency) => ({
        id: competency.id,
        name: competency.name,
        areaId: competency.areaId,
      })),
    })),
  };
}

export async function listCycles(page: PageRequest): Promise<z.output<typeof ApiCyclePage>> {
  const rows = await db.reviewCycle.findMany({
    where: after(page),
    orderBy: { id: "asc" },
    take: page.limit + 1,
    select: { id: true, name: true, startsOn: true, endsOn: true, closedAt: true },
  });
  const { rows: shown, nextCursor } = pageOf(rows, page.limit);
  return {
    data: shown.map((cycle) => ({
      id: cycle.id,
      name: cycle.name,
      startsOn: dateToDay(cycle.startsOn),
      endsOn: dateToDay(cycle.endsOn),
      closedAt: cycle.closedAt?.toISOString() ?? null,
    })),
    nextCursor,
  };
}

const OUTCOME = {
  id: true,
  personId: true,
  managerId: true,
  sessionId: true,
  released: true,
  finalOutcome: true,
  finalLevelId: true,
  finalRating: true,
  person: { select: { id: true, name: true } },
  session: {
    select: {
      state: true,
      ladderId: true,
      promotionsEffectiveOn: true,
      cycle: { select: { id: true, name: true } },
    },
  },
} as const;

type OutcomeRow = {
  id: string;
  personId: string;
  managerId: string | null;
  sessionId: string;
  released: boolean;
  finalOutcome: string | null;
  finalLevelId: string | null;
  finalRating: number | null;
  person: { id: string; name: string };
  session: {
    state: string;
    ladderId: string;
    promotionsEffectiveOn: Date | null;
    cycle: { id: string; name: string };
  };
};

function outcomeOf(row: OutcomeRow): z.output<typeof ApiOutcome> {
  const outcome = row.finalOutcome as z.output<typeof ApiOutcome>["outcome"];
  return {
    id: row.id,
    cycle: row.session.cycle,
    person: row.person,
    ladder: row.session.ladderId,
    outcome,
    level: row.finalLevelId,
    rating: row.finalRating,
    effectiveOn:
      outcome === "promote" && row.session.promotionsEffectiveOn
        ? dateToDay(row.session.promotionsEffectiveOn)
        : null,
  };
}

const readableFacts = (row: OutcomeRow) => ({
  personId: row.personId,
  sessionState: row.session.state,
  released: row.released,
  finalOutcome: row.finalOutcome,
});

/**
 * For a person's token, which of a batch's entries their pages show: each session's access is read
 * as the session page reads it (requireSessionAccess; a session they may not open is no access), and
 * each entry kept by outcomeReadableBy with calibration's canOpenEntry.
 */
async function keptForPerson(
  viewer: Viewer,
  rows: OutcomeRow[],
  sessions: Map<string, SessionAccess | null>,
): Promise<OutcomeRow[]> {
  for (const sessionId of new Set(rows.map((row) => row.sessionId))) {
    if (sessions.has(sessionId)) continue;
    const access = await requireSessionAccess(viewer, sessionId).then(
      (session) => session.access,
      (error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      },
    );
    sessions.set(sessionId, access);
  }
  return rows.filter((row) => {
    const access = sessions.get(row.sessionId) ?? null;
    return outcomeReadableBy(
      viewer.id,
      readableFacts(row),
      access !== null && canOpenEntry(viewer, access, row),
    );
  });
}

/**
 * Released outcomes, in entry order: for an admin's token every one released to its person
 * (outcomeReadable); for a person's, those of them their own pages show (outcomeReadableBy). The
 * statement reads only entries with an outcome, and for a person's token only their own and those of
 * the sessions their calibration page lists (listSessions); the rules decide.
 */
export async function listOutcomes(
  page: PageRequest,
  cycleId: string | null,
  reader: Reader,
): Promise<z.output<typeof ApiOutcomePage>> {
  // A reach that lists no cycles (a person's token, policy.ts) is told nothing of whether one is there: a cycle it
  // names that nobody has reads as one with nothing of theirs, an empty page.
  const listsCycles = reader.reach !== "person" || personTokenMayCall("listCycles");
  if (
    cycleId &&
    listsCycles &&
    !(await db.reviewCycle.findUnique({ where: { id: cycleId }, select: { id: true } }))
  )
    throw new NotFoundError({ key: "api:errors.noSuchCycle" });
  const { viewer } = reader;
  const theirs =
    reader.reach === "person" && !viewer.isAdmin
      ? {
          OR: [
            { personId: viewer.id },
            { sessionId: { in: (await listSessions(viewer)).map((session) => session.id) } },
          ],
        }
      : {};
  const sessions = new Map<string, SessionAccess | null>();
  const { rows, nextCursor } = await keptPage(
    page,
    (afterId, take) =>
      db.calibrationEntry.findMany({
        where: {
          finalOutcome: { not: null },
          ...theirs,
          ...(afterId ? { id: { gt: afterId } } : {}),
          ...(cycleId ? { session: { cycleId } } : {}),
        },
        orderBy: { id: "asc" },
        take,
        select: OUTCOME,
      }),
    async (batch) => {
      // An erased former colleague's outcome is in no one's read: their figures stay only inside aggregates.
      const erased = await erasedAmong(batch.map((row) => row.personId));
      const readable = batch.filter((row) => readableAsPerson(erased.has(row.personId)));
      return reader.reach === "organisation"
        ? readable.filter((row) => outcomeReadable(readableFacts(row)))
        : keptForPerson(viewer, readable, sessions);
    },
  );
  return { data: rows.map(outcomeOf), nextCursor };
}

/**
 * One table of the insights page, exactly as its CSV holds it for the reader: every figure has passed
 * the disclosure check there, over the reader's scope (an admin the organisation, a manager their own
 * organisation; anyone else the page's 404).
 */
export async function getAggregate(
  viewer: Viewer,
  table: string,
  cycleId: string | null,
): Promise<z.output<typeof ApiAggregate>> {
  const name = INSIGHT_TABLES.find((entry) => entry === table);
  if (!name) throw new NotFoundError({ key: "api:errors.noSuchTable" });
  const { columns, rows } = insightTable(await insightsView(viewer, { cycleId }), name);
  const t = i18nFor(SOURCE_LANGUAGE).getFixedT(SOURCE_LANGUAGE);
  return {
    table: name,
    columns,
    rows: wordedRows(t, rows).map((row) => row.map((value) => value ?? null)),
  };
}

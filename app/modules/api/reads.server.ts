import type { z } from "zod";
import { db } from "~/db/client.server";
import { NotFoundError } from "~/modules/errors";
import type { Viewer } from "~/modules/identity/policy";
import { insightsView } from "~/modules/insights/insights.server";
import { INSIGHT_TABLES, insightTable } from "~/modules/insights/tables";
import { servedLadders } from "~/modules/ladders/registry.server";
import { dateToDay } from "~/modules/days";
import { pageOf, type PageRequest } from "./pages";
import { outcomeReadable } from "./policy";
import type { ApiAggregate, ApiCyclePage, ApiLadderList, ApiOutcome, ApiOutcomePage, ApiPerson, ApiPersonPage, ApiTeamPage } from "./schemas";

/**
 * The API's reads: what the admin pages show of people, teams, ladders, cycles, released outcomes
 * and the insights tables, never more. Lists are in id order, so a cursor is the last id read and a
 * page is an index seek. Who may call them is decided before (policy.ts); what an outcome read may
 * return is decided here by outcomeReadable.
 */

const after = (page: PageRequest) => (page.after ? { id: { gt: page.after } } : {});

const PERSON = {
  id: true,
  name: true,
  email: true,
  deactivatedAt: true,
  ladderId: true,
  track: true,
  level: true,
  sublevel: true,
  isAdmin: true,
  isHiringAdmin: true,
  team: { select: { id: true, name: true } },
  manager: { select: { id: true, name: true } },
} as const;

type PersonRow = { id: string; name: string; email: string; deactivatedAt: Date | null; ladderId: string | null; track: string | null; level: string | null; sublevel: string | null; isAdmin: boolean; isHiringAdmin: boolean; team: { id: string; name: string } | null; manager: { id: string; name: string } | null };

function personOf({ deactivatedAt, ladderId, ...row }: PersonRow): z.output<typeof ApiPerson> {
  return { id: row.id, name: row.name, email: row.email, active: deactivatedAt === null, team: row.team, manager: row.manager, ladder: ladderId, track: row.track, level: row.level, sublevel: row.sublevel, isAdmin: row.isAdmin, isHiringAdmin: row.isHiringAdmin };
}

export async function listPeople(page: PageRequest): Promise<z.output<typeof ApiPersonPage>> {
  const rows = await db.user.findMany({ where: after(page), orderBy: { id: "asc" }, take: page.limit + 1, select: PERSON });
  const { rows: shown, nextCursor } = pageOf(rows, page.limit);
  return { data: shown.map(personOf), nextCursor };
}

export async function getPerson(personId: string): Promise<z.output<typeof ApiPerson>> {
  const row = await db.user.findUnique({ where: { id: personId }, select: PERSON });
  if (!row) throw new NotFoundError({ key: "api:errors.noSuchPerson" });
  return personOf(row);
}

export async function listTeams(page: PageRequest): Promise<z.output<typeof ApiTeamPage>> {
  const rows = await db.team.findMany({ where: after(page), orderBy: { id: "asc" }, take: page.limit + 1, select: { id: true, name: true } });
  const { rows: shown, nextCursor } = pageOf(rows, page.limit);
  // Counted for the page's teams only.
  const counts = await db.user.groupBy({ by: ["teamId"], where: { teamId: { in: shown.map((team) => team.id) }, deactivatedAt: null }, _count: { _all: true } });
  const active = new Map(counts.map((group) => [group.teamId, group._count._all]));
  return { data: shown.map((team) => ({ ...team, activeMembers: active.get(team.id) ?? 0 })), nextCursor };
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
      tracks: ladder.tracks.map((track) => ({ id: track.id, name: track.name, levels: track.levels.map((level) => ({ id: level.id, title: level.title, summary: level.summary })) })),
      competencies: ladder.competencies.map((competency) => ({ id: competency.id, name: competency.name, areaId: competency.areaId })),
    })),
  };
}

export async function listCycles(page: PageRequest): Promise<z.output<typeof ApiCyclePage>> {
  const rows = await db.reviewCycle.findMany({ where: after(page), orderBy: { id: "asc" }, take: page.limit + 1, select: { id: true, name: true, startsOn: true, endsOn: true, closedAt: true } });
  const { rows: shown, nextCursor } = pageOf(rows, page.limit);
  return { data: shown.map((cycle) => ({ id: cycle.id, name: cycle.name, startsOn: dateToDay(cycle.startsOn), endsOn: dateToDay(cycle.endsOn), closedAt: cycle.closedAt?.toISOString() ?? null })), nextCursor };
}

/** Entries read at a time while looking for a page of released outcomes. */
const OUTCOME_BATCH = 200;

/**
 * Released outcomes, in entry order. Entries with an outcome are read in batches and each is kept
 * only when outcomeReadable says so, until a page (and one more, to know a next page exists) is
 * found: the rule stays in the policy, and a page is full however many unreleased entries sit
 * between released ones.
 */
export async function listOutcomes(page: PageRequest, cycleId: string | null): Promise<z.output<typeof ApiOutcomePage>> {
  if (cycleId && !(await db.reviewCycle.findUnique({ where: { id: cycleId }, select: { id: true } }))) throw new NotFoundError({ key: "api:errors.noSuchCycle" });
  const found: z.output<typeof ApiOutcome>[] = [];
  let cursor = page.after;
  for (;;) {
    const rows = await db.calibrationEntry.findMany({
      where: { finalOutcome: { not: null }, ...(cursor ? { id: { gt: cursor } } : {}), ...(cycleId ? { session: { cycleId } } : {}) },
      orderBy: { id: "asc" },
      take: OUTCOME_BATCH,
      select: {
        id: true,
        released: true,
        finalOutcome: true,
        finalLevelId: true,
        finalRating: true,
        person: { select: { id: true, name: true } },
        session: { select: { state: true, ladderId: true, promotionsEffectiveOn: true, cycle: { select: { id: true, name: true } } } },
      },
    });
    for (const row of rows) {
      if (!outcomeReadable({ sessionState: row.session.state, released: row.released, finalOutcome: row.finalOutcome })) continue;
      const outcome = row.finalOutcome as z.output<typeof ApiOutcome>["outcome"];
      found.push({
        id: row.id,
        cycle: row.session.cycle,
        person: row.person,
        ladder: row.session.ladderId,
        outcome,
        level: row.finalLevelId,
        rating: row.finalRating,
        effectiveOn: outcome === "promote" && row.session.promotionsEffectiveOn ? dateToDay(row.session.promotionsEffectiveOn) : null,
      });
      if (found.length > page.limit) break;
    }
    if (found.length > page.limit || rows.length < OUTCOME_BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  const { rows: shown, nextCursor } = pageOf(found, page.limit);
  return { data: shown, nextCursor };
}

/** One table of the insights page, exactly as its CSV holds it: every figure has passed the disclosure check there. */
export async function getAggregate(viewer: Viewer, table: string, cycleId: string | null): Promise<z.output<typeof ApiAggregate>> {
  const name = INSIGHT_TABLES.find((entry) => entry === table);
  if (!name) throw new NotFoundError({ key: "api:errors.noSuchTable" });
  const { columns, rows } = insightTable(await insightsView(viewer, { cycleId }), name);
  return { table: name, columns, rows: rows.map((row) => row.map((value) => value ?? null)) };
}

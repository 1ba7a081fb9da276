import { chunksOf } from "~/db/chunks";
import { ORGANISATION_WRITE } from "~/db/transactions";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import { LISTED_AT_MOST } from "~/modules/audit/events";
import { db, type Prisma } from "~/db/client.server";
import { MOVES, recordLevelChanges } from "./level-history.server";
import { attributeMoves, recordGroupChanges } from "./group-history.server";
import { recordManagerChanges } from "./manager-history.server";
import { rebuildReportingLine } from "./reporting-line.server";
import { ATTRIBUTE_PREFIX, parseAttributes } from "./attributes";
import {
  planImport,
  type ExistingPerson,
  type ExistingTeam,
  type ImportError,
  type ImportPlan,
} from "./csv-import";
import type { TrackLevelCheck } from "./track-level";
import { getTrackLevelCheck } from "./track-levels.server";
import { dateToDay, dayToDate } from "~/modules/days";

export type ImportSummary = {
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  newTeams: number;
};
export type ImportResult =
  { ok: true; plan: ImportPlan; summary: ImportSummary } | { ok: false; errors: ImportError[] };

type Reader = Pick<Prisma.TransactionClient, "user" | "team" | "levelChange">;
type Tx = Prisma.TransactionClient;

/**
 * Checks a people CSV against Rungs and, unless `dryRun`, applies it: all of it in
 * one transaction, or nothing. Used by the admin import page and the demo seed
 * (actorId null). Reads are one query for people and one for teams; writes are
 * batched, so 5,000 rows take a few seconds at most.
 */
export async function importPeople(
  csvText: string,
  options: { actorId: string | null; dryRun: boolean; checkTrackLevel?: TrackLevelCheck },
): Promise<ImportResult> {
  const checkTrackLevel = options.checkTrackLevel ?? (await getTrackLevelCheck());
  if (options.dryRun) {
    const existing = await loadExisting(db);
    return withSummary(planImport(csvText, existing, checkTrackLevel));
  }
  // Planned again inside the transaction so the plan matches what it is applied to.
  return db.$transaction(async (tx) => {
    const existing = await loadExisting(tx);
    const result = withSummary(planImport(csvText, existing, checkTrackLevel));
    if (result.ok) await applyPlan(tx, result.plan, existing, result.summary, options.actorId);
    return result;
  }, ORGANISATION_WRITE);
}

function withSummary(result: ReturnType<typeof planImport>): ImportResult {
  if (!result.ok) return result;
  const { plan } = result;
  return {
    ok: true,
    plan,
    summary: {
      rows: plan.creates.length + plan.changes.length + plan.unchangedCount,
      created: plan.creates.length,
      changed: plan.changes.length,
      unchanged: plan.unchangedCount,
      newTeams: plan.newTeams.length,
    },
  };
}

async function loadExisting(
  client: Reader,
): Promise<{ people: ExistingPerson[]; teams: ExistingTeam[] }> {
  const [users, teams, moves] = await Promise.all([
    client.user.findMany({
      select: {
        id: true,
        name: true,
        email: true,
        managerId: true,
        teamId: true,
        ladderId: true,
        track: true,
        level: true,
        sublevel: true,
        deactivatedAt: true,
        attributes: true,
        levelSince: true,
      },
    }),
    client.team.findMany({ select: { id: true, name: true } }),
    client.levelChange.groupBy({ by: ["personId"], where: MOVES, _max: { changedAt: true } }),
  ]);
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const movedAt = new Map(moves.map((move) => [move.personId, move._max.changedAt]));
  const people = users.map(
    ({ teamId, deactivatedAt, ladderId, attributes, levelSince, ...user }) => ({
      ...user,
      levelSince: levelSince ? dateToDay(levelSince) : null,
      levelMovedAt: movedAt.get(user.id) ?? null,
      attributes: parseAttributes(attributes),
      ladder: ladderId,
      team: teamId ? (teamName.get(teamId) ?? null) : null,
      active: deactivatedAt === null,
    }),
  );
  return { people, teams };
}

async function applyPlan(
  tx: Tx,
  plan: ImportPlan,
  existing: { people: ExistingPerson[]; teams: ExistingTeam[] },
  summary: ImportSummary,
  actorId: string | null,
) {
  const teamIdByName = new Map(existing.teams.map((team) => [team.name.toLowerCase(), team.id]));
  const newTeams = plan.newTeams.map((name) => ({ id: randomUUID(), name }));
  for (const team of newTeams) teamIdByName.set(team.name.toLowerCase(), team.id);
  if (newTeams.length) await tx.team.createMany({ data: newTeams });
  const teamId = (name: string | null) => (name ? teamIdByName.get(name.toLowerCase())! : null);

  // Ids are made here so a new person can point at a new manager created in the same batch.
  const idByEmail = new Map(
    existing.people.map((person) => [person.email.toLowerCase(), person.id]),
  );
  const creates = plan.creates.map((row) => ({ id: randomUUID(), row }));
  for (const { id, row } of creates) idByEmail.set(row.email, id);
  const personId = (email: string | null) => (email ? idByEmail.get(email)! : null);

  // Creates are ordered manager-first, so every chunk's managers already exist.
  for (const chunk of chunksOf(creates)) {
    await tx.user.createMany({
      data: chunk.map(({ id, row }) => ({
        id,
        name: row.name,
        email: row.email,
        managerId: personId(row.managerEmail),
        teamId: teamId(row.team),
        ladderId: row.ladder,
        track: row.track,
        level: row.level,
        sublevel: row.sublevel,
        levelSince: row.levelSince ? dayToDate(row.levelSince) : null,
        attributes: JSON.stringify(withoutEmpty(row.attributes)),
      })),
    });
  }

  // Changes that set the same values (a team move, a new manager for a group) share one statement.
  const groups = new Map<string, { data: Prisma.UserUncheckedUpdateManyInput; ids: string[] }>();
  const attributesById = new Map(existing.people.map((person) => [person.id, person.attributes]));
  const attributesAfter = new Map<string, Record<string, string | null>>();
  for (const change of plan.changes) {
    const data: Prisma.UserUncheckedUpdateManyInput = {};
    // Attribute changes merge into the person's other attributes (a column left out leaves its attribute as it is).
    const attributeChanges = change.changes.filter((fieldChange) =>
      fieldChange.field.startsWith(ATTRIBUTE_PREFIX),
    );
    if (attributeChanges.length) {
      const merged: Record<string, string | null> = { ...attributesById.get(change.id) };
      for (const { field, to } of attributeChanges)
        merged[field.slice(ATTRIBUTE_PREFIX.length)] = to;
      data.attributes = JSON.stringify(withoutEmpty(merged));
      attributesAfter.set(change.id, merged);
    }
    for (const { field, to } of change.changes) {
      if (field === "name") data.name = to ?? undefined;
      if (field === "manager_email") data.managerId = personId(to);
      if (field === "team") data.teamId = teamId(to);
      if (field === "ladder") data.ladderId = to;
      if (field === "track") data.track = to;
      if (field === "level") data.level = to;
      if (field === "sublevel") data.sublevel = to;
      if (field === "level_since") data.levelSince = to ? dayToDate(to) : null;
    }
    const key = JSON.stringify(data);
    const group = groups.get(key) ?? { data, ids: [] };
    group.ids.push(change.id);
    groups.set(key, group);
  }
  for (const { data, ids } of groups.values()) {
    for (const chunk of chunksOf(ids))
      await tx.user.updateMany({ where: { id: { in: chunk } }, data });
  }

  const byId = new Map(existing.people.map((person) => [person.id, person]));
  await recordLevelChanges(
    tx,
    "imported",
    plan.changes.map((change) => {
      const person = byId.get(change.id);
      const from = { track: person?.track ?? null, level: person?.level ?? null };
      const to = { ...from };
      let toSince: Date | null | undefined;
      for (const { field, to: value } of change.changes) {
        if (field === "track") to.track = value;
        if (field === "level") to.level = value;
        if (field === "level_since") toSince = value ? dayToDate(value) : null;
      }
      return {
        personId: change.id,
        from,
        to,
        fromSince: person?.levelSince ? dayToDate(person.levelSince) : null,
        toSince,
      };
    }),
  );
  await recordManagerChanges(
    tx,
    plan.changes.flatMap((change) => {
      const moved = change.changes.find((fieldChange) => fieldChange.field === "manager_email");
      return moved
        ? [
            {
              personId: change.id,
              from: byId.get(change.id)?.managerId ?? null,
              to: personId(moved.to),
            },
          ]
        : [];
    }),
  );
  await recordGroupChanges(
    tx,
    plan.changes.flatMap((change) => {
      const person = byId.get(change.id);
      const team = change.changes.find((fieldChange) => fieldChange.field === "team");
      const before = person?.attributes ?? {};
      return [
        ...(team
          ? [
              {
                personId: change.id,
                kind: "team" as const,
                from: teamId(person?.team ?? null),
                to: teamId(team.to),
              },
            ]
          : []),
        ...attributeMoves(change.id, before, attributesAfter.get(change.id) ?? before),
      ];
    }),
  );
  await rebuildReportingLine(tx);
  await recordAuditEvent(tx, {
    actorId,
    action: "people.imported",
    subjectType: "people",
    subjectId: null,
    // The first new teams by name, all of them counted (summary.newTeams): an import may make thousands.
    detail: { ...summary, newTeamNames: plan.newTeams.slice(0, LISTED_AT_MOST) },
  });
  await emitWebhookEvents(
    tx,
    creates.map(({ id, row }) => ({
      kind: "person.joined" as const,
      person: { id, name: row.name, email: row.email, via: "created" as const },
    })),
  );
}

/** Attributes as stored: names in order, empty ones left out. */
function withoutEmpty(attributes: Readonly<Record<string, string | null>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

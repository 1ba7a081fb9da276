import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import type { GroupField, Query } from "./filter";
import { ScimProblem } from "./problem";
import type { ScimTokenIdentity } from "./tokens.server";
import { scimTransaction, type Tx } from "./writes.server";
import { forbiddenCharacter, forbiddenCharacterProblem } from "~/utils/name-text";

/**
 * SCIM Groups are Rungs teams. A person is in one team, so adding them to a group moves
 * them to that team (from any other), and removing them leaves them without one. Deleting
 * a group deletes the team; its people keep everything else. Team names are unique
 * without regard to case, as in the admin pages.
 */

const TEAM_SELECT = {
  id: true,
  name: true,
  scimExternalId: true,
  createdAt: true,
  updatedAt: true,
  members: { orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } },
} satisfies Prisma.TeamSelect;

export type TeamRow = { id: string; name: string; scimExternalId: string | null; createdAt: Date; updatedAt: Date; members: { id: string; name: string }[] };

export function groupResource(team: TeamRow) {
  return {
    id: team.id,
    ...(team.scimExternalId ? { externalId: team.scimExternalId } : {}),
    displayName: team.name,
    members: team.members.map((member) => ({ value: member.id, display: member.name, type: "User" })),
    meta: { resourceType: "Group", created: team.createdAt.toISOString(), lastModified: team.updatedAt.toISOString() },
  };
}

export type GroupInput = { displayName: string; externalId: string | null; memberIds: string[] | null };

type Json = Record<string, unknown>;

export function readGroupInput(resource: Json): GroupInput {
  const displayName = typeof resource.displayName === "string" ? resource.displayName.trim() : "";
  if (!displayName) throw new ScimProblem(400, "invalidValue", "A group needs a displayName.");
  if (displayName.length > 100) throw new ScimProblem(400, "invalidValue", "displayName is longer than 100 characters.");
  const forbidden = forbiddenCharacter(displayName);
  if (forbidden) throw new ScimProblem(400, "invalidValue", `displayName ${forbiddenCharacterProblem(forbidden)}.`);
  const members = Array.isArray(resource.members) ? resource.members : null;
  return {
    displayName,
    externalId: typeof resource.externalId === "string" && resource.externalId.trim() ? resource.externalId.trim() : null,
    memberIds: members ? [...new Set(members.map((member) => (member as Json | null)?.value).filter((value): value is string => typeof value === "string"))] : null,
  };
}

export async function getGroup(id: string): Promise<TeamRow | null> {
  return db.team.findUnique({ where: { id }, select: TEAM_SELECT });
}

function groupWhere(query: Query<GroupField> | null, names: { id: string; name: string }[]): Prisma.TeamWhereInput {
  if (!query) return {};
  return {
    OR: query.map((all) => ({
      AND: all.map((match): Prisma.TeamWhereInput => {
        const value = String(match.value);
        if (match.field === "id") return { id: value };
        if (match.field === "externalId") return { scimExternalId: value };
        // displayName matches whatever its case, as team names are unique that way.
        return { id: { in: names.filter((team) => team.name.toLowerCase() === value.toLowerCase()).map((team) => team.id) } };
      }),
    })),
  };
}

export async function findGroups(query: Query<GroupField> | null, startIndex: number, count: number): Promise<{ total: number; teams: TeamRow[] }> {
  const names = query?.some((all) => all.some((match) => match.field === "displayName")) ? await db.team.findMany({ select: { id: true, name: true } }) : [];
  const where = groupWhere(query, names);
  const [total, teams] = await Promise.all([
    db.team.count({ where }),
    count === 0 ? [] : db.team.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: startIndex - 1, take: count, select: TEAM_SELECT }),
  ]);
  return { total, teams };
}

type Actor = ScimTokenIdentity;

function audit(tx: Tx, actor: Actor, action: "team.created" | "team.renamed" | "team.deleted" | "person.updated", subjectType: "team" | "person", subjectId: string, detail: Prisma.InputJsonValue) {
  return recordAuditEvent(tx, { actorId: null, scimTokenId: actor.id, action, subjectType, subjectId, detail: { ...(detail as object), via: `SCIM token ${actor.name}` } });
}

async function assertNameFree(tx: Tx, name: string, exceptId: string | null) {
  const teams = await tx.team.findMany({ select: { id: true, name: true } });
  if (teams.some((team) => team.id !== exceptId && team.name.toLowerCase() === name.toLowerCase())) {
    throw new ScimProblem(409, "uniqueness", `There is already a team called ${name}.`);
  }
}

/** Moves exactly `memberIds` into the team (people named must exist); others in it leave it. */
async function setMembers(tx: Tx, actor: Actor, team: { id: string; name: string }, memberIds: string[]) {
  const people = await tx.user.findMany({ where: { id: { in: memberIds } }, select: { id: true, teamId: true, team: { select: { name: true } } } });
  const missing = memberIds.filter((id) => !people.some((person) => person.id === id));
  if (missing.length) throw new ScimProblem(400, "invalidValue", `There is no user ${missing.slice(0, 5).join(", ")} in Rungs.`);
  const leaving = await tx.user.findMany({ where: { teamId: team.id, id: { notIn: memberIds } }, select: { id: true } });
  for (const person of leaving) {
    await tx.user.update({ where: { id: person.id }, data: { teamId: null } });
    await audit(tx, actor, "person.updated", "person", person.id, { team: { from: team.name, to: null } });
  }
  for (const person of people.filter((person) => person.teamId !== team.id)) {
    await tx.user.update({ where: { id: person.id }, data: { teamId: team.id } });
    await audit(tx, actor, "person.updated", "person", person.id, { team: { from: person.team?.name ?? null, to: team.name } });
  }
}

export async function createGroup(actor: Actor, input: GroupInput): Promise<TeamRow> {
  const id = await scimTransaction(async (tx) => {
    await assertNameFree(tx, input.displayName, null);
    if (input.externalId && (await tx.team.findUnique({ where: { scimExternalId: input.externalId }, select: { id: true } }))) {
      throw new ScimProblem(409, "uniqueness", `Another team already has the externalId ${input.externalId}.`);
    }
    const team = await tx.team.create({ data: { name: input.displayName, scimExternalId: input.externalId }, select: { id: true, name: true } });
    await audit(tx, actor, "team.created", "team", team.id, { name: team.name });
    if (input.memberIds?.length) await setMembers(tx, actor, team, input.memberIds);
    return team.id;
  });
  return (await getGroup(id))!;
}

export async function replaceGroup(actor: Actor, id: string, input: GroupInput): Promise<TeamRow> {
  await scimTransaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id }, select: { id: true, name: true, scimExternalId: true } });
    if (!team) throw new ScimProblem(404, null, `There is no group ${id}.`);
    if (team.name !== input.displayName) {
      await assertNameFree(tx, input.displayName, id);
      await tx.team.update({ where: { id }, data: { name: input.displayName } });
      await audit(tx, actor, "team.renamed", "team", id, { from: team.name, to: input.displayName });
    }
    if (input.externalId && input.externalId !== team.scimExternalId) await tx.team.update({ where: { id }, data: { scimExternalId: input.externalId } });
    await setMembers(tx, actor, { id, name: input.displayName }, input.memberIds ?? []);
  });
  return (await getGroup(id))!;
}

export async function deleteGroup(actor: Actor, id: string): Promise<void> {
  await scimTransaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!team) throw new ScimProblem(404, null, `There is no group ${id}.`);
    await setMembers(tx, actor, team, []);
    await tx.team.delete({ where: { id } });
    await audit(tx, actor, "team.deleted", "team", id, { name: team.name });
  });
}

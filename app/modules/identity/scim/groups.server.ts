import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent, type AuditEventInput } from "~/modules/audit/audit.server";
import { recordGroupChanges } from "~/modules/people/group-history.server";
import type { GroupField, Query } from "./filter";
import { groupsAsTeamsFrom, teamNameFor, type GroupsAsTeams } from "./group-teams";
import { ScimProblem } from "./problem";
import type { ScimTokenIdentity } from "./tokens.server";
import { scimTransaction, type Tx } from "./writes.server";
import { forbiddenCharacter, forbiddenCharacterProblem } from "~/utils/name-text";

/**
 * SCIM Groups: every group an identity provider pushes is kept with its name and members as
 * sent, and reads back that way (RFC 7643, 7644), whether or not it is a team. Which groups
 * are teams is the admins' choice (group-teams.ts, ScimSettings): such a group is the team of
 * its name (the one Rungs has, when no other group is it, or a new one), and a person added to
 * it moves into that team from any other, since a person is in one team; removed, they leave
 * it. Every move is audited with the team before and after. Group names are unique without
 * regard to case, as Okta expects. Decision 059 says why.
 */

const GROUP_SELECT = {
  id: true,
  displayName: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  members: {
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { user: { select: { id: true, name: true } } },
  },
} satisfies Prisma.ScimGroupSelect;

export type GroupRow = Prisma.ScimGroupGetPayload<{ select: typeof GROUP_SELECT }>;

export function groupResource(group: GroupRow) {
  return {
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    members: group.members.map(({ user }) => ({
      value: user.id,
      display: user.name,
      type: "User",
    })),
    meta: {
      resourceType: "Group",
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
    },
  };
}

export type GroupInput = {
  displayName: string;
  externalId: string | null;
  memberIds: string[] | null;
};

type Json = Record<string, unknown>;

export function readGroupInput(resource: Json): GroupInput {
  const displayName = typeof resource.displayName === "string" ? resource.displayName.trim() : "";
  if (!displayName) throw new ScimProblem(400, "invalidValue", "A group needs a displayName.");
  if (displayName.length > 100)
    throw new ScimProblem(400, "invalidValue", "displayName is longer than 100 characters.");
  const forbidden = forbiddenCharacter(displayName);
  if (forbidden)
    throw new ScimProblem(
      400,
      "invalidValue",
      `displayName ${forbiddenCharacterProblem(forbidden)}.`,
    );
  const members = Array.isArray(resource.members) ? resource.members : null;
  return {
    displayName,
    externalId:
      typeof resource.externalId === "string" && resource.externalId.trim()
        ? resource.externalId.trim()
        : null,
    memberIds: members
      ? [
          ...new Set(
            members
              .map((member) => (member as Json | null)?.value)
              .filter((value): value is string => typeof value === "string"),
          ),
        ]
      : null,
  };
}

export async function getGroup(id: string): Promise<GroupRow | null> {
  return db.scimGroup.findUnique({ where: { id }, select: GROUP_SELECT });
}

function groupWhere(
  query: Query<GroupField> | null,
  names: { id: string; displayName: string }[],
): Prisma.ScimGroupWhereInput {
  if (!query) return {};
  return {
    OR: query.map((all) => ({
      AND: all.map((match): Prisma.ScimGroupWhereInput => {
        const value = String(match.value);
        if (match.field === "id") return { id: value };
        if (match.field === "externalId") return { externalId: value };
        // displayName matches whatever its case, as group names are unique that way.
        return {
          id: {
            in: names
              .filter((group) => group.displayName.toLowerCase() === value.toLowerCase())
              .map((group) => group.id),
          },
        };
      }),
    })),
  };
}

export async function findGroups(
  query: Query<GroupField> | null,
  startIndex: number,
  count: number,
): Promise<{ total: number; groups: GroupRow[] }> {
  const names = query?.some((all) => all.some((match) => match.field === "displayName"))
    ? await db.scimGroup.findMany({ select: { id: true, displayName: true } })
    : [];
  const where = groupWhere(query, names);
  const [total, groups] = await Promise.all([
    db.scimGroup.count({ where }),
    count === 0
      ? []
      : db.scimGroup.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: startIndex - 1,
          take: count,
          select: GROUP_SELECT,
        }),
  ]);
  return { total, groups };
}

/** Who changes groups: an identity provider through its token, or an admin choosing which groups are teams. */
type Actor = { token: ScimTokenIdentity } | { adminId: string };

function audit(
  tx: Tx,
  actor: Actor,
  event: Omit<AuditEventInput, "actorId" | "scimTokenId" | "detail"> & { detail: Json },
) {
  if ("adminId" in actor)
    return recordAuditEvent(tx, {
      ...event,
      actorId: actor.adminId,
      detail: event.detail as Prisma.InputJsonValue,
    });
  return recordAuditEvent(tx, {
    ...event,
    actorId: null,
    scimTokenId: actor.token.id,
    detail: { ...event.detail, via: `SCIM token ${actor.token.name}` } as Prisma.InputJsonValue,
  });
}

type TeamRef = { id: string; name: string };
type GroupRef = { id: string; displayName: string; team: TeamRef | null };

async function rule(tx: Tx): Promise<GroupsAsTeams> {
  return groupsAsTeamsFrom(
    await tx.scimSettings.findUnique({
      where: { id: "scim" },
      select: { groupsAsTeams: true, teamPrefix: true },
    }),
  );
}

/** The team of this name, whatever its case (team names are unique that way), other than `exceptId`. */
async function teamNamed(tx: Tx, name: string, exceptId: string | null): Promise<TeamRef | null> {
  const teams = await tx.team.findMany({ select: { id: true, name: true } });
  return (
    teams.find((team) => team.id !== exceptId && team.name.toLowerCase() === name.toLowerCase()) ??
    null
  );
}

async function assertGroupNameFree(tx: Tx, name: string, exceptId: string | null) {
  const groups = await tx.scimGroup.findMany({ select: { id: true, displayName: true } });
  if (
    groups.some(
      (group) => group.id !== exceptId && group.displayName.toLowerCase() === name.toLowerCase(),
    )
  ) {
    throw new ScimProblem(409, "uniqueness", `There is already a group called ${name}.`);
  }
}

async function assertExternalIdFree(tx: Tx, externalId: string | null, exceptId: string | null) {
  if (!externalId) return;
  const holder = await tx.scimGroup.findUnique({ where: { externalId }, select: { id: true } });
  if (holder && holder.id !== exceptId)
    throw new ScimProblem(
      409,
      "uniqueness",
      `Another group already has the externalId ${externalId}.`,
    );
}

/** The people named, who must all exist. */
async function existingPeople(tx: Tx, ids: string[]): Promise<string[]> {
  const found = new Set(
    (await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true } })).map(
      (person) => person.id,
    ),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new ScimProblem(
      400,
      "invalidValue",
      `There is no user ${missing.slice(0, 5).join(", ")} in Rungs.`,
    );
  return ids;
}

/**
 * Brings the group's team in line with the rule and its name, and returns its team (null when
 * it is none). A group that stops being a team leaves the team and its people as they are. A
 * team follows its group's renames unless another team has the name. A group that becomes a
 * team is the team of its name when no other group is that team (an organisation that made
 * its teams before connecting a provider keeps them), else a new team.
 */
async function settleTeam(
  tx: Tx,
  actor: Actor,
  current: GroupsAsTeams,
  group: GroupRef,
): Promise<TeamRef | null> {
  const name = teamNameFor(current, group.displayName);
  const setTeam = async (team: TeamRef | null) => {
    await tx.scimGroup.update({ where: { id: group.id }, data: { teamId: team?.id ?? null } });
    await audit(tx, actor, {
      action: "scim.group_team_set",
      subjectType: "scim-group",
      subjectId: group.id,
      detail: {
        group: group.displayName,
        team: { from: group.team?.name ?? null, to: team?.name ?? null },
      },
    });
    return team;
  };
  if (!name) return group.team ? setTeam(null) : null;
  if (group.team) {
    if (group.team.name === name || (await teamNamed(tx, name, group.team.id))) return group.team;
    await tx.team.update({ where: { id: group.team.id }, data: { name } });
    await audit(tx, actor, {
      action: "team.renamed",
      subjectType: "team",
      subjectId: group.team.id,
      detail: { from: group.team.name, to: name, group: group.displayName },
    });
    return { id: group.team.id, name };
  }
  const existing = await teamNamed(tx, name, null);
  if (
    existing &&
    (await tx.scimGroup.findUnique({ where: { teamId: existing.id }, select: { id: true } }))
  )
    return null;
  let team = existing;
  if (!team) {
    team = await tx.team.create({ data: { name }, select: { id: true, name: true } });
    await audit(tx, actor, {
      action: "team.created",
      subjectType: "team",
      subjectId: team.id,
      detail: { name, group: group.displayName },
    });
  }
  return setTeam(team);
}

/** Moves these people into the group's team from any other; each move is audited with the teams before and after. */
async function moveIntoTeam(
  tx: Tx,
  actor: Actor,
  group: { displayName: string },
  team: TeamRef,
  personIds: string[],
) {
  if (!personIds.length) return;
  const moving = await tx.user.findMany({
    where: { id: { in: personIds }, OR: [{ teamId: null }, { teamId: { not: team.id } }] },
    orderBy: { id: "asc" },
    select: { id: true, teamId: true, team: { select: { name: true } } },
  });
  await recordGroupChanges(
    tx,
    moving.map((person) => ({
      personId: person.id,
      kind: "team",
      from: person.teamId,
      to: team.id,
    })),
  );
  for (const person of moving) {
    await tx.user.update({ where: { id: person.id }, data: { teamId: team.id } });
    await audit(tx, actor, {
      action: "person.updated",
      subjectType: "person",
      subjectId: person.id,
      detail: {
        team: { from: person.team?.name ?? null, to: team.name },
        group: group.displayName,
      },
    });
  }
}

/** Takes these people out of the group's team, where it is still theirs (another group or an admin may have moved them since). */
async function takeOutOfTeam(
  tx: Tx,
  actor: Actor,
  group: { displayName: string },
  team: TeamRef,
  personIds: string[],
) {
  if (!personIds.length) return;
  const leaving = await tx.user.findMany({
    where: { id: { in: personIds }, teamId: team.id },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  await recordGroupChanges(
    tx,
    leaving.map((person) => ({ personId: person.id, kind: "team", from: team.id, to: null })),
  );
  for (const person of leaving) {
    await tx.user.update({ where: { id: person.id }, data: { teamId: null } });
    await audit(tx, actor, {
      action: "person.updated",
      subjectType: "person",
      subjectId: person.id,
      detail: { team: { from: team.name, to: null }, group: group.displayName },
    });
  }
}

async function recordMembers(
  tx: Tx,
  actor: Actor,
  group: { id: string; displayName: string },
  added: string[],
  removed: string[],
) {
  if (added.length)
    await tx.scimGroupMember.createMany({
      data: added.map((userId) => ({ groupId: group.id, userId })),
    });
  if (removed.length)
    await tx.scimGroupMember.deleteMany({ where: { groupId: group.id, userId: { in: removed } } });
  if (added.length || removed.length) {
    await audit(tx, actor, {
      action: "scim.group_members_changed",
      subjectType: "scim-group",
      subjectId: group.id,
      detail: { group: group.displayName, added: added.length, removed: removed.length },
    });
  }
}

export async function createGroup(token: ScimTokenIdentity, input: GroupInput): Promise<GroupRow> {
  const actor: Actor = { token };
  const id = await scimTransaction(async (tx) => {
    await assertGroupNameFree(tx, input.displayName, null);
    await assertExternalIdFree(tx, input.externalId, null);
    const members = await existingPeople(tx, input.memberIds ?? []);
    const group = await tx.scimGroup.create({
      data: { displayName: input.displayName, externalId: input.externalId },
      select: { id: true, displayName: true },
    });
    await audit(tx, actor, {
      action: "scim.group_created",
      subjectType: "scim-group",
      subjectId: group.id,
      detail: { name: group.displayName },
    });
    const team = await settleTeam(tx, actor, await rule(tx), { ...group, team: null });
    await recordMembers(tx, actor, group, members, []);
    if (team) await moveIntoTeam(tx, actor, group, team, members);
    return group.id;
  });
  return (await getGroup(id))!;
}

/** PUT, and PATCH once applied to the group as SCIM reads it: its name, externalId and members as sent, and its team to match. */
export async function replaceGroup(
  token: ScimTokenIdentity,
  id: string,
  input: GroupInput,
): Promise<GroupRow> {
  const actor: Actor = { token };
  await scimTransaction(async (tx) => {
    const group = await tx.scimGroup.findUnique({
      where: { id },
      select: {
        id: true,
        displayName: true,
        externalId: true,
        team: { select: { id: true, name: true } },
        members: { select: { userId: true } },
      },
    });
    if (!group) throw new ScimProblem(404, null, `There is no group ${id}.`);
    if (group.displayName !== input.displayName) {
      await assertGroupNameFree(tx, input.displayName, id);
      await tx.scimGroup.update({ where: { id }, data: { displayName: input.displayName } });
      await audit(tx, actor, {
        action: "scim.group_renamed",
        subjectType: "scim-group",
        subjectId: id,
        detail: { from: group.displayName, to: input.displayName },
      });
    }
    if (input.externalId && input.externalId !== group.externalId) {
      await assertExternalIdFree(tx, input.externalId, id);
      await tx.scimGroup.update({ where: { id }, data: { externalId: input.externalId } });
    }
    const wanted = await existingPeople(tx, input.memberIds ?? []);
    const before = new Set(group.members.map((member) => member.userId));
    const added = wanted.filter((person) => !before.has(person));
    const removed = [...before].filter((person) => !wanted.includes(person));
    const named = { id, displayName: input.displayName };
    await recordMembers(tx, actor, named, added, removed);
    const team = await settleTeam(tx, actor, await rule(tx), { ...named, team: group.team });
    if (!team) return;
    // A group that has just become a team brings all its members; one that was, those added.
    await moveIntoTeam(tx, actor, named, team, team.id === group.team?.id ? added : wanted);
    await takeOutOfTeam(tx, actor, named, team, removed);
  });
  return (await getGroup(id))!;
}

/** The group goes; when it is a team, its members leave the team, and the team goes once nobody is left in it. */
export async function deleteGroup(token: ScimTokenIdentity, id: string): Promise<void> {
  const actor: Actor = { token };
  await scimTransaction(async (tx) => {
    const group = await tx.scimGroup.findUnique({
      where: { id },
      select: {
        id: true,
        displayName: true,
        team: { select: { id: true, name: true } },
        members: { select: { userId: true } },
      },
    });
    if (!group) throw new ScimProblem(404, null, `There is no group ${id}.`);
    await tx.scimGroup.delete({ where: { id } });
    await audit(tx, actor, {
      action: "scim.group_deleted",
      subjectType: "scim-group",
      subjectId: id,
      detail: { name: group.displayName },
    });
    if (!group.team) return;
    await takeOutOfTeam(
      tx,
      actor,
      group,
      group.team,
      group.members.map((member) => member.userId),
    );
    if ((await tx.user.count({ where: { teamId: group.team.id } })) > 0) return;
    await tx.team.delete({ where: { id: group.team.id } });
    await audit(tx, actor, {
      action: "team.deleted",
      subjectType: "team",
      subjectId: group.team.id,
      detail: { name: group.team.name, group: group.displayName },
    });
  });
}

/** The admins' choice of which groups are teams. */
export async function getGroupsAsTeams(): Promise<GroupsAsTeams> {
  return groupsAsTeamsFrom(
    await db.scimSettings.findUnique({
      where: { id: "scim" },
      select: { groupsAsTeams: true, teamPrefix: true },
    }),
  );
}

/**
 * An admin's new choice, applied at once to the groups already pushed, in one transaction:
 * groups that are no longer teams leave their teams and people as they are; groups that
 * become teams bring their members in, each move audited in the admin's name.
 */
export async function setGroupsAsTeams(adminId: string, chosen: GroupsAsTeams): Promise<void> {
  const actor: Actor = { adminId };
  const stored = {
    groupsAsTeams: chosen.kind,
    teamPrefix: chosen.kind === "prefix" ? chosen.prefix : null,
  };
  await scimTransaction(async (tx) => {
    await tx.scimSettings.upsert({
      where: { id: "scim" },
      create: { id: "scim", ...stored },
      update: stored,
    });
    await audit(tx, actor, {
      action: "scim.groups_as_teams_set",
      subjectType: "scim",
      subjectId: null,
      detail:
        chosen.kind === "prefix"
          ? { groupsAsTeams: chosen.kind, teamPrefix: chosen.prefix }
          : { groupsAsTeams: chosen.kind },
    });
    const groups = await tx.scimGroup.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        displayName: true,
        team: { select: { id: true, name: true } },
        members: { select: { userId: true } },
      },
    });
    for (const group of groups) {
      const team = await settleTeam(tx, actor, chosen, group);
      if (team && team.id !== group.team?.id)
        await moveIntoTeam(
          tx,
          actor,
          group,
          team,
          group.members.map((member) => member.userId),
        );
    }
  });
}

export type PushedGroup = { id: string; displayName: string; members: number; team: string | null };

/** The pushed groups for the SCIM page: each with how many members it has and the team it is. */
export async function listPushedGroups(): Promise<PushedGroup[]> {
  const groups = await db.scimGroup.findMany({
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: {
      id: true,
      displayName: true,
      team: { select: { name: true } },
      _count: { select: { members: true } },
    },
  });
  return groups.map((group) => ({
    id: group.id,
    displayName: group.displayName,
    members: group._count.members,
    team: group.team?.name ?? null,
  }));
}

import { db, type Prisma } from "~/db/client.server";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import { MOVES, recordLevelChanges } from "~/modules/people/level-history.server";
import { recordGroupChanges } from "~/modules/people/group-history.server";
import { recordManagerChanges } from "~/modules/people/manager-history.server";
import { levelSinceAfter } from "~/modules/people/level-since";
import { dateToDay } from "~/modules/days";
import { managerChain, rebuildReportingLineUnder } from "~/modules/people/reporting-line.server";
import {
  deactivatePerson,
  reactivatePerson,
  type ActiveChanger,
} from "~/modules/people/service.server";
import type { TrackLevelCheck } from "~/modules/people/track-level";
import type { Query, UserField } from "./filter";
import { ScimProblem } from "./problem";
import type { ScimTokenIdentity } from "./tokens.server";
import type { PersonForScim, UserInput } from "./user-mapping";
import { scimTransaction, type Tx } from "./writes.server";

/**
 * People as SCIM Users: looked up, created, replaced (PUT, and PATCH once applied) and
 * deactivated (DELETE, or `active: false`). Rungs never deletes a person. Every change is
 * one transaction with its audit events, attributed to the token that made it.
 *
 * A manager is named by their Rungs id or their externalId. One Rungs does not have yet is
 * kept on the report (`scimManagerRef`) and becomes their manager in the transaction that
 * creates (or names) that person, so a burst that sends reports before their managers ends
 * with every reporting line in place.
 */

const PERSON_SELECT = {
  id: true,
  name: true,
  email: true,
  scimUserName: true,
  scimExternalId: true,
  scimManagerRef: true,
  deactivatedAt: true,
  createdAt: true,
  updatedAt: true,
  ladderId: true,
  track: true,
  level: true,
  levelSince: true,
  language: true,
  teamId: true,
  managerId: true,
  team: { select: { name: true } },
  manager: { select: { id: true, name: true, email: true } },
} satisfies Prisma.UserSelect;

type PersonRow = PersonForScim & {
  teamId: string | null;
  managerId: string | null;
  manager: { id: string; name: string; email: string } | null;
};

export async function getUser(id: string): Promise<PersonRow | null> {
  return db.user.findUnique({ where: { id }, select: PERSON_SELECT });
}

function userWhere(query: Query<UserField> | null): Prisma.UserWhereInput {
  if (!query) return {};
  return {
    OR: query.map((all) => ({
      AND: all.map((match): Prisma.UserWhereInput => {
        const value = match.value;
        switch (match.field) {
          case "id":
            return { id: String(value) };
          case "externalId":
            return { scimExternalId: String(value) };
          case "email":
            return { email: String(value).toLowerCase() };
          case "active":
            return value ? { deactivatedAt: null } : { deactivatedAt: { not: null } };
          case "userName": {
            // A person made in Rungs answers to their email until a provider names them.
            const userName = String(value).toLowerCase();
            return { OR: [{ scimUserName: userName }, { scimUserName: null, email: userName }] };
          }
        }
      }),
    })),
  };
}

/** One page in a stable order (by creation, then id), and how many match. */
export async function findUsers(
  query: Query<UserField> | null,
  startIndex: number,
  count: number,
): Promise<{ total: number; people: PersonRow[] }> {
  const where = userWhere(query);
  const [total, people] = await Promise.all([
    db.user.count({ where }),
    count === 0
      ? []
      : db.user.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: startIndex - 1,
          take: count,
          select: PERSON_SELECT,
        }),
  ]);
  return { total, people };
}

type Actor = ScimTokenIdentity;
const changer = (actor: Actor): ActiveChanger => ({
  scimToken: { id: actor.id, name: actor.name },
});

const dayOf = (date: Date | null) => (date ? dateToDay(date) : null);

function audit(
  tx: Tx,
  actor: Actor,
  action: "person.created" | "person.updated" | "team.created",
  subjectType: "person" | "team",
  subjectId: string,
  detail?: Prisma.InputJsonValue,
) {
  return recordAuditEvent(tx, {
    actorId: null,
    scimTokenId: actor.id,
    action,
    subjectType,
    subjectId,
    detail: { ...(detail as object | undefined), via: `SCIM token ${actor.name}` },
  });
}

/** The person a manager reference names: their Rungs id, else their externalId. */
async function personNamed(tx: Tx, ref: string): Promise<{ id: string; email: string } | null> {
  const found = await tx.user.findMany({
    where: { OR: [{ id: ref }, { scimExternalId: ref }] },
    select: { id: true, email: true },
  });
  return found.find((person) => person.id === ref) ?? found[0] ?? null;
}

/** The team a department names (its name, whatever its case), made when there is none. */
async function teamFor(
  tx: Tx,
  actor: Actor,
  department: string,
): Promise<{ id: string; name: string }> {
  const name = department.slice(0, 100);
  const teams = await tx.team.findMany({ select: { id: true, name: true } });
  const found =
    teams.find((team) => team.name === name) ??
    teams.find((team) => team.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const team = await tx.team.create({ data: { name }, select: { id: true, name: true } });
  await audit(tx, actor, "team.created", "team", team.id, { name });
  return team;
}

async function assertUnique(
  tx: Tx,
  values: { userName: string; email: string; externalId: string | null },
  exceptId: string | null,
) {
  const clash = await tx.user.findFirst({
    where: {
      id: exceptId ? { not: exceptId } : undefined,
      OR: [
        { scimUserName: values.userName },
        { email: values.email },
        ...(values.externalId ? [{ scimExternalId: values.externalId }] : []),
      ],
    },
    select: { scimUserName: true, email: true, scimExternalId: true },
  });
  if (!clash) return;
  const what =
    clash.scimUserName === values.userName
      ? `userName ${values.userName}`
      : clash.email === values.email
        ? `email ${values.email}`
        : `externalId ${values.externalId}`;
  throw new ScimProblem(409, "uniqueness", `Another person in Rungs already has the ${what}.`);
}

/** The place the Rungs extension asks for, from the person's current one; refused with the checker's words. */
function placeFor(
  input: UserInput,
  current: { ladderId: string | null; track: string | null; level: string | null },
  check: TrackLevelCheck,
) {
  if (!input.rungs) return current;
  const track = input.rungs.track ?? current.track;
  const level = input.rungs.level ?? current.level;
  const place = check(
    track,
    level,
    input.rungs.ladder ?? (input.rungs.track || input.rungs.level ? null : current.ladderId),
  );
  if (!place.ok)
    throw new ScimProblem(
      400,
      "invalidValue",
      // SCIM's clients read English (RFC 7644's detail is for their logs).
      `${RUNGS_FIELD[place.field]}: ${wordsOf(translatorOf(undefined), place.message)}`,
    );
  return { ladderId: place.ladderId, track, level };
}
const RUNGS_FIELD = { ladder: "ladder", track: "track", level: "level" } as const;

/**
 * The manager a reference names for this person: resolved, kept pending, or refused as a
 * reporting cycle (the person themselves, or someone who reports to them).
 */
async function managerFor(
  tx: Tx,
  personId: string | null,
  ref: string | null,
): Promise<{ managerId: string | null; pending: string | null; email: string | null }> {
  if (!ref) return { managerId: null, pending: null, email: null };
  const manager = await personNamed(tx, ref);
  if (!manager) return { managerId: null, pending: ref, email: null };
  if (
    personId &&
    (manager.id === personId || (await managerChain(manager.id, tx)).includes(personId))
  ) {
    throw new ScimProblem(
      400,
      "invalidValue",
      `That manager (${manager.email}) reports to this person, directly or through others: it would make a reporting cycle.`,
    );
  }
  return { managerId: manager.id, pending: null, email: manager.email };
}

/**
 * Reports waiting for this person (by id or externalId) get them as manager, except any
 * that would close a cycle (they stay waiting); each report's line (and their people's)
 * follows. Returns how many moved.
 */
async function resolveWaitingReports(
  tx: Tx,
  actor: Actor,
  person: { id: string; email: string; scimExternalId: string | null },
): Promise<number> {
  const refs = [person.id, ...(person.scimExternalId ? [person.scimExternalId] : [])];
  const waiting = await tx.user.findMany({
    where: { scimManagerRef: { in: refs } },
    select: { id: true, managerId: true },
  });
  if (!waiting.length) return 0;
  const above = new Set(await managerChain(person.id, tx));
  let moved = 0;
  for (const report of waiting) {
    if (report.id === person.id || above.has(report.id)) continue;
    await tx.user.update({
      where: { id: report.id },
      data: { managerId: person.id, scimManagerRef: null },
    });
    await recordManagerChanges(tx, [
      { personId: report.id, from: report.managerId, to: person.id },
    ]);
    await audit(tx, actor, "person.updated", "person", report.id, {
      manager: { from: null, to: person.email },
    });
    await rebuildReportingLineUnder(tx, report.id);
    moved++;
  }
  return moved;
}

export async function createUser(
  actor: Actor,
  input: UserInput,
  check: TrackLevelCheck,
): Promise<PersonRow> {
  const email = input.email;
  if (!email)
    throw new ScimProblem(
      400,
      "invalidValue",
      "Rungs needs an email address: send emails (or a userName that is one).",
    );
  const place = placeFor(input, { ladderId: null, track: null, level: null }, check);
  const levelSince = levelSinceAfter({
    levelChanged: false,
    given: input.levelSince,
    current: null,
    movedAt: null,
  });
  const id = await scimTransaction(async (tx) => {
    await assertUnique(tx, { userName: input.userName, email, externalId: input.externalId }, null);
    const team = input.enterprise?.department
      ? await teamFor(tx, actor, input.enterprise.department)
      : null;
    const manager = await managerFor(tx, null, input.enterprise?.managerRef ?? null);
    const created = await tx.user.create({
      data: {
        name: input.name ?? input.userName,
        email,
        scimUserName: input.userName,
        scimExternalId: input.externalId,
        scimManagerRef: manager.pending,
        managerId: manager.managerId,
        teamId: team?.id ?? null,
        ...place,
        levelSince,
        language: input.language ?? null,
        deactivatedAt: input.active === false ? new Date() : null,
      },
      select: { id: true, email: true, scimExternalId: true, name: true },
    });
    await audit(tx, actor, "person.created", "person", created.id, {
      name: created.name,
      email,
      team: team?.name ?? null,
      managerEmail: manager.email,
      ...(manager.pending ? { managerPending: manager.pending } : {}),
      ...place,
      ...(levelSince ? { levelSince: dayOf(levelSince) } : {}),
      ...(input.active === false ? { active: false } : {}),
    });
    // Provisioned inactive, they have not joined yet: activating them later tells it.
    if (input.active !== false)
      await emitWebhookEvents(tx, [
        {
          kind: "person.joined",
          person: { id: created.id, name: created.name, email, via: "created" },
        },
      ]);
    if (manager.managerId) await rebuildReportingLineUnder(tx, created.id);
    await resolveWaitingReports(tx, actor, created);
    return created.id;
  });
  return (await getUser(id))!;
}

/** PUT, and PATCH once applied to the person as SCIM reads them: what the message changes, in one transaction. */
export async function replaceUser(
  actor: Actor,
  id: string,
  input: UserInput,
  check: TrackLevelCheck,
): Promise<PersonRow> {
  await scimTransaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: PERSON_SELECT });
    if (!current) throw new ScimProblem(404, null, `There is no user ${id}.`);
    const place = placeFor(input, current, check);
    const email = input.email ?? current.email;
    const externalId = input.externalId ?? current.scimExternalId;
    await assertUnique(tx, { userName: input.userName, email, externalId }, id);

    const data: Prisma.UserUncheckedUpdateInput = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set = <K extends keyof Prisma.UserUncheckedUpdateInput>(
      key: K,
      label: string,
      from: unknown,
      to: Prisma.UserUncheckedUpdateInput[K],
      shown: unknown = to,
    ) => {
      if (from === to) return;
      data[key] = to;
      changes[label] = { from, to: shown };
    };
    set("name", "name", current.name, input.name ?? current.name);
    set("email", "email", current.email, email);
    set("scimUserName", "userName", current.scimUserName, input.userName);
    set("scimExternalId", "externalId", current.scimExternalId, externalId);
    set("ladderId", "ladderId", current.ladderId, place.ladderId);
    set("track", "track", current.track, place.track);
    set("level", "level", current.level, place.level);
    if (input.language !== undefined) set("language", "language", current.language, input.language);
    const levelChanged = current.track !== place.track || current.level !== place.level;
    // Read only when the message gives a day: a day before the last change Rungs recorded is not taken.
    const movedAt = input.levelSince
      ? ((
          await tx.levelChange.findFirst({
            where: { personId: id, ...MOVES },
            orderBy: [{ changedAt: "desc" }, { id: "desc" }],
            select: { changedAt: true },
          })
        )?.changedAt ?? null)
      : null;
    const levelSince = levelSinceAfter({
      levelChanged,
      given: input.levelSince,
      current: current.levelSince,
      movedAt,
    });
    if (dayOf(levelSince) !== dayOf(current.levelSince)) {
      data.levelSince = levelSince;
      changes.levelSince = { from: dayOf(current.levelSince), to: dayOf(levelSince) };
    }

    let lineChanged = false;
    if (input.enterprise) {
      const team = input.enterprise.department
        ? await teamFor(tx, actor, input.enterprise.department)
        : null;
      set("teamId", "team", current.teamId, team?.id ?? null, team?.name ?? null);
      if (changes.team) changes.team.from = current.team?.name ?? null;
      await recordGroupChanges(tx, [
        { personId: id, kind: "team", from: current.teamId, to: team?.id ?? null },
      ]);
      const manager = await managerFor(tx, id, input.enterprise.managerRef);
      if (manager.managerId !== current.managerId || manager.pending !== current.scimManagerRef) {
        data.managerId = manager.managerId;
        data.scimManagerRef = manager.pending;
        changes.manager = {
          from: current.manager?.email ?? current.scimManagerRef,
          to: manager.email ?? manager.pending,
        };
        lineChanged = manager.managerId !== current.managerId;
        await recordManagerChanges(tx, [
          { personId: id, from: current.managerId, to: manager.managerId },
        ]);
      }
    }

    if (Object.keys(data).length) await tx.user.update({ where: { id }, data });
    await recordLevelChanges(tx, "provisioned", [
      {
        personId: id,
        from: { track: current.track, level: current.level },
        to: { track: place.track, level: place.level },
        fromSince: current.levelSince,
        toSince: levelSince,
      },
    ]);
    if (Object.keys(changes).length)
      await audit(tx, actor, "person.updated", "person", id, changes as Prisma.InputJsonValue);
    if (input.active === false) await deactivatePerson(tx, changer(actor), id);
    if (input.active === true) await reactivatePerson(tx, changer(actor), id);
    if (lineChanged) await rebuildReportingLineUnder(tx, id);
    if (changes.externalId)
      await resolveWaitingReports(tx, actor, { id, email, scimExternalId: externalId });
  });
  return (await getUser(id))!;
}

/** DELETE: Rungs keeps the person and everything they did; they are deactivated and signed out. */
export async function deactivateUser(actor: Actor, id: string): Promise<void> {
  await scimTransaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!current) throw new ScimProblem(404, null, `There is no user ${id}.`);
    await deactivatePerson(tx, changer(actor), id);
  });
}

import { recordAuditEvent } from "~/modules/audit/audit.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import { MOVES, recordLevelChanges, recordReturn } from "./level-history.server";
import { recordGroupChanges } from "./group-history.server";
import { recordManagerChanges } from "./manager-history.server";
import { managerChain, rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { db, type Prisma } from "~/db/client.server";
import { mayLag } from "~/db/replicas.server";
import { getEnv } from "~/utils/env.server";
import { NotFoundError } from "~/modules/errors";
import { choiceParam, pageParam, textParam } from "~/utils/search-params";
import type { PersonField, PersonFormValue } from "./person-form";
import { readPlaceChoice, type TrackLevelCheck } from "./track-level";
import { levelSinceAfter, predatesRecordedMove } from "./level-since";
import { dateToDay, dayToDate } from "~/modules/days";
import type { Message } from "~/i18n/messages";
import { deactivationHooks, deactivationPreviews } from "./deactivation.server";
import { erasedIds, isErased } from "./erased.server";
import { readableAsPerson } from "./erased";
import * as clock from "~/platform/clock.server";
import { ViewCache } from "~/platform/view-cache.server";
import { peopleChangedAt } from "./queries.server";

/** People and teams: listing, editing, deactivating. Every write records an audit event in its transaction. */

export const PEOPLE_PAGE_SIZE = 25;

export const PERSON_STATUSES = ["active", "deactivated", "all"] as const;
export const PERSON_ROLES = ["admin", "hiring-admin", "manager"] as const;

export type PeopleFilters = {
  q: string;
  teamId: string;
  /** Direct reports of this person. */
  managerId: string;
  track: string;
  level: string;
  status: (typeof PERSON_STATUSES)[number];
  role: (typeof PERSON_ROLES)[number] | "";
  page: number;
};

export function parsePeopleFilters(searchParams: URLSearchParams): PeopleFilters {
  return {
    q: textParam(searchParams, "q", 200),
    teamId: textParam(searchParams, "team"),
    managerId: textParam(searchParams, "manager"),
    track: textParam(searchParams, "track"),
    level: textParam(searchParams, "level"),
    status: choiceParam(searchParams, "status", PERSON_STATUSES) || "active",
    role: choiceParam(searchParams, "role", PERSON_ROLES),
    page: pageParam(searchParams),
  };
}

function peopleWhere(filters: PeopleFilters): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput[] = [];
  if (filters.q) {
    // Emails are stored lower-case. Names match without regard to case: SQLite's LIKE
    // already ignores ASCII case; PostgreSQL needs Prisma's insensitive mode (ILIKE),
    // which the SQLite client's types (the ones domain code is written against) lack.
    where.push({
      OR: [{ name: nameContains(filters.q) }, { email: { contains: filters.q.toLowerCase() } }],
    });
  }
  if (filters.managerId) where.push({ managerId: filters.managerId });
  if (filters.teamId === "none") where.push({ teamId: null });
  else if (filters.teamId) where.push({ teamId: filters.teamId });
  if (filters.track === "none") where.push({ track: null });
  else if (filters.track) where.push({ track: filters.track });
  if (filters.level) where.push({ level: filters.level });
  if (filters.status === "active") where.push({ deactivatedAt: null });
  if (filters.status === "deactivated") where.push({ deactivatedAt: { not: null } });
  if (filters.role === "admin") where.push({ isAdmin: true });
  if (filters.role === "hiring-admin") where.push({ isHiringAdmin: true });
  if (filters.role === "manager") where.push({ reports: { some: { deactivatedAt: null } } });
  return { AND: where };
}

export type PersonListItem = {
  id: string;
  name: string;
  email: string;
  ladderId: string | null;
  track: string | null;
  level: string | null;
  isAdmin: boolean;
  isHiringAdmin: boolean;
  deactivated: boolean;
  team: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
  reportCount: number;
};

/**
 * How many people a filter matches, kept per filter and version of the people (decision 020):
 * counting every active person is most of the list's cost at 50,000 people, and every write to a
 * person moves their updatedAt (people are deactivated, never deleted), so a kept count stands
 * until someone changes.
 */
const counts = new ViewCache<number>({ entries: 128, maxAgeMs: 10 * 60 * 1000 });

async function peopleCount(filters: PeopleFilters, where: Prisma.UserWhereInput): Promise<number> {
  const changed = await peopleChangedAt();
  const key = JSON.stringify([changed?.toISOString() ?? null, { ...filters, page: null }]);
  return counts.get(key, () => db.user.count({ where }));
}

/** A person as the admins' people page lists them (and the API's people, which add the sublevel). */
export const PERSON_LISTED = {
  id: true,
  name: true,
  email: true,
  ladderId: true,
  track: true,
  level: true,
  isAdmin: true,
  isHiringAdmin: true,
  deactivatedAt: true,
  team: { select: { id: true, name: true } },
  manager: { select: { id: true, name: true } },
} as const satisfies Prisma.UserSelect;

/**
 * Whom the filters find. Erased people have no row of their own (readableAsPerson): left out before
 * counting, paging or suggesting, so neither a row nor a filter (a level, a team) singles one out.
 * The retention page counts them.
 */
async function findableWhere(filters: PeopleFilters): Promise<Prisma.UserWhereInput> {
  const erased = await erasedIds();
  return { AND: [peopleWhere(filters), ...(erased.length ? [{ id: { notIn: erased } }] : [])] };
}

export async function listPeople(filters: PeopleFilters, pageSize = PEOPLE_PAGE_SIZE) {
  const where = await findableWhere(filters);
  const total = await peopleCount(filters, where);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pageCount);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: PERSON_LISTED,
  });
  // Counted for the page's people only (Prisma's _count would group everyone's reports first).
  const reports = await db.user.groupBy({
    by: ["managerId"],
    where: { managerId: { in: rows.map((row) => row.id) }, deactivatedAt: null },
    _count: { _all: true },
  });
  const reportCount = new Map(reports.map((group) => [group.managerId, group._count._all]));
  const people: PersonListItem[] = rows.map(({ deactivatedAt, ...row }) => ({
    ...row,
    deactivated: deactivatedAt !== null,
    reportCount: reportCount.get(row.id) ?? 0,
  }));
  return { people, total, page, pageCount };
}

/** Whether the person has a page of their own: they exist and were not erased. */
export async function personExists(personId: string): Promise<boolean> {
  const [count, erased] = await Promise.all([
    db.user.count({ where: { id: personId } }),
    isErased(personId),
  ]);
  return count > 0 && readableAsPerson(erased);
}

/** The person's level on this ladder, for marking "your level" on its pages; null when they have none or belong to another ladder (level ids may repeat across ladders). */
export async function personLevelOn(personId: string, ladderId: string): Promise<string | null> {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { ladderId: true, level: true },
  });
  return person && (person.ladderId === null || person.ladderId === ladderId) ? person.level : null;
}

export async function getPersonName(personId: string): Promise<string | null> {
  return (
    (await db.user.findUnique({ where: { id: personId }, select: { name: true } }))?.name ?? null
  );
}

/** A name filter that ignores case on both databases (see peopleWhere). */
function nameContains(text: string): Prisma.StringFilter {
  return getEnv().databaseProvider === "postgresql"
    ? ({ contains: text, mode: "insensitive" } as Prisma.StringFilter)
    : { contains: text };
}

export const TEAM_SUGGESTIONS = 20;

/** Teams whose name contains the text, whatever its case, by name: suggestions for a team field. */
export async function suggestTeams(text: string): Promise<{ id: string; name: string }[]> {
  const query = text.trim().slice(0, 100);
  if (!query) return [];
  return db.team.findMany({
    where: { name: nameContains(query) },
    orderBy: { name: "asc" },
    take: TEAM_SUGGESTIONS,
    select: { id: true, name: true },
  });
}

export const PEOPLE_SUGGESTIONS = 10;

/**
 * Active people whose name or email contains the text, by name: suggestions for a manager's email,
 * found as the people list finds them.
 */
export async function suggestPeople(text: string): Promise<{ name: string; email: string }[]> {
  const query = text.trim().slice(0, 200);
  if (!query) return [];
  return db.user.findMany({
    where: await findableWhere({
      ...parsePeopleFilters(new URLSearchParams()),
      q: query,
      status: "active",
    }),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PEOPLE_SUGGESTIONS,
    select: { name: true, email: true },
  });
}

/** The team with exactly this name, or else the only one whose name matches it whatever its case; null when none or several do. */
export async function teamNamed(name: string): Promise<{ id: string; name: string } | null> {
  const text = name.trim().slice(0, 200);
  if (!text) return null;
  const exact = await db.team.findUnique({
    where: { name: text },
    select: { id: true, name: true },
  });
  if (exact) return exact;
  const matches = (
    await db.team.findMany({
      where: { name: nameContains(text) },
      take: 50,
      select: { id: true, name: true },
    })
  ).filter((team) => team.name.toLocaleLowerCase("en-GB") === text.toLocaleLowerCase("en-GB"));
  return matches.length === 1 ? matches[0]! : null;
}

export async function teamById(teamId: string): Promise<{ id: string; name: string } | null> {
  return db.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
}

export async function listTeamOptions(): Promise<{ id: string; name: string }[]> {
  return db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

const REPORTS_SHOWN = 50;

export async function getPerson(personId: string) {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      email: true,
      ladderId: true,
      track: true,
      level: true,
      sublevel: true,
      isAdmin: true,
      isHiringAdmin: true,
      deactivatedAt: true,
      createdAt: true,
      teamId: true,
      manager: { select: { id: true, name: true, email: true } },
      reports: {
        where: { deactivatedAt: null },
        orderBy: { name: "asc" },
        take: REPORTS_SHOWN,
        select: { id: true, name: true },
      },
      password: { select: { updatedAt: true } },
      _count: {
        select: {
          sessions: { where: { expiresAt: { gt: new Date() } } },
          reports: { where: { deactivatedAt: null } },
        },
      },
      levelSince: true,
      levelChanges: LAST_LEVEL_CHANGE,
    },
  });
  if (!person || !readableAsPerson(await isErased(personId)))
    throw new NotFoundError({ key: "people:errors.noSuchPerson" });
  const { levelSince, levelChanges, ...rest } = person;
  // The day as the form's date field takes it; when Rungs last recorded a change of their level, for the field's hint.
  return {
    ...rest,
    levelSince: dayOf(levelSince),
    levelMovedAt: levelChanges[0]?.changedAt ?? null,
  };
}

/** When Rungs last recorded a change of the person's level: a later level since says nothing, an earlier one is refused. */
const LAST_LEVEL_CHANGE = {
  where: MOVES,
  orderBy: [{ changedAt: "desc" }, { id: "desc" }],
  take: 1,
  select: { changedAt: true },
} satisfies Prisma.User$levelChangesArgs;

const dayOf = (date: Date | null) => (date ? dateToDay(date) : null);

/** Each field's refusals: messages the page words. */
export type FieldErrors = Partial<Record<PersonField, (string | Message)[]>>;
export type PersonWriteResult =
  { ok: true; personId: string } | { ok: false; fieldErrors: FieldErrors; formErrors?: string[] };

type ResolvedPerson = {
  name: string;
  email: string;
  teamId: string | null;
  managerId: string | null;
  ladderId: string | null;
  track: string | null;
  level: string | null;
  sublevel: string | null;
  isAdmin: boolean;
  isHiringAdmin: boolean;
};

/**
 * The database checks a person form needs: unique email, real team, active manager,
 * no reporting cycle, known track and level. A deactivated manager the person
 * already has may stay, so other fields can be edited before the line is fixed.
 */
async function resolvePerson(
  value: PersonFormValue,
  current: {
    id: string;
    managerId: string | null;
    levelSince: Date | null;
    movedAt: Date | null;
  } | null,
  checkTrackLevel: TrackLevelCheck,
): Promise<
  | { ok: true; person: ResolvedPerson; teamName: string | null; managerEmail: string | null }
  | { ok: false; fieldErrors: FieldErrors }
> {
  const personId = current?.id ?? null;
  const fieldErrors: FieldErrors = {};
  // The form names the ladder with the track and the level; a level of another ladder's or track's is refused here.
  const choice = readPlaceChoice(value.track || null, value.level || null, value.ladder || null);
  const { track, level } = choice.ok ? choice : { track: null, level: null };
  const place = choice.ok ? checkTrackLevel(track, level, choice.ladder) : choice;
  if (!place.ok) fieldErrors[place.field] = [place.message];
  const sub = place.ok
    ? checkTrackLevel.sublevel(value.sublevel || null, { ladderId: place.ladderId, track, level })
    : { ok: true as const, sublevel: null };
  if (!sub.ok) fieldErrors.sublevel = [sub.message];
  // A day the form did not show (the one it shows may be sent back as it was) before a change Rungs recorded would be ignored: said instead. The field's hint names the day of that change, in the admin's language.
  const given = givenLevelSince(value);
  if (
    current?.movedAt &&
    given &&
    dayOf(given) !== dayOf(current.levelSince) &&
    predatesRecordedMove(given, current.movedAt)
  ) {
    fieldErrors.levelSince = [{ key: "people:form.errors.levelSinceBeforeRecorded" }];
  }

  const [sameEmail, team, manager] = await Promise.all([
    db.user.findUnique({ where: { email: value.email }, select: { id: true } }),
    value.teamId
      ? db.team.findUnique({ where: { id: value.teamId }, select: { name: true } })
      : null,
    value.managerEmail
      ? db.user.findUnique({
          where: { email: value.managerEmail },
          select: { id: true, name: true, deactivatedAt: true },
        })
      : null,
  ]);
  if (sameEmail && sameEmail.id !== personId)
    fieldErrors.email = [{ key: "people:form.errors.emailTaken" }];
  if (value.teamId && !team) fieldErrors.teamId = [{ key: "people:form.errors.teamGone" }];
  if (value.managerEmail) {
    if (!manager)
      fieldErrors.managerEmail = [
        { key: "people:form.errors.managerUnknown", values: { email: value.managerEmail } },
      ];
    else if (manager.deactivatedAt && manager.id !== current?.managerId)
      fieldErrors.managerEmail = [
        { key: "people:form.errors.managerDeactivated", values: { name: manager.name } },
      ];
    else if (manager.id === personId)
      fieldErrors.managerEmail = [{ key: "people:form.errors.ownManager" }];
    else if (personId && (await managerChain(manager.id)).includes(personId)) {
      fieldErrors.managerEmail = [
        { key: "people:form.errors.reportingCycle", values: { name: manager.name } },
      ];
    }
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return {
    ok: true,
    teamName: team?.name ?? null,
    managerEmail: value.managerEmail ?? null,
    person: {
      name: value.name,
      email: value.email,
      teamId: value.teamId || null,
      managerId: manager?.id ?? null,
      ladderId: place.ok ? place.ladderId : null,
      track,
      level,
      sublevel: sub.ok ? sub.sublevel : null,
      isAdmin: value.isAdmin ?? false,
      isHiringAdmin: value.isHiringAdmin ?? false,
    },
  };
}

/** The form's level since: a day, or null for an empty field (the form always sends it). */
function givenLevelSince(value: PersonFormValue): Date | null {
  return value.levelSince ? dayToDate(value.levelSince) : null;
}

/** `also`: what the caller records of the same write (the API its own audit event), in the same transaction. */
type AlsoWritten = (tx: Prisma.TransactionClient, personId: string) => Promise<void>;

export async function createPerson(
  actorId: string,
  value: PersonFormValue,
  checkTrackLevel: TrackLevelCheck,
  also?: AlsoWritten,
): Promise<PersonWriteResult> {
  const resolved = await resolvePerson(value, null, checkTrackLevel);
  if (!resolved.ok) return resolved;
  const { teamId: _teamId, managerId: _managerId, ...fields } = resolved.person;
  const levelSince = levelSinceAfter({
    levelChanged: false,
    given: givenLevelSince(value),
    current: null,
    movedAt: null,
  });
  const person = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { ...resolved.person, levelSince },
      select: { id: true },
    });
    if (resolved.person.managerId) await rebuildReportingLine(tx);
    await recordAuditEvent(tx, {
      actorId,
      action: "person.created",
      subjectType: "person",
      subjectId: created.id,
      detail: {
        ...fields,
        team: resolved.teamName,
        managerEmail: resolved.managerEmail,
        levelSince: dayOf(levelSince),
      },
    });
    await emitWebhookEvents(tx, [
      {
        kind: "person.joined",
        person: {
          id: created.id,
          name: resolved.person.name,
          email: resolved.person.email,
          via: "created",
        },
      },
    ]);
    await also?.(tx, created.id);
    return created;
  });
  return { ok: true, personId: person.id };
}

export async function updatePerson(
  actorId: string,
  personId: string,
  value: PersonFormValue,
  checkTrackLevel: TrackLevelCheck,
  also?: AlsoWritten,
): Promise<PersonWriteResult> {
  const current = await db.user.findUnique({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      email: true,
      teamId: true,
      managerId: true,
      ladderId: true,
      track: true,
      level: true,
      sublevel: true,
      isAdmin: true,
      isHiringAdmin: true,
      team: { select: { name: true } },
      manager: { select: { email: true } },
      levelSince: true,
      levelChanges: LAST_LEVEL_CHANGE,
    },
  });
  if (!current) throw new NotFoundError({ key: "people:errors.noSuchPerson" });
  const movedAt = current.levelChanges[0]?.changedAt ?? null;
  const resolved = await resolvePerson(value, { ...current, movedAt }, checkTrackLevel);
  if (!resolved.ok) return resolved;
  if (actorId === personId && current.isAdmin && !resolved.person.isAdmin) {
    return { ok: false, fieldErrors: { isAdmin: [{ key: "people:form.errors.ownAdminRole" }] } };
  }
  // Recorded in the words an admin reads: team names and manager emails, not ids.
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(resolved.person) as (keyof ResolvedPerson)[]) {
    if (current[key] === resolved.person[key]) continue;
    if (key === "teamId")
      changes.team = { from: current.team?.name ?? null, to: resolved.teamName };
    else if (key === "managerId")
      changes.manager = { from: current.manager?.email ?? null, to: resolved.managerEmail };
    else changes[key] = { from: current[key], to: resolved.person[key] };
  }
  const levelChanged =
    current.track !== resolved.person.track || current.level !== resolved.person.level;
  const levelSince = levelSinceAfter({
    levelChanged,
    given: givenLevelSince(value),
    current: current.levelSince,
    movedAt,
  });
  if (dayOf(levelSince) !== dayOf(current.levelSince))
    changes.levelSince = { from: dayOf(current.levelSince), to: dayOf(levelSince) };
  if (Object.keys(changes).length === 0) {
    if (also) await db.$transaction((tx) => also(tx, personId));
    return { ok: true, personId };
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: personId }, data: { ...resolved.person, levelSince } });
    if (changes.manager) await rebuildReportingLine(tx);
    await recordManagerChanges(tx, [
      { personId, from: current.managerId, to: resolved.person.managerId },
    ]);
    await recordGroupChanges(tx, [
      { personId, kind: "team", from: current.teamId, to: resolved.person.teamId },
    ]);
    await recordLevelChanges(tx, "edited", [
      {
        personId,
        from: { track: current.track, level: current.level },
        to: { track: resolved.person.track, level: resolved.person.level },
        fromSince: current.levelSince,
        toSince: levelSince,
      },
    ]);
    await recordAuditEvent(tx, {
      actorId,
      action: "person.updated",
      subjectType: "person",
      subjectId: personId,
      detail: changes as Prisma.InputJsonValue,
    });
    await also?.(tx, personId);
  });
  return { ok: true, personId };
}

/** A refusal is a message the page words in the admin's language. */
export type SimpleResult = { ok: true } | { ok: false; message: Message };

/** What deactivating the person would end in each workflow, by the figures its hook reports (only those above zero). Changes nothing. */
export async function deactivationPreview(
  personId: string,
  now = clock.now(),
): Promise<Record<string, number>> {
  return deactivationPreviews.run(db, personId, now);
}

export async function setPersonActive(
  actorId: string,
  personId: string,
  active: boolean,
): Promise<SimpleResult> {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { id: true, deactivatedAt: true },
  });
  if (!person) throw new NotFoundError({ key: "people:errors.noSuchPerson" });
  if (!active && actorId === personId)
    return { ok: false, message: { key: "people:edit.errors.deactivateYourself" } };
  if (active === (person.deactivatedAt === null)) return { ok: true };
  const by: ActiveChanger = { actorId };
  await db.$transaction((tx) =>
    active ? reactivatePerson(tx, by, personId) : deactivatePerson(tx, by, personId),
  );
  return { ok: true };
}

/** Who changes whether someone is active, as the audit log names them: an admin, or an identity provider's SCIM token. */
export type ActiveChanger = { actorId: string } | { scimToken: { id: string; name: string } };

function activeEvent(
  by: ActiveChanger,
  action: "person.deactivated" | "person.reactivated",
  personId: string,
  detail?: Record<string, Prisma.InputJsonValue>,
) {
  const who =
    "actorId" in by ? { actorId: by.actorId } : { actorId: null, scimTokenId: by.scimToken.id };
  const via = "scimToken" in by ? { via: `SCIM token ${by.scimToken.name}` } : {};
  const details = { ...detail, ...via };
  return {
    ...who,
    action,
    subjectType: "person" as const,
    subjectId: personId,
    detail: Object.keys(details).length ? details : undefined,
  };
}

/**
 * The one way a person is deactivated, from the admin's page or an identity provider (SCIM's
 * PUT, PATCH and DELETE), in the caller's transaction: the person is kept with everything they
 * did, their access ends (endAccess), every workflow's registered hook ends its work
 * (deactivationHooks), and the audit log records who did it. False when they already were.
 */
export async function deactivatePerson(
  tx: Prisma.TransactionClient,
  by: ActiveChanger,
  personId: string,
  now = clock.now(),
): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: personId, deactivatedAt: null },
    data: { deactivatedAt: now },
  });
  if (count === 0) return false;
  const endedSessions = await endAccess(tx, personId);
  const ended = await deactivationHooks.run(tx, personId, now);
  await recordAuditEvent(
    tx,
    activeEvent(by, "person.deactivated", personId, { endedSessions, ...ended }),
  );
  const person = await tx.user.findUniqueOrThrow({
    where: { id: personId },
    select: { name: true, email: true },
  });
  await emitWebhookEvents(
    tx,
    [{ kind: "person.left", person: { id: personId, ...person, leftAt: now } }],
    now,
  );
  return true;
}

/** The one way a deactivated person is made active again (admin page or SCIM), as a return dated now (recordReturn). False when they already were. */
export async function reactivatePerson(
  tx: Prisma.TransactionClient,
  by: ActiveChanger,
  personId: string,
): Promise<boolean> {
  const left = await tx.user.findUnique({
    where: { id: personId },
    select: { track: true, level: true, levelSince: true, deactivatedAt: true },
  });
  if (!left?.deactivatedAt) return false;
  // The return begins a new stay, counted from today: a level since would be that of the stay that ended.
  const { count } = await tx.user.updateMany({
    where: { id: personId, deactivatedAt: { not: null } },
    data: { deactivatedAt: null, levelSince: null },
  });
  if (count === 0) return false;
  await recordReturn(tx, { id: personId, ...left, deactivatedAt: left.deactivatedAt });
  await recordAuditEvent(tx, activeEvent(by, "person.reactivated", personId));
  const person = await tx.user.findUniqueOrThrow({
    where: { id: personId },
    select: { name: true, email: true },
  });
  await emitWebhookEvents(tx, [
    { kind: "person.joined", person: { id: personId, ...person, via: "reactivated" } },
  ]);
  return true;
}

/**
 * What deactivating someone ends, in deactivatePerson's transaction: their sessions, their known
 * browsers (sign-in throttling treats them as any other) and unused sign-in links. Returns
 * how many sessions ended.
 */
async function endAccess(
  tx: Pick<Prisma.TransactionClient, "session" | "knownDevice" | "passwordToken">,
  personId: string,
): Promise<number> {
  const endedSessions = (await tx.session.deleteMany({ where: { userId: personId } })).count;
  await tx.knownDevice.deleteMany({ where: { userId: personId } });
  await tx.passwordToken.deleteMany({ where: { userId: personId, usedAt: null } });
  return endedSessions;
}

export async function signOutEverywhere(actorId: string, personId: string): Promise<number> {
  const person = await db.user.findUnique({ where: { id: personId }, select: { id: true } });
  if (!person) throw new NotFoundError({ key: "people:errors.noSuchPerson" });
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: personId } });
    await tx.knownDevice.deleteMany({ where: { userId: personId } });
    await recordAuditEvent(tx, {
      actorId,
      action: "person.signed_out_everywhere",
      subjectType: "person",
      subjectId: personId,
      detail: { endedSessions: count },
    });
    return count;
  });
}

// Teams

export type TeamListItem = { id: string; name: string; activeMembers: number; members: number };

/**
 * The admin's list of teams and their counts. The counts may be a moment old: with read replicas a
 * replica answers, except for the admin who just changed a team (decision 116); deleting a team
 * checks its members on the primary.
 */
export async function listTeams(): Promise<TeamListItem[]> {
  return mayLag(readTeams);
}

async function readTeams(): Promise<TeamListItem[]> {
  const [teams, active] = await Promise.all([
    db.team.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { members: true } } },
    }),
    db.user.groupBy({
      by: ["teamId"],
      where: { deactivatedAt: null, teamId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const activeByTeam = new Map(active.map((row) => [row.teamId, row._count._all]));
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    members: team._count.members,
    activeMembers: activeByTeam.get(team.id) ?? 0,
  }));
}

/** Team names are unique without regard to case, so "Platform" and "platform" are one team. */
async function teamNameTaken(name: string, exceptId: string | null): Promise<boolean> {
  const teams = await db.team.findMany({ select: { id: true, name: true } });
  return teams.some(
    (team) => team.id !== exceptId && team.name.toLowerCase() === name.toLowerCase(),
  );
}

export async function createTeam(
  actorId: string,
  name: string,
): Promise<{ ok: true; teamId: string } | { ok: false; message: Message }> {
  if (await teamNameTaken(name, null))
    return { ok: false, message: { key: "admin:teams.errors.nameTaken", values: { name } } };
  const teamId = await db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name }, select: { id: true } });
    await recordAuditEvent(tx, {
      actorId,
      action: "team.created",
      subjectType: "team",
      subjectId: team.id,
      detail: { name },
    });
    return team.id;
  });
  return { ok: true, teamId };
}

export async function renameTeam(
  actorId: string,
  teamId: string,
  name: string,
): Promise<SimpleResult> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { name: true } });
  if (!team) throw new NotFoundError({ key: "people:errors.noSuchTeam" });
  if (team.name === name) return { ok: true };
  if (await teamNameTaken(name, teamId))
    return { ok: false, message: { key: "admin:teams.errors.nameTaken", values: { name } } };
  await db.$transaction(async (tx) => {
    await tx.team.update({ where: { id: teamId }, data: { name } });
    await recordAuditEvent(tx, {
      actorId,
      action: "team.renamed",
      subjectType: "team",
      subjectId: teamId,
      detail: { from: team.name, to: name },
    });
  });
  return { ok: true };
}

/** Only an empty team can go: deleting one with members would silently take their team away. */
export async function deleteTeam(actorId: string, teamId: string): Promise<SimpleResult> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { name: true } });
  if (!team) throw new NotFoundError({ key: "people:errors.noSuchTeam" });
  return db.$transaction(async (tx): Promise<SimpleResult> => {
    const [members, deactivated] = await Promise.all([
      tx.user.count({ where: { teamId } }),
      tx.user.count({ where: { teamId, deactivatedAt: { not: null } } }),
    ]);
    if (members > 0) {
      return {
        ok: false,
        message: deactivated
          ? {
              key: "admin:teams.errors.stillHasMembersSomeDeactivated",
              values: { name: team.name, members, deactivated },
            }
          : { key: "admin:teams.errors.stillHasMembers", values: { name: team.name, members } },
      };
    }
    await tx.team.delete({ where: { id: teamId } });
    await recordAuditEvent(tx, {
      actorId,
      action: "team.deleted",
      subjectType: "team",
      subjectId: teamId,
      detail: { name: team.name },
    });
    return { ok: true };
  });
}

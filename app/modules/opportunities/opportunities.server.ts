import { db } from "~/db/client.server";
import { createUnlessExists } from "~/db/create-unless-exists.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { recordEvidence, type EvidenceInput } from "~/modules/conversations/evidence.server";
import { ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import { gapPage } from "~/modules/growth/profile.server";
import type { Viewer } from "~/modules/identity/policy";
import { getCompetency, getLevel, type Ladder } from "~/modules/ladders";
import {
  ladderForPerson,
  ladderInLanguage,
  servedLadders,
} from "~/modules/ladders/registry.server";
import { withSourceTextsOf, type TranslatedLadder } from "~/modules/ladders/translations";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { effectiveBand } from "~/modules/mentorship/levels";
import { dayToDate } from "~/modules/days";
import * as clock from "~/platform/clock.server";
import type { ChooseInput, PostOpportunityInput } from "./forms";
import {
  canDecide,
  canExpressInterest,
  canManagePosters,
  canPostOpportunity,
  canReadInterest,
  canReadReason,
  canRecordWorkEvidence,
  canSeeOpportunity,
  OFFERED,
  OPPORTUNITY_STATUSES,
  type OpportunityKind,
  type OpportunityStatus,
} from "./policy";
import { rankOpportunities, type GapFacts } from "./ranking";

/**
 * Stretch opportunities: managers (and people an admin allows) post a project, a rotation or a
 * gig with the competencies it exercises; people see the open ones ranked by the gaps of their
 * growth plan they would close, and express interest with a note (their manager is told, through
 * their to-do list); the poster chooses one person with a reason naming the competencies that
 * decided, which everyone who expressed interest is told; the person chosen records evidence of
 * the work against those competencies, offered in their next self-assessment. Each person's first
 * opening of an opportunity is kept, so who saw, applied and was chosen can be counted.
 */

type Row = {
  id: string;
  kind: string;
  title: string;
  description: string;
  ladderId: string;
  competencyIds: string;
  minLevel: string | null;
  maxLevel: string | null;
  hoursPerWeek: number;
  startsOn: Date;
  endsOn: Date;
  posterId: string;
  status: string;
  criteriaIds: string | null;
  reason: string | null;
  decidedAt: Date | null;
  poster: { name: string };
};

const ROW = {
  id: true,
  kind: true,
  title: true,
  description: true,
  ladderId: true,
  competencyIds: true,
  minLevel: true,
  maxLevel: true,
  hoursPerWeek: true,
  startsOn: true,
  endsOn: true,
  posterId: true,
  status: true,
  criteriaIds: true,
  reason: true,
  decidedAt: true,
  poster: { select: { name: true } },
} as const;

function storedIds(value: string | null): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

function statusOf(value: string): OpportunityStatus {
  return (OPPORTUNITY_STATUSES as readonly string[]).includes(value)
    ? (value as OpportunityStatus)
    : "open";
}

async function translatedLaddersById(
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<Map<string, TranslatedLadder>> {
  return new Map(
    (await servedLadders()).map((served) => [
      served.ladder.meta.id,
      ladderInLanguage(served.ladder, language),
    ]),
  );
}

async function laddersById(language: PageLanguage = SOURCE_LANGUAGE): Promise<Map<string, Ladder>> {
  return new Map(
    [...(await translatedLaddersById(language))].map(([id, translated]) => [id, translated.ladder]),
  );
}

/** A page's data with the served ladders' texts it shows in the source, to mark (decision 124). */
function marked<T extends object>(data: T, translated: Iterable<TranslatedLadder>) {
  return withSourceTextsOf(
    data,
    [...translated].map((ladder) => ({ data, translated: ladder })),
  );
}

/** Whether the viewer may post: they manage someone active, or an admin allowed them. */
export async function posterFacts(
  viewerId: string,
): Promise<{ isManager: boolean; allowed: boolean }> {
  const [reports, allowed] = await Promise.all([
    db.user.count({ where: { managerId: viewerId, deactivatedAt: null } }),
    db.opportunityPoster.count({ where: { personId: viewerId } }),
  ]);
  return { isManager: reports > 0, allowed: allowed > 0 };
}

export async function mayPost(viewerId: string): Promise<boolean> {
  return canPostOpportunity(await posterFacts(viewerId));
}

/** The ladders a poster chooses from, with their competencies and levels in order. */
export async function postingChoices(language: PageLanguage = SOURCE_LANGUAGE): Promise<
  {
    id: string;
    name: string;
    competencies: { id: string; name: string }[];
    levels: { id: string; title: string; track: string }[];
  }[]
> {
  return [...(await laddersById(language)).values()].map((ladder) => ({
    id: ladder.meta.id,
    name: ladder.meta.name,
    competencies: ladder.competencies.map((competency) => ({
      id: competency.id,
      name: competency.name,
    })),
    levels: ladder.tracks.flatMap((track) =>
      track.levels.map((level) => ({ id: level.id, title: level.title, track: track.name })),
    ),
  }));
}

export async function postOpportunity(
  viewer: Viewer,
  input: PostOpportunityInput,
): Promise<string> {
  if (!(await mayPost(viewer.id)))
    throw new ForbiddenError({ key: "opportunities:errors.mayNotPost" });
  const ladder = (await laddersById()).get(input.ladderId);
  if (!ladder) throw new InvalidError({ key: "opportunities:errors.ladder" });
  const competencyIds = [...new Set(input.competencyIds)];
  if (competencyIds.some((id) => !getCompetency(ladder, id)))
    throw new InvalidError({ key: "opportunities:errors.competencyUnknown" });
  const minLevel = input.minLevel || null;
  const maxLevel = input.maxLevel || null;
  for (const level of [minLevel, maxLevel])
    if (level && !getLevel(ladder, level))
      throw new InvalidError({ key: "opportunities:errors.levelUnknown" });
  if (
    minLevel &&
    maxLevel &&
    (effectiveBand(ladder, minLevel) ?? 0) > (effectiveBand(ladder, maxLevel) ?? 0)
  )
    throw new InvalidError({ key: "opportunities:errors.levelOrder" });
  const startsOn = dayToDate(input.startsOn);
  const endsOn = dayToDate(input.endsOn);
  if (endsOn.getTime() < startsOn.getTime())
    throw new InvalidError({ key: "opportunities:errors.dateOrder" });
  const created = await db.opportunity.create({
    data: {
      kind: input.kind,
      title: input.title,
      description: input.description,
      ladderId: ladder.meta.id,
      competencyIds: JSON.stringify(competencyIds),
      minLevel,
      maxLevel,
      hoursPerWeek: input.hoursPerWeek,
      startsOn,
      endsOn,
      posterId: viewer.id,
    },
    select: { id: true },
  });
  return created.id;
}

/** Whether a person's level sits in an opportunity's range, on its ladder (either end open). */
function fitsLevel(
  row: Pick<Row, "ladderId" | "minLevel" | "maxLevel">,
  ladder: Ladder | undefined,
  person: { ladderId: string | null; level: string | null },
): boolean {
  if (!ladder || !person.level || !getLevel(ladder, person.level)) return false;
  if (person.ladderId && person.ladderId !== row.ladderId) return false;
  const band = effectiveBand(ladder, person.level);
  if (band === null) return !row.minLevel && !row.maxLevel;
  const low = row.minLevel ? effectiveBand(ladder, row.minLevel) : null;
  const high = row.maxLevel ? effectiveBand(ladder, row.maxLevel) : null;
  return (low === null || band >= low) && (high === null || band <= high);
}

/** The gaps the viewer's growth plan would close: the gap analysis to their plan's target, and the plan's focus. */
async function gapsOf(viewer: Viewer): Promise<GapFacts> {
  const page = await gapPage(viewer, viewer.id, null);
  const readiness = new Map<string, number | null>();
  for (const competency of page?.analysis?.competencies ?? []) {
    const unassessed =
      competency.rating === null && competency.counts.notAssessed === competency.counts.total;
    readiness.set(competency.competencyId, unassessed ? null : competency.readiness);
  }
  return {
    readiness,
    focus: new Set((page?.plan?.focus ?? []).map((focus) => focus.competencyId)),
  };
}

function competencyList(ladder: Ladder | undefined, ids: readonly string[]) {
  return ids.map((id) => ({ id, name: (ladder && getCompetency(ladder, id)?.name) ?? id }));
}

function levelTitle(ladder: Ladder | undefined, id: string | null): string | null {
  return id ? ((ladder && getLevel(ladder, id)?.title) ?? id) : null;
}

function summary(row: Row, ladder: Ladder | undefined) {
  return {
    id: row.id,
    kind: row.kind as OpportunityKind,
    title: row.title,
    posterName: row.poster.name,
    competencies: competencyList(ladder, storedIds(row.competencyIds)),
    minLevel: levelTitle(ladder, row.minLevel),
    maxLevel: levelTitle(ladder, row.maxLevel),
    hoursPerWeek: row.hoursPerWeek,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: statusOf(row.status),
  };
}

/**
 * The opportunities page: the open ones ranked for the viewer by the gaps they would close (with
 * which), the ones the viewer posted, and the ones they expressed interest in with where each stands.
 */
export async function opportunitiesPage(viewer: Viewer, language: PageLanguage = SOURCE_LANGUAGE) {
  const [open, posted, interests, person, translated, postable] = await Promise.all([
    db.opportunity.findMany({
      where: OFFERED,
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      select: ROW,
    }),
    db.opportunity.findMany({
      where: { posterId: viewer.id },
      orderBy: [{ createdAt: "desc" }],
      select: { ...ROW, _count: { select: { interests: true } } },
    }),
    db.opportunityInterest.findMany({
      where: { personId: viewer.id },
      orderBy: { createdAt: "desc" },
      select: { outcome: true, opportunity: { select: ROW } },
    }),
    db.user.findUnique({ where: { id: viewer.id }, select: { ladderId: true, level: true } }),
    translatedLaddersById(language),
    mayPost(viewer.id),
  ]);
  const ladders = new Map([...translated].map(([id, ladder]) => [id, ladder.ladder]));
  const personLadderId = person ? ((await ladderForPerson(person))?.ladder.meta.id ?? null) : null;
  const facts = { ladderId: personLadderId, level: person?.level ?? null };
  const ranked = rankOpportunities(
    open.map((row) => ({
      id: row.id,
      competencyIds: storedIds(row.competencyIds),
      fitsLevel: fitsLevel(row, ladders.get(row.ladderId), facts),
      startsOn: row.startsOn,
    })),
    await gapsOf(viewer),
  );
  const byId = new Map(open.map((row) => [row.id, row]));
  return marked(
    {
      canPost: postable,
      open: ranked.map((rank) => {
        const row = byId.get(rank.id)!;
        const ladder = ladders.get(row.ladderId);
        return {
          ...summary(row, ladder),
          fitsLevel: rank.fitsLevel,
          closes: competencyList(ladder, rank.closes),
          focusCloses: rank.focusCloses,
          mine: row.posterId === viewer.id,
        };
      }),
      posted: posted.map((row) => ({
        ...summary(row, ladders.get(row.ladderId)),
        interested: row._count.interests,
      })),
      interests: interests.map((interest) => ({
        ...summary(interest.opportunity, ladders.get(interest.opportunity.ladderId)),
        outcome: interest.outcome,
      })),
    },
    translated.values(),
  );
}

/**
 * What the viewer's own record holds of stretch work, without opening anything (nothing is marked
 * seen): the opportunities they posted, with the reason for a choice, and those they expressed
 * interest in, with their note, the outcome and the reason as their pages show it (the person's export).
 */
export async function opportunitiesRecordOf(viewer: Viewer) {
  const [posted, interests] = await Promise.all([
    db.opportunity.findMany({
      where: { posterId: viewer.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...ROW, _count: { select: { interests: true } } },
    }),
    db.opportunityInterest.findMany({
      where: { personId: viewer.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { note: true, outcome: true, createdAt: true, opportunity: { select: ROW } },
    }),
  ]);
  const reasonFor = (row: Row, interested: boolean) => {
    const facts = { posterId: row.posterId, status: statusOf(row.status), posterLeft: false };
    return facts.status === "chosen" && canReadReason(viewer, facts, interested)
      ? (row.reason ?? "")
      : null;
  };
  return {
    posted: posted.map((row) => ({
      title: row.title,
      kind: row.kind as OpportunityKind,
      description: row.description,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      status: statusOf(row.status),
      interested: row._count.interests,
      reason: reasonFor(row, false),
    })),
    interests: interests.map((interest) => ({
      title: interest.opportunity.title,
      poster: interest.opportunity.poster.name,
      note: interest.note,
      outcome: interest.outcome,
      expressedAt: interest.createdAt,
      reason: reasonFor(interest.opportunity, true),
    })),
  };
}

async function loadOpportunity(opportunityId: string) {
  return db.opportunity.findUnique({
    where: { id: opportunityId },
    select: { ...ROW, poster: { select: { name: true, deactivatedAt: true } } },
  });
}

/** The opportunity and the viewer's part in it; NotFoundError for anyone who may not see it. */
async function requireVisible(viewer: Viewer, opportunityId: string) {
  const row = await loadOpportunity(opportunityId);
  if (!row) throw new NotFoundError({ key: "opportunities:errors.none" });
  const interests = await db.opportunityInterest.findMany({
    where: { opportunityId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      personId: true,
      managerId: true,
      note: true,
      outcome: true,
      createdAt: true,
      person: { select: { name: true, level: true, ladderId: true } },
    },
  });
  const facts = {
    posterId: row.posterId,
    status: statusOf(row.status),
    posterLeft: row.poster.deactivatedAt !== null,
  };
  const own = interests.find((interest) => interest.personId === viewer.id) ?? null;
  const involvement = {
    interested: own !== null,
    managesSomeoneInterested: interests.some((interest) => interest.managerId === viewer.id),
  };
  if (!canSeeOpportunity(viewer, facts, involvement))
    throw new NotFoundError({ key: "opportunities:errors.none" });
  return { row, facts, interests, own };
}

/**
 * One opportunity as the viewer may read it. Opening it is recorded once per person (who saw it);
 * a manager told of a report's interest, and a person told of the choice, have read it now.
 */
export async function opportunityPage(
  viewer: Viewer,
  opportunityId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const { row, facts, interests, own } = await requireVisible(viewer, opportunityId);
  const now = clock.now();
  // The first opening is kept (two tabs may open it at once).
  await createUnlessExists(db, (client) =>
    client.opportunityView.create({ data: { opportunityId, personId: viewer.id, viewedAt: now } }),
  );
  await db.opportunityInterest.updateMany({
    where: { opportunityId, managerId: viewer.id, managerSeenAt: null },
    data: { managerSeenAt: now },
  });
  if (own?.outcome)
    await db.opportunityInterest.updateMany({
      where: { id: own.id, outcomeSeenAt: null },
      data: { outcomeSeenAt: now },
    });
  const translated = (await translatedLaddersById(language)).get(row.ladderId);
  const ladder = translated?.ladder;
  const readable = interests.filter((interest) => canReadInterest(viewer, facts, interest));
  const criteria = competencyList(ladder, storedIds(row.criteriaIds));
  const chosen = interests.find((interest) => interest.outcome === "chosen") ?? null;
  const workEvidence =
    own && canRecordWorkEvidence(viewer, own)
      ? await db.opportunityEvidence.findMany({
          where: { opportunityId, evidence: { personId: viewer.id } },
          select: {
            evidence: { select: { id: true, competencyId: true, text: true, occurredOn: true } },
          },
          orderBy: { evidence: { occurredOn: "desc" } },
        })
      : [];
  return marked(
    {
      opportunity: { ...summary(row, ladder), description: row.description },
      isPoster: viewer.id === row.posterId,
      canExpressInterest: canExpressInterest(viewer, facts) && own === null,
      canDecide: canDecide(viewer, facts),
      interests: readable.map((interest) => ({
        id: interest.id,
        personId: interest.personId,
        name: interest.person.name,
        note: interest.note,
        outcome: interest.outcome,
        createdAt: interest.createdAt,
        own: interest.personId === viewer.id,
      })),
      ownOutcome: own?.outcome ?? null,
      decision:
        facts.status === "chosen" && canReadReason(viewer, facts, own !== null)
          ? {
              reason: row.reason ?? "",
              criteria,
              decidedAt: row.decidedAt,
              chosenName:
                viewer.id === row.posterId || own?.outcome === "chosen"
                  ? (chosen?.person.name ?? null)
                  : null,
            }
          : null,
      canRecordEvidence: own !== null && canRecordWorkEvidence(viewer, own),
      evidenceCompetencies:
        own && canRecordWorkEvidence(viewer, own)
          ? competencyList(
              ladder,
              storedIds(row.criteriaIds).length
                ? storedIds(row.criteriaIds)
                : storedIds(row.competencyIds),
            )
          : [],
      evidence: workEvidence.map(({ evidence }) => ({
        ...evidence,
        competencyName:
          (ladder && getCompetency(ladder, evidence.competencyId)?.name) ?? evidence.competencyId,
      })),
    },
    translated ? [translated] : [],
  );
}

/** The viewer expresses interest with a note; their manager (now) is the one told and who reads the note. Once per person. */
export async function expressInterest(
  viewer: Viewer,
  opportunityId: string,
  note: string,
): Promise<void> {
  const { facts, own } = await requireVisible(viewer, opportunityId);
  if (!canExpressInterest(viewer, facts))
    throw new ForbiddenError({ key: "opportunities:errors.closed" });
  if (own) throw new InvalidError({ key: "opportunities:errors.alreadyInterested" });
  const person = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { managerId: true },
  });
  await db.opportunityInterest.create({
    data: { opportunityId, personId: viewer.id, note: note.trim(), managerId: person.managerId },
  });
}

/**
 * The poster chooses one person who expressed interest, naming the competencies that decided and
 * why; everyone else who expressed interest is not chosen. One transaction; the opportunity is no
 * longer open (a second choice, from another tab, finds it decided and changes nothing).
 */
export async function chooseForOpportunity(
  viewer: Viewer,
  opportunityId: string,
  input: ChooseInput,
): Promise<void> {
  const { row, facts, interests } = await requireVisible(viewer, opportunityId);
  if (!canDecide(viewer, facts)) throw new ForbiddenError({ key: "opportunities:errors.notYours" });
  const chosen = interests.find((interest) => interest.personId === input.personId);
  if (!chosen) throw new InvalidError({ key: "opportunities:errors.notInterested" });
  const exercised = new Set(storedIds(row.competencyIds));
  const criteria = [...new Set(input.criteriaIds)];
  if (criteria.some((id) => !exercised.has(id)))
    throw new InvalidError({ key: "opportunities:errors.criteriaUnknown" });
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const decided = await tx.opportunity.updateMany({
      where: { id: opportunityId, status: "open" },
      data: {
        status: "chosen",
        criteriaIds: JSON.stringify(criteria),
        reason: input.reason.trim(),
        decidedAt: now,
      },
    });
    if (decided.count !== 1) throw new ForbiddenError({ key: "opportunities:errors.closed" });
    await tx.opportunityInterest.update({ where: { id: chosen.id }, data: { outcome: "chosen" } });
    await tx.opportunityInterest.updateMany({
      where: { opportunityId, id: { not: chosen.id } },
      data: { outcome: "not-chosen" },
    });
  });
}

/** The poster withdraws an open opportunity; nobody is chosen. */
export async function withdrawOpportunity(viewer: Viewer, opportunityId: string): Promise<void> {
  const { facts } = await requireVisible(viewer, opportunityId);
  if (!canDecide(viewer, facts)) throw new ForbiddenError({ key: "opportunities:errors.notYours" });
  await db.opportunity.updateMany({
    where: { id: opportunityId, status: "open" },
    data: { status: "withdrawn", decidedAt: clock.now() },
  });
}

/**
 * The person chosen records evidence of their work on it against one of the competencies it was
 * chosen on (or exercises): career evidence like any other, offered in their next self-assessment.
 */
export async function recordWorkEvidence(
  viewer: Viewer,
  opportunityId: string,
  input: Omit<EvidenceInput, "meetingId">,
): Promise<string> {
  const { row, own } = await requireVisible(viewer, opportunityId);
  if (!own || !canRecordWorkEvidence(viewer, own))
    throw new NotFoundError({ key: "opportunities:errors.none" });
  const allowed = storedIds(row.criteriaIds).length
    ? storedIds(row.criteriaIds)
    : storedIds(row.competencyIds);
  if (!allowed.includes(input.competencyId))
    throw new InvalidError({ key: "opportunities:errors.criteriaUnknown" });
  // The item and its tie to the opportunity are one write: never an item that says nothing of where it came from.
  return db.$transaction(async (tx) => {
    const evidenceId = await recordEvidence(viewer, { ...input, meetingId: null }, clock.now(), tx);
    await tx.opportunityEvidence.create({ data: { evidenceId, opportunityId } });
    return evidenceId;
  });
}

/** The people an admin allows to post besides managers. */
export async function allowedPosters(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  if (!canManagePosters(viewer)) throw new NotFoundError();
  const rows = await db.opportunityPoster.findMany({
    select: { person: { select: { id: true, name: true } } },
    orderBy: { person: { name: "asc" } },
  });
  return rows.map((row) => row.person);
}

/** An admin allows someone (by email) to post, or stops allowing them; recorded in the audit log. */
export async function setPoster(viewer: Viewer, email: string, allowed: boolean): Promise<void> {
  if (!canManagePosters(viewer)) throw new NotFoundError();
  const person = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, deactivatedAt: true },
  });
  if (!person || person.deactivatedAt)
    throw new InvalidError({ key: "opportunities:errors.personUnknown" });
  await db.$transaction(async (tx) => {
    if (allowed)
      await createUnlessExists(tx, (client) =>
        client.opportunityPoster.create({ data: { personId: person.id } }),
      );
    else await tx.opportunityPoster.deleteMany({ where: { personId: person.id } });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: allowed ? "opportunity.poster_allowed" : "opportunity.poster_removed",
      subjectType: "person",
      subjectId: person.id,
    });
  });
}

/**
 * Who saw, expressed interest in and was chosen for each opportunity, one row per person and
 * opportunity they took part in: what an audit of who gets stretch work counts by group (it joins
 * the groups and passes every figure through the disclosure check). Person ids only.
 */
export type OpportunityAccess = {
  opportunityId: string;
  personId: string;
  saw: boolean;
  applied: boolean;
  chosen: boolean;
  sawAt: Date | null;
  appliedAt: Date | null;
  chosenAt: Date | null;
};

/** Who saw, applied for and was chosen for each opportunity, with when Rungs learned each (the audit dates its changes by them). */
export async function opportunityAccess(since?: Date): Promise<OpportunityAccess[]> {
  const where = since ? { opportunity: { createdAt: { gte: since } } } : {};
  const [views, interests] = await Promise.all([
    db.opportunityView.findMany({
      where,
      select: {
        opportunityId: true,
        personId: true,
        viewedAt: true,
        opportunity: { select: { posterId: true } },
      },
    }),
    db.opportunityInterest.findMany({
      where,
      select: {
        opportunityId: true,
        personId: true,
        outcome: true,
        createdAt: true,
        opportunity: { select: { decidedAt: true } },
      },
    }),
  ]);
  const rows = new Map<string, OpportunityAccess>();
  const row = (opportunityId: string, personId: string) => {
    const key = `${opportunityId}:${personId}`;
    const found = rows.get(key) ?? {
      opportunityId,
      personId,
      saw: false,
      applied: false,
      chosen: false,
      sawAt: null,
      appliedAt: null,
      chosenAt: null,
    };
    rows.set(key, found);
    return found;
  };
  const earlier = (a: Date | null, b: Date) => (a && a.getTime() <= b.getTime() ? a : b);
  // The poster opening their own posting is not seeing an opportunity.
  for (const view of views) {
    if (view.personId === view.opportunity.posterId) continue;
    const found = row(view.opportunityId, view.personId);
    found.saw = true;
    found.sawAt = earlier(found.sawAt, view.viewedAt);
  }
  for (const interest of interests) {
    const found = row(interest.opportunityId, interest.personId);
    found.saw = true;
    found.sawAt = earlier(found.sawAt, interest.createdAt);
    found.applied = true;
    found.appliedAt = interest.createdAt;
    found.chosen = interest.outcome === "chosen";
    found.chosenAt = found.chosen ? (interest.opportunity.decidedAt ?? interest.createdAt) : null;
  }
  return [...rows.values()];
}

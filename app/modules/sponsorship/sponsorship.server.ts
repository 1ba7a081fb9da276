import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { dayToDate } from "~/modules/days";
import { ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { Viewer } from "~/modules/identity/policy";
import type { TargetOption } from "~/modules/growth/profile.server";
import { getLevel, type Ladder } from "~/modules/ladders";
import { ladderForPerson, servedLaddersIn } from "~/modules/ladders/registry.server";
import { effectiveBand } from "~/modules/mentorship/levels";
import { OFFERED } from "~/modules/opportunities/policy";
import * as clock from "~/platform/clock.server";
import type { SponsorshipInput } from "./forms";
import {
  canDecline,
  canEnd,
  canReadSponsorship,
  canSetCap,
  DEFAULT_CAP,
  isActive,
  isSenior,
  sponsorshipRefusal,
  type Advocacy,
  type SponsorshipFacts,
} from "./policy";
import { smallest } from "~/utils/extremes";

/**
 * Sponsorship: a senior person records that they will advocate for someone (for a level, a role
 * or an opportunity) until a day; the sponsee sees it (a to-do until they have) and may decline;
 * the sponsor may end it. A sponsor's active sponsorships are capped by the admins' setting.
 * Promotions ask `activelySponsors` whether a nomination's sponsor really sponsors the nominee.
 */

const START_OF_TODAY = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Active sponsorships as a query filter: policy.ts's isActive as a query (not declined, not ended, last day not past, both people still here). */
const activeWhere = (now: Date) => ({
  declinedAt: null,
  endedAt: null,
  until: { gte: START_OF_TODAY(now) },
  sponsor: { deactivatedAt: null },
  sponsee: { deactivatedAt: null },
});

export async function sponsorshipCap(): Promise<number> {
  return (
    (await db.sponsorshipSettings.findUnique({ where: { id: "org" }, select: { cap: true } }))
      ?.cap ?? DEFAULT_CAP
  );
}

export async function setSponsorshipCap(viewer: Viewer, cap: number): Promise<void> {
  if (!canSetCap(viewer)) throw new NotFoundError();
  await db.$transaction(async (tx) => {
    await tx.sponsorshipSettings.upsert({
      where: { id: "org" },
      create: { id: "org", cap },
      update: { cap },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "sponsorship.cap_set",
      subjectType: "people",
      subjectId: null,
      detail: { cap },
    });
  });
}

/** Whether `sponsorId` actively sponsors `sponseeId` today (what a sponsor's promotion nomination checks). */
export async function activelySponsors(
  sponsorId: string,
  sponseeId: string,
  now = clock.now(),
): Promise<boolean> {
  return (await db.sponsorship.count({ where: { sponsorId, sponseeId, ...activeWhere(now) } })) > 0;
}

/** A person's active sponsorships as their promotion packet shows them: who sponsors them, for what, until when. */
export async function activeSponsorsOf(
  sponseeId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<
  { sponsorId: string; sponsorName: string; advocacy: Advocacy; target: string; until: Date }[]
> {
  const rows = await db.sponsorship.findMany({
    where: { sponseeId, ...activeWhere(now) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      sponsorId: true,
      advocacy: true,
      target: true,
      until: true,
      sponsor: { select: { name: true } },
    },
  });
  const targets = await targetWords(rows, language);
  return rows.map((row) => ({
    sponsorId: row.sponsorId,
    sponsorName: row.sponsor.name,
    advocacy: row.advocacy as Advocacy,
    target: targets(row),
    until: row.until,
  }));
}

/** Who had an active sponsorship on a day, by person id: what an audit of who is sponsored counts by group. */
export async function sponsoredOn(day: Date): Promise<string[]> {
  const rows = await db.sponsorship.findMany({
    where: {
      createdAt: { lte: day },
      until: { gte: START_OF_TODAY(day) },
      AND: [
        { OR: [{ declinedAt: null }, { declinedAt: { gt: day } }] },
        { OR: [{ endedAt: null }, { endedAt: { gt: day } }] },
      ],
    },
    select: { sponseeId: true },
    distinct: ["sponseeId"],
  });
  return rows.map((row) => row.sponseeId);
}

/**
 * Every sponsorship as a span of days: from when it was recorded to the first day it was no longer
 * active (declined, ended, past its last day, or its sponsor left; the day after its last day while
 * it still runs). What the audit of who has a sponsor reads, over time.
 */
export async function sponsorshipSpans(): Promise<{ sponseeId: string; from: Date; to: Date }[]> {
  const rows = await db.sponsorship.findMany({
    select: {
      sponseeId: true,
      createdAt: true,
      until: true,
      declinedAt: true,
      endedAt: true,
      sponsor: { select: { deactivatedAt: true } },
    },
  });
  return rows.map((row) => {
    const dayAfterLast = new Date(START_OF_TODAY(row.until).getTime() + 24 * 60 * 60 * 1000);
    const stops = [row.declinedAt, row.endedAt, row.sponsor.deactivatedAt, dayAfterLast].filter(
      (at): at is Date => at !== null,
    );
    return {
      sponseeId: row.sponseeId,
      from: row.createdAt,
      to: new Date(smallest(stops.map((at) => at.getTime()))),
    };
  });
}

/** A target in words: a level's title, an opportunity's title, the role as written. */
async function targetWords(
  rows: readonly { advocacy: string; target: string }[],
  language: PageLanguage,
): Promise<(row: { advocacy: string; target: string }) => string> {
  const opportunityIds = rows
    .filter((row) => row.advocacy === "opportunity")
    .map((row) => row.target);
  const [opportunities, ladders] = await Promise.all([
    opportunityIds.length
      ? db.opportunity.findMany({
          where: { id: { in: opportunityIds } },
          select: { id: true, title: true },
        })
      : [],
    rows.some((row) => row.advocacy === "level") ? servedLaddersIn(language) : [],
  ]);
  const titles = new Map(opportunities.map((row) => [row.id, row.title]));
  return (row) => {
    if (row.advocacy === "opportunity") return titles.get(row.target) ?? "";
    if (row.advocacy === "level")
      return (
        ladders.map(({ ladder }) => getLevel(ladder, row.target)?.title).find(Boolean) ?? row.target
      );
    return row.target;
  };
}

async function bandOf(person: {
  ladderId: string | null;
  level: string | null;
}): Promise<{ band: number | null; ladder: Ladder | null }> {
  const served = await ladderForPerson(person);
  if (!served || !person.level) return { band: null, ladder: served?.ladder ?? null };
  return { band: effectiveBand(served.ladder, person.level), ladder: served.ladder };
}

const REFUSAL_KEYS = {
  self: "sponsorship:errors.self",
  inactive: "sponsorship:errors.sponseeMissing",
  "not-senior": "sponsorship:errors.notSenior",
  already: "sponsorship:errors.already",
  cap: "sponsorship:errors.cap",
} as const;

/** The viewer records a sponsorship; refused (nothing written) unless they are senior to the sponsee and under the cap. */
export async function recordSponsorship(viewer: Viewer, input: SponsorshipInput): Promise<string> {
  const now = clock.now();
  const [sponsor, sponsee, cap] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { ladderId: true, level: true },
    }),
    db.user.findUnique({
      where: { email: input.sponseeEmail },
      select: { id: true, ladderId: true, level: true, deactivatedAt: true },
    }),
    sponsorshipCap(),
  ]);
  if (!sponsee) throw new InvalidError({ key: "sponsorship:errors.sponseeMissing" });
  const until = dayToDate(input.until);
  if (until.getTime() < START_OF_TODAY(now).getTime())
    throw new InvalidError({ key: "sponsorship:errors.untilPast" });
  const [sponsorPlace, sponseePlace, active, already] = await Promise.all([
    bandOf(sponsor),
    bandOf(sponsee),
    db.sponsorship.count({ where: { sponsorId: viewer.id, ...activeWhere(now) } }),
    db.sponsorship.count({
      where: { sponsorId: viewer.id, sponseeId: sponsee.id, ...activeWhere(now) },
    }),
  ]);
  const refusal = sponsorshipRefusal({
    self: sponsee.id === viewer.id,
    sponseeActive: sponsee.deactivatedAt === null,
    senior: isSenior(sponsorPlace.band, sponseePlace.band),
    alreadySponsoring: already > 0,
    active,
    cap,
  });
  if (refusal)
    throw new InvalidError(
      refusal === "cap"
        ? { key: REFUSAL_KEYS.cap, values: { cap } }
        : { key: REFUSAL_KEYS[refusal] },
    );
  const target = await checkedTarget(input, sponseePlace.ladder);
  const created = await db.sponsorship.create({
    data: {
      sponsorId: viewer.id,
      sponseeId: sponsee.id,
      advocacy: input.advocacy,
      target,
      note: input.note,
      until,
    },
    select: { id: true },
  });
  return created.id;
}

/** What the sponsor advocates for: a level of the sponsee's ladder, a role in words, or an open opportunity. */
async function checkedTarget(input: SponsorshipInput, ladder: Ladder | null): Promise<string> {
  if (input.advocacy === "level") {
    if (!input.levelId || !ladder || !getLevel(ladder, input.levelId))
      throw new InvalidError({ key: "sponsorship:errors.level" });
    return input.levelId;
  }
  if (input.advocacy === "opportunity") {
    // One the opportunities page offers everyone (OFFERED): not one whose poster has left, which only those involved see.
    const opportunity = input.opportunityId
      ? await db.opportunity.findFirst({
          where: { id: input.opportunityId, ...OFFERED },
          select: { id: true },
        })
      : null;
    if (!opportunity) throw new InvalidError({ key: "sponsorship:errors.opportunity" });
    return input.opportunityId!;
  }
  if (!input.role) throw new InvalidError({ key: "sponsorship:errors.role" });
  return input.role;
}

const ROW = {
  id: true,
  sponsorId: true,
  sponseeId: true,
  advocacy: true,
  target: true,
  note: true,
  until: true,
  seenAt: true,
  declinedAt: true,
  declineReason: true,
  endedAt: true,
  createdAt: true,
  sponsor: { select: { name: true, deactivatedAt: true } },
  sponsee: { select: { name: true, deactivatedAt: true } },
} as const;

/** A stored sponsorship as policy.ts reads it. */
function factsOf(row: {
  sponsorId: string;
  sponseeId: string;
  until: Date;
  declinedAt: Date | null;
  endedAt: Date | null;
  sponsor: { deactivatedAt: Date | null };
  sponsee: { deactivatedAt: Date | null };
}): SponsorshipFacts {
  return {
    sponsorId: row.sponsorId,
    sponseeId: row.sponseeId,
    until: row.until,
    declinedAt: row.declinedAt,
    endedAt: row.endedAt,
    sponsorLeft: row.sponsor.deactivatedAt !== null,
    sponseeLeft: row.sponsee.deactivatedAt !== null,
  };
}

/** The sponsorships of `rows` the viewer may read, as their pages show them. */
async function shownTo(
  viewer: Viewer,
  rows: readonly Prisma.SponsorshipGetPayload<{ select: typeof ROW }>[],
  now: Date,
  language: PageLanguage,
) {
  const readable = rows.filter((row) => canReadSponsorship(viewer, row));
  const targets = await targetWords(readable, language);
  return readable.map((row) => ({
    id: row.id,
    sponsorName: row.sponsor.name,
    sponseeName: row.sponsee.name,
    advocacy: row.advocacy as Advocacy,
    target: targets(row),
    note: row.note,
    until: row.until,
    active: isActive(factsOf(row), now),
    declinedAt: row.declinedAt,
    declineReason: row.declineReason,
    endedAt: row.endedAt,
    canDecline: canDecline(viewer, factsOf(row), now),
    canEnd: canEnd(viewer, factsOf(row), now),
    mine:
      row.sponsorId === viewer.id
        ? ("given" as const)
        : row.sponseeId === viewer.id
          ? ("received" as const)
          : ("other" as const),
  }));
}

/**
 * The sponsorships the viewer gives and receives, as their page shows them, without marking any
 * seen (the person's export).
 */
export async function sponsorshipsRecordOf(
  viewer: Viewer,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const rows = await db.sponsorship.findMany({
    where: { OR: [{ sponsorId: viewer.id }, { sponseeId: viewer.id }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: ROW,
  });
  const shown = await shownTo(viewer, rows, clock.now(), language);
  return {
    given: shown.filter((row) => row.mine === "given"),
    received: shown.filter((row) => row.mine === "received"),
  };
}

/**
 * The sponsorships page: the ones the viewer gives and receives (the viewer's received ones are
 * seen now, which ends their to-do), every sponsorship for admins, the cap, and what the form offers.
 */
export async function sponsorshipsPage(viewer: Viewer, language: PageLanguage = SOURCE_LANGUAGE) {
  const now = clock.now();
  await db.sponsorship.updateMany({
    where: { sponseeId: viewer.id, seenAt: null },
    data: { seenAt: now },
  });
  const [rows, cap, opportunities, ladders] = await Promise.all([
    db.sponsorship.findMany({
      where: viewer.isAdmin ? {} : { OR: [{ sponsorId: viewer.id }, { sponseeId: viewer.id }] },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: ROW,
    }),
    sponsorshipCap(),
    db.opportunity.findMany({
      where: OFFERED,
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      select: { id: true, title: true },
    }),
    servedLaddersIn(language),
  ]);
  const shown = await shownTo(viewer, rows, now, language);
  const given = shown.filter((row) => row.mine === "given");
  return {
    cap,
    activeGiven: given.filter((row) => row.active).length,
    given,
    received: shown.filter((row) => row.mine === "received"),
    others: viewer.isAdmin ? shown.filter((row) => row.mine === "other") : [],
    isAdmin: viewer.isAdmin,
    opportunities,
    // Each track's levels in a group (as the growth plan's picker offers them), as the ladder names
    // them in the reader's language; a track's id made unique across ladders.
    levelGroups: ladders.flatMap(({ ladder }) =>
      ladder.tracks.map((track): TargetOption => ({
        trackId: `${ladder.meta.id}/${track.id}`,
        trackName: track.name,
        levels: track.levels.map((level) => ({ id: level.id, title: level.title })),
      })),
    ),
  };
}

async function requireReadable(viewer: Viewer, sponsorshipId: string) {
  const row = await db.sponsorship.findUnique({
    where: { id: sponsorshipId },
    select: {
      sponsorId: true,
      sponseeId: true,
      until: true,
      declinedAt: true,
      endedAt: true,
      sponsor: { select: { deactivatedAt: true } },
      sponsee: { select: { deactivatedAt: true } },
    },
  });
  if (!row || !canReadSponsorship(viewer, row))
    throw new NotFoundError({ key: "sponsorship:errors.none" });
  return factsOf(row);
}

/** The sponsee declines, with an optional reason the sponsor reads. */
export async function declineSponsorship(
  viewer: Viewer,
  sponsorshipId: string,
  reason: string,
): Promise<void> {
  const row = await requireReadable(viewer, sponsorshipId);
  const now = clock.now();
  if (!canDecline(viewer, row, now))
    throw new ForbiddenError({ key: "sponsorship:errors.notActive" });
  await db.sponsorship.update({
    where: { id: sponsorshipId },
    data: { declinedAt: now, declineReason: reason.trim() || null },
  });
}

/** The sponsor ends a sponsorship before its day. */
export async function endSponsorship(viewer: Viewer, sponsorshipId: string): Promise<void> {
  const row = await requireReadable(viewer, sponsorshipId);
  const now = clock.now();
  if (!canEnd(viewer, row, now)) throw new ForbiddenError({ key: "sponsorship:errors.notActive" });
  await db.sponsorship.update({ where: { id: sponsorshipId }, data: { endedAt: now } });
}

import { randomUUID } from "node:crypto";
import { createUnlessExists } from "~/db/create-unless-exists.server";
import { db, type Prisma } from "~/db/client.server";
import { personFloors } from "~/modules/disclosure/floors.server";
import { groupLabel } from "~/modules/equity/audit";
import { servedLaddersIn } from "~/modules/ladders/registry.server";
import { parseAttributes } from "~/modules/people/attributes";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import {
  askedByGroup,
  experienceByGroup,
  groupOnPage,
  groupsOf,
  quarterBounds,
  quarterOf,
} from "./by-group";
import { EDMONDSON_ITEMS } from "./items";
import { canReadByGroup, comparesByGroup, storesInGroup, type HealthViewer } from "./policy";
import { batchOf, type StoredAnswer } from "./release";
import { largest } from "~/utils/extremes";

/**
 * The store of answers by group (decision 126) and the organisation view's section that reads it.
 * An answer's seven scale values are written once per group of the person's (track, level, each
 * imported attribute), in the same transaction as the team's answer, with no team, no person and no
 * link to it; a group with fewer people in the organisation than its floor is not stored at all.
 */

type Tx = Prisma.TransactionClient;

/** A group an answer goes to, with the store's floor should the answer be its first. */
export type GroupPlace = { dimension: string; group: string; floor: number };

/**
 * The groups a person's answer is stored in: each of theirs with at least its floor of active
 * people in the organisation (the floor the highest of those people's). Read before the answer's
 * transaction: the floors' read is the app's, not the transaction's.
 */
export async function groupPlaces(personId: string): Promise<GroupPlace[]> {
  // Not compared now (decision 128): no answer is stored by group, so nobody's groups are read.
  if (!comparesByGroup()) return [];
  const people = await db.user.findMany({
    where: { deactivatedAt: null },
    select: { id: true, track: true, level: true, attributes: true },
  });
  const me = people.find((person) => person.id === personId);
  if (!me) return [];
  const floors = await personFloors();
  const keyOf = (dimension: string, group: string) => `${dimension}\u0000${group}`;
  const members = new Map<string, string[]>();
  for (const person of people)
    for (const { dimension, group } of groupsOf({
      ...person,
      attributes: parseAttributes(person.attributes),
    })) {
      const key = keyOf(dimension, group);
      (members.get(key) ?? members.set(key, []).get(key)!).push(person.id);
    }
  return groupsOf({ ...me, attributes: parseAttributes(me.attributes) })
    .map(({ dimension, group }) => {
      const ids = members.get(keyOf(dimension, group)) ?? [];
      return { dimension, group, people: ids.length, floor: largest(ids.map(floors), 0) };
    })
    .filter(storesInGroup)
    .map(({ dimension, group, floor }) => ({ dimension, group, floor }))
    .sort((a, b) => keyOf(a.dimension, a.group).localeCompare(keyOf(b.dimension, b.group)));
}

/**
 * Writes the answer's scale values to each group's store of the quarter, in the answer's
 * transaction: the next place in that store, its batch ⌊place / floor⌋. The store's count is
 * raised first (its row's lock on PostgreSQL), so two answers at once take a place each; the
 * stores are taken in one order, so two answers never wait on each other's.
 */
export async function storeByGroup(
  tx: Tx,
  places: readonly GroupPlace[],
  startedAt: Date,
  values: Readonly<Record<string, number>>,
): Promise<void> {
  const scale = Object.fromEntries(
    EDMONDSON_ITEMS.flatMap((item) =>
      typeof values[item] === "number" ? [[item, values[item]]] : [],
    ),
  );
  if (!Object.keys(scale).length) return;
  const period = quarterOf(startedAt);
  for (const { dimension, group, floor } of places) {
    await createUnlessExists(tx, (client) =>
      client.teamHealthGroupStore.create({ data: { period, dimension, group, floor } }),
    );
    const store = await tx.teamHealthGroupStore.update({
      where: { period_dimension_group: { period, dimension, group } },
      data: { answers: { increment: 1 } },
      select: { id: true, floor: true, answers: true },
    });
    await tx.teamHealthGroupAnswer.create({
      data: {
        id: randomUUID(),
        storeId: store.id,
        batch: batchOf(store.answers - 1, store.floor),
        values: JSON.stringify(scale),
      },
    });
  }
}

/** Deletes a quarter's stores with their answers (the retention rule for answers, retention.server.ts); how many answers went. */
export async function removeQuarter(tx: Tx, startedAt: Date): Promise<number> {
  const period = quarterOf(startedAt);
  const { count } = await tx.teamHealthGroupAnswer.deleteMany({ where: { store: { period } } });
  await tx.teamHealthGroupStore.deleteMany({ where: { period } });
  return count;
}

/** How many of each group were asked in the quarter's check-ins, and how many outside the team that holds most of them (today's groups). */
async function askedInQuarter(period: string) {
  const bounds = quarterBounds(period)!;
  const invitations = await db.teamHealthInvitation.findMany({
    where: { checkInTeam: { checkIn: { createdAt: { gte: bounds.from, lt: bounds.to } } } },
    select: {
      personId: true,
      checkInTeam: { select: { teamId: true } },
      person: { select: { track: true, level: true, attributes: true } },
    },
  });
  return askedByGroup(
    invitations.map((invitation) => ({
      personId: invitation.personId,
      teamId: invitation.checkInTeam.teamId,
      groups: groupsOf({
        ...invitation.person,
        attributes: parseAttributes(invitation.person.attributes),
      }),
    })),
  );
}

/**
 * The organisation view's "Experience by group" for a quarter (the latest with answers by group when
 * none is asked for): null for anyone the policy does not let read it. Only what the page shows is
 * returned: each shown group's score and items' scored means with intervals and their differences
 * from the rest; a group not shown, its name alone.
 */
export async function experienceSection(
  viewer: HealthViewer,
  quarter: string | null = null,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  if (!canReadByGroup(viewer)) return null;
  const periods = (
    await db.teamHealthGroupStore.findMany({ distinct: ["period"], select: { period: true } })
  )
    .map((row) => row.period)
    .sort()
    .reverse();
  const period = quarter && periods.includes(quarter) ? quarter : (periods[0] ?? null);
  if (!period) return { periods, period, dimensions: [], comparisons: 0 };
  const [stores, askedOf, ladders] = await Promise.all([
    db.teamHealthGroupStore.findMany({
      where: { period },
      select: {
        dimension: true,
        group: true,
        floor: true,
        rows: { select: { batch: true, values: true } },
      },
    }),
    askedInQuarter(period),
    servedLaddersIn(language).then((served) => served.map((entry) => entry.ladder)),
  ]);
  const experience = experienceByGroup(
    stores.map((store) => ({
      dimension: store.dimension,
      group: store.group,
      floor: store.floor,
      answers: store.rows.map((row): StoredAnswer => ({
        batch: row.batch,
        values: JSON.parse(row.values) as Record<string, number>,
      })),
    })),
    askedOf,
  );
  return {
    periods,
    period,
    comparisons: experience.comparisons,
    dimensions: experience.dimensions.map((dimension) => ({
      id: dimension.id,
      groups: dimension.groups.map((group) => ({
        label: groupLabel(ladders, dimension.id, group.value),
        ...groupOnPage(group),
      })),
    })),
  };
}

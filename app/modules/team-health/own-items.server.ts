import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import type { AuditAction } from "~/modules/audit/events";
import { isLanguage, SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { ConflictError, InvalidError, NotFoundError } from "~/modules/errors";
import * as clock from "~/platform/clock.server";
import type { OwnItemInput } from "./forms";
import { parseWording, shownIn, type AskedOwnItem } from "./own-items";
import {
  canDeleteItem,
  canWriteItems,
  isOffered,
  itemWriteRefusal,
  MAX_ACTIVE_OWN_ITEMS,
  type HealthViewer,
} from "./policy";

/**
 * The organisation's own items (decision 123): admins write them, change their wording, retire
 * them and bring them back; one no check-in asked may be deleted. A check-in keeps the wording it
 * asked (team-health.server.ts, startCheckIn), so nothing here changes a past check-in. Each change
 * is in the audit log, the item by its id (never its words).
 */

const audited = (
  tx: Prisma.TransactionClient,
  viewer: HealthViewer,
  action: AuditAction,
  id: string,
) =>
  recordAuditEvent(tx, {
    actorId: viewer.id,
    action,
    subjectType: "team-health-item",
    subjectId: id,
  });

const selected = {
  id: true,
  language: true,
  wording: true,
  reversed: true,
  askedAt: true,
  retiredAt: true,
} as const;

type Row = {
  id: string;
  language: string;
  wording: string;
  reversed: boolean;
  askedAt: Date | null;
  retiredAt: Date | null;
};

/** The item as a check-in asks it. */
export function asAsked(row: Row): AskedOwnItem {
  return {
    language: isLanguage(row.language) ? row.language : SOURCE_LANGUAGE,
    wording: parseWording(row.wording),
    reversed: row.reversed,
  };
}

function refuse(viewer: HealthViewer, addsOffered: boolean, offered: number) {
  const refusal = itemWriteRefusal({ mayWrite: canWriteItems(viewer), addsOffered, offered });
  if (refusal === "forbidden") throw new NotFoundError();
  if (refusal === "too-many")
    throw new InvalidError({
      key: "teamHealth:errors.own.tooMany",
      values: { max: MAX_ACTIVE_OWN_ITEMS },
    });
}

/** Every own item for the admin page: offered ones first, each with its wording in every language written. */
export async function ownItemsForAdmin(viewer: HealthViewer) {
  if (!canWriteItems(viewer)) throw new NotFoundError();
  const rows = await db.teamHealthItem.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: selected,
  });
  const items = rows.map((row) => ({
    id: row.id,
    ...asAsked(row),
    asked: row.askedAt !== null,
    retired: !isOffered(row),
    canDelete: canDeleteItem(row),
  }));
  return {
    offered: items.filter((item) => !item.retired),
    retired: items.filter((item) => item.retired),
    max: MAX_ACTIVE_OWN_ITEMS,
  };
}

/** Writes a new own item, or changes one (`id`): a past check-in keeps the wording it asked. */
export async function writeOwnItem(
  viewer: HealthViewer,
  input: OwnItemInput,
  id: string | null = null,
): Promise<string> {
  const data = {
    language: input.language,
    wording: JSON.stringify(
      Object.fromEntries(Object.entries(input.wording).filter(([, text]) => text)),
    ),
    reversed: input.reversed,
  };
  return db.$transaction(async (tx) => {
    if (id === null) {
      refuse(viewer, true, await tx.teamHealthItem.count({ where: { retiredAt: null } }));
      const row = await tx.teamHealthItem.create({ data, select: { id: true } });
      await audited(tx, viewer, "team_health.item_written", row.id);
      return row.id;
    }
    refuse(viewer, false, 0);
    const { count } = await tx.teamHealthItem.updateMany({ where: { id }, data });
    if (count !== 1) throw new NotFoundError();
    await audited(tx, viewer, "team_health.item_changed", id);
    return id;
  });
}

/** Retires an item: no new check-in is offered it; past ones still show it as they asked it. */
export async function retireOwnItem(viewer: HealthViewer, id: string, now = clock.now()) {
  refuse(viewer, false, 0);
  await db.$transaction(async (tx) => {
    const { count } = await tx.teamHealthItem.updateMany({
      where: { id, retiredAt: null },
      data: { retiredAt: now },
    });
    if (count === 1) await audited(tx, viewer, "team_health.item_retired", id);
    // Retired already (a second click): nothing to do; not there at all: the 404.
    else if (!(await tx.teamHealthItem.count({ where: { id } }))) throw new NotFoundError();
  });
}

/** Offers a retired item again. */
export async function restoreOwnItem(viewer: HealthViewer, id: string) {
  await db.$transaction(async (tx) => {
    refuse(viewer, true, await tx.teamHealthItem.count({ where: { retiredAt: null } }));
    const { count } = await tx.teamHealthItem.updateMany({
      where: { id, retiredAt: { not: null } },
      data: { retiredAt: null },
    });
    if (count === 1) await audited(tx, viewer, "team_health.item_restored", id);
    else if (!(await tx.teamHealthItem.count({ where: { id } }))) throw new NotFoundError();
  });
}

/** Deletes an item no check-in asked; one a check-in asked is retired instead. */
export async function deleteOwnItem(viewer: HealthViewer, id: string) {
  refuse(viewer, false, 0);
  await db.$transaction(async (tx) => {
    const row = await tx.teamHealthItem.findUnique({ where: { id }, select: { askedAt: true } });
    if (!row) throw new NotFoundError();
    if (!canDeleteItem(row)) throw new ConflictError({ key: "teamHealth:errors.own.asked" });
    await tx.teamHealthItem.delete({ where: { id } });
    await audited(tx, viewer, "team_health.item_deleted", id);
  });
}

/** The own items a new check-in is offered, worded for the reader (marked when in another language). */
export async function offeredOwnItems(language: PageLanguage) {
  const rows = await db.teamHealthItem.findMany({
    where: { retiredAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: selected,
  });
  return rows.filter(isOffered).map((row) => ({ id: row.id, ...shownIn(asAsked(row), language) }));
}

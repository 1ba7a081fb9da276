import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { InvalidError } from "~/modules/errors";
import { servedLadders } from "~/modules/ladders/registry.server";
import type { SettingsInput } from "./forms";
import {
  canManagePromotions,
  ORGANISATION_SCOPE,
  promotionModeFor,
  type PromotionMode,
  type PromotionViewer,
} from "./policy";
import { ForbiddenError } from "~/modules/errors";

type Reader = Pick<Prisma.TransactionClient, "promotionSettings">;

/** What a scope without a row of its own starts from: the organisation's row, else these. */
export const DEFAULT_SETTINGS: Omit<SettingsInput, "scope"> = {
  mode: "calibration",
  selfNomination: true,
  sponsorNomination: true,
  minMembers: 3,
  membersAtOrAbove: true,
  minOutsideMembers: 1,
  redactedFirstRead: false,
  waitWindowsAfterNotYet: 0,
};

const SETTING_FIELDS = {
  scope: true,
  mode: true,
  selfNomination: true,
  sponsorNomination: true,
  minMembers: true,
  membersAtOrAbove: true,
  minOutsideMembers: true,
  redactedFirstRead: true,
  waitWindowsAfterNotYet: true,
} as const;

export type StoredSettings = SettingsInput;

/** Every stored settings row: the organisation's ("" scope) and each ladder's own. */
export async function allSettings(client: Reader = db): Promise<StoredSettings[]> {
  const rows = await client.promotionSettings.findMany({
    select: SETTING_FIELDS,
    orderBy: { scope: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    mode: row.mode === "committee" ? "committee" : "calibration",
  }));
}

/** The settings that hold for a ladder: its own row, else the organisation's, else the defaults. */
export function settingsFor(ladderId: string, rows: readonly StoredSettings[]): StoredSettings {
  const own =
    rows.find((row) => row.scope === ladderId) ??
    rows.find((row) => row.scope === ORGANISATION_SCOPE);
  return {
    ...DEFAULT_SETTINGS,
    ...own,
    mode: promotionModeFor(ladderId, rows),
    scope: own?.scope ?? ORGANISATION_SCOPE,
  };
}

export async function modeOfLadder(ladderId: string, client: Reader = db): Promise<PromotionMode> {
  return promotionModeFor(
    ladderId,
    await client.promotionSettings.findMany({ select: { scope: true, mode: true } }),
  );
}

/**
 * An admin chooses how promotions are decided, for the organisation or one ladder (job family),
 * with the committee rules and nomination rights new windows copy. In the audit log.
 */
export async function saveSettings(viewer: PromotionViewer, input: SettingsInput): Promise<void> {
  if (!canManagePromotions(viewer)) throw new ForbiddenError({ key: "common:errors.adminsOnly" });
  if (
    input.scope !== ORGANISATION_SCOPE &&
    !(await servedLadders()).some((served) => served.ladder.meta.id === input.scope)
  ) {
    throw new InvalidError({ key: "promotions:errors.noSuchLadder" });
  }
  const { scope, ...values } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.promotionSettings.findUnique({
      where: { scope },
      select: { mode: true },
    });
    await tx.promotionSettings.upsert({
      where: { scope },
      create: { scope, ...values, updatedById: viewer.id },
      update: { ...values, updatedById: viewer.id },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "promotions.settings_changed",
      subjectType: "promotions",
      subjectId: scope || null,
      detail: {
        ...values,
        scope: scope || "organisation",
        mode: { from: before?.mode ?? null, to: values.mode },
      },
    });
  });
}

/** A ladder's own row goes: the organisation's choice holds for it again. */
export async function clearLadderSettings(
  viewer: PromotionViewer,
  ladderId: string,
): Promise<void> {
  if (!canManagePromotions(viewer)) throw new ForbiddenError({ key: "common:errors.adminsOnly" });
  if (ladderId === ORGANISATION_SCOPE)
    throw new InvalidError({ key: "promotions:errors.noSuchLadder" });
  await db.$transaction(async (tx) => {
    const removed = await tx.promotionSettings.deleteMany({ where: { scope: ladderId } });
    if (removed.count)
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        action: "promotions.settings_cleared",
        subjectType: "promotions",
        subjectId: ladderId,
      });
  });
}

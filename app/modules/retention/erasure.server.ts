import { db, type Prisma } from "~/db/client.server";
import { i18nFor } from "~/i18n/i18n.server";
import { chooseLanguage } from "~/i18n/languages";
import { getEnv } from "~/utils/env.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { personalData } from "~/platform/personal-data";
import { erasureGoesAhead, type OthersTexts } from "./policy";

/**
 * Erasure of a person who left (decision 091). Their name and email are replaced, every free text
 * about them and of their own goes, and so does what let them sign in or be written to. What the
 * reports count stays, under the replaced name: ratings, outcomes, level and manager changes, team,
 * track, level and imported attributes, so every aggregate over them reads as before and still
 * passes the disclosure check; no report shows one person's figure, so nothing of theirs is left
 * outside an aggregate. The texts they wrote in other people's records (reviews of their reports,
 * shared one-to-one notes, points and actions, check-ins, calibration rationales) follow the leavers rule: kept
 * under the replaced name, or removed. Feedback they gave is the exception: it stays until the
 * feedback rule removes the examples of its whole batch, as removing theirs from an anonymous batch
 * would tell its reader which were theirs. All of it in the caller's transaction, with the ledger's entry
 * and an audit event that names nobody's words: all or nothing for the person.
 */

/**
 * The name an erased person is listed under, written once in the organisation's language. It is
 * stored as their name: every page, export and report shows a person's name as it is stored, as
 * it shows the ladders' texts, so the words are chosen when the name is written, not when it is read.
 */
export function erasedName(): string {
  const language = chooseLanguage({
    chosen: null,
    acceptLanguage: null,
    organisation: getEnv().ORG_LANGUAGE,
  });
  return String(i18nFor(language).getFixedT(language, "retention")("erase.erasedName"));
}

/** Unique, and never deliverable (.invalid is reserved for that). */
export function erasedEmail(personId: string): string {
  return `erased-${personId}@erased.invalid`;
}

/** retention: the leavers rule; request: an admin, for an erasure request; replay: after a restore. */
export type ErasureReason = "retention" | "request" | "replay";

/** Erases one person in the caller's transaction; false (and nothing written) when they are on hold or already erased. */
export async function eraseInTransaction(
  tx: Prisma.TransactionClient,
  personId: string,
  now: Date,
  othersTexts: OthersTexts,
  reason: ErasureReason,
  actorId: string | null = null,
): Promise<boolean> {
  const [held, erased] = await Promise.all([
    tx.legalHold.findUnique({ where: { personId } }),
    tx.erasureRecord.findUnique({ where: { personId } }),
  ]);
  if (
    !erasureGoesAhead({ erased: erased !== null, held: held !== null, replay: reason === "replay" })
  )
    return false;

  // Each module removes the words it holds about and by them, as it declared (workflows.server.ts).
  await personalData.erase({ tx, personId, now, othersTexts });

  // Last, as it is the step most likely to be refused: a refusal rolls back everything above.
  await tx.user.update({
    where: { id: personId },
    data: {
      name: erasedName(),
      email: erasedEmail(personId),
      scimUserName: null,
      scimExternalId: null,
      scimManagerRef: null,
      timeZone: null,
      language: null,
      sharesAllEvidence: false,
    },
  });
  await tx.erasureRecord.create({ data: { personId, erasedAt: now } });
  await recordAuditEvent(tx, {
    actorId,
    action: "person.erased",
    subjectType: "person",
    subjectId: personId,
    detail: { reason },
  });
  return true;
}

/** One person, one transaction. */
export async function erasePerson(
  personId: string,
  now: Date,
  othersTexts: OthersTexts,
  reason: ErasureReason,
  actorId: string | null = null,
): Promise<boolean> {
  return db.$transaction((tx) =>
    eraseInTransaction(tx, personId, now, othersTexts, reason, actorId),
  );
}

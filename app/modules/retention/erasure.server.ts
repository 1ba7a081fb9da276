import { db, type Prisma } from "~/db/client.server";
import { i18nFor } from "~/i18n/i18n.server";
import { chooseLanguage } from "~/i18n/languages";
import { getEnv } from "~/utils/env.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { revokeTokensOf } from "~/modules/api/tokens.server";
import { purgeCandidatesHiredAs } from "~/modules/hiring/candidates.server";
import type { OthersTexts } from "./policy";

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

/** Keys of earlier audit details that carried the person's name, email or identity provider names. */
const IDENTIFYING_KEYS = ["name", "email", "userName", "externalId"];

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
  if (erased || (held && reason !== "replay")) return false;

  // Their own records and the records about them: the words go, the ratings stay.
  await tx.careerEvidence.deleteMany({ where: { personId } });
  await tx.ratingEvidence.deleteMany({
    where: { rating: { assessment: { subjectId: personId } } },
  });
  await tx.assessmentRating.updateMany({
    where: { assessment: { subjectId: personId } },
    data: { notes: "" },
  });
  await tx.assessment.updateMany({ where: { subjectId: personId }, data: { summary: "" } });
  await tx.calibrationEntry.updateMany({
    where: { personId },
    data: { rationale: "", proposalDraft: null },
  });
  await tx.calibrationEntry.updateMany({
    where: { personId, finalReason: { not: null } },
    data: { finalReason: "" },
  });
  // Feedback about them, batch by batch (a cycle's answers): a batch with a held reviewer stays whole.
  const aboutThem = await tx.feedbackRequest.findMany({
    where: { subjectId: personId },
    select: { cycleId: true, reviewerId: true },
  });
  const heldReviewers = new Set(
    (
      await tx.legalHold.findMany({
        where: { personId: { in: aboutThem.map((request) => request.reviewerId) } },
        select: { personId: true },
      })
    ).map((hold) => hold.personId),
  );
  const keptCycles = [
    ...new Set(
      aboutThem
        .filter((request) => heldReviewers.has(request.reviewerId))
        .map((request) => request.cycleId),
    ),
  ];
  await tx.feedbackAnswer.updateMany({
    where: { request: { subjectId: personId, cycleId: { notIn: keptCycles } } },
    data: { example: "" },
  });
  await tx.feedbackRequest.updateMany({
    where: {
      OR: [{ subjectId: personId }, { reviewerId: personId }],
      declineReason: { not: null },
    },
    data: { declineReason: "" },
  });
  await tx.conversationNote.deleteMany({ where: { authorId: personId, visibility: "private" } });
  await tx.mentorshipParticipant.updateMany({
    where: { userId: personId },
    data: { preferences: "", note: "" },
  });
  await tx.mentorshipPair.updateMany({
    where: { OR: [{ menteeId: personId }, { mentorId: personId }] },
    data: { outcomeNote: "" },
  });
  await tx.mentorshipPair.updateMany({
    where: { OR: [{ menteeId: personId }, { mentorId: personId }], declineReason: { not: null } },
    data: { declineReason: "" },
  });
  await tx.mentorshipRequest.updateMany({
    where: { OR: [{ menteeId: personId }, { mentorId: personId }], declineNote: { not: null } },
    data: { declineNote: "" },
  });
  await purgeCandidatesHiredAs(tx, personId, now);

  if (othersTexts === "remove") {
    const aboutOthers = { authorId: personId, subjectId: { not: personId } };
    await tx.ratingEvidence.deleteMany({ where: { rating: { assessment: aboutOthers } } });
    await tx.assessmentRating.updateMany({
      where: { assessment: aboutOthers },
      data: { notes: "" },
    });
    await tx.assessment.updateMany({ where: aboutOthers, data: { summary: "" } });
    await tx.calibrationEntry.updateMany({
      where: { managerId: personId, personId: { not: personId } },
      data: { rationale: "", proposalDraft: null },
    });
    await tx.conversationNote.deleteMany({ where: { authorId: personId } });
    await tx.conversationPoint.updateMany({ where: { authorId: personId }, data: { text: "" } });
    await tx.conversationAction.updateMany({
      where: { createdById: personId },
      data: { text: "" },
    });
    await tx.mentorshipCheckIn.updateMany({ where: { authorId: personId }, data: { note: "" } });
  }

  // Nothing to sign in with, nothing to write to, no message holding their address.
  await tx.password.deleteMany({ where: { userId: personId } });
  await tx.session.deleteMany({ where: { userId: personId } });
  await tx.knownDevice.deleteMany({ where: { userId: personId } });
  await tx.passwordToken.deleteMany({ where: { userId: personId } });
  await tx.notificationPreference.deleteMany({ where: { userId: personId } });
  await tx.outboxMessage.deleteMany({ where: { userId: personId } });
  await revokeTokensOf(tx, personId, now);

  // Earlier audit events about them keep what happened, not who they were.
  const events = await tx.auditEvent.findMany({
    where: { subjectType: "person", subjectId: personId },
    select: { id: true, detail: true },
  });
  for (const event of events) {
    const detail = event.detail;
    if (
      !detail ||
      typeof detail !== "object" ||
      Array.isArray(detail) ||
      !IDENTIFYING_KEYS.some((key) => key in detail)
    )
      continue;
    const kept = Object.fromEntries(
      Object.entries(detail).filter(([key]) => !IDENTIFYING_KEYS.includes(key)),
    );
    await tx.auditEvent.update({
      where: { id: event.id },
      data: { detail: kept as Prisma.InputJsonObject },
    });
  }

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

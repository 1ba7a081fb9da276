import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { competenciesForTrack, getCompetency } from "~/modules/ladders";
import { ladderForPerson, ladderInLanguage } from "~/modules/ladders/registry.server";
import { EVIDENCE_TEXT_LIMIT } from "./evidence-limits";
import {
  canReadEvidence,
  canRecordEvidence,
  canSeeEvidenceOf,
  roleInSeries,
  type ConversationViewer,
} from "./policy";
import * as clock from "~/platform/clock.server";

/**
 * Evidence between cycles: a person records, against a competency of their own ladder, a sentence,
 * an optional link and the day it happened, from a conversation or on its own. It is theirs; their
 * manager reads an item once it is shared, or all of it once they share all. When their next
 * self-assessment opens, what they recorded since the last one is offered beside each competency.
 */

export type EvidenceInput = {
  competencyId: string;
  text: string;
  url: string | null;
  occurredOn: Date;
  meetingId?: string | null;
  shared?: boolean;
};

export type EvidenceItem = {
  id: string;
  competencyId: string;
  competencyName: string;
  text: string;
  url: string | null;
  occurredOn: Date;
  shared: boolean;
  fromConversation: boolean;
};

/** The competencies a person can record evidence against: their track's, in their ladder. */
export async function evidenceCompetencies(
  personId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<{ id: string; name: string }[]> {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { ladderId: true, level: true, track: true },
  });
  if (!person?.track) return [];
  const served = await ladderForPerson(person);
  return served
    ? competenciesForTrack(ladderInLanguage(served.ladder, language).ladder, person.track).map(
        (competency) => ({
          id: competency.id,
          name: competency.name,
        }),
      )
    : [];
}

function checkUrl(url: string | null): string | null {
  if (!url?.trim()) return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol === "https:" || parsed.protocol === "http:") return parsed.toString();
  } catch {
    // Not a URL: the message below.
  }
  throw new InvalidError({ key: "conversations:errors.evidence.url" });
}

/** `client`: a transaction to write it in, when the item is one part of a larger write (evidence of work on an opportunity). */
export async function recordEvidence(
  viewer: ConversationViewer,
  input: EvidenceInput,
  now = clock.now(),
  client: Prisma.TransactionClient = db,
): Promise<string> {
  if (!canRecordEvidence(viewer, viewer.id)) throw new NotFoundError();
  const text = input.text.trim();
  if (!text) throw new InvalidError({ key: "conversations:form.errors.evidenceMissing" });
  if (text.length > EVIDENCE_TEXT_LIMIT)
    throw new InvalidError({
      key: "conversations:errors.evidence.tooLong",
      values: { limit: EVIDENCE_TEXT_LIMIT },
    });
  if (input.occurredOn.getTime() > now.getTime())
    throw new InvalidError({ key: "conversations:errors.evidence.future" });
  const competencies = await evidenceCompetencies(viewer.id);
  if (!competencies.some((competency) => competency.id === input.competencyId))
    throw new InvalidError({ key: "conversations:errors.evidence.competency" });
  if (input.meetingId) {
    const meeting = await db.conversationMeeting.findUnique({
      where: { id: input.meetingId },
      select: { series: { select: { managerId: true, reportId: true } } },
    });
    if (!meeting || roleInSeries(viewer, meeting.series) === null)
      throw new NotFoundError({ key: "conversations:errors.noMeeting" });
  }
  const created = await client.careerEvidence.create({
    data: {
      personId: viewer.id,
      competencyId: input.competencyId,
      text,
      url: checkUrl(input.url),
      occurredOn: input.occurredOn,
      meetingId: input.meetingId ?? null,
      shared: input.shared ?? false,
    },
    select: { id: true },
  });
  return created.id;
}

/** The person shares an item with their manager, or takes it back. */
export async function setEvidenceShared(
  viewer: ConversationViewer,
  evidenceId: string,
  shared: boolean,
): Promise<void> {
  await requireOwnEvidence(viewer, evidenceId);
  await db.careerEvidence.update({ where: { id: evidenceId }, data: { shared } });
}

/** An item the viewer changes, shares or deletes: to anyone but its person (their manager included) it does not exist. */
async function requireOwnEvidence(viewer: ConversationViewer, evidenceId: string): Promise<void> {
  const evidence = await db.careerEvidence.findUnique({
    where: { id: evidenceId },
    select: { personId: true },
  });
  if (!evidence || !canRecordEvidence(viewer, evidence.personId))
    throw new NotFoundError({ key: "conversations:errors.evidence.none" });
}

/** The person shares all their evidence with their manager (now and later), or goes back to item by item. */
export async function setShareAllEvidence(
  viewer: ConversationViewer,
  sharesAll: boolean,
): Promise<void> {
  await db.user.update({ where: { id: viewer.id }, data: { sharesAllEvidence: sharesAll } });
}

export async function deleteEvidence(
  viewer: ConversationViewer,
  evidenceId: string,
): Promise<void> {
  await requireOwnEvidence(viewer, evidenceId);
  // Deleted meanwhile (a second tab) is the same as deleted.
  await db.careerEvidence.deleteMany({ where: { id: evidenceId } });
}

/**
 * A person's evidence as the viewer may read it (all of it for themselves; what they shared for their manager), newest first,
 * and which of those items was recorded last. NotFoundError for anyone else.
 */
export async function evidenceOf(
  viewer: ConversationViewer,
  personId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<{ items: EvidenceItem[]; sharesAll: boolean; lastRecordedId: string | null }> {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { managerId: true, sharesAllEvidence: true, ladderId: true, level: true },
  });
  if (!person) throw new NotFoundError();
  if (!canSeeEvidenceOf(viewer, { id: personId, managerId: person.managerId }))
    throw new NotFoundError();
  // Every item of the person's: which the viewer reads is canReadEvidence's alone (policy.ts).
  const rows = await db.careerEvidence.findMany({
    where: { personId },
    orderBy: [{ occurredOn: "desc" }, { id: "asc" }],
    select: {
      id: true,
      personId: true,
      competencyId: true,
      text: true,
      url: true,
      occurredOn: true,
      shared: true,
      meetingId: true,
      createdAt: true,
    },
  });
  const served = await ladderForPerson(person);
  const ladder = served && ladderInLanguage(served.ladder, language).ladder;
  const readable = rows.filter((row) =>
    canReadEvidence(viewer, row, {
      managerId: person.managerId,
      sharesAllEvidence: person.sharesAllEvidence,
    }),
  );
  const items = readable.map((row) => ({
    id: row.id,
    competencyId: row.competencyId,
    competencyName: (ladder && getCompetency(ladder, row.competencyId)?.name) ?? row.competencyId,
    text: row.text,
    url: row.url,
    occurredOn: row.occurredOn,
    shared: row.shared,
    fromConversation: row.meetingId !== null,
  }));
  // The list is in the order things happened, not recorded: an item dated last month may be the newest.
  const lastRecorded = readable.reduce<(typeof readable)[number] | null>(
    (latest, row) => (!latest || row.createdAt > latest.createdAt ? row : latest),
    null,
  );
  return { items, sharesAll: person.sharesAllEvidence, lastRecordedId: lastRecorded?.id ?? null };
}

/**
 * What a self-assessment offers beside each competency: the person's evidence recorded since their
 * last submitted self-assessment (all of it before their first), by competency.
 */
export async function evidenceForSelfAssessment(
  personId: string,
): Promise<Map<string, RecordedItem[]>> {
  const last = await db.assessment.findFirst({
    where: { subjectId: personId, kind: "self", status: "submitted" },
    orderBy: { submittedAt: "desc" },
    select: { submittedAt: true },
  });
  const rows = await db.careerEvidence.findMany({
    where: { personId, ...(last?.submittedAt ? { createdAt: { gt: last.submittedAt } } : {}) },
    orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
    select: { id: true, competencyId: true, text: true, url: true, occurredOn: true },
  });
  const byCompetency = new Map<string, RecordedItem[]>();
  for (const { competencyId, ...item } of rows)
    byCompetency.set(competencyId, [...(byCompetency.get(competencyId) ?? []), item]);
  return byCompetency;
}

export type RecordedItem = { id: string; text: string; url: string | null; occurredOn: Date };

/** One item of the viewer's own evidence, to attach to their self-assessment as it was recorded: NotFoundError for anyone else's. */
export async function ownEvidenceItem(
  viewer: ConversationViewer,
  evidenceId: string,
): Promise<RecordedItem & { competencyId: string }> {
  await requireOwnEvidence(viewer, evidenceId);
  const item = await db.careerEvidence.findUnique({
    where: { id: evidenceId },
    select: { id: true, competencyId: true, text: true, url: true, occurredOn: true },
  });
  if (!item) throw new NotFoundError({ key: "conversations:errors.evidence.none" });
  return item;
}

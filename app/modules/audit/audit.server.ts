import { db, type Prisma } from "~/db/client.server";
import type { Message } from "~/i18n/messages";
import {
  actionLabel,
  subjectLabel,
  describeAuditDetail,
  idsToName,
  type AuditAction,
  type LadderWords,
} from "./events";

/**
 * The append-only record of administrative actions. Writers pass their transaction
 * client so the event commits or rolls back with the change it describes.
 */
// Cycle events have been stored with the model's name as their subject type since the first release.
export type AuditSubjectType =
  | "person"
  | "team"
  | "people"
  | "ladders"
  | "ReviewCycle"
  | "candidate"
  | "hiring"
  | "MentorshipProgramme"
  | "email"
  | "scim-token"
  | "scim-group"
  | "scim"
  | "conversation"
  | "webhook"
  | "api-token"
  | "retention"
  | "promotions"
  | "team-health-item";

export type AuditEventInput = {
  actorId: string | null;
  /** The SCIM token an identity provider made the change with (then actorId is null). */
  scimTokenId?: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string | null;
  detail?: Prisma.InputJsonValue;
};

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

export async function recordAuditEvent(tx: Writer, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: event });
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditListItem = {
  id: string;
  createdAt: string;
  action: string;
  /** A message's key, worded by the page; an action no longer written, as stored. */
  actionLabel: string;
  actor: { id: string; name: string } | null;
  scimToken: { id: string; name: string } | null;
  subjectType: string;
  /** A message's key naming the subject's kind, for subjects the page names by a word. */
  subjectLabel: string;
  subjectId: string | null;
  subjectName: string | null;
  /** A message the page words (describeAuditDetail); "" when the event has none. */
  detail: string | Message;
};

/** Newest first. Subjects are named in one extra query per kind, not one per row; details in words, tracks and levels named from the ladders. */
export async function listAuditEvents(
  page: number,
  ladderWords: LadderWords,
): Promise<{ events: AuditListItem[]; total: number; page: number; pageCount: number }> {
  const total = await db.auditEvent.count();
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.auditEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      subjectType: true,
      subjectId: true,
      detail: true,
      actor: { select: { id: true, name: true } },
      scimToken: { select: { id: true, name: true } },
    },
  });
  const idsOf = (type: string) => [
    ...new Set(
      rows.filter((row) => row.subjectType === type && row.subjectId).map((row) => row.subjectId!),
    ),
  ];
  // People and calibration sessions a detail refers to by id are named too (mentees, mentors, a promotion's session).
  const inDetails = [...new Set(rows.flatMap((row) => idsToName(row.detail)))];
  const [people, teams, cycles, sessions] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...idsOf("person"), ...inDetails] } },
      select: { id: true, name: true },
    }),
    db.team.findMany({ where: { id: { in: idsOf("team") } }, select: { id: true, name: true } }),
    db.reviewCycle.findMany({
      where: { id: { in: idsOf("ReviewCycle") } },
      select: { id: true, name: true },
    }),
    inDetails.length
      ? db.calibrationSession.findMany({
          where: { id: { in: inDetails } },
          select: { id: true, name: true },
        })
      : [],
  ]);
  const names = new Map<string, string>(
    [...people, ...teams, ...cycles, ...sessions].map((row) => [row.id, row.name]),
  );
  const context = { ladderWords, names };
  return {
    total,
    page: current,
    pageCount,
    events: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      action: row.action,
      actionLabel: actionLabel(row.action),
      actor: row.actor,
      scimToken: row.scimToken,
      subjectType: row.subjectType,
      subjectLabel: subjectLabel(row.subjectType),
      subjectId: row.subjectId,
      subjectName: row.subjectId ? (names.get(row.subjectId) ?? null) : null,
      detail: describeAuditDetail(row.action, row.detail, context),
    })),
  };
}

/**
 * The events recorded about one person (their record, sign-ins, promotions, exports), oldest first,
 * with who acted: for the person's own export. What changed stays in the audit log for admins; the
 * person reads what happened, when and by whom.
 */
export async function auditEventsAbout(
  personId: string,
): Promise<{ action: string; at: Date; actorName: string | null }[]> {
  const rows = await db.auditEvent.findMany({
    where: { subjectType: "person", subjectId: personId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      action: true,
      createdAt: true,
      actor: { select: { name: true } },
      scimToken: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    action: row.action,
    at: row.createdAt,
    actorName: row.actor?.name ?? row.scimToken?.name ?? null,
  }));
}

import { db, type Prisma } from "~/db/client.server";

/**
 * The append-only record of administrative actions. Writers pass their transaction
 * client so the event commits or rolls back with the change it describes.
 */
/** Every action the app records, with the words the audit log page shows for it. */
const ACTION_LABELS = {
  "person.created": "Person added",
  "person.updated": "Person updated",
  "person.deactivated": "Person deactivated",
  "person.reactivated": "Person reactivated",
  "person.signed_out_everywhere": "Signed out everywhere",
  "person.sign_in_link_created": "Sign-in link created",
  "person.password_set_with_link": "Password set with a sign-in link",
  "person.promoted": "Promoted through calibration",
  "person.signed_in_with_single_sign_on": "Signed in with single sign-on",
  "setup.first_admin": "First admin set up with the setup link",
  "setup.admin_by_command": "Made an admin with npm run admin",
  "people.imported": "People imported",
  "team.created": "Team created",
  "team.renamed": "Team renamed",
  "team.deleted": "Team deleted",
  "scim.token_created": "SCIM token created",
  "scim.token_revoked": "SCIM token revoked",
  "cycle.open": "Review cycle opened",
  "cycle.close": "Review cycle closed",
  "cycle.participants_added": "People added to a review cycle",
  "cycle.participant_removed": "Person taken out of a review cycle",
  "ladders.reloaded": "Ladders reloaded",
  "candidate.purged": "Candidate data purged",
  "hiring.retention_set": "Candidate retention period set",
  "mentorship.programme_created": "Mentorship programme set up",
  "mentorship.programme_updated": "Mentorship programme changed",
  "mentorship.programme_closed": "Mentorship programme closed",
  "mentorship.matching_run": "Mentor matching run",
  "mentorship.pair_pinned": "Mentorship pair pinned",
  "mentorship.pair_forbidden": "Mentorship pair forbidden",
  "mentorship.pair_rule_removed": "Mentorship pin or forbid removed",
  "mentorship.pairs_published": "Mentorship pairs published",
  "email.resent": "Email sent again",
} as const;

export type AuditAction = keyof typeof ACTION_LABELS;

/** The label of a stored action; an action no longer written shows as stored. */
function actionLabel(action: string): string {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action as AuditAction] : action;
}

// Cycle events have been stored with the model's name as their subject type since the first release.
export type AuditSubjectType = "person" | "team" | "people" | "ladders" | "ReviewCycle" | "candidate" | "hiring" | "MentorshipProgramme" | "email" | "scim-token";

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
  actionLabel: string;
  actor: { id: string; name: string } | null;
  scimToken: { id: string; name: string } | null;
  subjectType: string;
  subjectId: string | null;
  subjectName: string | null;
  detail: unknown;
};

/** Newest first. Subjects are named in one extra query per kind, not one per row. */
export async function listAuditEvents(page: number): Promise<{ events: AuditListItem[]; total: number; page: number; pageCount: number }> {
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
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.subjectType === type && row.subjectId).map((row) => row.subjectId!))];
  const [people, teams, cycles] = await Promise.all([
    db.user.findMany({ where: { id: { in: idsOf("person") } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: idsOf("team") } }, select: { id: true, name: true } }),
    db.reviewCycle.findMany({ where: { id: { in: idsOf("ReviewCycle") } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([...people, ...teams, ...cycles].map((row) => [row.id, row.name]));
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
      subjectId: row.subjectId,
      subjectName: row.subjectId ? (names.get(row.subjectId) ?? null) : null,
      detail: row.detail,
    })),
  };
}

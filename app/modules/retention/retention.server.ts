import { db, forgetFreedBytes } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import {
  requireRetentionSetter,
  retentionSetting,
  writeRetention,
} from "~/modules/hiring/candidates.server";
import type { Viewer } from "~/modules/identity/policy";
import * as clock from "~/platform/clock.server";
import { erasePerson } from "./erasure.server";
import type { RulesInput } from "./forms";
import { planCounts, retentionPlan, type PlanCounts } from "./plan.server";
import {
  canEraseNow,
  canHold,
  canManageRetention,
  type OthersTexts,
  type RuleKind,
} from "./policy";
import { erasedPeople, storedRules } from "./queries.server";

/** The admin page (/admin/retention): the rules, what the next pass removes (counted from the pass's own plan), the holds. */
export type RetentionPage = {
  rules: {
    privateNotes: number | null;
    feedbackTexts: number | null;
    leavers: number | null;
    teamHealthAnswers: number | null;
    othersTexts: OthersTexts;
    candidateDays: number | null;
  };
  /** How many of each kind of record (the modules' declarations) the next pass removes, in the pass's order. */
  next: PlanCounts;
  holds: { personId: string; name: string; email: string; setAt: string; setBy: string | null }[];
  erasures: number;
};

function requireManager(viewer: Viewer): void {
  // Wrong role: as if the page did not exist.
  if (!canManageRetention(viewer)) throw new NotFoundError();
}

export async function retentionPage(viewer: Viewer, now = clock.now()): Promise<RetentionPage> {
  requireManager(viewer);
  const [rules, candidates, plan, holds, erasures] = await Promise.all([
    storedRules(),
    retentionSetting(viewer),
    retentionPlan(now),
    db.legalHold.findMany({
      select: { personId: true, setAt: true, setById: true },
      orderBy: { setAt: "asc" },
    }),
    db.erasureRecord.count(),
  ]);
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...holds.flatMap((hold) => [hold.personId, hold.setById ?? ""])] } },
        select: { id: true, name: true, email: true },
      })
    ).map((person) => [person.id, person]),
  );
  return {
    rules: {
      privateNotes: rules["private-notes"].keepFor,
      feedbackTexts: rules["feedback-texts"].keepFor,
      leavers: rules.leavers.keepFor,
      teamHealthAnswers: rules["team-health-answers"].keepFor,
      othersTexts: rules.leavers.othersTexts,
      candidateDays: candidates.retentionDays,
    },
    next: planCounts(plan),
    holds: holds.map((hold) => ({
      personId: hold.personId,
      name: names.get(hold.personId)?.name ?? "",
      email: names.get(hold.personId)?.email ?? "",
      setAt: hold.setAt.toISOString(),
      setBy: hold.setById ? (names.get(hold.setById)?.name ?? null) : null,
    })),
    erasures,
  };
}

export async function setRules(viewer: Viewer, input: RulesInput): Promise<void> {
  requireManager(viewer);
  const rows: { kind: RuleKind; keepFor: number | null; othersTexts: OthersTexts }[] = [
    { kind: "private-notes", keepFor: input.privateNotes, othersTexts: "keep" },
    { kind: "feedback-texts", keepFor: input.feedbackTexts, othersTexts: "keep" },
    { kind: "leavers", keepFor: input.leavers, othersTexts: input.othersTexts },
    { kind: "team-health-answers", keepFor: input.teamHealthAnswers, othersTexts: "keep" },
  ];
  // The candidates' period is hiring's setting, written (and audited) by hiring's own code, in the same
  // transaction as the rules: refused, nothing of the form is saved.
  const candidatesChange = (await retentionSetting(viewer)).retentionDays !== input.candidateDays;
  if (candidatesChange) requireRetentionSetter(viewer);
  await db.$transaction(async (tx) => {
    for (const row of rows)
      await tx.retentionRule.upsert({
        where: { kind: row.kind },
        create: { ...row, updatedById: viewer.id },
        update: { keepFor: row.keepFor, othersTexts: row.othersTexts, updatedById: viewer.id },
      });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "retention.rules_set",
      subjectType: "retention",
      subjectId: null,
      detail: {
        privateNotesMonths: input.privateNotes,
        feedbackTextsCycles: input.feedbackTexts,
        leaversMonths: input.leavers,
        teamHealthAnswersMonths: input.teamHealthAnswers,
        othersTexts: input.othersTexts,
      },
    });
    if (candidatesChange) await writeRetention(tx, viewer, input.candidateDays);
  });
}

const HOLD_REFUSALS = {
  unknown: "retention:errors.holdUnknown",
  erased: "retention:errors.holdErased",
  held: "retention:errors.holdAlready",
} as const;

export async function placeHold(viewer: Viewer, email: string): Promise<void> {
  requireManager(viewer);
  const person = await db.user.findUnique({ where: { email }, select: { id: true } });
  await db.$transaction(async (tx) => {
    const [held, erased] = person
      ? await Promise.all([
          tx.legalHold.findUnique({ where: { personId: person.id } }),
          erasedPeople(tx),
        ])
      : [null, new Set<string>()];
    const verdict = canHold({
      exists: person !== null,
      erased: person ? erased.has(person.id) : false,
      held: held !== null,
    });
    if (verdict !== "ok") throw new InvalidError({ key: HOLD_REFUSALS[verdict] });
    await tx.legalHold.create({ data: { personId: person!.id, setById: viewer.id } });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "person.legal_hold_set",
      subjectType: "person",
      subjectId: person!.id,
    });
  });
}

export async function clearHold(viewer: Viewer, personId: string): Promise<void> {
  requireManager(viewer);
  await db.$transaction(async (tx) => {
    const { count } = await tx.legalHold.deleteMany({ where: { personId } });
    if (count === 0) throw new NotFoundError();
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "person.legal_hold_cleared",
      subjectType: "person",
      subjectId: personId,
    });
  });
}

const ERASE_REFUSALS = {
  unknown: "retention:errors.holdUnknown",
  active: "retention:errors.eraseActive",
  erased: "retention:errors.eraseErased",
  held: "retention:errors.eraseHeld",
} as const;

/** An admin erases a person who left now, for an erasure request received elsewhere; audited under their name. */
export async function eraseNow(viewer: Viewer, email: string, now = clock.now()): Promise<void> {
  requireManager(viewer);
  const person = await db.user.findUnique({
    where: { email },
    select: { id: true, deactivatedAt: true },
  });
  const [held, erased] = person
    ? await Promise.all([
        db.legalHold.findUnique({ where: { personId: person.id } }),
        erasedPeople(),
      ])
    : [null, new Set<string>()];
  const verdict = canEraseNow({
    exists: person !== null,
    left: person?.deactivatedAt != null,
    erased: person ? erased.has(person.id) : false,
    held: held !== null,
  });
  if (verdict !== "ok") throw new InvalidError({ key: ERASE_REFUSALS[verdict] });
  const { othersTexts } = (await storedRules()).leavers;
  // A hold placed or an erasure made a moment ago is checked again inside the erasure's transaction.
  if (!(await erasePerson(person!.id, now, othersTexts, "request", viewer.id)))
    throw new InvalidError({ key: "retention:errors.eraseHeld" });
  await forgetFreedBytes();
}

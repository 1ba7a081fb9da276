import { describe, expect, test } from "vitest";
import { db, Prisma } from "~/db/client.server";
import { canReadAssessment, subjectSelfSubmitted, type AssessmentFacts, type AssessmentKind, type AssessmentStatus } from "~/modules/assessments/policy";
import { readableBySubjectSql } from "~/modules/assessments/queries.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { createPerson, uniqueEmail } from "../../utils/factories";

/**
 * The assessment privacy rule has one source, canReadAssessment (assessments/policy.ts). Its SQL
 * form, readableBySubjectSql, is what statements that show a person figures from their own
 * reviews filter with (mentorship); it speaks for the subject as reader, beside the callers'
 * `status = 'submitted'`. Every other reader (author, manager chain, admin, calibrator) is
 * decided by the TypeScript rule alone. Here the SQL form is checked against the TypeScript rule
 * on every generated case: each kind × status × cycle (in one, or outside cycles) × the subject's
 * own self-assessment there (none, a draft, submitted in the same cycle, submitted only in another).
 */

type OwnSelf = "none" | "draft" | "submitted here" | "submitted elsewhere";
type Case = { kind: AssessmentKind; status: AssessmentStatus; inCycle: boolean; own: OwnSelf };

const cases: Case[] = [];
for (const kind of ["self", "manager"] as const)
  for (const status of ["draft", "submitted"] as const)
    for (const inCycle of [true, false])
      for (const own of ["none", "draft", "submitted here", "submitted elsewhere"] as const) cases.push({ kind, status, inCycle, own });

describe("the SQL form of the privacy rule", () => {
  test(`agrees with canReadAssessment for the subject on ${cases.length} generated cases`, async () => {
    const ladder = await ladderForLevel("ic2");
    const cycle = (name: string) => db.reviewCycle.create({ data: { name: `${name} ${uniqueEmail()}`, startsOn: new Date("2026-01-01"), endsOn: new Date("2026-02-01") } });
    const [here, elsewhere] = [await cycle("This cycle"), await cycle("Another cycle")];
    const manager = await createPerson();
    type Row = AssessmentFacts & { id: string; cycleId: string | null };
    const write = async (fields: Omit<Row, "id">) => {
      const row = await db.assessment.create({
        data: { ...fields, ladderVersionId: ladder!.versionId, trackId: "ic", levelId: "ic2", submittedAt: fields.status === "submitted" ? new Date() : null },
        select: { id: true, kind: true, status: true, subjectId: true, authorId: true, cycleId: true },
      });
      return row as Row;
    };

    const targets: { case: Case; target: Row; subjectsOwn: Row[] }[] = [];
    for (const generated of cases) {
      const subject = await createPerson({ managerId: manager.id });
      const cycleId = generated.inCycle ? here.id : null;
      const target = await write({ kind: generated.kind, status: generated.status, subjectId: subject.id, authorId: generated.kind === "self" ? subject.id : manager.id, cycleId });
      const own: Row[] = [];
      const self = (status: AssessmentStatus, ownCycleId: string | null) => write({ kind: "self", status, subjectId: subject.id, authorId: subject.id, cycleId: ownCycleId });
      if (generated.own === "draft") own.push(await self("draft", cycleId));
      if (generated.own === "submitted here") own.push(await self("submitted", cycleId));
      if (generated.own === "submitted elsewhere") own.push(await self("submitted", generated.inCycle ? elsewhere.id : here.id));
      targets.push({ case: generated, target, subjectsOwn: [target, ...own] });
    }

    const ids = targets.map(({ target }) => target.id);
    const readable = await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT a.id FROM "Assessment" a WHERE a.id IN (${Prisma.join(ids)}) AND a.status = 'submitted' AND ${readableBySubjectSql("a")}`,
    );
    const bySql = new Set(readable.map((row) => row.id));

    let readableCount = 0;
    for (const { case: generated, target, subjectsOwn } of targets) {
      const byRule = canReadAssessment(target, {
        viewerId: target.subjectId,
        viewerIsAdmin: false,
        subjectManagerChain: [manager.id],
        subjectSelfSubmitted: subjectSelfSubmitted(subjectsOwn, target.subjectId, target.cycleId),
      });
      // The SQL form is used beside `status = 'submitted'`: a draft is never a figure, even the subject's own.
      const expected = byRule && target.status === "submitted";
      if (expected) readableCount += 1;
      expect(bySql.has(target.id), JSON.stringify(generated)).toBe(expected);
    }
    // Both answers occur: the cases tell the rule's sides apart.
    expect(readableCount).toBeGreaterThan(0);
    expect(readableCount).toBeLessThan(cases.filter((generated) => generated.status === "submitted").length);
  });
});

import { describe, expect, test } from "vitest";
import { db, Prisma } from "~/db/client.server";
import {
  canReadAssessment,
  sharedWhenBothSubmitted,
  subjectSelfSubmitted,
  type AssessmentFacts,
  type AssessmentKind,
  type AssessmentStatus,
  type ReviewSharingFacts,
} from "~/modules/assessments/policy";
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
 * own self-assessment there (none, a draft, submitted in the same cycle, submitted only in another)
 * × when the cycle shares reviews (as soon as both are in; on a day past or to come; after
 * calibration's release, released to the subject or not).
 */

type OwnSelf = "none" | "draft" | "submitted here" | "submitted elsewhere";
const SHARINGS = [
  "when-both-submitted",
  "on a day past",
  "on a day to come",
  "after a release",
  "before a release",
] as const;
type Sharing = (typeof SHARINGS)[number];
type Case = {
  kind: AssessmentKind;
  status: AssessmentStatus;
  inCycle: boolean;
  own: OwnSelf;
  sharing: Sharing;
};

const cases: Case[] = [];
for (const kind of ["self", "manager"] as const)
  for (const status of ["draft", "submitted"] as const)
    for (const inCycle of [true, false])
      for (const own of ["none", "draft", "submitted here", "submitted elsewhere"] as const)
        for (const sharing of inCycle ? SHARINGS : (["when-both-submitted"] as const))
          cases.push({ kind, status, inCycle, own, sharing });

const DAY = 86_400_000;

describe("the SQL form of the privacy rule", () => {
  test(`agrees with canReadAssessment for the subject on ${cases.length} generated cases`, async () => {
    const ladder = await ladderForLevel("ic2");
    const now = new Date();
    const cycleColumns: Record<Sharing, { reviewsShared: string; reviewsSharedOn?: Date }> = {
      "when-both-submitted": { reviewsShared: "when-both-submitted" },
      "on a day past": { reviewsShared: "on-date", reviewsSharedOn: new Date(now.getTime() - DAY) },
      "on a day to come": {
        reviewsShared: "on-date",
        reviewsSharedOn: new Date(now.getTime() + DAY),
      },
      "after a release": { reviewsShared: "after-release" },
      "before a release": { reviewsShared: "after-release" },
    };
    const cycle = (name: string, sharing: Sharing = "when-both-submitted") =>
      db.reviewCycle.create({
        data: {
          name: `${name} ${uniqueEmail()}`,
          startsOn: new Date("2026-01-01"),
          endsOn: new Date("2026-02-01"),
          ...cycleColumns[sharing],
        },
      });
    const cycles = new Map<Sharing, { id: string }>();
    for (const sharing of SHARINGS)
      cycles.set(sharing, await cycle(`This cycle (${sharing})`, sharing));
    const elsewhere = await cycle("Another cycle");
    const manager = await createPerson();
    const facilitator = await createPerson();
    // Released outcomes in a published session of the cycle; the other cycle's session publishes nothing released.
    const session = (cycleId: string) =>
      db.calibrationSession.create({
        data: {
          name: `Calibration ${uniqueEmail()}`,
          cycleId,
          facilitatorId: facilitator.id,
          state: "published",
          ladderId: "engineering",
          ladderVersionId: ladder!.versionId,
          groupFloor: 4,
        },
      });
    const sessions = {
      released: await session(cycles.get("after a release")!.id),
      waiting: await session(cycles.get("before a release")!.id),
    };
    type Row = AssessmentFacts & { id: string; cycleId: string | null };
    const write = async (fields: Omit<Row, "id">) => {
      const row = await db.assessment.create({
        data: {
          ...fields,
          ladderVersionId: ladder!.versionId,
          trackId: "ic",
          levelId: "ic2",
          submittedAt: fields.status === "submitted" ? new Date() : null,
        },
        select: {
          id: true,
          kind: true,
          status: true,
          subjectId: true,
          authorId: true,
          cycleId: true,
        },
      });
      return row as Row;
    };

    const targets: { case: Case; target: Row; subjectsOwn: Row[] }[] = [];
    for (const generated of cases) {
      const subject = await createPerson({ managerId: manager.id });
      const here = cycles.get(generated.sharing)!;
      const cycleId = generated.inCycle ? here.id : null;
      if (generated.sharing === "after a release")
        await db.calibrationEntry.create({
          data: {
            sessionId: sessions.released.id,
            personId: subject.id,
            managerId: manager.id,
            released: true,
          },
        });
      if (generated.sharing === "before a release")
        await db.calibrationEntry.create({
          data: {
            sessionId: sessions.waiting.id,
            personId: subject.id,
            managerId: manager.id,
            released: false,
          },
        });
      const target = await write({
        kind: generated.kind,
        status: generated.status,
        subjectId: subject.id,
        authorId: generated.kind === "self" ? subject.id : manager.id,
        cycleId,
      });
      const own: Row[] = [];
      const self = (status: AssessmentStatus, ownCycleId: string | null) =>
        write({
          kind: "self",
          status,
          subjectId: subject.id,
          authorId: subject.id,
          cycleId: ownCycleId,
        });
      if (generated.own === "draft") own.push(await self("draft", cycleId));
      if (generated.own === "submitted here") own.push(await self("submitted", cycleId));
      if (generated.own === "submitted elsewhere")
        own.push(await self("submitted", generated.inCycle ? elsewhere.id : here.id));
      targets.push({ case: generated, target, subjectsOwn: [target, ...own] });
    }

    const sharingFacts = (sharing: Sharing): ReviewSharingFacts => {
      const columns = cycleColumns[sharing];
      return {
        reviewsShared: columns.reviewsShared as ReviewSharingFacts["reviewsShared"],
        sharedOn: columns.reviewsSharedOn ?? null,
        outcomeReleased: sharing === "after a release",
        now,
      };
    };
    const ids = targets.map(({ target }) => target.id);
    const readable = await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT a.id FROM "Assessment" a WHERE a.id IN (${Prisma.join(ids)}) AND a.status = 'submitted' AND ${readableBySubjectSql("a", now)}`,
    );
    const bySql = new Set(readable.map((row) => row.id));

    let readableCount = 0;
    for (const { case: generated, target, subjectsOwn } of targets) {
      const byRule = canReadAssessment(target, {
        viewerId: target.subjectId,
        viewerIsAdmin: false,
        subjectManagerChain: [manager.id],
        subjectSelfSubmitted: subjectSelfSubmitted(subjectsOwn, target.subjectId, target.cycleId),
        sharing:
          target.cycleId === null ? sharedWhenBothSubmitted(now) : sharingFacts(generated.sharing),
      });
      // The SQL form is used beside `status = 'submitted'`: a draft is never a figure, even the subject's own.
      const expected = byRule && target.status === "submitted";
      if (expected) readableCount += 1;
      expect(bySql.has(target.id), JSON.stringify(generated)).toBe(expected);
    }
    // Both answers occur: the cases tell the rule's sides apart.
    expect(readableCount).toBeGreaterThan(0);
    expect(readableCount).toBeLessThan(
      cases.filter((generated) => generated.status === "submitted").length,
    );
  });
});

import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { loader as gapLoader } from "~/routes/people.$personId.gap";
import { loader as historyLoader } from "~/routes/people.$personId.history";
import { loader as growthLoader } from "~/routes/people.$personId._index";
import { loader as printLoader } from "~/routes/people.$personId.print";
import { routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import {
  createAssessment,
  createCycle,
  engineeringVersionId,
  reviewOrganisation,
  type RatingSeed,
} from "./profile-factories";

/**
 * "No query in a loop": every growth page's loader runs the same small number of
 * SQL statements whether the person has one cycle behind them or many, in an
 * organisation of 5,000. Counted where every statement reaches the database
 * (app/db/statement-count.server.ts), so one more query in a loop fails the test.
 */
const loaders = {
  growth: { load: growthLoader, path: "" },
  gap: { load: gapLoader, path: "/gap" },
  history: { load: historyLoader, path: "/history" },
  print: { load: printLoader, path: "/print" },
};

/**
 * Per page: the viewer's session, the person's manager chain, the person, their
 * assessments, then (growth, gap, print) the ratings the page shows and the growth
 * plan, or (history) the ratings of every submitted assessment and the level changes applied
 * through calibration; the growth page also what the viewer owes about the person (the to-do
 * list's review facts, one statement) and whether any feedback about the person was answered (one
 * statement; the links to it read more only when some was). Ladder versions come from the in-memory
 * cache once warm.
 */
const expected = { growth: 8, gap: 6, history: 6, print: 6 };

async function statementsFor(
  name: keyof typeof loaders,
  viewerId: string,
  personId: string,
): Promise<string[]> {
  const { load, path } = loaders[name];
  const request = await signedInRequest(`/people/${personId}${path}`, viewerId);
  const { statements } = await countStatements<unknown>(() =>
    load(routeArgs(request, { personId })),
  );
  return statements;
}

async function expectStatementCounts(viewerId: string, personId: string) {
  for (const name of Object.keys(loaders) as (keyof typeof loaders)[]) {
    const statements = await statementsFor(name, viewerId, personId);
    // The statements' first lines say which query came back or went missing.
    const firstLines = statements.map((sql) => sql.trim().split("\n")[0]);
    expect(statements.length, `${name}: ${JSON.stringify(firstLines, null, 1)}`).toBe(
      expected[name],
    );
  }
}

const ratings = (seed: number): RatingSeed[] =>
  [
    "code-quality",
    "testing",
    "system-design",
    "security",
    "operations",
    "planning",
    "execution",
    "mentoring",
  ].map((competencyId, index) => ({
    competencyId,
    rating: 1 + ((seed + index) % 4),
    notes: `Notes ${seed}-${index}`,
    marks: { "0": "met" },
    evidence: [{ text: `Evidence ${seed}-${index}` }, { text: `More evidence ${seed}-${index}` }],
  }));

async function cycleOfAssessments(
  name: string,
  startsOn: Date,
  subjectId: string,
  managerId: string,
  seed: number,
) {
  const cycle = await createCycle(name, startsOn, true);
  const submittedAt = new Date(startsOn.getTime() + 86_400_000);
  await createAssessment({
    kind: "self",
    subjectId,
    authorId: subjectId,
    cycleId: cycle.id,
    submittedAt,
    ratings: ratings(seed),
  });
  await createAssessment({
    kind: "manager",
    subjectId,
    authorId: managerId,
    cycleId: cycle.id,
    submittedAt: new Date(submittedAt.getTime() + 1000),
    ratings: ratings(seed + 1),
  });
  return cycle;
}

describe("growth pages run a fixed number of queries", () => {
  test(
    "with 5,000 people and two past cycles, and the same again after more cycles, evidence and plans",
    { timeout: 60_000 },
    async () => {
      const { engineer, manager, director } = await reviewOrganisation();
      await db.user.createMany({
        data: Array.from({ length: 5_000 }, (_, i) => ({
          name: `Bulk ${i}`,
          email: `bulk.${i}@queries.example.com`,
          track: "ic",
          level: "ic2",
          managerId: manager.id,
        })),
      });
      const spring = await cycleOfAssessments(
        "Spring",
        new Date("2026-03-01T00:00:00Z"),
        engineer.id,
        manager.id,
        1,
      );
      const autumn = await cycleOfAssessments(
        "Autumn",
        new Date("2026-09-01T00:00:00Z"),
        engineer.id,
        manager.id,
        2,
      );
      // Everyone else was reviewed in both cycles too: 20,000 more assessments, written in one statement.
      const versionId = await engineeringVersionId();
      await db.$executeRaw`
      INSERT INTO "Assessment" ("id", "kind", "status", "subjectId", "authorId", "cycleId", "ladderVersionId", "trackId", "levelId", "summary", "revision", "submittedAt", "createdAt", "updatedAt")
      SELECT 'bulk-' || k."kind" || '-' || u."id" || '-' || c."id", k."kind", 'submitted', u."id", CASE WHEN k."kind" = 'self' THEN u."id" ELSE u."managerId" END,
             c."id", ${versionId}, 'ic', 'ic2', '', 0, c."startsOn", c."createdAt", c."createdAt"
      FROM "User" u
      CROSS JOIN "ReviewCycle" c
      CROSS JOIN (SELECT 'self' AS "kind" UNION ALL SELECT 'manager') k
      WHERE u."email" LIKE '%@queries.example.com' AND c."id" IN (${spring.id}, ${autumn.id})`;
      expect(await db.assessment.count()).toBeGreaterThanOrEqual(20_000);
      // Warm the ladder registry and the stored-version cache first.
      for (const name of Object.keys(loaders) as (keyof typeof loaders)[])
        await statementsFor(name, manager.id, engineer.id);
      await expectStatementCounts(director.id, engineer.id);

      // More history: two more cycles, out-of-cycle assessments, a draft and a growth plan.
      await cycleOfAssessments(
        "Spring 2027",
        new Date("2027-03-01T00:00:00Z"),
        engineer.id,
        manager.id,
        3,
      );
      await cycleOfAssessments(
        "Autumn 2027",
        new Date("2027-09-01T00:00:00Z"),
        engineer.id,
        manager.id,
        4,
      );
      await createAssessment({
        kind: "self",
        subjectId: engineer.id,
        authorId: engineer.id,
        submittedAt: new Date("2027-11-01T00:00:00Z"),
        ratings: ratings(5),
      });
      await createAssessment({
        kind: "manager",
        subjectId: engineer.id,
        authorId: manager.id,
        status: "draft",
        ratings: ratings(6),
      });
      await db.growthPlan.create({
        data: {
          personId: engineer.id,
          ladderVersionId: versionId,
          targetLevelId: "ic3",
          focus: {
            create: [
              { competencyId: "testing", position: 0 },
              { competencyId: "planning", position: 1 },
            ],
          },
        },
      });
      await expectStatementCounts(director.id, engineer.id);
      await expectStatementCounts(manager.id, engineer.id);
    },
  );
});
